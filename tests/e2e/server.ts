// Starts scripts/static-server.mjs on a free port for one test, so a test can serve its own
// copy of a build (a second version, a subpath) and cut the network for real by stopping it.
import { spawn, ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');

export class Server {
  private constructor(readonly proc: ChildProcess, readonly url: string) {}

  /** Serves `dir` under `base` ("/" or "/fasciamap/"); resolves once it listens. */
  static async start(dir: string, base = '/'): Promise<Server> {
    const proc = spawn('node', [join(ROOT, 'scripts/static-server.mjs'), '--dir', dir, '--port', '0', '--base', base], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('static server did not start')), 10_000);
      proc.stdout!.on('data', (b: Buffer) => {
        const m = /served at (\S+)/.exec(b.toString());
        if (m) { clearTimeout(timer); ok(m[1]); }
      });
      proc.on('exit', (code) => fail(new Error(`static server exited (${code})`)));
    });
    return new Server(proc, url);
  }

  /** Stops serving: from now on every request to it fails, as with no network. */
  async stop() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await new Promise((ok) => { this.proc.once('exit', ok); this.proc.kill(); });
  }
}

/** A private copy of the release build that a test may change. */
export function copyOfDist(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'fasciamap-dist-'));
  cpSync(DIST, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

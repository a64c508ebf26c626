// Shared by the measuring scripts (first-load.mjs, tap-latency.mjs): serve a build folder with
// scripts/static-server.mjs and launch Debian's headless Chromium the way the tests do.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The project root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The value after `--name` on the command line, or `dflt`. */
export const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};

/** Serves `dir` on 127.0.0.1:`port` (brotli when `compress`); resolves once it listens. */
export async function serve(dir, port, compress = false) {
  const args = [join(root, 'scripts/static-server.mjs'), '--dir', dir, '--port', String(port)];
  if (compress) args.push('--compress');
  const server = spawn('node', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  return server;
}

/** Headless Chromium from /usr/bin with the suite's flags (Playwright from tests/e2e, the same
 *  version the browser tests use; `scripts/setup.sh --test` installs both). */
export async function chromium() {
  const require = createRequire(join(root, 'tests/e2e/package.json'));
  let browserType;
  try {
    browserType = require('playwright-core').chromium;
  } catch {
    console.error('playwright-core is missing from tests/e2e/node_modules: run scripts/setup.sh --test');
    process.exit(1);
  }
  return browserType.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A 390×844 touch phone context with service workers off, for a returning person whose
 *  cache is empty (see [`returning`]). */
export async function phone(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, serviceWorkers: 'block', ...options });
  await context.addInitScript(returning);
  return context;
}

/** Runs in the page before the app: when nothing is stored, stores what a returning person
 *  has (the welcome passed, floor and tools answered), so the app opens on the map as it does
 *  for everyone but a first-time visitor (whose welcome comes first). The same document as
 *  tests/e2e/fixtures.ts stores; the reference page ignores it. */
export function returning() {
  try {
    if (localStorage.getItem('fasciamap.doc') !== null) return;
    const data = JSON.stringify({ profile: { welcomed: true, floor_ok: true, tools: ['soft_roller', 'tennis_ball'] } });
    let c = ~0;
    for (const b of new TextEncoder().encode(data)) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    localStorage.setItem('fasciamap.doc', `{"fmt":"fasciamap","v":2,"rev":1,"saved_at":"","crc":${~c >>> 0},"data":${data}}`);
  } catch {
    // Storage blocked: the app opens on the map anyway.
  }
}

// A tiny static file server for dist/ (no dependencies): correct MIME types, optional
// subpath (--base /fasciamap/), optional brotli/gzip (--compress), loopback only.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** Compressed bodies, by encoding, path, size and modification time (see --compress). */
const compressed = new Map();
async function compressedBody(kind, path, body) {
  const { mtimeMs } = await stat(path);
  const key = `${kind}:${path}:${body.length}:${mtimeMs}`;
  if (!compressed.has(key)) compressed.set(key, kind === 'br' ? brotliCompressSync(body) : gzipSync(body));
  return compressed.get(key);
}

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const dir = opt('--dir', 'dist');
const port = Number(opt('--port', '8080'));
let base = opt('--base', '/');
if (!base.endsWith('/')) base += '/';
const compress = args.includes('--compress');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (!url.pathname.startsWith(base)) {
    res.writeHead(url.pathname === '/' ? 302 : 404, { Location: base });
    return res.end();
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  const file = normalize(join(dir, rel));
  if (!file.startsWith(normalize(dir))) { res.writeHead(403); return res.end(); }
  let path = file;
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
  } catch {
    // Unknown paths under the base are app routes: answer with the app shell.
    path = join(dir, extname(rel) ? '__missing__' : 'index.html');
  }
  try {
    let body = await readFile(path);
    const headers = {
      'Content-Type': types[extname(path)] || 'application/octet-stream',
      'Cache-Control': path.endsWith('sw.js') || path.endsWith('.html') ? 'no-cache' : 'max-age=31536000, immutable',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    };
    const enc = req.headers['accept-encoding'] || '';
    if (compress && /\.(html|js|wasm|css|json|webmanifest|svg)$/.test(path)) {
      // Compressed ahead of time (below), as a real static host does, so a measured load time
      // is the page's and not this server's compressor's.
      const kind = enc.includes('br') ? 'br' : enc.includes('gzip') ? 'gzip' : null;
      if (kind) {
        body = await compressedBody(kind, path, body);
        headers['Content-Encoding'] = kind;
      }
      headers['Vary'] = 'Accept-Encoding';
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
});
/** Compresses every file of `d` with brotli before the server says it is ready. */
async function precompress(d) {
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) await precompress(p);
    else if (/\.(html|js|wasm|css|json|webmanifest|svg)$/.test(p)) await compressedBody('br', p, await readFile(p));
  }
}
if (compress) await precompress(dir);

server.listen(port, '127.0.0.1', () => {
  // With --port 0 the system picks a free port: print the real one (tests read this line).
  console.log(`FasciaMap is served at http://127.0.0.1:${server.address().port}${base}`);
});

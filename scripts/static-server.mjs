// A tiny static file server for dist/ (no dependencies): correct MIME types, optional
// subpath (--base /fasciamap/), optional brotli/gzip (--compress), loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

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
      if (enc.includes('br')) { body = brotliCompressSync(body); headers['Content-Encoding'] = 'br'; }
      else if (enc.includes('gzip')) { body = gzipSync(body); headers['Content-Encoding'] = 'gzip'; }
      headers['Vary'] = 'Accept-Encoding';
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  // With --port 0 the system picks a free port: print the real one (tests read this line).
  console.log(`FasciaMap is served at http://127.0.0.1:${server.address().port}${base}`);
});

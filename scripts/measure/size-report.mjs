// Prints raw / gzip / brotli sizes of a build folder and the first-load total (what a first
// visit downloads before the map works: everything but the icons that only the install prompt
// uses and the lazily loaded parts `split_*.wasm` and `chunk-*.wasm`, which are fetched when the browser is idle or
// a screen needs them). scripts/measure/first-load.mjs measures the same thing in a real browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] || 'dist';
const files = [];
const walk = (d) => readdirSync(d).forEach((n) => {
  const p = join(d, n);
  statSync(p).isDirectory() ? walk(p) : files.push(p);
});
walk(root);
const kib = (n) => (n / 1024).toFixed(1).padStart(8);
let total = { raw: 0, gz: 0, br: 0 };
let first = { raw: 0, gz: 0, br: 0 };
let lazy = { raw: 0, gz: 0, br: 0 };
console.log('file'.padEnd(44) + '     raw KiB    gzip KiB  brotli KiB');
for (const f of files.sort()) {
  const b = readFileSync(f);
  const gz = gzipSync(b, { level: 9 }).length;
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const name = relative(root, f);
  console.log(name.padEnd(44) + kib(b.length) + '    ' + kib(gz) + '    ' + kib(br));
  total = { raw: total.raw + b.length, gz: total.gz + gz, br: total.br + br };
  const isLazy = /(^|\/)(split_|chunk-)[^/]*\.wasm$/.test(name) || /^later-[0-9a-f]+\.css$/.test(name);
  // Icons and the install dialog's screenshots are fetched only when the browser offers to install.
  const onFirstLoad = !isLazy && !/^(icons|screenshots)\//.test(name) && !/apple-touch|\.png$/.test(name) && name !== 'sw.js';
  if (onFirstLoad) first = { raw: first.raw + b.length, gz: first.gz + gz, br: first.br + br };
  if (isLazy) lazy = { raw: lazy.raw + b.length, gz: lazy.gz + gz, br: lazy.br + br };
}
console.log('-'.repeat(80));
console.log('all files'.padEnd(44) + kib(total.raw) + '    ' + kib(total.gz) + '    ' + kib(total.br));
console.log('lazy parts (split_*, chunk-*)'.padEnd(44) + kib(lazy.raw) + '    ' + kib(lazy.gz) + '    ' + kib(lazy.br));
console.log('first load (no icons or screenshots, no lazy parts)'.padEnd(44) + kib(first.raw) + '    ' + kib(first.gz) + '    ' + kib(first.br));
console.log(`first-load brotli: ${(first.br / 1024).toFixed(1)} KiB (budget 100, aim 70)`);

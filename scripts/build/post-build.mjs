// Trunk post_build hook (see Trunk.toml), also runnable by hand: `node scripts/build/post-build.mjs
// --dir dist --release` re-seals a build directory.
//
// 0. The second stylesheet (style/later.css: everything but the first paint) must not block the
//    first paint: its <link> becomes <meta name="fm-later-css" content="…" data-integrity="…">,
//    which src/style.rs reads to add the stylesheet as the app starts (added by script, it holds up no paint).
// 1. Content-Security-Policy: Trunk injects one inline <script type="module"> (the wasm
//    loader), index.html has one of its own (the loading page's tap keeper) and Trunk inlines
//    style/main.css as a <style>. Their SHA-256 go into the CSP <meta> of index.html, so the
//    policy allows exactly those and no other inline code or style ('unsafe-inline' is never
//    used).
// 2. Release builds only: writes sw.js from scripts/build/sw.template.js with the build's precache
//    list (every file Trunk produced) and a version that is a hash of all their contents, so
//    any change to any file makes a new service worker, and the same files the same one.
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const argDir = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : null;
const dir = argDir || process.env.TRUNK_STAGING_DIR;
const release = args.includes('--release') || process.env.TRUNK_PROFILE === 'release';
if (!dir) {
  console.error('post-build: no build directory (TRUNK_STAGING_DIR or --dir)');
  process.exit(1);
}

const sha256 = (data, enc) => createHash('sha256').update(data).digest(enc);

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');

// 0. The second stylesheet, out of the render-blocking path (a no-op when already done).
html = html.replace(/<link\b[^>]*\bhref="?([^"\s>]*later-[0-9a-f]+\.css)"?[^>]*>/, (tag, href) => {
  const integrity = (tag.match(/\bintegrity="?([^"\s>]+)"?/) || [])[1] || '';
  return `<meta name="fm-later-css" content="${href}" data-integrity="${integrity}">`;
});

// 1. CSP hash of every inline script.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc\s*=/.test(m[1]))
  .map((m) => `'sha256-${sha256(m[2], 'base64')}'`);
// The minifier may reorder attributes and drop quotes, so find the tag first, then its content.
const cspTag = /<meta\b[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i;
const tag = html.match(cspTag);
if (!tag) {
  console.error('post-build: index.html has no Content-Security-Policy meta');
  process.exit(1);
}
// … and of every inline stylesheet (style/main.css, inlined by Trunk for the first paint).
const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)]
  .map((m) => `'sha256-${sha256(m[1], 'base64')}'`);
const sealed = tag[0].replace(/content="([^"]*)"/, (_, policy) => {
  const p = policy.replace(/ 'sha256-[^']*'/g, '').replace(
    /script-src ([^;]*)/,
    (_m, srcs) => `script-src ${[srcs.trim(), ...inline].join(' ')}`,
  ).replace(
    /style-src ([^;]*)/,
    (_m, srcs) => `style-src ${[srcs.trim(), ...styles].join(' ')}`,
  );
  return `content="${p}"`;
});
html = html.replace(tag[0], sealed);
await writeFile(indexPath, html);
console.log(`post-build: CSP allows ${inline.length} inline script(s) and ${styles.length} inline stylesheet(s) by hash`);

// 2. Service worker (release only).
const swPath = join(dir, 'sw.js');
if (!release) {
  await rm(swPath, { force: true });
  process.exit(0);
}
async function list(d) {
  const out = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) out.push(...(await list(p)));
    else out.push(p);
  }
  return out;
}
const files = (await list(dir))
  .map((p) => relative(dir, p).split(sep).join('/'))
  // The install dialog's screenshots are fetched by the browser only when it offers to
  // install; the app never needs them offline, so they stay out of the precache.
  .filter((p) => p !== 'sw.js' && !p.endsWith('.map') && !p.startsWith('.') && !p.startsWith('screenshots/'))
  .sort();
const h = createHash('sha256');
for (const f of files) h.update(f).update('\0').update(await readFile(join(dir, f))).update('\0');
const version = h.digest('hex').slice(0, 16);
const template = await readFile(fileURLToPath(new URL('./sw.template.js', import.meta.url)), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(['./', ...files], null, 2));
await writeFile(swPath, sw);
console.log(`post-build: sw.js version ${version}, ${files.length} files precached`);

// Trunk post-build step: puts the lazily loaded parts of the app into the build.
//
// scripts/build/bin/wasm-bindgen cut the wasm at its `#[lazy]` functions and left the lazy parts
// and their loader (`__wasm_split.js`) in <target>/wasm-bindgen/<profile>/split/. This hook
//   1. optimises each lazy part with wasm-opt (release builds), names it after a hash of its
//      bytes and copies it into the staging dir;
//   2. writes the loader with those names and the app's hashed glue module, under a hashed name;
//   3. points the glue at the hashed loader, minifies it (release builds; Trunk's own minifier
//      gives up on wasm-bindgen's output), renames it after its new content and updates
//      index.html (module path, preload link and its integrity hash).
// Every file name in dist/ then changes whenever its content does, so long-lived HTTP caches and
// the service worker can never mix two builds.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const release = (process.env.TRUNK_PROFILE || 'debug') === 'release';
// terser comes from the build's own package.json (scripts/build/node_modules).
const minify = release
  ? (await import('terser').catch(() => fail('terser is missing: run scripts/setup.sh'))).minify
  : null;
const small = async (code) =>
  release ? (await minify(code, { module: true, compress: { passes: 2 }, mangle: true })).code : code;

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE || 'debug';
if (!staging) fail('TRUNK_STAGING_DIR is not set: run this from Trunk (Trunk.toml [[hooks]])');
const target = process.env.CARGO_TARGET_DIR || 'target';
const splitDir = join(target, 'wasm-bindgen', profile, 'split');
const APP = 'fasciamap';

function fail(msg) {
  console.error(`split-parts: ${msg}`);
  process.exit(1);
}
const hash = (buf, n = 16) => createHash('sha256').update(buf).digest('hex').slice(0, n);
const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');

if (!existsSync(join(splitDir, '__wasm_split.js'))) {
  fail(`no split output in ${splitDir}. Build through scripts/serve.sh, scripts/test.sh or ` +
    'scripts/measure/size.sh (they put scripts/build/bin first in PATH), or run: ' +
    '. scripts/build/env.sh && trunk build');
}

const glueName = readdirSync(staging).find((f) => new RegExp(`^${APP}-[0-9a-f]+\\.js$`).test(f));
if (!glueName) fail(`no ${APP}-<hash>.js in ${staging}`);

// 1. Lazy parts.
let loader = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
const wasmOptArgs = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int'];
const parts = readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${APP}.wasm`);
for (const part of parts) {
  const src = join(splitDir, part);
  const tmp = join(staging, `${part}.tmp`);
  if (profile === 'release') {
    execFileSync('wasm-opt', [...wasmOptArgs, src, '-o', tmp], { stdio: 'inherit' });
  } else {
    copyFileSync(src, tmp);
  }
  const bytes = readFileSync(tmp);
  const stem = part.replace(/\.wasm$/, '').replace(/_\d+$/, '');
  const name = `${stem}-${hash(bytes)}.wasm`;
  renameSync(tmp, join(staging, name));
  const quoted = `"./${part}"`;
  if (!loader.includes(quoted)) fail(`the loader does not mention ${part}`);
  loader = loader.split(quoted).join(`"./${name}"`);
}

// 2. The loader, importing the hashed glue.
const plainGlue = `"./${APP}.js"`;
if (!loader.includes(plainGlue)) fail(`the loader does not import ${plainGlue}`);
loader = loader.split(plainGlue).join(`"./${glueName}"`);
const loaderName = `__wasm_split-${hash(loader)}.js`;

// 3. The glue, importing the hashed loader, under a name that follows its new content.
let glue = readFileSync(join(staging, glueName), 'utf8');
// Only the ES import changes: the wasm still names its import module "./__wasm_split.js".
const importRe = /from\s*(["'])\.\/__wasm_split\.js\1/g;
if (!importRe.test(glue)) fail(`${glueName} does not import ./__wasm_split.js`);
glue = await small(glue.replace(importRe, `from "./${loaderName}"`));
const newGlueName = `${APP}-${hash(glue)}.js`;
rmSync(join(staging, glueName));
writeFileSync(join(staging, newGlueName), glue);
// The loader imports the glue back (initSync): point it at the new name too.
writeFileSync(join(staging, loaderName), await small(loader.split(`"./${glueName}"`).join(`"./${newGlueName}"`)));

const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
if (!html.includes(glueName)) fail(`index.html does not load ${glueName}`);
html = html.split(glueName).join(newGlueName);
html = html.replace(
  new RegExp(`(<link[^>]*href=["']?[^"' >]*${newGlueName.replace('.', '\\.')}["']?[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+\\2`),
  (_, head, q) => `${head}${q}${sri(Buffer.from(glue))}${q}`,
);
writeFileSync(htmlPath, html);

console.log(`split-parts: ${parts.length} lazy part(s), loader ${loaderName}, glue ${newGlueName}`);

// Trunk post-build step: puts the lazily loaded parts of the app into the build.
//
// scripts/build/bin/wasm-bindgen cut the wasm at its `#[lazy]` functions and left the lazy parts,
// the chunks of code they share, and their loader (`__wasm_split.js`) in
// <target>/wasm-bindgen/<profile>/split/. This hook
//   1. optimises each lazy part and chunk with wasm-opt (release builds);
//   2. packs them into one file per part (below), named after a hash of its bytes;
//   3. writes the loader, reading modules out of the packs, with those names and the app's hashed
//      glue module, under a hashed name;
//   4. points the glue at the hashed loader, minifies it (release builds; Trunk's own minifier
//      gives up on wasm-bindgen's output), renames it after its new content and updates
//      index.html (module path, preload link and its integrity hash);
//   5. gives the main wasm's imports from the glue short names in both files
//      (scripts/build/short-imports.mjs) and renames the wasm after its new content.
// Every file name in dist/ then changes whenever its content does, so long-lived HTTP caches and
// the service worker can never mix two builds.
//
// Packs (issue #16): wasm-split gives every set of parts that shares code a chunk of its own,
// about 70 small files, and the editor sheet alone needs about 30 of them. A browser fetches six
// at a time from one host over HTTP/1.1, so on a slow phone line the first tap on the map waited
// for five round trips of tiny files. Each part now comes as one file, `split_<part>-<hash>.wasm`:
// its own module followed by every chunk it needs that an earlier part in PACK_ORDER has not
// already brought (the editor first: a tap on the map needs it; then storage, which opens at
// start; then the rest). A pack is the modules' bytes one after the other; the loader knows
// where each starts and ends, fetches a pack once and compiles each module from its slice. The
// extension stays `.wasm` so that static hosts serve packs compressed, as they do wasm.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortenImports } from './short-imports.mjs';

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

// 1. Lazy parts and the chunks they share, optimised.
let loader = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
const wasmOptArgs = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int'];
const modules = new Map(); // file name in split/ -> optimised bytes
for (const file of readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${APP}.wasm`)) {
  const src = join(splitDir, file);
  if (profile === 'release') {
    const tmp = join(staging, `${file}.tmp`);
    execFileSync('wasm-opt', [...wasmOptArgs, src, '-o', tmp], { stdio: 'inherit' });
    modules.set(file, readFileSync(tmp));
    rmSync(tmp);
  } else {
    modules.set(file, readFileSync(src));
  }
}

// 2. Packs. The loader declares every module as `makeLoad(() => { ... fetch(new URL("./<file>",
// import.meta.url)) ... }, [<deps>])`, bound to `__chunk_<n>` or exported as
// `__wasm_split_load_<part>`.
const PACK_ORDER = ['editor', 'store', 'map_extras', 'plan', 'poses', 'progress', 'share'];
const declRe = /(?:const (__chunk_\d+) = |export const __wasm_split_load_(\w+) = wrapAsyncCb\()makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);[\s\S]*?\}\s*,\s*\[([^\]]*)\]\)/g;
const byVar = new Map(); // __chunk_<n> -> { file, deps }
const byPart = new Map(); // part -> { file, deps }
for (const m of loader.matchAll(declRe)) {
  const decl = { file: m[3], deps: m[4].split(',').map((d) => d.trim()).filter(Boolean) };
  if (m[1]) byVar.set(m[1], decl);
  else byPart.set(m[2], decl);
}
const declared = byVar.size + byPart.size;
if (declared !== modules.size) fail(`the loader declares ${declared} modules, split/ has ${modules.size}`);
const unknown = [...byPart.keys()].filter((p) => !PACK_ORDER.includes(p));
if (unknown.length) fail(`lazy part(s) ${unknown.join(', ')} missing from PACK_ORDER in ${import.meta.url}`);
const packOf = new Map(); // module file -> [pack number, offset, length]
const packNames = []; // pack number -> file name
const packs = [];
for (const part of PACK_ORDER.filter((p) => byPart.has(p))) {
  const files = [];
  const visit = (decl) => {
    for (const d of decl.deps) {
      const dep = byVar.get(d);
      if (!dep) fail(`${part} needs ${d}, which the loader does not declare`);
      visit(dep);
    }
    if (!packOf.has(decl.file) && !files.includes(decl.file)) files.push(decl.file);
  };
  visit(byPart.get(part));
  const bytes = Buffer.concat(files.map((f) => modules.get(f)));
  const name = `split_${part}-${hash(bytes)}.wasm`;
  packNames.push(name);
  let at = 0;
  for (const f of files) {
    packOf.set(f, [packNames.length - 1, at, modules.get(f).length]);
    at += modules.get(f).length;
  }
  writeFileSync(join(staging, name), bytes);
  packs.push(`${part} ${files.length} module(s)`);
}
const loose = [...modules.keys()].filter((f) => !packOf.has(f));
if (loose.length) fail(`no part needs ${loose.join(', ')}`);
const fetchRe = /fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g;
// Modules are numbered in the loader (file names would only add bytes to the first download).
const table = [...packOf.values()];
const number = new Map([...packOf.keys()].map((file, i) => [file, i]));
loader = loader.replace(fetchRe, (_, file) => `__fromPack(${number.get(file)})`);
const prelude = `
// Where each module sits: [pack, offset, length] (scripts/build/split-parts.mjs).
const __packNames = ${JSON.stringify(packNames)};
const __packs = ${JSON.stringify(table)};
const __packLoads = new Map();
// A Response with one module's bytes, fetching its pack once. A failed fetch is forgotten, so
// the next attempt (the app's "Try again") fetches it again.
function __fromPack(module) {
    const [p, at, length] = __packs[module];
    const pack = __packNames[p];
    let whole = __packLoads.get(pack);
    if (whole === undefined) {
        whole = fetch(new URL("./" + pack, import.meta.url)).then((r) => {
            if (!r.ok) throw new Error(pack + ": HTTP " + r.status);
            return r.arrayBuffer();
        });
        __packLoads.set(pack, whole);
        whole.catch(() => { if (__packLoads.get(pack) === whole) __packLoads.delete(pack); });
    }
    return whole.then((b) => new Response(new Uint8Array(b, at, length), { headers: { "Content-Type": "application/wasm" } }));
}
`;
const firstImport = loader.indexOf('\n') + 1;
loader = loader.slice(0, firstImport) + prelude + loader.slice(firstImport);

// 3. The loader, importing the hashed glue.
const plainGlue = `"./${APP}.js"`;
if (!loader.includes(plainGlue)) fail(`the loader does not import ${plainGlue}`);
loader = loader.split(plainGlue).join(`"./${glueName}"`);
const loaderName = `__wasm_split-${hash(loader)}.js`;

// 4. The glue, importing the hashed loader, under a name that follows its new content.
let glue = readFileSync(join(staging, glueName), 'utf8');
// Only the ES import changes: the wasm still names its import module "./__wasm_split.js".
const importRe = /from\s*(["'])\.\/__wasm_split\.js\1/g;
if (!importRe.test(glue)) fail(`${glueName} does not import ./__wasm_split.js`);
glue = glue.replace(importRe, `from "./${loaderName}"`);
// 5. Short import names in the main wasm and the glue (scripts/build/short-imports.mjs).
const wasmName = readdirSync(staging).find((f) => new RegExp(`^${APP}-[0-9a-f]+_bg\\.wasm$`).test(f));
if (!wasmName) fail(`no ${APP}-<hash>_bg.wasm in ${staging}`);
let shortened;
try {
  shortened = shortenImports(readFileSync(join(staging, wasmName)), glue, `./${APP}_bg.js`);
} catch (e) {
  fail(`short import names: ${e.message}`);
}
glue = await small(shortened.glue);
const newWasmName = `${APP}-${hash(shortened.wasm)}_bg.wasm`;
rmSync(join(staging, wasmName));
writeFileSync(join(staging, newWasmName), shortened.wasm);
const newGlueName = `${APP}-${hash(glue)}.js`;
rmSync(join(staging, glueName));
writeFileSync(join(staging, newGlueName), glue);
// The loader imports the glue back (initSync): point it at the new name too.
const loaderCode = await small(loader.split(`"./${glueName}"`).join(`"./${newGlueName}"`));
writeFileSync(join(staging, loaderName), loaderCode);

const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
if (!html.includes(glueName)) fail(`index.html does not load ${glueName}`);
html = html.split(glueName).join(newGlueName);
if (!html.includes(wasmName)) fail(`index.html does not load ${wasmName}`);
html = html.split(wasmName).join(newWasmName);
// Its preload link's integrity must follow the new bytes, or the browser would drop the
// preloaded copy and download the wasm a second time.
const wasmIntegrity = new RegExp(`(<link[^>]*href=["']?[^"' >]*${newWasmName.replace('.', '\\.')}["']?[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+\\2`);
if (!wasmIntegrity.test(html)) fail(`index.html has no preload link with an integrity hash for ${newWasmName}`);
html = html.replace(wasmIntegrity, (_, head, q) => `${head}${q}${sri(shortened.wasm)}${q}`);
html = html.replace(
  new RegExp(`(<link[^>]*href=["']?[^"' >]*${newGlueName.replace('.', '\\.')}["']?[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+\\2`),
  (_, head, q) => `${head}${q}${sri(Buffer.from(glue))}${q}`,
);
// The glue imports the loader: announced beside the glue's own preload, so the browser fetches
// both at once instead of finding the loader only once the glue has arrived (a round trip).
const gluePreload = html.match(new RegExp(`<link[^>]*href=["']?[^"' >]*${newGlueName.replace('.', '\\.')}["']?[^>]*>`));
if (!gluePreload) fail(`index.html has no preload link for ${newGlueName}`);
html = html.replace(gluePreload[0], `${gluePreload[0]}\n  <link rel="modulepreload" crossorigin href="./${loaderName}" integrity="${sri(Buffer.from(loaderCode))}">`);
writeFileSync(htmlPath, html);

console.log(`split-parts: ${modules.size} lazy module(s) in ${packs.length} pack(s) (${packs.join('; ')}), loader ${loaderName}, glue ${newGlueName}, ${shortened.count} import(s) renamed in ${newWasmName}`);

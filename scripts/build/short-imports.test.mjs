// Tests of scripts/build/short-imports.mjs (run by scripts/test.sh: `node --test scripts/build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortenImports } from './short-imports.mjs';

/** Unsigned LEB128. */
const leb = (n) => {
  const out = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n);
  return out;
};
const name = (s) => [...leb(s.length), ...Buffer.from(s)];
/** A module importing the given functions from `./app_bg.js`, one from another module, a
 * memory with a maximum and a table, and calling nothing: enough to check the import section. */
function module(fields) {
  const imports = [
    ...fields.map((f) => [...name('./app_bg.js'), ...name(f), 0, 0]),
    [...name('./__wasm_split.js'), ...name('__wasm_split_load_editor'), 0, 0],
    [...name('env'), ...name('memory'), 2, 1, 1, 2],
    [...name('env'), ...name('table'), 1, 0x70, 0, 1],
  ];
  const body = [...leb(imports.length), ...imports.flat()];
  const types = [1, 0x60, 0, 0];
  // An exported function after the imports, so the sections behind the import section are kept.
  const funcs = [1, 0];
  const exports = [1, ...name('main'), 0, ...leb(fields.length + 1)];
  const code = [1, 2, 0, 0x0b];
  const section = (id, b) => [id, ...leb(b.length), ...b];
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, types), ...section(2, body), ...section(3, funcs), ...section(7, exports), ...section(10, code)]);
}

const glueOf = (fields) =>
  `function imports() {\n  const import0 = {\n    __proto__: null,\n${fields.map((f) => `    ${f}: function(arg0) { return arg0; },`).join('\n')}\n  };\n}`;

test('renames the glue module\'s imports in the wasm and the glue, nothing else', () => {
  const fields = ['__wbg_classList_97e966c261669b85', '__wbindgen_init_externref_table'];
  const { wasm, glue, count } = shortenImports(module(fields), glueOf(fields), './app_bg.js');
  assert.equal(count, 2);
  const m = new WebAssembly.Module(wasm); // still a valid module
  assert.deepEqual(WebAssembly.Module.imports(m).map((i) => `${i.module} ${i.name} ${i.kind}`), [
    './app_bg.js a function',
    './app_bg.js b function',
    './__wasm_split.js __wasm_split_load_editor function',
    'env memory memory',
    'env table table',
  ]);
  assert.deepEqual(WebAssembly.Module.exports(m).map((e) => e.name), ['main']);
  assert.match(glue, /\n {4}a: function\(arg0\)/);
  assert.match(glue, /\n {4}b: function\(arg0\)/);
  assert.doesNotMatch(glue, /__wbg_|__wbindgen_/);
});

test('stops when the glue uses an import name anywhere but its key', () => {
  const fields = ['__wbg_log_0123456789abcdef'];
  const glue = `${glueOf(fields)}\nconsole.log("__wbg_log_0123456789abcdef");`;
  assert.throws(() => shortenImports(module(fields), glue, './app_bg.js'), /2 time\(s\), 1 as an import key/);
});

test('stops when the glue lacks an import', () => {
  const fields = ['__wbg_a_0123456789abcdef', '__wbg_b_0123456789abcdef'];
  assert.throws(() => shortenImports(module(fields), glueOf(fields.slice(0, 1)), './app_bg.js'), /__wbg_b_0123456789abcdef 0 time/);
});

test('short names never repeat', async () => {
  const fields = Array.from({ length: 200 }, (_, i) => `__wbg_f${i}_0123456789abcdef`);
  const { wasm } = shortenImports(module(fields), glueOf(fields), './app_bg.js');
  const names = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => i.module === './app_bg.js').map((i) => i.name);
  assert.equal(new Set(names).size, 200);
  assert.ok(names.every((n) => n.length <= 2));
});

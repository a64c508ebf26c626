// Short names for the functions the app's wasm imports from its JavaScript glue (issue #16).
//
// wasm-bindgen names each import after the Rust item and a 16-digit hash, e.g.
// `__wbg_classList_97e966c261669b85`, and the name is written twice: in the wasm's import
// section and as the key of the glue's import object. About 185 such names are some 4 KiB of
// the first download even after brotli (the hashes do not compress). This renames every import
// of the glue's module (`./<app>_bg.js`) to a short name (`a`, `b`, … `aa`, …) in both files.
//
// Only the import section's names change: the code, the exports (which the lazy parts import by
// name) and every other section are copied byte for byte. The glue must name each import
// exactly once, as the key of its import object (`name: function`); anything else stops the
// build with a message instead of producing a page that fails to start.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return [value, at];
    shift += 7;
  }
}

/** Encodes `n` as unsigned LEB128. */
function toLeb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const str = (s) => Buffer.concat([toLeb(Buffer.byteLength(s)), Buffer.from(s)]);

/** Where an import's description (after its two names) ends. */
function descEnd(buf, at) {
  const kind = buf[at++];
  const limits = (p) => {
    const flags = buf[p++];
    let [, q] = leb(buf, p);
    if (flags & 1) [, q] = leb(buf, q);
    return q;
  };
  switch (kind) {
    case 0: return leb(buf, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return leb(buf, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** The n-th short name: a … z, A … Z, then two letters, and so on. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[n % letters.length] + s;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Renames the imports of module `from` in `wasm` (a Buffer) and in `glue` (the glue's source).
 * Returns { wasm, glue, count } or throws with what did not match.
 */
export function shortenImports(wasm, glue, from) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  let at = 8;
  const parts = [wasm.subarray(0, 8)];
  let count = 0;
  let seen = false;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    if (seen) throw new Error('two import sections');
    seen = true;
    let [n, p] = leb(wasm, body);
    const entries = [toLeb(n)];
    while (n--) {
      const [mlen, m0] = leb(wasm, p);
      const module = wasm.toString('utf8', m0, m0 + mlen);
      const [flen, f0] = leb(wasm, m0 + mlen);
      const field = wasm.toString('utf8', f0, f0 + flen);
      const d0 = f0 + flen;
      const d1 = descEnd(wasm, d0);
      let name = field;
      if (module === from) {
        name = shortName(count++);
        const key = new RegExp(`([{,\\s])${field.replace(/\$/g, '\\$')}(\\s*:\\s*function\\b)`, 'g');
        const keys = glue.match(key)?.length ?? 0;
        const uses = glue.split(field).length - 1;
        if (keys !== 1 || uses !== 1) {
          throw new Error(`the glue names import ${field} ${uses} time(s), ${keys} as an import key; expected once`);
        }
        glue = glue.replace(key, `$1${name}$2`);
      }
      entries.push(str(module), str(name), wasm.subarray(d0, d1));
      p = d1;
    }
    if (p !== end) throw new Error('import section has trailing bytes');
    const payload = Buffer.concat(entries);
    parts.push(Buffer.from([2]), toLeb(payload.length), payload);
    at = end;
  }
  if (at !== wasm.length) throw new Error('truncated section');
  return { wasm: Buffer.concat(parts), glue, count };
}

// Makes the glue wasm-bindgen wrote (its ESM and its no-modules build) able to replace its instance:
//   node scripts/glue-renew.mjs target/bindgen/web/lesspay2.js target/bindgen/cjs/lesspay2.js
// An error that unwinds through the wasm frames instead of being returned (the engine's stack limit,
// met as a function of the module or of the glue it calls is entered; a trap) leaves the instance
// mid-way: its stack pointer lowered, its allocator or tables half updated, so that later calls fail
// or, worse, answer from corrupted memory.
// Five functions are added, four for pkg/extras.js `resilient` and one for pkg/web-init.js:
// - `__lesspay2_mayHaveUnwound(error)`: whether an error thrown out of a call may have unwound through
//   the instance;
// - `__lesspay2_caught()`: whether the glue caught such an error inside the module since it was last
//   asked (in its `handleError`, where an import's exception is handed to Rust, which may swallow it);
// - `__lesspay2_renew()`: a new instance of the same module in place of the old one;
// - `__lesspay2_memoryBytes()`: the size of the instance's memory, which never shrinks;
// - `__lesspay2_forget()`: the glue without an instance, as before its first `init`, for when
//   another entry's module was loaded into it (the glue keeps the first instance it gets).
// The glue keeps the instance in variables of its own scope, so they are written into that scope; the
// names they use are checked to be there (wasm-bindgen is pinned).
import { readFileSync, writeFileSync } from 'node:fs';

const added = `
/**
 * lesspay2 (scripts/glue-renew.mjs): whether \`error\` may have unwound through the instance: the engine's
 * stack limit (a RangeError "Maximum call stack size exceeded"; InternalError "too much recursion" in
 * Firefox), met as the module or a function it called was entered, or a trap. Other errors are thrown
 * by JavaScript the module called, not through its frames. A value that cannot even be asked (a Proxy
 * that throws) counts as one.
 */
function __lesspay2_mayHaveUnwound(error) {
    try {
        return error instanceof WebAssembly.RuntimeError
            || (error instanceof RangeError && /call stack/i.test(error.message))
            || (typeof InternalError === 'function' && error instanceof InternalError);
    } catch {
        return true;
    }
}

/** lesspay2: set by \`handleError\` when such an error was caught inside the module (an import's). */
let lesspay2Caught = false;

/** lesspay2: whether such an error was caught inside the module since the last question. */
function __lesspay2_caught() {
    const caught = lesspay2Caught;
    lesspay2Caught = false;
    return caught;
}

/** lesspay2: the size of the instance's memory in bytes (a wasm memory grows and never shrinks). */
function __lesspay2_memoryBytes() {
    return wasm.memory.buffer.byteLength;
}

/**
 * lesspay2: the glue as it was before its first \`init\`, for when the module just loaded is another
 * entry's (web-init.js refuses it), so that the next \`init\` loads the right one.
 */
function __lesspay2_forget() {
    wasm = wasmInstance = wasmModule = __wbg_init_promise = undefined;
    cachedDataViewMemory0 = null;
    cachedUint8ArrayMemory0 = null;
}

/**
 * lesspay2: a new instance of the same module in place of this one, swapped in whole. If making it
 * throws as well (the stack limit again), the old instance stays, the views of memory are dropped, and
 * the caller tries again on its next call.
 */
function __lesspay2_renew() {
    const old = [wasmInstance, wasm];
    try {
        __wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule);
    } catch (error) {
        [wasmInstance, wasm] = old;
        cachedDataViewMemory0 = null;
        cachedUint8ArrayMemory0 = null;
        throw error;
    }
}
`;

const uses = ['let wasmModule, wasmInstance, wasm;', 'function __wbg_finalize_init(instance, module)',
  'function __wbg_get_imports()', 'let cachedDataViewMemory0 = null;', 'let cachedUint8ArrayMemory0 = null;',
  'let __wbg_init_promise;'];
// What is exported, and where the functions go and how they are exported in each of the two builds
// (the no-modules one is a single function, indented by four spaces).
const exported = '__lesspay2_mayHaveUnwound, __lesspay2_caught, __lesspay2_renew, __lesspay2_memoryBytes, __lesspay2_forget';
const places = [
  ['', 'export { initSync, __wbg_init as default };', `export { initSync, ${exported}, __wbg_init as default };`],
  ['    ', 'return Object.assign(__wbg_init, { initSync }, exports);',
    `Object.assign(exports, { ${exported} });\n    return Object.assign(__wbg_init, { initSync }, exports);`],
];
// `handleError`'s catch, where an import's exception is stored for Rust: the error is looked at first.
const caught = /(\} catch \(e\) \{\n)( *)(const idx = addToExternrefTable0\(e\);)/;

for (const file of process.argv.slice(2)) {
  const glue = readFileSync(file, 'utf8');
  const missing = uses.filter((text) => !glue.includes(text));
  const place = places.find(([, anchor]) => glue.split(anchor).length === 2);
  if (missing.length > 0 || !place || glue.split(caught).length !== 5 || glue.includes('__lesspay2_')) {
    throw new Error(`${file}: not the glue this script knows (missing: ${missing.join(' | ') || 'its export line or handleError'}); `
      + 'check the wasm-bindgen output');
  }
  const [indent, anchor, exportLine] = place;
  const code = added.replace(/^(?=.)/gm, indent).trimStart();
  writeFileSync(file, glue
    .replace(caught, (_, open, space, store) => `${open}${space}if (__lesspay2_mayHaveUnwound(e)) lesspay2Caught = true;\n${space}${store}`)
    .replace(anchor, () => `${code}\n${indent}${exportLine}`));
}

// The loading logic of the browser entries (`lesspay2`, `lesspay2/client` and `lesspay2/edge`): an
// idempotent async `init`, `initSync`, and the module's functions wrapped so that a call made before the
// module is loaded says what to do, instead of the glue's "Cannot read properties of undefined" (a form's
// `onChange` can fire before `init()` has resolved). Each entry passes its own glue, functions (api.js)
// and default .wasm URL: the URL is written literally in the entry, where bundlers look for the asset.

import { sameValidate } from './extras.js';

/**
 * `initGlue` and `glue`: the wasm-bindgen glue's default export and namespace; `functions`: the entry's
 * api.js, the glue's functions made resilient (extras.js); `defaultSource()`: the .wasm URL used when
 * `init()` is given nothing; `wasmName`: the package path of that .wasm, for the error when another one
 * is given.
 */
export function webEntry(initGlue, glue, functions, defaultSource, wasmName) {
  const names = Object.keys(functions);
  let ready;
  let loaded = false;
  const wrong = (cause) => new Error(`lesspay2: this .wasm does not belong to this entry; load ${wasmName}`, { cause });

  /**
   * Accepts the instance's exports, or refuses another entry's module (lesspay2, lesspay2/client and
   * lesspay2/edge each have their own) and has the glue forget it: the glue keeps the first instance it
   * gets, and the right one is to be loadable next.
   */
  function accept(exports) {
    if (names.some((name) => typeof exports?.[name] !== 'function')) {
      glue.__lesspay2_forget();
      throw wrong();
    }
    loaded = true;
  }

  /**
   * Loads the module. Safe to call any number of times, concurrently too: it loads once. A failed load
   * (the network, a wrong URL, another entry's .wasm) is not kept: the next call tries again.
   */
  function init(moduleOrPath) {
    ready ??= initGlue({ module_or_path: moduleOrPath ?? defaultSource() }).then(accept).catch((error) => {
      ready = undefined;
      // lesspay2's .wasm needs more imports than lesspay2/client's glue provides: the engine's message
      // is about import numbers, so name the right file instead.
      throw error instanceof WebAssembly.LinkError ? wrong(error) : error;
    });
    return ready;
  }

  /** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
  function initSync(module) {
    let exports;
    try {
      exports = glue.initSync(module);
    } catch (error) {
      throw error instanceof WebAssembly.LinkError ? wrong(error) : error;
    }
    accept(exports);
    return exports;
  }

  /** `fn`, which says what to do when called before the module loaded, under its own `name`. */
  const guard = (name, fn) => function (...args) {
    if (!loaded) throw new Error(`lesspay2: ${name}() was called before the module loaded; \`await init()\` once first`);
    return fn(...args);
  };
  const api = {};
  for (const name of names) api[name] = guard(name, functions[name]);
  if (api.validate) sameValidate(api.validate, functions.validate);
  /** The JS helpers built on `api` (extras.js), each function guarded under its own name. */
  const helpers = (made) => Object.fromEntries(Object.entries(made).map(([name, v]) => [name, typeof v === 'function' ? guard(name, v) : v]));
  return { init, initSync, api, helpers };
}

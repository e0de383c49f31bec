// The loading logic of the browser entries (`lesspay2` and `lesspay2/client`): an idempotent async
// `init`, `initSync`, and the module's functions wrapped so that a call made before the module is loaded
// says what to do, instead of the glue's "Cannot read properties of undefined" (a form's `onChange` can
// fire before `init()` has resolved). Each entry passes its own glue, function names and default .wasm
// URL: the URL is written literally in the entry, where bundlers look for the asset.

/**
 * `initGlue` and `glue`: the wasm-bindgen glue's default export and namespace; `names`: the functions to
 * export; `defaultSource()`: the .wasm URL used when `init()` is given nothing.
 */
export function webEntry(initGlue, glue, names, defaultSource) {
  let ready;
  let loaded = false;

  /**
   * Loads the module. Safe to call any number of times, concurrently too: it loads once. A failed load
   * (the network, a wrong URL) is not kept: the next call tries again.
   */
  function init(moduleOrPath) {
    ready ??= initGlue({ module_or_path: moduleOrPath ?? defaultSource() }).then(
      () => {
        loaded = true;
      },
      (error) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  }

  /** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
  function initSync(module) {
    const exports = glue.initSync(module);
    loaded = true;
    return exports;
  }

  const api = {};
  for (const name of names) {
    const call = glue[name];
    api[name] = function (...args) {
      if (!loaded) throw new Error(`lesspay2: ${name}() was called before the module loaded; \`await init()\` once first`);
      return call(...args);
    };
  }
  return { init, initSync, api };
}

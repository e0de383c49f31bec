// Browsers and bundlers: call `await init()` once before anything else. The .wasm is fetched from next
// to this file (`new URL(..., import.meta.url)`, which Vite, webpack 5 and others turn into an asset),
// or from what you pass: a URL, a Response, bytes or a WebAssembly.Module.
import initGlue, * as api from './glue/web.js';
import { extend } from './extras.js';

let ready;

/** Loads the module. Safe to call any number of times, concurrently too: it loads once. */
export default function init(moduleOrPath) {
  ready ??= initGlue(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(() => {});
  return ready;
}
export { init };
export * from './glue/web.js';
export const { schemas, createSchema, validateField } = extend(api);

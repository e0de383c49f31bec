// Browsers and bundlers: call `await init()` once before anything else. The .wasm is fetched from next
// to this file (`new URL(..., import.meta.url)`, which Vite, webpack 5 and others turn into an asset),
// or from what you pass: a URL, a Response, bytes or a WebAssembly.Module.
import initGlue, * as api from './glue/web.js';
import { extend } from './extras.js';

let ready;

/** Loads the module. Safe to call any number of times, concurrently too: it loads once. */
export default function init(moduleOrPath) {
  // The glue lives in glue/ and would look for the .wasm next to itself: point it at the package root.
  // Written as `new URL('./…', import.meta.url)` so that bundlers ship the .wasm as an asset.
  const source = moduleOrPath ?? new URL('./lesspay2_bg.wasm', import.meta.url);
  ready ??= initGlue({ module_or_path: source }).then(() => {});
  return ready;
}
export { init };
export * from './glue/web.js';
export const { } = extend(api);

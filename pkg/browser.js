// Browsers and bundlers: call `await init()` once before anything else. The .wasm is fetched from next
// to this file (`new URL(..., import.meta.url)`, which Vite, webpack 5 and others turn into an asset),
// or from what you pass: a URL, a Response, bytes or a WebAssembly.Module.
import initGlue, * as api from './glue/web.js';
import { extend } from './extras.js';

let ready;

/** Loads the module. Safe to call any number of times, concurrently too: it loads once. */
export default function init(moduleOrPath) {
  // Written out literally here (not left to the glue, which sits in glue/ one level down) so that
  // bundlers see the asset and emit it.
  const source = moduleOrPath ?? new URL('./lesspay2_bg.wasm', import.meta.url);
  ready ??= initGlue({ module_or_path: source }).then(() => {});
  return ready;
}
export { init };
export * from './glue/web.js';
export const { createWebhookHandler, schemas, createSchema, validateField } = extend(api);

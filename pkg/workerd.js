// Cloudflare Workers (workerd): Workers refuse to compile wasm from bytes, so the .wasm is imported as a
// module (Wrangler and workerd's `wasm = embed` both hand us a WebAssembly.Module) and instantiated
// synchronously on import.
import wasmModule from './lesspay2_bg.wasm';
import { initSync } from './glue/web.js';
import * as api from './api.js';
import { extend } from './extras.js';

initSync({ module: wasmModule });

export * from './api.js';
export { initSync };
export const { createWebhookHandler, schemas, createSchema, validateField } = extend(api);
/** Already initialised on import; kept for code shared with browsers. */
export default async function init() {}
export { init };

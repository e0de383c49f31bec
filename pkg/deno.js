// Deno (2.x, through `npm:lesspay2` or a package.json dependency): a source-phase import hands us the
// compiled WebAssembly.Module, so no --allow-read (the old Deno.readFileSync needed it) and no fetch.
import source wasmModule from './lesspay2_bg.wasm';
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

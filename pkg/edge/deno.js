// `lesspay2/edge` in Deno (2.x): the compiled module comes from a source-phase import, as in ../deno.js.
import source wasmModule from './lesspay2_bg.wasm';
import { initSync } from './glue/web.js';
import * as api from './api.js';
import { edgeHelpers } from '../extras.js';

initSync({ module: wasmModule });

export * from './api.js';
export { initSync };
export const { createWebhookHandler } = edgeHelpers(api);
/** Already initialised on import; kept for code shared with browsers. */
export default async function init() {}
export { init };

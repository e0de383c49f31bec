// `lesspay2/edge` in Cloudflare Workers (workerd), the runtime it is made for: the .wasm is imported as a
// module and instantiated synchronously on import, as in ../workerd.js.
import wasmModule from './lesspay2_bg.wasm';
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

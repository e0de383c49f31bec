// `lesspay2/edge` in Deno (2.x): the compiled module comes from a source-phase import, as in ../deno.js.
import source wasmModule from './lesspay2_bg.wasm';
import * as api from './glue/web.js';
import { edgeHelpers } from '../extras.js';

api.initSync({ module: wasmModule });

export * from './glue/web.js';
export const { createWebhookHandler } = edgeHelpers(api);
/** Already initialised on import; kept for code shared with browsers. */
export default async function init() {}
export { init };

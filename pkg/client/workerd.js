// `lesspay2/client` in Cloudflare Workers (workerd): the .wasm is imported as a module, as in ../workerd.js.
import wasmModule from './lesspay2_bg.wasm';
import * as api from './glue/web.js';
import { clientHelpers } from '../extras.js';

api.initSync({ module: wasmModule });

export { decodeError, decodeResponse, orderStatus, validate, initSync } from './glue/web.js';
export const { schemas, createSchema, validateField } = clientHelpers(api);
/** Already initialised on import; kept for code shared with browsers. */
export default async function init() {}
export { init };

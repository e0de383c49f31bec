// `lesspay2/client` in Deno (2.x): the compiled module comes from a source-phase import, as in ../deno.js.
import source wasmModule from './lesspay2_bg.wasm';
import * as api from './glue/web.js';
import { clientHelpers } from '../extras.js';

api.initSync({ module: wasmModule });

export { decodeError, decodeResponse, orderStatus, validate, initSync } from './glue/web.js';
export const { schemas, createSchema, validateField } = clientHelpers(api);
/** Already initialised on import; kept for code shared with browsers. */
export default async function init() {}
export { init };

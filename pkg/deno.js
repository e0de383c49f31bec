// Deno: read the .wasm next to this file and instantiate it synchronously on import.
import * as api from './glue/web.js';
import { extend } from './extras.js';

api.initSync({ module: Deno.readFileSync(new URL('./lesspay2_bg.wasm', import.meta.url)) });

export * from './glue/web.js';
export const { schemas, createSchema, validateField } = extend(api);
/** Already initialised on import; kept for code shared with browsers. */
export default async function init() {}
export { init };

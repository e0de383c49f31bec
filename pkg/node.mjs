// Node, ESM: ready to use synchronously on import (the .wasm is read from disk next to this file).
import { readFileSync } from 'node:fs';
import * as api from './glue/web.js';
import { extend } from './extras.js';

api.initSync({ module: readFileSync(new URL('./lesspay2_bg.wasm', import.meta.url)) });

export * from './glue/web.js';
export const { createWebhookHandler, schemas, createSchema, validateField } = extend(api);
/** Already initialised on import; kept so that code shared with browsers can always `await init()`. */
export default async function init() {}
export { init };

// Node, ESM: ready to use synchronously on import (the .wasm is read from disk next to this file).
import * as api from './glue/web.js';
import { extend } from './extras.js';

// `process.getBuiltinModule` (Node 20.16+, 22.3+) hands over node:fs without building its ESM facade,
// which loads Node's streams: 3.5 ms of a cold start in Node 20. Older versions import it.
const { readFileSync } = process.getBuiltinModule?.('node:fs') ?? (await import('node:fs'));
api.initSync({ module: readFileSync(new URL('./lesspay2_bg.wasm', import.meta.url)) });

export * from './glue/web.js';
export const { createWebhookHandler, schemas, createSchema, validateField } = extend(api);
/** Already initialised on import; kept so that code shared with browsers can always `await init()`. */
export default async function init() {}
export { init };

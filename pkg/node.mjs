// Node, ESM: ready to use synchronously on import (the .wasm is read from disk next to this file).
import { createRequire } from 'node:module';
import { initSync } from './glue/web.js';
import * as api from './api.js';
import { extend, nodeWasmBytes } from './extras.js';

// `process.getBuiltinModule` (Node 20.16+, 22.3+) hands over node:fs without building its ESM facade,
// which loads Node's streams (measured: 1.3 ms of a fresh import in Node 20); older versions require it.
// No top-level await: the entry stays a synchronous module for every bundler.
const { readFileSync } = process.getBuiltinModule?.('node:fs') ?? createRequire(import.meta.url)('node:fs');
// The .wasm beside this file; where a bundler moved this file, beside the bundle (extras.js says how).
initSync({ module: nodeWasmBytes(readFileSync, 'lesspay2/lesspay2_bg.wasm',
  () => new URL('./lesspay2_bg.wasm', import.meta.url), () => import.meta.url, () => __filename) });

export * from './api.js';
export { initSync };
export const { createWebhookHandler, schemas, createSchema, validateField } = extend(api);
/** Already initialised on import; kept so that code shared with browsers can always `await init()`. */
export default async function init() {}
export { init };

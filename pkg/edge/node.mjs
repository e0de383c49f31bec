// `lesspay2/edge` in Node, ESM: ready to use synchronously on import (the .wasm is read from disk next to
// this file).
import { createRequire } from 'node:module';
import { initSync } from './glue/web.js';
import * as api from './api.js';
import { edgeHelpers, nodeWasmBytes } from '../extras.js';

// As in ../node.mjs: `process.getBuiltinModule` where Node has it, a require of node:fs before.
const { readFileSync } = process.getBuiltinModule?.('node:fs') ?? createRequire(import.meta.url)('node:fs');
// The .wasm beside this file; where a bundler moved this file, beside the bundle (extras.js says how).
initSync({ module: nodeWasmBytes(readFileSync, 'lesspay2/edge/lesspay2_bg.wasm',
  () => new URL('./lesspay2_bg.wasm', import.meta.url), () => import.meta.url, () => __filename) });

export * from './api.js';
export { initSync };
export const { createWebhookHandler } = edgeHelpers(api);
/** Already initialised on import; kept so that code shared with browsers can always `await init()`. */
export default async function init() {}
export { init };

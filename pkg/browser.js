// Browsers and bundlers: call `await init()` once before anything else. The .wasm is fetched from next
// to this file (`new URL(..., import.meta.url)`, which Vite, webpack 5 and others turn into an asset),
// or from what you pass: a URL, a Response, bytes or a WebAssembly.Module.
import initGlue, * as glue from './glue/web.js';
import * as functions from './api.js';
import { extend } from './extras.js';
import { webEntry } from './web-init.js';

const entry = webEntry(initGlue, glue, functions,
// Written out literally here (not left to the glue, which sits in glue/ one level down) so that bundlers
// see the asset and emit it.
() => new URL('./lesspay2_bg.wasm', import.meta.url), 'lesspay2/lesspay2.wasm');

export const { init, initSync } = entry;
export default init;
export const {
  canonicalize, decodeError, decodeResponse, explainSignature, orderStatus, sign, signRequest,
  signWebhook, standardWebhookSign, standardWebhookVerify, validate, validateJson, verifyWebhook, webhookKey,
} = entry.api;
export const { createWebhookHandler, schemas, createSchema, validateField } = entry.helpers(extend(entry.api));

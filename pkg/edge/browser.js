// `lesspay2/edge` in browsers and bundlers: signing and webhook verification, in a module about 40%
// smaller than `lesspay2`'s, without validation and error decoding. Call `await init()` once before
// anything else. The .wasm is fetched from next to this file, or from what you pass: a URL, a Response,
// bytes or a WebAssembly.Module.
import initGlue, * as glue from './glue/web.js';
import * as functions from './api.js';
import { edgeHelpers } from '../extras.js';
import { webEntry } from '../web-init.js';

const entry = webEntry(initGlue, glue, functions,
// Written out literally here, where bundlers see the asset and emit it.
() => new URL('./lesspay2_bg.wasm', import.meta.url), 'lesspay2/edge.wasm');

export const { init, initSync } = entry;
export default init;
export const {
  canonicalize, explainSignature, sign, signRequest, signWebhook, standardWebhookSign, standardWebhookVerify, verifyWebhook,
  webhookKey,
} = entry.api;
export const { createWebhookHandler } = entry.helpers(edgeHelpers(entry.api));

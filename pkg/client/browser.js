// `lesspay2/client` in browsers and bundlers: validation and error decoding for pages, in a module about
// 30% smaller than `lesspay2`'s, without signing and verification. Call `await init()` once before anything
// else. The .wasm is fetched from next to this file, or from what you pass: a URL, a Response, bytes or a
// WebAssembly.Module.
import initGlue, * as glue from './glue/web.js';
import * as functions from './api.js';
import { clientHelpers } from '../extras.js';
import { webEntry } from '../web-init.js';

const entry = webEntry(initGlue, glue, functions,
// Written out literally here, where bundlers see the asset and emit it.
() => new URL('./lesspay2_bg.wasm', import.meta.url), 'lesspay2/client.wasm');

export const { init, initSync } = entry;
export default init;
export const { decodeError, decodeResponse, orderStatus, validate, validateJson } = entry.api;
export const { schemas, createSchema, validateField } = entry.helpers(clientHelpers(entry.api));

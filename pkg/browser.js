// Browsers and bundlers: call `await init()` once before anything else. The .wasm is fetched from next
// to this file (`new URL(..., import.meta.url)`, which Vite, webpack 5 and others turn into an asset),
// or from what you pass: a URL, a Response, bytes or a WebAssembly.Module.
import initGlue, * as glue from './glue/web.js';
import { extend } from './extras.js';

let ready;
let loaded = false;

/**
 * Loads the module. Safe to call any number of times, concurrently too: it loads once. A failed load
 * (the network, a wrong URL) is not kept: the next call tries again.
 */
export default function init(moduleOrPath) {
  // Written out literally here (not left to the glue, which sits in glue/ one level down) so that
  // bundlers see the asset and emit it.
  const source = moduleOrPath ?? new URL('./lesspay2_bg.wasm', import.meta.url);
  ready ??= initGlue({ module_or_path: source }).then(
    () => {
      loaded = true;
    },
    (error) => {
      ready = undefined;
      throw error;
    },
  );
  return ready;
}
export { init };

/** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  const exports = glue.initSync(module);
  loaded = true;
  return exports;
}

/**
 * Every function of the module, each answering a call made before the module is loaded with an error
 * that says what to do, instead of the glue's "Cannot read properties of undefined" (a form's
 * `onChange` can fire before `init()` has resolved).
 */
const api = {};
for (const name of ['canonicalize', 'decodeError', 'decodeResponse', 'explainSignature', 'orderStatus', 'sign', 'signRequest',
  'standardWebhookSign', 'standardWebhookVerify', 'validate', 'verifyWebhook', 'webhookKey']) {
  const call = glue[name];
  api[name] = function (...args) {
    if (!loaded) throw new Error(`lesspay2: ${name}() was called before the module loaded; \`await init()\` once first`);
    return call(...args);
  };
}

export const {
  canonicalize, decodeError, decodeResponse, explainSignature, orderStatus, sign, signRequest,
  standardWebhookSign, standardWebhookVerify, validate, verifyWebhook, webhookKey,
} = api;
export const { createWebhookHandler, schemas, createSchema, validateField } = extend(api);

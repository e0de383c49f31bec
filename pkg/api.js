// The functions of `lesspay2`, as every ESM entry exports them: the glue's, each made to outlive an error
// that unwinds through the wasm instance (extras.js `resilient`), once for all the entries that share
// this glue.
import * as glue from './glue/web.js';
import { resilient } from './extras.js';

export const {
  canonicalize, decodeError, decodeResponse, explainSignature, orderStatus, sign, signRequest,
  signWebhook, standardWebhookSign, standardWebhookVerify, validate, validateJson, verifyWebhook, webhookKey,
} = resilient(glue);

// tsc --strict, ESM consumer.
import init, { initSync, sign, verifyWebhook, standardWebhookSign, standardWebhookVerify, createWebhookHandler } from 'lesspay2';
import type { VerifiedWebhook, StandardWebhookHeaders } from 'lesspay2';

await init();
const signature: string = sign('{"a":"1"}', 'k');
// Bytes type-check with or without the DOM library (never run: the module is loaded already).
if (signature.length < 0) initSync({ module: new Uint8Array(0) });
const verdict = verifyWebhook({ body: '{}', headers: new Headers(), secret: ['a', 'b'], toleranceMs: null });
if (verdict.valid) { const v: VerifiedWebhook = verdict; console.log(v.idempotencyKey); } else { console.log(verdict.reason); }
const headers: StandardWebhookHeaders = standardWebhookSign({ id: 'x', body: '{}', secret: 'whsec_AQID' });
const sw = standardWebhookVerify({ body: '{}', headers, secret: 'whsec_AQID', toleranceMs: 1000 });
const handler: (r: Request) => Promise<Response> = createWebhookHandler({ secret: 's', onEvent: async (v) => { console.log(v.kind); } });
console.log(signature, sw.valid, handler);

// tsc --strict, ESM consumer of lesspay2/edge.
import init, { verifyWebhook, standardWebhookSign, createWebhookHandler } from 'lesspay2/edge';
import type { VerifiedWebhook, StandardWebhookHeaders } from 'lesspay2/edge';

await init();
const verdict = verifyWebhook({ body: '{}', headers: new Headers(), secret: ['a', 'b'] });
if (verdict.valid) { const v: VerifiedWebhook = verdict; console.log(v.orderStatus?.name); } else { console.log(verdict.reason); }
const headers: StandardWebhookHeaders = standardWebhookSign({ id: 'x', body: '{}', secret: 'whsec_AQID' });
const handler: (r: Request) => Promise<Response> = createWebhookHandler({ secret: 's', onEvent: async (v) => { console.log(v.kind); } });
console.log(headers, handler);

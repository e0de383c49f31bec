// tsc --strict, CommonJS consumer.
import lesspay2 = require('lesspay2');
const init: () => Promise<void> = lesspay2.default;

void init();
const signature: string = lesspay2.sign('{"a":"1"}', 'k');
const verdict = lesspay2.verifyWebhook({ body: '{}', headers: {}, secret: 'a' });
const headers: lesspay2.StandardWebhookHeaders = lesspay2.standardWebhookSign({ id: 'x', body: '{}', secret: 'whsec_AQID' });
const handler = lesspay2.createWebhookHandler({ secret: 's', onEvent: (v: lesspay2.VerifiedWebhook) => { console.log(v.kind); } });
console.log(signature, verdict.valid, headers, handler);

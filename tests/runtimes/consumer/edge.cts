// tsc --strict, CommonJS consumer of lesspay2/edge.
import edge = require('lesspay2/edge');

const verdict = edge.verifyWebhook({ body: '{}', headers: {}, secret: 'a' });
const status: edge.OrderStatusInfo | null = verdict.valid ? verdict.orderStatus : null;
console.log(edge.sign('{"a":"1"}', 'k'), status?.name, edge.createWebhookHandler({ secret: 's', onEvent: (v: edge.VerifiedWebhook) => { console.log(v.kind); } }));

// Bun: the README's `Bun.serve({ fetch: createWebhookHandler(...) })`, answering real HTTP requests.
import { createWebhookHandler, sign } from 'lesspay2';

const secret = 'runtime-secret';
const events = [];
const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: createWebhookHandler({ secret, onEvent: (v) => { events.push(v.idempotencyKey); } }) });
try {
  const body = '{"pay_order_id":"P1","order_status":"SUCCEED"}';
  const got = [];
  for (const key of [secret, 'wrong']) {
    const res = await fetch(`http://127.0.0.1:${server.port}/`, { method: 'POST', body, headers: { 'x-auth-signature': sign(body, key) } });
    got.push(res.status, await res.text());
  }
  got.push(events.join());
  const want = [200, 'SUCCESS', 401, 'signature_mismatch: no configured appSecret gives the received signature', 'lesspay2:P1:SUCCEED'];
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`Bun.serve: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  console.log('bun: Bun.serve with createWebhookHandler answered a valid and a forged webhook over HTTP');
} finally {
  server.stop(true);
}

// The fetch-style handler on the runtime's own Request/Response (Node, Deno, Bun).
export async function checkHandler(lib) {
  const secret = 'runtime-secret';
  const body = '{"pay_order_id":"P1","order_status":"SUCCEED"}';
  const events = [];
  const handler = lib.createWebhookHandler({ secret, onEvent: (v) => { events.push(v.idempotencyKey); } });
  const request = (signature) => new Request('http://127.0.0.1/hook', { method: 'POST', body, headers: { 'x-auth-signature': signature } });
  const ok = await handler(request(lib.sign(body, secret)));
  const bad = await handler(request(lib.sign(body, 'wrong')));
  const got = [ok.status, await ok.text(), bad.status, await bad.text(), events.join()];
  const want = [200, 'SUCCESS', 401, 'signature_mismatch: no configured appSecret gives the received signature', 'lesspay2:P1:SUCCEED'];
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`handler: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  return 'handler ok';
}

// A production Vite build importing the package like any app; the test reads #result.
import init, { sign, verifyWebhook, standardWebhookSign, standardWebhookVerify, createWebhookHandler } from 'lesspay2';
// What a page that only validates forms and decodes errors imports: the smaller module.
import initClient, { validate, validateField, decodeError } from 'lesspay2/client';
// The signing module without validation (an edge worker's; bundled here to prove its browser entry).
import initEdge, { sign as edgeSign, verifyWebhook as edgeVerify } from 'lesspay2/edge';
// Calls at the stack limit (tests/runtimes/stack-limit.mjs, copied here by tests/runtimes/vite.mjs).
import { stackLimitSummary } from './stack-limit.mjs';

const out = document.getElementById('result');

try {
  // Before init(): an error that says what to do (a form's onChange can fire that early).
  let early = null;
  try {
    sign('{}', 'browser-secret');
  } catch (e) {
    early = e.message;
  }
  let clientEarly = null;
  try {
    validate('fetchPayout', {});
  } catch (e) {
    clientEarly = e.message;
  }
  let edgeEarly = null;
  try {
    edgeVerify({ body: '{}', headers: {}, secret: 'k' });
  } catch (e) {
    edgeEarly = e.message;
  }
  await initClient();
  await initEdge();
  await init();
  await init(); // idempotent
  const secret = 'browser-secret';
  const body = JSON.stringify({ pay_order_id: 'P1', order_status: 'SUCCEED', target_amount: '100.00' });
  const headers = new Headers({ 'x-auth-signature': sign(body, secret), 'x-auth-timestamp': String(Date.now()) });
  const verified = verifyWebhook({ body, headers, secret });
  const tampered = verifyWebhook({ body: body.replace('100.00', '900.00'), headers, secret });
  // The Standard Webhooks libraries' published example.
  const swHeaders = standardWebhookSign({ id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', body: '{"test": 2432232314}', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: 1614265330000 });
  const sw = standardWebhookVerify({
    body: '{"test": 2432232314}',
    headers: swHeaders,
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    now: 1614265330000,
  });
  const handler = createWebhookHandler({ secret, onEvent: () => {} });
  const answer = await handler(new Request('https://example.test/hook', { method: 'POST', body, headers }));
  out.textContent = JSON.stringify({
    signature: sign(body, secret),
    valid: verified.valid,
    idempotencyKey: verified.idempotencyKey,
    tampered,
    standardWebhook: { signature: swHeaders['webhook-signature'], verdict: sw },
    handler: [answer.status, await answer.text()],
    early,
    client: {
      early: clientEarly,
      issues: validate('fetchPayout', {}, { locale: 'zh-CN' }).issues.map((i) => [i.path.join('.'), i.code, i.message]),
      field: validateField('createPayoutBatch', 'payout_order_details.0.amount', '1.005', { currency: 'PHP' }).issues.map((i) => i.code),
      decoded: decodeError(30009).name,
    },
    edge: {
      early: edgeEarly,
      signature: edgeSign(body, secret),
      valid: edgeVerify({ body, headers, secret }).valid,
    },
    // Each module called with the stack almost full, from deep recursion in the page.
    stackLimit: {
      lesspay2: stackLimitSummary(() => sign(body, secret)),
      client: stackLimitSummary(() => decodeError(30002)),
      edge: stackLimitSummary(() => edgeVerify({ body: body.replace('100.00', '900.00'), headers, secret })),
    },
  });
} catch (e) {
  out.textContent = `error: ${e && e.message}`;
}

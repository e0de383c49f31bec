// The checks every runtime runs against the installed package: the signature vectors, the webhook
// cases and the Standard Webhooks published example. `lib` is the package's namespace; returns a
// summary line, throws on the first difference.
const REFUSED = 23;

export function check(lib, signatures, webhooks) {
  const fail = (what) => { throw new Error(what); };
  let signed = 0;
  let refused = 0;
  for (const v of signatures.vectors) {
    if (v.error) continue;
    let got;
    try {
      got = lib.sign(v.body, v.secret);
    } catch (e) {
      // Bodies the strict parser refuses on purpose (directive keys, non-JSON, lone surrogates: see
      // tests/vectors.rs); anything else than a plain Error with a message is a defect.
      if (e.constructor !== Error || !/^the body is not a strict JSON object: /.test(e.message)) throw e;
      refused++;
      continue;
    }
    if (got !== v.signature) fail(`${v.id}: sign gave ${got}, expected ${v.signature}`);
    signed++;
  }
  if (refused !== REFUSED) fail(`${refused} signature vectors refused, expected ${REFUSED}`);
  let verified = 0;
  for (const c of webhooks.cases) {
    const verdict = lib.verifyWebhook({ body: c.body, headers: c.headers, secret: c.secrets, kind: c.kind, toleranceMs: c.tolerance_ms, now: c.now });
    const ok = c.expect.valid
      ? verdict.valid === true && verdict.secretIndex === c.expect.secret_index
      : verdict.valid === false && verdict.reason === c.expect.reason;
    if (!ok) fail(`${c.id}: got ${JSON.stringify(verdict)}, expected ${JSON.stringify(c.expect)}`);
    verified++;
  }
  // The Standard Webhooks libraries' published vector.
  const headers = lib.standardWebhookSign({
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', body: '{"test": 2432232314}',
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: 1614265330000,
  });
  if (headers['webhook-signature'] !== 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=') fail(`standardWebhookSign gave ${JSON.stringify(headers)}`);
  const sw = lib.standardWebhookVerify({ body: '{"test": 2432232314}', headers, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: 1614265330000 });
  if (!sw.valid || sw.id !== 'msg_p5jXN8AQM9LWM0D4loKWxJek' || sw.timestamp !== 1614265330) fail(`standardWebhookVerify gave ${JSON.stringify(sw)}`);
  if (typeof lib.createWebhookHandler !== 'function') fail('createWebhookHandler is missing');
  return `${signed} signatures (${refused} refused as in Rust), ${verified} webhook cases, Standard Webhooks example: ok`;
}

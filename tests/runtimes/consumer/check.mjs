// The checks every runtime runs against the installed package: the signature vectors, the webhook
// cases and the Standard Webhooks published example. `lib` is the package's namespace; `expected` holds
// our messages for what the vendor's vectors expect refused (tests/vectors-expected/: `refusals`, from
// refusals.json, and `verdicts`, from webhook-verdicts.json). Returns a summary line, throws on the first
// difference.
// Every body the strict parser refuses on purpose (directive keys, non-JSON, lone surrogates: see
// tests/vectors.rs), the 12 the vendor's code throws on among them.
const REFUSED = 35;

export function check(lib, signatures, webhooks, expected) {
  const fail = (what) => { throw new Error(what); };
  const refusals = expected.refusals.cases;
  const messages = expected.verdicts.cases;
  let signed = 0;
  let refused = 0;
  for (const v of signatures.vectors) {
    const refusal = refusals[v.id];
    let got;
    try {
      got = lib.sign(v.body, v.secret);
    } catch (e) {
      // A refusal is a plain Error with the table's message; anything else is a defect.
      if (refusal !== undefined && e?.constructor === Error && e.message === refusal) {
        refused++;
        continue;
      }
      fail(`${v.id}: sign threw ${e?.constructor?.name}: ${e?.message}${refusal === undefined ? '' : `, expected Error: ${refusal}`}`);
    }
    if (refusal !== undefined) fail(`${v.id}: sign gave ${got}, expected the refusal "${refusal}"`);
    if (got !== v.signature) fail(`${v.id}: sign gave ${got}, expected ${v.signature}`);
    signed++;
  }
  if (refused !== REFUSED) fail(`${refused} signature vectors refused, expected ${REFUSED}`);
  let verified = 0;
  let byMessage = 0;
  for (const c of webhooks.cases) {
    const verdict = lib.verifyWebhook({ body: c.body, headers: c.headers, secret: c.secrets, kind: c.kind, toleranceMs: c.tolerance_ms, now: c.now });
    let ok;
    if (c.expect.valid) {
      ok = verdict.valid === true && verdict.secretIndex === c.expect.secret_index;
    } else {
      ok = JSON.stringify(verdict) === JSON.stringify({ valid: false, reason: c.expect.reason, message: messages[c.id]?.message });
      byMessage++;
    }
    if (!ok) fail(`${c.id}: got ${JSON.stringify(verdict)}, expected ${JSON.stringify(c.expect)} ${JSON.stringify(messages[c.id] ?? null)}`);
    verified++;
  }
  // The Standard Webhooks libraries' published vector.
  const headers = lib.standardWebhookSign({
    id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', body: '{"test": 2432232314}',
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: 1614265330000,
  });
  if (headers['webhook-signature'] !== 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=') fail(`standardWebhookSign gave ${JSON.stringify(headers)}`);
  const sw = lib.standardWebhookVerify({ body: '{"test": 2432232314}', headers, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: 1614265330000 });
  const swWant = { valid: true, id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, secretIndex: 0 };
  if (JSON.stringify(sw) !== JSON.stringify(swWant)) fail(`standardWebhookVerify gave ${JSON.stringify(sw)}`);
  if (typeof lib.createWebhookHandler !== 'function') fail('createWebhookHandler is missing');
  return `${signed} signatures (${refused} refused as in Rust, by message), ${verified} webhook cases (${byMessage} refused by message), Standard Webhooks example: ok`;
}

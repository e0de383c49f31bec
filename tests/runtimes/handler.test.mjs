// createWebhookHandler and the Standard Webhooks signer on the built package (Node's fetch Request and
// Response), cross-checked against the `standardwebhooks` npm library.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from './lib.mjs';

const lib = await import(join(root, 'pkg/node.mjs'));
const { Webhook } = createRequire(import.meta.url)(join(root, 'tools/node_modules/standardwebhooks'));

const SECRET = 'handler-secret';
const body = JSON.stringify({ pay_order_id: 'P9', order_status: 'SUCCEED', target_amount: '1.00' });
const post = (b = body, headers = { 'x-auth-signature': lib.sign(b, SECRET), 'x-auth-timestamp': String(Date.now()) }, method = 'POST') =>
  new Request('http://127.0.0.1/hook', { method, body: method === 'POST' ? b : undefined, headers });

test('answers SUCCESS and hands onEvent the verified webhook and the bytes it verified', async () => {
  const seen = [];
  const handler = lib.createWebhookHandler({
    secret: SECRET,
    onEvent: (v, r, bytes) => { seen.push([v.idempotencyKey, v.payload.target_amount, r.method, bytes]); },
  });
  // Non-ASCII and the sender's spacing: the bytes come back as sent, not re-serialised.
  const sent = '{ "pay_order_id": "P9", "order_status": "SUCCEED", "target_amount": "1.00", "note": "café" }';
  const res = await handler(post(sent, { 'x-auth-signature': lib.sign(sent, SECRET) }));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(await res.text(), 'SUCCESS');
  assert.deepEqual(seen, [['lesspay2:P9:SUCCEED', '1.00', 'POST', new TextEncoder().encode(sent)]]);
});

test('an option the handler does not have is refused when it is created', () => {
  const options = '{ secret, onEvent, kind?, toleranceMs?, isDuplicate?, markProcessed?, onRejected? }';
  assert.throws(() => lib.createWebhookHandler({ secret: SECRET, onEvent() {}, toleranceMS: 60_000 }), {
    name: 'TypeError',
    message: `createWebhookHandler has no option 'toleranceMS'; the options are ${options}`,
  });
  assert.throws(() => lib.createWebhookHandler(null), { name: 'TypeError', message: `createWebhookHandler expects an options object ${options}` });
});

test('rejections: exact status and `<reason>: <message>`', async () => {
  let called = 0;
  const handler = lib.createWebhookHandler({ secret: ['other', SECRET], toleranceMs: 60_000, onEvent: () => { called++; } });
  const cases = [
    [post(body.replace('1.00', '2.00'), { 'x-auth-signature': lib.sign(body, SECRET), 'x-auth-timestamp': String(Date.now()) }), 401,
      'signature_mismatch: no configured appSecret gives the received signature'],
    [post(body, { 'x-auth-timestamp': String(Date.now()) }), 401, 'missing_signature: no X-Auth-Signature header'],
    [post(body, { 'x-auth-signature': 'nope', 'x-auth-timestamp': '1' }), 400, 'malformed_signature: X-Auth-Signature is not 64 hex digits'],
    [post('[1]', { 'x-auth-signature': lib.sign('{}', SECRET), 'x-auth-timestamp': '1' }), 400,
      'malformed_body: the body is not a strict JSON object: the body is JSON but not an object; expected `{...}`'],
    [post(body, { 'x-auth-signature': lib.sign(body, SECRET) }), 401, 'missing_timestamp: no X-Auth-Timestamp header'],
    [post(body, { 'x-auth-signature': lib.sign(body, SECRET), 'x-auth-timestamp': '12ab' }), 400,
      'malformed_timestamp: X-Auth-Timestamp is not 1 to 16 digits of milliseconds'],
    // How far ahead depends on the clock between the two reads: only the form is fixed.
    [post(body, { 'x-auth-signature': lib.sign(body, SECRET), 'x-auth-timestamp': String(Date.now() + 3_600_000) }), 401,
      /^timestamp_too_new: X-Auth-Timestamp is \d+ ms newer than allowed$/],
    [post('x'.repeat(1_048_577), { 'x-auth-signature': lib.sign(body, SECRET) }), 413, 'body_too_large: the body is at least 1048577 bytes; at most 1048576 are read'],
  ];
  for (const [request, status, expected] of cases) {
    const res = await handler(request);
    const text = await res.text();
    assert.equal(res.status, status, text);
    if (typeof expected === 'string') assert.equal(text, expected);
    else assert.match(text, expected);
  }
  const get = await handler(post(body, {}, 'GET'));
  assert.deepEqual([get.status, get.headers.get('allow'), await get.text()], [405, 'POST', 'method_not_allowed: webhooks are delivered with POST']);
  assert.equal(called, 0);
});

test('onRejected sees every refusal, with the whole message, before the answer', async () => {
  const seen = [];
  const padded = `${SECRET}\n`;
  const handler = lib.createWebhookHandler({
    secret: padded,
    onEvent: () => assert.fail('not verified'),
    onRejected: async (rejected, request) => { seen.push([rejected, request.method]); },
  });
  const headers = { 'x-auth-signature': lib.sign(body, SECRET) };
  const mismatch = await handler(post(body, headers));
  assert.deepEqual([mismatch.status, await mismatch.text()], [401, 'signature_mismatch: no configured appSecret gives the received signature']);
  const large = await handler(post('x'.repeat(1_048_577), headers));
  assert.deepEqual([large.status, await large.text()], [413, 'body_too_large: the body is at least 1048577 bytes; at most 1048576 are read']);
  assert.deepEqual(seen, [
    [lib.verifyWebhook({ body, headers, secret: padded }), 'POST'],
    [{ valid: false, reason: 'body_too_large', message: 'the body is at least 1048577 bytes; at most 1048576 are read' }, 'POST'],
  ]);
  assert.equal(seen[0][0].message, 'no configured appSecret gives the received signature; one starts or ends with whitespace (a line end from a file?)');
  // Not called for a verified delivery, nor for another method.
  const quiet = lib.createWebhookHandler({ secret: SECRET, onEvent() {}, onRejected: () => assert.fail('not refused') });
  assert.equal((await quiet(post())).status, 200);
  assert.equal((await quiet(post(body, {}, 'GET'))).status, 405);
  // A throw from the hook is the runtime's 500, as one from onEvent.
  const failing = lib.createWebhookHandler({ secret: SECRET, onEvent() {}, onRejected: () => { throw new Error('log store down'); } });
  await assert.rejects(failing(post(body, {})), { message: 'log store down' });
  assert.throws(() => lib.createWebhookHandler({ secret: SECRET, onEvent() {}, onRejected: 'console' }), { name: 'TypeError', message: 'onRejected must be a function or undefined' });
});

test("the server's own mistakes reject with a TypeError instead of blaming the delivery", async () => {
  const handler = lib.createWebhookHandler({ secret: SECRET, onEvent: () => assert.fail('not verified') });
  // A node:http IncomingMessage (here its look-alike: headers as a plain object, a stream, no fetch body).
  const incoming = { method: 'POST', headers: { 'x-auth-signature': lib.sign(body, SECRET) }, on() {} };
  // Fetch headers without a body: not a Request either.
  const headersOnly = { method: 'POST', headers: new Headers({ 'x-auth-signature': lib.sign(body, SECRET) }) };
  for (const request of [incoming, headersOnly, undefined, 'POST /hook']) {
    await assert.rejects(handler(request), {
      name: 'TypeError', message: 'the webhook handler takes a fetch Request; a node:http server calls verifyWebhook with the raw body instead',
    });
  }
  // A body a parser has already read.
  const read = post();
  await read.json();
  await assert.rejects(handler(read), {
    name: 'TypeError', message: 'the request body was already read before the webhook handler (by a body parser or request.json()?): it needs the raw body',
  });
  // A body a reader holds (middleware that started reading it).
  const locked = post();
  locked.body.getReader();
  await assert.rejects(handler(locked), {
    name: 'TypeError', message: 'the request body was already read before the webhook handler (by a body parser or request.json()?): it needs the raw body',
  });
  // A connection that fails mid-body is the delivery's: 400, and the gateway sends it again; onRejected sees it.
  const seen = [];
  const logging = lib.createWebhookHandler({ secret: SECRET, onEvent: () => assert.fail('not verified'), onRejected: (r) => { seen.push(r); } });
  const broken = new ReadableStream({ pull(c) { c.error(new Error('connection reset')); } });
  const res = await logging(new Request('http://127.0.0.1/hook', { method: 'POST', body: broken, duplex: 'half' }));
  assert.deepEqual([res.status, await res.text()], [400, 'unreadable_body: the request body could not be read']);
  assert.deepEqual(seen, [{ valid: false, reason: 'unreadable_body', message: 'the request body could not be read' }]);
});

test('a mismatch answers the sender without what the message says of the configured secrets', async () => {
  // A secret with a line end from a file: verifyWebhook's message points it out, for the operator's logs.
  const padded = `${SECRET}\n`;
  const headers = { 'x-auth-signature': lib.sign(body, SECRET) };
  assert.equal(lib.verifyWebhook({ body, headers, secret: padded }).message,
    'no configured appSecret gives the received signature; one starts or ends with whitespace (a line end from a file?)');
  const handler = lib.createWebhookHandler({ secret: padded, onEvent: () => assert.fail('not verified') });
  const res = await handler(post(body, headers));
  assert.deepEqual([res.status, await res.text()], [401, 'signature_mismatch: no configured appSecret gives the received signature']);
});

test('dedupe hooks and a Response from onEvent', async () => {
  const done = new Set();
  let calls = 0;
  const handler = lib.createWebhookHandler({
    secret: SECRET,
    onEvent: () => { calls++; return calls === 1 ? new Response('busy', { status: 503 }) : undefined; },
    isDuplicate: (key) => done.has(key),
    markProcessed: (key) => { done.add(key); },
  });
  const first = await handler(post());
  assert.deepEqual([first.status, await first.text()], [503, 'busy']);
  assert.equal(done.size, 0, 'a Response from onEvent is not recorded as processed');
  assert.equal(await (await handler(post())).text(), 'SUCCESS');
  assert.deepEqual([...done], ['lesspay2:P9:SUCCEED']);
  assert.equal(await (await handler(post())).text(), 'SUCCESS');
  assert.equal(calls, 2, 'the duplicate did not reach onEvent');
});

test('a 2xx Response from onEvent is recorded as processed', async () => {
  const done = [];
  const handler = lib.createWebhookHandler({
    secret: SECRET,
    onEvent: () => new Response('{"code":0}', { status: 200, headers: { 'content-type': 'application/json' } }),
    markProcessed: (key) => { done.push(key); },
  });
  const res = await handler(post());
  assert.deepEqual([res.status, await res.text(), done], [200, '{"code":0}', ['lesspay2:P9:SUCCEED']]);
});

test('a body over 1 MiB is refused without being read whole', async () => {
  let called = 0;
  const handler = lib.createWebhookHandler({ secret: SECRET, onEvent: () => { called++; } });
  // Declared too large: refused before a byte is read.
  let pulled = 0;
  const endless = new ReadableStream({ pull(c) { pulled++; c.enqueue(new Uint8Array(65536)); } });
  const declared = new Request('http://127.0.0.1/hook', { method: 'POST', body: endless, duplex: 'half', headers: { 'content-length': '314572800' } });
  const res = await handler(declared);
  assert.deepEqual([res.status, await res.text()], [413, 'body_too_large: the body is at least 314572800 bytes; at most 1048576 are read']);
  // A stream without a length: reading stops just past 1 MiB (17 chunks of 64 KiB), then the stream is cancelled.
  let cancelled = false;
  pulled = 0;
  const stream = new ReadableStream({ pull(c) { pulled++; c.enqueue(new Uint8Array(65536)); }, cancel() { cancelled = true; } }, { highWaterMark: 0 });
  const streamed = await handler(new Request('http://127.0.0.1/hook', { method: 'POST', body: stream, duplex: 'half' }));
  assert.deepEqual([streamed.status, await streamed.text()], [413, 'body_too_large: the body is at least 1114112 bytes; at most 1048576 are read']);
  assert.equal(cancelled, true);
  assert.ok(pulled <= 18, `${pulled} chunks pulled`);
  // Exactly 1 MiB is read and verified (then its signature is checked).
  const atLimit = await handler(post('x'.repeat(1_048_576), { 'x-auth-signature': lib.sign(body, SECRET) }));
  assert.deepEqual([atLimit.status, await atLimit.text()], [400, "malformed_body: the body is not a strict JSON object: unexpected character 'x' at byte 0"]);
  // And so is a body that declares exactly 1 MiB.
  const declaredAtLimit = await handler(post('x'.repeat(1_048_576), { 'x-auth-signature': lib.sign(body, SECRET), 'content-length': '1048576' }));
  assert.deepEqual([declaredAtLimit.status, await declaredAtLimit.text()], [400, "malformed_body: the body is not a strict JSON object: unexpected character 'x' at byte 0"]);
  assert.equal(called, 0);
});

test('misuse throws at creation with an actionable message', () => {
  const onEvent = () => {};
  assert.throws(() => lib.createWebhookHandler(), {
    name: 'TypeError', message: 'createWebhookHandler expects an options object { secret, onEvent, kind?, toleranceMs?, isDuplicate?, markProcessed?, onRejected? }',
  });
  assert.throws(() => lib.createWebhookHandler({ secret: SECRET }), {
    name: 'TypeError', message: 'onEvent must be a function (verified, request, body) => void | Response | Promise<void | Response>',
  });
  assert.throws(() => lib.createWebhookHandler({ secret: '  ', onEvent }), { name: 'Error', message: 'secret is empty or blank; is the environment variable set?' });
  assert.throws(() => lib.createWebhookHandler({ secret: ['k', ''], onEvent }), { name: 'Error', message: 'secret[1] is empty or blank; is the environment variable set?' });
  assert.throws(() => lib.createWebhookHandler({ secret: [], onEvent }), { message: 'secret is an empty array; pass at least one appSecret' });
  assert.throws(() => lib.createWebhookHandler({ secret: undefined, onEvent }), { name: 'TypeError', message: 'secret must be the appSecret string or an array of them (rotation), not undefined; is the environment variable set?' });
  assert.throws(() => lib.createWebhookHandler({ secret: SECRET, onEvent, kind: 'refund' }), { name: 'TypeError', message: "kind must be 'auto', 'payin' or 'payout'" });
  assert.throws(() => lib.createWebhookHandler({ secret: SECRET, onEvent, isDuplicate: 1 }), { name: 'TypeError', message: 'isDuplicate must be a function or undefined' });
});

test('standardWebhookSign agrees with the standardwebhooks library, both ways', () => {
  const secrets = ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', `whsec_${Buffer.from('k'.repeat(64)).toString('base64')}`, 'whsec_AQID'];
  const bodies = ['{}', '{"test": 2432232314}', JSON.stringify({ é: '€ 𝄞', n: [1, 2.5] }), ''];
  const now = Date.now();
  for (const secret of secrets) {
    const wh = new Webhook(secret);
    for (const b of bodies) {
      const id = `msg_${b.length}`;
      const ours = lib.standardWebhookSign({ id, body: b, secret, now });
      assert.equal(ours['webhook-timestamp'], String(Math.floor(now / 1000)));
      assert.equal(ours['webhook-signature'], wh.sign(id, new Date(now), b));
      // Throws on a mismatch; the library answers undefined for an empty body, the parsed JSON otherwise.
      assert.deepEqual(wh.verify(b, ours), b === '' ? undefined : JSON.parse(b));
      const theirs = { 'webhook-id': id, 'webhook-timestamp': ours['webhook-timestamp'], 'webhook-signature': wh.sign(id, new Date(now), b) };
      assert.deepEqual(lib.standardWebhookVerify({ body: b, headers: theirs, secret }), { valid: true, id, timestamp: Math.floor(now / 1000), secretIndex: 0 });
    }
  }
  // Rotation: two signatures, the library accepts either secret.
  const both = lib.standardWebhookSign({ id: 'msg_r', body: '{}', secret: [secrets[0], secrets[1]], now });
  const signedBy = (secret) => new Webhook(secret).sign('msg_r', new Date(now), '{}');
  assert.equal(both['webhook-signature'], `${signedBy(secrets[0])} ${signedBy(secrets[1])}`);
  assert.deepEqual(new Webhook(secrets[1]).verify('{}', both), {});
  // Wrong secret, tampering, staleness: exact reasons.
  const v = (o) => lib.standardWebhookVerify({ body: '{}', headers: both, secret: secrets[2], now, ...o });
  assert.deepEqual(v({}), { valid: false, reason: 'signature_mismatch', message: 'no v1 signature in webhook-signature matches a configured secret' });
  assert.deepEqual(v({ secret: secrets[0], body: '{ }' }), { valid: false, reason: 'signature_mismatch', message: 'no v1 signature in webhook-signature matches a configured secret' });
  assert.deepEqual(v({ secret: secrets[0], now: now + 301_000 }), { valid: false, reason: 'timestamp_too_old', message: 'webhook-timestamp is older than the tolerance allows' });
  assert.deepEqual(v({ secret: secrets[0], now: now + 301_000, toleranceMs: null }), { valid: true, id: 'msg_r', timestamp: Math.floor(now / 1000), secretIndex: 0 });
  assert.throws(() => lib.standardWebhookSign({ id: 'a.b', body: '{}', secret: secrets[0] }), {
    name: 'Error', message: 'the webhook id must be 1 to 255 printable ASCII characters without `.` or spaces',
  });
  assert.throws(() => lib.standardWebhookVerify({ body: '{}', headers: both, secret: 'whsec_!!' }), { message: 'secret: the Standard Webhooks secret is not `whsec_` followed by standard base64' });
  // A body string with a lone surrogate is not the body that was signed: said by the last check, in order.
  const lone = '{"a":"\ud800"}';
  assert.equal(lib.standardWebhookVerify({ body: lone, headers: {}, secret: secrets[0], now }).reason, 'missing_id');
  assert.deepEqual(lib.standardWebhookVerify({ body: lone, headers: lib.standardWebhookSign({ id: 'msg_l', body: '{}', secret: secrets[0], now }), secret: secrets[0], now }), {
    valid: false,
    reason: 'signature_mismatch',
    message: 'the body string contains an unpaired UTF-16 surrogate, which UTF-8 cannot carry, so it is not the body that was sent: pass the raw body (its bytes, or the text as received)',
  });
});

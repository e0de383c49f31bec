'use strict';
// The signature suite over the built package, shared by signature.test.mjs (pkg/node.mjs) and
// signature.test.cjs (pkg/node.cjs): both entries must behave identically. Expected values come from the
// vendor's vectors, from node:crypto (an independent SHA-256), or are the documented messages; our own
// messages for the vendor's refused cases are in tests/vectors-expected/ (the vendor's files stay as given).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { createHash } = require('node:crypto');

const vectorsDir = join(__dirname, '..', 'vectors');
const signatures = JSON.parse(readFileSync(join(vectorsDir, 'signatures.json'), 'utf8')).vectors;
const webhooks = JSON.parse(readFileSync(join(vectorsDir, 'webhooks.json'), 'utf8')).cases;
const expectedDir = join(__dirname, '..', 'vectors-expected');
/** The exact message of each refused signature vector, by id (the ids of expected_refusal in tests/vectors.rs). */
const REFUSALS = JSON.parse(readFileSync(join(expectedDir, 'refusals.json'), 'utf8')).cases;
/** The message of each webhook case the vendor expects refused, by id. */
const VERDICTS = JSON.parse(readFileSync(join(expectedDir, 'webhook-verdicts.json'), 'utf8'));

const BODY_PREFIX = 'the body is not a strict JSON object: ';
const SURROGATE = 'contains an unpaired UTF-16 surrogate; the gateway would sign `?` in its place';
const MB20 = 20 * 1024 * 1024;

/** SHA-256 upper-case hex, computed by Node rather than by the library. */
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase();

// The status aliases the README lists for `orderStatus` (the canonical name a key uses).
const STATUS_ALIASES = { SUCCESS: 'SUCCEED', SUCCEEDED: 'SUCCEED', REFUNDED: 'REFUND', CANCELLED: 'CANCELED', CREATED: 'PENDING_PAY', PROCESSING: 'PENDING_PAY' };
// Java's String.isBlank (Character.isWhitespace): not U+00A0, U+2007 or U+202F, unlike JavaScript's \s.
const JAVA_BLANK = /^[\t\n\v\f\r\x1c-\x20\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/;

/**
 * The idempotency key of a webhook case, written from the README's rule rather than by the library:
 * `lesspay2:<pay_order_id>:<status by its canonical name>`, plus `:<event in lower case>` when the event
 * is signed, that is not on a pay-in v1 webhook (api_version null, missing, blank or "v1" in any case, the
 * rule in webhooks.json); null without an order id or a status.
 */
function expectedKey(kind, body) {
  const { pay_order_id: id, order_status: status, api_version: version, event } = JSON.parse(body);
  if (typeof id !== 'string' || id === '' || typeof status !== 'string' || status === '') return null;
  const name = STATUS_ALIASES[status.toUpperCase()] ?? status.toUpperCase();
  const v1 = kind === 'payin' && (version == null || (typeof version === 'string' && (JAVA_BLANK.test(version) || version.toLowerCase() === 'v1')));
  const signedEvent = !v1 && typeof event === 'string' && event.trim() !== '' ? `:${event.trim().toLowerCase()}` : '';
  return `lesspay2:${id}:${name}${signedEvent}`;
}

/** The headers of a webhook case in one of several shapes the API accepts. */
function headerShapes(headers) {
  const shapes = {
    'plain object': { ...headers },
    'plain object, string[] values': Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    Map: new Map(Object.entries(headers)),
    'Map, string[] values': new Map(Object.entries(headers).map(([k, v]) => [k, [v]])),
  };
  // fetch Headers trims values and refuses non-Latin-1 ones: only for cases it would not change.
  if (Object.values(headers).every((v) => v === v.replace(/^[ \t]+|[ \t]+$/g, '') && /^[\x20-\xff]*$/.test(v))) {
    shapes.Headers = new Headers(headers);
  }
  return shapes;
}

function register({ api, label, test, assert }) {
  const { canonicalize, sign, signRequest, signWebhook, verifyWebhook, explainSignature, webhookKey, standardWebhookSign, standardWebhookVerify } = api;
  const throwsExactly = (fn, Type, message) =>
    assert.throws(fn, (e) => {
      assert.equal(e.constructor, Type, `${e.name}: ${e.message}`);
      assert.equal(e.message, message);
      return true;
    });

  test(`${label}: every signature vector`, () => {
    let signed = 0;
    let refused = 0;
    for (const v of signatures) {
      const refusal = REFUSALS[v.id];
      if (refusal !== undefined) {
        // A refusal: an Error (never a TypeError) with the parser's reason, the same from every entry point.
        throwsExactly(() => canonicalize(v.body), Error, refusal);
        throwsExactly(() => sign(v.body, v.secret), Error, refusal);
        throwsExactly(() => explainSignature(v.body, v.secret), Error, refusal);
        throwsExactly(() => signRequest({ appId: 'a', appSecret: 'k', body: v.body }), Error, refusal);
        refused++;
        continue;
      }
      const canonical = canonicalize(v.body);
      assert.equal(canonical, v.canonical ?? null, v.id);
      assert.equal(sign(v.body, v.secret), v.signature, v.id);
      assert.equal(sha256(v.signed_string), v.signature, v.id);
      const explained = explainSignature(v.body, v.secret, ` ${v.signature.toLowerCase()}\n`);
      assert.equal(explained.expected, v.signature, v.id);
      assert.equal(explained.canonical, v.canonical ?? null, v.id);
      assert.equal(explained.matches, true, v.id);
      // Matched after trimming, with the one hint a lower-case signature gets.
      assert.deepEqual(explained.hints, [{ code: 'lowercase_hex', message: 'the signature matches but is not upper case; the gateway sends and expects upper-case hex' }], v.id);
      assert.equal(explained.signedString, v.canonical == null ? 'key=<appSecret>' : `${v.canonical}&key=<appSecret>`, v.id);
      signed++;
    }
    // The same split as the Rust suite: 35 bodies refused (non-strict JSON, directive keys, lone surrogates),
    // each id of the table met once.
    assert.deepEqual([signed, refused, Object.keys(REFUSALS).length], [560, 35, 35]);
  });

  test(`${label}: refusals with exact messages`, () => {
    throwsExactly(() => canonicalize('[{"a":1}]'), Error, BODY_PREFIX + 'the body is JSON but not an object; expected `{...}`');
    throwsExactly(() => canonicalize('{"a":1} x'), Error, BODY_PREFIX + 'unexpected text after the JSON object at byte 8');
    throwsExactly(() => canonicalize(''), Error, BODY_PREFIX + 'the body is empty; expected a JSON object');
    throwsExactly(
      () => canonicalize('{"$ref":"x"}'),
      Error,
      BODY_PREFIX + 'the key "$ref" at byte 1 is a directive to the gateway\'s JSON parser, not data; rename it',
    );
    throwsExactly(
      () => canonicalize('{"a":"\\ud800"}'),
      Error,
      BODY_PREFIX + 'unpaired UTF-16 surrogate escape at byte 6; the gateway would sign `?` in its place',
    );
  });

  test(`${label}: every webhook case, every header shape, string and byte bodies`, () => {
    // The table names every refused case, and nothing else.
    const refusedIds = webhooks.filter((c) => !c.expect.valid).map((c) => c.id).sort();
    assert.deepEqual(Object.keys(VERDICTS.cases).sort(), refusedIds);
    assert.equal(refusedIds.length, 70);
    let runs = 0;
    for (const c of webhooks) {
      for (const [shape, headers] of Object.entries(headerShapes(c.headers))) {
        const bytes = new TextEncoder().encode(c.body);
        for (const body of [c.body, bytes, bytes.buffer]) {
          const verdict = verifyWebhook({ body, headers, secret: c.secrets, kind: c.kind, toleranceMs: c.tolerance_ms, now: c.now });
          const what = `${c.id} (${shape}, ${body.constructor.name})`;
          assert.equal(verdict.valid, c.expect.valid, `${what}: ${verdict.message}`);
          if (c.expect.valid) {
            assert.equal(verdict.secretIndex, c.expect.secret_index, what);
            assert.equal(verdict.kind, c.kind, what);
            assert.deepEqual(verdict.payload, JSON.parse(c.body), what);
            assert.equal(verdict.idempotencyKey, expectedKey(c.kind, c.body), what);
          } else {
            assert.deepEqual(verdict, { valid: false, reason: c.expect.reason, message: VERDICTS.cases[c.id].message }, what);
          }
          runs++;
        }
      }
    }
    // 162 cases × 4 shapes × 3 bodies, and the fetch Headers shape for the 144 cases it would not change.
    assert.equal(runs, 162 * 4 * 3 + 144 * 3);
  });

  test(`${label}: signWebhook gives the signature of every valid webhook case (sign, as a request, misses 24)`, () => {
    let signed = 0;
    let notAsRequest = 0;
    for (const c of webhooks) {
      if (!c.expect.valid) continue;
      const secret = c.secrets[c.expect.secret_index];
      const received = Object.entries(c.headers).find(([k]) => k.toLowerCase() === 'x-auth-signature')[1].trim().toUpperCase();
      const bytes = new TextEncoder().encode(c.body);
      for (const body of [c.body, bytes]) assert.equal(signWebhook(body, secret, c.kind), received, c.id);
      // Without a kind, by the payload's shape: what verifyWebhook's 'auto' picks, and it accepts the
      // gateway's header.
      assert.equal(signWebhook(c.body, secret), received, c.id);
      const auto = verifyWebhook({ body: c.body, headers: { 'x-auth-signature': received }, secret });
      assert.equal(auto.valid, true, c.id);
      if (sign(c.body, secret) !== received) notAsRequest++;
      // explainSignature with the kind explains it as that webhook: a match, no hints.
      const explained = explainSignature(c.body, secret, received, c.kind);
      assert.deepEqual([explained.expected, explained.matches, explained.hints], [received, true, []], c.id);
      signed++;
    }
    assert.deepEqual([signed, notAsRequest], [92, 24]);
    // A pay-in v1 webhook checked by the payout rule: named, with the receiver's hint.
    const v1 = webhooks.find((c) => c.id === 'wh-pub-0001');
    const v1Signature = signWebhook(v1.body, v1.secrets[0], 'payin');
    assert.deepEqual(explainSignature(v1.body, v1.secrets[0], v1Signature, 'payout').hints.map((h) => [h.code, h.message]), [
      ['webhook_kind', "the signature matches this body signed by the pay-in rule; verify it with kind 'payin'"],
      ['raw_body', 'check the body exactly as it was received (its raw text or bytes), not a parsed and re-serialised copy, which can change the text of numbers and the key order inside arrays: the gateway signs both as sent'],
    ]);
    // Written by hand from the body (keys sorted, null dropped, nested objects as {k=v&...}); the v1 one
    // without the five unsigned keys, and its hash with the secret is the vector's header.
    const url = 'https://helios.cashier-dev.com/api/apm/response/LessPay/b3IxQzFjckd4eXp4RU84eVFHbHJxUT09';
    const v1Canonical = `description=Deposit #1585581674&fail_url=${url}&order_status=SUCCEED&pay_order_id=P2045118164054515713`
      + `&product_name=deposit&request_id=1585581674&success_url=${url}&target_amount=100.00&target_currency=USD`;
    const asRequest = `api_version=v1&channel_biz_data={3ds={downgraded=false&enrolled=Y}&issuer=CREDIT AGRICOLE BANK POLSKA S.A.&issuer_country=PL}`
      + `&description=Deposit #1585581674&fail_url=${url}&order_status=SUCCEED&order_status_int=2&pay_order_id=P2045118164054515713`
      + `&product_name=deposit&request_id=1585581674&success_url=${url}&target_amount=100.00&target_currency=USD`;
    assert.equal(sha256(`${v1Canonical}&key=${v1.secrets[0]}`), v1.headers['X-Auth-Signature']);
    assert.equal(explainSignature(v1.body, v1.secrets[0], null, 'auto').canonical, v1Canonical);
    assert.equal(explainSignature(v1.body, v1.secrets[0], null, undefined).canonical, asRequest);
    throwsExactly(() => explainSignature('{}', 'k', null, 'request'), TypeError, "kind must be 'auto', 'payin' or 'payout'");
    throwsExactly(() => signWebhook('{}', 'k', 'refund'), TypeError, "kind must be 'auto', 'payin' or 'payout'");
    throwsExactly(() => signWebhook('[1]', 'k'), Error, `${BODY_PREFIX}the body is JSON but not an object; expected \`{...}\``);
    throwsExactly(() => signWebhook('{}', 42), TypeError, 'appSecret must be a string');
  });

  test(`${label}: standardWebhookSign writes only timestamps a verifier reads (12 digits of seconds)`, () => {
    const options = { id: 'msg_1', body: '{}', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
    assert.equal(standardWebhookSign({ ...options, now: 999_999_999_999_999 })['webhook-timestamp'], '999999999999');
    for (const now of [1e15, 8.64e18]) {
      throwsExactly(() => standardWebhookSign({ ...options, now }), Error,
        'the timestamp must be whole seconds since the epoch, at most 12 digits; was it given in milliseconds?');
    }
    // Seconds where milliseconds are due would sign a time in 1970 that every receiver refuses.
    for (const now of [1614265330, 0, -1]) {
      throwsExactly(() => standardWebhookSign({ ...options, now }), TypeError,
        'now must be milliseconds since the epoch (13 digits, like Date.now()), not seconds');
    }
    assert.equal(standardWebhookSign({ ...options, now: new Date(1614265330000) })['webhook-timestamp'], '1614265330');
    throwsExactly(() => standardWebhookSign({ ...options, timestamp: 1614265330000 }), TypeError,
      'timestamp is not an option of standardWebhookSign; it takes id, body, secret, now');
    throwsExactly(() => standardWebhookSign({ ...options, body: '{"a":"\ud800"}' }), Error,
      'the body string contains an unpaired UTF-16 surrogate, which UTF-8 cannot carry, so it is not the body that was sent: pass the raw body (its bytes, or the text as received)');
  });

  // The Standard Webhooks libraries' published example, and the verdict on it.
  const STANDARD = {
    signed: { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' },
    delivery: { body: '{"test": 2432232314}', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
    valid: { valid: true, id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, secretIndex: 0 },
  };

  test(`${label}: standardWebhookVerify reads two signature headers a fetch Headers joined, in either order`, () => {
    const { signed, valid } = STANDARD;
    const options = { ...STANDARD.delivery, now: 1614265330000 };
    const other = 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=';
    for (const order of [[signed['webhook-signature'], other], [other, signed['webhook-signature']]]) {
      const headers = new Headers({ 'webhook-id': signed['webhook-id'], 'webhook-timestamp': signed['webhook-timestamp'] });
      for (const value of order) headers.append('webhook-signature', value);
      assert.equal(headers.get('webhook-signature'), order.join(', '));
      assert.deepEqual(standardWebhookVerify({ ...options, headers }), valid);
    }
    // The first 16 `v1` signatures are read.
    const after = (n) => ({ ...signed, 'webhook-signature': `${`${other} `.repeat(n)}${signed['webhook-signature']}` });
    assert.deepEqual(standardWebhookVerify({ ...options, headers: after(15) }), valid);
    assert.deepEqual(standardWebhookVerify({ ...options, headers: after(16) }), { valid: false, reason: 'signature_mismatch', message: 'no v1 signature in webhook-signature matches a configured secret' });
  });

  test(`${label}: standardWebhookVerify's tolerance is 5 minutes when absent, off when null, and refused when not a count of milliseconds`, () => {
    const { valid } = STANDARD;
    const options = { ...STANDARD.delivery, headers: STANDARD.signed };
    const tooOld = { valid: false, reason: 'timestamp_too_old', message: 'webhook-timestamp is older than the tolerance allows' };
    const sent = 1614265330000;
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent + 300_000 }), valid);
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent + 300_001 }), tooOld);
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent + 300_001, toleranceMs: undefined }), tooOld);
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent + 1_000_001, toleranceMs: 1_000_000.9 }), tooOld);
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent + 1_000_000, toleranceMs: 1_000_000.9 }), valid);
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent + 1e12, toleranceMs: null }), valid);
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent, toleranceMs: 0 }), valid);
    for (const toleranceMs of [-1, Infinity, NaN, '1000', false]) {
      throwsExactly(() => standardWebhookVerify({ ...options, now: sent, toleranceMs }), TypeError,
        'toleranceMs must be a finite, non-negative number of milliseconds (default 300000), or null for no freshness check');
    }
    // A body with a lone surrogate is not what was signed, and is said to be so.
    assert.deepEqual(standardWebhookVerify({ ...options, now: sent, body: '{"test": "\ud800"}' }), { valid: false, reason: 'signature_mismatch',
      message: 'the body string contains an unpaired UTF-16 surrogate, which UTF-8 cannot carry, so it is not the body that was sent: pass the raw body (its bytes, or the text as received)' });
  });

  test(`${label}: a single secret string and rotation`, () => {
    const body = '{"pay_order_id":"P1","order_status":"SUCCEED","target_amount":"1.00"}';
    const headers = { 'X-Auth-Signature': sign(body, 'new') };
    const one = verifyWebhook({ body, headers, secret: 'new' });
    assert.deepEqual(
      { valid: one.valid, kind: one.kind, secretIndex: one.secretIndex, key: one.idempotencyKey },
      { valid: true, kind: 'payin', secretIndex: 0, key: 'lesspay2:P1:SUCCEED' },
    );
    assert.deepEqual(verifyWebhook({ body, headers, secret: ['old', 'new'] }), {
      valid: true,
      kind: 'payin',
      secretIndex: 1,
      payload: JSON.parse(body),
      unsignedFields: [],
      orderStatus: { code: 2, name: 'SUCCEED', final: true, description: 'paid' },
      event: null,
      idempotencyKey: 'lesspay2:P1:SUCCEED',
    });
    const wrong = verifyWebhook({ body, headers, secret: ['old'] });
    assert.deepEqual(wrong, { valid: false, reason: 'signature_mismatch', message: 'no configured appSecret gives the received signature' });
    // The right secret with a line end from a file: signed as given, and pointed out.
    assert.deepEqual(verifyWebhook({ body, headers, secret: ['old', 'new\n'] }), {
      valid: false,
      reason: 'signature_mismatch',
      message: 'no configured appSecret gives the received signature; one starts or ends with whitespace (a line end from a file?)',
    });
    assert.equal(verifyWebhook({ body, headers: { 'X-Auth-Signature': sign(body, ' new') }, secret: ' new' }).valid, true);
  });

  test(`${label}: header names in a plain object, lower-case first`, () => {
    const body = '{"pay_order_id":"P1","order_status":"SUCCEED","target_amount":"1.00"}';
    const good = sign(body, 'k');
    const verdict = (headers) => verifyWebhook({ body, headers, secret: 'k' }).reason ?? 'valid';
    // Node's req.headers: a dozen lower-case names.
    const node = { host: 'm.example', 'content-type': 'application/json', 'x-auth-timestamp': '1', 'x-auth-signature': good };
    assert.equal(verdict(node), 'valid');
    // Another casing is found by a scan; the exact lower-case name wins over it wherever it sits.
    assert.equal(verdict({ host: 'm.example', 'X-AUTH-SIGNATURE': good }), 'valid');
    assert.equal(verdict({ 'X-Auth-Signature': 'A'.repeat(64), 'x-auth-signature': good }), 'valid');
    assert.equal(verdict({ 'X-Auth-Signature': good, 'x-auth-signature': 'A'.repeat(64) }), 'signature_mismatch');
    // A lower-case key without a string value does not hide another casing.
    assert.equal(verdict({ 'x-auth-signature': 42, 'X-Auth-Signature': good }), 'valid');
  });

  test(`${label}: signRequest`, () => {
    const body = '{"b":"2","a":"1"}';
    const signed = signRequest({ appId: 'app-1', appSecret: 'k', body, timestamp: 1700000000000 });
    assert.deepEqual(signed, {
      body,
      headers: {
        'x-auth-appid': 'app-1',
        'X-Auth-Timestamp': '1700000000000',
        'x-auth-signature': sha256('a=1&b=2&key=k'),
        'Content-Type': 'application/json',
      },
    });
    assert.deepEqual(Object.keys(signed.headers), ['x-auth-appid', 'X-Auth-Timestamp', 'x-auth-signature', 'Content-Type']);
    // An object body is serialised with JSON.stringify and that exact text is returned.
    const fromObject = signRequest({ appId: 'app-1', appSecret: 'k', body: { b: '2', a: '1' }, timestamp: 1000000000000 });
    assert.equal(fromObject.body, body);
    assert.equal(fromObject.headers['X-Auth-Timestamp'], '1000000000000');
    // Spec 1: 13-digit milliseconds; seconds are refused, not sent as a time in 1970.
    for (const timestamp of [1762741122, 0, 1e13, -1]) {
      throwsExactly(() => signRequest({ appId: 'a', appSecret: 'k', body, timestamp }), TypeError,
        'timestamp must be a number of milliseconds since the epoch, 13 whole digits like Date.now() (not seconds, not a string)');
    }
    // Without a timestamp: the clock.
    const before = Date.now();
    const now = Number(signRequest({ appId: 'a', appSecret: 'k', body }).headers['X-Auth-Timestamp']);
    assert.ok(now >= before && now <= Date.now(), `${now}`);
  });

  test(`${label}: explainSignature`, () => {
    const body = '{"amount":100.50,"details":[{"b":"1","a":"2"},{"a":"1"}]}';
    const e = explainSignature(body, ' k', 'sha256=abc');
    const canonical = 'amount=100.50&details=[{"a":"2","b":"1"},{"a":"1"}]';
    assert.equal(e.canonical, canonical);
    assert.equal(e.signedString, `${canonical}&key=<appSecret>`);
    assert.equal(e.expected, sha256(`${canonical}&key= k`));
    assert.equal(e.matches, false);
    assert.deepEqual(
      e.hints.map((h) => h.code),
      ['signature_format', 'secret_whitespace', 'number_values', 'array_key_order', 'exact_body'],
    );
    assert.equal(
      e.hints[0].message,
      'the received signature is not 64 hex digits (10 characters); the gateway\'s is the bare upper-case hex SHA-256, without a prefix such as `sha256=`',
    );
    assert.deepEqual(e.arrayKeyOrder, [{ path: 'details[0]', bodyOrder: ['b', 'a'], gatewayOrder: ['a', 'b'] }]);
    const none = explainSignature('{}', 'k');
    assert.deepEqual(none, {
      canonical: null,
      signedString: 'key=<appSecret>',
      expected: sha256('key=k'),
      matches: null,
      hints: [{ code: 'exact_body', message: 'sign the exact body text you send, after serialising it; re-serialising in between may change numbers or key order' }],
      arrayKeyOrder: [],
    });
    const match = explainSignature('{}', 'k', sha256('key=k').toLowerCase());
    assert.deepEqual(match.hints.map((h) => h.code), ['lowercase_hex']);
    assert.equal(match.matches, true);
  });

  test(`${label}: webhookKey`, () => {
    assert.equal(webhookKey({ pay_order_id: 'P9', order_status: 'SUCCEED', api_version: 'v2', event: 'DISPUTE' }), 'lesspay2:P9:SUCCEED:dispute');
    // Read as `orderStatus` and the event decoder read them: a status by its number or another
    // spelling, an event in any case and with spaces around it, give one key.
    for (const [status, event] of [['SUCCEED', 'payment_declined'], ['2', ' Payment_Declined '], [2, 'PAYMENT_DECLINED'], ['success', 'payment_declined']]) {
      assert.equal(webhookKey({ pay_order_id: 'P9', order_status: status, api_version: 'v2', event }), 'lesspay2:P9:SUCCEED:payment_declined');
    }
    // An unknown status stays as written, upper-cased.
    assert.equal(webhookKey({ pay_order_id: 'P9', order_status: 'on hold', api_version: 'v2' }), 'lesspay2:P9:ON_HOLD');
    assert.equal(webhookKey({ pay_order_id: 'P9', order_status: 77 }), 'lesspay2:P9:77');
    // A pay-in v1 payload's event is not signed: it stays out of the key (a replay cannot renew it).
    assert.equal(webhookKey({ pay_order_id: 'P9', order_status: 'SUCCEED', event: 'DISPUTE' }), 'lesspay2:P9:SUCCEED');
    assert.equal(webhookKey({ pay_order_id: 'P9', order_status: 'SUCCEED', api_version: 'V1', event: 'x' }), 'lesspay2:P9:SUCCEED');
    assert.equal(webhookKey('{"pay_order_id":"P9","order_status":"SUCCEED"}'), 'lesspay2:P9:SUCCEED');
    assert.equal(webhookKey({ order_status: 'SUCCEED' }), null);
    throwsExactly(() => webhookKey('[1]'), Error, 'payload is not a JSON object: the body is JSON but not an object; expected `{...}`');
  });

  // Robustness through wasm: each function fed wrong types, empty values, huge and deep input, invalid
  // UTF-8 and lone surrogates, with the documented error or verdict.
  test(`${label}: wrong types throw TypeError with exact messages`, () => {
    const kinds = [
      [undefined, 'undefined'],
      [null, 'null'],
      [5, 'a number'],
      [true, 'a boolean'],
      [10n, 'a bigint'],
      [Symbol('s'), 'a symbol'],
      [() => 1, 'a function'],
    ];
    for (const [value, name] of kinds) {
      throwsExactly(() => canonicalize(value), TypeError, `body must be a JSON string, its UTF-8 bytes or an object, not ${name}`);
      throwsExactly(() => sign(value, 'k'), TypeError, `body must be a JSON string, its UTF-8 bytes or an object, not ${name}`);
      throwsExactly(() => explainSignature(value, 'k'), TypeError, `body must be a JSON string, its UTF-8 bytes or an object, not ${name}`);
      throwsExactly(() => webhookKey(value), TypeError, `payload must be a JSON string, its UTF-8 bytes or an object, not ${name}`);
      throwsExactly(() => sign('{}', value), TypeError, 'appSecret must be a string');
      throwsExactly(() => signRequest({ appId: value, appSecret: 'k', body: '{}' }), TypeError, 'appId must be a string');
      throwsExactly(
        () => verifyWebhook({ body: value, headers: {}, secret: 'k' }),
        TypeError,
        `body must be the raw body as a string, Uint8Array or ArrayBuffer, not ${name}`,
      );
      if (value != null) {
        throwsExactly(() => explainSignature('{}', 'k', value), TypeError, 'receivedSignature must be a string');
      }
      if (typeof value !== 'function' && typeof value !== 'symbol') {
        throwsExactly(
          () => verifyWebhook({ body: '{}', headers: {}, secret: value }),
          TypeError,
          `secret must be the appSecret string or an array of them (rotation), not ${name}${value === undefined ? '; is the environment variable set?' : ''}`,
        );
        throwsExactly(
          () => verifyWebhook({ body: '{}', headers: value, secret: 'k' }),
          TypeError,
          `headers must be a fetch Headers, a Map or a plain object of the received headers, not ${name}`,
        );
      }
    }
    // Node's `req.rawHeaders` or a list of pairs would read as having no signature.
    for (const headers of [['x-auth-signature', 'AB'], [['x-auth-signature', 'AB']]]) {
      throwsExactly(
        () => verifyWebhook({ body: '{}', headers, secret: 'k' }),
        TypeError,
        'headers must be a fetch Headers, a Map or a plain object of the received headers, not an array',
      );
    }
    for (const value of [undefined, null, 'x', 5]) {
      throwsExactly(() => signRequest(value), TypeError, 'signRequest expects an options object { appId, appSecret, body, timestamp? }');
      throwsExactly(
        () => verifyWebhook(value),
        TypeError,
        'verifyWebhook expects an options object { body, headers, secret, kind?, toleranceMs?, now? }',
      );
    }
    throwsExactly(() => sign([1], 'k'), Error, BODY_PREFIX + 'the body is JSON but not an object; expected `{...}`');
    throwsExactly(() => verifyWebhook({ body: '{}', headers: {}, secret: [5] }), TypeError, 'secret[0] must be a string');
    throwsExactly(() => verifyWebhook({ body: '{}', headers: {}, secret: 'k', kind: 'refund' }), TypeError, "kind must be 'auto', 'payin' or 'payout'");
    throwsExactly(
      () => verifyWebhook({ body: '{}', headers: {}, secret: 'k', toleranceMs: -1 }),
      TypeError,
      'toleranceMs must be a finite, non-negative number of milliseconds, or null for no freshness check',
    );
    throwsExactly(
      () => verifyWebhook({ body: '{}', headers: {}, secret: 'k', toleranceMs: Infinity }),
      TypeError,
      'toleranceMs must be a finite, non-negative number of milliseconds, or null for no freshness check',
    );
    for (const now of ['1', NaN, new Date(NaN), Object.create(Date.prototype)]) {
      throwsExactly(() => verifyWebhook({ body: '{}', headers: {}, secret: 'k', now }), TypeError, 'now must be a time in milliseconds since the epoch or a valid Date');
    }
    // A misspelt option is refused by name, not read as absent (here: no freshness check at all).
    throwsExactly(
      () => verifyWebhook({ body: '{}', headers: {}, secret: 'k', toleranceMS: 1000 }),
      TypeError,
      'toleranceMS is not an option of verifyWebhook; did you mean toleranceMs?',
    );
    throwsExactly(
      () => verifyWebhook({ body: '{}', headers: {}, secret: 'k', tolerance: 1000 }),
      TypeError,
      'tolerance is not an option of verifyWebhook; it takes body, headers, secret, kind, toleranceMs, now',
    );
    throwsExactly(
      () => signRequest({ appId: 'a', appSecret: 'k', body: '{}', timestmap: 1781524800000 }),
      TypeError,
      'timestmap is not an option of signRequest; it takes appId, appSecret, body, timestamp',
    );
    // An option given as undefined (a spread configuration) is no unknown key.
    assert.deepEqual(verifyWebhook({ body: '{}', headers: {}, secret: 'k', kind: undefined, toleranceMs: undefined, now: undefined }), {
      valid: false,
      reason: 'missing_signature',
      message: 'no X-Auth-Signature header',
    });
    for (const timestamp of [-1, 1.5, NaN, Infinity, '1']) {
      throwsExactly(
        () => signRequest({ appId: 'a', appSecret: 'k', body: '{}', timestamp }),
        TypeError,
        'timestamp must be a number of milliseconds since the epoch, 13 whole digits like Date.now() (not seconds, not a string)',
      );
    }
    const cyclic = {};
    cyclic.self = cyclic;
    // Our words, then JSON.stringify's own message: the engine's text, taken from the engine running this.
    let circular;
    try { JSON.stringify(cyclic); } catch (e) { circular = e.message; }
    throwsExactly(() => canonicalize(cyclic), Error, `body could not be serialised with JSON.stringify: ${circular}`);
  });

  test(`${label}: a body as bytes is its UTF-8 text; objects JSON.stringify would misrepresent are refused`, () => {
    const text = '{"pay_order_id":"P1","order_status":"SUCCEED","api_version":"v2","note":"é"}';
    // Written by hand: the keys sorted, é as itself in UTF-8.
    const canonical = 'api_version=v2&note=é&order_status=SUCCEED&pay_order_id=P1';
    const signature = sha256(`${canonical}&key=s3cret`);
    const bytes = new TextEncoder().encode(text);
    const copy = new ArrayBuffer(bytes.length);
    new Uint8Array(copy).set(bytes);
    // A Node `Buffer` (a Uint8Array over a shared pool, at an offset), a plain Uint8Array, an ArrayBuffer,
    // a SharedArrayBuffer (which JSON.stringify would write as `{}`) where the runtime has one.
    const shared = typeof SharedArrayBuffer === 'function' ? [new SharedArrayBuffer(bytes.length)] : [];
    for (const buffer of shared) new Uint8Array(buffer).set(bytes);
    const shapes = [bytes, copy, ...shared, ...(typeof Buffer === 'function' ? [Buffer.from(text)] : [])];
    for (const body of shapes) {
      assert.deepEqual(verifyWebhook({ body, headers: { 'x-auth-signature': signature }, secret: 's3cret' }), {
        valid: true,
        kind: 'payin',
        secretIndex: 0,
        payload: JSON.parse(text),
        unsignedFields: [],
        orderStatus: { code: 2, name: 'SUCCEED', final: true, description: 'paid' },
        event: null,
        idempotencyKey: 'lesspay2:P1:SUCCEED',
      });
      assert.equal(sign(body, 's3cret'), signature);
      assert.equal(canonicalize(body), canonical);
      assert.equal(webhookKey(body), 'lesspay2:P1:SUCCEED');
      const explained = explainSignature(body, 's3cret', signature);
      assert.equal(explained.matches, true);
      assert.deepEqual(explained.hints, []);
      assert.equal(signRequest({ appId: 'a', appSecret: 's3cret', body, timestamp: 1700000000000 }).body, text);
    }
    assert.equal(canonicalize(new Uint8Array([123, 125])), null);
    throwsExactly(() => sign(new Uint8Array([123, 0xff, 125]), 'k'), Error, 'body is not valid UTF-8 (at byte 1); the gateway signs UTF-8 JSON text');
    throwsExactly(() => webhookKey(new Uint8Array([0xc3])), Error, 'payload is not valid UTF-8 (at byte 0); the gateway signs UTF-8 JSON text');
    for (const view of [new Int16Array(2), new Float64Array(1), new DataView(copy)]) {
      throwsExactly(() => sign(view, 'k'), TypeError, 'body as bytes must be a Uint8Array (a Node Buffer is one) or an ArrayBuffer');
    }
    for (const collection of [new Map([['a', '1']]), new Set(['a'])]) {
      const refused = 'body is a Map or Set, which JSON.stringify writes as {}: pass the JSON text or a plain object (Object.fromEntries(map))';
      throwsExactly(() => sign(collection, 'k'), TypeError, refused);
      throwsExactly(() => canonicalize(collection), TypeError, refused);
      throwsExactly(() => explainSignature(collection, 'k'), TypeError, refused);
      throwsExactly(() => webhookKey(collection), TypeError, refused.replace('body', 'payload'));
    }
  });

  test(`${label}: empty values`, () => {
    throwsExactly(() => verifyWebhook({ body: '{}', headers: {}, secret: [] }), Error, 'secret is an empty array; pass at least one appSecret');
    for (const blank of ['', ' ', '\n\t', '\u3000']) {
      throwsExactly(
        () => verifyWebhook({ body: '{}', headers: {}, secret: blank }),
        Error,
        'secret: the appSecret is empty or blank; is the environment variable set?',
      );
      throwsExactly(
        () => verifyWebhook({ body: '{}', headers: {}, secret: ['k', blank] }),
        Error,
        'secret[1]: the appSecret is empty or blank; is the environment variable set?',
      );
      throwsExactly(
        () => signRequest({ appId: 'a', appSecret: blank, body: '{}' }),
        Error,
        'the appSecret is empty or blank; is the environment variable set?',
      );
      throwsExactly(() => signRequest({ appId: blank, appSecret: 'k', body: '{}' }), Error, 'the appId is empty');
    }
    // A line end kept from a file would split the header; fetch refuses it only when sending.
    for (const appId of ['app\n', 'app\r\nX-Evil: 1', 'a\tb', 'app\u007f', 'app\u00e9']) {
      throwsExactly(() => signRequest({ appId, appSecret: 'k', body: '{}' }), Error,
        'the appId must be printable ASCII, as it goes in a header; it has a line break, a control or a non-ASCII character');
    }
    // The low-level sign accepts an empty secret; the empty body is refused; `{}` signs `key=`.
    assert.equal(sign('{"a":"1"}', ''), sha256('a=1&key='));
    assert.equal(sign({}, 'k'), sha256('key=k'));
    assert.equal(canonicalize({}), null);
    // Parameters that are all dropped leave an empty canonical string, hashed as `&key=` (vector pub-0004).
    assert.equal(canonicalize('{"a":"","b":null}'), '');
    assert.equal(sign('{"a":"","b":null}', 'k'), sha256('&key=k'));
    // Empty containers are kept (vector pub-0006): only "" and null are dropped.
    assert.equal(canonicalize('{"a":"","b":null,"c":[],"d":{}}'), 'c=[]&d={}');
    assert.deepEqual(verifyWebhook({ body: '', headers: {}, secret: 'k' }), {
      valid: false,
      reason: 'missing_signature',
      message: 'no X-Auth-Signature header',
    });
    assert.deepEqual(verifyWebhook({ body: '', headers: { 'x-auth-signature': sha256('x') }, secret: 'k' }), {
      valid: false,
      reason: 'malformed_body',
      message: BODY_PREFIX + 'the body is empty; expected a JSON object',
    });
    // Reason only: the message says there is no header where there is one, empty (as for wh-pub-0110).
    const empty = verifyWebhook({ body: new Uint8Array(0), headers: { 'x-auth-signature': '' }, secret: 'k' });
    assert.deepEqual([empty.valid, empty.reason], [false, 'missing_signature']);
  });

  test(`${label}: 20 MB, 100,000-deep, invalid UTF-8, lone surrogates`, () => {
    // The largest body any function reads is 8 Mi characters (the module's memory is bounded): one at
    // the limit signs, 20 MB is refused before it is copied.
    const value = 'z'.repeat((8 << 20) - 8);
    assert.equal(sign(`{"a":"${value}"}`, 'k'), sha256(`a=${value}&key=k`));
    throwsExactly(() => sign(`{"a":"${value}z"}`, 'k'), Error, `body is ${(8 << 20) + 1} characters long; at most ${8 << 20} are read`);
    // An option's name is bounded like any input, and shown cut short; a comma or an empty name
    // hides nothing.
    throwsExactly(() => verifyWebhook({ body: '{}', headers: {}, secret: 'k', [value + 'zzzzzzzzz']: 1 }), Error,
      'the option names of verifyWebhook are too long to read; it takes body, headers, secret, kind, toleranceMs, now');
    throwsExactly(() => verifyWebhook({ [value]: 1 }), TypeError,
      `${'z'.repeat(64)}… is not an option of verifyWebhook; it takes body, headers, secret, kind, toleranceMs, now`);
    throwsExactly(() => verifyWebhook({ body: '{}', headers: {}, secret: 'k', 'toleranceMs,now': 1 }), TypeError,
      'an option name of verifyWebhook holds a comma; it takes body, headers, secret, kind, toleranceMs, now');
    throwsExactly(() => signRequest({ appId: 'a', appSecret: 'k', body: '{}', '': 1 }), TypeError,
      '"" is not an option of signRequest; it takes appId, appSecret, body, timestamp');
    const big = `{"a":"${'z'.repeat(MB20)}"}`;
    throwsExactly(() => sign(big, 'k'), Error, `body is ${big.length} characters long; at most ${8 << 20} are read`);
    const headers = { 'X-Auth-Signature': sign('{"a":"1"}', 'k') };
    for (const body of [big, new TextEncoder().encode(big), new TextEncoder().encode(big).buffer]) {
      const verdict = verifyWebhook({ body, headers, secret: 'k' });
      assert.deepEqual(verdict, {
        valid: false,
        reason: 'body_too_large',
        message: `the body is at least ${big.length} bytes; at most 1048576 are read`,
      });
    }
    // Rule 1 comes first for a string with a lone surrogate too: sized as it would be sent (U+FFFD, 3 bytes).
    const euros = `{"a":"${'€'.repeat(349600)}\ud800"}`;
    for (const h of [headers, {}]) {
      assert.deepEqual(verifyWebhook({ body: euros, headers: h, secret: 'k' }), {
        valid: false,
        reason: 'body_too_large',
        message: 'the body is at least 1048811 bytes; at most 1048576 are read',
      });
    }
    const deep = `{"a":${'['.repeat(100000)}${']'.repeat(100000)}}`;
    const tooDeep = BODY_PREFIX + 'the body is nested deeper than 128 levels (byte 132)';
    throwsExactly(() => canonicalize(deep), Error, tooDeep);
    throwsExactly(() => sign(deep, 'k'), Error, tooDeep);
    assert.deepEqual(verifyWebhook({ body: deep, headers, secret: 'k' }), { valid: false, reason: 'malformed_body', message: tooDeep });
    const deepObjects = '{"a":'.repeat(99999) + '{' + '}'.repeat(100000);
    throwsExactly(() => canonicalize(deepObjects), Error, BODY_PREFIX + 'the body is nested deeper than 128 levels (byte 640)');

    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"a":"\xff"}
    assert.deepEqual(verifyWebhook({ body: invalidUtf8, headers, secret: 'k' }), {
      valid: false,
      reason: 'malformed_body',
      message: BODY_PREFIX + 'the body is not valid UTF-8 (byte 6)',
    });

    const lone = '{"a":"\ud800"}';
    throwsExactly(() => canonicalize(lone), Error, `body ${SURROGATE}`);
    throwsExactly(() => sign(lone, 'k'), Error, `body ${SURROGATE}`);
    throwsExactly(() => sign('{}', 'k\udc00'), Error, `appSecret ${SURROGATE}`);
    throwsExactly(() => explainSignature('{}', 'k', '\ud800'), Error, `receivedSignature ${SURROGATE}`);
    throwsExactly(() => signRequest({ appId: '\ud800', appSecret: 'k', body: '{}' }), Error, `appId ${SURROGATE}`);
    throwsExactly(() => webhookKey(lone), Error, `payload ${SURROGATE}`);
    throwsExactly(() => verifyWebhook({ body: '{}', headers, secret: ['k', '\ud800'] }), Error, `secret[1] ${SURROGATE}`);
    throwsExactly(() => verifyWebhook({ body: '{}', headers, secret: 'k\ud800' }), Error, `secret ${SURROGATE}`);
    // From the network, a lone surrogate is a verdict, never a throw, where the checks reach the body.
    assert.deepEqual(verifyWebhook({ body: lone, headers: {}, secret: 'k' }), { valid: false, reason: 'missing_signature', message: 'no X-Auth-Signature header' });
    assert.deepEqual(verifyWebhook({ body: lone, headers, secret: 'k' }), {
      valid: false,
      reason: 'malformed_body',
      message: 'the body string contains an unpaired UTF-16 surrogate, which UTF-8 cannot carry, so it is not the body that was sent: pass the raw body (its bytes, or the text as received)',
    });
    assert.deepEqual(verifyWebhook({ body: '{"a":"1"}', headers: { 'X-Auth-Signature': '\ud800' }, secret: 'k' }), {
      valid: false,
      reason: 'malformed_signature',
      message: 'X-Auth-Signature is not 64 hex digits',
    });
  });
}

module.exports = { register };

// Throws random values of every type at every export of the built package (pkg/, pkg/client/ and
// pkg/edge/, through their Node ESM entries: three separate wasm instances) and accepts only documented results or thrown `Error`s (TypeError included) — never a
// `WebAssembly.RuntimeError` (a trap: a panic or an out-of-bounds access in the module) — and checks that
// the instance still answers correctly afterwards. Exports added later are covered automatically.
import { test } from 'node:test';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import fc from '../../tools/node_modules/fast-check/lib/fast-check.js';
import * as lib from '../../pkg/node.mjs';
import * as client from '../../pkg/client/node.mjs';
import * as edge from '../../pkg/edge/node.mjs';
import { atTheStackLimit, checkStackLimitSummary, isStackLimit, INTERRUPTED, stackLimitSummary } from '../runtimes/stack-limit.mjs';
import { resilient } from '../../pkg/extras.js';
import * as libGlue from '../../pkg/glue/web.js';
import * as edgeGlue from '../../pkg/edge/glue/web.js';

// `ROBUSTNESS_RUNS=5000 ROBUSTNESS_SEED=<n>` for a longer run on another seed (make test: 300, seed 7).
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 300);
// Loaders take a module or bytes; they are exercised by the runtime suites, not with junk here.
const SKIP = new Set(['default', 'init', 'initSync']);
const functionsOf = (entry) => Object.entries(entry).filter(([name, f]) => typeof f === 'function' && !SKIP.has(name));
const exportsUnderTest = functionsOf(lib);
const clientExportsUnderTest = functionsOf(client);
const edgeExportsUnderTest = functionsOf(edge);

const KNOWN_BODY = '{"b":"2","a":1.50,"c":[{"y":null,"x":"\\u2028"}]}';
/** SHA-256 upper-case hex, computed by Node rather than by the library. */
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase();
// node:crypto over the canonical string written by hand: keys sorted, 1.50 as written, null dropped
// inside the array's object, the escape \u2028 kept as sent: sha256('a=1.50&b=2&c=[{"x":"\\u2028"}]&key=k').
const KNOWN_SIGNATURE = 'CD172F3A17B217273DE5FB43D5238F8EE0262A769CCD1FA2F29DDBFEB143E4E0';

/** Values a caller can pass, hostile ones included. */
const hostile = fc.constantFrom(
  undefined, null, true, 0, -0, NaN, Infinity, -1, 2 ** 53, 1e308, 10n ** 30n, '', ' ', '\ud800', 'x\udfff',
  '{}', '[]', '{"a":', '{"$ref":"$.a"}', '{"a":1e2147483648}', '{"a":' + '['.repeat(5000), 'x'.repeat(1 << 16),
  Symbol('s'), () => 1, [], [null], new Map([['x-auth-signature', 'AB']]), new Uint8Array([0xff, 0xfe]),
  new ArrayBuffer(8), new Date(0), /re/, new Error('e'), Object.create(null),
  new Proxy({}, { get() { throw new Error('hostile getter'); }, ownKeys() { throw new Error('hostile keys'); } }),
  { get body() { throw new RangeError('getter'); } },
  { toString() { throw new Error('toString'); }, toJSON() { throw new Error('toJSON'); } },
);
const value = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }) },
  { weight: 2, arbitrary: hostile },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.json() },
);
/** An options object with the fields the exports read, each possibly junk. */
const options = fc.record({
  body: fc.oneof(value, fc.json(), fc.constant(KNOWN_BODY)),
  headers: fc.oneof(value, fc.dictionary(fc.constantFrom('x-auth-signature', 'X-Auth-Timestamp', 'x'), value)),
  secret: fc.oneof(value, fc.constant('k'), fc.array(value, { maxLength: 3 })),
  appId: value, appSecret: fc.oneof(value, fc.constant('k')), timestamp: value,
  kind: fc.oneof(value, fc.constantFrom('auto', 'payin', 'payout', 'createPayin', 'createPayoutBatch')),
  toleranceMs: value, now: value, locale: value, api: value,
}, { requiredKeys: [] });
const args = fc.array(fc.oneof(value, options), { maxLength: 4 });

const SOURCES = new Set(['http_status', 'payin_code', 'payout_code', 'query_msg', 'fraud_code', 'dispute', 'none']);
const CATEGORIES = new Set(['success', 'invalid_request', 'authentication', 'permission', 'not_found', 'conflict', 'business_rule',
  'server', 'unavailable', 'fraud', 'dispute', 'unknown']);
const RETRIES = new Set(['no', 'after_fix', 'later', 'query_first']);
const isObject = (r) => typeof r === 'object' && r !== null;
/** A DecodedError as pkg/types/errors.d.ts documents it. */
const isDecoded = (r) => isObject(r) && typeof r.known === 'boolean' && typeof r.published === 'boolean' && SOURCES.has(r.source) &&
  typeof r.name === 'string' && r.name !== '' && typeof r.description === 'string' && typeof r.suggestion === 'string' &&
  typeof r.advice === 'string' && CATEGORIES.has(r.category) && RETRIES.has(r.retry) && (r.msgConflict === null || isObject(r.msgConflict));
const isHex64 = (r) => typeof r === 'string' && /^[0-9A-F]{64}$/.test(r);

/** What each known export may return (anything else is a bug); later exports: anything but a trap. */
const RESULT = {
  sign: isHex64,
  signWebhook: isHex64,
  canonicalize: (r) => r === null || typeof r === 'string',
  webhookKey: (r) => r === null || typeof r === 'string',
  verifyWebhook: (r) => typeof r === 'object' && r !== null && typeof r.valid === 'boolean' &&
    (r.valid ? typeof r.secretIndex === 'number' : typeof r.reason === 'string' && typeof r.message === 'string'),
  explainSignature: (r) => typeof r === 'object' && r !== null && /^[0-9A-F]{64}$/.test(r.expected) && Array.isArray(r.hints),
  signRequest: (r) => typeof r === 'object' && r !== null && typeof r.body === 'string' && typeof r.headers === 'object',
  validate: (r) => typeof r === 'object' && r !== null && typeof r.valid === 'boolean' && Array.isArray(r.issues),
  validateJson: (r) => typeof r === 'object' && r !== null && typeof r.valid === 'boolean' && Array.isArray(r.issues),
  validateField: (r) => isObject(r) && typeof r.valid === 'boolean' && Array.isArray(r.issues),
  standardWebhookSign: (r) => isObject(r) && JSON.stringify(Object.keys(r)) === '["webhook-id","webhook-timestamp","webhook-signature"]' &&
    typeof r['webhook-id'] === 'string' && /^\d{1,12}$/.test(r['webhook-timestamp']) && /^v1,[A-Za-z0-9+/]{43}=$/.test(r['webhook-signature']),
  standardWebhookVerify: (r) => isObject(r) && (r.valid === true
    ? typeof r.id === 'string' && Number.isInteger(r.timestamp) && Number.isInteger(r.secretIndex)
    : r.valid === false && typeof r.reason === 'string' && typeof r.message === 'string'),
  decodeError: isDecoded,
  decodeResponse: (r) => isObject(r) && (r.ok === true ? 'data' in r && (r.msgConflict === null || isObject(r.msgConflict)) : r.ok === false && isDecoded(r.error)),
  orderStatus: (r) => r === null || (isObject(r) && JSON.stringify(Object.keys(r)) === '["code","name","final","description"]' &&
    Number.isInteger(r.code) && typeof r.name === 'string' && typeof r.final === 'boolean' && typeof r.description === 'string'),
};

function callOnce(name, f, callArgs) {
  let result;
  try {
    result = f(...callArgs);
  } catch (e) {
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name} trapped: ${e?.stack}`);
    assert.ok(e instanceof Error, `${name} threw a non-Error: ${String(e)}`);
    assert.equal(typeof e.message, 'string');
    return;
  }
  if (result instanceof Promise) return; // async exports: awaited results are checked by their suites
  const ok = RESULT[name];
  if (ok) assert.ok(ok(result), `${name} returned an undocumented value: ${safe(result)}`);
}

function safe(v) {
  try { return JSON.stringify(v)?.slice(0, 200) ?? String(v); } catch { return Object.prototype.toString.call(v); }
}

// Each module (its own wasm instance), the exports under test, and how that instance shows it still works.
const MODULES = [
  ['', exportsUnderTest, () => assert.equal(lib.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE)],
  ['lesspay2/client ', clientExportsUnderTest, () => assert.deepEqual(client.validate('fetchPayout', { request_id: 'R1' }), { valid: true, issues: [] })],
  ['lesspay2/edge ', edgeExportsUnderTest, () => assert.equal(edge.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE)],
];

for (const [label, exports, stillWorks] of MODULES) {
  for (const [name, f] of exports) {
    test(`${label}${name}: random arguments give a documented result or an Error, never a trap`, () => {
      fc.assert(fc.property(args, (callArgs) => { callOnce(name, f, callArgs); }), { numRuns: RUNS, seed: Number(process.env.ROBUSTNESS_SEED ?? 7) });
      stillWorks();
    });
  }
}

test('every export survives a burst of junk and the instance still verifies', () => {
  fc.assert(fc.property(fc.constantFrom(...exportsUnderTest), args, ([name, f], callArgs) => { callOnce(name, f, callArgs); }),
    { numRuns: RUNS * 2, seed: 11 });
  const r = lib.verifyWebhook({ body: KNOWN_BODY, headers: { 'X-Auth-Signature': KNOWN_SIGNATURE }, secret: 'k', kind: 'payout' });
  assert.equal(r.valid, true);
  assert.equal(lib.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
});

test('the exports under test include the signature API, and the client\'s and the edge module\'s their whole API', () => {
  const names = exportsUnderTest.map(([n]) => n);
  for (const n of ['sign', 'canonicalize', 'verifyWebhook', 'signRequest', 'signWebhook', 'explainSignature', 'webhookKey']) {
    assert.ok(names.includes(n), `missing export ${n}`);
  }
  assert.deepEqual(clientExportsUnderTest.map(([n]) => n).sort(),
    ['createSchema', 'decodeError', 'decodeResponse', 'orderStatus', 'validate', 'validateField', 'validateJson']);
  assert.deepEqual(edgeExportsUnderTest.map(([n]) => n).sort(), ['canonicalize', 'createWebhookHandler', 'explainSignature', 'sign', 'signRequest',
    'signWebhook', 'standardWebhookSign', 'standardWebhookVerify', 'verifyWebhook', 'webhookKey']);
});

test('an option whose getter throws throws its own error out of the call, in every function that takes options', () => {
  const body = KNOWN_BODY;
  // Each function, a valid options object, and where that object goes in the call.
  const cases = [
    ['signRequest', { appId: 'a', appSecret: 'k', body, timestamp: 1700000000000 }, (m, o) => m.signRequest(o)],
    ['verifyWebhook', { body, headers: { 'x-auth-signature': KNOWN_SIGNATURE }, secret: 'k', kind: 'payout', toleranceMs: 1000, now: 0 }, (m, o) => m.verifyWebhook(o)],
    ['standardWebhookSign', { id: 'msg_1', body, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', now: 1614265330000 }, (m, o) => m.standardWebhookSign(o)],
    ['standardWebhookVerify', { body, headers: {}, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', toleranceMs: 1000, now: 0 }, (m, o) => m.standardWebhookVerify(o)],
    ['validate', { locale: 'en', now: 0 }, (m, o) => m.validate('fetchPayout', {}, o)],
    ['validateJson', { locale: 'en', now: 0 }, (m, o) => m.validateJson('fetchPayout', '{}', o)],
    ['decodeError', { api: 'payout', operation: 'create', locale: 'en' }, (m, o) => m.decodeError(30002, o)],
    ['decodeResponse', { api: 'payout', operation: 'create', locale: 'en' }, (m, o) => m.decodeResponse(200, '{"code":0}', o)],
    ['orderStatus', { locale: 'en' }, (m, o) => m.orderStatus('SUCCEED', o)],
  ];
  for (const [name, options, call] of cases) {
    for (const entry of [lib, client, edge].filter((m) => typeof m[name] === 'function')) {
      call(entry, options); // valid as given
      for (const key of Object.keys(options)) {
        const vault = new Error(`the vault is locked (${name}.${key})`);
        const hostile = { ...options };
        Object.defineProperty(hostile, key, { enumerable: true, get() { throw vault; } });
        assert.throws(() => call(entry, hostile), (e) => e === vault, `${name}: ${key}`);
      }
    }
  }
});

test('an input over 8 Mi characters or bytes is refused before it is copied into wasm memory, in every position', () => {
  // Unbounded, these were copied whole: a 500 MB body trapped explainSignature and validate (the
  // module's 4 GB ran out), and twenty copies of one long secret any verifier.
  const MAX = 8 << 20;
  const long = 'x'.repeat(MAX + 1);
  // Under the limit alone, over it as JSON.stringify's {"a":"…"} or joined with another.
  const fits = 'x'.repeat(MAX - 7);
  const tooLong = (what, length = MAX + 1, unit = 'characters') => ({
    name: 'Error', message: `${what} is ${length} ${unit} long; at most ${MAX} are read`,
  });
  const headerUnread = (name) => `the ${name} header is not read: over ${MAX} characters, or over 64 values`;
  const whsec = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const ok = { 'x-auth-signature': KNOWN_SIGNATURE };
  for (const m of [lib, edge]) {
    assert.throws(() => m.sign(long, 'k'), tooLong('body'));
    assert.throws(() => m.sign(new Uint8Array(MAX + 1), 'k'), tooLong('body', MAX + 1, 'bytes'));
    assert.throws(() => m.sign({ a: fits }, 'k'), tooLong('body'));
    assert.throws(() => m.sign(KNOWN_BODY, long), tooLong('appSecret'));
    assert.throws(() => m.canonicalize(long), tooLong('body'));
    assert.throws(() => m.explainSignature(KNOWN_BODY, 'k', long), tooLong('receivedSignature'));
    assert.throws(() => m.signRequest({ appId: long, appSecret: 'k', body: KNOWN_BODY }), tooLong('appId'));
    assert.throws(() => m.signWebhook(KNOWN_BODY, 'k', long), { name: 'TypeError', message: "kind must be 'auto', 'payin' or 'payout'" });
    assert.throws(() => m.webhookKey(long), tooLong('payload'));
    assert.throws(() => m.standardWebhookSign({ id: long, body: KNOWN_BODY, secret: whsec }), tooLong('id'));
    // Secrets: each bounded, and how many.
    assert.throws(() => m.verifyWebhook({ body: KNOWN_BODY, headers: ok, secret: ['k', long] }), tooLong('secret[1]'));
    assert.throws(() => m.verifyWebhook({ body: KNOWN_BODY, headers: ok, secret: Array(17).fill('k') }),
      { name: 'Error', message: 'secret is an array of 17 items; at most 16 are tried' });
    assert.equal(m.verifyWebhook({ body: KNOWN_BODY, headers: ok, secret: [...Array(15).fill('other'), 'k'] }).secretIndex, 15);
    // Headers are network input: a verdict, in every shape they come in.
    for (const headers of [{ 'x-auth-signature': long }, new Map([['X-Auth-Signature', long]]), { 'X-AUTH-SIGNATURE': [long] },
      { 'x-auth-signature': Array(65).fill(KNOWN_SIGNATURE) }, { 'x-auth-signature': [fits, fits] }]) {
      assert.deepEqual(m.verifyWebhook({ body: KNOWN_BODY, headers, secret: 'k' }),
        { valid: false, reason: 'malformed_signature', message: headerUnread('X-Auth-Signature') });
    }
    // At the limits (64 values; joined, 8 Mi characters) a header is read: here, as not a signature.
    const half = 'x'.repeat((MAX - 2) / 2);
    for (const headers of [{ 'x-auth-signature': Array(64).fill(KNOWN_SIGNATURE) }, { 'x-auth-signature': [half, half] }]) {
      assert.deepEqual(m.verifyWebhook({ body: KNOWN_BODY, headers, secret: 'k' }),
        { valid: false, reason: 'malformed_signature', message: 'X-Auth-Signature is not 64 hex digits' });
    }
    assert.deepEqual(m.verifyWebhook({ body: KNOWN_BODY, headers: { ...ok, 'x-auth-timestamp': long }, secret: 'k', toleranceMs: 1000 }),
      { valid: false, reason: 'malformed_timestamp', message: headerUnread('X-Auth-Timestamp') });
    // A key as long as the header's name is read; a longer one is not (and cannot be the header).
    assert.equal(m.verifyWebhook({ body: KNOWN_BODY, headers: { [long]: 'x', 'X-Auth-Signature': KNOWN_SIGNATURE }, secret: 'k' }).valid, true);
    const standard = { 'webhook-id': 'msg_1', 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,x' };
    assert.deepEqual(m.standardWebhookVerify({ body: KNOWN_BODY, headers: { ...standard, 'webhook-signature': long }, secret: whsec, toleranceMs: null }),
      { valid: false, reason: 'signature_mismatch', message: headerUnread('webhook-id or webhook-signature') });
    assert.deepEqual(m.standardWebhookVerify({ body: KNOWN_BODY, headers: { ...standard, 'webhook-timestamp': long }, secret: whsec }),
      { valid: false, reason: 'malformed_timestamp', message: headerUnread('webhook-timestamp') });
    assert.equal(m.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
  }
  for (const m of [lib, client]) {
    assert.throws(() => m.validate(long, {}), {
      name: 'TypeError',
      message: `kind must be one of 'createPayin', 'fetchPayin', 'createPayout', 'createPayoutBatch', 'fetchPayout', 'payoutBanks', not a string of ${MAX + 1} characters`,
    });
    assert.throws(() => m.validate('createPayin', { a: fits }), tooLong('params'));
    assert.throws(() => m.validate('createPayin', {}, { locale: long }), tooLong('options.locale'));
    assert.throws(() => m.orderStatus('SUCCEED', { locale: long }), tooLong('options.locale'));
    // Decoding reads what it cannot use as no answer, and never throws for it.
    assert.equal(m.decodeError(long).name, 'Unreadable Answer');
    assert.deepEqual(m.decodeResponse(502, long), {
      ok: false,
      error: {
        known: false, published: false, source: 'http_status', status: 502, name: 'Server Error',
        description: 'an undocumented server error status (often a proxy: 502, 504)', suggestion: '',
        advice: 'outcome unknown: after a create, query the order by request_id and resend (same request_id) only if it does not exist; otherwise retry later with backoff',
        category: 'server', retry: 'later', msgConflict: null,
      },
    });
    assert.equal(m.orderStatus(long), null);
    assert.deepEqual(m.validate('fetchPayout', { request_id: 'R1' }), { valid: true, issues: [] });
  }
});

test("an exception from the caller's own object is thrown on, and thousands of them leave the instance working", () => {
  // Uncaught, each such exception crossed the module without the Rust frames returning: their stack
  // stayed lowered, and about 1,300 calls stopped the instance ("memory access out of bounds").
  const thrown = new Error('from the caller');
  const throwing = (target, traps) => new Proxy(target, Object.fromEntries(traps.map((t) => [t, () => { throw thrown; }])));
  const iterThrows = new Map([['x-auth-signature', KNOWN_SIGNATURE]]);
  iterThrows[Symbol.iterator] = () => { throw thrown; };
  const whsec = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  for (const m of [lib, edge]) {
    const calls = {
      'a secret list whose items throw': () => m.verifyWebhook({ body: KNOWN_BODY, headers: { 'x-auth-signature': KNOWN_SIGNATURE }, secret: throwing(['k'], ['get']) }),
      'headers whose keys throw': () => m.verifyWebhook({ body: KNOWN_BODY, headers: throwing({}, ['ownKeys']), secret: 'k' }),
      'a Map of headers whose iterator throws': () => m.verifyWebhook({ body: KNOWN_BODY, headers: iterThrows, secret: 'k' }),
      'a repeated header whose values throw': () => m.verifyWebhook({ body: KNOWN_BODY, headers: { 'x-auth-signature': throwing([KNOWN_SIGNATURE], ['get']) }, secret: 'k' }),
      'Standard Webhooks secrets that throw': () => m.standardWebhookVerify({ body: KNOWN_BODY, headers: {}, secret: throwing([whsec], ['get']) }),
      // Read through `get` (a fetch Headers look-alike) or as properties: not read as a missing header.
      'headers whose get() throws': () => m.verifyWebhook({ body: KNOWN_BODY, headers: { get() { throw thrown; } }, secret: 'k' }),
      'headers whose reads throw': () => m.verifyWebhook({ body: KNOWN_BODY, headers: throwing({}, ['get']), secret: 'k' }),
      'a header whose getter throws': () => m.verifyWebhook({ body: KNOWN_BODY, headers: { get 'x-auth-signature'() { throw thrown; } }, secret: 'k' }),
      'Standard Webhooks headers whose get() throws': () => m.standardWebhookVerify({ body: KNOWN_BODY, headers: { get() { throw thrown; } }, secret: whsec }),
      'Standard Webhooks headers whose reads throw': () => m.standardWebhookVerify({ body: KNOWN_BODY, headers: throwing({}, ['get']), secret: whsec }),
      'bytes that throw': () => m.sign(throwing(Object.create(Uint8Array.prototype), ['get']), 'k'),
    };
    for (const [what, call] of Object.entries(calls)) {
      for (let i = 0; i < 3000; i++) assert.throws(call, (e) => e === thrown, what);
      assert.equal(m.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE, what);
    }
  }
});

test('bytes are read as the platform sees them: a Uint8Array whose length lies, a fake buffer or Date', () => {
  // The glue allocated by `length` and copied every byte: one call with this wrote past its allocation.
  class Lying extends Uint8Array { get length() { return 7; } }
  const body = new TextEncoder().encode(`{"a":"${'x'.repeat(20000)}"}`);
  const lying = new Lying(body.length);
  lying.set(body);
  for (const m of [lib, edge]) {
    assert.equal(m.sign(lying, 'k'), m.sign(body, 'k'));
    assert.equal(m.verifyWebhook({ body: lying, headers: { 'x-auth-signature': m.sign(body, 'k') }, secret: 'k' }).valid, true);
    assert.throws(() => m.sign(Object.create(ArrayBuffer.prototype), 'k'),
      { name: 'Error', message: 'the body is not a strict JSON object: the body is empty; expected a JSON object' });
    assert.equal(m.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
  }
  // The limit holds for bytes as for a string: 1 MiB is read, one byte more is not (and where `length`
  // lies, the limit is applied to the platform's own copy).
  const exactly = (size) => new TextEncoder().encode(`{"a":"${'x'.repeat(size - 8)}"}`);
  const max = exactly(1 << 20);
  const over = exactly((1 << 20) + 1);
  const lyingCopy = (bytes) => { const b = new Lying(bytes.length); b.set(bytes); return b; };
  const tooLarge = { valid: false, reason: 'body_too_large', message: 'the body is at least 1048577 bytes; at most 1048576 are read' };
  for (const m of [lib, edge]) {
    const headers = { 'x-auth-signature': m.sign(max, 'k') };
    for (const bytes of [max, lyingCopy(max)]) {
      const verdict = m.verifyWebhook({ body: bytes, headers, secret: 'k' });
      assert.deepEqual([verdict.valid, verdict.payload.a.length], [true, (1 << 20) - 8]);
    }
    for (const bytes of [over, lyingCopy(over)]) {
      assert.deepEqual(m.verifyWebhook({ body: bytes, headers, secret: 'k' }), tooLarge);
    }
    // A string is measured in UTF-8 bytes: 1 MiB of ASCII is read; {"a":"…"} around 524,285 'é' is 1,048,578.
    const text = new TextDecoder().decode(max);
    assert.equal(m.verifyWebhook({ body: text, headers, secret: 'k' }).valid, true);
    assert.deepEqual(m.verifyWebhook({ body: text + ' ', headers, secret: 'k' }), tooLarge);
    assert.deepEqual(m.verifyWebhook({ body: `{"a":"${'é'.repeat(524285)}"}`, headers, secret: 'k' }),
      { ...tooLarge, message: 'the body is at least 1048578 bytes; at most 1048576 are read' });
  }
  for (const m of [lib, client]) {
    assert.throws(() => m.validate('fetchPayout', { request_id: 'R1' }, { now: Object.create(Date.prototype) }),
      { name: 'TypeError', message: 'options.now must be a time in milliseconds since the epoch or a valid Date' });
  }
});

// Calls made with the stack almost full (tests/runtimes/stack-limit.mjs says what used to happen);
// `STACK_ROUNDS=40` for a longer run (make test: 4).
const STACK_ROUNDS = Number(process.env.STACK_ROUNDS ?? 4);
const cjsLib = createRequire(import.meta.url)('../../pkg/node.cjs');
const WHSEC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
/** One ordinary call of each function of the modules, by name. */
const ORDINARY = {
  sign: (m) => m.sign(KNOWN_BODY, 'k'),
  canonicalize: (m) => m.canonicalize(KNOWN_BODY),
  verifyWebhook: (m) => m.verifyWebhook({ body: KNOWN_BODY, headers: { 'x-auth-signature': KNOWN_SIGNATURE }, secret: 'k', kind: 'payout' }),
  explainSignature: (m) => m.explainSignature(KNOWN_BODY, 'k', KNOWN_SIGNATURE),
  signRequest: (m) => m.signRequest({ appId: 'a', appSecret: 'k', body: KNOWN_BODY, timestamp: 1700000000000 }),
  signWebhook: (m) => m.signWebhook(KNOWN_BODY, 'k', 'payout'),
  webhookKey: (m) => m.webhookKey('{"pay_order_id":"P1","order_status":"SUCCEED"}'),
  standardWebhookSign: (m) => m.standardWebhookSign({ id: 'msg_1', body: KNOWN_BODY, secret: WHSEC, now: 1614265330000 }),
  standardWebhookVerify: (m) => m.standardWebhookVerify({ body: KNOWN_BODY, secret: WHSEC, now: 1614265330000,
    headers: m.standardWebhookSign({ id: 'msg_1', body: KNOWN_BODY, secret: WHSEC, now: 1614265330000 }) }),
  validate: (m) => m.validate('createPayin', { request_id: 'R1', amount: '1.234', currency: 'USD' }),
  validateField: (m) => m.validateField('createPayin', ['currency'], 'usd'),
  validateJson: (m) => m.validateJson('createPayin', '{"request_id":"R1","expired_time":1.5}'),
  decodeError: (m) => m.decodeError(30002, { api: 'payout', operation: 'create' }),
  decodeResponse: (m) => m.decodeResponse(502, '<html>Bad Gateway</html>', { api: 'payin', operation: 'create' }),
  orderStatus: (m) => m.orderStatus('SUCCEED', { locale: 'zh-CN' }),
};
// Helpers that only build something: what they call is covered through the functions above.
const BUILDERS = new Set(['createWebhookHandler', 'createSchema']);

for (const [label, m] of [['', lib], ['lesspay2/client ', client], ['lesspay2/edge ', edge], ['CommonJS ', cjsLib]]) {
  test(`${label}every function called with the stack almost full throws the engine's RangeError or says it was interrupted, never answers otherwise, and the module works after`, () => {
    const names = functionsOf(m).map(([name]) => name).filter((name) => !BUILDERS.has(name));
    assert.deepEqual(names.filter((name) => !ORDINARY[name]), [], 'a function without an ordinary call here');
    for (const name of names) {
      // Before the fix every call was a trap after the first few that met the limit: an error other
      // than the limit or "interrupted" (a RuntimeError) fails the check.
      const summary = stackLimitSummary(() => ORDINARY[name](m), STACK_ROUNDS);
      checkStackLimitSummary(name, summary);
      assert.ok(summary.answered >= 500, `${name}: only ${summary.answered} calls answered near the limit`);
    }
  });
}

test('a call whose own getter breaks the instance under it (calling the module at the stack limit) throws instead of answering', () => {
  for (const m of [lib, edge]) {
    const verify = (secret) => m.verifyWebhook({ body: KNOWN_BODY, headers: { 'x-auth-signature': KNOWN_SIGNATURE }, secret, kind: 'payout' });
    let inner;
    const options = {
      body: KNOWN_BODY, headers: { 'x-auth-signature': KNOWN_SIGNATURE }, kind: 'payout',
      get secret() { inner = atTheStackLimit(() => m.sign(KNOWN_BODY, 'k'), 2); return 'k'; },
    };
    assert.throws(() => m.verifyWebhook(options), { name: 'Error', message: INTERRUPTED });
    assert.ok(inner.errors.some((error) => error instanceof RangeError), 'the getter met the stack limit');
    // Inside the outer call the broken instance is not replaced: the inner calls after the first break say so.
    assert.ok(inner.errors.some((error) => INTERRUPTED.test(error.message)), 'inner calls were refused');
    assert.equal(verify('k').valid, true);
    assert.equal(m.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
  }
});

test('resilient: which errors make the next call start a new instance, and a trap alone stays a RuntimeError', () => {
  // The wrapper over a stand-in for the glue whose one function does what each step tells it: a trap
  // of the module cannot be had on demand (it would be a bug), and the stack limit lands anywhere.
  // It classifies errors with the glue's own function (scripts/glue-renew.mjs).
  const events = [];
  let caughtInside = false;
  let memory = 1 << 20;
  let next;
  const glue = {
    call: () => next(),
    __lesspay2_caught: () => { const c = caughtInside; caughtInside = false; return c; },
    __lesspay2_mayHaveUnwound: libGlue.__lesspay2_mayHaveUnwound,
    __lesspay2_renew: () => { events.push('renew'); memory = 1 << 20; },
    __lesspay2_memoryBytes: () => memory,
  };
  // A value that cannot even be asked (its prototype trap throws) counts as one that may have unwound.
  assert.equal(libGlue.__lesspay2_mayHaveUnwound(new Proxy({}, { getPrototypeOf() { throw new Error('no'); } })), true);
  assert.equal(libGlue.__lesspay2_mayHaveUnwound(new TypeError('Maximum call stack size exceeded')), false);
  const { call } = resilient(glue);
  const outcome = (what) => {
    next = what;
    try { return call(); } catch (error) { return error; }
  };
  const fine = () => 'answer';
  // What the wrapper says of its one function, `call`.
  const interrupted = 'lesspay2: call() was interrupted by the stack limit or a trap inside the module, which may have left it mid-way, '
    + 'so it gives no answer; call it again (with more stack): a new instance of the module answers';

  // The caller's own error, or a RangeError of the platform's: no new instance.
  const own = new Error('from the caller');
  assert.equal(outcome(() => { throw own; }), own);
  assert.equal(outcome(() => { throw new RangeError('Invalid typed array length: -1'); }).message, 'Invalid typed array length: -1');
  assert.equal(outcome(fine), 'answer');
  assert.deepEqual(events, []);

  // The stack limit: thrown on; the next call starts a new instance first.
  const limit = new RangeError('Maximum call stack size exceeded');
  assert.equal(outcome(() => { throw limit; }), limit);
  assert.equal(outcome(fine), 'answer');
  assert.deepEqual(events.splice(0), ['renew']);

  // A trap alone is a bug: shown as the RuntimeError it is, then a new instance.
  const trap = new WebAssembly.RuntimeError('unreachable');
  assert.equal(outcome(() => { throw trap; }), trap);
  assert.equal(outcome(fine), 'answer');
  assert.deepEqual(events.splice(0), ['renew']);

  // The stack limit caught inside the module: an answer is refused, a trap after it is its consequence.
  const refused = outcome(() => { caughtInside = true; return 'maybe corrupt'; });
  assert.equal(refused.message, interrupted);
  const consequence = outcome(() => { caughtInside = true; throw trap; });
  assert.deepEqual(events.splice(0), ['renew']);
  assert.equal(consequence.message, interrupted);
  assert.equal(consequence.cause, trap);
  assert.equal(outcome(fine), 'answer');
  assert.deepEqual(events.splice(0), ['renew']);
  // Memory grown past 64 MiB by the last call: a new instance before the next one, not at 64 MiB.
  memory = 64 * 1024 * 1024;
  assert.equal(outcome(fine), 'answer');
  assert.deepEqual(events, []);
  memory += 1;
  assert.equal(outcome(fine), 'answer');
  assert.deepEqual(events.splice(0), ['renew']);

  // So is an Error the module made of it (validate quoting JSON.stringify's RangeError, as in Bun).
  const quoted = new Error('params could not be serialised with JSON.stringify: Maximum call stack size exceeded.');
  const made = outcome(() => { caughtInside = true; throw quoted; });
  assert.equal(made.message, interrupted);
  assert.equal(made.cause, quoted);
  assert.equal(outcome(fine), 'answer');
  assert.deepEqual(events.splice(0), ['renew']);
});

test('memory that a large input grew past 64 MiB is given back before the next call', () => {
  const big = JSON.stringify({ a: 'x'.repeat(6_000_000) });
  const bigSignature = sha256(`a=${'x'.repeat(6_000_000)}&key=k`);
  for (const [m, glue] of [[lib, libGlue], [edge, edgeGlue]]) {
    // A fresh instance's memory after one ordinary call (its allocator takes a page on the first).
    glue.__lesspay2_renew();
    assert.equal(m.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
    const fresh = glue.__lesspay2_memoryBytes();
    assert.equal(m.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
    assert.equal(glue.__lesspay2_memoryBytes(), fresh, 'ordinary calls keep it');
    const explained = m.explainSignature(big, 'k');
    assert.equal(explained.expected, bigSignature);
    assert.ok(glue.__lesspay2_memoryBytes() > 64 * 1024 * 1024, `grown to ${glue.__lesspay2_memoryBytes()} bytes`);
    assert.equal(m.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
    assert.equal(glue.__lesspay2_memoryBytes(), fresh);
    // The new instance answers as the old one did.
    assert.equal(m.sign(big, 'k'), bigSignature);
  }
});

test('error paths at the stack limit: each call throws its ordinary error, meets the limit or says it was interrupted, and the modules work after', () => {
  const own = new Error('from the caller');
  const cyclic = {};
  cyclic.self = cyclic;
  let deep = {};
  for (let i = 0; i < 100; i++) deep = { a: deep };
  // What each call does with the stack to spare: an answer or an Error, the same every time.
  const paths = {
    'sign: not JSON': (m) => m.sign('{"a":', 'k'),
    'sign: bytes': (m) => m.sign(new TextEncoder().encode(KNOWN_BODY), 'k'),
    'verifyWebhook: a getter that throws': (m) => m.verifyWebhook({ get body() { throw own; }, headers: {}, secret: 'k' }),
    'verifyWebhook: headers whose keys throw': (m) => m.verifyWebhook({ body: KNOWN_BODY, headers: new Proxy({}, { ownKeys() { throw own; }, get() { throw own; } }), secret: 'k' }),
    'verifyWebhook: a Map of headers, two secrets, forged': (m) => m.verifyWebhook({ body: KNOWN_BODY, headers: new Map([['x-auth-signature', 'AB']]), secret: ['k', 'j'] }),
    'explainSignature: a mismatch': (m) => m.explainSignature(KNOWN_BODY, 'k', 'AB'),
    'validate: toJSON throws': (m) => m.validate('fetchPayout', { toJSON() { throw own; } }),
    'validate: a cycle': (m) => m.validate('fetchPayout', cyclic),
    'validate: 100 levels deep': (m) => m.validate('fetchPayout', deep),
    'decodeResponse: an answer whose getter throws': (m) => m.decodeResponse(200, { get code() { throw own; } }),
    'decodeResponse: an HTML page': (m) => m.decodeResponse(502, '<html>', { api: 'payin', operation: 'create' }),
  };
  const outcome = (call) => { try { return JSON.stringify(call()); } catch (error) { return `${error.name}: ${error.message}`; } };
  for (const m of [lib, client, edge]) {
    for (const [what, path] of Object.entries(paths)) {
      const name = what.split(':')[0];
      if (typeof m[name] !== 'function') continue;
      const call = () => path(m);
      const ordinary = outcome(call);
      const { answers, errors } = atTheStackLimit(call, 2);
      for (const error of errors) {
        if (isStackLimit(error) || INTERRUPTED.test(error.message)) continue;
        assert.equal(`${error.name}: ${error.message}`, ordinary, what);
      }
      assert.deepEqual(answers.map((answer) => JSON.stringify(answer)).filter((answer) => answer !== ordinary), [], what);
      assert.equal(outcome(call), ordinary, `${what}, after`);
    }
  }
  assert.equal(lib.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
  assert.equal(edge.sign(KNOWN_BODY, 'k'), KNOWN_SIGNATURE);
  assert.deepEqual(client.validate('fetchPayout', { request_id: 'R1' }), { valid: true, issues: [] });
});

// decodeError, decodeResponse, orderStatus and the webhook `event` through the built package, over its
// Node ESM and CommonJS entries (the table also through `lesspay2/client`'s). The table rows come from tests/vectors/errors.json (shared with
// tests/errors.rs); expected values there are copied from spec section 5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esm from '../../pkg/node.mjs';
import * as clientEsm from '../../pkg/client/node.mjs';

const cjs = createRequire(import.meta.url)('../../pkg/node.cjs');
const clientCjs = createRequire(import.meta.url)('../../pkg/client/node.cjs');
const { cases } = JSON.parse(readFileSync(new URL('../vectors/errors.json', import.meta.url), 'utf8'));

/** Feeds a vector's input to decodeError in the form it names. */
function run(api, input, context) {
  if ('code' in input) return api.decodeError(input.code, context);
  if ('codeText' in input) return api.decodeError(input.codeText, context);
  if ('status' in input) return api.decodeError('body' in input ? { status: input.status, body: input.body } : { status: input.status }, context);
  if ('msg' in input) return api.decodeError(input.msg, context);
  return api.decodeError(input.envelope ?? input.event, context);
}

const KEYS = ['known', 'published', 'source', 'name', 'description', 'suggestion', 'advice', 'category', 'retry', 'msgConflict'];

for (const [entry, api] of [['esm', esm], ['cjs', cjs], ['client esm', clientEsm], ['client cjs', clientCjs]]) {
  test(`${entry}: every row of every table`, () => {
    assert.equal(cases.length, 105);
    for (const { input, context, expect } of cases) {
      const d = run(api, input, context);
      const label = JSON.stringify({ input, context });
      for (const key of KEYS) assert.ok(key in d, `${label}: ${key}`);
      for (const [key, value] of Object.entries(expect)) assert.deepEqual(d[key], value, `${label}: ${key}`);
      if (!d.published) assert.equal(d.suggestion, '', label);
    }
  });
}

test('the result shape: optional fields only when the input had them', () => {
  assert.deepEqual(esm.decodeError(1201), {
    known: true,
    published: true,
    source: 'payin_code',
    code: 1201,
    name: 'Duplicate Data Exists',
    description: 'Duplicate Data Exists',
    suggestion: 'The request_id or another unique field already exists. Do not retry with the same ID.',
    advice: 'the order exists: query it by request_id and use its result; a new order needs a new request_id',
    category: 'conflict',
    retry: 'no',
    msgConflict: null,
  });
  const d = esm.decodeError({ status: 200, body: '{"code":30001,"msg":"Unsupported Currency","data":null}' }, { api: 'payout' });
  assert.deepEqual([d.status, d.code, d.msg, d.group, d.name], [200, 30001, 'Unsupported Currency', 'parameter validation', 'Unsupported Currency']);
});

test('each input form decodes the same row', () => {
  const forms = [
    1202,
    '1202',
    ' 1202 ',
    { code: 1202, msg: 'Data Not Found', data: null },
    { code: '1202' },
    { status: 200, body: '{"code":1202,"msg":"Data Not Found"}' },
    { status: 200, body: { code: 1202, msg: 'Data Not Found' } },
    { error_code: '1202', error_msg: 'Data Not Found', pay_order_id: 'P1', order_status: 'FAILED' },
  ];
  for (const input of forms) {
    const d = esm.decodeError(input);
    assert.deepEqual([d.name, d.category, d.retry, d.code], ['Data Not Found', 'not_found', 'after_fix', 1202], JSON.stringify(input));
  }
  assert.equal(esm.decodeError('Data Not Found').name, 'Data Not Found');
});

test('a `{ body }` whose body holds only a code, only a msg or only an event is read from the body', () => {
  const read = (body) => {
    const d = esm.decodeError({ body }, { api: 'payout' });
    return [d.source, d.code, d.name, d.category, d.known];
  };
  assert.deepEqual(read('{"code":30002}'), ['payout_code', 30002, 'Amount Mismatch', 'invalid_request', true]);
  assert.deepEqual(read('{"code":"abc"}'), ['none', undefined, 'Unknown Code', 'unknown', false]);
  assert.deepEqual(read('{"msg":"Order does not exist"}'), ['query_msg', undefined, 'Order does not exist', 'not_found', true]);
  assert.deepEqual(read('{"event":"payout.failed"}'), ['none', undefined, 'Unknown Event', 'unknown', false]);
  // With an error status beside it, a body with a code still decodes as the code.
  const withStatus = esm.decodeError({ status: 400, body: '{"code":30002}' }, { api: 'payout' });
  assert.deepEqual([withStatus.status, withStatus.code, withStatus.name], [400, 30002, 'Amount Mismatch']);
});

test('a real fetch Response: status read through its getters, the body stream left alone', () => {
  const d = esm.decodeError(new Response('<html>502 Bad Gateway</html>', { status: 502 }), { operation: 'create' });
  assert.deepEqual([d.status, d.category, d.retry, d.known], [502, 'server', 'query_first', false]);
});

test('query_first only where the outcome of a create is unknown', () => {
  // Every operation the context names is read; only `create` leaves the outcome unknown.
  for (const [operation, retry] of [[undefined, 'later'], ['create', 'query_first'], ['query', 'later'], ['banks', 'later'], ['balance', 'later'], ['notify', 'later']]) {
    const d = esm.decodeError({ status: 502 }, { api: 'payin', operation });
    assert.deepEqual([d.name, d.retry], ['Server Error', retry], String(operation));
  }
  const create = { operation: 'create' };
  for (const input of [10, 12, { status: 500 }, { status: 504, body: '' }, null, { status: 200, body: '<html>' }]) {
    assert.equal(esm.decodeError(input, create).retry, 'query_first', JSON.stringify(input));
    // Outside a create: later, with backoff.
    assert.equal(esm.decodeError(input, { operation: 'query' }).retry, 'later', JSON.stringify(input));
  }
  // A parameter error, a duplicate, two business rules, a bad key, the gateway down: known outcomes.
  const known = [11, 1201, 5000, 9999, { status: 401 }, { status: 503 }];
  assert.deepEqual(known.map((input) => esm.decodeError(input, create).retry), ['after_fix', 'no', 'after_fix', 'after_fix', 'after_fix', 'later']);
  assert.equal(esm.decodeError(5002, { operation: 'query' }).retry, 'query_first');
});

test('30034: payout code unless the context or a notice says fraud', () => {
  assert.deepEqual(pick(esm.decodeError(30034)), ['payout_code', 'business_rule', 'Payout Error (unpublished code)']);
  assert.deepEqual(pick(esm.decodeError(30034, { api: 'payout' })), ['payout_code', 'business_rule', 'Payout Error (unpublished code)']);
  assert.deepEqual(pick(esm.decodeError(30034, { api: 'payin' })), ['fraud_code', 'fraud', 'suspected fraud (pick up)']);
  const notice = { event: 'payment_declined', event_data: { response_code: '30034' } };
  assert.deepEqual(pick(esm.decodeError(notice, { api: 'payout' })), ['fraud_code', 'fraud', 'suspected fraud (pick up)']);
});

test('code 0 is in the payout table too, in its group', () => {
  const payout = esm.decodeError(0, { api: 'payout' });
  assert.deepEqual([payout.source, payout.group, payout.name, payout.category], ['payout_code', 'general', 'Success', 'success']);
  const payin = esm.decodeError(0, { api: 'payin' });
  assert.deepEqual([payin.source, payin.group, payin.name], ['payin_code', undefined, 'Success']);
});

function pick(d) {
  return [d.source, d.category, d.name];
}

test('a msg that contradicts the code is reported', () => {
  const d = esm.decodeError({ code: 0, msg: 'Order does not exist', data: null });
  assert.equal(d.category, 'success');
  assert.deepEqual(d.msgConflict, { source: 'query_msg', name: 'Order does not exist', category: 'not_found' });
  const e = esm.decodeError({ code: 30020, msg: 'Duplicate Request ID' }, { api: 'payout' });
  assert.deepEqual(e.msgConflict, { source: 'payout_code', code: 30011, name: 'Duplicate Request ID', category: 'conflict' });
  assert.equal(esm.decodeError({ code: 0, msg: 'SUCCESS' }).msgConflict, null);
  assert.equal(esm.decodeError({ code: 9999, msg: 'amount over the daily limit' }).msgConflict, null);
});

test('junk never throws and decodes as unknown', () => {
  const hostile = {};
  for (const key of ['code', 'msg', 'status', 'body', 'event', 'event_data', 'error_code', 'error_msg', 'toJSON']) {
    Object.defineProperty(hostile, key, { enumerable: true, get() { throw new Error('boom'); } });
  }
  const proxy = new Proxy({}, { get() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); }, has() { throw new Error('boom'); } });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cyclic = { msg: 'x' };
  cyclic.self = cyclic;
  const queryFirst = 'outcome unknown: after a create, query the order by request_id and resend (same request_id) only if it does not exist; otherwise retry later with backoff';
  const askTheGateway = 'do not resend blindly: query the order by request_id and ask the gateway what the code means';
  // [source, name, retry, advice] for each group of junk; all unknown.
  const junk = [
    [['none', 'Unreadable Answer', 'later', queryFirst], [
      undefined, null, NaN, '', '   ', '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', true, false, 12n,
      Symbol('s'), () => 1, [], [1201], {}, { code: null }, { code: NaN }, { status: 'abc', body: 5 },
      hostile, proxy, revoked.proxy, cyclic, Object.create(null), new Date(0), /re/, new Map([['code', 1201]]),
      // Text over 8 Mi characters is not read (8 Mi exactly is, below).
      'x'.repeat((8 << 20) + 1),
    ]],
    [['none', 'Unknown Code', 'no', askTheGateway], [
      Infinity, -Infinity, 1.5, 1e300, -1e300, Number.MAX_VALUE, 2 ** 53, -0.5, { code: {} }, { code: 'abc' }, { code: [1201] },
    ]],
    [['none', 'Unknown Message', 'no', askTheGateway.replace('the code', 'the message')], ['NaN', '1e3', '0x10', '-', 'x'.repeat(2_000_000), 'x'.repeat(8 << 20)]],
    // A body text too long to read (over 8 Mi characters) is as unreadable as one that is not JSON.
    [['http_status', 'Not a Gateway Answer', 'later', queryFirst], [{ body: 'x'.repeat(2_000_000), status: 200 }, { body: 'x'.repeat((8 << 20) + 1), status: 200 }]],
  ];
  for (const [expected, inputs] of junk) {
    for (const input of inputs) {
      for (const api of [esm, cjs]) {
        const d = api.decodeError(input);
        const what = typeof input === 'string' ? JSON.stringify(input.slice(0, 40)) : String(typeof input);
        assert.deepEqual([d.known, d.category], [false, 'unknown'], what);
        assert.deepEqual([d.source, d.name, d.retry, d.advice], expected, what);
      }
    }
  }
  assert.deepEqual(pick(esm.decodeError(null)), ['none', 'unknown', 'Unreadable Answer']);
  // No answer holds NaN: it is a `Number(body.code)` of a missing code.
  assert.deepEqual(pick(esm.decodeError(NaN)), ['none', 'unknown', 'Unreadable Answer']);
  assert.equal(esm.decodeError(Number(undefined), { operation: 'create' }).retry, 'query_first');
  assert.equal(esm.decodeError(NaN).code, undefined);
  assert.deepEqual(pick(esm.decodeError(Infinity)), ['none', 'unknown', 'Unknown Code']);
  assert.deepEqual([esm.decodeError(-1).code, esm.decodeError(-1).name], [-1, 'Unknown Code']);
  assert.deepEqual(pick(esm.decodeError(hostile)), ['none', 'unknown', 'Unreadable Answer']);
  assert.deepEqual(pick(esm.decodeError(cyclic)), ['none', 'unknown', 'Unreadable Answer']);
  // A 2xx answer without the envelope is not success.
  assert.deepEqual(pick(esm.decodeError({ status: 200, body: '' })), ['http_status', 'unknown', 'Not a Gateway Answer']);
  // Text that starts like JSON but is not, or like a page, is no `msg`: nothing readable.
  for (const text of ['{"code":1201,"msg":"x"', '<html><head><title>502 Bad Gateway</title></head></html>', '  <?xml version="1.0"?><error/>']) {
    assert.deepEqual(pick(esm.decodeError(text)), ['none', 'unknown', 'Unreadable Answer'], text);
    assert.equal(esm.decodeError(text, { operation: 'create' }).retry, 'query_first', text);
    assert.equal(esm.decodeError(text, { operation: 'query' }).retry, 'later', text);
  }
  assert.deepEqual(pick(esm.decodeError('upstream request timeout')), ['none', 'unknown', 'Unknown Message']);
});

test('a wrong context throws a TypeError; a right one never does', () => {
  for (const context of ['create', 5, true, { api: 'PAYIN' }, { operation: 'createOrder' }, { locale: 42 }]) {
    const message = typeof context !== 'object' ? 'context must be an object { api?, operation?, locale? }'
      : 'api' in context ? "context.api must be 'payin' or 'payout'"
        : 'operation' in context ? "context.operation must be 'create', 'query', 'banks', 'balance' or 'notify'"
          : "context.locale must be a language tag such as 'en' or 'zh-CN', not a number";
    assert.throws(() => esm.decodeError(10, context), { name: 'TypeError', message }, JSON.stringify(context));
    assert.throws(() => cjs.decodeResponse(500, '', context), { name: 'TypeError', message }, JSON.stringify(context));
  }
  for (const context of [undefined, null, {}, { api: 'payin', operation: 'query', locale: 'en' }]) {
    assert.equal(esm.decodeError(10, context).name, 'System Exception');
  }
  // A misspelt key would silently lose `query_first` on a create call.
  assert.throws(() => esm.decodeResponse(500, 'oops', { api: 'payin', opertion: 'create' }), {
    name: 'TypeError',
    message: 'opertion is not an option of the context; it takes api, operation, locale',
  });
  assert.throws(() => cjs.decodeError(10, { Operation: 'create' }), { name: 'TypeError', message: 'Operation is not an option of the context; did you mean operation?' });
  assert.throws(() => esm.decodeError(500, { 'api,operation': 'create' }), { name: 'TypeError', message: 'an option name of the context holds a comma; it takes api, operation, locale' });
  assert.throws(() => esm.orderStatus(2, { lang: 'zh-CN' }), { name: 'TypeError', message: 'lang is not an option of orderStatus; it takes locale' });
  assert.equal(esm.decodeError(10, { api: undefined, operation: 'create' }).retry, 'query_first');
});

test('decodeResponse: ok only for a 2xx envelope with code 0', () => {
  assert.deepEqual(esm.decodeResponse(200, '{"code":0,"msg":"SUCCESS","data":{"pay_order_id":"P1","target_amount":"10.00"}}'), {
    ok: true,
    data: { pay_order_id: 'P1', target_amount: '10.00' },
    msgConflict: null,
  });
  assert.deepEqual(cjs.decodeResponse(200, '{"code":0,"msg":""}'), { ok: true, data: null, msgConflict: null });
  assert.deepEqual(esm.decodeResponse(200, '{"code":0,"msg":"Order does not exist","data":{}}'), {
    ok: true,
    data: {},
    msgConflict: { source: 'query_msg', name: 'Order does not exist', category: 'not_found' },
  });
  // An envelope already parsed (`await res.json()`) is read as its JSON text, in both modules.
  for (const api of [esm, clientEsm]) {
    assert.deepEqual(api.decodeResponse(200, { code: 0, msg: 'SUCCESS', data: { a: 1 } }), { ok: true, data: { a: 1 }, msgConflict: null });
  }
  // Bytes: `lesspay2` decodes them; `lesspay2/client` reads them as no body (README, "lesspay2/client").
  const bytes = new TextEncoder().encode('{"code":0,"msg":"SUCCESS","data":{"a":1}}');
  assert.deepEqual(esm.decodeResponse(200, bytes), { ok: true, data: { a: 1 }, msgConflict: null });
  const noBody = clientEsm.decodeResponse(200, bytes);
  assert.deepEqual([noBody.ok, noBody.error.name, noBody.error.status], [false, 'Not a Gateway Answer', 200]);
  const failures = [
    [200, '{"code":1201,"msg":"Duplicate Data Exists"}', 'Duplicate Data Exists', 'no'],
    [500, '{"code":0,"msg":"SUCCESS"}', 'Internal Server Error', 'query_first'],
    [502, '<html><body>Bad Gateway</body></html>', 'Server Error', 'query_first'],
    [200, '<html><title>Login</title></html>', 'Not a Gateway Answer', 'query_first'],
    [200, '', 'Not a Gateway Answer', 'query_first'],
    [200, '{"data":{}}', 'Not a Gateway Answer', 'query_first'],
    // Without a `code` a 2xx is no envelope, whatever its `msg` says.
    [200, '{"msg":"SUCCESS"}', 'Not a Gateway Answer', 'query_first'],
    [200, '{"code":null,"msg":"SUCCESS","data":{"payOrderId":"P1"}}', 'Not a Gateway Answer', 'query_first'],
    [201, '{"msg":"Order does not exist"}', 'Not a Gateway Answer', 'query_first'],
    [200, "{'code':0}", 'Not a Gateway Answer', 'query_first'],
    [200, '{"code":0,}', 'Not a Gateway Answer', 'query_first'],
    [404, 'Not Found', 'Not Found', 'after_fix'],
    [503, '', 'Service Unavailable', 'later'],
    [NaN, '', 'Unknown Status', 'query_first'],
    ['200', null, 'Not a Gateway Answer', 'query_first'],
  ];
  for (const [status, body, name, retry] of failures) {
    const r = esm.decodeResponse(status, body, { operation: 'create' });
    assert.equal(r.ok, false, `${status} ${body}`);
    assert.deepEqual([r.error.name, r.error.retry], [name, retry], `${status} ${body}`);
    // decodeError reads the same HTTP answer given as `{ status, body }` alike, the body as text or parsed.
    if (!Number.isInteger(status) || typeof body !== 'string') continue;
    assert.deepEqual(esm.decodeError({ status, body }, { operation: 'create' }), r.error, `${status} ${body}`);
    let parsed;
    try { parsed = JSON.parse(body); } catch { continue; }
    if (parsed !== null && typeof parsed === 'object') {
      assert.deepEqual(esm.decodeError({ status, body: parsed }, { operation: 'create' }), r.error, `${status} ${body} parsed`);
    }
  }
  const r = esm.decodeResponse(200, '{"code":11,"msg":"target_amount: must be a string"}', { api: 'payin', operation: 'create' });
  assert.deepEqual([r.error.status, r.error.code, r.error.msg, r.error.category], [200, 11, 'target_amount: must be a string', 'invalid_request']);
  // Nothing in an answer is signed: fastjson's `$ref` in data, a number no BigDecimal holds, are read.
  assert.deepEqual(esm.decodeResponse(200, '{"code":0,"msg":"SUCCESS","data":{"a":{"x":1},"b":{"$ref":"$.data.a"},"n":1e5000000000}}'), {
    ok: true,
    data: { a: { x: 1 }, b: { $ref: '$.data.a' }, n: Infinity },
    msgConflict: null,
  });
  // A fetch of 1,000 records can pass 1 MiB.
  const records = Array.from({ length: 1000 }, (_, i) => ({ pay_order_id: `P${i}`, success_url: `https://shop.example.com/${'x'.repeat(1200)}` }));
  const big = JSON.stringify({ code: 0, msg: 'SUCCESS', data: { records } });
  assert.ok(big.length > 1 << 20);
  const ok = esm.decodeResponse(200, big, { operation: 'query' });
  assert.deepEqual([ok.ok, ok.data.records.length, ok.data.records[999].pay_order_id], [true, 1000, 'P999']);
  // Past 8 Mi UTF-16 units it is not read, and the description says that may be why.
  assert.deepEqual(esm.decodeResponse(200, big.replace('"SUCCESS"', `"${'s'.repeat(8 << 20)}"`)).error, {
    known: false, published: false, source: 'http_status', status: 200, name: 'Not a Gateway Answer', suggestion: '',
    description: 'a success status whose body gave no gateway envelope (a proxy or firewall page, or a body too large to read?)',
    advice: 'outcome unknown: after a create, query the order by request_id and resend (same request_id) only if it does not exist; otherwise retry later with backoff',
    category: 'unknown', retry: 'later', msgConflict: null,
  });
});

test('the envelope as JSON text, and as an object with a $ref in its data', () => {
  for (const api of [esm, cjs]) {
    const d = api.decodeError('{"code":1201,"msg":"Duplicate Data Exists"}');
    assert.deepEqual([d.source, d.code, d.name, d.msg], ['payin_code', 1201, 'Duplicate Data Exists', 'Duplicate Data Exists']);
    assert.equal(api.decodeError(' {"code":0,"msg":"SUCCESS"}').category, 'success');
    // Text that only starts like JSON is no msg: nothing readable.
    assert.deepEqual([api.decodeError('{not json').name, api.decodeError('{not json').msg], ['Unreadable Answer', undefined]);
    const e = api.decodeError({ code: 0, msg: 'SUCCESS', data: { b: { $ref: '$.data.a' } } });
    assert.equal(e.category, 'success');
  }
});

test('locales: description and advice translated, the gateway words kept', () => {
  const en = esm.decodeError(30002, { api: 'payout' });
  const zh = cjs.decodeError(30002, { api: 'payout', locale: 'zh-CN' });
  assert.equal(zh.name, en.name);
  assert.equal(zh.suggestion, 'target_amount does not equal the sum of detail amounts.');
  assert.equal(en.suggestion, zh.suggestion);
  assert.deepEqual([en.description, zh.description], ['Amount Mismatch', '金额不一致']);
  assert.equal(zh.advice, '使 total_amount（文档写作 target_amount）等于各明细 amount 之和');
  for (const { input, context } of cases) {
    const a = run(esm, input, { ...context, locale: 'en' });
    const b = run(esm, input, { ...context, locale: 'zh-CN' });
    assert.deepEqual([b.name, b.suggestion, b.category, b.retry], [a.name, a.suggestion, a.category, a.retry]);
    assert.notEqual(b.advice, a.advice, JSON.stringify(input));
    assert.match(b.advice, /[\u4e00-\u9fff]/, JSON.stringify(input));
  }
});

test('orderStatus: numbers and every spelling', () => {
  const succeed = { code: 2, name: 'SUCCEED', final: true, description: 'paid' };
  for (const v of [2, '2', 'SUCCEED', 'SUCCESS', 'SUCCEEDED', 'Succeeded', 'succeed', ' success ', 'SUCCESSFUL']) {
    assert.deepEqual(esm.orderStatus(v), succeed, String(v));
    assert.deepEqual(cjs.orderStatus(v), succeed, String(v));
  }
  assert.deepEqual(esm.orderStatus('REFUNDED'), { code: 5, name: 'REFUND', final: true, description: 'refunded' });
  assert.deepEqual(esm.orderStatus('Cancelled').name, 'CANCELED');
  assert.deepEqual(esm.orderStatus('PROCESSING'), { code: 1, name: 'PENDING_PAY', final: false, description: 'awaiting payment' });
  assert.deepEqual(esm.orderStatus(12, { locale: 'zh-CN' }), { code: 12, name: 'PAID', final: true, description: '已支付，但金额与订单不符' });
  for (const v of [7, -1, 2.5, NaN, '', 'NOPE', null, undefined, {}, [], 2n, true]) assert.equal(esm.orderStatus(v), null, String(v));
  assert.throws(() => esm.orderStatus(2, 'zh-CN'), { name: 'TypeError', message: 'options must be an object { locale? }' });
  assert.throws(() => esm.orderStatus(2, { locale: 7 }), { name: 'TypeError', message: "options.locale must be a language tag such as 'en' or 'zh-CN', not a number" });
  assert.equal(esm.orderStatus(2, { locale: 'de' }).description, 'paid');
});

test('an answer with a lone surrogate (JSON.parse keeps one) is still read', () => {
  for (const api of [esm, cjs, clientEsm, clientCjs]) {
    // A success whose data holds half an emoji: ok, and the data as JSON.parse gives it.
    const text = '{"code":0,"msg":"SUCCESS","data":{"name":"\\ud83d"}}';
    assert.deepEqual(api.decodeResponse(200, text, { operation: 'create' }), { ok: true, data: { name: '\ud83d' }, msgConflict: null });
    // A code next to such a msg: decoded by its code, the msg written with U+FFFD.
    for (const input of [{ code: 1201, msg: 'Dup \ud83d' }, { status: 200, body: { code: 1201, msg: 'Dup \ud83d' } }, '{"code":1201,"msg":"Dup \\ud83d"}']) {
      const d = api.decodeError(input);
      assert.deepEqual([d.code, d.msg, d.category, d.retry], [1201, 'Dup \ufffd', 'conflict', 'no'], JSON.stringify(input));
    }
  }
});

test('every function that takes a locale reads the same tags (a page passes navigator.language)', () => {
  const calls = (api, locale) => ({
    validate: api.validate('fetchPayout', {}, { locale }).issues[0].message,
    validateField: api.validateField('fetchPayout', 'request_id', '', {}, { locale }).issues[0].message,
    schema: api.createSchema('fetchPayout', { locale })['~standard'].validate({}).issues[0].message,
    decodeError: api.decodeError(1201, { locale }).advice,
    decodeResponse: api.decodeResponse(500, '', { locale }).error.description,
    orderStatus: api.orderStatus(12, { locale }).description,
  });
  for (const api of [esm, cjs, clientEsm, clientCjs]) {
    const en = calls(api, 'en');
    const zh = calls(api, 'zh-CN');
    assert.equal(zh.orderStatus, '已支付，但金额与订单不符');
    assert.deepEqual([en.decodeError, zh.decodeError], [
      'the order exists: query it by request_id and use its result; a new order needs a new request_id',
      '订单已存在：用 request_id 查询并使用其结果；新订单须用新的 request_id',
    ]);
    // `navigator.language` as it is: Chinese in any script or region is the Simplified Chinese there is,
    // a language without texts is English, as Intl falls back.
    for (const tag of ['EN', 'en-US', 'en-GB', 'fr', 'fr-FR', '', 'zhx']) assert.deepEqual(calls(api, tag), en, tag);
    for (const tag of ['zh', 'ZH-cn', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'zh-Hans-SG', 'zh_CN', 'zh-TW']) assert.deepEqual(calls(api, tag), zh, tag);
    for (const [tag, shown] of [[42, 'a number'], [['zh-CN'], 'an array'], [{}, 'an object']]) {
      const message = (what) => `${what} must be a language tag such as 'en' or 'zh-CN', not ${shown}`;
      assert.throws(() => api.validate('fetchPayout', {}, { locale: tag }), { name: 'TypeError', message: message('options.locale') });
      assert.throws(() => api.createSchema('fetchPayout', { locale: tag }), { name: 'TypeError', message: message('options.locale') });
      assert.throws(() => api.decodeError(1201, { locale: tag }), { name: 'TypeError', message: message('context.locale') });
      assert.throws(() => api.decodeResponse(500, '', { locale: tag }), { name: 'TypeError', message: message('context.locale') });
      assert.throws(() => api.orderStatus(12, { locale: tag }), { name: 'TypeError', message: message('options.locale') });
    }
  }
});

test('verifyWebhook: the fraud/dispute event decoded, and whether it is signed', () => {
  const secret = 'test-secret';
  // A pay-in v1 webhook (no api_version) is signed without its event fields (spec section 3).
  const verify = (payload) => {
    const body = JSON.stringify(payload);
    const { event, event_data, ...signed } = payload;
    const v1 = !('api_version' in payload) && !('details' in payload);
    const signature = esm.sign(v1 ? JSON.stringify(signed) : body, secret);
    return esm.verifyWebhook({ body, headers: { 'X-Auth-Signature': signature }, secret });
  };
  const declined = verify({
    pay_order_id: 'P1', request_id: 'R1', order_status: 'SUCCEED', api_version: 'v2',
    event: 'payment_declined', event_data: { fraud_code: 42201 },
  });
  assert.equal(declined.valid, true);
  assert.deepEqual(declined.event, {
    type: 'payment_declined', category: 'fraud', known: true, fraudCode: 42201, disputeCategory: null,
    name: 'card number on the entity decline list', description: 'card number on the entity decline list',
    advice: "do not retry with this card and do not ship; the order status is unchanged: wait for the order's own webhook",
    signed: true,
  });
  assert.deepEqual(declined.orderStatus, { code: 2, name: 'SUCCEED', final: true, description: 'paid' });
  const dispute = verify({ pay_order_id: 'P2', order_status: 'SUCCEED', event: 'dispute_received', event_data: { category: 'product_service_not_received' } });
  assert.deepEqual([dispute.event.category, dispute.event.name, dispute.event.disputeCategory, dispute.event.signed],
    ['dispute', 'product_service_not_received', 'product_service_not_received', false]);
  assert.deepEqual(dispute.unsignedFields, ['event', 'event_data']);
  assert.equal(verify({ pay_order_id: 'P3', order_status: 'SUCCEED', api_version: 'v2', event: null, event_data: null }).event, null);
  assert.equal(verify({ pay_order_id: 'P4', order_status: 'FAILED', currency: 'PHP', total_amount: '1.00', details: [] }).event, null);
  // Undocumented on a payout, but signed there: decoded as on a pay-in (TypedVerifiedWebhook says so).
  const payout = verify({ pay_order_id: 'P5', order_status: 'FAILED', currency: 'PHP', total_amount: '1.00', details: [], event: 'payment_declined', event_data: { fraud_code: 42201 } });
  assert.deepEqual([payout.kind, payout.event.type, payout.event.fraudCode, payout.event.signed], ['payout', 'payment_declined', 42201, true]);
  // The same payload through decodeError.
  assert.deepEqual(pick(esm.decodeError(JSON.parse(JSON.stringify({ event: 'payment_declined', event_data: { fraud_code: 42201 } })))),
    ['fraud_code', 'fraud', 'card number on the entity decline list']);
});

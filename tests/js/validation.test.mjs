// Parameter validation through the built npm package, ESM and CommonJS entries of `lesspay2` and of
// `lesspay2/client`, table-driven from the
// same file as the Rust suite (tests/validation/cases.json): exact path, code, severity and gatewayCode
// of every issue, exact messages in English and zh-CN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esm from '../../pkg/node.mjs';
import * as clientEsm from '../../pkg/client/node.mjs';

const require = createRequire(import.meta.url);
const cjs = require('../../pkg/node.cjs');
const clientCjs = require('../../pkg/client/node.cjs');
const doc = JSON.parse(readFileSync(new URL('../validation/cases.json', import.meta.url), 'utf8'));

function paramsOf(c) {
  const base = doc.valid[c.base];
  const kind = base ? base.kind : c.base;
  let params = 'params' in c ? structuredClone(c.params) : structuredClone(base.params);
  const parentOf = (path) => path.slice(0, -1).reduce((v, k) => v[k], params);
  for (const [path, value] of c.set ?? []) parentOf(path)[path.at(-1)] = value;
  for (const path of c.unset ?? []) delete parentOf(path)[path.at(-1)];
  return { kind, params };
}

const KINDS = "'createPayin', 'fetchPayin', 'createPayout', 'createPayoutBatch', 'fetchPayout', 'payoutBanks'";
/** What a kind validate does not know throws; `shown` as the message quotes it. */
const badKind = (shown) => ({ name: 'TypeError', message: `kind must be one of ${KINDS}, not ${shown}` });
const BAD_PATH = "path must be an array of keys and indexes such as ['payout_order_details', 0, 'amount'], or a field name such as 'payout_order_details.0.amount'";
/** The engine's own words for what JSON.stringify refuses (they differ between engines). */
const stringifyError = (value) => {
  try { JSON.stringify(value); } catch (e) { return e.message; }
  throw new Error('JSON.stringify did not refuse it');
};

const shape = (i) => JSON.stringify({ path: i.path, code: i.code, severity: i.severity, gatewayCode: i.gatewayCode });
const sorted = (list) => list.map(shape).sort();

for (const [entry, api] of [['ESM', esm], ['CJS', cjs], ['client ESM', clientEsm], ['client CJS', clientCjs]]) {
  test(`${entry}: every valid base has no issue`, () => {
    for (const [name, { kind, params }] of Object.entries(doc.valid)) {
      assert.deepEqual(api.validate(kind, params, { now: doc.now }), { valid: true, issues: [] }, name);
    }
  });

  test(`${entry}: every case reports exactly its issues, with messages in both locales`, () => {
    let messages = 0;
    for (const c of doc.cases) {
      const { kind, params } = paramsOf(c);
      const now = c.now ?? doc.now;
      const en = api.validate(kind, params, { now });
      assert.deepEqual(sorted(en.issues), sorted(c.expect), c.name);
      assert.equal(en.valid, !c.expect.some((e) => e.severity === 'error'), `${c.name}: valid`);
      const zh = api.validate(kind, params, { now, locale: 'zh-CN' });
      assert.deepEqual(sorted(zh.issues), sorted(c.expect), c.name);
      for (const e of c.expect) {
        const find = (r) => r.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(e.path) && i.code === e.code);
        if (e.en) { assert.equal(find(en).message, e.en, c.name); messages++; }
        if (e.zh) { assert.equal(find(zh).message, e.zh, c.name); messages++; }
      }
    }
    // Every en and zh message of tests/validation/cases.json.
    assert.equal(messages, 130);
  });

  test(`${entry}: validateField returns what validate reports at and below the path`, () => {
    for (const c of doc.cases) {
      const { kind, params } = paramsOf(c);
      const now = c.now ?? doc.now;
      const full = api.validate(kind, params, { now });
      for (const e of c.expect) {
        if (e.path.length === 0) continue;
        const value = e.path.reduce((v, k) => (v == null ? undefined : v[k]), params);
        const field = api.validateField(kind, e.path, value, params, { now });
        const below = full.issues.filter((i) => e.path.every((k, n) => i.path[n] === k));
        assert.deepEqual(field.issues, below, `${c.name} at ${e.path.join('.')}`);
      }
    }
  });

  test(`${entry}: validateField takes a form's field names`, () => {
    const batch = doc.valid.createPayoutBatch.params;
    const expected = api.validateField('createPayoutBatch', ['payout_order_details', 0, 'amount'], '1.005', batch, { now: doc.now });
    assert.deepEqual(expected.issues.map((i) => [i.path, i.code]), [[['payout_order_details', 0, 'amount'], 'amount_precision']]);
    // React Hook Form / TanStack Form, Formik, and an array of strings as a form library may give it.
    for (const path of ['payout_order_details.0.amount', 'payout_order_details[0].amount', ['payout_order_details', '0', 'amount']]) {
      assert.deepEqual(api.validateField('createPayoutBatch', path, '1.005', batch, { now: doc.now }), expected, JSON.stringify(path));
    }
    assert.deepEqual(api.validateField('fetchPayout', 'request_id', 'R'.repeat(65)), {
      valid: false,
      issues: [{
        path: ['request_id'], code: 'too_long', severity: 'error', message: 'request_id must be at most 64 characters, not 65',
        params: { max: 64, length: 65 }, gatewayCode: 30000,
      }],
    });
    for (const path of [[-1], [1.5], [{}], 5, null]) {
      assert.throws(() => api.validateField('fetchPayout', path, 'x'), { name: 'TypeError', message: BAD_PATH }, JSON.stringify(path));
    }
  });

  test(`${entry}: validateField answers a path deeper than params may nest without building it`, () => {
    // Below the limit (127 steps, params 128 levels deep) the path is built; its unknown field is
    // reported at its first step.
    assert.deepEqual(api.validateField('createPayin', Array(127).fill('a'), 'x'), { valid: true, issues: [] });
    assert.deepEqual(api.validateField('createPayin', Array(128).fill('a'), 'x'), { valid: true, issues: [] });
    assert.deepEqual(api.validateField('createPayin', ['a'], 'x').issues.map((i) => [i.path, i.code]), [[['a'], 'unknown_field']]);
    // Beyond it, the same answer: building 20,000 levels threw a RangeError, a million exhausted the heap.
    const deep = ['payout_order_details', 0, 'amount', ...Array(20000).fill('a')];
    assert.deepEqual(api.validateField('createPayoutBatch', deep, '1.005'), { valid: true, issues: [] });
    assert.deepEqual(api.validateField('createPayin', Array(1e6).fill('a'), 'x'), { valid: true, issues: [] });
    assert.deepEqual(api.validateField('createPayin', 'a.'.repeat(1e5) + 'a', 'x'), { valid: true, issues: [] });
    // A bad kind or options still throws.
    assert.throws(() => api.validateField('createPayIn', Array(200).fill('a'), 'x'), badKind("'createPayIn'"));
    assert.throws(() => api.validateField('createPayin', Array(200).fill('a'), 'x', {}, { locale: 1 }),
      { name: 'TypeError', message: "options.locale must be a language tag such as 'en' or 'zh-CN', not a number" });
  });

  test(`${entry}: validateField reports params it cannot read, as validate does`, () => {
    // An emoji cut in half by a length limit leaves a lone surrogate; validate cannot read the params.
    const cut = 'Deposit 😀'.slice(0, 9);
    const whole = api.validate('createPayin', { product_name: cut });
    assert.deepEqual(whole.issues.map((i) => [i.path, i.code]), [[[], 'format']]);
    const field = api.validateField('createPayin', 'product_name', cut);
    assert.deepEqual(field, { valid: false, issues: whole.issues });
    assert.equal(field.issues[0].message,
      'params contain half a character (an emoji cut in two), which the gateway would sign as ?');
    assert.equal(api.validateField('createPayin', 'product_name', cut, {}, { locale: 'zh-CN' }).issues[0].message,
      'params 含有半个字符（如被截断的表情符号），网关签名时会将其替换为“?”');
    // So is a value nested deeper than params may be.
    const deep = api.validateField('createPayin', 'channel_biz_data', JSON.parse('['.repeat(200) + ']'.repeat(200)));
    assert.deepEqual(deep.issues.map((i) => [i.path, i.code]), [[[], 'format']]);
    assert.equal(deep.issues[0].message, 'params are nested deeper than 128 levels');
    assert.equal(api.validateField('createPayin', 'channel_biz_data', JSON.parse('['.repeat(200) + ']'.repeat(200)), {},
      { locale: 'zh' }).issues[0].message, 'params 的嵌套超过 128 层');
  });

  test(`${entry}: issue objects carry params and never card data`, () => {
    const card = doc.valid['createPayin/card'].params;
    const bad = structuredClone(card);
    bad.channel_extra.card_data.number = '4242424242424241';
    bad.channel_extra.card_data.cvv = '98';
    bad.request_id = 'R'.repeat(25);
    const { valid, issues } = api.validate('createPayin', bad, { now: doc.now });
    assert.equal(valid, false);
    assert.deepEqual(issues.find((i) => i.code === 'too_long').params, { max: 20, length: 25 });
    for (const i of issues) {
      assert.ok(!i.message.includes('4242424242424241') && !i.message.includes('98'), i.message);
      assert.ok(!JSON.stringify(i.params ?? {}).includes('4242'), i.message);
    }
    assert.deepEqual(issues.map((i) => i.code).sort(), ['checksum', 'format', 'too_long']);
  });

  test(`${entry}: validateJson reads the text that will be sent, numbers as written`, () => {
    // The same answers as validate for every case, given as JSON.stringify's text.
    for (const c of doc.cases.filter((c) => !('params' in c))) {
      const { kind, params } = paramsOf(c);
      assert.deepEqual(api.validateJson(kind, JSON.stringify(params)), api.validate(kind, params), c.name);
    }
    // What JSON.parse loses: a number's own text.
    const base = JSON.stringify(doc.valid['createPayin/cashier'].params);
    const text = base.replace('"expired_time":1800', '"expired_time":1e400').replace('"pay_access_type":1', '"pay_access_type":1.0');
    assert.deepEqual(api.validate('createPayin', JSON.parse(text)).issues, []); // Infinity reads as null, 1.0 as 1
    assert.deepEqual(api.validateJson('createPayin', text).issues.map((i) => [i.path, i.code, i.message]), [
      [['pay_access_type'], 'enum', 'pay_access_type must be one of: 1, 2'],
      [['expired_time'], 'format', 'expired_time must be a whole number from 1 to 2147483647'],
    ]);
    // Text that is not strict JSON: where, in UTF-8 bytes, in the caller's own text.
    assert.deepEqual(api.validateJson('fetchPayout', '{"request_id": \'R1\'}', { locale: 'zh-CN' }).issues, [{ path: [], code: 'format',
      severity: 'error', message: 'params 不是严格的 JSON：请检查字节偏移 15 处的文本', params: { at: 15 }, gatewayCode: 30000 }]);
    assert.equal(api.validateJson('fetchPayout', '{"$ref":"x"}').issues[0].message,
      'params hold the key "$ref", which the gateway\'s JSON parser reads as a directive, not data; rename it');
    assert.throws(() => api.validateJson('fetchPayout', {}), { name: 'TypeError', message: 'text must be a string' });
    assert.throws(() => api.validateJson('fetchPayout', '{}', { locale: 'en', nwo: 0 }),
      { name: 'TypeError', message: 'nwo is not an option of validateJson; it takes locale, now' });
  });

  test(`${entry}: params that are not an object are one type issue at []`, () => {
    for (const [params, actual] of [[undefined, 'undefined'], [null, 'null'], ['R1', 'string'], [42, 'number'], [[], 'array'], [() => 1, 'function']]) {
      assert.deepEqual(api.validate('fetchPayout', params), {
        valid: false,
        issues: [{
          path: [], code: 'type', severity: 'error', message: `params must be a JSON object, not ${actual}`,
          params: { expected: 'object', actual }, gatewayCode: 30000,
        }],
      }, actual);
    }
  });

  test(`${entry}: programmer misuse throws a TypeError that says what to pass`, () => {
    assert.throws(() => api.validate('createPayIn', {}), badKind("'createPayIn'"));
    assert.throws(() => api.validate(undefined, {}), badKind('undefined'));
    assert.throws(() => api.validate('fetchPayout', {}, { locale: true }), { name: 'TypeError', message: "options.locale must be a language tag such as 'en' or 'zh-CN', not a boolean" });
    assert.throws(() => api.validate('fetchPayout', {}, { now: 'yesterday' }),
      { name: 'TypeError', message: 'options.now must be a time in milliseconds since the epoch or a valid Date' });
    assert.throws(() => api.validateField('fetchPayout', { key: 'x' }, 'R1'), { name: 'TypeError', message: BAD_PATH });
    assert.throws(() => api.validateField('fetchPayout', ['request_id'], 'R1', 'ctx'),
      { name: 'TypeError', message: "context must be the form's params object, not string" });
    // Our words, then JSON.stringify's own error message (the engine's text, taken from the engine here).
    assert.throws(() => api.validate('fetchPayout', { request_id: 1n }),
      { constructor: Error, message: `params could not be serialised with JSON.stringify: ${stringifyError(1n)}` });
    // validateField answers the same for a context it cannot serialise, and for a value.
    const cyclic = { pay_order_id: 'P1' };
    cyclic.self = cyclic;
    for (const [value, context, what] of [['R1', { page: 1n }, 'context'], ['R1', cyclic, 'context'], [1n, {}, 'params']]) {
      const message = `${what} could not be serialised with JSON.stringify: ${stringifyError(what === 'context' ? context : value)}`;
      assert.throws(() => api.validateField('fetchPayout', ['request_id'], value, context), { constructor: Error, message });
    }
  });

  test(`${entry}: caller text reaches JS unchanged through the result's JSON`, () => {
    // Results cross the boundary as JSON text: quotes, backslashes, controls, DEL, C1 controls,
    // U+2028/U+2029, non-ASCII and astral characters must come back exactly as they went in.
    const weird = ['a"b', 'back\\slash', 'line\nfeed\ttab', '\u0000\u0001\u001f\u007f', '\u0085\u009f',
      '\u2028\u2029', 'é中文', '😀', '{"x":1}', '__proto__', ''];
    // fromEntries: `__proto__` as an own key, as JSON.parse would make it.
    const params = Object.fromEntries([['request_id', 'R1'], ...weird.map((k) => [k, 1])]);
    const unknown = api.validate('fetchPayout', params).issues.filter((i) => i.code === 'unknown_field');
    assert.deepEqual(unknown.map((i) => i.path), weird.map((k) => [k]));
    const kind = 'ˮ"\u2028';
    assert.throws(() => api.validate(kind, {}), badKind("'ˮ\"\u2028'"));
    const msg = 'x"\\\n\u0001\u2028中😀';
    assert.equal(api.decodeError({ code: 99999, msg }).msg, msg);
  });

  test(`${entry}: options.now accepts a Date, and defaults to the clock`, () => {
    const card = structuredClone(doc.valid['createPayin/card'].params);
    // The card of the valid base expires at the end of 12/2030.
    const expired = {
      valid: false,
      issues: [{
        path: ['channel_extra', 'card_data', 'expiry_year'], code: 'expired', severity: 'error',
        message: 'channel_extra.card_data.expiry_year: the card has expired; use a card valid this month or later', gatewayCode: 11,
      }],
    };
    assert.deepEqual(api.validate('createPayin', card, { now: new Date(Date.UTC(2031, 0, 1)) }), expired);
    assert.deepEqual(api.validate('createPayin', card, { now: new Date(Date.UTC(2030, 11, 31)) }), { valid: true, issues: [] });
    card.channel_extra.card_data.expiry_year = 2001;
    assert.deepEqual(api.validate('createPayin', card), expired);
  });

  test(`${entry}: a report lists at most 10,000 issues, then one too_many_issues`, () => {
    // Six request fields and nine per empty detail: 1,000 details are 9,006 issues, 1,200 are 10,806.
    const batch = (n) => ({ payout_order_details: Array(n).fill({}) });
    assert.equal(api.validate('createPayoutBatch', batch(1000)).issues.length, 9006);
    const report = api.validate('createPayoutBatch', batch(1200));
    assert.equal(report.issues.length, 10001);
    assert.deepEqual(report.issues.at(-1), {
      path: [], code: 'too_many_issues', severity: 'error', params: { max: 10000 },
      message: 'more than 10000 problems: the first 10000 are listed; fix them and validate again',
    });
    assert.deepEqual(report.issues.slice(0, 9006), api.validate('createPayoutBatch', batch(1000)).issues);
    const zh = api.validate('createPayoutBatch', batch(1200), { locale: 'zh-CN' }).issues.at(-1).message;
    assert.equal(zh, '问题超过 10000 个：仅列出前 10000 个；请修正后重新校验');
  });

  test(`${entry}: schemas implement Standard Schema v1 and report errors only`, () => {
    const schema = api.schemas.createPayoutBatch['~standard'];
    assert.equal(schema.version, 1);
    assert.equal(schema.vendor, 'lesspay2');
    const params = doc.valid.createPayoutBatch.params;
    assert.deepEqual(schema.validate(params), { value: params });
    const warned = { ...params, currency_note: 'x' }; // an unknown field is only a warning
    assert.deepEqual(schema.validate(warned), { value: warned });
    const result = schema.validate({ ...params, total_amount: '1.00' });
    assert.deepEqual(result, {
      issues: [{ path: ['total_amount'], message: 'total_amount is 1.00 but the amounts of payout_order_details add up to 300.50' }],
    });
    assert.equal(api.schemas.fetchPayout['~standard'].validate('nope').issues[0].message, 'params must be a JSON object, not string');
    assert.deepEqual(Object.keys(api.schemas), ['createPayin', 'fetchPayin', 'createPayout', 'createPayoutBatch', 'fetchPayout', 'payoutBanks']);
    const zh = api.createSchema('fetchPayout', { locale: 'zh-CN' })['~standard'].validate({});
    assert.deepEqual(zh.issues, [{ path: ['request_id'], message: 'request_id, pay_order_id 中至少需要提供一个' }]);
    assert.throws(() => api.createSchema('nope'), badKind("'nope'"));
  });
}

test('a URL is valid as the WHATWG parser (new URL) reads its authority', () => {
  const urls = [
    'https://shop.example.com/ok?x=1#y', 'http://a.example:8080/', 'https://a.example:/', 'https://a_b.example/',
    'https://user:pw@a.example:443/p', 'http://1.2.3.4/', 'https://[::1]:8443/', 'https://[2001:db8::ff00:42:8329]/',
    'https://[::ffff:192.0.2.1]/', 'https://例子.测试/支付', 'HTTPS://A.EXAMPLE/',
    'https://a.example:8080:80/', 'https://[zz]/', 'https://[1::2::3]/', 'https://[::1/', 'https://[::1]x/',
    'http://1.2.3.4.5/', 'http://256.1.1.1/', 'https://a.example\u00a0/', 'https://a\u3000b.example/',
    'https://a.example:65536/', 'https://a.example:8o/', 'ftp://a.example/', 'https://a example/',
    'https://[1:2:3:4:5:6:7:8]/', 'https://[1:2:3:4:5:6:7]/', 'https://[:1]/', 'https://[1:]/', 'https://[1:2:3:4:5:6:7:8:9]/',
    'https://[1::2:3:4:5:6:7:8]/', 'https://[1.2.3.4::]/', 'https://[1::1.2.3.4:5]/', 'https://[::1.2.3.04]/',
    'https://[1:2:3:4:5:6:1.2.3.4]/', 'https://a.0x1f/', 'http://a.0x/', 'http://1.2.3.08/', 'http://0.0.0.0/',
  ];
  const whatwg = (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  };
  const base = doc.valid['createPayin/cashier'].params;
  for (const url of urls) {
    const issues = esm.validate('createPayin', { ...base, success_url: url }, { now: doc.now }).issues;
    assert.equal(issues.some((i) => i.code === 'url'), !whatwg(url), url);
  }
  // Stricter than WHATWG on purpose: an empty host the parser would take from the path, an empty label,
  // an IPv4 address in octal or short form.
  for (const url of ['https:///path', 'https://a..example/', 'http://010.1.1.1/', 'http://127.1/']) {
    assert.equal(whatwg(url), true, url);
    assert.deepEqual(esm.validate('createPayin', { ...base, success_url: url }, { now: doc.now }).issues.map((i) => i.code), ['url'], url);
  }
});

test('an options key validate does not take is refused by name, in validate, validateField and createSchema', () => {
  const message = 'local is not an option of validate; it takes locale, now';
  for (const api of [esm, cjs, clientEsm, clientCjs]) {
    assert.throws(() => api.validate('fetchPayout', { request_id: 'R1' }, { local: 'zh-CN' }), { name: 'TypeError', message });
    assert.throws(() => api.validateField('fetchPayout', 'request_id', 'R1', {}, { local: 'zh-CN' }), {
      name: 'TypeError', message: 'local is not an option of validateField; it takes locale, now',
    });
    assert.throws(() => api.createSchema('fetchPayout', { local: 'zh-CN' }), { name: 'TypeError', message });
    assert.throws(() => api.validate('fetchPayout', {}, { NOW: 0 }), { name: 'TypeError', message: 'NOW is not an option of validate; did you mean now?' });
  }
});

test("validateField: a long form's other issues do not crowd out the field's, and a long list takes any index", () => {
  // 5,000 details with a bad amount: validate lists the first 10,000 issues and then too_many_issues, so
  // the last detail's are not among them; validateField counts only the field's own.
  const form = { payout_order_details: Array.from({ length: 5000 }, (_, i) => ({ mch_order_id: `M${i}`, amount: 'x' })) };
  const all = esm.validate('createPayoutBatch', form);
  assert.deepEqual([all.issues.length, all.issues.at(-1).code], [10_001, 'too_many_issues']);
  const issue = (index) => ({
    path: ['payout_order_details', index, 'amount'], code: 'amount_format', severity: 'error', gatewayCode: 30009,
    message: `payout_order_details[${index}].amount must be a positive decimal such as "100.50", without sign, exponent, separators, spaces or leading zeros`,
  });
  for (const api of [esm, cjs, clientEsm, clientCjs]) {
    assert.deepEqual(api.validateField('createPayoutBatch', 'payout_order_details.4999.amount', 'abc', form), { valid: false, issues: [issue(4999)] });
    // Padded with 60,000 empty details, whose issues are not the field's either.
    assert.deepEqual(api.validateField('createPayoutBatch', ['payout_order_details', 60000, 'amount'], 'abc', {}), { valid: false, issues: [issue(60000)] });
  }
  // Past index 100,000 a list is not padded (a typo must not allocate gigabytes), but an element the form
  // already has is checked at any index.
  assert.deepEqual(esm.validateField('createPayoutBatch', 'payout_order_details.100001.amount', 'abc', {}), { valid: true, issues: [] });
  assert.deepEqual(esm.validateField('createPayoutBatch', 'payout_order_details.100000.amount', 'abc', {}), { valid: false, issues: [issue(100000)] });
  const long = { payout_order_details: Array.from({ length: 100_005 }, (_, i) => ({ mch_order_id: `M${i}`, amount: '1.00' })) };
  assert.deepEqual(esm.validateField('createPayoutBatch', 'payout_order_details.100003.amount', 'abc', long), { valid: false, issues: [issue(100003)] });
  // One past the form's last element is padding too.
  assert.deepEqual(esm.validateField('createPayoutBatch', 'payout_order_details.100005.amount', 'abc', long), { valid: true, issues: [] });
});

test('validateField: only a step of digits is an index; other spellings of a number are keys', () => {
  const unknown = (key) => ({
    path: [key], code: 'unknown_field', severity: 'warning', message: `${key} is not a documented parameter of this request; check its spelling`,
  });
  for (const key of ['1e3', '0x10', ' 1']) {
    assert.deepEqual(esm.validateField('createPayin', [key], 'x'), { valid: true, issues: [unknown(key)] });
  }
  // An index in an array path is a whole number up to 2^32 - 1 (past 100,000, not placed: no issues).
  assert.deepEqual(esm.validateField('createPayoutBatch', ['payout_order_details', 4294967295, 'amount'], 'x'), { valid: true, issues: [] });
  assert.throws(() => esm.validateField('createPayoutBatch', ['payout_order_details', 4294967296, 'amount'], 'x'), {
    name: 'TypeError',
    message: "path must be an array of keys and indexes such as ['payout_order_details', 0, 'amount'], or a field name such as 'payout_order_details.0.amount'",
  });
});

// `lesspay2/client` (pkg/client/): validation and error decoding in a module without the bindings that
// take a secret. Its results are checked case by case in validation.test.mjs and errors.test.mjs (every
// case runs through both modules); this file checks what it exports and that its .wasm really leaves the
// signing code out (browser-entry.test.mjs checks its browser entry's loading). tests/runtimes/ runs it
// in Deno, workerd and Chromium from the packed package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esm from '../../pkg/client/node.mjs';

const cjs = createRequire(import.meta.url)('../../pkg/client/node.cjs');
const wasm = readFileSync(new URL('../../pkg/client/lesspay2_bg.wasm', import.meta.url));
const EXPORTS = ['createSchema', 'decodeError', 'decodeResponse', 'default', 'init', 'initSync', 'orderStatus', 'schemas', 'validate', 'validateField', 'validateJson'];

test('every client entry exports exactly the validation and decoding API, and nothing that takes a secret', () => {
  assert.deepEqual(Object.keys(esm).sort(), EXPORTS);
  assert.deepEqual(Object.keys(cjs).sort(), EXPORTS);
});

test('the client .wasm exports only its five functions besides the wasm-bindgen runtime', () => {
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.deepEqual(names.filter((n) => n !== 'memory' && !n.startsWith('__')).sort(), ['decodeError', 'decodeResponse', 'orderStatus', 'validate', 'validateJson']);
});

test('the helpers built in JavaScript work on the client module', async () => {
  const report = esm.validateField('createPayoutBatch', ['payout_order_details', 0, 'amount'], '12.345', { currency: 'PHP' });
  assert.deepEqual(report, {
    valid: false,
    issues: [{
      path: ['payout_order_details', 0, 'amount'], code: 'amount_precision', severity: 'error',
      message: 'payout_order_details[0].amount may have at most 2 decimal places in PHP', params: { digits: 2, currency: 'PHP' }, gatewayCode: 30009,
    }],
  });
  const result = await esm.createSchema('fetchPayout', { locale: 'zh-CN' })['~standard'].validate({});
  assert.deepEqual(result, { issues: [{ message: 'request_id, pay_order_id 中至少需要提供一个', path: ['request_id'] }] });
  assert.deepEqual(cjs.orderStatus(2), { code: 2, name: 'SUCCEED', final: true, description: 'paid' });
});

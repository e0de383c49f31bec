// `lesspay2/edge` (pkg/edge/): signing and webhook verification in a module without validation and error
// decoding, for edge workers. The whole signature suite runs through both of its Node entries here;
// this file also checks what it exports and that its .wasm really leaves validation and decoding out
// (browser-entry.test.mjs checks its browser entry's loading). tests/runtimes/ runs it in Deno and in
// workerd (the edge-webhook example) from the packed package.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as esm from '../../pkg/edge/node.mjs';
import suite from './signature-suite.cjs';

const cjs = createRequire(import.meta.url)('../../pkg/edge/node.cjs');
const wasm = readFileSync(new URL('../../pkg/edge/lesspay2_bg.wasm', import.meta.url));
const FUNCTIONS = ['canonicalize', 'explainSignature', 'sign', 'signRequest', 'signWebhook', 'standardWebhookSign', 'standardWebhookVerify', 'verifyWebhook', 'webhookKey'];
const EXPORTS = [...FUNCTIONS, 'createWebhookHandler', 'default', 'init', 'initSync'].sort();

suite.register({ api: esm, label: 'edge/node.mjs', test, assert });
suite.register({ api: cjs, label: 'edge/node.cjs', test, assert });

test('every edge entry exports exactly the signing and verification API, and no validation or decoding', () => {
  assert.deepEqual(Object.keys(esm).sort(), EXPORTS);
  assert.deepEqual(Object.keys(cjs).sort(), EXPORTS);
});

test('the edge .wasm exports only its nine functions besides the wasm-bindgen runtime', () => {
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.deepEqual(names.filter((n) => n !== 'memory' && !n.startsWith('__')).sort(), FUNCTIONS);
});

test('verifyWebhook still decodes the status and the fraud event without the decoding exports', () => {
  const payload = { pay_order_id: 'P1', request_id: 'R1', order_status: 'FAILED', api_version: 'v2', event: 'payment_declined', event_data: { fraud_code: 30034 } };
  const body = JSON.stringify(payload);
  const v = esm.verifyWebhook({ body, headers: { 'X-Auth-Signature': esm.sign(body, 'k') }, secret: 'k', kind: 'payin' });
  assert.deepEqual([v.valid, v.kind, v.secretIndex, v.payload, v.unsignedFields, v.idempotencyKey],
    [true, 'payin', 0, payload, [], 'lesspay2:P1:FAILED:payment_declined']);
  assert.deepEqual(v.orderStatus, { code: 3, name: 'FAILED', final: true, description: 'failed' });
  assert.deepEqual(v.event, {
    type: 'payment_declined', category: 'fraud', known: true, fraudCode: 30034, disputeCategory: null,
    name: 'suspected fraud (pick up)', description: 'suspected fraud (pick up)',
    advice: 'do not retry with this card and do not ship; the order status is unchanged: wait for the order\'s own webhook', signed: true,
  });
});

test('createWebhookHandler on the edge module answers a real Request', async () => {
  const body = JSON.stringify({ pay_order_id: 'P1', request_id: 'R1', order_status: 'SUCCEED', api_version: 'v2' });
  const seen = [];
  const handler = cjs.createWebhookHandler({ secret: ['old', 'k'], onEvent: (v) => { seen.push(v.idempotencyKey); } });
  const answer = await handler(new Request('https://merchant.example/hooks', { method: 'POST', body, headers: { 'x-auth-signature': esm.sign(body, 'k') } }));
  assert.deepEqual([answer.status, await answer.text()], [200, 'SUCCESS']);
  assert.deepEqual(seen, ['lesspay2:P1:SUCCEED']);
  const refused = await handler(new Request('https://merchant.example/hooks', { method: 'POST', body, headers: { 'x-auth-signature': esm.sign(body, 'other') } }));
  assert.deepEqual([refused.status, await refused.text()], [401, 'signature_mismatch: no configured appSecret gives the received signature']);
});

// lesspay2's schemas in a real consumer that only knows the Standard Schema v1 interface: Hono's
// `@hono/standard-validator` middleware (the same slot zod or valibot schemas go in). Dependencies are
// pinned in ./package.json and installed by `make test-standard-schema`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { sValidator } from '@hono/standard-validator';
import { schemas, createSchema } from '../../pkg/node.mjs';

const doc = JSON.parse(readFileSync(new URL('../validation/cases.json', import.meta.url), 'utf8'));
const batch = doc.valid.createPayoutBatch.params;

const app = new Hono();
app.post('/payouts', sValidator('json', schemas.createPayoutBatch), (c) => {
  const body = c.req.valid('json');
  return c.json({ accepted: body.request_id, details: body.payout_order_details.length });
});
app.post('/zh/fetch', sValidator('json', createSchema('fetchPayout', { locale: 'zh-CN' })), (c) => c.json(c.req.valid('json')));

const post = (path, body) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('a valid batch passes the middleware and reaches the handler', async () => {
  const res = await post('/payouts', batch);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { accepted: 'PB20260615001', details: 2 });
});

test('an invalid batch is answered 400 with our issues, errors only', async () => {
  const body = structuredClone(batch);
  body.total_amount = 300.5; // a JSON number: amount_not_string
  body.payout_order_details[1].mch_order_id = 'D1'; // duplicate
  body.payout_order_details[1].bank_swift_code = 'NWBKGB2L'; // only a warning: not reported here
  const res = await post('/payouts', body);
  assert.equal(res.status, 400);
  const answer = await res.json();
  assert.equal(answer.success, false);
  assert.deepEqual(answer.error, [
    {
      path: ['total_amount'],
      message: 'total_amount must be a decimal string such as "100.50", not a JSON number: pass amounts as strings',
    },
    {
      path: ['payout_order_details', 1, 'mch_order_id'],
      message:
        'payout_order_details[1].mch_order_id repeats the mch_order_id of payout_order_details[0]; it must be unique within the batch',
    },
  ]);
});

test('a schema made with createSchema answers in Chinese', async () => {
  const res = await post('/zh/fetch', { order_id: 'x' });
  assert.equal(res.status, 400);
  assert.deepEqual((await res.json()).error, [{ path: ['request_id'], message: 'request_id, pay_order_id 中至少需要提供一个' }]);
  const ok = await post('/zh/fetch', { request_id: 'R1' });
  // The handler answers the validated params, as sent.
  assert.deepEqual([ok.status, await ok.json()], [200, { request_id: 'R1' }]);
});

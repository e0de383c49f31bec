// Node, Deno and Bun: each module of the installed package called with the stack almost full
// (./stack-limit.mjs, copied from tests/runtimes/). Every call meets the limit or answers as usual, and
// each module answers after; Bun runs JavaScriptCore, another engine than the others' V8.
import * as lib from 'lesspay2';
import * as client from 'lesspay2/client';
import * as edge from 'lesspay2/edge';
import { checkStackLimitSummary, stackLimitSummary } from './stack-limit.mjs';

const body = '{"pay_order_id":"P1","order_status":"SUCCEED","target_amount":"100.00"}';
const probes = {
  'lesspay2 sign': () => lib.sign(body, 'k'),
  'lesspay2 validate': () => lib.validate('createPayin', { request_id: 'R1', amount: '1.234', currency: 'USD' }),
  'lesspay2/client decodeError': () => client.decodeError(30002),
  'lesspay2/edge verifyWebhook (forged)': () => edge.verifyWebhook({ body, headers: { 'x-auth-signature': lib.sign(body, 'j') }, secret: 'k' }),
};
const met = Object.entries(probes).map(([name, call]) => checkStackLimitSummary(name, stackLimitSummary(call)));
const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
console.log(`${runtime}: ${Object.keys(probes).join(', ')} at the stack limit ${met.join(', ')} times, then answered`);

// The browser entries (pkg/browser.js, pkg/client/browser.js, pkg/edge/browser.js) in Node, which runs
// their loading logic as a browser does: calls before init() fail with an error that says what to do, a
// failed init() is retried, and each exports what its Node entry exports. tests/runtimes/vite.mjs runs
// all three in real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
// Only these entries in this process: a Node entry would load the glue it shares with one.
import * as browser from '../../pkg/browser.js';
import * as client from '../../pkg/client/browser.js';
import * as edge from '../../pkg/edge/browser.js';

const wasm = readFileSync(new URL('../../pkg/lesspay2_bg.wasm', import.meta.url));
const { vectors } = JSON.parse(readFileSync(new URL('../vectors/signatures.json', import.meta.url), 'utf8'));
const vector = vectors.find((v) => v.signature && v.body.length > 100);
/** What a call before init() throws: the function (or helper) named. */
const early = (name) => ({ constructor: Error, message: `lesspay2: ${name}() was called before the module loaded; \`await init()\` once first` });

/** The sorted export names of a Node entry, imported in a child process (not in this one: see above). */
function nodeExports(path) {
  const nodeEntry = new URL(path, import.meta.url).href;
  const script = `import(${JSON.stringify(nodeEntry)}).then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

test('each browser entry exports what its Node entry exports', () => {
  assert.deepEqual(Object.keys(browser).sort(), nodeExports('../../pkg/node.mjs'));
  assert.deepEqual(Object.keys(client).sort(), nodeExports('../../pkg/client/node.mjs'));
  assert.deepEqual(Object.keys(edge).sort(), nodeExports('../../pkg/edge/node.mjs'));
});

test('before init(): a clear error, from the functions and from the helpers built on them', () => {
  assert.throws(() => browser.sign('{}', 's'), {
    constructor: Error,
    message: 'lesspay2: sign() was called before the module loaded; `await init()` once first',
  });
  // A helper names itself, not the function it calls.
  assert.throws(() => browser.validateField('fetchPayout', 'request_id', 'R1'), early('validateField'));
  assert.throws(() => browser.createSchema('fetchPayout'), early('createSchema'));
  assert.throws(() => browser.schemas.fetchPayout['~standard'].validate({}), early('validate'));
  assert.throws(() => browser.createWebhookHandler({ secret: 's', onEvent() {} }), early('createWebhookHandler'));
});

test('a failed init() is not kept: the next call loads', async () => {
  await assert.rejects(browser.init(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])), WebAssembly.CompileError);
  assert.throws(() => browser.sign('{}', 's'), early('sign'));
  await browser.init(wasm);
  await browser.init(new Uint8Array([1])); // loaded: later arguments are not looked at
  assert.equal(browser.sign(vector.body, vector.secret), vector.signature);
  assert.deepEqual(browser.validateField('fetchPayout', 'request_id', 'R1'), { valid: true, issues: [] });
});

test('lesspay2/client: a clear error before init(), a failed init() retried, then ready', async () => {
  assert.throws(() => client.validate('fetchPayout', {}), {
    constructor: Error,
    message: 'lesspay2: validate() was called before the module loaded; `await init()` once first',
  });
  assert.throws(() => client.decodeError(30009), early('decodeError'));
  assert.throws(() => client.validateField('fetchPayout', 'request_id', 'R1'), early('validateField'));
  await assert.rejects(client.init(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])), WebAssembly.CompileError);
  // The other entry's .wasm: named, instead of the engine's message about import numbers.
  await assert.rejects(client.init(wasm), (e) => e.constructor === Error && e.cause instanceof WebAssembly.LinkError &&
    e.message === 'lesspay2: this .wasm does not belong to this entry; load lesspay2/client.wasm');
  assert.throws(() => client.orderStatus(2), early('orderStatus'));
  await client.init(readFileSync(new URL('../../pkg/client/lesspay2_bg.wasm', import.meta.url)));
  assert.deepEqual(client.orderStatus(2), { code: 2, name: 'SUCCEED', final: true, description: 'paid' });
  assert.equal(client.decodeError(30009).name, 'Invalid Amount Format');
  assert.deepEqual(client.validate('fetchPayout', { request_id: 'R1' }), { valid: true, issues: [] });
});

test('lesspay2/edge: a clear error before init(), the other entries\' .wasm refused by name, then ready', async () => {
  assert.throws(() => edge.verifyWebhook({ body: '{}', headers: {}, secret: 'k' }), {
    constructor: Error,
    message: 'lesspay2: verifyWebhook() was called before the module loaded; `await init()` once first',
  });
  assert.throws(() => edge.createWebhookHandler({ secret: 's', onEvent() {} }), early('createWebhookHandler'));
  const clientWasm = readFileSync(new URL('../../pkg/client/lesspay2_bg.wasm', import.meta.url));
  // It may link (its imports are this glue's) and be refused for its exports, or not link.
  await assert.rejects(edge.init(clientWasm), (e) => e.constructor === Error &&
    e.message === 'lesspay2: this .wasm does not belong to this entry; load lesspay2/edge.wasm');
  await assert.rejects(edge.init(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])), WebAssembly.CompileError);
  assert.throws(() => edge.sign('{}', 's'), early('sign'));
  await edge.init(readFileSync(new URL('../../pkg/edge/lesspay2_bg.wasm', import.meta.url)));
  assert.equal(edge.sign(vector.body, vector.secret), vector.signature);
  const v = edge.verifyWebhook({ body: vector.body, headers: { 'X-Auth-Signature': vector.signature }, secret: vector.secret });
  // A request body (no order id or status): verified, with nothing to key or decode.
  assert.deepEqual(v, {
    valid: true, kind: 'payin', secretIndex: 0, payload: JSON.parse(vector.body), unsignedFields: [],
    orderStatus: null, event: null, idempotencyKey: null,
  });
});

test('lesspay2 given lesspay2/client\'s .wasm: refused by name, then the right one loads', async () => {
  // In a child process, where the glue has not loaded lesspay2's own module yet: lesspay2/client's
  // .wasm instantiates with this glue (its imports are a subset), and is refused after.
  const entry = new URL('../../pkg/browser.js', import.meta.url).href;
  const read = (path) => `(await import('node:fs')).readFileSync(${JSON.stringify(new URL(path, import.meta.url).pathname)})`;
  const script = `
    const lib = await import(${JSON.stringify(entry)});
    const wrong = ${read('../../pkg/client/lesspay2_bg.wasm')}, right = ${read('../../pkg/lesspay2_bg.wasm')};
    const seen = [];
    const sign = () => lib.sign(${JSON.stringify(vector.body)}, ${JSON.stringify(vector.secret)});
    for (const attempt of [() => lib.init(wrong), sign, () => lib.initSync(wrong), () => lib.init(right), sign]) {
      try { seen.push(String(await attempt() ?? 'ok')); } catch (e) { seen.push(e.message); }
    }
    console.log(JSON.stringify(seen));`;
  const seen = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  const refused = 'lesspay2: this .wasm does not belong to this entry; load lesspay2/lesspay2.wasm';
  const early = 'lesspay2: sign() was called before the module loaded; `await init()` once first';
  assert.deepEqual(seen, [refused, early, refused, 'ok', vector.signature]);
});

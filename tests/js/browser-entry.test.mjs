// The browser entry (pkg/browser.js) in Node, which runs its loading logic as a browser does: calls
// before init() fail with an error that says what to do, a failed init() is retried, and it exports
// what the Node entry exports. tests/runtimes/vite.mjs runs the same entry in real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
// Only this entry in this process: the Node entry would load the glue they share.
import * as browser from '../../pkg/browser.js';

const wasm = readFileSync(new URL('../../pkg/lesspay2_bg.wasm', import.meta.url));
const { vectors } = JSON.parse(readFileSync(new URL('../vectors/signatures.json', import.meta.url), 'utf8'));
const vector = vectors.find((v) => v.signature && v.body.length > 100);

test('the browser entry exports what the Node entry exports', () => {
  const nodeEntry = new URL('../../pkg/node.mjs', import.meta.url).href;
  const script = `import(${JSON.stringify(nodeEntry)}).then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`;
  const nodeKeys = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  assert.deepEqual(Object.keys(browser).sort(), nodeKeys);
});

test('before init(): a clear error, from the functions and from the helpers built on them', () => {
  assert.throws(() => browser.sign('{}', 's'), {
    constructor: Error,
    message: 'lesspay2: sign() was called before the module loaded; `await init()` once first',
  });
  assert.throws(() => browser.validateField('fetchPayout', 'request_id', 'R1'), /validate\(\) was called before the module loaded/);
  assert.throws(() => browser.schemas.fetchPayout['~standard'].validate({}), /validate\(\) was called before the module loaded/);
  assert.throws(() => browser.createWebhookHandler({ secret: 's', onEvent() {} }), /verifyWebhook\(\) was called before the module loaded/);
});

test('a failed init() is not kept: the next call loads', async () => {
  await assert.rejects(browser.init(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])), WebAssembly.CompileError);
  assert.throws(() => browser.sign('{}', 's'), /before the module loaded/);
  await browser.init(wasm);
  await browser.init(new Uint8Array([1])); // loaded: later arguments are not looked at
  assert.equal(browser.sign(vector.body, vector.secret), vector.signature);
  assert.equal(browser.validateField('fetchPayout', 'request_id', 'R1').valid, true);
});

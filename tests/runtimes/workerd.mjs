// The edge-webhook example (on `lesspay2/edge`) served by workerd against the packed package; real HTTP
// requests; a local origin stub that checks the forwarded Standard Webhooks signature with the
// `standardwebhooks` library. Then a worker importing `lesspay2/client` (tests/runtimes/client-worker/)
// runs every validation case and error-table row in workerd, and one importing the whole `lesspay2`
// (tests/runtimes/full-worker/) every signature vector and webhook case.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bin, cleanup, freePort, freshProject, packTarball, root, start, until } from './lib.mjs';

const require = createRequire(import.meta.url);
const { Webhook } = require(join(root, 'tools/node_modules/standardwebhooks'));
const lib = await import(join(root, 'pkg/node.mjs'));

const APP_SECRET = 'test-app-secret-new';
const OLD_SECRET = 'test-app-secret-old';
const ORIGIN_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

// The origin stub: verifies independently, records what it received.
const received = [];
const origin = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const payload = new Webhook(ORIGIN_SECRET).verify(body, req.headers);
      received.push({ id: req.headers['webhook-id'], kind: req.headers['x-lesspay2-kind'], body, payload });
      res.writeHead(200).end('ok');
    } catch (e) {
      received.push({ rejected: e.message });
      res.writeHead(401).end('bad signature');
    }
  });
});
await new Promise((r) => origin.listen(0, '127.0.0.1', r));
const originUrl = `http://127.0.0.1:${origin.address().port}/hooks`;

const tarball = packTarball();
const project = freshProject(tarball);
const example = join(root, 'examples/edge-webhook');
cpSync(join(example, 'src'), join(project, 'src'), { recursive: true });
cpSync(join(example, 'config.capnp'), join(project, 'config.capnp'));

const port = await freePort();

const server = start(bin('workerd'), ['serve', 'config.capnp', '--socket-addr', `http=127.0.0.1:${port}`], {
  cwd: project,
  env: { LESSPAY2_APP_SECRET: `${APP_SECRET},${OLD_SECRET}`, ORIGIN_URL: originUrl, ORIGIN_WEBHOOK_SECRET: ORIGIN_SECRET, LESSPAY2_TOLERANCE_MS: '300000' },
});
const url = `http://127.0.0.1:${port}/`;

function webhook(body, secret, { timestamp = Date.now(), signature } = {}) {
  return { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-auth-timestamp': String(timestamp), 'x-auth-signature': signature ?? lib.sign(body, secret) } };
}
/** The exact answer the handler must give for a rejected webhook. */
function expectedRejection(body, headers) {
  const v = lib.verifyWebhook({ body, headers, secret: [APP_SECRET, OLD_SECRET], toleranceMs: 300000 });
  assert.equal(v.valid, false);
  return `${v.reason}: ${v.message}`;
}
async function send(init) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

const body = JSON.stringify({ pay_order_id: 'P2045118164054515713', request_id: 'R1', order_status: 'SUCCEED', target_amount: '100.00', api_version: 'v2' });
try {
  await until(() => fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.status === 405), { tries: 150, everyMs: 100, what: `workerd on ${url}\n${server.log()}` });

  // Valid: SUCCESS, and the origin got the same body re-signed (checked by the standardwebhooks library).
  let r = await send(webhook(body, APP_SECRET));
  assert.deepEqual(r, { status: 200, text: 'SUCCESS', type: 'text/plain; charset=utf-8' });
  assert.equal(received.length, 1);
  assert.deepEqual(received[0], { id: 'lesspay2%3AP2045118164054515713%3ASUCCEED', kind: 'payin', body, payload: JSON.parse(body) });

  // Rotated secret: the old one still verifies.
  r = await send(webhook(body, OLD_SECRET));
  assert.deepEqual([r.status, r.text], [200, 'SUCCESS']);
  assert.equal(received.length, 2);
  assert.equal(received[1].body, body);

  // Tampered body, wrong secret, malformed body, missing and malformed signature, stale timestamp.
  const tampered = webhook(body, APP_SECRET);
  tampered.body = body.replace('100.00', '900.00');
  const cases = [
    ['tampered', tampered, 401, 'signature_mismatch: '],
    ['wrong secret', webhook(body, 'not-the-secret'), 401, 'signature_mismatch: '],
    ['malformed body', webhook('{"pay_order_id": ', APP_SECRET, { signature: 'A'.repeat(64) }), 400, 'malformed_body: '],
    ['malformed signature', webhook(body, APP_SECRET, { signature: 'xyz' }), 400, 'malformed_signature: '],
    ['stale', webhook(body, APP_SECRET, { timestamp: Date.now() - 3_600_000 }), 401, 'timestamp_too_old: '],
  ];
  const missing = webhook(body, APP_SECRET);
  delete missing.headers['x-auth-signature'];
  cases.push(['missing signature', missing, 401, 'missing_signature: ']);
  for (const [name, init, status, prefix] of cases) {
    r = await send(init);
    assert.equal(r.status, status, name);
    assert.ok(r.text.startsWith(prefix), `${name}: ${r.text}`);
    if (name === 'stale') {
      // The message holds the age, which depends on the clock.
      assert.match(r.text, /^timestamp_too_old: X-Auth-Timestamp is \d+ ms older than allowed$/);
    } else {
      assert.equal(r.text, expectedRejection(init.body, init.headers), name);
    }
    assert.ok(!r.text.includes(APP_SECRET) && !r.text.includes(OLD_SECRET), `${name} leaks a secret`);
  }
  r = await send({ method: 'GET' });
  assert.deepEqual([r.status, r.text], [405, 'method_not_allowed: webhooks are delivered with POST']);
  assert.equal(received.length, 2, 'nothing rejected reached the origin');
  assert.ok(received.every((x) => !x.rejected));

  // The origin refusing: the gateway is told to retry.
  origin.removeAllListeners('request');
  origin.on('request', (req, res) => { req.resume(); res.writeHead(503).end(); });
  r = await send(webhook(body, APP_SECRET));
  assert.deepEqual([r.status, r.text], [502, 'origin_rejected: the merchant origin answered 503; retry later']);
  console.log(`workerd: edge-webhook example on 127.0.0.1:${port}: ${cases.length + 4} requests answered as expected, 2 forwards verified by standardwebhooks`);
  await clientWorker();
  await fullWorker();
} finally {
  server.stop();
  origin.close();
  cleanup(project, join(tarball, '..'));
}

/**
 * Serves a test worker from the same installed project on its own workerd and answers its GET /:
 * `files` are [source under the repository, name in the project] (its worker.js and config.capnp among
 * them), `config` the config's name, `what` the module it imports (for messages).
 */
async function workerAnswer(what, config, files) {
  for (const [from, to] of files) cpSync(join(root, from), join(project, to));
  const workerPort = await freePort();
  const worker = start(bin('workerd'), ['serve', config, '--socket-addr', `http=127.0.0.1:${workerPort}`], { cwd: project });
  try {
    const workerUrl = `http://127.0.0.1:${workerPort}/`;
    let answer;
    await until(async () => {
      const res = await fetch(workerUrl, { signal: AbortSignal.timeout(5000) });
      answer = [res.status, await res.text()];
      return true;
    }, { tries: 150, everyMs: 100, what: `workerd (${what}) on ${workerUrl}\n${worker.log()}` });
    return answer;
  } finally {
    worker.stop();
  }
}

/** The `lesspay2/client` worker: every validation case and error-table row. */
async function clientWorker() {
  const answer = await workerAnswer('lesspay2/client', 'client.capnp', [
    ['tests/runtimes/client-worker/worker.js', 'client-worker.js'],
    ['tests/runtimes/client-worker/config.capnp', 'client.capnp'],
    ['tests/runtimes/consumer/client-check.mjs', 'client-check.mjs'],
    ['tests/validation/cases.json', 'validation-cases.json'],
    ['tests/vectors/errors.json', 'errors.json'],
  ]);
  const cases = JSON.parse(readFileSync(join(project, 'validation-cases.json'), 'utf8')).cases.length;
  assert.equal(answer[0], 200, answer[1]);
  assert.match(answer[1], new RegExp(`^${cases} validation cases \\(\\d+ issues\\), 105 error rows, no signing export: ok$`));
  console.log(`workerd: lesspay2/client: ${answer[1]}`);
}

/** A worker importing the whole `lesspay2`: every signature vector and webhook case, a validation, a decoding. */
async function fullWorker() {
  const answer = await workerAnswer('lesspay2', 'full.capnp', [
    ['tests/runtimes/full-worker/worker.js', 'full-worker.js'],
    ['tests/runtimes/full-worker/config.capnp', 'full.capnp'],
    ['tests/runtimes/consumer/check.mjs', 'check.mjs'],
    ['tests/vectors/signatures.json', 'signatures.json'],
    ['tests/vectors/webhooks.json', 'webhooks.json'],
  ]);
  assert.deepEqual(answer, [200, '560 signatures (23 refused as in Rust), 162 webhook cases, Standard Webhooks example: ok; '
    + 'validate ["request_id:one_of_required"]; decodeError Invalid Amount Format']);
  console.log(`workerd: lesspay2: ${answer[1]}`);
}

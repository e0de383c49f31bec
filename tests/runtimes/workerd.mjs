// The workers in workerd against the packed package, each served twice: module by module, as the
// hand-written config.capnp files list them, and as Wrangler bundles them for `wrangler deploy` (its
// `--dry-run --outdir` output, which is what Cloudflare receives, served by the same workerd).
// - The edge-webhook example (on `lesspay2/edge`): real HTTP requests, and a local origin stub that checks
//   the forwarded Standard Webhooks signature with the `standardwebhooks` library.
// - A worker importing `lesspay2/client` (tests/runtimes/client-worker/): every validation case and
//   error-table row.
// - A worker importing the whole `lesspay2` (tests/runtimes/full-worker/): every signature vector and
//   webhook case.
// Wrangler is installed from the registry into the temp project (npm's cache makes later runs offline),
// with the Node.js it requires, since this machine's Node 20 is older than Wrangler's minimum (22.12).
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bin, cleanup, freePort, freshProject, npmInstall, packTarball, root, run, start, until } from './lib.mjs';
import { checkStackLimitSummary } from './stack-limit.mjs';
import { NODE_LINES, nodeBinary } from '../../scripts/nodes.mjs';

// Wrangler 4.164.0 runs workerd 1.20261117.1 in `wrangler dev`: the version pinned in tools/. It requires
// Node 22 (scripts/nodes.mjs installs it).
const WRANGLER = '4.164.0';

const require = createRequire(import.meta.url);
const { Webhook } = require(join(root, 'tools/node_modules/standardwebhooks'));
const lib = await import(join(root, 'pkg/node.mjs'));

const APP_SECRET = 'test-app-secret-new';
const OLD_SECRET = 'test-app-secret-old';
const ORIGIN_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

// The origin stub: verifies independently, records what it received; `refuse` makes it answer 503.
let received = [];
let refuse = false;
const origin = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (refuse) return res.writeHead(503).end();
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
cpSync(join(example, 'wrangler.toml'), join(project, 'wrangler.toml'));
for (const [from, to] of [
  ['tests/runtimes/client-worker/worker.js', 'client-worker.js'],
  ['tests/runtimes/client-worker/config.capnp', 'client.capnp'],
  ['tests/runtimes/consumer/client-check.mjs', 'client-check.mjs'],
  ['tests/validation/cases.json', 'validation-cases.json'],
  ['tests/vectors/errors.json', 'errors.json'],
  ['tests/runtimes/full-worker/worker.js', 'full-worker.js'],
  ['tests/runtimes/full-worker/config.capnp', 'full.capnp'],
  ['tests/runtimes/consumer/check.mjs', 'check.mjs'],
  ['tests/runtimes/stack-limit.mjs', 'stack-limit.mjs'],
  ['tests/vectors/signatures.json', 'signatures.json'],
  ['tests/vectors/webhooks.json', 'webhooks.json'],
  ['tests/vectors-expected/refusals.json', 'refusals.json'],
  ['tests/vectors-expected/webhook-verdicts.json', 'webhook-verdicts.json'],
]) cpSync(join(root, from), join(project, to));

const exampleEnv = { LESSPAY2_APP_SECRET: `${APP_SECRET},${OLD_SECRET}`, ORIGIN_URL: originUrl, ORIGIN_WEBHOOK_SECRET: ORIGIN_SECRET, LESSPAY2_TOLERANCE_MS: '300000' };
const workers = {
  example: { config: 'config.capnp', env: exampleEnv, check: checkExample },
  client: { config: 'client.capnp', main: 'client-worker.js', check: checkClient },
  full: { config: 'full.capnp', main: 'full-worker.js', check: checkFull, nodejsCompat: true },
};

try {
  for (const [name, w] of Object.entries(workers)) await serve(`${name}, module by module`, w.config, w.env, (url) => w.check(url, false));

  npmInstall(project, [`wrangler@${WRANGLER}`]);
  for (const [name, w] of Object.entries(workers)) {
    const config = wranglerBundle(name, w);
    await serve(`${name}, bundled by Wrangler${w.nodejsCompat ? ', nodejs_compat' : ''}`, config, w.env, (url) => w.check(url, w.nodejsCompat));
  }
} finally {
  origin.close();
  cleanup(project, join(tarball, '..'));
}

/** Serves `config` from the project on its own workerd, runs `check(url)` and stops it. */
async function serve(label, config, env, check) {
  const port = await freePort();
  const server = start(bin('workerd'), ['serve', config, '--socket-addr', `http=127.0.0.1:${port}`], { cwd: project, env });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await until(() => fetch(url, { signal: AbortSignal.timeout(5000) }).then(() => true), { tries: 150, everyMs: 100, what: `workerd (${label}) on ${url}\n${server.log()}` });
    console.log(`workerd (${label}): ${await check(url)}`);
  } catch (e) {
    e.message = `workerd (${label}): ${e.message}\n${server.log()}`;
    throw e;
  } finally {
    server.stop();
  }
}

/**
 * `wrangler deploy --dry-run` for one worker: the example with its own wrangler.toml, the test workers
 * with a minimal one. Returns a copy of the worker's config.capnp whose modules are the bundle's: the
 * bundled script and the one `.wasm` Wrangler left beside it, under the name the bundle imports it by.
 */
function wranglerBundle(name, { config, main, nodejsCompat }) {
  const args = ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', `dist-${name}`];
  if (main) {
    const flags = nodejsCompat ? 'compatibility_flags = ["nodejs_compat"]\n' : '';
    writeFileSync(join(project, `wrangler-${name}.toml`), `name = "lesspay2-${name}"\nmain = "${main}"\ncompatibility_date = "2025-09-01"\n${flags}`);
    args.push('--config', `wrangler-${name}.toml`);
  }
  run(nodeBinary(NODE_LINES[22]), args, { cwd: project, env: { WRANGLER_SEND_METRICS: 'false', CI: 'true' }, timeoutMs: 120_000 });
  const files = readdirSync(join(project, `dist-${name}`));
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  const js = files.filter((f) => f.endsWith('.js'));
  assert.ok(wasm.length === 1 && js.length === 1, `${name}: one script and one .wasm in Wrangler's output: ${files}`);
  const bundle = readFileSync(join(project, `dist-${name}`, js[0]), 'utf8');
  assert.ok(bundle.includes(`from "./${wasm[0]}"`), `${name}: the bundle imports ${wasm[0]}`);
  const modules = [
    `(name = "${js[0]}", esModule = embed "dist-${name}/${js[0]}")`,
    `(name = "${wasm[0]}", wasm = embed "dist-${name}/${wasm[0]}")`,
  ];
  const text = readFileSync(join(project, config), 'utf8');
  let bundled = text.replace(/modules = \[[\s\S]*?\n  \],/, `modules = [\n    ${modules.join(',\n    ')},\n  ],`);
  assert.notEqual(bundled, text, `${config}: no modules list to replace`);
  if (nodejsCompat) {
    const flagged = bundled.replace('compatibilityDate = "2025-09-01",', '$&\n  compatibilityFlags = ["nodejs_compat"],');
    assert.notEqual(flagged, bundled, `${config}: no compatibilityDate to add the flag after`);
    bundled = flagged;
  }
  writeFileSync(join(project, `bundled-${config}`), bundled);
  return `bundled-${config}`;
}

/** The example: valid, rotated, refused and stale webhooks, a GET, and an origin that refuses. */
async function checkExample(url) {
  received = [];
  refuse = false;
  const send = async (init) => {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
  };
  const webhook = (body, secret, { timestamp = Date.now(), signature } = {}) => (
    { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-auth-timestamp': String(timestamp), 'x-auth-signature': signature ?? lib.sign(body, secret) } });
  /** The exact answer the handler must give for a rejected webhook. */
  const expectedRejection = (body, headers) => {
    const v = lib.verifyWebhook({ body, headers, secret: [APP_SECRET, OLD_SECRET], toleranceMs: 300000 });
    assert.equal(v.valid, false);
    return `${v.reason}: ${v.message}`;
  };
  const body = JSON.stringify({ pay_order_id: 'P2045118164054515713', request_id: 'R1', order_status: 'SUCCEED', target_amount: '100.00', api_version: 'v2' });

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
  refuse = true;
  r = await send(webhook(body, APP_SECRET));
  assert.deepEqual([r.status, r.text], [502, 'origin_rejected: the merchant origin answered 503; retry later']);
  return `edge-webhook example: ${cases.length + 4} requests answered as expected, 2 forwards verified by standardwebhooks`;
}

/** The `lesspay2/client` worker: every validation case and error-table row. */
async function checkClient(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  // Counted from the files the worker checks: its cases, their expected issues, the error rows.
  const { cases } = JSON.parse(readFileSync(join(project, 'validation-cases.json'), 'utf8'));
  const issues = cases.reduce((n, c) => n + c.expect.length, 0);
  const rows = JSON.parse(readFileSync(join(project, 'errors.json'), 'utf8')).cases.length;
  assert.deepEqual([cases.length, issues, rows], [223, 226, 105]);
  assert.equal(res.status, 200, text);
  assert.equal(text, `${cases.length} validation cases (${issues} issues), ${rows} error rows, no signing export: ok`);
  return `lesspay2/client: ${text}`;
}

/**
 * A worker importing the whole `lesspay2`: every signature vector and webhook case, a validation, a
 * decoding, and where SHA-256 ran: in wasm, or with `nodejs_compat` through node:crypto for as many
 * signed strings as the same checks hand it in Node.
 */
async function checkFull(url, nodejsCompat) {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const answer = [res.status, await res.text()];
  const sha = nodejsCompat ? `node:crypto for ${await hostHashesInNode()} signed strings` : 'in wasm';
  assert.deepEqual(answer, [200, '560 signatures (35 refused as in Rust, by message), 162 webhook cases (70 refused by message), Standard Webhooks example: ok; '
    + `validate ["request_id:one_of_required"]; decodeError Invalid Amount Format; SHA-256 ${sha}`]);
  // Calls at the stack limit (tests/runtimes/stack-limit.mjs); how many met it varies with the JIT.
  const stack = await (await fetch(new URL('/stack', url), { signal: AbortSignal.timeout(60_000) })).json();
  const met = ['sign', 'decodeError', 'validate'].map((name) => checkStackLimitSummary(name, stack[name]));
  return `lesspay2: ${answer[1]}; sign, decodeError and validate at the stack limit ${met.join(', ')} times, then answered`;
}

/**
 * How many signed strings the full worker's checks hand to node:crypto, counted in Node on an instance of
 * the installed package that nothing here has used (`lib` is the repository's pkg/): its second run, since
 * the worker answers its second request (the first, the readiness probe, also ran the host's self-test).
 */
async function hostHashesInNode() {
  const getBuiltinModule = process.getBuiltinModule;
  const crypto = await import('node:crypto');
  let calls = 0;
  process.getBuiltinModule = (id) => (id === 'node:crypto' ? { hash: (...args) => { calls++; return crypto.hash(...args); } } : getBuiltinModule?.(id));
  try {
    const { check } = await import(join(project, 'check.mjs'));
    const installed = await import(join(project, 'node_modules/lesspay2/node.mjs'));
    const json = (file) => JSON.parse(readFileSync(join(project, file), 'utf8'));
    const expected = { refusals: json('refusals.json'), verdicts: json('webhook-verdicts.json') };
    check(installed, json('signatures.json'), json('webhooks.json'), expected);
    calls = 0;
    check(installed, json('signatures.json'), json('webhooks.json'), expected);
    return calls;
  } finally {
    process.getBuiltinModule = getBuiltinModule;
  }
}

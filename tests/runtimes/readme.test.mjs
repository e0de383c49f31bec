// The README's `node:http` webhook server, run as written (only its import pointed at the built package
// and its port chosen by the system), answering real HTTP requests; and refusing to start without its
// secret, as the README says it does.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

const lib = await import(join(root, 'pkg/node.mjs'));
const SECRET = 'readme-secret';

/** The first ```js block after the README's "Node `node:http`" line, with exactly one of each edit made. */
function serverSource() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const at = readme.indexOf('Node `node:http`');
  assert.ok(at > 0, 'README: the node:http example is gone');
  const start = readme.indexOf('```js\n', at) + 6;
  const block = readme.slice(start, readme.indexOf('\n```', start));
  const edits = [
    ["from 'lesspay2';", `from '${pathToFileURL(join(root, 'pkg/node.mjs'))}';`],
    ['createServer((req, res) => {', 'const server = createServer((req, res) => {'],
    ['}).listen(8080);', "}).listen(0, '127.0.0.1', () => console.log(server.address().port));"],
  ];
  let source = block;
  for (const [from, to] of edits) {
    assert.equal(source.split(from).length, 2, `README's node:http example: expected exactly one ${from}`);
    source = source.replace(from, to);
  }
  return source;
}

const dir = mkdtempSync(join(tmpdir(), 'lesspay2-readme-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'server.mjs');
writeFileSync(file, serverSource());

/** Starts the example with `env`; resolves with the child and its port once it listens. */
function start(env) {
  const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, port: Number(out.trim()) });
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => reject(Object.assign(new Error(`exited ${code}`), { code, stderr: err })));
  });
}

/** POSTs `body` with `headers`; resolves with `[status, text]`, or `['reset']` if the server hung up. */
function post(port, body, headers) {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d) => { text += d; }).on('end', () => resolve([res.statusCode, text]));
    });
    req.on('error', () => resolve(['reset']));
    req.end(body);
  });
}

test("the README's node:http server answers the gateway's webhooks", async () => {
  const { child, port } = await start({ LESSPAY2_APP_SECRET: SECRET });
  try {
    const body = JSON.stringify({ pay_order_id: 'P7', order_status: 'SUCCEED', target_amount: '10.00' });
    const signature = lib.sign(body, SECRET);
    assert.deepEqual(await post(port, body, { 'x-auth-signature': signature }), [200, 'SUCCESS']);
    assert.deepEqual(await post(port, body.replace('10.00', '11.00'), { 'x-auth-signature': signature }), [401, 'signature_mismatch']);
    assert.deepEqual(await post(port, body, {}), [401, 'missing_signature']);
    assert.deepEqual(await post(port, body, { 'x-auth-signature': lib.sign(body, 'other') }), [401, 'signature_mismatch']);
    // Past 1 MiB the example stops reading and drops the connection.
    const big = JSON.stringify({ pay_order_id: 'P7', note: 'x'.repeat(2 << 20) });
    assert.deepEqual(await post(port, big, { 'x-auth-signature': lib.sign(big, SECRET) }), ['reset']);
    // And still serves the next webhook.
    assert.deepEqual(await post(port, body, { 'x-auth-signature': signature }), [200, 'SUCCESS']);
  } finally {
    child.kill();
  }
});

test("the README's node:http server refuses to start without its secret", async () => {
  for (const env of [{}, { LESSPAY2_APP_SECRET: '' }, { LESSPAY2_APP_SECRET: '  ' }]) {
    await assert.rejects(start(env), (e) => {
      assert.equal(e.code, 1);
      assert.match(e.stderr, /Error: LESSPAY2_APP_SECRET is not set/);
      return true;
    });
  }
});

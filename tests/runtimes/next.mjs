// A Next.js app (App Router, the versions pinned below) consuming the packed package: a server
// component validates with `lesspay2/client` while rendering, a client component validates a field in
// headless Chromium after `init()`, and a Node.js route handler verifies a webhook with `lesspay2` and
// signs with `lesspay2/edge`. Built and served four times: `next start` on a Turbopack build and on a
// webpack one with the default configuration, then the standalone server (`output: 'standalone'`,
// `serverExternalPackages: ['lesspay2']`, as the README recommends for deployments) copied out of the
// project and run alone. Every answer is compared with the same package in plain Node. Last, a standalone
// server built without `serverExternalPackages`, where the README says route handlers work and server
// components fail with an error naming that setting. Next.js is installed from the registry into the
// temp project (npm's cache makes later runs offline).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanup, freePort, launchChromium, npmInstall, packTarball, root, run, start, until } from './lib.mjs';

const VERSIONS = { next: '16.4.6', react: '19.3.1', 'react-dom': '19.3.1' };
const SECRET = 'sk_live_9fQ2xLw7TzR4mB8vN1cK';

const tarball = packTarball();
const project = mkdtempSync(join(tmpdir(), 'lesspay2-next-'));
const standalone = mkdtempSync(join(tmpdir(), 'lesspay2-next-standalone-'));
const pkg = { name: 'lesspay2-next-consumer', private: true, type: 'module', dependencies: { ...VERSIONS, lesspay2: `file:${tarball}` } };
writeFileSync(join(project, 'package.json'), JSON.stringify(pkg, null, 2));
cpSync(join(root, 'tests/runtimes/next-app'), project, { recursive: true });
npmInstall(project);

// What the package answers in plain Node, for the same inputs.
const plain = await import(pathToFileURL(join(project, 'node_modules/lesspay2/node.mjs')));
const plainClient = await import(pathToFileURL(join(project, 'node_modules/lesspay2/client/node.mjs')));
const { batch, amount } = await import(pathToFileURL(join(project, 'app/params.js')));
const expectedPage = plainClient.validate('createPayoutBatch', batch);
assert.deepEqual(expectedPage.issues.map((i) => [i.path.join('.'), i.code]), [
  ['payout_order_details.1.mch_order_id', 'duplicate'],
  ['total_amount', 'sum_mismatch'],
]);
const expectedHint = plainClient.validateField(amount.kind, amount.path, amount.value, amount.form, amount.options);
assert.equal(expectedHint.issues[0].message, 'target_amount 在 USD 下最多 2 位小数');

const bodies = join(root, 'bench/bodies');
const body = readFileSync(join(bodies, 'payout-webhook-2.json'), 'utf8');
const { signature } = JSON.parse(readFileSync(join(bodies, 'index.json'), 'utf8')).find((b) => b.name === 'payout-webhook-2');
const tampered = body.replace('"9876.65"', '"9876.66"');
assert.notEqual(tampered, body);
const verdictOf = (text) => JSON.parse(JSON.stringify(plain.verifyWebhook({ body: text, headers: { 'x-auth-signature': signature }, secret: SECRET })));

const unescapeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The route handler on a valid and a tampered webhook. */
async function checkRoute(base, label) {
  for (const [text, status] of [[body, 200], [tampered, 401]]) {
    const res = await fetch(`${base}/api/webhook`, { method: 'POST', body: text, headers: { 'x-auth-signature': signature, 'content-type': 'application/json' } });
    const answer = await res.json();
    assert.equal(res.status, status, `${label}: route handler ${JSON.stringify(answer)}`);
    assert.deepEqual(answer, { verdict: verdictOf(text), signature: plain.sign(text, SECRET) }, `${label}: route handler`);
    assert.equal(answer.verdict.valid, status === 200);
    if (status === 401) assert.equal(answer.verdict.reason, 'signature_mismatch');
    else assert.equal(answer.signature, signature);
  }
}

/** The page rendered on the server, the route handler on a valid and a tampered webhook, the page in Chromium. */
async function check(base, label) {
  const html = await (await fetch(`${base}/`)).text();
  const ssr = html.match(/<pre id="ssr">(.*?)<\/pre>/s);
  assert.ok(ssr, `${label}: the page did not render:\n${html.slice(0, 2000)}`);
  assert.deepEqual(JSON.parse(unescapeHtml(ssr[1])), JSON.parse(JSON.stringify(expectedPage)), `${label}: server component`);

  await checkRoute(base, label);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`, { timeout: 30_000 });
    await page.waitForFunction(() => document.getElementById('hint')?.textContent !== 'loading', null, { timeout: 30_000 });
    const hint = await page.textContent('#hint');
    assert.deepEqual(errors, [], `${label}: page errors`);
    assert.equal(hint, JSON.stringify(expectedHint), `${label}: client component`);
  } finally {
    await browser.close();
  }
}

/**
 * The standalone server built without `serverExternalPackages`: the route handler still works, and the
 * server component fails with the package's error naming that setting (README "Next.js").
 */
async function checkBare(base, label) {
  await checkRoute(base, label);
  const res = await fetch(`${base}/`);
  assert.equal(res.status, 500, `${label}: the page rendered without its .wasm`);
  const log = server.log();
  assert.match(log, /Error: lesspay2: cannot read its \.wasm \(ENOENT: [^\n]*\): a bundler has moved this entry away from lesspay2\/client\/lesspay2_bg\.wasm\. /, `${label}: ${log}`);
  assert.ok(log.includes("Next.js: serverExternalPackages: ['lesspay2']"), `${label}: ${log}`);
}

const env = { NEXT_TELEMETRY_DISABLED: '1', LESSPAY2_APP_SECRET: SECRET };
const next = join(project, 'node_modules/.bin/next');
let server;
// Each build, then its server: `next start` on a Turbopack build (Next.js 16's default) and on a webpack
// one, then the standalone server, copied out of the project (with the static files it leaves to a CDN).
const builds = [
  { label: 'next start (Turbopack)', args: ['build'], env: {} },
  { label: 'next start (webpack)', args: ['build', '--webpack'], env: {} },
  { label: 'standalone server (Turbopack)', args: ['build'], env: { NEXT_STANDALONE: '1' } },
  { label: 'standalone server without serverExternalPackages (Turbopack)', args: ['build'], env: { NEXT_STANDALONE: 'bare' }, bare: true },
];
try {
  for (const build of builds) {
    cleanup(join(project, '.next'));
    run(next, build.args, { cwd: project, env: { ...env, ...build.env }, timeoutMs: 600_000 });
    const port = await freePort();
    if (build.env.NEXT_STANDALONE) {
      cleanup(standalone);
      cpSync(join(project, '.next/standalone'), standalone, { recursive: true });
      cpSync(join(project, '.next/static'), join(standalone, '.next/static'), { recursive: true });
      if (!build.bare) assert.ok(existsSync(join(standalone, 'node_modules/lesspay2/client/lesspay2_bg.wasm')), 'the client module .wasm was not traced');
      server = start('node', ['server.js'], { cwd: standalone, env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' } });
    } else {
      server = start(next, ['start', '-H', '127.0.0.1', '-p', String(port)], { cwd: project, env });
    }
    const base = `http://127.0.0.1:${port}`;
    await until(() => fetch(`${base}/api/webhook`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 405), { tries: 150, what: `${build.label}\n${server.log()}` });
    await (build.bare ? checkBare : check)(base, build.label);
    server.stop();
  }
  console.log(`next.js ${VERSIONS.next}: a server component, a route handler and a client component answered as plain Node does, in ${builds.filter((b) => !b.bare).map((b) => b.label).join(', ')}; `
    + 'standalone without serverExternalPackages: the route handler answered, the page failed with the error naming that setting');
} finally {
  server?.stop();
  cleanup(project, standalone, join(tarball, '..'));
}

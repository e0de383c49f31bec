// A small Vite app importing the packed package, built for production, served by `vite preview` on
// 127.0.0.1, opened in headless Chromium (Debian's, through playwright-core): it must verify a webhook
// with `lesspay2`, validate and decode with `lesspay2/client`, and sign and verify with `lesspay2/edge`.
import assert from 'node:assert/strict';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cleanup, freePort, freshProject, launchChromium, packTarball, root, run, start, until } from './lib.mjs';
import { checkStackLimitSummary } from './stack-limit.mjs';

const tarball = packTarball();
const project = freshProject(tarball);
cpSync(join(root, 'tests/runtimes/vite-app'), project, { recursive: true });
cpSync(join(root, 'tests/runtimes/stack-limit.mjs'), join(project, 'stack-limit.mjs'));
run(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: project });
const assets = readdirSync(join(project, 'dist/assets'));
assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 3, `vite must emit the three modules' .wasm: ${assets}`);

const port = await freePort();
const server = start(bin('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: project });
let browser;
try {
  const url = `http://127.0.0.1:${port}/`;
  await until(() => fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok), { tries: 100, what: `vite preview\n${server.log()}` });
  browser = await launchChromium();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { timeout: 30_000 });
  await page.waitForFunction(() => document.getElementById('result')?.textContent !== 'loading', null, { timeout: 30_000 });
  const text = await page.textContent('#result');
  assert.deepEqual(errors, []);
  const result = JSON.parse(text.startsWith('error') ? 'null' : text) ?? text;
  // Each module outlived many calls at the stack limit (how many varies with the JIT).
  // (A page that failed shows its error in the comparison below.)
  if (result?.stackLimit) {
    for (const module of ['lesspay2', 'client', 'edge']) checkStackLimitSummary(module, result.stackLimit[module]);
    result.stackLimit = Object.keys(result.stackLimit);
  }
  // node:crypto's SHA-256 of the canonical string written by hand:
  // 'order_status=SUCCEED&pay_order_id=P1&target_amount=100.00&key=browser-secret'.
  const signature = 'F58E6E6E56CA2528A5102FAC03F62FC36FB11EBF278831CE6CC6A22C9E606D6D';
  assert.deepEqual(result, {
    signature,
    valid: true,
    idempotencyKey: 'lesspay2:P1:SUCCEED',
    tampered: { valid: false, reason: 'signature_mismatch', message: 'no configured appSecret gives the received signature' },
    // The libraries' published signature of their example.
    standardWebhook: {
      signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      verdict: { valid: true, id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, secretIndex: 0 },
    },
    handler: [200, 'SUCCESS'],
    early: 'lesspay2: sign() was called before the module loaded; `await init()` once first',
    client: {
      early: 'lesspay2: validate() was called before the module loaded; `await init()` once first',
      issues: [['request_id', 'one_of_required', 'request_id, pay_order_id 中至少需要提供一个']],
      field: ['amount_precision'],
      decoded: 'Invalid Amount Format',
    },
    edge: {
      early: 'lesspay2: verifyWebhook() was called before the module loaded; `await init()` once first',
      signature,
      valid: true,
    },
    stackLimit: ['lesspay2', 'client', 'edge'],
  });
  console.log(`vite + chromium: production build (${assets.length} assets) verified a webhook, validated and decoded with lesspay2/client, and signed and verified with lesspay2/edge, in the page, and each module outlived calls made at the stack limit`);
} finally {
  await browser?.close();
  server.stop();
  cleanup(project, join(tarball, '..'));
}

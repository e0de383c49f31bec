// End-to-end: the merchant console in real headless Chromium, used as a person would (clicking, typing,
// reading what is shown). Expected values come from the vectors, not from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startServer, startBrowser, openPage, root, shots } from './harness.mjs';
import * as lib from '../../pkg/node.mjs';

const vectors = JSON.parse(readFileSync(join(root, 'tests/vectors/signatures.json'), 'utf8')).vectors;
const vector = (id) => vectors.find((v) => v.id === id);
const webhookCase = (id) => JSON.parse(readFileSync(join(root, 'tests/vectors/webhooks.json'), 'utf8')).cases.find((c) => c.id === id);
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server;
let chrome;
before(async () => { server = await startServer(); chrome = await startBrowser(); });
after(async () => { await chrome?.close(); server?.stop(); });

async function open(tab, viewport = DESKTOP) {
  const opened = await openPage(chrome.browser, `${server.url}#${tab}`, viewport);
  opened.text = (selector) => opened.page.locator(selector).innerText();
  opened.example = (tool, id) => opened.page.click(`#${tool}-examples [data-example="${id}"]`);
  return opened;
}
async function done({ page, problems }) {
  // Nothing typed is stored anywhere.
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, '']);
  assert.deepEqual(problems, [], 'no console errors, page errors, failed or outside requests');
  await page.close();
}
async function shoot(page, name) {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(shots, `${name}-${label}.png`), fullPage: true });
  }
  if (process.env.UPDATE_DOCS_SCREENSHOT && name === 'builder') {
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: join(root, 'docs/console.png'), fullPage: true });
  }
}

test('tabs: keyboard navigation and deep links', async () => {
  const ctx = await open('verifier');
  const { page } = ctx;
  assert.equal(await page.getAttribute('#tab-verifier', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#verifier'), true);
  await page.focus('#tab-verifier');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-decoder', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-decoder');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-builder', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#builder'), true);
  assert.equal(await page.isVisible('#decoder'), false);
  assert.equal(new URL(page.url()).hash, '#builder');
  // Every form control has a label.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input:not([type=radio]), select, textarea')]
    .filter((el) => !el.labels?.length && !el.getAttribute('aria-label')).map((el) => el.id));
  assert.deepEqual(unlabelled, []);
  await done(ctx);
});

test('order builder: a cashier pay-in, signed with the typed appId and secret', async () => {
  const ctx = await open('builder');
  const { page } = ctx;
  await ctx.example('builder', 'payin-cashier');
  assert.equal(await ctx.text('#signed'), 'Enter an appId and appSecret to see the signed request.');
  await page.locator('#app-id').pressSequentially('690b2b46e4b09c73147db688');
  await page.locator('#app-secret').pressSequentially('YOUR_APP_SECRET');
  const body = '{"request_id":"R20250113001","product_name":"deposit","description":"Deposit #1585581674",'
    + '"target_amount":"100.00","target_currency":"USD","transaction_type":"PAY_IN","api_version":"V2","pay_access_type":1,'
    + '"success_url":"https://merchant.domain.com/pay/success","fail_url":"https://merchant.domain.com/pay/fail",'
    + '"notify_url":"https://merchant.domain.com/notify","expired_time":1800}';
  await page.waitForSelector('#signed-body');
  assert.equal(await ctx.text('#signed-body'), body);
  const headers = Object.fromEntries((await ctx.text('#signed-headers')).split('\n').map((l) => l.split(': ')));
  assert.equal(headers['x-auth-appid'], '690b2b46e4b09c73147db688');
  // SHA-256 of the sorted key=value pairs + "&key=YOUR_APP_SECRET", computed independently (Python hashlib).
  assert.equal(headers['x-auth-signature'], 'D7DBF891702AA1EA8FD9BA4FC4967702639E2D79E5CD690D7158DAEC71DD97D7');
  assert.match(headers['X-Auth-Timestamp'], /^\d{13}$/);
  assert.equal(await ctx.text('#endpoint'), 'POST https://lesspay2-pay-uat.doopayment.com/api/global/v1/pay/create-order');
  // The secret is never shown.
  assert.equal((await page.innerText('body')).includes('YOUR_APP_SECRET'), false);

  // Typing changes the body that is signed.
  await page.fill('#f-target_amount', '');
  await page.locator('#f-target_amount').pressSequentially('250.50');
  await page.waitForFunction(() => document.querySelector('#signed-body')?.innerText.includes('"target_amount":"250.50"'));
  assert.equal(await ctx.text('#error-count'), '0 errors');
  await page.fill('#f-target_currency', '');
  await page.locator('#f-target_currency').pressSequentially('usd');
  await page.waitForSelector('#f-target_currency-msgs [data-code="currency_format"][data-severity="error"]');
  assert.equal(await ctx.text('#error-count'), '1 error');
  assert.equal(await page.getAttribute('#f-target_currency', 'aria-invalid'), 'true');
  // Switching to Chinese localises the library's message.
  const english = await ctx.text('#f-target_currency-msgs .message');
  await page.selectOption('#locale', 'zh-CN');
  assert.equal(await ctx.text('#tab-builder'), '订单构建器');
  await page.waitForFunction((en) => document.querySelector('#f-target_currency-msgs .message')?.innerText !== en, english);
  const zhIssue = lib.validate('createPayin', JSON.parse(await ctx.text('#signed-body')), { locale: 'zh-CN' }).issues
    .find((i) => i.code === 'currency_format');
  assert.equal(await ctx.text('#f-target_currency-msgs .message'), zhIssue.message);

  await page.selectOption('#locale', 'en');
  await shoot(page, 'builder');
  await done(ctx);
});

test('order builder: card and token forms show their channel_extra fields', async () => {
  const ctx = await open('builder');
  const { page } = ctx;
  await page.click('text=Card');
  assert.equal(await page.inputValue('#f-way_type'), 'CARD_PAYMENT');
  assert.equal(await page.inputValue('#f-channel_extra-extra_type'), 'card');
  assert.equal(await page.isVisible('#f-channel_extra-card_data-number'), true);
  assert.equal(await page.getAttribute('#f-channel_extra-card_data-number', 'type'), 'password');
  assert.equal(await page.isVisible('#f-channel_extra-three_ds-enabled'), true);
  await page.click('text=Saved card token');
  assert.equal(await page.inputValue('#f-channel_extra-extra_type'), 'token');
  assert.equal(await page.isVisible('#f-channel_extra-card_data-number'), false);
  assert.equal(await page.isVisible('#f-channel_extra-token_data-token'), true);
  await ctx.example('builder', 'payin-card');
  await page.fill('#app-id', 'APP');
  await page.fill('#app-secret', 'S3cret');
  await page.waitForSelector('#signed-body');
  const sent = JSON.parse(await ctx.text('#signed-body'));
  assert.deepEqual(sent.channel_extra, {
    extra_type: 'card',
    card_data: { number: '4242424242424242', expiry_month: 12, expiry_year: 2030, cvv: '123', store_for_future_use: false },
    three_ds: { enabled: true },
  });
  await ctx.example('builder', 'payin-token');
  await page.waitForSelector('#summary [data-code="unsupported_combination"]');
  await page.waitForFunction(() => !document.querySelector('#signed-body')?.innerText.includes('card_data'));
  assert.deepEqual(await shownSummary(page), summaryOf(lib.validate('createPayin', JSON.parse(await ctx.text('#signed-body'))).issues));

  await done(ctx);
});

test('order builder: payout batch rows are added and removed', async () => {
  const ctx = await open('builder');
  const { page } = ctx;
  await ctx.example('builder', 'batch-ok');
  assert.equal(await page.locator('#details .detail').count(), 2);
  await page.click('#add-detail');
  assert.equal(await page.locator('#details .detail').count(), 3);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-payout_order_details-2-mch_order_id');
  await page.keyboard.type('MCH_003');
  await page.fill('#app-id', 'APP');
  await page.fill('#app-secret', 'S3cret');
  await page.waitForFunction(() => document.querySelector('#signed-body')?.innerText.includes('MCH_003'));
  let sent = JSON.parse(await ctx.text('#signed-body'));
  assert.equal(sent.payout_order_details.length, 3);
  assert.deepEqual(sent.payout_order_details[2], { mch_order_id: 'MCH_003', destination_type: 'bank', bank_account_type: 'individual' });
  await page.click('[aria-label="Remove payout_order_details[0]"]');
  assert.equal(await page.locator('#details .detail').count(), 2);
  await page.waitForFunction(() => !document.querySelector('#signed-body')?.innerText.includes('MCH_001'));
  sent = JSON.parse(await ctx.text('#signed-body'));
  assert.deepEqual(sent.payout_order_details.map((d) => d.mch_order_id), ['MCH_002', 'MCH_003']);
  const headers = Object.fromEntries((await ctx.text('#signed-headers')).split('\n').map((l) => l.split(': ')));
  assert.equal(headers['x-auth-signature'], lib.sign(await ctx.text('#signed-body'), 'S3cret'));
  await ctx.example('builder', 'batch-bad');
  await page.waitForSelector('#summary [data-code="duplicate"]');
  assert.deepEqual(await shownSummary(page), summaryOf(lib.validate('createPayoutBatch', JSON.parse(await ctx.text('#signed-body'))).issues));

  await shoot(page, 'builder-payout');
  await done(ctx);
});

test('signature workbench: the docs example, then a typed mismatch with hints', async () => {
  const ctx = await open('workbench');
  const { page } = ctx;
  const v = vector('pub-0001');
  await ctx.example('workbench', 'pub-0001');
  assert.equal(await ctx.text('#wb-verdict'), '✓ Match');
  assert.equal(await ctx.text('#wb-expected'), v.signature);
  assert.equal(await ctx.text('#wb-canonical'), v.canonical);
  assert.equal(await ctx.text('#wb-signed-string'), `${v.canonical}&key=<appSecret>`);
  assert.equal((await page.innerText('body')).includes(v.secret), false);
  // The merchant pastes their own (wrong) signature: lower case is fine, a prefix is not.
  await page.fill('#wb-received', '');
  await page.locator('#wb-received').pressSequentially(`sha256=${v.signature.toLowerCase()}`);
  await page.waitForFunction(() => document.querySelector('#wb-verdict')?.innerText === '✕ Mismatch');
  const hints = await page.locator('#wb-hints li').evaluateAll((lis) => lis.map((li) => li.dataset.code));
  // pub-0001's integer amount (`100`) keeps its text through any serialiser: no number_values hint.
  assert.deepEqual(hints, ['signature_format', 'exact_body']);
  // A trailing space in the secret.
  await ctx.example('workbench', 'pub-0001-lower');
  assert.equal(await ctx.text('#wb-verdict'), '✕ Mismatch');
  assert.deepEqual(await page.locator('#wb-hints li').evaluateAll((l) => l.map((li) => li.dataset.code)), ['secret_whitespace', 'exact_body']);
  await shoot(page, 'workbench');
  await done(ctx);
});

test('signature workbench: a request or a webhook by its rule, and array key order', async () => {
  const ctx = await open('workbench');
  const { page } = ctx;
  await ctx.example('workbench', 'wh-pub-0001');
  assert.equal(await page.isChecked('[name=wb-mode][value=payin]'), true);
  assert.equal(await ctx.text('#wb-verdict'), '✓ Match');
  assert.deepEqual(await page.locator('#wb-unsigned li').allInnerTexts(), ['api_version', 'order_status_int', 'channel_biz_data']);
  const body = await page.inputValue('#wb-body');
  assert.equal(await ctx.text('#wb-canonical'), lib.explainSignature(body, 'YOUR_APP_SECRET', null, 'payin').canonical);
  assert.equal((await ctx.text('#wb-canonical')).includes('api_version'), false);
  // By its content, the same; as a payout webhook, a mismatch that names the pay-in rule.
  await page.click('label:has(> input[name=wb-mode][value=auto])');
  assert.equal(await ctx.text('#wb-verdict'), '✓ Match');
  assert.equal(await ctx.text('#wb-rule'), 'payin');
  await page.click('label:has(> input[name=wb-mode][value=payout])');
  assert.equal(await ctx.text('#wb-verdict'), '✕ Mismatch');
  assert.deepEqual(await page.locator('#wb-hints li').evaluateAll((l) => l.map((li) => li.dataset.code)), ['webhook_kind', 'raw_body']);
  // As a request: the request's hints, and no unsigned fields (a request has none).
  await page.click('label:has(> input[name=wb-mode][value=request])');
  assert.equal(await ctx.text('#wb-verdict'), '✕ Mismatch');
  assert.equal(await page.locator('#wb-unsigned').count(), 0);
  assert.deepEqual(await page.locator('#wb-hints li').evaluateAll((l) => l.map((li) => li.dataset.code)), ['payin_v1_webhook', 'exact_body']);
  // Text that is not strict JSON is the library's refusal, in any mode (the page reads no JSON itself).
  await page.click('label:has(> input[name=wb-mode][value=payin])');
  const garbage = '{"a":"1","event":"x"} garbage';
  await page.fill('#wb-body', garbage);
  await page.waitForFunction(() => document.querySelector('#wb-out [role=alert]'));
  assert.throws(() => lib.explainSignature(garbage, 'YOUR_APP_SECRET', null, 'payin'), (e) => {
    assert.equal(e.message, 'the body is not a strict JSON object: unexpected text after the JSON object at byte 22');
    return true;
  });
  assert.equal(await ctx.text('#wb-out [role=alert]'), 'Error: the body is not a strict JSON object: unexpected text after the JSON object at byte 22');

  const v = vector('pub-0034');
  await ctx.example('workbench', 'pub-0034');
  assert.equal(await ctx.text('#wb-verdict'), '✓ Match');
  assert.equal(await ctx.text('#wb-expected'), v.signature);
  assert.deepEqual(await page.locator('#wb-array-order .path').allInnerTexts(), ['details[0]', 'details[1]']);
  const gateway = JSON.parse(v.canonical.match(/details=(\[.*\])&order_status/)[1]);
  const shown = await page.locator('#wb-array-order .order').first().locator('.order-row').nth(1).locator('li').allInnerTexts();
  assert.deepEqual(shown, Object.keys(gateway[0]));
  assert.equal(shown[0], 'amount');
  // Each row marks the keys not where the other row has them: counted from the vector itself, the body's
  // order (null values dropped, as the gateway drops them) against the vendor's canonical string.
  const bodyOrder = JSON.parse(v.body).details.map((d) => Object.keys(d).filter((k) => d[k] !== null));
  const moved = bodyOrder.reduce((n, keys, i) => {
    const other = Object.keys(gateway[i]);
    return n + keys.filter((k, j) => k !== other[j]).length + other.filter((k, j) => k !== keys[j]).length;
  }, 0);
  assert.equal(moved, 48);
  assert.equal(await page.locator('#wb-array-order li.moved').count(), moved);
  await shoot(page, 'workbench-array-order');
  await done(ctx);
});

test('webhook verifier: wh-pub-0001 with YOUR_APP_SECRET, then tampering and freshness', async () => {
  const ctx = await open('verifier');
  const { page } = ctx;
  await ctx.example('verifier', 'wh-pub-0001');
  assert.equal(await ctx.text('#vf-verdict'), '✓ Valid');
  assert.equal(await ctx.text('#vf-kind-out'), 'payin');
  assert.equal(await ctx.text('#vf-secret-index'), '#1 / 1');
  assert.equal(await ctx.text('#vf-key'), 'lesspay2:P2045118164054515713:SUCCEED');
  assert.deepEqual(await page.locator('#vf-unsigned li').allInnerTexts(), ['api_version', 'order_status_int', 'channel_biz_data']);
  assert.equal((await ctx.text('#vf-status')).split('\n')[0], 'SUCCEED (2, final)');
  assert.equal(await ctx.text('#vf-unsigned-warning'), 'These fields are not covered by the signature: anyone could have changed them. '
    + 'Rely on the signed order_status, and do not trust an event on a v1 webhook.');
  assert.deepEqual(JSON.parse(await ctx.text('#vf-payload')), JSON.parse(webhookCase('wh-pub-0001').body));
  // Typing one character into the body breaks the signature.
  await page.locator('#vf-body').press('Home');
  await page.locator('#vf-body').pressSequentially(' ');
  await page.waitForFunction(() => document.querySelector('#vf-verdict')?.innerText === '✓ Valid'); // whitespace is not signed
  await page.fill('#vf-body', (await page.inputValue('#vf-body')).replace('"100.00"', '"100.01"'));
  await page.waitForFunction(() => document.querySelector('#vf-verdict')?.innerText === '✕ Rejected');
  assert.equal(await ctx.text('#vf-reason'), 'signature_mismatch');
  // Signed again as the gateway would (a fixture): valid, with the pay-in v1 rule, which `sign` is not.
  await page.click('#vf-sign');
  assert.equal(await ctx.text('#vf-verdict'), '✓ Valid');
  const tampered = await page.inputValue('#vf-body');
  const secret = (await page.inputValue('#vf-secrets')).split('\n')[0];
  const expected = lib.signWebhook(tampered, secret, 'auto');
  assert.equal((await page.inputValue('#vf-headers')).split('\n')[0], `X-Auth-Signature: ${expected}`);
  assert.notEqual(lib.sign(tampered, secret), expected);
  // Rotation: the second secret signs.
  await ctx.example('verifier', 'wh-pub-0009');
  assert.equal(await ctx.text('#vf-secret-index'), '#2 / 2');
  // The example's clock is the vector's; with the real clock a 1 s window rejects the 2026 timestamp.
  await ctx.example('verifier', 'wh-pub-0001');
  await page.fill('#vf-now', '');
  await page.fill('#vf-window', '');
  await page.locator('#vf-window').pressSequentially('1000');
  await page.waitForFunction(() => document.querySelector('#vf-reason')?.innerText === 'timestamp_too_old');
  await ctx.example('verifier', 'wh-pub-0013');
  assert.equal(await ctx.text('#vf-key'), 'lesspay2:P9552162570859208578:FAILED:payment_declined');
  assert.equal(await page.locator('#vf-unsigned-warning').count(), 0); // v2: the event is signed
  // The decoded event (42201 in event_data), signed; in Chinese through decodeError, as the README says.
  assert.deepEqual((await ctx.text('#vf-event')).split('\n'), ['payment_declined (fraud, 42201)', 'card number on the entity decline list',
    "Next step: do not retry with this card and do not ship; the order status is unchanged: wait for the order's own webhook"]);
  assert.equal(await page.locator('#vf-event-unsigned').count(), 0);
  await page.selectOption('#locale', 'zh-CN');
  assert.equal(await page.getAttribute('nav.tabs', 'aria-label'), '工具'); // names for screen readers follow too
  assert.equal((await ctx.text('#vf-event')).split('\n')[2], '卡号在实体级拒绝名单中'); // differs from the name: shown
  assert.equal((await ctx.text('#vf-status')).split('\n')[1], '失败');
  await page.selectOption('#locale', 'en');
  assert.equal(await page.getAttribute('nav.tabs', 'aria-label'), 'Tools');
  await ctx.example('verifier', 'wh-pub-0061');
  assert.equal(await ctx.text('#vf-verdict'), '✕ Rejected');
  assert.equal(await ctx.text('#vf-reason'), 'signature_mismatch');
  await ctx.example('verifier', 'wh-pub-0036');
  await shoot(page, 'verifier');
  await done(ctx);
});

test('error decoder: examples from the spec', async () => {
  const ctx = await open('decoder');
  const { page } = ctx;
  const cases = [
    ['http-400-11', 'Parameter Error', 'invalid_request', 'after_fix'],
    ['http-200-30002', 'Amount Mismatch', 'invalid_request', 'after_fix'],
    ['code-1201', 'Duplicate Data Exists', 'conflict', 'no'],
    ['msg-time', 'Request time error', 'invalid_request', 'after_fix'],
  ];
  for (const [id, name, category, retry] of cases) {
    await ctx.example('decoder', id);
    assert.equal(await ctx.text('#dc-category'), category, id);
    assert.equal(await ctx.text('#dc-retry'), `Retry: ${retry}`, id);
    assert.equal(await ctx.text('#dc-name'), name, id);
  }
  await ctx.example('decoder', 'http-200-ok');
  assert.equal(await ctx.text('#dc-ok'), '✓ Success');
  // Typed by hand: code 10 on a create call means "query first".
  await page.check('input[name="dc-mode"][value="code"]');
  await page.fill('#dc-code', '');
  await page.locator('#dc-code').pressSequentially('10');
  await page.selectOption('#dc-op', 'create');
  await page.waitForFunction(() => document.querySelector('#dc-retry')?.innerText === 'Retry: query_first');
  await ctx.example('decoder', 'http-400-11');

  await shoot(page, 'decoder');
  await done(ctx);
});

// The order builder shows exactly what the library says about the exact body it would send: the summary
// lines (path, message, code, gateway code, errors before warnings) and the messages next to fields,
// in both languages. Expected values come from the package itself, on the body read back from the page.
const displayPath = (path) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') || '(request)';
const summaryOf = (issues) => [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')]
  .map((i) => ({ path: displayPath(i.path), message: i.message, code: i.code, gw: i.gatewayCode == null ? null : `→ gateway code ${i.gatewayCode}` }));
const shownSummary = (page) => page.$$eval('#summary .summary-list li', (lines) => lines.map((li) => ({
  path: li.querySelector('.path').innerText, message: li.querySelector('.message').innerText,
  code: li.dataset.code, gw: li.querySelector('.gw')?.innerText ?? null,
})));

test('order builder: summary and field messages are validate()\'s issues for the body it would send', async () => {
  const ctx = await open('builder');
  const { page } = ctx;
  const sent = async () => JSON.parse(await ctx.text('#signed-body'));
  await page.fill('#app-id', '690b2b46e4b09c73147db688');
  await page.fill('#app-secret', 'YOUR_APP_SECRET');
  await ctx.example('builder', 'payin-cashier');
  await page.waitForSelector('#signed-body');
  assert.equal(await ctx.text('#error-count'), '0 errors');

  // A malformed currency: one error, next to the field and in the summary, with its gateway code.
  await page.fill('#f-target_currency', '');
  await page.locator('#f-target_currency').pressSequentially('usd');
  await page.waitForSelector('#f-target_currency-msgs .issue.error');
  let body = await sent();
  assert.equal(body.target_currency, 'usd');
  const usd = lib.validate('createPayin', body).issues;
  assert.deepEqual(await shownSummary(page), summaryOf(usd));
  assert.deepEqual(summaryOf(usd).map((i) => [i.path, i.code, i.gw]), [['target_currency', 'currency_format', '→ gateway code 11']]);
  assert.equal(await ctx.text('#f-target_currency-msgs .message'),
    lib.validateField('createPayin', ['target_currency'], 'usd', body).issues[0].message);
  assert.equal(await page.getAttribute('#f-target_currency', 'aria-invalid'), 'true');
  assert.equal(await ctx.text('#error-count'), '1 error');

  // Chinese: the library's own zh-CN messages, next to the field and in the summary.
  await page.selectOption('#locale', 'zh-CN');
  const zh = lib.validate('createPayin', body, { locale: 'zh-CN' }).issues;
  await page.waitForFunction((m) => document.querySelector('#f-target_currency-msgs .message')?.innerText === m, zh[0].message);
  assert.deepEqual((await shownSummary(page)).map((i) => i.message), zh.map((i) => i.message));
  await page.selectOption('#locale', 'en');

  // A well-formed but unknown currency is a warning, shown as one.
  await page.fill('#f-target_currency', 'XYZ');
  await page.waitForSelector('#f-target_currency-msgs .issue.warning');
  body = await sent();
  assert.deepEqual(await shownSummary(page), summaryOf(lib.validate('createPayin', body).issues));
  assert.equal(await page.getAttribute('#f-target_currency', 'aria-invalid'), 'false');
  assert.equal(await page.evaluate(() => document.querySelector('#f-target_currency').classList.contains('has-warning')), true);
  assert.equal(await ctx.text('#warning-count'), '1 warning');

  // A batch with mistakes: every issue listed; a summary line takes the user to its field.
  await ctx.example('builder', 'batch-bad');
  await page.waitForSelector('#summary [data-code="duplicate"]');
  body = await sent();
  const batch = lib.validate('createPayoutBatch', body).issues;
  assert.deepEqual(await shownSummary(page), summaryOf(batch));
  const duplicate = batch.find((i) => i.code === 'duplicate');
  assert.deepEqual([duplicate.path, duplicate.gatewayCode], [['payout_order_details', 1, 'mch_order_id'], 30007]);
  await page.click('#summary [data-code="duplicate"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-payout_order_details-1-mch_order_id');
  assert.equal(await ctx.text('#f-payout_order_details-1-mch_order_id-msgs [data-code="duplicate"] .message'), duplicate.message);
  await page.screenshot({ path: join(shots, 'builder-validation-desktop.png'), fullPage: true });
  await done(ctx);
});

test('error decoder: advice and data are decodeError()/decodeResponse()\'s', async () => {
  const ctx = await open('decoder');
  const { page } = ctx;
  await ctx.example('decoder', 'code-1201');
  assert.equal(await ctx.text('#dc-advice'), lib.decodeError(1201, { api: 'payin', operation: 'create' }).advice);
  assert.equal(await ctx.text('#dc-retry-text'), 'Do not retry');
  await ctx.example('decoder', 'http-200-ok');
  assert.equal(await ctx.text('#dc-ok'), '✓ Success');
  const okBody = await page.inputValue('#dc-body');
  assert.deepEqual(JSON.parse(await ctx.text('#dc-data')), lib.decodeResponse(200, okBody, { api: 'payin', operation: 'create' }).data);
  await done(ctx);
});

test('webhook verifier: no secret signs nothing, repeated signature headers are refused, one secret is named secret', async () => {
  const ctx = await open('verifier');
  const { page } = ctx;
  await ctx.example('verifier', 'wh-pub-0001');
  const headers = await page.inputValue('#vf-headers');
  await page.fill('#vf-secrets', '');
  await page.waitForSelector('#vf-need-secret');
  assert.equal(await ctx.text('#vf-need-secret'), 'Enter at least one secret (one per line).');
  await page.click('#vf-sign');
  assert.equal(await page.inputValue('#vf-headers'), headers); // a real delivery's signature is kept
  // Two X-Auth-Signature lines (a wrong one first, then the right one) are what a server would hand over
  // as a repeated header: refused, not the last one taken.
  await page.fill('#vf-secrets', 'YOUR_APP_SECRET');
  await page.fill('#vf-headers', `x-auth-signature: ${'0'.repeat(64)}\n${headers}`);
  await page.waitForFunction(() => document.querySelector('#vf-reason')?.innerText === 'malformed_signature');
  const body = await page.inputValue('#vf-body');
  const [first, ...rest] = headers.split('\n');
  const repeated = lib.verifyWebhook({ body, headers: { 'x-auth-signature': ['0'.repeat(64), first.split(': ')[1]],
    ...Object.fromEntries(rest.map((l) => l.split(': '))) }, secret: 'YOUR_APP_SECRET', now: 1762741122000, toleranceMs: 300000 });
  assert.equal(await ctx.text('#vf-message'), repeated.message);
  assert.equal(await ctx.text('#vf-repeated'), 'X-Auth-Signature is given on 2 lines: a delivery carries one signature, and a repeated header is refused.');
  // A wrong single secret is `secret` in the library's words, as a caller passing a string sees it.
  await page.fill('#vf-headers', headers);
  await page.fill('#vf-secrets', ' ');
  await page.waitForFunction(() => document.querySelector('#vf-out [role=alert]'));
  assert.equal(await ctx.text('#vf-out [role=alert]'), 'Error: secret: the appSecret is empty or blank; is the environment variable set?');
  await done(ctx);
});

test('error decoder: a success whose msg contradicts it, and typing slips said by the form', async () => {
  const ctx = await open('decoder');
  const { page } = ctx;
  await page.click('label:has(> input[name=dc-mode][value=response])');
  await page.fill('#dc-status', '200');
  const body = '{"code":0,"msg":"Order does not exist","data":null}';
  await page.fill('#dc-body', body);
  await page.waitForSelector('#dc-conflict');
  const { msgConflict } = lib.decodeResponse(200, body);
  assert.equal(await ctx.text('#dc-conflict'), 'The answer contradicts itself: its msg is a published error message or label, so query the order '
    + `before trusting the result: ${msgConflict.name} (${msgConflict.source}, ${msgConflict.category})`);
  await page.fill('#dc-status', '20O');
  await page.waitForSelector('#dc-input-hint');
  assert.equal(await ctx.text('#dc-input-hint'), 'An HTTP status is a whole number, such as 200 or 502.');
  await page.click('label:has(> input[name=dc-mode][value=code])');
  await page.fill('#dc-code', '1201.0');
  await page.waitForFunction(() => document.querySelector('#dc-input-hint')?.innerText.startsWith('A business code'));
  assert.equal(await ctx.text('#dc-input-hint'), 'A business code is a whole number, such as 30002; for text, use Message.');
  await page.fill('#dc-code', '1201');
  await page.waitForFunction(() => document.querySelector('#dc-name')?.innerText === 'Duplicate Data Exists');
  await done(ctx);
});

test('order builder: any request as JSON, validated and signed as written; the summary keeps keyboard focus', async () => {
  const ctx = await open('builder');
  const { page } = ctx;
  await page.click('label:has(> input[name=kind][value=json])');
  assert.equal(await page.inputValue('#json-kind'), 'createPayout');
  assert.equal(await ctx.text('#error-count'), '0 errors');
  assert.equal(await ctx.text('#endpoint'), 'POST https://lesspay2-pay-uat.doopayment.com/api/global/payout/create-order');
  // A single payout without destination_type and without a beneficiary name: what validate() says.
  const params = JSON.parse(await page.inputValue('#json-params'));
  delete params.beneficiary.beneficiary_info.name;
  params.beneficiary.destination.type = undefined;
  const text = JSON.stringify(params, null, 2);
  await page.fill('#json-params', text);
  const expected = lib.validateJson('createPayout', text).issues;
  await page.waitForFunction((n) => document.querySelectorAll('#summary .issue').length === n, expected.length);
  assert.deepEqual(await page.locator('#summary .issue .message').allInnerTexts(), expected.map((i) => i.message));
  assert.equal(await ctx.text('#error-count'), '1 error');
  assert.equal(await ctx.text('#warning-count'), '1 warning');
  // Signed exactly as written (spacing kept), for every kind's endpoint.
  await page.fill('#app-id', '690b2b46e4b09c73147db688');
  await page.fill('#app-secret', 'YOUR_APP_SECRET');
  await page.waitForSelector('#signed-body');
  assert.equal(await ctx.text('#signed-body'), text);
  // Picking another kind keeps a request of the user's; the sample fills only an untouched text.
  await page.selectOption('#json-kind', 'payoutBanks');
  assert.equal(await ctx.text('#endpoint'), 'POST https://lesspay2-pay-uat.doopayment.com/api/global/payout/bank');
  assert.equal(await page.inputValue('#json-params'), text);
  await page.fill('#json-params', '');
  await page.selectOption('#json-kind', 'fetchPayout');
  assert.deepEqual(JSON.parse(await page.inputValue('#json-params')), { pay_order_id: 'P1988199177890902017' });
  // Numbers are read as written (validateJson): 1e400 is no whole number the gateway takes.
  await page.selectOption('#json-kind', 'createPayin');
  await page.fill('#json-params', '{"expired_time":1e400}');
  await page.waitForFunction(() => [...document.querySelectorAll('#summary .issue')].some((li) => li.dataset.code === 'format'));
  assert.equal(await page.locator('#summary .issue[data-code=format] .message').innerText(),
    'expired_time must be a whole number from 1 to 2147483647');
  // Text that is not strict JSON: the library's issue at [], and nothing signed.
  await page.fill('#json-params', '{"bank_country_code":');
  await page.waitForFunction(() => document.querySelector('#summary .issue .message')?.innerText.startsWith('params could not'));
  assert.equal(await ctx.text('#summary .issue .message'), 'params could not be read as strict JSON: check the text at byte 21');
  assert.equal(await ctx.text('#signed'), 'Error: the body is not a strict JSON object: the JSON text ends too early (byte 21)');

  // Tab from the last field of a form into the summary: focus lands on the first issue and stays there
  // although the summary is rebuilt when the field loses focus.
  await page.click('label:has(> input[name=kind][value=createPayin])');
  await page.fill('#f-request_id', '');
  const last = page.locator('#fields input, #fields select').last();
  await last.focus();
  await page.keyboard.press('Tab');
  await page.waitForTimeout(200); // the refresh after blur
  assert.equal(await page.evaluate(() => document.activeElement.closest('#summary') !== null), true);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'button');
  const first = await page.evaluate(() => document.activeElement.querySelector('.path').innerText);
  await page.keyboard.press(' '); // Space, as Enter, goes to the field
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path), first);
  await done(ctx);
});

test('console: the skip link keeps the open tab; an integer field typed as 1.5 gets the library\'s own message', async () => {
  const ctx = await open('verifier');
  const { page } = ctx;
  await page.focus('a.skip'); // the first stop of the page's tab order
  assert.equal(await page.evaluate(() => document.querySelector('a, button, input, select, textarea').className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#tab-verifier', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#verifier'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.click('#tab-builder');
  await ctx.example('builder', 'payin-cashier');
  await page.fill('#f-expired_time', '1.5');
  await page.waitForFunction(() => document.querySelector('#f-expired_time-msgs .message'));
  assert.equal(await ctx.text('#f-expired_time-msgs .message'),
    lib.validate('createPayin', { expired_time: 1.5 }).issues.find((i) => i.path[0] === 'expired_time').message);
  assert.equal(await ctx.text('#f-expired_time-msgs .message'), 'expired_time must be a whole number from 1 to 2147483647');
  await done(ctx);
});

test('console: a .wasm that fails to load is said where the page said it was loading', async () => {
  const page = await chrome.browser.newPage();
  await page.route('**/lesspay2_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${server.url}#builder`);
  await page.waitForSelector('#loading.alert.error');
  assert.match(await page.locator('#loading').innerText(),
    /^The WebAssembly module could not be loaded, so the tools are not available: .+\. Run `make demo`, which builds pkg\/ and serves it beside this page\.$/);
  assert.equal(await page.getAttribute('#loading', 'role'), 'alert');
  assert.equal(await page.evaluate(() => document.body.dataset.ready), undefined);
  await page.close();
});

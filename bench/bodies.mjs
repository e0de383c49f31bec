// Generates the benchmark bodies into bench/bodies/ (committed, so that the Node and the native Rust
// benches time the very same text): `node bench/bodies.mjs`. Deterministic (fixed-seed PRNG).
import { writeFileSync } from 'node:fs';
import { parseObject, webhookSignedString } from './js-baseline/canonical.mjs';
import { createHash } from 'node:crypto';

let seed = 0x2545f491;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const amount = () => `${1 + Math.floor(rand() * 9999)}.${digits(2)}`;
const SECRET = 'sk_live_9fQ2xLw7TzR4mB8vN1cK';

const payinWebhook = () => ({
  pay_order_id: `P${digits(19)}`, request_id: digits(10), order_status: 'SUCCEED', target_currency: 'USD',
  target_amount: amount(), success_url: `https://shop.example.com/pay/ok/${digits(12)}`,
  fail_url: `https://shop.example.com/pay/fail/${digits(12)}`, product_name: 'deposit',
  description: `Deposit #${digits(10)}`, complete_time: '2025-01-13T10:01:40.000+08:00', error_code: null,
  error_msg: null, notify_url: null, merchant_reserved_field: null, api_version: 'v2', order_status_int: 2,
  channel_biz_data: { issuer_country: 'PL', '3ds': { downgraded: false, enrolled: 'Y' }, issuer: 'CREDIT AGRICOLE BANK POLSKA S.A.' },
  event: null, event_data: null,
});

const payoutDetail = (i) => ({
  payout_order_detail_id: `POD${digits(12)}`, mch_order_id: `MCH_${String(i).padStart(4, '0')}`, amount: amount(),
  actual_amount: amount(), status: pick(['Succeeded', 'Failed', 'Processing']), audit_state: 'APPROVED',
  fail_reason: null, rejected_reason: null, channel_order_no: `CH_${digits(8)}`, bank_account_no: `${digits(4)}****${digits(4)}`,
  bank_account_name: 'J****N', bank_account_type: pick(['business', 'individual']), bank_name: pick(['BDO', 'BPI', 'Metrobank']),
  bank_country_code: 'PH', bank_swift_code: 'BNORPHMM', success_time: '2025-01-13T10:01:40.000+08:00',
});

const payoutWebhook = (n) => ({
  pay_order_id: `P${digits(12)}`, request_id: `PO${digits(13)}`, order_status: 'SUCCEED', currency: 'PHP',
  total_amount: amount(), decimal_places: 2, fail_reason: null, created_at: '2025-01-13T10:00:00.000+08:00',
  details: Array.from({ length: n }, (_, i) => payoutDetail(i)),
});

const payoutBatch = (n) => ({
  request_id: `PB${digits(11)}`, currency: 'PHP', total_amount: amount(), way_type: 'BANK_TRANSFER', way_code: 'EPAY_PAYOUT',
  notify_url: 'https://merchant.example.com/notify',
  payout_order_details: Array.from({ length: n }, (_, i) => ({
    mch_order_id: `MCH_${String(i).padStart(4, '0')}`, amount: amount(), destination_type: 'bank', bank_account_no: digits(10),
    bank_account_name: pick(['Juan dela Cruz', 'Maria Santos', 'José Rizal']), bank_account_type: pick(['individual', 'business']),
    bank_name: pick(['BDO', 'BPI']), bank_country_code: 'PH', bank_swift_code: pick(['BNORPHMM', '']),
  })),
});

// 64 KB: a pay-in webhook whose extra fields are long strings, nested objects and arrays of mixed values.
const big = () => {
  const o = payinWebhook();
  let i = 0;
  while (JSON.stringify(o).length < 65536 - 600) {
    o[`extra_${String(i).padStart(3, '0')}`] = i % 3 === 0
      ? `note ${digits(40)} & = "quoted" é ${digits(60)}`
      : i % 3 === 1 ? { id: digits(8), amount: Number(amount()), tags: ['a', 'b', null, ''], nested: { ok: true, n: null } }
        : [{ k: digits(6), v: amount(), w: null }, 1.50, '', 'x\ny'];
    i++;
  }
  return o;
};

const cases = [
  { name: 'payin-webhook', kind: 'payin', body: JSON.stringify(payinWebhook(), null, 2) },
  { name: 'payout-webhook-2', kind: 'payout', body: JSON.stringify(payoutWebhook(2), null, 2) },
  { name: 'payout-webhook-50', kind: 'payout', body: JSON.stringify(payoutWebhook(50)) },
  { name: 'payout-batch-200', kind: 'request', body: JSON.stringify(payoutBatch(200)) },
  { name: 'body-64k', kind: 'payin', body: JSON.stringify(big()) },
];
for (const c of cases) {
  const payload = webhookSignedString(parseObject(c.body), SECRET, c.kind === 'request' ? 'payout' : c.kind);
  c.secret = SECRET;
  c.signature = createHash('sha256').update(payload, 'utf8').digest('hex').toUpperCase();
  c.bytes = Buffer.byteLength(c.body);
  writeFileSync(new URL(`bodies/${c.name}.json`, import.meta.url), c.body);
}
writeFileSync(new URL('bodies/index.json', import.meta.url),
  JSON.stringify(cases.map(({ body, ...rest }) => rest), null, 2) + '\n');
console.log(cases.map((c) => `${c.name}: ${c.bytes} bytes`).join('\n'));

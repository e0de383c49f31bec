// `make bench`, Node part: medians and ratios measured side by side in one run (round-robin batches, so
// machine noise hits every implementation alike). Nothing here is a pass/fail threshold.
//   node bench/node/bench.mjs [--quick] [--json out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import * as lib from '../../pkg/node.mjs';
import * as edge from '../../pkg/edge/node.mjs';
import { initSync } from '../../pkg/glue/web.js';
import * as edgeWasmShaGlue from '../../pkg/edge/glue/web.js?sha256=wasm';
import { resilient } from '../../pkg/extras.js';
import { baselines } from '../js-baseline/impls.mjs';
import { checkBaselines } from '../js-baseline/check.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const ROUNDS = quick ? 5 : 11;
const BATCH_MS = quick ? 4 : 10;

const bodiesDir = new URL('../bodies/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('index.json', bodiesDir), 'utf8')).map((c) => {
  const body = readFileSync(new URL(`${c.name}.json`, bodiesDir), 'utf8');
  // `verifyWebhook`'s options, as a webhook server receives them (a request body checks as a payout).
  const headers = { 'x-auth-signature': c.signature, 'content-type': 'application/json' };
  return { ...c, body, verify: { body, headers, secret: c.secret, kind: c.kind === 'request' ? 'payout' : c.kind } };
});

// Two wasm builds: `lesspay2` (everything, compiled for size) and `lesspay2/edge` (signing and
// verification alone, compiled for speed), the entry for edge workers and webhook servers. In Node both
// hand a long signed string to node:crypto's SHA-256 (src/wasm/host_sha256.rs). The third entry is
// `lesspay2/edge` as browsers and workerd without `nodejs_compat` run it, hashing in wasm: its own
// instance, which looks for the host while `process.getBuiltinModule` is hidden, and so never uses it;
// its functions wrapped as the package's entries wrap them (pkg/extras.js `resilient`).
const edgeWasmSha = resilient(edgeWasmShaGlue);
edgeWasmShaGlue.initSync({ module: readFileSync(new URL('../../pkg/edge/lesspay2_bg.wasm', import.meta.url)) });
{
  const getBuiltinModule = process.getBuiltinModule;
  process.getBuiltinModule = undefined;
  const c = cases.find((x) => x.name === 'payout-webhook-2'); // long enough to look for the host
  if (edgeWasmSha.sign(c.body, c.secret) !== c.signature) throw new Error('edge (wasm SHA-256) signs payout-webhook-2 wrongly');
  process.getBuiltinModule = getBuiltinModule;
}
const entries = { 'lesspay2': lib, 'lesspay2/edge': edge, 'edge, SHA-256 in wasm': edgeWasmSha };

/** Per-op medians (µs) of `impls` ({name: fn returning maybe a promise}), interleaved round by round. */
async function race(impls) {
  const names = Object.keys(impls);
  // Only a function that returns a promise (the WebCrypto baseline) is awaited: a caller pays no
  // `await` for a synchronous one. Awaiting each call added about 0.3 µs to every synchronous
  // implementation alike (one process, 2-detail webhook: lesspay2/edge 14.78 → 15.10 µs, the
  // node:crypto baseline 22.66 → 23.10 µs), a constant that pulled every ratio towards 1.
  const batch = async (f, k) => {
    const t0 = performance.now();
    if (f.async) for (let i = 0; i < k; i++) await f();
    else for (let i = 0; i < k; i++) f();
    return performance.now() - t0;
  };
  for (const n of names) {
    const first = impls[n]();
    impls[n].async = typeof first?.then === 'function';
    await first;
  }
  const iters = {};
  for (const n of names) { // calibrate: how many calls fill one batch
    let k = 1;
    while ((await batch(impls[n], k)) < BATCH_MS / 2 && k < 1 << 20) k *= 2;
    iters[n] = Math.max(1, Math.round(k * 2));
  }
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const n of (r % 2 ? [...names].reverse() : names)) {
      samples[n].push(((await batch(impls[n], iters[n])) * 1000) / iters[n]);
    }
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(us < 10 ? 2 : 1)} µs`);
const rows = [];

function header(title, cols) {
  console.log(`\n${title}`);
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`|${cols.map(() => '---').join('|')}|`);
}

// ---------------------------------------------------------------------------------------- correctness
const checked = await checkBaselines({ quiet: true });
console.log(`Node ${process.version}`);
console.log(`JS baselines: each passes ${checked.signatures} signature vectors and ${checked.webhooks} webhook cases first.`);
for (const c of cases) {
  for (const [name, m] of Object.entries(entries)) {
    const r = m.verifyWebhook(c.verify);
    if (!r.valid) throw new Error(`${name} verifyWebhook rejects bench body ${c.name}: ${r.reason}`);
  }
  for (const b of baselines) {
    const v = await b.verifyWebhook(c.verify);
    if (!v.valid) throw new Error(`baseline ${b.name} rejects bench body ${c.name}`);
  }
}

// ------------------------------------------------------------------------------------ sign / verify
// V8 runs wasm first through its baseline compiler and swaps in optimised code for the hot functions in
// the background: without a warm-up, the first rows time the baseline code (up to 9x slower).
for (const m of Object.values(entries)) {
  const until = performance.now() + (quick ? 300 : 1000);
  while (performance.now() < until) {
    for (const c of cases) {
      m.sign(c.body, c.secret);
      m.verifyWebhook(c.verify);
    }
  }
}

const cols = ['operation', 'body', ...Object.keys(entries), ...baselines.map((b) => b.name), ...Object.keys(entries).map((e) => `best JS ÷ ${e}`)];
header('sign / verifyWebhook: median per call (lower is better); a ratio > 1 means wasm is faster', cols);
for (const op of ['sign', 'verifyWebhook']) {
  for (const c of cases) {
    if (op === 'verifyWebhook' && c.kind === 'request') continue;
    const impls = op === 'sign'
      ? { ...Object.fromEntries(Object.entries(entries).map(([e, m]) => [e, () => m.sign(c.body, c.secret)])),
        ...Object.fromEntries(baselines.map((b) => [b.name, () => b.sign(c.body, c.secret)])) }
      : { ...Object.fromEntries(Object.entries(entries).map(([e, m]) => [e, () => m.verifyWebhook(c.verify)])),
        ...Object.fromEntries(baselines.map((b) => [b.name, () => b.verifyWebhook(c.verify)])) };
    const m = await race(impls);
    const best = Math.min(...baselines.map((b) => m[b.name]));
    const ratios = Object.fromEntries(Object.keys(entries).map((e) => [e, best / m[e]]));
    rows.push({ op, body: c.name, bytes: c.bytes, medians_us: m, best_js_over_wasm: ratios });
    console.log(`| ${op} | ${c.name} (${(c.bytes / 1024).toFixed(1)} KB) | ${Object.keys(entries).map((e) => fmt(m[e])).join(' | ')} | ` +
      `${baselines.map((b) => fmt(m[b.name])).join(' | ')} | ${Object.values(ratios).map((r) => `${r.toFixed(2)}x`).join(' | ')} |`);
  }
}

// ------------------------------------------------------------------------ validate / decodeError
const VALIDATE_PARAMS = {
  createPayin: { request_id: 'R20250113001', target_amount: '100.00', target_currency: 'USD', product_name: 'deposit', notify_url: 'https://merchant.example.com/notify', success_url: 'https://merchant.example.com/ok', fail_url: 'https://merchant.example.com/fail' },
  fetchPayin: { request_id: 'R20250113001' },
  createPayout: { request_id: 'PO20250113001', amount: '500.00', currency: 'PHP', way_code: 'EPAY_PAYOUT', beneficiary: { name: 'Juan dela Cruz', account_no: '1234567890', bank_code: 'BDO' } },
  createPayoutBatch: JSON.parse(cases.find((c) => c.name === 'payout-batch-200').body),
  fetchPayout: { request_id: 'PO20250113001' },
  payoutBanks: { currency: 'PHP' },
};
header('validate / decodeError (wasm only): median per call', ['operation', 'input', 'wasm']);
for (const [kind, params] of Object.entries(VALIDATE_PARAMS)) {
  const m = await race({ wasm: () => lib.validate(kind, params) });
  rows.push({ op: 'validate', body: kind, medians_us: m });
  console.log(`| validate | ${kind} | ${fmt(m.wasm)} |`);
}
const inputs = { 'code 30002': 30002, 'envelope': { code: 1201, msg: 'duplicate request', data: null }, 'HTTP 502 + body': { status: 502, body: '<html>Bad Gateway</html>' } };
for (const [name, input] of Object.entries(inputs)) {
  const m = await race({ wasm: () => lib.decodeError(input) });
  rows.push({ op: 'decodeError', body: name, medians_us: m });
  console.log(`| decodeError | ${name} | ${fmt(m.wasm)} |`);
}

// ------------------------------------------------------------------------------- memory over 1e6
{
  const exports = initSync({ module: readFileSync(new URL('../../pkg/lesspay2_bg.wasm', import.meta.url)) });
  const c = cases.find((x) => x.name === 'payout-webhook-2');
  const N = quick ? 100_000 : 1_000_000;
  for (let i = 0; i < 1000; i++) lib.verifyWebhook(c.verify); // warm: the allocator reaches its working set
  const before = exports.memory.buffer.byteLength;
  const t0 = performance.now();
  let valid = 0;
  for (let i = 0; i < N; i++) if (lib.verifyWebhook(c.verify).valid) valid++;
  const secs = (performance.now() - t0) / 1000;
  const after = exports.memory.buffer.byteLength;
  console.log(`\nwasm memory over ${N.toLocaleString('en')} verifyWebhook calls (payout-webhook-2, ${valid.toLocaleString('en')} valid, ${secs.toFixed(1)} s): ` +
    `memory.buffer.byteLength ${before} before, ${after} after (${after === before ? 'no growth' : `GREW by ${after - before}`})`);
  rows.push({ op: 'memory', calls: N, before, after });
}

console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${os.platform()} ${os.release()}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rows, node: process.version, cpus: os.cpus().length }, null, 2));

// Seeds for one cargo-fuzz target, in the input layout of that target (see the doc comment at the top of
// each fuzz/fuzz_targets/*.rs): `node scripts/fuzz-seeds.mjs TARGET DIR`. scripts/fuzz.sh calls it only
// when DIR is empty.
//   validate: the parameters of every valid request and every case of tests/validation/cases.json, and a
//           batch past the report's 10,000 issues.
//   decode: every input of tests/vectors/errors.json (code, code text, status and body, msg, envelope,
//           webhook notice) with its context.
//   api: every webhook case and signature vector with its secret and signature (layout in the script).
//   anything else (canonicalize, verify): every body of the signature and webhook vectors (they reach
//           every canonicalisation rule at once).
import fs from 'node:fs';

const [target, dir] = process.argv.slice(2);
const read = (path) => JSON.parse(fs.readFileSync(path, 'utf8'));
const seeds = [];

if (target === 'validate') {
  // Byte 0: the kind's index in Kind::ALL; bytes 1..9: now_ms (i64 LE); then the JSON text.
  const KINDS = ['createPayin', 'fetchPayin', 'createPayout', 'createPayoutBatch', 'fetchPayout', 'payoutBanks'];
  const doc = read('tests/validation/cases.json');
  const seed = (kind, now, params) => {
    const head = Buffer.alloc(9);
    head[0] = KINDS.indexOf(kind);
    head.writeBigInt64LE(BigInt(now), 1);
    return Buffer.concat([head, Buffer.from(JSON.stringify(params) ?? 'null', 'utf8')]);
  };
  // What tests/validation.rs does: serde_json's IndexMut makes objects of nulls, and an index one past
  // the end appends.
  const slot = (holder, path) => {
    let parent = holder;
    let key = 'v';
    for (const seg of path) {
      if (typeof seg === 'number') {
        if (parent[key].length === seg) parent[key].push(null);
      } else if (parent[key] === null || typeof parent[key] !== 'object') {
        parent[key] = {};
      }
      parent = parent[key];
      key = seg;
    }
    return { parent, key };
  };
  for (const { kind, params } of Object.values(doc.valid)) seeds.push(seed(kind, doc.now, params));
  for (const c of doc.cases) {
    const base = doc.valid[c.base];
    const holder = { v: structuredClone('params' in c ? c.params : base.params) };
    for (const [path, value] of c.set ?? []) {
      const { parent, key } = slot(holder, path);
      parent[key] = structuredClone(value);
    }
    for (const path of c.unset ?? []) {
      const { parent, key } = slot(holder, path);
      delete parent[key];
    }
    seeds.push(seed(base.kind, c.now ?? doc.now, holder.v));
  }
  // Past the report's 10,000 issues (nine per empty detail): the too_many_issues path.
  seeds.push(seed('createPayoutBatch', doc.now, { payout_order_details: Array(1200).fill({}) }));
} else if (target === 'decode') {
  // Byte 0: api + 3 * operation (+ 12 for zh-CN); byte 1: the Answer's fields (bit 0 status, 1 code,
  // 2 code unreadable, 3 msg, 4 event, 5 fraud code, 6 dispute category); bytes 2..10 status, 10..18 code (i64 LE); then the
  // text: the body, and, split at its first two newlines, msg, event and dispute category.
  const API = [undefined, 'payin', 'payout'];
  const OPERATION = [undefined, 'create', 'query', 'other'];
  const seed = (context, flags, status, code, text) => {
    const head = Buffer.alloc(18);
    head[0] = API.indexOf(context?.api) + 3 * OPERATION.indexOf(context?.operation);
    head[1] = flags;
    head.writeBigInt64LE(BigInt(status), 2);
    head.writeBigInt64LE(BigInt(code), 10);
    return Buffer.concat([head, Buffer.from(text, 'utf8')]);
  };
  // A code that is no integer (`1.5`, `1e300`, `"abc"`) goes in as "code unreadable" (bit 2).
  const code = (context, n, text) =>
    Number.isSafeInteger(n) ? seed(context, 0b10, 0, n, text) : seed(context, 0b100, 0, 0, text);
  for (const { input, context } of read('tests/vectors/errors.json').cases) {
    if ('code' in input) seeds.push(code(context, input.code, String(input.code)));
    else if ('codeText' in input) seeds.push(code(context, Number(input.codeText), input.codeText));
    else if ('status' in input) seeds.push(seed(context, 0b1, input.status, 0, input.body ?? ''));
    else if ('msg' in input) seeds.push(seed(context, 0b1000, 0, 0, input.msg));
    else if ('envelope' in input) {
      const n = Number.isSafeInteger(input.envelope.code) ? input.envelope.code : 0;
      seeds.push(seed(context, 0b11, 200, n, JSON.stringify(input.envelope)));
    } else if ('event' in input) {
      const e = input.event;
      seeds.push(seed(context, 0b1, 200, 0, JSON.stringify(e)));
      const data = e.event_data ?? {};
      const fraud = Number.parseInt(data?.code ?? data?.fraud_code ?? e.error_code ?? '0', 10) || 0;
      seeds.push(seed(context, 0b1110000, 0, fraud, `\n${e.event ?? ''}\n${data.category ?? ''}`));
    }
  }
} else if (target === 'api') {
  // Byte 0: the webhook kind (0 auto, 1 pay-in, 2 payout); bytes 1..9 a timestamp (u64 LE), 9..17 now
  // (i64 LE), 17..21 a tolerance (u32 LE, 0xFFFFFFFF for none); then, split at 0xFF, the body, appId,
  // secret, X-Auth-Signature, webhook-id, whsec_ secret and webhook-signature. Every webhook case with
  // its own secret and signature (so that verified notices are reached), every signature vector.
  const seed = (kind, now, tolerance, fields) => {
    const head = Buffer.alloc(21);
    head[0] = kind;
    head.writeBigUInt64LE(1762741122n, 1);
    head.writeBigInt64LE(BigInt(now), 9);
    head.writeUInt32LE(tolerance, 17);
    const parts = fields.flatMap((f, i) => (i ? [Buffer.from([0xff]), Buffer.from(f, 'utf8')] : [Buffer.from(f, 'utf8')]));
    return Buffer.concat([head, ...parts]);
  };
  const standard = ['msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='];
  for (const w of read('tests/vectors/webhooks.json').cases) {
    const kind = { auto: 0, payin: 1, payout: 2 }[w.kind] ?? 0;
    const signature = Object.entries(w.headers ?? {}).find(([n]) => n.toLowerCase() === 'x-auth-signature')?.[1] ?? '';
    const tolerance = typeof w.tolerance_ms === 'number' ? w.tolerance_ms : 0xffffffff;
    seeds.push(seed(kind, w.now ?? 0, tolerance, [w.body, 'app_1001', w.secrets?.[0] ?? 'k', String(signature), ...standard]));
  }
  for (const v of read('tests/vectors/signatures.json').vectors) {
    seeds.push(seed(0, 0, 0xffffffff, [v.body, 'app_1001', v.secret ?? 'k', v.signature ?? '', ...standard]));
  }
} else {
  const v = read('tests/vectors/signatures.json').vectors;
  const w = read('tests/vectors/webhooks.json').cases;
  for (const b of [...v.map((x) => x.body), ...w.map((x) => x.body)]) seeds.push(Buffer.from(b, 'utf8'));
}

seeds.forEach((s, i) => fs.writeFileSync(`${dir}/seed-${i}`, s));
console.log(`fuzz: ${seeds.length} seeds for ${target}`);

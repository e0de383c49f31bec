// Differential test: the package's canonicalisation against the independent JavaScript implementation in
// bench/js-baseline/canonical.mjs (the benchmark baseline, which must pass every public vector first) on
// random bodies built to reach the gateway's quirks: number text in every form BigDecimal renders
// differently, duplicated keys, keys whose Java hashes collide ("Aa"/"BB" blocks) in objects inside
// arrays wide enough for resizes and tree bins, escapes and astral characters. Request mode through
// `canonicalize`, pay-in and payout webhook modes through `verifyWebhook`, in both builds that sign. The
// vectors are the ground truth; where the two implementations disagree, at least one breaks a rule the
// vectors do not sample.
// `DIFF_RUNS=20000 DIFF_SEED=<n>` for a longer run (make test: 2,000 on seed 1).
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import fc from '../../tools/node_modules/fast-check/lib/fast-check.js';
import { parseObject, signedString, webhookSignedString } from '../../bench/js-baseline/canonical.mjs';
import * as lib from '../../pkg/node.mjs';
import * as edge from '../../pkg/edge/node.mjs';

const RUNS = Number(process.env.DIFF_RUNS ?? 2000);
const SEED = Number(process.env.DIFF_SEED ?? 1);

const sha = (s) => createHash('sha256').update(s, 'utf8').digest('hex').toUpperCase();

// Keys: a small alphabet (duplicates), Java-hash-colliding blocks ("Aa" and "BB" hash alike), odd ones.
const collide = fc.array(fc.constantFrom('Aa', 'BB'), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', 'amount', 'id', 'x', '10', '2', 'é', '😀', 'A', 'Z', '_', '') },
  { weight: 3, arbitrary: collide },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const numText = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  fc.tuple(fc.integer({ min: -999999, max: 999999 }), fc.nat({ max: 999999 }), fc.nat({ max: 8 }))
    .map(([a, b, z]) => `${a}.${'0'.repeat(z)}${b}`),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -30, max: 30 }), fc.constantFrom('e', 'E', 'e+', 'E-'))
    .map(([m, e, s]) => `${m}${s}${Math.abs(e)}`),
  fc.tuple(fc.nat({ max: 9999 }), fc.nat({ max: 9999 }), fc.integer({ min: -12, max: 12 })).map(([a, b, e]) => `${a}.${b}e${e}`),
  fc.constantFrom('0', '-0', '0.0', '-0.0', '0e5', '0.000', '1e0', '100.50', '0.0000001', '123456789012345678901234567890'),
);
const str = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', ' ', 'x\ny', '"q"', '\\', '\u2028', '\u0085', '\u007f', '\u0000', 'a&b=c', '{"a":1}', 'null'));
// A JSON text tree (strings pre-rendered so numbers keep their text).
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: str.map((s) => JSON.stringify(s)) },
    { weight: 3, arbitrary: numText },
    { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null') },
    { weight: 2, arbitrary: tie('object') },
    { weight: 2, arbitrary: tie('array') }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 14 }).map((m) => `{${m.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 5 }).map((a) => `[${a.join(',')}]`),
}));
// Arrays of objects with many colliding keys, to reach tree bins and resizes.
const wide = fc.array(fc.tuple(fc.oneof(collide, key), value), { minLength: 8, maxLength: 40 })
  .map((m) => `{${m.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
const body = fc.oneof(
  fc.array(fc.tuple(key, value), { maxLength: 12 }).map((m) => `{${m.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  fc.tuple(fc.array(wide, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(key, value), { maxLength: 4 }))
    .map(([items, m]) => `{"list":[${items.join(',')}]${m.map(([k, v]) => `,${JSON.stringify(k)}:${v}`).join('')}}`),
);

// Both builds that sign: `lesspay2` (compiled for size) and `lesspay2/edge` (compiled for speed).
for (const [entry, api] of [['lesspay2', lib], ['lesspay2/edge', edge]]) {
  test(`${entry}: canonicalisation agrees with the independent JS implementation on random bodies`, () => {
    fc.assert(fc.property(body, (text) => {
      const expected = signedString(parseObject(text), 's');
      const canon = api.canonicalize(text);
      const got = canon == null ? 'key=s' : `${canon}&key=s`;
      if (got !== expected) throw new Error(`request mode differs\nbody ${text}\nwasm ${got}\njs   ${expected}`);
      for (const kind of ['payin', 'payout']) {
        const signed = webhookSignedString(parseObject(text), 's', kind);
        const r = api.verifyWebhook({ body: text, headers: { 'x-auth-signature': sha(signed) }, secret: 's', kind });
        if (!r.valid) throw new Error(`${kind} webhook differs (${r.reason})\nbody ${text}\njs ${signed}`);
      }
    }), { numRuns: RUNS, seed: SEED });
  });
}

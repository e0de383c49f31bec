#!/usr/bin/env bash
# Native Rust benchmarks (criterion, benches/core.rs, opt-level 3 as native users build) and the table of
# medians with each operation's ratio to the floor: the bare SHA-256 of the signed string.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=$(mktemp)
cargo bench --quiet --bench core -- --noplot 2>/dev/null | tee "$out" >/dev/null
node - "$out" <<'JS'
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const unit = { ns: 1e-3, 'µs': 1, us: 1, ms: 1e3, s: 1e6 };
const rows = {};
for (const m of text.matchAll(/^(\S+)\/(\S+)\s*(?:\n\s*)?time:\s*\[\S+ \S+ (\S+) (\S+) \S+ \S+\]/gm)) {
  (rows[m[1]] ??= {})[m[2]] = Number(m[3]) * unit[m[4]];
}
const fmt = (us) => (us === undefined ? '—' : us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
const ratio = (a, b) => (a === undefined ? '—' : `${(a / b).toFixed(1)}x`);
console.log('\nnative Rust (criterion, median estimate per call; ratios to the bare SHA-256 of the signed string)');
console.log('| body | SHA-256 floor | canonicalize | sign = parse + canonicalise + hash | verify_webhook | sign ÷ floor | verify ÷ floor |');
console.log('|---|---|---|---|---|---|---|');
for (const [body, r] of Object.entries(rows)) {
  const f = r['sha256-floor'];
  console.log(`| ${body} | ${fmt(f)} | ${fmt(r.canonicalize)} | ${fmt(r.sign)} | ${fmt(r.verify_webhook)} | ${ratio(r.sign, f)} | ${ratio(r.verify_webhook, f)} |`);
}
JS
rm -f "$out"

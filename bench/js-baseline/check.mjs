// Every baseline must reproduce the public vectors before it is timed: all strict-JSON, non-error
// signature vectors, and every webhook case whose verdict is `valid` or `signature_mismatch`.
// Run alone (`node bench/js-baseline/check.mjs`) or imported by bench/node/bench.mjs.
import { readFileSync } from 'node:fs';
import { baselines } from './impls.mjs';

const root = new URL('../../tests/vectors/', import.meta.url);
const NON_STRICT = new Set(['error', 'quirk_lenient', 'quirk_fastjson_refs', 'quirk_lone_surrogate']);

export async function checkBaselines({ quiet = false } = {}) {
  const sigs = JSON.parse(readFileSync(new URL('signatures.json', root), 'utf8')).vectors
    .filter((v) => !NON_STRICT.has(v.category) && !v.error && !v.lone_surrogate_replaced);
  const hooks = JSON.parse(readFileSync(new URL('webhooks.json', root), 'utf8')).cases
    .filter((c) => c.expect.valid || c.expect.reason === 'signature_mismatch');
  const failures = [];
  for (const impl of baselines) {
    let ok = 0;
    for (const v of sigs) {
      const got = await impl.sign(v.body, v.secret);
      if (got === v.signature) ok++; else failures.push(`${impl.name} ${v.id}: ${got} != ${v.signature}`);
    }
    let hooksOk = 0;
    for (const c of hooks) {
      let valid = false;
      for (const secret of c.secrets) {
        const r = await impl.verifyWebhook({ body: c.body, headers: c.headers, secret, kind: c.kind });
        if (r.valid) { valid = true; break; }
      }
      if (valid === c.expect.valid) hooksOk++; else failures.push(`${impl.name} ${c.id}: valid=${valid}`);
    }
    if (!quiet) console.log(`baseline ${impl.name}: ${ok}/${sigs.length} signature vectors, ${hooksOk}/${hooks.length} webhook cases`);
  }
  if (failures.length) {
    throw new Error(`a JS baseline disagrees with the vectors (${failures.length}):\n  ${failures.slice(0, 10).join('\n  ')}`);
  }
  return { signatures: sigs.length, webhooks: hooks.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await checkBaselines();
}

// A Worker importing the whole `lesspay2` (a merchant's edge function that verifies webhooks and also
// validates requests): GET / runs every signature vector and webhook case, and one validation and one
// decoding with exact answers, in workerd. The edge-webhook example covers `lesspay2/edge`.
// It is served without `nodejs_compat`, where SHA-256 runs in wasm, and with it, where the module hands
// long signed strings to node:crypto (src/wasm/host_sha256.rs): the answer says which, and how many.
import { check } from './check.mjs';
import { stackLimitSummary } from './stack-limit.mjs';
import * as lib from 'lesspay2';
import signatures from './signatures.json';
import webhooks from './webhooks.json';
import refusals from './refusals.json';
import verdicts from './webhook-verdicts.json';

// Counts the module's calls to node:crypto's `hash`, installed before anything hashes (the module looks
// the host up, with a self-test, on its first long signed string: in the first request, the readiness
// probe of tests/runtimes/workerd.mjs). The answer gives the calls of its own request.
let hostHashes = 0;
const getBuiltinModule = globalThis.process?.getBuiltinModule;
if (typeof getBuiltinModule === 'function') {
  const crypto = getBuiltinModule('node:crypto');
  const counted = { hash: (...args) => { hostHashes++; return crypto.hash(...args); } };
  process.getBuiltinModule = (id) => (id === 'node:crypto' ? counted : getBuiltinModule(id));
}

export default {
  fetch(request) {
    try {
      // Calls made with the stack almost full: the module must start a new instance after each break.
      if (new URL(request.url).pathname === '/stack') {
        return Response.json({
          sign: stackLimitSummary(() => lib.sign('{"b":"2","a":1.50}', 'k')),
          decodeError: stackLimitSummary(() => lib.decodeError(30002)),
          validate: stackLimitSummary(() => lib.validate('fetchPayout', {})),
        });
      }
      const before = hostHashes;
      const summary = check(lib, signatures, webhooks, { refusals, verdicts });
      const issues = lib.validate('fetchPayout', {}).issues.map((i) => `${i.path.join('.')}:${i.code}`);
      const decoded = lib.decodeError(30009).name;
      const calls = hostHashes - before;
      const sha = calls ? `node:crypto for ${calls} signed strings` : 'in wasm';
      return new Response(`${summary}; validate ${JSON.stringify(issues)}; decodeError ${decoded}; SHA-256 ${sha}`);
    } catch (e) {
      return new Response(`error: ${e.message}`, { status: 500 });
    }
  },
};

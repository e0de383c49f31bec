// A Worker importing the whole `lesspay2` (a merchant's edge function that verifies webhooks and also
// validates requests): GET / runs every signature vector and webhook case, and one validation and one
// decoding with exact answers, in workerd. The edge-webhook example covers `lesspay2/edge`.
import { check } from './check.mjs';
import * as lib from 'lesspay2';
import signatures from './signatures.json';
import webhooks from './webhooks.json';

export default {
  fetch() {
    try {
      const summary = check(lib, signatures, webhooks);
      const issues = lib.validate('fetchPayout', {}).issues.map((i) => `${i.path.join('.')}:${i.code}`);
      const decoded = lib.decodeError(30009).name;
      return new Response(`${summary}; validate ${JSON.stringify(issues)}; decodeError ${decoded}`);
    } catch (e) {
      return new Response(`error: ${e.message}`, { status: 500 });
    }
  },
};

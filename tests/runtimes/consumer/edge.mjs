// Node, Deno and Bun, ESM: `import` the installed `lesspay2/edge`, as a webhook verifier does.
import * as lib from 'lesspay2/edge';
import init from 'lesspay2/edge';
import { readFileSync } from 'node:fs';
import { check } from './check.mjs';
import { checkHandler } from './handler.mjs';

await init();
if ('validate' in lib || 'decodeError' in lib) throw new Error('lesspay2/edge exports validation or decoding');
const read = (f) => JSON.parse(readFileSync(new URL(`./vectors/${f}`, import.meta.url), 'utf8'));
const expected = { refusals: read('../vectors-expected/refusals.json'), verdicts: read('../vectors-expected/webhook-verdicts.json') };
console.log(`${globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun esm' : 'node esm'} lesspay2/edge: ${check(lib, read('signatures.json'), read('webhooks.json'), expected)}, ${await checkHandler(lib)}`);

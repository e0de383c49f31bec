// Node, Deno and Bun, ESM: `import` the installed package.
import * as lib from 'lesspay2';
import init from 'lesspay2';
import { readFileSync } from 'node:fs';
import { check } from './check.mjs';
import { checkHandler } from './handler.mjs';

await init();
const read = (f) => JSON.parse(readFileSync(new URL(`./vectors/${f}`, import.meta.url), 'utf8'));
const expected = { refusals: read('../vectors-expected/refusals.json'), verdicts: read('../vectors-expected/webhook-verdicts.json') };
console.log(`${globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun esm' : 'node esm'}: ${check(lib, read('signatures.json'), read('webhooks.json'), expected)}, ${await checkHandler(lib)}`);

// Node and Bun, CommonJS: `require` the installed package (ready synchronously).
const lib = require('lesspay2');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const read = (f) => JSON.parse(readFileSync(join(__dirname, 'vectors', f), 'utf8'));
const expected = { refusals: read('../vectors-expected/refusals.json'), verdicts: read('../vectors-expected/webhook-verdicts.json') };
import('./check.mjs').then(({ check }) => {
  console.log(`${globalThis.Bun ? 'bun' : 'node'} cjs: ${check(lib, read('signatures.json'), read('webhooks.json'), expected)}`);
}).catch((e) => { console.error(e); process.exit(1); });

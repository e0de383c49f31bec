// Node and Bun, CommonJS: `require` the installed `lesspay2/edge` (ready synchronously).
const lib = require('lesspay2/edge');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const read = (f) => JSON.parse(readFileSync(join(__dirname, 'vectors', f), 'utf8'));
const expected = { refusals: read('../vectors-expected/refusals.json'), verdicts: read('../vectors-expected/webhook-verdicts.json') };
Promise.all([import('./check.mjs'), import('./handler.mjs')]).then(async ([{ check }, { checkHandler }]) => {
  if ('validate' in lib || 'decodeError' in lib) throw new Error('lesspay2/edge exports validation or decoding');
  console.log(`${globalThis.Bun ? 'bun' : 'node'} cjs lesspay2/edge: ${check(lib, read('signatures.json'), read('webhooks.json'), expected)}, ${await checkHandler(lib)}`);
}).catch((e) => { console.error(e); process.exit(1); });

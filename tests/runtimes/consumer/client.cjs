// Node and Bun, CommonJS: `require` the installed `lesspay2/client` (ready synchronously).
const lib = require('lesspay2/client');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const read = (f) => JSON.parse(readFileSync(join(__dirname, 'vectors', f), 'utf8'));
import('./client-check.mjs').then(({ checkClient }) => {
  console.log(`${globalThis.Bun ? 'bun' : 'node'} cjs lesspay2/client: ${checkClient(lib, read('validation-cases.json'), read('errors.json'))}`);
}).catch((e) => { console.error(e); process.exit(1); });

// Node, Deno and Bun, ESM: `import` the installed `lesspay2/client`, as a page or its server-side rendering does.
import * as lib from 'lesspay2/client';
import init from 'lesspay2/client';
import { readFileSync } from 'node:fs';
import { checkClient } from './client-check.mjs';

await init();
const read = (f) => JSON.parse(readFileSync(new URL(`./vectors/${f}`, import.meta.url), 'utf8'));
console.log(`${globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun esm' : 'node esm'} lesspay2/client: ${checkClient(lib, read('validation-cases.json'), read('errors.json'))}`);

// Makes the CommonJS copy of pkg/extras.js for the `require` entry. extras.js is our own file and keeps
// to one shape so that this stays a plain text transform: no imports, and only top-level
// `export function name(` / `export const name =` declarations.
import { readFileSync, writeFileSync } from 'node:fs';

const [from, to] = process.argv.slice(2);
const source = readFileSync(from, 'utf8');
if (/^\s*import\s/m.test(source)) throw new Error(`${from} must not import anything`);
const names = [];
const body = source.replace(/^export (function|const|class) (\w+)/gm, (_, kind, name) => {
  names.push(name);
  return `${kind} ${name}`;
});
if (/^export\s/m.test(body)) throw new Error(`${from} has an export form the CommonJS transform does not know`);
writeFileSync(to, `'use strict';\n// Generated from extras.js by scripts/cjs-extras.mjs: do not edit.\n${body}\nmodule.exports = { ${names.join(', ')} };\n`);

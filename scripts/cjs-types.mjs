// Makes pkg/index.d.cts (and pkg/client/index.d.cts, pkg/edge/index.d.cts), the types that TypeScript gives a
// CommonJS consumer (`require('lesspay2')`, `require('lesspay2/client')`, `require('lesspay2/edge')`) under
// moduleResolution node16/nodenext. The package is `"type": "module"`, so index.d.ts and
// types/*.d.ts are ESM declarations, which a CommonJS file may not import; this concatenates them into
// one self-contained declaration file in CommonJS format (its `export default` is node.cjs's `default`).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [index, to] = process.argv.slice(2);
const dir = dirname(index);
const parts = [];
for (const line of readFileSync(index, 'utf8').split('\n')) {
  const m = /^export \* from '(\.\.?\/types\/[\w-]+)\.js';$/.exec(line);
  if (m) {
    const text = readFileSync(join(dir, `${m[1]}.d.ts`), 'utf8')
      // Imports between the concatenated files become references within the one file.
      .replace(/^import (type )?\{[^}]*\} from '\.\/[\w-]+\.js';\n/gm, '')
      // Inline type imports between the concatenated files resolve to the same file's declarations.
      .replace(/import\('\.\/[\w-]+\.js'\)\./g, '');
    parts.push(`// ---- ${m[1]}.d.ts\n${text}`);
  } else if (/^export \{ default \} from '\.\.?\/types\/init\.js';$/.test(line)) {
    // init.d.ts's own `export default` is in the concatenation.
  } else if (/^export /.test(line)) {
    throw new Error(`${index}: only \`export * from '(.)./types/<name>.js'\` lines are understood, not: ${line}`);
  }
}
writeFileSync(to, `// Generated from index.d.ts by scripts/cjs-types.mjs: do not edit.\n${parts.join('\n')}`);

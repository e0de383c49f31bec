// Where the Node entries find the .wasm (pkg/extras.js `nodeWasmBytes`): next to the entry, else next to
// whatever module a bundler left (the bundle itself), on the real file system.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { nodeWasmBytes } from '../../pkg/extras.js';

const MOVED = (wasmPath) => `a bundler has moved this entry away from ${wasmPath}. Leave the package to Node (esbuild: `
  + `--external:lesspay2; Next.js: serverExternalPackages: ['lesspay2']), or copy node_modules/${wasmPath} beside the bundle`;

test('the .wasm is read beside the entry, else beside the first module a bundler left that has one', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lesspay2-wasm-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const bytes = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0);
  writeFileSync(join(dir, 'lesspay2_bg.wasm'), bytes);
  const gone = join(dir, 'gone', 'lesspay2_bg.wasm');
  const read = (...args) => new Uint8Array(nodeWasmBytes(readFileSync, 'lesspay2/lesspay2_bg.wasm', ...args));
  // Beside the entry: the asset itself.
  assert.deepEqual(read(() => join(dir, 'lesspay2_bg.wasm')), bytes);
  // Moved: an undefined module (no import.meta.url in a CommonJS bundle) names nothing; a path, then a file: URL.
  assert.deepEqual(read(() => gone, () => undefined, () => join(dir, 'server.js')), bytes);
  assert.deepEqual(read(() => gone, () => pathToFileURL(join(dir, 'server.mjs')).href), bytes);
  // Nowhere: the last file that was looked for, and what to do.
  const elsewhere = join(dir, 'elsewhere');
  assert.throws(() => read(() => gone, () => join(elsewhere, 'server.js'), () => undefined), {
    name: 'Error',
    message: `lesspay2: cannot read its .wasm (ENOENT: no such file or directory, open '${join(elsewhere, 'lesspay2_bg.wasm')}'): `
      + MOVED('lesspay2/lesspay2_bg.wasm'),
  });
  assert.throws(() => read(() => gone), {
    name: 'Error', message: `lesspay2: cannot read its .wasm (ENOENT: no such file or directory, open '${gone}'): ${MOVED('lesspay2/lesspay2_bg.wasm')}`,
  });
});

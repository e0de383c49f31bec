// Node (this machine's 20, then 18, 22, 24 and 26; ESM and CommonJS), Deno, Bun and TypeScript (node16, bundler, and a Node project without the DOM library) against the packed package,
// `lesspay2`, `lesspay2/client` and `lesspay2/edge`, installed from its tarball into a fresh project as a user
// would; then Node servers bundled by esbuild (as AWS Lambda's tooling does). Run by `make test-runtimes`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cleanup, freshProject, packTarball, root, run } from './lib.mjs';
import { NODE_LINES, nodeBinary } from '../../scripts/nodes.mjs';

// What Node and Bun run: each entry imported (ESM) and required (CommonJS), over every vector and case.
const NODE_CHECKS = ['esm.mjs', 'cjs.cjs', 'client.mjs', 'client.cjs', 'edge.mjs', 'edge.cjs'];

const tarball = packTarball();
const project = freshProject(tarball, {
  files: {
    vectors: join(root, 'tests/vectors'), 'vectors/validation-cases.json': join(root, 'tests/validation/cases.json'),
    'vectors-expected': join(root, 'tests/vectors-expected'),
  },
});
try {
  for (const f of ['check.mjs', 'handler.mjs', 'esm.mjs', 'deno-npm.mjs', 'cjs.cjs', 'esm.ts', 'cjs.cts',
    'client-check.mjs', 'client.mjs', 'client.cjs', 'client.ts', 'client.cts', 'edge.mjs', 'edge.cjs', 'edge.ts', 'edge.cts', 'bun-serve.mjs',
    'stack.mjs']) cpSync(join(root, 'tests/runtimes/consumer', f), join(project, f));
  cpSync(join(root, 'tests/runtimes/stack-limit.mjs'), join(project, 'stack-limit.mjs'));

  // The Node on PATH (20 here), then the lines merchants run (scripts/nodes.mjs).
  for (const node of ['node', ...Object.values(NODE_LINES).map(nodeBinary)]) {
    console.log(`Node ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()}:`);
    for (const f of NODE_CHECKS) run(node, [f], { cwd: project });
  }
  // Deno reads the existing node_modules (no registry needed) and picks the `deno` condition; the
  // package loads its .wasm with a source-phase import, so the only flag is --allow-read for the
  // test's own vector files.
  const denoEnv = { DENO_DIR: join(project, '.deno'), DENO_NO_UPDATE_CHECK: '1' };
  for (const f of NODE_CHECKS.filter((f) => f.endsWith('.mjs'))) {
    run(bin('deno'), ['run', '--node-modules-dir=manual', `--allow-read=${project}`, f], { cwd: project, env: denoEnv });
  }
  // No flag at all: Deno sees package.json + node_modules and uses them for `npm:` specifiers too.
  run(bin('deno'), ['run', 'deno-npm.mjs'], { cwd: project, env: denoEnv });
  // Bun picks the Node entries (its `bun` condition is not used), ESM and CommonJS alike.
  for (const f of [...NODE_CHECKS, 'bun-serve.mjs']) run(bin('bun'), [f], { cwd: project });
  // Calls at the stack limit, in the engines besides Node's (tests/js/robustness.test.mjs has Node's).
  run(bin('deno'), ['run', '--node-modules-dir=manual', 'stack.mjs'], { cwd: project, env: denoEnv });
  run(bin('bun'), ['stack.mjs'], { cwd: project });

  const base = { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], skipLibCheck: false, types: [] };
  const configs = {
    'tsconfig.node16.json': { compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' }, files: ['esm.ts', 'cjs.cts', 'client.ts', 'client.cts', 'edge.ts', 'edge.cts'] },
    'tsconfig.bundler.json': { compilerOptions: { ...base, module: 'preserve', moduleResolution: 'bundler' }, files: ['esm.ts', 'cjs.cts', 'client.ts', 'client.cts', 'edge.ts', 'edge.cts'] },
    // A Node project: Node's own types and no DOM library (where `BufferSource` and `WebAssembly` live).
    'tsconfig.node.json': { compilerOptions: { ...base, lib: ['ES2022'], types: ['node'], typeRoots: [join(root, 'tools/node_modules/@types')], module: 'nodenext', moduleResolution: 'nodenext' }, files: ['esm.ts', 'cjs.cts', 'client.ts', 'client.cts', 'edge.ts', 'edge.cts'] },
  };
  for (const [name, config] of Object.entries(configs)) {
    writeFileSync(join(project, name), JSON.stringify(config, null, 2));
    run(bin('tsc'), ['-p', name], { cwd: project });
    console.log(`tsc --strict (${name.split('.')[1]}): ok`);
  }
  bundledServers();
} finally {
  cleanup(project, join(tarball, '..'));
}

/**
 * A Node server bundled by esbuild, for each entry, from ESM and from CommonJS source: with the package
 * left external it runs as is; bundled in, it runs once the entry's .wasm is copied beside the bundle
 * (in ESM output, and in CommonJS output, where an ESM entry has no `import.meta.url`), and without the
 * copy it stops with the error that says so. Every run must answer what plain Node answers.
 */
function bundledServers() {
  const body = '{"pay_order_id":"P1","order_status":"SUCCEED","amount":100.50}';
  // Each entry's own functions: the client has no signing, the edge no validation or decoding.
  const signing = `sign: lib.sign(${JSON.stringify(body)}, 'k'), valid: lib.verifyWebhook({ body: ${JSON.stringify(body)}, `
    + `headers: { 'x-auth-signature': lib.sign(${JSON.stringify(body)}, 'k') }, secret: 'k' }).valid`;
  const client = "issues: lib.validate('fetchPayout', {}).issues.map((i) => i.code), decoded: lib.decodeError(30009).name";
  const calls = { lesspay2: `({ ${signing}, ${client} })`, 'lesspay2/client': `({ ${client} })`, 'lesspay2/edge': `({ ${signing} })` };
  // node:crypto's SHA-256 of the canonical string written by hand: 'amount=100.50&order_status=SUCCEED&pay_order_id=P1&key=k'.
  const signed = { sign: 'A44E1297137A1A86E6C313A322E05CE6B6A09EECB35EDBD68F49000A89080D74', valid: true };
  const decoded = { issues: ['one_of_required'], decoded: 'Invalid Amount Format' };
  const expected = { lesspay2: { ...signed, ...decoded }, 'lesspay2/client': decoded, 'lesspay2/edge': signed };
  const esbuild = bin('esbuild');
  for (const entry of ['lesspay2', 'lesspay2/client', 'lesspay2/edge']) {
    const name = entry.replace('/', '-');
    writeFileSync(join(project, `${name}-server.mjs`), `import * as lib from '${entry}';\nconsole.log(JSON.stringify(${calls[entry]}));\n`);
    writeFileSync(join(project, `${name}-server.cjs`), `const lib = require('${entry}');\nconsole.log(JSON.stringify(${calls[entry]}));\n`);
    const answer = (file) => JSON.parse(execFileSync('node', [file], { cwd: project, encoding: 'utf8' }));
    const plain = answer(`${name}-server.mjs`);
    assert.deepEqual(plain, expected[entry], `${entry} in plain Node`);
    assert.deepEqual(answer(`${name}-server.cjs`), plain);
    const wasm = join(project, 'node_modules', entry, 'lesspay2_bg.wasm');
    // [output format, source, package left external]
    const builds = [['esm', 'mjs', true], ['esm', 'mjs', false], ['cjs', 'mjs', false], ['cjs', 'cjs', false]];
    for (const [format, from, external] of builds) {
      const label = `${entry}: esbuild --format=${format} from .${from}${external ? ', package external' : ''}`;
      const out = join(project, 'bundles', `${name}-${format}-${from}${external ? '-external' : ''}`);
      mkdirSync(out, { recursive: true });
      const bundle = join(out, `server.${format === 'esm' ? 'mjs' : 'cjs'}`);
      execFileSync(esbuild, [`${name}-server.${from}`, '--bundle', '--platform=node', `--format=${format}`, `--outfile=${bundle}`,
        '--log-level=warning', ...(external ? ['--external:lesspay2'] : [])], { cwd: project, stdio: 'inherit' });
      if (!external) {
        const refused = spawnSync('node', [bundle], { cwd: project, encoding: 'utf8' });
        assert.equal(refused.status, 1, `${label}: ran without its .wasm`);
        const message = `lesspay2: cannot read its .wasm (ENOENT: no such file or directory, open '${join(out, 'lesspay2_bg.wasm')}'): `
          + `a bundler has moved this entry away from ${entry}/lesspay2_bg.wasm. Leave the package to Node (esbuild: `
          + `--external:lesspay2; Next.js: serverExternalPackages: ['lesspay2']), or copy node_modules/${entry}/lesspay2_bg.wasm beside the bundle`;
        assert.ok(refused.stderr.includes(`Error: ${message}\n`), `${label}: ${refused.stderr}`);
        copyFileSync(wasm, join(out, 'lesspay2_bg.wasm'));
      }
      assert.deepEqual(answer(bundle), plain, label);
    }
    console.log(`esbuild: ${entry} bundled into Node servers (ESM and CommonJS output, package external or .wasm copied): ${JSON.stringify(plain)}`);
  }
}

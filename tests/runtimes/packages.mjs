// Node 20 (ESM and CommonJS), Deno and TypeScript (node16 and bundler) against the packed package,
// `lesspay2`, `lesspay2/client` and `lesspay2/edge`, installed from its tarball into a fresh project as a user
// would. Run by `make test-runtimes`.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cleanup, freshProject, packTarball, root, run } from './lib.mjs';

const tarball = packTarball();
const project = freshProject(tarball, {
  files: { vectors: join(root, 'tests/vectors'), 'vectors/validation-cases.json': join(root, 'tests/validation/cases.json') },
});
try {
  for (const f of ['check.mjs', 'handler.mjs', 'esm.mjs', 'deno-npm.mjs', 'cjs.cjs', 'esm.ts', 'cjs.cts',
    'client-check.mjs', 'client.mjs', 'client.cjs', 'client.ts', 'client.cts', 'edge.mjs', 'edge.cjs', 'edge.ts', 'edge.cts']) cpSync(join(root, 'tests/runtimes/consumer', f), join(project, f));

  run('node', ['esm.mjs'], { cwd: project });
  // Node before 20.16 has no `process.getBuiltinModule`: the ESM entry then requires node:fs itself.
  console.log('without process.getBuiltinModule (Node < 20.16):');
  const older = "delete process.getBuiltinModule; if (process.getBuiltinModule) throw new Error('not removed'); await import('./esm.mjs');";
  run('node', ['--input-type=module', '-e', older], { cwd: project });
  run('node', ['cjs.cjs'], { cwd: project });
  run('node', ['client.mjs'], { cwd: project });
  run('node', ['client.cjs'], { cwd: project });
  run('node', ['edge.mjs'], { cwd: project });
  run('node', ['edge.cjs'], { cwd: project });
  // Deno reads the existing node_modules (no registry needed) and picks the `deno` condition; the
  // package loads its .wasm with a source-phase import, so the only flag is --allow-read for the
  // test's own vector files.
  const denoEnv = { DENO_DIR: join(project, '.deno'), DENO_NO_UPDATE_CHECK: '1' };
  run(bin('deno'), ['run', '--node-modules-dir=manual', `--allow-read=${project}`, 'esm.mjs'], { cwd: project, env: denoEnv });
  run(bin('deno'), ['run', '--node-modules-dir=manual', `--allow-read=${project}`, 'client.mjs'], { cwd: project, env: denoEnv });
  run(bin('deno'), ['run', '--node-modules-dir=manual', `--allow-read=${project}`, 'edge.mjs'], { cwd: project, env: denoEnv });
  // No flag at all: Deno sees package.json + node_modules and uses them for `npm:` specifiers too.
  run(bin('deno'), ['run', 'deno-npm.mjs'], { cwd: project, env: denoEnv });

  const base = { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], skipLibCheck: false, types: [] };
  const configs = {
    'tsconfig.node16.json': { compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' }, files: ['esm.ts', 'cjs.cts', 'client.ts', 'client.cts', 'edge.ts', 'edge.cts'] },
    'tsconfig.bundler.json': { compilerOptions: { ...base, module: 'preserve', moduleResolution: 'bundler' }, files: ['esm.ts', 'cjs.cts', 'client.ts', 'client.cts', 'edge.ts', 'edge.cts'] },
  };
  for (const [name, config] of Object.entries(configs)) {
    writeFileSync(join(project, name), JSON.stringify(config, null, 2));
    run(bin('tsc'), ['-p', name], { cwd: project });
    console.log(`tsc --strict (${name.split('.')[1]}): ok`);
  }
} finally {
  cleanup(project, join(tarball, '..'));
}

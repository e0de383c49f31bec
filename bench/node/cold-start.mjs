// Cold start: how long instantiating the module takes.
// - Node: fresh processes; the whole `import 'lesspay2'` (entry + glue + read + compile + instantiate), and
//   WebAssembly compile + instantiate alone (initSync from bytes), each in its own process; the same for
//   `lesspay2/client` and `lesspay2/edge`.
// - workerd: time from process start to the first answered request, with `lesspay2` imported, with
//   `lesspay2/edge` imported, and without either (same config otherwise); the differences are what each
//   module costs a cold worker.
//   node bench/node/cold-start.mjs [--node-only]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.COLD_RUNS ?? 9);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

// ---------------------------------------------------------------------------------------------- Node
// Two probes, each in its own fresh process: what `import 'lesspay2'` costs a merchant end to end (entry,
// glue and extras imported, the .wasm read, compiled and instantiated once), and compile + instantiate
// alone. The first sign call is outside both.
const importProbe = (entry, call) => `
  const t0 = performance.now();
  const lib = await import(${JSON.stringify(join(root, entry))});
  const t1 = performance.now();
  if (!(${call})) throw new Error('bad');
  console.log(JSON.stringify({ ms: t1 - t0 }));
`;
// The same dynamic import of an empty module file: Node's own loader start-up, which any import pays.
const emptyDir = mkdtempSync(join(tmpdir(), 'lesspay2-empty-'));
const emptyModule = join(emptyDir, 'empty.mjs');
writeFileSync(emptyModule, 'export default 1;\n');
const emptyProbe = `
  const t0 = performance.now();
  await import(${JSON.stringify(emptyModule)});
  console.log(JSON.stringify({ ms: performance.now() - t0 }));
`;
const instantiateProbe = (dir, call) => `
  const fs = await import('node:fs');
  const glue = await import(${JSON.stringify(join(root, dir, 'glue/web.js'))});
  const bytes = fs.readFileSync(${JSON.stringify(join(root, dir, 'lesspay2_bg.wasm'))});
  const t0 = performance.now();
  glue.initSync({ module: bytes });
  const t1 = performance.now();
  const lib = glue;
  if (!(${call})) throw new Error('bad');
  console.log(JSON.stringify({ ms: t1 - t0 }));
`;
// The first call of each module, outside the timing: it must answer.
const SIGN = `lib.sign('{"a":"1"}', 'k').length === 64`;
const VALIDATE = `lib.validate('fetchPayout', { request_id: 'R1' }).valid === true`;
const probe = (code) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })).ms;
const node = { import: [], empty: [], instantiate: [], clientImport: [], clientInstantiate: [], edgeImport: [], edgeInstantiate: [] };
for (let i = 0; i < RUNS; i++) {
  node.import.push(probe(importProbe('pkg/node.mjs', SIGN)));
  node.empty.push(probe(emptyProbe));
  node.instantiate.push(probe(instantiateProbe('pkg', SIGN)));
  node.clientImport.push(probe(importProbe('pkg/client/node.mjs', VALIDATE)));
  node.clientInstantiate.push(probe(instantiateProbe('pkg/client', VALIDATE)));
  node.edgeImport.push(probe(importProbe('pkg/edge/node.mjs', SIGN)));
  node.edgeInstantiate.push(probe(instantiateProbe('pkg/edge', SIGN)));
}
rmSync(emptyDir, { recursive: true, force: true });
console.log('\ncold start (median of %d fresh processes)', RUNS);
console.log('| runtime | what | median |');
console.log('|---|---|---|');
console.log(`| Node ${process.version} | \`import 'lesspay2'\` end to end (entry, glue, reading the .wasm, compiling and instantiating it) | ${median(node.import).toFixed(2)} ms |`);
console.log(`| Node ${process.version} | the same import of an empty module (Node's loader start-up) | ${median(node.empty).toFixed(2)} ms |`);
console.log(`| Node ${process.version} | **what the package adds to a cold start** | **${(median(node.import) - median(node.empty)).toFixed(2)} ms** |`);
console.log(`| Node ${process.version} | of which WebAssembly compile + instantiate (initSync from bytes, measured alone) | ${median(node.instantiate).toFixed(2)} ms |`);
console.log(`| Node ${process.version} | **what \`lesspay2/client\` adds to a cold start** (its import less the empty one) | **${(median(node.clientImport) - median(node.empty)).toFixed(2)} ms** |`);
console.log(`| Node ${process.version} | of which WebAssembly compile + instantiate | ${median(node.clientInstantiate).toFixed(2)} ms |`);
console.log(`| Node ${process.version} | **what \`lesspay2/edge\` adds to a cold start** (its import less the empty one) | **${(median(node.edgeImport) - median(node.empty)).toFixed(2)} ms** |`);
console.log(`| Node ${process.version} | of which WebAssembly compile + instantiate | ${median(node.edgeInstantiate).toFixed(2)} ms |`);

// `--node-only`: the Node rows alone, for `make bench`'s second Node line (workerd does not change with it).
if (process.argv.includes('--node-only')) process.exit(0);

// ------------------------------------------------------------------------------------------- workerd
const workerdBin = join(root, 'tools/node_modules/.bin/workerd');
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function firstResponse(dir, port) {
  const t0 = performance.now();
  const child = spawn(workerdBin, ['serve', join(dir, 'config.capnp'), '--experimental'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  try {
    for (;;) {
      if (performance.now() - t0 > 20000) throw new Error(`workerd did not answer: ${err.slice(0, 500)}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/`);
        const text = await r.text();
        if (r.ok) return { ms: performance.now() - t0, text };
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

// `entry`: the package directory whose workerd.js the worker imports (pkg or pkg/edge), or null.
function config(main, port, entry) {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .w) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const w :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "${main}"),
${entry ? `    (name = "${entry}/workerd.js", esModule = embed "${entry}/workerd.js"),
    (name = "${entry}/api.js", esModule = embed "${entry}/api.js"),
    (name = "${entry}/glue/web.js", esModule = embed "${entry}/glue/web.js"),
    (name = "pkg/extras.js", esModule = embed "pkg/extras.js"),
    (name = "${entry}/lesspay2_bg.wasm", wasm = embed "${entry}/lesspay2_bg.wasm"),` : ''}
  ],
  compatibilityDate = "2024-09-23",
);
`;
}

try {
  const dir = mkdtempSync(join(tmpdir(), 'lesspay2-cold-'));
  mkdirSync(join(dir, 'pkg/glue'), { recursive: true });
  mkdirSync(join(dir, 'pkg/edge/glue'), { recursive: true });
  for (const f of ['workerd.js', 'api.js', 'extras.js', 'lesspay2_bg.wasm', 'glue/web.js', 'edge/workerd.js', 'edge/api.js', 'edge/lesspay2_bg.wasm', 'edge/glue/web.js']) {
    cpSync(join(root, 'pkg', f), join(dir, 'pkg', f));
  }
  cpSync(join(root, 'bench/workerd/worker.js'), join(dir, 'worker.js'));
  cpSync(join(root, 'bench/workerd/worker-edge.js'), join(dir, 'worker-edge.js'));
  cpSync(join(root, 'bench/workerd/empty.js'), join(dir, 'empty.js'));
  const variants = { without: ['empty.js', null], with: ['worker.js', 'pkg'], edge: ['worker-edge.js', 'pkg/edge'] };
  const results = { with: [], without: [], edge: [] };
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    for (const [variant, [main, entry]] of Object.entries(variants)) {
      const port = await freePort();
      writeFileSync(join(dir, 'config.capnp'), config(main, port, entry));
      const r = await firstResponse(dir, port);
      if (entry && !/^[0-9A-F]{64}$/.test(r.text)) throw new Error(`unexpected answer ${r.text}`);
      results[variant].push(r.ms);
    }
  }
  const [w, wo, edge] = [median(results.with), median(results.without), median(results.edge)];
  console.log(`| workerd | process start → first response, worker importing lesspay2 | ${w.toFixed(1)} ms |`);
  console.log(`| workerd | the same worker without the package | ${wo.toFixed(1)} ms |`);
  console.log(`| workerd | **what the package adds to a cold start** | **${(w - wo).toFixed(1)} ms** |`);
  console.log(`| workerd | process start → first response, worker importing lesspay2/edge | ${edge.toFixed(1)} ms |`);
  console.log(`| workerd | **what \`lesspay2/edge\` adds to a cold start** | **${(edge - wo).toFixed(1)} ms** |`);
  rmSync(dir, { recursive: true, force: true });
} catch (e) {
  console.log(`| workerd | skipped: ${String(e.message).split('\n')[0]} | — |`);
}

// Shared by the runtime suites: pack the built package exactly as `npm publish` would, install the
// tarball into a fresh temp project (offline: the tarball is the only dependency), run commands with a
// time limit, and clean up.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const tools = join(root, 'tools/node_modules');
export const bin = (name) => join(tools, '.bin', name);

/** `npm pack pkg/` into a fresh dir; returns the tarball's path. */
export function packTarball() {
  const dir = mkdtempSync(join(tmpdir(), 'lesspay2-pack-'));
  execFileSync('npm', ['pack', join(root, 'pkg'), '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  return join(dir, tgz);
}

/** A fresh project with the tarball (and `extraDeps`, resolved from tools/) installed. */
export function freshProject(tarball, { type = 'module', files = {}, extraDeps = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lesspay2-consumer-'));
  const pkg = { name: 'lesspay2-consumer', private: true, type, dependencies: { lesspay2: `file:${tarball}`, ...extraDeps } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    cpSync(from, join(dir, name), { recursive: true });
  }
  return dir;
}

/**
 * Installs from the registry into the project `cwd`: its package.json, or else `specs` (then leaving
 * package.json as it is). npm's cache comes first, so later runs are offline.
 */
export function npmInstall(cwd, specs = []) {
  const args = specs.length ? ['--no-save', ...specs] : [];
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...args], { cwd, timeoutMs: 600_000 });
}

/** Runs a command to completion within `timeoutMs`, inheriting output; throws on failure. */
export function run(cmd, args, { cwd = root, env = {}, timeoutMs = 120_000 } = {}) {
  execFileSync(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit', timeout: timeoutMs, killSignal: 'SIGKILL' });
}

/** Starts a long-running process (its own process group, killed by `stop`). */
export function start(cmd, args, { cwd = root, env = {} } = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  return {
    child,
    log: () => log,
    stop() {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    },
  };
}

/** Polls `fn` until it returns truthy, at most `tries` times `everyMs` apart. */
export async function until(fn, { tries = 100, everyMs = 100, what = 'condition' } = {}) {
  for (let i = 0; i < tries; i++) {
    try {
      const v = await fn();
      if (v) return v;
    } catch { /* not ready */ }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function cleanup(...dirs) {
  for (const d of dirs) if (d) rmSync(d, { recursive: true, force: true });
}

/** A free port on 127.0.0.1: bind one, release it, give it to the server under test. */
export async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

/** How every browser suite (these and tests/e2e/) launches Debian's headless Chromium. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Debian's headless Chromium through the pinned playwright-core (tools/). */
export async function launchChromium() {
  const { chromium } = await import(join(tools, 'playwright-core/index.mjs'));
  return chromium.launch({ ...CHROMIUM, timeout: 30_000 });
}

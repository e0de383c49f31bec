// Starts the demo server on a free port and a fresh headless Chromium (Debian's, driven by playwright-core).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { CHROMIUM } from '../runtimes/lib.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const shots = join(root, 'tests/e2e/screenshots');
const require = createRequire(join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');

export async function startServer() {
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) ok(match[0]);
    });
    child.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

export async function startBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'lesspay2-e2e-'));
  // A persistent context is how playwright passes a fresh --user-data-dir to the browser.
  const browser = await chromium.launchPersistentContext(profile, { ...CHROMIUM, args: ['--headless', ...CHROMIUM.args] });
  mkdirSync(shots, { recursive: true });
  return { browser, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** A page that records console errors, page errors and any request that leaves the demo server. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  const context = { close: () => page.close() };
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const origin = new URL(url).origin;
  page.on('request', (req) => { if (!req.url().startsWith(`${origin}/`) && !req.url().startsWith('data:')) problems.push(`request outside the server: ${req.url()}`); });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, problems, context };
}

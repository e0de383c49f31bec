// The demo's static server: www/ at `/`, the built package at `/pkg/`. Loopback only, no dependencies.
// Usage: node scripts/serve.mjs [--port 8080] [--quiet]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || 8080);
const quiet = args.includes('--quiet');
const mounts = [['/pkg/', join(root, 'pkg')], ['/', join(root, 'www')]];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.ts': 'text/plain; charset=utf-8',
};

async function resolvePath(urlPath) {
  for (const [prefix, dir] of mounts) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(urlPath.slice(prefix.length))));
    if (!file.startsWith(dir)) return null; // no escaping the mount
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) return join(file, 'index.html');
    return file;
  }
  return null;
}

const server = createServer(async (req, res) => {
  try {
    const path = new URL(req.url, 'http://x').pathname;
    const file = await resolvePath(path);
    const data = file && (await readFile(file));
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(data);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  if (!quiet) console.log(`lesspay2 merchant console: http://127.0.0.1:${server.address().port}/`);
});

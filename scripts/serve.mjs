// The built app (dist/) and its live room server, in one process on one port. Usage:
//   node scripts/serve.mjs [DIR] [PORT] [HOST]
// with, for the rooms (docs/live.md): TRAYECTO_DATA, the folder rooms are kept in (default
// live-data), and TRAYECTO_LIVE_ORIGINS, the page origins allowed to join, comma separated
// (default: DIR/trayecto.config.json's liveOrigins, else the server's own origin).
// Also imported by the browser tests (startServer: the static files only). Serves .wasm as
// application/wasm so the browser can compile it while it downloads.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { attachLiveRooms } from './live-rooms.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
};

// Starts serving `dir`; resolves to {server, port, url}. `extraHeaders(pathname)` may add headers;
// `handle(req, res, url)` (tests) may answer a request itself and return true.
export function startServer(dir, port = 0, host = '127.0.0.1', extraHeaders = () => ({}), handle = null) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (handle && handle(req, res, url)) return;
    let pathname = decodeURIComponent(url.pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (!file.startsWith(root + path.sep) && file !== root) { res.writeHead(403); res.end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size, 'Cache-Control': 'no-cache', ...extraHeaders(pathname),
      });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://${host}:${actual}/` });
    });
  });
}

// The core's loader limits, which the web build writes next to the app (web/limits.cpp).
export function coreLimits(dir) {
  const file = path.join(dir, 'trayecto-limits.json');
  let limits;
  try { limits = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) {
    throw new Error(`${file}: the core's limits are missing (build the web app first: scripts/build-web.sh)`);
  }
  if (!(limits.maxMapBytes > 0)) throw new Error(`${file}: no maxMapBytes`);
  return limits;
}

function configuredOrigins(dir) {
  if (process.env.TRAYECTO_LIVE_ORIGINS) return process.env.TRAYECTO_LIVE_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'trayecto.config.json'), 'utf8'));
    if (Array.isArray(config.liveOrigins) && config.liveOrigins.length) return config.liveOrigins;
  } catch { /* no config: same origin */ }
  return null;
}

// The app and its room server. `live`: options of attachLiveRooms (dataDir, origins, rate…);
// maxBytes is the core's. Resolves to {server, port, url, live}.
export async function startApp(dir, port = 0, host = '127.0.0.1', live = {}) {
  const started = await startServer(dir, port, host);
  const rooms = attachLiveRooms(started.server, {
    dataDir: 'live-data', origins: configuredOrigins(dir), ...live, maxBytes: coreLimits(dir).maxMapBytes,
  });
  return { ...started, live: rooms };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [dir = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  const { url, server, live } = await startApp(dir, Number(port), host, {
    dataDir: process.env.TRAYECTO_DATA || 'live-data', log: (m) => console.log(`live: ${m}`),
  });
  console.log(`Trayecto is served at ${url}, live rooms at ${url.replace(/^http/, 'ws')}live  (Ctrl+C stops it)`);
  const stop = async () => { await live.close(); server.close(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

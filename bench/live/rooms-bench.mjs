// Live rooms on loopback (docs/live.md): the room server in its own process (scripts/serve.mjs)
// and Yjs clients speaking its protocol (tests/live/live-client.mjs) in this one and in worker
// threads (edit-load.mjs). A benchmark that
// prints numbers, not a test:
//   node bench/live/rooms-bench.mjs DIST SYNC_NODE_JS [--seconds 60] [--clients 30] [--rooms 20] [--workers 2]
// DIST: the built app (its core limits); SYNC_NODE_JS: the core's sync module for node
// (build/web/tests/sync_node.js), which turns a generated 5 000-card map into a room's fields.
// Prints, per line: an edit's way to the other clients' documents (p50 / p95) with one room and
// with `rooms` rooms at once, the server's memory per 5 000-card room, and a join of such a room.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import * as Y from 'yjs';

import { newRoomId } from '../../web/live-room.mjs';
import { writeChanges } from '../../web/live-yjs.mjs';
import { LiveClient } from '../../tests/live/live-client.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dist, syncJs] = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 60), CLIENTS = arg('clients', 30), ROOMS = arg('rooms', 20), WORKERS = arg('workers', 2);
if (!dist || !syncJs) {
  console.error('usage: node bench/live/rooms-bench.mjs DIST SYNC_NODE_JS [--seconds S] [--clients N] [--rooms R]');
  process.exit(2);
}
const room = () => newRoomId(globalThis.crypto);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;

// The server, in a process of its own (its CPU and memory apart from the clients').
async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayecto-live-bench-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs'), dist, '0', '127.0.0.1'],
    { env: { ...process.env, TRAYECTO_DATA: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /served at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server ended (${code}): ${out}`)));
  });
  child.stdout.resume();
  const rssMb = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return {
    url: `ws://127.0.0.1:${port}/live`, origin: `http://127.0.0.1:${port}`, rssMb,
    async stop() {
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');   // it stores every room first
      await ended;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// `clients` in each of `rooms` rooms, each editing its own card once a second: the edit load
// (edit-load.mjs), its rooms spread over WORKERS threads. Latencies over all rooms.
async function editLoad(server, rooms, clients, seconds) {
  const threads = Math.min(WORKERS, rooms);
  const results = await Promise.all(Array.from({ length: threads }, (_, t) => new Promise((resolve, reject) => {
    const mine = Math.floor(rooms / threads) + (t < rooms % threads ? 1 : 0);
    const worker = new Worker(new URL('./edit-load.mjs', import.meta.url),
      { workerData: { server: { url: server.url, origin: server.origin }, rooms: mine, clients, seconds } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const edits = results.reduce((sum, r) => sum + r.edits, 0);
  return { edits, deliveries: latencies.length, p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), max: latencies[latencies.length - 1] };
}

// The fields of a generated 5 000-card map, as a room holds them (the core's own sync module).
async function mapChanges(cards) {
  const require = createRequire(import.meta.url);
  const wasm = await require(path.resolve(syncJs))();
  return { wasm, changes: JSON.parse(wasm.ccall('sync_state_generated', 'string', ['number', 'number'], [cards, 2026])) };
}

async function roomMemory(server, changes, count) {
  const before = server.rssMb();
  for (let i = 0; i < count; i++) {
    const client = new LiveClient(server.url, room(), { origin: server.origin });
    await client.until(() => client.synced, 'sync', 30000);
    writeChanges(Y, client.doc, changes, 'local');
    await sleep(1500);   // the server has it (and has written it)
    client.close();
  }
  await sleep(1000);
  return (server.rssMb() - before) / count;
}

// A participant joins a 5 000-card room: the room's state arrives, and the core's session builds
// the map from it (what the page does before its first frame of the room).
async function join(server, wasm, changes) {
  const name = room();
  const first = new LiveClient(server.url, name, { origin: server.origin });
  await first.until(() => first.synced, 'sync', 30000);
  writeChanges(Y, first.doc, changes, 'local');
  await sleep(1500);
  const start = performance.now();
  const client = new LiveClient(server.url, name, { origin: server.origin });
  await client.until(() => client.synced, 'sync', 30000);
  const synced = performance.now();
  const out = [];
  for (const scope of ['map', 'personas', 'stages', 'lanes', 'cards', 'emotions', 'moments']) {
    for (const [id, item] of client.doc.getMap(scope).entries()) {
      if (scope === 'map') { out.push(['map', '', id, item]); continue; }
      for (const [field, value] of item.entries()) out.push([scope, id, field, value]);
    }
  }
  // Large text goes through the heap (ccall's strings are copied onto the small wasm stack).
  const heapText = (text) => {
    const bytes = new TextEncoder().encode(text + '\0');
    const p = wasm._malloc(bytes.length);
    wasm.HEAPU8.set(bytes, p);
    return p;
  };
  const [state, who] = [heapText(JSON.stringify(out)), heapText('bench')];
  const joined = wasm._sync_client(0, state, 1, who);
  wasm._free(state);
  wasm._free(who);
  const built = performance.now();
  first.close();
  client.close();
  if (joined < 0) throw new Error('the core did not join the room');
  return { syncMs: synced - start, buildMs: built - synced };
}

const server = await startServer();
try {
  const one = await editLoad(server, 1, CLIENTS, SECONDS);
  console.log(`one room, ${CLIENTS} clients, an edit each per second for ${SECONDS} s: edit -> the others' documents ` +
    `p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms (max ${one.max.toFixed(1)}; ${one.edits} edits, ${one.deliveries} deliveries)`);
  const many = await editLoad(server, ROOMS, CLIENTS, SECONDS);
  console.log(`${ROOMS} rooms at once, ${CLIENTS} clients each: p50 ${many.p50.toFixed(1)} ms, p95 ${many.p95.toFixed(1)} ms ` +
    `(max ${many.max.toFixed(1)}; ${many.edits} edits, ${many.deliveries} deliveries)`);
  const { wasm, changes } = await mapChanges(5000);
  const perRoom = await roomMemory(server, changes, 3);
  console.log(`server memory per 5 000-card room (${changes.length} fields): ${perRoom.toFixed(1)} MB (RSS growth over 3 rooms)`);
  const j = await join(server, wasm, changes);
  console.log(`joining a 5 000-card room: the room's state in ${j.syncMs.toFixed(0)} ms, the map built from it in ${j.buildMs.toFixed(0)} ms (node)`);
} finally {
  await server.stop();
}
process.exit(0);

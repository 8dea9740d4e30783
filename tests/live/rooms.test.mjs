// The room server (scripts/serve.mjs + scripts/live-rooms.mjs) with real Yjs clients over
// WebSockets: edits travel, rooms survive a restart, and what the server must refuse is refused
// without harming the room. Needs dist/ built (the core's limits: dist/trayecto-limits.json).
//   node tests/live/rooms.test.mjs [filter]
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import zlib from 'node:zlib';

import * as Y from 'yjs';

import { coreLimits, startApp } from '../../scripts/serve.mjs';
import { STATELESS, asksForSnapshot, snapshotMessage, snapshotOf } from '../../web/live-protocol.mjs';
import { LIVE_PATH, newRoomId } from '../../web/live-room.mjs';
import { writeChanges } from '../../web/live-yjs.mjs';
import { LiveClient, waitFor } from './live-client.mjs';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const limits = coreLimits(DIST);

// A server on a fresh data folder (or `dataDir`); `app.join(room, options)` makes a client.
const dataDirs = [];   // removed when the tests end
async function serve({ dataDir = null, port = 0, ...live } = {}) {
  if (!dataDir) dataDirs.push(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayecto-live-')));
  const app = await startApp(DIST, port, '127.0.0.1', { dataDir, ...live });
  const origin = `http://127.0.0.1:${app.port}`;
  const wsUrl = `ws://127.0.0.1:${app.port}${LIVE_PATH}`;
  const clients = [];
  return {
    ...app, dataDir, origin, wsUrl,
    join(room, options = {}) {
      const client = new LiveClient(wsUrl, room, { origin, ...options });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const c of clients) c.close();
      await app.live.close();
      await new Promise((r) => app.server.close(r));
    },
  };
}

const room = () => newRoomId(webcrypto);
// `count` clients in a new room, each synced with the server.
async function synced(app, count) {
  const r = room();
  const clients = Array.from({ length: count }, () => app.join(r));
  for (const c of clients) await c.until(() => c.synced, 'sync');
  return clients;
}
const cardText = (client, id) => client.doc.getMap('cards').get(id)?.get('text');
// Resolves once the server's copy of room `r` has card `id` with `text`.
const onServer = (app, r, id, text) => waitFor(
  () => app.live.hocuspocus.documents.get(r)?.getMap('cards').get(id)?.get('text') === JSON.stringify(text), `${id} on the server`);
const edit = (client, id, text) => writeChanges(Y, client.doc, [['cards', id, 'text', JSON.stringify(text)]], 'local');

// In a room of three, `attack` by one gets its connection closed with `code`; the others go on.
async function attackRefused(attack, code) {
  const app = await serve();
  try {
    const [a, b, attacker] = await synced(app, 3);
    attack(attacker);
    await attacker.until(() => attacker.status === 'closed', 'the refusal');
    assert.equal(attacker.closeCode, code);
    edit(a, 'cd-2', 'still here');
    await b.until(() => cardText(b, 'cd-2') === '"still here"', 'the room after the attack');
  } finally { await app.stop(); }
}

const tests = [
  ['an edit in one client reaches the other, and not another room', async () => {
    const app = await serve();
    try {
      const r = room();
      const a = app.join(r), b = app.join(r), elsewhere = app.join(room());
      for (const c of [a, b, elsewhere]) await c.until(() => c.synced, 'sync');
      edit(a, 'cd-1', 'hola');
      await b.until(() => cardText(b, 'cd-1') === '"hola"', 'the edit in b');
      edit(b, 'cd-1', 'hola de b');
      await a.until(() => cardText(a, 'cd-1') === '"hola de b"', "b's edit in a");
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(elsewhere.doc.getMap('cards').size, 0);
    } finally { await app.stop(); }
  }],

  ['a restart of the server keeps the room', async () => {
    const first = await serve();
    const r = room();
    const a = first.join(r);
    await a.until(() => a.synced, 'sync');
    edit(a, 'cd-7', 'before the restart');
    await onServer(first, r, 'cd-7', 'before the restart');
    await first.stop();
    const second = await serve({ dataDir: first.dataDir });
    try {
      const b = second.join(r);
      await b.until(() => cardText(b, 'cd-7') === '"before the restart"', 'the room after a restart');
    } finally { await second.stop(); }
  }],

  ['a connection from another origin is refused; a listed origin is let in', async () => {
    const app = await serve();
    try {
      const bad = app.join(room(), { origin: 'http://evil.example' });
      await bad.until(() => bad.status === 'closed', 'the refusal');
      assert.equal(bad.closeCode, 403);
      const none = app.join(room(), { origin: undefined });
      await none.until(() => none.status === 'closed', 'the refusal of no origin');
      assert.equal(none.closeCode, 403);
    } finally { await app.stop(); }
    const listed = await serve({ origins: ['http://workshop.intranet:8080'] });
    try {
      const ok = listed.join(room(), { origin: 'http://workshop.intranet:8080' });
      await ok.until(() => ok.status === 'authenticated', 'a listed origin');
      const own = listed.join(room());   // its own origin is not listed
      await own.until(() => own.status === 'closed', 'the refusal of an unlisted origin');
    } finally { await listed.stop(); }
  }],

  ['a room name that is not a 128-bit random id is refused', async () => {
    const app = await serve();
    try {
      for (const name of ['not-a-room', 'a'.repeat(21), `${room()}x`, '../../etc/passwd00000']) {
        const c = app.join(name);
        await c.until(() => c.status === 'denied', `the refusal of ${name}`);
      }
      assert.deepEqual(fs.readdirSync(app.dataDir), []);
      const ok = app.join(room());
      await ok.until(() => ok.status === 'authenticated', 'a good name');
    } finally { await app.stop(); }
  }],

  ["a room's snapshot is asked of a page as the room changes, taken only from that page, and sent first to a page joining with the password", async () => {
    const app = await serve({ snapshotEveryMs: 100 });
    const asked = (c) => c.stateless.some(asksForSnapshot);
    const snapshotFile = (r) => path.join(app.dataDir, `${r}.snapshot.deflate`);
    const kept = (r) => (fs.existsSync(snapshotFile(r)) ? zlib.inflateRawSync(fs.readFileSync(snapshotFile(r))).toString() : null);
    try {
      const r = room();
      const a = app.join(r, { token: 'clave' });
      await a.until(() => a.synced, 'sync');
      const b = app.join(r, { token: 'clave' });
      await b.until(() => b.synced, 'sync of b');
      edit(a, 'cd-1', 'hola');
      await a.until(() => asked(a), "the server's ask");
      assert.ok(!asked(b), 'only the page whose edit it was is asked');
      b.ws.send(snapshotMessage(r, new TextEncoder().encode('{"from": "b, not asked"}')));
      a.ws.send(snapshotMessage(r, new TextEncoder().encode('{"from": "a, asked"}')));
      await waitFor(() => kept(r) !== null, 'the snapshot kept');
      assert.equal(kept(r), '{"from": "a, asked"}');
      a.ws.send(snapshotMessage(r, new TextEncoder().encode('{"from": "a, not asked again"}')));
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(kept(r), '{"from": "a, asked"}', 'an answer nobody asked for is not kept');

      const joining = app.join(r, { token: 'clave', snapshot: true });
      await joining.until(() => joining.synced, 'the joining page synced');
      assert.equal(joining.types[0], STATELESS, 'the snapshot comes before anything else');
      assert.equal(zlib.inflateRawSync(snapshotOf(joining.stateless[0])).toString(), '{"from": "a, asked"}');
      const plain = app.join(r, { token: 'clave' });
      await plain.until(() => plain.synced, 'a page not joining synced');
      assert.ok(!plain.types.includes(STATELESS), 'no snapshot unless asked for');
      const intruder = app.join(r, { token: 'wrong', snapshot: true });
      await intruder.until(() => intruder.status === 'denied', 'the wrong password refused');
      assert.deepEqual(intruder.stateless, [], 'no snapshot without the password');
    } finally { await app.stop(); }
  }],

  ['a large stateless message from a page the server did not ask for a snapshot is refused and the room goes on', async () => {
    const app = await serve();
    try {
      const [a, b, attacker] = await synced(app, 3);
      attacker.ws.send(snapshotMessage(attacker.room, new Uint8Array(64 * 1024).fill(0x20)));
      await attacker.until(() => attacker.status === 'closed', 'the refusal');   // its connection to the room
      assert.equal(app.live.hocuspocus.documents.get(attacker.room).getConnectionsCount(), 2);
      edit(a, 'cd-2', 'still here');
      await b.until(() => cardText(b, 'cd-2') === '"still here"', 'the room after the attack');
    } finally { await app.stop(); }
  }],

  ['a message past the core loader limit is refused and the room goes on', () => attackRefused(
    (attacker) => attacker.ws.send(new Uint8Array(limits.maxMapBytes + 1)), 1009)],

  ['a room whose document would pass the core loader limit refuses the messages that would', async () => {
    const app = await serve();
    try {
      const r = room();
      const a = app.join(r);
      await a.until(() => a.synced, 'sync');
      const left = 256 * 1024;   // what the first piece leaves of the limit, about
      a.doc.getMap('map').set('first', 'x'.repeat(limits.maxMapBytes - left));
      await waitFor(() => app.live.hocuspocus.documents.get(r)?.getMap('map').has('first'), 'the first piece on the server');
      // Then 300 pieces of 2 KiB back to back (twice what is left): many arrive together, before
      // the ones before them are applied (without counting those, the room passed the limit and
      // could not be opened again).
      for (let i = 0; i < 300 && a.status !== 'closed'; ++i) a.doc.getMap('map').set(`piece ${i}`, 'y'.repeat(2 * 1024));
      await a.until(() => a.status === 'closed', 'the refusal of the pieces past the limit');
      const b = app.join(r);
      await b.until(() => b.synced, 'sync', 15000);
      assert.equal(b.doc.getMap('map').get('first')?.length, limits.maxMapBytes - left);
      assert.ok(b.doc.getMap('map').size > 1, 'the pieces that fit are kept');
      const size = Y.encodeStateAsUpdate(b.doc).length;
      assert.ok(size <= limits.maxMapBytes, `the room has ${size} bytes, past ${limits.maxMapBytes}`);
    } finally { await app.stop(); }
  }],

  ['a room near the size limit is measured at most once a second, however many messages come (no busy server)', async () => {
    let measured = 0;
    const app = await serve({ sizeOf: (d) => { measured++; return Y.encodeStateAsUpdate(d).length; } });
    try {
      const r = room();
      const a = app.join(r);
      await a.until(() => a.synced, 'sync');
      a.doc.getMap('map').set('first', 'x'.repeat(limits.maxMapBytes - 16 * 1024));
      const onServer = () => app.live.hocuspocus.documents.get(r)?.getMap('map');
      await waitFor(() => onServer()?.has('first'), 'the first piece on the server');
      // Messages that hardly grow the room (one field written again and again), one at a time:
      // each would have had the whole document encoded once its sizes summed past the limit.
      for (let i = 0; i < 40 && a.status !== 'closed'; ++i) {
        a.doc.getMap('map').set('again', `${i} ${'y'.repeat(2 * 1024)}`);
        await waitFor(() => a.status === 'closed' || String(onServer().get('again')).startsWith(`${i} `), `message ${i}`);
      }
      assert.ok(measured <= 2, `the room was measured ${measured} times`);
    } finally { await app.stop(); }
  }],

  ['a connection flooding messages is closed and the room goes on', () => attackRefused((flood) => {
    for (let i = 0; i < 3000 && flood.ws.readyState === 1; ++i) edit(flood, 'cd-flood', `spam ${i}`);
  }, 1008)],

  ['a room created with a password asks it of everyone, after a restart too', async () => {
    const first = await serve();
    const r = room();
    const owner = first.join(r, { token: 'sésamo' });
    await owner.until(() => owner.synced, 'sync');
    edit(owner, 'cd-4', 'secret card');
    await onServer(first, r, 'cd-4', 'secret card');
    const wrong = first.join(r, { token: 'guess' });
    await wrong.until(() => wrong.status === 'denied', 'a wrong password refused');
    const none = first.join(r);
    await none.until(() => none.status === 'denied', 'no password refused');
    assert.equal(none.doc.getMap('cards').size, 0);
    await first.stop();
    const second = await serve({ dataDir: first.dataDir });
    try {
      const again = second.join(r, { token: 'guess' });
      await again.until(() => again.status === 'denied', 'a wrong password refused after a restart');
      const friend = second.join(r, { token: 'sésamo' });
      await friend.until(() => cardText(friend, 'cd-4') === '"secret card"', 'the room with its password');
    } finally { await second.stop(); }
  }],
];

const filter = process.argv[2] || '';
let passed = 0, failed = 0;
for (const [name, run] of tests) {
  if (filter && !name.includes(filter)) continue;
  const started = Date.now();
  try {
    await run();
    ++passed;
    console.log(`ok    ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    ++failed;
    console.log(`FAIL  ${name}\n${e.stack}`);
  }
}
for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

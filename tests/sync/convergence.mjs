// The convergence property test of live rooms (issue #16), in node: the core's sync module
// compiled to wasm (tests/sync/sync_node.cpp), five clients each with its own Yjs document
// joined by web/live-yjs.mjs, random concurrent edits of every kind, random partitions and
// reconnects. After everyone syncs: every client's map is byte-identical, the invariants hold,
// and no card is lost unless someone removed it, its stage or its lane.
//   node --no-experimental-fetch tests/sync/convergence.mjs BUILD/sync_node.js [STEPS] [SEED]
// (seeds 1, 2 and 3 without SEED; a failure prints its seed and the command that repeats it)
import path from 'node:path';
import { createRequire } from 'node:module';
import * as Y from 'yjs';
import { writeChanges, observeChanges, allChanges } from '../../web/live-yjs.mjs';
import { seededRandom as rng } from '../seeded-random.mjs';

const [modulePath, stepsArg = '3000', seedArg] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const createModule = require(path.resolve(modulePath));
const wasm = await createModule();
const call = (name, ret, types, args) => wasm.ccall(name, ret, types, args);

function runOnce(seed, steps) {
  const random = rng(seed);
  const LOCAL = Symbol('local');
  const clients = [];
  const fail = (message) => { throw new Error(`seed ${seed}: ${message}`); };

  const addClient = (startsRoom, name) => {
    const ydoc = new Y.Doc();
    const c = { name, ydoc, online: true, pending: [] };
    if (!startsRoom) Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(clients[0].ydoc), 'remote');
    const joinChanges = startsRoom ? '[]' : JSON.stringify(allChanges(Y, ydoc));
    c.handle = call('sync_client', 'number', ['number', 'string', 'number', 'string'],
      [startsRoom ? 1 : 0, joinChanges, Math.floor(random() * 2 ** 31), name]);
    observeChanges(Y, ydoc, (changes) => call('sync_receive', 'number', ['number', 'string'], [c.handle, JSON.stringify(changes)]), LOCAL);
    ydoc.on('update', (update, origin) => { if (origin === LOCAL) c.pending.push(update); });
    if (startsRoom) flushLocal(c);
    clients.push(c);
    return c;
  };
  const flushLocal = (c) => {
    const changes = JSON.parse(call('sync_take_outgoing', 'string', ['number'], [c.handle]));
    if (changes.length) writeChanges(Y, c.ydoc, changes, LOCAL);
  };
  const mapOf = (c) => JSON.parse(call('sync_get_map', 'string', ['number'], [c.handle]));
  // Delivers c's own updates to every online client (as the server relays them).
  const broadcast = (c) => {
    if (!c.online) return;
    for (const update of c.pending.splice(0))
      for (const other of clients) if (other !== c && other.online) Y.applyUpdate(other.ydoc, update, 'remote');
  };
  // A client back online exchanges what each side misses with every online client.
  const reconnect = (c) => {
    c.online = true;
    c.pending = [];
    for (const other of clients) {
      if (other === c || !other.online) continue;
      Y.applyUpdate(other.ydoc, Y.encodeStateAsUpdate(c.ydoc, Y.encodeStateVector(other.ydoc)), 'remote');
      Y.applyUpdate(c.ydoc, Y.encodeStateAsUpdate(other.ydoc, Y.encodeStateVector(c.ydoc)), 'remote');
    }
  };

  // What explains a card's absence: tombstones seen at the client that removed something.
  const removed = { cards: new Set(), stages: new Set(), lanes: new Set() };
  const homes = new Map();   // card id -> Set of "stage|lane" it was ever seen in
  const note = (before, after) => {
    for (const key of ['cards', 'stages', 'lanes']) {
      const now = new Set(after[key].map((x) => x.id));
      for (const x of before[key]) if (!now.has(x.id)) removed[key].add(x.id);
    }
    for (const card of after.cards) {
      if (!homes.has(card.id)) homes.set(card.id, new Set());
      homes.get(card.id).add(`${card.stageId}|${card.laneId}`);
    }
  };

  addClient(true, 'c0');
  for (let i = 1; i < 5; ++i) addClient(false, `c${i}`);
  let edits = 0;
  for (let step = 0; step < steps; ++step) {
    const c = clients[Math.floor(random() * clients.length)];
    const r = random();
    if (r < 0.06) {
      if (c.online && clients.filter((x) => x.online).length > 1) c.online = false;
      else if (!c.online) reconnect(c);
      continue;
    }
    const before = mapOf(c);
    const kind = random() < 0.25 ? 0 : Math.floor(random() * 16);   // a workshop adds more than it removes
    call('sync_random_edit', 'string', ['number', 'number'], [c.handle, kind]);
    flushLocal(c);
    note(before, mapOf(c));
    ++edits;
    if (random() < 0.7) broadcast(c);
  }
  for (const c of clients) if (!c.online) reconnect(c);
  for (const c of clients) broadcast(c);

  const texts = clients.map((c) => call('sync_get_map', 'string', ['number'], [c.handle]));
  for (let i = 1; i < texts.length; ++i)
    if (texts[i] !== texts[0]) fail(`client ${i}'s map differs from client 0's after sync`);
  for (const c of clients) {
    const problems = call('sync_problems', 'string', ['number'], [c.handle]);
    if (problems) fail(`invariants broken at ${c.name}: ${problems}`);
  }
  const final = JSON.parse(texts[0]);
  const present = new Set(final.cards.map((x) => x.id));
  for (const [id, seenIn] of homes) {
    if (present.has(id) || removed.cards.has(id)) continue;
    const explained = [...seenIn].some((home) => {
      const [stage, lane] = home.split('|');
      return removed.stages.has(stage) || removed.lanes.has(lane);
    });
    if (!explained) fail(`card ${id} was lost: nobody removed it, its stage or its lane`);
  }
  return { edits, cards: final.cards.length, stages: final.stages.length };
}

const steps = Number(stepsArg);
const seeds = seedArg !== undefined ? [Number(seedArg)] : [1, 2, 3];
let passed = 0, failed = 0;
for (const seed of seeds) {
  try {
    const t0 = Date.now();
    const r = runOnce(seed, steps);
    ++passed;
    console.log(`seed ${seed}: ${r.edits} edits by 5 clients, converged (${r.cards} cards, ${r.stages} stages) in ${Date.now() - t0} ms`);
  } catch (e) {
    ++failed;
    console.log(`FAILED ${e.message}\n  rerun: node --no-experimental-fetch tests/sync/convergence.mjs ${modulePath} ${steps} ${seed}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

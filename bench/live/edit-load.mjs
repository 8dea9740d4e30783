// The edit load of bench/live/rooms-bench.mjs: `clients` Yjs clients in each of `rooms` rooms,
// each editing its own card once a second (at a random phase); every other client notes how
// long the edit took to reach its document. Run in worker threads (rooms-bench.mjs spreads the
// rooms over them): the clients stand for browsers on machines of their own, and in one thread
// their decoding, not the server, set the pace (the server idles most of the run).
import { parentPort, workerData } from 'node:worker_threads';

import * as Y from 'yjs';

import { newRoomId } from '../../web/live-room.mjs';
import { writeChanges } from '../../web/live-yjs.mjs';
import { LiveClient } from '../../tests/live/live-client.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Every thread's clock: the edit's time travels in the card's text.
const now = () => performance.timeOrigin + performance.now();

// Resolves to { edits, latencies } once `seconds` of edits are over.
async function editLoad({ url, origin }, rooms, clients, seconds) {
  const all = [];
  const latencies = [];
  for (let r = 0; r < rooms; r++) {
    const name = newRoomId(globalThis.crypto);
    for (let c = 0; c < clients; c++) {
      const client = new LiveClient(url, name, { origin });
      client.doc.getMap('cards').observeDeep((events, tx) => {
        if (tx.origin !== client) return;   // only what came from the server
        const at = now();
        for (const e of events) {
          if (e.path.length !== 1) continue;
          const sent = Number(JSON.parse(e.target.get('text') || '"0"').split('|')[0]);
          if (sent > 0) latencies.push(at - sent);
        }
      });
      all.push({ client, card: `bench-${name}-${c}` });
    }
  }
  await Promise.all(all.map(({ client }) => client.until(() => client.synced, 'sync', 30000)));
  // Each card exists everywhere before the clock starts (a new item is not an edit of a field).
  for (const { client, card } of all) writeChanges(Y, client.doc, [['cards', card, 'text', '"0"']], 'local');
  await sleep(2000);
  latencies.length = 0;
  const timers = [];
  let edits = 0;
  for (const { client, card } of all) {
    const edit = () => {
      writeChanges(Y, client.doc, [['cards', card, 'text', JSON.stringify(`${now()}|${edits++}`)]], 'local');
    };
    timers.push(setTimeout(() => timers.push(setInterval(edit, 1000)), Math.random() * 1000));
  }
  await sleep(seconds * 1000);
  for (const t of timers) { clearTimeout(t); clearInterval(t); }
  await sleep(1000);   // the last edits arrive
  for (const { client } of all) client.close();
  return { edits, latencies };
}

const { server, rooms, clients, seconds } = workerData;
parentPort.postMessage(await editLoad(server, rooms, clients, seconds));

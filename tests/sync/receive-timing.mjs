// How long a client takes, in the wasm, to receive one remote change of one card's text
// (sync::Session::receive) on generated maps of 200, 5 000 and 20 000 cards: median of 21.
// A measurement, not a test (docs/live.md reports it):
//   node --no-experimental-fetch tests/sync/receive-timing.mjs build/web/tests/sync_node.js
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const wasm = await require(path.resolve(process.argv[2]))();
const call = (name, ret, types, args) => wasm.ccall(name, ret, types, args);

for (const cards of [200, 5000, 20000]) {
  const h = call('sync_client_generated', 'number', ['number', 'number'], [cards, 2026]);
  const id = call('sync_card_id', 'string', ['number', 'number'], [h, Math.floor(cards / 2)]);
  const times = [];
  for (let i = 0; i < 21; ++i) {
    const changes = JSON.stringify([['cards', id, 'text', JSON.stringify(`Edited by someone else ${i}`)]]);
    const start = performance.now();
    if (!call('sync_receive', 'number', ['number', 'string'], [h, changes])) throw new Error('the change did not apply');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${cards} cards: receive one remote field change ${times[10].toFixed(3)} ms (median of 21)`);
}

// The share-link decoder's fuzzer for scripts/fuzz.sh: runs the seeded fuzz test of
// tests/e2e/share-link.test.mjs again and again with fresh seeds until SECONDS are up. A failure
// prints its seed; replay it with
//   TRAYECTO_LINK_SEED=<seed> node tests/e2e/run.mjs "share-link: fuzz"
//   node tests/fuzz/fuzz_link.mjs SECONDS
import { tests, tally } from '../e2e/share-link.test.mjs';

const seconds = Number(process.argv[2]) || 10;
const fuzz = tests.find((t) => t.name.startsWith('fuzz:'));
const until = Date.now() + seconds * 1000;
let rounds = 0;
while (Date.now() < until) {
  const seed = 1 + Math.floor(Math.random() * 0x7ffffffe);
  process.env.TRAYECTO_LINK_SEED = String(seed);
  process.env.TRAYECTO_LINK_FUZZ = '300';
  try {
    await fuzz.run();
  } catch (e) {
    console.error(`fuzz_link: FAILED with seed ${seed}: ${e && e.stack || e}`);
    process.exit(1);
  }
  rounds++;
}
console.log(`fuzz_link: ${tally.tried} links in ${rounds} rounds: ${tally.decoded} decoded, ` +
            `${tally.unreadable} refused as unreadable, ${tally.tooLarge} refused as too large; no failure`);

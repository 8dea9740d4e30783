// The share-link decoder (web/share-link.js) against hostile links, in node: thousands of random
// and crafted payloads (not base64, not deflate, cut short, bit-flipped, trailing junk, bombs
// just under and far over the cap). Each either decodes to at most `cap` bytes or is refused with
// a LinkError; nothing throws anything else, nothing is left unhandled, nothing passes the cap.
// No browser: the same code runs on node's DecompressionStream (zlib, as Chromium's).
//   TRAYECTO_LINK_FUZZ=20000 node tests/e2e/run.mjs share-link     (default 3000 payloads)
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { assert, assertEqual, b64url, deflateBomb400, ROOT } from './harness.mjs';

vm.runInThisContext(fs.readFileSync(path.join(ROOT, 'web/share-link.js'), 'utf8'), { filename: 'web/share-link.js' });
const { encode, decode, inflate, LinkError, SNAPSHOT_FEED_BYTES } = globalThis.TrayectoLink;
const MAX_MAP_BYTES = 32 * 1024 * 1024;   // web/wasm-bridge.js (checked against the core in links.test.mjs)

export const tally = { tried: 0, decoded: 0, unreadable: 0, tooLarge: 0 };

// A small seeded generator: a failure names its seed and can be replayed.
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 0x100000000; };
}
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const WILD = ALPHABET + '+/=%#&?. \u00e9\u20ac\ud83d\ude00\u0000';

// Decodes `encoded` with `cap`; returns 'decoded' with the bytes checked against `expect` (when
// given), or the refusal's reason. Throws on anything else.
async function attempt(encoded, cap, expect, what) {
  tally.tried++;
  let bytes;
  try {
    bytes = await decode(encoded, cap);
  } catch (e) {
    if (!(e instanceof LinkError) || !['unreadable', 'tooLarge'].includes(e.reason)) {
      throw new Error(`${what}: threw ${e && e.name}: ${e && e.message}`);
    }
    tally[e.reason]++;
    return e.reason;
  }
  assert(bytes instanceof Uint8Array, `${what}: bytes`);
  assert(bytes.length <= cap, `${what}: ${bytes.length} bytes passed the cap of ${cap}`);
  if (expect) assert(Buffer.compare(Buffer.from(bytes), expect) === 0, `${what}: decoded bytes differ`);
  tally.decoded++;
  return 'decoded';
}

// Runs `fn` while counting unhandled rejections (the decoder must leave none behind).
async function noUnhandled(fn) {
  const seen = [];
  const on = (e) => seen.push(e);
  process.on('unhandledRejection', on);
  try {
    await fn();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('unhandledRejection', on);
  }
  assert(seen.length === 0, 'unhandled rejections: ' + seen.map(String).join('; '));
}

export const tests = [
  {
    name: 'round trip: what encode writes, decode gives back as UTF-8 bytes',
    async run() {
      const text = JSON.stringify({ title: 'Señal débil ™ € → • … Ωμέγα Привет 😀', n: [1, 2, 3] });
      const bytes = await decode(await encode(text), MAX_MAP_BYTES);
      assertEqual(new TextDecoder().decode(bytes), text, 'decoded text');
    },
  },
  {
    name: 'a bomb is cut at the cap: 400 MB behind a ~0.5 MB link is refused after 32 MB',
    timeout: 120,
    async run() {
      const link = b64url(await deflateBomb400());
      assert(link.length < 600 * 1024, 'the link is about half a megabyte: ' + link.length);
      const before = process.memoryUsage().rss;
      const started = Date.now();
      assertEqual(await attempt(link, MAX_MAP_BYTES, null, 'bomb'), 'tooLarge', 'refused as too large');
      const grew = process.memoryUsage().rss - before;
      console.log(`      400 MB bomb: refused in ${Date.now() - started} ms, rss grew ${Math.round(grew / 1048576)} MB`);
      assert(grew < 200 * 1024 * 1024, 'memory stays near the cap, not the bomb: grew ' + grew);
    },
  },
  {
    name: "a live room's snapshot that is a bomb (a hostile server) is cut at the cap too, fed as snapshots are",
    timeout: 120,
    async run() {
      const snapshot = new Uint8Array(await deflateBomb400());
      const before = process.memoryUsage().rss;
      let reason = 'inflated';
      try { await inflate(snapshot, MAX_MAP_BYTES, SNAPSHOT_FEED_BYTES); } catch (e) { reason = e.reason; }
      assertEqual(reason, 'tooLarge', 'refused as too large');
      const grew = process.memoryUsage().rss - before;
      console.log(`      400 MB snapshot bomb: rss grew ${Math.round(grew / 1048576)} MB`);
      assert(grew < 200 * 1024 * 1024, 'memory stays near the cap, not the bomb: grew ' + grew);
    },
  },
  {
    name: 'fuzz: random, broken and oversized links never throw past the decoder nor pass the cap',
    timeout: 240,
    async run() {
      const n = Number(process.env.TRAYECTO_LINK_FUZZ) || 3000;
      const seed = Number(process.env.TRAYECTO_LINK_SEED) || 2026;
      const random = rng(seed);
      const int = (k) => Math.floor(random() * k);
      const bytesOf = (k) => { const b = Buffer.alloc(k); for (let i = 0; i < k; i++) b[i] = int(256); return b; };
      const textish = (k) => { const b = Buffer.alloc(k); for (let i = 0; i < k; i++) b[i] = random() < 0.7 ? 32 + int(95) : int(256); return b; };
      const cap = 64 * 1024;   // small, so bombs and near-cap inputs stay fast
      const before = { ...tally };
      await noUnhandled(async () => {
        for (let i = 0; i < n; i++) {
          const what = `payload ${i} (seed ${seed})`;
          switch (i % 8) {
            case 0: {   // random characters, some outside base64url
              let s = '';
              const k = int(400);
              for (let j = 0; j < k; j++) s += random() < 0.95 ? ALPHABET[int(ALPHABET.length)] : WILD[int(WILD.length)];
              await attempt(s, cap, null, what);
              break;
            }
            case 1:   // random bytes, base64url: almost never deflate
              await attempt(b64url(bytesOf(int(2000))), cap, null, what);
              break;
            case 2: {   // valid deflate of random content under the cap: decodes exactly
              const plain = textish(int(cap));
              assertEqual(await attempt(b64url(zlib.deflateRawSync(plain)), cap, plain, what), 'decoded', what);
              break;
            }
            case 3: {   // valid deflate, then bits flipped
              const d = zlib.deflateRawSync(textish(1 + int(5000)));
              for (let f = 1 + int(4); f > 0; f--) d[int(d.length)] ^= 1 << int(8);
              await attempt(b64url(d), cap, null, what);
              break;
            }
            case 4: {   // valid deflate, cut short (and its base64 cut mid-quantum)
              const d = zlib.deflateRawSync(textish(1 + int(5000)));
              const s = b64url(d);
              await attempt(s.slice(0, int(s.length)), cap, null, what);
              break;
            }
            case 5: {   // valid deflate followed by junk
              const plain = textish(1 + int(3000));
              await attempt(b64url(Buffer.concat([zlib.deflateRawSync(plain), bytesOf(1 + int(20))])), cap, null, what);
              break;
            }
            case 6: {   // a bomb: up to 8x the cap of one byte repeated
              const size = cap + 1 + int(cap * 7);
              assertEqual(await attempt(b64url(zlib.deflateRawSync(Buffer.alloc(size, int(256)))), cap, null, what), 'tooLarge', what);
              break;
            }
            default: {   // right at the cap's edge: cap bytes decode, cap + 1 do not
              const size = cap + (int(2) ? 0 : 1);
              const plain = Buffer.alloc(size, 0x7b);
              const expected = size <= cap ? 'decoded' : 'tooLarge';
              assertEqual(await attempt(b64url(zlib.deflateRawSync(plain)), cap, size <= cap ? plain : null, what), expected, what);
            }
          }
        }
      });
      const d = (k) => tally[k] - before[k];
      console.log(`      ${d('tried')} payloads: ${d('decoded')} decoded, ${d('unreadable')} refused as unreadable, ` +
                  `${d('tooLarge')} refused as too large (cap ${cap} bytes)`);
      assertEqual(d('decoded') + d('unreadable') + d('tooLarge'), d('tried'), 'every payload decoded or refused');
    },
  },
];

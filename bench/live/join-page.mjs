// A page joining a 5 000-card live room (docs/live.md), against the same page opening that map
// from a file. A benchmark that prints numbers, not a test:
//   node bench/live/join-page.mjs DIST MAP_JSON [--runs 3] [--cpu-slowdown 1]
// The room server runs in this process next to the built app (scripts/serve.mjs); a first page
// opens the map and starts the room, then for each run a fresh page (started, the room engine
// loaded) first opens the map from its text (loadMap + next frame), then, holding another map,
// is sent to the room's link: the time from there to the first frame that shows the room's map
// (its snapshot, read-only, docs/live.md "Joining"), then when the room's own document had arrived
// and when the core had built the map from it (from then on the page edits).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { asReturningVisitor, launchBrowser } = await import(path.join(ROOT, 'tests/e2e/harness.mjs'));
const { startApp } = await import(path.join(ROOT, 'scripts/serve.mjs'));

const [dist, mapFile] = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 3), SLOWDOWN = arg('cpu-slowdown', 1);
if (!dist || !mapFile) {
  console.error('usage: node bench/live/join-page.mjs DIST MAP_JSON [--runs N] [--cpu-slowdown K]');
  process.exit(2);
}
const json = fs.readFileSync(mapFile, 'utf8');
const cards = JSON.parse(json).cards.length;
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayecto-join-bench-'));
const app = await startApp(dist, 0, '127.0.0.1', { dataDir });
const browser = await launchBrowser();
const newPage = async () => {
  // In each page: a promise of the next frame the app draws (the map shown).
  const nextFrame = () => {
    window.__nextFrame = () => new Promise((resolve) => {
      const f = window.trayecto.frameCount();
      const poll = () => (window.trayecto.frameCount() > f ? resolve() : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    });
  };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await asReturningVisitor(context);
  await context.addInitScript(nextFrame);
  const page = await context.newPage();
  await page.goto(app.url + '?lang=en');
  await page.evaluate(() => window.trayecto.ready);
  return { context, page };
};
try {
  // The room: started from the opened map as Map → Start live session does, without its dialogs.
  const host = await newPage();
  if (!(await host.page.evaluate((j) => window.trayecto.loadMap(j).ok, json))) throw new Error('the map does not open');
  const roomId = await host.page.evaluate(async () => {
    const live = window.trayecto.live;
    const engine = await live.loadEngine();
    const id = engine.newRoomId();
    const { room, error } = await live.connect(id, null, '');
    if (error) throw new Error(error);
    live.enter(room, id);
    room.publish(JSON.parse(live.wasm.liveStart()));
    live.persistence.enterRoom(id);
    return id;
  });
  await host.page.waitForTimeout(3000);   // the room's document reaches the server

  const runs = [];
  const small = JSON.stringify({ format: 'trayecto-journey', version: 1, meta: { title: 'before' } });
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newPage();
    await page.evaluate(() => window.trayecto.live.loadEngine());
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(page);
    if (SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    const openMs = await page.evaluate(async (j) => {
      const t0 = performance.now();
      if (!window.trayecto.loadMap(j).ok) throw new Error('the map does not open');
      await window.__nextFrame();
      return performance.now() - t0;
    }, json);
    const other = await page.evaluate((j) => window.trayecto.loadMap(j), small);
    if (!other.ok) throw new Error('the small map does not open: ' + other.error);
    await page.waitForTimeout(1000);
    const joined = await page.evaluate(async ([id, want]) => {
      const t0 = performance.now();
      const wasm = window.trayecto.live.wasm;
      const join = wasm.liveJoin.bind(wasm);
      const at = {};
      wasm.liveJoin = (text) => { at.arrived = performance.now() - t0; const r = join(text); at.built = performance.now() - t0; return r; };
      location.hash = '#room=' + id;
      await new Promise((resolve) => { const poll = () => (window.trayecto.mapSummary().cards >= want ? resolve() : setTimeout(poll, 5)); poll(); });
      await window.__nextFrame();
      at.frame = performance.now() - t0;
      // The room's own document in, and the map it stands for built (the snapshot replaced).
      await new Promise((resolve) => { const poll = () => (at.built !== undefined ? resolve() : setTimeout(poll, 5)); poll(); });
      return at;
    }, [roomId, cards]);
    runs.push({ openMs, ...joined });
    await context.close();
  }
  const open = median(runs.map((r) => r.openMs)), frame = median(runs.map((r) => r.frame));
  console.log(`a page joining a ${cards.toLocaleString('en').replace(/,/g, ' ')}-card room${SLOWDOWN > 1 ? ` (${SLOWDOWN}x CPU slowdown)` : ''}: ` +
    `first frame of the room's map ${frame.toFixed(0)} ms (its snapshot; the room's document in ${median(runs.map((r) => r.arrived)).toFixed(0)} ms, ` +
    `the map built from it, editable, by ${median(runs.map((r) => r.built)).toFixed(0)} ms); opening the same map from its text: ${open.toFixed(0)} ms; ` +
    `ratio ${(frame / open).toFixed(1)} (goal ≤ 1.5; median of ${RUNS})`);
} finally {
  await browser.close();
  await app.live.close();
  app.server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

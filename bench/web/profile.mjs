// Where the time goes: a CPU profile (Chrome DevTools protocol) of one phase of the app, summed by
// function. Build the app with function names kept first (same code, same flags otherwise):
//   NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build/bench-web/profile-build \
//     -DCMAKE_BUILD_TYPE=Release -DTRAYECTO_BENCH=OFF -DTRAYECTO_TESTS=OFF \
//     -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs -DTRAYECTO_DIST_DIR=$PWD/build/bench-web/profile-dist
//   cmake --build build/bench-web/profile-build -j2
// then:
//   node bench/web/profile.mjs --dist build/bench-web/profile-dist --map m5000.json --phase frames [--cpu-slowdown 4]
// Phases: start (navigation to first frame), open (loadMap + first frame), frames (3 s of
// panning and zooming with the mouse), autosave (a card deleted and the 1.5 s after), typing (24 keys typed into a card edited in place).
// Prints the top functions by inclusive and self time; --under NAME keeps only the samples taken
// inside a function whose name contains NAME.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { asReturningVisitor, launchBrowser, startServer } = await import(path.join(ROOT, 'tests/e2e/harness.mjs'));
const opts = { dist: path.join(ROOT, 'build/bench-web/profile-dist'), map: '', phase: 'frames', top: '30', 'cpu-slowdown': '1' };
for (let i = 2; i < process.argv.length; i++) opts[process.argv[i].replace(/^--/, '')] = process.argv[++i];
if (opts.phase !== 'start' && !opts.map) throw new Error('--map FILE is required for the open and frames phases');

const { server, url } = await startServer(opts.dist);
const browser = await launchBrowser();
if (opts.phase === 'start') {   // the browser's first page pays for starting the GPU process: warm up
  const warm = await browser.newContext();
  const p = await warm.newPage();
  await p.goto(url);
  await p.evaluate(() => window.trayecto.ready);
  await warm.close();
}
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await asReturningVisitor(context);
await context.addInitScript(() => {   // a handle on the module, to open big maps without the bridge's ccall
  let factory;
  Object.defineProperty(window, 'createTrayecto', {
    configurable: true, get() { return factory; },
    set(v) { factory = typeof v !== 'function' ? v : (o) => v(o).then((m) => { window.__benchModule = m; return m; }); },
  });
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
// --cpu-slowdown 4: a slow laptop, as scripts/bench.sh's CPU_SLOWDOWN.
if (Number(opts['cpu-slowdown']) > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(opts['cpu-slowdown']) });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const json = opts.map ? fs.readFileSync(opts.map, 'utf8') : '';
// As the bench opens maps: through the mount's loadMap (the page's own path: encoding, the
// change notices, the screen reader's copy); --direct calls the C function with the text copied
// by Emscripten's helpers instead.
const open = () => page.evaluate(async (direct) => {
  const m = window.__benchModule, text = window.__benchJson;
  let error = '';
  if (direct) {
    const size = m.lengthBytesUTF8(text) + 1, ptr = m._malloc(size);
    m.stringToUTF8(text, ptr, size);
    error = m.UTF8ToString(m._trayecto_load_map_bytes(ptr, size - 1, 0));
    m._free(ptr);
  } else {
    const result = window.trayecto.loadMap(text);
    if (!result.ok) error = result.error;
  }
  const frames = window.trayecto.frameCount();
  await new Promise((resolve) => { const poll = () => (window.trayecto.frameCount() > frames ? resolve() : requestAnimationFrame(poll)); requestAnimationFrame(poll); });
  if (error) throw new Error(error);
}, Boolean(opts.direct));

if (opts.phase === 'start') await cdp.send('Profiler.start');
await page.goto(url);
await page.evaluate(() => window.trayecto.ready);
if (json) await page.evaluate((j) => { window.__benchJson = j; }, json);
if (opts.phase === 'open') await cdp.send('Profiler.start');
if (json) await open();
if (opts.phase === 'frames') {
  await page.waitForTimeout(2500);
  await page.mouse.move(640, 420);
  await cdp.send('Profiler.start');
  const end = Date.now() + 3000;
  for (let i = 0; Date.now() < end;) {
    await page.mouse.down({ button: 'middle' });
    for (const stop = Date.now() + 500; Date.now() < stop; i++) await page.mouse.move(640 + 160 * Math.sin(i / 5), 420 + 90 * Math.sin(i / 3));
    await page.mouse.up({ button: 'middle' });
    for (let k = 0; k < 6; k++) { await page.mouse.wheel(0, k < 3 ? -100 : 100); await page.waitForTimeout(16); }
  }
}
if (opts.phase === 'autosave') {   // a card clicked, then Delete, and 1.5 s of what follows (the save)
  await page.waitForTimeout(3000);
  const card = await page.evaluate(() => {
    for (const c of JSON.parse(window.__benchJson).cards) {
      const r = window.trayecto.locate(c.id);
      if (r && r.width >= 6 && r.height >= 6 && r.x > 10 && r.y > 60 && r.x + r.width < 900 && r.y + r.height < 760)
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  });
  if (!card) throw new Error('no card to click');
  await page.mouse.click(card.x, card.y);
  await page.waitForTimeout(300);
  await cdp.send('Profiler.start');
  await page.keyboard.press('Delete');
  await page.waitForTimeout(1500);
}
if (opts.phase === 'typing') {   // a card edited in place, 24 characters typed 80 ms apart
  await page.waitForTimeout(1500);
  let card = null;
  for (let zoom = 0; !card && zoom < 12; zoom++) {
    card = await page.evaluate(() => {
      for (const c of JSON.parse(window.__benchJson).cards) {
        const r = window.trayecto.locate(c.id);
        if (r && r.width >= 30 && r.height >= 16 && r.x > 10 && r.y > 60 && r.x + r.width < 900 && r.y + r.height < 760)
          return { id: c.id, x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    });
    if (!card) { await page.mouse.move(640, 400); await page.mouse.wheel(0, -100); await page.waitForTimeout(100); }
  }
  if (!card) throw new Error('no card large enough to double-click');
  await page.mouse.dblclick(card.x, card.y);
  await page.waitForFunction((id) => window.trayecto.viewState().editing === id, card.id);
  await cdp.send('Profiler.start');
  await page.keyboard.type(' y el cliente sigue aqui', { delay: 80 });
  await page.waitForTimeout(300);
}
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
server.close();

// Sum the samples by function: self time, and inclusive time (each function once per stack).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const perNode = new Map();
profile.samples.forEach((id, k) => perNode.set(id, (perNode.get(id) || 0) + (profile.timeDeltas[k] || 0)));
const self = new Map(), inclusive = new Map();
const nameOf = (id) => byId.get(id).callFrame.functionName || '(anonymous)';
// --under NAME: only the samples taken inside NAME (e.g. drawFrame), to see where a frame goes.
const inside = (id) => { for (let cur = id; cur !== undefined; cur = parent.get(cur)) if (nameOf(cur).includes(opts.under)) return true; return false; };
let total = 0;
for (const [id, us] of perNode) {
  if (opts.under && !inside(id)) continue;
  total += us;
  self.set(nameOf(id), (self.get(nameOf(id)) || 0) + us);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const name = nameOf(cur);
    if (!seen.has(name)) { seen.add(name); inclusive.set(name, (inclusive.get(name) || 0) + us); }
  }
}
const print = (title, m) => {
  console.log(`--- ${title} (ms, % of ${(total / 1000).toFixed(0)} ms sampled)`);
  [...m].filter(([n]) => !/^\((root|idle|program)\)$/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top))
    .forEach(([n, us]) => console.log(`${(us / 1000).toFixed(1).padStart(8)} ${(100 * us / total).toFixed(1).padStart(5)}%  ${n.slice(0, 150)}`));
};
print('inclusive', inclusive);
print('self', self);
// --tasks MS: each stretch of samples with no idle between them that lasts at least MS, with the
// functions it spent most in (what makes one long task, e.g. after an edit).
if (opts.tasks) {
  const idle = (id) => /^\((idle|program|garbage collector)\)$/.test(nameOf(id)) && nameOf(id) !== '(garbage collector)';
  let t = profile.startTime, run = null;
  const runs = [];
  profile.samples.forEach((id, k) => {
    t += profile.timeDeltas[k] || 0;
    if (idle(id)) { if (run) { runs.push(run); run = null; } return; }
    if (!run) run = { start: t, end: t, ids: [] };
    run.end = t;
    run.ids.push(id);
  });
  if (run) runs.push(run);
  for (const r of runs.filter((x) => (x.end - x.start) / 1000 >= Number(opts.tasks))) {
    const incl = new Map();
    for (const id of r.ids) {
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const name = nameOf(cur);
        if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) || 0) + 1); }
      }
    }
    console.log(`--- task at ${((r.start - profile.startTime) / 1000).toFixed(0)} ms, ${((r.end - r.start) / 1000).toFixed(1)} ms:`);
    [...incl].filter(([n]) => !/^\((root|anonymous)\)$/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 14)
      .forEach(([n, c]) => console.log(`   ${(100 * c / r.ids.length).toFixed(0).padStart(3)}%  ${n.slice(0, 110)}`));
  }
}

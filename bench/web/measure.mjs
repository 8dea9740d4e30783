// Browser measurements for docs/performance.md, run by scripts/bench.sh (not part of CI).
// Playwright (playwright-core) drives Debian's Chromium, headless, with the flags of
// tests/e2e/harness.mjs, against a release build of the app and of a bare ImGui "hello" page.
//
//   node bench/web/measure.mjs --app DIST --hello DIR --maps DIR [--runs 5] [--cold-runs 40] [--out results.json]
//
// --maps holds m200.json, m5000.json and m20000.json (`trayecto generate --cards N`).
// Every figure is measured --runs times (cold loads --cold-runs times, by default 8 x --runs);
// report.mjs takes the medians. --cpu-slowdown N runs every page under CDP
// Emulation.setCPUThrottlingRate N (4: a slow laptop). What is measured:
//   cold load   navigation start -> first frame drawn, Trayecto vs hello, a fresh browser context
//               (empty cache, cache disabled) per run; the files the app downloads are recorded
//   open        trayecto.loadMap(json) + the next frame drawn, at each size
//   frames      ms per frame while panning (middle-button drag) and zooming (wheel) with real mouse
//               events for ~3 s: measured inside the wasm (trayecto.frameTimes(), wall clock) and
//               the main thread's CPU time per animation-frame callback (Chromium trace)
//   idle        frames drawn in 5 s without input
//   heap        trayecto.heapBytes() right after opening
//   typing      5 000 and 20 000 cards: a card edited in place, 24 characters typed with real key
//               events 80 ms apart; per key, keydown -> the first frame the app drew after it
//   autosave    5 000 cards: an edit (click a card, Delete), then the longest main-thread task until
//               the app's IndexedDB write is done (from a Chromium trace); n/a when nothing is written
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { asReturningVisitor, launchBrowser, startServer } = await import(path.join(ROOT, 'tests/e2e/harness.mjs'));

// ---- options -----------------------------------------------------------------------------
const opts = { runs: 5, out: '', app: '', hello: '', maps: '', sizes: '200,5000,20000', only: '', 'cpu-slowdown': '1' };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (!a.startsWith('--')) throw new Error('unexpected argument ' + a);
  opts[a.slice(2)] = process.argv[++i];
}
const RUNS = Math.max(1, Number(opts.runs));
// Cold loads are short and spread widely on a busy machine (the bare page alone ranges over
// 2x): eight times as many, alternating the two pages, for steadier medians.
const COLD_RUNS = Math.max(1, Number(opts['cold-runs'] || RUNS * 8));
const SIZES = opts.sizes.split(',').map(Number);
const ONLY = new Set(opts.only ? opts.only.split(',') : ['load', 'sizes']);
for (const k of ['app', 'hello', 'maps']) if (!opts[k]) throw new Error(`--${k} is required`);
const CPU_SLOWDOWN = Math.max(1, Number(opts['cpu-slowdown']));
const VIEWPORT = { width: 1280, height: 800 };
const TYPED = 'Señal débil en la cola 20';   // what the typing measure types (accents included)
const AUTOSAVE_SIZE = 5000;
const PAN_ZOOM_MS = 3000;
const IDLE_MS = 5000;
const log = (...a) => console.error('[measure]', ...a);
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const percentile = (xs, p) => {
  const v = [...xs].sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
};

// ---- what runs inside the app's page before its scripts ---------------------------------------
// Records when trayecto.ready resolves, keeps a handle on the Emscripten module (for the
// fallback below), wraps trayecto.getMap() / getMapBytes() and notes every IndexedDB write (for autosave). With
// `gl`, it also times every WebGL call, the synchronous queries apart (each one waits for the GPU
// process to finish the queued work), and records per animation frame in which the app drew the
// callback's duration, the parts spent in WebGL and the vertex/index bytes uploaded.
function appInitScript({ gl }) {
  let bridge;
  Object.defineProperty(window, 'trayecto', {
    configurable: true, enumerable: true,
    get() { return bridge; },
    set(v) {
      bridge = v;
      if (v && v.ready && typeof v.ready.then === 'function') {
        v.ready.then(() => { window.__benchFirstFrame = performance.now(); console.debug('bench-first-frame'); }, () => {});
      }
      window.__benchGetMap = [];
      for (const name of ['getMap', 'getMapBytes', 'getMapBlob']) {   // autosave serializes through one
        if (!v || typeof v[name] !== 'function') continue;
        const original = v[name];
        v[name] = function (...args) {
          const t = performance.now();
          console.timeStamp('bench-getmap');
          try { return original.apply(this, args); } finally { window.__benchGetMap.push(performance.now() - t); }
        };
      }
    },
  });
  let helloFirstFrame;   // set by the hello page at the end of its first frame
  Object.defineProperty(window, 'helloFirstFrame', {
    configurable: true, enumerable: true,
    get() { return helloFirstFrame; },
    set(v) { helloFirstFrame = v; console.debug('bench-first-frame'); },
  });
  let factory;
  Object.defineProperty(window, 'createTrayecto', {
    configurable: true,
    get() { return factory; },
    set(v) {
      factory = typeof v !== 'function' ? v : (o) => {
        window.__benchCreateAt = performance.now();
        return v(o).then((m) => { window.__benchModule = m; window.__benchModuleAt = performance.now(); return m; });
      };
    },
  });
  window.__benchWrites = [];
  if (window.IDBObjectStore) {
    for (const name of ['put', 'add']) {
      const original = IDBObjectStore.prototype[name];
      IDBObjectStore.prototype[name] = function (...args) {
        const t = performance.now();
        console.timeStamp('bench-idb-write ' + this.name);   // which store: the map's own write is to 'maps'
        const request = original.apply(this, args);
        window.__benchWrites.push({ t, store: this.name });
        return request;
      };
    }
  }
  if (!gl || !window.WebGL2RenderingContext) return;
  // Time inside every WebGL call, split into synchronous queries (they wait for the GPU process
  // to finish all queued work) and the rest; bytes of vertex and index data uploaded.
  const G = window.__benchGl = { sync: 0, other: 0, upload: 0 };
  const SYNC = new Set(['getParameter', 'isEnabled', 'getError', 'finish', 'readPixels', 'clientWaitSync',
                        'getShaderParameter', 'getProgramParameter', 'getBufferSubData']);
  const uploaded = (name, a) => {
    if (name === 'bufferSubData') return a.length >= 5 ? a[4] : (a[2] && a[2].byteLength) || 0;
    if (typeof a[1] === 'number') return 0;   // bufferData(target, size, usage): allocation only
    return a.length >= 5 ? a[4] : (a[1] && a[1].byteLength) || 0;
  };
  const proto = WebGL2RenderingContext.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (name === 'constructor' || !d || typeof d.value !== 'function') continue;
    const original = d.value, key = SYNC.has(name) ? 'sync' : 'other';
    const upload = name === 'bufferData' || name === 'bufferSubData';
    proto[name] = function (...args) {
      const t = performance.now();
      try { return original.apply(this, args); } finally {
        G[key] += performance.now() - t;
        if (upload) G.upload += uploaded(name, args);
      }
    };
  }
  // Per animation frame in which the app drew: [callback ms, sync-query ms, other WebGL ms, bytes].
  window.__benchFrames = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    const t = window.trayecto;
    const before = t ? t.frameCount() : 0;
    const sync = G.sync, other = G.other, upload = G.upload, start = performance.now();
    try { callback(time); } finally {
      if (t && t.frameCount() > before && window.__benchFrames.length < 5000) {
        window.__benchFrames.push([performance.now() - start, G.sync - sync, G.other - other, G.upload - upload]);
      }
    }
  });
}

async function newContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await asReturningVisitor(context);   // as the e2e tests: no welcome over the map
  return context;
}

async function newPage(context) {
  const page = await context.newPage();
  page.benchErrors = [];
  page.on('pageerror', (e) => page.benchErrors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

// ---- 2. cold load ----------------------------------------------------------------------------
async function coldLoad(browser, url, kind) {
  const context = await newContext(browser);
  await context.addInitScript(appInitScript, { gl: false });   // both pages: same name, createTrayecto
  try {
    const page = await newPage(context);
    const requests = [];
    page.on('response', (r) => requests.push({ url: r.url(), status: r.status() }));
    // The page says when it has drawn (a console message): polling it from here would run
    // scripts on the main thread whose start-up is being measured.
    const drawn = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench-first-frame', timeout: 60000 });
    await page.goto(url, { waitUntil: 'commit' });
    await drawn;
    const global = kind === 'app' ? '__benchFirstFrame' : 'helloFirstFrame';
    const result = await page.evaluate((g) => {
      const resources = {};
      for (const e of performance.getEntriesByType('resource')) {
        resources[new URL(e.name).pathname] = { start: e.startTime, end: e.responseEnd };
      }
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        firstFrame: window[g], resources,
        htmlEnd: nav ? nav.responseEnd : null,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        createAt: window.__benchCreateAt, moduleAt: window.__benchModuleAt,
      };
    }, global);
    result.requests = requests;
    result.errors = page.benchErrors;
    return result;
  } finally {
    await context.close();
  }
}

async function measureColdLoad(browser, appUrl, helloUrl) {
  log('cold load: warm-up (discarded)');
  await coldLoad(browser, appUrl, 'app');
  await coldLoad(browser, helloUrl, 'hello');
  const app = [], hello = [];
  for (let r = 0; r < COLD_RUNS; r++) {
    app.push(await coldLoad(browser, appUrl, 'app'));
    hello.push(await coldLoad(browser, helloUrl, 'hello'));
    log(`cold load run ${r + 1}/${COLD_RUNS}: Trayecto ${app[r].firstFrame.toFixed(0)} ms, hello ${hello[r].firstFrame.toFixed(0)} ms`);
  }
  const files = (runs, base) => {
    const seen = new Map();
    for (const run of runs) {
      for (const q of run.requests) {
        const u = new URL(q.url);
        if (u.origin !== new URL(base).origin) continue;
        const p = u.pathname.endsWith('/') ? u.pathname + 'index.html' : u.pathname;
        seen.set(p, q.status);
      }
    }
    return [...seen].map(([p, status]) => ({ path: p.replace(/^\//, ''), status }));
  };
  const when = (runs, file) => median(runs.map((r) => r.resources['/' + file] ? r.resources['/' + file].end : null));
  const timeline = (runs) => ({
    domContentLoaded: median(runs.map((r) => r.domContentLoaded)),
    wasmRequested: median(runs.map((r) => r.resources['/trayecto.wasm'] ? r.resources['/trayecto.wasm'].start : null)),
    wasmDownloaded: when(runs, 'trayecto.wasm'),
    runtimeReady: median(runs.map((r) => r.moduleAt)),
    firstFrame: median(runs.map((r) => r.firstFrame)),
  });
  return {
    app: {
      firstFrameMs: app.map((r) => r.firstFrame),
      htmlMs: app.map((r) => r.htmlEnd),
      wasmDownloadedMs: when(app, 'trayecto.wasm'),
      fontsDownloadedMs: when(app, 'fonts/DejaVuSans-Bold.ttf'),
      configMs: when(app, 'trayecto.config.json'),
      timeline: timeline(app),
      files: files(app, appUrl),
      errors: [...new Set(app.flatMap((r) => r.errors))],
    },
    hello: {
      firstFrameMs: hello.map((r) => r.firstFrame),
      wasmDownloadedMs: when(hello, 'trayecto.wasm'),
      timeline: timeline(hello),
      files: files(hello, helloUrl),
    },
  };
}

// ---- opening maps ------------------------------------------------------------------------------
async function openApp(browser, url) {
  const context = await newContext(browser);
  await context.addInitScript(appInitScript, { gl: true });
  const page = await newPage(context);
  await page.goto(url);
  await page.waitForFunction(() => window.__benchFirstFrame !== undefined, null, { timeout: 60000, polling: 50 });
  await page.waitForTimeout(300);
  return { context, page };
}

// Fetches the map text into the page (not timed), then times loadMap and the next frame.
// `direct`: call the same C function with the text in malloc'ed memory instead of through the
// bridge (used only when the bridge itself fails on a map this size; see bridgeProblem).
async function openMap(page, mapUrl, direct) {
  await page.evaluate(async (u) => { window.__benchJson = await (await fetch(u)).text(); }, mapUrl);
  return page.evaluate(async (useDirect) => {
    const t = window.trayecto;
    const json = window.__benchJson;
    t.frameTimes();
    const frames = t.frameCount();
    const t0 = performance.now();
    let result;
    if (useDirect) {
      const m = window.__benchModule;
      const n = m.lengthBytesUTF8(json) + 1;
      const p = m._malloc(n);
      m.stringToUTF8(json, p, n);
      const error = m.UTF8ToString(m._trayecto_load_map_bytes(p, n - 1, 0));
      m._free(p);
      result = error ? { ok: false, error } : { ok: true };
    } else {
      result = t.loadMap(json);
    }
    const t1 = performance.now();
    await new Promise((resolve) => {
      const poll = () => (t.frameCount() > frames ? resolve() : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    });
    const t2 = performance.now();
    const frameMs = t.frameTimes();
    return { result, loadMapMs: t1 - t0, totalMs: t2 - t0, firstFrameCpuMs: frameMs.length ? frameMs[0] : null,
             heapBytes: t.heapBytes() };
  }, direct);
}

// Waits until the app's IndexedDB writes have stopped for `quietMs` (the autosave of what was
// just opened), at most `maxMs`.
async function settleWrites(page, quietMs = 1000, maxMs = 8000) {
  const start = Date.now();
  await page.waitForTimeout(quietMs);
  for (;;) {
    const since = await page.evaluate(() => {
      const w = window.__benchWrites;
      return w.length ? performance.now() - w[w.length - 1].t : Infinity;
    });
    if (since >= quietMs || Date.now() - start > maxMs) return;
    await page.waitForTimeout(quietMs - since + 20);
  }
}

async function idleFrames(page) {
  // First let the app finish what opening the map started (e.g. a storage status redrawn after
  // the save): wait until no frame has been drawn for a second, at most 5 s.
  for (let waited = 0, last = -1; waited < 5000; waited += 1000) {
    const now = await page.evaluate(() => window.trayecto.frameCount());
    if (now === last) break;
    last = now;
    await page.waitForTimeout(1000);
  }
  const before = await page.evaluate(() => window.trayecto.frameCount());
  await page.waitForTimeout(IDLE_MS);
  return (await page.evaluate(() => window.trayecto.frameCount())) - before;
}

// Pans (middle-button drag) and zooms (wheel, as many notches in as out) with real mouse events.
// Two figures per frame: the time the wasm measures around its frame (wall clock: it also counts
// any time the OS gave the core to another process, such as SwiftShader rasterizing in the GPU
// process on a 2-core machine) and the main thread's CPU time in each animation-frame callback
// (`tdur` of FireAnimationFrame in a Chromium trace: the wasm frame plus its JS glue).
async function panAndZoom(browser, page, ms) {
  const cx = VIEWPORT.width / 2, cy = VIEWPORT.height / 2 + 20;
  await page.mouse.move(cx, cy);
  await page.evaluate(() => { window.trayecto.frameTimes(); window.__benchFrames = []; });
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await page.evaluate(() => console.timeStamp('bench-pan-start'));
  const end = Date.now() + ms;
  let i = 0, moves = 0, wheels = 0;
  while (Date.now() < end) {
    await page.mouse.down({ button: 'middle' });
    const dragEnd = Math.min(end, Date.now() + 500);
    while (Date.now() < dragEnd) {
      i++;
      await page.mouse.move(cx + 160 * Math.sin(i / 5), cy + 90 * Math.sin(i / 3));
      moves++;
    }
    await page.mouse.move(cx, cy);
    await page.mouse.up({ button: 'middle' });
    const wheelEnd = Math.min(end, Date.now() + 500);
    do {
      for (let k = 0; k < 6; k++) {
        await page.mouse.wheel(0, k < 3 ? -100 : 100);
        wheels++;
        await page.waitForTimeout(16);
      }
    } while (Date.now() < wheelEnd);
  }
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => window.trayecto.frameTimes());
  const split = await page.evaluate(() => window.__benchFrames);
  const own = split.map(([total, sync, other]) => Math.max(0, total - sync - other));
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const start = events.find((e) => e.name === 'TimeStamp' && e.args && e.args.data && e.args.data.message === 'bench-pan-start');
  const cpu = events.filter((e) => start && e.pid === start.pid && e.tid === start.tid && e.ts > start.ts &&
                                   e.name === 'FireAnimationFrame' && e.ph === 'X' && typeof e.tdur === 'number')
                    .map((e) => e.tdur / 1000);
  return { frames: frames.length, moves, wheels, p50: percentile(frames, 50), p95: percentile(frames, 95),
           max: frames.length ? Math.max(...frames) : null,
           cpuFrames: cpu.length, cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95),
           glWaitP50: percentile(split.map((f) => f[1]), 50),
           glOtherP50: percentile(split.map((f) => f[2]), 50),
           uploadP50: percentile(split.map((f) => f[3]), 50),
           ownP50: percentile(own, 50), ownP95: percentile(own, 95) };
}

// ---- typing -------------------------------------------------------------------------------------
// Double-clicks a visible card to edit it in place, then types TYPED with real key events 80 ms
// apart (a quick typist). Per key: keydown (seen by a capturing listener) -> the first frame the
// app drew after it (frameCount seen to grow by an animation-frame callback; within one frame).
async function typing(page) {
  const card = await visibleCard(page);
  if (!card) return { na: 'no card large enough to click' };
  await page.mouse.dblclick(card.x, card.y);
  try {
    await page.waitForFunction((id) => window.trayecto.viewState().editing === id, card.id, { timeout: 10000 });
  } catch (e) { return { na: 'the card did not open for editing' }; }
  await page.evaluate(() => {
    const keys = window.__benchKeys = [];
    const frames = window.__benchKeyFrames = [];
    window.__benchTyping = true;
    addEventListener('keydown', () => keys.push([performance.now(), window.trayecto.frameCount()]), true);
    const tick = () => {
      frames.push([performance.now(), window.trayecto.frameCount()]);
      if (window.__benchTyping) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.keyboard.type(TYPED, { delay: 80 });
  const typedAt = Date.now();
  await page.waitForFunction(([id, t]) => {   // every key applied (at most 20 s)
    const c = JSON.parse(window.trayecto.getMap()).cards.find((x) => x.id === id);
    return !!c && c.text.endsWith(t);
  }, [card.id, TYPED], { timeout: 20000, polling: 100 }).catch(() => {});
  const lagMs = Date.now() - typedAt;
  const { keys, frames, text } = await page.evaluate((id) => {
    window.__benchTyping = false;
    const c = JSON.parse(window.trayecto.getMap()).cards.find((x) => x.id === id);
    return { keys: window.__benchKeys, frames: window.__benchKeyFrames, text: c ? c.text : '' };
  }, card.id);
  if (!text.endsWith(TYPED)) return { na: `the typed text is not in the card (${JSON.stringify(text.slice(-40))})` };
  const latencies = keys.map(([t, count]) => {
    const drawn = frames.find(([ft, fc]) => ft >= t && fc > count);
    return drawn ? drawn[0] - t : null;
  }).filter((x) => x !== null);
  return { keys: keys.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), lagMs };
}

// A card drawn at least `min` big, clear of the side panel (zooming in when cards are too small).
async function visibleCard(page, min = { width: 30, height: 16 }) {
  const findCard = () => page.evaluate(([{ width: w, height: h }, m]) => {
    const map = JSON.parse(window.__benchJson);
    for (const c of map.cards) {
      const r = window.trayecto.locate(c.id);
      if (r && r.width >= m.width && r.height >= m.height && r.x > 10 && r.y > 60 && r.x + r.width < w * 0.7 && r.y + r.height < h - 40) {
        return { id: c.id, x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
    }
    return null;
  }, [VIEWPORT, min]);
  let card = await findCard();
  for (let zoom = 0; !card && zoom < 12; zoom++) {
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(60 * CPU_SLOWDOWN);
    card = await findCard();
  }
  return card;
}

// ---- 7. autosave -------------------------------------------------------------------------------
// Clicks a card that is visible and big enough, presses Delete, and once the edit is drawn traces
// the main thread until the app has written the map to IndexedDB (its 'maps' store: the version
// history's snapshot, written first when editing resumes, is not the save). The figure is the longest of the
// main-thread tasks that do the autosave's work: the one that serializes the map
// (trayecto.getMap()) and the one that hands it to IndexedDB. While such a task runs the page
// cannot draw a frame or react to input.
async function autosave(browser, page) {
  const hasPersistence = await page.evaluate(() => !!(window.trayecto && window.trayecto.persistence));
  const card = await visibleCard(page, { width: 6, height: 6 });
  if (!card) return { na: 'no card large enough to click' };
  await page.mouse.click(card.x, card.y);
  await page.waitForTimeout(150);
  const selected = await page.evaluate(() => window.trayecto.viewState().selection);
  if (!selected.includes(card.id)) return { na: 'could not select a card' };
  const revision = await page.evaluate(() => (window.trayecto.revision ? window.trayecto.revision() : null));
  const writesBefore = await page.evaluate(() => { window.__benchGetMap = []; return window.__benchWrites.length; });
  const MAP_WRITE = 'bench-idb-write maps';

  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  // The mark goes before the key: the app may write as soon as the edit's frame is drawn.
  const framesBefore = await page.evaluate(() => { console.timeStamp('bench-edit'); return window.trayecto.frameCount(); });
  await page.keyboard.press('Delete');
  await page.waitForFunction((f) => window.trayecto.frameCount() > f, framesBefore, { timeout: 10000, polling: 'raf' });
  const editFrameMs = await page.evaluate(() => { const f = window.trayecto.frameTimes(); return f.length ? Math.max(...f) : null; });
  await page.evaluate(() => console.timeStamp('bench-edit-drawn'));
  let wrote = false;
  try {
    await page.waitForFunction((n) => window.__benchWrites.slice(n).some((w) => w.store === 'maps'), writesBefore, { timeout: 4000, polling: 50 });
    wrote = true;
    await page.waitForTimeout(300);
  } catch (e) { /* nothing written */ }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const getMapMs = await page.evaluate(() => window.__benchGetMap || []);
  const changed = await page.evaluate((r) => (window.trayecto.revision ? window.trayecto.revision() !== r : null), revision);
  if (changed === false) return { na: 'the edit did not change the map' };
  if (!wrote) return { na: hasPersistence ? 'no autosave observed within 4 s' : 'autosave not built yet', editFrameMs };

  const events = trace.traceEvents || trace;
  const stamp = (e, message) => e.name === 'TimeStamp' && e.args && e.args.data && e.args.data.message === message;
  const mark = events.find((e) => stamp(e, 'bench-edit'));
  const drawn = events.find((e) => stamp(e, 'bench-edit-drawn'));
  if (!mark || !drawn) return { na: 'trace without the edit marks', editFrameMs };
  const onMain = (e) => e.pid === mark.pid && e.tid === mark.tid;
  const isWrite = (e) => e.name === 'TimeStamp' && e.args && e.args.data && /^bench-idb-write /.test(e.args.data.message || '');
  const work = events.filter((e) => onMain(e) && e.ts > mark.ts && (stamp(e, 'bench-getmap') || isWrite(e)));
  const tasks = events.filter((e) => onMain(e) && e.ph === 'X' && e.ts + (e.dur || 0) > mark.ts &&
                                     (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  const taskOf = (e) => tasks.filter((t) => t.ts <= e.ts && t.ts + (t.dur || 0) >= e.ts)
                             .reduce((a, t) => (!a || t.dur > a.dur ? t : a), null);
  const saveTasks = [...new Set(work.map(taskOf).filter(Boolean))];
  if (!saveTasks.length) return { na: 'autosave tasks not found in the trace', editFrameMs };
  const kinds = (t) => work.filter((e) => taskOf(e) === t).map((e) => e.args.data.message.replace('bench-', ''));
  // Every task from the edit's frame (drawn) to the last write, whatever it does: a save written
  // in slices runs in tasks that carry no stamp of ours. A task that saves is counted even when
  // the edit's frame ran in it too.
  const mapWrites = work.filter((e) => stamp(e, MAP_WRITE));
  if (!mapWrites.length) return { na: 'the map\'s write not found in the trace', editFrameMs };
  const lastWrite = Math.max(...mapWrites.map((e) => e.ts), drawn.ts);
  const windowTasks = tasks.filter((t) => t.ts >= drawn.ts && t.ts <= lastWrite);
  return {
    longestTaskMs: Math.max(...saveTasks.map((t) => t.dur / 1000), ...windowTasks.map((t) => t.dur / 1000)),
    tasksUntilWritten: windowTasks.length,
    // The window's tasks, longest first (ms): which one sets the figure.
    windowTasksMs: windowTasks.map((t) => t.dur / 1000).sort((a, b) => b - a).slice(0, 8),
    saveTasks: saveTasks.map((t) => ({ ms: t.dur / 1000, does: [...new Set(kinds(t))] })),
    getMapMs: getMapMs.length ? Math.max(...getMapMs) : null,
    editFrameMs, writes: mapWrites.length,
    debug: windowTasks.filter((t) => t.dur > 15000).map((t) => [(t.ts - mark.ts) / 1000, t.dur / 1000,
      [...new Set(events.filter((e) => onMain(e) && e.ts >= t.ts && e.ts <= t.ts + t.dur && e !== t && e.dur > 2000).map((e) => e.name + (e.args && e.args.data ? ':' + (e.args.data.functionName || e.args.data.url || e.args.data.type || e.args.data.timerId || '') : '') + ':' + Math.round(e.dur / 1000)))].slice(0, 12)]),
  };
}

// ---- 3-7 at each size ----------------------------------------------------------------------------
async function measureSize(browser, appUrl, mapsUrl, cards, run, direct) {
  const { context, page } = await openApp(browser, appUrl);
  try {
    const open = await openMap(page, `${mapsUrl}m${cards}.json`, direct);
    if (!open.result.ok) throw new Error(`opening the ${cards}-card map failed: ${open.result.error}`);
    await settleWrites(page);
    const idle = await idleFrames(page);
    const save = cards === AUTOSAVE_SIZE ? await autosave(browser, page) : null;
    if (save) await settleWrites(page);
    const frames = await panAndZoom(browser, page, PAN_ZOOM_MS);
    const typed = cards >= AUTOSAVE_SIZE ? await typing(page) : null;
    log(`${cards} cards, run ${run + 1}/${RUNS}: open ${open.totalMs.toFixed(0)} ms, frames p50 ${frames.p50} p95 ${frames.p95} ms, thread CPU p50 ${frames.cpuP50} p95 ${frames.cpuP95} ms ` +
        `(${frames.frames} frames; outside WebGL p50 ${frames.ownP50 && frames.ownP50.toFixed(1)} p95 ${frames.ownP95 && frames.ownP95.toFixed(1)}), idle ${idle}, heap ${(open.heapBytes / 1048576).toFixed(1)} MB` +
        (save ? `, autosave ${save.na || save.longestTaskMs.toFixed(1) + ' ms'}` : '') +
        (typed ? `, typing key -> frame ${typed.na || `p50 ${typed.p50.toFixed(0)} p95 ${typed.p95.toFixed(0)} ms, text complete ${typed.lagMs} ms after the last key`}` : ''));
    return { open, idle, frames, autosave: save, typing: typed, errors: page.benchErrors };
  } finally {
    await context.close();
  }
}

// Does trayecto.loadMap itself survive a map this size? (A wasm trap kills the page's module.)
async function bridgeProblem(browser, appUrl, mapsUrl, cards) {
  const { context, page } = await openApp(browser, appUrl);
  try {
    await openMap(page, `${mapsUrl}m${cards}.json`, false);
    return null;
  } catch (e) {
    return String(e.message || e).split('\n')[0].replace(/^page\.evaluate: /, '');
  } finally {
    await context.close();
  }
}

async function measureSizes(browser, appUrl, mapsUrl) {
  const out = {};
  for (const cards of SIZES) {
    const problem = await bridgeProblem(browser, appUrl, mapsUrl, cards);
    if (problem) log(`${cards} cards: trayecto.loadMap fails (${problem}); measuring through the direct call instead`);
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await measureSize(browser, appUrl, mapsUrl, cards, r, !!problem));
    out[cards] = { bridgeProblem: problem, runs };
  }
  return out;
}

// ---- main -------------------------------------------------------------------------------------
const cors = () => ({ 'Access-Control-Allow-Origin': '*' });
const servers = await Promise.all([startServer(opts.app), startServer(opts.hello), startServer(opts.maps, 0, '127.0.0.1', cors)]);
const [appServer, helloServer, mapsServer] = servers;
const browser = await launchBrowser();
const results = { runs: RUNS, coldRuns: COLD_RUNS, cpuSlowdown: CPU_SLOWDOWN, viewport: VIEWPORT, cards: SIZES, browser: browser.version(),
                  loadAverage: (await import('node:os')).loadavg(), started: new Date().toISOString() };
try {
  if (ONLY.has('load')) results.coldLoad = await measureColdLoad(browser, appServer.url, helloServer.url);
  if (ONLY.has('sizes')) results.maps = await measureSizes(browser, appServer.url, mapsServer.url);
} finally {
  await browser.close();
  for (const s of servers) s.server.close();
}
results.finished = new Date().toISOString();
const text = JSON.stringify(results, null, 1);
if (opts.out) fs.writeFileSync(opts.out, text);
else process.stdout.write(text + '\n');

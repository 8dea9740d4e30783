// The page itself: loads cleanly, draws, sizes its canvas for the screen, and the bridge works.
import { assert, assertEqual, openApp, framesAfter, canvasPixelStats, screenshot, startServer, DIST } from './harness.mjs';

async function canvasSizes(page) {
  return page.evaluate(() => {
    const c = document.querySelector('.tr-canvas');
    const r = c.getBoundingClientRect();
    return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, ratio: devicePixelRatio };
  });
}

async function expectBackingMatches(page, label) {
  const s = await canvasSizes(page);
  assertEqual(s.width, Math.round(s.cssWidth * s.ratio), `${label}: canvas width = CSS width x ratio`);
  assertEqual(s.height, Math.round(s.cssHeight * s.ratio), `${label}: canvas height = CSS height x ratio`);
  return s;
}

export const tests = [
  {
    name: 'loads with no console error, ready resolves, and the canvas is not blank',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const title = await page.title();
      assert(title.includes('Trayecto'), 'page title names Trayecto');
      const loadingHidden = await page.evaluate(() => getComputedStyle(document.querySelector('.tr-loading')).display === 'none');
      assert(loadingHidden, 'the loading screen is gone once ready');
      const stats = await canvasPixelStats(page);
      assert(stats.colours > 50, `the canvas shows many colours (got ${stats.colours})`);
      assert(stats.stddev > 10, `the canvas pixels vary (stddev ${stats.stddev.toFixed(1)})`);
      await screenshot(page, 'foundation-1x');
      assertEqual(page.consoleErrors.length, 0, 'console errors: ' + page.consoleErrors.join(' | '));
      const scroll = await page.evaluate(() => [document.documentElement.scrollWidth <= innerWidth,
                                                document.documentElement.scrollHeight <= innerHeight]);
      assert(scroll[0] && scroll[1], 'no scrollbars');
      const icon = await page.evaluate(() => document.querySelector('link[rel=icon]').href);
      const res = await page.request.get(icon);
      assertEqual(res.status(), 200, 'favicon is served');
    },
  },
  {
    name: 'canvas backing size equals CSS size x devicePixelRatio at 1',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const s = await expectBackingMatches(page, 'ratio 1');
      assertEqual(s.ratio, 1, 'device pixel ratio');
      assertEqual(s.width, 1280, 'canvas fills the window width');
    },
  },
  {
    name: 'canvas backing size equals CSS size x devicePixelRatio at 2 (no blur)',
    context: { deviceScaleFactor: 2 },
    async run({ context, url }) {
      const page = await openApp(context, url);
      const s = await expectBackingMatches(page, 'ratio 2');
      assertEqual(s.ratio, 2, 'device pixel ratio');
      assertEqual(s.width, 2560, 'backing store is twice the CSS width');
      await screenshot(page, 'foundation-2x');
    },
  },
  {
    name: 'a resized window resizes the canvas',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const before = await page.evaluate(() => window.trayecto.frameCount());
      await page.setViewportSize({ width: 900, height: 600 });
      await framesAfter(page, before, 1);
      await page.waitForFunction(() => document.querySelector('.tr-canvas').width === 900);
      const s = await expectBackingMatches(page, 'after resize');
      assertEqual(s.height, 600, 'canvas height follows the window');
    },
  },
  {
    // The page (or a host page around an embedded Trayecto) resizes the element, not the window:
    // the app keeps the canvas's size from a ResizeObserver, not by asking every frame.
    name: 'a canvas resized without the window is redrawn at its new size',
    async run({ context, url }) {
      const page = await openApp(context, url);
      await page.evaluate(() => { document.querySelector('.tr-canvas').style.width = '700px'; });
      await page.waitForFunction(() => document.querySelector('.tr-canvas').width === 700, null, { timeout: 5000 });
      await expectBackingMatches(page, 'after the element changed');
      const before = await page.evaluate(() => window.trayecto.frameCount());
      await page.evaluate(() => { document.querySelector('.tr-canvas').style.width = ''; });
      await page.waitForFunction(() => document.querySelector('.tr-canvas').width === 1280, null, { timeout: 5000 });
      assert(await page.evaluate((n) => window.trayecto.frameCount() > n, before), 'a frame was drawn at the new size');
      await expectBackingMatches(page, 'back to the window width');
    },
  },
  {
    name: 'bridge: getMap returns the open map, loadMap accepts a map and refuses a bad one',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const map = JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
      assertEqual(map.format, 'trayecto-journey', 'envelope format');
      assertEqual(map.version, 1, 'format version');
      assert(map.cards.length > 10, 'the first-run example map has cards');

      const bad = await page.evaluate(() => window.trayecto.loadMap('{"format": "trayecto-journey", "version": 1, "stages": 5}'));
      assertEqual(bad.ok, false, 'a bad map is refused');
      assert(/stages/.test(bad.error), 'the error names where: ' + bad.error);
      const afterBad = JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
      assertEqual(JSON.stringify(afterBad), JSON.stringify(map), 'the open map is unchanged after a refused load');

      map.meta.title = 'Apertura de cuenta — ñandú';
      map.cards = map.cards.slice(0, 3);
      const kept = new Set(map.cards.map((c) => c.id));
      map.emotions = map.emotions.filter((e) => !e.cardId || kept.has(e.cardId));
      map.moments = map.moments.filter((m) => !m.cardId || kept.has(m.cardId));
      const good = await page.evaluate((json) => window.trayecto.loadMap(json), JSON.stringify(map));
      assertEqual(good.ok, true, 'a good map loads: ' + good.error);
      const loaded = JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
      assertEqual(loaded.meta.title, 'Apertura de cuenta — ñandú', 'the loaded title, accents intact');
      assertEqual(loaded.cards.length, 3, 'the loaded cards');
    },
  },
  {
    name: 'without WebGL2 a plain message says so',
    async run({ context, url }) {
      await context.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' ? null : original.call(this, type, ...rest);
        };
      });
      const page = await openApp(context, url, { waitReady: false });
      await page.waitForSelector('.tr-unsupported:not([hidden])');
      const text = await page.textContent('.tr-unsupported');
      assert(/WebGL 2/.test(text), 'the message names WebGL 2: ' + text);
    },
  },
  {
    name: 'a server that sends the wasm with the wrong type (not application/wasm): the app still starts',
    async run({ context }) {
      // Many intranet servers send .wasm as application/octet-stream: streaming compilation
      // refuses that, and the app compiles the downloaded bytes instead.
      const wrongType = (pathname) => (pathname.endsWith('.wasm') ? { 'Content-Type': 'application/octet-stream' } : {});
      const { server, url } = await startServer(DIST, 0, '127.0.0.1', wrongType);
      try {
        const page = await openApp(context, url);
        const served = await page.evaluate(async () => (await fetch('trayecto.wasm', { method: 'HEAD' })).headers.get('Content-Type'));
        assertEqual(served, 'application/octet-stream', 'the server really sends the wrong type');
        const stats = await canvasPixelStats(page);
        assert(stats.colours > 50, `the map is drawn (${stats.colours} colours)`);
        assertEqual(JSON.parse(await page.evaluate(() => window.trayecto.getMap())).cards.length > 0, true, 'a map is open');
        assertEqual(page.consoleErrors.length, 0, 'console errors: ' + page.consoleErrors.join(' | '));
      } finally {
        server.close();
      }
    },
  },
  {
    name: 'without WebAssembly a plain message says so',
    async run({ context, url }) {
      await context.addInitScript(() => { delete window.WebAssembly; });
      const page = await openApp(context, url, { waitReady: false });
      await page.waitForSelector('.tr-unsupported:not([hidden])');
      const text = await page.textContent('.tr-unsupported');
      assert(/WebAssembly/.test(text), 'the message names WebAssembly: ' + text);
    },
  },
  {
    // loadMap(text) encodes a long text straight into a block a quarter larger than its length;
    // text in other scripts takes more bytes than that and goes the exact way.
    name: 'long maps as text open whole: mostly ASCII, and mostly CJK (three bytes a character)',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const result = await page.evaluate(() => {
        const out = [];
        for (const ch of ['a', '漢']) {
          const map = JSON.parse(window.trayecto.getMap());
          for (let i = 0; i < 3; i++) map.cards[i].text = ch.repeat(25000) + i;
          const text = JSON.stringify(map);
          const res = window.trayecto.loadMap(text);
          const back = JSON.parse(window.trayecto.getMap());
          out.push({ long: text.length > 65536, ok: res.ok, whole: back.cards[2].text === ch.repeat(25000) + 2 && back.cards.length === map.cards.length });
        }
        return out;
      });
      assertEqual(JSON.stringify(result), JSON.stringify([{ long: true, ok: true, whole: true }, { long: true, ok: true, whole: true }]), 'both open whole');
    },
  },
];

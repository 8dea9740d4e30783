// A minimal test harness for the browser tests: Playwright (playwright-core) driving Debian's
// Chromium against the built app in dist/, served on 127.0.0.1. Each *.test.mjs file exports
// `tests`: an array of {name, run(ctx)}; run throws on failure.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
  '--disable-features=Translate,MediaRouter', '--mute-audio',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export { startServer };

// Bytes as a share link carries them (base64url, no padding).
export const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

// A deflate bomb: ~400 MB of spaces deflated (raw) a megabyte at a time, about half a megabyte
// (the tests never hold the 400 MB either). Made once per run.
let bomb = null;
export function deflateBomb400() {
  if (!bomb) {
    bomb = new Promise((resolve) => {
      const deflater = zlib.createDeflateRaw({ level: 9 });
      const parts = [];
      deflater.on('data', (d) => parts.push(d));
      deflater.on('end', () => resolve(Buffer.concat(parts)));
      const mb = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 400; i++) deflater.write(mb);
      deflater.end();
    });
  }
  return bomb;
}

export function assert(condition, message) {
  if (!condition) throw new Error('assertion failed: ' + message);
}

export function assertEqual(actual, expected, message) {
  if (actual === expected) return;
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  if (typeof a === 'string' && typeof e === 'string' && (a.length > 300 || e.length > 300)) {
    let i = 0;
    while (i < a.length && i < e.length && a[i] === e[i]) i++;
    const from = Math.max(0, i - 120);
    throw new Error(`${message}: first difference at character ${i}:\n  expected …${e.slice(from, i + 120)}…\n  got      …${a.slice(from, i + 120)}…`);
  }
  throw new Error(`${message}: expected ${e}, got ${a}`);
}

// Opens the app in a new page and waits for its first frame. Collects console errors.
// A browser that has seen the welcome before (persistence.js WELCOMED_KEY): no welcome over the map.
export async function asReturningVisitor(context) {
  await context.addInitScript(() => { try { localStorage.setItem('trayecto-welcomed', '1'); } catch (e) { /* file: */ } });
}

export async function openApp(context, url, { waitReady = true } = {}) {
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push('pageerror: ' + e.message));
  // File choosers are intercepted from the start. Playwright turns interception on only when a
  // test starts waiting for one, without waiting for the browser to agree: a chooser the app
  // opens promptly (Ctrl+O, in the next frame) could come first and be lost, and the test then
  // waited 30 s for nothing (seen on loaded runs; 4 runs in 10 when the chooser came sooner).
  page.on('filechooser', () => {});
  refuseAsyncWaits(page);
  await page.goto(url);
  if (waitReady) await page.evaluate(() => window.trayecto.ready.then(() => true));
  return page;
}

// Playwright's waitForFunction does not await what its function returns: an async function's
// promise is truthy, so the wait ended at once, whatever the promise then said (a test believed
// a map stored when it was not yet). Asynchronous conditions go through waitUntil.
function refuseAsyncWaits(page) {
  const waitForFunction = page.waitForFunction.bind(page);
  page.waitForFunction = (fn, ...rest) => {
    if (typeof fn === 'function' && fn.constructor.name === 'AsyncFunction') {
      throw new Error('waitForFunction does not await an async function: use waitUntil(page, fn, arg)');
    }
    return waitForFunction(fn, ...rest);
  };
}

// Waits until `fn(arg)`, evaluated in the page and awaited, is truthy; returns its value.
export async function waitUntil(page, fn, arg, { timeout = 10000, polling = 100, what = 'the condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`waitUntil: ${what} not met after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}

// Waits until the app has applied all input and drawn every frame it owed (trayecto.busy()).
// Slow software-rendered frames can take a double click several frames to apply.
export async function settle(page, timeout = 10000) {
  await page.waitForFunction(() => !window.trayecto.busy(), null, { timeout, polling: 20 });
}

export const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

// A widget of the UI (by its visible text or ##id), once drawn; widgetNow: as it is now, or null.
export async function widget(page, text, { timeout = 10000 } = {}) {
  await settle(page);
  const handle = await page.waitForFunction((t) => window.trayecto.locateWidget(t), text, { timeout });
  return handle.jsonValue();
}
export const widgetNow = async (page, text) => { await settle(page); return page.evaluate((t) => window.trayecto.locateWidget(t), text); };

// Clicks (or double-clicks) a widget of the UI as a person would, then waits for the app to settle.
export async function clickWidget(page, text, { double = false } = {}) {
  const r = await widget(page, text);
  const c = centre(r);
  if (double) await page.mouse.dblclick(c.x, c.y);
  else await page.mouse.click(c.x, c.y);
  await settle(page);
  return r;
}

// Double-clicks a card to edit its text in place and types `text` at its end (then Enter, unless not).
export async function typeIntoCard(page, box, text, { enter = true } = {}) {
  const c = centre(box);
  await page.mouse.dblclick(c.x, c.y);
  await settle(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  if (enter) await page.keyboard.press('Enter');
  await settle(page);
}

// Waits until the app has drawn at least `n` more frames than `since`.
export async function framesAfter(page, since, n = 1, timeout = 5000) {
  await page.waitForFunction(([s, k]) => window.trayecto.frameCount() >= s + k, [since, n], { timeout });
}

// Statistics of the canvas pixels, read back from the WebGL canvas.
export function canvasPixelStats(page) {
  return page.evaluate(() => {
    const src = document.querySelector('.tr-canvas');
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d');
    g.drawImage(src, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let sum = 0, sumSq = 0, n = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      const l = (data[i] + data[i + 1] + data[i + 2]) / 3;
      sum += l; sumSq += l * l; n++;
    }
    const mean = sum / n;
    return { colours: colours.size, stddev: Math.sqrt(sumSq / n - mean * mean), width: c.width, height: c.height };
  });
}

export async function screenshot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, name + '.png');
  await page.screenshot({ path: file });
  return file;
}

// A card drawn on the canvas (not under a panel, banner or the overview map) whose box passes
// `fits(box, card)`: {card, box}, the `n`-th such card in map order. Throws when there is none.
export async function cardOnScreen(page, fits, n = 0) {
  const map = JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
  let found = 0;
  for (const card of map.cards) {
    const r = await page.evaluate((id) => {
      const at = window.trayecto.locate(id);
      if (!at) return null;
      const hit = document.elementFromPoint(at.x + at.width / 2, at.y + at.height / 2);
      return { ...at, onCanvas: !!hit && hit.classList.contains('tr-canvas') };
    }, card.id);
    if (r && r.onCanvas && fits(r, card) && found++ === n) return { card, box: r };
  }
  throw new Error('no card is on screen');
}

// An init script: counts every IndexedDB write the page makes (window.__idbWrites), from before
// the app starts.
export function countWrites() {
  window.__idbWrites = 0;
  for (const name of ['put', 'add', 'delete', 'clear']) {
    const original = IDBObjectStore.prototype[name];
    IDBObjectStore.prototype[name] = function (...args) { window.__idbWrites++; return original.apply(this, args); };
  }
}

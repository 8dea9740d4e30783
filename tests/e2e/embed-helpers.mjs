// Shared by the embedding, CSP and single-file browser tests: extra origins (servers on other
// loopback addresses: 127.0.0.2 and 127.0.0.3 are other hosts, so other origins), host pages
// written into a temporary folder, the docs' copy-paste examples, and helpers to act inside frames.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, startServer } from './harness.mjs';

export const FIXTURE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/example-es.json'), 'utf8');

// The strict policy the app must run under (docs/embedding.md).
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

// A plain host page: embeds ?app=URL, records every message it receives, sends with send(m).
export const GENERIC_HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>body { margin: 0; } iframe { display: block; width: 1000px; height: 640px; border: 0; }</style></head>
<body><iframe id="app" title="Trayecto"></iframe>
<script>
  const frame = document.getElementById('app');
  window.received = [];
  window.addEventListener('message', (e) => {
    received.push({ origin: e.origin, fromFrame: e.source === frame.contentWindow, data: e.data });
  });
  window.send = (message, target = '*') => frame.contentWindow.postMessage(message, target);
  frame.src = new URLSearchParams(location.search).get('app');
</script></body></html>`;

// A variant of the fixture map: another title, and the first `cards` cards (with what refers to them).
export function variant(title, cards = Infinity) {
  const map = JSON.parse(FIXTURE);
  map.meta.title = title;
  map.cards = map.cards.slice(0, cards);
  const kept = new Set(map.cards.map((c) => c.id));
  map.emotions = map.emotions.filter((e) => !e.cardId || kept.has(e.cardId));
  map.moments = map.moments.filter((m) => !m.cardId || kept.has(m.cardId));
  return JSON.stringify(map, null, 2);
}

// A copy-paste example from docs/embedding.md, as written (marked <!-- example: NAME -->).
export function docExample(name) {
  const md = fs.readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8');
  const m = md.match(new RegExp('<!-- example: ' + name + ' -->\\s*```html\\n([\\s\\S]*?)\\n```'));
  if (!m) throw new Error('docs/embedding.md has no example ' + name);
  return m[1];
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function write(dir, name, text) {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

// Starts a server that the test process does not wait for when it exits.
export async function serve(dir, host, extraHeaders) {
  const s = await startServer(dir, 0, host, extraHeaders);
  s.server.unref();
  return s;
}

// A copy of dist/ (symbolic links) with its own trayecto.config.json.
export function distWithConfig(config) {
  const dir = tempDir('trayecto-dist-');
  for (const name of fs.readdirSync(DIST)) {
    if (name !== 'trayecto.config.json') fs.symlinkSync(path.join(DIST, name), path.join(dir, name));
  }
  write(dir, 'trayecto.config.json', JSON.stringify(config));
  return dir;
}

// The frame whose URL starts with `prefix`.
export async function frameOf(page, prefix, timeout = 10000) {
  const until = Date.now() + timeout;
  for (;;) {
    const f = page.frames().find((x) => x.url().startsWith(prefix));
    if (f) return f;
    if (Date.now() > until) throw new Error('no frame at ' + prefix + ' (frames: ' + page.frames().map((x) => x.url()).join(', ') + ')');
    await page.waitForTimeout(50);
  }
}

// Waits for window.trayecto in a frame (or page) to be ready.
export async function frameReady(frame, timeout = 15000) {
  await frame.waitForFunction(() => window.trayecto && window.trayecto.frameCount() > 0, null, { timeout });
  await frame.evaluate(() => window.trayecto.ready.then(() => true));
}

// Where the content of an iframe element begins, in page coordinates.
export function frameOrigin(page, selector) {
  return page.evaluate((sel) => {
    const f = document.querySelector(sel);
    const r = f.getBoundingClientRect();
    return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
  }, selector);
}

// Through GENERIC_HOST's send(): once the frame says it is ready, loads `map` and asks for it
// back; returns the map text the frame answered with.
export async function loadAndGetBack(page, map) {
  await page.waitForFunction(() => received.some((m) => m.data.type === 'ready'));
  await page.evaluate((m) => send({ type: 'load', map: m, requestId: 1 }, '*'), map);
  await page.evaluate(() => send({ type: 'get', requestId: 2 }, '*'));
  await page.waitForFunction(() => received.some((m) => m.data.requestId === 2));
  return page.evaluate(() => received.find((m) => m.data.requestId === 2).data.map);
}

export { centre } from './harness.mjs';

// Drags with the mouse from a to b in small steps (so the app sees a drag, not a jump).
export async function drag(page, a, b, steps = 10) {
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(a.x + (b.x - a.x) * i / steps, a.y + (b.y - a.y) * i / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

// Every securitypolicyviolation of the page (and its frames), kept in window.__cspViolations.
export async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile || ''}:${e.lineNumber || ''} ${e.sample || ''}`);
    });
  });
}

export function collectConsole(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  return errors;
}

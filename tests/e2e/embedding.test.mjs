// Embedding in an intranet page, safely (docs/embedding.md): the iframe + postMessage API seen
// from real host pages on other origins, what it refuses, read-only, and script-tag instances.
//
// Origins: the app is served by run.mjs on 127.0.0.1; host pages are served on 127.0.0.2 (the
// allowed host) and the very same pages on 127.0.0.3 (a foreign origin nobody listed).
import fs from 'node:fs';
import { assert, assertEqual, DIST, screenshot } from './harness.mjs';
import {
  FIXTURE, variant, docExample, tempDir, write, serve, distWithConfig, frameOf, frameReady, frameOrigin,
  centre, drag, recordViolations, collectConsole, GENERIC_HOST,
} from './embed-helpers.mjs';

// A same-origin window of the host that is not the app's parent (a sibling frame or a popup).
const OTHER_WINDOW = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Other window</title></head><body>
<script>
  window.received = [];
  window.addEventListener('message', (e) => received.push(e.data));
  window.attack = (messages) => {
    const host = window.opener || window.parent;
    const app = host.document.getElementById('journey') || host.document.getElementById('app');
    for (const m of messages) app.contentWindow.postMessage(m, '*');
    return messages.length;
  };
</script></body></html>`;

let env = null;
async function setup(appUrl) {
  if (env && env.appUrl === appUrl) return env;
  const dir = tempDir('trayecto-hosts-');
  const host = await serve(dir, '127.0.0.2');
  const foreign = await serve(dir, '127.0.0.3');
  const appOrigin = new URL(appUrl).origin;
  write(dir, 'iframe-host.html', docExample('iframe-host').replace("'https://apps.example.com/trayecto/'", JSON.stringify(appUrl)));
  write(dir, 'maps/onboarding.trayecto.json', variant('Onboarding (host)'));
  write(dir, 'host.html', GENERIC_HOST);
  write(dir, 'other-window.html', OTHER_WINDOW);
  write(dir, 'favicon.ico', '');
  env = { appUrl, appOrigin, dir, host, foreign, hostOrigin: new URL(host.url).origin, foreignOrigin: new URL(foreign.url).origin };
  return env;
}

const hostPage = (e, base, appQuery) => `${base}host.html?app=${encodeURIComponent(e.appUrl + '?' + appQuery)}`;

const state = (frame) => frame.evaluate(() => ({
  map: window.trayecto.getMap(), readOnly: window.trayecto.readOnly(), lang: window.trayecto.viewState().lang,
  revision: window.trayecto.revision(),
}));

// Every request type, with a map that would show if any were obeyed.
function everyMessage() {
  const evil = variant('EVIL — must never show', 2);
  return [
    { type: 'load', map: evil, requestId: 'a1' },
    { type: 'load', map: JSON.parse(evil), requestId: 'a2' },
    { type: 'get', requestId: 'a3' },
    { type: 'set-read-only', value: false, requestId: 'a4' },
    { type: 'set-read-only', value: true, requestId: 'a5' },
    { type: 'set-language', lang: 'en', requestId: 'a6' },
    { type: 'set-language', lang: 'es', requestId: 'a7' },
  ];
}

// Clicks a card of the app inside the iframe `selector` of `page`; returns the card's centre.
async function clickCard(page, frame, selector, id, options) {
  const o = await frameOrigin(page, selector);
  const r = await frame.evaluate((i) => window.trayecto.locate(i), id);
  if (!r) throw new Error('card not on screen: ' + id);
  const c = centre(r);
  const at = { x: o.x + c.x, y: o.y + c.y };
  await page.mouse.click(at.x, at.y, options);
  return at;
}

async function waitRevisionAbove(frame, revision) {
  await frame.waitForFunction((r) => window.trayecto.revision() > r, revision, { timeout: 5000 });
}

// A host page with a read-only frame showing the built-in example (it has an emotion lane),
// retitled and sent by the host. Returns what the read-only tests need.
async function openReadOnlyFrame(context, e) {
  const page = await context.newPage();
  await page.goto(hostPage(e, e.host.url, `origin=${encodeURIComponent(e.hostOrigin)}&readonly=1&lang=en`));
  const frame = await frameOf(page, e.appUrl);
  await frameReady(frame);
  await page.waitForFunction(() => received.some((m) => m.data && m.data.type === 'ready'));
  const example = JSON.parse(await frame.evaluate(() => window.trayecto.getMap()));
  example.meta.title = 'Solo lectura';
  await page.evaluate((map) => send({ type: 'load', map, requestId: 'l' }, '*'), example);
  await page.waitForFunction(() => received.some((m) => m.data.requestId === 'l'));
  await page.waitForTimeout(300);
  const start = await state(frame);
  assertEqual(start.readOnly, true, 'read-only');
  const map = JSON.parse(start.map);
  assertEqual(map.meta.title, 'Solo lectura', 'the host\'s map is open');
  const o = await frameOrigin(page, '#app');
  const at = (q) => ({ x: o.x + q.x, y: o.y + q.y });
  const locate = (id) => frame.evaluate((i) => window.trayecto.locate(i), id);
  const unchanged = async (what) => {
    // Every queued click and key applied first: the app takes one button change per frame, and
    // what it has not applied yet could otherwise land after a later unlock.
    await frame.waitForFunction(() => !window.trayecto.busy(), null, { timeout: 60000, polling: 50 });
    const s = await state(frame);
    assertEqual(s.map, start.map, what + ': the map is byte-identical');
    assertEqual(s.revision, start.revision, what + ': no revision');
    assertEqual(s.readOnly, true, what + ': still read-only');
  };
  // View → Zoom to fit (the app's menu): brings the map back after a pan.
  const fit = async () => {
    await page.keyboard.press('Escape');
    await page.mouse.click(o.x + 112, o.y + 12);
    await page.waitForTimeout(200);
    await page.mouse.click(o.x + 131, o.y + 40);
    await page.waitForTimeout(250);
  };
  let n = 0;
  const setReadOnly = async (value) => {
    const id = 'ro-' + ++n;
    await page.evaluate(([v, i]) => send({ type: 'set-read-only', value: v, requestId: i }, '*'), [value, id]);
    await page.waitForFunction((i) => received.some((m) => m.data.requestId === i), id);
  };
  return { page, frame, start, map, o, at, locate, unchanged, fit, setReadOnly };
}

export const tests = [
  {
    name: 'iframe + postMessage (the docs host page, as written): ready, load, a real edit, a debounced change, get',
    timeout: 90,
    async run({ context, url }) {
      const e = await setup(url);
      const page = await context.newPage();
      const errors = collectConsole(page);
      // Record what reaches the host page (the docs example keeps its own listener too).
      await page.addInitScript(() => {
        if (window.parent !== window) return;
        window.__fromApp = [];
        window.addEventListener('message', (ev) => {
          const frame = document.getElementById('journey');
          if (ev.data && ev.data.source === 'trayecto') {
            window.__fromApp.push({ origin: ev.origin, fromFrame: !!frame && ev.source === frame.contentWindow, at: Date.now(), data: ev.data });
          }
        });
      });
      await page.goto(e.host.url + 'iframe-host.html');
      await page.waitForFunction(() => document.getElementById('status').textContent === 'Read-only', null, { timeout: 20000 });
      const frame = await frameOf(page, e.appUrl);
      const loaded = await state(frame);
      assertEqual(JSON.parse(loaded.map).meta.title, 'Onboarding (host)', 'the host map is open in the frame');
      assertEqual(loaded.readOnly, true, 'read-only from readonly=1');
      let log = await page.evaluate(() => window.__fromApp);
      assert(log.every((m) => m.origin === e.appOrigin && m.fromFrame), 'every message comes from the frame, at the app origin');
      assertEqual(log.map((m) => m.data.type).join(','), 'ready,loaded', 'ready, then the answer to load');
      assertEqual(log[1].data.requestId, 'req-1', 'the answer carries the requestId');
      assertEqual(log[0].data.readOnly, true, 'ready says read-only');

      await page.click('#edit');
      await page.waitForFunction(() => document.getElementById('status').textContent === 'Editing');
      assertEqual((await state(frame)).readOnly, false, 'the host unlocked editing');
      await page.waitForTimeout(700);
      log = await page.evaluate(() => window.__fromApp);
      assertEqual(log.filter((m) => m.data.type === 'change').length, 0, 'no change event for the host\'s own load');

      // A real edit inside the frame: click a card, Ctrl+D.
      const map = JSON.parse(loaded.map);
      const card = map.cards[0];
      const before = (await state(frame)).revision;
      await clickCard(page, frame, '#journey', card.id);
      await page.keyboard.press('Control+d');
      await waitRevisionAbove(frame, before);
      const edited = (await state(frame)).map;
      assertEqual(JSON.parse(edited).cards.length, map.cards.length + 1, 'Ctrl+D in the frame duplicated the card');
      await page.waitForFunction(() => document.getElementById('status').textContent === 'Unsaved changes', null, { timeout: 5000 });
      log = await page.evaluate(() => window.__fromApp);
      const changes = log.filter((m) => m.data.type === 'change');
      assertEqual(changes.length, 1, 'one change event');
      assertEqual(changes[0].data.map, edited, 'the change event carries the edited map');
      assertEqual(await page.evaluate(() => journey.get()), edited, 'get returns the edit');
      // Save as file works inside the sandboxed frame (allow-downloads).
      // (It asks the participant's name first, once; left empty, the file is the map as it is.)
      await page.keyboard.press('Control+s');
      await frame.waitForFunction(() => window.trayecto.locateWidget('participant-name'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assertEqual(fs.readFileSync(await download.path(), 'utf8'), edited, 'Ctrl+S in the frame downloads the map');
      await frame.waitForFunction(() => !window.trayecto.busy());   // the dialog gone, the keys the map's again

      // Debounced: three quick edits, one event.
      // The wait is lengthened so that three key presses fall within it even on a loaded machine
      // (with 300 ms, two presses 40 ms apart could land two events apart).
      await frame.evaluate(() => { window.__trayectoChangeDebounceMs = 3000; });
      const r2 = (await state(frame)).revision;
      for (let i = 0; i < 3; i++) await page.keyboard.press('Control+d');
      await frame.waitForFunction((r) => window.trayecto.revision() >= r + 3, r2);
      await page.waitForFunction(() => window.__fromApp.filter((m) => m.data.type === 'change').length >= 2, null, { timeout: 10000 });
      await page.waitForTimeout(500);   // and no second event follows
      log = await page.evaluate(() => window.__fromApp);
      const later = log.filter((m) => m.data.type === 'change').slice(1);
      assertEqual(later.length, 1, 'three quick edits give one change event');
      assertEqual(later[0].data.map, await page.evaluate(() => journey.get()), 'with the latest map');

      // set-language and set-read-only answer and act.
      const lang = await page.evaluate(() => journey.setLanguage('en').then(() => journey.setLanguage('es')));
      assertEqual(lang.type, 'language', 'set-language is answered');
      assertEqual((await state(frame)).lang, 'es', 'the frame switched language');
      const ro = await page.evaluate(() => journey.setReadOnly(true));
      assertEqual(ro.value, true, 'set-read-only is answered with the state');
      assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
    },
  },
  {
    name: 'a page on a foreign origin sends every message type: nothing changes, nothing is answered',
    timeout: 90,
    async run({ context, url }) {
      const e = await setup(url);
      // The foreign page frames the app naming the real host as its origin; then names itself,
      // but with browser storage (where stored maps could be read): both must be ignored.
      for (const query of [`origin=${encodeURIComponent(e.hostOrigin)}&storage=none&readonly=1&lang=es`,
                           `origin=${encodeURIComponent(e.foreignOrigin)}&storage=local&readonly=1&lang=es`]) {
        const page = await context.newPage();
        const frameLogs = [];
        page.on('console', (m) => frameLogs.push(m.text()));
        await page.goto(hostPage(e, e.foreign.url, query));
        const frame = await frameOf(page, e.appUrl);
        await frameReady(frame);
        await page.waitForTimeout(300);
        const before = await state(frame);
        const messages = everyMessage();
        await page.evaluate((ms) => { for (const m of ms) { send(m); send(m, new URL(document.getElementById('app').src).origin); } }, messages);
        await page.waitForTimeout(1500);
        const after = await state(frame);
        assertEqual(after.map, before.map, `${query}: the map is unchanged`);
        assertEqual(after.readOnly, true, `${query}: still read-only`);
        assertEqual(after.lang, 'es', `${query}: language unchanged`);
        assertEqual(after.revision, before.revision, `${query}: no revision`);
        assertEqual((await page.evaluate(() => window.received)).length, 0, `${query}: the foreign page received nothing, not even ready`);
        if (query.includes('storage=local')) {
          assert(frameLogs.some((t) => /origin=.* is ignored because this instance uses browser storage/.test(t)),
            'the frame says why it ignores ?origin= with storage=local: ' + frameLogs.join(' | '));
        }
        await page.close();
      }
    },
  },
  {
    name: 'messages from other windows of the allowed origin (a sibling frame, a popup) are ignored',
    timeout: 90,
    async run({ context, url }) {
      const e = await setup(url);
      const page = await context.newPage();
      await page.goto(e.host.url + 'iframe-host.html');
      await page.waitForFunction(() => document.getElementById('status').textContent === 'Read-only', null, { timeout: 20000 });
      const frame = await frameOf(page, e.appUrl);
      const before = await state(frame);
      // Count what the host receives from now on.
      await page.evaluate(() => {
        window.__late = [];
        window.addEventListener('message', (ev) => { if (ev.data && ev.data.source === 'trayecto') window.__late.push(ev.data); });
        const f = document.createElement('iframe');
        f.src = 'other-window.html';
        document.body.appendChild(f);
      });
      const sibling = await frameOf(page, e.host.url + 'other-window.html');
      await sibling.waitForFunction(() => typeof window.attack === 'function');
      assertEqual(await sibling.evaluate((ms) => window.attack(ms), everyMessage()), 7, 'the sibling sent every message');
      const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate(() => { window.open('other-window.html', 'popup'); })]);
      await popup.waitForFunction(() => typeof window.attack === 'function');
      await popup.evaluate((ms) => window.attack(ms), everyMessage());
      await page.waitForTimeout(1500);
      const after = await state(frame);
      assertEqual(after.map, before.map, 'the map is unchanged');
      assertEqual(after.readOnly, true, 'still read-only');
      assertEqual(after.lang, before.lang, 'language unchanged');
      assertEqual((await page.evaluate(() => window.__late)).length, 0, 'no answer went to the host');
      assertEqual((await sibling.evaluate(() => window.received)).length, 0, 'nothing went to the sibling');
      assertEqual((await popup.evaluate(() => window.received)).length, 0, 'nothing went to the popup');
      // The real host is still obeyed.
      const answer = await page.evaluate(() => journey.get());
      assertEqual(answer, before.map, 'the parent still gets answers');
    },
  },
  {
    name: 'malformed data, unknown types and oversize payloads from the allowed host are ignored and change nothing',
    timeout: 120,
    async run({ context, url }) {
      const e = await setup(url);
      const page = await context.newPage();
      await page.goto(hostPage(e, e.host.url, `origin=${encodeURIComponent(e.hostOrigin)}&readonly=1&lang=es`));
      const frame = await frameOf(page, e.appUrl);
      await frameReady(frame);
      await page.waitForFunction(() => received.some((m) => m.data && m.data.type === 'ready'));
      await page.evaluate((map) => send({ type: 'load', map, requestId: 'good' }, '*'), variant('Mapa del anfitrión'));
      await page.waitForFunction(() => received.some((m) => m.data.requestId === 'good'));
      const before = await state(frame);
      assertEqual(JSON.parse(before.map).meta.title, 'Mapa del anfitrión', 'the good load worked');
      const count = await page.evaluate(() => received.length);

      const bigString = JSON.parse(FIXTURE);
      bigString.meta.title = 'x'.repeat(200000);   // over the loader's 100 000-byte string limit
      const sent = await page.evaluate(([tooLong]) => {
        const ms = [
          null, undefined, 42, 'load', 'get', ['load'], [{ type: 'load' }], {}, { type: 5 }, { type: null },
          { type: 'LOAD' }, { type: 'unknown' }, { type: '__proto__' }, { type: 'constructor' }, { type: 'toString' },
          { type: 'hasOwnProperty' }, { type: 'load ' }, { type: 'x'.repeat(100000) },
          new Blob(['{"type":"get"}']), new ArrayBuffer(16),
          { type: 'load' }, { type: 'load', map: '' }, { type: 'load', map: null }, { type: 'load', map: 12 },
          { type: 'load', map: [1, 2] }, { type: 'load', map: true }, { type: 'load', map: 'not json' },
          { type: 'load', map: '{"format": "trayecto-journey", "version": 1, "stages": 5}' },
          { type: 'load', map: '['.repeat(100000) }, { type: 'load', map: tooLong },
          { type: 'load', map: 'x'.repeat(33 * 1024 * 1024), requestId: 'huge' },
          { type: 'set-read-only' }, { type: 'set-read-only', value: 'false' }, { type: 'set-read-only', value: 0 },
          { type: 'set-read-only', value: null }, { type: 'set-read-only', value: [false] },
          { type: 'set-language' }, { type: 'set-language', lang: 'fr' }, { type: 'set-language', lang: 'EN' },
          { type: 'set-language', lang: ['en'] },
          { source: 'trayecto', type: 'set-read-only', value: false },
          { type: 'get', requestId: { toString: null } },
        ];
        for (const m of ms) send(m, '*');
        return ms.length;
      }, [JSON.stringify(bigString)]);
      assert(sent > 40, 'many bad messages sent');
      await page.waitForTimeout(2500);
      const after = await state(frame);
      assertEqual(after.map, before.map, 'the map is byte-identical');
      assertEqual(after.revision, before.revision, 'no revision');
      assertEqual(after.readOnly, true, 'still read-only');
      assertEqual(after.lang, 'es', 'language unchanged');
      const replies = (await page.evaluate((n) => received.slice(n), count)).map((m) => m.data);
      const types = new Set(replies.map((r) => r.type));
      assert(![...types].some((t) => t !== 'error' && t !== 'map'), 'only errors (and the map for a get) come back: ' + [...types].join(','));
      const huge = replies.find((r) => r.requestId === 'huge');
      assert(huge && huge.type === 'error' && /32 MB/.test(huge.message), 'the oversize load is answered with an error: ' + JSON.stringify(huge));
      const getReply = replies.find((r) => r.type === 'map');
      assert(getReply && getReply.requestId === undefined, 'a get with an odd requestId is answered without it');
      // And the API still works.
      await page.evaluate(() => send({ type: 'get', requestId: 7 }, '*'));
      await page.waitForFunction(() => received.some((m) => m.data.requestId === 7));
      const last = await page.evaluate(() => received.find((m) => m.data.requestId === 7).data);
      assertEqual(last.map, before.map, 'get still answers with the same map');
    },
  },
  {
    name: 'readonly=1 refuses every edit path (mouse, keyboard, paste, inspector, files) and only the host can lift it',
    timeout: 240,
    async run({ context, url }) {
      const e = await setup(url);
      const ro = await openReadOnlyFrame(context, e);
      const { page, frame, start, map, at, locate, unchanged, fit } = ro;
      const laneOf = (type) => map.lanes.find((l) => l.type === type).id;
      const card = map.cards.find((c) => c.laneId === laneOf('actions'));

      // Mouse: drag a card to the next stage (a drag pans a read-only map).
      const from = at(centre(await locate(card.id)));
      const nextStage = map.stages[map.stages.findIndex((s) => s.id === card.stageId) + 1];
      const header = await locate(nextStage.id);
      await drag(page, from, { x: at(header).x + header.width / 2, y: from.y });
      await unchanged('drag a card');
      await fit();
      // Double-click an empty cell (would add a card), then type.
      const lane = await locate(laneOf('pain-points'));
      const stage = await locate(map.stages[2].id);
      const cell = at({ x: stage.x + stage.width / 2, y: lane.y + lane.height - 6 });
      await page.mouse.dblclick(cell.x, cell.y);
      await page.keyboard.type('nueva tarjeta');
      await page.keyboard.press('Enter');
      await unchanged('double-click a cell and type');
      // Double-click a card (would edit its text), then type.
      await page.waitForTimeout(600);
      const c = at(centre(await locate(card.id)));
      await page.mouse.dblclick(c.x, c.y);
      await page.keyboard.type('cambiado');
      await page.keyboard.press('Enter');
      await unchanged('double-click a card and type');
      assertEqual(await frame.evaluate(() => window.trayecto.viewState().editing), '', 'no card is being edited');
      // Drag an emotion point; click an empty spot of the emotion lane.
      const persona = await frame.evaluate(() => window.trayecto.viewState().activePersona);
      const p = await frame.evaluate((id) => window.trayecto.emotionPoint(id, 1), persona);
      assert(p, 'an emotion point is drawn');
      await page.waitForTimeout(600);
      await drag(page, at(p), at({ x: p.x, y: p.y - 120 }), 8);
      await unchanged('drag an emotion point');
      await fit();
      const p0 = await frame.evaluate((id) => window.trayecto.emotionPoint(id, 0), persona);
      await page.mouse.click(at(p0).x, at(p0).y + 25);
      await unchanged('click in the emotion lane');
      await fit();
      // Right-click (the context menu) and a long press.
      await page.waitForTimeout(600);
      const c3 = at(centre(await locate(card.id)));
      await page.mouse.click(c3.x, c3.y, { button: 'right' });
      await page.keyboard.press('Enter');
      await page.mouse.move(c3.x, c3.y);
      await page.mouse.down();
      await page.waitForTimeout(900);
      await page.mouse.up();
      await unchanged('right-click and long press');
      await fit();

      // Keyboard, with a card selected.
      await page.keyboard.press('Escape');
      await page.waitForTimeout(600);
      const c4 = at(centre(await locate(card.id)));
      await page.mouse.click(c4.x, c4.y);
      await frame.waitForFunction(() => !window.trayecto.busy(), null, { polling: 20 });   // the click applied (not a fixed sleep: it raced a loaded machine)
      assertEqual(JSON.stringify((await frame.evaluate(() => window.trayecto.viewState())).selection), JSON.stringify([card.id]), 'selecting still works');
      for (const key of ['Delete', 'Backspace', 'Control+d', 'Control+z', 'Control+y', 'Control+Shift+z', 'Control+x',
                         'Enter', 'F2', 'Control+a', 'Delete']) {
        await page.keyboard.press(key);
        await page.keyboard.type('abc');
      }
      await page.keyboard.press('Escape');
      await unchanged('Delete, Ctrl+D, Ctrl+Z, Ctrl+Y, Ctrl+X, Enter, F2, typing');
      // A paste (the clipboard's text arrives in a paste event).
      await page.mouse.click(c4.x, c4.y);
      await frame.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData('text/plain', 'pegado');
        document.querySelector('.tr-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await unchanged('paste');

      // Dot voting (View menu), then clicks on cards: votes are edits too.
      await page.mouse.click(at({ x: 112, y: 12 }).x, at({ x: 112, y: 12 }).y);
      await page.waitForTimeout(200);
      await page.mouse.click(at({ x: 130, y: 109 }).x, at({ x: 130, y: 109 }).y);
      await page.waitForTimeout(200);
      for (const cd of map.cards.slice(0, 6)) {
        const r = await locate(cd.id);
        if (r && r.y > 40) { const q = at(centre(r)); await page.mouse.click(q.x, q.y); await page.waitForTimeout(80); }
      }
      await unchanged('dot voting');
      await page.mouse.click(at({ x: 112, y: 12 }).x, at({ x: 112, y: 12 }).y);   // voting off again
      await page.waitForTimeout(200);
      await page.mouse.click(at({ x: 130, y: 109 }).x, at({ x: 130, y: 109 }).y);
      await page.waitForTimeout(200);

      // The side panel: every tab, clicks all over it, typing.
      await page.mouse.click(c4.x, c4.y);
      const size = await frame.evaluate(() => { const r = document.querySelector('.tr-canvas').getBoundingClientRect(); return { w: r.width, h: r.height }; });
      for (let tx = size.w - 310; tx < size.w; tx += 50) {
        await page.mouse.click(at({ x: tx, y: 45 }).x, at({ x: tx, y: 45 }).y);
        for (let y = 70; y < size.h - 30; y += 36) {
          const q = at({ x: size.w - 110, y });
          await page.mouse.click(q.x, q.y);
          await page.keyboard.type('7x');
        }
        await page.keyboard.press('Escape');
      }
      await unchanged('the side panel');

      // Files and the app's own dialogs: Ctrl+O, Open file…, a dropped file.
      await fit();
      await page.mouse.click(c4.x, c4.y);
      let chooser = null;
      page.once('filechooser', (x) => { chooser = x; });
      await page.keyboard.press('Control+o');
      await frame.evaluate(() => window.trayecto.persistence.hostAction('open-file'));
      await page.waitForTimeout(800);
      assertEqual(chooser, null, 'no file chooser opens');
      await frame.evaluate((json) => {
        const dt = new DataTransfer();
        dt.items.add(new File([json], 'other.trayecto.json', { type: 'application/json' }));
        document.querySelector('.trayecto-root').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, variant('Dropped map'));
      await page.waitForTimeout(500);
      await unchanged('a dropped file');
      await frame.evaluate(() => window.trayecto.persistence.openFile(new File(['{}'], 'x.json')));
      await unchanged('open a file');
      const toast = await frame.evaluate(() => [...document.querySelectorAll('.tr-toast')].map((t) => t.textContent).join(' '));
      assert(/read-only/.test(toast), 'a toast says the map is read-only: ' + toast);

      // The host saw no change.
      const changes = await page.evaluate(() => received.filter((m) => m.data.type === 'change').length);
      assertEqual(changes, 0, 'no change event reached the host');
      assertEqual(await frame.evaluate(() => window.trayecto.readOnly()), true, 'nothing in the app lifted read-only');

      // Only the host lifts it: edit, lock, try undo, unlock, undo.
      await ro.setReadOnly(false);
      await fit();
      // A card drawn clear of the side panel (the canvas' right 340 px).
      const width = await frame.evaluate(() => document.querySelector('.tr-canvas').getBoundingClientRect().width);
      let c5 = null;
      for (const cd of map.cards) {
        const r = await locate(cd.id);
        if (r && r.y > 60 && r.x + r.width / 2 < width - 340) { c5 = at(centre(r)); break; }
      }
      assert(c5, 'a card is on screen after zoom to fit');
      await page.mouse.click(c5.x, c5.y);
      await page.keyboard.press('Control+d');
      await waitRevisionAbove(frame, start.revision);
      const edited = await state(frame);
      await ro.setReadOnly(true);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+y');
      const idle = () => frame.waitForFunction(() => !window.trayecto.busy(), null, { timeout: 60000, polling: 50 });
      await idle();
      assertEqual((await state(frame)).map, edited.map, 'undo refused while read-only');
      await ro.setReadOnly(false);
      await page.waitForTimeout(600);   // a second press on the card sooner would be a double click
      await page.mouse.click(c5.x, c5.y);
      await page.keyboard.press('Control+z');
      await idle();
      assertEqual((await state(frame)).map, start.map, 'undo works again once unlocked');
    },
  },
  {
    name: 'readonly=1: the app\'s own Map → New map… does not replace a read-only map',
    timeout: 90,
    async run({ context, url }) {
      const e = await setup(url);
      const { page, at, unchanged } = await openReadOnlyFrame(context, e);
      // Map menu → New map… → double-click down the template list (any template would do).
      await page.mouse.click(at({ x: 25, y: 12 }).x, at({ x: 25, y: 12 }).y);
      await page.waitForTimeout(250);
      await page.mouse.click(at({ x: 47, y: 40 }).x, at({ x: 47, y: 40 }).y);
      await page.waitForTimeout(400);
      await screenshot(page, 'embedding-readonly-new-map');
      // Up the left edge from the bottom: the Create button is the first thing hit, wherever it is
      // (outside the modal popup, clicks do nothing).
      for (let y = 630; y > 100; y -= 12) {
        const q = at({ x: 217, y });
        await page.mouse.click(q.x, q.y);
        await page.waitForTimeout(40);
      }
      await unchanged('New map… from a template');
    },
  },
  {
    name: 'two script-tag instances on one host page (under a strict CSP): own maps, own edits, destroy()',
    timeout: 120,
    async run({ context, url }) {
      const e = await setup(url);
      // The app's files on another origin, with CORS (as an intranet CDN would serve them).
      const app = await serve(DIST, '127.0.0.1', () => ({ 'Access-Control-Allow-Origin': '*' }));
      const appOrigin = new URL(app.url).origin;
      const dir = tempDir('trayecto-mount-');
      const csp = `default-src 'self'; script-src 'self' ${appOrigin} 'wasm-unsafe-eval'; style-src 'self' ${appOrigin}; ` +
                  `connect-src 'self' ${appOrigin}; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'`;
      const host = await serve(dir, '127.0.0.2', (p) => (p.endsWith('.html') ? { 'Content-Security-Policy': csp } : {}));
      write(dir, 'two.html', `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two journeys</title>
<link rel="stylesheet" href="${app.url}trayecto.css"><link rel="stylesheet" href="host.css"></head>
<body><label>Notes <input id="note"></label>
<div id="a" class="journey"></div><div id="b" class="journey"></div>
<script src="${app.url}trayecto-embed.js"></script><script src="two.js"></script></body></html>`);
      write(dir, 'favicon.ico', '');
      write(dir, 'host.css', 'body { margin: 8px; font-family: sans-serif; } .journey { height: 330px; border: 1px solid #999; margin: 6px 0; }');
      write(dir, 'two.js', `
        window.changes = { a: [], b: [] };
        window.a = Trayecto.mount(document.getElementById('a'), { map: ${JSON.stringify(variant('Mapa A'))}, storage: 'none', lang: 'en', ui: 'minimal',
          onChange: (json) => changes.a.push(json) });
        window.b = Trayecto.mount(document.getElementById('b'), { map: ${JSON.stringify(variant('Map B', 3))}, storage: 'none', lang: 'en', ui: 'minimal',
          onChange: (json) => changes.b.push(json) });`);
      await recordViolations(context);
      const page = await context.newPage();
      const errors = collectConsole(page);
      await page.goto(host.url + 'two.html');
      const handles = await page.evaluate(() => Promise.all([a.ready, b.ready]).then((r) => r[0] === a && r[1] === b));
      assert(handles, 'ready resolves to each handle');
      const mapOf = (name) => page.evaluate((n) => window[n].getMap(), name);
      const a0 = await mapOf('a'), b0 = await mapOf('b');
      assertEqual(JSON.parse(a0).meta.title, 'Mapa A', 'instance A holds map A');
      assertEqual(JSON.parse(b0).meta.title, 'Map B', 'instance B holds map B');
      assertEqual(JSON.parse(b0).cards.length, 3, 'B has its 3 cards');
      assertEqual(await page.evaluate(() => document.querySelectorAll('.trayecto-root').length), 2, 'two instances');

      // Click a card of instance `name` and press a key.
      const editIn = async (name, key) => {
        const pos = await page.evaluate(([n]) => {
          const h = window[n];
          const m = JSON.parse(h.getMap());
          const r = h.locate(m.cards[0].id);
          const c = h.root.querySelector('canvas').getBoundingClientRect();
          return { x: c.left + r.x + r.width / 2, y: c.top + r.y + r.height / 2, rev: h.revision() };
        }, [name]);
        await page.mouse.click(pos.x, pos.y);
        await page.keyboard.press(key);
        await page.waitForFunction(([n, r]) => window[n].revision() > r, [name, pos.rev]);
      };
      await editIn('a', 'Control+d');
      await page.waitForFunction(() => changes.a.length === 1);
      assertEqual(JSON.parse(await mapOf('a')).cards.length, JSON.parse(a0).cards.length + 1, 'A changed');
      assertEqual(await mapOf('b'), b0, 'B is untouched');
      assertEqual(await page.evaluate(() => changes.b.length), 0, 'B reported no change');
      assertEqual(await page.evaluate(() => changes.a[0] === a.getMap()), true, 'onChange got A\'s map');

      // The host page's own field still gets its keys; neither map does.
      const a1 = await mapOf('a');
      await page.click('#note');
      await page.keyboard.type('hola ñ');
      await page.keyboard.press('Backspace');
      assertEqual(await page.inputValue('#note'), 'hola ', 'the host\'s input kept its keys');
      assertEqual(await mapOf('a'), a1, 'A unchanged by typing in the host page');
      assertEqual(await mapOf('b'), b0, 'B unchanged by typing in the host page');

      await editIn('b', 'Delete');
      assertEqual(JSON.parse(await mapOf('b')).cards.length, 2, 'B lost a card');
      assertEqual(await mapOf('a'), a1, 'A untouched by B\'s edit');
      await screenshot(page, 'embedding-two-instances');

      // destroy() removes A: its element is gone, B still works.
      await page.evaluate(() => a.destroy());
      assertEqual(await page.evaluate(() => document.querySelectorAll('.trayecto-root').length), 1, 'one instance left');
      assertEqual(await page.evaluate(() => document.getElementById('a').children.length), 0, 'A\'s element is empty');
      assertEqual(await mapOf('a'), a1, 'a destroyed instance still returns its last map');
      assertEqual(await page.evaluate(() => a.loadMap(a.getMap()).ok), false, 'a destroyed instance opens nothing');
      await page.evaluate(() => a.ready.then(() => 'resolved', () => 'rejected'));   // settled either way
      await editIn('b', 'Control+d');
      assertEqual(JSON.parse(await mapOf('b')).cards.length, 3, 'B still edits after A is destroyed');
      // An instance destroyed while it starts: ready rejects, nothing is left behind.
      const early = await page.evaluate(async () => {
        const div = document.createElement('div');
        div.className = 'journey';
        document.body.appendChild(div);
        const c = Trayecto.mount(div, { map: a.getMap(), storage: 'none' });
        c.destroy();
        const outcome = await c.ready.then(() => 'resolved', (err) => 'rejected: ' + err.message);
        await new Promise((r) => setTimeout(r, 1500));
        return { outcome, children: div.children.length, roots: document.querySelectorAll('.trayecto-root').length };
      });
      assert(/^rejected: .*destroyed/.test(early.outcome), 'ready rejects: ' + early.outcome);
      assertEqual(early.children + early.roots, 1, 'only B is left');
      await page.waitForTimeout(200);
      const violations = await page.evaluate(() => window.__cspViolations);
      assertEqual(violations.length, 0, 'CSP violations on the host page: ' + violations.join(' | '));
      assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
    },
  },
  {
    name: 'the docs script-tag example works as written',
    timeout: 60,
    async run({ context }) {
      const app = await serve(DIST, '127.0.0.1', () => ({ 'Access-Control-Allow-Origin': '*' }));
      const dir = tempDir('trayecto-docs-mount-');
      const host = await serve(dir, '127.0.0.2');
      write(dir, 'journeys.html', docExample('mount-host').replaceAll('https://apps.example.com/trayecto/', app.url));
      write(dir, 'favicon.ico', '');
      write(dir, 'maps/today.trayecto.json', variant('Hoy'));
      write(dir, 'maps/proposed.trayecto.json', variant('Propuesto', 4));
      const page = await context.newPage();
      const errors = collectConsole(page);
      await page.goto(host.url + 'journeys.html');
      await page.waitForFunction(() => window.todayMap && window.proposedMap);
      await page.evaluate(() => Promise.all([todayMap.ready, proposedMap.ready]));
      assertEqual(await page.evaluate(() => JSON.parse(todayMap.getMap()).meta.title), 'Hoy', 'the first map');
      assertEqual(await page.evaluate(() => JSON.parse(proposedMap.getMap()).meta.title), 'Propuesto', 'the second map');
      assertEqual(JSON.stringify(await page.evaluate(() => [todayMap.readOnly(), proposedMap.readOnly()])), '[true,false]', 'viewer and editor');
      await screenshot(page, 'embedding-docs-mount');
      assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
    },
  },
  {
    name: 'trayecto.config.json allowedOrigins lets a listed host drive a frame with browser storage; ?origin= alone does not',
    timeout: 90,
    async run({ context, url }) {
      const e = await setup(url);
      const configured = await serve(distWithConfig({ allowedOrigins: [e.hostOrigin], unknownKey: 1 }), '127.0.0.1');
      const cases = [
        { app: configured.url + '?storage=local&lang=en', accepted: true, storage: true, what: 'listed in the config, storage=local' },
        { app: e.appUrl + `?origin=${encodeURIComponent(e.hostOrigin)}&storage=local`, accepted: false, what: '?origin= with storage=local' },
        { app: e.appUrl + `?origin=${encodeURIComponent(e.hostOrigin)}&src=maps/x.json`, accepted: false, what: '?origin= with src=' },
        { app: e.appUrl + `?origin=${encodeURIComponent(e.hostOrigin)}`, accepted: true, storage: false, what: '?origin= alone (storage none by default)' },
        { app: e.appUrl + `?origin=${encodeURIComponent(e.hostOrigin + '/')},https://other.example`, accepted: true, storage: false, what: 'a list, trailing slash' },
      ];
      for (const c of cases) {
        const page = await context.newPage();
        await page.goto(`${e.host.url}host.html?app=${encodeURIComponent(c.app)}`);
        const frame = await frameOf(page, c.app.split('?')[0]);
        await frameReady(frame);
        await page.evaluate(() => send({ type: 'get', requestId: 'g' }, '*'));
        await page.waitForTimeout(1200);
        const got = await page.evaluate(() => received.map((m) => m.data.type));
        if (c.accepted) {
          assert(got.includes('ready') && got.includes('map'), `${c.what}: ready and an answer (${got})`);
          assertEqual(await frame.evaluate(() => window.trayecto.persistence.enabled), c.storage, `${c.what}: storage`);
        } else {
          assertEqual(got.length, 0, `${c.what}: ignored`);
        }
        await page.close();
      }
    },
  },
  {
    name: 'a large map (6 000 cards, several MB) opens through postMessage and comes back intact',
    timeout: 120,
    async run({ context, url }) {
      const e = await setup(url);
      const big = JSON.parse(FIXTURE);
      big.meta.title = 'Mapa grande';
      const cards = big.cards;
      for (let i = 0; i < 6000; i++) {
        const c = JSON.parse(JSON.stringify(cards[i % cards.length]));
        c.id = 'big-' + i;
        c.text = `Tarjeta ${i}: ` + 'texto largo con acentos — ñ á é '.repeat(8);
        cards.push(c);
      }
      const json = JSON.stringify(big);
      assert(json.length > 2 * 1024 * 1024, 'more than 2 MB of JSON (the wasm stack is 1 MB)');
      const page = await context.newPage();
      const errors = collectConsole(page);
      await page.goto(hostPage(e, e.host.url, `origin=${encodeURIComponent(e.hostOrigin)}`));
      const frame = await frameOf(page, e.appUrl);
      await frameReady(frame);
      await page.waitForFunction(() => received.some((m) => m.data.type === 'ready'));
      await page.evaluate((map) => send({ type: 'load', map, requestId: 'big' }, '*'), json);
      await page.waitForFunction(() => received.some((m) => m.data.requestId === 'big'), null, { timeout: 30000 });
      const answer = await page.evaluate(() => received.find((m) => m.data.requestId === 'big').data);
      assertEqual(answer.type, 'loaded', 'loaded: ' + answer.message);
      await page.evaluate(() => send({ type: 'get', requestId: 'back' }, '*'));
      await page.waitForFunction(() => received.some((m) => m.data.requestId === 'back'), null, { timeout: 30000 });
      const back = JSON.parse(await page.evaluate(() => received.find((m) => m.data.requestId === 'back').data.map));
      assertEqual(back.cards.length, cards.length, 'every card is back');
      assertEqual(back.cards[cards.length - 1].text, cards[cards.length - 1].text, 'with its text');
      // A long paste (2 MB on the clipboard) does not break the instance either.
      await frame.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData('text/plain', 'x'.repeat(2 * 1024 * 1024));
        document.querySelector('.tr-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      });
      await page.waitForTimeout(500);
      assertEqual(JSON.parse(await frame.evaluate(() => window.trayecto.getMap())).cards.length, cards.length, 'still working after the paste');
      assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
    },
  },
  {
    name: 'a frame that cannot start (no WebGL 2) tells its host with an error message',
    timeout: 60,
    async run({ context, url }) {
      const e = await setup(url);
      await context.addInitScript(() => {
        if (window.parent === window) return;   // only inside the frame
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : original.call(this, type, ...rest); };
      });
      const page = await context.newPage();
      await page.goto(hostPage(e, e.host.url, `origin=${encodeURIComponent(e.hostOrigin)}&lang=en`));
      await page.waitForFunction(() => received.length > 0, null, { timeout: 15000 });
      const got = await page.evaluate(() => received.map((m) => m.data));
      assertEqual(got.length, 1, 'one message');
      assertEqual(got[0].type, 'error', 'an error, not ready');
      assert(/webgl2/.test(got[0].message), 'it says why: ' + got[0].message);
    },
  },
  {
    name: 'screenshot: a host page with an embedded read-only map',
    timeout: 60,
    async run({ context, url }) {
      const e = await setup(url);
      const page = await context.newPage();
      await page.goto(e.host.url + 'iframe-host.html');
      await page.waitForFunction(() => document.getElementById('status').textContent === 'Read-only', null, { timeout: 20000 });
      await page.waitForTimeout(300);
      const file = await screenshot(page, 'embedding-readonly-host');
      assert(fs.statSync(file).size > 20000, 'a real screenshot');
    },
  },
];

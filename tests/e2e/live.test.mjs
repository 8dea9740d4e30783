// Live rooms in the page (docs/live.md), as people use them: a facilitator starts a live session
// from the Map menu and shares its link; participants in other browsers open it and everyone's
// edits appear for the others, with who is here; one goes offline, edits, and comes back; the
// server restarts mid-session. Real mouse and keyboard only; the bridge only reads state.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { startApp } from '../../scripts/serve.mjs';
import { DIST, assert, assertEqual, asReturningVisitor, cardOnScreen as cardOnCanvas, centre, clickWidget, openApp, screenshot, settle, typeIntoCard, widget } from './harness.mjs';
import { MERGE_FIXTURES, openFileThroughMenu } from './panels.test.mjs';

const T = {
  es: { map: 'Mapa', start: 'Iniciar sesión en vivo…', go: 'Iniciar', join: 'Entrar', here: 'En esta sesión:', wrong: 'no es la contraseña',
        copyLink: 'Copiar enlace a una copia del mapa', notRoom: 'No es el enlace de la sesión en vivo', roomPath: 'Mapa → Enlace de la sesión en vivo…',
        myMaps: 'Mis mapas…', roomEntry: ' · sesión en vivo', joining: 'Entrando en la sesión' },
  en: { map: 'Map', start: 'Start live session…', go: 'Start', join: 'Join', here: 'In this session:', wrong: 'not the session\'s password',
        copyLink: 'Copy link to a copy of this map', notRoom: 'It is not the live session\'s link', roomPath: 'Map → Live session link…',
        myMaps: 'My maps…', roomEntry: ' · live session', joining: 'Joining the live session' },
};

const getMap = async (page) => JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
const cardOnScreen = (page, n = 0) =>
  cardOnCanvas(page, (r) => r.x + r.width < 860 && r.y > 60 && r.y + r.height < 600 && r.width > 40, n);

// Resolves once `page`'s map has a card whose text ends with `text`; else says what the page's
// room had (its document, who it saw, its banners).
const shows = (page, text, timeout = 15000) => page.waitForFunction(
  (t) => JSON.parse(window.trayecto.getMap()).cards.some((c) => c.text.endsWith(t)), text, { timeout, polling: 100 })
  .catch(async (e) => {
    const room = await page.evaluate((t) => {
      const r = window.trayecto.live.room;
      return r && { status: r.status, inDocument: [...r.doc.getMap('cards').values()].some((c) => String(c.get('text')).endsWith(t + '"')) };
    }, text).catch(() => null);
    const presence = await page.locator('.tr-presence').allInnerTexts();
    const banners = await page.locator('.tr-banner').allInnerTexts();
    throw new Error(`${e.message}: "${text}" not on the map; room ${JSON.stringify(room)}, presence ${JSON.stringify(presence)}, banners ${JSON.stringify(banners)}`);
  });

// A room server of our own (the suite's static server has none), on a fresh data folder.
async function liveServer(port = 0, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayecto-live-e2e-')), dir = DIST, live = {}) {
  const app = await startApp(dir, port, '127.0.0.1', { dataDir, ...live });
  return {
    ...app, dataDir,
    async stop() { await app.live.close(); app.server.closeAllConnections?.(); await new Promise((r) => app.server.close(r)); },
  };
}

// The page that starts a room: the app, once its storage is open (the room's entry goes there).
async function facilitator(context, url) {
  const page = await openApp(context, url);
  await page.waitForFunction(() => window.trayecto.persistence.store !== null);
  return page;
}

async function newParticipant(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await asReturningVisitor(context);
  return context;
}

// The facilitator starts a live session from the Map menu (with a password, or none): the dialog
// gives the room's link.
async function startSession(page, lang, password = '') {
  await clickWidget(page, T[lang].map);
  await clickWidget(page, T[lang].start);
  await typePassword(page, password, T[lang].go);
  const field = page.locator('dialog .tr-link');
  await field.waitFor({ timeout: 15000 });
  const link = await field.inputValue();
  assert(/#room=[A-Za-z0-9_-]{22}$/.test(link), `a room link: ${link}`);
  assert(!/[?&]lang=/.test(link), `the link does not carry the facilitator's language: ${link}`);
  await page.keyboard.press('Escape');
  await field.waitFor({ state: 'detached' });
  return link;
}

// The room's link opened in a given language (?lang=, as a person's browser would choose).
const inLanguage = (link, lang) => { const u = new URL(link); u.searchParams.set('lang', lang); return u.href; };

// The password dialog: what is typed, then its button, clicked.
async function typePassword(page, password, button) {
  const input = page.locator('dialog input.tr-password');
  await input.waitFor({ timeout: 15000 });
  await input.click();
  if (password) await page.keyboard.type(password);
  const typedInto = await input.elementHandle();
  await page.locator('dialog button', { hasText: button }).click();
  await page.waitForFunction((el) => !el.isConnected, typedInto);   // that dialog closed (another may come)
}

// Records, in a page about to open, the first frame of a room's map: the first in a room or
// read-only (a snapshot). Whether the page was in the room yet, whether it could be edited, and
// the map's text then.
const recordFirstRoomFrame = (context) => context.addInitScript(() => {
  const poll = () => {
    const t = window.trayecto;
    if (t && t.live && t.frameCount() > 0 && (t.live.wasm.liveActive() || t.readOnly())) {
      window.__firstFrame = { inRoom: t.live.wasm.liveActive(), readOnly: t.readOnly(), map: t.getMap() };
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
});

async function joined(page) {
  await page.waitForFunction(() => window.trayecto.viewState && document.querySelectorAll('.tr-presence .tr-peer').length > 0, null, { timeout: 15000 });
  await settle(page);
}

export const tests = [
  {
    name: 'three people in a live room (es, en): each edit appears for the others, presence shows, the map stays one',
    timeout: 150,
    async run({ browser, context }) {
      const server = await liveServer();
      const contexts = [];
      try {
        const a = await facilitator(context, server.url + '?lang=es');
        const link = await startSession(a, 'es');
        await screenshot(a, 'live-started-es');
        const pages = [a];
        for (const lang of ['en', 'es']) {
          const ctx = await newParticipant(browser);
          contexts.push(ctx);
          const p = await openApp(ctx, inLanguage(link, lang));
          await joined(p);
          pages.push(p);
        }
        const [, b, c] = pages;
        assertEqual((await getMap(b)).cards.length, (await getMap(a)).cards.length, 'the joining page has the room\'s map');
        // Each votes as themself: three participants, not one "local" for the whole room.
        const who = await Promise.all(pages.map((p) => p.evaluate(() => window.trayecto.viewState().participant)));
        assertEqual(new Set(who).size, 3, `three participants vote in the room: ${who}`);
        assert(!who.includes('local'), 'none votes as the browser\'s own "local"');
        // Everyone sees the three of them.
        for (const p of pages) await p.waitForFunction(() => document.querySelectorAll('.tr-presence .tr-peer').length === 3, null, { timeout: 15000 });
        assert((await b.locator('.tr-presence').innerText()).startsWith(T.en.here), 'the English page says who is here in English');
        // Each in a colour of their own.
        const ownColours = () => Promise.all(pages.map((p) => p.evaluate(() => getComputedStyle(document.querySelector('.tr-presence .tr-peer i')).backgroundColor)));
        let colours = await ownColours();
        for (const until = Date.now() + 5000; new Set(colours).size < 3 && Date.now() < until; colours = await ownColours()) await a.waitForTimeout(100);
        assertEqual(new Set(colours).size, 3, `three people, three colours: ${colours}`);
        assert((await a.locator('.tr-presence').innerText()).startsWith(T.es.here), 'and the Spanish one in Spanish');

        // An edit in each page reaches the other two.
        const { box: boxA } = await cardOnScreen(a, 0);
        await typeIntoCard(a, boxA, ' de Ana');
        for (const p of [b, c]) await shows(p, ' de Ana');
        const { box: boxB } = await cardOnScreen(b, 1);
        await typeIntoCard(b, boxB, ' from Ben');
        for (const p of [a, c]) await shows(p, ' from Ben');
        await screenshot(b, 'live-room-en');
        await screenshot(c, 'live-room-es');

        // What Ben selects shows on Ana's canvas: a ring in Ben's colour around that card.
        const { card: picked, box: pickedBox } = await cardOnScreen(b, 3);
        await b.keyboard.press('Escape');
        await b.mouse.click(centre(pickedBox).x, centre(pickedBox).y);
        await a.waitForFunction((id) => window.trayecto.viewState().peers.some((p) => p.selection.includes(id)), picked.id, { timeout: 15000 });
        const peer = (await a.evaluate(() => window.trayecto.viewState())).peers.find((p) => p.selection.includes(picked.id));
        await settle(a);
        const ring = await a.evaluate(([id, rgb]) => {
          const box = window.trayecto.locate(id);
          const src = document.querySelector('.tr-canvas');
          const c = document.createElement('canvas');
          c.width = src.width; c.height = src.height;
          const g = c.getContext('2d');
          g.drawImage(src, 0, 0);
          const k = src.width / src.getBoundingClientRect().width;
          const [x0, y0, x1, y1] = [box.x - 8, box.y - 8, box.x + box.width + 8, box.y + box.height + 8].map((v) => Math.round(v * k));
          const data = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
          const [r, gr, bl] = [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255];
          let near = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - gr) + Math.abs(data[i + 2] - bl) < 40) near++;
          }
          return near;
        }, [picked.id, peer.rgb]);
        assert(ring > 40, `Ben's colour rings the card he selected on Ana's canvas (${ring} pixels)`);
        await screenshot(a, 'live-peer-selection-es');
        // Ben types into a card: Ana sees who is typing where.
        const { card: typed, box: typedBox } = await cardOnScreen(b, 4);
        await b.mouse.dblclick(centre(typedBox).x, centre(typedBox).y);
        await a.waitForFunction((id) => window.trayecto.viewState().peers.some((p) => p.editing === id), typed.id, { timeout: 15000 });
        await settle(a);
        await screenshot(a, 'live-peer-typing-es');
        await b.keyboard.press('Escape');
        await a.waitForFunction(() => window.trayecto.viewState().peers.every((p) => !p.editing), null, { timeout: 15000 });

        // Ctrl+Z in one page takes back only that person's edit.
        await b.keyboard.press('Escape');
        await b.keyboard.press('Control+z');
        await a.waitForFunction(() => !window.trayecto.getMap().includes(' from Ben'), null, { timeout: 15000 });
        assert((await getMap(b)).cards.some((card) => card.text.endsWith(' de Ana')), 'Ana\'s edit stays after Ben\'s undo');

        // Ben gives his name (Map → Your name…, typed at once): the others see it; nobody else
        // is renamed, not after a reload either.
        await clickWidget(b, T.en.map);
        await clickWidget(b, 'Your name…');
        await b.keyboard.type('Ben Ortiz');
        await b.keyboard.press('Enter');
        for (const p of [a, c]) await p.waitForFunction(() => document.querySelector('.tr-presence').textContent.includes('Ben Ortiz'), null, { timeout: 15000 });
        // Ana edits after that: she stays herself.
        const { box: afterName } = await cardOnScreen(a, 5);
        await typeIntoCard(a, afterName, ' y más');
        await shows(b, ' y más');
        assert(!(await a.locator('.tr-presence .tr-peer').first().innerText()).includes('Ben Ortiz'), 'Ana is not renamed by her own next edit');
        await c.reload();
        await joined(c);
        await c.waitForFunction(() => document.querySelectorAll('.tr-presence .tr-peer').length === 3, null, { timeout: 15000 });
        for (const p of [a, c]) {
          const mine = await p.locator('.tr-presence .tr-peer').first().innerText();
          assert(!mine.includes('Ben Ortiz'), `only Ben is Ben Ortiz: this page's own entry is «${mine}»`);
        }
        // Idle for longer than a presence is kept without news (30 s): everyone is still listed.
        await a.waitForTimeout(35000);
        for (const p of pages) assertEqual(await p.locator('.tr-presence .tr-peer').count(), 3, 'three people are here after 35 s idle');

        // Everyone ends with the same map.
        await a.waitForFunction(() => !window.trayecto.busy());
        const maps = await Promise.all(pages.map((p) => p.evaluate(() => window.trayecto.getMap())));
        await a.waitForTimeout(500);
        const again = await Promise.all(pages.map((p) => p.evaluate(() => window.trayecto.getMap())));
        assertEqual(again[1], again[0], 'Ben\'s map is Ana\'s');
        assertEqual(again[2], again[0], 'Carla\'s map is Ana\'s');
        assert(maps.length === 3, 'three maps read');
      } finally {
        for (const ctx of contexts) await ctx.close();
        await server.stop();
      }
    },
  },
  {
    name: 'live room: a participant offline keeps editing (banner counts the changes), comes back: everything merged, nothing lost',
    timeout: 150,
    async run({ browser, context }) {
      const server = await liveServer();
      const ctxB = await newParticipant(browser);
      try {
        const a = await facilitator(context, server.url + '?lang=en');
        const link = await startSession(a, 'en');
        let b = await openApp(ctxB, inLanguage(link, 'es'));
        await joined(b);

        await ctxB.setOffline(true);
        await b.locator('[data-banner="live"]').waitFor({ timeout: 10000 });
        const { box: boxB } = await cardOnScreen(b, 2);
        await typeIntoCard(b, boxB, ' sin red');
        await b.waitForFunction(() => /\b1\b/.test(document.querySelector('[data-banner="live"]').textContent), null, { timeout: 5000 })
          .catch(async (e) => {
            throw new Error(`${e.message}: the banner says "${await b.locator('[data-banner="live"]').innerText()}"; typed: ${(await b.evaluate(() => window.trayecto.getMap())).includes(' sin red')}`);
          });
        await screenshot(b, 'live-offline-es');
        // The tab is closed before the connection comes back; meanwhile the other one edits another card.
        await b.close({ runBeforeUnload: true });
        const { box: boxA } = await cardOnScreen(a, 0);
        await typeIntoCard(a, boxA, ' online');
        await ctxB.setOffline(false);
        // Opened again: what was typed offline is there, and reaches the room.
        b = await openApp(ctxB, inLanguage(link, 'es'));
        await joined(b);
        await shows(b, ' sin red');
        await shows(a, ' sin red', 20000);
        await shows(b, ' online', 20000);
        await a.waitForTimeout(500);
        assertEqual(await b.evaluate(() => window.trayecto.getMap()), await a.evaluate(() => window.trayecto.getMap()), 'both have the same map');
      } finally {
        await ctxB.close();
        await server.stop();
      }
    },
  },
  {
    name: 'live room: the server restarts mid-session: the room comes back whole and edits flow again',
    timeout: 150,
    async run({ browser, context }) {
      let server = await liveServer();
      const ctxB = await newParticipant(browser);
      try {
        const a = await facilitator(context, server.url + '?lang=es');
        const link = await startSession(a, 'es');
        const b = await openApp(ctxB, link);
        await joined(b);
        const { box: boxA } = await cardOnScreen(a, 0);
        await typeIntoCard(a, boxA, ' antes');
        await shows(b, ' antes');
        const { port, dataDir } = server;
        await server.stop();
        await b.locator('[data-banner="live"]').waitFor({ timeout: 15000 });
        server = await liveServer(port, dataDir);
        await b.locator('[data-banner="live"]').waitFor({ state: 'detached', timeout: 30000 });
        await a.locator('[data-banner="live"]').waitFor({ state: 'detached', timeout: 30000 });
        const { box: boxB } = await cardOnScreen(b, 1);
        await typeIntoCard(b, boxB, ' después');
        await shows(a, ' después', 20000);
        assert((await getMap(a)).cards.some((c) => c.text.endsWith(' antes')), 'the edit from before the restart is still there');
      } finally {
        await ctxB.close();
        await server.stop();
      }
    },
  },
  {
    name: 'a live room with a password (es, en): the link alone does not let in, a wrong password is refused and asked again, the right one joins; a reload does not ask again',
    timeout: 120,
    async run({ browser, context }) {
      const server = await liveServer();
      const ctxB = await newParticipant(browser);
      try {
        const a = await facilitator(context, server.url + '?lang=es');
        const link = await startSession(a, 'es', 'secreto 42');
        const b = await openApp(ctxB, inLanguage(link, 'en'));
        const before = await b.evaluate(() => window.trayecto.getMap());
        await typePassword(b, 'nope', T.en.join);
        await b.locator('dialog', { hasText: T.en.wrong }).waitFor({ timeout: 15000 });
        assertEqual(await b.evaluate(() => window.trayecto.getMap()), before, 'nothing of the room before the right password');
        await screenshot(b, 'live-password-wrong-en');
        await typePassword(b, 'secreto 42', T.en.join);
        await joined(b);
        const { box } = await cardOnScreen(b, 0);
        await typeIntoCard(b, box, ' with the password');
        await shows(a, ' with the password');
        // Someone who never used Trayecto opens the link: the password, then the room's map, and
        // no welcome dialog over it.
        const first = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        try {
          const n = await openApp(first, inLanguage(link, 'es'));
          await typePassword(n, 'secreto 42', T.es.join);
          await joined(n);
          assertEqual(await n.evaluate(() => window.trayecto.locateWidget('welcome-template')), null, 'no welcome on a room link');
        } finally {
          await first.close();
        }
        // A reload in the same tab rejoins without asking again (the facilitator's too).
        for (const p of [b, a]) {
          await p.reload();
          await joined(p);
          assertEqual(await p.locator('dialog input.tr-password').count(), 0, 'no password asked after a reload');
        }
      } finally {
        await ctxB.close();
        await server.stop();
      }
    },
  },
  {
    // A page joining a big room waited a second or more for the room's document before anything
    // showed; now the server's snapshot of the room shows at once (docs/live.md, "Joining").
    name: "joining a live room (en, es): the room's last snapshot shows at once, read-only, then the room's own map, editable",
    timeout: 120,
    async run({ browser, context }) {
      const server = await liveServer(0, undefined, DIST, { snapshotEveryMs: 10 * 60 * 1000 });   // one snapshot: the room as started
      const contexts = [];
      try {
        const a = await facilitator(context, server.url + '?lang=es');
        const link = await startSession(a, 'es');
        const roomId = link.split('#room=')[1];
        const snapshot = path.join(server.dataDir, roomId + '.snapshot.deflate');
        for (const until = Date.now() + 15000; !fs.existsSync(snapshot) && Date.now() < until;) await a.waitForTimeout(100);
        assert(fs.existsSync(snapshot), 'the room\'s snapshot is kept by the server');
        const snapshotText = zlib.inflateRawSync(fs.readFileSync(snapshot)).toString();
        const { box } = await cardOnScreen(a, 0);
        await typeIntoCard(a, box, ' tras la foto');   // in the room's document, not in its snapshot
        for (const lang of ['en', 'es']) {
          const ctx = await newParticipant(browser);
          contexts.push(ctx);
          await recordFirstRoomFrame(ctx);
          const p = await openApp(ctx, inLanguage(link, lang));
          await shows(p, ' tras la foto');
          const first = await p.evaluate(() => window.__firstFrame);
          assert(first && !first.inRoom && first.readOnly, `the first frame of the room's map is its snapshot, read-only: ${JSON.stringify(first && { ...first, map: undefined })}`);
          assert(!first.map.includes(' tras la foto') && first.map === snapshotText, 'the snapshot is the room as started');
          await joined(p);
          assert(!(await p.evaluate(() => window.trayecto.readOnly())), 'editable once in the room');
          const { box: boxP } = await cardOnScreen(p, 1);
          await typeIntoCard(p, boxP, ' ' + lang);
          await shows(a, ' ' + lang);
          await screenshot(p, 'live-joined-from-snapshot-' + lang);
        }
      } finally {
        for (const c of contexts) await c.close();
        await server.stop();
      }
    },
  },
  {
    name: "joining a live room that fails after its snapshot showed (es): the map open before comes back, with its undo",
    timeout: 90,
    async run({ context }) {
      const server = await liveServer();
      try {
        // A room the server has a snapshot of but no document (its link cut short, or its data lost).
        const roomId = 'AbCdEfGhIjKlMnOpQrStUv';
        const roomMap = { format: 'trayecto-journey', version: 1, meta: { title: 'La sala que ya no está' } };
        fs.writeFileSync(path.join(server.dataDir, roomId + '.snapshot.deflate'), zlib.deflateRawSync(JSON.stringify(roomMap)));
        await recordFirstRoomFrame(context);
        const page = await openApp(context, server.url + '?lang=es');
        const { box } = await cardOnScreen(page, 0);
        await typeIntoCard(page, box, ' mío');
        const mine = await page.evaluate(() => window.trayecto.getMap());
        await page.evaluate(() => {
          window.__trayectoSaveDelayMs = 0;   // a write would come while the snapshot shows
          const store = window.trayecto.persistence.store, save = store.save.bind(store);
          window.__written = [];
          store.save = (entry, ...rest) => { window.__written.push(entry.json); return save(entry, ...rest); };
        });
        await page.goto(server.url + '?lang=es#room=' + roomId);   // the link pasted in the address bar
        const message = page.locator('dialog.tr-dialog');
        await message.waitFor({ timeout: 15000 });
        const first = await page.evaluate(() => window.__firstFrame);
        assert(first && first.readOnly && !first.inRoom && first.map.includes(roomMap.meta.title), 'the snapshot showed');
        await message.locator('button').first().click();
        await message.waitFor({ state: 'detached' });
        assertEqual(await page.evaluate(() => window.trayecto.getMap()), mine, 'the map open before is back');
        assert(!(await page.evaluate(() => window.trayecto.readOnly())), 'and editable');
        await page.keyboard.press('Control+z');
        await page.waitForFunction(() => !window.trayecto.getMap().includes(' mío'), null, { timeout: 5000 });
        await page.waitForTimeout(700);   // a write would have come by now
        const written = await page.evaluate(() => Promise.all(window.__written.map((json) => new Response(json).text())));
        assert(written.length > 0 && written.every((json) => !json.includes(roomMap.meta.title)),
               `the snapshot was never stored as this map (${written.length} writes)`);
      } finally {
        await server.stop();
      }
    },
  },
  ...['es', 'en'].map((lang) => ({
    // Seen by a facilitator: in a room, "Copy link" gave a link to a copy, shared as if it were
    // the room's; and My maps listed the room and the map it started from under one title.
    name: `in a live room (${lang}) the share link says it opens a copy and where the room's link is; My maps tells the room from the map it started from`,
    timeout: 90,
    async run({ context }) {
      const server = await liveServer();
      try {
        const page = await facilitator(context, server.url + '?lang=' + lang);
        await startSession(page, lang);
        // Started: "Joining the live session…" is over (it stayed up for 4 s, over the link's dialog).
        assertEqual(await page.locator('.tr-toast', { hasText: T[lang].joining }).count(), 0, 'no "joining" notice once in the room');
        await clickWidget(page, T[lang].map);
        await clickWidget(page, T[lang].copyLink);
        const dialog = page.locator('dialog.tr-dialog');
        await dialog.locator('.tr-link').waitFor();
        const text = await dialog.innerText();
        assert(text.includes(T[lang].notRoom) && text.includes(T[lang].roomPath), `the link's dialog says where the room's link is: ${text}`);
        assert(!(await dialog.locator('.tr-link').inputValue()).includes('#room='), 'the share link is not the room\'s');
        await screenshot(page, `live-copy-link-${lang}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });

        await clickWidget(page, T[lang].map);
        await clickWidget(page, T[lang].myMaps);
        const rows = page.locator('dialog.tr-dialog tbody tr');
        await rows.first().waitFor();
        const titles = (await rows.locator('td:first-child').allInnerTexts());
        assertEqual(titles.length, 2, `the map it started from and the room's: ${JSON.stringify(titles)}`);
        assertEqual(titles.filter((t) => t.includes(T[lang].roomEntry)).length, 1, `one of them is the room's: ${JSON.stringify(titles)}`);
        assertEqual(new Set(titles).size, 2, `told apart: ${JSON.stringify(titles)}`);
        await screenshot(page, `live-my-maps-${lang}`);
      } finally {
        await server.stop();
      }
    },
  })),
  {
    // Seen by a new user: the facilitator gave her name before starting the room and stayed
    // "Invitado"; the participant who joined took her name with his first edit (the map's field,
    // which the room shares, was read as his own).
    name: 'a name given before the room starts is the facilitator\'s there; a participant who joins never takes it',
    timeout: 120,
    async run({ browser, context }) {
      const server = await liveServer();
      const other = await newParticipant(browser);
      try {
        const a = await facilitator(context, server.url + '?lang=es');
        await clickWidget(a, T.es.map);
        await clickWidget(a, 'Tu nombre…');
        await a.keyboard.type('Marta');
        await a.keyboard.press('Enter');
        await settle(a);
        const link = await startSession(a, 'es');
        const own = (p) => p.locator('.tr-presence .tr-peer').first().innerText();
        await a.waitForFunction(() => document.querySelector('.tr-presence .tr-peer')?.textContent.includes('Marta'), null, { timeout: 15000 })
          .catch(async () => { throw new Error(`the facilitator is «${await own(a)}», not Marta`); });
        const b = await openApp(other, inLanguage(link, 'en'));
        await joined(b);
        const { box } = await cardOnScreen(b, 1);
        await typeIntoCard(b, box, ' from a guest');
        await shows(a, ' from a guest');
        await a.waitForFunction(() => document.querySelectorAll('.tr-presence .tr-peer').length === 2, null, { timeout: 15000 });
        await a.waitForTimeout(1000);   // a name the guest took would have reached the others by now
        assert(!(await own(b)).includes('Marta'), `the guest is not Marta: «${await own(b)}»`);
        const names = await a.locator('.tr-presence .tr-peer').allInnerTexts();
        assertEqual(names.filter((n) => n.includes('Marta')).length, 1, `one Marta in the room: ${JSON.stringify(names)}`);
        await b.reload();
        await joined(b);
        assert(!(await own(b)).includes('Marta'), `after a reload the guest is still not Marta: «${await own(b)}»`);
        await screenshot(a, 'live-names-es');
      } finally {
        await other.close();
        await server.stop();
      }
    },
  },
  {
    // Seen by a new user: Map → Open file… in a room took the facilitator out of it at once,
    // leaving the others alone, with no word before.
    name: 'opening a file in a live room asks first: Cancel stays in the room, Open leaves it for the file',
    timeout: 90,
    async run({ context }) {
      const server = await liveServer();
      try {
        const a = await facilitator(context, server.url + '?lang=en');
        await startSession(a, 'en');
        const before = await a.evaluate(() => window.trayecto.getMap());
        const dialog = a.locator('dialog.tr-dialog');
        const chooseFile = async () => {
          await clickWidget(a, T.en.map);
          const [chooser] = await Promise.all([a.waitForEvent('filechooser'), clickWidget(a, 'Open file…')]);
          await chooser.setFiles(path.join(MERGE_FIXTURES, 'base.json'));
          await dialog.waitFor();
          const text = await dialog.innerText();
          assert(text.includes('Leave the live session?') && text.includes('the others go on without you'), `it asks first: ${text}`);
        };
        await chooseFile();
        await screenshot(a, 'live-open-file-asks-en');
        await dialog.locator('button', { hasText: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });
        await settle(a);
        assertEqual(await a.locator('.tr-presence').count(), 1, 'still in the room');
        assertEqual(await a.evaluate(() => window.trayecto.getMap()), before, 'the room\'s map is still open');
        await chooseFile();
        await dialog.locator('button', { hasText: 'Open' }).click();
        await a.locator('.tr-presence').waitFor({ state: 'detached' });
        await a.waitForFunction(() => JSON.parse(window.trayecto.getMap()).meta.title === 'Taller: alta en la app');
      } finally {
        await server.stop();
      }
    },
  },
  {
    // Seen by a new user: a participant who joined a room saw its emotion curves thin and
    // without their feelings until a reload (the persona drawn on top was still one of the map
    // their page had opened with, which the room's map has not).
    name: 'a participant who joins a room draws one of its personas on top, with its feelings, at once',
    timeout: 90,
    async run({ browser, context }) {
      const server = await liveServer();
      const other = await newParticipant(browser);
      try {
        const a = await facilitator(context, server.url + '?lang=es');
        await openFileThroughMenu(a, 'es', path.join(MERGE_FIXTURES, 'base.json'));
        const link = await startSession(a, 'es');
        const b = await openApp(other, inLanguage(link, 'en'));
        await joined(b);
        const map = await getMap(b);
        assertEqual(map.meta.title, 'Taller: alta en la app', 'the room\'s map');
        const active = (await b.evaluate(() => window.trayecto.viewState())).activePersona;
        assert(map.personas.some((p) => p.id === active), `the persona on top (${active}) is one of the room's: ${map.personas.map((p) => p.id)}`);
        await screenshot(b, 'live-joined-personas-en');
      } finally {
        await other.close();
        await server.stop();
      }
    },
  },
  {
    name: 'a room link that holds no map (never started, or cut short) says so (es, en), and the map is untouched',
    async run({ context }) {
      const server = await liveServer();
      try {
        for (const lang of ['es', 'en']) {
          const page = await openApp(context, server.url + '?lang=' + lang);
          const before = await page.evaluate(() => window.trayecto.getMap());
          await page.goto(server.url + '?lang=' + lang + '#room=' + 'A'.repeat(21) + lang[0]);
          await page.evaluate(() => window.trayecto.ready.then(() => true));
          const dialog = page.locator('dialog.tr-dialog');
          await dialog.waitFor({ timeout: 20000 });
          const text = await dialog.innerText();
          assert(lang === 'es' ? text.includes('no tiene ningún mapa') : text.includes('holds no map'), `the message says the room has no map: ${text}`);
          await page.keyboard.press('Escape');
          assertEqual(await page.evaluate(() => window.trayecto.getMap()), before, 'the map is the one stored here');
          assertEqual(await page.locator('.tr-presence').count(), 0, 'not in a room');
          await page.close();
        }
      } finally {
        await server.stop();
      }
    },
  },
  {
    name: 'a site without a live server says so in the user\'s language (es, en), and the map is untouched',
    async run({ context, url }) {
      for (const lang of ['es', 'en']) {
        const page = await openApp(context, url + '?lang=' + lang);
        const before = await page.evaluate(() => window.trayecto.getMap());
        await clickWidget(page, T[lang].map);
        await clickWidget(page, T[lang].start);
        const dialog = page.locator('dialog.tr-dialog');
        await dialog.waitFor({ timeout: 20000 });
        const text = await dialog.innerText();
        assert(lang === 'es' ? text.includes('servidor en vivo') : text.includes('no live server'), `the message says there is no live server: ${text}`);
        await screenshot(page, `live-no-server-${lang}`);
        await page.keyboard.press('Escape');
        assertEqual(await page.evaluate(() => window.trayecto.getMap()), before, 'the map is unchanged');
        await page.close();
      }
    },
  },
  {
    name: 'a page that embeds Trayecto.mount with a room option joins that room: edits flow both ways, the host page keeps its address',
    timeout: 120,
    async run({ browser, context }) {
      // The site: the app's files and an intranet page beside them that embeds the map in a box
      // of its own, below its heading, in the room the page's script names.
      const site = fs.mkdtempSync(path.join(os.tmpdir(), 'trayecto-live-site-'));
      for (const name of fs.readdirSync(DIST)) fs.symlinkSync(path.join(DIST, name), path.join(site, name));
      fs.mkdirSync(path.join(site, 'intranet'));
      const server = await liveServer(0, undefined, site);
      const ctxB = await newParticipant(browser);
      try {
        const a = await facilitator(context, server.url + '?lang=en');
        const link = await startSession(a, 'en');
        fs.writeFileSync(path.join(site, 'intranet', 'workshop.html'), `<!doctype html><html><head><meta charset="utf-8">
          <link rel="stylesheet" href="../trayecto.css"><script src="../trayecto-embed.js"></script></head>
          <body style="margin:0"><h1 style="height:60px;margin:0">Taller de hoy</h1><div id="map" style="width:1100px;height:680px"></div>
          <script>window.trayecto = Trayecto.mount(document.getElementById('map'), { room: ${JSON.stringify(link)}, lang: 'es', focus: true });</script>
          </body></html>`);
        const host = server.url + 'intranet/workshop.html';
        const b = await openApp(ctxB, host);
        await joined(b);
        assertEqual((await getMap(b)).cards.length, (await getMap(a)).cards.length, 'the mounted instance has the room\'s map');
        assertEqual(await b.evaluate(() => location.href), host, 'the host page\'s address is left alone');
        const { box: boxA } = await cardOnScreen(a, 0);
        await typeIntoCard(a, boxA, ' de Ana');
        await shows(b, ' de Ana');
        // The app's positions are the canvas's own; on this page the canvas is below a heading.
        const at = await b.locator('.tr-canvas').boundingBox();
        const onPage = (r) => ({ ...r, x: r.x + at.x, y: r.y + at.y });
        const { box: boxB } = await cardOnScreen(b, 2);
        await typeIntoCard(b, onPage(boxB), ' desde la intranet');
        await shows(a, ' desde la intranet');
        await screenshot(b, 'live-mounted-es');
        const linkInB = await b.evaluate(() => window.trayecto.live.link());
        assert(linkInB.startsWith(server.url + 'index.html#room='), `the room's link in the mounted instance is the app's page: ${linkInB}`);
        // Leaving from the menu: the map stays, the host page's address too.
        await b.evaluate(() => history.replaceState(null, '', location.pathname + '#agenda'));
        for (const text of [T.es.map, 'Salir de la sesión en vivo']) {
          const c = centre(onPage(await widget(b, text)));
          await b.mouse.click(c.x, c.y);
        }
        await b.waitForFunction(() => !window.trayecto.live.room, null, { timeout: 10000 });
        assertEqual(await b.evaluate(() => location.hash), '#agenda', 'leaving keeps the host page\'s own address');
        assert((await getMap(b)).cards.some((c) => c.text.endsWith(' desde la intranet')), 'the map stays after leaving');
      } finally {
        await ctxB.close();
        await server.stop();
        fs.rmSync(site, { recursive: true, force: true });
      }
    },
  },
];

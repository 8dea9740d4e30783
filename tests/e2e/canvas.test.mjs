// The canvas with real mouse, keyboard and touch events, checked through window.trayecto.
import { assert, assertEqual, openApp, framesAfter, screenshot, settle } from './harness.mjs';

const getMap = (page) => page.evaluate(() => JSON.parse(window.trayecto.getMap()));
const viewState = (page) => page.evaluate(() => window.trayecto.viewState());
const locate = (page, id) => page.evaluate((i) => window.trayecto.locate(i), id);
const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

function laneOfType(map, type) { return map.lanes.find((l) => l.type === type); }
function firstCardIn(map, laneType) {
  const lane = laneOfType(map, laneType);
  return map.cards.find((c) => c.laneId === lane.id);
}

export const tests = [
  {
    name: 'click selects a card; dragging it to the next stage moves it; Ctrl+Z undoes',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const map = await getMap(page);
      const card = firstCardIn(map, 'actions');
      const from = centre(await locate(page, card.id));
      await page.mouse.click(from.x, from.y);
      await settle(page);
      assertEqual(JSON.stringify((await viewState(page)).selection), JSON.stringify([card.id]), 'selection after click');

      await page.waitForTimeout(600);   // a second press sooner would be a double click
      const stageIndex = map.stages.findIndex((s) => s.id === card.stageId);
      const target = map.stages[stageIndex + 1];
      const header = await locate(page, target.id);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) {
        await page.mouse.move(from.x + (header.x + header.width / 2 - from.x) * i / 10, from.y);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await settle(page);
      const moved = (await getMap(page)).cards.find((c) => c.id === card.id);
      assertEqual(moved.stageId, target.id, 'the card is in the next stage');
      assertEqual(moved.laneId, card.laneId, 'and in the same lane');

      await page.keyboard.press('Control+z');
      await settle(page);
      const back = (await getMap(page)).cards.find((c) => c.id === card.id);
      assertEqual(back.stageId, card.stageId, 'undo puts it back');
      assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(map), 'the map is as before');
    },
  },
  {
    name: 'dragging an emotion point changes the valence (one undo step)',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const map = await getMap(page);
      const persona = (await viewState(page)).activePersona;
      const p = await page.evaluate((id) => window.trayecto.emotionPoint(id, 1), persona);
      assert(p, 'the active persona has a point at the second stage');
      await page.mouse.move(p.x, p.y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) { await page.mouse.move(p.x, p.y - i * 20); await page.waitForTimeout(16); }
      await page.mouse.up();
      await settle(page);
      const after = await getMap(page);
      const e = after.emotions.find((x) => x.personaId === persona && x.stageId === map.stages[1].id);
      assertEqual(e.valence, 3, 'dragged to the top of the scale');
      await page.keyboard.press('Control+z');
      await settle(page);
      assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(map), 'one undo restores the map');
    },
  },
  {
    name: 'double-click adds a card; Spanish text typed with accents arrives intact',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=es');
      const map = await getMap(page);
      const lane = laneOfType(map, 'pain-points');
      const row = await locate(page, lane.id);
      const stage = await locate(page, map.stages[2].id);
      const x = stage.x + stage.width / 2, y = row.y + row.height - 6;
      await page.mouse.dblclick(x, y);
      await settle(page);
      const state = await viewState(page);
      assert(state.editing, 'the new card is being edited: ' + JSON.stringify(state) + ' revision ' + await page.evaluate(() => window.trayecto.revision()));
      const text = 'Señal débil: la cola tardó 20 min — ¿por qué? Ñandú, acción, pingüino';
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await settle(page);
      const after = await getMap(page);
      const card = after.cards.find((c) => c.id === state.editing);
      assert(card, 'the card exists');
      assertEqual(card.text, text, 'the typed text');
      assertEqual(card.laneId, lane.id, 'in the pain-point lane');
      assertEqual(card.kind, 'pain-point', 'as a pain point');
    },
  },
  {
    // Seen by new users (mouse, and touch on a tablet): a card begun with a double click and
    // left with Escape stayed on the map, empty, and was saved; later, one typed into and left
    // with Escape vanished with its words. Empty, it is not added; typed into, it stays as typed.
    name: 'a card begun with a double click and left with Escape: empty, it is not added; typed into, it keeps the text',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const map = await getMap(page);
      const before = JSON.stringify(map);
      const row = await locate(page, laneOfType(map, 'pain-points').id);
      const stage = await locate(page, map.stages[2].id);
      const begin = async () => {
        await page.mouse.dblclick(stage.x + stage.width / 2, row.y + row.height - 6);
        await settle(page);
        assert((await viewState(page)).editing, 'a new card is being edited');
      };
      await begin();
      await page.keyboard.press('Escape');
      await settle(page);
      assertEqual(JSON.stringify(await getMap(page)), before, 'no card left (empty)');
      assertEqual((await viewState(page)).selection.length, 0, 'nothing selected');
      await page.keyboard.press('Control+z');
      await settle(page);
      assertEqual(JSON.stringify(await getMap(page)), before, 'nothing to undo');

      await begin();
      await page.keyboard.type('Signs the annual plan');
      await page.keyboard.press('Escape');
      await settle(page);
      const added = (await getMap(page)).cards.filter((c) => c.text === 'Signs the annual plan');
      assertEqual(added.length, 1, 'typed into: the card stays, as typed');
      assertEqual((await viewState(page)).editing, '', 'and the editor is closed');
      await page.keyboard.press('Control+z');
      await settle(page);
      assertEqual(JSON.stringify(await getMap(page)), before, 'one undo takes it away');
    },
  },
  {
    name: 'copy goes to the system clipboard and paste comes from it',
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
    async run({ context, url }) {
      const page = await openApp(context, url);
      const map = await getMap(page);
      const card = firstCardIn(map, 'thoughts');
      const c = centre(await locate(page, card.id));
      await page.mouse.click(c.x, c.y);
      await page.keyboard.press('Enter');       // edit in place
      await page.waitForFunction(() => window.trayecto.viewState().editing !== '');
      // The field is active once the app is idle (counting further frames raced an app that had none left to draw).
      await settle(page);
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Control+c');
      await settle(page);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assertEqual(copied, card.text, 'the card text is on the clipboard');

      await page.evaluate(() => navigator.clipboard.writeText(' + pegado con ñ'));
      await page.keyboard.press('End');
      await page.keyboard.press('Control+v');
      await settle(page);
      await page.keyboard.press('Enter');
      await settle(page);
      const after = (await getMap(page)).cards.find((x) => x.id === card.id);
      assertEqual(after.text, card.text + ' + pegado con ñ', 'pasted text appended');
    },
  },
  {
    name: 'keyboard: Delete, Ctrl+D, Ctrl+Y, Escape',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const map = await getMap(page);
      const card = firstCardIn(map, 'touchpoints');
      const c = centre(await locate(page, card.id));
      await page.mouse.click(c.x, c.y);
      await page.keyboard.press('Control+d');
      await settle(page);
      assertEqual((await getMap(page)).cards.length, map.cards.length + 1, 'Ctrl+D duplicates');
      await page.keyboard.press('Delete');
      await settle(page);
      assertEqual((await getMap(page)).cards.length, map.cards.length, 'Delete removes the duplicate');
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await settle(page);
      assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(map), 'two undos restore the map');
      await page.keyboard.press('Control+y');
      await settle(page);
      assertEqual((await getMap(page)).cards.length, map.cards.length + 1, 'Ctrl+Y redoes');
      await page.keyboard.press('Escape');
      await settle(page);
      assertEqual((await viewState(page)).selection.length, 0, 'Escape clears the selection');
    },
  },
  {
    name: 'language switches at run time and follows the browser by default',
    context: { locale: 'es-ES' },
    async run({ context, url }) {
      const page = await openApp(context, url);
      assertEqual((await viewState(page)).lang, 'es', 'Spanish from the browser language');
      await screenshot(page, 'canvas-es');
      await page.evaluate(() => window.trayecto.setLanguage('en'));
      await settle(page);
      assertEqual((await viewState(page)).lang, 'en', 'switched to English');
      await screenshot(page, 'canvas-en');
    },
  },
  {
    name: 'an idle page draws (almost) no frames for five seconds',
    async run({ context, url }) {
      const page = await openApp(context, url);
      await page.waitForTimeout(500);
      const before = await page.evaluate(() => window.trayecto.frameCount());
      await page.waitForTimeout(5000);
      const after = await page.evaluate(() => window.trayecto.frameCount());
      console.log(`      idle frames in 5 s: ${after - before}`);
      assert(after - before <= 5, `at most 5 frames while idle (drew ${after - before})`);
      // And it wakes on input.
      await page.mouse.move(300, 300);
      await framesAfter(page, after, 1);
    },
  },
  {
    name: 'touch: tap selects, two-finger pinch zooms',
    context: { hasTouch: true, isMobile: false, viewport: { width: 1024, height: 768 } },
    async run({ context, url }) {
      const page = await openApp(context, url);
      const map = await getMap(page);
      const card = firstCardIn(map, 'actions');
      const c = centre(await locate(page, card.id));
      await page.touchscreen.tap(c.x, c.y);
      await settle(page);
      assertEqual(JSON.stringify((await viewState(page)).selection), JSON.stringify([card.id]), 'tap selects');

      const zoom = (await viewState(page)).zoom;
      const cdp = await context.newCDPSession(page);
      const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
        type, touchPoints: type === 'touchEnd' ? [] : [{ x: 500 - d, y: 400, id: 1 }, { x: 500 + d, y: 400, id: 2 }],
      });
      await touch('touchStart', 50);
      for (let d = 60; d <= 150; d += 10) { await touch('touchMove', d); await page.waitForTimeout(16); }
      await touch('touchEnd', 0);
      await settle(page);
      const zoomed = (await viewState(page)).zoom;
      assert(zoomed > zoom * 2, `pinch out zooms in (from ${zoom} to ${zoomed})`);
      assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(map), 'a pinch changes no data');
    },
  },
  {
    name: 'screenshots at 2x are crisp (backing store doubled)',
    context: { deviceScaleFactor: 2 },
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=es');
      const map = await getMap(page);
      const card = firstCardIn(map, 'touchpoints');
      const c = centre(await locate(page, card.id));
      await page.mouse.click(c.x, c.y);
      await settle(page);
      await screenshot(page, 'canvas-inspector-2x');
      assertEqual(await page.evaluate(() => document.querySelector('.tr-canvas').width), 2560, 'backing width');
    },
  },
];

// The side panel, the search bar and the merge panel read whole at 1280×800 and 1024×768 in
// Spanish and English; participants name themselves when they save, and the facilitator's merge
// names them. Real input only (page.mouse, page.keyboard, file choosers, downloads); the bridge
// (window.trayecto) only reads state.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual, centre, clickWidget, openApp, settle, screenshot, widget, widgetNow } from './harness.mjs';

export { clickWidget, widget };
export { settle };

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const MERGE_FIXTURES = path.join(HERE, '../fixtures/merge');
const getMap = async (page) => JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
const PANEL = 330;   // the side panel's width in CSS pixels (app/app.cpp kSidePanelWidth)

export const T = {
  es: { map: 'Mapa', open: 'Abrir archivo…', save: 'Guardar como archivo', merge: 'Combinar archivos de participantes…',
    tabs: ['Inspector', 'Personas', 'Taller', 'Momentos de la verdad'], name: 'Tu nombre', ok: 'Guardar' },
  en: { map: 'Map', open: 'Open file…', save: 'Save as file', merge: "Merge participants' files…",
    tabs: ['Inspector', 'Personas', 'Workshop', 'Moments of truth'], name: 'Your name', ok: 'Save' },
};
const TAB_IDS = ['inspector', 'personas', 'workshop', 'moments'];

// A widget of the UI (by its visible text or ##id), once drawn.

// The width a label needs in the app's UI font (DejaVu Sans 15 px) plus the tab's padding.
async function textWidths(page, texts) {
  return page.evaluate(async (list) => {
    const face = new FontFace('TrayectoTest', 'url(fonts/DejaVuSans.ttf)');
    document.fonts.add(await face.load());
    const g = document.createElement('canvas').getContext('2d');
    g.font = '15px TrayectoTest';
    return list.map((t) => g.measureText(t).width);
  }, texts);
}

// Opens a map file the way a person does: Map → Open file…, then the file chooser.
export async function openFileThroughMenu(page, lang, file) {
  await clickWidget(page, T[lang].map);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, T[lang].open)]);
  const before = await page.evaluate(() => window.trayecto.revision());
  await chooser.setFiles(file);
  await page.waitForFunction((b) => window.trayecto.revision() !== b, before);
  await settle(page);
}

// A card of the open map drawn on the canvas, clear of the side panel.
async function cardOnCanvas(page, width, id) {
  const r = await page.evaluate((i) => window.trayecto.locate(i), id);
  assert(r && r.x > 0 && r.x + r.width < width - PANEL && r.y > 40, 'card ' + id + ' is on screen: ' + JSON.stringify(r));
  return r;
}

const sizes = [{ width: 1280, height: 800 }, { width: 1024, height: 768 }];

export const tests = [
  ...['es', 'en'].flatMap((lang) => sizes.map((size) => ({
    name: `side panel (${lang}, ${size.width}×${size.height}): tabs whole and fixed, fields full width, long text wrapped`,
    context: { viewport: size },
    timeout: 90,
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=' + lang);
      await openFileThroughMenu(page, lang, path.join(MERGE_FIXTURES, 'base.json'));
      // Every tab whole: as wide as its label needs.
      const needed = await textWidths(page, T[lang].tabs);
      for (let i = 0; i < TAB_IDS.length; i++) {
        const r = await widget(page, TAB_IDS[i]);
        assert(r.width >= needed[i] * 0.95, `tab "${T[lang].tabs[i]}" whole: ${r.width.toFixed(0)} px for ${needed[i].toFixed(0)} px of text`);
        assert(r.x >= size.width - PANEL - 1 && r.x + r.width <= size.width + 0.5, `tab "${T[lang].tabs[i]}" inside the panel`);
      }
      // Each tab, looked at.
      for (let i = 0; i < TAB_IDS.length; i++) {
        await clickWidget(page, TAB_IDS[i]);
        await screenshot(page, `panels-${lang}-${size.width}-${TAB_IDS[i]}`);
      }
      // A touchpoint selected: the inspector's fields span the panel, their labels above them.
      await clickWidget(page, 'inspector');
      const map = await getMap(page);
      const touchpoint = map.cards.find((c) => c.kind === 'touchpoint');
      const box = await cardOnCanvas(page, size.width, touchpoint.id);
      await page.mouse.click(centre(box).x, centre(box).y);
      await settle(page);
      for (const id of ['card-kind', 'tp-channel', 'tp-owner']) {
        const r = await widget(page, id);
        assert(r.width > (PANEL - 40) && r.x + r.width <= size.width, `field ${id} spans the panel: ${JSON.stringify(r)}`);
      }
      // Long notes typed in: once the field is left, the box shows all of them, wrapped.
      await clickWidget(page, 'card-notes');
      await page.keyboard.press('Control+End');
      const words = (lang === 'es' ? 'la clienta no encuentra el botón de alta y llama al banco ' : 'the customer cannot find the sign-up button and phones the bank ').repeat(4);
      await page.keyboard.insertText(words);   // as an on-screen keyboard or IME delivers it
      await settle(page, 30000);
      await page.mouse.click(centre(box).x, centre(box).y);   // leaves the field
      await settle(page, 30000);
      const notes = await widget(page, 'card-notes');
      assert(notes.height > 95,   // 4.5 lines before, its text cut at the right edge
         `the notes box grows to show the wrapped text: ${notes.height} px high`);
      await screenshot(page, `panels-${lang}-${size.width}-wrapped-notes`);
      // Scrolling the inspector moves its content, never the tabs.
      const tabBefore = await widget(page, 'inspector');
      const kindBefore = await widget(page, 'card-kind');
      await page.mouse.move(size.width - PANEL / 2, size.height / 2);
      await page.mouse.wheel(0, 600);
      await settle(page);
      const tabAfter = await widgetNow(page, 'inspector');
      const kindAfter = await widgetNow(page, 'card-kind');
      assert(!kindAfter || kindAfter.y < kindBefore.y - 20, 'the content scrolled');
      assert(tabAfter && Math.abs(tabAfter.y - tabBefore.y) < 1, `the tabs stay: ${tabBefore.y} → ${tabAfter && tabAfter.y}`);
      await screenshot(page, `panels-${lang}-${size.width}-scrolled`);
    },
  }))),
  ...['es', 'en'].map((lang) => ({
    name: `search bar (${lang}, 1024×768): with no match its buttons stay on screen and close it`,
    context: { viewport: { width: 1024, height: 768 } },
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=' + lang);
      await page.mouse.click(300, 400);
      await settle(page);
      await page.keyboard.press('Control+f');
      await widget(page, 'query');
      await page.keyboard.type('zzzqqq');
      await settle(page);
      await screenshot(page, `panels-${lang}-search-no-match`);
      const query = await widget(page, 'query');
      for (const id of ['search-close']) {   // the last of the row (the arrows report no label to the registry)
        const r = await widget(page, id);
        assert(r.x + r.width <= 1024 - PANEL && Math.abs(centre(r).y - centre(query).y) < 4, `${id} beside the field, clear of the panel: ${JSON.stringify(r)}`);
      }
      await clickWidget(page, 'search-close');
      assertEqual(await widgetNow(page, 'query'), null, 'the close button closed the search');
    },
  })),
];

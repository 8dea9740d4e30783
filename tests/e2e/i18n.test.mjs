// The page speaks the app's language: a bad file's message, My maps, Version history and the
// CSV export, in Spanish and in English, driven through the app's own menus with real clicks.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, openApp, settle, ROOT, RESULTS } from './harness.mjs';

// The menus' words (app/i18n.hpp), as a person reads them.
const MENU = {
  es: { map: 'Mapa', open: 'Abrir archivo…', myMaps: 'Mis mapas…', history: 'Historial de versiones…', export: 'Exportar',
    csv: 'Tarjetas en CSV (hoja de cálculo)', language: 'Idioma' },
  en: { map: 'Map', open: 'Open file…', myMaps: 'My maps…', history: 'Version history…', export: 'Export',
    csv: 'Cards as CSV (spreadsheet)', language: 'Language' },
};

// Clicks the widget drawn with this text (or ##id) once the app has drawn it.
async function press(page, text) {
  await settle(page);
  const box = await (await page.waitForFunction((t) => window.trayecto.locateWidget(t), text, { timeout: 10000 })).jsonValue();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await settle(page);
}

// Opens a menu of the menu bar, then one of its items (the Map menu's submenus too).
async function menu(page, ...items) {
  await page.waitForTimeout(350);   // apart from any earlier click: not a double click
  for (const item of items) await press(page, item);
}

const dialogText = (page) => page.locator('dialog[open]').innerText();

// The app in English where storage fails (no IndexedDB): the page's storage banner on screen.
async function withStorageBanner(context, url) {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await openApp(context, `${url}?lang=en`);
  const banner = page.locator('.tr-banner[data-banner="storage"]');
  await banner.waitFor();
  return { page, banner };
}

async function shot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `i18n-${name}.png`) });
}

// Exports the CSV through Map → Export and returns its bytes.
async function exportCsv(page, lang) {
  await menu(page, MENU[lang].map, MENU[lang].export);
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, MENU[lang].csv)]);
  return fs.readFileSync(await download.path());
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export const tests = [
  ...[
    { lang: 'en', says: 'At /cards/0/stageId: The card refers to the stage "st-9", which does not exist.',
      opening: '“analysis-bad.json” is not a map Trayecto can open.', title: 'The map could not be opened', ok: 'OK' },
    { lang: 'es', says: 'En /cards/0/stageId: La tarjeta nombra la etapa "st-9", que no existe.',
      opening: '«analysis-bad.json» no es un mapa que Trayecto pueda abrir.', title: 'No se pudo abrir el mapa', ok: 'Aceptar' },
  ].map(({ lang, says, opening, title, ok }) => ({
    name: `a bad file chosen in Map → Open file… is explained in the UI's language (${lang})`,
    async run({ context, url }) {
      const page = await openApp(context, `${url}?lang=${lang}`);
      const before = await page.evaluate(() => window.trayecto.getMap());
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, MENU[lang].map, MENU[lang].open)]);
      await chooser.setFiles(path.join(ROOT, 'tests/fixtures/analysis-bad.json'));
      await page.locator('dialog[open] .tr-message').waitFor();
      const text = await dialogText(page);
      assert(text.includes(opening) && text.includes(says), `the message says what is wrong, in ${lang}: ${text}`);
      assert(text.includes(title), `the dialog's title is in ${lang}: ${text}`);
      assertEqual(await page.locator('dialog[open] button.primary').innerText(), ok, 'its button');
      if (lang === 'es') for (const english of ['The card', 'refers to', 'does not exist', 'The map']) assert(!text.includes(english), `no English in: ${text}`);
      await shot(page, `bad-file-${lang}`);
      await page.locator('dialog[open] button.primary').click();
      assertEqual(await page.evaluate(() => window.trayecto.getMap()), before, 'the open map is unchanged');
    },
  })),
  {
    name: 'after switching the app to English in its Language menu, My maps and Version history are in English',
    async run({ context, url }) {
      const page = await openApp(context, `${url}?lang=es`);
      await menu(page, MENU.es.language, 'English');
      assertEqual((await page.evaluate(() => window.trayecto.viewState())).lang, 'en', 'the app speaks English');
      assertEqual(await page.locator('.trayecto-root').getAttribute('lang'), 'en', 'and so does the page around it');
      assertEqual(await page.locator('.tr-canvas').getAttribute('aria-label'), 'Customer journey map', 'the canvas is named in English');

      await menu(page, MENU.en.map, MENU.en.myMaps);
      await page.locator('dialog[open] table').waitFor();
      const maps = await dialogText(page);
      await shot(page, 'my-maps-en');
      assertEqual(maps.split('My maps').length - 1, 1, `"My maps" once: ${maps}`);
      for (const words of ['Title', 'Personas', 'Last change', 'Open', 'Rename', 'Duplicate', 'Delete', 'Bin (kept for 30 days)', 'Close'])
        assert(maps.includes(words), `My maps says "${words}": ${maps}`);
      for (const spanish of ['Mis mapas', 'Título', 'Abrir', 'Renombrar', 'Papelera', 'Cerrar']) assert(!maps.includes(spanish), `no Spanish "${spanish}" in: ${maps}`);
      await page.locator('dialog[open] button.primary').click();

      await menu(page, MENU.en.map, MENU.en.history);
      await page.locator('dialog[open] .tr-history').waitFor();
      const history = await dialogText(page);
      await shot(page, 'history-en');
      assert(history.includes('Version history') && history.includes('Close'), `Version history in English: ${history}`);
      assert(!history.includes('Historial') && !history.includes('Cerrar'), `no Spanish in: ${history}`);
      await page.locator('dialog[open] button.primary').click();

      // And back: the same dialogs in Spanish.
      await menu(page, MENU.en.language, 'Español');
      await menu(page, MENU.es.map, MENU.es.myMaps);
      await page.locator('dialog[open] table').waitFor();
      const mapas = await dialogText(page);
      await shot(page, 'my-maps-es');
      assertEqual(mapas.split('Mis mapas').length - 1, 1, `"Mis mapas" once: ${mapas}`);
      assert(mapas.includes('Último cambio') && mapas.includes('Papelera') && !mapas.includes('Last change'), `My maps in Spanish: ${mapas}`);
    },
  },
  {
    name: 'a banner on screen is re-worded when the language changes',
    async run({ context, url }) {
      const { page, banner } = await withStorageBanner(context, url);
      assert((await banner.innerText()).includes('NOT being kept'), 'the banner speaks English');
      await menu(page, MENU.en.language, 'Español');
      await page.waitForFunction(() => document.querySelector('.tr-banner[data-banner="storage"]').innerText.includes('NO se están guardando'));
      const text = await banner.innerText();
      assert(text.includes('Guardar como archivo') && text.includes('Reintentar') && !text.includes('Try again'), `the banner in Spanish: ${text}`);
      await shot(page, 'banner-es');
    },
  },
  {
    // A banner lies over the top of the canvas, where the menus drop down: while a menu is open
    // it steps aside, and a click on an item under it reaches the item (it used to hit the banner).
    name: 'a menu opened under a banner takes its clicks, and the banner comes back when it closes',
    async run({ context, url }) {
      const { page, banner } = await withStorageBanner(context, url);
      const over = await banner.boundingBox();
      await menu(page, 'Help');   // the menu whose items drop down under the banner (centred, 640 px wide)
      const items = [];
      for (const text of ['Welcome…', 'Keyboard shortcuts']) {
        const box = await page.evaluate((t) => window.trayecto.locateWidget(t), text);
        if (!box) continue;
        // The middle of the part of the item that the banner covers, if it covers any.
        const x0 = Math.max(box.x, over.x), x1 = Math.min(box.x + box.width, over.x + over.width);
        const y0 = Math.max(box.y, over.y), y1 = Math.min(box.y + box.height, over.y + over.height);
        if (x0 < x1 && y0 < y1) items.push({ text, x: (x0 + x1) / 2, y: (y0 + y1) / 2 });
      }
      const item = items.find((i) => i.text === 'Welcome…');
      assert(item, `"Welcome…" lies under the banner: ${JSON.stringify({ over, items })}`);
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).tagName, item);
      assertEqual(hit, 'CANVAS', 'the point of the menu item under the banner is the canvas\'s');
      await page.mouse.click(item.x, item.y);
      await page.waitForFunction(() => window.trayecto.locateWidget('welcome-template'), null, { timeout: 5000 });   // the welcome opened
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !window.trayecto.locateWidget('welcome-template'), null, { timeout: 5000 });
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.tr-banners')).opacity === '1', null, { timeout: 5000 });
      const back = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).closest('.tr-banner') !== null, item);
      assert(back, 'the banner is back, and takes clicks again, once the menu closed');
    },
  },
  {
    name: 'the CSV export: semicolons and a BOM in Spanish, commas in English, and either by choice',
    async run({ context, url }) {
      const es = await openApp(context, `${url}?lang=es`);
      const spanish = await exportCsv(es, 'es');
      assert(spanish.subarray(0, 3).equals(BOM), 'the Spanish CSV starts with a UTF-8 byte-order mark');
      const textEs = spanish.subarray(3).toString('utf8');
      assert(textEs.startsWith('ID de tarjeta;ID de etapa;Etapa;Fase;'), `Spanish headers, semicolons: ${textEs.slice(0, 80)}`);
      assert(textEs.includes(';Pre-compra;') && !textEs.includes('pre-purchase'), 'Spanish values');
      await es.close();

      const en = await openApp(context, `${url}?lang=en`);
      const english = await exportCsv(en, 'en');
      assert(!english.subarray(0, 3).equals(BOM), 'no BOM in English');
      const textEn = english.toString('utf8');
      assert(textEn.startsWith('Card ID,Stage ID,Stage,Phase,'), `English headers, commas: ${textEn.slice(0, 80)}`);
      assert(textEn.includes(',Pre-purchase,') && !textEn.includes('pre-purchase'), 'English values');

      // Map → Export → CSV format → Semicolons: the English CSV for a European spreadsheet.
      await menu(en, MENU.en.map, MENU.en.export, 'CSV format');
      await shot(en, 'csv-format-en');
      await press(en, '##csv-semicolon');
      const chosen = await exportCsv(en, 'en');
      assert(chosen.subarray(0, 3).equals(BOM), 'the semicolon dialect has its BOM');
      assert(chosen.subarray(3).toString('utf8').startsWith('Card ID;Stage ID;'), 'English headers, semicolons');
    },
  },
];

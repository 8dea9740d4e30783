// A facilitator's round: a template, an edit, dot voting, exports, and the HTML report read
// on its own in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, clickWidget, openApp, RESULTS, settle } from './harness.mjs';

const getMap = (page) => page.evaluate(() => JSON.parse(window.trayecto.getMap()));

export const tests = [
  {
    name: 'template → edit → vote → export CSV, Markdown and HTML; the report reads on its own',
    timeout: 120,
    async run({ browser, context, url }) {
      const page = await openApp(context, url + '?lang=es');
      assert(await page.evaluate(() => window.trayecto.persistence.newMap('bank-account-opening')), 'the template opens');
      const map = await getMap(page);
      assert(/cuenta/i.test(map.meta.title), 'the Spanish bank template: ' + map.meta.title);
      await settle(page);   // laid out and fitted to the window: locate() answers for this map

      // An edit: duplicate a touchpoint.
      // A touchpoint drawn clear of the side panel; the key comes after the click has been taken,
      // as a person's would (never in the same frame).
      let touchpoint = null, r = null;
      for (const c of map.cards.filter((x) => x.kind === 'touchpoint')) {
        r = await page.evaluate((id) => window.trayecto.locate(id), c.id);
        if (r && r.x + r.width / 2 < 880 && r.y > 60 && r.y + r.height / 2 < 700) { touchpoint = c; break; }
      }
      assert(touchpoint, 'a touchpoint is on screen');
      await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
      await settle(page);
      await page.keyboard.press('Control+d');
      await page.waitForFunction((n) => JSON.parse(window.trayecto.getMap()).cards.length === n, map.cards.length + 1);

      // Dot voting, three votes each: four quick clicks on a pain point leave it at +3 (two
      // quick clicks are two votes, not a vote and the card's editor).
      await page.evaluate(() => window.trayecto.persistence.wasm.setVoting(3));
      const pain = map.cards.find((c) => c.kind === 'pain-point');
      r = await page.evaluate((id) => window.trayecto.locate(id), pain.id);
      for (let i = 0; i < 4; i++) await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
      await page.waitForFunction(([id, want]) => JSON.parse(window.trayecto.getMap()).cards.find((c) => c.id === id).votes >= want,
        [pain.id, (pain.votes || 0) + 3], { timeout: 5000 }).catch(() => {});   // what came is checked below
      await settle(page);
      const voted = (await getMap(page)).cards.find((c) => c.id === pain.id);
      assertEqual(voted.votes, (pain.votes || 0) + 3, 'three votes, no more');
      assertEqual(await page.evaluate(() => window.trayecto.viewState().editing), '', 'no card editor opened');

      // The facilitator gives her name (Mapa → Tu nombre…): every export is named after the map and her.
      await clickWidget(page, 'Mapa');
      await clickWidget(page, 'Tu nombre…');
      await page.keyboard.type('Ana Ruiz');
      await page.keyboard.press('Enter');
      await settle(page);
      const exports = {}, names = [];
      for (const kind of ['csv', 'md', 'html']) {
        const [download] = await Promise.all([page.waitForEvent('download'),
          page.evaluate((k) => window.trayecto.persistence.hostAction('export-' + k), kind)]);
        exports[kind] = fs.readFileSync(await download.path(), 'utf8');
        assert(download.suggestedFilename().endsWith('.' + kind), 'file name ' + download.suggestedFilename());
        names.push(download.suggestedFilename());
      }
      // The image of the whole map: a PNG at print resolution that shows the map, not a blank page.
      const [png] = await Promise.all([page.waitForEvent('download'),
        page.evaluate(() => window.trayecto.persistence.hostAction('export-png'))]);
      names.push(png.suggestedFilename());
      assert(png.suggestedFilename().endsWith('.png'), 'png file name ' + png.suggestedFilename());
      const base = map.meta.title + ' - Ana Ruiz';
      assertEqual(JSON.stringify(names), JSON.stringify(['csv', 'md', 'html', 'png'].map((k) => base + '.' + k)), 'every export named after the map and who made it');
      const image = await page.evaluate(async (b64) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const c = document.createElement('canvas');
        c.width = bitmap.width; c.height = bitmap.height;
        const g = c.getContext('2d');
        g.drawImage(bitmap, 0, 0);
        const data = g.getImageData(0, 0, c.width, c.height).data;
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        return { width: c.width, height: c.height, colours: colours.size };
      }, fs.readFileSync(await png.path()).toString('base64'));
      assert(image.width > 2000 && image.height > 1000, `print resolution (${image.width}x${image.height})`);
      assert(image.colours > 50, `the image shows the map (${image.colours} colours)`);

      const csvRows = exports.csv.trim().split(/\r?\n/);
      assertEqual(csvRows.length, map.cards.length + 2, 'CSV: a header and one row per card');
      assert(exports.csv.includes(pain.text.slice(0, 20)), 'CSV has the pain point');
      assert(exports.md.startsWith('# '), 'Markdown report has a title');
      assert(/<html[^>]*lang="es"/.test(exports.html), 'HTML report in Spanish');

      // The report on its own: no scripts, readable, looked at.
      fs.mkdirSync(RESULTS, { recursive: true });
      const file = path.join(RESULTS, 'workshop-report.html');
      fs.writeFileSync(file, exports.html);
      const reader = await browser.newContext({ viewport: { width: 1100, height: 1400 }, javaScriptEnabled: false });
      const report = await reader.newPage();
      await report.goto('file://' + file);
      assert(await report.locator('h1').count() === 1, 'one main heading');
      assert(await report.locator('svg[role="img"]').count() >= 2, 'charts as accessible SVG');
      assert(await report.locator('table caption').count() >= 3, 'tables with captions');
      await report.screenshot({ path: path.join(RESULTS, 'workshop-report.png'), fullPage: false });
      await reader.close();
    },
  },
  {
    name: 'merge participants\' files: one step, conflicts listed, undo restores the base',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/merge');
      const base = fs.readFileSync(path.join(dir, 'base.json'), 'utf8');
      assert((await page.evaluate((j) => window.trayecto.loadMap(j), base)).ok, 'the base map opens');
      const before = await page.evaluate(() => window.trayecto.getMap());
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
        page.evaluate(() => window.trayecto.persistence.hostAction('merge-files'))]);
      assert(chooser.isMultiple(), 'several files at once');
      await chooser.setFiles(['ana.json', 'ben.json', 'carla.json'].map((f) => path.join(dir, f)));
      await page.waitForFunction((b) => window.trayecto.getMap() !== b, before);
      const merged = JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
      assert(merged.cards.length > JSON.parse(before).cards.length, 'new cards from the participants');
      await page.screenshot({ path: path.join(RESULTS, 'workshop-merge.png') });
      await page.mouse.click(600, 400);
      await page.keyboard.press('Control+z');
      await page.waitForFunction((b) => window.trayecto.getMap() === b, before);
    },
  },
];

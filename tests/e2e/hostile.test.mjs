// Hostile maps in the page: every id the format accepts works (a NUL inside included), and a
// participant's file with a NUL and garbage after the map is refused, not merged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, assertEqual, openApp, ROOT, settle } from './harness.mjs';

const fixture = path.join(ROOT, 'tests/fixtures/hostile-ids.json');

async function openFile(page, file) {
  await page.mouse.click(300, 300);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
  await chooser.setFiles(file);
}

export const tests = [
  {
    name: 'every id of the hostile-ids map (quotes, backslash, tab, newline, NUL, formula, markup) can be located and selected',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      await openFile(page, fixture);
      const expected = JSON.parse(fs.readFileSync(fixture, 'utf8'));
      await page.waitForFunction((n) => JSON.parse(window.trayecto.getMap()).cards.length === n, expected.cards.length);
      await settle(page);
      const ids = expected.cards.map((c) => c.id);
      assert(ids.some((id) => id.includes('\u0000')), 'the fixture has an id with a NUL');
      for (const id of ids) {
        const box = await page.evaluate((i) => window.trayecto.locate(i), id);
        assert(box, 'located: ' + JSON.stringify(id));
        if (box.x < 60 || box.x + box.width > 880 || box.y < 70 || box.y + 12 > 760) continue;   // off screen
        await page.keyboard.press('Escape');
        await page.mouse.click(box.x + box.width / 2, box.y + 8);
        await settle(page);
        assertEqual(JSON.stringify((await page.evaluate(() => window.trayecto.viewState())).selection), JSON.stringify([id]),
          'clicking selects exactly ' + JSON.stringify(id));
      }
    },
  },
  {
    name: "a participant's file with a NUL and garbage after the map is refused by the merge; the map is unchanged",
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const before = await page.evaluate(() => window.trayecto.getMap());
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trayecto-')), 'ana.trayecto.json');
      fs.writeFileSync(file, before + '\u0000{"garbage": true}');
      await page.mouse.click(300, 300);
      const menu = await page.evaluate(() => window.trayecto.locateWidget('Map'));
      await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height / 2);
      await settle(page);
      const item = await page.evaluate(() => window.trayecto.locateWidget("Merge participants' files…"));
      assert(item, 'the merge menu item is drawn');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
        page.mouse.click(item.x + item.width / 2, item.y + item.height / 2)]);
      await chooser.setFiles(file);
      await page.locator('dialog[open] .tr-message').waitFor();
      const text = await page.locator('dialog[open]').innerText();
      assert(/zero|NUL/i.test(text), 'the message names the zero byte: ' + text);
      assertEqual(await page.evaluate(() => window.trayecto.getMap()), before, 'the open map is unchanged');
    },
  },
];

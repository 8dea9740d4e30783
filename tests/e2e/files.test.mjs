// Files as a person meets them: participants name themselves when they save, the facilitator's
// merge shows each by name with every value whole; a file dragged over the page shows where to
// drop it; the same file opened twice is one entry in My maps; a first visit opens with a welcome.
// Real input only (page.mouse, page.keyboard, file choosers, downloads); the bridge reads state.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, assertEqual, openApp, settle, screenshot, waitUntil, RESULTS } from './harness.mjs';
import { clickWidget, openFileThroughMenu, widget, MERGE_FIXTURES, T } from './panels.test.mjs';

const getMap = async (page) => JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const BASE = path.join(MERGE_FIXTURES, 'base.json');
const storedMaps = (page) => page.evaluate(async () => {
  const p = window.trayecto.persistence;
  await p.openedStore();
  return p.store.list();
});

// One participant: opens the base file, rewrites a card's text through the inspector, saves
// (Ctrl+S), names themselves in the dialog that asks, and hands back the download.
async function participantSaves(context, lang, name, text) {
  const page = await openApp(context, url0 + '?lang=' + lang);
  await openFileThroughMenu(page, lang, BASE);
  const r = await page.evaluate(() => window.trayecto.locate('cd-luz'));
  await page.mouse.click(centre(r).x, centre(r).y);
  await settle(page);
  await clickWidget(page, 'card-text');
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);   // as an on-screen keyboard or IME delivers it
  await settle(page, 30000);
  await page.mouse.click(centre(r).x, centre(r).y);   // leaves the field; the keys back to the map
  await settle(page, 30000);
  await page.keyboard.press('Control+s');
  await widget(page, 'participant-name');
  await screenshot(page, `files-name-dialog-${lang}`);
  await page.keyboard.type(name);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = path.join(RESULTS, download.suggestedFilename());
  fs.mkdirSync(RESULTS, { recursive: true });
  await download.saveAs(file);
  // A second save asks no more.
  const [again] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  assertEqual(again.suggestedFilename(), download.suggestedFilename(), 'the name is kept for the session');
  await page.close();
  return { file, suggested: download.suggestedFilename() };
}
let url0 = '';

export const tests = [
  ...['en', 'es'].map((lang) => ({
    name: `merge (${lang}): three participants name themselves on saving; the conflict panel names each and shows whole values`,
    timeout: 180,
    async run({ context, url }) {
      url0 = url;
      const long = (who) => `${who}: the photo check fails in poor light, so the customer gives up and goes to the branch`;
      const people = [['Ana', long('Ana')], ['Bruno', long('Bruno')], ['Chen', long('Chen')]];
      const saved = [];
      for (const [name, text] of people) saved.push(await participantSaves(context, lang, name, text));
      for (let i = 0; i < people.length; i++)
        assert(saved[i].suggested.includes(people[i][0]), 'the download carries the name: ' + saved[i].suggested);
      assertEqual(new Set(saved.map((s) => s.suggested)).size, 3, 'three different file names');

      // The facilitator merges the three downloads through the file chooser.
      const page = await openApp(context, url + '?lang=' + lang);
      await openFileThroughMenu(page, lang, BASE);
      await clickWidget(page, T[lang].map);
      const before = await page.evaluate(() => window.trayecto.revision());
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, T[lang].merge)]);
      await chooser.setFiles(saved.map((s) => s.file));
      await page.waitForFunction((b) => window.trayecto.revision() !== b, before);
      await settle(page);
      const merged = await getMap(page);
      assertEqual(merged.workshop.merge.participants.join(), 'Ana,Bruno,Chen', 'each participant by name');
      const conflict = merged.workshop.merge.conflicts.find((c) => c.itemId === 'cd-luz' && c.field === 'text');
      assert(conflict, 'the three texts are a conflict');
      assertEqual(conflict.values.map((v) => v.participant).join(), 'Ana,Bruno,Chen', 'the choices by name');
      await screenshot(page, `files-merge-conflicts-${lang}`);
      // Each choice's text wraps onto more lines instead of being cut.
      const index = merged.workshop.merge.conflicts.indexOf(conflict);
      const first = await widget(page, `choice-${index}-0`);
      const second = await widget(page, `choice-${index}-1`);
      assert(second.y - first.y > first.height * 2, `a whole value takes several lines: ${first.y} → ${second.y}`);
      // Taking Chen's value with a click.
      const third = await widget(page, `choice-${index}-2`);
      await page.mouse.click(centre(third).x, centre(third).y);
      await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).cards.find((c) => c.id === 'cd-luz').text.startsWith('Chen'));
    },
  })),
  {
    name: 'a file dragged over the page shows where to drop it, and dropping it opens it',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=es');
      const text = fs.readFileSync(BASE, 'utf8');
      // A file dragged in from the desktop (the browser's own drag events; Playwright's mouse
      // cannot carry a file from outside the page).
      const transfer = await page.evaluateHandle((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'taller.trayecto.json', { type: 'application/json' }));
        return dt;
      }, text);
      await page.dispatchEvent('.tr-canvas', 'dragenter', { dataTransfer: transfer });
      await page.dispatchEvent('.tr-canvas', 'dragover', { dataTransfer: transfer });
      const overlay = page.locator('.tr-drop');
      assert(await overlay.isVisible(), 'the drop target shows');
      assert((await overlay.textContent()).includes('archivo'), 'it says what to do, in Spanish');
      await screenshot(page, 'files-drop-overlay-es');
      await page.dispatchEvent('.tr-canvas', 'dragleave', { dataTransfer: transfer });
      assert(!(await overlay.isVisible()), 'it goes when the file leaves');
      await page.dispatchEvent('.tr-canvas', 'dragenter', { dataTransfer: transfer });
      await page.dispatchEvent('.tr-canvas', 'drop', { dataTransfer: transfer });
      assert(!(await overlay.isVisible()), 'and when it is dropped');
      await page.waitForFunction(() => window.trayecto.mapSummary().title === 'Taller: alta en la app');
    },
  },
  {
    name: 'opening the same file twice keeps one entry in My maps; a changed map is never replaced; My maps tells maps of one title apart',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      await openFileThroughMenu(page, 'en', BASE);
      const title = 'Taller: alta en la app';
      const entries = async () => (await storedMaps(page)).filter((m) => m.title === title);
      await waitUntil(page, async (t) => (await window.trayecto.persistence.store.list()).some((m) => m.title === t), title,
        { what: 'the file in My maps' });
      await openFileThroughMenu(page, 'en', BASE);
      await settle(page);
      await page.waitForTimeout(800);   // past the autosave delay: whatever would be stored, is
      assertEqual((await entries()).length, 1, 'the same file opened again is the same entry');
      // Changed, then the file opened again: the changed map stays, the file's is a second entry.
      const r = await page.evaluate(() => window.trayecto.locate('cd-luz'));
      await page.mouse.click(centre(r).x, centre(r).y);
      await settle(page);
      await page.keyboard.press('Control+d');
      await waitUntil(page, async (t) => {
        const p = window.trayecto.persistence;
        const m = (await p.store.list()).find((x) => x.title === t);
        return m && m.cards > 4;
      }, title, { what: 'the duplicated card stored' });
      await clickWidget(page, T.en.map);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, T.en.open)]);
      await chooser.setFiles(BASE);
      await page.locator('dialog.tr-dialog button.primary').click();   // asks first: the changes are not in a file
      await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).cards.length === 4);
      await page.waitForTimeout(800);
      const now = await entries();
      assertEqual(now.length, 2, 'the changed map and the file');
      assert(now.some((m) => m.cards === 5), 'the changed map is kept');

      // A participant's file of the same map, another text: a third entry of that title. My maps
      // tells them apart by the file each was opened from.
      const theirs = JSON.parse(fs.readFileSync(BASE, 'utf8'));
      theirs.cards[0].text += ' (Ana)';
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayecto-origin-'));
      const anaFile = path.join(dir, 'Taller - Ana.trayecto.json');
      fs.writeFileSync(anaFile, JSON.stringify(theirs));
      await openFileThroughMenu(page, 'en', anaFile);
      await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).cards[0].text.endsWith('(Ana)'));
      await waitUntil(page, async (t) => (await window.trayecto.persistence.store.list()).filter((m) => m.title === t).length === 3,
        title, { what: "Ana's file in My maps" });
      await clickWidget(page, T.en.map);
      await clickWidget(page, 'My maps…');
      const rows = page.locator('dialog[open] tbody tr');
      await rows.first().waitFor();
      const texts = (await rows.allTextContents()).filter((t) => t.includes(title));
      await screenshot(page, 'files-my-maps-origins-en');
      assertEqual(texts.length, 3, 'three rows of that title');
      assertEqual(texts.filter((t) => t.includes('opened from Taller - Ana.trayecto.json')).length, 1, "Ana's file's row says so");
      assertEqual(texts.filter((t) => t.includes('opened from base.json')).length, 2, 'the rows of base.json say so');
      assertEqual(new Set(texts.map((t) => t.replace(/\s+/g, ' '))).size, 3, 'and each row reads differently (the cards they have): ' + texts.join(' | '));
    },
  },
  ...['es', 'en'].map((lang) => ({
    name: `welcome (${lang}): a first visit opens with it; each of its four choices does what it says; Help shows it again`,
    welcome: true,
    timeout: 120,
    async run({ context, url }) {
      const W = {
        es: { help: 'Ayuda', welcome: 'Bienvenida…', create: 'Crear' },
        en: { help: 'Help', welcome: 'Welcome…', create: 'Create' },
      }[lang];
      const page = await openApp(context, url + '?lang=' + lang);
      await widget(page, 'welcome-blank');
      await screenshot(page, `files-welcome-${lang}`);
      // The example: the example map stays open.
      const example = (await getMap(page)).meta.title;
      await clickWidget(page, 'welcome-example');
      assertEqual(await page.evaluate(() => window.trayecto.locateWidget('welcome-blank')), null, 'closed');
      assertEqual((await getMap(page)).meta.title, example, 'the example is open');
      // Not again on the next visit; Help → Welcome shows it.
      await page.reload();
      await page.evaluate(() => window.trayecto.ready.then(() => true));
      await settle(page);
      await page.waitForTimeout(300);
      assertEqual(await page.evaluate(() => window.trayecto.locateWidget('welcome-blank')), null, 'a second visit has no welcome');
      const reopen = async () => { await clickWidget(page, W.help); await clickWidget(page, W.welcome); await widget(page, 'welcome-blank'); };
      // A blank map.
      await reopen();
      await clickWidget(page, 'welcome-blank');
      await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).cards.length === 0);
      // A template: the template dialog, then Create.
      await reopen();
      await clickWidget(page, 'welcome-template');
      await clickWidget(page, W.create);
      await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).cards.length > 10);
      // Open a file: the file chooser.
      await reopen();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, 'welcome-open')]);
      await chooser.setFiles(BASE);
      await page.waitForFunction(() => window.trayecto.mapSummary().title === 'Taller: alta en la app');
      // An embed given a map shows none.
      const embed = await context.newPage();
      await embed.goto(url + '?lang=' + lang + '&storage=none#');
      await embed.evaluate(() => localStorage.removeItem('trayecto-welcomed'));
      const link = await page.evaluate(async () => TrayectoLink.encode(window.trayecto.getMap()));
      await embed.goto(url + '?lang=' + lang + '#map=' + link);
      await embed.evaluate(() => window.trayecto.ready.then(() => true));
      await settle(embed);
      await embed.waitForTimeout(300);
      assertEqual(await embed.evaluate(() => window.trayecto.locateWidget('welcome-blank')), null, 'a map given by a link opens without the welcome');
    },
  })),
  {
    name: 'a name given when saving is where "Your name" starts on the next visit (Enter alone keeps it)',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=es');
      await settle(page);
      await page.keyboard.press('Control+s');
      await widget(page, 'participant-name');
      await page.keyboard.type('Lucía Ortega');
      const [first] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assertEqual(JSON.parse(fs.readFileSync(await first.path(), 'utf8')).workshop.participant, 'Lucía Ortega', 'the name is in the file');
      await page.reload();
      await page.evaluate(() => window.trayecto.ready.then(() => true));
      await settle(page);
      // Another map, whose file names no one: the name can only come from this browser.
      await page.mouse.click(300, 300);
      await settle(page);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
      await chooser.setFiles(BASE);
      const baseTitle = JSON.parse(fs.readFileSync(BASE, 'utf8')).meta.title;
      await page.waitForFunction((t) => { const m = JSON.parse(window.trayecto.getMap()); return m.meta.title === t && !(m.workshop || {}).participant; }, baseTitle);
      await settle(page);
      await page.keyboard.press('Control+s');
      await widget(page, 'participant-name');
      await screenshot(page, 'files-name-again-es');
      const [again] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assertEqual(JSON.parse(fs.readFileSync(await again.path(), 'utf8')).workshop.participant, 'Lucía Ortega',
        'the dialog started from the name given before');
      assert(again.suggestedFilename().includes('Lucía Ortega'), 'the file is named after them: ' + again.suggestedFilename());
    },
  },
];

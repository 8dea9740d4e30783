// The map with the keyboard alone (issue #17), in Spanish and in English: from the first visit's
// welcome, a map made from a template, a card added in an empty cell with N and typed, moved two
// stages with Ctrl+arrows, the persona's emotion raised with +, a moment of truth marked with M and
// its type chosen with the arrows, undone with Ctrl+Z, the key list shown with ?, the map saved as
// a file with Ctrl+S, another file opened with Ctrl+O. Then the menus. No mouse or touch event at all.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, openApp, ROOT, screenshot, settle } from './harness.mjs';

const FIXTURE = path.join(ROOT, 'tests/fixtures/analysis-small.json');
const getMap = (page) => page.evaluate(() => JSON.parse(window.trayecto.getMap()));
const view = (page) => page.evaluate(() => window.trayecto.viewState());

async function press(page, keys) {
  await page.keyboard.press(keys);
  await settle(page);
}

// The keyboard's cell: the selected card's, or the focused one.
async function cursor(page) {
  const [map, v] = await Promise.all([getMap(page), view(page)]);
  const card = v.selection.length === 1 ? map.cards.find((c) => c.id === v.selection[0]) : null;
  return card ? { stage: card.stageId, lane: card.laneId } : { stage: v.focusStage, lane: v.focusLane };
}

// A first visit, with the keys alone: the welcome's first choice has the keyboard, Enter opens
// the templates, ↓ Enter makes a map. Returns the page and the new map's title.
async function firstVisitTemplate(context, url, lang, shot) {
  const page = await openApp(context, `${url}?lang=${lang}`);
  await page.waitForFunction(() => !!window.trayecto.locateWidget('welcome-template'));
  await settle(page);
  if (shot) await screenshot(page, shot);
  const before = (await getMap(page)).meta.title;
  await press(page, 'Enter');
  await page.waitForFunction((c) => !window.trayecto.locateWidget('welcome-template') && !!window.trayecto.locateWidget(c), CREATE[lang]);
  await press(page, 'ArrowDown');
  await press(page, 'Enter');
  await page.waitForFunction((t) => JSON.parse(window.trayecto.getMap()).meta.title !== t, before);
  await settle(page);
  return { page, made: (await getMap(page)).meta.title };
}
const CREATE = { es: 'Crear', en: 'Create' };

export const tests = ['es', 'en'].map((lang) => ({
  name: `keyboard only (${lang}): first open, a template, a card in an empty cell, typed, moved two cells, emotion, ZMOT, undo, saved as a file`,
  welcome: true,
  timeout: 150,
  async run({ context, url }) {
    const { page } = await firstVisitTemplate(context, url, lang);
    const map = await getMap(page);
    const lanes = map.lanes.map((l) => l.id), stages = map.stages.map((s) => s.id);
    // An empty cell with two stages after it (to move on), as a person sees it on the map.
    let target = null;
    for (let s = 0; s + 2 < stages.length && !target; s++) {
      const lane = lanes.find((l) => !map.cards.some((c) => c.laneId === l && c.stageId === stages[s]));
      if (lane) target = { stage: stages[s], lane };
    }
    assert(target, 'the template has an empty cell with two stages after it');

    // Arrows: the first cell, then right to the stage and down to the lane.
    await press(page, 'ArrowDown');
    for (let i = 0; i < 20 && (await cursor(page)).stage !== target.stage; i++) await press(page, 'ArrowRight');
    for (let i = 0; i < 40 && (await cursor(page)).lane !== target.lane; i++) {
      await press(page, lanes.indexOf((await cursor(page)).lane) < lanes.indexOf(target.lane) ? 'ArrowDown' : 'ArrowUp');
    }
    assertEqual(JSON.stringify(await cursor(page)), JSON.stringify(target), 'the arrows reach the empty cell');
    assertEqual((await view(page)).selection.length, 0, 'an empty cell: no card selected');
    await screenshot(page, `keyboard-${lang}-1-empty-cell`);

    // N: a new card there, edited at once; the typing goes into it; Enter finishes.
    await press(page, 'n');
    await page.keyboard.type('Llamada de bienvenida', { delay: 20 });
    await press(page, 'Enter');
    let card = (await getMap(page)).cards.find((c) => c.text === 'Llamada de bienvenida');
    assert(card, 'the card typed with the keyboard is in the map');
    assertEqual(`${card.stageId} ${card.laneId}`, `${target.stage} ${target.lane}`, 'in the focused cell');

    // Ctrl+→ twice: two stages on, same lane.
    const moved = stages[stages.indexOf(target.stage) + 2];
    await press(page, 'Control+ArrowRight');
    await press(page, 'Control+ArrowRight');
    card = (await getMap(page)).cards.find((c) => c.id === card.id);
    assertEqual(`${card.stageId} ${card.laneId}`, `${moved} ${target.lane}`, 'moved two stages');

    // +: the active persona's emotion at that stage, one up.
    const persona = (await view(page)).activePersona;
    const valence = (m) => (m.emotions.find((e) => e.personaId === persona && e.stageId === moved && !e.cardId) || { valence: 0 }).valence;
    const valenceBefore = valence(await getMap(page));
    await press(page, '+');
    const raised = Math.min(3, valenceBefore + 1);
    assertEqual(valence(await getMap(page)), raised, 'the emotion went up one step');

    // M: a moment of truth (first moment by default) and its type list; ↑ Enter: the zero moment.
    await press(page, 'm');
    await screenshot(page, `keyboard-${lang}-2-moment-type`);
    await press(page, 'ArrowUp');
    await press(page, 'Enter');
    const momentOf = (m) => m.moments.find((x) => x.cardId === card.id);
    assertEqual(momentOf(await getMap(page)).type, 'zmot', 'ZMOT chosen with the arrows');
    assertEqual((await view(page)).editing, '', 'Enter chose the type; it did not open the text');

    // Ctrl+Z: the type goes back; again: the moment goes.
    await press(page, 'Control+z');
    assertEqual(momentOf(await getMap(page)).type, 'fmot', 'undo: the type it had');
    await press(page, 'Control+z');
    assert(!momentOf(await getMap(page)), 'undo: no moment of truth');

    // ?: the list of keys, in the UI's language; Escape closes it.
    await press(page, '?');
    const close = await page.evaluate(() => window.trayecto.locateWidget('shortcuts-close'));
    assert(close, 'the shortcut list is shown');
    await screenshot(page, `keyboard-${lang}-3-shortcuts`);
    await press(page, 'Escape');
    assert(!(await page.evaluate(() => window.trayecto.locateWidget('shortcuts-close'))), 'Escape closed the list');

    // Ctrl+S: the name is asked once (typed), Enter saves the file: the map as the keyboard left it.
    await press(page, 'Control+s');
    await page.waitForFunction(() => !!window.trayecto.locateWidget('participant-name'));
    await page.keyboard.type('Ana');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const savedCard = saved.cards.find((c) => c.id === card.id);
    assert(savedCard && savedCard.text === 'Llamada de bienvenida', 'the saved file has the typed card');
    assertEqual(`${savedCard.stageId} ${savedCard.laneId}`, `${moved} ${target.lane}`, 'where it was moved');
    assertEqual(valence(saved), raised, 'and the emotion set');
    assert(!momentOf(saved), 'and not the undone moment of truth');
    assert(download.suggestedFilename().endsWith('.json'), 'a JSON file: ' + download.suggestedFilename());

    // Ctrl+O: another file, opened at once (everything is in a file now: nothing to ask).
    await settle(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser').catch(async (e) => {
      const where = await page.evaluate(() => ({ focused: document.activeElement && (document.activeElement.className || document.activeElement.tagName),
        dialogs: document.querySelectorAll('dialog[open]').length, view: window.trayecto.viewState(), busy: window.trayecto.busy() }));
      throw new Error(`${e.message}; ${JSON.stringify(where)}; console: ${page.consoleErrors.join(' | ')}`);
    }), page.keyboard.press('Control+o')]);
    await chooser.setFiles(FIXTURE);
    await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).cards.length === 18);
    assertEqual(page.consoleErrors.join('\n'), '', 'no console errors');
  },
}));

// A first visit with the keyboard alone: the welcome's first choice has the keyboard, Enter opens
// the templates, the arrows and Enter make a map; F10 opens the menus, whose first item is New map.
for (const lang of ['es', 'en']) {
  tests.push({
    name: `keyboard only (${lang}): a first visit, the welcome, a template, the menus`,
    welcome: true,
    timeout: 90,
    async run({ context, url }) {
      const { page, made } = await firstVisitTemplate(context, url, lang, `keyboard-${lang}-4-welcome`);
      const create = CREATE[lang];

      await press(page, 'F10');
      await screenshot(page, `keyboard-${lang}-5-menu`);
      await press(page, 'Enter');   // New map…
      await page.waitForFunction((c) => !!window.trayecto.locateWidget(c), create);
      await press(page, 'Escape');
      assert(!(await page.evaluate((c) => window.trayecto.locateWidget(c), create)), 'Escape closed the dialog');
      assertEqual((await getMap(page)).meta.title, made, 'Escape closed the dialog; the map stays');
      // The map's title, from the Edit menu: F10, Right, Enter, typed, Enter.
      await press(page, 'F10');
      await press(page, 'ArrowRight');
      await press(page, 'Enter');
      await settle(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(lang === 'es' ? ' (taller de marzo)' : ' (March workshop)');
      await press(page, 'Enter');
      assertEqual((await getMap(page)).meta.title, made + (lang === 'es' ? ' (taller de marzo)' : ' (March workshop)'),
        'the title was renamed with the keyboard alone');
      // Alt pressed and released alone opens the menus too; Escape closes them.
      const newMap = lang === 'es' ? 'Nuevo mapa…' : 'New map…';
      await press(page, 'Alt');
      assert(await page.evaluate((t) => !!window.trayecto.locateWidget(t), newMap), 'Alt opened the Map menu');
      await press(page, 'Escape');
      assert(!(await page.evaluate((t) => window.trayecto.locateWidget(t), newMap)), 'Escape closed it');
      assertEqual(page.consoleErrors.join('\n'), '', 'no console errors');
    },
  });
}

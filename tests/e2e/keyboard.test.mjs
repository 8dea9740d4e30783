// The map with the keyboard alone (issue #17), in Spanish and in English: a file opened with
// Ctrl+O, a card added in an empty cell with N and typed, moved two stages with Ctrl+arrows, the
// persona's emotion raised with +, a moment of truth marked with M and its type chosen with the
// arrows, undone with Ctrl+Z, the key list shown with ?. No mouse or touch event at all.
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

export const tests = ['es', 'en'].map((lang) => ({
  name: `keyboard only (${lang}): open a file, add a card in an empty cell, type, move it, emotion, moment of truth, undo`,
  timeout: 120,
  async run({ context, url }) {
    const page = await openApp(context, `${url}?lang=${lang}`);
    await settle(page);
    // (Once, on a loaded machine, no file chooser came: the failure says where the keyboard was.)
    const [chooser] = await Promise.all([page.waitForEvent('filechooser').catch(async (e) => {
      const where = await page.evaluate(() => ({ focused: document.activeElement && (document.activeElement.className || document.activeElement.tagName),
        dialogs: document.querySelectorAll('dialog[open]').length, view: window.trayecto.viewState(), busy: window.trayecto.busy() }));
      throw new Error(`${e.message}; ${JSON.stringify(where)}; console: ${page.consoleErrors.join(' | ')}`);
    }), page.keyboard.press('Control+o')]);
    await chooser.setFiles(FIXTURE);
    await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).cards.length === 18);
    await settle(page);
    const map = await getMap(page);
    const lanes = map.lanes.map((l) => l.id), stages = map.stages.map((s) => s.id);
    // An empty cell in the first stage (two stages to move on), as a person sees it on the map.
    const emptyLane = lanes.find((l) => !map.cards.some((c) => c.laneId === l && c.stageId === stages[0]));
    assert(emptyLane, 'the fixture has an empty cell in its first stage');

    // Arrows: down the first stage to the empty cell.
    await press(page, 'ArrowDown');
    for (let i = 0; i < 40 && (await cursor(page)).lane !== emptyLane; i++) await press(page, 'ArrowDown');
    assertEqual(JSON.stringify(await cursor(page)), JSON.stringify({ stage: stages[0], lane: emptyLane }), 'the arrows reach the empty cell');
    assertEqual((await view(page)).selection.length, 0, 'an empty cell: no card selected');
    await screenshot(page, `keyboard-${lang}-1-empty-cell`);

    // N: a new card there, edited at once; the typing goes into it; Enter finishes.
    await press(page, 'n');
    await page.keyboard.type('Llamada de bienvenida', { delay: 20 });
    await press(page, 'Enter');
    let card = (await getMap(page)).cards.find((c) => c.text === 'Llamada de bienvenida');
    assert(card, 'the card typed with the keyboard is in the map');
    assertEqual(`${card.stageId} ${card.laneId}`, `${stages[0]} ${emptyLane}`, 'in the focused cell');

    // Ctrl+→ twice: two stages on, same lane.
    await press(page, 'Control+ArrowRight');
    await press(page, 'Control+ArrowRight');
    card = (await getMap(page)).cards.find((c) => c.id === card.id);
    assertEqual(`${card.stageId} ${card.laneId}`, `${stages[2]} ${emptyLane}`, 'moved two stages');

    // +: the active persona's emotion at that stage, one up.
    const persona = (await view(page)).activePersona;
    const valence = (m) => (m.emotions.find((e) => e.personaId === persona && e.stageId === stages[2] && !e.cardId) || { valence: 0 }).valence;
    const before = valence(await getMap(page));
    await press(page, '+');
    assertEqual(valence(await getMap(page)), Math.min(3, before + 1), 'the emotion went up one step');

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
      const page = await openApp(context, `${url}?lang=${lang}`);
      await page.waitForFunction(() => !!window.trayecto.locateWidget('welcome-template'));
      await settle(page);
      await screenshot(page, `keyboard-${lang}-4-welcome`);
      const before = (await getMap(page)).meta.title;
      await press(page, 'Enter');
      const create = lang === 'es' ? 'Crear' : 'Create';
      await page.waitForFunction((c) => !window.trayecto.locateWidget('welcome-template') && !!window.trayecto.locateWidget(c), create);
      await press(page, 'ArrowDown');
      await press(page, 'Enter');
      await page.waitForFunction((t) => JSON.parse(window.trayecto.getMap()).meta.title !== t, before);
      const made = (await getMap(page)).meta.title;

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

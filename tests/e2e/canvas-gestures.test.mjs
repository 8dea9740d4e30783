// Canvas gestures a first-time user makes (issue #14), in Spanish and English, with real input
// only (page.mouse, page.keyboard, page.touchscreen); window.trayecto only reads state.
import { assert, assertEqual, openApp, settle, screenshot } from './harness.mjs';
import { centre, drag as mouseDrag } from './embed-helpers.mjs';

const getMap = async (page) => JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
const viewState = (page) => page.evaluate(() => window.trayecto.viewState());
const locate = (page, id) => page.evaluate((i) => window.trayecto.locate(i), id);
const widgetNow = async (page, text) => { await settle(page); return page.evaluate((t) => window.trayecto.locateWidget(t), text); };
async function clickWidget(page, text) {
  const w = await widgetNow(page, text);
  assert(w, `the widget "${text}" is drawn`);
  await page.mouse.click(centre(w).x, centre(w).y);
  await settle(page);
}
// A pause after a click, so that the next one is not taken as a double click.
const apart = (page) => page.waitForTimeout(550);

async function drag(page, a, b, steps = 10) {
  await mouseDrag(page, a, b, steps);
  await settle(page);
}

const T = {
  es: { delete: 'Eliminar', undo: 'Deshacer', view: 'Ver', fit: 'Ajustar a la vista', overview: 'Vista general',
    personas: 'Personas', only: 'Solo esta', filterOn: 'Solo se muestra' },
  en: { delete: 'Delete', undo: 'Undo', view: 'View', fit: 'Zoom to fit', overview: 'Overview',
    personas: 'Personas', only: 'Only this', filterOn: 'Showing only' },
};

const perLang = (name, run, extra = {}) => ['es', 'en'].map((lang) => ({ name: `${name} (${lang})`, ...extra, run: (ctx) => run(ctx, lang) }));

export const tests = [
  ...perLang('a drag on empty canvas selects the cards in its band; Shift adds; the map does not move', async ({ context, url }, lang) => {
    const page = await openApp(context, url + '?lang=' + lang);
    const map = await getMap(page);
    const before = await viewState(page);
    const lane = map.lanes.find((l) => l.type === 'actions');
    const row = await locate(page, lane.id);
    const s0 = await locate(page, map.stages[0].id), s1 = await locate(page, map.stages[1].id);
    const inCells = (stages) => map.cards.filter((c) => c.laneId === lane.id && stages.includes(c.stageId)).map((c) => c.id);
    // From the empty top-left corner of the first cell to the bottom of the second one.
    await drag(page, { x: s0.x + 3, y: row.y + 3 }, { x: s1.x + s1.width - 3, y: row.y + row.height - 3 });
    await screenshot(page, `canvas14-band-${lang}`);
    let state = await viewState(page);
    assertEqual(JSON.stringify([...state.selection].sort()), JSON.stringify(inCells([map.stages[0].id, map.stages[1].id]).sort()),
      'the band selected the cards of the first two cells');
    assertEqual(state.panX, before.panX, 'the map did not pan');
    assertEqual(state.panY, before.panY, 'nor scroll');
    const s2 = await locate(page, map.stages[2].id);
    await apart(page);
    await page.keyboard.down('Shift');
    await drag(page, { x: s2.x + 3, y: row.y + 3 }, { x: s2.x + s2.width - 3, y: row.y + row.height - 3 });
    await page.keyboard.up('Shift');
    state = await viewState(page);
    assertEqual(state.selection.length, inCells(map.stages.slice(0, 3).map((s) => s.id)).length, 'Shift added the third cell');
    assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(map), 'nothing in the map changed (no emotion, no card)');
  }),
  ...perLang('a right click selects what it is on before its menu opens', async ({ context, url }, lang) => {
    const page = await openApp(context, url + '?lang=' + lang);
    const map = await getMap(page);
    const card = map.cards.find((c) => c.stageId === map.stages[1].id);
    const c = centre(await locate(page, card.id));
    await page.mouse.click(c.x, c.y, { button: 'right' });
    await settle(page);
    assertEqual(JSON.stringify((await viewState(page)).selection), JSON.stringify([card.id]), 'the card is selected');
    assert(await widgetNow(page, T[lang].delete), 'its menu is open');
    await screenshot(page, `canvas14-right-click-${lang}`);
    await page.keyboard.press('Escape');
    await apart(page);
    const persona = (await viewState(page)).activePersona;
    const p = await page.evaluate((id) => window.trayecto.emotionPoint(id, 2), persona);
    await page.mouse.click(p.x, p.y, { button: 'right' });
    await settle(page);
    const selected = (await viewState(page)).selection;
    const emotion = map.emotions.find((e) => e.id === selected[0]);
    assert(emotion && emotion.personaId === persona && emotion.stageId === map.stages[2].id, 'the emotion point is selected: ' + selected);
    await page.keyboard.press('Escape');
  }),
  ...perLang('a stage is renamed in place by a double click on its header and reordered by dragging it', async ({ context, url }, lang) => {
    const page = await openApp(context, url + '?lang=' + lang);
    const map = await getMap(page);
    const stage = map.stages[0];
    const steps = (await viewState(page)).undoSteps;
    const h = centre(await locate(page, stage.id));
    await page.mouse.dblclick(h.x, h.y);
    await settle(page);
    assertEqual((await viewState(page)).renaming, stage.id, 'the header is being edited');
    await page.keyboard.type(' (web)');
    await settle(page);
    await screenshot(page, `canvas14-rename-stage-${lang}`);
    await page.keyboard.press('Enter');
    await settle(page);
    const renamed = (await getMap(page)).stages[0];
    assertEqual(renamed.name, stage.name + ' (web)', 'the typed text is added at the end');
    assertEqual((await viewState(page)).undoSteps, steps + 1, 'one undo step');

    await apart(page);
    const target = centre(await locate(page, map.stages[2].id));
    await drag(page, h, target, 12);
    const after = await getMap(page);
    assertEqual(after.stages[2].id, stage.id, 'the stage is now third');
    assertEqual((await viewState(page)).undoSteps, steps + 2, 'one undo step for the move');
    await screenshot(page, `canvas14-reorder-stage-${lang}`);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await settle(page);
    assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(map), 'two undos: as before');
  }),
  ...perLang('deleting a stage with cards says so, and the notice\'s Undo brings it back', async ({ context, url }, lang) => {
    const page = await openApp(context, url + '?lang=' + lang);
    const map = await getMap(page);
    const stage = map.stages[1];
    assert(map.cards.some((c) => c.stageId === stage.id), 'the stage holds cards');
    const h = centre(await locate(page, stage.id));
    await page.mouse.click(h.x, h.y, { button: 'right' });
    await settle(page);
    assertEqual(JSON.stringify((await viewState(page)).selection), JSON.stringify([stage.id]), 'the right click selected the stage');
    await clickWidget(page, T[lang].delete);
    assert(!(await getMap(page)).stages.some((s) => s.id === stage.id), 'the stage is deleted');
    const notice = await widgetNow(page, 'undo-notice');
    assert(notice, 'the undo notice is shown');
    assertEqual(notice.label.split('##')[0], T[lang].undo, 'its button reads Undo in the UI language');
    await screenshot(page, `canvas14-delete-stage-notice-${lang}`);
    await clickWidget(page, 'undo-notice');
    assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(map), 'Undo brought the stage and its cards back');
  }),
  ...perLang('the overview map moves the view where it is clicked, stays clear of the side panel, and hides', async ({ context, url }, lang) => {
    const page = await openApp(context, url + '?lang=' + lang);
    const overview = await widgetNow(page, 'minimap');
    assert(overview, 'the overview map is drawn');
    const panel = await widgetNow(page, 'inspector');
    assert(overview.x + overview.width <= panel.x, 'it is left of the side panel');
    const map = await getMap(page);
    const firstStage = await locate(page, map.stages[0].id), firstLane = await locate(page, map.lanes[0].id);
    assert(overview.x + overview.width <= firstStage.x && overview.y + overview.height <= firstLane.y,
      'it sits in the corner left of the stage headers and above the lane names, over no card');
    const before = await viewState(page);
    await page.mouse.click(overview.x + overview.width - 6, overview.y + overview.height - 6);
    await settle(page);
    const after = await viewState(page);
    assert(after.panX > before.panX + 100 && after.panY > before.panY + 50, `the view moved to the bottom right: ${JSON.stringify([before.panX, before.panY, after.panX, after.panY])}`);
    assertEqual(JSON.stringify(after.selection), JSON.stringify(before.selection), 'the map under it took no click');
    await screenshot(page, `canvas14-overview-${lang}`);
    await apart(page);
    await clickWidget(page, 'overview-hide');
    assertEqual((await viewState(page)).showMinimap, false, 'hidden');
    assertEqual(await widgetNow(page, 'minimap'), null, 'not drawn');
    await screenshot(page, `canvas14-overview-hidden-${lang}`);
    await apart(page);
    await clickWidget(page, T[lang].overview);
    assertEqual((await viewState(page)).showMinimap, true, 'shown again');
  }, { context: { viewport: { width: 1024, height: 768 } } }),
  ...perLang('zoom to fit gives readable text and fills the width', async ({ context, url }, lang) => {
    const page = await openApp(context, url + '?lang=' + lang);
    const c = { x: 400, y: 400 };
    await page.mouse.move(c.x, c.y);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 300);   // zoomed far out
    await settle(page);
    assert((await viewState(page)).zoom < 0.5, 'zoomed out first');
    await clickWidget(page, T[lang].view);
    await clickWidget(page, T[lang].fit);
    const state = await viewState(page);
    assert(state.zoom >= 0.8, 'readable: zoom ' + state.zoom);
    const map = await getMap(page);
    const last = await locate(page, map.stages[map.stages.length - 1].id);
    const panel = await widgetNow(page, 'inspector');
    assert(last.x + last.width >= panel.x - 20, 'the map reaches the side panel (no empty third)');
    await screenshot(page, `canvas14-fit-${lang}`);
  }),
  ...perLang('the persona filter is labelled, shows on the map, and its chip clears it (touch)', async ({ context, url }, lang) => {
    const page = await openApp(context, url + '?lang=' + lang);
    await clickWidget(page, T[lang].personas);
    const only = await widgetNow(page, 'only');
    assertEqual(only.label.split('##')[0], T[lang].only, 'the box says what it does');
    await page.touchscreen.tap(centre(only).x, centre(only).y);
    await settle(page);
    const map = await getMap(page);
    assertEqual((await viewState(page)).personaFilter, map.personas[0].id, 'the filter is on');
    const chip = await widgetNow(page, 'filter-clear');
    assert(chip && chip.label.startsWith(T[lang].filterOn) && chip.label.includes(map.personas[0].name), 'the map says so: ' + (chip && chip.label));
    await screenshot(page, `canvas14-filter-${lang}`);
    await page.touchscreen.tap(centre(chip).x, centre(chip).y);
    await settle(page);
    assertEqual((await viewState(page)).personaFilter, '', 'the chip cleared it');
  }, { context: { viewport: { width: 1024, height: 768 }, hasTouch: true } }),
];

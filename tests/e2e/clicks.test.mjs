// Every click does what a person expects, in Spanish and in English: dialogs, inspector
// combos, in-place editing, keys that stay where the focus is, undo notices. Real input only
// (page.mouse, page.keyboard); state is read through window.trayecto.
import { assert, assertEqual, centre, clickWidget, openApp, settle, screenshot, widget, widgetNow } from './harness.mjs';

const getMap = async (page) => JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
const viewState = (page) => page.evaluate(() => window.trayecto.viewState());

const T = {
  es: { map: 'Mapa', newMap: 'Nuevo mapa…', create: 'Crear', isMoment: 'Es un momento de la verdad', view: 'Ver',
    present: 'Presentar etapa a etapa', delete: 'Eliminar', undo: 'Deshacer',
    motTypes: { zmot: 'ZMOT', fmot: 'FMOT', smot: 'SMOT', custom: 'Otro' },
    motStates: { unknown: 'Sin evaluar', good: 'Bien', 'at-risk': 'En riesgo', failing: 'Fallando' } },
  en: { map: 'Map', newMap: 'New map…', create: 'Create', isMoment: 'This is a moment of truth', view: 'View',
    present: 'Present stage by stage', delete: 'Delete', undo: 'Undo',
    motTypes: { zmot: 'ZMOT', fmot: 'FMOT', smot: 'SMOT', custom: 'Custom' },
    motStates: { unknown: 'Unknown', good: 'Good', 'at-risk': 'At risk', failing: 'Failing' } },
};
const locate = (page, id) => page.evaluate((i) => window.trayecto.locate(i), id);

// A card of `kind` drawn clear of the side panel, the overview map and the menu bar.
async function cardOnScreen(page, kind, n = 0) {
  const map = await getMap(page);
  let found = 0;
  for (const card of map.cards.filter((c) => !kind || c.kind === kind)) {
    const r = await locate(page, card.id);
    if (r && r.x > 0 && r.x + r.width < 720 && r.y > 60 && r.y + r.height < 620 && found++ === n) return { card, box: r };
  }
  throw new Error('no card of kind ' + kind + ' on screen');
}

// A widget of the UI (by its visible text or ##id), once drawn; null if it is not there.
// Scrolls the side panel's content with the mouse wheel, as a person would, until `text` shows.
async function revealInPanel(page, text) {
  const shown = async () => { const r = await widgetNow(page, text); return r && r.y + r.height < 700; };
  for (let i = 0; i < 10 && !(await shown()); i++) {
    await page.mouse.move(1280 - 160, 500);
    await page.mouse.wheel(0, 200);
  }
}


// A pause after a click, so that the next one is not taken as a double click.
const apart = (page) => page.waitForTimeout(550);

// The dialog's templates: id (the dialog's ##template-id) and title, in its order.
const TEMPLATE_IDS = ['blank', 'retail-ecommerce', 'bank-account-opening', 'saas-onboarding', 'healthcare-visit',
  'service-blueprint'];
const TEMPLATE_TITLES = {
  es: ['Mapa en blanco', 'Compra en una tienda online', 'Apertura de una cuenta bancaria',
    'Alta y adopción de un software SaaS', 'Consulta con un especialista', 'Service blueprint: estancia en un hotel'],
  en: ['Blank map', 'Buying from an online shop', 'Opening a bank account', 'SaaS onboarding and adoption',
    'Seeing a specialist', 'Service blueprint: a hotel stay'],
};

async function openNewMapDialog(page, lang) {
  await apart(page);
  await clickWidget(page, T[lang].map);
  await clickWidget(page, T[lang].newMap);
  await widget(page, T[lang].create);
}

export const tests = [
  ...['es', 'en'].map((lang) => ({
    // Escape on a dialog gave the focus back to the app's text field without a caret: when
    // another window opened meanwhile, a card opened for editing took the keys but no text.
    name: `after Escape closes a dialog (${lang}), a card opened for editing takes what is typed, even when another window opened meanwhile`,
    async run({ browser, context, url }) {
      const other = await browser.newContext();
      try {
        for (let round = 0; round < 4; round++) {
          const page = await openApp(context, url + '?lang=' + lang);
          await clickWidget(page, T[lang].map);
          await clickWidget(page, lang === 'es' ? 'Copiar enlace' : 'Copy link');
          const field = page.locator('dialog .tr-link');
          await field.waitFor();
          await page.keyboard.press('Escape');
          await field.waitFor({ state: 'detached' });
          const elsewhere = await other.newPage();   // a participant's window, say
          await elsewhere.goto(url + 'index.html?storage=none');
          const { card, box } = await cardOnScreen(page, null);
          await page.mouse.dblclick(centre(box).x, centre(box).y);
          await settle(page);
          assertEqual((await viewState(page)).editing, card.id, 'the card is open for editing');
          await page.keyboard.press('Control+End');
          await page.keyboard.type(' ok' + round);
          await page.keyboard.press('Enter');
          await settle(page);
          assertEqual((await getMap(page)).cards.find((c) => c.id === card.id).text, card.text + ' ok' + round, `round ${round}: what was typed is in the card`);
          await page.close();
          await elsewhere.close();
        }
      } finally {
        await other.close();
      }
    },
  })),
  ...['es', 'en'].map((lang) => ({
    name: `new map dialog (${lang}): each template is created by clicking it (then Create), and by a double click`,
    timeout: 180,
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=' + lang);
      // By its id: the map's title in the menu bar may read the same as a template.
      for (const [i, title] of TEMPLATE_TITLES[lang].entries()) {
        await openNewMapDialog(page, lang);
        const before = (await getMap(page)).meta.title;
        const template = await widget(page, 'template-' + TEMPLATE_IDS[i]);
        assertEqual(template.label.split('##')[0], title, 'the template as the dialog shows it');
        await clickWidget(page, 'template-' + TEMPLATE_IDS[i]);
        assert(await widgetNow(page, T[lang].create), `the dialog stays open after a click on "${title}"`);
        assertEqual((await getMap(page)).meta.title, before, 'a click creates nothing yet');
        if (i === 2) await screenshot(page, `clicks-new-map-dialog-${lang}`);
        await clickWidget(page, T[lang].create);
        assertEqual((await getMap(page)).meta.title, title, 'Create makes the template clicked');
        assertEqual(await widgetNow(page, T[lang].create), null, 'and closes the dialog');
      }
      for (const [i, title] of TEMPLATE_TITLES[lang].entries()) {
        await openNewMapDialog(page, lang);
        assert((await getMap(page)).meta.title !== title, 'another map is open before');
        await clickWidget(page, 'template-' + TEMPLATE_IDS[i], { double: true });
        assertEqual((await getMap(page)).meta.title, title, 'a double click creates the template');
        assertEqual(await widgetNow(page, T[lang].create), null, 'and closes the dialog');
      }
    },
  })),
  {
    name: 'new map dialog: arrow keys and Escape stay in the dialog (the map keeps its selection)',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const map = await getMap(page);
      const card = map.cards[0];
      const c = centre(await page.evaluate((id) => window.trayecto.locate(id), card.id));
      await page.mouse.click(c.x, c.y);
      await settle(page);
      await openNewMapDialog(page, 'en');
      for (const k of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'Delete', 'Escape']) await page.keyboard.press(k);
      await settle(page);
      assertEqual(await widgetNow(page, T.en.create), null, 'Escape closes the dialog');
      assertEqual(JSON.stringify((await viewState(page)).selection), JSON.stringify([card.id]), 'the map kept its selection');
      assertEqual((await getMap(page)).cards.length, map.cards.length, 'and its cards');
    },
  },
  ...['es', 'en'].map((lang) => ({
    name: `moment of truth (${lang}): ticked, then every type and state chosen with the mouse`,
    timeout: 120,
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=' + lang);
      const { card, box } = await cardOnScreen(page, 'note');
      await page.mouse.click(centre(box).x, centre(box).y);
      await settle(page);
      await clickWidget(page, T[lang].isMoment);
      const moment = () => getMap(page).then((m) => m.moments.find((x) => x.cardId === card.id));
      assert(await moment(), 'ticking the box makes the card a moment of truth');
      for (const [type, label] of Object.entries(T[lang].motTypes)) {
        await apart(page);
        await clickWidget(page, 'mot-type');
        assert(await widgetNow(page, label), `the type's list is open and offers ${label}`);
        if (type === 'smot') await screenshot(page, `clicks-moment-type-${lang}`);
        await clickWidget(page, label);
        assertEqual((await moment()).type, type, `the type chosen with the mouse (${label})`);
      }
      assert(await widgetNow(page, 'mot-custom-type'), 'a custom type has a field for its name');
      for (const [state, label] of Object.entries(T[lang].motStates).reverse()) {
        await apart(page);
        await revealInPanel(page, 'mot-state');   // below the custom type's field, further down the panel
        await clickWidget(page, 'mot-state');
        await clickWidget(page, label);
        assertEqual((await moment()).state, state, `the state chosen with the mouse (${label})`);
      }
      await screenshot(page, `clicks-moment-inspector-${lang}`);
    },
  })),
  ...['es', 'en'].map((lang) => ({
    name: `in-place editing (${lang}): a double click puts the caret at the end; presenting edits nothing`,
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=' + lang);
      const { card, box } = await cardOnScreen(page, 'note');
      await page.mouse.dblclick(centre(box).x, centre(box).y);
      await settle(page);
      assertEqual((await viewState(page)).editing, card.id, 'the double click edits the card');
      await page.keyboard.type(' — añadido');
      await settle(page);
      await screenshot(page, `clicks-edit-in-place-${lang}`);
      await page.keyboard.press('Enter');
      await settle(page);
      const edited = (await getMap(page)).cards.find((c) => c.id === card.id).text;
      assertEqual(edited, card.text + ' — añadido', 'the typed text is appended');

      // The map's title in the menu bar: a click, and typing adds to it.
      const title = (await getMap(page)).meta.title;
      await apart(page);
      await clickWidget(page, 'title');
      await page.keyboard.type(' (taller)');
      await settle(page);
      await screenshot(page, `clicks-title-editing-${lang}`);
      await page.keyboard.press('Enter');
      await settle(page);
      assertEqual((await getMap(page)).meta.title, title + ' (taller)', 'typing adds to the title');

      await apart(page);
      await clickWidget(page, T[lang].view);
      await clickWidget(page, T[lang].present);
      const before = JSON.stringify(await getMap(page));
      const map = await getMap(page);
      const shown = map.cards.find((c) => c.stageId === map.stages[0].id);
      const at = centre(await locate(page, shown.id));
      await page.mouse.dblclick(at.x, at.y);
      await settle(page);
      assertEqual((await viewState(page)).editing, '', 'presenting: a double click does not edit');
      await page.keyboard.type('escrito');
      for (const k of ['Enter', 'Delete', 'Backspace', 'Control+d', 'Control+z']) await page.keyboard.press(k);
      await apart(page);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) { await page.mouse.move(at.x + i * 30, at.y + i * 15); await page.waitForTimeout(16); }
      await page.mouse.up();
      await settle(page);
      await screenshot(page, `clicks-presenting-${lang}`);
      assertEqual(JSON.stringify(await getMap(page)), before, 'presenting changes nothing');
      await page.keyboard.press('Escape');
      await settle(page);
    },
  })),
  ...['es', 'en'].map((lang) => ({
    name: `keys (${lang}): an inspector combo takes the arrows, Enter and Escape, and none reaches the map`,
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=' + lang);
      const { card, box } = await cardOnScreen(page, 'touchpoint');
      await page.mouse.click(centre(box).x, centre(box).y);
      await settle(page);
      const before = JSON.stringify(await getMap(page));
      const painPoint = lang === 'es' ? 'Punto de dolor' : 'Pain point';
      // Delete and Escape in the open combo: the combo closes, nothing else happens.
      await clickWidget(page, 'card-kind');
      await settle(page);
      await screenshot(page, `clicks-kind-combo-open-${lang}`);
      for (const k of ['Delete', 'Escape']) { await page.keyboard.press(k); await settle(page); }
      assertEqual(JSON.stringify(await getMap(page)), before, 'nothing changed');
      assertEqual(await widgetNow(page, painPoint), null, 'Escape closed the combo');
      // The arrows start from the kind it has; ArrowDown and Enter choose the next one.
      await apart(page);
      await clickWidget(page, 'card-kind');
      await settle(page);
      for (const k of ['ArrowDown', 'Enter']) { await page.keyboard.press(k); await settle(page); }
      const state = await viewState(page);
      assertEqual(JSON.stringify(state.selection), JSON.stringify([card.id]), 'the map keeps its selection');
      assertEqual(state.editing, '', 'Enter began no editing on the map');
      assertEqual((await getMap(page)).cards.find((c) => c.id === card.id).kind, 'pain-point', 'the combo chose the next kind');
      assertEqual(await widgetNow(page, painPoint), null, 'the combo closed');
      await page.keyboard.press('Control+z');
      await settle(page);
      assertEqual(JSON.stringify(await getMap(page)), before, 'Ctrl+Z undid the choice');
      // The map has the keys back after a click on it.
      await apart(page);
      await page.mouse.click(centre(box).x, centre(box).y);
      await page.keyboard.press('ArrowDown');
      await settle(page);
      const after = (await viewState(page)).selection;
      assert(after.length === 1 && after[0] !== card.id, 'after a click on the map, ArrowDown selects the next card');
    },
  })),
  ...['es', 'en'].map((lang) => ({
    name: `undo notice (${lang}): deleting a stage that holds cards says so, and one click on Undo brings it back`,
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=' + lang);
      const before = await getMap(page);
      const stage = before.stages[1];
      assert(before.cards.some((c) => c.stageId === stage.id), 'the stage holds cards');
      const header = centre(await locate(page, stage.id));
      await page.mouse.click(header.x, header.y, { button: 'right' });
      await settle(page);
      assertEqual(JSON.stringify((await viewState(page)).selection), JSON.stringify([stage.id]), 'the right click selected the stage');
      await clickWidget(page, T[lang].delete);
      assert(!(await getMap(page)).stages.some((s) => s.id === stage.id), 'the stage is deleted');
      const undo = await widget(page, 'undo-notice');
      assertEqual(undo.label.split('##')[0], T[lang].undo, 'the notice offers Undo in the UI language');
      await screenshot(page, `clicks-undo-notice-stage-${lang}`);
      await clickWidget(page, 'undo-notice');
      assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(before), 'one click brings the stage and its cards back');
      assertEqual(await widgetNow(page, 'undo-notice'), null, 'and the notice goes');

      // Cards deleted with the keyboard: the same notice.
      const { box } = await cardOnScreen(page, 'touchpoint');
      await apart(page);
      await page.mouse.click(centre(box).x, centre(box).y);
      await page.keyboard.press('Delete');
      await settle(page);
      assertEqual((await getMap(page)).cards.length, before.cards.length - 1, 'Delete deletes the card');
      await screenshot(page, `clicks-undo-notice-card-${lang}`);
      await clickWidget(page, 'undo-notice');
      assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(before), 'Undo brings the card back');

      // A persona, from the Personas tab (its Delete button is below its fields: scrolled to).
      const persona = before.personas[0];
      await clickWidget(page, 'personas');
      await clickWidget(page, persona.name);
      await page.mouse.move(1100, 500);
      for (let i = 0; i < 8 && !(await widgetNow(page, 'persona-delete')); i++) await page.mouse.wheel(0, 500);
      await clickWidget(page, 'persona-delete');
      assert(!(await getMap(page)).personas.some((p) => p.id === persona.id), 'the persona is deleted');
      await screenshot(page, `clicks-undo-notice-persona-${lang}`);
      await clickWidget(page, 'undo-notice');
      assertEqual(JSON.stringify(await getMap(page)), JSON.stringify(before), 'Undo brings the persona back');
      await page.mouse.move(1100, 500);   // over the side panel again (the click moved to the notice)
      for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -500);
      await settle(page);
      await screenshot(page, `clicks-personas-tab-${lang}`);
    },
  })),
];

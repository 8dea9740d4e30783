// A screen reader's view of the map (issue #17): the accessibility tree holds a grid with every
// card of the example map, lane by lane and stage by stage in the map's order, and an edit made on
// the canvas with real input reaches that tree and the live region, in the UI's language.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, openApp, ROOT, screenshot, settle } from './harness.mjs';

// The accessibility tree as the browser gives it to assistive technology (CDP), flattened:
// each node's role and name, in document order.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = [];
  const walk = (n, depth) => {
    if (!n) return;
    if (!n.ignored) out.push({ role: n.role && n.role.value, name: (n.name && n.name.value) || '', depth });
    for (const c of n.childIds || []) walk(byId.get(c), depth + 1);
  };
  walk(nodes[0], 0);
  return out;
}

export const tests = ['es', 'en'].map((lang) => ({
  name: `screen reader (${lang}): a grid with every card in order; an edit on the canvas reaches it and the live region`,
  timeout: 90,
  async run({ context, url }) {
    const page = await openApp(context, `${url}?lang=${lang}`);
    await settle(page);
    await page.evaluate(() => window.trayecto.refreshMirror());
    const map = await page.evaluate(() => JSON.parse(window.trayecto.getMap()));
    let tree = await axTree(page);
    const grid = tree.find((n) => n.role === 'grid');
    assert(grid, 'a grid in the accessibility tree');
    assert(grid.name.includes(map.meta.title), `the grid is named after the map: ${grid.name}`);

    // Every card, in order: lanes (not the emotion lane) top to bottom, stages left to right, and
    // within a cell the map's order. Each card's text is a node of its own.
    const expected = [];
    for (const lane of map.lanes.filter((l) => l.type !== 'emotions'))
      for (const stage of map.stages)
        for (const c of map.cards) if (c.laneId === lane.id && c.stageId === stage.id) expected.push(c.text);
    const start = tree.indexOf(grid);
    const inGrid = tree.slice(start + 1).filter((n) => n.depth > grid.depth);
    const end = tree.slice(start + 1).findIndex((n) => n.depth <= grid.depth);
    const texts = (end < 0 ? inGrid : tree.slice(start + 1, start + 1 + end)).filter((n) => n.role === 'StaticText').map((n) => n.name);
    const cardTexts = texts.filter((t) => expected.includes(t));
    assertEqual(cardTexts.length, expected.length, 'every card of the map is in the grid');
    assertEqual(JSON.stringify(cardTexts), JSON.stringify(expected), 'in the map\'s order');
    const rowHeaders = tree.filter((n) => /^row ?header$/i.test(n.role)).map((n) => n.name);
    assert(map.lanes.filter((l) => l.type !== 'emotions').every((l) => rowHeaders.includes(l.name)), 'a row header per lane');
    assert(tree.some((n) => /^column ?header$/i.test(n.role) && n.name === map.stages[0].name), 'a column header per stage');
    assert(tree.some((n) => n.role === 'caption' || (n.name || '').startsWith(lang === 'es' ? 'Curva emocional de' : 'Emotional curve of')),
      'a table per persona for the emotional curve');

    // An edit with real input: a double click on a card, typed text, Enter.
    const card = map.cards.find((c) => c.kind === 'touchpoint');
    const r = await page.evaluate((id) => window.trayecto.locate(id), card.id);
    await page.mouse.dblclick(r.x + r.width / 2, r.y + r.height / 2);
    await page.waitForFunction((id) => window.trayecto.viewState().editing === id, card.id);
    await page.keyboard.type(' y más', { delay: 20 });
    await page.keyboard.press('Enter');
    await settle(page);
    // The mirror follows a quarter of a second after the last change.
    await page.waitForFunction((t) => [...document.querySelectorAll('.tr-mirror [data-card]')].some((e) => e.textContent.startsWith(t)),
      card.text + ' y más', { timeout: 5000 });
    tree = await axTree(page);
    assert(tree.some((n) => n.role === 'StaticText' && n.name === card.text + ' y más'), 'the edited text is in the accessibility tree');
    // The side panel's copy follows the typing too (its text field's value, set in place).
    await page.waitForFunction((t) => [...document.querySelectorAll('.tr-mirror section input[type=text]')].some((i) => i.value === t),
      card.text + ' y más', { timeout: 5000 });
    const live = tree.find((n) => n.role === 'status' && n.name !== '' && /tarjeta|card/i.test(n.name)) ||
                 { name: await page.evaluate(() => document.querySelector('.tr-mirror-live').textContent) };
    const stage = map.stages.find((s) => s.id === card.stageId).name;
    assert(live.name.includes(stage), `the live region says where: «${live.name}»`);
    assert(lang === 'es' ? /tarjeta/.test(live.name) : /card/.test(live.name), `in the UI's language: «${live.name}»`);
    assertEqual(page.consoleErrors.join('\n'), '', 'no console errors');
  },
}));

// A screen reader that moves the focus onto a card of the copy (as NVDA and JAWS do with items
// that can take it) selects that card on the canvas and brings it into view.
tests.push({
  name: 'screen reader: a card focused in the copy of the map is selected on the canvas and scrolled into view',
  timeout: 60,
  async run({ context, url }) {
    const page = await openApp(context, `${url}?lang=en`);
    await settle(page);
    await page.evaluate(() => window.trayecto.refreshMirror());
    const map = await page.evaluate(() => JSON.parse(window.trayecto.getMap()));
    const canvas = await page.locator('.tr-canvas').boundingBox();
    // The card farthest from the start of the map: off screen at first.
    const card = map.cards[map.cards.length - 1];
    const before = await page.evaluate((id) => window.trayecto.locate(id), card.id);
    assert(!before || before.x + before.width > canvas.x + canvas.width || before.y + before.height > canvas.y + canvas.height,
      'the card starts off screen: ' + JSON.stringify(before));
    await page.locator(`.tr-mirror [data-card="${card.id}"]`).focus();   // what a screen reader's focus does
    await page.waitForFunction((id) => window.trayecto.viewState().selection.join() === id, card.id, { timeout: 5000 });
    await settle(page);
    const after = await page.evaluate((id) => window.trayecto.locate(id), card.id);
    assert(after.x >= canvas.x && after.y >= canvas.y && after.x + after.width <= canvas.x + canvas.width &&
      after.y + after.height <= canvas.y + canvas.height, 'the card is on screen now: ' + JSON.stringify(after));
    await page.waitForFunction((id) => document.querySelector(`.tr-mirror [data-card="${id}"]`).getAttribute('aria-current') === 'true',
      card.id, { timeout: 5000 }).catch(() => { throw new Error('the copy marks the card as the current one'); });
    assertEqual(page.consoleErrors.join('\n'), '', 'no console errors');
  },
});

// A card deleted on the canvas takes its own item out of the copy and leaves the others of its
// cell as they were (the same elements, in order): a screen reader's place in the list is kept,
// and a cell of 80 cards is not laid out again for one change.
tests.push({
  name: 'screen reader: a card deleted on the canvas leaves the other items of its cell untouched',
  timeout: 60,
  async run({ context, url }) {
    const page = await openApp(context, `${url}?lang=en`);
    await settle(page);
    await page.evaluate(() => window.trayecto.refreshMirror());
    // A cell with three cards or more, whose first card is on screen; its items are tagged.
    const cell = await page.evaluate(() => {
      for (const list of document.querySelectorAll('.tr-mirror td ul')) {
        const ids = [...list.children].map((li) => li.dataset.card);
        const r = ids.length >= 3 && window.trayecto.locate(ids[0]);
        if (!r || r.width < 20 || r.x < 0 || r.y < 60 || r.x + r.width > 800 || r.y + r.height > 760) continue;
        for (const li of list.children) li.keptForTest = true;
        return { ids, at: { x: r.x + r.width / 2, y: r.y + r.height / 2 } };
      }
      return null;
    });
    assert(cell, 'a cell of three cards or more with its first card on screen');
    await page.mouse.click(cell.at.x, cell.at.y);
    await page.waitForFunction((id) => window.trayecto.viewState().selection.join() === id, cell.ids[0]);
    await page.keyboard.press('Delete');
    await page.waitForFunction((id) => !document.querySelector(`.tr-mirror [data-card="${id}"]`), cell.ids[0], { timeout: 5000 });
    const after = await page.evaluate((ids) => ids.slice(1).map((id) => {
      const li = document.querySelector(`.tr-mirror [data-card="${id}"]`);
      return li ? { id, kept: li.keptForTest === true, next: li.nextElementSibling && li.nextElementSibling.dataset.card } : { id, missing: true };
    }), cell.ids);
    for (const [k, item] of after.entries()) {
      assert(!item.missing, `card ${item.id} is still in the copy`);
      assert(item.kept, `card ${item.id} keeps its element`);
      assertEqual(item.next || null, cell.ids[k + 2] || null, `card ${item.id} keeps its place`);
    }
    assertEqual(page.consoleErrors.join('\n'), '', 'no console errors');
  },
});

// The side panel and the status line are drawn on the canvas: the copy shows the panel as
// read-only form controls named by their labels and the status line as a region of its own, and
// the live region says each field the keyboard moves to (F6, then arrows).
for (const lang of ['es', 'en']) {
  tests.push({
    name: `screen reader (${lang}): the side panel's fields and the status line are in the copy, and the field the keyboard reaches is said`,
    timeout: 60,
    async run({ context, url }) {
      const page = await openApp(context, `${url}?lang=${lang}`);
      await settle(page);
      const map = await page.evaluate(() => JSON.parse(window.trayecto.getMap()));
      const card = map.cards.find((c) => c.kind === 'touchpoint');
      const r = await page.evaluate((id) => window.trayecto.locate(id), card.id);
      await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
      await page.waitForFunction((id) => window.trayecto.viewState().selection.join() === id, card.id);
      const words = lang === 'es' ? { panel: 'Panel lateral: Inspector', text: 'Texto', kind: 'Tipo', kindValue: 'Punto de contacto' }
                                  : { panel: 'Side panel: Inspector', text: 'Text', kind: 'Kind', kindValue: 'Touchpoint' };
      // The copy follows the panel a tenth of a second after it changes: the card's fields.
      await page.waitForFunction(([name, text]) => {
        const s = [...document.querySelectorAll('.tr-mirror section')].find((e) => e.getAttribute('aria-label') === name);
        return s && [...s.querySelectorAll('input[type=text]')].some((i) => i.value === text);
      }, [words.panel, card.text], { timeout: 5000 });
      const tree = await axTree(page);
      const region = tree.findIndex((n) => n.role === 'region' && n.name === words.panel);
      assert(region >= 0, `a region named «${words.panel}» in the accessibility tree`);
      const inRegion = tree.slice(region + 1).filter((n, k, all) => all.slice(0, k + 1).every((m) => m.depth > tree[region].depth));
      assert(inRegion.some((n) => n.role === 'textbox' && n.name === words.text), `a text box named «${words.text}» in it`);
      assert(inRegion.some((n) => n.role === 'checkbox'), 'check boxes in it');
      // The status line, a region of its own: where the work is kept and the zoom.
      const statusName = lang === 'es' ? 'Línea de estado' : 'Status line';
      assert(tree.some((n) => n.role === 'region' && n.name === statusName), `a region named «${statusName}»`);
      const status = await page.evaluate((name) => [...document.querySelectorAll('.tr-mirror section')].find((s) => s.getAttribute('aria-label') === name).textContent, statusName);
      assert(status.includes(lang === 'es' ? 'Guardado en este navegador' : 'Saved in this browser') && /\d+%/.test(status), `the status line says where the map is kept and the zoom: «${status}»`);
      const fields = await page.evaluate(() => [...document.querySelectorAll('.tr-mirror section label')].map((l) => [l.textContent.trim(), (l.querySelector('input[type=text]') || {}).value]));
      assert(fields.some(([label, value]) => label === words.text && value === card.text), `«${words.text}» holds the card's text: ${JSON.stringify(fields.slice(0, 4))}`);
      assert(fields.some(([label, value]) => label === words.kind && value === words.kindValue), `«${words.kind}» says ${words.kindValue}`);

      // The keyboard to the panel (F6), then down its items: each one reached is said.
      await page.keyboard.press('F6');
      const said = [];
      for (let i = 0; i < 8 && !said.includes(`${words.text}: ${card.text}`); i++) {
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(250);
        said.push(await page.evaluate(() => document.querySelector('.tr-mirror-live').textContent));
      }
      assert(said.includes(`${words.text}: ${card.text}`), `the text field is said when the keyboard reaches it: ${JSON.stringify(said)}`);
      assertEqual(page.consoleErrors.join('\n'), '', 'no console errors');
    },
  });
}

// axe-core's WCAG 2.1 A and AA rules over the page with a map open, and over the HTML report.
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
             passes: r.passes.length };
  });
}

for (const lang of ['es', 'en']) {
  tests.push({
    name: `axe-core (${lang}): no WCAG 2.1 A or AA violation on the page or in the HTML report`,
    timeout: 90,
    async run({ browser, context, url }) {
      const page = await openApp(context, `${url}?lang=${lang}`);
      await settle(page);
      await page.evaluate(() => window.trayecto.refreshMirror());
      const onPage = await axe(page);
      console.log(`      axe on the page (${lang}): ${onPage.violations.length} violations, ${onPage.passes} rules passed`);
      assertEqual(onPage.violations.join('\n'), '', 'axe on the page');

      const [download] = await Promise.all([page.waitForEvent('download'),
        page.evaluate(() => window.trayecto.persistence.hostAction('export-html'))]);
      const html = fs.readFileSync(await download.path(), 'utf8');
      const reader = await browser.newContext();
      const report = await reader.newPage();
      await report.setContent(html);
      const inReport = await axe(report);
      await reader.close();
      console.log(`      axe on the HTML report (${lang}): ${inReport.violations.length} violations, ${inReport.passes} rules passed`);
      assertEqual(inReport.violations.join('\n'), '', 'axe on the HTML report');
    },
  });
}

// The browser's text size (Settings → Appearance → Font size: what CDP's Page.setFontSizes sets)
// enlarges the app as a person who asked for larger text expects: the canvas's menus and panel,
// and the page's own dialogs.
for (const lang of ['es', 'en']) {
  tests.push({
    name: `text size (${lang}): the browser's larger text enlarges the app's text and its dialogs`,
    async run({ context, url }) {
      const measure = async (standard) => {
        const page = await openApp(context, 'about:blank', { waitReady: false });
        const cdp = await context.newCDPSession(page);
        if (standard) await cdp.send('Page.setFontSizes', { fontSizes: { standard } });
        await page.goto(`${url}?lang=${lang}`);
        await page.evaluate(() => window.trayecto.ready.then(() => true));
        await settle(page);
        const menu = await page.evaluate((t) => window.trayecto.locateWidget(t), lang === 'es' ? 'Mapa' : 'Map');
        // A dialog of the page's own (My maps) through the menus, as a person opens it.
        await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height / 2);
        await settle(page);
        const item = await page.evaluate((t) => window.trayecto.locateWidget(t), lang === 'es' ? 'Mis mapas…' : 'My maps…');
        await page.mouse.click(item.x + item.width / 2, item.y + item.height / 2);
        await page.locator('dialog[open]').waitFor();
        const dialogFont = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('dialog[open]')).fontSize));
        await screenshot(page, `a11y-text-size-${standard || 16}-${lang}`);
        await page.close();
        return { menu, dialogFont };
      };
      const usual = await measure(0), larger = await measure(24);
      const ratio = larger.menu.height / usual.menu.height;
      assert(ratio > 1.35 && ratio < 1.65, `the menu bar's text 1.5× as tall: ${usual.menu.height} → ${larger.menu.height}`);
      assert(larger.menu.width > usual.menu.width * 1.3, `and as wide: ${usual.menu.width} → ${larger.menu.width}`);
      assertEqual(usual.dialogFont, 15, 'the dialog at the usual size');
      assertEqual(larger.dialogFont, 22.5, 'the dialog 1.5× too');
    },
  });
}

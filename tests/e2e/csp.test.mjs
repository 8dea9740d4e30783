// The app under a strict Content-Security-Policy (docs/embedding.md, "Security notes"), and map
// text that looks like links or markup: it stays text.
import fs from 'node:fs';
import { assert, assertEqual, DIST } from './harness.mjs';
import {
  FIXTURE, STRICT_CSP, GENERIC_HOST, tempDir, write, serve, frameOf, frameReady, centre, recordViolations, collectConsole,
  loadAndGetBack,
} from './embed-helpers.mjs';

let strict = null;
async function strictServer() {
  if (!strict) strict = await serve(DIST, '127.0.0.1', () => ({ 'Content-Security-Policy': STRICT_CSP }));
  return strict;
}

const violations = (page) => page.evaluate(() => window.__cspViolations || []);

// One real edit: click a card, Ctrl+D.
async function edit(page, index = 0) {
  const before = await page.evaluate(() => window.trayecto.revision());
  const r = await page.evaluate((i) => {
    const m = JSON.parse(window.trayecto.getMap());
    return window.trayecto.locate(m.cards[i % m.cards.length].id);
  }, index);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await page.keyboard.press('Control+d');
  await page.waitForFunction((b) => window.trayecto.revision() > b, before);
  return page.evaluate(() => window.trayecto.getMap());
}

const host = (page, action) => page.evaluate((a) => window.trayecto.persistence.hostAction(a), action);

async function closeDialog(page) {
  await page.locator('dialog[open] button.primary').last().click();
  await page.waitForFunction(() => document.querySelectorAll('dialog[open]').length === 0);
}

export const tests = [
  {
    name: 'strict CSP header: load, edit, save a file, open a file, dialogs and banners — no violation, no console error',
    timeout: 120,
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
    async run({ context }) {
      const s = await strictServer();
      await recordViolations(context);
      const page = await context.newPage();
      const errors = collectConsole(page);
      const response = await page.goto(s.url + '?lang=en');
      assertEqual(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the strict policy');
      await page.evaluate(() => window.trayecto.ready);

      const edited = await edit(page);
      // Saving asks the participant's name first (once); left empty, the file is the map as it is.
      await page.keyboard.press('Control+s');
      await page.waitForFunction(() => window.trayecto.locateWidget('participant-name'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const file = await download.path();
      assertEqual(fs.readFileSync(file, 'utf8'), edited, 'the saved file is the map');
      await edit(page, 1);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), host(page, 'open-file')]);
      await chooser.setFiles(file);
      await page.locator('dialog[open] button.primary').click();   // "Open another map?"
      await page.waitForFunction((j) => window.trayecto.getMap() === j, edited);

      // The page's own dialogs.
      await page.waitForTimeout(1200);   // stored, so My maps lists it
      await host(page, 'my-maps');
      await page.locator('dialog[open] tbody tr').first().waitFor();
      await closeDialog(page);
      await host(page, 'history');
      await page.locator('dialog[open]').waitFor();
      await closeDialog(page);
      await host(page, 'copy-link');
      await page.locator('dialog[open] textarea.tr-link').waitFor();
      await closeDialog(page);
      const bad = { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') };
      const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), host(page, 'open-file')]);
      await chooser2.setFiles(bad);
      await page.locator('dialog[open] .tr-message').waitFor();
      await closeDialog(page);
      if (await page.evaluate(() => typeof window.TrayectoExports === 'object')) {
        for (const kind of ['csv', 'md', 'html']) {
          const [d] = await Promise.all([page.waitForEvent('download'), host(page, 'export-' + kind)]);
          assert(fs.statSync(await d.path()).size > 100, 'export ' + kind);
        }
      }
      // A toast (read-only refusal) and a banner (storage blocked, in another page).
      await page.evaluate(() => window.trayecto.setReadOnly(true));
      await host(page, 'open-file');
      await page.locator('.tr-toast').waitFor();
      await page.evaluate(() => window.trayecto.setReadOnly(false));
      const blocked = await context.newPage();
      const errors2 = collectConsole(blocked);
      await blocked.addInitScript(() => { window.__trayectoStorageHooks = { unavailable: true }; });
      await blocked.goto(s.url + '?lang=en');
      await blocked.evaluate(() => window.trayecto.ready);
      await blocked.locator('.tr-banner').waitFor();
      await edit(blocked);

      const v = [...await violations(page), ...await violations(blocked)];
      assertEqual(v.length, 0, 'CSP violations: ' + v.join(' | '));
      assertEqual(errors.length + errors2.length, 0, 'console errors: ' + [...errors, ...errors2].join(' | '));
    },
  },
  {
    name: 'strict CSP in an iframe on another origin: the postMessage API works, no violation',
    timeout: 60,
    async run({ context }) {
      const s = await strictServer();
      const dir = tempDir('trayecto-csp-host-');
      write(dir, 'host.html', GENERIC_HOST);
      write(dir, 'favicon.ico', '');
      const h = await serve(dir, '127.0.0.2');
      await recordViolations(context);
      const page = await context.newPage();
      const app = s.url + '?' + new URLSearchParams({ origin: new URL(h.url).origin, storage: 'none' });
      await page.goto(h.url + 'host.html?app=' + encodeURIComponent(app));
      const frame = await frameOf(page, s.url);
      await frameReady(frame);
      const got = await loadAndGetBack(page, FIXTURE);
      assertEqual(JSON.parse(got).meta.title, JSON.parse(FIXTURE).meta.title, 'the loaded map comes back');
      const v = await frame.evaluate(() => window.__cspViolations);
      assertEqual(v.length, 0, 'CSP violations in the frame: ' + v.join(' | '));
    },
  },
  {
    name: 'text in a map is only text: links and markup never navigate, open windows, fetch, run or become HTML',
    timeout: 120,
    async run({ context }) {
      const s = await strictServer();
      await recordViolations(context);
      const map = JSON.parse(FIXTURE);
      map.meta.title = '<img src=x onerror="window.__pwned=1">Título <b>negrita</b> https://evil.example/title';
      const texts = ['https://evil.example/phish', 'javascript:window.__pwned=2', '<a href="https://evil.example/a">clic aquí</a>',
                     '<script>window.__pwned=3<\/script>', 'mailto:x@evil.example', 'www.evil.example/x?y=1'];
      texts.forEach((t, i) => { map.cards[i].text = t; });
      map.personas[0].name = '<img src=x onerror="window.__pwned=4">';
      const page = await context.newPage();
      const errors = collectConsole(page);
      const popups = [];
      context.on('page', (p) => popups.push(p.url()));
      const foreign = [];
      page.on('request', (r) => { if (!r.url().startsWith(s.url) && !/^(data|blob):/.test(r.url())) foreign.push(r.url()); });
      const alerts = [];
      page.on('dialog', (d) => { alerts.push(d.message()); d.dismiss().catch(() => {}); });
      await page.goto(s.url + '?lang=en');
      await page.evaluate(() => window.trayecto.ready);
      const opened = await page.evaluate((m) => window.trayecto.loadMap(JSON.stringify(m)), map);
      assertEqual(opened.ok, true, 'the map opens: ' + opened.error);
      const where = page.url();

      for (const readOnly of [false, true]) {
        await page.evaluate((r) => window.trayecto.setReadOnly(r), readOnly);
        for (let i = 0; i < texts.length; i++) {
          const r = await page.evaluate((id) => window.trayecto.locate(id), map.cards[i].id);
          if (!r) continue;
          const c = centre(r);
          await page.mouse.click(c.x, c.y);
          await page.mouse.click(c.x, c.y, { modifiers: ['Control'] });
          await page.mouse.click(c.x, c.y, { button: 'middle' });
          await page.keyboard.press('Escape');
          await page.waitForTimeout(400);
          await page.mouse.dblclick(c.x, c.y);
          await page.keyboard.press('Escape');
          await page.keyboard.press('Enter');
          await page.keyboard.press('Escape');
          await page.waitForTimeout(400);
        }
      }
      await page.evaluate(() => window.trayecto.setReadOnly(false));
      // The page's dialogs show the title as text.
      await page.waitForTimeout(1200);
      await host(page, 'my-maps');
      await page.locator('dialog[open] tbody tr').first().waitFor();
      const dialog = await page.evaluate(() => {
        const d = document.querySelector('dialog[open]');
        return { text: d.textContent, elements: d.querySelectorAll('img, script, a, b, iframe').length };
      });
      assert(dialog.text.includes('<img src=x onerror="window.__pwned=1">Título <b>negrita</b>'), 'the title shows as typed: ' + dialog.text.slice(0, 200));
      assertEqual(dialog.elements, 0, 'no element was made from map text');
      await closeDialog(page);
      if (await page.evaluate(() => typeof window.TrayectoExports === 'object')) {
        const [d] = await Promise.all([page.waitForEvent('download'), host(page, 'export-html')]);
        const html = fs.readFileSync(await d.path(), 'utf8');
        assert(!html.includes('<img src=x'), 'the HTML report escapes markup from the map');
        assert(!html.includes('<a href="https://evil.example'), 'the HTML report makes no link from map text');
        assert(!html.includes('<script>window.__pwned'), 'the HTML report has no script from map text');
      }

      assertEqual(page.url(), where, 'the page never navigated');
      assertEqual(popups.length, 0, 'no window opened: ' + popups.join(', '));
      assertEqual(foreign.length, 0, 'no request left the app\'s origin: ' + foreign.join(', '));
      assertEqual(alerts.length, 0, 'no alert: ' + alerts.join(', '));
      assertEqual(await page.evaluate(() => window.__pwned), undefined, 'no map text ran as code');
      const v = await violations(page);
      assertEqual(v.length, 0, 'CSP violations: ' + v.join(' | '));
      assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
    },
  },
];

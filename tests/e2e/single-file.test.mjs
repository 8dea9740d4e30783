// The single-file build dist/trayecto.html (docs/embedding.md, section 4): opened from disk,
// served as one file, in an iframe; made from the current sources.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assert, assertEqual, DIST, ROOT } from './harness.mjs';
import {
  FIXTURE, GENERIC_HOST, tempDir, write, serve, frameOf, frameReady, recordViolations, collectConsole, loadAndGetBack,
} from './embed-helpers.mjs';

const SINGLE = path.join(DIST, 'trayecto.html');

// A copy of the single file alone in a new folder (nothing else next to it to fetch).
function lonelyCopy() {
  const dir = tempDir('trayecto-single-');
  fs.copyFileSync(SINGLE, path.join(dir, 'trayecto.html'));
  return dir;
}

async function edit(page) {
  const before = await page.evaluate(() => window.trayecto.revision());
  const r = await page.evaluate(() => window.trayecto.locate(JSON.parse(window.trayecto.getMap()).cards[0].id));
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await page.keyboard.press('Control+d');
  await page.waitForFunction((b) => window.trayecto.revision() > b, before);
  return page.evaluate(() => window.trayecto.getMap());
}

export const tests = [
  {
    name: 'trayecto.html is made from the current sources (scripts, styles, wasm, fonts inlined)',
    async run() {
      const html = fs.readFileSync(SINGLE, 'utf8');
      const b64 = (f) => fs.readFileSync(f).toString('base64');
      assert(html.includes(b64(path.join(DIST, 'trayecto.wasm'))), 'the wasm of this build');
      assert(html.includes(b64(path.join(DIST, 'fonts/DejaVuSans.ttf'))), 'the regular font');
      assert(html.includes(b64(path.join(DIST, 'fonts/DejaVuSans-Bold.ttf'))), 'the bold font');
      const inline = (f) => fs.readFileSync(f, 'utf8').replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
      assert(html.includes(inline(path.join(DIST, 'trayecto-embed.js'))), 'trayecto-embed.js of this build');
      assert(html.includes(inline(path.join(ROOT, 'web/trayecto-page.js'))), 'web/trayecto-page.js as it is now');
      assert(html.includes(fs.readFileSync(path.join(ROOT, 'web/trayecto.css'), 'utf8')), 'web/trayecto.css as it is now');
      assert(!/<script [^>]*src=|<link [^>]*stylesheet/.test(html), 'no external script or stylesheet');
      assert(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/.test(html), 'its own CSP');
    },
  },
  {
    name: 'opened from disk (file://): starts without any network, an edit works, getMap works; storage kept or the banner says not',
    timeout: 90,
    async run({ context }) {
      const dir = lonelyCopy();
      await recordViolations(context);
      const page = await context.newPage();
      const errors = collectConsole(page);
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const fileUrl = pathToFileURL(path.join(dir, 'trayecto.html')).href;
      await page.goto(fileUrl + '?lang=en');
      await page.evaluate(() => window.trayecto.ready);
      const map = JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
      assert(map.cards.length > 5, 'the example map is open');
      const edited = JSON.parse(await edit(page));
      assertEqual(edited.cards.length, map.cards.length + 1, 'Ctrl+D duplicated a card');
      // The storage state: kept (IndexedDB works here) or the banner says it is not.
      await page.waitForTimeout(1500);
      const storage = await page.evaluate(() => ({
        banner: (document.querySelector('.tr-banner') || {}).textContent || '',
        store: !!window.trayecto.persistence.store,
      }));
      console.log(`      file:// storage: ${storage.store ? 'IndexedDB available' : 'banner: ' + storage.banner}`);
      assert(storage.store || /NOT being kept/.test(storage.banner), 'either kept or the banner says it is not');
      // Saving asks the participant's name first (once); left empty, the file is the map as it is.
      await page.keyboard.press('Control+s');
      await page.waitForFunction(() => window.trayecto.locateWidget('participant-name'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assertEqual(fs.readFileSync(await download.path(), 'utf8'), await page.evaluate(() => window.trayecto.getMap()), 'Save as file works');
      const other = requests.filter((u) => !u.startsWith(fileUrl) && !/^(data|blob):/.test(u));
      assertEqual(other.length, 0, 'no request but the file itself: ' + other.join(', '));
      const v = await page.evaluate(() => window.__cspViolations);
      assertEqual(v.length, 0, 'CSP violations: ' + v.join(' | '));

      // A browser that keeps no storage for file:// pages: the banner says so, editing still works.
      const blocked = await context.newPage();
      errors.push(...collectConsole(blocked));
      await blocked.addInitScript(() => { window.__trayectoStorageHooks = { unavailable: true }; });
      await blocked.goto(fileUrl + '?lang=en');
      await blocked.evaluate(() => window.trayecto.ready);
      await blocked.locator('.tr-banner').waitFor();
      assert(/NOT being kept/.test(await blocked.locator('.tr-banner').innerText()), 'the not-kept banner');
      await edit(blocked);
      assertEqual(errors.length, 0, 'console errors: ' + errors.join(' | '));
    },
  },
  {
    name: 'served as one file and framed by a host on another origin: the postMessage API works',
    timeout: 60,
    async run({ context }) {
      const app = await serve(lonelyCopy(), '127.0.0.1');
      const dir = tempDir('trayecto-single-host-');
      write(dir, 'host.html', GENERIC_HOST);
      write(dir, 'favicon.ico', '');
      const h = await serve(dir, '127.0.0.2');
      const appUrl = app.url + 'trayecto.html';
      const requests = [];
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(h.url + 'host.html?app=' + encodeURIComponent(appUrl + '?origin=' + encodeURIComponent(new URL(h.url).origin)));
      const frame = await frameOf(page, appUrl);
      await frameReady(frame);
      const got = await loadAndGetBack(page, FIXTURE);
      assertEqual(JSON.parse(got).meta.title, JSON.parse(FIXTURE).meta.title, 'the loaded map comes back');
      const fromApp = requests.filter((u) => u.startsWith(app.url));
      assertEqual(fromApp.join(), appUrl + '?origin=' + encodeURIComponent(new URL(h.url).origin),
        'the app fetched nothing but itself (no trayecto.config.json, no wasm, no fonts)');
    },
  },
  {
    name: 'index.html opened from disk says to open trayecto.html instead',
    async run({ context }) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href + '?lang=en');
      await page.waitForSelector('.tr-unsupported:not([hidden])');
      const text = await page.textContent('.tr-unsupported');
      assert(/trayecto\.html/.test(text), 'the message names the single file: ' + text);
    },
  },
];

// Saving, opening and sharing: nothing a participant does is ever lost.
// Every test counts the edits it makes and the edits it finds lost; the run prints the totals.
import fs from 'node:fs';
import path from 'node:path';
import { assert, assertEqual, openApp, ROOT } from './harness.mjs';

export const tally = { made: 0, lost: 0 };

const getMap = (page) => page.evaluate(() => window.trayecto.getMap());
const revision = (page) => page.evaluate(() => window.trayecto.revision());
const host = (page, action) => page.evaluate((a) => window.trayecto.persistence.hostAction(a), action);

// One real edit through the canvas: select a card and duplicate it (Ctrl+D).
async function edit(page) {
  const before = await revision(page);
  const map = JSON.parse(await getMap(page));
  // A different card each time, among those drawn clear of the side panel and the overview map,
  // and not under a banner of the page.
  const clear = (r) => r && r.x + r.width / 2 < 700 && r.y + r.height / 2 > 60 && r.y + r.height / 2 < 600 && r.onCanvas;
  let r = null;
  for (let i = 0; i < map.cards.length && !clear(r); i++) {
    r = await page.evaluate((id) => {
      const at = window.trayecto.locate(id);
      if (!at) return null;
      const hit = document.elementFromPoint(at.x + at.width / 2, at.y + at.height / 2);
      return { ...at, onCanvas: !!hit && hit.classList.contains('tr-canvas') };
    }, map.cards[(tally.made + i) % map.cards.length].id);
  }
  if (!clear(r)) throw new Error('no card is on screen to edit');
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await page.keyboard.press('Control+d');
  await page.waitForFunction((b) => window.trayecto.revision() > b, before);
  tally.made++;
  return getMap(page);
}

// The stored copy of the page's open map, read straight from IndexedDB (once the app has opened
// it: opening first would create the database without its stores).
async function storedMap(page) {
  await page.waitForFunction(() => window.trayecto.persistence.store !== null);
  return page.evaluate(() => new Promise((resolve, reject) => {
    const id = window.trayecto.persistence.mapId;
    const req = indexedDB.open('trayecto');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const g = db.transaction('maps').objectStore('maps').get(id);
      g.onsuccess = () => { resolve(g.result ? window.TrayectoStorage.text(g.result.json) : null); db.close(); };
      g.onerror = () => { resolve(null); db.close(); };
    };
  }));
}

// Waits until the stored copy of the open map is exactly `json`.
async function waitSaved(page, json, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    if ((await storedMap(page)) === json) return;
    if (Date.now() > until) throw new Error('the map was not stored within ' + timeout + ' ms');
    await page.waitForTimeout(100);
  }
}

function expectKept(actual, expected, what, edits = 1) {
  if (actual !== expected) { tally.lost += edits; throw new Error(`${what}: the edit was lost`); }
}

const visibleDialogText = (page) => page.locator('dialog[open]').innerText();

export const tests = [
  {
    name: 'version history keeps the newest snapshots of each map up to the limit, dropping only that map\'s oldest',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const kept = await page.evaluate(async () => {
        const store = await window.trayecto.persistence.openedStore();
        const limit = window.TrayectoStorage.SNAPSHOTS_PER_MAP;
        const bytes = (i) => new TextEncoder().encode(`{"n":${i}}`);
        await store.addSnapshot({ id: 'other', json: bytes(0), title: 'other' });
        for (let i = 0; i < limit + 5; i++) {
          const at = Date.now();
          while (Date.now() === at) await new Promise((r) => setTimeout(r, 1));   // one per millisecond key
          await store.addSnapshot({ id: 'mine', json: bytes(i), title: `v${i}` });
        }
        return { limit, mine: (await store.snapshots('mine')).map((s) => s.title), other: (await store.snapshots('other')).length };
      });
      assertEqual(kept.mine.length, kept.limit, 'as many as the limit');
      assertEqual(kept.mine[0], `v${kept.limit + 4}`, 'the newest first');
      assertEqual(kept.mine[kept.limit - 1], 'v5', 'the five oldest dropped');
      assertEqual(kept.other, 1, 'another map\'s history untouched');
    },
  },
  {
    name: 'edit, reload: the identical map comes back',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const json = await edit(page);
      await waitSaved(page, json);
      await page.reload();
      await page.evaluate(() => window.trayecto.ready);
      expectKept(await getMap(page), json, 'after reload');
    },
  },
  {
    name: 'a first visit starts without waiting for storage; a session kept without its localStorage mark still comes back',
    async run({ context, url }) {
      // Slow storage: it opens only when the test says (a fixed delay raced the app's own start).
      await context.addInitScript(() => {
        window.__trayectoStorageHooks = { openGate: new Promise((resolve) => { window.__openStorage = resolve; }) };
      });
      const openStorage = (page) => page.evaluate(() => window.__openStorage());
      const storeAtReady = (page) => page.evaluate(() => window.trayecto.persistence.store !== null);
      // A first visit (no mark in localStorage that storage ever opened here) does not wait for
      // IndexedDB, and an edit made before it opens is kept all the same.
      const page = await openApp(context, url);
      assertEqual(await storeAtReady(page), false, 'first visit: drawn before storage opened');
      await openStorage(page);
      const json = await edit(page);
      await waitSaved(page, json);
      assertEqual(await page.evaluate(() => localStorage.getItem('trayecto-kept')), '1', 'the mark is set once storage opens');
      // A later visit waits for storage and restores the session.
      await page.reload();
      await openStorage(page);
      await page.evaluate(() => window.trayecto.ready);
      assertEqual(await storeAtReady(page), true, 'later visit: storage opened first');
      expectKept(await getMap(page), json, 'after reload');
      // Storage holds the session but the mark is gone (cleared, or kept before marks existed):
      // the page starts on a new map, then restores the session once storage is open.
      await page.waitForFunction(() => window.trayecto.persistence.wasm.isClean(0));   // no rescue copy on leaving
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.evaluate(() => window.trayecto.ready);
      assertEqual(await storeAtReady(page), false, 'without the mark: drawn before storage opened');
      await openStorage(page);
      await page.waitForFunction((j) => window.trayecto.getMap() === j, json, { timeout: 5000 });
      expectKept(await getMap(page), json, 'after reload without the mark');
      await waitSaved(page, json);
    },
  },
  {
    name: 'a map stored by the previous version of the storage (database version 1) opens, and its edits are stored',
    async run({ context, url }) {
      // A map to store: the example, retitled.
      const first = await openApp(context, url + '?lang=en');
      const map = JSON.parse(await getMap(first));
      await first.close();
      map.meta.title = 'Stored before the upgrade';
      const json = JSON.stringify(map, null, 2);
      // The database as the previous version made it, from a page of the same origin without the app.
      const plain = await context.newPage();
      await plain.goto(url + 'favicon.svg');
      await plain.evaluate(async (text) => {
        await new Promise((resolve, reject) => {
          const del = indexedDB.deleteDatabase('trayecto');
          del.onsuccess = resolve; del.onerror = () => reject(del.error);
        });
        const db = await new Promise((resolve, reject) => {
          const req = indexedDB.open('trayecto', 1);
          req.onupgradeneeded = () => {
            const d = req.result;
            d.createObjectStore('maps', { keyPath: 'id' });
            d.createObjectStore('bin', { keyPath: 'id' });
            d.createObjectStore('snapshots', { keyPath: ['mapId', 'time'] });
            d.createObjectStore('meta');
          };
          req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error);
        });
        const tx = db.transaction(['maps', 'meta'], 'readwrite');
        tx.objectStore('maps').put({ id: 'before', json: new TextEncoder().encode(text), title: 'Stored before the upgrade',
                                     personas: 3, cards: 1, version: 3, tab: '', modified: Date.now() - 60000 });
        tx.objectStore('meta').put({ mapId: 'before' }, 'session');
        await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
        db.close();
        localStorage.setItem('trayecto-kept', '1');
      }, json);
      await plain.close();

      const page = await openApp(context, url + '?lang=en');
      await page.waitForFunction((t) => JSON.parse(window.trayecto.getMap()).meta.title === t, map.meta.title, { timeout: 5000 });
      assertEqual(await page.evaluate(() => window.trayecto.persistence.mapId), 'before', 'the stored session is the open map');
      const edited = await edit(page);
      await waitSaved(page, edited);
      const stored = await page.evaluate(() => new Promise((resolve, reject) => {
        const req = indexedDB.open('trayecto');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const g = db.transaction('maps').objectStore('maps').get('before');
          g.onsuccess = () => { resolve({ dbVersion: db.version, version: g.result.version }); db.close(); };
        };
      }));
      assertEqual(stored.version, 4, 'the edit is stored as the next version');
      assert(stored.dbVersion >= 2, 'the database was upgraded');
    },
  },
  {
    name: 'edit, close the page inside the save window, reopen: nothing lost',
    async run({ context, url }) {
      const page = await openApp(context, url);
      const json = await edit(page);
      await page.close({ runBeforeUnload: true });   // well before the 500 ms autosave delay
      const again = await openApp(context, url);
      expectKept(await getMap(again), json, 'after closing during the save window');
      await waitSaved(again, json);
    },
  },
  {
    name: 'save as file (Ctrl+S) and open it again: identical; the indicator follows',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=es');
      const json = await edit(page);
      // Saving asks the participant's name first (once); left empty, the file is the map as it is.
      await page.keyboard.press('Control+s');
      await page.waitForFunction(() => window.trayecto.locateWidget('participant-name'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      await page.waitForFunction(() => !window.trayecto.busy());   // the keys the map's again
      assert(/\.trayecto\.json$/.test(download.suggestedFilename()), 'file name: ' + download.suggestedFilename());
      const file = await download.path();
      assertEqual(fs.readFileSync(file, 'utf8'), json, 'the downloaded file is the map');
      assertEqual(await page.evaluate(() => window.trayecto.persistence.wasm.changedSinceFile()), false, 'saved to file');
      await edit(page);
      assertEqual(await page.evaluate(() => window.trayecto.persistence.wasm.changedSinceFile()), true,
        'a later edit is not in the file');
      const other = await context.browser().newContext();       // another browser, empty storage
      const fresh = await openApp(other, url);
      const [chooser] = await Promise.all([fresh.waitForEvent('filechooser'), host(fresh, 'open-file')]);
      await chooser.setFiles(file);
      await fresh.waitForFunction((j) => window.trayecto.getMap() === j, json);
      expectKept(await getMap(fresh), json, 'after reopening the file');
      await other.close();
    },
  },
  {
    name: 'every bad file of the core table: a message, the map and the stored copy unchanged',
    timeout: 240,
    async run({ context, url }) {
      const page = await openApp(context, url);
      const json = await edit(page);
      await waitSaved(page, json);
      const dir = path.join(ROOT, 'tests/fixtures/bad');
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      const cases = manifest.cases.filter((c) => c.file);
      cases.push({ name: 'nested.json', buffer: Buffer.from('['.repeat(100000)), message: 'nest' });
      assert(cases.length >= 20, 'the table has its cases');
      for (const c of cases) {
        if (process.env.TRAYECTO_E2E_VERBOSE) console.log('      case', c.file || c.name);
        const files = c.buffer ? { name: c.name, mimeType: 'application/json', buffer: c.buffer } : path.join(dir, c.file);
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), host(page, 'open-file')]);
        // The open map has no changes outside a file? It has: answer the question first.
        await chooser.setFiles(files);
        const confirm = page.locator('dialog[open] button.primary');
        await confirm.waitFor();
        if ((await visibleDialogText(page)).match(/Open another map|Abrir otro mapa/)) await confirm.click();
        await page.locator('dialog[open] .tr-message').waitFor();
        const text = await visibleDialogText(page);
        assert(text.includes(c.message) || text.toLowerCase().includes(String(c.message).toLowerCase()),
          `${c.file || c.name}: the message says what is wrong: ${text}`);
        assert(text.includes(c.file || c.name), `${c.file || c.name}: the message names the file`);
        await page.locator('dialog[open] button.primary').click();
        expectKept(await getMap(page), json, `${c.file || c.name}: open map`);
        expectKept(await storedMap(page), json, `${c.file || c.name}: stored copy`);
      }
      assertEqual(await page.evaluate(() => document.querySelectorAll('dialog[open]').length), 0, 'no dialog left open');
    },
  },
  {
    name: 'a big map is saved in slices: the stored text is the whole map, even if it changes mid-save',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const result = await page.evaluate(async () => {
        const t = window.trayecto;
        const map = JSON.parse(t.getMap());
        const base = map.cards.slice();
        for (let i = 0; map.cards.length < 4000; i++) map.cards.push({ ...base[i % base.length], id: 'cd-big-' + i });
        const opened = t.loadMap(JSON.stringify(map));
        const decode = (blob) => blob.text();
        const first = await decode(await t.getMapBlob());
        const whole = t.getMap();
        // Change the map while a save is under way: the save must begin again and see the change.
        const pending = t.getMapBlob();
        const again = t.getMapBlob();   // the same save, not a second one
        t.loadMap(JSON.stringify({ ...map, meta: { ...map.meta, title: 'Changed mid-save' } }));
        const changed = await decode(await pending);
        return { ok: opened.ok, same: first === whole, length: first.length, shared: pending === again,
                 changedTitle: JSON.parse(changed).meta.title, changedWhole: changed === t.getMap() };
      });
      assert(result.ok, 'the big map opens');
      assert(result.length > 1000000, 'the map is big: ' + result.length);
      assert(result.same, 'the sliced Blob holds getMap()\'s text');
      assert(result.shared, 'concurrent callers share one save');
      assertEqual(result.changedTitle, 'Changed mid-save', 'a change during the save is in what it returns');
      assert(result.changedWhole, 'and the text is whole');
    },
  },
  {
    name: 'a stored map that no longer opens: message on reload, and its entry is never overwritten',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const json = await edit(page);
      await waitSaved(page, json);
      const id = await page.evaluate(() => window.trayecto.persistence.mapId);
      const broken = json.slice(0, json.length >> 1);   // cut in half, as a crashed disk might
      await page.evaluate(([mapId, text]) => new Promise((resolve, reject) => {
        const req = indexedDB.open('trayecto');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('maps', 'readwrite');
          const store = tx.objectStore('maps');
          const g = store.get(mapId);
          g.onsuccess = () => store.put({ ...g.result, json: text });
          tx.oncomplete = () => { db.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      }), [id, broken]);
      await page.reload();
      await page.evaluate(() => window.trayecto.ready);
      await page.locator('dialog[open] .tr-message').waitFor();
      const text = await visibleDialogText(page);
      assert(/could not be opened|not valid JSON|ends at/i.test(text), 'the message says the map did not open: ' + text);
      await page.locator('dialog[open] button.primary').click();
      await edit(page);
      const now = await getMap(page);
      await waitSaved(page, now);
      assert(await page.evaluate(() => window.trayecto.persistence.mapId) !== id, 'the open map is a new entry');
      const kept = await page.evaluate((mapId) => window.trayecto.persistence.store.get(mapId), id);
      assertEqual(kept.json, broken, 'the entry that failed to open is untouched');
    },
  },
  {
    name: 'quota exceeded on a later write: banner, map and last good copy kept, undo still works',
    async run({ context, url }) {
      await context.addInitScript(() => { window.__trayectoStorageHooks = { failWith: 'QuotaExceededError' }; });
      const page = await openApp(context, url + '?lang=en');
      const first = await edit(page);
      await waitSaved(page, first);
      // From now on every write fails (the first ones stored the map, and a version-history snapshot).
      await page.evaluate(() => { window.__trayectoStorageHooks.failWriteAt = window.trayecto.persistence.store.writes + 1; });
      let json = first;
      for (let i = 0; i < 3; i++) json = await edit(page);   // these writes fail
      if (process.env.TRAYECTO_E2E_VERBOSE) console.log('      writes', await page.evaluate(() => [window.trayecto.persistence.store.writes, window.trayecto.persistence.wasm.isClean(0), window.__trayectoStorageHooks]));
      await page.locator('.tr-banner').waitFor();
      const banner = await page.locator('.tr-banner').innerText();
      assert(/NOT being kept/.test(banner) && /full/.test(banner), 'the banner says why: ' + banner);
      assert(await page.locator('.tr-banner button', { hasText: 'Save as file' }).count() === 1, 'offers Save as file');
      expectKept(await getMap(page), json, 'the open map keeps the edits', 3);
      assertEqual(await storedMap(page), first, 'the last good copy is still stored');
      await page.keyboard.press('Control+z');
      await page.waitForFunction((j) => window.trayecto.getMap() !== j, json);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.tr-banner button', { hasText: 'Save as file' }).click()]);
      assert(fs.readFileSync(await download.path(), 'utf8').length > 1000, 'the file can still be saved');
    },
  },
  {
    name: 'storage blocked: banner from the start, editing works, nothing thrown',
    async run({ context, url }) {
      await context.addInitScript(() => { window.__trayectoStorageHooks = { unavailable: true }; });
      const page = await openApp(context, url + '?lang=es');
      await page.locator('.tr-banner').waitFor();
      assert(/NO se están guardando/.test(await page.locator('.tr-banner').innerText()), 'Spanish banner');
      const json = await edit(page);
      expectKept(await getMap(page), json, 'edit without storage');
      assertEqual(page.consoleErrors.length, 0, 'no console errors: ' + page.consoleErrors.join(' | '));
    },
  },
  {
    name: 'two pages on the same map in a browser without Web Locks: no silent overwrite',
    async run({ context, url }) {
      // Where one tab cannot be made the only editor, stored versions still guard every write.
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
      const a = await openApp(context, url + '?lang=en');
      const firstA = await edit(a);
      await waitSaved(a, firstA);
      const b = await openApp(context, url + '?lang=en');         // restores the same map
      assertEqual(await getMap(b), firstA, 'the second page opens the same map');
      // B has an unsaved edit while A makes its own. (B waits 4 s before saving, so that this holds
      // however slowly the machine runs the two edits; the default wait is half a second.)
      await b.evaluate(() => { window.__trayectoSaveDelayMs = 4000; });
      const editedB = await edit(b);
      const editedA = await edit(a);
      // Whichever saves second is told; neither edit is overwritten.
      await Promise.race([a.locator('.tr-banner').waitFor({ timeout: 12000 }), b.locator('.tr-banner').waitFor({ timeout: 12000 })]);
      const [told, other, toldEdit, otherEdit] = (await b.locator('.tr-banner').count()) ? [b, a, editedB, editedA] : [a, b, editedA, editedB];
      assert(/another tab/.test(await told.locator('.tr-banner').innerText()), 'the page that saved second is told');
      expectKept(await getMap(told), toldEdit, 'the told page keeps its edit');
      expectKept(await storedMap(other), otherEdit, 'the first save was not overwritten');
      await told.locator('.tr-banner button', { hasText: 'Keep mine as a copy' }).click();
      await waitSaved(told, toldEdit);
      expectKept(await storedMap(told), toldEdit, 'the second version stored as a copy');
      await waitSaved(other, otherEdit);
    },
  },
  {
    name: 'share link round trip: the same map opens from the link',
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
    async run({ context, url }) {
      const page = await openApp(context, url);
      const json = await edit(page);
      await host(page, 'copy-link');
      await page.locator('dialog[open] textarea.tr-link').waitFor();
      const link = await page.locator('dialog[open] textarea.tr-link').inputValue();
      assert(link.includes('#map='), 'a fragment link');
      assertEqual(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
      const other = await context.browser().newContext();   // someone else, with empty storage
      const p2 = await openApp(other, link);
      expectKept(await getMap(p2), json, 'map from the link');
      assert(!(await p2.evaluate(() => location.hash)).includes('map='), 'the fragment is cleared once opened');
      await other.close();
    },
  },
  {
    name: 'My maps: delete a map, restore it from the bin',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en');
      const json = await edit(page);
      await waitSaved(page, json);
      assert(await page.evaluate(() => window.trayecto.persistence.newMap('bank-account-opening')), 'a template opens');
      await waitSaved(page, await getMap(page));   // the new map, as a new entry
      await host(page, 'my-maps');
      const rows = page.locator('dialog[open] tbody tr');
      await rows.first().waitFor();
      assertEqual(await rows.count(), 2, 'two maps listed');
      const edited = rows.filter({ hasNotText: 'open now' });
      const id = await edited.getAttribute('data-id');
      await edited.locator('button', { hasText: 'Delete' }).click();
      await page.locator(`dialog[open] .tr-bin-item[data-id="${id}"]`).waitFor();
      assertEqual(await rows.count(), 1, 'one map left');
      await page.locator(`dialog[open] .tr-bin-item[data-id="${id}"] button`).click();
      await page.locator(`dialog[open] tbody tr[data-id="${id}"]`).waitFor();
      await page.locator(`dialog[open] tbody tr[data-id="${id}"] button`, { hasText: 'Open' }).click();
      await page.waitForFunction((j) => window.trayecto.getMap() === j, json);
      expectKept(await getMap(page), json, 'the restored map');
    },
  },
  {
    name: `totals`,
    async run() {
      console.log(`      edits made: ${tally.made}, edits lost: ${tally.lost}`);
      assertEqual(tally.lost, 0, 'edits lost');
    },
  },
];

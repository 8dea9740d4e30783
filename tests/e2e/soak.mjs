// The soak test: three tabs of one browser profile on one map, each doing random real-input
// edits (typing with and without Enter, new cards, drags, deletes, undo/redo, taking the map
// over), with random reloads and closes, while both cores are kept busy. It keeps its own log
// of every edit the app showed as done and checks that each is in the final stored map.
//   node tests/e2e/soak.mjs [--runs N] [--seconds S] [--seed K]   (scripts/soak.sh N)
// Prints one line per run and, last, "runs R, edits made M, edits lost L".
import { spawn } from 'node:child_process';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { countWrites, DIST, launchBrowser, startServer } from './harness.mjs';
import { seededRandom as random } from '../seeded-random.mjs';

const TOKEN = /q\d+z/g;
const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

// Keeps every core busy (a slow laptop, a loaded CI machine) until stopped.
export function loadCpus(n = os.cpus().length) {
  const children = [];
  for (let i = 0; i < n; i++) children.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  return () => { for (const c of children) c.kill('SIGKILL'); };
}

const tokensOf = (json) => new Set(json.match(TOKEN) || []);

async function settle(page, timeout = 30000) {
  await page.waitForFunction(() => window.trayecto && !window.trayecto.busy(), null, { timeout, polling: 20 });
}

async function open(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.evaluate(() => window.trayecto.ready.then(() => true));
  await page.waitForFunction(() => window.trayecto.persistence.store !== null);
  return page;
}

// What a person can point at: cards on the canvas, not under a panel or a banner.
async function visibleCards(page) {
  return page.evaluate(() => {
    const t = window.trayecto;
    const map = JSON.parse(t.getMap());
    const out = [];
    for (const card of map.cards) {
      const at = t.locate(card.id);
      if (!at || at.width < 30) continue;
      const c = { x: at.x + at.width / 2, y: at.y + Math.min(at.height / 2, 12) };
      if (c.x > 860 || c.y < 70 || c.y > 640) continue;
      const hit = document.elementFromPoint(c.x, c.y);
      if (hit && hit.classList.contains('tr-canvas')) out.push({ id: card.id, stageId: card.stageId, laneId: card.laneId, ...at });
    }
    return out;
  });
}

async function emptyCell(page, rnd) {
  const cells = await page.evaluate(() => {
    const t = window.trayecto;
    const map = JSON.parse(t.getMap());
    const out = [];
    for (const lane of map.lanes) {
      if (lane.type === 'emotions') continue;
      const row = t.locate(lane.id);
      for (const stage of map.stages) {
        if (map.cards.some((c) => c.stageId === stage.id && c.laneId === lane.id)) continue;
        const col = t.locate(stage.id);
        if (!row || !col) continue;
        const p = { x: col.x + col.width / 2, y: row.y + row.height - 6 };
        if (p.x > 860 || p.y < 70 || p.y > 640) continue;
        const hit = document.elementFromPoint(p.x, p.y);
        if (hit && hit.classList.contains('tr-canvas')) out.push(p);
      }
    }
    return out;
  });
  return cells.length ? cells[Math.floor(rnd() * cells.length)] : null;
}

// One run: returns {made, lost, idleWrites, errors}.
export async function soakRun({ browser, url, seconds, seed, log = () => {} }) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  let next = 0;
  const token = () => `q${seed % 1000}${next++}z`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(countWrites);
  const tabs = [];
  tabs.push(await open(context, url));
  for (let i = 0; i < 2; i++) tabs.push(await open(context, url));
  let expected = null;     // the tokens the last edit left on screen (in whichever tab edited)
  let made = 0, lost = 0;
  const lostTokens = [];
  const until = Date.now() + seconds * 1000;

  const mapOf = (page) => page.evaluate(() => window.trayecto.getMap());
  const editing = (page) => page.evaluate(() => !window.trayecto.viewState().following);

  // Mostly the tab that edits (as a person works in one tab), now and then another one.
  const editorIndex = async () => {
    for (let k = 0; k < tabs.length; k++) if (!tabs[k].isClosed() && await editing(tabs[k]).catch(() => false)) return k;
    return -1;
  };
  while (Date.now() < until) {
    const current = rnd() < 0.7 ? await editorIndex() : -1;
    const i = current >= 0 ? current : Math.floor(rnd() * tabs.length);
    let page = tabs[i];
    const started = Date.now();
    await page.bringToFront().catch(() => {});   // a person switches to the tab they use
    const roll = rnd();
    try {
      if (roll < 0.05) {                              // reload
        await page.reload();
        await page.evaluate(() => window.trayecto.ready.then(() => true));
        await page.waitForFunction(() => window.trayecto.persistence.store !== null);
        log(`reload tab ${i}`);
        continue;
      }
      if (roll < 0.08) {                              // close, and open again
        await page.close({ runBeforeUnload: true });
        tabs[i] = page = await open(context, url);
        log(`close and reopen tab ${i}`);
        continue;
      }
      await settle(page);
      if (!(await editing(page))) {
        // A following tab: take the map over now and then (Edit here), else only look.
        if (rnd() < 0.2) {
          await page.locator('[data-banner="following"] button').click({ timeout: 5000 }).catch(() => {});
          await page.waitForFunction(() => !window.trayecto.viewState().following, null, { timeout: 15000 }).catch(() => {});
          log(`tab ${i} takes over: ${await editing(page) ? 'editing' : 'still following'}`);
        }
        continue;
      }
      // Everything the last edit left must still be here.
      const beforeJson = await mapOf(page);
      const before = tokensOf(beforeJson);
      if (expected) {
        for (const t of expected) if (!before.has(t)) { lost++; lostTokens.push(t); }
      }
      const cards = await visibleCards(page);
      const kind = rnd();
      let action;
      if (kind < 0.35 && cards.length) {              // type into a card, with or without Enter
        const c = pick(cards);
        const enter = rnd() < 0.6;
        action = enter ? 'type+enter' : 'type';
        await page.mouse.dblclick(c.x + c.width / 2, c.y + Math.min(c.height / 2, 12));
        await settle(page);
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' ' + token());
        if (enter) await page.keyboard.press('Enter');
      } else if (kind < 0.5) {                        // a new card in an empty cell
        const p = await emptyCell(page, rnd);
        if (!p) { log(`tab ${i}: no empty cell on screen`); continue; }
        action = 'add';
        await page.mouse.dblclick(p.x, p.y);
        await settle(page);
        await page.keyboard.type(token());
        if (rnd() < 0.7) await page.keyboard.press('Enter');
      } else if (kind < 0.62 && cards.length >= 2) {  // drag a card onto another
        const [a, b] = [pick(cards), pick(cards)];
        action = 'drag';
        await page.keyboard.press('Escape');
        await page.mouse.move(a.x + a.width / 2, a.y + 8);
        await page.mouse.down();
        await page.mouse.move(a.x + a.width / 2 + 10, a.y + 14, { steps: 2 });
        await page.mouse.move(b.x + b.width / 2, b.y + b.height - 4, { steps: 6 });
        await page.mouse.up();
      } else if (kind < 0.72 && cards.length) {       // delete a card
        const c = pick(cards);
        action = 'delete';
        await page.keyboard.press('Escape');
        await page.mouse.click(c.x + c.width / 2, c.y + 8);
        await settle(page);
        await page.keyboard.press('Delete');
      } else if (kind < 0.86) {                       // undo
        action = 'undo';
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+z');
      } else {                                        // redo
        action = 'redo';
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+y');
      }
      await settle(page);
      const afterJson = await mapOf(page);
      const after = tokensOf(afterJson);
      if (afterJson !== beforeJson) made++;   // an edit the app showed as done
      expected = after;
      log(`${action} in tab ${i}: ${after.size} tokens (${Date.now() - started} ms)`);
    } catch (e) {
      log(`tab ${i}: ${String(e.message || e).split('\n')[0]}`);
    }
  }

  // Every tab settles and stores; then the stored map must hold what the last edit showed.
  for (const t of tabs) await settle(t).catch(() => {});
  await tabs[0].waitForTimeout(2000);
  const stored = await tabs[0].evaluate(async () => {
    const p = window.trayecto.persistence;
    const r = await p.store.get(p.mapId);
    return r ? r.json : '';
  });
  if (expected) for (const t of expected) if (!stored.includes(t)) { lost++; lostTokens.push(t); }
  // Idle: no tab writes.
  const sum = async () => (await Promise.all(tabs.map((t) => t.evaluate(() => window.__idbWrites)))).reduce((a, b) => a + b, 0);
  const w0 = await sum();
  await tabs[0].waitForTimeout(5000);
  const idleWrites = (await sum()) - w0;
  const errors = tabs.flatMap((t) => t.errors);
  await context.close();
  return { made, lost, lostTokens, idleWrites, errors };
}

// As a program: scripts/soak.sh N.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf('--' + name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const runs = arg('runs', 1), seconds = arg('seconds', 60), seed0 = arg('seed', Date.now() % 100000);
  const { server, url } = await startServer(DIST);
  const browser = await launchBrowser();
  const stopLoad = loadCpus();
  let made = 0, lost = 0, bad = 0;
  try {
    for (let r = 0; r < runs; r++) {
      const seed = seed0 + r;
      const result = await soakRun({ browser, url: url + '?lang=' + (r % 2 ? 'en' : 'es'), seconds, seed,
        log: process.env.SOAK_VERBOSE ? (m) => console.log('  ' + m) : undefined });
      made += result.made;
      lost += result.lost;
      if (result.lost || result.idleWrites || result.errors.length) bad++;
      console.log(`run ${r + 1} (seed ${seed}): edits made ${result.made}, edits lost ${result.lost}` +
        `${result.lost ? ' (' + result.lostTokens.join(' ') + ')' : ''}, writes while idle ${result.idleWrites}` +
        `${result.errors.length ? ', page errors: ' + result.errors.join(' | ') : ''}`);
    }
  } finally {
    stopLoad();
    await browser.close();
    server.close();
  }
  console.log(`runs ${runs}, edits made ${made}, edits lost ${lost}`);
  process.exit(bad ? 1 : 0);
}

// Runs every tests/e2e/*.test.mjs file and prints "N passed, N failed" at the end.
//   node tests/e2e/run.mjs [filter]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, RESULTS, asReturningVisitor, launchBrowser, startServer } from './harness.mjs';

const filter = process.argv[2] || '';
const dir = path.join(ROOT, 'tests/e2e');
if (!fs.existsSync(path.join(DIST, 'trayecto.wasm'))) {
  console.error('dist/trayecto.wasm is missing: build the web app first (scripts/build-web.sh)');
  process.exit(2);
}

const { server, url } = await startServer(DIST);
const browser = await launchBrowser();
let passed = 0, failed = 0;
const failures = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort()) {
  const { tests } = await import(pathToFileURL(path.join(dir, file)).href);
  for (const t of tests) {
    const name = `${file.replace('.test.mjs', '')}: ${t.name}`;
    if (filter && !name.includes(filter)) continue;
    // Run once: a test that fails only sometimes has found a race (a bug report), not bad luck.
    let lastError = null;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...(t.context || {}) });
    // Every test but the welcome's own starts as a returning visitor: no welcome over the map.
    if (!t.welcome) await asReturningVisitor(context);
    const started = Date.now();
    try {
      await Promise.race([
        t.run({ browser, context, url }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${t.timeout || 60} s`)), (t.timeout || 60) * 1000)),
      ]);
      console.log(`ok    ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      lastError = e || new Error('failed');
      // What each page showed when it failed, and its state, for the race to be found.
      fs.mkdirSync(RESULTS, { recursive: true });
      const slug = name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      for (const [i, page] of context.pages().entries()) {
        await page.screenshot({ path: path.join(RESULTS, `FAIL-${slug}-${i}.png`), timeout: 5000 }).catch(() => {});
        const state = await page.evaluate(() => JSON.stringify({ view: window.trayecto.viewState(), busy: window.trayecto.busy() }))
          .catch(() => null);
        if (state) console.log(`      page ${i}: ${state.slice(0, 400)}`);
      }
    } finally {
      await context.close().catch(() => {});
    }
    if (lastError) {
      failed++;
      failures.push(name);
      console.log(`FAIL  ${name}\n      ${String(lastError && lastError.stack || lastError).split('\n').join('\n      ')}`);
    } else {
      passed++;
    }
  }
}
await browser.close();
server.close();
if (failures.length) console.log('\nfailed:\n  ' + failures.join('\n  '));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

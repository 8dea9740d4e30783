// ?src= maps come from servers that may misbehave: one that never finishes, one that sends
// 40 MB, one that redirects to an origin the site does not allow. Each is given up with a
// message in the user's language, and the page opens what a first visit opens. Servers of
// its own: the app's origin with those endpoints, and a second 127.0.0.1 port (another origin).
import { assert, assertEqual, DIST, openApp, startServer } from './harness.mjs';

const getMap = (page) => page.evaluate(() => window.trayecto.getMap());
const dialogText = async (page, timeout = 15000) => {
  await page.locator('dialog[open]').waitFor({ timeout });
  return page.locator('dialog[open]').innerText();
};

// Streams `total` bytes of JSON-ish text (its length told when `withLength`) as fast as the
// client reads, or, when `total` is Infinity, a few bytes every 200 ms without end. Either way
// until the client goes away, and for at most 60 s.
function stream(req, res, total, withLength) {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store',
    ...(withLength ? { 'Content-Length': String(total) } : {}) });
  const head = '{"format": "trayecto-journey", "padding": "';
  res.write(head);
  let sent = head.length, closed = false;
  const until = Date.now() + 60000;
  res.on('close', () => { closed = true; });
  if (total === Infinity) {
    const timer = setInterval(() => {
      if (closed || Date.now() > until) { clearInterval(timer); res.end(); return; }
      res.write('                ');
    }, 200);
    return;
  }
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (!closed && sent < total && Date.now() < until) {
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      if (!res.write(chunk.subarray(0, n))) { res.once('drain', pump); return; }
    }
    if (!closed) res.end();
  };
  pump();
}

async function servers() {
  const counts = { huge: 0, other: 0 };
  let mapJson = '{}';
  const other = await startServer(DIST, 0, '127.0.0.1', () => ({}), (req, res, url) => {
    if (url.pathname !== '/map.json') return false;
    counts.other++;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(mapJson);
    return true;
  });
  const app = await startServer(DIST, 0, '127.0.0.1', () => ({}), (req, res, url) => {
    switch (url.pathname) {
      case '/test/forever': stream(req, res, Infinity, false); return true;
      case '/test/huge': counts.huge++; stream(req, res, 40 * 1024 * 1024, url.searchParams.has('length')); return true;
      case '/test/map.json': res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(mapJson); return true;
      case '/test/redirect':
        res.writeHead(302, { Location: url.searchParams.get('to') });
        res.end();
        return true;
      default: return false;
    }
  });
  return {
    app, other, counts,
    setMap(json) { mapJson = json; },
    close() { app.server.closeAllConnections(); other.server.closeAllConnections(); app.server.close(); other.server.close(); },
  };
}

async function firstVisitMap(browser, url) {
  const context = await browser.newContext();
  try {
    return await getMap(await openApp(context, url));
  } finally {
    await context.close();
  }
}

export const tests = [
  {
    name: 'src= that never finishes is given up after the timeout (es, en); the first-visit map opens',
    timeout: 90,
    async run({ browser, context }) {
      const s = await servers();
      try {
        await context.addInitScript(() => { window.__trayectoSourceTimeoutMs = 2000; });
        for (const [lang, words] of [['es', 'no llegó en 2 segundos'], ['en', 'did not arrive within 2 seconds']]) {
          const expected = await firstVisitMap(browser, `${s.app.url}?lang=${lang}`);
          const started = Date.now();
          const page = await openApp(context, `${s.app.url}?lang=${lang}&src=/test/forever`);
          const text = await dialogText(page);
          assert(text.includes(words), `${lang}: the message says why: ${text}`);
          assert(Date.now() - started < 20000, `${lang}: given up in time: ${Date.now() - started} ms`);
          assertEqual(await getMap(page), expected, `${lang}: the map of a first visit is open`);
          await page.close();
        }
      } finally {
        s.close();
      }
    },
  },
  {
    name: 'src= of 40 MB is refused at 32 MB while it streams, with or without its length (es, en)',
    timeout: 90,
    async run({ browser, context }) {
      const s = await servers();
      try {
        for (const [lang, words, query] of [['es', 'ocupa más de 32 MB', ''], ['en', 'larger than 32 MB', '?length=1']]) {
          const expected = await firstVisitMap(browser, `${s.app.url}?lang=${lang}`);
          const page = await openApp(context, `${s.app.url}?lang=${lang}&src=${encodeURIComponent('/test/huge' + query)}`);
          const text = await dialogText(page);
          assert(text.includes(words), `${lang}: the message says why: ${text}`);
          assertEqual(await getMap(page), expected, `${lang}: the map of a first visit is open`);
          const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
          assert(heap < 150 * 1024 * 1024, `${lang}: the JS heap stays small: ${heap}`);
          await page.close();
        }
        assertEqual(s.counts.huge, 2, 'two requests');
      } finally {
        s.close();
      }
    },
  },
  {
    name: 'src= redirected to an origin that is not allowed is refused; a redirect within the site still opens',
    timeout: 90,
    async run({ browser, context }) {
      const s = await servers();
      try {
        const map = JSON.parse(await firstVisitMap(browser, `${s.app.url}?lang=en`));
        map.meta.title = 'Mapa servido desde otro origen';
        s.setMap(JSON.stringify(map));
        const to = `${s.other.url}map.json`;
        const otherOrigin = s.other.url.replace(/\/$/, '');
        // Asked for directly, the other origin is refused before any request.
        const direct = await openApp(context, `${s.app.url}?lang=en&src=${encodeURIComponent(to)}`);
        assert((await dialogText(direct)).includes(`Maps from ${otherOrigin} are not allowed`), 'refused directly');
        assertEqual(s.counts.other, 0, 'no request to the other origin');
        await direct.close();
        // Through a redirect on the app's own origin: refused where the redirects ended.
        for (const [lang, words] of [['es', `redirige el mapa a ${otherOrigin}`], ['en', `sent the map on to ${otherOrigin}`]]) {
          const expected = await firstVisitMap(browser, `${s.app.url}?lang=${lang}`);
          const page = await openApp(context, `${s.app.url}?lang=${lang}&src=${encodeURIComponent('/test/redirect?to=' + encodeURIComponent(to))}`);
          const text = await dialogText(page);
          assert(text.includes(words), `${lang}: the message says why: ${text}`);
          assertEqual(await getMap(page), expected, `${lang}: the map of a first visit is open, not the other origin's`);
          await page.close();
        }
        // A redirect within the app's own origin is followed.
        const inside = await openApp(context, `${s.app.url}?lang=en&src=${encodeURIComponent('/test/redirect?to=/test/map.json')}`);
        assertEqual(JSON.parse(await getMap(inside)).meta.title, 'Mapa servido desde otro origen', 'a same-origin redirect opens');
        assertEqual(await inside.locator('dialog[open]').count(), 0, 'no message');
      } finally {
        s.close();
      }
    },
  },
];

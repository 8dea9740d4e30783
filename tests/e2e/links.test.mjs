// Share links (#map=…) are input from anyone: a link that inflates past the loader's limit is
// cut off there and refused with a message in the user's language, and a link whose map is not
// valid UTF-8 is refused as a file with those bytes is. The page then shows what a first visit
// shows. (The decoder itself is fuzzed in share-link.test.mjs.)
import zlib from 'node:zlib';
import { assert, assertEqual, b64url, deflateBomb400, openApp } from './harness.mjs';

const getMap = (page) => page.evaluate(() => window.trayecto.getMap());
const dialogText = async (page) => {
  await page.locator('dialog[open]').waitFor({ timeout: 15000 });
  return page.locator('dialog[open]').innerText();
};


// The map a first visit shows, from a fresh context.
async function firstVisitMap(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await openApp(context, url);
    return await getMap(page);
  } finally {
    await context.close();
  }
}

export const tests = [
  {
    name: 'a link that inflates to 400 MB is refused at 32 MB with a message (es, en); the page is as on a first visit',
    timeout: 120,
    async run({ browser, context, url }) {
      const link = b64url(await deflateBomb400());
      assert(link.length < 600 * 1024, 'about half a megabyte of link: ' + link.length);
      for (const [lang, words] of [['es', 'más de 32 MB'], ['en', 'larger than 32 MB']]) {
        const expected = await firstVisitMap(browser, `${url}?lang=${lang}`);
        const page = await openApp(context, `${url}?lang=${lang}#map=${link}`);
        const text = await dialogText(page);
        assert(text.includes(words), `${lang}: the message says why: ${text}`);
        assertEqual(await getMap(page), expected, `${lang}: the map of a first visit is open`);
        // The page agrees with the core on the limit (web/wasm-bridge.js checks it at start).
        assertEqual(page.consoleErrors.filter((e) => e.includes('maps up to')).length, 0, `${lang}: one limit`);
        const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
        console.log(`      ${lang}: JS heap ${Math.round(heap / 1048576)} MB after the link`);
        assert(heap < 200 * 1024 * 1024, `${lang}: the page's JS heap stays small: ${heap}`);
        await page.close();
      }
    },
  },
  {
    name: 'a link whose map is not valid UTF-8 is refused, as a file with those bytes is',
    async run({ browser, context, url }) {
      const expected = await firstVisitMap(browser, `${url}?lang=en`);
      const map = JSON.parse(expected);
      map.meta.title = 'Mapa QQ enlazado';
      // 0xC3 0x28: a lead byte without its continuation.
      const bytes = Buffer.from(JSON.stringify(map)).toString('latin1').replace('QQ', '\u00c3(');
      const link = b64url(zlib.deflateRawSync(Buffer.from(bytes, 'latin1')));
      const page = await openApp(context, `${url}?lang=en#map=${link}`);
      const text = await dialogText(page);
      assert(text.includes('The map in this link cannot be opened') && text.includes('UTF-8'), 'refused for its UTF-8: ' + text);
      const open = JSON.parse(await getMap(page));
      assert(!open.meta.title.includes('enlazado'), 'the linked map was not opened: ' + open.meta.title);
      assertEqual(await getMap(page), expected, 'the map of a first visit is open');
      // The same map with valid bytes opens.
      map.meta.title = 'Mapa ñ enlazado';
      const good = b64url(zlib.deflateRawSync(Buffer.from(JSON.stringify(map))));
      const page2 = await openApp(context, `${url}?lang=en#map=${good}`);
      assertEqual(JSON.parse(await getMap(page2)).meta.title, 'Mapa ñ enlazado', 'a valid link opens');
    },
  },
];

// Text in any script shows as itself: Greek, Cyrillic, symbols (™ € → • …) and emoji typed into
// a card with the real keyboard are drawn with their own glyphs, not '?'. The first download has
// Latin only; the fonts for the rest are fetched when text needs them (web/fonts.py's pieces).
import { assert, assertEqual, cardOnScreen as cardOnCanvas, openApp, settle, screenshot } from './harness.mjs';

// Arrays compared by content.
const sameList = (actual, expected, what) => assertEqual(JSON.stringify(actual), JSON.stringify(expected), what);
const getMap = async (page) => JSON.parse(await page.evaluate(() => window.trayecto.getMap()));
const centre = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

// A card drawn on the canvas clear of the side panel and the overview map.
const cardOnScreen = (page) =>
  cardOnCanvas(page, (r) => r.x > 150 && r.x + r.width < 850 && r.y > 80 && r.y + r.height < 600 && r.width > 60);

// Replaces the card's text by typing `text` (double-click, select all, type, Enter).
async function retype(page, box, text) {
  const c = centre(box);
  await page.mouse.dblclick(c.x, c.y);
  await settle(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settle(page);
}

const fetchedFonts = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => e.name.replace(/^.*\/fonts\//, '')).filter((n) => !n.includes('/') && /\.(ttf|json)$/.test(n)));

export const tests = [
  {
    name: 'Greek, Cyrillic, ™ € → • … and emoji typed into a card show as themselves, not as "?"',
    timeout: 120,
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en&storage=none');
      await settle(page);
      // A Latin map fetches no other font.
      sameList((await fetchedFonts(page)).sort(), ['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf'], 'the first download only');
      const { card, box } = await cardOnScreen(page);
      // What a '?' looks like on this card.
      const clip = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
      await retype(page, box, '?');
      const question = await page.screenshot({ clip });
      const samples = ['Ω', 'λ', 'Ж', 'я', '™', '€', '→', '•', '…', '😀', '🎉'];
      const same = [], lacking = [], typed = [];
      for (const s of samples) {
        await retype(page, box, s);
        typed.push((await getMap(page)).cards.find((c) => c.id === card.id).text);
        if (Buffer.compare(await page.screenshot({ clip }), question) === 0) same.push(s);
        lacking.push(...await page.evaluate(() => (window.trayecto.missingGlyphs ? window.trayecto.missingGlyphs() : ['?'])));
      }
      sameList(same, [], 'characters drawn exactly as "?"');
      sameList(typed, samples, 'the typed text is the card text');
      sameList(lacking, [], 'characters that lack a glyph');
      // All of them at once, in words, for a person to look at.
      const text = 'Ωμέγα Привет ™ € → • … 😀🎉';
      await retype(page, box, text);
      sameList(await page.evaluate(() => window.trayecto.missingGlyphs()), [], 'nothing lacks a glyph');
      await screenshot(page, 'glyphs-any-script');
      const fetched = await fetchedFonts(page);
      assert(fetched.includes('pieces.json') && fetched.some((n) => n.startsWith('Symbola')), 'pieces fetched when needed: ' + fetched);
      assert(!fetched.includes('Symbola-Pictographs.ttf') || text.includes('🎉'), 'only the pieces needed');
    },
  },
  {
    name: 'a map opened with Greek and emoji in it gets their glyphs without any typing; scripts no piece has are reported',
    async run({ context, url }) {
      const page = await openApp(context, url + '?lang=en&storage=none');
      const map = await getMap(page);
      map.meta.title = 'Χάρτης';
      map.cards[0].text = 'Путь клиента ✅ 👍';
      map.cards[1].text = '顧客';   // CJK: no piece has it (yet)
      // Opened from a file, as a person would (Ctrl+O).
      const { box } = await cardOnScreen(page);
      await page.mouse.click(box.x + 4, box.y + 4);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+o')]);
      await chooser.setFiles({ name: 'greek.trayecto.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(map)) });
      await page.waitForFunction(() => JSON.parse(window.trayecto.getMap()).meta.title === 'Χάρτης');
      await settle(page);
      sameList(await page.evaluate(() => window.trayecto.missingGlyphs()), [0x5ba2, 0x9867], 'only the CJK characters lack glyphs');
    },
  },
];

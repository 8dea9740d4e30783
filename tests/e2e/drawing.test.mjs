// The canvas redraws only what changed since the last frame (app/frame_damage.hpp), and what it
// shows is exactly what a whole redraw shows. Driven with real input: hovering, selecting,
// typing into a card, dragging it, a menu, zooming. After each step the canvas is read, the same
// frame is drawn again whole (trayecto.repaint()) and read again: the two must be equal, pixel
// for pixel. Typing must redraw a small part of the canvas in most frames.
import { assert, cardOnScreen, framesAfter, openApp, screenshot, settle } from './harness.mjs';

// Reads the canvas, draws the same frame again whole and reads it again, in one task (no frame
// can come between); fails with where the two differ.
// `moving`: frames keep coming (a drag): wait for two of them instead of for the app to be idle.
async function assertSameAsWhole(page, step, moving = false) {
  if (moving) await framesAfter(page, await page.evaluate(() => window.trayecto.frameCount()), 2);
  else await settle(page);
  const { differ, box } = await page.evaluate(() => {
    const src = document.querySelector('.tr-canvas');
    const c = document.createElement('canvas');
    c.width = src.width; c.height = src.height;
    const g = c.getContext('2d', { willReadFrequently: true });
    const read = () => {
      g.clearRect(0, 0, c.width, c.height);
      g.drawImage(src, 0, 0);
      return new Uint32Array(g.getImageData(0, 0, c.width, c.height).data.buffer);
    };
    const partial = read();
    window.trayecto.repaint();
    const whole = read();
    let n = 0;
    const b = [Infinity, Infinity, -1, -1];
    for (let i = 0; i < whole.length; i++) {
      if (partial[i] === whole[i]) continue;
      n++;
      const x = i % c.width, y = Math.floor(i / c.width);
      b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
    }
    return { differ: n, box: b };
  });
  if (differ) await screenshot(page, `drawing-${step.replace(/\W+/g, '-')}`);
  assert(differ === 0, `${step}: ${differ} pixels differ from a whole redraw, within x ${box[0]}-${box[2]}, y ${box[1]}-${box[3]}`);
}

export const tests = ['es', 'en'].map((lang) => ({
  name: `drawing (${lang}): only what changed is redrawn, and the canvas equals a whole redraw after every step`,
  timeout: 120,
  async run({ context, url }) {
    const page = await openApp(context, `${url}?lang=${lang}`);
    await assertSameAsWhole(page, 'opened');
    const size = await page.evaluate(() => { const c = document.querySelector('.tr-canvas'); return c.width * c.height; });

    const { card, box } = await cardOnScreen(page, (b) => b.width > 60 && b.height > 20);
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await assertSameAsWhole(page, 'hover a card');
    await page.mouse.click(cx, cy);
    await assertSameAsWhole(page, 'select a card');

    await page.mouse.dblclick(cx, cy);
    await settle(page);
    await page.evaluate(() => {   // pixels redrawn by each frame drawn while typing
      const t = window.trayecto, seen = window.__redrawn = [];
      let count = t.frameCount();
      const tick = () => {
        if (t.frameCount() !== count) { count = t.frameCount(); seen.push(t.redrawnPixels()); }
        if (!window.__typed) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.keyboard.type('Hola, ñandú', { delay: 60 });
    await settle(page);
    const redrawn = await page.evaluate(() => { window.__typed = true; return window.__redrawn; });
    // A key redraws about the card; a key that wraps the text onto a new line grows the lane and
    // moves what is below it, so a few frames may redraw much more.
    const drawing = redrawn.filter((n) => n > 0), small = drawing.filter((n) => n < size / 20);
    assert(drawing.length >= 8 && small.length >= drawing.length * 0.8,
      `typing redraws a small part of the canvas: ${small.length} of ${drawing.length} frames drew under 5 % of ${size} pixels (${redrawn})`);
    await assertSameAsWhole(page, 'typed into a card');
    await page.keyboard.press('Enter');
    await assertSameAsWhole(page, 'finished typing');
    const typed = await page.evaluate((id) => JSON.parse(window.trayecto.getMap()).cards.find((c) => c.id === id).text, card.id);
    assert(typed.endsWith('Hola, ñandú'), `the text was typed: ${typed}`);

    // A drag to the next stage, drawn frame by frame.
    const to = { x: cx + box.width + 40, y: cy };
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(cx + (to.x - cx) * i / 6, cy, { steps: 2 });
    await assertSameAsWhole(page, 'dragging a card', true);
    await page.mouse.up();
    await assertSameAsWhole(page, 'dropped a card');

    // A button whose colour alone changes when hovered (the Personas tab of the side panel).
    const tab = await page.evaluate(() => window.trayecto.locateWidget('Personas'));
    assert(tab, 'the Personas tab is on screen');
    await page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height / 2);
    await assertSameAsWhole(page, 'hover a button');
    await page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height + 200);
    await assertSameAsWhole(page, 'left a button');

    // A menu opened and closed over the map, then a zoom with the wheel.
    const menu = await page.evaluate((l) => window.trayecto.locateWidget(l === 'es' ? 'Mapa' : 'Map'), lang);
    assert(menu, 'the Map menu is on screen');
    await page.mouse.click(menu.x + menu.width / 2, menu.y + menu.height / 2);
    await assertSameAsWhole(page, 'menu open');
    await page.keyboard.press('Escape');
    await assertSameAsWhole(page, 'menu closed');
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, -200);
    await assertSameAsWhole(page, 'zoomed');
    await screenshot(page, `drawing-${lang}`);
  },
}));

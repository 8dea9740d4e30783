// A screen reader's view of the map: a hidden, always-current copy of the canvas in the page's
// DOM (the technique of Google Docs and Sheets over their canvases). An ARIA grid with the lanes
// as rows and the stages as columns (phases above them), each cell listing its cards; a table per
// persona for the emotional curve; a live region saying what each edit did. Built from the app's
// model through the wasm bridge (app/mirror.cpp words it and sends it in pieces), a while after
// changes, never per frame: only the cells whose cards changed are rewritten.
(function () {
  'use strict';

  const REFRESH_MS = 250;    // after the last change: typing rewrites the cell once it pauses
  const PIECE_CARDS = 400;   // cards per piece: each piece a short task, whatever the map's size
  const PANEL_MS = 100;      // the side panel's copy, after its last change

  const { el } = window.TrayectoDialogs;

  class Mirror {
    constructor(container, wasm) {
      this.wasm = wasm;
      this.root = el('div', { class: 'tr-mirror' });
      this.live = el('div', { class: 'tr-mirror-live', 'aria-live': 'polite', role: 'status' });
      this.body = el('div');
      this.panelArea = el('section');   // the side panel (panelChanged)
      this.statusArea = el('section');  // the status line (panelChanged)
      this.root.append(this.body, this.panelArea, this.statusArea, this.live);
      container.appendChild(this.root);
      // A screen reader that moves the focus onto a card (each can take it) selects it on the
      // canvas and brings it into view, so what is read and what is shown stay one.
      this.root.addEventListener('focusin', (e) => {
        const item = e.target.closest && e.target.closest('[data-card]');
        if (item) this.wasm.showCard(item.dataset.card);
      });
      this.timer = null;
      this.cause = 0;
      this.cells = [];          // [row][column] -> td
      this.items = new Map();   // card id -> its list item
      this.current = [];        // the items marked aria-current
      this.noCards = '';
      this.longestMs = 0;       // the longest piece of the last refresh (docs/performance.md)
      this.panelTimer = null;
      this.panelShape = '';     // the panel's fields as shown: their kinds and labels
      this.panelFields = [];    // and their controls, in order
      this.panelSaid = '';
    }

    // A change (TrayectoWasm.CAUSE): the mirror follows a while later; the last user change is told.
    changed(cause) {
      if (TrayectoWasm.isUserChange(cause) || !this.cause) this.cause = cause;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
    }

    // One piece now (the grid's shape if it changed, then cells up to PIECE_CARDS cards); the
    // rest in later tasks, so the page stays responsive on any map. `all`: every piece now.
    refresh(all = false) {
      clearTimeout(this.timer);
      this.timer = null;
      if (all) this.longestMs = 0;
      for (;;) {
        const t0 = performance.now();
        const m = this.wasm.mirror(this.cause, PIECE_CARDS);
        const told = TrayectoWasm.isUserChange(this.cause) ? m.announce : '';
        this.cause = 0;
        if (m.shape) this.build(m.shape);
        if (this.grid && this.grid.getAttribute('aria-label') !== m.grid) this.grid.setAttribute('aria-label', m.grid);
        const curves = JSON.stringify(m.curves);
        if (curves !== this.curvesShown) { this.showCurves(m.curves); this.curvesShown = curves; }
        for (const c of m.cells) {
          const td = this.cells[c.row] && this.cells[c.row][c.column];
          if (td) this.fillCell(td, c.cards);
        }
        this.markCurrent(m.selected);
        if (told) this.live.textContent = told;
        this.longestMs = Math.max(all ? this.longestMs : 0, performance.now() - t0);
        if (!m.more) return this.longestMs;
        if (!all) { this.timer = setTimeout(() => this.refresh(), 0); return this.longestMs; }
      }
    }

    // The cards selected on the canvas are the "current" ones (aria-current: a list item cannot
    // be aria-selected).
    // Called at every change of the selection (each frame of a band selection): it costs the
    // cards selected, not a search of the whole copy.
    markCurrent(ids) {
      const selected = new Set(ids);
      for (const item of this.current) if (!selected.has(item.dataset.card)) item.removeAttribute('aria-current');
      this.current = [];
      for (const id of selected) {
        const item = this.items.get(id);
        if (!item) continue;
        if (item.getAttribute('aria-current') !== 'true') item.setAttribute('aria-current', 'true');
        this.current.push(item);
      }
    }

    // The side panel changed (its fields, their values, or where the keyboard is in it), or the
    // status line did (its words are shown as a region of their own, not announced). It is
    // drawn on the canvas; the copy shows it as read-only form controls with their labels and
    // values, and says the field the keyboard moves to. At most every tenth of a second, and
    // in place while the panel keeps its fields (typing into one changes its value only).
    panelChanged() {
      if (!this.panelTimer) this.panelTimer = setTimeout(() => this.showPanel(), PANEL_MS);
    }

    showPanel() {
      this.panelTimer = null;
      const p = this.wasm.panel();
      const focused = p.items && p.items[p.focused];
      const key = focused ? `${p.focused}\t${focused.kind}\t${focused.label}` : '';
      if (key !== this.panelSaid) {
        this.panelSaid = key;
        if (p.say) this.live.textContent = p.say;
      }
      if (this.statusArea.getAttribute('aria-label') !== p.statusName) this.statusArea.setAttribute('aria-label', p.statusName);
      if (this.statusArea.textContent !== p.status) this.statusArea.replaceChildren(el('p', { text: p.status }));
      // The same fields as shown (typing into one changes its value only): values set in place.
      const items = p.items || [];
      const shape = JSON.stringify([p.name, items.map((i) => [i.kind, i.label])]);
      if (shape === this.panelShape) {
        items.forEach((item, k) => {
          const field = this.panelFields[k];
          if (!field) return;
          if (field.type === 'checkbox') field.checked = item.checked;
          else if (field.type === 'text' && field.value !== item.value) field.value = item.value;
          else if (field.tagName === 'BUTTON' && item.kind === 'tab') field.setAttribute('aria-pressed', String(item.value === 'chosen'));
        });
        return;
      }
      this.panelShape = shape;
      this.panelArea.setAttribute('aria-label', p.name);
      this.panelFields = [];
      const control = (item) => {
        const off = { tabindex: '-1' };
        let field;
        if (item.kind === 'button') field = el('button', { ...off, type: 'button', 'aria-disabled': 'true', text: item.label });
        else if (item.kind === 'tab') field = el('button', { ...off, type: 'button', 'aria-pressed': String(item.value === 'chosen'), text: item.label });
        else if (item.kind === 'check') {
          field = el('input', { ...off, type: 'checkbox', disabled: '' });
          field.checked = item.checked;
        } else {
          field = el('input', { ...off, type: 'text', readonly: '' });
          field.value = item.value;
        }
        this.panelFields.push(field);
        if (field.tagName === 'BUTTON') return field;
        return item.kind === 'check' ? el('label', {}, [field, document.createTextNode(' ' + item.label)])
                                     : el('label', {}, [document.createTextNode(item.label + ' '), field]);
      };
      this.panelArea.replaceChildren(el('ul', { role: 'list' }, items.map((item) => el('li', {}, [control(item)]))));
    }

    // The selection changed on the canvas (no change to the map): the copy says so at once.
    selectionChanged() { this.markCurrent(this.wasm.viewState().selection || []); }

    // A cell's cards, changing only what changed: a card deleted, added or reworded on a cell of
    // 80 cards touches one item, not 80 (each item rebuilt was laid out again, ~10 ms on a slow
    // laptop), and an item that keeps its card keeps the screen reader's focus.
    fillCell(td, cards) {
      let list = td.firstElementChild && td.firstElementChild.tagName === 'UL' ? td.firstElementChild : null;
      const kept = new Map();
      if (list) {
        for (const item of [...list.children]) {
          const card = item.dataset.card;
          if (this.items.get(card) === item) this.items.delete(card);
          kept.set(card, item);
        }
      }
      if (!cards.length) {
        td.replaceChildren(el('span', { text: this.noCards }));
        return;
      }
      if (!list) {
        list = el('ul', { role: 'list' });
        td.replaceChildren(list);
      }
      const wanted = new Set(cards.map((c) => c.id));
      for (const [card, item] of kept) if (!wanted.has(card)) item.remove();
      let next = list.firstElementChild;
      for (const c of cards) {
        let item = kept.get(c.id);
        // The card's text is a node of its own (read first), then what the card is.
        const about = ' (' + c.about + ')';
        if (item && (item.firstChild.textContent !== c.text || item.lastChild.textContent !== about)) {
          item.firstChild.textContent = c.text;
          item.lastChild.textContent = about;
        }
        if (!item) item = el('li', { 'data-card': c.id, tabindex: '-1' }, [el('span', { text: c.text }), el('span', { text: about })]);
        this.items.set(c.id, item);
        if (item === next) next = next.nextElementSibling;
        else list.insertBefore(item, next);
      }
    }

    // The grid and the curves, cells empty until their cards come.
    build(shape) {
      this.noCards = shape.noCards;
      this.items.clear();
      this.current = [];
      const grid = el('table', { role: 'grid', 'aria-readonly': 'true' });
      const phases = el('tr', { role: 'row' }, [el('td')]);
      for (const p of shape.phases) phases.appendChild(el('th', { role: 'columnheader', scope: 'colgroup', colspan: String(p.span), text: p.name }));
      const stages = el('tr', { role: 'row' }, [el('th', { role: 'columnheader', scope: 'col', text: shape.corner })]);
      for (const s of shape.stages) stages.appendChild(el('th', { role: 'columnheader', scope: 'col', text: s.name }));
      grid.append(el('thead', {}, [phases, stages]));
      const body = el('tbody');
      this.cells = shape.rows.map((r) => {
        const tds = shape.stages.map(() => el('td', { role: 'gridcell' }));
        body.appendChild(el('tr', { role: 'row' }, [el('th', { role: 'rowheader', scope: 'row', text: r.name }), ...tds]));
        return tds;
      });
      grid.appendChild(body);
      this.grid = grid;
      this.stageNames = shape.stages.map((s) => s.name);
      this.curvesArea = el('div');
      this.curvesShown = '';
      this.body.replaceChildren(grid, this.curvesArea);
    }

    // A table per persona: the emotion at each stage.
    showCurves(curves) {
      // Roles as well as elements: the mirror's tables are not laid out as tables (trayecto.css).
      this.curvesArea.replaceChildren(...curves.map((c) => el('table', { role: 'table', 'aria-label': c.caption }, [
        el('caption', { text: c.caption }),
        el('tr', { role: 'row' }, this.stageNames.map((name) => el('th', { role: 'columnheader', scope: 'col', text: name }))),
        el('tr', { role: 'row' }, c.values.map((v) => el('td', { role: 'cell', text: v })))])));
    }
  }

  window.TrayectoMirror = { Mirror };
})();

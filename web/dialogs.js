// The page's own HTML dialogs and banners (files, My maps, history, errors), in the app's
// language. HTML, not canvas, so screen readers and keyboards reach them. Their words come from
// the app's one catalogue (app/i18n_page.hpp), read through the wasm bridge: useCatalogue().
(function () {
  'use strict';

  // An error as one sentence: capitalised, ending with a full stop.
  const sentence = (s) => { s = String(s).trim(); s = s.charAt(0).toUpperCase() + s.slice(1); return /[.!?]$/.test(s) ? s : s + '.'; };
  // A text, or a function giving it in the language of the moment (banners re-worded on a switch).
  const worded = (v) => (typeof v === 'function' ? v() : v);

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.appendChild(c);
    return node;
  }

  class Dialogs {
    constructor(lang, container) {
      this.lang = lang;
      this.catalogue = null;   // (lang) => {key: text}, once the app runs
      this.tables = {};        // the catalogue per language, read once
      this.banners = new Map();
      this.bannerArea = el('div', { class: 'tr-banners', role: 'region', 'aria-live': 'assertive' });
      (container || document.body).appendChild(this.bannerArea);
    }

    // Where the words come from: the wasm's catalogue (WasmBridge.texts).
    useCatalogue(read) { this.catalogue = read; }

    // The catalogue's text for `key` in the current language, {1}, {2}… replaced by `args`.
    t(key, ...args) {
      if (!this.tables[this.lang] && this.catalogue) this.tables[this.lang] = this.catalogue(this.lang);
      const text = (this.tables[this.lang] || {})[key];
      if (text === undefined) { console.error(`Trayecto: no text "${key}" in the catalogue`); return key; }
      return text.replace(/\{(\d)\}/g, (m, n) => (args[n - 1] === undefined ? '' : String(args[n - 1])));
    }

    sentence(text) { return sentence(text); }

    // The app's language changed: what stays on screen (banners) is worded anew.
    setLanguage(lang) {
      if (lang === this.lang) return;
      this.lang = lang;
      for (const [key, b] of [...this.banners]) this.banner(key, b.text, b.actions);
    }

    // A modal <dialog>; resolves with the value of the button pressed (or null on Escape).
    modal(title, body, buttons) {
      return new Promise((resolve) => {
        const dialog = el('dialog', { class: 'tr-dialog', 'aria-label': title });
        const actions = el('div', { class: 'tr-actions' });
        for (const b of buttons) {
          actions.appendChild(el('button', { type: 'button', class: b.primary ? 'primary' : '', text: b.label,
            onclick: () => { dialog.close(); resolve(b.value); } }));
        }
        dialog.append(el('h2', { text: title }), body, actions);
        dialog.addEventListener('close', () => { dialog.remove(); resolve(null); });
        document.body.appendChild(dialog);
        dialog.showModal();
      });
    }

    message(title, text) {
      return this.modal(title, el('p', { class: 'tr-message', text }), [{ label: this.t('PageOk'), value: true, primary: true }]);
    }

    async confirm(title, text, yes) {
      return (await this.modal(title, el('p', { text }), [
        { label: this.t('Cancel'), value: false }, { label: yes, value: true, primary: true }])) === true;
    }

    // text and each action's label: a text, or a function of the moment's language.
    banner(key, text, actions) {
      this.hideBanner(key);
      const node = el('div', { class: 'tr-banner', role: 'alert', 'data-banner': key }, [el('span', { text: worded(text) })]);
      for (const a of actions) node.appendChild(el('button', { type: 'button', text: worded(a.label), onclick: a.action }));
      this.bannerArea.appendChild(node);
      this.banners.set(key, { node, text, actions });
    }

    hideBanner(key) {
      const banner = this.banners.get(key);
      if (banner) { banner.node.remove(); this.banners.delete(key); }
    }

    // A short notice for 4 s; returns what takes it away sooner (when what it says is over).
    toast(text) {
      const node = el('div', { class: 'tr-toast', role: 'status', text });
      document.body.appendChild(node);
      setTimeout(() => node.remove(), 4000);
      return () => node.remove();
    }

    // Asks for a password (text above the field, its label, the button that goes on): resolves to
    // what was typed, or null when cancelled. `optional`: an empty field goes on too.
    async passwordDialog(title, text, label, go, { optional = false } = {}) {
      const id = 'tr-password-' + Math.random().toString(36).slice(2, 8);
      const field = el('input', { type: 'password', id, class: 'tr-password', autocomplete: 'off' });
      const body = el('div', {}, [el('p', { text }), el('label', { for: id, text: label }), field]);
      const pressed = this.modal(title, body, [{ label: this.t('Cancel'), value: false }, { label: go, value: true, primary: true }]);
      field.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') { e.preventDefault(); body.closest('dialog').querySelector('button.primary').click(); }
      });
      setTimeout(() => field.focus(), 0);
      return (await pressed) === true && (optional || field.value) ? field.value : null;
    }

    // A link to share (a map's, or a live room's: then its own title and words).
    linkDialog(link, title = this.t('PageLinkTitle'), text = this.t('PageLinkText')) {
      const field = el('textarea', { class: 'tr-link', readonly: 'readonly', rows: '4' });
      field.value = link;
      const body = el('div', {}, [el('p', { text }), field]);
      return this.modal(title, body, [{ label: this.t('Close'), value: true, primary: true }]);
    }

    date(ms) {
      return new Date(ms).toLocaleString(this.lang === 'es' ? 'es-ES' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    }

    libraryDialog(lib) {
      const body = el('div', { class: 'tr-library' });
      const headingId = 'tr-my-maps-' + Math.random().toString(36).slice(2, 8);
      const render = (maps, bin) => {
        body.textContent = '';
        const table = el('table', { 'aria-labelledby': headingId }, [el('thead', {}, [el('tr', {}, [
          el('th', { scope: 'col', text: this.t('PageColumnTitle') }), el('th', { scope: 'col', text: this.t('ShowPersonas') }),
          el('th', { scope: 'col', text: this.t('PageColumnCards') }),
          el('th', { scope: 'col', text: this.t('PageLastChange') }), el('th', { scope: 'col', text: '' })])])]);
        const tbody = el('tbody');
        for (const m of maps) {
          const act = async (fn) => { await fn(); const [a, b] = await lib.refresh(); render(a, b); };
          tbody.appendChild(el('tr', { 'data-id': m.id }, [
            el('td', {}, [el('span', { text: (lib.isRoom(m.id) ? this.t('PageLiveEntry', m.title || '—') : m.title || '—') +
                                             (m.id === lib.current ? ` (${this.t('PageOpenNow')})` : '') }),
                          ...(m.origin ? [el('span', { class: 'tr-origin', text: this.t('PageFromFile', m.origin) })] : [])]),
            el('td', { text: String(m.personas) }), el('td', { text: m.cards === undefined ? '—' : String(m.cards) }), el('td', { class: 'tr-when', text: this.date(m.modified) }),
            el('td', { class: 'tr-row-actions' }, [
              el('button', { type: 'button', text: this.t('PageOpen'), onclick: () => { dialog.close(); lib.open(m.id); } }),
              el('button', { type: 'button', text: this.t('PageRename'), onclick: () => act(async () => {
                const title = prompt(this.t('PageNewTitle'), m.title);
                if (title) await lib.rename(m.id, title);
              }) }),
              el('button', { type: 'button', text: this.t('Duplicate'), onclick: () => act(() => lib.duplicate(m.id)) }),
              el('button', { type: 'button', text: this.t('Delete'), onclick: () => act(() => lib.remove(m.id)) }),
            ])]));
        }
        table.appendChild(tbody);
        body.appendChild(table);
        body.appendChild(el('h3', { text: this.t('PageBin') }));
        if (!bin.length) body.appendChild(el('p', { text: this.t('PageBinEmpty') }));
        for (const b of bin) {
          body.appendChild(el('div', { class: 'tr-bin-item', 'data-id': b.id }, [
            el('span', { text: `${b.title || '—'} · ${this.date(b.deletedAt)}` }),
            el('button', { type: 'button', text: this.t('PageRestore'), onclick: async () => {
              await lib.restore(b.id); const [x, y] = await lib.refresh(); render(x, y);
            } })]));
        }
      };
      const dialog = el('dialog', { class: 'tr-dialog wide', 'aria-label': this.t('PageMyMaps') });
      render(lib.maps, lib.bin);
      dialog.append(el('h2', { id: headingId, text: this.t('PageMyMaps') }), body, el('div', { class: 'tr-actions' }, [
        el('button', { type: 'button', class: 'primary', text: this.t('Close'), onclick: () => dialog.close() })]));
      dialog.addEventListener('close', () => dialog.remove());
      document.body.appendChild(dialog);
      dialog.showModal();
    }

    historyDialog(snapshots, restore) {
      const list = el('ul', { class: 'tr-history' });
      if (!snapshots.length) list.appendChild(el('li', { text: this.t('PageNoSnapshots') }));
      let dialog;
      for (const s of snapshots) {
        list.appendChild(el('li', {}, [el('span', { text: `${this.date(s.time)} · ${s.title || '—'}` }),
          el('button', { type: 'button', text: this.t('PageRestore'), onclick: () => { dialog.close(); restore(s); } })]));
      }
      dialog = el('dialog', { class: 'tr-dialog', 'aria-label': this.t('PageHistory') });
      dialog.append(el('h2', { text: this.t('PageHistory') }), list, el('div', { class: 'tr-actions' }, [
        el('button', { type: 'button', class: 'primary', text: this.t('Close'), onclick: () => dialog.close() })]));
      dialog.addEventListener('close', () => dialog.remove());
      document.body.appendChild(dialog);
      dialog.showModal();
    }
  }

  window.TrayectoDialogs = { Dialogs, el };   // el: the page scripts' one element builder
})();

// The page's own HTML dialogs and banners (files, My maps, history, errors), in Spanish and
// English. HTML, not canvas, so screen readers and keyboards reach them.
(function () {
  'use strict';

  // An error from the core as one sentence: capitalised, ending with a full stop.
  const sentence = (s) => { s = String(s).trim(); s = s.charAt(0).toUpperCase() + s.slice(1); return /[.!?]$/.test(s) ? s : s + '.'; };

  const TEXTS = {
    en: {
      openFailedTitle: 'The map could not be opened',
      openFailed: (what, error) => `“${what}” is not a map Trayecto can open. ${sentence(error)} The map you had open is unchanged.`,
      badLink: 'This link does not contain a readable map (it may be cut short).',
      linkTooLargeToOpen: (mb) => `The map in this link is larger than ${mb} MB, the most Trayecto opens, so it was not opened.`,
      linkUnopenable: (error) => `The map in this link cannot be opened. ${sentence(error)}`,
      badSource: (src) => `“${src}” is not a valid address.`,
      foreignSource: (origin) => `Maps from ${origin} are not allowed here. The site's configuration must list that origin.`,
      sourceFailed: (url, why) => `Could not fetch ${url} (${why}).`,
      sourceTooLarge: (url, mb) => `The map at ${url} is larger than ${mb} MB, the most Trayecto opens, so it was not opened.`,
      sourceTimedOut: (url, s) => `The map at ${url} did not arrive within ${s} seconds, so it was not opened.`,
      foreignRedirect: (url, origin) => `${url} sent the map on to ${origin}, and maps from there are not allowed here. The site's configuration must list that origin.`,
      notKept: 'Your changes are NOT being kept in this browser.',
      quota: 'The browser storage is full.',
      storageUnavailable: (name) => `The browser storage is unavailable (${name}); private windows and some settings block it.`,
      saveAsFile: 'Save as file', retry: 'Try again',
      otherTab: 'This map was changed in another tab or window. Your latest changes are kept here, not stored yet.',
      loadTheirs: 'Load the other version', keepMineAsCopy: 'Keep mine as a copy',
      updatedFromOtherTab: 'Updated with the changes made in another tab.',
      editingHere: 'You can edit this map here now; other tabs follow it.',
      following: 'This map is open for editing in another tab of this browser. Its changes show here as they are stored.',
      editHere: 'Edit here',
      keptAsCopy: (title) => `Another tab took this map over before your latest changes were stored: they are kept in My maps as “${title}”.`,
      dropFile: 'Drop a map file here to open it',
      unsavedTitle: 'Open another map?',
      unsavedText: 'The open map has changes that are not in a file. It stays in My maps, so nothing is lost.',
      openAnyway: 'Open', cancel: 'Cancel', close: 'Close', ok: 'OK',
      linkTooLargeTitle: 'This map is too large for a link',
      linkTooLarge: (k) => `The link would be ${k} thousand characters long: chats and browsers cut such links. Share the file instead (Map → Save as file).`,
      linkTitle: 'Link to this map', linkText: 'Anyone who opens this link gets their own copy of the map. It has been copied to the clipboard.',
      myMaps: 'My maps', noStorage: 'Maps cannot be kept in this browser right now.',
      title: 'Title', personas: 'Personas', lastChange: 'Last change', open: 'Open', rename: 'Rename',
      duplicate: 'Duplicate', delete: 'Delete', restore: 'Restore', bin: 'Bin (kept for 30 days)', emptyBin: 'The bin is empty.',
      copySuffix: ' (copy)', current: 'open now', newTitle: 'New title',
      history: 'Version history', noSnapshots: 'No earlier versions of this map yet.', restored: 'The earlier version is back; the one before it is in the history.',
      readOnly: 'This map is read-only: it cannot be replaced or changed here.',
    },
    es: {
      openFailedTitle: 'No se pudo abrir el mapa',
      openFailed: (what, error) => `«${what}» no es un mapa que Trayecto pueda abrir. ${sentence(error)} El mapa que tenías abierto no ha cambiado.`,
      badLink: 'Este enlace no contiene un mapa legible (puede que esté cortado).',
      linkTooLargeToOpen: (mb) => `El mapa de este enlace ocupa más de ${mb} MB, lo máximo que abre Trayecto, así que no se ha abierto.`,
      linkUnopenable: (error) => `El mapa de este enlace no se puede abrir. ${sentence(error)}`,
      badSource: (src) => `«${src}» no es una dirección válida.`,
      foreignSource: (origin) => `Aquí no se permiten mapas de ${origin}. La configuración del sitio debe incluir ese origen.`,
      sourceFailed: (url, why) => `No se pudo descargar ${url} (${why}).`,
      sourceTooLarge: (url, mb) => `El mapa de ${url} ocupa más de ${mb} MB, lo máximo que abre Trayecto, así que no se ha abierto.`,
      sourceTimedOut: (url, s) => `El mapa de ${url} no llegó en ${s} segundos, así que no se ha abierto.`,
      foreignRedirect: (url, origin) => `${url} redirige el mapa a ${origin}, y aquí no se permiten mapas de ese origen. La configuración del sitio debe incluirlo.`,
      notKept: 'Tus cambios NO se están guardando en este navegador.',
      quota: 'El almacenamiento del navegador está lleno.',
      storageUnavailable: (name) => `El almacenamiento del navegador no está disponible (${name}); las ventanas privadas y algunos ajustes lo bloquean.`,
      saveAsFile: 'Guardar como archivo', retry: 'Reintentar',
      otherTab: 'Este mapa se ha cambiado en otra pestaña o ventana. Tus últimos cambios siguen aquí, aún sin guardar.',
      loadTheirs: 'Cargar la otra versión', keepMineAsCopy: 'Guardar la mía como copia',
      updatedFromOtherTab: 'Actualizado con los cambios hechos en otra pestaña.',
      editingHere: 'Ya puedes editar este mapa aquí; las demás pestañas lo siguen.',
      following: 'Este mapa está abierto para editar en otra pestaña de este navegador. Sus cambios se ven aquí según se guardan.',
      editHere: 'Editar aquí',
      keptAsCopy: (title) => `Otra pestaña tomó este mapa antes de que se guardaran tus últimos cambios: están en Mis mapas como «${title}».`,
      dropFile: 'Suelta aquí un archivo de mapa para abrirlo',
      unsavedTitle: '¿Abrir otro mapa?',
      unsavedText: 'El mapa abierto tiene cambios que no están en un archivo. Sigue en Mis mapas, así que no se pierde nada.',
      openAnyway: 'Abrir', cancel: 'Cancelar', close: 'Cerrar', ok: 'Aceptar',
      linkTooLargeTitle: 'Este mapa es demasiado grande para un enlace',
      linkTooLarge: (k) => `El enlace tendría ${k} mil caracteres: los chats y navegadores cortan enlaces así. Comparte el archivo (Mapa → Guardar como archivo).`,
      linkTitle: 'Enlace a este mapa', linkText: 'Quien abra este enlace obtiene su propia copia del mapa. Se ha copiado al portapapeles.',
      myMaps: 'Mis mapas', noStorage: 'Ahora mismo no se pueden guardar mapas en este navegador.',
      title: 'Título', personas: 'Personas', lastChange: 'Último cambio', open: 'Abrir', rename: 'Renombrar',
      duplicate: 'Duplicar', delete: 'Eliminar', restore: 'Recuperar', bin: 'Papelera (se guarda 30 días)', emptyBin: 'La papelera está vacía.',
      copySuffix: ' (copia)', current: 'abierto', newTitle: 'Nuevo título',
      history: 'Historial de versiones', noSnapshots: 'Aún no hay versiones anteriores de este mapa.', restored: 'Se ha recuperado la versión anterior; la que había está en el historial.',
      readOnly: 'Este mapa es de solo lectura: aquí no se puede cambiar ni sustituir.',
    },
  };

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
      this.setLanguage(lang);
      this.banners = new Map();
      this.bannerArea = el('div', { class: 'tr-banners', role: 'region', 'aria-live': 'assertive' });
      (container || document.body).appendChild(this.bannerArea);
    }

    setLanguage(lang) {
      const table = TEXTS[lang] || TEXTS.en;
      this.t = (key, ...args) => { const v = table[key]; return typeof v === 'function' ? v(...args) : v; };
      this.lang = lang;
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
      return this.modal(title, el('p', { class: 'tr-message', text }), [{ label: this.t('ok'), value: true, primary: true }]);
    }

    async confirm(title, text, yes) {
      return (await this.modal(title, el('p', { text }), [
        { label: this.t('cancel'), value: false }, { label: yes, value: true, primary: true }])) === true;
    }

    banner(key, text, actions) {
      this.hideBanner(key);
      const node = el('div', { class: 'tr-banner', role: 'alert', 'data-banner': key }, [el('span', { text })]);
      for (const a of actions) node.appendChild(el('button', { type: 'button', text: a.label, onclick: a.action }));
      this.bannerArea.appendChild(node);
      this.banners.set(key, node);
    }

    hideBanner(key) {
      const node = this.banners.get(key);
      if (node) { node.remove(); this.banners.delete(key); }
    }

    toast(text) {
      const node = el('div', { class: 'tr-toast', role: 'status', text });
      document.body.appendChild(node);
      setTimeout(() => node.remove(), 4000);
    }

    linkDialog(link) {
      const field = el('textarea', { class: 'tr-link', readonly: 'readonly', rows: '4' });
      field.value = link;
      const body = el('div', {}, [el('p', { text: this.t('linkText') }), field]);
      return this.modal(this.t('linkTitle'), body, [{ label: this.t('close'), value: true, primary: true }]);
    }

    date(ms) {
      return new Date(ms).toLocaleString(this.lang === 'es' ? 'es-ES' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    }

    libraryDialog(lib) {
      const body = el('div', { class: 'tr-library' });
      const render = (maps, bin) => {
        body.textContent = '';
        const table = el('table', {}, [el('caption', { text: this.t('myMaps') }), el('thead', {}, [el('tr', {}, [
          el('th', { scope: 'col', text: this.t('title') }), el('th', { scope: 'col', text: this.t('personas') }),
          el('th', { scope: 'col', text: this.t('lastChange') }), el('th', { scope: 'col', text: '' })])])]);
        const tbody = el('tbody');
        for (const m of maps) {
          const act = async (fn) => { await fn(); const [a, b] = await lib.refresh(); render(a, b); };
          tbody.appendChild(el('tr', { 'data-id': m.id }, [
            el('td', { text: (m.title || '—') + (m.id === lib.current ? ` (${this.t('current')})` : '') }),
            el('td', { text: String(m.personas) }), el('td', { text: this.date(m.modified) }),
            el('td', { class: 'tr-row-actions' }, [
              el('button', { type: 'button', text: this.t('open'), onclick: () => { dialog.close(); lib.open(m.id); } }),
              el('button', { type: 'button', text: this.t('rename'), onclick: () => act(async () => {
                const title = prompt(this.t('newTitle'), m.title);
                if (title) await lib.rename(m.id, title);
              }) }),
              el('button', { type: 'button', text: this.t('duplicate'), onclick: () => act(() => lib.duplicate(m.id)) }),
              el('button', { type: 'button', text: this.t('delete'), onclick: () => act(() => lib.remove(m.id)) }),
            ])]));
        }
        table.appendChild(tbody);
        body.appendChild(table);
        body.appendChild(el('h3', { text: this.t('bin') }));
        if (!bin.length) body.appendChild(el('p', { text: this.t('emptyBin') }));
        for (const b of bin) {
          body.appendChild(el('div', { class: 'tr-bin-item', 'data-id': b.id }, [
            el('span', { text: `${b.title || '—'} · ${this.date(b.deletedAt)}` }),
            el('button', { type: 'button', text: this.t('restore'), onclick: async () => {
              await lib.restore(b.id); const [x, y] = await lib.refresh(); render(x, y);
            } })]));
        }
      };
      const dialog = el('dialog', { class: 'tr-dialog wide', 'aria-label': this.t('myMaps') });
      render(lib.maps, lib.bin);
      dialog.append(el('h2', { text: this.t('myMaps') }), body, el('div', { class: 'tr-actions' }, [
        el('button', { type: 'button', class: 'primary', text: this.t('close'), onclick: () => dialog.close() })]));
      dialog.addEventListener('close', () => dialog.remove());
      document.body.appendChild(dialog);
      dialog.showModal();
    }

    historyDialog(snapshots, restore) {
      const list = el('ul', { class: 'tr-history' });
      if (!snapshots.length) list.appendChild(el('li', { text: this.t('noSnapshots') }));
      let dialog;
      for (const s of snapshots) {
        list.appendChild(el('li', {}, [el('span', { text: `${this.date(s.time)} · ${s.title || '—'}` }),
          el('button', { type: 'button', text: this.t('restore'), onclick: () => { dialog.close(); restore(s); } })]));
      }
      dialog = el('dialog', { class: 'tr-dialog', 'aria-label': this.t('history') });
      dialog.append(el('h2', { text: this.t('history') }), list, el('div', { class: 'tr-actions' }, [
        el('button', { type: 'button', class: 'primary', text: this.t('close'), onclick: () => dialog.close() })]));
      dialog.addEventListener('close', () => dialog.remove());
      document.body.appendChild(dialog);
      dialog.showModal();
    }
  }

  window.TrayectoDialogs = { Dialogs };
})();

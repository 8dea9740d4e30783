// Trayecto.mount(element, options): one Trayecto instance inside an element of any page.
// Each instance has its own wasm module, canvas, text field and storage settings, so several can
// share a page. The full app page (index.html) is one mount; see docs/embedding.md.
//
// options: { map, src, lang, readOnly, present, persona, ui: 'full'|'minimal',
//            storage: 'none'|'local', onChange(json), onError(message), baseUrl }
// The handle (also the page's window.trayecto):
//   ready                 Promise, resolves once the first frame is drawn
//   getMap() / get()      the open map as JSON text
//   loadMap(json) / load(json)   opens a map; {ok: true} or {ok: false, error}
//   setReadOnly(bool), setLanguage('es'|'en'), destroy()
//   revision(), frameCount(), frameTimes(), heapBytes(), viewState(), locate(id), emotionPoint(p, i)
(function () {
  'use strict';

  const scriptBase = document.currentScript ? new URL('.', document.currentScript.src).href : '';
  const NAVIGATION_KEYS = new Set([8, 9, 13, 27, 32, 33, 34, 35, 36, 37, 38, 39, 40, 45, 46, 113]);
  let instances = 0;

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.appendChild(c);
    return node;
  }

  const pickLanguage = (tag) => (String(tag || navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en');

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  // Downloads several files, reporting the combined progress (0..1).
  async function fetchAll(urls, onProgress) {
    const responses = await Promise.all(urls.map((u) => fetch(u)));
    for (const r of responses) if (!r.ok) throw new Error(r.url + ': HTTP ' + r.status);
    const total = responses.reduce((sum, r) => sum + (Number(r.headers.get('Content-Length')) || 0), 0);
    let received = 0;
    return Promise.all(responses.map(async (r) => {
      if (!r.body || !total) return new Uint8Array(await r.arrayBuffer());
      const reader = r.body.getReader();
      const chunks = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        size += value.length;
        received += value.length;
        onProgress(Math.min(1, received / total));
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) { bytes.set(c, at); at += c.length; }
      return bytes;
    }));
  }

  // Optional site configuration next to the app: {"allowedSources": [...], "allowedOrigins": [...]}.
  async function loadConfig(base) {
    try {
      const r = await fetch(base + 'trayecto.config.json', { cache: 'no-cache' });
      return r.ok ? await r.json() : {};
    } catch (e) { return {}; }
  }

  const UNSUPPORTED = {
    webgl2: ['Este navegador no puede mostrar Trayecto: le falta WebGL 2. Prueba con una versión reciente de Chrome, Edge, Firefox o Safari.',
             'This browser cannot show Trayecto: it lacks WebGL 2. Try a recent Chrome, Edge, Firefox or Safari.'],
    wasm: ['Este navegador no puede ejecutar Trayecto: le falta WebAssembly. Prueba con una versión reciente de Chrome, Edge, Firefox o Safari.',
           'This browser cannot run Trayecto: it lacks WebAssembly. Try a recent Chrome, Edge, Firefox or Safari.'],
    load: ['No se pudo cargar Trayecto. Comprueba la conexión y recarga la página.',
           'Trayecto could not be loaded. Check the connection and reload the page.'],
  };

  function mount(element, options = {}) {
    const n = ++instances;
    const lang = pickLanguage(options.lang);
    const base = options.baseUrl || scriptBase;
    const canvasId = 'trayecto-canvas-' + n;
    const progress = el('progress', { max: '1', value: '0', 'aria-label': 'Cargando / Loading' });
    const loading = el('div', { class: 'tr-loading', role: 'status', 'aria-live': 'polite' }, [
      el('div', { class: 'brand', text: 'Trayecto' }), progress, el('p', { text: 'Cargando… · Loading…' })]);
    const unsupported = el('div', { class: 'tr-unsupported', role: 'alert', hidden: '' });
    const canvas = el('canvas', { id: canvasId, class: 'tr-canvas', role: 'application',
      'aria-label': lang === 'es' ? 'Mapa de experiencia del cliente' : 'Customer journey map' });
    const input = el('textarea', { class: 'tr-input', 'aria-label': lang === 'es' ? 'Entrada de texto' : 'Text input',
      autocomplete: 'off', autocorrect: 'off', autocapitalize: 'off', spellcheck: 'false', inputmode: 'none' });
    const root = el('div', { class: 'trayecto-root', lang }, [canvas, input, loading, unsupported]);
    element.appendChild(root);

    let module = null;
    let destroyed = false;
    let lastCopied = '';
    const cleanups = [];
    const listen = (target, type, fn, opts) => { target.addEventListener(type, fn, opts); cleanups.push(() => target.removeEventListener(type, fn, opts)); };
    let resolveReady, rejectReady;
    const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
    ready.catch(() => {});   // a failed start is shown in the element; callers may still await it

    const copyToHeap = (bytes) => {
      const ptr = module._malloc(Math.max(1, bytes.length));
      module.HEAPU8.set(bytes, ptr);
      return ptr;
    };
    const call = (name, ret, types, args) => module.ccall(name, ret, types, args);

    const handle = {
      ready,
      root,
      getMap() {
        if (!module) throw new Error('Trayecto has not started yet');
        return module.UTF8ToString(module._trayecto_get_map());
      },
      loadMap(json) {
        if (!module) return { ok: false, error: 'Trayecto has not started yet' };
        if (typeof json !== 'string') json = JSON.stringify(json);
        const error = call('trayecto_load_map', 'string', ['string'], [json]);
        return error ? { ok: false, error } : { ok: true };
      },
      // Opens a map from a file's bytes (bad UTF-8 is reported, not repaired).
      loadMapBytes(bytes) {
        if (!module) return { ok: false, error: 'Trayecto has not started yet' };
        const ptr = copyToHeap(bytes);
        const error = module.UTF8ToString(module._trayecto_load_map_bytes(ptr, bytes.length));
        module._free(ptr);
        return error ? { ok: false, error } : { ok: true };
      },
      get() { return handle.getMap(); },
      load(json) { return handle.loadMap(json); },
      setReadOnly(value) { if (module) module._trayecto_set_read_only(value ? 1 : 0); },
      readOnly() { return module ? module._trayecto_read_only() !== 0 : !!options.readOnly; },
      setLanguage(tag) {
        if (!module) return;
        const l = pickLanguage(tag);
        call('trayecto_set_language', null, ['string'], [l]);
        root.setAttribute('lang', l);
        if (handle.persistence) handle.persistence.ui.setLanguage(l);
      },
      revision() { return module ? module._trayecto_revision() : 0; },
      frameCount() { return module ? module._trayecto_frame_count() : 0; },
      // CPU milliseconds of each frame drawn since the last call (measured inside the wasm).
      frameTimes() {
        const s = module ? module.UTF8ToString(module._trayecto_frame_times()) : '';
        return s ? s.split(',').map(Number) : [];
      },
      heapBytes() { return module ? module._trayecto_heap_bytes() : 0; },
      // The view, not the document: {zoom, panX, panY, selection, activePersona, lang, editing}.
      viewState() { return module ? JSON.parse(module.UTF8ToString(module._trayecto_view_state())) : null; },
      // Where a card, stage or lane is drawn (CSS pixels from the canvas' corner), or null.
      locate(id) {
        const r = module ? call('trayecto_locate', 'string', ['string'], [String(id)]) : '';
        if (!r) return null;
        const [x, y, width, height] = r.split(',').map(Number);
        return { x, y, width, height };
      },
      emotionPoint(personaId, index) {
        const r = module ? call('trayecto_emotion_point', 'string', ['string', 'number'], [String(personaId), index]) : '';
        if (!r) return null;
        const [x, y] = r.split(',').map(Number);
        return { x, y };
      },
      destroy() {
        if (destroyed) return;
        destroyed = true;
        if (module) module._trayecto_stop();
        for (const c of cleanups) c();
        if (handle.persistence) handle.persistence.detach();
        root.remove();
      },
    };

    function showUnsupported(what) {
      const [es, en] = UNSUPPORTED[what];
      unsupported.textContent = '';
      unsupported.append(el('h1', { text: 'Trayecto' }), el('p', { text: es }), el('p', { text: en }));
      unsupported.hidden = false;
      loading.classList.add('done');
      rejectReady(new Error('Trayecto cannot start: ' + what));
      if (options.onError) options.onError(what);
    }

    // Keyboard, text and clipboard go through the hidden text field, never the window: the host
    // page's own fields keep working, and IME, dead keys and on-screen keyboards compose text.
    function wireKeyboard() {
      const focusInput = (e) => {
        // The canvas never takes focus itself (that would blur the field and release the button).
        if (e && e.type === 'mousedown') e.preventDefault();
        if (document.activeElement !== input) input.focus({ preventScroll: true });
      };
      listen(canvas, 'mousedown', focusInput);
      listen(canvas, 'touchend', focusInput);
      listen(input, 'focus', () => module._trayecto_focus(1));
      listen(input, 'blur', () => module._trayecto_focus(0));
      const sendKey = (e, down) => {
        let code = e.keyCode;
        if (code === 13 && e.location === 3) code = 176;   // keypad Enter
        module._trayecto_key(code, down ? 1 : 0, e.ctrlKey ? 1 : 0, e.shiftKey ? 1 : 0, e.altKey ? 1 : 0, e.metaKey ? 1 : 0);
      };
      listen(input, 'keydown', (e) => {
        if (e.isComposing || e.keyCode === 229) return;           // an IME is composing
        const command = e.ctrlKey || e.metaKey;
        const clipboardKey = command && !e.altKey && (e.keyCode === 67 || e.keyCode === 86 || e.keyCode === 88);
        if (clipboardKey && e.keyCode === 86) return;            // the paste event brings the text
        sendKey(e, true);
        if (clipboardKey) { module._trayecto_run_frames(2); return; }   // ImGui copies before the copy event
        if ((NAVIGATION_KEYS.has(e.keyCode) && e.keyCode !== 32) || (command && !e.altKey)) e.preventDefault();
      });
      listen(input, 'keyup', (e) => { if (e.keyCode !== 229) sendKey(e, false); });
      const sendText = () => {
        if (input.value) call('trayecto_text', null, ['string'], [input.value]);
        input.value = '';
      };
      listen(input, 'input', (e) => { if (!e.isComposing) sendText(); });
      listen(input, 'compositionend', sendText);
      listen(input, 'paste', (e) => {
        e.preventDefault();
        const text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
        if (text) call('trayecto_paste', null, ['string'], [text]);
      });
      const onCopy = (e) => {
        if (!lastCopied) return;
        e.preventDefault();
        e.clipboardData.setData('text/plain', lastCopied);
      };
      listen(input, 'copy', onCopy);
      listen(input, 'cut', onCopy);
      listen(window, 'blur', () => module._trayecto_focus(0));
      // The element may change size without the window doing so.
      if ('ResizeObserver' in window) {
        const observer = new ResizeObserver(() => module._trayecto_request_frame());
        observer.observe(root);
        cleanups.push(() => observer.disconnect());
      }
    }

    async function start() {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return showUnsupported('wasm');
      if (!hasWebGL2()) return showUnsupported('webgl2');
      if (typeof createTrayecto !== 'function') return showUnsupported('load');
      const dialogs = new TrayectoDialogs.Dialogs(lang, root);
      const config = options.config || await loadConfig(base);
      const persistence = new TrayectoPersistence.Persistence({ lang, options, config, dialogs, root });
      // Not enumerable: hosts and test drivers that serialise the handle must not walk into it.
      Object.defineProperty(handle, 'persistence', { value: persistence, enumerable: false });
      let files, initial;
      try {
        // Download the app while storage is opened and the first map is chosen.
        [files, initial] = await Promise.all([
          fetchAll([base + 'trayecto.wasm', base + 'fonts/DejaVuSans.ttf', base + 'fonts/DejaVuSans-Bold.ttf'],
                   (p) => { progress.value = p; }),
          persistence.prepare(),
        ]);
      } catch (e) {
        console.warn('Trayecto: download failed:', e);
        return showUnsupported('load');
      }
      if (destroyed) return undefined;
      progress.value = 1;
      let changeTimer = 0;
      module = await createTrayecto({
        canvas,
        wasmBinary: files[0],
        print: (t) => console.log(t),
        printErr: (t) => console.warn(t),
        onFirstFrame: () => { loading.classList.add('done'); resolveReady(); },
        onTextInput: (active) => {
          // The on-screen keyboard opens only while a text field is being edited.
          input.setAttribute('inputmode', active ? 'text' : 'none');
          if (active) input.focus({ preventScroll: true });
        },
        onChange: () => {
          persistence.onChange();
          if (options.onChange) {
            clearTimeout(changeTimer);
            changeTimer = setTimeout(() => { if (!destroyed) options.onChange(handle.getMap()); }, 300);
          }
        },
        onHostAction: (action) => persistence.hostAction(action),
        onCopy: (text) => {
          lastCopied = text;
          if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
        },
      });
      const regular = copyToHeap(files[1]);
      const bold = copyToHeap(files[2]);
      const started = call('trayecto_start', 'number', ['string', 'number', 'number', 'number', 'number', 'string'],
        ['#' + canvasId, regular, files[1].length, bold, files[2].length, lang]);
      module._free(regular);
      module._free(bold);
      if (!started) return showUnsupported('webgl2');
      // Before the first frame: no flash of another map.
      persistence.attach(module, handle, initial);
      if (options.readOnly) handle.setReadOnly(true);
      if (options.ui === 'minimal') module._trayecto_set_minimal_ui(1);
      if (options.persona) call('trayecto_set_persona_filter', 'number', ['string'], [String(options.persona)]);
      if (options.present) module._trayecto_set_presenting(1);
      wireKeyboard();
      if (options.focus !== false) input.focus({ preventScroll: true });
      return undefined;
    }

    start().catch((e) => { console.warn('Trayecto failed to start:', e); showUnsupported('load'); });
    return handle;
  }

  window.Trayecto = { mount };
})();

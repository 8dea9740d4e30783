// The page around the wasm app: loading screen, feature checks, keyboard and clipboard,
// and the documented bridge `window.trayecto` (see README):
//   trayecto.ready          Promise, resolves once the first frame is drawn
//   trayecto.getMap()       the open map as JSON text
//   trayecto.loadMap(json)  opens a map; returns {ok: true} or {ok: false, error: "…"}
//   trayecto.revision()     bumps on every edit, undo and redo
//   trayecto.frameCount()   frames drawn so far (the app draws only when something changes)
//   trayecto.locate(id), trayecto.emotionPoint(personaId, stageIndex)  where things are drawn
//   trayecto.frameTimes(), trayecto.heapBytes()  measurements for benchmarks
//   trayecto.viewState()    zoom, pan, selection, language: what the user is looking at
//   trayecto.setLanguage(tag)  "es" or "en"
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  const lang = (params.get('lang') || navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  document.documentElement.lang = lang;

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});   // a failed start is shown on the page; callers may still await it
  let module = null;

  const bridge = {
    ready,
    getMap() {
      if (!module) throw new Error('Trayecto has not started yet');
      return module.UTF8ToString(module._trayecto_get_map());
    },
    loadMap(json) {
      if (!module) return { ok: false, error: 'Trayecto has not started yet' };
      if (typeof json !== 'string') json = JSON.stringify(json);
      const error = module.ccall('trayecto_load_map', 'string', ['string'], [json]);
      return error ? { ok: false, error } : { ok: true };
    },
    // Opens a map from a file's bytes (used for files: bad UTF-8 is reported as such).
    loadMapBytes(bytes) {
      if (!module) return { ok: false, error: 'Trayecto has not started yet' };
      const ptr = copyToHeap(bytes);
      const error = module.UTF8ToString(module._trayecto_load_map_bytes(ptr, bytes.length));
      module._free(ptr);
      return error ? { ok: false, error } : { ok: true };
    },
    frameCount() { return module ? module._trayecto_frame_count() : 0; },
    // The document's revision: it changes with every edit, undo and redo.
    revision() { return module ? module._trayecto_revision() : 0; },
    // CPU milliseconds of each frame drawn since the last call (measured inside the wasm).
    frameTimes() {
      const s = module ? module.UTF8ToString(module._trayecto_frame_times()) : '';
      return s ? s.split(',').map(Number) : [];
    },
    // Bytes of wasm heap in use (the top of the heap).
    heapBytes() { return module ? module._trayecto_heap_bytes() : 0; },
    // The view, not the document: {zoom, panX, panY, selection, activePersona, lang, editing}.
    viewState() { return module ? JSON.parse(module.UTF8ToString(module._trayecto_view_state())) : null; },
    // Where a card, stage or lane is on screen (CSS pixels from the canvas' corner), or null.
    locate(id) {
      const r = module ? module.ccall('trayecto_locate', 'string', ['string'], [String(id)]) : '';
      if (!r) return null;
      const [x, y, width, height] = r.split(',').map(Number);
      return { x, y, width, height };
    },
    // Where a persona's emotion point at stage `index` is drawn, or null.
    emotionPoint(personaId, index) {
      const r = module ? module.ccall('trayecto_emotion_point', 'string', ['string', 'number'], [String(personaId), index]) : '';
      if (!r) return null;
      const [x, y] = r.split(',').map(Number);
      return { x, y };
    },
    setLanguage(tag) {
      if (!module) return;
      module.ccall('trayecto_set_language', null, ['string'], [String(tag)]);
      if (bridge.persistence) bridge.persistence.ui.setLanguage(String(tag).toLowerCase().startsWith('es') ? 'es' : 'en');
    },
  };
  window.trayecto = bridge;

  function showUnsupported(what) {
    const texts = {
      webgl2: ['Este navegador no puede mostrar Trayecto: le falta WebGL 2. Prueba con una versión reciente de Chrome, Edge, Firefox o Safari.',
               'This browser cannot show Trayecto: it lacks WebGL 2. Try a recent Chrome, Edge, Firefox or Safari.'],
      wasm: ['Este navegador no puede ejecutar Trayecto: le falta WebAssembly. Prueba con una versión reciente de Chrome, Edge, Firefox o Safari.',
             'This browser cannot run Trayecto: it lacks WebAssembly. Try a recent Chrome, Edge, Firefox or Safari.'],
      load: ['No se pudo cargar Trayecto. Comprueba la conexión y recarga la página.',
             'Trayecto could not be loaded. Check the connection and reload the page.'],
    }[what];
    document.getElementById('unsupported-es').textContent = texts[0];
    document.getElementById('unsupported-en').textContent = texts[1];
    document.getElementById('unsupported').hidden = false;
    document.getElementById('loading').classList.add('done');
    rejectReady(new Error('Trayecto cannot start: ' + what));
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  // Downloads several files, reporting the combined progress (0..1).
  async function fetchAll(urls, onProgress) {
    const responses = await Promise.all(urls.map((u) => fetch(u)));
    for (const r of responses) if (!r.ok) throw new Error(r.url + ': HTTP ' + r.status);
    const totals = responses.map((r) => Number(r.headers.get('Content-Length')) || 0);
    const total = totals.reduce((a, b) => a + b, 0);
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

  function copyToHeap(bytes) {
    const ptr = module._malloc(Math.max(1, bytes.length));
    module.HEAPU8.set(bytes, ptr);
    return ptr;
  }

  // ---- keyboard, text and clipboard through a hidden text field -------------------------
  const NAVIGATION_KEYS = new Set([8, 9, 13, 27, 33, 34, 35, 36, 37, 38, 39, 40, 45, 46, 113]);
  let lastCopied = '';

  function wireKeyboard(canvas, input) {
    // The canvas never takes focus itself (that would blur the text field and release the
    // mouse button the app just saw go down): keyboard focus stays on the hidden field.
    const focusInput = (e) => {
      if (e && e.type === 'mousedown') e.preventDefault();
      if (document.activeElement !== input) input.focus({ preventScroll: true });
    };
    canvas.addEventListener('mousedown', focusInput);
    canvas.addEventListener('touchend', focusInput);
    input.addEventListener('focus', () => module._trayecto_focus(1));
    input.addEventListener('blur', () => module._trayecto_focus(0));

    const sendKey = (e, down) => {
      let code = e.keyCode;
      if (code === 13 && e.location === 3) code = 176;   // keypad Enter
      module._trayecto_key(code, down ? 1 : 0, e.ctrlKey ? 1 : 0, e.shiftKey ? 1 : 0, e.altKey ? 1 : 0, e.metaKey ? 1 : 0);
    };
    input.addEventListener('keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return;           // an IME is composing
      const command = e.ctrlKey || e.metaKey;
      const clipboardKey = command && !e.altKey && (e.keyCode === 67 || e.keyCode === 86 || e.keyCode === 88);
      if (clipboardKey && e.keyCode === 86) return;            // the paste event brings the text
      sendKey(e, true);
      if (clipboardKey) {
        module._trayecto_run_frames(2);                         // ImGui copies now, before the copy event
        return;
      }
      if (NAVIGATION_KEYS.has(e.keyCode) || (command && !e.altKey)) e.preventDefault();
    });
    input.addEventListener('keyup', (e) => { if (e.keyCode !== 229) sendKey(e, false); });
    const sendText = () => {
      if (input.value) module.ccall('trayecto_text', null, ['string'], [input.value]);
      input.value = '';
    };
    input.addEventListener('input', (e) => { if (!e.isComposing) sendText(); });
    input.addEventListener('compositionend', sendText);
    input.addEventListener('paste', (e) => {
      e.preventDefault();
      const text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
      if (text) module.ccall('trayecto_paste', null, ['string'], [text]);
    });
    const onCopy = (e) => {
      if (!lastCopied) return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', lastCopied);
    };
    input.addEventListener('copy', onCopy);
    input.addEventListener('cut', onCopy);
    window.addEventListener('blur', () => module._trayecto_focus(0));
  }

  // Optional site configuration next to index.html: {"allowedSources": ["https://…"], …}.
  async function loadConfig() {
    try {
      const r = await fetch('trayecto.config.json', { cache: 'no-cache' });
      return r.ok ? await r.json() : {};
    } catch (e) { return {}; }
  }

  async function start() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return showUnsupported('wasm');
    if (!hasWebGL2()) return showUnsupported('webgl2');
    const progress = document.getElementById('progress');
    const dialogs = new TrayectoDialogs.Dialogs(lang);
    const config = await loadConfig();
    const persistence = new TrayectoPersistence.Persistence({ lang, params, config, dialogs });
    // Not enumerable: hosts and test drivers that serialise the bridge must not walk into it.
    Object.defineProperty(bridge, 'persistence', { value: persistence, enumerable: false });
    let files, initial;
    try {
      // Download the app while storage is opened and the first map is chosen.
      [files, initial] = await Promise.all([
        fetchAll(['trayecto.wasm', 'fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf'], (p) => { progress.value = p; }),
        persistence.prepare(),
      ]);
    } catch (e) {
      console.warn('Trayecto: download failed:', e);
      return showUnsupported('load');
    }
    progress.value = 1;
    const canvas = document.getElementById('canvas');
    const input = document.getElementById('text-input');
    module = await createTrayecto({
      canvas,
      wasmBinary: files[0],
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      onFirstFrame: () => {
        document.getElementById('loading').classList.add('done');
        resolveReady();
      },
      onTextInput: (active) => {
        // The on-screen keyboard opens only while a text field is being edited.
        input.setAttribute('inputmode', active ? 'text' : 'none');
        if (active) input.focus({ preventScroll: true });
      },
      onChange: () => persistence.onChange(),
      onHostAction: (action) => persistence.hostAction(action),
      onCopy: (text) => {
        lastCopied = text;
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
      },
    });
    const regular = copyToHeap(files[1]);
    const bold = copyToHeap(files[2]);
    const started = module.ccall('trayecto_start', 'number',
      ['string', 'number', 'number', 'number', 'number', 'string'],
      ['#canvas', regular, files[1].length, bold, files[2].length, lang]);
    module._free(regular);
    module._free(bold);
    if (!started) return showUnsupported('webgl2');
    persistence.attach(module, bridge, initial);   // before the first frame: no flash of another map
    wireKeyboard(canvas, input);
    input.focus({ preventScroll: true });
  }

  start().catch((e) => { console.warn('Trayecto failed to start:', e); showUnsupported('load'); });
})();

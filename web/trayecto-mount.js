// Trayecto.mount(element, options): one Trayecto instance inside an element of any page.
// Each instance has its own wasm module, canvas, text field and storage settings, so several can
// share a page. The full app page (index.html) is one mount; see docs/embedding.md.
//
// options: { map, src, lang, readOnly, present, persona, ui: 'full'|'minimal',
//            storage: 'none'|'local', onChange(json), onError(message), baseUrl, focus, room,
//            welcome (true: a first visit with no map given opens with the welcome),
//            config (object or promise: trayecto.config.json's content; fetched when absent),
//            files: {wasm, fonts: [regular, bold]} (Uint8Arrays: nothing is downloaded) }
// The handle (also the page's window.trayecto):
//   ready                 Promise, resolves (to the handle) once the first frame is drawn
//   getMap() / get()      the open map as JSON text; getMapBytes() as UTF-8 (getMapBlob() a
//                         promise of them as a Blob, written in slices); mapSummary()
//   loadMap(json) / load(json)   opens a map; {ok: true} or {ok: false, error}
//   setReadOnly(bool), readOnly(), setLanguage('es'|'en'), destroy()
//   revision(), frameCount(), busy(), frameTimes(), heapBytes(), viewState(), locate(id), emotionPoint(p, i),
//   repaint(), redrawnPixels() (the last frame drawn again whole; device pixels the last frame drew),
//   refreshMirror() (the screen reader's copy of the map brought up to date now; its longest piece, ms)
// onChange(json) is called about 300 ms after the user changes the map: not for the map the
// instance starts with, nor for maps the host opens with load().
(function () {
  'use strict';

  const scriptBase = document.currentScript && document.currentScript.src ? new URL('.', document.currentScript.src).href : '';
  const NAVIGATION_KEYS = new Set([8, 9, 13, 27, 32, 33, 34, 35, 36, 37, 38, 39, 40, 45, 46, 113]);
  let instances = 0;

  const { el } = window.TrayectoDialogs;

  const pickLanguage = (tag) => (String(tag || navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en');

  const CHANGE_DEBOUNCE_MS = 300;   // onChange comes this long after the last change
  // Cards (or other items) written per slice of a sliced save (getMapBlob): about 3 ms each on a
  // 4× slower laptop; and the bytes gathered before they become one part of the Blob.
  const SAVE_SLICE_ITEMS = 150;
  const BLOB_PART_BYTES = 1 << 18;
  // Lets the page draw and handle input, without setTimeout's clamping in hidden tabs.
  function yieldToPage() {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
      channel.port2.postMessage(null);
    });
  }
  // Start-up milestones in the performance timeline ("trayecto:context" and so on), for profiling.
  const mark = (name) => { if (performance.mark) performance.mark('trayecto:' + name); };

  // Must match trayecto_start in web/main.cpp.
  const GL_ATTRIBUTES = { alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: false,
                          preserveDrawingBuffer: true, powerPreference: 'default', failIfMajorPerformanceCaveat: false };

  // Reads a response's bytes, reporting progress (0..1) when its length is known.
  async function readBytes(response, onProgress) {
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
      onProgress(Math.min(1, size / total));
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    return bytes;
  }

  async function fetchOk(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(response.url + ': HTTP ' + response.status);
    return response;
  }

  // The wasm module, compiled while it downloads (compileStreaming compiles on background threads
  // as the bytes arrive). A copy of the response is read for the progress bar, and compiled
  // instead when streaming is refused (a server that does not send application/wasm, or a
  // browser without compileStreaming).
  async function downloadAndCompile(url, onProgress) {
    const response = await fetchOk(url);
    const bytes = readBytes(response.clone(), onProgress);
    bytes.catch(() => {});
    try {
      if (typeof WebAssembly.compileStreaming !== 'function') throw new TypeError('no compileStreaming');
      return await WebAssembly.compileStreaming(response);
    } catch (e) {
      return WebAssembly.compile(await bytes);
    }
  }

  // Optional site configuration next to the app: {"allowedSources": [...], "allowedOrigins": [...]}.
  // Anything else in the file is ignored; a missing or broken file is an empty configuration.
  function normalizeConfig(c) {
    const strings = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x.trim()).map((x) => x.trim()) : []);
    // liveServer: the live rooms' server (docs/live.md): an address, false for none, else this site's own.
    const liveServer = c && (c.liveServer === false || typeof c.liveServer === 'string') ? c.liveServer : null;
    return { allowedSources: strings(c && c.allowedSources), allowedOrigins: strings(c && c.allowedOrigins), liveServer };
  }

  async function loadConfig(base = scriptBase) {
    if (location.protocol === 'file:' || window.TrayectoInlineFiles) return normalizeConfig({});
    try {
      const r = await fetch(new URL('trayecto.config.json', base || location.href).href, { cache: 'no-cache' });
      return normalizeConfig(r.ok ? await r.json() : {});
    } catch (e) { return normalizeConfig({}); }
  }

  // The app's own files, given (single-file build, options.files) or downloaded next to the script.
  function givenFiles(files) {
    if (!files) return null;
    const bytes = (b) => (b instanceof Uint8Array ? b : b instanceof ArrayBuffer ? new Uint8Array(b) : null);
    const fonts = Array.isArray(files.fonts) ? files.fonts : files.fonts ? [files.fonts.regular, files.fonts.bold] : [];
    const list = [bytes(files.wasm), bytes(fonts[0]), bytes(fonts[1])];
    if (list.some((b) => !b)) throw new TypeError('Trayecto.mount: options.files needs {wasm, fonts: [regular, bold]} as Uint8Arrays');
    return list;
  }

  // Fonts for characters beyond the first download's Latin (web/fonts.py): pieces listed in
  // fonts/pieces.json, each fetched the first time text needs a character it holds; the wasm
  // bakes them in before its next frame. Nothing is fetched for maps in Latin script.
  class GlyphPieces {
    constructor(base, wasm) {
      this.base = base;
      this.wasm = wasm;
      this.list = null;        // promise of pieces.json
      this.loads = new Map();  // file → promise of it being handed to the wasm
      this.pending = 0;        // requests under way (the handle's busy() waits for them)
    }

    static holds(runs, c) {   // runs: sorted [first, last] pairs
      let lo = 0, hi = runs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (c < runs[mid][0]) hi = mid - 1; else if (c > runs[mid][1]) lo = mid + 1; else return true;
      }
      return false;
    }

    async need(codepoints) {
      this.pending++;
      try {
        if (!this.list) this.list = fetchOk(this.base + 'fonts/pieces.json').then((r) => r.json());
        let list;
        try { list = await this.list; } catch (e) { this.list = null; throw e; }
        const wanted = list.map((piece, order) => ({ piece, order }))
          .filter(({ piece }) => codepoints.some((c) => GlyphPieces.holds(piece.codepoints, c)));
        if (!wanted.length) return;   // no piece has them: they stay '?'
        await Promise.all(wanted.map(({ piece, order }) => {
          if (!this.loads.has(piece.file)) {
            const load = fetchOk(this.base + 'fonts/' + piece.file).then((r) => r.arrayBuffer())
              .then((b) => { if (this.wasm) this.wasm.addGlyphPiece(new Uint8Array(b), order); });
            load.catch(() => this.loads.delete(piece.file));   // asked again next time
            this.loads.set(piece.file, load);
          }
          return this.loads.get(piece.file);
        }));
        if (this.wasm) this.wasm.rebakeFonts();
      } catch (e) {
        console.warn('Trayecto: fonts for some characters could not be loaded:', e);
      } finally {
        this.pending--;
      }
    }
  }

  const UNSUPPORTED = {
    webgl2: ['Este navegador no puede mostrar Trayecto: le falta WebGL 2. Prueba con una versión reciente de Chrome, Edge, Firefox o Safari.',
             'This browser cannot show Trayecto: it lacks WebGL 2. Try a recent Chrome, Edge, Firefox or Safari.'],
    wasm: ['Este navegador no puede ejecutar Trayecto: le falta WebAssembly. Prueba con una versión reciente de Chrome, Edge, Firefox o Safari.',
           'This browser cannot run Trayecto: it lacks WebAssembly. Try a recent Chrome, Edge, Firefox or Safari.'],
    load: ['No se pudo cargar Trayecto. Comprueba la conexión y recarga la página.',
           'Trayecto could not be loaded. Check the connection and reload the page.'],
    file: ['Esta página no puede cargar Trayecto desde el disco. Abre trayecto.html (el archivo único) o sirve la carpeta dist/ con un servidor web.',
           'This page cannot load Trayecto from disk. Open trayecto.html (the single file) or serve the dist/ folder with a web server.'],
  };

  function mount(element, options = {}) {
    if (!element || element.nodeType !== 1) throw new TypeError('Trayecto.mount(element, options): element must be a DOM element');
    const n = ++instances;
    const lang = pickLanguage(options.lang);
    const base = options.baseUrl || scriptBase || location.href;
    // Unique on the page even when the script is loaded twice.
    const canvasId = 'trayecto-canvas-' + n + '-' + Math.random().toString(36).slice(2, 8);
    const progress = el('progress', { max: '1', value: '0', 'aria-label': 'Cargando / Loading' });
    const loading = el('div', { class: 'tr-loading', role: 'status', 'aria-live': 'polite' }, [
      el('div', { class: 'brand', text: 'Trayecto' }), progress, el('p', { text: 'Cargando… · Loading…' })]);
    const unsupported = el('div', { class: 'tr-unsupported', role: 'alert', hidden: '' });
    // (Their labels come from the catalogue once the app runs: showLanguage.)
    const canvas = el('canvas', { id: canvasId, class: 'tr-canvas', role: 'application' });
    const input = el('textarea', { class: 'tr-input',
      autocomplete: 'off', autocorrect: 'off', autocapitalize: 'off', spellcheck: 'false', inputmode: 'none' });
    const root = el('div', { class: 'trayecto-root', lang }, [canvas, input, loading, unsupported]);
    element.appendChild(root);

    let module = null;
    let destroyed = false;
    let lastCopied = '';
    let finalMap = null;          // the map as it was when the instance was destroyed
    let finalRevision = 0;        // and its revision
    let hostRevision = -1;        // the revision of the map the host knows already (the first one, its own load)
    let changeTimer = 0;
    let slicedSave = null;   // the getMapBlob() under way
    const cleanups = [];
    const listen = (target, type, fn, opts) => { target.addEventListener(type, fn, opts); cleanups.push(() => target.removeEventListener(type, fn, opts)); };
    let resolveReady, rejectReady;
    const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
    ready.catch(() => {});   // a failed start is shown in the element; callers may still await it

    let wasm = null;   // TrayectoWasm.WasmBridge: every call into the wasm goes through it
    let live = null;   // TrayectoLive.Live: the live room, once the app runs
    let glyphs = null; // GlyphPieces, when the app's files are served (not given inline)
    const running = () => wasm && !destroyed;
    const notRunning = () => (destroyed ? 'This Trayecto instance was destroyed' : 'Trayecto has not started yet');

    // Opens a map without telling the host (persistence's own opens; `source`: TrayectoWasm.SOURCE).
    function openText(json, source = TrayectoWasm.SOURCE.elsewhere) {
      if (!running()) return { ok: false, error: notRunning() };
      if (typeof json !== 'string' && !(json instanceof Uint8Array)) {
        try { json = JSON.stringify(json); } catch (e) { return { ok: false, error: 'The map is not JSON: ' + e.message }; }
        if (typeof json !== 'string') return { ok: false, error: 'The map is missing.' };
      }
      // As bytes with their length: any size up to the loader's limit, and a NUL inside is an error, not an end.
      const error = wasm.open(json, source);
      return error ? { ok: false, error } : { ok: true };
    }

    const handle = {
      ready,
      root,
      getMap() {
        if (destroyed && finalMap !== null) return finalMap;
        if (!running()) throw new Error(notRunning());
        return wasm.getMap();
      },
      // The open map as UTF-8 bytes (what autosave stores).
      getMapBytes() {
        if (!running()) throw new Error(notRunning());
        return wasm.getMapBytes();
      },
      // The same bytes as a Blob, written a slice at a time with the page free to draw and take
      // input in between (begins again if the map changes meanwhile). One at a time: callers
      // share it. A Blob, not bytes: IndexedDB stores a Blob without cloning it on the main
      // thread, and each slice's part is made while the others wait for frames.
      getMapBlob() {
        if (!running()) return Promise.reject(new Error(notRunning()));
        if (!slicedSave) {
          slicedSave = (async () => {
            for (;;) {
              wasm.saveBegin();
              const revision = wasm.revision();
              // Slices' bytes gathered into parts of about BLOB_PART_BYTES: making a Blob costs
              // 1-2 ms of a slow laptop whatever its size, copying bytes next to nothing.
              const parts = [];
              let pending = [], pendingBytes = 0, written = 0, step;
              const takePart = (last) => {
                const { bytes, end } = wasm.savedSince(written);
                written = end;
                pending.push(bytes);
                pendingBytes += bytes.length;
                if (!last && pendingBytes < BLOB_PART_BYTES) return;
                parts.push(new Blob(pending));
                pending = [];
                pendingBytes = 0;
              };
              while ((step = wasm.saveStep(SAVE_SLICE_ITEMS)) === 0) {
                takePart(false);
                await yieldToPage();
                // Destroyed meanwhile (destroy() flushes a last save): the map it kept.
                if (destroyed && finalMap !== null) return Object.assign(new Blob([finalMap]), { revision: finalRevision });
                if (!running()) throw new Error(notRunning());
              }
              // The text, and the revision it is of (the clean mark a finished write sets).
              if (step === 1) {
                takePart(true);
                wasm.saveEnd();
                return Object.assign(new Blob(parts, { type: 'application/json' }), { revision });
              }
            }
          })().finally(() => { slicedSave = null; });
        }
        return slicedSave;
      },
      // {title, personas, cards} of the open map, without serialising it.
      mapSummary() {
        if (!running()) throw new Error(notRunning());
        return wasm.summary();
      },
      // Opens a map for the host: replaces the open one (also in a read-only instance). The host
      // gets no onChange for it.
      loadMap(json) {
        const result = openText(json);
        if (result.ok) { hostRevision = handle.revision(); clearTimeout(changeTimer); }
        return result;
      },
      // Opens a map from a file's bytes (bad UTF-8 is reported, not repaired).
      loadMapBytes(bytes) { return openText(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)); },
      get() { return handle.getMap(); },
      load(json) { return handle.loadMap(json); },
      setReadOnly(value) { if (running()) wasm.setReadOnly(value); },
      readOnly() { return running() ? wasm.readOnly() : !!options.readOnly; },
      setLanguage(tag) {
        if (!running()) return;
        const l = pickLanguage(tag);
        wasm.setLanguage(l);   // the app then says so (language-changed): showLanguage
        showLanguage(l);
      },
      revision() { return running() ? wasm.revision() : 0; },
      frameCount() { return running() ? wasm.frameCount() : 0; },
      // The last frame drawn again, whole, not only what changed since the one before;
      // redrawnPixels(): how many device pixels the last frame drew (for tests and the benchmark).
      repaint() { if (running()) wasm.repaint(); },
      redrawnPixels() { return running() ? wasm.redrawnPixels() : 0; },
      // True while input is still being applied or frames are owed: false once the app is idle.
      busy() { return running() ? wasm.busy() || (glyphs !== null && glyphs.pending > 0) : false; },
      // Characters of the open map's text the fonts cannot show yet (code points): for tests.
      missingGlyphs() { return running() ? wasm.missingGlyphs() : []; },
      // CPU milliseconds of each frame drawn since the last call (measured inside the wasm).
      frameTimes() { return running() ? wasm.frameTimes() : []; },
      heapBytes() { return running() ? wasm.heapUsed() : 0; },
      // The view, not the document: {zoom, panX, panY, selection, activePersona, lang, editing,
      // showMinimap, personaFilter, renaming, ...}.
      viewState() { return running() ? wasm.viewState() : null; },
      // Where a card, stage or lane is drawn (CSS pixels from the canvas' corner), or null.
      locate(id) { return running() ? wasm.locate(id) : null; },
      // Where a widget of the UI is drawn (CSS pixels from the canvas' corner), by its text or ##id.
      locateWidget(text) { return running() ? wasm.locateWidget(text) : null; },
      // The screen-reader mirror brought up to date now; ms its last refresh took (tests, bench).
      refreshMirror() { return mirror ? mirror.refresh(true) : null; },
      emotionPoint(personaId, index) { return running() ? wasm.emotionPoint(personaId, index) : null; },
      // Removes the instance: its element, listeners and GPU context. Unsaved changes are
      // written to browser storage first (storage: 'local'); getMap() still returns the last map.
      destroy() {
        if (destroyed) return;
        if (module) { try { finalMap = handle.getMap(); finalRevision = handle.revision(); } catch (e) { /* not started */ } }
        if (live) live.destroy();
        if (handle.persistence) handle.persistence.detach();
        destroyed = true;
        clearTimeout(changeTimer);
        if (mirror) clearTimeout(mirror.timer);
        if (glyphs) glyphs.wasm = null;
        if (wasm) wasm.stop();
        for (const c of cleanups) c();
        try {
          const gl = canvas.getContext('webgl2');
          const lose = gl && gl.getExtension('WEBGL_lose_context');
          if (lose) lose.loseContext();
        } catch (e) { /* no context */ }
        root.remove();
        rejectReady(new Error('This Trayecto instance was destroyed'));
      },
    };

    // The page around the canvas speaks the app's language: set at start, and again whenever it
    // changes (the app's Language menu, or the host's setLanguage).
    let dialogs = null;
    let mirror = null;   // the screen reader's copy of the map (a11y-mirror.js)
    function showLanguage(l) {
      root.setAttribute('lang', l);
      if (!dialogs) return;
      dialogs.setLanguage(l);
      canvas.setAttribute('aria-label', dialogs.t('PageCanvasLabel'));
      input.setAttribute('aria-label', dialogs.t('PageTextInputLabel'));
    }

    function showUnsupported(what) {
      if (destroyed) return;
      const [es, en] = UNSUPPORTED[what];
      unsupported.textContent = '';
      unsupported.append(el('h1', { text: 'Trayecto' }), el('p', { text: es }), el('p', { text: en }));
      unsupported.hidden = false;
      loading.classList.add('done');
      rejectReady(new Error('Trayecto cannot start: ' + what));
      if (options.onError) options.onError('unsupported: ' + what);
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
      listen(input, 'focus', () => wasm.focus(true));
      listen(input, 'blur', () => wasm.focus(false));
      const sendKey = (e, down) => {
        let code = e.keyCode;
        if (code === 13 && e.location === 3) code = 176;   // keypad Enter
        wasm.key(code, down, e);
      };
      listen(input, 'keydown', (e) => {
        if (e.isComposing || e.keyCode === 229) return;           // an IME is composing
        const command = e.ctrlKey || e.metaKey;
        const clipboardKey = command && !e.altKey && (e.keyCode === 67 || e.keyCode === 86 || e.keyCode === 88);
        if (clipboardKey && e.keyCode === 86) return;            // the paste event brings the text
        sendKey(e, true);
        if (clipboardKey) { wasm.runFrames(2); return; }   // ImGui copies before the copy event
        if ((NAVIGATION_KEYS.has(e.keyCode) && e.keyCode !== 32) || (command && !e.altKey)) e.preventDefault();
      });
      listen(input, 'keyup', (e) => { if (e.keyCode !== 229) sendKey(e, false); });
      const sendText = () => {
        if (input.value) wasm.typed(input.value);
        input.value = '';
      };
      listen(input, 'input', (e) => { if (!e.isComposing) sendText(); });
      listen(input, 'compositionend', sendText);
      listen(input, 'paste', (e) => {
        e.preventDefault();
        const text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
        if (text) wasm.paste(text);
      });
      const onCopy = (e) => {
        if (!lastCopied) return;
        e.preventDefault();
        e.clipboardData.setData('text/plain', lastCopied);
      };
      listen(input, 'copy', onCopy);
      listen(input, 'cut', onCopy);
      listen(window, 'blur', () => wasm.focus(false));
      // The element may change size without the window doing so.
      if ('ResizeObserver' in window) {
        const observer = new ResizeObserver(() => wasm.requestFrame());
        observer.observe(root);
        cleanups.push(() => observer.disconnect());
      }
    }

    async function start() {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return showUnsupported('wasm');
      if (typeof createTrayecto !== 'function') return showUnsupported('load');
      // The downloads start first (index.html preloads them): the configuration, the storage and
      // WebGL 2 (trayecto_start fails without it) are checked while they arrive.
      const given = givenFiles(options.files || window.TrayectoInlineFiles);
      const fonts = given ? Promise.resolve(given.slice(1))
        : Promise.all(['fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf'].map((f) =>
          fetchOk(base + f).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b))));
      // Compiled while it arrives, as the storage and the first map are prepared.
      const compiled = (given ? WebAssembly.compile(given[0]) : downloadAndCompile(base + 'trayecto.wasm', (p) => { progress.value = p; }))
        .then((m) => { mark('compiled'); return m; });
      fonts.catch(() => {});   // reported below, once awaited
      compiled.catch(() => {});
      dialogs = new TrayectoDialogs.Dialogs(lang, root);
      // The configuration is requested now too (options.config may be a promise, or absent).
      const fetchConfig = () => (given ? {} : loadConfig(base));
      const config = Promise.resolve(options.config !== undefined ? options.config : fetchConfig())
        .then((c) => c || fetchConfig()).then(normalizeConfig);
      const persistence = new TrayectoPersistence.Persistence({ lang, options, config, dialogs, root });
      // Not enumerable: hosts and test drivers that serialise the handle must not walk into it.
      Object.defineProperty(handle, 'persistence', { value: persistence, enumerable: false });
      // Storage is opened and the first map chosen while the app downloads and starts.
      const prepared = persistence.prepare();
      prepared.catch(() => {});
      // The WebGL 2 context is made now, on the app's own canvas and with the attributes
      // trayecto_start asks for (a canvas keeps its first context: the wasm's request then gets
      // this one): its ~100 ms on the main thread overlap the downloads, the configuration and
      // the storage instead of following them. The canvas is sized first, as trayecto_start
      // would size it (CSS size x devicePixelRatio): resizing it later waits for the GPU process.
      const box = canvas.getBoundingClientRect();
      const ratio = Math.min(4, Math.max(0.5, window.devicePixelRatio || 1));
      canvas.width = Math.round(box.width * ratio);
      canvas.height = Math.round(box.height * ratio);
      if (!canvas.getContext('webgl2', GL_ATTRIBUTES)) return showUnsupported('webgl2');
      mark('context');
      let fontFiles;
      try {
        [fontFiles] = await Promise.all([fonts, compiled]);
      } catch (e) {
        console.warn('Trayecto: download failed:', e);
        return showUnsupported(location.protocol === 'file:' ? 'file' : 'load');
      }
      if (destroyed) return undefined;
      progress.value = 1;
      const created = await createTrayecto({
        canvas,
        instantiateWasm: (imports, receive) => {
          compiled.then((m) => WebAssembly.instantiate(m, imports)).then((instance) => receive(instance), (e) => {
            console.warn('Trayecto: the app could not be instantiated:', e);
            showUnsupported('load');
          });
          return {};   // exports arrive through receive()
        },
        print: (t) => console.log(t),
        printErr: (t) => console.warn(t),
        onFirstFrame: () => {
          if (!root.getBoundingClientRect().height) {
            console.warn('Trayecto.mount: the element has no height, so the map cannot be seen. Give it one ' +
                         '(for example height: 600px) and load trayecto.css.');
          }
          mark('first-frame');
          hostRevision = handle.revision();   // the map the instance starts with is no change
          loading.classList.add('done');
          resolveReady(handle);
        },
        onRendererFailed: () => showUnsupported('webgl2'),
        onTextInput: (active) => {
          // The on-screen keyboard opens only while a text field is being edited.
          input.setAttribute('inputmode', active ? 'text' : 'none');
          if (active) {
            input.focus({ preventScroll: true });
            // The caret in the field: a dialog closed just before gives the focus back without
            // one, and then typed keys arrive with no text (seen after Escape on the live link).
            input.setSelectionRange(input.value.length, input.value.length);
          }
        },
        onSelectionChanged: () => {
          if (destroyed) return;
          if (mirror) mirror.selectionChanged();
          if (live) live.selectionChanged();
        },
        onPanelChanged: () => { if (!destroyed && mirror) mirror.panelChanged(); },
        // The banners step aside while a menu, combo or dialog of the app is open (trayecto.css).
        onPopupOpen: (open) => { if (!destroyed) root.classList.toggle('tr-menu-open', open); },
        onChange: (revision, cause) => {
          if (destroyed) return;
          persistence.onChange(cause);
          if (live) live.changed(cause);
          if (mirror) mirror.changed(cause);
          // The host hears of what the user did (edits, undo, redo, a file or template opened in the
          // app): not of the map it started with or loaded itself, nor of another tab's versions.
          const opened = cause === TrayectoWasm.CAUSE.open && hostRevision >= 0 && revision !== hostRevision;
          if (options.onChange && (TrayectoWasm.isUserChange(cause) || opened)) {
            clearTimeout(changeTimer);
            // (Tests lengthen the wait where the debounce itself is the subject.)
            changeTimer = setTimeout(() => { if (!destroyed) options.onChange(handle.getMap()); },
              window.__trayectoChangeDebounceMs ?? CHANGE_DEBOUNCE_MS);
          }
        },
        onHostAction: (action) => {
          const name = wasm.hostActionName(action);
          if (name === 'language-changed') {
            if (mirror) mirror.changed(TrayectoWasm.CAUSE.none);
            return showLanguage(wasm.language());
          }
          if (name.startsWith('live-')) return live && live.hostAction(name);
          return persistence.hostAction(name);
        },
        // Given files (single file, options.files) bring no pieces: such characters stay '?'.
        onNeedGlyphs: (codepoints) => { if (glyphs) glyphs.need(codepoints); },
        onCopy: (text) => {
          lastCopied = text;
          if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
        },
      });
      if (destroyed) return undefined;
      module = created;
      wasm = new TrayectoWasm.WasmBridge(module);
      dialogs.useCatalogue((l) => wasm.texts(l));
      if (!given) glyphs = new GlyphPieces(base, wasm);
      mark('runtime');
      wasm.holdFrames(true);   // nothing is drawn before the first map is chosen
      const started = wasm.start('#' + canvasId, fontFiles[0], fontFiles[1], lang);
      if (!started) return showUnsupported('webgl2');
      showLanguage(lang);
      mark('started');
      // Read-only before anything can reach the map (a read-only instance never edits, not even
      // through its first frame).
      if (options.readOnly) handle.setReadOnly(true);
      let initial;
      try {
        initial = await prepared;
      } catch (e) {
        console.warn('Trayecto: the first map could not be chosen:', e);
        initial = { source: 'first-run' };
      }
      if (destroyed) return undefined;
      mark('prepared');
      // Persistence opens its maps through a bridge whose loads are not the host's (no onChange filter).
      const bridge = Object.create(handle, { loadMap: { value: openText } });
      // Before the first frame: no flash of another map.
      persistence.attach(wasm, bridge, initial);
      live = new TrayectoLive.Live({ persistence, wasm, ui: dialogs, root, config, base });
      Object.defineProperty(handle, 'live', { value: live, enumerable: false });   // read by tests
      persistence.onLeaveMap = () => live.leave();
      if (options.room) live.join(options.room);   // the host's room; its page's address is its own
      else {
        live.joinFromLink();
        listen(window, 'hashchange', () => live.joinFromLink());
      }
      if (options.ui === 'minimal') wasm.setMinimalUi(true);
      if (options.persona) wasm.setPersonaFilter(options.persona);
      if (options.present) wasm.setPresenting(true);
      wasm.holdFrames(false);
      wasm.runFrames(1);   // the first frame now, not at the next animation frame
      mirror = new TrayectoMirror.Mirror(root, wasm);
      mirror.changed(TrayectoWasm.CAUSE.open);
      mirror.panelChanged();   // the panel and status line as they are (told before the copy existed)
      wireKeyboard();
      if (options.focus) input.focus({ preventScroll: true });
      return undefined;
    }

    start().catch((e) => { console.warn('Trayecto failed to start:', e); showUnsupported('load'); });
    return handle;
  }

  window.Trayecto = { mount, loadConfig };
})();

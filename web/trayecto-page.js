// The full-page app (index.html): one Trayecto instance filling the window, configured from
// the URL, exposed as window.trayecto, and — inside an iframe — driven by its host through
// postMessage (docs/embedding.md).
//
// URL parameters: lang=es|en, readonly=1, present=1, src=URL, persona=ID, storage=none|local,
// ui=minimal, origin=https://host.example[,https://other.example] (origins whose messages are
// accepted; also "allowedOrigins" in trayecto.config.json). The fragment #map=… carries a shared map.
//
// Trust: an origin listed in trayecto.config.json (chosen by whoever runs the site) may drive
// any instance. An origin named only in ?origin= (chosen by whoever wrote the iframe's address,
// possibly any page on the web) may drive an instance only when it holds nothing but what the
// host gave it or the user typed: no browser storage (storage=none, the default then) and no
// src= map fetched with the user's credentials.
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  const flag = (name) => ['1', 'true', 'yes'].includes((params.get(name) || '').toLowerCase());
  const lang = (params.get('lang') || navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  document.documentElement.lang = lang;
  const embedded = window.parent !== window;

  const MAX_QUEUED = 32;                    // messages kept while the app starts
  const ORIGIN = /^https?:\/\/[^/\s]+$/;
  // "https://host.example:443/" → "https://host.example", as browsers write event.origin.
  const normalOrigin = (o) => {
    o = String(o).trim().replace(/\/+$/, '');
    try { return ORIGIN.test(o) ? new URL(o).origin : null; } catch (e) { return null; }
  };
  const originList = (text) => String(text || '').split(',').map(normalOrigin).filter(Boolean);

  // Storage: explicit storage=none|local wins; otherwise read-only viewers and iframes driven by
  // an ?origin= host keep nothing in the browser.
  const paramOrigins = originList(params.get('origin'));
  const storageParam = params.get('storage');
  const storage = storageParam === 'none' || storageParam === 'local' ? storageParam
    : (flag('readonly') || (embedded && paramOrigins.length)) ? 'none' : 'local';
  const src = params.get('src') || undefined;

  let allowedOrigins = null;    // known once the configuration is read
  let started = false;          // ready has resolved
  const queue = [];

  function post(message) {
    if (!embedded || !allowedOrigins) return;
    for (const origin of allowedOrigins) {
      // Delivered only if the parent really is at `origin`.
      try { window.parent.postMessage({ source: 'trayecto', ...message }, origin); } catch (e) { /* bad origin */ }
    }
  }

  const config = embedded ? Trayecto.loadConfig() : undefined;
  const trayecto = Trayecto.mount(document.getElementById('app'), {
    lang,
    storage,
    src,
    fragment: location.hash,
    readOnly: flag('readonly'),
    present: flag('present'),
    persona: params.get('persona') || undefined,
    ui: params.get('ui') === 'minimal' ? 'minimal' : 'full',
    // A first visit opens with the welcome, unless the page only shows a map.
    welcome: !flag('readonly') && !flag('present') && params.get('ui') !== 'minimal',
    focus: !embedded,   // a frame does not take the keyboard from its host page until clicked
    config,
    // Only a host is told of changes: outside a frame nobody listens, and each call serialises the map.
    onChange: embedded ? (json) => post({ type: 'change', revision: trayecto.revision(), map: json }) : undefined,
    onError: (message) => { if (started) post({ type: 'error', message }); },   // a failed start: see listen()
  });
  window.trayecto = trayecto;

  // ---- the postMessage API (only inside an iframe, only from the parent, only from allowed origins)
  const requestIdOf = (data) => (typeof data.requestId === 'string' && data.requestId.length <= 200) ||
    (typeof data.requestId === 'number' && Number.isFinite(data.requestId)) ? data.requestId : undefined;

  function handle(data) {
    const reply = (message) => post({ ...message, requestId: requestIdOf(data) });
    switch (data.type) {
      case 'load': {
        let map = data.map;
        if (map !== null && typeof map === 'object' && !Array.isArray(map)) {
          try { map = JSON.stringify(map); } catch (e) { map = undefined; }
        }
        if (typeof map !== 'string' || !map) return reply({ type: 'error', message: 'load: "map" must be the map as JSON text or an object.' });
        if (map.length > TrayectoWasm.MAX_MAP_BYTES) return reply({ type: 'error', message: `load: the map is larger than ${TrayectoWasm.MAX_MAP_BYTES / (1024 * 1024)} MB.` });
        const result = trayecto.loadMap(map);
        return reply(result.ok ? { type: 'loaded', ok: true, revision: trayecto.revision() } : { type: 'error', message: result.error });
      }
      case 'get': return reply({ type: 'map', map: trayecto.getMap(), revision: trayecto.revision() });
      case 'set-read-only':
        if (typeof data.value !== 'boolean') return undefined;
        trayecto.setReadOnly(data.value);
        return reply({ type: 'read-only', value: trayecto.readOnly() });
      case 'set-language':
        if (data.lang !== 'es' && data.lang !== 'en') return undefined;
        trayecto.setLanguage(data.lang);
        document.documentElement.lang = data.lang;
        return reply({ type: 'language', lang: data.lang });
      default: return undefined;   // unknown types are ignored
    }
  }

  function accept(event) {
    if (event.source !== window.parent || !allowedOrigins.includes(event.origin)) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.type !== 'string') return;
    if (data.source === 'trayecto') return;   // our own kind of message, not a request
    try { handle(data); } catch (e) { post({ type: 'error', message: String((e && e.message) || e) }); }
  }

  async function listen() {
    // Listen at once, so a host that sends before "ready" is not ignored: requests wait for the start.
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent) return;   // siblings, popups, other windows: never
      if (!started) { if (queue.length < MAX_QUEUED) queue.push(event); return; }
      accept(event);
    });
    const site = (await config).allowedOrigins.map(normalOrigin).filter(Boolean);
    let fromParam = paramOrigins.filter((o) => !site.includes(o));
    if (fromParam.length && (storage === 'local' || src)) {
      console.warn('Trayecto: ?origin=' + fromParam.join(',') + ' is ignored because this instance ' +
        (src ? 'fetches src=' + src : 'uses browser storage') + '. List the origin in trayecto.config.json ' +
        '("allowedOrigins") or use storage=none and send the map with a "load" message.');
      fromParam = [];
    }
    allowedOrigins = [...site, ...fromParam];
    try {
      await trayecto.ready;
    } catch (e) {
      post({ type: 'error', message: String((e && e.message) || e) });
      return;
    }
    started = true;
    post({ type: 'ready', version: 1, readOnly: trayecto.readOnly(), lang: trayecto.viewState().lang });
    for (const event of queue.splice(0)) accept(event);
  }
  if (embedded) listen();
})();

// The full-page app (index.html): one Trayecto instance filling the window, configured from
// the URL, exposed as window.trayecto, and — inside an iframe — driven by its host through
// postMessage (docs/embedding.md).
//
// URL parameters: lang=es|en, readonly=1, present=1, src=URL, persona=ID, storage=none|local,
// ui=minimal, origin=https://host.example (origins whose messages are accepted; also
// "allowedOrigins" in trayecto.config.json). The fragment #map=… carries a shared map.
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  const flag = (name) => ['1', 'true', 'yes'].includes((params.get(name) || '').toLowerCase());
  const lang = (params.get('lang') || navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  document.documentElement.lang = lang;
  const embedded = window.parent !== window;

  const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;   // the loader's own limit
  let config = {};
  let allowedOrigins = [];
  let changeTimer = 0;

  function post(message) {
    if (!embedded) return;
    for (const origin of allowedOrigins) {
      try { window.parent.postMessage({ source: 'trayecto', ...message }, origin); } catch (e) { /* bad origin string */ }
    }
  }

  const trayecto = Trayecto.mount(document.getElementById('app'), {
    lang,
    storage: params.get('storage') === 'none' ? 'none' : 'local',
    src: params.get('src') || undefined,
    fragment: location.hash,
    readOnly: flag('readonly'),
    present: flag('present'),
    persona: params.get('persona') || undefined,
    ui: params.get('ui') === 'minimal' ? 'minimal' : 'full',
    onChange: (json) => {
      clearTimeout(changeTimer);
      changeTimer = setTimeout(() => post({ type: 'change', revision: trayecto.revision(), map: json }), 200);
    },
    onError: (message) => post({ type: 'error', message }),
  });
  window.trayecto = trayecto;

  // ---- the postMessage API (only inside an iframe, only from the parent, only from listed origins)
  function handle(data) {
    const reply = (message) => post({ ...message, requestId: data.requestId });
    switch (data.type) {
      case 'load': {
        const map = typeof data.map === 'string' ? data.map : JSON.stringify(data.map);
        if (typeof map !== 'string' || map.length > MAX_MESSAGE_BYTES) return reply({ type: 'error', message: 'The map is missing or too large.' });
        const result = trayecto.loadMap(map);
        return reply(result.ok ? { type: 'loaded', ok: true } : { type: 'error', message: result.error });
      }
      case 'get': return reply({ type: 'map', map: trayecto.getMap(), revision: trayecto.revision() });
      case 'set-read-only':
        if (typeof data.value !== 'boolean') return undefined;
        trayecto.setReadOnly(data.value);
        return reply({ type: 'read-only', value: trayecto.readOnly() });
      case 'set-language':
        if (data.lang !== 'es' && data.lang !== 'en') return undefined;
        trayecto.setLanguage(data.lang);
        return reply({ type: 'language', lang: data.lang });
      default: return undefined;   // unknown types are ignored
    }
  }

  async function listen() {
    try {
      const r = await fetch('trayecto.config.json', { cache: 'no-cache' });
      if (r.ok) config = await r.json();
    } catch (e) { /* no configuration */ }
    allowedOrigins = [...(params.get('origin') || '').split(','), ...(config.allowedOrigins || [])]
      .map((o) => o.trim()).filter((o) => /^https?:\/\/[^/]+$/.test(o));
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || !allowedOrigins.includes(event.origin)) return;
      const data = event.data;
      if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.type !== 'string') return;
      if (!trayecto.readyDone) return;
      try { handle(data); } catch (e) { post({ type: 'error', message: String(e && e.message || e) }); }
    });
    await trayecto.ready;
    trayecto.readyDone = true;
    post({ type: 'ready', version: 1 });
  }
  if (embedded) listen();
})();

// Never lose a participant's work: autosave to IndexedDB, session restore, files, share links,
// "My maps", version history, and visible failures. Uses TrayectoStorage (storage.js) and the
// page's bridge; dialogs come from TrayectoDialogs (dialogs.js).
(function () {
  'use strict';

  const SAVE_DELAY_MS = 500;         // debounce; every change is stored within about a second
  const SNAPSHOT_EVERY_MS = 5 * 60 * 1000;
  const MAX_LINK_CHARS = 60000;
  const RESCUE_KEY = 'trayecto-rescue';
  const KEPT_KEY = 'trayecto-kept';  // set once storage has opened here: later visits wait for it
  const STATUS = { unknown: 0, saving: 1, saved: 2, failing: 3, off: 4 };

  // Is `url` (a URL) allowed by an entry of "allowedSources"? An entry is an origin
  // ("https://maps.example.com": any path there) or a folder ("https://example.com/maps/": only
  // below it). A plain prefix test would let "https://maps.example.com.evil.net" through.
  function sourceAllowed(url, entry) {
    let e;
    try { e = new URL(entry); } catch (err) { return false; }
    if (e.origin === 'null' || e.origin !== url.origin) return false;
    if (e.pathname === '/' ) return true;
    const folder = e.pathname.endsWith('/') ? e.pathname : e.pathname + '/';
    return url.pathname === e.pathname || url.pathname.startsWith(folder);
  }

  const newId = () => 'map-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);

  // ---- share links: the map, deflated, base64url, in the fragment ----------------------
  async function deflate(text) {
    const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function inflate(encoded) {
    const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '==='.slice((b64.length + 3) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }

  class Persistence {
    // options: {storage: 'local'|'none', map, src, fragment} (see trayecto-mount.js).
    constructor({ lang, options, config, dialogs, root }) {
      this.lang = lang;
      this.options = options || {};
      this.config = {};   // config may be a promise: awaited where it is needed (fetchSource)
      this.configReady = Promise.resolve(config).then((c) => { this.config = c || {}; });
      this.ui = dialogs;
      this.t = (...args) => dialogs.t(...args);
      this.root = root || document.body;
      this.enabled = this.options.storage === 'local';
      this.cleanups = [];
      this.tabId = Math.random().toString(36).slice(2);
      this.store = null;
      this.opening = null;        // opening the store (prepare), settled once it is open or failed
      this.startedBeforeStorage = false;
      this.restoreLate = false;   // a first-run map shown before storage opened: a session may follow
      this.openRevision = 0;      // the revision the first map opened at
      this.detached = false;
      this.mapId = null;          // library id of the open map
      this.version = undefined;   // version of the stored record this tab last wrote or read
      this.dirty = false;
      this.timer = 0;
      this.lastSnapshot = 0;
      this.blockedByConflict = false;
      this.saving = null;
      this.channel = null;
    }

    // Before the app starts: opens storage and decides which map to show first.
    async prepare() {
      if (this.enabled) {
        this.opening = TrayectoStorage.MapStore.open().then((store) => { this.store = store; });
        const opened = this.opening.catch(() => {});
        // Storage answers nothing until it has started (~170 ms in a fresh profile). A browser
        // where it has never opened has no map to restore: the app starts without it, and the
        // store is attached once open (storeOpened).
        this.startedBeforeStorage = !this.openedBefore();
        if (!this.startedBeforeStorage) await opened;
      }
      const o = this.options;
      if (o.map) return { json: typeof o.map === 'string' ? o.map : JSON.stringify(o.map), source: 'host' };
      const hash = new URLSearchParams((o.fragment || '').replace(/^#/, ''));
      if (hash.get('map')) {
        try {
          return { json: await inflate(hash.get('map')), source: 'link' };
        } catch (e) {
          return { error: this.t('badLink'), source: 'link' };
        }
      }
      if (o.src) return this.fetchSource(o.src);
      return (this.store && await this.storedMap()) || { source: 'first-run' };
    }

    // The map to restore from storage: the rescue copy if newer, else the last session's map.
    async storedMap() {
      const session = await this.store.getMeta('session').catch(() => null);
      const record = session && await this.store.get(session.mapId).catch(() => null);
      const rescue = this.readRescue();
      if (rescue && (!record || (rescue.mapId === record.id && rescue.savedAt > record.modified))) {
        return { json: rescue.json, source: 'rescue', mapId: rescue.mapId, version: record ? record.version : undefined };
      }
      if (record) return { json: record.json, source: 'session', mapId: record.id, version: record.version };
      return null;
    }

    openedBefore() {
      try {
        return localStorage.getItem(KEPT_KEY) !== null || localStorage.getItem(RESCUE_KEY) !== null;
      } catch (e) {
        return true;   // cannot tell: wait for storage
      }
    }

    async fetchSource(src) {
      await this.configReady;   // its allowedSources
      let url;
      try { url = new URL(src, location.href); } catch (e) { return { error: this.t('badSource', src), source: 'src' }; }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: this.t('badSource', src), source: 'src' };
      const sameOrigin = location.origin !== 'null' && url.origin === location.origin;
      const allowed = (this.config.allowedSources || []).some((entry) => sourceAllowed(url, entry));
      if (!sameOrigin && !allowed) return { error: this.t('foreignSource', url.origin), source: 'src' };
      try {
        const response = await fetch(url.href, { credentials: 'same-origin' });
        if (!response.ok) return { error: this.t('sourceFailed', url.href, response.status), source: 'src' };
        return { json: await response.text(), source: 'src' };
      } catch (e) {
        return { error: this.t('sourceFailed', url.href, e.message), source: 'src' };
      }
    }

    // Once the app runs: opens the initial map and starts keeping it.
    attach(module, bridge, initial) {
      this.module = module;
      this.bridge = bridge;
      this.openInitial(initial);
      this.restoreLate = this.startedBeforeStorage && initial.source === 'first-run';
      if (initial.source === 'link' && this.options.fragment) history.replaceState(null, '', location.pathname + location.search);
      if (!this.enabled) this.setStatus('off');
      else this.opening.then(() => this.storeOpened(), (e) => { if (!this.detached) this.fail(e); });
      this.listen(document, 'visibilitychange', () => { if (document.visibilityState === 'hidden') this.flush(); });
      this.listen(window, 'pagehide', () => this.flush());
      this.wireFiles();
    }

    // Opens the first map. A stored map that no longer opens keeps its entry untouched: what is
    // open then is a new map, as on a first visit.
    openInitial(initial) {
      let opened = false;
      if (initial.json) {
        const result = this.bridge.loadMap(initial.json);
        opened = result.ok;
        if (!result.ok) this.ui.message(this.t('openFailedTitle'), this.t('openFailed', initial.source, result.error));
      } else if (initial.error) {
        this.ui.message(this.t('openFailedTitle'), initial.error);
      }
      this.mapId = initial.mapId && opened ? initial.mapId : newId();
      this.version = initial.mapId && opened ? initial.version : undefined;
      this.dirty = !(initial.mapId && opened) || initial.source === 'rescue';
      this.openRevision = this.bridge.revision();
    }

    // Storage is open: at once, or on a first visit a moment after the first frame.
    async storeOpened() {
      if (this.detached) return;
      try { localStorage.setItem(KEPT_KEY, '1'); } catch (e) { /* the next visit waits for storage */ }
      // Started without storage, yet it holds a session (its mark in localStorage was cleared, or
      // the map was kept before the mark existed): restore it, unless the user has begun on
      // what is open.
      const untouched = () => this.bridge.revision() === this.openRevision;
      if (this.restoreLate && untouched()) {
        const stored = await this.storedMap().catch(() => null);
        if (stored && !this.detached && untouched()) this.openInitial(stored);
      }
      if (this.detached) return;
      this.rememberSession();
      this.listenToOtherTabs();
      if (this.dirty) this.markDirty();
      else this.setStatus('saved');
    }

    // The store, once opening it has finished; null when storage is off or failed.
    async openedStore() {
      if (this.opening) await this.opening.catch(() => {});
      return this.store;
    }

    listen(target, type, fn) {
      target.addEventListener(type, fn);
      this.cleanups.push(() => target.removeEventListener(type, fn));
    }

    // The instance is going away: keep what is unsaved, then stop listening.
    detach() {
      this.detached = true;
      this.flush();
      for (const c of this.cleanups) c();
      if (this.channel) this.channel.close();
      clearTimeout(this.timer);
    }

    setStatus(name) { this.module._trayecto_set_storage_status(STATUS[name]); }

    onChange() { this.markDirty(); }

    markDirty() {
      this.dirty = true;
      if (!this.store || this.blockedByConflict) return;
      this.setStatus('saving');
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    }

    // Writes the open map now, in one transaction. Never throws.
    async save() {
      clearTimeout(this.timer);
      if (!this.store || !this.dirty || this.blockedByConflict) return;
      if (this.saving) { await this.saving; if (!this.dirty) return; }
      const now = Date.now();
      const snapshot = now - this.lastSnapshot > (window.__trayectoSnapshotEveryMs ?? SNAPSHOT_EVERY_MS);
      this.saving = (async () => {
        try {
          // Bytes written in slices between frames, and a summary straight from the wasm: no long
          // task, no UTF-16 copy of the map, no JSON.parse. Read together once the text is whole.
          const json = await this.bridge.getMapBytesSliced();
          const summary = this.bridge.mapSummary();
          const revision = this.bridge.revision();
          const entry = { id: this.mapId, json, ...summary };
          const result = await this.store.save(entry, this.version, this.tabId, snapshot);
          if (!result.ok) return this.conflict(result.conflict);
          this.version = result.record.version;
          if (snapshot) this.lastSnapshot = now;
          if (this.bridge.revision() === revision) this.dirty = false;
          this.clearRescue();
          this.ui.hideBanner('storage');
          this.setStatus(this.dirty ? 'saving' : 'saved');
          if (this.channel) this.channel.postMessage({ type: 'saved', mapId: this.mapId, version: this.version, tab: this.tabId });
          if (this.dirty) this.markDirty();
        } catch (e) {
          this.fail(e);
        }
      })();
      await this.saving;
      this.saving = null;
    }

    // The tab is going away or hidden: start the write, and keep a synchronous copy in case
    // the page dies before IndexedDB commits.
    flush() {
      if (!this.dirty || !this.bridge || !this.store) return;
      try {
        localStorage.setItem(RESCUE_KEY, JSON.stringify({ mapId: this.mapId, savedAt: Date.now(), json: this.bridge.getMap() }));
      } catch (e) { /* too large or unavailable: IndexedDB is still tried */ }
      this.save();
    }

    readRescue() {
      try { return JSON.parse(localStorage.getItem(RESCUE_KEY) || 'null'); } catch (e) { return null; }
    }

    clearRescue() { try { localStorage.removeItem(RESCUE_KEY); } catch (e) { /* ignore */ } }

    fail(error) {
      const name = error && error.name ? error.name : 'Error';
      this.setStatus('failing');
      const reason = name === 'QuotaExceededError' ? this.t('quota') : this.t('storageUnavailable', name);
      this.ui.banner('storage', this.t('notKept') + ' ' + reason, [
        { label: this.t('saveAsFile'), action: () => this.saveFile() },
        { label: this.t('retry'), action: () => this.retry() },
      ]);
    }

    async retry() {
      if (!this.store) {
        try { this.store = await TrayectoStorage.MapStore.open(); } catch (e) { return this.fail(e); }
        this.rememberSession();
        this.listenToOtherTabs();
      }
      this.dirty = true;
      await this.save();
    }

    conflict(theirs) {
      this.blockedByConflict = true;
      this.setStatus('failing');
      this.ui.banner('storage', this.t('otherTab'), [
        { label: this.t('loadTheirs'), action: () => this.loadTheirs(theirs.id) },
        { label: this.t('keepMineAsCopy'), action: () => this.keepMineAsCopy() },
      ]);
    }

    async loadTheirs(id) {
      const record = await this.store.get(id);
      if (!record) return;
      const result = this.bridge.loadMap(record.json);
      if (!result.ok) return this.ui.message(this.t('openFailedTitle'), result.error);
      this.version = record.version;
      this.dirty = false;
      this.blockedByConflict = false;
      this.ui.hideBanner('storage');
      this.setStatus('saved');
    }

    async keepMineAsCopy() {
      this.mapId = newId();
      this.version = undefined;
      this.blockedByConflict = false;
      this.ui.hideBanner('storage');
      this.rememberSession();
      this.dirty = true;
      await this.save();
    }

    listenToOtherTabs() {
      if (!('BroadcastChannel' in window) || this.channel) return;
      this.channel = new BroadcastChannel('trayecto');
      this.channel.onmessage = async (event) => {
        const m = event.data || {};
        if (m.type !== 'saved' || m.mapId !== this.mapId || m.tab === this.tabId || m.version === this.version) return;
        if (this.dirty) return this.conflict({ id: m.mapId });
        await this.loadTheirs(m.mapId);   // nothing of ours is unsaved: follow the newer version
        this.ui.toast(this.t('updatedFromOtherTab'));
      };
    }

    rememberSession() {
      if (this.store) this.store.setMeta('session', { mapId: this.mapId }).catch(() => {});
    }

    // Opens JSON (text, or a file's bytes) as a new map in My maps. Bad input changes nothing.
    openJson(json, what) {
      const result = typeof json === 'string' ? this.bridge.loadMap(json) : this.bridge.loadMapBytes(json);
      if (!result.ok) {
        this.ui.message(this.t('openFailedTitle'), this.t('openFailed', what, result.error));
        return false;
      }
      this.mapId = newId();
      this.version = undefined;
      this.blockedByConflict = false;
      this.ui.hideBanner('storage');
      this.rememberSession();
      this.markDirty();
      return true;
    }

    // ---- files ------------------------------------------------------------------------
    fileName() {
      const title = this.bridge.mapSummary().title || 'trayecto';
      return title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) + '.trayecto.json';
    }

    saveFile() {
      TrayectoExports.download(this.fileName(), this.bridge.getMap(), 'application/json');
      this.module._trayecto_mark_file_baseline(1);
    }

    // A read-only map is not replaced by the app's own UI (files, My maps, history); the host may
    // still open another map through its API.
    refuseIfReadOnly() {
      if (!this.bridge || !this.bridge.readOnly()) return false;
      this.ui.toast(this.t('readOnly'));
      return true;
    }

    async openFile(file) {
      if (this.refuseIfReadOnly()) return false;
      const changed = this.module._trayecto_changed_since_file() !== 0;
      if (changed && !(await this.ui.confirm(this.t('unsavedTitle'), this.t('unsavedText'), this.t('openAnyway')))) return false;
      let text;
      try { text = new Uint8Array(await file.arrayBuffer()); } catch (e) {
        this.ui.message(this.t('openFailedTitle'), this.t('openFailed', file.name, e.message));
        return false;
      }
      const opened = this.openJson(text, file.name);
      if (opened) this.module._trayecto_mark_file_baseline(1);
      return opened;
    }

    // The facilitator merges participants' copies into the open map (one undoable step).
    async mergeFiles(files) {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      this.module._trayecto_merge_begin();
      for (const file of files) {
        let text;
        try { text = decoder.decode(await file.arrayBuffer()); } catch (e) {
          return this.ui.message(this.t('openFailedTitle'), this.t('openFailed', file.name, 'The file is not valid UTF-8 text.'));
        }
        // Through the heap, not ccall's string arguments (those use the 1 MB stack).
        const m = this.module;
        const heapString = (value) => {
          const size = m.lengthBytesUTF8(value) + 1;
          const ptr = m._malloc(size);
          m.stringToUTF8(value, ptr, size);
          return ptr;
        };
        const namePtr = heapString(file.name), textPtr = heapString(text);
        m._trayecto_merge_add(namePtr, textPtr);
        m._free(namePtr);
        m._free(textPtr);
      }
      const error = this.module.UTF8ToString(this.module._trayecto_merge_finish());
      if (error) this.ui.message(this.t('openFailedTitle'), error);
      return !error;
    }

    pickParticipantFiles() {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = true;
      input.accept = '.json,application/json';
      input.addEventListener('change', () => { if (input.files.length) this.mergeFiles([...input.files]); });
      input.click();
    }

    pickFile() {
      if (this.refuseIfReadOnly()) return;
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.addEventListener('change', () => { if (input.files[0]) this.openFile(input.files[0]); });
      input.click();
    }

    wireFiles() {
      this.listen(this.root, 'dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
      this.listen(this.root, 'drop', (e) => {
        e.preventDefault();
        const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (file) this.openFile(file);
      });
    }

    async copyLink() {
      const encoded = await deflate(this.bridge.getMap());
      const link = location.href.replace(/#.*$/, '') + '#map=' + encoded;   // also right under file://
      if (link.length > MAX_LINK_CHARS) {
        return this.ui.message(this.t('linkTooLargeTitle'), this.t('linkTooLarge', Math.round(link.length / 1000)));
      }
      try { await navigator.clipboard.writeText(link); } catch (e) { /* the dialog shows it to copy by hand */ }
      this.ui.linkDialog(link);
    }

    // ---- My maps and version history ---------------------------------------------------
    async openStored(id) {
      if (this.refuseIfReadOnly()) return;
      await this.save();
      const record = await this.store.get(id);
      if (!record) return;
      const result = this.bridge.loadMap(record.json);
      if (!result.ok) return this.ui.message(this.t('openFailedTitle'), result.error);
      this.mapId = record.id;
      this.version = record.version;
      this.dirty = false;
      this.blockedByConflict = false;
      this.rememberSession();
      this.setStatus('saved');
    }

    async library() {
      if (!(await this.openedStore())) return this.ui.message(this.t('myMaps'), this.t('noStorage'));
      await this.save();
      const [maps, bin] = await Promise.all([this.store.list(), this.store.listBin()]);
      this.ui.libraryDialog({
        maps, bin, current: this.mapId,
        open: (id) => this.openStored(id),
        rename: async (id, title) => {
          if (id === this.mapId) {
            const map = JSON.parse(this.bridge.getMap());
            map.meta.title = title;
            this.openJsonKeepingId(JSON.stringify(map));
          } else await this.store.rename(id, title);
        },
        duplicate: (id) => this.store.duplicate(id, newId(), this.t('copySuffix')),
        remove: async (id) => {
          await this.store.remove(id);
          if (id === this.mapId) { this.mapId = newId(); this.version = undefined; this.markDirty(); this.rememberSession(); }
        },
        restore: (id) => this.store.restore(id),
        refresh: async () => [await this.store.list(), await this.store.listBin()],
      });
    }

    openJsonKeepingId(json) {
      if (this.refuseIfReadOnly()) return false;
      const result = this.bridge.loadMap(json);
      if (result.ok) this.markDirty();
      return result.ok;
    }

    async versionHistory() {
      if (!(await this.openedStore())) return this.ui.message(this.t('history'), this.t('noStorage'));
      await this.save();
      const snapshots = await this.store.snapshots(this.mapId);
      this.ui.historyDialog(snapshots, async (snapshot) => {
        // Keep what is open now as a snapshot too, then bring the old version back.
        this.lastSnapshot = 0;
        this.dirty = true;
        await this.save();
        if (this.openJsonKeepingId(TrayectoStorage.text(snapshot.json))) this.ui.toast(this.t('restored'));
      });
    }

    // The app is about to replace the open map: store its latest state under its own id now
    // (synchronously captured), whatever the autosave timer was waiting for.
    storeBeforeSwitch() {
      clearTimeout(this.timer);
      if (!this.store || !this.dirty || this.blockedByConflict) return;
      const entry = { id: this.mapId, json: this.bridge.getMapBytes(), ...this.bridge.mapSummary() };
      this.store.save(entry, this.version, this.tabId, false).catch((e) => this.fail(e));
      this.dirty = false;
    }

    // The app opened a new map of its own (from a template): keep it as a new entry.
    adoptNewMap() {
      this.mapId = newId();
      this.version = undefined;
      this.blockedByConflict = false;
      this.rememberSession();
      this.markDirty();
    }

    // Opens a new map from a template (or "example") as a new entry in My maps.
    newMap(templateId) {
      this.storeBeforeSwitch();
      if (!this.module.ccall('trayecto_new_map', 'number', ['string'], [String(templateId)])) return false;
      this.adoptNewMap();
      return true;
    }

    hostAction(action) {
      switch (action) {
        case 'save-file': return this.saveFile();
        case 'open-file': return this.pickFile();
        case 'copy-link': return this.copyLink();
        case 'my-maps': return this.library();
        case 'history': return this.versionHistory();
        case 'before-new-map': return this.storeBeforeSwitch();
        case 'new-map-opened': return this.adoptNewMap();
        case 'merge-files': return this.pickParticipantFiles();
        case 'export-png': return this.module._trayecto_export_png();
        case 'analysis':
          return TrayectoExports.openAnalysis(this.module, this.fileName().replace(/\.trayecto\.json$/, ''));
        case 'export-csv': case 'export-md': case 'export-html':
          return TrayectoExports.exportMap(this.module, this.fileName().replace(/\.trayecto\.json$/, ''), action.slice(7));
        default: return undefined;
      }
    }
  }

  window.TrayectoPersistence = { Persistence, deflate, inflate, sourceAllowed };
})();

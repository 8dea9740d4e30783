// Never lose a participant's work: autosave to IndexedDB, session restore, files, share links,
// "My maps", version history, and visible failures. Uses TrayectoStorage (storage.js) and the
// page's bridge; dialogs come from TrayectoDialogs (dialogs.js).
(function () {
  'use strict';

  const SAVE_DELAY_MS = 500;         // debounce; every change is stored within about a second
  const QUIET_SNAPSHOT_MS = 60 * 1000; // editing that resumes after a pause this long snapshots the version before it
  const HANDOVER_WAIT_MS = 3000;     // how long a tab taking a map over waits for its editor to store it
  const MAX_LINK_CHARS = 60000;
  const RESCUE_KEY = 'trayecto-rescue';
  const ROOM_ENTRY = 'live-';   // My maps' entry of a live room: this, then the room's id
  const KEPT_KEY = 'trayecto-kept';  // set once storage has opened here: later visits wait for it
  const WELCOMED_KEY = 'trayecto-welcomed';  // the welcome was shown in this browser
  const { SOURCE, KEEPER, STORAGE, MAX_MAP_BYTES, isUserChange } = window.TrayectoWasm;
  const MAX_MAP_MB = MAX_MAP_BYTES / (1024 * 1024);
  // A src= map that has not fully arrived by then is given up (tests shorten it).
  const sourceTimeoutMs = () => window.__trayectoSourceTimeoutMs || 20000;
  // One tab edits a map; the others follow its stored versions (Web Locks decide which).
  const lockName = (mapId) => 'trayecto-map:' + mapId;
  // One tab at a time chooses the map it starts with and, when that is a new one, makes it the
  // stored session before another tab looks: two tabs opened together show one map, not one each.
  const SESSION_LOCK = 'trayecto-session';
  const SESSION_HOLD_MAX_MS = 10000;   // a start that never finishes lets the others go after this

  // Resolves to a function that releases the session lock once held (at once without Web Locks).
  function holdSessionLock() {
    if (!navigator.locks) return Promise.resolve(() => {});
    return new Promise((granted) => {
      navigator.locks.request(SESSION_LOCK, () => new Promise((release) => {
        const timer = setTimeout(release, SESSION_HOLD_MAX_MS);
        granted(() => { clearTimeout(timer); release(); });
      })).catch(() => granted(() => {}));
    });
  }

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

  // A response's bytes, read as they arrive; null (and the rest cancelled) once they pass `max`.
  async function readAtMost(response, max) {
    if (Number(response.headers.get('Content-Length')) > max) {
      if (response.body) response.body.cancel().catch(() => {});
      return null;
    }
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return bytes.length > max ? null : bytes;
    }
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) { reader.cancel().catch(() => {}); return null; }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    return bytes;
  }

  const newId = () => 'map-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8);

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
      this.timer = 0;
      this.lastUserChange = 0;    // when this tab's user last changed the map
      this.blockedByConflict = false;
      this.saving = null;
      this.channel = null;
      this.held = null;           // {mapId, release}: this tab edits mapId (holds its lock)
      this.following = false;     // another tab edits the open map: this one follows it
      this.writesHeld = false;    // a live room's snapshot is shown while joining (holdWrites)
      this.claiming = null;       // {mapId, promise}: a claim() under way
      this.sessionMapId = null;   // the map the stored session names
      this.sessionHold = null;    // releases the session lock (held while this tab starts a new map)
      this.live = false;          // the open map is a live room's (web/live.js): every tab of it edits
      this.onLeaveMap = null;     // called before another map replaces the open one (leaves a room)
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
        // Bytes, not text: the loader refuses invalid UTF-8 in a link as it does in a file.
        try {
          return { json: await TrayectoLink.decode(hash.get('map'), MAX_MAP_BYTES), source: 'link' };
        } catch (e) {
          return { error: e.reason === 'tooLarge' ? ['PageLinkTooLargeToOpen', MAX_MAP_MB] : ['PageBadLink'], source: 'link' };
        }
      }
      if (o.src) return this.fetchSource(o.src);
      if (!this.store) return { source: 'first-run' };
      // A new map when nothing is stored: the lock stays held until it is (storeOpened).
      this.sessionHold = await holdSessionLock();
      const stored = await this.storedMap().catch(() => null);
      if (stored) this.releaseSession();
      return stored || { source: 'first-run' };
    }

    releaseSession() {
      if (this.sessionHold) this.sessionHold();
      this.sessionHold = null;
    }

    // The map to restore from storage: the rescue copy if newer, else the last session's map.
    async storedMap() {
      const session = await this.store.getMeta('session').catch(() => null);
      if (session) this.sessionMapId = session.mapId;
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

    // May a map come from `url` (a URL)? From the page's own origin, or as allowedSources says.
    sourcePermitted(url) {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
      const sameOrigin = location.origin !== 'null' && url.origin === location.origin;
      return sameOrigin || (this.config.allowedSources || []).some((entry) => sourceAllowed(url, entry));
    }

    // A src= map, as bytes (the loader checks their UTF-8): allowed before it is asked for and
    // again where the redirects ended, no larger than the loader opens, and given up when it
    // has not fully arrived in time (a server may send forever). Redirects are followed rather
    // than refused (redirect: 'error' would break a map that moved within its own site): the
    // address that answered (response.url) meets the same rules, and a refused body is not read.
    async fetchSource(src) {
      await this.configReady;   // its allowedSources
      let url;
      try { url = new URL(src, location.href); } catch (e) { return { error: ['PageBadSource', src], source: 'src' }; }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: ['PageBadSource', src], source: 'src' };
      if (!this.sourcePermitted(url)) return { error: ['PageForeignSource', url.origin], source: 'src' };
      const controller = new AbortController();
      const timeoutMs = sourceTimeoutMs();
      let timedOut = false;
      const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
      const refuse = (error) => { controller.abort(); return { error, source: 'src' }; };
      try {
        const response = await fetch(url.href, { credentials: 'same-origin', signal: controller.signal });
        const answered = response.url ? new URL(response.url) : url;
        if (!this.sourcePermitted(answered)) return refuse(['PageForeignRedirect', url.href, answered.origin]);
        if (!response.ok) return refuse(['PageSourceFailed', url.href, response.status]);
        const bytes = await readAtMost(response, MAX_MAP_BYTES);
        if (!bytes) return refuse(['PageSourceTooLarge', url.href, MAX_MAP_MB]);
        return { json: bytes, source: 'src', what: url.href };
      } catch (e) {
        if (timedOut) return { error: ['PageSourceTimedOut', url.href, Math.round(timeoutMs / 100) / 10], source: 'src' };
        return { error: ['PageSourceFailed', url.href, e.message], source: 'src' };
      } finally {
        clearTimeout(timer);
      }
    }

    // Once the app runs: opens the initial map and starts keeping it.
    attach(wasm, bridge, initial) {
      this.wasm = wasm;
      this.bridge = bridge;
      this.openInitial(initial);
      this.restoreLate = this.startedBeforeStorage && initial.source === 'first-run';
      if (initial.source === 'link' && this.options.fragment) history.replaceState(null, '', location.pathname + location.search);
      if (!this.enabled) this.setStatus('off');
      else this.opening.then(() => this.storeOpened(), (e) => { if (!this.detached) this.fail(e); });
      this.listen(document, 'visibilitychange', () => { if (document.visibilityState === 'hidden') this.flush(); });
      this.listen(window, 'pagehide', () => this.flush());
      this.wireFiles();
      this.welcome(initial);
    }

    // A first visit with nothing given to show (no map from a host, a link, src= or storage):
    // the app says what it is and how to start. Once per browser; Help → Welcome shows it again.
    welcome(initial) {
      if (!this.options.welcome || initial.source !== 'first-run') return;
      // A live room's link (or Trayecto.mount's `room`): the room's map is what comes.
      if (this.options.room || (window.TrayectoLive && TrayectoLive.linkedRoom(location.hash))) return;
      try {
        if (localStorage.getItem(WELCOMED_KEY) !== null) return;
        localStorage.setItem(WELCOMED_KEY, '1');
      } catch (e) { /* no storage: shown on every visit, as every visit is a first one */ }
      this.wasm.showWelcome();
    }

    // Opens the first map. A stored map that no longer opens keeps its entry untouched: what is
    // open then is a new map, as on a first visit.
    openInitial(initial) {
      let opened = false;
      if (initial.json) {
        // A stored map is kept as it is; a rescue copy, a link, a file or a host's map is not yet.
        const stored = initial.source === 'session';
        const result = this.bridge.loadMap(initial.json, stored ? SOURCE.browser : SOURCE.elsewhere);
        opened = result.ok;
        if (!result.ok) {
          const text = initial.source === 'link' ? this.t('PageLinkUnopenable', this.ui.sentence(result.error))
            : this.t('PageOpenFailed', initial.what || initial.source, this.ui.sentence(result.error));
          this.ui.message(this.t('LoadFailed'), text);
        }
      } else if (initial.error) {
        this.ui.message(this.t('LoadFailed'), this.t(...initial.error));
      }
      this.mapId = initial.mapId && opened ? initial.mapId : newId();
      this.version = initial.mapId && opened ? initial.version : undefined;
      this.openRevision = this.bridge.revision();
    }

    // Storage is open: at once, or on a first visit a moment after the first frame.
    async storeOpened() {
      if (this.detached) return;
      try { localStorage.setItem(KEPT_KEY, '1'); } catch (e) { /* the next visit waits for storage */ }
      if (!this.sessionHold && this.restoreLate) this.sessionHold = await holdSessionLock();
      try {
        // Started without storage, yet it holds a session (another tab's, opened meanwhile; or
        // the mark in localStorage was cleared): restore it, unless the user has begun on what
        // is open.
        const untouched = () => this.bridge.revision() === this.openRevision;
        if (this.restoreLate && untouched()) {
          const stored = await this.storedMap().catch(() => null);
          if (stored && !this.detached && untouched()) this.openInitial(stored);
        }
        if (this.detached) return;
        this.wasm.setStorageStatus(STORAGE.on);
        this.listenToOtherTabs();
        await this.claim();
        // A new map is stored now, not after the autosave's delay: a tab opened next finds it.
        if (this.sessionHold && !this.following) await this.save();
      } finally {
        this.releaseSession();
      }
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
      this.release();
      this.releaseSession();
    }

    // ---- one editing tab per map --------------------------------------------------------
    // Takes the open map's lock if it is free (this tab edits), else follows the tab that has
    // it, queued to take over when that tab goes away. Without Web Locks every tab edits, and
    // stored versions guard against overwriting (a conflict banner).
    //
    // One claim per map at a time: a second one while the first waits for its lock (the store
    // opening just as a template opens) found that lock taken, by this very tab, and followed
    // itself for good. It now shares the first one's wait.
    claim() {
      const mapId = this.mapId;
      if (this.claiming && this.claiming.mapId === mapId) return this.claiming.promise;
      if (this.held && this.held.mapId === mapId) return Promise.resolve();
      this.release();
      this.rememberSession();
      // A room's tabs all edit: the room keeps them in step, not the storage.
      if (this.live || !navigator.locks || !this.store) return Promise.resolve(this.setFollowing(false));
      const claiming = { mapId, promise: null };
      claiming.promise = this.requestLock(mapId, { ifAvailable: true }).then((granted) => {
        if (this.claiming === claiming) this.claiming = null;
        if (this.detached || this.mapId !== mapId) return undefined;
        if (granted) return this.setFollowing(false);
        this.setFollowing(true);
        this.waitForLock(mapId);
        return this.followStored();
      });
      this.claiming = claiming;
      return claiming.promise;
    }

    // Resolves to true once this tab holds mapId's lock, false if it was not granted. The lock is
    // held until release(); when another tab steals it, this tab follows from then on.
    requestLock(mapId, opts) {
      return new Promise((resolve) => {
        let hold = null;
        navigator.locks.request(lockName(mapId), opts, (lock) => {
          const mine = this.held && this.held.mapId === mapId;
          if (!lock || this.detached || this.mapId !== mapId || (mine && !opts.steal)) {
            resolve(false);
            return undefined;   // not wanted any more: released at once
          }
          // (A steal by a tab that already holds the lock replaces its own hold.)
          return new Promise((release) => {
            hold = { mapId, release };
            this.held = hold;
            resolve(true);
          });
        }).catch(() => {
          resolve(false);
          if (hold && this.held === hold) this.stolen(mapId);   // another tab stole it
        });
      });
    }

    // Queued behind the editing tab: when it closes, this tab edits.
    async waitForLock(mapId) {
      const granted = await this.requestLock(mapId, {});
      if (!granted || this.detached || this.mapId !== mapId) return;
      await this.followStored(true);   // the latest stored version (or a rescue copy left behind)
      this.setFollowing(false);
      this.ui.toast(this.t('PageEditingHere'));
    }

    release() {
      if (this.held) { this.held.release(); this.held = null; }
    }

    setFollowing(on) {
      this.following = on;
      this.wasm.setFollowing(on);
      if (on) this.ui.banner('following', () => this.t('PageFollowing'), [{ label: () => this.t('PageEditHere'), action: () => this.takeOver() }]);
      else this.ui.hideBanner('following');
      if (!on && !this.wasm.isClean(KEEPER.browser)) this.scheduleSave();
    }

    // Another tab took the map over without waiting for this one to store it: what this tab
    // had not stored yet is kept as a copy in My maps.
    async stolen(mapId) {
      this.held = null;
      if (this.detached || this.mapId !== mapId) return;
      if (!this.wasm.isClean(KEEPER.browser)) {
        const copyId = newId();
        const title = this.bridge.mapSummary().title + this.t('PageCopySuffix');
        const json = this.wasm.retitled(this.bridge.getMapBytes(), title);
        if (json) {
          await this.store.save({ id: copyId, json, ...this.bridge.mapSummary(), title }, undefined, this.tabId).catch((e) => this.fail(e));
          this.ui.toast(this.t('PageKeptAsCopy', title));
        }
      }
      this.setFollowing(true);
      this.waitForLock(mapId);
      await this.followStored();
    }

    // A follower shows the stored version of its map (the editing tab's latest).
    // Taking the map over (promoting), a rescue copy the editing tab left as it closed comes first.
    async followStored(promoting = false) {
      if (!this.store) return;
      const record = await this.store.get(this.mapId).catch(() => null);
      if (this.detached || !record) return;
      const rescue = this.readRescue();
      if (promoting && rescue && rescue.mapId === this.mapId && rescue.savedAt > record.modified) {
        // The editing tab closed before its last write finished: its copy comes first.
        const result = this.bridge.loadMap(rescue.json, SOURCE.elsewhere);
        if (result.ok) { this.version = record.version; this.clearRescue(); return; }
      }
      if (record.version === this.version && this.wasm.isClean(KEEPER.browser)) return;
      const result = this.bridge.loadMap(record.json, SOURCE.otherTab);
      if (result.ok) this.version = record.version;
    }

    // The user asked to edit here: the editing tab stores its map and lets go, then this one takes it.
    async takeOver() {
      if (!this.following || !navigator.locks) return;
      const mapId = this.mapId;
      const handed = new Promise((resolve) => {
        this.onHandedOver = resolve;
        setTimeout(resolve, HANDOVER_WAIT_MS);
      });
      this.channel.postMessage({ type: 'take-over', mapId, tab: this.tabId });
      await handed;
      this.onHandedOver = null;
      // Already editing (the lock came through the queue meanwhile): nothing to take.
      if (this.detached || this.mapId !== mapId || !this.following) return;
      const granted = await this.requestLock(mapId, { steal: true });
      if (!granted) return;
      await this.followStored(true);
      this.setFollowing(false);
    }

    // Another tab wants to edit the map this tab edits: store it, stop editing, and say so. The
    // lock stays held until that tab steals it, so no third tab can slip in between; if it never
    // does (it closed), this tab edits again.
    async handOver(to) {
      const hold = this.held;
      if (!hold || hold.mapId !== this.mapId || this.following) return;
      clearTimeout(this.timer);
      await this.save();
      if (this.held !== hold) return;
      this.setFollowing(true);
      this.channel.postMessage({ type: 'handed-over', mapId: hold.mapId, to, version: this.version });
      setTimeout(() => { if (this.held === hold && this.mapId === hold.mapId) this.setFollowing(false); }, 2 * HANDOVER_WAIT_MS);
    }

    // Joining a live room, its snapshot shows in place of the open map: nothing is written (the
    // open map was stored first) until the join ends (web/live.js).
    holdWrites(on) {
      this.writesHeld = on;
      if (!on && !this.wasm.isClean(KEEPER.browser)) this.scheduleSave();
    }

    setStatus(name) { this.wasm.setStorageStatus(STORAGE[name]); }

    // Every change the wasm reports, with its cause. Only what the browser does not have yet is
    // written: opening a stored map, or another tab's version, writes nothing.
    onChange(cause) {
      if (isUserChange(cause)) {
        // Editing again after a pause: the version the pause left (still the stored one) is kept.
        const now = Date.now();
        if (now - this.lastUserChange > (window.__trayectoQuietSnapshotMs ?? QUIET_SNAPSHOT_MS)) this.snapshot();
        this.lastUserChange = now;
      }
      if (!this.wasm.isClean(KEEPER.browser)) this.scheduleSave();
    }

    scheduleSave() {
      if (!this.store || this.blockedByConflict || this.following || this.writesHeld) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), window.__trayectoSaveDelayMs ?? SAVE_DELAY_MS);   // tests may lengthen it
    }

    // A version-history snapshot of the map as stored now, unless the newest snapshot already
    // has it: when editing resumes after a pause, and before a merge, a restore or another map
    // replaces it. Opening a page adds none, and an idle tab writes none.
    async snapshot() {
      if (!this.store || this.following || this.writesHeld) return;
      try {
        // The stored bytes as they are, and the history's keys: no map text decoded or copied.
        const record = await this.store.getStored(this.mapId);
        if (!record) return;
        if (await this.store.newestSnapshotTime(this.mapId) >= record.modified) return;
        await this.store.addSnapshot({ id: record.id, json: record.json, title: record.title });
      } catch (e) {
        this.fail(e);
      }
    }

    // Writes the open map now, in one transaction, unless the browser has it already. Never throws.
    async save() {
      clearTimeout(this.timer);
      if (!this.store || this.blockedByConflict || this.following || this.writesHeld) return;
      if (this.saving) await this.saving;
      if (this.wasm.isClean(KEEPER.browser)) return;
      this.saving = (async () => {
        try {
          // Bytes written in slices between frames, and a summary straight from the wasm: no long
          // task, no UTF-16 copy of the map, no JSON.parse. The Blob carries its revision.
          const json = await this.bridge.getMapBlob();
          const summary = this.bridge.mapSummary();
          const entry = { id: this.mapId, json, ...summary };
          // The tab holding the map's lock is its only writer: no version to compare. Nor in a
          // room: every tab there has the room's map.
          const owner = this.live || (this.held && this.held.mapId === this.mapId);
          const result = await this.store.save(entry, owner ? undefined : this.version, this.tabId);
          if (!result.ok) return this.conflict(result.conflict);
          this.version = result.record.version;
          if (!this.detached) this.wasm.markClean(KEEPER.browser, json.revision);
          this.clearRescue();
          this.ui.hideBanner('storage');
          if (this.channel) this.channel.postMessage({ type: 'saved', mapId: this.mapId, version: this.version, tab: this.tabId });
          if (!this.detached && !this.wasm.isClean(KEEPER.browser)) this.scheduleSave();
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
      if (!this.bridge || !this.store || this.following || this.writesHeld || this.wasm.isClean(KEEPER.browser)) return;
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
      const reason = () => (name === 'QuotaExceededError' ? this.t('PageQuota') : this.t('PageStorageUnavailable', name));
      this.ui.banner('storage', () => this.t('PageNotKept') + ' ' + reason(), [
        { label: () => this.t('SaveFile'), action: () => this.saveFile() },
        { label: () => this.t('PageRetry'), action: () => this.retry() },
      ]);
    }

    async retry() {
      if (!this.store) {
        try { this.store = await TrayectoStorage.MapStore.open(); } catch (e) { return this.fail(e); }
        this.listenToOtherTabs();
        await this.claim();
      }
      this.setStatus('on');
      await this.save();
    }

    conflict(theirs) {
      this.blockedByConflict = true;
      this.setStatus('failing');
      this.ui.banner('storage', () => this.t('PageOtherTab'), [
        { label: () => this.t('PageLoadTheirs'), action: () => this.loadTheirs(theirs.id) },
        { label: () => this.t('PageKeepMineAsCopy'), action: () => this.keepMineAsCopy() },
      ]);
    }

    async loadTheirs(id) {
      const record = await this.store.get(id);
      if (!record) return;
      const result = this.bridge.loadMap(record.json, SOURCE.browser);
      if (!result.ok) return this.ui.message(this.t('LoadFailed'), this.ui.sentence(result.error));
      this.version = record.version;
      this.blockedByConflict = false;
      this.ui.hideBanner('storage');
      this.setStatus('on');
    }

    async keepMineAsCopy() {
      this.mapId = newId();
      this.version = undefined;
      this.blockedByConflict = false;
      this.ui.hideBanner('storage');
      this.setStatus('on');
      await this.claim();
      await this.save();
    }

    listenToOtherTabs() {
      if (!('BroadcastChannel' in window) || this.channel) return;
      this.channel = new BroadcastChannel('trayecto');
      this.channel.onmessage = async (event) => {
        const m = event.data || {};
        if (m.mapId !== this.mapId || m.tab === this.tabId) return;
        if (m.type === 'take-over') return this.handOver(m.tab);
        if (m.type === 'handed-over' && m.to === this.tabId) { if (this.onHandedOver) this.onHandedOver(); return undefined; }
        if (m.type !== 'saved' || m.version === this.version || this.live) return undefined;
        if (this.following) return this.followStored();   // the editing tab's newer version
        // Two tabs edit one map only without Web Locks: never overwrite unstored changes.
        if (!this.wasm.isClean(KEEPER.browser)) return this.conflict({ id: m.mapId });
        await this.loadTheirs(m.mapId);
        this.ui.toast(this.t('PageUpdatedFromOtherTab'));
        return undefined;
      };
    }

    // The map this browser reopens next time: written only when it changes.
    rememberSession() {
      if (!this.store || this.sessionMapId === this.mapId) return;
      this.sessionMapId = this.mapId;
      this.store.setMeta('session', { mapId: this.mapId }).catch(() => { this.sessionMapId = null; });
    }

    // Opens JSON (text, or a file's bytes) as a new map in My maps. Bad input changes nothing.
    // A map My maps holds exactly as opened (the same file opened again) is that entry, not a
    // second one of the same name; a changed one is a new entry, and the stored one stays.
    async openJson(json, what, source = SOURCE.elsewhere) {
      const result = this.bridge.loadMap(json, source);
      if (!result.ok) {
        this.ui.message(this.t('LoadFailed'), this.t('PageOpenFailed', what, this.ui.sentence(result.error)));
        return false;
      }
      clearTimeout(this.timer);   // stored under its own entry, once that is known
      const opened = this.bridge.revision();
      const same = this.store ? await this.store.findSame(this.bridge.getMapBytes()).catch(() => null) : null;
      if (same && this.bridge.revision() === opened) {
        this.mapId = same.id;
        this.version = same.version;
        this.blockedByConflict = false;
        this.ui.hideBanner('storage');
        this.wasm.markClean(KEEPER.browser, opened);   // the browser has it as it is
        await this.claim();
        return true;
      }
      this.adoptNewMap();
      if (source === SOURCE.file && this.store) this.store.noteOrigin(this.mapId, what).catch(() => {});
      if (!this.wasm.isClean(KEEPER.browser)) this.scheduleSave();
      return true;
    }

    // ---- files ------------------------------------------------------------------------
    // "Title - Name.trayecto.json": each participant's file named after them (the name they gave
    // when saving, kept in the map), so the facilitator's downloads are told apart.
    fileName() {
      const clean = (s, n) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, n);
      const title = clean(this.bridge.mapSummary().title || 'trayecto', 80) || 'trayecto';
      const name = clean(this.wasm.participantName(), 40);
      return (name ? title + ' - ' + name : title) + '.trayecto.json';
    }

    // Exports (CSV, Markdown, HTML, PNG, the analysis) are named as the file is, less its ending.
    exportName() { return this.fileName().replace(/\.trayecto\.json$/, ''); }

    saveFile() {
      const revision = this.wasm.revision();
      TrayectoExports.download(this.fileName(), this.bridge.getMap(), 'application/json');
      this.wasm.markClean(KEEPER.file, revision);
    }

    // A read-only map is not replaced by the app's own UI (files, My maps, history); the host may
    // still open another map through its API.
    refuseIfReadOnly() {
      if (!this.bridge || !this.bridge.readOnly()) return false;
      this.ui.toast(this.t('PageReadOnly'));
      return true;
    }

    // Another map is about to replace the open one: in a live room that takes this person out of
    // it (the others go on), so they are asked first; else only changes not in a file are asked about.
    async mayReplace({ unsavedToo }) {
      if (this.live) return this.ui.confirm(this.t('PageLeaveRoomTitle'), this.t('PageLeaveRoomText'), this.t('PageOpen'));
      if (!unsavedToo || !this.wasm.changedSinceFile()) return true;
      return this.ui.confirm(this.t('PageUnsavedTitle'), this.t('PageUnsavedText'), this.t('PageOpen'));
    }

    async openFile(file) {
      if (this.refuseIfReadOnly()) return false;
      if (!(await this.mayReplace({ unsavedToo: true }))) return false;
      let text;
      try { text = new Uint8Array(await file.arrayBuffer()); } catch (e) {
        this.ui.message(this.t('LoadFailed'), this.t('PageOpenFailed', file.name, this.ui.sentence(e.message)));
        return false;
      }
      this.storeBeforeSwitch();
      return this.openJson(text, file.name, SOURCE.file);
    }

    // The facilitator merges participants' copies into the open map (one undoable step).
    async mergeFiles(files) {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const texts = [];
      for (const file of files) {
        try { texts.push({ name: file.name, text: decoder.decode(await file.arrayBuffer()) }); } catch (e) {
          return this.ui.message(this.t('LoadFailed'), this.t('PageOpenFailed', file.name, this.t('PageNotUtf8')));
        }
      }
      await this.save();   // the map before the merge goes into the version history
      await this.snapshot();
      const error = this.wasm.mergeFiles(texts);
      if (error) this.ui.message(this.t('LoadFailed'), this.ui.sentence(error));
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

    // A file dragged over the app shows where it can be dropped; dropped, it opens.
    wireFiles() {
      const overlay = document.createElement('div');
      overlay.className = 'tr-drop';
      overlay.hidden = true;
      this.root.appendChild(overlay);
      this.cleanups.push(() => overlay.remove());
      const carriesFiles = (e) => !!e.dataTransfer && [...(e.dataTransfer.types || [])].includes('Files');
      let depth = 0;   // dragenter/dragleave pairs of the elements inside
      const show = (on) => {
        if (on) overlay.textContent = this.t('PageDropFile');
        overlay.hidden = !on;
      };
      this.listen(this.root, 'dragenter', (e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        depth++;
        show(true);
      });
      this.listen(this.root, 'dragover', (e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        show(true);
      });
      this.listen(this.root, 'dragleave', () => { if (--depth <= 0) { depth = 0; show(false); } });
      this.listen(this.root, 'drop', (e) => {
        e.preventDefault();
        depth = 0;
        show(false);
        const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
        if (file) this.openFile(file);
      });
    }

    async copyLink() {
      const encoded = await TrayectoLink.encode(this.bridge.getMap());
      const link = location.href.replace(/#.*$/, '') + '#map=' + encoded;   // also right under file://
      if (link.length > MAX_LINK_CHARS) {
        return this.ui.message(this.t('PageLinkTooLargeTitle'), this.t('PageLinkTooLarge', Math.round(link.length / 1000)));
      }
      try { await navigator.clipboard.writeText(link); } catch (e) { /* the dialog shows it to copy by hand */ }
      // In a room, what a person most likely wanted is the room's own link: said where to find it.
      const text = this.t('PageLinkText') + (this.live ? ' ' + this.t('PageLinkNotLive', this.t('MenuMap'), this.t('LiveSessionLink')) : '');
      this.ui.linkDialog(link, undefined, text);
    }

    // ---- My maps and version history ---------------------------------------------------
    async openStored(id) {
      if (this.refuseIfReadOnly()) return;
      if (id === this.mapId) return;   // it is open
      if (!(await this.mayReplace({ unsavedToo: false }))) return;
      this.leavingMap();
      await this.save();
      const record = await this.store.get(id);
      if (!record) return;
      const result = this.bridge.loadMap(record.json, SOURCE.browser);
      if (!result.ok) return this.ui.message(this.t('LoadFailed'), this.ui.sentence(result.error));
      this.mapId = record.id;
      this.version = record.version;
      this.blockedByConflict = false;
      this.setStatus('on');
      await this.claim();
    }

    async library() {
      if (!(await this.openedStore())) return this.ui.message(this.t('PageMyMaps'), this.t('PageNoStorage'));
      await this.save();
      const [maps, bin] = await Promise.all([this.store.list(), this.store.listBin()]);
      this.ui.libraryDialog({
        maps, bin, current: this.mapId,
        isRoom: (id) => id.startsWith(ROOM_ENTRY),   // beside the map it started from, same title
        open: (id) => this.openStored(id),
        // The open map is renamed by a command (undoable); a stored one through the core too:
        // no JS code edits map JSON.
        rename: async (id, title) => {
          if (id === this.mapId) {
            if (this.refuseIfReadOnly()) return;
            this.wasm.setTitle(title);
            await this.save();
          } else await this.store.rename(id, title, (json) => this.wasm.retitled(json, title));
        },
        duplicate: (id) => this.store.duplicate(id, newId(), (json, title) => this.wasm.retitled(json, title + this.t('PageCopySuffix'))),
        remove: async (id) => {
          await this.store.remove(id);
          if (id === this.mapId) { this.mapId = newId(); this.version = undefined; this.wasm.forgetClean(KEEPER.browser); await this.claim(); }
        },
        restore: (id) => this.store.restore(id),
        refresh: async () => [await this.store.list(), await this.store.listBin()],
      });
    }

    async versionHistory() {
      if (!(await this.openedStore())) return this.ui.message(this.t('PageHistory'), this.t('PageNoStorage'));
      await this.save();
      const snapshots = await this.store.snapshots(this.mapId);
      this.ui.historyDialog(snapshots, async (snapshot) => {
        if (this.refuseIfReadOnly()) return;
        // What is open now goes into the history first; the restore itself can be undone.
        await this.save();
        await this.snapshot();
        const error = this.wasm.restoreVersion(await TrayectoStorage.text(snapshot.json));
        if (error) return this.ui.message(this.t('LoadFailed'), this.ui.sentence(error));
        this.ui.toast(this.t('PageRestored'));
        return undefined;
      });
    }

    // The app is about to replace the open map: store its latest state under its own id now
    // (synchronously captured), whatever the autosave timer was waiting for.
    // With a version-history snapshot of it as it was.
    storeBeforeSwitch() {
      this.leavingMap();
      clearTimeout(this.timer);
      if (!this.store || this.blockedByConflict || this.following || this.writesHeld) return;
      const clean = this.wasm.isClean(KEEPER.browser);
      const entry = { id: this.mapId, json: this.bridge.getMapBytes(), ...this.bridge.mapSummary() };
      const owner = this.held && this.held.mapId === this.mapId;
      if (!clean) this.store.save(entry, owner ? undefined : this.version, this.tabId).catch((e) => this.fail(e));
      this.store.addSnapshot(entry).catch((e) => this.fail(e));
    }

    leavingMap() { if (this.onLeaveMap) this.onLeaveMap(); }

    // The open map became a live room's (started here, or joined): stored as its own entry of My
    // maps (the same one whenever this browser joins that room), edited in every tab of it.
    enterRoom(roomId) {
      this.live = true;
      this.release();
      this.mapId = ROOM_ENTRY + roomId;
      this.version = undefined;
      this.blockedByConflict = false;
      this.ui.hideBanner('storage');
      this.rememberSession();
      this.wasm.forgetClean(KEEPER.browser);   // not stored under the room's entry yet
      this.setFollowing(false);   // and stores it
    }

    // Left the room: the map stays here as it is, edited in one tab at a time again.
    leaveRoom() {
      this.live = false;
      this.claim();
    }

    // A new map was opened here (a template, a file, a link): a new entry in My maps, edited here.
    adoptNewMap() {
      this.mapId = newId();
      this.version = undefined;
      this.blockedByConflict = false;
      this.ui.hideBanner('storage');
      this.claim();
    }

    // Opens a new map from a template (or "example") as a new entry in My maps.
    newMap(templateId) {
      this.storeBeforeSwitch();
      if (!this.wasm.newMap(templateId)) return false;
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
        case 'export-png': return this.wasm.exportPng(this.exportName() + '.png');
        case 'analysis': return TrayectoExports.openAnalysis(this.wasm, this.exportName());
        case 'export-csv': case 'export-md': case 'export-html': return TrayectoExports.exportMap(this.wasm, this.exportName(), action.slice(7));
        default: return undefined;
      }
    }
  }

  window.TrayectoPersistence = { Persistence, sourceAllowed };
})();

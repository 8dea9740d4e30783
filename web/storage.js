// Trayecto's browser storage: maps, their snapshots and the bin, in IndexedDB.
// Every save is one transaction (never a half-written map); nothing is ever deleted to make room.
// Tests can make writes fail through window.__trayectoStorageHooks:
//   { unavailable: true }                       opening the database fails (private mode, blocked)
//   { failWriteAt: N, failWith: 'QuotaExceededError' }   the Nth write and every later one fail
//   { openGate: promise }                        opening waits for the promise (slow storage)
(function () {
  'use strict';

  const DB_NAME = 'trayecto';
  const DB_VERSION = 2;   // 2: the maps' index of [id, version]
  const BIN_DAYS = 30;
  const SNAPSHOTS_PER_MAP = 20;
  const ORIGINS = 'origins';   // meta: map id → the file it was opened from

  function promisify(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function done(tx) {
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error || new DOMException('The write failed', 'UnknownError'));
      tx.onabort = () => reject(tx.error || new DOMException('The write was aborted', 'AbortError'));
    });
  }

  // Maps are stored as UTF-8: autosave writes a Blob (IndexedDB keeps it without cloning it on
  // the main thread), other writes bytes; records written before that hold strings. Readers get
  // text (a promise of it) whichever it is.
  const decoder = new TextDecoder();
  const text = async (json) => (typeof json === 'string' ? json : json instanceof Uint8Array ? decoder.decode(json)
    : json instanceof Blob ? json.text() : '');

  const snapshotsOf = (mapId) => IDBKeyRange.bound([mapId, 0], [mapId, Infinity]);
  const VERSIONS = 'versions';
  const versionsOf = (mapId) => IDBKeyRange.bound([mapId, -Infinity], [mapId, Infinity]);

  function hooks() { return window.__trayectoStorageHooks || {}; }

  class MapStore {
    constructor(db) {
      this.db = db;
      this.writes = 0;
    }

    static async open() {
      if (hooks().unavailable) throw new DOMException('Storage is blocked in this browser', 'SecurityError');
      if (!window.indexedDB) throw new DOMException('This browser has no IndexedDB', 'NotSupportedError');
      if (hooks().openGate) await hooks().openGate;   // slow storage, in tests: opens when the test says
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) => {
        const db = request.result;
        if (event.oldVersion < 1) {
          db.createObjectStore('maps', { keyPath: 'id' });
          db.createObjectStore('bin', { keyPath: 'id' });
          db.createObjectStore('snapshots', { keyPath: ['mapId', 'time'] });
          db.createObjectStore('meta');
        }
        // A save reads the stored version from here, not the whole record with its map.
        if (event.oldVersion < 2) request.transaction.objectStore('maps').createIndex(VERSIONS, ['id', 'version']);
      };
      const db = await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new DOMException('Storage is blocked by another tab', 'InvalidStateError'));
      });
      const store = new MapStore(db);
      store.purgeBin().catch(() => {});   // its own store ('bin'): reading the session need not wait
      return store;
    }

    checkWrite() {
      this.writes++;
      const h = hooks();
      if (h.failWriteAt && this.writes >= h.failWriteAt) {
        throw new DOMException('Simulated storage failure', h.failWith || 'QuotaExceededError');
      }
    }

    async get(id) {
      const record = await this.getStored(id);
      return record ? { ...record, json: await text(record.json) } : record;
    }

    // The record as stored: its map as a Blob or bytes (or, from before, a string), not decoded.
    async getStored(id) { return promisify(this.db.transaction('maps').objectStore('maps').get(id)); }

    async list() {
      const tx = this.db.transaction(['maps', 'meta']);
      const [maps, origins] = await Promise.all([promisify(tx.objectStore('maps').getAll()),
                                                 promisify(tx.objectStore('meta').get(ORIGINS))]);
      return maps.map(({ json, ...summary }) => ({ ...summary, origin: (origins || {})[summary.id] || '' }))
                 .sort((a, b) => b.modified - a.modified);
    }

    // The file a map entry was first opened from (My maps names it, so that two maps of one title
    // are told apart): kept beside the maps, so that the autosave need not read a record to keep it.
    async noteOrigin(id, fileName) {
      this.checkWrite();
      const tx = this.db.transaction('meta', 'readwrite');
      const finished = done(tx);
      const meta = tx.objectStore('meta');
      const origins = (await promisify(meta.get(ORIGINS))) || {};
      origins[id] = fileName;
      meta.put(origins, ORIGINS);
      await finished;
    }

    // The id and version of a stored map whose text is exactly `json` (bytes), or null.
    async findSame(json) {
      const maps = await promisify(this.db.transaction('maps').objectStore('maps').getAll());
      const wanted = await text(json);
      const sizeOf = (j) => (j instanceof Blob ? j.size : j instanceof Uint8Array ? j.length : -1);   // -1: a string
      let same = null;
      for (const m of maps) {
        if (sizeOf(m.json) >= 0 && sizeOf(json) >= 0 && sizeOf(m.json) !== sizeOf(json)) continue;
        if ((await text(m.json)) === wanted) { same = m; break; }
      }
      return same ? { id: same.id, version: same.version } : null;
    }

    async listBin() {
      const items = await promisify(this.db.transaction('bin').objectStore('bin').getAll());
      return items.map(({ json, ...summary }) => summary).sort((a, b) => b.deletedAt - a.deletedAt);
    }

    // Writes a map unless another tab wrote a newer version since `expectedVersion`
    // (undefined: a new map). Resolves to {ok: true, record} or {ok: false, conflict: record}.
    async save(entry, expectedVersion, tabId) {
      this.checkWrite();
      const tx = this.db.transaction('maps', 'readwrite');
      const maps = tx.objectStore('maps');
      const finished = done(tx);
      // The stored version only (the index's key): reading the record would copy its map too.
      const found = await promisify(maps.index(VERSIONS).openKeyCursor(versionsOf(entry.id)));
      const version = found ? found.key[1] : 0;
      if (found && expectedVersion !== undefined && version !== expectedVersion) {
        const current = await promisify(maps.get(entry.id));
        tx.abort();
        await finished.catch(() => {});
        return { ok: false, conflict: current };
      }
      const record = { ...entry, version: version + 1, tab: tabId, modified: Date.now() };
      maps.put(record);
      await finished;
      return { ok: true, record };
    }

    // A version-history snapshot of a map (entry as for save), oldest beyond the limit dropped.
    async addSnapshot(entry) {
      this.checkWrite();
      const tx = this.db.transaction('snapshots', 'readwrite');
      const finished = done(tx);
      tx.objectStore('snapshots').put({ mapId: entry.id, time: Date.now(), title: entry.title, json: entry.json });
      await finished;
      await this.trimSnapshots(entry.id);
    }

    // Renames a stored map; retitle(json) is the core's copy of its text with the new title
    // (null when it does not open: then only the listing's title changes).
    async rename(id, title, retitle) {
      this.checkWrite();
      const current = await this.get(id);
      if (!current) return;
      const json = retitle(current.json);
      const tx = this.db.transaction('maps', 'readwrite');
      const finished = done(tx);
      tx.objectStore('maps').put({ ...current, title, json: json || current.json, version: current.version + 1, modified: Date.now() });
      await finished;
    }

    // A copy of a stored map under newId; retitle(json, title) gives its text with the copy's title.
    async duplicate(id, newId, retitle) {
      this.checkWrite();
      const current = await this.get(id);
      if (!current) return;
      const json = retitle(current.json, current.title);
      const title = json ? JSON.parse(new TextDecoder().decode(json)).meta.title : current.title;
      const tx = this.db.transaction('maps', 'readwrite');
      const finished = done(tx);
      tx.objectStore('maps').put({ ...current, id: newId, title, json: json || current.json, version: 1, tab: '', modified: Date.now() });
      await finished;
    }

    // Moves a map to the bin (restorable for 30 days).
    async remove(id) {
      this.checkWrite();
      const tx = this.db.transaction(['maps', 'bin'], 'readwrite');
      const finished = done(tx);
      const current = await promisify(tx.objectStore('maps').get(id));
      if (current) {
        tx.objectStore('bin').put({ ...current, deletedAt: Date.now() });
        tx.objectStore('maps').delete(id);
      }
      await finished;
    }

    async restore(id) {
      this.checkWrite();
      const tx = this.db.transaction(['maps', 'bin'], 'readwrite');
      const finished = done(tx);
      const item = await promisify(tx.objectStore('bin').get(id));
      if (item) {
        const { deletedAt, ...record } = item;
        tx.objectStore('maps').put({ ...record, modified: Date.now() });
        tx.objectStore('bin').delete(id);
      }
      await finished;
    }

    async purgeBin() {
      const tx = this.db.transaction('bin', 'readwrite');
      const finished = done(tx);
      const limit = Date.now() - BIN_DAYS * 24 * 3600 * 1000;
      const items = await promisify(tx.objectStore('bin').getAll());
      for (const item of items) if (item.deletedAt < limit) tx.objectStore('bin').delete(item.id);
      await finished;
    }

    async snapshots(mapId) {
      const all = await promisify(this.db.transaction('snapshots').objectStore('snapshots').getAll(snapshotsOf(mapId)));
      return all.sort((a, b) => b.time - a.time);
    }

    // When the newest snapshot of a map was taken (0: none), from the keys alone.
    async newestSnapshotTime(mapId) {
      const keys = await this.snapshotKeys(mapId);
      return keys.length ? keys[keys.length - 1][1] : 0;
    }

    // Keys only ([mapId, time], oldest first): the maps' texts are not read back to count them.
    async snapshotKeys(mapId) {
      return promisify(this.db.transaction('snapshots').objectStore('snapshots').getAllKeys(snapshotsOf(mapId)));
    }

    async trimSnapshots(mapId) {
      const keys = await this.snapshotKeys(mapId);
      if (keys.length <= SNAPSHOTS_PER_MAP) return;
      const tx = this.db.transaction('snapshots', 'readwrite');
      const finished = done(tx);
      for (const key of keys.slice(0, keys.length - SNAPSHOTS_PER_MAP)) tx.objectStore('snapshots').delete(key);
      await finished;
    }

    async getMeta(key) { return promisify(this.db.transaction('meta').objectStore('meta').get(key)); }

    async setMeta(key, value) {
      const tx = this.db.transaction('meta', 'readwrite');
      const finished = done(tx);
      tx.objectStore('meta').put(value, key);
      await finished;
    }
  }

  window.TrayectoStorage = { MapStore, BIN_DAYS, SNAPSHOTS_PER_MAP, text };
})();

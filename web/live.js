// Live rooms in the page (docs/live.md): Map → "Start live session" turns the open map into a
// room and gives its link; opening a link with #room=<id> joins it. The core's sync session
// (web/live_bridge.cpp, through the WasmBridge) turns this user's edits into field changes and
// takes others'; the room's Yjs document and its connection (web/live-engine.mjs, bundled as
// trayecto-live.js) are loaded only when a room starts. Presence shows who is here; while the
// connection is down, a banner counts the changes kept here, and they merge when it is back.
(function () {
  'use strict';

  const CONNECT_WAIT_MS = 8000;    // a room that has not answered by then: no server, or unreachable
  const PRESENCE_EVERY_MS = 150;   // this user's selection goes to the others at most this often
  const OFFLINE_KEEP_MS = 500;     // edits made offline are stored this long after the last one
  const PAINT_WAIT_MS = 1000;      // a room's snapshot shown: the room's document waits at most this for a frame (a hidden tab draws none)
  const COLOURS = ['#c2185b', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#ad1457'];
  const ROOM_HASH = /(?:^#|&)room=([A-Za-z0-9_-]{22})(?:&|$)/;
  // The room a page's address (its fragment) names, or ''.
  const linkedRoom = (hash) => { const m = ROOM_HASH.exec(hash || ''); return m ? m[1] : ''; };
  const TOKEN_PREFIX = 'trayecto-live-token:';
  const NAME_KEY = 'trayecto-live-name', GUEST_KEY = 'trayecto-live-guest', PARTICIPANT_KEY = 'trayecto-live-participant';
  const keyOf = (room) => 'live:' + room;   // the room's document kept in storage's meta store
  const RESCUE_PREFIX = 'trayecto-live-rescue:';   // and in localStorage as the page goes away

  const toBase64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

  class Live {
    // persistence: TrayectoPersistence; wasm: TrayectoWasm.WasmBridge; ui: TrayectoDialogs;
    // root: the app's element; config: normalized trayecto.config.json; base: where the files are.
    constructor({ persistence, wasm, ui, root, config, base }) {
      this.persistence = persistence;
      this.wasm = wasm;
      this.ui = ui;
      this.t = (...a) => ui.t(...a);
      this.root = root;
      this.config = {};
      this.configReady = Promise.resolve(config).then((c) => { this.config = c || {}; }, () => {});
      this.base = base || '';
      this.room = null;       // the engine's Room while in one
      this.roomId = '';
      this.engine = null;     // the promise of the loaded engine
      this.presence = null;   // the "who is here" element
      this.presenceTimer = 0;     // a presence update waiting (selectionChanged)
      this.presenceSent = '';
      this.waiting = new Set();   // the items this user changed while the room was out of reach
      this.previewing = false;    // joining: the room's snapshot is shown (read-only) until its document comes
      this.sendingSnapshot = false;
      const name = this.remembered(NAME_KEY);   // given on an earlier visit: "Your name" starts from it
      if (name) wasm.setGivenName(name);
    }

    // The room server's WebSocket address, or '' when this site has none.
    serverUrl(livePath) {
      const given = this.config.liveServer;
      if (given === false) return '';
      // Relative to the app's own files (a mounted instance's host page may be elsewhere).
      const app = new URL(this.base || location.href, location.href);
      if (typeof given === 'string' && given) {
        try {
          const u = new URL(given, app.href);
          if (u.protocol === 'http:' || u.protocol === 'https:') u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
          return u.protocol === 'ws:' || u.protocol === 'wss:' ? u.href : '';
        } catch (e) { return ''; }
      }
      if (app.protocol !== 'http:' && app.protocol !== 'https:') return '';
      return (app.protocol === 'https:' ? 'wss://' : 'ws://') + app.host + livePath;
    }

    loadEngine() {
      if (window.TrayectoLiveEngine) return Promise.resolve(window.TrayectoLiveEngine);
      if (!this.engine) {
        this.engine = new Promise((resolve, reject) => {
          const script = document.createElement('script');
          script.src = new URL('trayecto-live.js', this.base || location.href).href;
          script.onload = () => (window.TrayectoLiveEngine ? resolve(window.TrayectoLiveEngine) : reject(new Error('no engine')));
          script.onerror = () => reject(new Error('trayecto-live.js did not load'));
          document.head.appendChild(script);
        });
        this.engine.catch(() => { this.engine = null; });
      }
      return this.engine;
    }

    // Who this browser is in rooms: an id of its own (votes are counted per person) and the name
    // it gave (Map → Your name, or when saving; see named), kept across reloads. Without a name,
    // a guest number that each page words in its own language.
    me(engineRoomColour) {
      const name = this.remembered(NAME_KEY);
      const guest = Number(this.remembered(GUEST_KEY)) || this.remember(GUEST_KEY, String(Math.floor(100 + Math.random() * 900)));
      return { name, guest: Number(guest), colour: engineRoomColour, selection: [] };
    }

    // A room's password, kept for this tab only (sessionStorage): a reload rejoins without asking.
    tabToken(roomId) { try { return sessionStorage.getItem(TOKEN_PREFIX + roomId) || ''; } catch (e) { return ''; } }
    keepTabToken(roomId, token) { try { if (token) sessionStorage.setItem(TOKEN_PREFIX + roomId, token); } catch (e) { /* asked again */ } }

    remembered(key) { try { return localStorage.getItem(key) || ''; } catch (e) { return ''; } }
    remember(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* kept for this page only */ } return value; }

    participantId() {
      return this.remembered(PARTICIPANT_KEY) || this.remember(PARTICIPANT_KEY, 'pt-' + Math.random().toString(36).slice(2, 12));
    }

    // A peer's name as this page shows it.
    nameOf(peer) { return peer.name || this.t('PageLiveGuest', peer.guest || '?'); }

    // A Room of `roomId` connected (or given up after CONNECT_WAIT_MS): resolves to the room, or
    // to {error} when it was refused, could not connect and nothing of it is kept here.
    // token: the room's password ('' for none). preview: joining, the room's snapshot is shown
    // while its document comes (preview()).
    async connect(roomId, stored, token = '', { preview = false } = {}) {
      await this.configReady;
      let engine;
      try { engine = await this.loadEngine(); } catch (e) { return { error: this.t('PageLiveNoServer') }; }
      const url = this.serverUrl(engine.LIVE_PATH);
      if (!url) return { error: this.t('PageLiveNoServer') };
      let settle, refusal = '';
      const answered = new Promise((resolve) => { settle = resolve; });
      const room = new engine.Room({
        url, room: roomId, stored, token,
        me: this.me(COLOURS[Math.floor(Math.random() * COLOURS.length)]),
        onChanges: (changes) => this.received(changes),
        onStatus: (status, reason) => { if (reason) refusal = reason; settle(status); this.statusChanged(status, reason); },
        onPresence: (peers) => this.showPresence(peers),
        onSnapshot: preview && typeof DecompressionStream === 'function' ? (deflated) => this.preview(deflated) : null,
        onSnapshotWanted: () => this.sendSnapshot(room),
      });
      const timer = setTimeout(() => settle('timeout'), CONNECT_WAIT_MS);
      let status = await answered;
      while (status === 'connecting') status = await new Promise((resolve) => { settle = resolve; });
      clearTimeout(timer);
      if (status === 'online' || (stored && status !== 'refused')) return { room };
      room.close();
      if (room.passwordRefused) return { passwordRefused: true };
      return { error: status === 'refused' ? this.t('PageLiveRefused', refusal) : this.t('PageLiveNoServer') };
    }

    // Resolves to whether a WebSocket to `url` opens (within CONNECT_WAIT_MS); it is closed at once.
    serverAnswers(url) {
      if (!url) return Promise.resolve(false);
      return new Promise((resolve) => {
        let ws;
        const done = (ok) => { clearTimeout(timer); if (ws) { ws.onopen = ws.onerror = ws.onclose = null; ws.close(); } resolve(ok); };
        const timer = setTimeout(() => done(false), CONNECT_WAIT_MS);
        try { ws = new WebSocket(url); } catch (e) { done(false); return; }
        ws.onopen = () => done(true);
        ws.onerror = ws.onclose = () => done(false);
      });
    }

    // Map → Start live session.
    async start() {
      if (this.room) return this.showLink();
      const roomId = await this.loadEngine().then((e) => e.newRoomId(), () => '');
      // Is there a server to start a room on? Asked before the password, which would be in vain.
      await this.configReady;
      if (!roomId || !(await this.serverAnswers(this.serverUrl(window.TrayectoLiveEngine.LIVE_PATH)))) {
        return this.ui.message(this.t('PageLiveTitle'), this.t('PageLiveNoServer'));
      }
      const password = await this.ui.passwordDialog(this.t('PageLiveTitle'), this.t('PageLiveStartText'),
        this.t('PageLivePasswordOptional'), this.t('PageLiveStart'), { optional: true });
      if (password === null) return undefined;
      const connecting = this.ui.toast(this.t('PageLiveConnecting'));
      const { room, error } = await this.connect(roomId, null, password);
      connecting();
      if (error) return this.ui.message(this.t('PageLiveTitle'), error);
      this.keepTabToken(roomId, password);
      this.enter(room, roomId);
      room.publish(JSON.parse(this.wasm.liveStart()));
      this.persistence.enterRoom(roomId);
      return this.showLink();
    }

    // The page was opened on a room's link: join it (the stored map shows until the room answers).
    async joinFromLink() {
      const roomId = linkedRoom(location.hash);
      return roomId ? this.join(roomId, { inLink: true }) : false;
    }

    // Joins a room: its id, or a link with #room=<id> (Trayecto.mount's `room`). `inLink`: the
    // page's address says which room (else it is left alone: a host page's address is its own).
    async join(wanted, { inLink = false } = {}) {
      const m = ROOM_HASH.exec(String(wanted).replace(/^[^#]*(?=#)/, '')) || ROOM_HASH.exec('#room=' + wanted);
      if (!m) {
        this.ui.message(this.t('PageLiveTitle'), this.t('PageLiveCannotJoin', String(wanted).slice(0, 80)));
        return false;
      }
      const roomId = m[1];
      this.inLink = inLink;
      if (this.room && roomId === this.roomId) return true;
      const store = await this.persistence.openedStore();
      // What was typed here while the room was out of reach (storage, and the copy a closing page left).
      const kept = [store ? await store.getMeta(keyOf(roomId)).catch(() => null) : null, this.readRescue(roomId)]
        .filter((k) => k && k.update instanceof Uint8Array);
      const stored = kept.map((k) => k.update);
      const connecting = this.ui.toast(this.t('PageLiveConnecting'));
      // The password this tab gave the room before (a reload does not ask it again).
      let token = this.tabToken(roomId);
      let joined = await this.connect(roomId, stored.length ? stored : null, token, { preview: true });
      connecting();
      // A room with a password: asked for until it is right, or the person gives up.
      for (let asked = 0; joined.passwordRefused; asked++) {
        token = await this.ui.passwordDialog(this.t('PageLiveTitle'), this.t(asked ? 'PageLivePasswordWrong' : 'PageLivePasswordText'),
          this.t('PageLivePassword'), this.t('PageLiveJoin'));
        if (token === null) return false;
        joined = await this.connect(roomId, stored.length ? stored : null, token, { preview: true });
      }
      const { room, error } = joined;
      if (error) {
        this.endPreview();
        this.ui.message(this.t('PageLiveTitle'), this.t('PageLiveCannotJoin', error));
        return false;
      }
      this.keepTabToken(roomId, token);
      if (room.empty()) {
        room.close();
        this.endPreview();
        this.ui.message(this.t('PageLiveTitle'), this.t('PageLiveEmpty'));
        return false;
      }
      if (!this.previewing) this.persistence.storeBeforeSwitch();   // else stored before the snapshot showed
      if (!room.synced) this.waiting = new Set(kept.flatMap((k) => k.waiting || []));
      this.enter(room, roomId);
      this.wasm.liveJoin(JSON.stringify(room.changes()));   // the room's document replaces the snapshot
      this.previewing = false;
      this.persistence.holdWrites(false);
      this.persistence.enterRoom(roomId);
      if (room.synced && kept.length) this.forgetKept();   // sent with the join
      return true;
    }

    // Joining: the room's snapshot (its map as a page in it last had it, kept by the server) is
    // shown read-only while the room's document comes, which then replaces it (liveJoin). The map
    // open before is stored first, and storage writes nothing meanwhile; a join that fails brings
    // it back (endPreview), with its undo history. Resolves once a frame has shown it.
    async preview(deflated) {
      let bytes;
      try { bytes = await window.TrayectoLink.inflate(deflated, TrayectoWasm.MAX_MAP_BYTES, TrayectoLink.SNAPSHOT_FEED_BYTES); } catch (e) { return; }   // the document will do
      while (this.persistence.saving) await this.persistence.saving;   // a write of the map open now ends first
      if (this.room || this.previewing) return;   // in a room: its map stays until the join replaces it
      this.persistence.storeBeforeSwitch();
      this.persistence.holdWrites(true);
      if (this.wasm.livePreview(bytes)) { this.persistence.holdWrites(false); return; }   // not a map: the document will do
      this.previewing = true;
      const wasm = this.wasm, frame = wasm.frameCount();
      await new Promise((resolve) => {
        const shown = () => { clearTimeout(timer); setTimeout(resolve, 0); };   // after the frame is on screen
        const timer = setTimeout(resolve, PAINT_WAIT_MS);
        const poll = () => (wasm.frameCount() > frame ? shown() : requestAnimationFrame(poll));
        requestAnimationFrame(poll);
      });
    }

    endPreview() {
      if (!this.previewing) return;
      this.previewing = false;
      this.wasm.liveEndPreview();
      this.persistence.holdWrites(false);
    }

    // The server asks for this page's map as the room's snapshot (for pages that join later).
    async sendSnapshot(room) {
      if (this.room !== room || !room.synced || this.sendingSnapshot) return;
      this.sendingSnapshot = true;
      try {
        const blob = await this.persistence.bridge.getMapBlob();   // written between frames
        const bytes = new Uint8Array(await blob.arrayBuffer());
        if (this.room === room) room.sendSnapshot(bytes);
      } catch (e) { /* asked again at a later change */ } finally { this.sendingSnapshot = false; }
    }

    enter(room, roomId) {
      this.room = room;
      this.roomId = roomId;
      room.listen();   // after the core has the room's whole document (joining), or started it
      // Votes are this person's, not everyone's in the room; "Your name" set from here on is theirs.
      this.wasm.setParticipant(this.participantId());
      if (this.inLink !== false && !linkedRoom(location.hash)) history.replaceState(null, '', location.pathname + location.search + '#room=' + roomId);
      this.selectionChanged();   // what is selected now, for the others
      if (!this.hiding) {
        this.hiding = (e) => { if (e.type === 'pagehide' || document.visibilityState === 'hidden') this.storeOffline(true); };
        document.addEventListener('visibilitychange', this.hiding);
        window.addEventListener('pagehide', this.hiding);
      }
      this.showPresence(room.peers());
      if (!room.synced) this.showOffline();
    }

    // The room's link: this page's address, or for a room a host page joined through
    // Trayecto.mount's `room`, the app's own page next to its files.
    // Without this page's ?lang=: each person opens it in their own language.
    link() {
      const page = new URL(this.inLink === false && this.base ? new URL('index.html', new URL(this.base, location.href)).href : location.href);
      page.hash = '';
      page.searchParams.delete('lang');
      return page.href + '#room=' + this.roomId;
    }

    async showLink() {
      const link = this.link();
      try { await navigator.clipboard.writeText(link); } catch (e) { /* shown to copy by hand */ }
      return this.ui.linkDialog(link, this.t('PageLiveTitle'), this.t('PageLiveLinkText'));
    }

    // Map → Leave live session, or another map opened here: the map stays, as a map of My maps.
    leave({ quietly = false } = {}) {
      if (!this.room) return;
      this.room.close();
      this.room = null;
      this.wasm.liveLeave();
      this.wasm.setParticipant('');   // this browser's own maps: as before the room
      clearTimeout(this.presenceTimer);
      this.presenceTimer = 0;
      this.presenceSent = '';
      this.ui.hideBanner('live');
      this.waiting.clear();
      if (this.presence) { this.presence.remove(); this.presence = null; }
      if (this.inLink !== false) history.replaceState(null, '', location.pathname + location.search);
      this.persistence.leaveRoom();
      if (!quietly) this.ui.toast(this.t('PageLiveLeft'));
    }

    // Someone else's changes.
    received(changes) {
      if (!this.room) return;
      this.wasm.liveReceive(JSON.stringify(changes));
    }

    // The map changed here (TrayectoWasm.CAUSE): this user's edits, undo and redo go to the room.
    changed(cause) {
      if (!this.room || !TrayectoWasm.isUserChange(cause)) return;
      const out = this.wasm.liveOutgoing();
      if (out === '[]') return;
      const changes = JSON.parse(out);
      this.room.publish(changes);
      if (this.room.synced) return;
      // An edit also stamps the map's "modified": that alone is not a change of the user's.
      const items = changes.filter(([scope]) => scope !== 'map').map(([scope, id]) => scope + '/' + id);
      for (const key of items.length ? items : ['map']) this.waiting.add(key);
      this.keepOffline();
    }

    // Offline: the room's document (with this user's changes) is kept in storage, so a reload or
    // a closed tab loses none of them; they merge when the room answers again. The banner counts
    // the items changed (a card typed into is one change, however many keys).
    keepOffline() {
      this.showOffline();
      clearTimeout(this.keepTimer);
      this.keepTimer = setTimeout(() => this.storeOffline(), OFFLINE_KEEP_MS);
    }

    // Also when the page is hidden or goes away: then the write starts at once, and a copy goes
    // to localStorage too (written before the page dies, which an IndexedDB write may not be).
    storeOffline(leaving = false) {
      clearTimeout(this.keepTimer);
      if (!this.room || !this.waiting.size) return;
      const kept = { update: this.room.state(), waiting: [...this.waiting] };
      if (leaving) {
        try { localStorage.setItem(RESCUE_PREFIX + this.roomId, JSON.stringify({ update: toBase64(kept.update), waiting: kept.waiting })); } catch (e) { /* too large: storage is still tried */ }
      }
      const store = this.persistence.store;
      if (store) store.setMeta(keyOf(this.roomId), kept).catch(() => {});
    }

    readRescue(roomId) {
      try {
        const r = JSON.parse(localStorage.getItem(RESCUE_PREFIX + roomId) || 'null');
        return r && { update: fromBase64(r.update), waiting: r.waiting };
      } catch (e) { return null; }
    }

    // The room has everything this page kept for it.
    forgetKept() {
      try { localStorage.removeItem(RESCUE_PREFIX + this.roomId); } catch (e) { /* nothing kept */ }
      const store = this.persistence.store;
      if (store) store.setMeta(keyOf(this.roomId), null).catch(() => {});
    }

    showOffline() {
      if (this.room && this.room.synced) return;
      const room = this.room;
      if (room) this.ui.banner('live', () => this.t('PageLiveOffline', this.waiting.size), []);
    }

    statusChanged(status, reason) {
      if (!this.room) return;
      if (status === 'refused') {
        // The server will not have this page any more (a size, a rate, no right to the room).
        this.leave({ quietly: true });
        this.ui.message(this.t('PageLiveTitle'), this.t('PageLiveRefused', reason || ''));
        return;
      }
      if (status === 'offline') this.showOffline();
      if (status === 'online' && this.ui.banners.has('live')) {
        this.waiting.clear();
        this.ui.hideBanner('live');
        this.ui.toast(this.t('PageLiveBack'));
        this.forgetKept();
      }
    }

    // The selection, or the card typed into, changed on the canvas: the others see it (at most
    // every PRESENCE_EVERY_MS, as a band selection changes it each frame).
    selectionChanged() {
      if (!this.room || this.presenceTimer) return;
      this.presenceTimer = setTimeout(() => {
        this.presenceTimer = 0;
        if (!this.room) return;
        const view = this.wasm.viewState();
        const now = { selection: (view.selection || []).slice(0, 50), editing: view.editing || '' };
        const text = JSON.stringify(now);
        if (text !== this.presenceSent) { this.presenceSent = text; this.room.setPresence(now); }
      }, PRESENCE_EVERY_MS);
    }

    // Who is here: a coloured dot and a name each (the user first); what the others selected is
    // drawn on the canvas in their colours.
    showPresence(peers) {
      if (!this.room) return;
      // Two people in one colour: the one who came later (higher id) takes a free colour.
      const self = peers.find((p) => p.you);
      if (self && peers.some((p) => !p.you && p.colour === self.colour && p.id < self.id)) {
        const used = new Set(peers.filter((p) => !p.you).map((p) => p.colour.toLowerCase()));
        const free = COLOURS.find((c) => !used.has(c.toLowerCase()));
        if (free) this.room.setPresence({ colour: free });
      }
      this.wasm.livePeers(JSON.stringify(peers.filter((p) => !p.you).map((p) => ({ name: this.nameOf(p), colour: p.colour, selection: p.selection, editing: p.editing }))));
      if (!this.presence) {
        this.presence = document.createElement('div');
        this.presence.className = 'tr-presence';
        this.presence.setAttribute('role', 'status');
        this.root.appendChild(this.presence);
      }
      const list = [...peers].sort((a, b) => (b.you - a.you) || this.nameOf(a).localeCompare(this.nameOf(b)));
      this.presence.textContent = '';
      const label = document.createElement('span');
      label.textContent = this.t('PageLiveHere');
      this.presence.appendChild(label);
      for (const p of list) {
        const item = document.createElement('span');
        item.className = 'tr-peer';
        item.dataset.peer = this.nameOf(p);
        const dot = document.createElement('i');
        dot.style.background = p.colour;
        item.append(dot, p.you ? `${this.nameOf(p)} (${this.t('PageLiveYou')})` : this.nameOf(p));
        if (!p.you && p.selection.length) item.title = p.selection.join(', ');
        this.presence.appendChild(item);
      }
    }

    hostAction(name) {
      if (name === 'live-start') return this.start();
      if (name === 'live-link') return this.showLink();
      if (name === 'live-leave') return this.leave();
      if (name === 'live-name') return this.named();
      return undefined;
    }

    // The person here gave their name (Map → Your name, or when saving a file), in a room or
    // before one: the name this browser shows in rooms from now on. Not the map's field: in a
    // room that is shared, and a file brings its owner's.
    named() {
      const name = this.wasm.givenName().slice(0, 80);
      if (!name) return;
      this.remember(NAME_KEY, name);
      if (this.room) this.room.setPresence({ name });
    }

    destroy() {
      this.storeOffline(true);
      this.leave({ quietly: true });
      if (this.hiding) {
        document.removeEventListener('visibilitychange', this.hiding);
        window.removeEventListener('pagehide', this.hiding);
      }
    }
  }

  window.TrayectoLive = { Live, linkedRoom };
})();

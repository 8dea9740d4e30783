// A live room's connection (docs/live.md): the room's Yjs document kept in step with the room
// server over one WebSocket, in Hocuspocus's protocol (each message starts with the room's name
// and a type; the first is the room's token), and presence through Yjs awareness. Bundled with
// yjs and y-protocols into dist/trayecto-live.js (web/bundle-live.mjs), which the page
// (web/live.js) loads only when a room starts or a room link is opened.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

import { AUTH, AUTH_DENIED, AUTH_TOKEN, AWARENESS, CLOSE, QUERY_AWARENESS, SNAPSHOT_PARAM, STATELESS, SYNC, SYNC_REPLY,
         answerSync, asksForSnapshot, roomMessage, snapshotMessage, snapshotOf } from './live-protocol.mjs';
import { LIVE_PATH, REFUSING_CLOSES, ROOM_ID, newRoomId } from './live-room.mjs';
import { allChanges, hasFields, observeChanges, writeChanges } from './live-yjs.mjs';

const RETRY_MS = [500, 1000, 2000, 4000, 8000];   // reconnecting: waits between tries, then the last again
const REFUSED = new Set(REFUSING_CLOSES);

export class Room {
  // url: the server's WebSocket address; room: its id. Calls back:
  //   onChanges(changes)   others' changes (arrays of [scope, id, field, value])
  //   onStatus(status)     'connecting' | 'online' | 'offline' | 'refused' (with a reason)
  //   onPresence(peers)    [{id, name, colour, selection, you}] whenever someone comes, goes or moves
  //   onSnapshot(bytes)    joining: the room's snapshot (the map's text, UTF-8), before the room's
  //                        document; what the server sends next waits for the promise it returns
  //   onSnapshotWanted()   the server asks for this page's map as the room's snapshot (sendSnapshot)
  // stored: updates of the room's document kept in this browser (edits made offline).
  constructor({ url, room, token = '', stored = null, me, onChanges, onStatus, onPresence, onSnapshot = null, onSnapshotWanted = () => {} }) {
    this.url = url;
    this.room = room;
    this.token = token;
    this.doc = new Y.Doc();
    this.local = {};   // the origin of this client's own transactions
    for (const update of stored || []) Y.applyUpdate(this.doc, update, this.local);   // updates merge in any order
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(me);
    this.onStatus = onStatus;
    this.status = 'connecting';
    this.synced = false;
    this.closed = false;
    this.tries = 0;
    this.ws = null;
    this.onChanges = onChanges;   // once listen() is called
    this.onSnapshot = onSnapshot;   // asked for on the first connection only
    this.onSnapshotWanted = onSnapshotWanted;
    this.held = null;   // messages waiting while the snapshot is shown: {ws, messages}
    this.doc.on('update', (update, origin) => {
      if (origin === this) return;   // from the server: nothing to send back
      if (this.open()) this.send(SYNC, (e) => syncProtocol.writeUpdate(e, update));
    });
    // 'update', not 'change': the awareness renews this page's state every 15 s without changing
    // it, and the others drop a state not renewed for 30 s (someone idle vanished from the list).
    this.awareness.on('update', ({ added, updated, removed }, origin) => {
      if (origin === 'local' && this.open()) this.sendAwareness([...added, ...updated, ...removed]);
    });
    this.awareness.on('change', () => onPresence(this.peers()));
    // The browser says the network is gone: a socket may stay "open" long after, so it is
    // dropped now; when the network is back, the room is joined again at once.
    this.wentOffline = () => { const ws = this.ws; if (ws) { this.dropped(); ws.close(); } };
    this.cameOnline = () => {
      clearTimeout(this.retry);
      this.tries = 0;
      if (!this.ws && !this.closed && this.status !== 'refused') this.connect();
    };
    window.addEventListener('offline', this.wentOffline);
    window.addEventListener('online', this.cameOnline);
    this.connect();
  }

  open() { return this.ws && this.ws.readyState === WebSocket.OPEN; }

  connect() {
    if (this.closed) return;
    if (navigator.onLine === false) { this.setStatus('offline'); return; }   // until 'online'
    this.setStatus('connecting');
    let url = this.url;
    if (this.onSnapshot) {
      const u = new URL(url);
      u.searchParams.set(SNAPSHOT_PARAM, '1');
      url = u.href;
    }
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      this.send(AUTH, (e) => { encoding.writeVarUint(e, AUTH_TOKEN); encoding.writeVarString(e, this.token); });
      this.send(SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc));
      this.sendAwareness([this.doc.clientID]);
      this.send(QUERY_AWARENESS, () => {});   // who is here already
    };
    ws.onmessage = (event) => {
      if (this.held && this.held.ws === ws) { this.held.messages.push(event.data); return; }
      this.take(event.data);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      if (REFUSED.has(event.code)) this.refuse(this.closeReason || String(event.code));
      else this.dropped();
    };
    ws.onerror = () => {};
  }

  // The connection is gone: others are not seen while this page is cut off from them, and it
  // tries again (at once when the browser says the network is back).
  dropped() {
    this.ws = null;
    this.synced = false;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID), this);
    if (this.closed || this.status === 'refused') return;
    this.setStatus('offline');
    const wait = RETRY_MS[Math.min(this.tries++, RETRY_MS.length - 1)];
    this.retry = setTimeout(() => this.connect(), wait);
  }

  take(data) {
    try { this.receive(new Uint8Array(data)); } catch (e) { /* a malformed message is dropped */ }
  }

  // The snapshot is shown: what came meanwhile on the same connection is read now.
  release() {
    const held = this.held;
    this.held = null;
    if (held && held.ws === this.ws) for (const data of held.messages) { if (this.ws === held.ws) this.take(data); }
  }

  // bytes: the map's text, UTF-8.
  sendSnapshot(bytes) { if (this.open() && this.synced) this.ws.send(snapshotMessage(this.room, bytes)); }

  send(type, body) { this.ws.send(roomMessage(this.room, type, body)); }

  sendAwareness(clients) {
    this.send(AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  receive(data) {
    const d = decoding.createDecoder(data);
    if (decoding.readVarString(d) !== this.room) return;
    const type = decoding.readVarUint(d);
    if (type === AUTH) {
      if (decoding.readVarUint(d) === AUTH_DENIED) {
        this.passwordRefused = true;   // the room has a password, and this was not it
        this.refuse(decoding.hasContent(d) ? decoding.readVarString(d) : 'denied');
      }
    } else if (type === SYNC || type === SYNC_REPLY) {
      const kind = answerSync(d, this.room, this.doc, this, (bytes) => this.ws.send(bytes));
      if (kind === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.onSnapshot = null;   // a snapshot is for joining only
        this.tries = 0;
        this.setStatus('online');
      }
    } else if (type === AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), this);
    } else if (type === QUERY_AWARENESS) {
      this.sendAwareness([...this.awareness.getStates().keys()]);
    } else if (type === STATELESS) {
      const payload = decoding.readVarUint8Array(d);   // a varString's bytes
      const map = snapshotOf(payload);
      if (asksForSnapshot(payload)) this.onSnapshotWanted();
      else if (map && this.onSnapshot && !this.synced && !this.held) {
        const show = this.onSnapshot;
        this.onSnapshot = null;   // once
        this.held = { ws: this.ws, messages: [] };
        Promise.resolve().then(() => show(map)).catch(() => {}).then(() => this.release());
      }
    } else if (type === CLOSE) {
      this.closeReason = decoding.hasContent(d) ? decoding.readVarString(d) : '';   // the socket's close says what follows
    }
  }

  refuse(reason) {
    this.setStatus('refused', reason);
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close();
  }

  setStatus(status, reason) {
    this.status = status;
    this.onStatus(status, reason);
  }

  // This user's changes (the core's, as JSON text) into the room, as one transaction.
  publish(changes) { if (changes.length) writeChanges(Y, this.doc, changes, this.local); }
  // Every field of the room's document, as changes (joining).
  changes() { return allChanges(Y, this.doc); }
  // The room's document as one update, to keep in the browser (edits made offline survive a reload).
  state() { return Y.encodeStateAsUpdate(this.doc); }
  empty() { return !hasFields(Y, this.doc); }
  // Others' changes reach onChanges from now on. Joining reads the whole document first
  // (changes()), so the first sync's thousands of items raise no events (observing them cost
  // ~0.4 s at 5 000 cards).
  listen() {
    if (this.listening) return;
    this.listening = true;
    observeChanges(Y, this.doc, this.onChanges, this.local);
  }

  setPresence(fields) {
    this.awareness.setLocalState({ ...this.awareness.getLocalState(), ...fields });
  }

  peers() {
    const out = [];
    for (const [id, state] of this.awareness.getStates()) {
      if (!state || typeof state !== 'object') continue;
      out.push({ id, name: String(state.name || '').slice(0, 80), guest: Number.isInteger(state.guest) ? state.guest : 0, colour: /^#[0-9a-f]{6}$/i.test(state.colour) ? state.colour : '#888888',
                 selection: Array.isArray(state.selection) ? state.selection.filter((s) => typeof s === 'string').slice(0, 50) : [],
                 editing: typeof state.editing === 'string' ? state.editing : '',
                 you: id === this.doc.clientID });
    }
    return out;
  }

  close() {
    this.closed = true;
    clearTimeout(this.retry);
    window.removeEventListener('offline', this.wentOffline);
    window.removeEventListener('online', this.cameOnline);
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    if (this.ws) this.ws.close();
    this.doc.destroy();
  }
}

window.TrayectoLiveEngine = { Room, ROOM_ID, LIVE_PATH, newRoomId };

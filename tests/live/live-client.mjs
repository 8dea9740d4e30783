// A Yjs client of the room server for node tests, speaking Hocuspocus's protocol with
// y-protocols: every message starts with the room's name and a message type; the first is the
// room's token (its password, or ""), then the Yjs sync steps and updates.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const SYNC = 0, AUTH = 2, SYNC_REPLY = 4, CLOSE = 7;
const AUTH_TOKEN = 0, AUTH_DENIED = 1, AUTH_OK = 2;

// Resolves once `test()` holds (checked every 10 ms); rejects after `ms` naming `what`.
export async function waitFor(test, what, ms = 5000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class LiveClient {
  // url: ws://host:port/live; origin: the Origin header sent (the page's origin).
  constructor(url, room, { origin, token = '' } = {}) {
    this.room = room;
    this.doc = new Y.Doc();
    this.status = 'connecting';   // then 'authenticated', 'denied' or 'closed'
    this.closeCode = null;
    this.synced = false;
    this.ws = new WebSocket(url, { origin });
    this.ws.binaryType = 'arraybuffer';
    this.ws.on('open', () => {
      this.send(AUTH, (e) => { encoding.writeVarUint(e, AUTH_TOKEN); encoding.writeVarString(e, token); });
      this.send(SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc));
    });
    this.ws.on('message', (data) => this.onMessage(new Uint8Array(data)));
    this.ws.on('close', (code) => { this.status = this.status === 'denied' ? 'denied' : 'closed'; this.closeCode = code; });
    this.ws.on('unexpected-response', (req, res) => { this.status = 'closed'; this.closeCode = res.statusCode; });
    this.ws.on('error', () => {});
    this.doc.on('update', (update, origin) => {
      if (origin !== this && this.ws.readyState === WebSocket.OPEN) this.send(SYNC, (e) => syncProtocol.writeUpdate(e, update));
    });
  }

  // A message of `type` for this room, its body written by `body(encoder)`.
  message(type, body) {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, this.room);
    encoding.writeVarUint(e, type);
    body(e);
    return encoding.toUint8Array(e);
  }

  send(type, body) { this.ws.send(this.message(type, body)); }

  onMessage(data) {
    const d = decoding.createDecoder(data);
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === AUTH) {
      const sub = decoding.readVarUint(d);
      if (sub === AUTH_OK) this.status = 'authenticated';
      else if (sub === AUTH_DENIED) this.status = 'denied';
    } else if (type === SYNC || type === SYNC_REPLY) {
      const reply = encoding.createEncoder();
      encoding.writeVarString(reply, this.room);
      encoding.writeVarUint(reply, SYNC);
      const before = encoding.length(reply);
      const kind = syncProtocol.readSyncMessage(d, reply, this.doc, this);
      if (kind === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(reply) > before) this.ws.send(encoding.toUint8Array(reply));
    } else if (type === CLOSE) {
      this.status = 'closed';
    }
  }

  // Resolves once `test()` holds; rejects after `ms` with `what` and this client's state.
  until(test, what, ms = 5000) {
    return waitFor(test, `${what} (status ${this.status}, close ${this.closeCode})`, ms);
  }

  close() { this.ws.close(); }
}

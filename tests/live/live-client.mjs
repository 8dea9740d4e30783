// A Yjs client of the room server for node tests, speaking Hocuspocus's protocol with
// y-protocols: every message starts with the room's name and a message type; the first is the
// room's token (its password, or ""), then the Yjs sync steps and updates.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

import { AUTH, AUTH_DENIED, AUTH_OK, AUTH_TOKEN, CLOSE, SNAPSHOT_PARAM, STATELESS, SYNC, SYNC_REPLY, answerSync, roomMessage } from '../../web/live-protocol.mjs';

// Resolves once `test()` holds (checked every 10 ms); rejects after `ms` naming `what`.
export async function waitFor(test, what, ms = 5000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class LiveClient {
  // url: ws://host:port/live; origin: the Origin header sent (the page's origin); snapshot: asks
  // for the room's snapshot as a joining page does.
  constructor(url, room, { origin, token = '', snapshot = false } = {}) {
    this.room = room;
    this.doc = new Y.Doc();
    this.status = 'connecting';   // then 'authenticated', 'denied' or 'closed'
    this.closeCode = null;
    this.synced = false;
    this.types = [];       // the type of every message received, in order
    this.stateless = [];   // the payloads of stateless messages, as bytes
    this.ws = new WebSocket(snapshot ? `${url}?${SNAPSHOT_PARAM}=1` : url, { origin });
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
  send(type, body) { this.ws.send(roomMessage(this.room, type, body)); }

  onMessage(data) {
    const d = decoding.createDecoder(data);
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    this.types.push(type);
    if (type === STATELESS) this.stateless.push(decoding.readVarUint8Array(d));
    if (type === AUTH) {
      const sub = decoding.readVarUint(d);
      if (sub === AUTH_OK) this.status = 'authenticated';
      else if (sub === AUTH_DENIED) this.status = 'denied';
    } else if (type === SYNC || type === SYNC_REPLY) {
      const kind = answerSync(d, this.room, this.doc, this, (bytes) => this.ws.send(bytes));
      if (kind === syncProtocol.messageYjsSyncStep2) this.synced = true;
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

// The live room server (docs/live.md): Hocuspocus 3 on an existing HTTP server, WebSocket
// upgrades on LIVE_PATH. Rooms are named by 128-bit random ids (web/live-room.mjs) and kept in
// files under a data folder, so they survive a restart. Its safety:
// - the Origin header must be the server's own origin, or one of `origins`;
// - a message past `maxBytes`, or one that would take the room's document past it, is refused
//   (maxBytes: the core's loader limit, read from the core by scripts/core-limits.mjs);
// - a connection sending faster than `rate` (a token bucket: `burst` messages, refilled at
//   `perSecond`) is closed;
// - the first to open a room may give a password (Hocuspocus's token); then everyone must.
// Each room also has a snapshot (its map in the file format, as a page in it last had it, kept
// deflated): sent first to a page that joins (after its password), asked of a page in the room
// at most every SNAPSHOT_EVERY_MS while the room changes, and taken only from the page asked
// (another's stateless message past STATELESS_SMALL_BYTES closes its connection).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

import { SNAPSHOT, SNAPSHOT_PARAM, SNAPSHOT_WANTED, STATELESS, snapshotMessage } from '../web/live-protocol.mjs';
import { CLOSE_POLICY, LIVE_PATH, ROOM_ID } from '../web/live-room.mjs';

export const DEFAULT_RATE = { burst: 400, perSecond: 200 };
export const SNAPSHOT_EVERY_MS = 10000;   // a changing room's snapshot is asked for this often
const STATELESS_SMALL_BYTES = 1024;
const MEASURE_EVERY_MS = 1000;   // a room's document near the size limit is measured at most this often

// What a hook throws to refuse: Hocuspocus sends `reason` to the client (and closes with `code`
// a connection whose message is refused); without a `message` it does not log it as an error.
const refusal = (reason, code = CLOSE_POLICY) => ({ reason, code });

// Files of one room: its Yjs document (the state as one update), its password's hash and its
// snapshot.
function roomFiles(dataDir, room) {
  return { doc: path.join(dataDir, `${room}.yjs`), lock: path.join(dataDir, `${room}.password.json`),
           snapshot: path.join(dataDir, `${room}.snapshot.deflate`) };
}

// The type of a message (after the room's name), or -1.
function typeOf(message) {
  try {
    const d = decoding.createDecoder(message);
    decoding.readVarString(d);
    return decoding.readVarUint(d);
  } catch { return -1; }
}

function writeAtomically(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

function hashOf(password, salt) { return crypto.scryptSync(password, salt, 32); }

// Checks the room's password, or sets it when the room is new. Throws to refuse.
function checkPassword(files, token, isOpen) {
  if (fs.existsSync(files.lock)) {
    const { salt, hash } = JSON.parse(fs.readFileSync(files.lock, 'utf8'));
    const given = hashOf(token || '', Buffer.from(salt, 'base64'));
    if (!crypto.timingSafeEqual(given, Buffer.from(hash, 'base64'))) throw refusal('wrong room password');
    return;
  }
  if (!token || isOpen || fs.existsSync(files.doc)) return;   // no password, or a room that has none
  const salt = crypto.randomBytes(16);
  writeAtomically(files.lock, JSON.stringify({ salt: salt.toString('base64'), hash: hashOf(token, salt).toString('base64') }));
}

function sameOriginAllowed(request, origins) {
  const origin = request.headers.origin;
  if (!origin) return false;
  let parsed;
  try { parsed = new URL(origin); } catch { return false; }
  if (origins && origins.length) return origins.some((o) => { try { return new URL(o).origin === parsed.origin; } catch { return false; } });
  return parsed.host === request.headers.host;
}

// A token bucket per connection. `refused`: the message that found it dry (the connection is
// then closed, and what it sends afterwards is not read).
function rateLimiter({ burst, perSecond }) {
  let tokens = burst;
  let last = Date.now();
  return {
    refused: new WeakSet(),
    take(message) {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens >= 1) { tokens -= 1; return true; }
      this.refused.add(message);
      return false;
    },
  };
}

// Attaches the room server to `httpServer`. Options: dataDir (created if missing), maxBytes
// (required), origins (list; default: same origin only), rate ({burst, perSecond}),
// snapshotEveryMs, sizeOf (a room's document's size in bytes, as stored; tests count its calls),
// log.
// Returns { hocuspocus, close() }: close() stores every open room and closes every connection.
export function attachLiveRooms(httpServer, { dataDir, maxBytes, origins = null, rate = DEFAULT_RATE,
                                             snapshotEveryMs = SNAPSHOT_EVERY_MS, sizeOf = (document) => Y.encodeStateAsUpdate(document).length,
                                             log = () => {} }) {
  if (!(maxBytes > 0)) throw new RangeError('attachLiveRooms: maxBytes (the core loader limit) is required');
  fs.mkdirSync(dataDir, { recursive: true });
  // room -> { bound: most bytes its document may have now, pending, measuredAt; snapshots: asked (the
  // connection asked for one), askedAt, timer (an ask waiting) }
  const rooms = new Map();
  const roomOf = (name) => {
    if (!rooms.has(name)) rooms.set(name, { bound: 0, pending: 0, measuredAt: 0, asked: null, askedAt: 0, timer: null });
    return rooms.get(name);
  };

  // The room changed (`by`: the connection whose update it was): its snapshot is asked of that
  // page (else of the first in the room), no sooner than snapshotEveryMs after the last ask.
  const wantSnapshot = (name, by) => {
    const room = roomOf(name);
    if (by && typeof by.sendStateless === 'function') room.by = by;
    if (room.timer) return;
    room.timer = setTimeout(() => {
      room.timer = null;
      const document = hocuspocus.documents.get(name);
      if (!document) return;
      const asked = room.by && document.hasConnection(room.by) ? room.by : document.getConnections()[0];
      if (!asked) return;   // asked again at the room's next change
      room.asked = asked;
      room.askedAt = Date.now();
      asked.sendStateless(SNAPSHOT_WANTED);
    }, Math.max(0, room.askedAt + snapshotEveryMs - Date.now()));
    room.timer.unref();
  };

  const store = (name, document) => {
    writeAtomically(roomFiles(dataDir, name).doc, Y.encodeStateAsUpdate(document));
  };

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: 500,
    maxDebounce: 4000,
    async onConnect({ documentName }) {
      if (!ROOM_ID.test(documentName)) throw refusal('not a room name');
    },
    async onAuthenticate({ documentName, token, requestParameters, context }) {
      const isOpen = hocuspocus.documents.has(documentName) || hocuspocus.loadingDocuments.has(documentName);
      const files = roomFiles(dataDir, documentName);
      checkPassword(files, token, isOpen);
      // A page joining: the room's snapshot goes first, before Hocuspocus answers anything.
      if (requestParameters.has(SNAPSHOT_PARAM) && fs.existsSync(files.snapshot)) {
        context.ws.send(snapshotMessage(documentName, fs.readFileSync(files.snapshot)));
      }
    },
    async onChange({ documentName, transactionOrigin }) { wantSnapshot(documentName, transactionOrigin); },
    async onStateless({ connection, documentName, payload }) {
      const room = roomOf(documentName);
      if (room.asked !== connection || !payload.startsWith(SNAPSHOT)) return;   // only from the page asked
      room.asked = null;
      // Deflated (raw, as share links are: ~12 times smaller), off the event loop; a joining page
      // gets it as it is.
      zlib.deflateRaw(Buffer.from(payload.slice(SNAPSHOT.length)), { level: 1 }, (error, bytes) => {
        if (error) log(`room ${documentName}: its snapshot was not kept: ${error.message}`);
        else writeAtomically(roomFiles(dataDir, documentName).snapshot, bytes);
      });
    },
    async onLoadDocument({ documentName, document }) {
      const file = roomFiles(dataDir, documentName).doc;
      if (!fs.existsSync(file)) return;
      const bytes = fs.readFileSync(file);
      if (bytes.length > maxBytes) throw new Error('stored room is larger than the limit');
      Y.applyUpdate(document, new Uint8Array(bytes));
      roomOf(documentName).bound = bytes.length;
    },
    async beforeHandleMessage({ context, connection, documentName, document, update }) {
      if (context.limiter?.refused.has(update)) throw refusal('too many messages');
      if (typeOf(update) === STATELESS) {
        // A snapshot, from the page asked for it: not the document (maxPayload bounds it).
        if (update.length > STATELESS_SMALL_BYTES && roomOf(documentName).asked !== connection) throw refusal('unexpected message');
        return;
      }
      // A message adds at most its own size. `bound` sums the document's size when last measured
      // and every message since; the document is measured only when that passes the limit. ws
      // hands over several messages at once, and Hocuspocus applies each a little later: those
      // accepted but not yet applied (`pending`) count on top of the measured size. Measuring
      // costs a whole encoding of the document (~30 ms at the limit): near the limit, where each
      // message would need one, it is done at most every MEASURE_EVERY_MS, and meanwhile a
      // message that could pass the limit is refused (else small messages to a full room kept
      // the server busy encoding it).
      const room = roomOf(documentName);
      let bound = room.bound + update.length;
      if (bound > maxBytes) {
        const now = Date.now();
        if (now - room.measuredAt < MEASURE_EVERY_MS) throw refusal('room too large');
        room.measuredAt = now;
        bound = sizeOf(document) + room.pending + update.length;
        if (bound > maxBytes) {
          log(`room ${documentName}: a message would take it past ${maxBytes} bytes; refused`);
          throw refusal('room too large');
        }
      }
      room.bound = bound;
      room.pending += update.length;
      setImmediate(() => { room.pending -= update.length; });   // applied by then (microtasks)
    },
    async onStoreDocument({ documentName, document }) { store(documentName, document); },
    async afterUnloadDocument({ documentName }) {
      clearTimeout(rooms.get(documentName)?.timer);
      rooms.delete(documentName);
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxBytes });
  const refuse = (socket, status) => {
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };
  const onUpgrade = (request, socket, head) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname !== LIVE_PATH) { refuse(socket, '404 Not Found'); return; }
    if (!sameOriginAllowed(request, origins)) {
      log(`refused a connection from origin ${JSON.stringify(request.headers.origin ?? null)}`);
      refuse(socket, '403 Forbidden');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const limiter = rateLimiter(rate);
      // ws reports a refused frame (past maxPayload: closed with 1009) as an error event.
      ws.on('error', (e) => log(`closed a connection: ${e.message}`));
      // Registered before Hocuspocus's own listener: past the limit, what the connection still
      // sends is not read (Hocuspocus refuses the message at hand: beforeHandleMessage).
      const count = (message) => {
        if (limiter.take(message)) return;
        ws.removeAllListeners('message');
        if (ws.readyState !== ws.OPEN) return;
        log('closed a connection sending too fast');
        ws.close(CLOSE_POLICY, 'too many messages');
        setTimeout(() => ws.terminate(), 1000).unref();
      };
      ws.on('message', count);
      hocuspocus.handleConnection(ws, request, { limiter, ws });
    });
  };
  httpServer.on('upgrade', onUpgrade);

  return {
    hocuspocus,
    async close() {
      httpServer.off('upgrade', onUpgrade);
      for (const [name, document] of hocuspocus.documents) store(name, document);
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

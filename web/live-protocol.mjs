// The room server's protocol (Hocuspocus's), as the page's engine (web/live-engine.mjs) and the
// node tests' client (tests/live/live-client.mjs) both speak it: every message starts with the
// room's name and a message type; the first a client sends is the room's token (its password).
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

export const SYNC = 0, AWARENESS = 1, AUTH = 2, QUERY_AWARENESS = 3, SYNC_REPLY = 4, STATELESS = 5, CLOSE = 7;
export const AUTH_TOKEN = 0, AUTH_DENIED = 1, AUTH_OK = 2;

// A message of `type` for `room`, its body written by `body(encoder)`.
export function roomMessage(room, type, body) {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e);
}

// A room's snapshot (docs/live.md, "Joining"): the map in the file format as a page in the room
// last had it, kept by the server. A page joining asks for it in its WebSocket address
// (?SNAPSHOT_PARAM) and is sent it before anything else, to show while the room's document comes.
// Stateless messages carry it: SNAPSHOT + the map's text from the page asked (the server asks a
// page in the room for a newer one with SNAPSHOT_WANTED); SNAPSHOT + the text deflated (raw, as
// share links are) to a page joining.
export const SNAPSHOT_PARAM = 'snapshot';
export const SNAPSHOT = 'trayecto-snapshot:';
export const SNAPSHOT_WANTED = 'trayecto-snapshot?';

const utf8 = new TextEncoder();
const SNAPSHOT_BYTES = utf8.encode(SNAPSHOT);
const SNAPSHOT_WANTED_BYTES = utf8.encode(SNAPSHOT_WANTED);

// SNAPSHOT + bytes (the map's text as UTF-8, or deflated) as a stateless message, not decoded.
// (A stateless payload is a varString: its byte length, then its UTF-8 bytes.)
export function snapshotMessage(room, mapBytes) {
  const head = roomMessage(room, STATELESS, (e) => encoding.writeVarUint(e, SNAPSHOT_BYTES.length + mapBytes.length));
  const message = new Uint8Array(head.length + SNAPSHOT_BYTES.length + mapBytes.length);
  message.set(head, 0);
  message.set(SNAPSHOT_BYTES, head.length);
  message.set(mapBytes, head.length + SNAPSHOT_BYTES.length);
  return message;
}

// Whether a stateless payload's bytes are the server's SNAPSHOT_WANTED.
export function asksForSnapshot(payload) {
  return payload.length === SNAPSHOT_WANTED_BYTES.length && SNAPSHOT_WANTED_BYTES.every((b, i) => payload[i] === b);
}

// A stateless payload's bytes (read as bytes, not text): what follows SNAPSHOT, or null.
export function snapshotOf(payload) {
  if (payload.length < SNAPSHOT_BYTES.length || SNAPSHOT_BYTES.some((b, i) => payload[i] !== b)) return null;
  return payload.subarray(SNAPSHOT_BYTES.length);
}

// Reads a sync message (after its room and type) into `doc` as `origin`; answers through
// `send(bytes)` when the protocol asks for an answer. Returns the sync message's kind.
export function answerSync(decoder, room, doc, origin, send) {
  const reply = encoding.createEncoder();
  encoding.writeVarString(reply, room);
  encoding.writeVarUint(reply, SYNC);
  const before = encoding.length(reply);
  const kind = syncProtocol.readSyncMessage(decoder, reply, doc, origin);
  if (encoding.length(reply) > before) send(encoding.toUint8Array(reply));
  return kind;
}

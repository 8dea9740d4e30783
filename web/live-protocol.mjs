// The room server's protocol (Hocuspocus's), as the page's engine (web/live-engine.mjs) and the
// node tests' client (tests/live/live-client.mjs) both speak it: every message starts with the
// room's name and a message type; the first a client sends is the room's token (its password).
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

export const SYNC = 0, AWARENESS = 1, AUTH = 2, QUERY_AWARENESS = 3, SYNC_REPLY = 4, CLOSE = 7;
export const AUTH_TOKEN = 0, AUTH_DENIED = 1, AUTH_OK = 2;

// A message of `type` for `room`, its body written by `body(encoder)`.
export function roomMessage(room, type, body) {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e);
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

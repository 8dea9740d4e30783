// What the page and the room server (scripts/live-rooms.mjs) agree on about a live room
// (docs/live.md): where the server listens, and what a room's name is.

// The WebSocket path of the room server, on the page's own origin by default.
export const LIVE_PATH = '/live';

// A room is named by 128 random bits in base64url (22 characters, no padding): unguessable, and
// the only names the server accepts.
export const ROOM_ID = /^[A-Za-z0-9_-]{22}$/;

// WebSocket close codes of a server that will not have a page (tried again, it would refuse
// again): a policy (the server's refusals), a message too big (ws's maxPayload), and Hocuspocus's
// "unauthorized" and "forbidden". Any other close (a restart, a network cut) is tried again.
export const CLOSE_POLICY = 1008;
export const REFUSING_CLOSES = [CLOSE_POLICY, 1009, 4401, 4403];

// A new room's name. `crypto`: the Web Crypto API (browsers; under node 18, node:crypto's webcrypto).
export function newRoomId(crypto = globalThis.crypto) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Share links: the map deflated (raw), base64url-encoded, after "#map=" in the address.
// A link is input like any file: decoding never trusts it. It stops inflating at `maxBytes`
// (the loader's own limit, TrayectoWasm.MAX_MAP_BYTES) and hands back bytes, not text, so the
// loader refuses invalid UTF-8 in a link as it does in a file (no silent U+FFFD).
// Loaded by the page (in the embed bundle) and by node (tests/e2e/share-link.test.mjs).
(function (global) {
  'use strict';

  // Why a link did not decode: 'unreadable' (not base64, not deflate, cut short) or 'tooLarge'.
  class LinkError extends Error {
    constructor(reason, message) {
      super(message);
      this.name = 'LinkError';
      this.reason = reason;
    }
  }

  async function encode(text) {
    const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function base64urlBytes(encoded) {
    const b64 = String(encoded).replace(/-/g, '+').replace(/_/g, '/');
    let binary;
    try {
      binary = atob(b64 + '==='.slice((b64.length + 3) % 4));
    } catch (e) {
      throw new LinkError('unreadable', 'not base64url');
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Compressed bytes handed to the inflater at a time. An inflater may turn all it is given
  // into output at once, whatever the reader has asked for (Chromium's does), and deflate
  // expands at most ~1032 times: 1 KB in is at most ~1 MB out before the cap is checked again.
  const FEED_BYTES = 1024;
  // A live room's snapshot, from the room server, is fed 16 KB at a time (it is ~250 KB for a
  // map of 5 000 cards): at most ~16 MB past the cap before a hostile one is stopped.
  const SNAPSHOT_FEED_BYTES = 16 * 1024;

  // The map's bytes (UTF-8, unchecked: the loader checks them), inflated a step at a time and
  // stopped as soon as they pass maxBytes. Rejects only with a LinkError.
  async function decode(encoded, maxBytes) {
    if (!(maxBytes > 0)) throw new RangeError('decode(encoded, maxBytes): maxBytes is required');
    return inflate(base64urlBytes(encoded), maxBytes);
  }

  // Raw deflate bytes (a link's, a live room's snapshot) inflated as decode() does, fed
  // `feedBytes` at a time: the output may pass maxBytes by up to ~1032 times that before it stops.
  async function inflate(compressed, maxBytes, feedBytes = FEED_BYTES) {
    if (!(maxBytes > 0)) throw new RangeError('inflate(compressed, maxBytes): maxBytes is required');
    const inflater = new DecompressionStream('deflate-raw');
    const writer = inflater.writable.getWriter();
    const reader = inflater.readable.getReader();
    let stopped = false;
    // Fed as the reader takes the output (backpressure), never ahead of it.
    (async () => {
      for (let at = 0; at < compressed.length; at += feedBytes) {
        await writer.ready;
        if (stopped) return;
        writer.write(compressed.subarray(at, at + feedBytes)).catch(() => {});
      }
      await writer.ready;
      if (!stopped) writer.close().catch(() => {});
    })().catch(() => {});   // a failed write shows as a failed read below
    const chunks = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > maxBytes) throw new LinkError('tooLarge', `inflates past ${maxBytes} bytes`);
        chunks.push(value);
      }
    } catch (e) {
      stopped = true;
      reader.cancel().catch(() => {});   // stops the inflater: nothing more is produced
      writer.abort().catch(() => {});
      if (e instanceof LinkError) throw e;
      throw new LinkError('unreadable', 'not deflate data: ' + (e && e.message));
    }
    if (chunks.length === 1) return chunks[0];
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) { bytes.set(c, at); at += c.length; }
    return bytes;
  }

  global.TrayectoLink = { encode, decode, inflate, LinkError, SNAPSHOT_FEED_BYTES };
})(typeof window !== 'undefined' ? window : globalThis);

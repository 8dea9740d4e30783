// The only code that calls the wasm's trayecto_* functions (web/main.cpp). The mount,
// persistence and exports all go through one WasmBridge per Trayecto instance.
(function () {
  'use strict';

  // Must match trayecto::ChangeCause, trayecto::Keeper and App::MapSource / App::StorageStatus.
  const CAUSE = { none: 0, edit: 1, undo: 2, redo: 3, open: 4, otherTab: 5, remote: 6 };
  const KEEPER = { browser: 0, file: 1 };
  const SOURCE = { elsewhere: 0, file: 1, browser: 2, otherTab: 3 };
  const STORAGE = { unknown: 0, on: 1, failing: 2, off: 3 };
  const isUserChange = (cause) => cause === CAUSE.edit || cause === CAUSE.undo || cause === CAUSE.redo;
  // The largest map the core's loader opens (trayecto::LoadLimits::maxBytes): the one place JS
  // says it. Anything that reads a map before the wasm runs (links, src=) stops there; the wasm
  // is asked at start whether it agrees (trayecto_max_map_bytes).
  const MAX_MAP_BYTES = 32 * 1024 * 1024;

  const utf8 = new TextDecoder();
  const encoder = new TextEncoder();

  class WasmBridge {
    constructor(module) {
      this.m = module;
      this.hostActions = null;   // names by HostAction value, read once
      const coreLimit = module._trayecto_max_map_bytes();
      if (coreLimit !== MAX_MAP_BYTES) console.error(`Trayecto: the core opens maps up to ${coreLimit} bytes, the page stops at ${MAX_MAP_BYTES} (web/wasm-bridge.js)`);
    }

    // Strings go to the wasm heap, never through ccall's 'string' arguments: those are copied
    // onto the 1 MB wasm stack, and a large map, paste or URL parameter would overflow it.
    // The text is encoded straight into a heap block: three bytes a character (always enough)
    // for a short one, a quarter more than its length for a long one (most maps are mostly
    // ASCII): 6 ms for a 3 MB map, where Emscripten's lengthBytesUTF8 counts in a JS loop (~20 ms)
    // and TextEncoder.encode takes 12-20 ms. A long text that does not fit (mostly other scripts)
    // is encoded to its exact size instead.
    heapString(text) {
      const m = this.m;
      text = String(text);
      const room = text.length > (1 << 16) ? text.length + (text.length >> 2) + 4 : text.length * 3 + 1;
      const ptr = m._malloc(room);
      const { read, written } = encoder.encodeInto(text, m.HEAPU8.subarray(ptr, ptr + room - 1));
      if (read === text.length) {
        m.HEAPU8[ptr + written] = 0;
        return { ptr, size: written };
      }
      m._free(ptr);
      return this.heapBytes(encoder.encode(text), true);
    }

    // `terminated`: a NUL after the bytes (for text the wasm may also read as a C string).
    heapBytes(bytes, terminated = false) {
      const ptr = this.m._malloc(Math.max(1, bytes.length + (terminated ? 1 : 0)));
      this.m.HEAPU8.set(bytes, ptr);
      if (terminated) this.m.HEAPU8[ptr + bytes.length] = 0;
      return { ptr, size: bytes.length };
    }

    // Calls fn(...pointers) with each argument (string or bytes) copied to the heap, then frees them.
    withHeap(args, fn) {
      const owned = args.map((a) => (typeof a === 'string' ? this.heapString(a) : this.heapBytes(a)));
      try { return fn(...owned); } finally { for (const o of owned) this.m._free(o.ptr); }
    }

    // The text a call just returned, as a view of the heap (valid until the next call).
    scratch(ptr) { return this.m.HEAPU8.subarray(ptr, ptr + this.m._trayecto_scratch_size()); }
    text(ptr) { return this.m.UTF8ToString(ptr); }

    // ---- start, input, frames
    start(selector, regular, bold, lang) {
      return this.withHeap([selector, regular, bold, lang], (s, r, b, l) =>
        this.m._trayecto_start(s.ptr, r.ptr, r.size, b.ptr, b.size, l.ptr));
    }
    key(code, down, e) { this.m._trayecto_key(code, down ? 1 : 0, e.ctrlKey ? 1 : 0, e.shiftKey ? 1 : 0, e.altKey ? 1 : 0, e.metaKey ? 1 : 0); }
    typed(text) { this.withHeap([text], (t) => this.m._trayecto_text(t.ptr)); }
    paste(text) { this.withHeap([text], (t) => this.m._trayecto_paste(t.ptr)); }
    focus(on) { this.m._trayecto_focus(on ? 1 : 0); }
    runFrames(n) { this.m._trayecto_run_frames(n); }
    requestFrame() { this.m._trayecto_request_frame(); }
    holdFrames(held) { this.m._trayecto_hold_frames(held ? 1 : 0); }
    stop() { this.m._trayecto_stop(); }
    busy() { return this.m._trayecto_busy() !== 0; }
    frameCount() { return this.m._trayecto_frame_count(); }
    repaint() { this.m._trayecto_repaint(); }
    redrawnPixels() { return this.m._trayecto_redrawn_pixels(); }
    frameTimes() {
      const s = this.text(this.m._trayecto_frame_times());
      return s ? s.split(',').map(Number) : [];
    }
    heapUsed() { return this.m._trayecto_heap_bytes(); }
    // Fonts for characters beyond the first download's (web/fonts.py's pieces).
    addGlyphPiece(bytes, order) { this.withHeap([bytes], (b) => this.m._trayecto_add_glyph_piece(b.ptr, b.size, order)); }
    rebakeFonts() { this.m._trayecto_rebake_fonts(); }
    missingGlyphs() { return JSON.parse(this.text(this.m._trayecto_missing_glyphs())); }

    // ---- the document
    revision() { return this.m._trayecto_revision(); }
    getMap() { return utf8.decode(this.scratch(this.m._trayecto_get_map())); }
    getMapBytes() { return this.scratch(this.m._trayecto_get_map()).slice(); }
    // A save written a slice at a time: begin, then step(items) → 0 more, 1 done, -1 changed.
    saveBegin() { this.m._trayecto_save_begin(); }
    saveStep(items) { return this.m._trayecto_save_step(items); }
    // What the save wrote after its first `from` bytes (a copy: the heap may move or grow before
    // the next slice), and how many bytes it has written in all.
    savedSince(from) {
      const at = this.m._trayecto_save_written(), end = this.m._trayecto_save_written_size();
      return { bytes: this.m.HEAPU8.slice(at + from, at + end), end };
    }
    saveEnd() { this.m._trayecto_save_end(); }
    summary() {
      const [cards, personas, ...title] = this.text(this.m._trayecto_summary()).split('\t');
      return { title: title.join('\t'), personas: Number(personas), cards: Number(cards) };
    }
    // Opens a map (text or bytes) from `source` (SOURCE): "" or the error.
    open(json, source) {
      const arg = typeof json === 'string' ? json : json instanceof Uint8Array ? json : new Uint8Array(json);
      return this.withHeap([arg], (j) => this.text(this.m._trayecto_load_map_bytes(j.ptr, j.size, source)));
    }
    restoreVersion(json) {
      return this.withHeap([json], (j) => this.text(this.m._trayecto_restore_version(j.ptr, j.size)));
    }
    setTitle(title) { return this.withHeap([title], (t) => this.m._trayecto_set_title(t.ptr)) !== 0; }
    // Another map's text (a stored one) with a new title, or null when it does not open.
    retitled(json, title) {
      return this.withHeap([json, title], (j, t) => {
        const out = this.scratch(this.m._trayecto_retitled(j.ptr, j.size, t.ptr));
        return out.length ? out.slice() : null;
      });
    }
    newMap(templateId) { return this.withHeap([String(templateId)], (t) => this.m._trayecto_new_map(t.ptr)) !== 0; }
    exportText(kind) { return this.withHeap([kind], (k) => this.text(this.m._trayecto_export(k.ptr))); }
    // The export's bytes as the core wrote them (a text decoder would drop the CSV's byte-order mark).
    exportBytes(kind) { return this.withHeap([kind], (k) => this.scratch(this.m._trayecto_export(k.ptr)).slice()); }
    exportPng(fileName) { return this.withHeap([fileName], (n) => this.m._trayecto_export_png(n.ptr)) !== 0; }
    mergeFiles(files) {   // [{name, text}] → "" or the error
      this.m._trayecto_merge_begin();
      for (const f of files) this.withHeap([f.name, f.text], (n, t) => this.m._trayecto_merge_add(n.ptr, t.ptr, t.size));
      return this.text(this.m._trayecto_merge_finish());
    }

    // ---- where the map is kept: the core's clean marks are the one answer to "is it saved?"
    markClean(keeper, revision) { this.m._trayecto_mark_clean(keeper, revision); }
    forgetClean(keeper) { this.m._trayecto_forget_clean(keeper); }
    isClean(keeper) { return this.m._trayecto_is_clean(keeper) !== 0; }
    changedSinceFile() { return this.m._trayecto_changed_since_file() !== 0; }
    setStorageStatus(status) { this.m._trayecto_set_storage_status(status); }
    setFollowing(on) { this.m._trayecto_set_following(on ? 1 : 0); }

    // ---- live rooms (web/live.js): changes as JSON text, [[scope, id, field, value], ...]
    liveStart() { return this.text(this.m._trayecto_live_start()); }
    liveJoin(changes) { return this.withHeap([changes], (c) => this.m._trayecto_live_join(c.ptr, c.size)) !== 0; }
    livePreview(json) { return this.withHeap([json], (j) => this.text(this.m._trayecto_live_preview(j.ptr, j.size))); }
    liveEndPreview() { this.m._trayecto_live_end_preview(); }
    liveOutgoing() { return this.text(this.m._trayecto_live_outgoing()); }
    liveReceive(changes) { return this.withHeap([changes], (c) => this.m._trayecto_live_receive(c.ptr, c.size)); }
    liveLeave() { this.m._trayecto_live_leave(); }
    liveActive() { return this.m._trayecto_live_active() !== 0; }
    livePeers(peers) { this.withHeap([peers], (p) => this.m._trayecto_live_peers(p.ptr, p.size)); }

    // ---- view and embedding
    setLanguage(tag) { this.withHeap([tag], (t) => this.m._trayecto_set_language(t.ptr)); }
    language() { return this.viewState().lang; }
    // The app's catalogue of every text a person reads, in `tag`'s language: {key: text}.
    texts(tag) { return JSON.parse(this.withHeap([String(tag)], (t) => this.text(this.m._trayecto_texts(t.ptr)))); }
    setReadOnly(on) { this.m._trayecto_set_read_only(on ? 1 : 0); }
    readOnly() { return this.m._trayecto_read_only() !== 0; }
    setMinimalUi(on) { this.m._trayecto_set_minimal_ui(on ? 1 : 0); }
    setPresenting(on) { this.m._trayecto_set_presenting(on ? 1 : 0); }
    setPersonaFilter(persona) { return this.withHeap([String(persona)], (p) => this.m._trayecto_set_persona_filter(p.ptr)) !== 0; }
    setVoting(votes) { this.m._trayecto_set_voting(votes); }
    setParticipant(id) { this.withHeap([id], (i) => this.m._trayecto_set_participant(i.ptr)); }
    participantName() { return this.text(this.m._trayecto_participant_name()); }
    givenName() { return this.text(this.m._trayecto_given_name()); }
    setGivenName(name) { this.withHeap([name], (n) => this.m._trayecto_set_given_name(n.ptr)); }
    showWelcome() { this.m._trayecto_show_welcome(); }
    viewState() { return JSON.parse(this.text(this.m._trayecto_view_state())); }
    showCard(id) { return this.withHeap([id], (i) => this.m._trayecto_show_card(i.ptr, i.size)) === 1; }
    // The side panel and status line for the screen reader's copy: {name, items, focused, say,
    // statusName, status} (app/panel_copy.hpp).
    panel() { return JSON.parse(this.text(this.m._trayecto_panel())); }
    mirror(cause, maxCards) { return JSON.parse(utf8.decode(this.scratch(this.m._trayecto_mirror(cause, maxCards)))); }
    locate(id) {
      const r = this.withHeap([String(id)], (i) => this.text(this.m._trayecto_locate(i.ptr, i.size)));
      if (!r) return null;
      const [x, y, width, height] = r.split(',').map(Number);
      return { x, y, width, height };
    }
    // Where a widget (by its visible text or ##id) was drawn last frame: {x, y, width, height} or null.
    locateWidget(text) {
      const r = this.withHeap([String(text)], (t) => this.text(this.m._trayecto_locate_widget(t.ptr)));
      return r ? JSON.parse(r) : null;
    }
    emotionPoint(personaId, index) {
      const r = this.withHeap([String(personaId)], (p) => this.text(this.m._trayecto_emotion_point(p.ptr, p.size, index)));
      if (!r) return null;
      const [x, y] = r.split(',').map(Number);
      return { x, y };
    }
    // The name of a HostAction value (app/host_action.hpp).
    hostActionName(action) {
      if (!this.hostActions) this.hostActions = JSON.parse(this.text(this.m._trayecto_host_actions()));
      return this.hostActions[action];
    }
  }

  window.TrayectoWasm = { WasmBridge, CAUSE, KEEPER, SOURCE, STORAGE, MAX_MAP_BYTES, isUserChange };
})();

// The room's Yjs document and the core's sync changes (docs/live.md). A change is
// [scope, id, field, value]: scope a collection ("cards"…) or "map"; field "" with value null
// removes the item; value null removes the field. Values are strings (JSON text, order keys);
// anything else a peer wrote counts as absent. `Y` is the yjs module (passed in: the page loads
// it only when a room starts).
export const COLLECTIONS = ['personas', 'stages', 'lanes', 'cards', 'emotions', 'moments'];
export const MAP_SCOPE = 'map';

// Writes this client's changes into the document as one transaction with `origin`.
export function writeChanges(Y, ydoc, changes, origin) {
  ydoc.transact(() => {
    for (const [scope, id, field, value] of changes) {
      if (scope === MAP_SCOPE) {
        const fields = ydoc.getMap(MAP_SCOPE);
        if (value === null) fields.delete(field); else fields.set(field, value);
        continue;
      }
      if (!COLLECTIONS.includes(scope)) continue;
      const items = ydoc.getMap(scope);
      if (field === '') { if (value === null) items.delete(id); continue; }
      let item = items.get(id);
      if (!(item instanceof Y.Map)) {
        if (value === null) continue;
        item = new Y.Map();
        items.set(id, item);
      }
      if (value === null) item.delete(field); else item.set(field, value);
    }
  }, origin);
}

const text = (v) => (typeof v === 'string' ? v : null);

// Every field of the document as changes (joining a room).
export function allChanges(Y, ydoc) {
  const out = [];
  for (const [field, value] of ydoc.getMap(MAP_SCOPE).entries()) if (text(value) !== null) out.push([MAP_SCOPE, '', field, value]);
  for (const scope of COLLECTIONS) {
    for (const [id, item] of ydoc.getMap(scope).entries()) {
      if (!(item instanceof Y.Map)) continue;
      for (const [field, value] of item.entries()) if (text(value) !== null) out.push([scope, id, field, value]);
    }
  }
  return out;
}

// Whether the document holds any field at all (a room that was never started holds none).
export function hasFields(Y, ydoc) {
  for (const value of ydoc.getMap(MAP_SCOPE).values()) if (text(value) !== null) return true;
  for (const scope of COLLECTIONS) {
    for (const item of ydoc.getMap(scope).values()) {
      if (!(item instanceof Y.Map)) continue;
      for (const value of item.values()) if (text(value) !== null) return true;
    }
  }
  return false;
}

// Calls onChanges(changes) for every transaction whose origin is not `localOrigin`.
export function observeChanges(Y, ydoc, onChanges, localOrigin) {
  const observe = (scope) => (events, transaction) => {
    if (transaction.origin === localOrigin) return;
    const out = [];
    for (const event of events) {
      if (scope === MAP_SCOPE) {
        for (const field of event.keysChanged) out.push([MAP_SCOPE, '', field, text(event.target.get(field))]);
      } else if (event.path.length === 0) {
        // Items added, removed or replaced: the item goes, and comes back with all its fields.
        for (const id of event.keysChanged) {
          out.push([scope, id, '', null]);
          const item = event.target.get(id);
          if (item instanceof Y.Map) for (const [field, value] of item.entries()) if (text(value) !== null) out.push([scope, id, field, value]);
        }
      } else if (event.path.length === 1) {
        const id = String(event.path[0]);
        for (const field of event.keysChanged) out.push([scope, id, field, text(event.target.get(field))]);
      }
    }
    if (out.length) onChanges(out);
  };
  ydoc.getMap(MAP_SCOPE).observeDeep(observe(MAP_SCOPE));
  for (const scope of COLLECTIONS) ydoc.getMap(scope).observeDeep(observe(scope));
}

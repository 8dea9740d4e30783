// Live rooms: the map as per-item, per-field shared state (what a CRDT such as Yjs carries) and
// back. The core stays the model: a Session turns this user's edits into field changes to send,
// and changes received from others into commands that are not on the undo stack. See docs/live.md.
//
// The shared state: for each collection ("personas", "stages", … as the file names them), item id
// -> fields; for the map itself (scope "map", id ""), its fields. A field is a path in the object
// as the file format writes it ("text", "touchpoint/expectation"; "~0" and "~1" escape "~" and
// "/" in keys) and its value is that JSON value's compact text. Each item also has the field
// kOrderField: a fractional-index key, so order merges without list positions.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "trayecto/commands.hpp"
#include "trayecto/model.hpp"

namespace trayecto::sync::detail {
class Mirror;
}

namespace trayecto::sync {

inline constexpr const char* kMapScope = "map";
// No flattened path starts with a bare "~" (the format's paths escape it), so this never clashes.
inline constexpr const char* kOrderField = "~order";

// One change of the shared state: sets a field (value), removes a field (no value), or removes
// the whole item (empty field, no value).
struct Change {
    std::string scope;                  // a collection's key, or kMapScope
    Id id;                              // "" for kMapScope
    std::string field;
    std::optional<std::string> value;   // compact JSON text
};

using Fields = std::map<std::string, std::string>;   // path -> compact JSON text
struct SharedState {
    std::map<std::string, std::map<Id, Fields>> scopes;
    bool operator==(const SharedState& o) const { return scopes == o.scopes; }
};

// The shared state of a map (every item gets an order key in its vector's order).
SharedState stateOf(const Map& map);
// The map a shared state stands for, the same on every client: items sorted by (order key, id);
// an item or map-level field the file reader refuses is left out (as a bad file is refused);
// what no longer fits is repaired as the merge does (a card whose stage or lane is gone goes,
// links to missing personas and cards are cleared, detail blocks follow the card's kind).
Map materialize(const SharedState& state);
// The edits that turn `from` into `to` (erasures, inserts, moves, replacements; meta and workshop
// when they differ). Top-level unknown fields are not edits: see Document::applyRemote.
Command diffMaps(const Map& from, const Map& to);
// Applies changes to a shared state (changes to unknown scopes are ignored).
void applyChanges(SharedState& state, const std::vector<Change>& changes);

// ---- fractional-index order keys: digits 0-9A-Za-z, compared byte-wise, never ending in '0'.
// A key strictly between `before` and `after`; "" means no bound on that side.
std::string keyBetween(const std::string& before, const std::string& after);

// ---- undo in a room: a History::Rebase. Rewrites `revert` (which undoes `done`) for the map as
// it is now: only the fields `done` changed go back (others' later edits to other fields stay);
// what it added is removed only if still there (with the usual cascades); what it removed comes
// back only where it fits; moves are clamped.
Command revertOnly(const Map& map, const Command& revert, const Command& done);

// One client's side of a room.
class Session {
public:
    // Starts a room from the document's map: the state to send is stateOf(map).
    explicit Session(Document& document);
    ~Session();
    // Joins a room: the document becomes the room's map (materialize(state)).
    Session(Document& document, SharedState state);
    // The changes this user's edits, undo and redo made since the last call (and the shared state
    // now includes them). The whole state the first time after starting a room.
    std::vector<Change> takeOutgoing();
    // Someone else's changes: the shared state takes them and the document gets what changed as
    // one command off the undo stack. Pending local edits are taken first (takeOutgoing returns
    // them). It costs what the changes touch (and what depends on it: a stage's cards…), not the
    // whole map. False when the map did not change.
    bool receive(const std::vector<Change>& changes);
    const SharedState& state() const { return state_; }

private:
    void noteLocal();
    Document& document_;
    SharedState state_;
    std::vector<Change> outbox_;
    // materialize(state_), kept up to date with what changes (receive costs what changed).
    std::unique_ptr<detail::Mirror> mirror_;
};

}  // namespace trayecto::sync

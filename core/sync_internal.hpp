// Private to the sync module (core/sync*.cpp): items and the map's own fields as flattened
// JSON fields, and order keys for a whole vector.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "merge_json.hpp"
#include "trayecto/sync.hpp"

namespace trayecto::sync::detail {

using Json = merging::Json;

// An item's fields as the file writes it (its "id" left out: the item's key holds it).
Fields fieldsOf(const Item& item);
// The map's own fields: "meta/…", "workshop/…" and its unknown top-level keys.
Fields mapFieldsOf(const Map& map);
// An object made of fields (sorted by path, so every client builds the same one); values that
// are not JSON are left out.
Json objectOf(const Fields& fields);
// One item as materialize reads it from its fields (the file reader's checks; a card's detail
// blocks follow its kind); none when the reader refuses it. References are not checked here.
std::optional<Item> decodeFields(Collection collection, const Id& id, const Fields& fields);
// The map's own fields into its meta, workshop and unknown top-level fields.
void readMapLevel(const Fields& fields, Map& map);

// Order keys for a vector: keys[i] is item i's key ("" for none), keep[i] whether it may keep
// it. Returns (index, new key) for every item that needs one so that keys increase strictly
// along the vector; kept keys stay where they already increase.
std::vector<std::pair<std::size_t, std::string>> assignKeys(const std::vector<std::string>& keys,
                                                            const std::vector<bool>& keep);
bool validKey(const std::string& key);

// materialize(state), kept up to date item by item (core/sync_mirror.cpp), so that taking in a
// change costs what it touches: the items whose fields changed, and the ones whose place in the
// map depends on them (a card on its stage and lane, an emotion on its persona, stage and card,
// an id on the same id in an earlier collection).
class Mirror {
public:
    // An item's fields (scope kMapScope: the map's own fields) changed in the state.
    void touch(const std::string& scope, const Id& id);
    void touchAll(const SharedState& state);
    // Takes in what was touched since the last call, from `state`. With `map` (which equals
    // this mirror as it was, except on touched items), returns the edits that make it
    // materialize(state), unknown top-level fields aside (unknown()).
    Command update(const SharedState& state, const Map* map);
    const UnknownFields& unknown() const { return level_.unknown; }
    Map toMap() const;   // the whole materialized map

private:
    struct Entry {
        std::optional<Item> raw;   // as decoded, before repairs; none: refused
        std::string key;           // its order key
        bool present = false;      // in the materialized map
    };
    using Ref = std::pair<int, Id>;   // (collection index, id)
    using Evaluated = std::array<std::vector<std::pair<Id, bool>>, 6>;   // id, fields changed
    Evaluated refresh(const SharedState& state);
    void evaluate(int c, const Id& id, bool changed, const SharedState& state,
                  std::array<std::map<Id, bool>, 6>& work);
    bool present(int c, const Id& id) const;
    Item repaired(const Entry& entry) const;
    template <typename T>
    void placeEdits(int c, const std::vector<T>& items, const std::vector<std::pair<Id, bool>>& evaluated,
                    Command& out) const;

    std::array<std::unordered_map<Id, Entry>, 6> entries_;
    std::array<std::set<std::pair<std::string, Id>>, 6> order_;   // present items by (key, id)
    std::unordered_map<Id, std::set<Ref>> referrers_;             // id -> items whose raw refers to it
    std::array<std::set<Id>, 6> touched_;
    bool levelTouched_ = false;
    Map level_;   // meta, workshop and unknown top-level fields
};

}  // namespace trayecto::sync::detail

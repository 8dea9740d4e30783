// Private to the sync module (core/sync*.cpp): items and the map's own fields as flattened
// JSON fields, and order keys for a whole vector.
#pragma once

#include <string>
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

// Order keys for a vector: keys[i] is item i's key ("" for none), keep[i] whether it may keep
// it. Returns (index, new key) for every item that needs one so that keys increase strictly
// along the vector; kept keys stay where they already increase.
std::vector<std::pair<std::size_t, std::string>> assignKeys(const std::vector<std::string>& keys,
                                                            const std::vector<bool>& keep);
bool validKey(const std::string& key);

}  // namespace trayecto::sync::detail

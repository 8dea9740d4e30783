// Private to the merge (core/merge*.cpp): items as JSON objects (the file format's own
// spelling, so unknown fields and every known field merge alike), flattened into fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "trayecto/commands.hpp"
#include "trayecto/format.hpp"
#include "trayecto/model.hpp"

namespace trayecto::merging {

using Json = nlohmann::ordered_json;

// The collections of a file, in file order, with their keys.
struct CollectionKey {
    Collection collection;
    const char* key;
};
inline constexpr CollectionKey kCollections[] = {
    {Collection::Personas, "personas"}, {Collection::Stages, "stages"},
    {Collection::Lanes, "lanes"},       {Collection::Cards, "cards"},
    {Collection::Emotions, "emotions"}, {Collection::Moments, "moments"}};

// The map as a JSON document (exactly what saveMap writes), and back (through loadMap).
Json documentOf(const Map& map);
Result<Map> mapOf(const Json& document);
// Compact JSON text of a value ("null" for none).
std::string compactText(const Json* value);

// ---- Fields: an object flattened into (path, value), in the object's order. Nested non-empty
// objects are walked into ("touchpoint/expectation"); arrays and empty objects are values.
// Path segments escape "~" as "~0" and "/" as "~1".
using Fields = std::vector<std::pair<std::string, Json>>;
Fields flatten(const Json& object);
const Json* findField(const Fields& fields, const std::string& path);
// A path's segments, unescaped.
std::vector<std::string> splitPath(const std::string& path);
// Builds the object back (intermediate objects created as needed; a value under a path whose
// parent is not an object is skipped).
Json unflatten(const Fields& fields);
// Sets (or, with nullptr, removes) one field of an object.
void setField(Json& object, const std::string& path, const Json* value);

// The map-level fields as one object: {"meta": {...}, <top-level unknown keys>...}, and back.
Json mapLevelObject(const Json& document);
void setMapLevelObject(Json& document, const Json& object);

// The item's "id" ("" if none).
std::string idOf(const Json& item);
// The item's "text", else its "name", else its "feeling" ("" if none).
std::string itemText(const Json& item);
const char* keyOf(Collection collection);

// ---- Making a merged document sound (what loadMap and checkInvariants require)
struct Repair {
    Collection collection;
    Id id;
    std::string text;
    std::string reason;   // one English sentence
    bool dropped = false; // dropped the item; otherwise cleared a link
};
// Detail blocks follow each card's kind; items whose stage, lane or persona is missing are
// dropped; card links outside the item's stage and persona links to missing personas are
// cleared. Returns what it did, in collection order.
std::vector<Repair> makeSound(Json& document);

}  // namespace trayecto::merging

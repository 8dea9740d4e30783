// JSON helpers of the merge: documents, flattened fields, map-level fields, repairs.
#include "merge_json.hpp"

#include "format_internal.hpp"

#include <unordered_map>
#include <unordered_set>

namespace trayecto::merging {

namespace {

// The keys of the file's envelope, the format's own (everything else at the top level is a
// field of the map, merged like the fields of an item).
constexpr const auto& kEnvelopeKeys = format::Fields<Map>::keys;

bool isEnvelopeKey(const std::string& key) { return format::isKnownKey(kEnvelopeKeys, key); }

std::string escapeSegment(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

void flattenInto(const Json& object, const std::string& prefix, Fields& out) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string path = prefix.empty() ? escapeSegment(it.key())
                                                : prefix + "/" + escapeSegment(it.key());
        if (it.value().is_object() && !it.value().empty()) flattenInto(it.value(), path, out);
        else out.emplace_back(path, it.value());
    }
}

void putField(Json& object, const std::vector<std::string>& segments, const Json& value) {
    Json* at = &object;
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
        if (!at->contains(segments[i])) (*at)[segments[i]] = Json::object();
        at = &(*at)[segments[i]];
        if (!at->is_object()) return;   // a value already sits here: it wins
    }
    if (!at->contains(segments.back())) (*at)[segments.back()] = value;
}

std::string textOf(const Json& item, const char* key) {
    auto it = item.find(key);
    return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> segments(1);
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '/') {
            segments.emplace_back();
        } else if (c == '~' && i + 1 < path.size() && (path[i + 1] == '0' || path[i + 1] == '1')) {
            segments.back() += path[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            segments.back() += c;
        }
    }
    return segments;
}

Json documentOf(const Map& map) {
    return Json::parse(saveMap(map), nullptr, /*allow_exceptions=*/false);
}

Result<Map> mapOf(const Json& document) {
    return loadMap(document.dump());
}

std::string compactText(const Json* value) {
    return value ? value->dump() : std::string("null");
}

Fields flatten(const Json& object) {
    Fields out;
    if (object.is_object()) flattenInto(object, "", out);
    return out;
}

const Json* findField(const Fields& fields, const std::string& path) {
    for (const auto& f : fields)
        if (f.first == path) return &f.second;
    return nullptr;
}

Json unflatten(const Fields& fields) {
    Json out = Json::object();
    for (const auto& f : fields) putField(out, splitPath(f.first), f.second);
    return out;
}

void setField(Json& object, const std::string& path, const Json* value) {
    Fields fields = flatten(object);
    Fields kept;
    bool placed = false;
    // A path replaces the field itself and anything below it (an object becoming a value).
    const std::string below = path + "/";
    for (auto& f : fields) {
        const bool same = f.first == path || f.first.compare(0, below.size(), below) == 0;
        if (!same) {
            kept.push_back(std::move(f));
        } else if (!placed && value) {
            kept.emplace_back(path, *value);
            placed = true;
        }
    }
    if (!placed && value) kept.emplace_back(path, *value);
    object = unflatten(kept);
}

Json mapLevelObject(const Json& document) {
    Json out = Json::object();
    out["meta"] = document.contains("meta") ? document["meta"] : Json::object();
    for (auto it = document.begin(); it != document.end(); ++it)
        if (!isEnvelopeKey(it.key())) out[it.key()] = it.value();
    return out;
}

void setMapLevelObject(Json& document, const Json& object) {
    Json rebuilt = Json::object();
    for (const char* key : kEnvelopeKeys) {
        if (std::string(key) == "meta") rebuilt["meta"] = object.contains("meta") ? object["meta"] : Json::object();
        else if (document.contains(key)) rebuilt[key] = document[key];
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!isEnvelopeKey(it.key())) rebuilt[it.key()] = it.value();
    document = std::move(rebuilt);
}

std::string idOf(const Json& item) { return textOf(item, "id"); }

std::string itemText(const Json& item) {
    for (const char* key : {"text", "name", "feeling"}) {
        std::string text = textOf(item, key);
        if (!text.empty()) return text;
    }
    return std::string();
}

const char* keyOf(Collection collection) {
    for (const auto& c : kCollections)
        if (c.collection == collection) return c.key;
    return "cards";
}

std::vector<Repair> makeSound(Json& document) {
    std::vector<Repair> repairs;
    auto idsOf = [&](const char* key) {
        std::unordered_set<std::string> ids;
        for (const Json& item : document[key]) ids.insert(textOf(item, "id"));
        return ids;
    };
    auto record = [&](Collection c, const Json& item, const char* reason, bool dropped) {
        repairs.push_back(Repair{c, textOf(item, "id"), itemText(item), reason, dropped});
    };

    // Detail blocks follow the kind.
    for (Json& card : document["cards"]) {
        const std::string kind = card.contains("kind") ? textOf(card, "kind") : "note";
        if (kind != "touchpoint") card.erase("touchpoint");
        if (kind != "pain-point" && kind != "opportunity") card.erase("improvement");
        if (kind != "backstage") card.erase("backstage");
    }

    const auto personas = idsOf("personas");
    const auto stages = idsOf("stages");
    const auto lanes = idsOf("lanes");

    Json cards = Json::array();
    std::unordered_map<std::string, std::string> stageOfCard;
    for (Json& card : document["cards"]) {
        if (!stages.count(textOf(card, "stageId"))) {
            record(Collection::Cards, card, "Its stage is not in the merged map.", true);
            continue;
        }
        if (!lanes.count(textOf(card, "laneId"))) {
            record(Collection::Cards, card, "Its lane is not in the merged map.", true);
            continue;
        }
        if (card.contains("personaIds") && card["personaIds"].is_array()) {
            Json kept = Json::array();
            for (const Json& p : card["personaIds"])
                if (p.is_string() && personas.count(p.get<std::string>())) kept.push_back(p);
            if (kept.size() != card["personaIds"].size()) {
                record(Collection::Cards, card, "It named a persona that is not in the merged map.", false);
                if (kept.empty()) card.erase("personaIds");
                else card["personaIds"] = kept;
            }
        }
        stageOfCard[textOf(card, "id")] = textOf(card, "stageId");
        cards.push_back(std::move(card));
    }
    document["cards"] = std::move(cards);

    // An emotion's or moment's card must exist and lie in its stage.
    auto checkCardLink = [&](Collection c, Json& item) {
        if (!item.contains("cardId")) return;
        auto it = stageOfCard.find(textOf(item, "cardId"));
        if (it == stageOfCard.end()) {
            record(c, item, "Its card is not in the merged map.", false);
            item.erase("cardId");
        } else if (it->second != textOf(item, "stageId")) {
            record(c, item, "Its card is in another stage in the merged map.", false);
            item.erase("cardId");
        }
    };
    Json emotions = Json::array();
    for (Json& e : document["emotions"]) {
        if (!personas.count(textOf(e, "personaId"))) {
            record(Collection::Emotions, e, "Its persona is not in the merged map.", true);
            continue;
        }
        if (!stages.count(textOf(e, "stageId"))) {
            record(Collection::Emotions, e, "Its stage is not in the merged map.", true);
            continue;
        }
        checkCardLink(Collection::Emotions, e);
        emotions.push_back(std::move(e));
    }
    document["emotions"] = std::move(emotions);
    Json moments = Json::array();
    for (Json& m : document["moments"]) {
        if (!stages.count(textOf(m, "stageId"))) {
            record(Collection::Moments, m, "Its stage is not in the merged map.", true);
            continue;
        }
        checkCardLink(Collection::Moments, m);
        moments.push_back(std::move(m));
    }
    document["moments"] = std::move(moments);
    return repairs;
}

}  // namespace trayecto::merging

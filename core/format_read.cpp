// Reading a format-v1 document into the model: every field type- and range-checked with the
// JSON path of the offending value, unknown fields kept; then references (format_references.cpp).
#include <cmath>

#include "format_internal.hpp"
#include "trayecto/invariants.hpp"

namespace trayecto::format {
namespace {

std::string kindOfValue(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "true or false";
        case Json::value_t::string: return "text";
        case Json::value_t::array: return "a list";
        case Json::value_t::object: return "an object";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number";
        default: return "an unsupported value";
    }
}

// Short rendering of a value for messages (numbers and short strings as they are).
std::string shown(const Json& v) {
    std::string text = compactText(v);
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

// A string value for messages, cut short when long.
std::string shortText(const std::string& s) {
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

class Reader {
public:
    std::optional<LoadError> error;

    bool fail(std::string path, std::string message) {
        if (!error) error = LoadError{std::move(path), std::move(message)};
        return false;
    }

    bool wrongType(const std::string& path, const Json& v, const char* expected) {
        return fail(path, std::string("Expected ") + expected + " here, but found " +
                              kindOfValue(v) + ".");
    }

    // The member `key` of `obj`, or nullptr when absent or null (null counts as "not given").
    static const Json* member(const Json& obj, const char* key) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return nullptr;
        return &*it;
    }

    bool object(const Json& v, const std::string& path) {
        return v.is_object() || wrongType(path, v, "an object");
    }

    bool text(const Json& obj, const std::string& path, const char* key, std::string& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, "text");
        out = v->get_ref<const std::string&>();
        return true;
    }

    bool identifier(const Json& obj, const std::string& path, const char* key, Id& out,
                    const char* item) {
        const Json* v = member(obj, key);
        if (!v) return fail(childPath(path, key), std::string("The ") + item + " has no \"" +
                                                      key + "\", which is required.");
        if (!v->is_string()) return wrongType(childPath(path, key), *v, "an id (text)");
        out = v->get_ref<const std::string&>();
        if (out.empty()) return fail(childPath(path, key), "An id must not be empty.");
        return true;
    }

    bool optionalIdentifier(const Json& obj, const std::string& path, const char* key,
                            std::optional<Id>& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, "an id (text)");
        if (v->get_ref<const std::string&>().empty())
            return fail(childPath(path, key), "An id must not be empty.");
        out = v->get_ref<const std::string&>();
        return true;
    }

    template <typename E, std::size_t N>
    bool enumeration(const Json& obj, const std::string& path, const char* key,
                     const Spelling<E> (&table)[N], E& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, "text");
        auto value = valueOf(table, v->get_ref<const std::string&>());
        if (!value)
            return fail(childPath(path, key),
                        "\"" + shortText(v->get_ref<const std::string&>()) +
                            "\" is not an allowed value for \"" + key + "\"; expected " +
                            spellingList(table) + ".");
        out = *value;
        return true;
    }

    bool flag(const Json& obj, const std::string& path, const char* key, bool& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_boolean()) return wrongType(childPath(path, key), *v, "true or false");
        out = v->get<bool>();
        return true;
    }

    bool wholeNumber(const Json& obj, const std::string& path, const char* key, int min, int max,
                     std::optional<int>& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        const std::string at = childPath(path, key);
        if (!v->is_number()) return wrongType(at, *v, "a whole number");
        bool inRange = false;
        long long whole = 0;
        if (v->is_number_unsigned()) {
            const auto u = v->get<std::uint64_t>();
            inRange = u <= static_cast<std::uint64_t>(max) && static_cast<long long>(u) >= min;
            whole = static_cast<long long>(u);
        } else if (v->is_number_integer()) {
            whole = v->get<long long>();
            inRange = whole >= min && whole <= max;
        } else {
            const double x = v->get<double>();
            // Range first: converting an out-of-range double to an integer is undefined.
            inRange = x >= min && x <= max && std::floor(x) == x;
            if (inRange) whole = static_cast<long long>(x);
        }
        if (!inRange)
            return fail(at, "The " + std::string(key) + " must be a whole number from " +
                                std::to_string(min) + " to " + std::to_string(max) +
                                ", but it is " + shown(*v) + ".");
        out = static_cast<int>(whole);
        return true;
    }

    bool wholeNumber(const Json& obj, const std::string& path, const char* key, int min, int max,
                     int& out) {
        std::optional<int> value;
        if (!wholeNumber(obj, path, key, min, max, value)) return false;
        if (value) out = *value;
        return true;
    }

    bool decimal(const Json& obj, const std::string& path, const char* key,
                 std::optional<double>& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_number()) return wrongType(childPath(path, key), *v, "a number");
        out = v->get<double>();
        return true;
    }

    bool color(const Json& obj, const std::string& path, const char* key, std::optional<Rgb>& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, "a colour as text");
        auto rgb = parseColor(v->get_ref<const std::string&>());
        if (!rgb)
            return fail(childPath(path, key), "\"" + shortText(v->get_ref<const std::string&>()) +
                                                  "\" is not a colour; write colours as \"#rrggbb\".");
        out = rgb;
        return true;
    }

    template <std::size_t N>
    void unknown(const Json& obj, const char* const (&known)[N], UnknownFields& out) {
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (!isKnownKey(known, it.key())) out[it.key()] = compactText(it.value());
    }

    // A list member: absent -> nothing to read; otherwise must be an array.
    const Json* list(const Json& obj, const std::string& path, const char* key) {
        const Json* v = member(obj, key);
        if (!v) return nullptr;
        if (!v->is_array()) {
            wrongType(childPath(path, key), *v, "a list");
            return nullptr;
        }
        return v;
    }
};

bool readMeta(Reader& r, const Json& j, const std::string& p, MapMeta& m) {
    if (!r.object(j, p)) return false;
    r.text(j, p, "title", m.title) && r.text(j, p, "description", m.description) &&
        r.text(j, p, "scope", m.scope) && r.text(j, p, "language", m.language) &&
        r.text(j, p, "author", m.author) && r.text(j, p, "created", m.created) &&
        r.text(j, p, "modified", m.modified);
    r.unknown(j, keys::kMeta, m.unknown);
    return !r.error;
}

bool readPersona(Reader& r, const Json& j, const std::string& p, Persona& x) {
    if (!r.object(j, p)) return false;
    std::optional<Rgb> color;
    r.identifier(j, p, "id", x.id, "persona") && r.text(j, p, "name", x.name) &&
        r.text(j, p, "description", x.description) && r.text(j, p, "goals", x.goals) &&
        r.text(j, p, "needs", x.needs) && r.text(j, p, "expectations", x.expectations) &&
        r.text(j, p, "frustrations", x.frustrations) && r.text(j, p, "quote", x.quote) &&
        r.color(j, p, "color", color) && r.text(j, p, "icon", x.icon) &&
        r.enumeration(j, p, "valueTier", kValueTierNames, x.valueTier);
    if (color) x.color = *color;
    r.unknown(j, keys::kPersona, x.unknown);
    return !r.error;
}

bool readStage(Reader& r, const Json& j, const std::string& p, Stage& x) {
    if (!r.object(j, p)) return false;
    r.identifier(j, p, "id", x.id, "stage") && r.text(j, p, "name", x.name) &&
        r.enumeration(j, p, "phase", kPhaseNames, x.phase) &&
        r.text(j, p, "description", x.description);
    r.unknown(j, keys::kStage, x.unknown);
    return !r.error;
}

bool readLane(Reader& r, const Json& j, const std::string& p, Lane& x) {
    if (!r.object(j, p)) return false;
    r.identifier(j, p, "id", x.id, "lane") && r.text(j, p, "name", x.name) &&
        r.enumeration(j, p, "type", kLaneTypeNames, x.type) && r.flag(j, p, "hidden", x.hidden);
    r.unknown(j, keys::kLane, x.unknown);
    return !r.error;
}

bool readMetric(Reader& r, const Json& j, const std::string& p, Metric& x) {
    if (!r.object(j, p)) return false;
    r.enumeration(j, p, "type", kMetricTypeNames, x.type) && r.text(j, p, "name", x.name) &&
        r.decimal(j, p, "value", x.value) && r.decimal(j, p, "target", x.target) &&
        r.text(j, p, "unit", x.unit);
    r.unknown(j, keys::kMetric, x.unknown);
    return !r.error;
}

bool readDimensions(Reader& r, const Json& j, const std::string& p, std::uint8_t& out) {
    const Json* dims = r.list(j, p, "dimensions");
    if (!dims) return !r.error;
    const std::string at = childPath(p, "dimensions");
    for (std::size_t i = 0; i < dims->size(); ++i) {
        const Json& d = (*dims)[i];
        if (!d.is_string()) return r.wrongType(childPath(at, i), d, "the name of a CX dimension");
        auto flag = valueOf(kDimensionNames, d.get_ref<const std::string&>());
        if (!flag)
            return r.fail(childPath(at, i), "\"" + shortText(d.get_ref<const std::string&>()) +
                                                "\" is not a CX dimension; expected " +
                                                spellingList(kDimensionNames) + ".");
        out |= *flag;
    }
    return true;
}

bool readTouchpoint(Reader& r, const Json& j, const std::string& p, TouchpointInfo& x) {
    if (!r.object(j, p)) return false;
    r.enumeration(j, p, "channel", kChannelNames, x.channel) &&
        r.enumeration(j, p, "kind", kTouchpointKindNames, x.kind) &&
        r.enumeration(j, p, "owner", kTouchpointOwnerNames, x.owner) &&
        r.flag(j, p, "controlled", x.controlled) && readDimensions(r, j, p, x.dimensions) &&
        r.wholeNumber(j, p, "expectation", 1, 5, x.expectation) &&
        r.wholeNumber(j, p, "experience", 1, 5, x.experience);
    if (r.error) return false;
    if (const Json* metrics = r.list(j, p, "metrics")) {
        const std::string at = childPath(p, "metrics");
        for (std::size_t i = 0; i < metrics->size(); ++i) {
            Metric m;
            if (!readMetric(r, (*metrics)[i], childPath(at, i), m)) return false;
            x.metrics.push_back(std::move(m));
        }
    }
    r.unknown(j, keys::kTouchpoint, x.unknown);
    return !r.error;
}

bool readImprovement(Reader& r, const Json& j, const std::string& p, ImprovementInfo& x) {
    if (!r.object(j, p)) return false;
    r.wholeNumber(j, p, "severity", 1, 5, x.severity) &&
        r.wholeNumber(j, p, "impact", 1, 5, x.impact) &&
        r.wholeNumber(j, p, "effort", 1, 5, x.effort) && r.text(j, p, "owner", x.owner) &&
        r.enumeration(j, p, "status", kImprovementStatusNames, x.status);
    r.unknown(j, keys::kImprovement, x.unknown);
    return !r.error;
}

bool readBackstage(Reader& r, const Json& j, const std::string& p, BackstageInfo& x) {
    if (!r.object(j, p)) return false;
    r.text(j, p, "owner", x.owner) && r.text(j, p, "systems", x.systems);
    r.unknown(j, keys::kBackstage, x.unknown);
    return !r.error;
}

constexpr int kMaxVotes = 1'000'000'000;

bool readCard(Reader& r, const Json& j, const std::string& p, Card& x) {
    if (!r.object(j, p)) return false;
    std::optional<Rgb> color;
    r.identifier(j, p, "id", x.id, "card") && r.identifier(j, p, "stageId", x.stageId, "card") &&
        r.identifier(j, p, "laneId", x.laneId, "card") &&
        r.enumeration(j, p, "kind", kCardKindNames, x.kind) && r.text(j, p, "text", x.text) &&
        r.text(j, p, "notes", x.notes) && r.color(j, p, "color", color) &&
        r.wholeNumber(j, p, "votes", 0, kMaxVotes, x.votes);
    if (r.error) return false;
    x.color = color;
    if (const Json* ids = r.list(j, p, "personaIds")) {
        const std::string at = childPath(p, "personaIds");
        for (std::size_t i = 0; i < ids->size(); ++i) {
            const Json& id = (*ids)[i];
            if (!id.is_string()) return r.wrongType(childPath(at, i), id, "a persona id (text)");
            if (id.get_ref<const std::string&>().empty())
                return r.fail(childPath(at, i), "An id must not be empty.");
            x.personaIds.push_back(id.get<std::string>());
        }
    }
    if (r.error) return false;

    const char* kindName = nameOf(kCardKindNames, x.kind);
    auto detail = [&](const char* key, bool wanted, auto& slot, auto read) {
        const Json* v = Reader::member(j, key);
        if (!v) return true;
        if (!wanted)
            return r.fail(childPath(p, key), std::string("A card of kind \"") + kindName +
                                                 "\" cannot have a \"" + key + "\" block.");
        slot.emplace();
        return read(r, *v, childPath(p, key), *slot);
    };
    const bool isImprovement = x.kind == CardKind::PainPoint || x.kind == CardKind::Opportunity;
    detail("touchpoint", x.kind == CardKind::Touchpoint, x.touchpoint, readTouchpoint) &&
        detail("improvement", isImprovement, x.improvement, readImprovement) &&
        detail("backstage", x.kind == CardKind::Backstage, x.backstage, readBackstage);
    if (r.error) return false;
    conformDetailsToKind(x);   // a missing block takes its defaults
    r.unknown(j, keys::kCard, x.unknown);
    return true;
}

bool readEmotion(Reader& r, const Json& j, const std::string& p, Emotion& x) {
    if (!r.object(j, p)) return false;
    r.identifier(j, p, "id", x.id, "emotion") &&
        r.identifier(j, p, "personaId", x.personaId, "emotion") &&
        r.identifier(j, p, "stageId", x.stageId, "emotion") &&
        r.optionalIdentifier(j, p, "cardId", x.cardId) &&
        r.wholeNumber(j, p, "valence", kValenceMin, kValenceMax, x.valence) &&
        r.text(j, p, "feeling", x.feeling) && r.text(j, p, "note", x.note);
    r.unknown(j, keys::kEmotion, x.unknown);
    return !r.error;
}

bool readMoment(Reader& r, const Json& j, const std::string& p, MomentOfTruth& x) {
    if (!r.object(j, p)) return false;
    r.identifier(j, p, "id", x.id, "moment of truth") &&
        r.enumeration(j, p, "type", kMotTypeNames, x.type) &&
        r.text(j, p, "customType", x.customType) && r.text(j, p, "name", x.name) &&
        r.text(j, p, "reason", x.reason) && r.enumeration(j, p, "state", kMotStateNames, x.state) &&
        r.identifier(j, p, "stageId", x.stageId, "moment of truth") &&
        r.optionalIdentifier(j, p, "cardId", x.cardId);
    r.unknown(j, keys::kMoment, x.unknown);
    return !r.error;
}

template <typename T, typename F>
bool readList(Reader& r, const Json& root, const char* key, std::vector<T>& out, F read) {
    const Json* items = r.list(root, "", key);
    if (!items) return !r.error;
    const std::string at = childPath("", key);
    out.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        T item;
        if (!read(r, (*items)[i], childPath(at, i), item)) return false;
        out.push_back(std::move(item));
    }
    return true;
}

}  // namespace

Result<Map> decodeMap(const Json& root) {
    Reader r;
    Map map;
    if (const Json* meta = Reader::member(root, "meta")) readMeta(r, *meta, "/meta", map.meta);
    if (!r.error) {
        readList(r, root, "personas", map.personas, readPersona) &&
            readList(r, root, "stages", map.stages, readStage) &&
            readList(r, root, "lanes", map.lanes, readLane) &&
            readList(r, root, "cards", map.cards, readCard) &&
            readList(r, root, "emotions", map.emotions, readEmotion) &&
            readList(r, root, "moments", map.moments, readMoment);
    }
    if (!r.error) r.unknown(root, keys::kEnvelope, map.unknown);
    if (r.error) return *r.error;
    return finishMap(std::move(map));
}

Result<Map> finishMap(Map map) {
    if (auto error = checkReferences(map)) return *error;
    // Safety net: whatever the checks above missed must not reach the app.
    const auto problems = checkInvariants(map);
    if (!problems.empty())
        return LoadError{"", "The map is inconsistent: " + problems.front() + "."};
    return Result<Map>(std::move(map));
}

}  // namespace trayecto::format

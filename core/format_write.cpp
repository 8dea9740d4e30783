// Writing journey maps as JSON format v1 (see docs/format.md): known keys in a fixed order,
// then unknown fields in sorted order, 2-space indent, trailing newline.
#include <cstdio>

#include "format_internal.hpp"

namespace trayecto {
namespace format {

std::string colorText(Rgb color) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", static_cast<unsigned>(color & 0xffffffu));
    return buffer;
}

std::optional<Rgb> parseColor(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    Rgb value = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return std::nullopt;
        value = (value << 4) | static_cast<Rgb>(digit);
    }
    return value;
}

namespace {

// Unknown fields go after the known keys, in key order (std::map is sorted). A key that
// collides with a known key is skipped: the model's own field wins. Text that is not valid
// JSON (set by code, never by the loader) is written as a JSON string so output stays valid.
template <std::size_t N>
void putUnknown(Json& object, const UnknownFields& unknown, const char* const (&known)[N]) {
    // The text came from a loader whose limits the caller chose: lift all but the depth, which
    // keeps dump()'s recursion shallow.
    static const LoadLimits kUnknownLimits{static_cast<std::size_t>(-1), 512,
                                           static_cast<std::size_t>(-1),
                                           static_cast<std::size_t>(-1)};
    for (const auto& [key, text] : unknown) {
        if (isKnownKey(known, key)) continue;
        auto parsed = parseBounded(text, kUnknownLimits);
        Json value = parsed.ok() ? std::move(parsed.value()) : Json(text);
        // The object holds only known keys so far and `unknown` has no duplicates: append
        // without ordered_map's linear search (objects may carry many unknown fields).
        static_cast<Json::object_t::Container&>(object.get_ref<Json::object_t&>())
            .emplace_back(key, std::move(value));
    }
}

void putText(Json& object, const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

Json metaJson(const MapMeta& meta) {
    Json j = Json::object();
    j["title"] = meta.title;
    putText(j, "description", meta.description);
    putText(j, "scope", meta.scope);
    putText(j, "language", meta.language);
    putText(j, "author", meta.author);
    putText(j, "created", meta.created);
    putText(j, "modified", meta.modified);
    putUnknown(j, meta.unknown, keys::kMeta);
    return j;
}

Json personaJson(const Persona& p) {
    Json j = Json::object();
    j["id"] = p.id;
    j["name"] = p.name;
    putText(j, "description", p.description);
    putText(j, "goals", p.goals);
    putText(j, "needs", p.needs);
    putText(j, "expectations", p.expectations);
    putText(j, "frustrations", p.frustrations);
    putText(j, "quote", p.quote);
    j["color"] = colorText(p.color);
    putText(j, "icon", p.icon);
    if (p.valueTier != ValueTier::Unset) j["valueTier"] = nameOf(kValueTierNames, p.valueTier);
    putUnknown(j, p.unknown, keys::kPersona);
    return j;
}

Json stageJson(const Stage& s) {
    Json j = Json::object();
    j["id"] = s.id;
    j["name"] = s.name;
    j["phase"] = nameOf(kPhaseNames, s.phase);
    putText(j, "description", s.description);
    putUnknown(j, s.unknown, keys::kStage);
    return j;
}

Json laneJson(const Lane& l) {
    Json j = Json::object();
    j["id"] = l.id;
    j["name"] = l.name;
    j["type"] = nameOf(kLaneTypeNames, l.type);
    if (l.hidden) j["hidden"] = true;
    putUnknown(j, l.unknown, keys::kLane);
    return j;
}

Json metricJson(const Metric& m) {
    Json j = Json::object();
    j["type"] = nameOf(kMetricTypeNames, m.type);
    putText(j, "name", m.name);
    if (m.value) j["value"] = *m.value;
    if (m.target) j["target"] = *m.target;
    putText(j, "unit", m.unit);
    putUnknown(j, m.unknown, keys::kMetric);
    return j;
}

Json touchpointJson(const TouchpointInfo& t) {
    Json j = Json::object();
    j["channel"] = nameOf(kChannelNames, t.channel);
    j["kind"] = nameOf(kTouchpointKindNames, t.kind);
    j["owner"] = nameOf(kTouchpointOwnerNames, t.owner);
    j["controlled"] = t.controlled;
    if (t.dimensions & kAllDimensions) {
        Json dims = Json::array();
        for (const auto& d : kDimensionNames)
            if (t.dimensions & d.value) dims.push_back(d.name);
        j["dimensions"] = std::move(dims);
    }
    if (t.expectation) j["expectation"] = *t.expectation;
    if (t.experience) j["experience"] = *t.experience;
    if (!t.metrics.empty()) {
        Json metrics = Json::array();
        for (const auto& m : t.metrics) metrics.push_back(metricJson(m));
        j["metrics"] = std::move(metrics);
    }
    putUnknown(j, t.unknown, keys::kTouchpoint);
    return j;
}

Json improvementJson(const ImprovementInfo& i) {
    Json j = Json::object();
    j["severity"] = i.severity;
    j["impact"] = i.impact;
    j["effort"] = i.effort;
    putText(j, "owner", i.owner);
    j["status"] = nameOf(kImprovementStatusNames, i.status);
    putUnknown(j, i.unknown, keys::kImprovement);
    return j;
}

Json backstageJson(const BackstageInfo& b) {
    Json j = Json::object();
    putText(j, "owner", b.owner);
    putText(j, "systems", b.systems);
    putUnknown(j, b.unknown, keys::kBackstage);
    return j;
}

Json cardJson(const Card& c) {
    Json j = Json::object();
    j["id"] = c.id;
    j["stageId"] = c.stageId;
    j["laneId"] = c.laneId;
    j["kind"] = nameOf(kCardKindNames, c.kind);
    j["text"] = c.text;
    putText(j, "notes", c.notes);
    if (c.color) j["color"] = colorText(*c.color);
    if (!c.personaIds.empty()) j["personaIds"] = c.personaIds;
    if (c.votes != 0) j["votes"] = c.votes;
    if (c.touchpoint) j["touchpoint"] = touchpointJson(*c.touchpoint);
    if (c.improvement) j["improvement"] = improvementJson(*c.improvement);
    if (c.backstage) j["backstage"] = backstageJson(*c.backstage);
    putUnknown(j, c.unknown, keys::kCard);
    return j;
}

Json emotionJson(const Emotion& e) {
    Json j = Json::object();
    j["id"] = e.id;
    j["personaId"] = e.personaId;
    j["stageId"] = e.stageId;
    if (e.cardId) j["cardId"] = *e.cardId;
    j["valence"] = e.valence;
    putText(j, "feeling", e.feeling);
    putText(j, "note", e.note);
    putUnknown(j, e.unknown, keys::kEmotion);
    return j;
}

Json momentJson(const MomentOfTruth& m) {
    Json j = Json::object();
    j["id"] = m.id;
    j["type"] = nameOf(kMotTypeNames, m.type);
    putText(j, "customType", m.customType);
    j["name"] = m.name;
    putText(j, "reason", m.reason);
    j["state"] = nameOf(kMotStateNames, m.state);
    j["stageId"] = m.stageId;
    if (m.cardId) j["cardId"] = *m.cardId;
    putUnknown(j, m.unknown, keys::kMoment);
    return j;
}

template <typename T, typename F>
Json listJson(const std::vector<T>& items, F toJson) {
    Json list = Json::array();
    for (const auto& item : items) list.push_back(toJson(item));
    return list;
}

}  // namespace
}  // namespace format

std::string saveMap(const Map& map) {
    using namespace format;
    Json root = Json::object();
    root["format"] = kFormatName;
    root["version"] = kFormatVersion;
    root["meta"] = metaJson(map.meta);
    root["personas"] = listJson(map.personas, personaJson);
    root["stages"] = listJson(map.stages, stageJson);
    root["lanes"] = listJson(map.lanes, laneJson);
    root["cards"] = listJson(map.cards, cardJson);
    root["emotions"] = listJson(map.emotions, emotionJson);
    root["moments"] = listJson(map.moments, momentJson);
    putUnknown(root, map.unknown, keys::kEnvelope);
    // Strings from the model might hold invalid UTF-8 (typed in by code, never by the loader):
    // replace such bytes with U+FFFD rather than throw.
    std::string text = root.dump(2, ' ', false, Json::error_handler_t::replace);
    text += '\n';
    return text;
}

}  // namespace trayecto

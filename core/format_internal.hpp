// Private to the JSON format implementation (core/format*.cpp): the enum spellings, the
// bounded JSON parser and the pieces the reader, writer and migrations share.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trayecto/format.hpp"
#include "trayecto/model.hpp"

namespace trayecto::format {

// Keeps object keys in file order, so unknown fields are written back exactly as they came.
using Json = nlohmann::ordered_json;

// ---- enum spellings (docs/format.md lists them; keep both in step)
template <typename E>
struct Spelling {
    E value;
    const char* name;
};

inline constexpr Spelling<ValueTier> kValueTierNames[] = {
    {ValueTier::Low, "low"}, {ValueTier::Medium, "medium"},
    {ValueTier::High, "high"}, {ValueTier::Top, "top"}};
inline constexpr Spelling<Phase> kPhaseNames[] = {
    {Phase::PrePurchase, "pre-purchase"}, {Phase::Purchase, "purchase"},
    {Phase::PostPurchase, "post-purchase"}};
inline constexpr Spelling<LaneType> kLaneTypeNames[] = {
    {LaneType::Actions, "actions"}, {LaneType::Goals, "goals"},
    {LaneType::Touchpoints, "touchpoints"}, {LaneType::Channels, "channels"},
    {LaneType::Thoughts, "thoughts"}, {LaneType::Emotions, "emotions"},
    {LaneType::PainPoints, "pain-points"}, {LaneType::Opportunities, "opportunities"},
    {LaneType::Backstage, "backstage"}, {LaneType::Kpis, "kpis"}, {LaneType::Custom, "custom"}};
inline constexpr Spelling<Channel> kChannelNames[] = {
    {Channel::Web, "web"}, {Channel::App, "app"}, {Channel::Store, "store"},
    {Channel::Phone, "phone"}, {Channel::Email, "email"}, {Channel::Social, "social"},
    {Channel::Chat, "chat"}, {Channel::InPerson, "in-person"},
    {Channel::Advertising, "advertising"}, {Channel::Packaging, "packaging"},
    {Channel::Other, "other"}};
inline constexpr Spelling<TouchpointKind> kTouchpointKindNames[] = {
    {TouchpointKind::Personal, "personal"}, {TouchpointKind::Physical, "physical"},
    {TouchpointKind::Digital, "digital"}};
inline constexpr Spelling<TouchpointOwner> kTouchpointOwnerNames[] = {
    {TouchpointOwner::Brand, "brand"}, {TouchpointOwner::Partner, "partner"},
    {TouchpointOwner::Customer, "customer"},
    {TouchpointOwner::SocialExternal, "social-external"}};
inline constexpr Spelling<std::uint8_t> kDimensionNames[] = {
    {DimCognitive, "cognitive"}, {DimEmotional, "emotional"},
    {DimBehavioural, "behavioural"}, {DimSensory, "sensory"}, {DimSocial, "social"}};
inline constexpr Spelling<MetricType> kMetricTypeNames[] = {
    {MetricType::Csat, "csat"}, {MetricType::Nps, "nps"}, {MetricType::Ces, "ces"},
    {MetricType::Custom, "custom"}};
inline constexpr Spelling<ImprovementStatus> kImprovementStatusNames[] = {
    {ImprovementStatus::Open, "open"}, {ImprovementStatus::InProgress, "in-progress"},
    {ImprovementStatus::Done, "done"}, {ImprovementStatus::Discarded, "discarded"}};
inline constexpr Spelling<CardKind> kCardKindNames[] = {
    {CardKind::Note, "note"}, {CardKind::Touchpoint, "touchpoint"},
    {CardKind::PainPoint, "pain-point"}, {CardKind::Opportunity, "opportunity"},
    {CardKind::Backstage, "backstage"}, {CardKind::Kpi, "kpi"}};
inline constexpr Spelling<MotType> kMotTypeNames[] = {
    {MotType::Zero, "zmot"}, {MotType::First, "fmot"}, {MotType::Second, "smot"},
    {MotType::Custom, "custom"}};
inline constexpr Spelling<MotState> kMotStateNames[] = {
    {MotState::Unknown, "unknown"}, {MotState::Good, "good"},
    {MotState::AtRisk, "at-risk"}, {MotState::Failing, "failing"}};

template <typename E, std::size_t N>
const char* nameOf(const Spelling<E> (&table)[N], E value) {
    for (const auto& s : table)
        if (s.value == value) return s.name;
    return table[0].name;   // unreachable for valid enum values
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Spelling<E> (&table)[N], std::string_view name) {
    for (const auto& s : table)
        if (name == s.name) return s.value;
    return std::nullopt;
}

// "one", "two" or "three" style list for error messages: "\"a\", \"b\" or \"c\"".
template <typename E, std::size_t N>
std::string spellingList(const Spelling<E> (&table)[N]) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) out += (i + 1 == N) ? " or " : ", ";
        out += '"';
        out += table[i].name;
        out += '"';
    }
    return out;
}

// ---- known keys of each object, in the order they are written
namespace keys {
inline constexpr const char* kEnvelope[] = {"format", "version", "meta", "personas", "stages",
                                            "lanes", "cards", "emotions", "moments"};
inline constexpr const char* kMeta[] = {"title", "description", "scope", "language",
                                        "author", "created", "modified"};
inline constexpr const char* kPersona[] = {"id", "name", "description", "goals", "needs",
                                           "expectations", "frustrations", "quote", "color",
                                           "icon", "valueTier"};
inline constexpr const char* kStage[] = {"id", "name", "phase", "description"};
inline constexpr const char* kLane[] = {"id", "name", "type", "hidden"};
inline constexpr const char* kCard[] = {"id", "stageId", "laneId", "kind", "text", "notes",
                                        "color", "personaIds", "votes", "touchpoint",
                                        "improvement", "backstage"};
inline constexpr const char* kTouchpoint[] = {"channel", "kind", "owner", "controlled",
                                              "dimensions", "expectation", "experience",
                                              "metrics"};
inline constexpr const char* kMetric[] = {"type", "name", "value", "target", "unit"};
inline constexpr const char* kImprovement[] = {"severity", "impact", "effort", "owner", "status"};
inline constexpr const char* kBackstage[] = {"owner", "systems"};
inline constexpr const char* kEmotion[] = {"id", "personaId", "stageId", "cardId", "valence",
                                           "feeling", "note"};
inline constexpr const char* kMoment[] = {"id", "type", "customType", "name", "reason", "state",
                                          "stageId", "cardId"};
}  // namespace keys

template <std::size_t N>
bool isKnownKey(const char* const (&known)[N], std::string_view key) {
    for (const char* k : known)
        if (key == k) return true;
    return false;
}

// ---- paths
// Appends one JSON-pointer segment ("~" -> "~0", "/" -> "~1").
std::string childPath(const std::string& parent, std::string_view key);
std::string childPath(const std::string& parent, std::size_t index);

// ---- bounded parsing (format_parse.cpp)
// Parses JSON text into a document without recursion, enforcing the depth, string-length and
// item-count limits as it goes and refusing duplicate keys. Syntax errors carry the byte offset
// and "line L, column C" in the message. The byte cap is the caller's business.
Result<Json> parseBounded(std::string_view text, const LoadLimits& limits);

// Serialized JSON text of one value (compact, UTF-8), as kept in UnknownFields.
std::string compactText(const Json& value);

// ---- migrations (format_migrate.cpp)
// Brings a document of an older format version up to kFormatVersion, one step at a time.
// `version` is the file's version (already checked to be 0..kFormatVersion).
std::optional<LoadError> migrateToCurrent(Json& document, int version);

// ---- reading the current version (format_read.cpp, format_references.cpp)
Result<Map> decodeMap(const Json& document);
// Ids unique across the map, references resolved: the first problem, with its path.
std::optional<LoadError> checkReferences(const Map& map);

// ---- colour text
std::string colorText(Rgb color);                     // "#rrggbb"
std::optional<Rgb> parseColor(std::string_view text);  // "#rrggbb" (either case)

}  // namespace trayecto::format

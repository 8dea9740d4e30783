// Private to the JSON format implementation (core/format*.cpp): the enum spellings, the
// bounded JSON parser and the pieces the reader, writer and migrations share.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "trayecto/commands.hpp"
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

inline constexpr Spelling<Collection> kCollectionNames[] = {
    {Collection::Personas, "personas"}, {Collection::Stages, "stages"},
    {Collection::Lanes, "lanes"}, {Collection::Cards, "cards"},
    {Collection::Emotions, "emotions"}, {Collection::Moments, "moments"}};

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

// The spellings as a list for error messages, in no language: "\"a\", \"b\", \"c\"".
template <typename E, std::size_t N>
std::string spellingList(const Spelling<E> (&table)[N]) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) out += ", ";
        out += '"';
        out += table[i].name;
        out += '"';
    }
    return out;
}

}  // namespace trayecto::format

// The tables of the format's objects, their keys and kinds (they use the spellings above).
#include "format_fields.hpp"

namespace trayecto::format {

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

// Duplicate-key check for an object being built member by member: a linear scan of the members
// while the object is small, a hash set once it is not. Call once per key, before appending it.
class DuplicateKeys {
public:
    bool seen(const Json::object_t::Container& members, std::string_view key);
private:
    static constexpr std::size_t kLinearMembers = 16;
    std::unordered_set<std::string> many_;
};

// Bytes a JSON string holds as they are, unescaped: printable ASCII but '"' and '\\'.
inline constexpr std::array<bool, 256> kPlainStringBytes = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return plain;
}();

// Length of the well-formed UTF-8 sequence (RFC 3629: no overlongs, surrogates or code points
// past U+10FFFF) starting with the byte >= 0x80 at `p`, or 0. The same ranges nlohmann's lexer
// accepts and its serializer passes through.
inline std::size_t utf8Sequence(const char* p, const char* end) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
    const auto in = [](unsigned char b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const std::size_t left = static_cast<std::size_t>(end - p);
    const unsigned char b0 = at(0);
    if (in(b0, 0xC2, 0xDF)) return left >= 2 && in(at(1), 0x80, 0xBF) ? 2 : 0;
    if (in(b0, 0xE0, 0xEF)) {
        if (left < 3) return 0;
        const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;
        return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in(b0, 0xF0, 0xF4)) {
        if (left < 4) return 0;
        const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// ---- the fast path (format_scan.cpp, format_fast.cpp)
// A strict JSON reader over the text, for reading a file straight into the model. It accepts
// only what parseBounded accepts within the same limits (and reads it to the same values);
// anything else, including what parseBounded would accept but is rare (a BOM, an integer past
// 64 bits, nesting past kMaxDepth), makes a call return false, with no message: the caller then
// takes the document path, which words the error.
class FastCursor {
public:
    static constexpr int kMaxDepth = 128;   // recursion bound of value()

    struct Number {
        enum Kind { Unsigned, Negative, Float } kind = Unsigned;
        std::uint64_t u = 0;   // Unsigned
        std::int64_t i = 0;    // Negative (and "-0")
        double x = 0;          // Float
    };

    FastCursor(std::string_view text, const LoadLimits& limits);

    // The next non-space byte, or '\0' at the end.
    char peek() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
        return p_ == end_ ? '\0' : *p_;
    }
    bool atEnd() { return peek() == '\0' && p_ == end_; }

    bool null();                              // consumes `null` if it comes next
    bool boolean(bool& out);
    bool string(std::string& out);
    bool string(std::string_view& out);       // valid until the next string is read
    bool number(Number& out);
    bool value(Json& out, int depth);         // any value; depth: its level if a container

    // Reads an object (array) at nesting level `depth`, calling onMember(key) with the cursor
    // at each member's value (onItem() at each item). The key is valid until the next read.
    template <typename F>
    bool object(int depth, F&& onMember) {
        if (!enter(depth, '{')) return false;
        if (peek() == '}') return close();
        for (std::size_t count = 0;; ++count) {
            if (count >= limits_.maxItems || !key() || !onMember(std::string_view(key_)))
                return false;
            const char c = peek();
            if (c == '}') return close();
            if (c != ',') return false;
            ++p_;
        }
    }
    template <typename F>
    bool array(int depth, F&& onItem) {
        if (!enter(depth, '[')) return false;
        if (peek() == ']') return close();
        for (std::size_t count = 0;; ++count) {
            if (count >= limits_.maxItems || !onItem()) return false;
            const char c = peek();
            if (c == ']') return close();
            if (c != ',') return false;
            ++p_;
        }
    }

private:
    bool enter(int depth, char open) {
        if (depth > limits_.maxDepth || depth > kMaxDepth || peek() != open) return false;
        ++p_;
        return true;
    }
    bool close() {   // at the closing bracket
        ++p_;
        return true;
    }
    bool key();
    bool escape(std::string& out);
    bool hex4(unsigned& out);
    bool literal(const char* word, std::size_t size);

    const char* p_;
    const char* end_;
    const LoadLimits& limits_;
    char decimalPoint_;
    std::string key_;
    std::string scratch_;
};

// loadMap's document path, the one that words errors: limits, parseBounded, the envelope,
// migrations, decodeMap.
Result<Map> loadThroughDocument(std::string_view text, const LoadLimits& limits);

// Reads a current-version file straight into the model, with every check decodeMap makes;
// nothing when the file is anything but a valid current-version map as the fast cursor reads it.
// References and invariants are left to finishMap.
std::optional<Map> fastDecode(std::string_view text, const LoadLimits& limits);

// ---- migrations (format_migrate.cpp)
// Brings a document of an older format version up to kFormatVersion, one step at a time.
// `version` is the file's version (already checked to be 0..kFormatVersion).
std::optional<LoadError> migrateToCurrent(Json& document, int version);

// ---- reading the current version (format_read.cpp, format_references.cpp)
// Reads the document into the model, then finishMap.
Result<Map> decodeMap(const Json& document);
// The checks on a read map: references (checkReferences), then the invariants as a safety net.
Result<Map> finishMap(Map map);
// Ids unique across the map, references resolved: the first problem, with its path.
std::optional<LoadError> checkReferences(const Map& map);

// ---- the workshop block as saveMap writes it at the top level (format_write.cpp): equal texts
// mean equal workshops
std::string workshopText(const Workshop& workshop);

// ---- one object at a time, as the file writes and reads it (the sync module's fields)
// Its JSON text (what saveMap writes for it inside the file, indented alike).
std::string objectTextOf(const Item& item);
std::string objectTextOf(const MapMeta& meta);
// Reads one object with every check the file reader makes on it (types, enums, ranges, detail
// blocks); references to other items are not checked here.
Result<Item> decodeItem(Collection collection, const Json& object);
Result<MapMeta> decodeMeta(const Json& object);
Result<Workshop> decodeWorkshop(const Json& object);

// ---- colour text (format.cpp)
std::string colorText(Rgb color);                     // "#rrggbb"
std::optional<Rgb> parseColor(std::string_view text);  // "#rrggbb" (either case)

}  // namespace trayecto::format

// The fast path of loadMap: a current-version file read straight into the model in one pass
// over the text (FastCursor), with no document in between. It makes every check format.cpp's
// envelope and format_read.cpp make, but only to decide: on anything it does not accept, it
// gives up and loadMap reads the file again through the document path, which finds and words
// the error. So a success here must mean the document path succeeds with the very same model:
// keep the readers below in step with format_read.cpp.
#include <array>
#include <cmath>

#include "format_internal.hpp"

namespace trayecto::format {
namespace {

using Number = FastCursor::Number;
using namespace keys;   // kCard and the like: the known keys of each object

// The known keys of an object as string views, in keys:: order (a member's index is its bit).
template <std::size_t N>
constexpr std::array<std::string_view, N> fieldsOf(const char* const (&known)[N]) {
    std::array<std::string_view, N> fields{};
    for (std::size_t i = 0; i < N; ++i) fields[i] = known[i];
    return fields;
}

// Index of `name` in `known`, for case labels: a name that is not there does not compile.
template <std::size_t N>
constexpr int field(const char* const (&known)[N], std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == known[i]) return static_cast<int>(i);
    throw "not a known key";
}

template <std::size_t N>
constexpr unsigned bit(const char* const (&known)[N], std::string_view name) {
    return 1u << field(known, name);
}

// ---- values (null stands for "not given" wherever format_read.cpp's member() says so)

bool text(FastCursor& c, std::string& out) { return c.null() || c.string(out); }

bool requiredId(FastCursor& c, Id& out) { return c.string(out) && !out.empty(); }

bool optionalId(FastCursor& c, std::optional<Id>& out) {
    if (c.null()) return true;
    out.emplace();
    return c.string(*out) && !out->empty();
}

template <typename E, std::size_t N>
bool enumeration(FastCursor& c, const Spelling<E> (&table)[N], E& out) {
    if (c.null()) return true;
    std::string_view name;
    if (!c.string(name)) return false;
    const auto value = valueOf(table, name);
    if (value) out = *value;
    return value.has_value();
}

bool flag(FastCursor& c, bool& out) { return c.null() || c.boolean(out); }

// Reader::wholeNumber, value for value.
template <typename Slot>
bool wholeNumber(FastCursor& c, int min, int max, Slot& out) {
    if (c.null()) return true;
    Number n;
    if (!c.number(n)) return false;
    bool inRange = false;
    long long whole = 0;
    if (n.kind == Number::Unsigned) {
        inRange = n.u <= static_cast<std::uint64_t>(max) && static_cast<long long>(n.u) >= min;
        whole = static_cast<long long>(n.u);
    } else if (n.kind == Number::Negative) {
        whole = n.i;
        inRange = whole >= min && whole <= max;
    } else {
        inRange = n.x >= min && n.x <= max && std::floor(n.x) == n.x;
        if (inRange) whole = static_cast<long long>(n.x);
    }
    if (inRange) out = static_cast<int>(whole);
    return inRange;
}

bool decimal(FastCursor& c, std::optional<double>& out) {
    if (c.null()) return true;
    Number n;
    if (!c.number(n)) return false;
    if (n.kind == Number::Unsigned) out = static_cast<double>(n.u);
    else if (n.kind == Number::Negative) out = static_cast<double>(n.i);
    else out = n.x;
    return true;
}

template <typename Slot>
bool color(FastCursor& c, Slot& out) {
    if (c.null()) return true;
    std::string_view text;
    if (!c.string(text)) return false;
    const auto rgb = parseColor(text);
    if (rgb) out = *rgb;
    return rgb.has_value();
}

// ---- objects and lists

bool unknownMember(FastCursor& c, int depth, std::string_view key, UnknownFields& out) {
    auto [it, inserted] = out.try_emplace(std::string(key));
    if (!inserted) return false;   // a duplicate key
    Json value;
    if (!c.value(value, depth)) return false;
    it->second = compactText(value);
    return true;
}

// Reads an object at level `depth`: read(index) takes each member named in Known (by its index
// there), the others go to `unknown`. `seen` collects the known members present, which also
// catches duplicates.
template <const auto& Known, typename F>
bool members(FastCursor& c, int depth, UnknownFields& unknown, unsigned& seen, F&& read) {
    static constexpr auto fields = fieldsOf(Known);
    constexpr std::size_t N = fields.size();
    static_assert(N <= 32, "one bit per known key");
    std::size_t next = 0;   // saveMap writes known keys in order: try the next one first
    return c.object(depth, [&](std::string_view key) {
        std::size_t i = next < N && fields[next] == key ? next : 0;
        while (i < N && fields[i] != key) ++i;
        if (i == N) return unknownMember(c, depth + 1, key, unknown);
        if (seen & (1u << i)) return false;
        seen |= 1u << i;
        next = i + 1;
        return read(static_cast<int>(i));
    });
}

template <typename T>
bool list(FastCursor& c, int depth, std::vector<T>& out, bool (*read)(FastCursor&, int, T&)) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        out.emplace_back();
        return read(c, depth + 1, out.back());
    });
}

template <typename T>
bool block(FastCursor& c, int depth, std::optional<T>& out, bool (*read)(FastCursor&, int, T&)) {
    if (c.null()) return true;
    out.emplace();
    return read(c, depth, *out);
}

bool idList(FastCursor& c, int depth, std::vector<Id>& out) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        out.emplace_back();
        return c.string(out.back()) && !out.back().empty();
    });
}

bool dimensionList(FastCursor& c, int depth, std::uint8_t& out) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        std::string_view name;
        if (!c.string(name)) return false;
        const auto dimension = valueOf(kDimensionNames, name);
        if (dimension) out |= *dimension;
        return dimension.has_value();
    });
}

// ---- the model's objects (format_read.cpp's read* functions)

bool readMeta(FastCursor& c, int depth, MapMeta& x) {
    unsigned seen = 0;
    return members<kMeta>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kMeta, "title"): return text(c, x.title);
            case field(kMeta, "description"): return text(c, x.description);
            case field(kMeta, "scope"): return text(c, x.scope);
            case field(kMeta, "language"): return text(c, x.language);
            case field(kMeta, "author"): return text(c, x.author);
            case field(kMeta, "created"): return text(c, x.created);
            case field(kMeta, "modified"): return text(c, x.modified);
        }
        return false;
    });
}

bool readPersona(FastCursor& c, int depth, Persona& x) {
    unsigned seen = 0;
    return members<kPersona>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kPersona, "id"): return requiredId(c, x.id);
            case field(kPersona, "name"): return text(c, x.name);
            case field(kPersona, "description"): return text(c, x.description);
            case field(kPersona, "goals"): return text(c, x.goals);
            case field(kPersona, "needs"): return text(c, x.needs);
            case field(kPersona, "expectations"): return text(c, x.expectations);
            case field(kPersona, "frustrations"): return text(c, x.frustrations);
            case field(kPersona, "quote"): return text(c, x.quote);
            case field(kPersona, "color"): return color(c, x.color);
            case field(kPersona, "icon"): return text(c, x.icon);
            case field(kPersona, "valueTier"): return enumeration(c, kValueTierNames, x.valueTier);
        }
        return false;
    }) && (seen & bit(kPersona, "id"));
}

bool readStage(FastCursor& c, int depth, Stage& x) {
    unsigned seen = 0;
    return members<kStage>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kStage, "id"): return requiredId(c, x.id);
            case field(kStage, "name"): return text(c, x.name);
            case field(kStage, "phase"): return enumeration(c, kPhaseNames, x.phase);
            case field(kStage, "description"): return text(c, x.description);
        }
        return false;
    }) && (seen & bit(kStage, "id"));
}

bool readLane(FastCursor& c, int depth, Lane& x) {
    unsigned seen = 0;
    return members<kLane>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kLane, "id"): return requiredId(c, x.id);
            case field(kLane, "name"): return text(c, x.name);
            case field(kLane, "type"): return enumeration(c, kLaneTypeNames, x.type);
            case field(kLane, "hidden"): return flag(c, x.hidden);
        }
        return false;
    }) && (seen & bit(kLane, "id"));
}

bool readMetric(FastCursor& c, int depth, Metric& x) {
    unsigned seen = 0;
    return members<kMetric>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kMetric, "type"): return enumeration(c, kMetricTypeNames, x.type);
            case field(kMetric, "name"): return text(c, x.name);
            case field(kMetric, "value"): return decimal(c, x.value);
            case field(kMetric, "target"): return decimal(c, x.target);
            case field(kMetric, "unit"): return text(c, x.unit);
        }
        return false;
    });
}

bool readTouchpoint(FastCursor& c, int depth, TouchpointInfo& x) {
    unsigned seen = 0;
    return members<kTouchpoint>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kTouchpoint, "channel"): return enumeration(c, kChannelNames, x.channel);
            case field(kTouchpoint, "kind"): return enumeration(c, kTouchpointKindNames, x.kind);
            case field(kTouchpoint, "owner"): return enumeration(c, kTouchpointOwnerNames, x.owner);
            case field(kTouchpoint, "controlled"): return flag(c, x.controlled);
            case field(kTouchpoint, "dimensions"): return dimensionList(c, depth + 1, x.dimensions);
            case field(kTouchpoint, "expectation"): return wholeNumber(c, 1, 5, x.expectation);
            case field(kTouchpoint, "experience"): return wholeNumber(c, 1, 5, x.experience);
            case field(kTouchpoint, "metrics"): return list(c, depth + 1, x.metrics, readMetric);
        }
        return false;
    });
}

bool readImprovement(FastCursor& c, int depth, ImprovementInfo& x) {
    unsigned seen = 0;
    return members<kImprovement>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kImprovement, "severity"): return wholeNumber(c, 1, 5, x.severity);
            case field(kImprovement, "impact"): return wholeNumber(c, 1, 5, x.impact);
            case field(kImprovement, "effort"): return wholeNumber(c, 1, 5, x.effort);
            case field(kImprovement, "owner"): return text(c, x.owner);
            case field(kImprovement, "status"):
                return enumeration(c, kImprovementStatusNames, x.status);
        }
        return false;
    });
}

bool readBackstage(FastCursor& c, int depth, BackstageInfo& x) {
    unsigned seen = 0;
    return members<kBackstage>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kBackstage, "owner"): return text(c, x.owner);
            case field(kBackstage, "systems"): return text(c, x.systems);
        }
        return false;
    });
}

constexpr int kMaxVotes = 1'000'000'000;   // as in format_read.cpp

bool readCard(FastCursor& c, int depth, Card& x) {
    unsigned seen = 0;
    const bool read = members<kCard>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kCard, "id"): return requiredId(c, x.id);
            case field(kCard, "stageId"): return requiredId(c, x.stageId);
            case field(kCard, "laneId"): return requiredId(c, x.laneId);
            case field(kCard, "kind"): return enumeration(c, kCardKindNames, x.kind);
            case field(kCard, "text"): return text(c, x.text);
            case field(kCard, "notes"): return text(c, x.notes);
            case field(kCard, "color"): return color(c, x.color);
            case field(kCard, "personaIds"): return idList(c, depth + 1, x.personaIds);
            case field(kCard, "votes"): return wholeNumber(c, 0, kMaxVotes, x.votes);
            case field(kCard, "touchpoint"):
                return block(c, depth + 1, x.touchpoint, readTouchpoint);
            case field(kCard, "improvement"):
                return block(c, depth + 1, x.improvement, readImprovement);
            case field(kCard, "backstage"): return block(c, depth + 1, x.backstage, readBackstage);
        }
        return false;
    });
    constexpr unsigned kRequired = bit(kCard, "id") | bit(kCard, "stageId") | bit(kCard, "laneId");
    if (!read || (seen & kRequired) != kRequired) return false;
    // A block the card's kind does not call for is an error of the document path.
    const bool isImprovement = x.kind == CardKind::PainPoint || x.kind == CardKind::Opportunity;
    if ((x.touchpoint && x.kind != CardKind::Touchpoint) || (x.improvement && !isImprovement) ||
        (x.backstage && x.kind != CardKind::Backstage))
        return false;
    conformDetailsToKind(x);
    return true;
}

bool readEmotion(FastCursor& c, int depth, Emotion& x) {
    unsigned seen = 0;
    const bool read = members<kEmotion>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kEmotion, "id"): return requiredId(c, x.id);
            case field(kEmotion, "personaId"): return requiredId(c, x.personaId);
            case field(kEmotion, "stageId"): return requiredId(c, x.stageId);
            case field(kEmotion, "cardId"): return optionalId(c, x.cardId);
            case field(kEmotion, "valence"):
                return wholeNumber(c, kValenceMin, kValenceMax, x.valence);
            case field(kEmotion, "feeling"): return text(c, x.feeling);
            case field(kEmotion, "note"): return text(c, x.note);
        }
        return false;
    });
    constexpr unsigned kRequired =
        bit(kEmotion, "id") | bit(kEmotion, "personaId") | bit(kEmotion, "stageId");
    return read && (seen & kRequired) == kRequired;
}

bool readMoment(FastCursor& c, int depth, MomentOfTruth& x) {
    unsigned seen = 0;
    const bool read = members<kMoment>(c, depth, x.unknown, seen, [&](int i) {
        switch (i) {
            case field(kMoment, "id"): return requiredId(c, x.id);
            case field(kMoment, "type"): return enumeration(c, kMotTypeNames, x.type);
            case field(kMoment, "customType"): return text(c, x.customType);
            case field(kMoment, "name"): return text(c, x.name);
            case field(kMoment, "reason"): return text(c, x.reason);
            case field(kMoment, "state"): return enumeration(c, kMotStateNames, x.state);
            case field(kMoment, "stageId"): return requiredId(c, x.stageId);
            case field(kMoment, "cardId"): return optionalId(c, x.cardId);
        }
        return false;
    });
    constexpr unsigned kRequired = bit(kMoment, "id") | bit(kMoment, "stageId");
    return read && (seen & kRequired) == kRequired;
}

// The top-level object; "format" and "version" (exactly the current one) are required here.
bool readRoot(FastCursor& c, Map& map) {
    unsigned seen = 0;
    const bool read = members<kEnvelope>(c, 1, map.unknown, seen, [&](int i) {
        switch (i) {
            case field(kEnvelope, "format"): {
                std::string_view name;
                return c.string(name) && name == kFormatName;
            }
            case field(kEnvelope, "version"): {
                Number n;
                return c.number(n) && n.kind == Number::Unsigned &&
                       n.u == static_cast<std::uint64_t>(kFormatVersion);
            }
            case field(kEnvelope, "meta"): return c.null() || readMeta(c, 2, map.meta);
            case field(kEnvelope, "personas"): return list(c, 2, map.personas, readPersona);
            case field(kEnvelope, "stages"): return list(c, 2, map.stages, readStage);
            case field(kEnvelope, "lanes"): return list(c, 2, map.lanes, readLane);
            case field(kEnvelope, "cards"): return list(c, 2, map.cards, readCard);
            case field(kEnvelope, "emotions"): return list(c, 2, map.emotions, readEmotion);
            case field(kEnvelope, "moments"): return list(c, 2, map.moments, readMoment);
        }
        return false;
    });
    constexpr unsigned kRequired = bit(kEnvelope, "format") | bit(kEnvelope, "version");
    return read && (seen & kRequired) == kRequired && c.atEnd();
}

}  // namespace

std::optional<Map> fastDecode(std::string_view text, const LoadLimits& limits) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";   // skipped by nlohmann's lexer too
    if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
    try {
        FastCursor cursor(text, limits);
        Map map;
        if (!readRoot(cursor, map)) return std::nullopt;
        return map;
    } catch (...) {
        return std::nullopt;   // the document path runs into it again and reports it
    }
}

}  // namespace trayecto::format

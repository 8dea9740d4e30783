// The fast path of loadMap: a current-version file read straight into the model in one pass
// over the text (FastCursor), with no document in between. It makes every check format.cpp's
// envelope and format_read.cpp make, but only to decide: on anything it does not accept, it
// gives up and loadMap reads the file again through the document path, which finds and words
// the error. So a success here must mean the document path succeeds with the very same model.
// Both readers follow the tables of format_fields.hpp; each kind's helper below accepts exactly
// what format_read.cpp's helper for that kind accepts, and reads it to the same value.
#include <array>
#include <cmath>
#include <type_traits>
#include <unordered_set>

#include "format_internal.hpp"

namespace trayecto::format {
namespace {

using Number = FastCursor::Number;

// The known keys of an object as string views, in table order (a member's index is its bit).
template <std::size_t N>
constexpr std::array<std::string_view, N> fieldsOf(const char* const (&known)[N]) {
    std::array<std::string_view, N> fields{};
    for (std::size_t i = 0; i < N; ++i) fields[i] = known[i];
    return fields;
}

// The bits of the keys an object must have.
template <std::size_t N>
constexpr unsigned requiredBits(const bool (&required)[N]) {
    unsigned bits = 0;
    for (std::size_t i = 0; i < N; ++i)
        if (required[i]) bits |= 1u << i;
    return bits;
}

// ---- values (null stands for "not given" wherever format_read.cpp's member() says so)

template <typename E, std::size_t N>
bool enumeration(FastCursor& c, const Spelling<E> (&table)[N], E& out) {
    if (c.null()) return true;
    std::string_view name;
    if (!c.string(name)) return false;
    const auto value = valueOf(table, name);
    if (value) out = *value;
    return value.has_value();
}

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

template <typename Slot>
bool color(FastCursor& c, Slot& out) {
    if (c.null()) return true;
    std::string_view text;
    if (!c.string(text)) return false;
    const auto rgb = parseColor(text);
    if (rgb) out = *rgb;
    return rgb.has_value();
}

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
        return read(i);
    });
}

template <typename T>
bool readObject(FastCursor& c, int depth, T& x);

// ---- one helper per kind of field (format_fields.hpp); `depth` is the value's level

bool read(FastCursor& c, int, kind::RequiredId, Id& out) { return c.string(out) && !out.empty(); }
bool read(FastCursor& c, int, kind::OptionalId, std::optional<Id>& out) {
    if (c.null()) return true;
    out.emplace();
    return c.string(*out) && !out->empty();
}
bool read(FastCursor& c, int, kind::Text, std::string& out) { return c.null() || c.string(out); }
bool read(FastCursor& c, int, kind::TextAlways, std::string& out) { return c.null() || c.string(out); }
template <const auto& Names, typename E>
bool read(FastCursor& c, int, kind::Enum<Names>, E& out) { return enumeration(c, Names, out); }
template <const auto& Names, typename E>
bool read(FastCursor& c, int, kind::EnumIfSet<Names>, E& out) { return enumeration(c, Names, out); }
template <const auto& Names, typename E>
bool read(FastCursor& c, int, kind::Enum<Names>, std::optional<E>& out) {
    if (c.null()) return true;
    E value{};
    if (!enumeration(c, Names, value)) return false;
    out = value;
    return true;
}
template <typename Slot>
bool read(FastCursor& c, int, kind::Color, Slot& out) { return color(c, out); }
bool read(FastCursor& c, int, kind::Flag, bool& out) { return c.null() || c.boolean(out); }
bool read(FastCursor& c, int, kind::FlagIfTrue, bool& out) { return c.null() || c.boolean(out); }
template <int Min, int Max, typename Slot>
bool read(FastCursor& c, int, kind::Whole<Min, Max>, Slot& out) { return wholeNumber(c, Min, Max, out); }
template <int Max>
bool read(FastCursor& c, int, kind::Count<Max>, int& out) { return wholeNumber(c, 0, Max, out); }

bool read(FastCursor& c, int, kind::Decimal, std::optional<double>& out) {
    if (c.null()) return true;
    Number n;
    if (!c.number(n)) return false;
    if (n.kind == Number::Unsigned) out = static_cast<double>(n.u);
    else if (n.kind == Number::Negative) out = static_cast<double>(n.i);
    else out = n.x;
    return true;
}

bool read(FastCursor& c, int depth, kind::Decimal, double& out) {
    std::optional<double> value;
    if (!read(c, depth, kind::Decimal{}, value)) return false;
    if (value) out = *value;
    return true;
}

bool read(FastCursor& c, int depth, kind::JsonText, std::string& out) {
    if (c.null()) return true;
    Json value;
    if (!c.value(value, depth)) return false;
    out = compactText(value);
    return true;
}

bool read(FastCursor& c, int depth, kind::Texts, std::vector<std::string>& out) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        out.emplace_back();
        return c.string(out.back());
    });
}

bool read(FastCursor& c, int depth, kind::Numbers, std::vector<double>& out) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        std::optional<double> value;
        if (c.null() || !read(c, depth + 1, kind::Decimal{}, value)) return false;
        out.push_back(*value);
        return true;
    });
}

// An object whose keys are data: onMember(key) at each member that is not null. Refuses an
// empty key when `emptyKeys` is false, and (as the document path does) a key given twice.
template <typename F>
bool dataObject(FastCursor& c, int depth, bool emptyKeys, F&& onMember) {
    if (c.null()) return true;
    std::unordered_set<std::string> keys;
    return c.object(depth, [&](std::string_view key) {
        auto [it, fresh] = keys.emplace(key);
        if (!fresh || (!emptyKeys && key.empty())) return false;
        return c.null() || onMember(*it);
    });
}

bool read(FastCursor& c, int depth, kind::Ballots, std::map<Id, std::vector<Id>>& out) {
    return dataObject(c, depth, false, [&](const std::string& participant) {
        std::vector<Id>& cards = out[participant];
        return c.array(depth + 1, [&] {
            cards.emplace_back();
            return c.string(cards.back()) && !cards.back().empty();
        });
    });
}

bool read(FastCursor& c, int depth, kind::Tally, std::vector<std::pair<std::string, int>>& out) {
    return dataObject(c, depth, true, [&](const std::string& name) {
        int count = 0;
        if (!wholeNumber(c, 1, kMaxVotes, count)) return false;
        out.emplace_back(name, count);
        return true;
    });
}

bool read(FastCursor& c, int depth, kind::PersonaIds, std::vector<Id>& out) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        out.emplace_back();
        return c.string(out.back()) && !out.back().empty();
    });
}

bool read(FastCursor& c, int depth, kind::Dimensions, std::uint8_t& out) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        std::string_view name;
        if (!c.string(name)) return false;
        const auto dimension = valueOf(kDimensionNames, name);
        if (dimension) out |= *dimension;
        return dimension.has_value();
    });
}

template <typename T>
bool readItems(FastCursor& c, int depth, std::vector<T>& out) {
    if (c.null()) return true;
    return c.array(depth, [&] {
        out.emplace_back();
        return readObject(c, depth + 1, out.back());
    });
}
template <typename T>
bool read(FastCursor& c, int depth, kind::List, std::vector<T>& out) { return readItems(c, depth, out); }
template <typename T>
bool read(FastCursor& c, int depth, kind::Items, std::vector<T>& out) { return readItems(c, depth, out); }

template <typename T>
bool read(FastCursor& c, int depth, kind::Detail, std::optional<T>& out) {
    if (c.null()) return true;
    out.emplace();
    return readObject(c, depth, *out);
}
template <typename T>
bool read(FastCursor& c, int depth, kind::Object, T& out) { return c.null() || readObject(c, depth, out); }
template <typename T>
bool read(FastCursor& c, int depth, kind::Section, T& out) { return c.null() || readObject(c, depth, out); }

// ---- objects

// Reads the member at `index` of Fields<T>::keys, the object being at level `depth`.
template <typename T>
bool readMember(FastCursor& c, int depth, T& x, std::size_t index) {
    bool ok = false;
    std::size_t i = Fields<T>::kHead;
    Fields<T>::each(x, [&](auto k, const char*, auto& member) {
        if (i++ == index) ok = read(c, depth + 1, k, member);
    });
    return ok;
}

// What the document path refuses only once the whole object is known: a detail block the card's
// kind does not call for.
template <typename T>
bool detailsAllowed(const T& x) {
    bool allowed = true;
    Fields<T>::each(x, [&](auto k, const char*, const auto& member) {
        if constexpr (std::is_same_v<decltype(k), kind::Detail>)
            allowed = allowed && (!member || detailAllowed(x, member));
    });
    return allowed;
}

template <typename T>
bool readObject(FastCursor& c, int depth, T& x) {
    constexpr unsigned kRequired = requiredBits(Fields<T>::required);
    unsigned seen = 0;
    const bool read = members<Fields<T>::keys>(c, depth, x.unknown, seen, [&](std::size_t i) {
        return readMember(c, depth, x, i);
    });
    if (!read || (seen & kRequired) != kRequired || !detailsAllowed(x)) return false;
    finishRead(x);
    return true;
}

// The top-level object; "format" and "version" (exactly the current one) are required here.
bool readRoot(FastCursor& c, Map& map) {
    constexpr unsigned kRequired = requiredBits(Fields<Map>::required);
    unsigned seen = 0;
    const bool read = members<Fields<Map>::keys>(c, 1, map.unknown, seen, [&](std::size_t i) {
        if (i == 0) {   // "format"
            std::string_view name;
            return c.string(name) && name == kFormatName;
        }
        if (i == 1) {   // "version"
            Number n;
            return c.number(n) && n.kind == Number::Unsigned &&
                   n.u == static_cast<std::uint64_t>(kFormatVersion);
        }
        return readMember(c, 1, map, i);
    });
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

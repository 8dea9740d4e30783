// Writing journey maps as JSON format v1 (see docs/format.md): known keys in the order of the
// tables of format_fields.hpp, then unknown fields in sorted order, 2-space indent, trailing newline.
//
// The text is written straight into one string, byte for byte what nlohmann's
// dump(2, ' ', false, error_handler_t::replace) gives for the document the map stands for: the
// same layout, string escapes, U+FFFD for invalid UTF-8, and shortest round-trip doubles.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <map>
#include <type_traits>

#include "format_internal.hpp"

namespace trayecto {
namespace format {

namespace {

class Writer {
public:
    explicit Writer(std::size_t capacity) { out_.reserve(capacity); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // A member whose key needs no escaping (the known keys), then its value.
    void key(const char* name) {
        next();
        out_ += '"';
        out_ += name;
        out_ += "\": ";
    }
    void item() { next(); }
    // A member whose key may need escaping (unknown fields, keys that are data).
    void member(std::string_view name) {
        next();
        string(name);
        out_ += ": ";
    }

    void string(std::string_view s);
    void plain(const char* s) {   // enum names: nothing to escape
        out_ += '"';
        out_ += s;
        out_ += '"';
    }
    void integer(long long n) {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
        out_.append(buffer, result.ptr);
    }
    void decimal(double x) {
        if (!std::isfinite(x)) {
            out_ += "null";
            return;
        }
        char buffer[64];
        out_.append(buffer, nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x));
    }
    void boolean(bool b) { out_ += b ? "true" : "false"; }
    void color(Rgb rgb) {
        static const char kHex[] = "0123456789abcdef";
        char buffer[9] = {'"', '#'};
        for (int i = 0; i < 6; ++i) buffer[2 + i] = kHex[(rgb >> (20 - 4 * i)) & 0xf];
        buffer[8] = '"';
        out_.append(buffer, sizeof buffer);
    }

    // Members as saveMap writes them.
    void text(const char* name, const std::string& value) {
        key(name);
        string(value);
    }
    void optionalText(const char* name, const std::string& value) {
        if (!value.empty()) text(name, value);
    }
    void spelling(const char* name, const char* value) {
        key(name);
        plain(value);
    }
    void number(const char* name, long long value) {
        key(name);
        integer(value);
    }
    void decimal(const char* name, double value) {
        key(name);
        decimal(value);
    }
    void flag(const char* name, bool value) {
        key(name);
        boolean(value);
    }
    void color(const char* name, Rgb value) {
        key(name);
        color(value);
    }
    template <std::size_t N>
    void unknown(const UnknownFields& fields, const char* const (&known)[N]);
    // A value kept as compact JSON text, laid out as nlohmann would. Text that is not valid JSON
    // (set by code, never by the loader) is written as a JSON string so output stays valid.
    void jsonText(const std::string& text);

    std::string_view written() const { return out_; }
    std::string finish() {
        out_ += '\n';
        return std::move(out_);
    }

private:
    void open(char bracket) {
        out_ += bracket;
        ++depth_;
        empty_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!empty_) newline();
        out_ += bracket;
        empty_ = false;
    }
    void next() {
        if (!empty_) out_ += ',';
        newline();
        empty_ = false;
    }
    void newline() {
        out_ += '\n';
        out_.append(2 * depth_, ' ');
    }
    void escape(unsigned char c);

    std::string out_;
    std::size_t depth_ = 0;
    bool empty_ = true;   // nothing written yet in the innermost open object or array
};

void Writer::string(std::string_view s) {
    const std::size_t start = out_.size();
    out_ += '"';
    const char* p = s.data();
    const char* const end = p + s.size();
    const char* run = p;
    while (p != end) {
        const auto c = static_cast<unsigned char>(*p);
        if (kPlainStringBytes[c]) {
            ++p;
        } else if (c >= 0x80) {
            const std::size_t length = utf8Sequence(p, end);
            if (length == 0) {
                // Invalid UTF-8 (set by code, never by the loader): nlohmann's replacement rules.
                out_.resize(start);
                out_ += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
                return;
            }
            p += length;
        } else {
            out_.append(run, p);
            escape(c);
            run = ++p;
        }
    }
    out_.append(run, p);
    out_ += '"';
}

void Writer::escape(unsigned char c) {
    switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        default: {
            static const char kHex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 0xf];
        }
    }
}

// Unknown fields go after the known keys, in key order (std::map is sorted). A key that
// collides with a known key is skipped: the model's own field wins.
template <std::size_t N>
void Writer::unknown(const UnknownFields& fields, const char* const (&known)[N]) {
    for (const auto& [name, text] : fields) {
        if (isKnownKey(known, name)) continue;
        member(name);
        jsonText(text);
    }
}

void Writer::jsonText(const std::string& text) {
    // The text came from a loader whose limits the caller chose: lift all but the depth, which
    // keeps dump()'s recursion shallow.
    static const LoadLimits kUnknownLimits{static_cast<std::size_t>(-1), 512,
                                           static_cast<std::size_t>(-1),
                                           static_cast<std::size_t>(-1)};
    auto parsed = parseBounded(text, kUnknownLimits);
    if (!parsed.ok()) {
        string(text);
        return;
    }
    // nlohmann's layout of the value on its own, indented to where it stands.
    const std::string dumped = parsed.value().dump(2, ' ', false, Json::error_handler_t::replace);
    for (char c : dumped) {
        out_ += c;
        if (c == '\n') out_.append(2 * depth_, ' ');
    }
}

// ---- one helper per kind of field (format_fields.hpp)

template <typename T>
void writeObject(Writer& w, const T& x);
template <typename T>
std::string objectText(const T& x);

void write(Writer& w, const char* key, kind::RequiredId, const Id& id) { w.text(key, id); }
void write(Writer& w, const char* key, kind::OptionalId, const std::optional<Id>& id) {
    if (id) w.text(key, *id);
}
void write(Writer& w, const char* key, kind::Text, const std::string& text) { w.optionalText(key, text); }
void write(Writer& w, const char* key, kind::TextAlways, const std::string& text) { w.text(key, text); }
template <const auto& Names, typename E>
void write(Writer& w, const char* key, kind::Enum<Names>, E value) {
    w.spelling(key, nameOf(Names, value));
}
template <const auto& Names, typename E>
void write(Writer& w, const char* key, kind::EnumIfSet<Names>, E value) {
    if (value != E{}) w.spelling(key, nameOf(Names, value));
}
void write(Writer& w, const char* key, kind::Color, Rgb color) { w.color(key, color); }
void write(Writer& w, const char* key, kind::Color, const std::optional<Rgb>& color) {
    if (color) w.color(key, *color);
}
void write(Writer& w, const char* key, kind::Flag, bool flag) { w.flag(key, flag); }
void write(Writer& w, const char* key, kind::FlagIfTrue, bool flag) {
    if (flag) w.flag(key, true);
}
template <int Min, int Max>
void write(Writer& w, const char* key, kind::Whole<Min, Max>, int value) { w.number(key, value); }
template <int Min, int Max>
void write(Writer& w, const char* key, kind::Whole<Min, Max>, const std::optional<int>& value) {
    if (value) w.number(key, *value);
}
template <int Max>
void write(Writer& w, const char* key, kind::Count<Max>, int value) {
    if (value != 0) w.number(key, value);
}
void write(Writer& w, const char* key, kind::Decimal, const std::optional<double>& value) {
    if (value) w.decimal(key, *value);
}

template <const auto& Names, typename E>
void write(Writer& w, const char* key, kind::Enum<Names>, const std::optional<E>& value) {
    if (value) w.spelling(key, nameOf(Names, *value));
}
void write(Writer& w, const char* key, kind::Decimal, double value) { w.decimal(key, value); }
void write(Writer& w, const char* key, kind::JsonText, const std::string& text) {
    w.key(key);
    w.jsonText(text);
}

void write(Writer& w, const char* key, kind::Texts, const std::vector<std::string>& texts) {
    if (texts.empty()) return;
    w.key(key);
    w.beginArray();
    for (const auto& text : texts) {
        w.item();
        w.string(text);
    }
    w.endArray();
}

void write(Writer& w, const char* key, kind::Numbers, const std::vector<double>& numbers) {
    if (numbers.empty()) return;
    w.key(key);
    w.beginArray();
    for (double x : numbers) {
        w.item();
        w.decimal(x);
    }
    w.endArray();
}

void write(Writer& w, const char* key, kind::Ballots, const std::map<Id, std::vector<Id>>& ballots) {
    if (ballots.empty()) return;
    w.key(key);
    w.beginObject();
    for (const auto& [participant, cards] : ballots) {
        w.member(participant);
        w.beginArray();
        for (const Id& card : cards) {
            w.item();
            w.string(card);
        }
        w.endArray();
    }
    w.endObject();
}

void write(Writer& w, const char* key, kind::Tally, const std::vector<std::pair<std::string, int>>& tally) {
    if (tally.empty()) return;
    w.key(key);
    w.beginObject();
    std::vector<std::string_view> written;   // a name twice (set by code) would make the file unreadable
    for (const auto& [name, count] : tally) {
        if (std::find(written.begin(), written.end(), name) != written.end()) continue;
        written.push_back(name);
        w.member(name);
        w.integer(count);
    }
    w.endObject();
}

void write(Writer& w, const char* key, kind::PersonaIds, const std::vector<Id>& ids) {
    if (ids.empty()) return;
    w.key(key);
    w.beginArray();
    for (const auto& id : ids) {
        w.item();
        w.string(id);
    }
    w.endArray();
}

void write(Writer& w, const char* key, kind::Dimensions, std::uint8_t dimensions) {
    if (!(dimensions & kAllDimensions)) return;
    w.key(key);
    w.beginArray();
    for (const auto& d : kDimensionNames) {
        if (!(dimensions & d.value)) continue;
        w.item();
        w.plain(d.name);
    }
    w.endArray();
}

template <typename T>
void writeItems(Writer& w, const char* key, const std::vector<T>& items) {
    w.key(key);
    w.beginArray();
    for (const auto& item : items) {
        w.item();
        writeObject(w, item);
    }
    w.endArray();
}
template <typename T>
void write(Writer& w, const char* key, kind::List, const std::vector<T>& items) {
    if (!items.empty()) writeItems(w, key, items);
}
template <typename T>
void write(Writer& w, const char* key, kind::Items, const std::vector<T>& items) {
    writeItems(w, key, items);
}

template <typename T>
void write(Writer& w, const char* key, kind::Detail, const std::optional<T>& block) {
    if (!block) return;
    w.key(key);
    writeObject(w, *block);
}
template <typename T>
void write(Writer& w, const char* key, kind::Object, const T& object) {
    w.key(key);
    writeObject(w, object);
}

template <typename T>
void write(Writer& w, const char* key, kind::Section, const T& section) {
    static const std::string kDefaults = objectText(T{});
    if (objectText(section) == kDefaults) return;
    w.key(key);
    writeObject(w, section);
}

// Any object with a table: its members in table order, then its unknown fields.
template <typename T>
void writeObject(Writer& w, const T& x) {
    w.beginObject();
    Fields<T>::each(x, [&](auto k, const char* key, const auto& member) { write(w, key, k, member); });
    w.unknown(x.unknown, Fields<T>::keys);
    w.endObject();
}

template <typename T>
std::string objectText(const T& x) {
    Writer w(256);
    writeObject(w, x);
    return w.finish();
}

// Writes up to `budget` more items of one list (its key and brackets around them); true once
// the list is closed.
template <typename T>
bool writeSome(Writer& w, const char* name, const std::vector<T>& items, std::size_t& index,
               bool& opened, std::size_t& budget) {
    if (!opened) {
        w.key(name);
        w.beginArray();
        opened = true;
    }
    for (; index < items.size() && budget > 0; ++index, --budget) {
        w.item();
        writeObject(w, items[index]);
    }
    if (index < items.size()) return false;
    w.endArray();
    return true;
}

}  // namespace

std::string workshopText(const Workshop& workshop) { return objectText(workshop); }

std::string objectTextOf(const Item& item) {
    return std::visit([](const auto& x) { return objectText(x); }, item);
}

std::string objectTextOf(const MapMeta& meta) { return objectText(meta); }

}  // namespace format

namespace {
constexpr std::size_t kMapMembers = std::size(format::Fields<Map>::keys) - format::Fields<Map>::kHead;
}

struct MapSaver::State {
    explicit State(const Map& m)
        // Room for a typical map; the string grows if this is short.
        : map(m), writer(1024 + 640 * m.cards.size() +
                         256 * (m.personas.size() + m.stages.size() + m.lanes.size() +
                                m.emotions.size() + m.moments.size())) {}
    const Map& map;
    format::Writer writer;
    // 0 the envelope's head, 1..kMapMembers the members of Fields<Map>, then the end, then done
    std::size_t part = 0;
    std::size_t index = 0;   // next item of the list being written
    bool opened = false;     // that list's key and bracket are written
    std::string text;
};

MapSaver::MapSaver(const Map& map) : state_(std::make_unique<State>(map)) {}
MapSaver::~MapSaver() = default;

bool MapSaver::done() const { return state_->part == kMapMembers + 2; }

bool MapSaver::step(std::size_t items) {
    using namespace format;
    State& s = *state_;
    if (items == 0) items = 1;   // always some progress
    Writer& w = s.writer;
    if (s.part == 0) {
        w.beginObject();
        w.spelling("format", kFormatName);
        w.number("version", kFormatVersion);
        s.part = 1;
    }
    while (s.part >= 1 && s.part <= kMapMembers) {
        // The member at this part: a collection a slice at a time, anything else at once.
        bool closed = true;
        std::size_t member = 1;
        Fields<Map>::each(s.map, [&](auto k, const char* key, const auto& value) {
            if (member++ != s.part) return;
            if constexpr (std::is_same_v<decltype(k), kind::Items>)
                closed = writeSome(w, key, value, s.index, s.opened, items);
            else
                write(w, key, k, value);
        });
        if (!closed) return false;
        s.index = 0;
        s.opened = false;
        ++s.part;
    }
    if (s.part == kMapMembers + 1) {
        w.unknown(s.map.unknown, Fields<Map>::keys);
        w.endObject();
        s.text = w.finish();
        s.part = kMapMembers + 2;
    }
    return true;
}

std::string_view MapSaver::written() const {
    return done() ? std::string_view(state_->text) : state_->writer.written();
}

std::string MapSaver::take() { return std::move(state_->text); }

std::string saveMap(const Map& map) {
    MapSaver saver(map);
    saver.step(static_cast<std::size_t>(-1));
    return saver.take();
}

}  // namespace trayecto

// Writing journey maps as JSON format v1 (see docs/format.md): known keys in a fixed order,
// then unknown fields in sorted order, 2-space indent, trailing newline.
//
// The text is written straight into one string, byte for byte what nlohmann's
// dump(2, ' ', false, error_handler_t::replace) gives for the document the map stands for: the
// same layout, string escapes, U+FFFD for invalid UTF-8, and shortest round-trip doubles.
#include <charconv>
#include <cmath>

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
// collides with a known key is skipped: the model's own field wins. Text that is not valid
// JSON (set by code, never by the loader) is written as a JSON string so output stays valid.
template <std::size_t N>
void Writer::unknown(const UnknownFields& fields, const char* const (&known)[N]) {
    // The text came from a loader whose limits the caller chose: lift all but the depth, which
    // keeps dump()'s recursion shallow.
    static const LoadLimits kUnknownLimits{static_cast<std::size_t>(-1), 512,
                                           static_cast<std::size_t>(-1),
                                           static_cast<std::size_t>(-1)};
    for (const auto& [name, text] : fields) {
        if (isKnownKey(known, name)) continue;
        next();
        string(name);
        out_ += ": ";
        auto parsed = parseBounded(text, kUnknownLimits);
        if (!parsed.ok()) {
            string(text);
            continue;
        }
        // nlohmann's layout of the value on its own, indented to where it stands.
        const std::string dumped =
            parsed.value().dump(2, ' ', false, Json::error_handler_t::replace);
        for (char c : dumped) {
            out_ += c;
            if (c == '\n') out_.append(2 * depth_, ' ');
        }
    }
}

void writeMeta(Writer& w, const MapMeta& meta) {
    w.beginObject();
    w.text("title", meta.title);
    w.optionalText("description", meta.description);
    w.optionalText("scope", meta.scope);
    w.optionalText("language", meta.language);
    w.optionalText("author", meta.author);
    w.optionalText("created", meta.created);
    w.optionalText("modified", meta.modified);
    w.unknown(meta.unknown, keys::kMeta);
    w.endObject();
}

void writePersona(Writer& w, const Persona& p) {
    w.beginObject();
    w.text("id", p.id);
    w.text("name", p.name);
    w.optionalText("description", p.description);
    w.optionalText("goals", p.goals);
    w.optionalText("needs", p.needs);
    w.optionalText("expectations", p.expectations);
    w.optionalText("frustrations", p.frustrations);
    w.optionalText("quote", p.quote);
    w.color("color", p.color);
    w.optionalText("icon", p.icon);
    if (p.valueTier != ValueTier::Unset)
        w.spelling("valueTier", nameOf(kValueTierNames, p.valueTier));
    w.unknown(p.unknown, keys::kPersona);
    w.endObject();
}

void writeStage(Writer& w, const Stage& s) {
    w.beginObject();
    w.text("id", s.id);
    w.text("name", s.name);
    w.spelling("phase", nameOf(kPhaseNames, s.phase));
    w.optionalText("description", s.description);
    w.unknown(s.unknown, keys::kStage);
    w.endObject();
}

void writeLane(Writer& w, const Lane& l) {
    w.beginObject();
    w.text("id", l.id);
    w.text("name", l.name);
    w.spelling("type", nameOf(kLaneTypeNames, l.type));
    if (l.hidden) w.flag("hidden", true);
    w.unknown(l.unknown, keys::kLane);
    w.endObject();
}

void writeMetric(Writer& w, const Metric& m) {
    w.beginObject();
    w.spelling("type", nameOf(kMetricTypeNames, m.type));
    w.optionalText("name", m.name);
    if (m.value) w.decimal("value", *m.value);
    if (m.target) w.decimal("target", *m.target);
    w.optionalText("unit", m.unit);
    w.unknown(m.unknown, keys::kMetric);
    w.endObject();
}

void writeTouchpoint(Writer& w, const TouchpointInfo& t) {
    w.beginObject();
    w.spelling("channel", nameOf(kChannelNames, t.channel));
    w.spelling("kind", nameOf(kTouchpointKindNames, t.kind));
    w.spelling("owner", nameOf(kTouchpointOwnerNames, t.owner));
    w.flag("controlled", t.controlled);
    if (t.dimensions & kAllDimensions) {
        w.key("dimensions");
        w.beginArray();
        for (const auto& d : kDimensionNames) {
            if (!(t.dimensions & d.value)) continue;
            w.item();
            w.plain(d.name);
        }
        w.endArray();
    }
    if (t.expectation) w.number("expectation", *t.expectation);
    if (t.experience) w.number("experience", *t.experience);
    if (!t.metrics.empty()) {
        w.key("metrics");
        w.beginArray();
        for (const auto& m : t.metrics) {
            w.item();
            writeMetric(w, m);
        }
        w.endArray();
    }
    w.unknown(t.unknown, keys::kTouchpoint);
    w.endObject();
}

void writeImprovement(Writer& w, const ImprovementInfo& i) {
    w.beginObject();
    w.number("severity", i.severity);
    w.number("impact", i.impact);
    w.number("effort", i.effort);
    w.optionalText("owner", i.owner);
    w.spelling("status", nameOf(kImprovementStatusNames, i.status));
    w.unknown(i.unknown, keys::kImprovement);
    w.endObject();
}

void writeBackstage(Writer& w, const BackstageInfo& b) {
    w.beginObject();
    w.optionalText("owner", b.owner);
    w.optionalText("systems", b.systems);
    w.unknown(b.unknown, keys::kBackstage);
    w.endObject();
}

template <typename T>
void writeBlock(Writer& w, const char* name, const std::optional<T>& block,
                void (*write)(Writer&, const T&)) {
    if (!block) return;
    w.key(name);
    write(w, *block);
}

void writeCard(Writer& w, const Card& c) {
    w.beginObject();
    w.text("id", c.id);
    w.text("stageId", c.stageId);
    w.text("laneId", c.laneId);
    w.spelling("kind", nameOf(kCardKindNames, c.kind));
    w.text("text", c.text);
    w.optionalText("notes", c.notes);
    if (c.color) w.color("color", *c.color);
    if (!c.personaIds.empty()) {
        w.key("personaIds");
        w.beginArray();
        for (const auto& id : c.personaIds) {
            w.item();
            w.string(id);
        }
        w.endArray();
    }
    if (c.votes != 0) w.number("votes", c.votes);
    writeBlock(w, "touchpoint", c.touchpoint, writeTouchpoint);
    writeBlock(w, "improvement", c.improvement, writeImprovement);
    writeBlock(w, "backstage", c.backstage, writeBackstage);
    w.unknown(c.unknown, keys::kCard);
    w.endObject();
}

void writeEmotion(Writer& w, const Emotion& e) {
    w.beginObject();
    w.text("id", e.id);
    w.text("personaId", e.personaId);
    w.text("stageId", e.stageId);
    if (e.cardId) w.text("cardId", *e.cardId);
    w.number("valence", e.valence);
    w.optionalText("feeling", e.feeling);
    w.optionalText("note", e.note);
    w.unknown(e.unknown, keys::kEmotion);
    w.endObject();
}

void writeMoment(Writer& w, const MomentOfTruth& m) {
    w.beginObject();
    w.text("id", m.id);
    w.spelling("type", nameOf(kMotTypeNames, m.type));
    w.optionalText("customType", m.customType);
    w.text("name", m.name);
    w.optionalText("reason", m.reason);
    w.spelling("state", nameOf(kMotStateNames, m.state));
    w.text("stageId", m.stageId);
    if (m.cardId) w.text("cardId", *m.cardId);
    w.unknown(m.unknown, keys::kMoment);
    w.endObject();
}

// Writes up to `budget` more items of one list (its key and brackets around them); true once
// the list is closed.
template <typename T>
bool writeSome(Writer& w, const char* name, const std::vector<T>& items, void (*write)(Writer&, const T&),
               std::size_t& index, bool& opened, std::size_t& budget) {
    if (!opened) {
        w.key(name);
        w.beginArray();
        opened = true;
    }
    for (; index < items.size() && budget > 0; ++index, --budget) {
        w.item();
        write(w, items[index]);
    }
    if (index < items.size()) return false;
    w.endArray();
    return true;
}

}  // namespace
}  // namespace format

struct MapSaver::State {
    explicit State(const Map& m)
        // Room for a typical map; the string grows if this is short.
        : map(m), writer(1024 + 640 * m.cards.size() +
                         256 * (m.personas.size() + m.stages.size() + m.lanes.size() +
                                m.emotions.size() + m.moments.size())) {}
    const Map& map;
    format::Writer writer;
    int part = 0;            // 0 envelope and meta, 1-6 the lists, 7 the end, 8 done
    std::size_t index = 0;   // next item of the list being written
    bool opened = false;     // that list's key and bracket are written
    std::string text;
};

MapSaver::MapSaver(const Map& map) : state_(std::make_unique<State>(map)) {}
MapSaver::~MapSaver() = default;

bool MapSaver::done() const { return state_->part == 8; }

bool MapSaver::step(std::size_t items) {
    using namespace format;
    State& s = *state_;
    if (items == 0) items = 1;   // always some progress
    Writer& w = s.writer;
    const Map& map = s.map;
    if (s.part == 0) {
        w.beginObject();
        w.spelling("format", kFormatName);
        w.number("version", kFormatVersion);
        w.key("meta");
        writeMeta(w, map.meta);
        s.part = 1;
    }
    while (s.part >= 1 && s.part <= 6) {
        std::size_t& i = s.index;
        bool& o = s.opened;
        bool closed = false;
        switch (s.part) {
            case 1: closed = writeSome(w, "personas", map.personas, writePersona, i, o, items); break;
            case 2: closed = writeSome(w, "stages", map.stages, writeStage, i, o, items); break;
            case 3: closed = writeSome(w, "lanes", map.lanes, writeLane, i, o, items); break;
            case 4: closed = writeSome(w, "cards", map.cards, writeCard, i, o, items); break;
            case 5: closed = writeSome(w, "emotions", map.emotions, writeEmotion, i, o, items); break;
            default: closed = writeSome(w, "moments", map.moments, writeMoment, i, o, items); break;
        }
        if (!closed) return false;
        s.index = 0;
        s.opened = false;
        ++s.part;
    }
    if (s.part == 7) {
        w.unknown(map.unknown, keys::kEnvelope);
        w.endObject();
        s.text = w.finish();
        s.part = 8;
    }
    return true;
}

std::string MapSaver::take() { return std::move(state_->text); }

std::string saveMap(const Map& map) {
    MapSaver saver(map);
    saver.step(static_cast<std::size_t>(-1));
    return saver.take();
}

}  // namespace trayecto

// Shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp): turning the fuzzer's bytes into a
// journey map, and stopping with a message when a property fails.
//
// An input that starts with '{' is a JSON map file (so the seed corpus can hold real maps);
// anything else drives FuzzBytes, which builds a small map whose ids and texts are made of the
// pieces that break exports (markup, formulas, quotes, control characters, NUL, long UTF-8)
// and whose references always hold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/model.hpp"

namespace trayecto::fuzz {

[[noreturn]] inline void fail(const char* harness, const std::string& what, const std::string& detail) {
    std::fprintf(stderr, "%s: %s\n%s\n", harness, what.c_str(), detail.c_str());
    std::abort();
}

// Reads the fuzzer's bytes as choices: structure (counts, picks, numbers) from the front, texts
// from the back, so a short input already makes a map with items and links, and texts grow as the
// input does. When the two meet, every choice is 0.
class FuzzBytes {
public:
    FuzzBytes(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}

    std::uint8_t byte() { return p_ == end_ ? 0 : *p_++; }
    int below(int n) { return n <= 1 ? 0 : static_cast<int>(byte() % static_cast<unsigned>(n)); }
    bool flag() { return (byte() & 1) != 0; }
    bool empty() const { return p_ == end_; }

    // Text of up to `pieces` pieces: markup, formula starts, quotes, control bytes, NUL, UTF-8
    // of 2 to 4 bytes, link syntax and plain letters. Always valid UTF-8.
    std::string text(int pieces = 10) {
        static const char* const kPieces[] = {
            "<", ">", "&", "\"", "'", "[", "]", "(", ")", "!", "`", "\\", "|", "*", "_", "#",
            "=", "+", "-", "@", "\t", "\r", "\n", ",", ";", ":", "/", "~", " ", ".", "0", "7",
            "e", "a", "Z", "é", "ñ", "«", "€", "😀", "\xE2\x80\xA8", "javascript:", "http://x",
            "https://", "mailto:", "data:", "<script>", "<br>", "&lt;", "](", "[x](", "-3", "+4.5",
            "=HYPERLINK(\"http://x\",\"y\")", "<img src=x onerror=alert(1)>", "&amp;", "\\n", "0x",
            "1e5", "--", "<!--", "-->", "<![CDATA[", "{", "}", "%", "'; DROP", "${x}",
            "[x](javascript:alert(1))", "[a](https://ok.example/p?q=1&r=2)", "![i](http://x/i.png)",
            "[m](mailto:a@b.c)", "[d](data:text/html,x)", "<javascript:alert(1)>", "[r]: javascript:1"};
        constexpr int kCount = static_cast<int>(sizeof kPieces / sizeof kPieces[0]);
        std::string out;
        const int n = textByte() % (pieces + 1);
        for (int i = 0; i < n; ++i) {
            const std::uint8_t b = textByte();
            if (b < 0xC0) out += kPieces[b % kCount];
            else if (b < 0xE0) out += static_cast<char>(b & 0x1f);          // a control byte, NUL too
            else out += static_cast<char>('A' + (b & 0x1f) % 26);
        }
        return out;
    }

private:
    std::uint8_t textByte() { return p_ == end_ ? 0 : *--end_; }

    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

// Builds a map from the bytes; every reference points at an item of the map.
inline Map buildMap(FuzzBytes& in) {
    Map map;
    std::unordered_set<Id> ids;
    auto freshId = [&](int pieces) {
        Id id = in.text(pieces);
        if (id.empty()) id = "i";
        for (int n = 2; ids.count(id); ++n) id += "#" + std::to_string(n);
        ids.insert(id);
        return id;
    };
    map.meta.title = in.text();
    map.meta.description = in.text(20);
    map.meta.scope = in.text(4);
    map.meta.author = in.text(4);
    map.meta.created = in.text(3);
    map.meta.modified = in.text(3);
    map.meta.language = in.flag() ? "es" : (in.flag() ? "en" : in.text(2));

    const int personas = in.below(4);
    for (int i = 0; i < personas; ++i) {
        Persona p;
        p.id = freshId(4);
        p.name = in.text();
        p.description = in.text();
        p.goals = in.text(4);
        p.needs = in.text(4);
        p.expectations = in.text(4);
        p.frustrations = in.text(4);
        p.quote = in.text();
        p.color = static_cast<Rgb>(in.byte()) * 0x10101u;
        p.valueTier = static_cast<ValueTier>(in.below(5));
        map.personas.push_back(std::move(p));
    }
    const int stages = in.below(5);
    for (int i = 0; i < stages; ++i) {
        Stage s;
        s.id = freshId(4);
        s.name = in.text();
        s.phase = static_cast<Phase>(in.below(3));
        s.description = in.text();
        map.stages.push_back(std::move(s));
    }
    const int lanes = in.below(5);
    for (int i = 0; i < lanes; ++i) {
        Lane l;
        l.id = freshId(4);
        l.name = in.text();
        l.type = static_cast<LaneType>(in.below(11));
        l.hidden = in.below(5) == 0;
        map.lanes.push_back(std::move(l));
    }
    if (!map.stages.empty() && !map.lanes.empty()) {
        const int cards = in.below(14);
        for (int i = 0; i < cards; ++i) {
            Card c;
            c.id = freshId(4);
            c.stageId = map.stages[std::size_t(in.below(stages))].id;
            c.laneId = map.lanes[std::size_t(in.below(lanes))].id;
            c.kind = static_cast<CardKind>(in.below(6));
            c.text = in.text(12);
            c.notes = in.text();
            if (in.flag()) c.color = static_cast<Rgb>(in.byte()) * 0x10203u;
            for (const Persona& p : map.personas)
                if (in.below(3) == 0) c.personaIds.push_back(p.id);
            c.votes = in.below(40);
            conformDetailsToKind(c);
            if (c.touchpoint) {
                TouchpointInfo& t = *c.touchpoint;
                t.channel = static_cast<Channel>(in.below(11));
                t.kind = static_cast<TouchpointKind>(in.below(3));
                t.owner = static_cast<TouchpointOwner>(in.below(4));
                t.controlled = in.flag();
                t.dimensions = static_cast<std::uint8_t>(in.byte() & kAllDimensions);
                if (in.flag()) t.expectation = 1 + in.below(5);
                if (in.flag()) t.experience = 1 + in.below(5);
                const int metrics = in.below(3);
                for (int m = 0; m < metrics; ++m) {
                    Metric metric;
                    metric.type = static_cast<MetricType>(in.below(4));
                    metric.name = in.text(4);
                    if (metric.type == MetricType::Custom && metric.name.empty()) metric.name = "m";
                    if (in.flag()) metric.value = (in.byte() - 100) / 4.0;
                    if (in.flag()) metric.target = in.byte() / 8.0;
                    metric.unit = in.text(3);
                    t.metrics.push_back(std::move(metric));
                }
            }
            if (c.improvement) {
                c.improvement->severity = 1 + in.below(5);
                c.improvement->impact = 1 + in.below(5);
                c.improvement->effort = 1 + in.below(5);
                c.improvement->owner = in.text(4);
                c.improvement->status = static_cast<ImprovementStatus>(in.below(4));
            }
            if (c.backstage) {
                c.backstage->owner = in.text(4);
                c.backstage->systems = in.text(4);
            }
            map.cards.push_back(std::move(c));
        }
    }
    auto cardInStage = [&](const Id& stageId) -> std::optional<Id> {
        std::vector<const Card*> here;
        for (const Card& c : map.cards)
            if (c.stageId == stageId) here.push_back(&c);
        if (here.empty() || in.flag()) return std::nullopt;
        return here[std::size_t(in.below(static_cast<int>(here.size())))]->id;
    };
    if (!map.personas.empty() && !map.stages.empty()) {
        const int emotions = in.below(8);
        for (int i = 0; i < emotions; ++i) {
            Emotion e;
            e.id = freshId(3);
            e.personaId = map.personas[std::size_t(in.below(personas))].id;
            e.stageId = map.stages[std::size_t(in.below(stages))].id;
            e.cardId = cardInStage(e.stageId);
            e.valence = kValenceMin + in.below(kValenceMax - kValenceMin + 1);
            e.feeling = in.text(4);
            e.note = in.text(4);
            map.emotions.push_back(std::move(e));
        }
    }
    if (!map.stages.empty()) {
        const int moments = in.below(4);
        for (int i = 0; i < moments; ++i) {
            MomentOfTruth m;
            m.id = freshId(3);
            m.type = static_cast<MotType>(in.below(4));
            m.customType = in.text(3);
            m.name = in.text();
            m.reason = in.text();
            m.state = static_cast<MotState>(in.below(4));
            m.stageId = map.stages[std::size_t(in.below(stages))].id;
            m.cardId = cardInStage(m.stageId);
            map.moments.push_back(std::move(m));
        }
    }
    return map;
}

// The map the input stands for: a JSON file when it starts with '{' (nothing if it does not
// load), else one built from the bytes.
inline std::optional<Map> mapFromInput(const std::uint8_t* data, std::size_t size) {
    if (size > 0 && data[0] == '{') {
        auto loaded = loadMap(std::string_view(reinterpret_cast<const char*>(data), size));
        if (!loaded.ok()) return std::nullopt;
        return std::move(loaded.value());
    }
    FuzzBytes in(data, size);
    Map map = buildMap(in);
    if (!checkInvariants(map).empty()) return std::nullopt;
    return map;
}

}  // namespace trayecto::fuzz

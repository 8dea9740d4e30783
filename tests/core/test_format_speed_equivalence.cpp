// The fast load and save paths against the document-based ones they replace, on generated maps,
// maps with awkward content and thousands of mutated files: saveMap must write exactly what a
// nlohmann document dumped with dump(2, ' ', false, replace) gives (the previous writer, kept
// below as the reference), and loadMap must give exactly what the document path gives (the same
// model, or the same error with the same path, message and offset).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "../../core/format_internal.hpp"
#include "fixtures.hpp"
#include "i18n.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/random.hpp"

using namespace trayecto;
using format::Json;

namespace {

// ---- the reference writer: the document saveMap used to build and dump, from the same tables
// (format_fields.hpp) as saveMap, one helper per kind

namespace kind = format::kind;
using format::Fields;

template <std::size_t N>
void putUnknown(Json& object, const UnknownFields& unknown, const char* const (&known)[N]) {
    static const LoadLimits kUnknownLimits{static_cast<std::size_t>(-1), 512,
                                           static_cast<std::size_t>(-1),
                                           static_cast<std::size_t>(-1)};
    for (const auto& [key, text] : unknown) {
        if (format::isKnownKey(known, key)) continue;
        auto parsed = format::parseBounded(text, kUnknownLimits);
        object[key] = parsed.ok() ? std::move(parsed.value()) : Json(text);
    }
}

template <typename T>
Json objectJson(const T& x);

void put(Json& j, const char* key, kind::RequiredId, const Id& id) { j[key] = id; }
void put(Json& j, const char* key, kind::OptionalId, const std::optional<Id>& id) {
    if (id) j[key] = *id;
}
void put(Json& j, const char* key, kind::Text, const std::string& text) {
    if (!text.empty()) j[key] = text;
}
void put(Json& j, const char* key, kind::TextAlways, const std::string& text) { j[key] = text; }
template <const auto& Names, typename E>
void put(Json& j, const char* key, kind::Enum<Names>, E value) { j[key] = format::nameOf(Names, value); }
template <const auto& Names, typename E>
void put(Json& j, const char* key, kind::EnumIfSet<Names>, E value) {
    if (value != E{}) j[key] = format::nameOf(Names, value);
}
void put(Json& j, const char* key, kind::Color, Rgb color) { j[key] = format::colorText(color); }
void put(Json& j, const char* key, kind::Color, const std::optional<Rgb>& color) {
    if (color) j[key] = format::colorText(*color);
}
void put(Json& j, const char* key, kind::Flag, bool flag) { j[key] = flag; }
void put(Json& j, const char* key, kind::FlagIfTrue, bool flag) {
    if (flag) j[key] = true;
}
template <int Min, int Max>
void put(Json& j, const char* key, kind::Whole<Min, Max>, int value) { j[key] = value; }
template <int Min, int Max>
void put(Json& j, const char* key, kind::Whole<Min, Max>, const std::optional<int>& value) {
    if (value) j[key] = *value;
}
template <int Max>
void put(Json& j, const char* key, kind::Count<Max>, int value) {
    if (value != 0) j[key] = value;
}
void put(Json& j, const char* key, kind::Decimal, const std::optional<double>& value) {
    if (value) j[key] = *value;
}
void put(Json& j, const char* key, kind::PersonaIds, const std::vector<Id>& ids) {
    if (!ids.empty()) j[key] = ids;
}
void put(Json& j, const char* key, kind::Dimensions, std::uint8_t dimensions) {
    if (!(dimensions & kAllDimensions)) return;
    Json names = Json::array();
    for (const auto& d : format::kDimensionNames)
        if (dimensions & d.value) names.push_back(d.name);
    j[key] = std::move(names);
}
template <const auto& Names, typename E>
void put(Json& j, const char* key, kind::Enum<Names>, const std::optional<E>& value) {
    if (value) j[key] = format::nameOf(Names, *value);
}
void put(Json& j, const char* key, kind::Decimal, double value) { j[key] = value; }
void put(Json& j, const char* key, kind::JsonText, const std::string& text) {
    UnknownFields one{{key, text}};
    putUnknown(j, one, {""});
}
void put(Json& j, const char* key, kind::Texts, const std::vector<std::string>& texts) {
    if (!texts.empty()) j[key] = texts;
}
void put(Json& j, const char* key, kind::Numbers, const std::vector<double>& numbers) {
    if (!numbers.empty()) j[key] = numbers;
}
void put(Json& j, const char* key, kind::Ballots, const std::map<Id, std::vector<Id>>& ballots) {
    if (ballots.empty()) return;
    Json object = Json::object();
    for (const auto& [participant, cards] : ballots) object[participant] = cards;
    j[key] = std::move(object);
}
void put(Json& j, const char* key, kind::Tally, const std::vector<std::pair<std::string, int>>& tally) {
    if (tally.empty()) return;
    Json object = Json::object();
    for (const auto& [name, count] : tally)
        if (!object.contains(name)) object[name] = count;
    j[key] = std::move(object);
}
template <typename T>
void put(Json& j, const char* key, kind::Section, const T& section) {
    Json object = objectJson(section);
    if (object != objectJson(T{})) j[key] = std::move(object);
}
template <typename T>
void put(Json& j, const char* key, kind::Items, const std::vector<T>& items) {
    Json list = Json::array();
    for (const auto& item : items) list.push_back(objectJson(item));
    j[key] = std::move(list);
}
template <typename T>
void put(Json& j, const char* key, kind::List, const std::vector<T>& items) {
    if (!items.empty()) put(j, key, kind::Items{}, items);
}
template <typename T>
void put(Json& j, const char* key, kind::Detail, const std::optional<T>& block) {
    if (block) j[key] = objectJson(*block);
}
template <typename T>
void put(Json& j, const char* key, kind::Object, const T& object) { j[key] = objectJson(object); }

template <typename T>
Json objectJson(const T& x) {
    Json j = Json::object();
    Fields<T>::each(x, [&](auto k, const char* key, const auto& member) { put(j, key, k, member); });
    putUnknown(j, x.unknown, Fields<T>::keys);
    return j;
}

std::string referenceSave(const Map& map) {
    Json root = Json::object();
    root["format"] = kFormatName;
    root["version"] = kFormatVersion;
    Fields<Map>::each(map, [&](auto k, const char* key, const auto& member) { put(root, key, k, member); });
    putUnknown(root, map.unknown, Fields<Map>::keys);
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---- awkward content

const std::vector<std::string> kPieces = {
    "a", "Ñandú", "😀", "\"", "\\", "/", "\n", "\t", "\b", "\f", "\r", std::string(1, '\0'),
    "\x01", "\x1f", "\x7f", "\xC3", "\xC3\x28", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80",
    "\xC0\xAF", "\xFF", "\xEF\xBB\xBF", "\u2028", "~1", "{}", "[1,2]", " "};

std::string awkwardText(Random& r) {
    std::string s;
    for (std::size_t n = r.below(6); n > 0; --n) s += r.pick(kPieces);
    return s;
}

const std::vector<std::string> kUnknownTexts = {
    "1", "-0", "2.50", "1e2", "-1.5e-7", "18446744073709551615", "-9223372036854775808",
    "true", "null", "\"x\"", "\"\\u00e9\\ud83d\\ude00\"", "[]", "{}", "[1,[2,{\"a\":[]}]]",
    "{\"b\":1,\"a\":{\"c\":[true,null]}}", "{no es json", "", "[1,", "\"\xC3\x28\"", " 7 "};

void addUnknown(Random& r, UnknownFields& fields) {
    static const std::vector<std::string> kKeys = {"x", "zeta", "id", "name", "text", "a/b~c",
                                                   "\xC3\x28", "tab\t", "ñ"};
    for (std::size_t n = r.below(3); n > 0; --n) fields[r.pick(kKeys)] = r.pick(kUnknownTexts);
}

void spice(Random& r, Map& map) {
    const std::vector<double> kDoubles = {0.0, -0.0, 0.1, 1e-300, 4.9e-324, 1.7976931348623157e308,
                                          123456789.123456789, 3.0, -2.5e-5, 1e21, 1e15,
                                          std::numeric_limits<double>::quiet_NaN(),
                                          std::numeric_limits<double>::infinity()};
    map.meta.title += awkwardText(r);
    addUnknown(r, map.unknown);
    addUnknown(r, map.meta.unknown);
    for (auto& p : map.personas) {
        p.quote += awkwardText(r);
        addUnknown(r, p.unknown);
    }
    for (auto& s : map.stages) addUnknown(r, s.unknown);
    for (auto& l : map.lanes) l.hidden = r.below(3) == 0;
    for (auto& c : map.cards) {
        if (r.below(4) == 0) c.text += awkwardText(r);
        if (r.below(8) == 0) addUnknown(r, c.unknown);
        if (c.touchpoint && r.below(3) == 0) {
            Metric m;
            if (r.below(2)) m.value = kDoubles[r.below(kDoubles.size())];
            if (r.below(2)) m.target = kDoubles[r.below(kDoubles.size())];
            m.unit = awkwardText(r);
            addUnknown(r, m.unknown);
            c.touchpoint->metrics.push_back(m);
            addUnknown(r, c.touchpoint->unknown);
        }
        if (c.backstage && r.below(3) == 0) c.backstage = BackstageInfo{};
        if (c.improvement && r.below(4) == 0) addUnknown(r, c.improvement->unknown);
    }
    for (auto& e : map.emotions) e.note += r.below(4) == 0 ? awkwardText(r) : "";
    for (auto& m : map.moments) addUnknown(r, m.unknown);

    // A workshop block with awkward participants, feelings, values and numbers.
    Workshop& w = map.workshop;
    if (r.below(4) == 0) return;   // none at all
    w.voting = r.below(2) == 0;
    w.votesPerPerson = static_cast<int>(r.below(99)) + 1;
    for (std::size_t n = r.below(3); n > 0; --n) {
        std::vector<Id>& ballot = w.ballots["p" + awkwardText(r)];
        for (std::size_t v = r.below(3); v > 0; --v) ballot.push_back("cd-" + awkwardText(r));
    }
    w.agendaStep = static_cast<int>(r.below(5));
    w.timer.endsAt = kDoubles[r.below(kDoubles.size())];
    w.timer.remaining = kDoubles[r.below(kDoubles.size())];
    addUnknown(r, w.timer.unknown);
    for (std::size_t n = r.below(3); n > 0; --n) w.merge.participants.push_back(awkwardText(r));
    w.merge.dropped = static_cast<int>(r.below(3));
    for (std::size_t n = r.below(3); n > 0; --n) {
        MergeConflict c;
        if (r.below(2)) c.collection = Collection::Moments;
        c.itemId = awkwardText(r);
        c.field = awkwardText(r);
        c.baseValue = r.pick(kUnknownTexts);
        for (std::size_t v = r.below(3); v > 0; --v)
            c.values.push_back(ParticipantValue{awkwardText(r), r.pick(kUnknownTexts), {}});
        if (!c.values.empty() && r.below(2)) c.chosen = 0;
        addUnknown(r, c.unknown);
        w.merge.conflicts.push_back(c);
    }
    for (const auto& p : map.personas) {
        CrowdCurve curve;
        curve.personaId = p.id;
        for (const auto& s : map.stages) {
            CrowdPoint point;
            point.stageId = s.id;
            for (std::size_t n = r.below(3); n > 0; --n)   // finite: a list item cannot be null
                point.ratings.push_back(kDoubles[r.below(kDoubles.size() - 2)]);
            for (std::size_t n = r.below(3); n > 0; --n) point.feelings.emplace_back(awkwardText(r), 1 + static_cast<int>(n));
            addUnknown(r, point.unknown);
            curve.points.push_back(point);
        }
        w.crowd.push_back(curve);
    }
    addUnknown(r, w.unknown);
}

// ---- loading both ways

std::string outcome(const Result<Map>& result) {
    if (result.ok()) return "ok\n" + referenceSave(result.value());
    const LoadError& e = result.error();
    return "error " + std::to_string(e.offset) + " " + e.path + ": " + app::errorMessage(app::Lang::En, e);
}

// Loads `text` through loadMap and through the document path alone; true when the fast path
// took it.
bool loadsAlike(const std::string& text, const LoadLimits& limits = {}) {
    const auto fast = loadMap(text, limits);
    const auto document = format::loadThroughDocument(text, limits);
    INFO("input: " << text.substr(0, 2000));
    CHECK(outcome(fast) == outcome(document));
    return text.size() <= limits.maxBytes && format::fastDecode(text, limits).has_value();
}

// Random edits of a document: values of other types and ranges, members removed and added.
void mutate(Random& r, Json& node, int budget) {
    static const std::vector<Json> kValues = {
        nullptr, true, false, 0, -1, 1, 3, 5, 6, -4, 2.0, 2.5, -0.0, 1e2, 1000000001,
        std::numeric_limits<std::uint64_t>::max(), std::numeric_limits<std::int64_t>::min(), "",
        "x", "#12345g", "#ABCDEF", "touchpoint", "pain-point", "backstage", "web", "social",
        "st-1", Json::array(), Json::object(), Json::array({"a"}), Json{{"k", 1}}};
    static const std::vector<std::string> kKeys = {
        "id", "name", "kind", "touchpoint", "improvement", "backstage", "color", "votes",
        "valence", "cardId", "stageId", "personaIds", "dimensions", "metrics", "value", "hidden",
        "type", "phase", "format", "version", "meta", "extra", "severity", "controlled"};
    for (int step = 0; step < budget; ++step) {
        Json* at = &node;
        while ((at->is_object() || at->is_array()) && !at->empty() && r.below(4) != 0) {
            const std::size_t i = r.below(at->size());
            const auto offset = static_cast<std::ptrdiff_t>(i);
            at = at->is_array() ? &(*at)[i] : &std::next(at->begin(), offset).value();
        }
        static const std::vector<Json> kStrings = {
            "", "x", "web", "pain-point", "touchpoint", "at-risk", "high", "#a0B1c2", "Ñandú 😀",
            "tab\t \"q\" \\ \u0001", "st-1", "trayecto-journey"};
        static const std::vector<Json> kNumbers = {0, 1, 2, 5, -3, 3.0, -0.0, 2.5, 1e300, 4.9e-324};
        const std::size_t what = r.below(7);
        if (what >= 5 && at->is_string()) *at = r.pick(kStrings);
        else if (what >= 5 && at->is_number()) *at = r.pick(kNumbers);
        else if (what < 3 || !at->is_object()) *at = r.pick(kValues);
        else if (what == 3 && !at->empty()) at->erase(at->begin().key());
        else (*at)[r.pick(kKeys)] = r.pick(kValues);
    }
}

}  // namespace

TEST_CASE("saveMap writes what the document writer wrote, byte for byte", "[format][speed]") {
    for (int cards : {0, 1, 40, 400}) {
        for (std::uint32_t seed : {1u, 2026u}) {
            Map map = generateMap(cards, seed);
            INFO("cards " << cards << ", seed " << seed);
            CHECK(saveMap(map) == referenceSave(map));
            Random r(seed * 7919u + static_cast<std::uint32_t>(cards));
            spice(r, map);
            CHECK(saveMap(map) == referenceSave(map));
        }
    }
    CHECK(saveMap(Map{}) == referenceSave(Map{}));
    const auto example = loadMap(test::readFixture("example-es.json"));
    REQUIRE(example.ok());
    CHECK(saveMap(example.value()) == referenceSave(example.value()));
}

TEST_CASE("loadMap reads what the document path reads, errors included", "[format][speed]") {
    // Whole files: generated, awkward, the fixtures.
    for (std::uint32_t seed : {3u, 4u, 5u}) {
        Map map = generateMap(60, seed);
        CHECK(loadsAlike(saveMap(map)));
        Random r(seed);
        spice(r, map);
        loadsAlike(saveMap(map));
    }
    for (const char* name : {"example-es.json", "analysis-small.json", "analysis-bad.json",
                             "v0-example-es.json", "v0-example-es.migrated.json"})
        loadsAlike(test::readFixture(name));
    const auto manifest = nlohmann::json::parse(test::readFixture("bad/manifest.json"));
    for (const auto& c : manifest.at("cases"))
        if (c.contains("file")) loadsAlike(test::readFixture("bad/" + c.at("file").get<std::string>()));

    // Mutated files, read with the default limits and with tight ones.
    const std::vector<LoadLimits> limits = {
        {}, {1u << 20, 3, 100'000, 100'000}, {1u << 20, 5, 100'000, 100'000},
        {1u << 20, 64, 12, 100'000}, {1u << 20, 64, 100'000, 3}, {300, 64, 100'000, 100'000}};
    Map base = generateMap(12, 9);
    Random r(77);
    spice(r, base);
    const Json document = Json::parse(saveMap(base));
    int fastOnes = 0;
    for (int round = 0; round < 2500; ++round) {
        Json mutated = document;
        mutate(r, mutated, static_cast<int>(r.below(3)));
        const int indent = static_cast<int>(r.below(3)) - 1;
        std::string text = mutated.dump(indent, ' ', r.below(4) == 0, Json::error_handler_t::replace);
        if (r.below(6) == 0 && !text.empty()) {   // and a byte-level edit
            const std::size_t at = r.below(text.size());
            static const std::vector<std::string> kBytes = {
                "", ",", "}", "]", "\"", "\\", " null", "0", "-", "1e999", "\\u", "\\ud800", "\xC3",
                "\xFF", "\"id\": \"dup\", ", "\"x\": 1, ", "\xEF\xBB\xBF", "\t", "01", "1.", "tru"};
            const std::size_t resume = std::min(text.size(), at + r.below(3));
            text = text.substr(0, at) + r.pick(kBytes) + text.substr(resume);
        }
        const bool tight = r.below(3) == 0;
        if (loadsAlike(text, tight ? limits[r.below(limits.size())] : LoadLimits{})) ++fastOnes;
    }
    CHECK(fastOnes > 300);   // the comparison must cover the fast path, not only its refusals
}

TEST_CASE("The fast path agrees with the document path on the edges of the grammar",
          "[format][speed]") {
    const std::string head = R"({"format": "trayecto-journey", "version": 1, "stages": [{"id": "st-1"}],
        "lanes": [{"id": "ln-1"}], "personas": [{"id": "pe-1"}], )";
    const auto card = [&](const std::string& members) {
        return head + R"("cards": [{"id": "cd-1", "stageId": "st-1", "laneId": "ln-1", )" + members +
               "}]}";
    };
    // Read by the fast path (and so read alike, checked inside).
    for (const std::string& members : std::vector<std::string>{
             R"("votes": -0)", R"("votes": 1E2)", R"("votes": 2.0)", R"("votes": null)",
             R"("text": "\u0000 \ud83d\ude00 \uD83D\uDE00 \/ \u00e9 \"")", R"("notes": "a\tb")",
             R"("touchpoint": {"controlled": false}, "kind": "touchpoint")",
             R"("kind": "pain-point", "improvement": {"severity": 5.0, "impact": 1e0})",
             R"("kind": "note", "touchpoint": null, "color": "#AbCdEf", "personaIds": ["pe-1"])",
             R"("x": {"b": [1, -0, 2.50, 1e-999, -9223372036854775808, 18446744073709551615]})",
             R"("x": {"a": 1, "a ": 2}, "y": "", "z": [[[]]])"})
        CHECK(loadsAlike(card(members)));
    CHECK(loadsAlike(" \t\r\n" + card(R"("votes": 1)") + "\n "));
    CHECK(loadsAlike("\xEF\xBB\xBF" + card(R"("votes": 1)")));

    // Refused by the fast path, worded (or read) by the document path.
    for (const std::string& members : std::vector<std::string>{
             R"("votes": 2.5)", R"("votes": 18446744073709551616)", R"("votes": 1e999)",
             R"("votes": -1)", R"("votes": 01)", R"("votes": 1.)", R"("votes": .5)", R"("votes": +1)",
             R"("text": "\ud83d")", R"("text": "\udc00x")", R"("text": "\x")", "\"text\": \"\x01\"",
             "\"text\": \"\xC3\x28\"", "\"text\": \"\xED\xA0\x80\"", R"("text": "a", "text": "b")",
             R"("x": 1, "x": 2)", R"("x": {"a": 1, "a": 2})", R"("x": 99999999999999999999)",
             R"("touchpoint": {}, "kind": "note")", R"("kind": "opportunity", "backstage": {})",
             R"("id": null)", R"("color": "#abc")", R"("personaIds": [""])", R"("text": 1)",
             R"("x": [1,])", R"("x": tru)", R"("x": nul)", R"("votes": 1,)"})
        CHECK_FALSE(loadsAlike(card(members)));
    for (const std::string& text : std::vector<std::string>{
             "\xEF\xBB" + card(R"("votes": 1)"), " \xEF\xBB\xBF" + card(R"("votes": 1)"),
             "\xEF\xBB\xBF\xEF\xBB\xBF" + card(R"("votes": 1)"), card(R"("votes": 1)") + " x",
             card(R"("votes": 1)") + std::string(1, '\0'),
             R"({"format": "trayecto-journey", "version": 1.0})",
             R"({"format": "trayecto-journey", "version": 0})",
             R"({"format": "trayecto-journey", "version": -0})",
             R"({"format": "trayecto-journey", "version": 2})",
             R"({"format": "trayecto-journey", "version": "1"})", R"({"format": "x", "version": 1})",
             R"({"version": 1})", R"([])", R"("x")", ""})
        CHECK_FALSE(loadsAlike(text));

    // The limits, at and past each one.
    const std::string nested =
        card(R"("kind": "touchpoint", "touchpoint": {"metrics": [{"x": [[1]]}]})");
    for (int depth = 4; depth <= 9; ++depth)
        CHECK(loadsAlike(nested, LoadLimits{1u << 20, depth, 100'000, 100'000}) == (depth >= 8));
    const std::string three = head + R"("moments": [], "emotions": [1, 2, 3]})";
    for (std::size_t items : {2u, 3u, 7u, 8u})
        loadsAlike(three, LoadLimits{1u << 20, 64, 100'000, items});
    for (std::size_t bytes : {5u, 9u, 10u})
        loadsAlike(card(R"("text": "abcdefghi", "x": {"abcdefghij": 1})"),
                   LoadLimits{1u << 20, 64, bytes, 100'000});
}

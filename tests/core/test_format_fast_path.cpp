// The fast load path must take every valid current-version file: a file it declines still
// loads (through the document path), only slower, so without this test a key the fast reader
// mishandles would go unnoticed. Every fixture, template and example, and thousands of valid
// variations of them (other values, other spellings of the same JSON), are read both ways; the
// fast path must read each one the document path reads, to the same map. The variations must
// also use every key of every table in format_fields.hpp at least once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "../../core/format_internal.hpp"
#include "fixtures.hpp"
#include "format_tables.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/random.hpp"
#include "trayecto/templates.hpp"

using namespace trayecto;
using format::Fields;
using format::Json;
using test::kIsList;
using test::rows;
namespace kind = format::kind;

namespace {

// The keys of the tables a file uses (with a value other than null).
template <typename T>
void usedKeys(const Json& object, std::set<std::string>& out) {
    if (!object.is_object()) return;
    rows<T>([&](auto k, const char* key, auto* child) {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) return;
        out.insert(std::string(errorWordName(Fields<T>::item)) + "/" + key);
        using Child = std::remove_pointer_t<decltype(child)>;
        if constexpr (kIsList<decltype(k)>) {
            for (const Json& item : *it) usedKeys<Child>(item, out);
        } else if constexpr (!std::is_void_v<Child>) {
            usedKeys<Child>(*it, out);
        }
    });
}

// ---- other spellings of the same JSON: what the document path forgives

// Rewrites the JSON of a T into an equivalent text: optional keys given as null, whole numbers
// as decimals, colours in capitals, members in another order.
template <typename T>
void respell(Random& r, Json& object) {
    rows<T>([&](auto k, const char* key, auto* child) {
        using Kind = decltype(k);
        using Child = std::remove_pointer_t<decltype(child)>;
        const auto it = object.find(key);
        if (it == object.end()) {
            if (!std::is_same_v<Kind, kind::RequiredId> && r.percent(10)) object[key] = nullptr;
            return;
        }
        Json& value = *it;
        if constexpr (kIsList<Kind>) {
            for (Json& item : value) respell<Child>(r, item);
        } else if constexpr (!std::is_void_v<Child>) {
            respell<Child>(r, value);
        } else if (value.is_number_integer() && r.percent(30)) {
            value = value.template get<double>();   // 2 -> 2.0, read as the same whole number
        } else if (std::is_same_v<Kind, kind::Color> && r.percent(50)) {
            std::string text = value.template get<std::string>();
            for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            value = text;
        }
    });
    if (r.percent(40)) {   // another member order
        std::vector<std::pair<std::string, Json>> members;
        for (auto it = object.begin(); it != object.end(); ++it) members.emplace_back(it.key(), it.value());
        for (std::size_t i = members.size(); i > 1; --i)
            std::swap(members[i - 1], members[static_cast<std::size_t>(r.below(static_cast<int>(i)))]);
        Json reordered = Json::object();
        for (auto& [key, value] : members) reordered[key] = std::move(value);
        object = std::move(reordered);
    }
}

std::string respelled(Random& r, const std::string& text) {
    Json document = Json::parse(text);
    if (r.percent(70)) respell<Map>(r, document);
    const int indent = r.between(-1, 3);
    std::string out = document.dump(indent, ' ', r.percent(30), Json::error_handler_t::replace);
    if (r.percent(20)) out = " \r\n\t" + out + "\n\n";
    if (r.percent(10)) out = "\xEF\xBB\xBF" + out;
    return out;
}

// ---- other values: a valid map made different in every field the tables hold

const std::vector<std::string> kTexts = {
    "", "Ñandú 😀", "tab\t \"q\" \\ / \u0001 \u2028", "línea\nnueva", "x", "{\"json\": [1]}",
    std::string(120, 'z')};
const std::vector<std::string> kUnknownValues = {
    "1", "-0", "2.5", "1e300", "true", "null", "\"x\"", "[]", "{}", "[1,[2,{\"a\":null}]]",
    "{\"b\":1,\"a\":{\"c\":[true]}}", "18446744073709551615", "-9223372036854775808"};

template <typename E, std::size_t N>
E anyOf(Random& r, const format::Spelling<E> (&table)[N]) {
    return table[static_cast<std::size_t>(r.below(static_cast<int>(N)))].value;
}

void addUnknown(Random& r, UnknownFields& fields) {
    if (r.percent(15)) fields["x-" + std::to_string(r.below(3))] = r.pick(kUnknownValues);
}

std::optional<int> optionalScore(Random& r) {
    if (r.percent(30)) return std::nullopt;
    return r.between(1, 5);
}

std::optional<double> optionalDecimal(Random& r) {
    static const std::vector<double> kDoubles = {0.0, -0.0, 3.4, -2.5e-5, 1e21, 1e-300, 8.0};
    if (r.percent(30)) return std::nullopt;
    return r.pick(kDoubles);
}

// A workshop in any state: votes cast, a timer running or paused, a merge report, crowd curves.
void varyWorkshop(Random& r, Map& map) {
    static const std::vector<double> kNumbers = {0.0, -2.5, 1.0, 2.0 / 3.0, 3.0, 1795165200000.0, 599.5};
    Workshop& w = map.workshop;
    if (r.percent(50)) {
        w.voting = r.percent(50);
        w.votesPerPerson = r.between(1, kMaxVotesPerPerson);
    }
    if (r.percent(40) && !map.cards.empty())
        for (int n = r.between(1, 3); n > 0; --n) {
            std::vector<Id>& ballot = w.ballots[r.percent(50) ? std::string("local") : r.pick(kTexts) + "x"];
            for (int votes = r.below(4); votes > 0; --votes) ballot.push_back(r.pick(map.cards).id);
        }
    if (r.percent(30)) w.agendaStep = r.between(0, kAgendaSteps - 1);
    if (r.percent(30)) w.participant = r.pick(kTexts);
    if (r.percent(40)) {
        w.timer.minutes = r.between(1, kMaxTimerMinutes);
        w.timer.endsAt = r.percent(50) ? r.pick(kNumbers) : 0.0;
        w.timer.remaining = r.pick(kNumbers);
        addUnknown(r, w.timer.unknown);
    }
    if (r.percent(40)) {
        MergeReport& report = w.merge;
        for (int n = r.between(1, 3); n > 0; --n) report.participants.push_back(r.pick(kTexts));
        report.added = r.below(3);
        report.keptDeleted = r.below(3);
        report.dropped = r.below(3);
        for (int n = r.below(3); n > 0; --n) {
            MergeConflict c;
            if (r.percent(70)) c.collection = anyOf(r, format::kCollectionNames);
            c.itemId = r.pick(kTexts);
            c.itemText = r.pick(kTexts);
            c.field = r.pick(kTexts);
            c.baseValue = r.pick(kUnknownValues);
            for (int v = r.below(3); v > 0; --v) {
                ParticipantValue value;
                value.participant = r.pick(kTexts);
                value.value = r.percent(10) ? std::string("{no es json") : r.pick(kUnknownValues);
                addUnknown(r, value.unknown);
                c.values.push_back(value);
            }
            if (!c.values.empty() && r.percent(50)) c.chosen = r.below(static_cast<int>(c.values.size()));
            addUnknown(r, c.unknown);
            report.conflicts.push_back(c);
        }
        addUnknown(r, report.unknown);
    }
    if (r.percent(40)) {
        for (const Persona& p : map.personas) {
            CrowdCurve curve;
            curve.personaId = p.id;
            for (const Stage& s : map.stages) {
                CrowdPoint point;
                point.stageId = s.id;
                std::vector<double> ratings;
                for (int n = r.below(4); n > 0; --n) ratings.push_back(r.pick(kNumbers));
                setCrowdStatistics(point, ratings);
                if (r.percent(50)) point.feelings = {{r.pick(kTexts) + "a", r.between(1, 3)}, {"b", 1}};
                addUnknown(r, point.unknown);
                curve.points.push_back(point);
            }
            addUnknown(r, curve.unknown);
            w.crowd.push_back(curve);
        }
    }
    addUnknown(r, w.unknown);
}

void vary(Random& r, Map& map) {
    MapMeta& meta = map.meta;
    for (std::string* text : {&meta.title, &meta.description, &meta.scope, &meta.language,
                              &meta.author, &meta.created, &meta.modified})
        if (r.percent(50)) *text = r.pick(kTexts);
    addUnknown(r, meta.unknown);
    addUnknown(r, map.unknown);
    for (Persona& p : map.personas) {
        for (std::string* text : {&p.name, &p.description, &p.goals, &p.needs, &p.expectations,
                                  &p.frustrations, &p.quote, &p.icon})
            if (r.percent(30)) *text = r.pick(kTexts);
        p.color = static_cast<Rgb>(r.next() & 0xffffff);
        p.valueTier = static_cast<ValueTier>(r.below(5));
        addUnknown(r, p.unknown);
    }
    for (Stage& s : map.stages) {
        s.phase = anyOf(r, format::kPhaseNames);
        if (r.percent(30)) s.description = r.pick(kTexts);
        addUnknown(r, s.unknown);
    }
    for (Lane& l : map.lanes) {
        l.type = anyOf(r, format::kLaneTypeNames);
        l.hidden = r.percent(20);
        addUnknown(r, l.unknown);
    }
    for (Card& c : map.cards) {
        if (r.percent(30)) c.kind = anyOf(r, format::kCardKindNames);
        conformDetailsToKind(c);
        if (r.percent(30)) c.text = r.pick(kTexts);
        if (r.percent(30)) c.notes = r.pick(kTexts);
        if (r.percent(30)) c.color = r.percent(50) ? std::optional<Rgb>(r.next() & 0xffffff) : std::nullopt;
        if (r.percent(30) && !map.personas.empty()) c.personaIds = {r.pick(map.personas).id};
        if (r.percent(30)) c.votes = r.percent(80) ? r.between(0, 40) : kMaxVotes;
        if (TouchpointInfo* t = c.touchpoint ? &*c.touchpoint : nullptr) {
            t->channel = anyOf(r, format::kChannelNames);
            t->kind = anyOf(r, format::kTouchpointKindNames);
            t->owner = anyOf(r, format::kTouchpointOwnerNames);
            t->controlled = r.percent(50);
            t->dimensions = static_cast<std::uint8_t>(r.below(32));
            t->expectation = optionalScore(r);
            t->experience = optionalScore(r);
            if (r.percent(40)) {
                Metric m;
                m.type = anyOf(r, format::kMetricTypeNames);
                m.name = r.pick(kTexts);
                m.value = optionalDecimal(r);
                m.target = optionalDecimal(r);
                m.unit = r.pick(kTexts);
                addUnknown(r, m.unknown);
                t->metrics.push_back(m);
            }
            addUnknown(r, t->unknown);
        }
        if (ImprovementInfo* i = c.improvement ? &*c.improvement : nullptr) {
            i->severity = r.between(1, 5);
            i->impact = r.between(1, 5);
            i->effort = r.between(1, 5);
            i->owner = r.pick(kTexts);
            i->status = anyOf(r, format::kImprovementStatusNames);
            addUnknown(r, i->unknown);
        }
        if (BackstageInfo* b = c.backstage ? &*c.backstage : nullptr) {
            b->owner = r.pick(kTexts);
            b->systems = r.pick(kTexts);
            addUnknown(r, b->unknown);
        }
        addUnknown(r, c.unknown);
    }
    // A card of the same stage, or none.
    auto cardIn = [&](const Id& stageId) -> std::optional<Id> {
        std::vector<Id> ids;
        for (const Card& c : map.cards)
            if (c.stageId == stageId) ids.push_back(c.id);
        if (ids.empty() || r.percent(50)) return std::nullopt;
        return r.pick(ids);
    };
    for (Emotion& e : map.emotions) {
        e.valence = r.between(kValenceMin, kValenceMax);
        if (r.percent(30)) e.feeling = r.pick(kTexts);
        if (r.percent(30)) e.note = r.pick(kTexts);
        if (r.percent(20)) e.cardId = cardIn(e.stageId);
        addUnknown(r, e.unknown);
    }
    for (MomentOfTruth& m : map.moments) {
        m.type = anyOf(r, format::kMotTypeNames);
        m.customType = r.pick(kTexts);
        m.name = r.pick(kTexts);
        m.reason = r.pick(kTexts);
        m.state = anyOf(r, format::kMotStateNames);
        if (r.percent(30)) m.cardId = cardIn(m.stageId);
        addUnknown(r, m.unknown);
    }
    varyWorkshop(r, map);
}

// ---- reading both ways

bool isCurrentVersion(const Json& document) {
    if (!document.is_object()) return false;
    const auto version = document.find("version");
    return version != document.end() && version->is_number_unsigned() &&
           version->get<std::uint64_t>() == static_cast<std::uint64_t>(kFormatVersion);
}

struct Tally {
    int read = 0;                // files the document path read
    std::set<std::string> used;  // keys of the tables those files use
};

// For a current-version file the document path reads: the fast path must read it too, to the
// same map. Returns whether the document path read it; a file `valid` by construction must be.
bool readsBothWays(const std::string& name, const std::string& text, Tally& tally, bool valid = false) {
    INFO(name << ": " << text.substr(0, 600));
    const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!isCurrentVersion(json)) {
        CHECK_FALSE(valid);
        return false;
    }
    const auto document = format::loadThroughDocument(text, {});
    if (!document.ok()) {
        INFO(document.error().debugText());
        CHECK_FALSE(valid);
        return false;
    }
    ++tally.read;
    usedKeys<Map>(json, tally.used);
    const auto fast = format::fastDecode(text, {});
    CHECK(fast.has_value());   // declined: the fast path does not read what the document path reads
    if (!fast) return true;
    const auto finished = format::finishMap(*fast);
    REQUIRE(finished.ok());
    CHECK(saveMap(finished.value()) == saveMap(document.value()));
    return true;
}

// Every file in tests/fixtures, every template, the built-in and generated maps.
std::vector<std::pair<std::string, std::string>> knownFiles() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(TRAYECTO_FIXTURES_DIR)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files.emplace_back(entry.path().string(), text.str());
    }
    for (const TemplateInfo& t : listTemplates())
        files.emplace_back("template " + t.id + "." + t.language, *templateJson(t.id, t.language));
    for (const char* language : {"es", "en"}) {
        files.emplace_back(std::string("example ") + language, saveMap(exampleMap(language)));
        files.emplace_back(std::string("blank ") + language, saveMap(blankMap(language)));
    }
    for (int cards : {0, 7, 120})
        files.emplace_back("generated " + std::to_string(cards), saveMap(generateMap(cards, 11)));
    return files;
}

}  // namespace

TEST_CASE("The fast path reads every valid current-version file the document path reads",
          "[format][speed]") {
    Tally tally;
    std::vector<Map> bases;
    for (const auto& [name, text] : knownFiles()) {
        if (!readsBothWays(name, text, tally)) continue;
        // A dozen cards of each (with what refers to them) vary as well as all of them, faster.
        Map map = loadMap(text).value();
        std::vector<Id> rest;
        for (std::size_t i = 12; i < map.cards.size(); ++i) rest.push_back(map.cards[i].id);
        REQUIRE_FALSE(applyCommand(map, cmd::removeCards(map, rest)).error.size());
        bases.push_back(std::move(map));
    }
    REQUIRE(bases.size() >= 25);   // the fixtures, the templates, the examples

    Random r(20261128);
    for (int round = 0; round < 2000; ++round) {
        Map map = bases[static_cast<std::size_t>(r.below(static_cast<int>(bases.size())))];
        vary(r, map);
        const std::string text = respelled(r, saveMap(map));
        readsBothWays("variation " + std::to_string(round), text, tally, true);
    }

    // Every key of every table came up, so none of them can be left out of the fast path unseen.
    std::set<std::string> all;
    test::tableKeys<Map>(all);
    std::vector<std::string> unused;
    std::set_difference(all.begin(), all.end(), tally.used.begin(), tally.used.end(),
                        std::back_inserter(unused));
    INFO("keys no file used: " << Catch::Detail::stringify(unused));
    CHECK(unused.empty());
}

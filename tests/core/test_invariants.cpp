// checkInvariants: a sound map has no problems; each kind of breach is reported, naming the item.
#include <catch2/catch.hpp>

#include <functional>

#include "fixtures.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"

using namespace trayecto;

namespace {

Map soundMap() {
    auto loaded = loadMap(trayecto::test::readFixture("example-es.json"));
    REQUIRE(loaded.ok());
    return loaded.value();
}

Card& card(Map& m, const Id& id) {
    for (auto& c : m.cards)
        if (c.id == id) return c;
    FAIL("no card " << id);
    return m.cards.front();
}

}  // namespace

TEST_CASE("A sound map has no invariant problems", "[invariants]") {
    CHECK(checkInvariants(Map{}).empty());
    CHECK(checkInvariants(soundMap()).empty());
}

TEST_CASE("Each breach of an invariant is reported, naming the item", "[invariants]") {
    struct Breach {
        const char* what;
        std::function<void(Map&)> spoil;
        const char* expected;   // substring of the one reported line
    };
    const std::vector<Breach> breaches = {
        {"id reused across collections", [](Map& m) { m.lanes[0].id = "st-alta"; },
         "lane \"st-alta\" reuses an id already taken by a stage"},
        {"id reused within a collection", [](Map& m) { m.emotions[1].id = "em-1"; },
         "emotion \"em-1\" reuses an id already taken by an emotion"},
        {"card in a missing stage", [](Map& m) { card(m, "cd-busca").stageId = "st-x"; },
         "card \"cd-busca\" refers to missing stage \"st-x\" (stageId)"},
        {"card in a missing lane", [](Map& m) { card(m, "cd-busca").laneId = "st-uso"; },
         "card \"cd-busca\" refers to missing lane \"st-uso\" (laneId)"},
        {"card for a missing persona", [](Map& m) { card(m, "cd-busca").personaIds.push_back("pe-x"); },
         "card \"cd-busca\" refers to missing persona \"pe-x\" (personaIds)"},
        {"emotion of a missing persona", [](Map& m) { m.emotions[0].personaId = "pe-x"; },
         "emotion \"em-1\" refers to missing persona \"pe-x\" (personaId)"},
        {"emotion at a missing stage", [](Map& m) { m.emotions[0].stageId = "st-x"; },
         "emotion \"em-1\" refers to missing stage \"st-x\" (stageId)"},
        {"emotion at a missing card", [](Map& m) { m.emotions[0].cardId = "cd-x"; },
         "emotion \"em-1\" refers to missing card \"cd-x\" (cardId)"},
        {"emotion at a card of another stage", [](Map& m) { m.emotions[0].cardId = "cd-app"; },
         "emotion \"em-1\" is at card \"cd-app\" of stage \"st-alta\", not of its own stage \"st-descubrir\""},
        {"moment at a missing stage", [](Map& m) { m.moments[0].stageId = "st-x"; },
         "moment of truth \"mt-zmot\" refers to missing stage \"st-x\" (stageId)"},
        {"moment at a card of another stage", [](Map& m) { m.moments[1].stageId = "st-uso"; },
         "moment of truth \"mt-alta\" is at card \"cd-app\" of stage \"st-alta\""},
        {"valence too high", [](Map& m) { m.emotions[0].valence = 4; },
         "emotion \"em-1\" has valence 4 outside -3..3"},
        {"valence too low", [](Map& m) { m.emotions[0].valence = -4; },
         "emotion \"em-1\" has valence -4 outside -3..3"},
        {"expectation out of range", [](Map& m) { card(m, "cd-app").touchpoint->expectation = 0; },
         "card \"cd-app\" has expectation 0 outside 1..5"},
        {"experience out of range", [](Map& m) { card(m, "cd-app").touchpoint->experience = 6; },
         "card \"cd-app\" has experience 6 outside 1..5"},
        {"severity out of range", [](Map& m) { card(m, "cd-espera").improvement->severity = 0; },
         "card \"cd-espera\" has severity 0 outside 1..5"},
        {"impact out of range", [](Map& m) { card(m, "cd-espera").improvement->impact = 9; },
         "card \"cd-espera\" has impact 9 outside 1..5"},
        {"effort out of range", [](Map& m) { card(m, "cd-espera").improvement->effort = -1; },
         "card \"cd-espera\" has effort -1 outside 1..5"},
        {"touchpoint card without details", [](Map& m) { card(m, "cd-app").touchpoint.reset(); },
         "card \"cd-app\" lacks touchpoint details"},
        {"note with touchpoint details", [](Map& m) { card(m, "cd-busca").touchpoint.emplace(); },
         "card \"cd-busca\" must not have touchpoint details (it is a note card)"},
        {"pain point without details", [](Map& m) { card(m, "cd-espera").improvement.reset(); },
         "card \"cd-espera\" lacks improvement details"},
        {"KPI with improvement details", [](Map& m) { card(m, "cd-conversion").improvement.emplace(); },
         "card \"cd-conversion\" must not have improvement details (it is a KPI card)"},
        {"backstage card without details", [](Map& m) { card(m, "cd-kyc").backstage.reset(); },
         "card \"cd-kyc\" lacks backstage details"},
        {"kind changed, details kept", [](Map& m) { card(m, "cd-kyc").kind = CardKind::Opportunity; },
         "card \"cd-kyc\" must not have backstage details (it is an opportunity card)"},
    };
    for (const auto& b : breaches) {
        INFO(b.what);
        Map m = soundMap();
        b.spoil(m);
        const auto problems = checkInvariants(m);
        bool found = false;
        for (const auto& p : problems) found = found || p.find(b.expected) != std::string::npos;
        INFO("problems: " << Catch::Detail::stringify(problems));
        CHECK(found);
    }
}

TEST_CASE("Empty ids are not reported as duplicates", "[invariants]") {
    Map m;
    m.stages.push_back(Stage{});
    m.lanes.push_back(Lane{});
    CHECK(checkInvariants(m).empty());
}

TEST_CASE("Every breach in one map is listed", "[invariants]") {
    Map m = soundMap();
    m.emotions[0].valence = 7;
    card(m, "cd-busca").stageId = "st-x";
    m.moments[0].stageId = "st-y";
    CHECK(checkInvariants(m).size() == 3);
}

// The example and blank maps, and generated maps: sound, complete, stable through a save/load.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "trayecto/analysis.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/invariants.hpp"

using namespace trayecto;

namespace {

std::string joinedProblems(const std::vector<std::string>& problems) {
    std::string out;
    for (const auto& p : problems) out += p + "\n";
    return out;
}

// saveMap -> loadMap -> saveMap gives the same text, and the loaded map is sound.
void checkRoundTrip(const Map& map) {
    const std::string saved = saveMap(map);
    auto loaded = loadMap(saved);
    INFO((loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    CHECK(checkInvariants(loaded.value()).empty());
    CHECK(saveMap(loaded.value()) == saved);
    CHECK(loaded.value().cards.size() == map.cards.size());
    CHECK(loaded.value().emotions.size() == map.emotions.size());
}

bool hasSpanishLetters(const std::string& text) {
    for (const char* s : {"á", "é", "í", "ó", "ú", "ñ", "¿", "«"})
        if (text.find(s) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("the example map is sound in both languages", "[examples]") {
    for (const char* lang : {"es", "en"}) {
        INFO(lang);
        const Map map = exampleMap(lang);
        const auto problems = checkInvariants(map);
        INFO(joinedProblems(problems));
        CHECK(problems.empty());
        CHECK(map.meta.language == lang);
    }
}

TEST_CASE("the example map has the promised content", "[examples]") {
    const Map map = exampleMap("es");
    const MapCounts c = countItems(map);
    CHECK(c.personas == 3);
    CHECK(c.stages == 8);
    CHECK(c.lanes == 8);
    CHECK(c.touchpoints >= 15);
    CHECK(c.painPoints == 8);
    CHECK(c.opportunities == 8);
    CHECK(c.moments == 3);

    // Every persona field is filled.
    for (const Persona& p : map.personas) {
        INFO(p.id);
        for (const std::string* field : {&p.name, &p.description, &p.goals, &p.needs,
                                         &p.expectations, &p.frustrations, &p.quote, &p.icon})
            CHECK_FALSE(field->empty());
        CHECK(p.valueTier != ValueTier::Unset);
    }
    // All three phases, in order.
    CHECK(map.stages.front().phase == Phase::PrePurchase);
    CHECK(map.stages[3].phase == Phase::Purchase);
    CHECK(map.stages.back().phase == Phase::PostPurchase);
    // Touchpoints carry scores; the metrics include CSAT, NPS and CES.
    std::set<MetricType> metricTypes;
    for (const Card& card : map.cards) {
        if (!card.touchpoint) continue;
        INFO(card.id);
        CHECK(card.touchpoint->expectation);
        CHECK(card.touchpoint->experience);
        CHECK(card.touchpoint->dimensions != 0);
        for (const Metric& m : card.touchpoint->metrics) metricTypes.insert(m.type);
    }
    CHECK(metricTypes.count(MetricType::Csat));
    CHECK(metricTypes.count(MetricType::Nps));
    CHECK(metricTypes.count(MetricType::Ces));
    // Each moment of truth sits on a touchpoint card of its stage.
    for (const MomentOfTruth& m : map.moments) {
        REQUIRE(m.cardId);
        const Card* card = findCard(map, *m.cardId);
        REQUIRE(card);
        CHECK(card->kind == CardKind::Touchpoint);
        CHECK(card->stageId == m.stageId);
    }
    // Most cells have cards: every stage has something in every lane except emotions (the curve).
    for (const Stage& s : map.stages)
        for (const Lane& l : map.lanes) {
            if (l.type == LaneType::Emotions) continue;
            INFO(s.id << " " << l.id);
            CHECK(std::any_of(map.cards.begin(), map.cards.end(), [&](const Card& card) {
                return card.stageId == s.id && card.laneId == l.id;
            }));
        }
}

TEST_CASE("the Spanish and English examples differ only in their words", "[examples]") {
    const Map es = exampleMap("es");
    const Map en = exampleMap("en-GB");
    CHECK(en.meta.language == "en");
    CHECK(exampleMap("es-MX").meta.language == "es");
    REQUIRE(es.cards.size() == en.cards.size());
    for (std::size_t i = 0; i < es.cards.size(); ++i) {
        CHECK(es.cards[i].id == en.cards[i].id);
        CHECK(es.cards[i].kind == en.cards[i].kind);
        CHECK(es.cards[i].text != en.cards[i].text);
    }
    REQUIRE(es.emotions.size() == en.emotions.size());
    for (std::size_t i = 0; i < es.emotions.size(); ++i)
        CHECK(es.emotions[i].valence == en.emotions[i].valence);
    CHECK(hasSpanishLetters(es.meta.description + es.personas[0].quote + es.stages[1].name));
    CHECK_FALSE(hasSpanishLetters(en.meta.title + en.stages[1].name + en.lanes[4].name));
    CHECK(es.stages[0].id == "st-aware");   // ids are fixed, not random
    CHECK(saveMap(exampleMap("es")) == saveMap(es));
}

TEST_CASE("the blank map has the skeleton and no content", "[examples]") {
    for (const char* lang : {"es", "en"}) {
        INFO(lang);
        const Map map = blankMap(lang);
        CHECK(checkInvariants(map).empty());
        CHECK(map.stages.size() == 8);
        CHECK(map.lanes.size() == 8);
        CHECK(map.cards.empty());
        CHECK(map.personas.empty());
        CHECK(map.emotions.empty());
        CHECK(map.moments.empty());
        CHECK_FALSE(map.meta.title.empty());
        checkRoundTrip(map);
    }
    CHECK(blankMap("es").stages[1].name == "Consideración");
    CHECK(blankMap("en").stages[1].name == "Consideration");
}

TEST_CASE("the example maps survive a save and load", "[examples][format]") {
    checkRoundTrip(exampleMap("es"));
    checkRoundTrip(exampleMap("en"));
}

TEST_CASE("generated maps have exactly the cards asked for and are sound", "[generator]") {
    for (int cards : {0, 1, 200, 5000}) {
        INFO(cards);
        const Map map = generateMap(cards, 7);
        CHECK(map.cards.size() == static_cast<std::size_t>(cards));
        const auto problems = checkInvariants(map);
        INFO(joinedProblems(problems));
        CHECK(problems.empty());
        CHECK(map.personas.size() >= 3);
        CHECK(map.stages.size() >= 8);
        CHECK(map.moments.size() >= 3);
        CHECK(map.emotions.size() >= map.stages.size());
    }
    CHECK(generateMap(-5, 1).cards.empty());
}

TEST_CASE("generated maps scale up and keep their shape", "[generator]") {
    const Map map = generateMap(20000, 42);
    CHECK(map.cards.size() == 20000);
    CHECK(map.stages.size() == 48);
    CHECK(map.personas.size() == 8);
    CHECK(checkInvariants(map).empty());
    const MapCounts c = countItems(map);
    CHECK(c.touchpoints > 4000);
    CHECK(c.painPoints > 1000);
    std::size_t textBytes = 0;
    for (const Card& card : map.cards) textBytes += card.text.size() + card.notes.size();
    CHECK(textBytes / map.cards.size() > 100);   // long text on average
    // Three phases, every stage with emotions, moments pointing at touchpoints.
    CHECK(map.stages.front().phase == Phase::PrePurchase);
    CHECK(map.stages.back().phase == Phase::PostPurchase);
    for (const MomentOfTruth& m : map.moments)
        if (m.cardId) CHECK(findCard(map, *m.cardId)->kind == CardKind::Touchpoint);
}

TEST_CASE("generation is deterministic for a seed", "[generator]") {
    const std::string a = saveMap(generateMap(300, 11));
    CHECK(a == saveMap(generateMap(300, 11)));
    CHECK(a != saveMap(generateMap(300, 12)));
    checkRoundTrip(generateMap(300, 11));
}

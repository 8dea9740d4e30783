// The map templates compiled into the core (templates/*.json): every one loads, is sound,
// round-trips byte for byte, has useful content, and its Spanish and English versions have the
// same structure.
#include <catch2/catch.hpp>

#include <set>

#include "trayecto/analysis.hpp"
#include "trayecto/examples.hpp"
#include "i18n.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/templates.hpp"

using namespace trayecto;

namespace {

const std::vector<std::string> kIds = {"blank",           "retail-ecommerce",
                                       "bank-account-opening", "saas-onboarding",
                                       "healthcare-visit", "service-blueprint"};

Map load(const std::string& id, const std::string& language) {
    auto loaded = loadTemplate(id, language);
    INFO(id << "." << language << ": " << (loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
}

// The map without any text people read: what must be equal across languages.
Map structureOf(Map m) {
    m.meta.title = m.meta.description = m.meta.scope = m.meta.language = "";
    for (Persona& p : m.personas)
        p.name = p.description = p.goals = p.needs = p.expectations = p.frustrations = p.quote = "";
    for (Stage& s : m.stages) s.name = s.description = "";
    for (Lane& l : m.lanes) l.name = "";
    for (Card& c : m.cards) {
        c.text = c.notes = "";
        if (c.touchpoint)
            for (Metric& metric : c.touchpoint->metrics) metric.name = metric.unit = "";
        if (c.improvement) c.improvement->owner = "";
        if (c.backstage) c.backstage->owner = c.backstage->systems = "";
    }
    for (Emotion& e : m.emotions) e.feeling = e.note = "";
    for (MomentOfTruth& mot : m.moments) mot.name = mot.reason = mot.customType = "";
    return m;
}

bool hasSpanishLetters(const std::string& text) {
    for (const char* letter : {"á", "é", "í", "ó", "ú", "ñ", "¿", "«"})
        if (text.find(letter) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("templates: six templates, each in Spanish and English, in a fixed order", "[templates]") {
    const auto list = listTemplates();
    REQUIRE(list.size() == 12);
    for (std::size_t i = 0; i < list.size(); ++i) {
        INFO(i);
        CHECK(list[i].id == kIds[i / 2]);
        CHECK(list[i].language == (i % 2 == 0 ? "en" : "es"));
        CHECK_FALSE(list[i].title.empty());
        CHECK_FALSE(list[i].description.empty());
    }
    for (std::size_t i = 0; i < list.size(); i += 2) {
        CHECK(list[i].title != list[i + 1].title);   // translated, not copied
        CHECK(hasSpanishLetters(list[i + 1].description + list[i + 1].title));
    }
    CHECK(list[1].title == "Mapa en blanco");
}

TEST_CASE("templates: each loads, is sound and round-trips byte for byte", "[templates]") {
    for (const TemplateInfo& info : listTemplates()) {
        INFO(info.id << "." << info.language);
        const auto text = templateJson(info.id, info.language);
        REQUIRE(text.has_value());
        auto loaded = loadMap(*text);
        REQUIRE(loaded.ok());
        const Map& map = loaded.value();
        CHECK(checkInvariants(map).empty());
        CHECK(saveMap(map) == *text);
        CHECK(map.meta.language == info.language);
        CHECK(map.meta.title == info.title);
        CHECK(map.unknown.empty());
    }
}

TEST_CASE("templates: Spanish and English versions have the same structure", "[templates]") {
    for (const std::string& id : kIds) {
        INFO(id);
        const Map es = load(id, "es");
        const Map en = load(id, "en");
        CHECK(saveMap(structureOf(es)) == saveMap(structureOf(en)));
        // ...and every text is translated where the two languages differ in words.
        REQUIRE(es.stages.size() == en.stages.size());
        int sameNames = 0;
        for (std::size_t i = 0; i < es.stages.size(); ++i)
            sameNames += es.stages[i].description == en.stages[i].description ? 1 : 0;
        CHECK(sameNames == 0);
    }
}

TEST_CASE("templates: the filled-in ones are useful starting points", "[templates]") {
    for (const std::string& id : kIds) {
        if (id == "blank") continue;
        for (const char* lang : {"es", "en"}) {
            INFO(id << "." << lang);
            const Map map = load(id, lang);
            const MapCounts c = countItems(map);
            CHECK(c.personas >= 2);
            CHECK(c.stages >= 7);
            CHECK(c.touchpoints >= 10);
            CHECK(c.painPoints >= 4);
            CHECK(c.opportunities >= 4);
            CHECK(c.backstage >= 4);
            CHECK(c.kpis >= 3);
            CHECK(c.emotions >= 10);
            CHECK(c.moments >= 3);
            std::set<Phase> phases;
            for (const Stage& s : map.stages) phases.insert(s.phase);
            CHECK(phases.size() == 3);
            // Touchpoints carry their attributes; some are rated and some are not the brand's.
            std::set<TouchpointOwner> owners;
            int rated = 0;
            for (const Card& card : map.cards) {
                if (!card.touchpoint) continue;
                owners.insert(card.touchpoint->owner);
                CHECK(card.touchpoint->dimensions != 0);
                rated += card.touchpoint->expectation && card.touchpoint->experience ? 1 : 0;
            }
            CHECK(owners.size() >= 3);
            CHECK(rated >= 6);
            CHECK_FALSE(touchpointGaps(map).empty());
            // Every persona has a curve, and each moment of truth sits on a touchpoint.
            for (const EmotionCurve& curve : emotionCurves(map)) CHECK(curve.presentCount() >= 3);
            for (const MomentOfTruth& m : map.moments) {
                REQUIRE(m.cardId.has_value());
                CHECK(findCard(map, *m.cardId)->kind == CardKind::Touchpoint);
            }
            for (const Persona& p : map.personas) {
                CHECK_FALSE(p.goals.empty());
                CHECK_FALSE(p.frustrations.empty());
                CHECK_FALSE(p.quote.empty());
            }
        }
    }
}

TEST_CASE("templates: the blank one has the blank map's stages and lanes, nothing else",
          "[templates]") {
    for (const char* lang : {"es", "en"}) {
        INFO(lang);
        const Map map = load("blank", lang);
        const Map blank = blankMap(lang);
        CHECK(map.personas.empty());
        CHECK(map.cards.empty());
        CHECK(map.emotions.empty());
        CHECK(map.moments.empty());
        REQUIRE(map.stages.size() == blank.stages.size());
        for (std::size_t i = 0; i < map.stages.size(); ++i) {
            CHECK(map.stages[i].id == blank.stages[i].id);
            CHECK(map.stages[i].name == blank.stages[i].name);
            CHECK(map.stages[i].phase == blank.stages[i].phase);
        }
        REQUIRE(map.lanes.size() == blank.lanes.size());
        for (std::size_t i = 0; i < map.lanes.size(); ++i) {
            CHECK(map.lanes[i].id == blank.lanes[i].id);
            CHECK(map.lanes[i].name == blank.lanes[i].name);
            CHECK(map.lanes[i].type == blank.lanes[i].type);
        }
    }
}

TEST_CASE("templates: the service blueprint has frontstage above two backstage lanes",
          "[templates]") {
    const Map map = load("service-blueprint", "es");
    int firstBackstage = -1, touchpoints = -1, backstageLanes = 0;
    for (std::size_t i = 0; i < map.lanes.size(); ++i) {
        if (map.lanes[i].type == LaneType::Backstage) {
            if (firstBackstage < 0) firstBackstage = static_cast<int>(i);
            ++backstageLanes;
        }
        if (map.lanes[i].type == LaneType::Touchpoints) touchpoints = static_cast<int>(i);
    }
    CHECK(backstageLanes == 2);   // staff backstage actions and support processes
    CHECK(touchpoints >= 0);
    CHECK(touchpoints < firstBackstage);   // the line of visibility falls between them
    CHECK(map.lanes.front().name == "Evidencia física");
    int supportCards = 0;
    for (const Card& c : map.cards) supportCards += c.laneId == "ln-support" ? 1 : 0;
    CHECK(supportCards >= 4);
}

TEST_CASE("templates: lookups by language tag, and unknown templates", "[templates]") {
    CHECK(templateJson("retail-ecommerce", "es-MX") == templateJson("retail-ecommerce", "es"));
    CHECK(templateJson("retail-ecommerce", "EN") == templateJson("retail-ecommerce", "en"));
    CHECK_FALSE(templateJson("retail-ecommerce", "fr").has_value());
    CHECK_FALSE(templateJson("nope", "es").has_value());
    auto missing = loadTemplate("nope", "es");
    REQUIRE_FALSE(missing.ok());
    CHECK(app::errorMessage(app::Lang::En, missing.error()) == "There is no template \"nope\" in language \"es\".");
}

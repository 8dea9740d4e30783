// JSON format v1: round trips, defaults, unknown fields, enum spellings, migration from v0.
// The table of refused inputs is in test_format_bad.cpp.
#include <catch2/catch.hpp>

#include <cmath>

#include "fixtures.hpp"
#include "i18n.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"

using namespace trayecto;
using trayecto::test::readFixture;

namespace {

Map loadOk(const std::string& text) {
    auto result = loadMap(text);
    INFO((result.ok() ? std::string() : result.error().debugText()));
    REQUIRE(result.ok());
    return result.value();
}

const std::string kEnvelope = R"("format": "trayecto-journey", "version": 1)";

std::string mapWith(const std::string& members) {
    return "{" + kEnvelope + (members.empty() ? "" : ", " + members) + "}";
}

}  // namespace

TEST_CASE("The rich Spanish example is canonical: loading and saving gives the same bytes",
          "[format]") {
    const std::string original = readFixture("example-es.json");
    REQUIRE(original.size() > 1000);
    const Map map = loadOk(original);
    CHECK(checkInvariants(map).empty());
    const std::string saved = saveMap(map);
    CHECK(saved == original);
    const std::string savedAgain = saveMap(loadOk(saved));
    CHECK(savedAgain == saved);
}

TEST_CASE("The rich example loads every field into the model", "[format]") {
    const Map m = loadOk(readFixture("example-es.json"));
    CHECK(m.meta.title == "Apertura de cuenta en Banco Sol");
    CHECK(m.meta.language == "es");
    CHECK(m.meta.created == "2026-11-22T08:00:00Z");
    CHECK(m.meta.unknown.at("taller") == R"({"fecha":"2026-11-22","participantes":12})");

    REQUIRE(m.personas.size() == 2);
    CHECK(m.personas[0].color == 0xe07a5f);
    CHECK(m.personas[0].valueTier == ValueTier::Medium);
    CHECK(m.personas[0].quote == "«Si no puedo hacerlo desde el móvil, me voy a otro banco.»");
    CHECK(m.personas[0].unknown.at("edad") == "21");
    CHECK(m.personas[1].valueTier == ValueTier::Top);
    CHECK(m.personas[1].description.empty());

    REQUIRE(m.stages.size() == 3);
    CHECK(m.stages[1].phase == Phase::Purchase);
    CHECK(m.stages[2].phase == Phase::PostPurchase);
    CHECK(m.stages[1].unknown.at("color") == R"("#81b29a")");
    REQUIRE(m.lanes.size() == 6);
    CHECK(m.lanes[2].type == LaneType::PainPoints);
    CHECK(m.lanes[5].hidden);
    CHECK_FALSE(m.lanes[0].hidden);

    const Card* app = findCard(m, "cd-app");
    REQUIRE(app);
    REQUIRE(app->touchpoint);
    CHECK(app->kind == CardKind::Touchpoint);
    CHECK(app->personaIds == std::vector<Id>{"pe-joven", "pe-autonomo"});
    CHECK(app->votes == 5);
    CHECK(app->touchpoint->channel == Channel::App);
    CHECK(app->touchpoint->dimensions == (DimCognitive | DimEmotional | DimBehavioural));
    CHECK(app->touchpoint->expectation == 5);
    CHECK(app->touchpoint->experience == 2);
    REQUIRE(app->touchpoint->metrics.size() == 2);
    CHECK(app->touchpoint->metrics[1].type == MetricType::Custom);
    CHECK(app->touchpoint->metrics[1].name == "Tiempo de alta");
    CHECK(app->touchpoint->metrics[1].value == 14.5);
    CHECK(app->touchpoint->metrics[1].target == 8.0);
    CHECK(app->touchpoint->metrics[1].unknown.at("fuente") == R"("analítica")");
    CHECK(app->touchpoint->unknown.at("prioridad") == R"("alta")");

    const Card* reviews = findCard(m, "cd-resenas");
    REQUIRE(reviews);
    CHECK(reviews->touchpoint->owner == TouchpointOwner::SocialExternal);
    CHECK_FALSE(reviews->touchpoint->controlled);
    CHECK(reviews->touchpoint->kind == TouchpointKind::Personal);
    CHECK_FALSE(reviews->touchpoint->expectation);
    CHECK(reviews->touchpoint->metrics.at(0).value == -12.0);
    CHECK_FALSE(reviews->touchpoint->metrics.at(0).target);

    const Card* pain = findCard(m, "cd-espera");
    REQUIRE(pain);
    REQUIRE(pain->improvement);
    CHECK(pain->improvement->severity == 5);
    CHECK(pain->improvement->status == ImprovementStatus::InProgress);
    CHECK(pain->improvement->unknown.at("ticket") == R"("ONB-142")");
    CHECK_FALSE(pain->touchpoint);

    const Card* kyc = findCard(m, "cd-kyc");
    REQUIRE(kyc);
    REQUIRE(kyc->backstage);
    CHECK(kyc->backstage->systems == "Proveedor KYC, core bancario");
    CHECK(kyc->backstage->unknown.at("sla") == R"("24 h")");
    CHECK(findCard(m, "cd-anuncio")->color == Rgb{0xf2cc8f});
    CHECK_FALSE(findCard(m, "cd-busca")->color);
    CHECK(findCard(m, "cd-conversion")->unknown.at("etiquetas") == R"(["embudo","alta"])");

    REQUIRE(m.emotions.size() == 4);
    CHECK(m.emotions[1].cardId == Id("cd-app"));
    CHECK(m.emotions[1].valence == -2);
    CHECK(m.emotions[1].feeling == "frustración");
    CHECK(m.emotions[3].valence == -3);
    CHECK(m.emotions[3].unknown.at("intensidad") == "0.8");

    REQUIRE(m.moments.size() == 3);
    CHECK(m.moments[0].type == MotType::Zero);
    CHECK(m.moments[0].state == MotState::AtRisk);
    CHECK(m.moments[1].cardId == Id("cd-app"));
    CHECK(m.moments[2].type == MotType::Custom);
    CHECK(m.moments[2].customType == "momento de recomendación");
    CHECK(m.unknown.at("plantilla") == R"("banca-retail")");
    CHECK(m.unknown.at("x-origen") == R"({"herramienta":"Trayecto","version":"0.1.0"})");
}

TEST_CASE("Saved files have a stable layout: envelope first, 2-space indent, trailing newline",
          "[format]") {
    Map m;
    m.meta.title = "Mapa";
    const std::string text = saveMap(m);
    CHECK(text ==
          "{\n"
          "  \"format\": \"trayecto-journey\",\n"
          "  \"version\": 1,\n"
          "  \"meta\": {\n"
          "    \"title\": \"Mapa\"\n"
          "  },\n"
          "  \"personas\": [],\n"
          "  \"stages\": [],\n"
          "  \"lanes\": [],\n"
          "  \"cards\": [],\n"
          "  \"emotions\": [],\n"
          "  \"moments\": []\n"
          "}\n");
    CHECK(saveMap(m) == text);
}

TEST_CASE("Unknown fields are written after the known keys, sorted, with their own key order",
          "[format]") {
    Map m;
    m.stages.push_back(Stage{"st-1", "Alta", Phase::Purchase, "", {}});
    m.stages[0].unknown["zeta"] = R"({"b":1,"a":2})";
    m.stages[0].unknown["alfa"] = "true";
    m.stages[0].unknown["name"] = R"("ignored: the model's own field wins")";
    m.stages[0].unknown["roto"] = "{no es json";
    const std::string text = saveMap(m);
    const auto id = text.find("\"id\": \"st-1\"");
    const auto alfa = text.find("\"alfa\": true");
    const auto roto = text.find(R"("roto": "{no es json")");
    const auto zeta = text.find("\"zeta\": {");
    REQUIRE(id != std::string::npos);
    REQUIRE(alfa != std::string::npos);
    REQUIRE(roto != std::string::npos);
    REQUIRE(zeta != std::string::npos);
    CHECK(id < alfa);
    CHECK(alfa < roto);
    CHECK(roto < zeta);
    CHECK(text.find("\"b\": 1") < text.find("\"a\": 2"));
    CHECK(text.find("ignored") == std::string::npos);
    const Map back = loadOk(text);
    CHECK(back.stages[0].name == "Alta");
    CHECK(back.stages[0].unknown.at("zeta") == R"({"b":1,"a":2})");
    CHECK(back.stages[0].unknown.at("roto") == R"("{no es json")");
    CHECK(saveMap(back) == text);
}

TEST_CASE("Missing optional fields take their defaults", "[format]") {
    const Map m = loadOk(mapWith(
        R"("personas": [{"id": "pe-1"}], "stages": [{"id": "st-1"}], "lanes": [{"id": "ln-1"}],
           "cards": [{"id": "cd-1", "stageId": "st-1", "laneId": "ln-1"},
                     {"id": "cd-2", "stageId": "st-1", "laneId": "ln-1", "kind": "touchpoint"},
                     {"id": "cd-3", "stageId": "st-1", "laneId": "ln-1", "kind": "opportunity"},
                     {"id": "cd-4", "stageId": "st-1", "laneId": "ln-1", "kind": "backstage",
                      "text": null}],
           "emotions": [{"id": "em-1", "personaId": "pe-1", "stageId": "st-1"}],
           "moments": [{"id": "mt-1", "stageId": "st-1"}])"));
    CHECK(m.meta.title.empty());
    CHECK(m.personas[0].color == 0x4477aa);
    CHECK(m.personas[0].valueTier == ValueTier::Unset);
    CHECK(m.stages[0].phase == Phase::PrePurchase);
    CHECK(m.lanes[0].type == LaneType::Custom);
    CHECK(m.cards[0].kind == CardKind::Note);
    CHECK(m.cards[0].votes == 0);
    CHECK(m.cards[0].personaIds.empty());
    REQUIRE(m.cards[1].touchpoint);
    CHECK(m.cards[1].touchpoint->channel == Channel::Web);
    CHECK(m.cards[1].touchpoint->controlled);
    CHECK(m.cards[1].touchpoint->dimensions == 0);
    REQUIRE(m.cards[2].improvement);
    CHECK(m.cards[2].improvement->severity == 3);
    CHECK(m.cards[2].improvement->status == ImprovementStatus::Open);
    REQUIRE(m.cards[3].backstage);
    CHECK(m.cards[3].text.empty());
    CHECK(m.emotions[0].valence == 0);
    CHECK_FALSE(m.emotions[0].cardId);
    CHECK(m.moments[0].type == MotType::First);
    CHECK(m.moments[0].state == MotState::Unknown);
    CHECK(checkInvariants(m).empty());

    const Map empty = loadOk(mapWith(""));
    CHECK(empty.stages.empty());
    CHECK(empty.unknown.empty());
}

TEST_CASE("Loading is forgiving about a BOM, integral decimals, hex case and whitespace",
          "[format]") {
    const Map m = loadOk("\xEF\xBB\xBF  \n" + mapWith(R"("personas": [{"id": "pe-1", "color": "#AbCdEf"}],
        "stages": [{"id": "st-1"}],
        "emotions": [{"id": "em-1", "personaId": "pe-1", "stageId": "st-1", "valence": -2.0}])") +
                       "\n\n");
    CHECK(m.personas[0].color == 0xabcdef);
    CHECK(m.emotions[0].valence == -2);
    CHECK(saveMap(m).find("\"color\": \"#abcdef\"") != std::string::npos);
}

TEST_CASE("Every enum value survives a save and load under its documented name", "[format]") {
    Map m;
    m.personas.push_back(Persona{});
    m.personas[0].id = "pe-0";
    m.stages.push_back(Stage{"st-0", "S", Phase::PrePurchase, "", {}});
    const ValueTier tiers[] = {ValueTier::Unset, ValueTier::Low, ValueTier::Medium,
                               ValueTier::High, ValueTier::Top};
    for (int i = 0; i < 5; ++i) {
        Persona p;
        p.id = "pe-t" + std::to_string(i);
        p.valueTier = tiers[i];
        m.personas.push_back(p);
    }
    const Phase phases[] = {Phase::PrePurchase, Phase::Purchase, Phase::PostPurchase};
    for (int i = 0; i < 3; ++i) m.stages.push_back(Stage{"st-p" + std::to_string(i), "", phases[i], "", {}});
    for (int i = 0; i <= static_cast<int>(LaneType::Custom); ++i)
        m.lanes.push_back(Lane{"ln-" + std::to_string(i), "", static_cast<LaneType>(i), i % 2 == 1, {}});
    int n = 0;
    auto addCard = [&](CardKind kind) -> Card& {
        Card c;
        c.id = "cd-" + std::to_string(n++);
        c.stageId = "st-0";
        c.laneId = "ln-0";
        c.kind = kind;
        conformDetailsToKind(c);
        m.cards.push_back(c);
        return m.cards.back();
    };
    for (int i = 0; i <= static_cast<int>(CardKind::Kpi); ++i) addCard(static_cast<CardKind>(i));
    for (int i = 0; i <= static_cast<int>(Channel::Other); ++i)
        addCard(CardKind::Touchpoint).touchpoint->channel = static_cast<Channel>(i);
    for (int i = 0; i <= static_cast<int>(TouchpointKind::Digital); ++i)
        addCard(CardKind::Touchpoint).touchpoint->kind = static_cast<TouchpointKind>(i);
    for (int i = 0; i <= static_cast<int>(TouchpointOwner::SocialExternal); ++i)
        addCard(CardKind::Touchpoint).touchpoint->owner = static_cast<TouchpointOwner>(i);
    for (int flags = 0; flags <= kAllDimensions; ++flags)
        addCard(CardKind::Touchpoint).touchpoint->dimensions = static_cast<std::uint8_t>(flags);
    for (int i = 0; i <= static_cast<int>(MetricType::Custom); ++i) {
        Metric metric;
        metric.type = static_cast<MetricType>(i);
        metric.value = i * 1.25 - 2;
        addCard(CardKind::Touchpoint).touchpoint->metrics.push_back(metric);
    }
    for (int i = 0; i <= static_cast<int>(ImprovementStatus::Discarded); ++i)
        addCard(CardKind::PainPoint).improvement->status = static_cast<ImprovementStatus>(i);
    for (int t = 0; t <= static_cast<int>(MotType::Custom); ++t)
        for (int s = 0; s <= static_cast<int>(MotState::Failing); ++s) {
            MomentOfTruth mot;
            mot.id = "mt-" + std::to_string(t) + std::to_string(s);
            mot.type = static_cast<MotType>(t);
            mot.state = static_cast<MotState>(s);
            mot.stageId = "st-0";
            m.moments.push_back(mot);
        }
    for (int v = kValenceMin; v <= kValenceMax; ++v)
        m.emotions.push_back(Emotion{"em-" + std::to_string(v + 3), "pe-0", "st-0", std::nullopt, v, "", "", {}});
    REQUIRE(checkInvariants(m).empty());

    const std::string text = saveMap(m);
    for (const char* name : {"\"low\"", "\"medium\"", "\"high\"", "\"top\"", "\"pre-purchase\"",
                             "\"purchase\"", "\"post-purchase\"", "\"pain-points\"", "\"kpis\"",
                             "\"in-person\"", "\"packaging\"", "\"social-external\"", "\"physical\"",
                             "\"behavioural\"", "\"sensory\"", "\"csat\"", "\"nps\"", "\"ces\"",
                             "\"in-progress\"", "\"discarded\"", "\"zmot\"", "\"fmot\"", "\"smot\"",
                             "\"at-risk\"", "\"failing\"", "\"pain-point\"", "\"kpi\""})
        CHECK(text.find(name) != std::string::npos);
    const Map back = loadOk(text);
    CHECK(saveMap(back) == text);
    REQUIRE(back.cards.size() == m.cards.size());
    for (std::size_t i = 0; i < m.cards.size(); ++i) {
        CHECK(back.cards[i].kind == m.cards[i].kind);
        if (m.cards[i].touchpoint) {
            CHECK(back.cards[i].touchpoint->channel == m.cards[i].touchpoint->channel);
            CHECK(back.cards[i].touchpoint->kind == m.cards[i].touchpoint->kind);
            CHECK(back.cards[i].touchpoint->owner == m.cards[i].touchpoint->owner);
            CHECK(back.cards[i].touchpoint->dimensions == m.cards[i].touchpoint->dimensions);
        }
    }
    for (std::size_t i = 0; i < m.personas.size(); ++i)
        CHECK(back.personas[i].valueTier == m.personas[i].valueTier);
    for (std::size_t i = 0; i < m.moments.size(); ++i) {
        CHECK(back.moments[i].type == m.moments[i].type);
        CHECK(back.moments[i].state == m.moments[i].state);
    }
}

TEST_CASE("Text and numbers survive exactly: Unicode, escapes, extreme doubles", "[format]") {
    Map m;
    m.meta.title = u8"Señal \"cita\" \\ / tab\t línea\nnueva \u2028 😀 \u0001";
    m.stages.push_back(Stage{"st-1", "", Phase::Purchase, "", {}});
    m.lanes.push_back(Lane{"ln-1", "", LaneType::Kpis, false, {}});
    Card c;
    c.id = "cd-~/1";
    c.stageId = "st-1";
    c.laneId = "ln-1";
    c.kind = CardKind::Touchpoint;
    conformDetailsToKind(c);
    for (double x : {0.1, -0.0, 1e-300, 1.7976931348623157e308, 123456789.123456789, 3.0}) {
        Metric metric;
        metric.value = x;
        metric.target = -x;
        c.touchpoint->metrics.push_back(metric);
    }
    m.cards.push_back(c);
    const std::string text = saveMap(m);
    const Map back = loadOk(text);
    CHECK(back.meta.title == m.meta.title);
    CHECK(back.cards[0].id == "cd-~/1");
    for (std::size_t i = 0; i < c.touchpoint->metrics.size(); ++i) {
        CHECK(back.cards[0].touchpoint->metrics[i].value == c.touchpoint->metrics[i].value);
        CHECK(back.cards[0].touchpoint->metrics[i].target == c.touchpoint->metrics[i].target);
    }
    CHECK(std::signbit(*back.cards[0].touchpoint->metrics[1].value));
    CHECK(saveMap(back) == text);
    CHECK(loadOk(R"({"format": "trayecto-journey", "version": 1, "meta": {"title": "\u00d1and\u00fa \ud83d\ude00"}})")
              .meta.title == u8"Ñandú 😀");
}

TEST_CASE("Saving never throws on invalid UTF-8 typed in by code", "[format]") {
    Map m;
    m.meta.title = "roto \xC3\x28 fin";
    std::string text;
    REQUIRE_NOTHROW(text = saveMap(m));
    const Map back = loadOk(text);
    CHECK(back.meta.title == u8"roto \uFFFD( fin");
}

TEST_CASE("A version 0 file is migrated to version 1", "[format][migration]") {
    const Map m = loadOk(readFixture("v0-example-es.json"));
    CHECK(checkInvariants(m).empty());
    CHECK(m.meta.title == "Apertura de cuenta (borrador de 2025)");
    CHECK(m.meta.author == "Lucía Martínez");
    CHECK(m.meta.language == "es");
    CHECK(m.meta.created == "2025-03-02T09:30:00Z");
    CHECK(m.meta.modified.empty());
    REQUIRE(m.personas.size() == 1);
    CHECK(m.personas[0].color == 0xe07a5f);
    REQUIRE(m.stages.size() == 2);
    CHECK(m.stages[0].id == "c-descubrir");
    CHECK(m.stages[1].phase == Phase::Purchase);
    REQUIRE(m.lanes.size() == 2);
    CHECK(m.lanes[1].type == LaneType::Touchpoints);
    REQUIRE(m.cards.size() == 2);
    CHECK(m.cards[0].stageId == "c-descubrir");
    CHECK(m.cards[0].laneId == "r-acciones");
    CHECK(m.cards[0].kind == CardKind::Note);
    CHECK(m.cards[1].touchpoint->channel == Channel::Web);
    CHECK(m.cards[1].unknown.at("pegatina") == R"("amarilla")");
    REQUIRE(m.emotions.size() == 2);
    CHECK(m.emotions[0].personaId == "pe-joven");
    CHECK(m.emotions[0].stageId == "c-descubrir");
    CHECK(m.emotions[0].valence == 1);    // score 5 of 1..7
    CHECK(m.emotions[0].feeling == "interés");
    CHECK(m.emotions[1].valence == -3);   // score 1
    CHECK(m.emotions[1].note == "El formulario se borra al volver atrás.");
    CHECK(m.moments.empty());
    CHECK(m.unknown.at("boardSize") == "[1200,800]");
    CHECK(m.unknown.count("title") == 0);
    CHECK(m.unknown.count("columns") == 0);

    const std::string saved = saveMap(m);
    CHECK(saved == readFixture("v0-example-es.migrated.json"));
    CHECK(saveMap(loadOk(saved)) == saved);
}

TEST_CASE("Version 0 scores map onto the valence scale one to one", "[format][migration]") {
    for (int score = 1; score <= 7; ++score) {
        const std::string text =
            R"({"format": "trayecto-journey", "version": 0, "personas": [{"id": "p"}],
                "columns": [{"id": "c"}], "emotions": [{"id": "e", "persona": "p", "column": "c",
                "score": )" + std::to_string(score) + "}]}";
        CHECK(loadOk(text).emotions.at(0).valence == score - 4);
    }
    auto both = loadMap(R"({"format": "trayecto-journey", "version": 0, "columns": [], "stages": []})");
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().path == "/columns");
    CHECK(app::errorMessage(app::Lang::En, both.error()) == "A version 0 file cannot have both \"columns\" and \"stages\".");
}

TEST_CASE("What a version 0 file could mean two ways is refused, with what and where", "[format][migration]") {
    // A version 1 map labelled 0: its valences would have been shifted by -4 without a word.
    const std::string v1 = saveMap(loadOk(readFixture("analysis-small.json")));
    std::string labelledZero = v1;
    labelledZero.replace(labelledZero.find("\"version\": 1"), 12, "\"version\": 0");
    auto mislabelled = loadMap(labelledZero);
    REQUIRE_FALSE(mislabelled.ok());
    CHECK(mislabelled.error().path == "/emotions/0/valence");
    CHECK(app::errorMessage(app::Lang::En, mislabelled.error()) ==
          "This file says it is version 0, whose emotions have a \"score\" from 1 to 7, but its emotions "
          "have a \"valence\" from -3 to 3 as in version 1: if it is a version 1 map, set \"version\" to 1; "
          "if its values are scores, rename \"valence\" to \"score\".");

    const std::string head = R"({"format": "trayecto-journey", "version": 0, "personas": [{"id": "p"}],
        "columns": [{"id": "c"}, {"id": "d"}], "emotions": [)";
    auto emotions = [&](const std::string& list) { return loadMap(head + list + "]}"); };
    // Every valence on the -3..3 scale, even where 1..3 would be valid scores: refused.
    for (const char* list : {R"({"id": "e", "persona": "p", "column": "c", "valence": 2})",
                             R"({"id": "e", "persona": "p", "column": "c", "valence": 0})",
                             R"({"id": "e", "persona": "p", "column": "c", "valence": -3})",
                             R"({"id": "e", "persona": "p", "column": "c", "score": 5},
                                {"id": "f", "persona": "p", "column": "d", "valence": 1})"}) {
        INFO(list);
        const auto result = emotions(list);
        REQUIRE_FALSE(result.ok());
        CHECK(app::errorMessage(app::Lang::En, result.error()).find("\"valence\" from -3 to 3 as in version 1") != std::string::npos);
        CHECK(result.error().path.rfind("/emotions/", 0) == 0);
    }
    // A score under the new name but on the old scale (4..7 appear) is still read as a score.
    const auto oldScale = emotions(R"({"id": "e", "persona": "p", "column": "c", "valence": 6},
                                      {"id": "f", "persona": "p", "column": "d", "valence": 2})");
    REQUIRE(oldScale.ok());
    CHECK(oldScale.value().emotions[0].valence == 2);
    CHECK(oldScale.value().emotions[1].valence == -2);
    // An out-of-range value names the key the file used.
    const auto outOfRange = emotions(R"({"id": "e", "persona": "p", "column": "c", "valence": 6},
                                        {"id": "f", "persona": "p", "column": "d", "valence": -1})");
    REQUIRE_FALSE(outOfRange.ok());
    CHECK(outOfRange.error().path == "/emotions/1/valence");
    // Plain scores of 1..3 (a journey that goes badly) are ordinary version 0.
    const auto low = emotions(R"({"id": "e", "persona": "p", "column": "c", "score": 1},
                                 {"id": "f", "persona": "p", "column": "d", "score": 3})");
    REQUIRE(low.ok());
    CHECK(low.value().emotions[1].valence == -1);

    // Two different titles (or any detail): refused; the same one twice is fine.
    const auto titles = loadMap(R"({"format": "trayecto-journey", "version": 0, "title": "Viejo",
                                    "meta": {"title": "Nuevo"}})");
    REQUIRE_FALSE(titles.ok());
    CHECK(titles.error().path == "/title");
    CHECK(app::errorMessage(app::Lang::En, titles.error()) == "This version 0 file has two different values for \"title\": \"Viejo\" at "
                                    "the top level and \"Nuevo\" at /meta/title; keep one of them.");
    const auto authors = loadMap(R"({"format": "trayecto-journey", "version": 0, "author": "A",
                                     "meta": {"author": "B", "title": null}, "title": "T"})");
    REQUIRE_FALSE(authors.ok());
    CHECK(authors.error().path == "/author");
    const auto same = loadMap(R"({"format": "trayecto-journey", "version": 0, "title": "Viejo",
                                  "meta": {"title": "Viejo", "scope": "Todo"}})");
    REQUIRE(same.ok());
    CHECK(same.value().meta.title == "Viejo");
    CHECK(same.value().meta.scope == "Todo");
    const auto notObject = loadMap(R"({"format": "trayecto-journey", "version": 0, "meta": "Viejo"})");
    REQUIRE_FALSE(notObject.ok());
    CHECK(notObject.error().path == "/meta");
}

TEST_CASE("describe(LoadError) names the path or the byte offset", "[format][i18n]") {
    using app::describe;
    using app::Lang;
    CHECK(describe(Lang::En, LoadError{LoadErrorCode::EmptyId, "/cards/12/id"}) ==
          "at /cards/12/id: An id must not be empty.");
    CHECK(describe(Lang::En, LoadError{LoadErrorCode::NotJson, ""}) == "The file is not valid JSON.");
    CHECK(describe(Lang::En, LoadError{LoadErrorCode::NotJson, "", {}, 42}) == "at byte 42: The file is not valid JSON.");
    CHECK(describe(Lang::En, LoadError{LoadErrorCode::BinaryValue, "/meta", {}, 7}) ==
          "at byte 7 (/meta): Binary values are not part of JSON.");
    CHECK(describe(Lang::Es, LoadError{LoadErrorCode::NotJson, "", {}, 42}) == "en el byte 42: El archivo no es JSON válido.");
    CHECK(LoadError{LoadErrorCode::DuplicateKey, "/a", {"k"}}.debugText() == "DuplicateKey at /a: k");
}

TEST_CASE("The example in docs/format.md loads and is exactly what saveMap writes", "[format][docs]") {
    const std::string doc = readFixture("../../docs/format.md");
    const std::string open = "```json\n";
    const auto begin = doc.find(open);
    REQUIRE(begin != std::string::npos);
    const auto end = doc.find("```", begin + open.size());
    REQUIRE(end != std::string::npos);
    const std::string example = doc.substr(begin + open.size(), end - begin - open.size());
    const Map m = loadOk(example);
    CHECK(checkInvariants(m).empty());
    CHECK(m.meta.language == "es");
    CHECK(m.moments.size() == 1);
    CHECK(saveMap(m) == example);
}

// Analysis on tests/fixtures/analysis-small.json; every expected value below is worked out by
// hand from that file (the comments show the arithmetic).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "trayecto/analysis.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;

namespace {

Map smallMap() {
    auto loaded = loadMap(test::readFixture("analysis-small.json"));
    INFO((loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
}

std::vector<Id> idsOf(const std::vector<RankedImprovement>& ranked) {
    std::vector<Id> ids;
    for (const auto& r : ranked) ids.push_back(r.cardId);
    return ids;
}

}  // namespace

TEST_CASE("countItems counts each kind of item", "[analysis]") {
    const MapCounts c = countItems(smallMap());
    CHECK(c.personas == 3);
    CHECK(c.stages == 3);
    CHECK(c.lanes == 6);
    CHECK(c.hiddenLanes == 1);
    CHECK(c.cards == 18);
    CHECK(c.touchpoints == 7);
    CHECK(c.painPoints == 5);
    CHECK(c.opportunities == 3);
    CHECK(c.notes == 1);
    CHECK(c.backstage == 1);
    CHECK(c.kpis == 1);
    CHECK(c.emotions == 7);
    CHECK(c.moments == 3);
}

TEST_CASE("emotion curves follow stage order, average per stage and mark holes", "[analysis]") {
    const Map map = smallMap();
    const auto curves = emotionCurves(map);
    REQUIRE(curves.size() == 3);

    // Ana: st-1 +2; st-2 (-1 + -2)/2 = -1.5 (one of them names a card); st-3 +3.
    const EmotionCurve& ana = curves[0];
    CHECK(ana.personaId == "pe-a");
    REQUIRE(ana.points.size() == 3);
    CHECK(ana.points[0].stageId == "st-1");
    CHECK(ana.points[0].valence == Approx(2.0));
    CHECK(ana.points[1].valence == Approx(-1.5));
    CHECK(ana.points[1].emotionCount == 2);
    CHECK(ana.points[1].feelings == std::vector<std::string>{"duda", "enfado"});
    CHECK(ana.points[2].valence == Approx(3.0));
    // (2 - 1.5 + 3) / 3 = 1.1666…
    REQUIRE(ana.averageValence());
    CHECK(*ana.averageValence() == Approx(3.5 / 3));
    CHECK(ana.presentCount() == 3);

    // Beto: nothing at st-1; st-2 0; st-3 (-3 + -2)/2 = -2.5, "rabia" once.
    const EmotionCurve& beto = curves[1];
    CHECK_FALSE(beto.points[0].valence);
    CHECK(beto.points[0].emotionCount == 0);
    CHECK(beto.points[1].valence == Approx(0.0));
    CHECK(beto.points[2].valence == Approx(-2.5));
    CHECK(beto.points[2].feelings == std::vector<std::string>{"rabia"});
    CHECK(*beto.averageValence() == Approx(-1.25));   // (0 - 2.5) / 2
    CHECK(beto.presentCount() == 2);

    // Cris has no emotions: every point absent, no average.
    const EmotionCurve& cris = curves[2];
    CHECK(cris.presentCount() == 0);
    CHECK_FALSE(cris.averageValence());

    // The single-persona call agrees; an unknown persona gives an empty curve of the same length.
    const EmotionCurve one = emotionCurve(map, "pe-b");
    CHECK(one.points.size() == 3);
    CHECK(one.points[2].valence == Approx(-2.5));
    const EmotionCurve none = emotionCurve(map, "pe-nobody");
    CHECK(none.points.size() == 3);
    CHECK(none.presentCount() == 0);
}

TEST_CASE("touchpoint gaps are experience minus expectation, worst first", "[analysis]") {
    const auto gaps = touchpointGaps(smallMap());
    // Only cards with both scores: cd-web -2, cd-ad 0, cd-store -3, cd-app +2, cd-web2 -2.
    // cd-web and cd-web2 tie at -2: stage order puts st-1 (cd-web) first.
    REQUIRE(gaps.size() == 5);
    CHECK(gaps[0].cardId == "cd-store");
    CHECK(gaps[0].gap == -3);
    CHECK(gaps[0].expectation == 5);
    CHECK(gaps[0].experience == 2);
    CHECK(gaps[0].stageName == "Compra");
    CHECK(gaps[0].channel == Channel::Store);
    CHECK_FALSE(gaps[0].momentOfTruth);
    CHECK(gaps[1].cardId == "cd-web");
    CHECK(gaps[1].gap == -2);
    CHECK(gaps[1].momentOfTruth);
    CHECK(gaps[2].cardId == "cd-web2");
    CHECK(gaps[2].gap == -2);
    CHECK(gaps[2].momentOfTruth);
    CHECK(gaps[3].cardId == "cd-ad");
    CHECK(gaps[3].gap == 0);
    CHECK(gaps[4].cardId == "cd-app");
    CHECK(gaps[4].gap == 2);
    CHECK(gaps[4].text == "App de pago");
}

TEST_CASE("moments of truth are listed in stage order with their card and gap", "[analysis]") {
    const auto moments = momentsOfTruth(smallMap());
    REQUIRE(moments.size() == 3);
    CHECK(moments[0].momentId == "mot-zmot");
    CHECK(moments[0].type == MotType::Zero);
    CHECK(moments[0].state == MotState::Good);
    CHECK(moments[0].stageName == "Descubrimiento");
    CHECK(moments[0].cardText == "Web de la tienda");
    CHECK(moments[0].gap == -2);
    CHECK(moments[1].momentId == "mot-custom");
    CHECK(moments[1].customType == "Momento del cobro");
    CHECK_FALSE(moments[1].cardId);
    CHECK(moments[1].cardText.empty());
    CHECK_FALSE(moments[1].gap);
    CHECK(moments[2].momentId == "mot-smot");
    CHECK(moments[2].state == MotState::Failing);
    CHECK(moments[2].stageName == "Uso");
    CHECK(moments[2].gap == -2);
}

TEST_CASE("channel coverage counts touchpoint cards per channel and stage", "[analysis]") {
    const ChannelCoverage cov = channelCoverage(smallMap());
    REQUIRE(cov.stageIds == std::vector<Id>{"st-1", "st-2", "st-3"});
    REQUIRE(cov.counts.size() == static_cast<std::size_t>(kChannelCount));
    // Web: cd-web and cd-web3 in st-1, cd-web2 in st-3 (cards without scores count too).
    CHECK(cov.count(Channel::Web, 0) == 2);
    CHECK(cov.count(Channel::Web, 1) == 0);
    CHECK(cov.count(Channel::Web, 2) == 1);
    CHECK(cov.count(Channel::Advertising, 0) == 1);
    CHECK(cov.count(Channel::Store, 1) == 1);
    CHECK(cov.count(Channel::App, 1) == 1);
    CHECK(cov.count(Channel::Phone, 2) == 1);
    CHECK(cov.channelTotals[static_cast<int>(Channel::Web)] == 3);
    CHECK(cov.channelTotals[static_cast<int>(Channel::Email)] == 0);
    CHECK(cov.stageTotals == std::vector<int>{3, 2, 2});
}

TEST_CASE("impactEffortScore is impact over effort", "[analysis]") {
    CHECK(impactEffortScore(ImprovementInfo{3, 5, 1, "", ImprovementStatus::Open, {}}) == Approx(5.0));
    CHECK(impactEffortScore(ImprovementInfo{3, 1, 5, "", ImprovementStatus::Open, {}}) == Approx(0.2));
    CHECK(impactEffortScore(ImprovementInfo{3, 4, 0, "", ImprovementStatus::Open, {}}) == Approx(4.0));
}

TEST_CASE("pain points rank by votes and by impact/effort with deterministic ties", "[analysis]") {
    const Map map = smallMap();
    // Votes: pp-3 9; pp-1 and pp-2 both 5 -> score pp-2 3/1 beats pp-1 4/2; pp-4 1; pp-5 0.
    const auto byVotes = rankImprovements(map, CardKind::PainPoint, Ranking::ByVotes);
    CHECK(idsOf(byVotes) == std::vector<Id>{"pp-3", "pp-2", "pp-1", "pp-4", "pp-5"});
    CHECK(byVotes[0].stageName == "Compra");
    CHECK(byVotes[0].score == Approx(0.5));
    CHECK(byVotes[0].status == ImprovementStatus::InProgress);
    CHECK(byVotes[0].owner == "Logística");

    // Score: pp-2 3.0; pp-1, pp-4, pp-5 all 2.0 -> impact 4, 4, 2 -> pp-1 and pp-4 by votes 5 > 1;
    // pp-3 0.5 last.
    const auto byScore = rankImprovements(map, CardKind::PainPoint, Ranking::ByImpactEffort);
    CHECK(idsOf(byScore) == std::vector<Id>{"pp-2", "pp-1", "pp-4", "pp-5", "pp-3"});

    // Leaving out done/discarded drops pp-4.
    const auto open = rankImprovements(map, CardKind::PainPoint, Ranking::ByImpactEffort, false);
    CHECK(idsOf(open) == std::vector<Id>{"pp-2", "pp-1", "pp-5", "pp-3"});
}

TEST_CASE("opportunity ties fall back to severity, then stage order", "[analysis]") {
    const Map map = smallMap();
    // All have 2 votes and score 1.0. By votes: severity op-3 4 > 3; op-2 (st-1) before op-1 (st-3).
    CHECK(idsOf(rankImprovements(map, CardKind::Opportunity, Ranking::ByVotes)) ==
          std::vector<Id>{"op-3", "op-2", "op-1"});
    // By impact/effort: impact 3, 3, 2 -> op-2, op-1 (stage order), then op-3.
    CHECK(idsOf(rankImprovements(map, CardKind::Opportunity, Ranking::ByImpactEffort)) ==
          std::vector<Id>{"op-2", "op-1", "op-3"});
}

TEST_CASE("analyses of an empty map are empty", "[analysis]") {
    const Map empty;
    CHECK(emotionCurves(empty).empty());
    CHECK(emotionCurve(empty, "pe-x").points.empty());
    CHECK(touchpointGaps(empty).empty());
    CHECK(momentsOfTruth(empty).empty());
    const ChannelCoverage cov = channelCoverage(empty);
    CHECK(cov.stageIds.empty());
    CHECK(cov.channelTotals == std::vector<int>(kChannelCount, 0));
    CHECK(rankImprovements(empty, CardKind::PainPoint, Ranking::ByVotes).empty());
    CHECK(countItems(empty).cards == 0);
}

TEST_CASE("the example map's curves have the intended shape", "[analysis][examples]") {
    const Map map = exampleMap("es");
    const auto curves = emotionCurves(map);
    REQUIRE(curves.size() == 3);
    const int service = stageIndex(map, "st-service");
    REQUIRE(service >= 0);
    CHECK_FALSE(curves[0].points[std::size_t(service)].valence);   // Laura never needs service
    CHECK(curves[1].points[std::size_t(service)].valence == Approx(-2.5));   // Javier: -2 and -3
    for (const EmotionCurve& c : curves) CHECK(c.presentCount() >= 7);
    const auto moments = momentsOfTruth(map);
    REQUIRE(moments.size() == 3);
    CHECK(moments[0].type == MotType::Zero);
    CHECK(moments[1].type == MotType::First);
    CHECK(moments[2].type == MotType::Second);
    CHECK(touchpointGaps(map).front().cardId == "cd-service-phone");   // 4 expected, 1 lived
    CHECK(touchpointGaps(map).front().gap == -3);
}

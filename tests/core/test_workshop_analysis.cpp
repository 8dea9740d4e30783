// Workshop analysis on tests/fixtures/merge/workshop.json (a merged workshop map, five stages,
// ten touchpoints), with the expected values worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "trayecto/analysis.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;

namespace {

Map workshopMap() {
    auto loaded = loadMap(test::readFixture("merge/workshop.json"));
    INFO((loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
}

std::vector<Id> idsOf(const std::vector<MatrixPoint>& points) {
    std::vector<Id> ids;
    for (const MatrixPoint& p : points) ids.push_back(p.cardId);
    return ids;
}

using Row = std::array<int, kDimensionCount>;

}  // namespace

TEST_CASE("workshop: touchpoint owners and control per phase", "[workshop]") {
    const auto mix = ownerMixByPhase(workshopMap());
    REQUIRE(mix.size() == 3);
    // Pre-purchase (Descubrir, Comparar): t1 brand, t2 social, t3 brand, t4 social, t10 partner;
    // controlled: t1, t3, t10.
    CHECK(mix[0].phase == Phase::PrePurchase);
    CHECK(mix[0].counts == std::array<int, kOwnerCount>{2, 1, 0, 2});
    CHECK(mix[0].total == 5);
    CHECK(mix[0].controlled == 3);
    CHECK(*mix[0].controlledShare() == Approx(0.6));
    // Purchase: t5 brand (controlled), t6 partner (not).
    CHECK(mix[1].count(TouchpointOwner::Brand) == 1);
    CHECK(mix[1].count(TouchpointOwner::Partner) == 1);
    CHECK(*mix[1].controlledShare() == Approx(0.5));
    // Post-purchase: t7 brand, t8 customer, t9 brand; t7 and t9 controlled.
    CHECK(mix[2].counts == std::array<int, kOwnerCount>{2, 0, 1, 0});
    CHECK(*mix[2].controlledShare() == Approx(2.0 / 3.0));

    Map empty;
    const auto none = ownerMixByPhase(empty);
    REQUIRE(none.size() == 3);
    CHECK_FALSE(none[1].controlledShare().has_value());
}

TEST_CASE("workshop: CX-dimension heat map per stage", "[workshop]") {
    const DimensionHeatMap heat = dimensionHeatMap(workshopMap());
    CHECK(heat.stageIds == std::vector<Id>{"st-a", "st-b", "st-c", "st-d", "st-e"});
    REQUIRE(heat.counts.size() == 5);
    // Columns: cognitive, emotional, behavioural, sensory, social.
    CHECK(heat.counts[0] == Row{1, 0, 0, 1, 1});   // t1 cog+sens, t2 social
    CHECK(heat.counts[1] == Row{2, 1, 0, 0, 1});   // t3 cog, t4 cog+social, t10 emotional
    CHECK(heat.counts[2] == Row{1, 1, 2, 0, 0});   // t5 cog+emo+beh, t6 beh
    CHECK(heat.counts[3] == Row{0, 2, 1, 0, 1});   // t7 emo+beh, t8 emo+social
    CHECK(heat.counts[4] == Row{1, 0, 0, 0, 0});   // t9 cog
    CHECK(heat.dimensionTotals == Row{5, 4, 3, 1, 3});
    CHECK(heat.stageTouchpoints == std::vector<int>{2, 3, 2, 2, 1});
    CHECK(heat.maxCount == 2);
}

TEST_CASE("workshop: quadrants of the impact/effort matrix", "[workshop]") {
    CHECK(quadrantOf(5, 1) == Quadrant::QuickWin);
    CHECK(quadrantOf(4, 3) == Quadrant::QuickWin);
    CHECK(quadrantOf(4, 4) == Quadrant::MajorProject);
    CHECK(quadrantOf(3, 3) == Quadrant::FillIn);      // the middle counts as low
    CHECK(quadrantOf(1, 1) == Quadrant::FillIn);
    CHECK(quadrantOf(3, 5) == Quadrant::ThanklessTask);
    CHECK(quadrantOf(3, 3, MatrixThresholds{3, 3}) == Quadrant::MajorProject);
}

TEST_CASE("workshop: opportunities on the impact/effort matrix", "[workshop]") {
    const Map map = workshopMap();
    // Open opportunities: o1 5/2 (7 votes) and o5 4/3 (5) are quick wins, o2 5/5 a major
    // project, o3 3/2 a fill-in, o4 2/4 a thankless task; o6 (done) and o7 (discarded) left out.
    const auto points = impactEffortMatrix(map);
    CHECK(idsOf(points) == std::vector<Id>{"o1", "o5", "o2", "o3", "o4"});
    REQUIRE(points.size() == 5);
    CHECK(points[0].quadrant == Quadrant::QuickWin);
    CHECK(points[0].impact == 5);
    CHECK(points[0].effort == 2);
    CHECK(points[0].votes == 7);
    CHECK(points[0].stageName == "Contratar");
    CHECK(points[1].status == ImprovementStatus::InProgress);
    CHECK(points[2].quadrant == Quadrant::MajorProject);
    CHECK(points[3].quadrant == Quadrant::FillIn);
    CHECK(points[4].quadrant == Quadrant::ThanklessTask);

    MatrixOptions all;
    all.includeClosed = true;
    CHECK(idsOf(impactEffortMatrix(map, all)) ==
          std::vector<Id>{"o1", "o5", "o6", "o7", "o2", "o3", "o4"});

    MatrixOptions withPains;
    withPains.includePainPoints = true;   // p1 5/2 (9 votes), p2 4/4 (3), p4 3/1 (4); p3 done
    CHECK(idsOf(impactEffortMatrix(map, withPains)) ==
          std::vector<Id>{"p1", "o1", "o5", "o2", "p2", "p4", "o3", "o4"});
}

TEST_CASE("workshop: the biggest gaps at moments of truth are the first levers", "[workshop]") {
    const auto levers = firstLevers(workshopMap());
    // m2 (Pago, t5: 5 -> 2, gap -3), m4 (renewal email t9: 3 -> 1, -2), then two at -1:
    // m3 (failing) before m5 (at risk). m1's touchpoint meets expectations; m6 has no card.
    REQUIRE(levers.size() == 4);
    CHECK(levers[0].momentId == "m2");
    CHECK(levers[0].rank == 1);
    CHECK(levers[0].gap == -3);
    CHECK(levers[0].expectation == 5);
    CHECK(levers[0].experience == 2);
    CHECK(levers[0].cardText == "Pago en la web");
    CHECK(levers[0].votes == 6);
    CHECK(levers[0].state == MotState::AtRisk);
    CHECK(levers[0].openPainPoints == 1);      // p1
    CHECK(levers[1].momentId == "m4");
    CHECK(levers[1].openPainPoints == 0);
    CHECK(levers[1].customType == "Renovación");
    CHECK(levers[2].momentId == "m3");
    CHECK(levers[2].state == MotState::Failing);
    CHECK(levers[2].openPainPoints == 1);      // p2 (p3 is done)
    CHECK(levers[3].momentId == "m5");
    CHECK(levers[3].rank == 4);
    CHECK(levers[3].channel == Channel::Web);
}

// Merging participants' files in the app: one undo step, conflicts settled one by one.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "headless.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using trayecto::test::readFixture;
using namespace trayecto;

TEST_CASE("merging participants' files is one undoable step with conflicts to settle") {
    Headless h;
    REQUIRE(h.app().loadMapJson(readFixture("merge/base.json")).ok);
    const std::string base = saveMap(h.map());
    const std::string error = h.app().mergeParticipantFiles({
        {"ana.json", readFixture("merge/ana.json")},
        {"ben.json", readFixture("merge/ben.json")},
        {"carla.json", readFixture("merge/carla.json")},
    });
    REQUIRE(error.empty());
    h.frames(2);
    CHECK(saveMap(h.map()) != base);
    CHECK(h.app().document().history().undoCount() == 1);
    CHECK_FALSE(h.map().workshop.crowd.empty());
    const auto& conflicts = h.app().mergeConflicts();
    REQUIRE_FALSE(conflicts.empty());
    REQUIRE(conflicts.front().values.size() >= 2);
    const std::string provisional = saveMap(h.map());
    REQUIRE(h.app().resolveMergeConflict(0, 1));
    CHECK(saveMap(h.map()) != provisional);
    CHECK(h.app().document().history().undoCount() == 2);
    h.app().document().undo();
    h.app().document().undo();
    CHECK(saveMap(h.map()) == base);
}

TEST_CASE("after a merge, the conflicts and the crowd curves are in the file, and one undo removes them") {
    std::string saved;
    {
        Headless h;
        REQUIRE(h.app().loadMapJson(readFixture("merge/base.json")).ok);
        REQUIRE(h.app().mergeParticipantFiles({
                                                 {"ana.json", readFixture("merge/ana.json")},
                                                 {"ben.json", readFixture("merge/ben.json")},
                                                 {"carla.json", readFixture("merge/carla.json")},
                                             })
                    .empty());
        h.frames(2);
        REQUIRE_FALSE(h.app().mergeConflicts().empty());
        REQUIRE(h.app().resolveMergeConflict(0, 1));
        h.frames(2);
        saved = h.app().mapJson();

        // Undoing the choice and then the merge takes the report and the crowd band away with them.
        REQUIRE(h.app().document().undo());
        CHECK_FALSE(h.app().mergeConflicts().front().chosen.has_value());
        REQUIRE(h.app().document().undo());
        h.frames(2);
        CHECK(h.app().mergeConflicts().empty());
        CHECK(h.map().workshop.crowd.empty());
        CHECK(h.app().exportText("html").find("fill-opacity=\"0.18\"") == std::string::npos);
    }
    // Another session opens the merged file: the report, the choice and the crowd are there.
    Headless h;
    REQUIRE(h.app().loadMapJson(saved).ok);
    h.frames(2);
    const auto& conflicts = h.app().mergeConflicts();
    REQUIRE_FALSE(conflicts.empty());
    CHECK(conflicts.front().chosen == 1);
    CHECK(h.map().workshop.merge.participants.size() == 3);
    CHECK_FALSE(h.map().workshop.crowd.empty());
    CHECK(h.app().exportText("html").find("fill-opacity=\"0.18\"") != std::string::npos);   // the crowd band
    // Settling the conflict the other way still works after the reload, as one step.
    REQUIRE(h.app().resolveMergeConflict(0, 0));
    CHECK(h.app().mergeConflicts().front().chosen == 0);
    CHECK(h.app().document().history().undoCount() == 1);
}

TEST_CASE("a bad participant file stops the merge and changes nothing") {
    Headless h;
    const std::string before = saveMap(h.map());
    const std::string error = h.app().mergeParticipantFiles({{"roto.json", "{\"format\": \"trayecto-journey\""}});
    CHECK(error.find("roto.json") == 0);
    CHECK(saveMap(h.map()) == before);
    CHECK(h.app().document().history().undoCount() == 0);
}

TEST_CASE("a click that jumps onto a side-panel tab from the map opens it, after a merge brought its own tab forward") {
    Headless h;
    REQUIRE(h.app().loadMapJson(readFixture("merge/base.json")).ok);
    h.click(300, 300);
    REQUIRE(h.clickWidget("Map"));
    REQUIRE(h.clickWidget("Merge participants' files…"));
    REQUIRE(h.app().mergeParticipantFiles({
                                             {"ana.json", readFixture("merge/ana.json")},
                                             {"ben.json", readFixture("merge/ben.json")},
                                             {"carla.json", readFixture("merge/carla.json")},
                                         })
                .empty());
    h.frames(3);
    REQUIRE(trayecto::app::widgets::find("Next step") == nullptr);   // the Merge tab is in front
    // The pointer was last over the map; the click on the tab arrives as a browser sends it.
    h.mouseTo(300, 300);
    const trayecto::app::widgets::Widget* tab = trayecto::app::widgets::find("###workshop");
    REQUIRE(tab != nullptr);
    h.tap((tab->min.x + tab->max.x) * 0.5f, (tab->min.y + tab->max.y) * 0.5f);
    h.frames(2);
    CHECK(trayecto::app::widgets::find("Next step") != nullptr);

}

TEST_CASE("a closed Merge tab comes back from the View menu while the map holds the merge report", "[merge]") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang);
        REQUIRE(h.app().loadMapJson(readFixture("merge/base.json")).ok);
        REQUIRE(h.app().mergeParticipantFiles({{"ana.json", readFixture("merge/ana.json")},
                                               {"ben.json", readFixture("merge/ben.json")}})
                    .empty());
        h.frames(3);
        REQUIRE(app::widgets::find("merge-close") != nullptr);
        REQUIRE(h.clickWidget("merge-close"));
        h.frames(3);
        CHECK(app::widgets::find("merge") == nullptr);   // the tab is gone
        REQUIRE(h.clickWidget(lang == app::Lang::Es ? "Ver" : "View"));
        h.frames(2);
        REQUIRE(h.clickWidget("view-merge"));
        h.frames(3);
        CHECK(app::widgets::find("merge") != nullptr);
        CHECK(app::widgets::find("merge-close") != nullptr);   // and it is the tab shown
    }
}

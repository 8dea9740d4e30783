// The workshop block of a map: dot votes, the agenda step, the countdown timer, and the last
// merge's report and crowd curves. All of it is saved with the map and changes through commands,
// so it survives a reload and follows undo.
#include <catch2/catch.hpp>

#include <string>

#include "fixtures.hpp"
#include "i18n.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/workshop.hpp"

using namespace trayecto;
using Catch::Matchers::Contains;

namespace {

constexpr double kNow = 1'795'165'200'000.0;   // a moment in 2026, in ms since the epoch

Map reloaded(const Map& map) {
    auto loaded = loadMap(saveMap(map));
    INFO((loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
}

Map fixture(const std::string& name) {
    auto loaded = loadMap(test::readFixture("merge/" + name + ".json"));
    REQUIRE(loaded.ok());
    return loaded.value();
}

MergeResult mergedWorkshop() {
    auto result = mergeMaps(fixture("base"), {{"tables/ana.json", fixture("ana")},
                                              {"tables/ben.json", fixture("ben")},
                                              {"tables/carla.json", fixture("carla")}});
    REQUIRE(result.ok());
    return result.value();
}

// The first pain point of the map.
Id painPoint(const Map& map) {
    for (const Card& c : map.cards)
        if (c.kind == CardKind::PainPoint) return c.id;
    FAIL("no pain point");
    return {};
}

Document votingDocument(int votesPerPerson) {
    Document doc(exampleMap("es"));
    REQUIRE_FALSE(doc.execute(cmd::setVoting(doc.map(), true, votesPerPerson)));
    return doc;
}

}  // namespace

TEST_CASE("workshop: a map that never ran a workshop has no workshop block", "[workshop][format]") {
    CHECK(saveMap(exampleMap("en")).find("\"workshop\"") == std::string::npos);
    const auto loaded = loadMap(R"({"format": "trayecto-journey", "version": 1, "workshop": {}})");
    REQUIRE(loaded.ok());
    CHECK(saveMap(loaded.value()).find("\"workshop\"") == std::string::npos);
}

TEST_CASE("workshop: save and load keep the whole block", "[workshop][format]") {
    Map map = mergedWorkshop().map;
    Workshop& w = map.workshop;
    w.voting = true;
    w.votesPerPerson = 3;
    w.ballots["local"] = {"cd-app", "cd-app"};
    w.ballots["mesa-2"] = {"cd-web"};
    w.agendaStep = 3;
    w.timer.minutes = 15;
    w.timer.endsAt = kNow + 600'000;
    w.timer.remaining = 900;
    REQUIRE_FALSE(w.merge.conflicts.empty());
    w.merge.conflicts[0].chosen = 1;
    REQUIRE(checkInvariants(map).empty());

    const std::string text = saveMap(map);
    const Map back = reloaded(map);
    CHECK(saveMap(back) == text);
    const Workshop& b = back.workshop;
    CHECK(b.voting);
    CHECK(b.votesPerPerson == 3);
    CHECK(b.ballots == w.ballots);
    CHECK(b.agendaStep == 3);
    CHECK(b.timer.minutes == 15);
    CHECK(b.timer.endsAt == kNow + 600'000);
    CHECK(b.timer.remaining == 900);
    CHECK(b.merge.participants == w.merge.participants);
    CHECK(b.merge.added == w.merge.added);
    CHECK(b.merge.keptDeleted == w.merge.keptDeleted);
    REQUIRE(b.merge.conflicts.size() == w.merge.conflicts.size());
    CHECK(b.merge.conflicts[0].field == w.merge.conflicts[0].field);
    CHECK(b.merge.conflicts[0].baseValue == w.merge.conflicts[0].baseValue);
    CHECK(b.merge.conflicts[0].values[1].value == w.merge.conflicts[0].values[1].value);
    CHECK(b.merge.conflicts[0].chosen == 1);
    // The crowd's statistics are worked out again from the ratings kept in the file.
    REQUIRE(b.crowd.size() == w.crowd.size());
    const CrowdPoint& was = w.crowd[0].points[1];
    const CrowdPoint& is = b.crowd[0].points[1];
    CHECK(is.ratings == was.ratings);
    CHECK(is.n == was.n);
    CHECK(is.median == Approx(was.median));
    CHECK(is.q1 == Approx(was.q1));
    CHECK(is.max == Approx(was.max));
    CHECK(is.feelings == was.feelings);
}

TEST_CASE("workshop: reading refuses a broken block, saying where", "[workshop][format]") {
    const auto errorOf = [](const std::string& workshop) {
        const auto loaded =
            loadMap(R"({"format": "trayecto-journey", "version": 1, "workshop": )" + workshop + "}");
        REQUIRE_FALSE(loaded.ok());
        return app::describe(app::Lang::En, loaded.error());
    };
    CHECK(errorOf("[]") == "at /workshop: Expected an object here, but found a list.");
    CHECK(errorOf(R"({"votesPerPerson": 0})") ==
          "at /workshop/votesPerPerson: The votesPerPerson must be a whole number from 1 to 99, but it is 0.");
    CHECK(errorOf(R"({"agendaStep": 5})") ==
          "at /workshop/agendaStep: The agendaStep must be a whole number from 0 to 4, but it is 5.");
    CHECK(errorOf(R"({"ballots": {"local": "cd-1"}})") ==
          "at /workshop/ballots/local: Expected a list of card ids here, but found text.");
    CHECK(errorOf(R"({"ballots": {"": []}})") == "at /workshop/ballots/: A participant id must not be empty.");
    CHECK(errorOf(R"({"timer": {"minutes": 181}})") ==
          "at /workshop/timer/minutes: The minutes must be a whole number from 1 to 180, but it is 181.");
    CHECK(errorOf(R"({"crowd": [{"points": []}]})") ==
          "at /workshop/crowd/0/personaId: The crowd curve has no \"personaId\", which is required.");
    CHECK(errorOf(R"({"crowd": [{"personaId": "p", "points": [{"stageId": "s", "feelings": {"x": 0}}]}]})") ==
          "at /workshop/crowd/0/points/0/feelings/x: The count of \"x\" must be a whole number from 1 to "
          "1000000000, but it is 0.");
    CHECK(errorOf(R"({"merge": {"conflicts": [{"field": "text", "values": [{"participant": "A"}], "chosen": 1}]}})") ==
          "at /workshop/merge/conflicts/0/chosen: The conflict has 1 values, numbered from 0; there is no "
          "value 1 to choose.");
}

TEST_CASE("workshop: a vote changes the card and the voter's ballot in one command", "[workshop][commands]") {
    Document doc = votingDocument(2);
    const Id card = painPoint(doc.map());
    const int before = findCard(doc.map(), card)->votes;
    const std::size_t steps = doc.history().undoCount();

    REQUIRE_FALSE(doc.execute(cmd::vote(doc.map(), "ana", card, +1)));
    CHECK(findCard(doc.map(), card)->votes == before + 1);
    CHECK(doc.map().workshop.ballots.at("ana") == std::vector<Id>{card});
    CHECK(doc.history().undoCount() == steps + 1);
    CHECK(doc.history().undoName() == "Vote");

    REQUIRE(doc.undo());   // one undo takes back both
    CHECK(findCard(doc.map(), card)->votes == before);
    CHECK(doc.map().workshop.ballots.empty());
    REQUIRE(doc.redo());
    CHECK(votesCast(doc.map(), "ana") == 1);
}

TEST_CASE("workshop: each participant votes up to the allowance, and takes back only their own votes",
          "[workshop][commands]") {
    Document doc = votingDocument(2);
    const Id card = painPoint(doc.map());
    const int before = findCard(doc.map(), card)->votes;
    for (int i = 0; i < 2; ++i) REQUIRE_FALSE(doc.execute(cmd::vote(doc.map(), "ana", card, +1)));
    CHECK(votesLeft(doc.map(), "ana") == 0);
    CHECK(cmd::vote(doc.map(), "ana", card, +1).empty());   // allowance used
    CHECK_FALSE(cmd::vote(doc.map(), "ben", card, +1).empty());   // another participant
    CHECK(cmd::vote(doc.map(), "ben", card, -1).empty());   // nothing of Ben's to take back
    REQUIRE_FALSE(doc.execute(cmd::vote(doc.map(), "ana", card, -1)));
    CHECK(findCard(doc.map(), card)->votes == before + 1);
    CHECK(votesLeft(doc.map(), "ana") == 1);

    // Only pain points and opportunities take votes, and only while voting is on.
    for (const Card& c : doc.map().cards)
        if (c.kind == CardKind::Note) CHECK(cmd::vote(doc.map(), "ana", c.id, +1).empty());
    REQUIRE_FALSE(doc.execute(cmd::setVoting(doc.map(), false, 2)));
    CHECK(cmd::vote(doc.map(), "ana", card, +1).empty());

    // The allowance and the ballots come back with the file.
    const Map back = reloaded(doc.map());
    CHECK_FALSE(back.workshop.voting);
    CHECK(back.workshop.votesPerPerson == 2);
    CHECK(votesCast(back, "ana") == 1);
}

TEST_CASE("workshop: a vote for a card that is gone counts for nothing", "[workshop][commands]") {
    Document doc = votingDocument(1);
    const Id card = painPoint(doc.map());
    REQUIRE_FALSE(doc.execute(cmd::vote(doc.map(), "ana", card, +1)));
    CHECK(votesLeft(doc.map(), "ana") == 0);
    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {card})));
    CHECK(votesLeft(doc.map(), "ana") == 1);
    REQUIRE(doc.undo());
    CHECK(votesLeft(doc.map(), "ana") == 0);
}

TEST_CASE("workshop: a merge puts the map, its report and the crowd curves in place in one command",
          "[workshop][merge]") {
    Document doc(fixture("base"));
    const std::string base = saveMap(doc.map());
    const MergeResult result = mergedWorkshop();
    REQUIRE_FALSE(doc.execute(cmd::replaceMap(doc.map(), result.map, "Merge 3 participants")));
    const Workshop& w = doc.map().workshop;
    CHECK(w.merge.participants == result.participants);
    CHECK(w.merge.conflicts.size() == result.conflicts.size());
    CHECK(w.merge.added == static_cast<int>(result.added.size()));
    CHECK(w.crowd.size() == result.crowd.size());
    CHECK(checkInvariants(doc.map()).empty());

    REQUIRE(doc.undo());
    CHECK(doc.map().workshop.merge.empty());
    CHECK(doc.map().workshop.crowd.empty());
    CHECK(saveMap(doc.map()) == base);
}

TEST_CASE("workshop: resolving a conflict changes the value and the report in one command",
          "[workshop][merge]") {
    const Map merged = mergedWorkshop().map;
    Document doc(merged);
    const MergeConflict conflict = doc.map().workshop.merge.conflicts.at(0);
    const std::string provisional = findCard(merged, conflict.itemId)->text;
    REQUIRE(conflict.field == "text");
    REQUIRE_FALSE(conflict.chosen.has_value());

    const Command take = resolveMergeConflict(doc.map(), 0, 1);
    REQUIRE_FALSE(take.empty());
    CHECK(take.name == "Resolve conflict");
    REQUIRE_FALSE(doc.execute(take));
    CHECK(findCard(doc.map(), conflict.itemId)->text == "Alta por vídeo");
    CHECK(doc.map().workshop.merge.conflicts[0].chosen == 1);
    CHECK(resolveMergeConflict(doc.map(), 0, 1).empty());   // already chosen
    CHECK(resolveMergeConflict(doc.map(), 0, 9).empty());
    CHECK(resolveMergeConflict(doc.map(), 9, 0).empty());

    // The first value was the provisional choice: taking it back records the choice too.
    REQUIRE_FALSE(doc.execute(resolveMergeConflict(doc.map(), 0, 0)));
    CHECK(doc.map().workshop.merge.conflicts[0].chosen == 0);
    REQUIRE(doc.undo());
    REQUIRE(doc.undo());
    CHECK(findCard(doc.map(), conflict.itemId)->text == provisional);
    CHECK_FALSE(doc.map().workshop.merge.conflicts[0].chosen.has_value());
    CHECK(saveMap(doc.map()) == saveMap(merged));
}

TEST_CASE("workshop: the agenda step and the timer change through commands, and the time left comes "
          "from the clock", "[workshop][commands]") {
    Document doc(exampleMap("en"));
    REQUIRE_FALSE(doc.execute(cmd::setAgendaStep(doc.map(), 2)));
    CHECK(doc.map().workshop.agendaStep == 2);
    CHECK(cmd::setAgendaStep(doc.map(), 2).empty());
    REQUIRE_FALSE(doc.execute(cmd::setAgendaStep(doc.map(), 9)));
    CHECK(doc.map().workshop.agendaStep == kAgendaSteps - 1);

    REQUIRE_FALSE(doc.execute(cmd::setTimerMinutes(doc.map(), 2)));
    CHECK(timerRemaining(doc.map().workshop.timer, kNow) == 120);
    REQUIRE_FALSE(doc.execute(cmd::startTimer(doc.map(), kNow)));
    CHECK(doc.map().workshop.timer.running());
    CHECK(cmd::startTimer(doc.map(), kNow).empty());
    CHECK(timerRemaining(doc.map().workshop.timer, kNow + 30'000) == 90);    // it ticks by itself
    CHECK(timerRemaining(doc.map().workshop.timer, kNow + 500'000) == 0);    // never below zero
    REQUIRE_FALSE(doc.execute(cmd::pauseTimer(doc.map(), kNow + 45'000)));
    CHECK_FALSE(doc.map().workshop.timer.running());
    CHECK(timerRemaining(doc.map().workshop.timer, kNow + 999'000) == 75);   // held while paused
    REQUIRE_FALSE(doc.execute(cmd::startTimer(doc.map(), kNow + 60'000)));   // resumes from 75 s
    CHECK(timerRemaining(doc.map().workshop.timer, kNow + 60'000) == 75);
    REQUIRE_FALSE(doc.execute(cmd::resetTimer(doc.map())));
    CHECK_FALSE(doc.map().workshop.timer.running());
    CHECK(timerRemaining(doc.map().workshop.timer, kNow) == 120);
    CHECK(cmd::resetTimer(doc.map()).empty());

    REQUIRE(doc.undo());   // reset
    REQUIRE(doc.undo());   // start again
    CHECK(timerRemaining(doc.map().workshop.timer, kNow) == 75);
}

// Merging participants' maps: conflicts, votes, new and deleted items, id clashes, the crowd
// emotional curve, repairs and conflict resolution. Fixtures: tests/fixtures/merge/ (a base map
// and three participants' copies: Ana, Ben and an unsigned carla.json).
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/examples.hpp"
#include "i18n.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/workshop.hpp"

using namespace trayecto;
using Catch::Matchers::Contains;

namespace {

Map fixture(const std::string& name) {
    auto loaded = loadMap(test::readFixture("merge/" + name + ".json"));
    INFO(name << ": " << (loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
}

std::vector<MergeParticipant> workshop() {
    return {{"tables/ana.json", fixture("ana")},
            {"tables/ben.json", fixture("ben")},
            {"tables/carla.json", fixture("carla")}};
}

MergeResult merged(const Map& base, const std::vector<MergeParticipant>& participants) {
    auto result = mergeMaps(base, participants);
    INFO((result ? std::string() : result.error().debugText()));
    REQUIRE(result.ok());
    return result.value();
}

MergeResult mergedWorkshop() { return merged(fixture("base"), workshop()); }

std::vector<Id> cardIds(const Map& map) {
    std::vector<Id> ids;
    for (const Card& c : map.cards) ids.push_back(c.id);
    return ids;
}

const Card& card(const Map& map, const Id& id) {
    const Card* c = findCard(map, id);
    INFO("card " << id);
    REQUIRE(c != nullptr);
    return *c;
}

// The one emotion of (persona, stage) without a card; fails if there is not exactly one.
const Emotion& rating(const Map& map, const Id& persona, const Id& stage) {
    const Emotion* found = nullptr;
    int count = 0;
    for (const Emotion& e : map.emotions)
        if (e.personaId == persona && e.stageId == stage && !e.cardId) {
            found = &e;
            ++count;
        }
    INFO(persona << " at " << stage);
    REQUIRE(count == 1);
    return *found;
}

}  // namespace

TEST_CASE("merge: participants are labelled by author, else by file name", "[merge]") {
    const MergeResult r = mergedWorkshop();
    CHECK(r.participants == std::vector<std::string>{"Ana", "Ben", "carla.json"});

    Map base = fixture("base");
    std::vector<MergeParticipant> same = {{"", fixture("base")}, {"x/a.json", fixture("base")},
                                          {"y/a.json", fixture("base")}};
    CHECK(merged(base, same).participants ==
          std::vector<std::string>{"Participant 1", "a.json", "a.json (2)"});
}

TEST_CASE("merge: a participant who named themselves on saving is labelled by that name", "[merge]") {
    Map base = fixture("base");
    base.workshop.participant = "Facilitation";   // the facilitator saved the base under a name
    std::vector<MergeParticipant> files;
    for (const char* name : {"Dora", "", "Facilitation"}) {
        Map copy = fixture("base");
        copy.meta.author = "";
        copy.workshop.participant = name;   // set through the app when each one saved their file
        files.push_back({"downloads/Map.trayecto.json", copy});
    }
    // The name wins over the file name; a copy named as the base is not told apart by it.
    CHECK(merged(base, files).participants ==
          std::vector<std::string>{"Dora", "Map.trayecto.json", "Map.trayecto.json (2)"});

    Map map = fixture("base");
    const Command named = cmd::setParticipantName(map, "  Eva  ");
    REQUIRE_FALSE(named.empty());
    Document doc(map);
    REQUIRE_FALSE(doc.execute(named));
    CHECK(doc.map().workshop.participant == "Eva");
    CHECK(cmd::setParticipantName(doc.map(), "Eva").empty());   // no change, no step
    const auto back = loadMap(saveMap(doc.map()));
    REQUIRE(back.ok());
    CHECK(back.value().workshop.participant == "Eva");
    doc.undo();
    CHECK(doc.map().workshop.participant.empty());
}

TEST_CASE("merge: different edits of one field are a conflict with every value", "[merge]") {
    const MergeResult r = mergedWorkshop();
    REQUIRE(r.conflicts.size() == 1);
    const MergeConflict& c = r.conflicts[0];
    REQUIRE(c.collection.has_value());
    CHECK(*c.collection == Collection::Cards);
    CHECK(c.itemId == "cd-app");
    CHECK(c.itemText == "Alta en la app");
    CHECK(c.field == "text");
    CHECK(c.baseValue == "\"Alta en la app\"");
    REQUIRE(c.values.size() == 2);
    CHECK(c.values[0].participant == "Ana");
    CHECK(c.values[0].value == "\"Alta en la app móvil\"");
    CHECK(c.values[1].participant == "carla.json");
    CHECK(c.values[1].value == "\"Alta por vídeo\"");
    // The first participant's value is taken until the facilitator chooses.
    CHECK(card(r.map, "cd-app").text == "Alta en la app móvil");
}

TEST_CASE("merge: an edit by one participant is taken", "[merge]") {
    const MergeResult r = mergedWorkshop();
    CHECK(card(r.map, "cd-luz").improvement->impact == 5);          // Ana
    CHECK(card(r.map, "cd-app").touchpoint->experience == 3);       // carla
    CHECK(card(r.map, "cd-app").touchpoint->expectation == 5);      // nobody
    CHECK(findStage(r.map, "st-1")->name == "Descubrimiento");       // Ben
    // The map itself: the base's author stays, the latest modification time wins.
    CHECK(r.map.meta.author == "Facilitación CX");
    CHECK(r.map.meta.modified == "2026-11-22T10:40:00Z");
    CHECK(r.map.meta.title == "Taller: alta en la app");
}

TEST_CASE("merge: votes are summed as differences from the base, never below 0", "[merge]") {
    const MergeResult r = mergedWorkshop();
    CHECK(card(r.map, "cd-app").votes == 4);       // 2 + (5-2) + (1-2) + (2-2)
    CHECK(card(r.map, "cd-tarjeta").votes == 6);   // 3 + (6-3)
    CHECK(card(r.map, "cd-luz").votes == 0);       // 1 + 0 - 1 - 1 = -1, clamped
    CHECK(card(r.map, "cd-web").votes == 0);       // deleted by Ana: her copy adds nothing
    CHECK(card(r.map, "cd-ben-1").votes == 2);     // a new card keeps its own votes
    CHECK(card(r.map, "cd-ana-1").votes == 1);
}

TEST_CASE("merge: new items from every participant, in a stable order", "[merge]") {
    const MergeResult r = mergedWorkshop();
    // Ana put cd-ana-1 after cd-luz; Ben put cd-ben-1 there too (after Ana's) and cd-ben-2 at
    // the end; carla's card clashed with Ana's id and became cd-ana-1-2, after Ben's.
    CHECK(cardIds(r.map) == std::vector<Id>{"cd-app", "cd-web", "cd-luz", "cd-ana-1", "cd-ben-1",
                                            "cd-tarjeta", "cd-ben-2", "cd-ana-1-2"});
    CHECK(card(r.map, "cd-ana-1").text == "No encuentro el IBAN");
    CHECK(card(r.map, "cd-ana-1-2").text == "La tarjeta física tarda una semana");
    REQUIRE(r.map.stages.size() == 4);
    CHECK(r.map.stages[3].id == "st-ben");
    CHECK(card(r.map, "cd-ben-2").stageId == "st-ben");

    REQUIRE(r.renamed.size() == 1);
    CHECK(r.renamed[0].participant == "carla.json");
    CHECK(r.renamed[0].originalId == "cd-ana-1");
    CHECK(r.renamed[0].id == "cd-ana-1-2");
    // carla's emotion at her card follows the new id.
    const Emotion* e = findEmotion(r.map, "em-carla-4");
    REQUIRE(e != nullptr);
    CHECK(e->cardId == Id("cd-ana-1-2"));

    std::vector<std::string> added;
    for (const MergedItem& a : r.added) added.push_back(a.participant + ":" + a.id);
    CHECK(added == std::vector<std::string>{"Ben:st-ben", "Ana:cd-ana-1", "Ben:cd-ben-1",
                                            "Ben:cd-ben-2", "carla.json:cd-ana-1-2",
                                            "carla.json:em-carla-4", "Ana:em-ana-2",
                                            "Ana:em-ana-3"});
}

TEST_CASE("merge: an item a participant deleted is kept and reported", "[merge]") {
    const MergeResult r = mergedWorkshop();
    CHECK(findCard(r.map, "cd-web") != nullptr);
    REQUIRE(r.keptDeleted.size() == 1);
    CHECK(r.keptDeleted[0].participant == "Ana");
    CHECK(r.keptDeleted[0].collection == Collection::Cards);
    CHECK(r.keptDeleted[0].id == "cd-web");
    CHECK(r.keptDeleted[0].text == "Web del banco");
}

TEST_CASE("merge: crowd statistics by hand (odd, even, one, none)", "[merge][crowd]") {
    CrowdPoint odd;
    setCrowdStatistics(odd, {3, -1, 2, 0, -3});   // sorted -3 -1 0 2 3
    CHECK(odd.n == 5);
    CHECK(odd.ratings == std::vector<double>{3, -1, 2, 0, -3});   // as given
    CHECK(odd.median == Approx(0));
    CHECK(odd.min == Approx(-3));
    CHECK(odd.max == Approx(3));
    CHECK(odd.q1 == Approx(-1));    // position 0.25·4 = 1
    CHECK(odd.q3 == Approx(2));     // position 3
    CHECK(odd.interquartileRange() == Approx(3));

    CrowdPoint even;
    setCrowdStatistics(even, {1, -2, 3, 0});      // sorted -2 0 1 3
    CHECK(even.median == Approx(0.5));            // (0 + 1) / 2
    CHECK(even.q1 == Approx(-0.5));               // position 0.75: -2 + 0.75·2
    CHECK(even.q3 == Approx(1.5));                // position 2.25: 1 + 0.25·2
    CHECK(even.min == Approx(-2));
    CHECK(even.max == Approx(3));

    CrowdPoint one;
    setCrowdStatistics(one, {2});
    CHECK((one.median == 2 && one.q1 == 2 && one.q3 == 2 && one.min == 2 && one.max == 2));

    CrowdPoint none;
    setCrowdStatistics(none, {});
    CHECK_FALSE(none.rated());
    CHECK(none.median == 0);
}

TEST_CASE("merge: the participants' ratings make the crowd curve", "[merge][crowd]") {
    const MergeResult r = mergedWorkshop();
    REQUIRE(r.crowd.size() == 1);
    const CrowdCurve& curve = r.crowd[0];
    CHECK(curve.personaId == "pe-marta");
    REQUIRE(curve.points.size() == 4);

    const CrowdPoint& discover = curve.points[0];   // Ana 2, Ben 1 (kept the base), carla -1
    CHECK(discover.stageId == "st-1");
    CHECK(discover.ratings == std::vector<double>{2, 1, -1});
    CHECK(discover.median == Approx(1));
    CHECK(discover.q1 == Approx(0));
    CHECK(discover.q3 == Approx(1.5));
    CHECK(discover.feelings == std::vector<std::pair<std::string, int>>{{"curiosidad", 3}});

    const CrowdPoint& signup = curve.points[1];     // -2, -3, -1
    CHECK(signup.median == Approx(-2));
    CHECK(signup.q1 == Approx(-2.5));
    CHECK(signup.q3 == Approx(-1.5));
    CHECK(signup.min == Approx(-3));
    CHECK(signup.feelings ==
          std::vector<std::pair<std::string, int>>{{"frustración", 2}, {"enfado", 1}});

    const CrowdPoint& use = curve.points[2];        // Ana 1, carla 2 (Ben did not rate)
    CHECK(use.n == 2);
    CHECK(use.median == Approx(1.5));
    CHECK(use.q1 == Approx(1.25));
    CHECK(use.q3 == Approx(1.75));
    CHECK_FALSE(curve.points[3].rated());           // Ben's new stage: nobody rated it

    // The merged map holds the crowd: one rating per (persona, stage), the rounded median.
    CHECK(rating(r.map, "pe-marta", "st-1").id == "em-1");
    CHECK(rating(r.map, "pe-marta", "st-1").valence == 1);
    CHECK(rating(r.map, "pe-marta", "st-1").feeling == "curiosidad");
    const Emotion& signupRating = rating(r.map, "pe-marta", "st-2");
    CHECK(signupRating.id == "em-ana-2");            // the first participant's rating
    CHECK(signupRating.valence == -2);
    CHECK(signupRating.feeling == "frustración");    // the most named
    CHECK(signupRating.note == "Repite la foto tres veces.");
    const Emotion& useRating = rating(r.map, "pe-marta", "st-3");
    CHECK(useRating.valence == 2);                   // 1.5 rounded half away from zero
    CHECK(useRating.feeling == "satisfacción");      // a tie: the first named
    // The same statistics from the public function over the participants' maps.
    std::vector<Map> maps;
    for (const auto& p : workshop()) maps.push_back(p.map);
    const CrowdCurve again = crowdCurve(r.map, maps, "pe-marta");
    CHECK(again.points[1].median == Approx(-2));
    CHECK(again.points[2].n == 2);
}

TEST_CASE("merge: the merged map is sound, loads back and is deterministic", "[merge]") {
    const MergeResult r = mergedWorkshop();
    CHECK(checkInvariants(r.map).empty());
    const std::string text = saveMap(r.map);
    auto back = loadMap(text);
    REQUIRE(back.ok());
    CHECK(saveMap(back.value()) == text);
    CHECK(saveMap(mergedWorkshop().map) == text);
}

TEST_CASE("merge: with no participants the base comes back unchanged", "[merge]") {
    const Map base = fixture("base");
    const MergeResult r = merged(base, {});
    CHECK(saveMap(r.map) == saveMap(base));
    CHECK(r.conflicts.empty());
}

TEST_CASE("merge: identical new items are taken once", "[merge]") {
    const Map base = fixture("base");
    Map a = base, b = base;
    Card extra;
    extra.id = "cd-same";
    extra.stageId = "st-1";
    extra.laneId = "ln-dolor";
    extra.kind = CardKind::PainPoint;
    extra.text = "Igual en las dos copias";
    extra.improvement = ImprovementInfo{};
    a.cards.push_back(extra);
    b.cards.push_back(extra);
    const MergeResult r = merged(base, {{"a.json", a}, {"b.json", b}});
    const std::vector<Id> ids = cardIds(r.map);
    CHECK(std::count(ids.begin(), ids.end(), "cd-same") == 1);
    CHECK(r.map.cards.size() == base.cards.size() + 1);
    CHECK(r.renamed.empty());
}

TEST_CASE("merge: a card link that no longer holds is cleared and reported", "[merge]") {
    const Map base = fixture("base");
    Map mover = base, rater = base;
    // The first participant moves the pain point to the last stage...
    for (Card& c : mover.cards)
        if (c.id == "cd-luz") c.stageId = "st-3";
    // ...the second rates it where it was.
    rater.emotions.push_back(Emotion{"em-luz", "pe-marta", "st-2", Id("cd-luz"), -3, "rabia", "", {}});
    const MergeResult r = merged(base, {{"mover.json", mover}, {"rater.json", rater}});
    CHECK(card(r.map, "cd-luz").stageId == "st-3");
    const Emotion* e = findEmotion(r.map, "em-luz");
    REQUIRE(e != nullptr);
    CHECK_FALSE(e->cardId.has_value());
    REQUIRE(r.unlinked.size() == 1);
    CHECK(r.unlinked[0].participant == "rater.json");
    CHECK(r.unlinked[0].id == "em-luz");
    CHECK_THAT(r.unlinked[0].reason, Contains("another stage"));
    CHECK(r.dropped.empty());
    CHECK(checkInvariants(r.map).empty());
}

TEST_CASE("merge: a kind change keeps only the detail block of the merged kind", "[merge]") {
    const Map base = fixture("base");
    Map noter = base, editor = base;
    for (Card& c : noter.cards)
        if (c.id == "cd-web") {
            c.kind = CardKind::Note;
            conformDetailsToKind(c);
        }
    for (Card& c : editor.cards)
        if (c.id == "cd-web") c.touchpoint->channel = Channel::Email;
    const MergeResult r = merged(base, {{"noter.json", noter}, {"editor.json", editor}});
    CHECK(card(r.map, "cd-web").kind == CardKind::Note);
    CHECK_FALSE(card(r.map, "cd-web").touchpoint.has_value());
    REQUIRE(r.conflicts.size() == 1);   // the channel: removed by one, changed by the other
    CHECK(r.conflicts[0].field == "touchpoint/channel");
    CHECK(r.conflicts[0].values[0].value == "null");
    CHECK(r.conflicts[0].values[1].value == "\"email\"");
    CHECK(checkInvariants(r.map).empty());
}

TEST_CASE("merge: choosing a value for a conflict", "[merge]") {
    const MergeResult r = mergedWorkshop();
    const MergeConflict& c = r.conflicts.at(0);

    auto chosen = applyConflictValue(r.map, c, c.values[1].value);
    REQUIRE(chosen.ok());
    CHECK(card(chosen.value(), "cd-app").text == "Alta por vídeo");
    auto restored = applyConflictValue(r.map, c, c.baseValue);
    REQUIRE(restored.ok());
    CHECK(card(restored.value(), "cd-app").text == "Alta en la app");

    // As an undoable command.
    Document doc(r.map);
    const Command command = resolveConflictCommand(doc.map(), c, c.values[1].value);
    REQUIRE_FALSE(command.empty());
    REQUIRE_FALSE(doc.execute(command).has_value());
    CHECK(card(doc.map(), "cd-app").text == "Alta por vídeo");
    CHECK(card(doc.map(), "cd-app").votes == 4);   // the rest of the card is untouched
    REQUIRE(doc.undo());
    CHECK(card(doc.map(), "cd-app").text == "Alta en la app móvil");

    // Values that cannot be applied are errors, and leave nothing half done.
    CHECK_FALSE(applyConflictValue(r.map, c, "not json").ok());
    MergeConflict score = c;
    score.field = "touchpoint/expectation";
    CHECK_FALSE(applyConflictValue(r.map, score, "9").ok());
    CHECK(resolveConflictCommand(r.map, score, "9").empty());
    MergeConflict gone = c;
    gone.itemId = "cd-nope";
    CHECK_FALSE(applyConflictValue(r.map, gone, "\"x\"").ok());
    MergeConflict stage = c;
    stage.field = "stageId";
    auto homeless = applyConflictValue(r.map, stage, "\"st-nope\"");
    REQUIRE_FALSE(homeless.ok());
    CHECK_THAT(app::errorMessage(app::Lang::En, homeless.error()), Contains("stage"));
}

TEST_CASE("merge: conflicts on the map's own fields", "[merge]") {
    const Map base = fixture("base");
    Map a = base, b = base;
    a.meta.title = "Taller del martes";
    b.meta.title = "Taller de onboarding";
    const MergeResult r = merged(base, {{"a.json", a}, {"b.json", b}});
    REQUIRE(r.conflicts.size() == 1);
    CHECK_FALSE(r.conflicts[0].collection.has_value());
    CHECK(r.conflicts[0].field == "meta/title");
    CHECK(r.map.meta.title == "Taller del martes");
    Document doc(r.map);
    REQUIRE_FALSE(doc.execute(resolveConflictCommand(doc.map(), r.conflicts[0],
                                                     r.conflicts[0].values[1].value))
                      .has_value());
    CHECK(doc.map().meta.title == "Taller de onboarding");
}

// Seen by a new user: the facilitator voted after handing out the map; a participant voted in
// her copy; the merge took the facilitator's votes away (her copy showed 0 where the facilitator
// had voted) and counted a card both voted for once. Every browser votes as "local": the votes
// a copy holds beyond what it shares with the base's ballot are the participant's, added in her name.
TEST_CASE("merge: votes cast in a copy are added to the facilitator's, whatever was voted after the hand-out", "[merge]") {
    Map handout = exampleMap("es");
    auto run = [](Map& m, const Command& c) { REQUIRE(applyCommand(m, c).ok); };
    run(handout, cmd::setVoting(handout, true, 5));
    std::vector<Id> voteable;
    for (const Card& c : handout.cards)
        if (c.kind == CardKind::PainPoint || c.kind == CardKind::Opportunity) voteable.push_back(c.id);
    REQUIRE(voteable.size() >= 3);
    const Id a = voteable[0], b = voteable[1], c = voteable[2];
    auto votesOf = [](const Map& m, const Id& id) { return findCard(m, id)->votes; };
    const int a0 = votesOf(handout, a), b0 = votesOf(handout, b), c0 = votesOf(handout, c);

    Map facilitator = handout;   // votes a and b after handing out the file
    run(facilitator, cmd::vote(facilitator, "local", a, 1));
    run(facilitator, cmd::vote(facilitator, "local", b, 1));
    Map bea = handout;           // votes b and c in her copy
    run(bea, cmd::vote(bea, "local", b, 1));
    run(bea, cmd::vote(bea, "local", c, 1));
    run(bea, cmd::setParticipantName(bea, "Bea"));

    auto merged = mergeMaps(facilitator, {MergeParticipant{"Taller - Bea.trayecto.json", bea}});
    REQUIRE(merged);
    const Map& m = merged.value().map;
    CHECK(votesOf(m, a) == a0 + 1);   // the facilitator's vote stays
    CHECK(votesOf(m, b) == b0 + 2);   // both votes count
    CHECK(votesOf(m, c) == c0 + 1);
    CHECK(m.workshop.ballots.at("local") == std::vector<Id>{a, b});
    CHECK(m.workshop.ballots.at("Bea") == std::vector<Id>{b, c});
    CHECK(checkInvariants(m).empty());

    // Her file merged again (by mistake, or with another's): her votes are not counted twice.
    auto again = mergeMaps(m, {MergeParticipant{"Taller - Bea.trayecto.json", bea}});
    REQUIRE(again);
    CHECK(votesOf(again.value().map, b) == b0 + 2);
    CHECK(votesOf(again.value().map, c) == c0 + 1);
}

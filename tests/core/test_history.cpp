// History (named steps, groups, redo tail, limit) and Document (revision counter).
#include <catch2/catch.hpp>

#include "trayecto/commands.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;

namespace {

// Two stages, one lane, one persona, cards a1 a2 a3 in (s1, l1).
Map smallJourney() {
    Map m;
    m.meta.title = "Mapa";
    Persona p;
    p.id = "p1";
    p.name = "Ana";
    m.personas.push_back(p);
    for (const char* id : {"s1", "s2"}) {
        Stage s;
        s.id = id;
        s.name = std::string("Etapa ") + id;
        m.stages.push_back(s);
    }
    Lane l;
    l.id = "l1";
    l.type = LaneType::Actions;
    m.lanes.push_back(l);
    for (const char* id : {"a1", "a2", "a3"}) {
        Card c;
        c.id = id;
        c.stageId = "s1";
        c.laneId = "l1";
        c.text = id;
        m.cards.push_back(c);
    }
    return m;
}

std::vector<Id> cell(const Map& m, const Id& stageId, const Id& laneId) {
    std::vector<Id> ids;
    for (const Card& c : m.cards)
        if (c.stageId == stageId && c.laneId == laneId) ids.push_back(c.id);
    return ids;
}

Command renameStage(const Map& m, const Id& id, std::string name) {
    Stage s = *findStage(m, id);
    s.name = std::move(name);
    return cmd::replace(m, Item{s}, "Rename stage");
}

}  // namespace

TEST_CASE("History executes, undoes and redoes named steps", "[history]") {
    Map map = smallJourney();
    const std::string start = saveMap(map);
    History h;
    CHECK_FALSE(h.canUndo());
    CHECK_FALSE(h.canRedo());
    CHECK(h.undoName().empty());
    CHECK_FALSE(h.undo(map));
    CHECK_FALSE(h.redo(map));

    REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "Descubrimiento")));
    const std::string afterRename = saveMap(map);
    REQUIRE_FALSE(h.execute(map, cmd::removeCards(map, {"a2"})));
    const std::string afterRemove = saveMap(map);
    CHECK(h.undoCount() == 2);
    CHECK(h.undoName() == "Remove card");

    REQUIRE(h.undo(map));
    CHECK(saveMap(map) == afterRename);
    CHECK(h.undoName() == "Rename stage");
    CHECK(h.redoName() == "Remove card");
    REQUIRE(h.undo(map));
    CHECK(saveMap(map) == start);
    CHECK_FALSE(h.canUndo());
    CHECK(h.redoCount() == 2);
    CHECK_FALSE(h.undo(map));

    REQUIRE(h.redo(map));
    CHECK(saveMap(map) == afterRename);
    REQUIRE(h.redo(map));
    CHECK(saveMap(map) == afterRemove);
    CHECK_FALSE(h.canRedo());
    CHECK(h.redoName().empty());

    // Undo and redo repeatedly stay exact.
    for (int i = 0; i < 3; ++i) {
        REQUIRE(h.undo(map));
        REQUIRE(h.undo(map));
        CHECK(saveMap(map) == start);
        REQUIRE(h.redo(map));
        REQUIRE(h.redo(map));
        CHECK(saveMap(map) == afterRemove);
    }
}

TEST_CASE("a new step clears the redo tail", "[history]") {
    Map map = smallJourney();
    History h;
    REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "Uno")));
    REQUIRE_FALSE(h.execute(map, renameStage(map, "s2", "Dos")));
    REQUIRE(h.undo(map));
    CHECK(h.canRedo());
    REQUIRE_FALSE(h.execute(map, cmd::removeCards(map, {"a1"})));
    CHECK_FALSE(h.canRedo());
    CHECK(h.redoCount() == 0);
    CHECK_FALSE(h.redo(map));
    CHECK(findStage(map, "s2")->name == "Etapa s2");

    SECTION("an empty command is no step and keeps the redo tail") {
        REQUIRE(h.undo(map));
        CHECK_FALSE(h.execute(map, Command{}));
        CHECK(h.redoCount() == 1);
        CHECK(h.undoCount() == 1);
    }
}

TEST_CASE("a failed command leaves map and history unchanged", "[history]") {
    Map map = smallJourney();
    History h;
    REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "Uno")));
    REQUIRE_FALSE(h.execute(map, renameStage(map, "s2", "Dos")));
    REQUIRE(h.undo(map));
    const std::string before = saveMap(map);

    Card dup = *findCard(map, "a1");
    Command bad{"Add card", {edit::Insert{Item{dup}, -1}}};   // duplicate id
    std::optional<std::string> error = h.execute(map, bad);
    REQUIRE(error);
    CHECK_THAT(*error, Catch::Contains("a1"));
    // A command whose first edits succeed and a later one fails.
    Command partly = cmd::batch("Two", {cmd::removeCards(map, {"a3"}), cmd::removeCards(map, {"a3"})});
    CHECK(h.execute(map, partly));
    CHECK(saveMap(map) == before);
    CHECK(h.undoCount() == 1);
    CHECK(h.redoCount() == 1);
    CHECK(h.undoName() == "Rename stage");
    CHECK(h.redoName() == "Rename stage");

    SECTION("also inside a group") {
        h.beginGroup("Drag");
        CHECK(h.execute(map, bad));
        h.endGroup();
        CHECK(h.undoCount() == 1);
        CHECK(h.redoCount() == 1);
        CHECK(saveMap(map) == before);
    }
}

TEST_CASE("one drag of many moves is one undo step", "[history][group]") {
    Map map = smallJourney();
    const std::string start = saveMap(map);
    History h;
    h.beginGroup("Move card");
    // The pointer passes over several cells; each frame executes a move.
    REQUIRE_FALSE(h.execute(map, cmd::moveCards(map, {"a1"}, "s1", "l1", 1)));
    REQUIRE_FALSE(h.execute(map, cmd::moveCards(map, {"a1"}, "s1", "l1", 2)));
    REQUIRE_FALSE(h.execute(map, cmd::moveCards(map, {"a1"}, "s2", "l1", 0)));
    REQUIRE_FALSE(h.execute(map, cmd::moveCards(map, {"a1"}, "s1", "l1", 1)));
    REQUIRE_FALSE(h.execute(map, cmd::moveCards(map, {"a1"}, "s2", "l1", 0)));
    CHECK(h.inGroup());
    CHECK_FALSE(h.canUndo());   // refused while the drag is open
    CHECK_FALSE(h.undo(map));
    h.endGroup();
    const std::string end = saveMap(map);
    CHECK(cell(map, "s2", "l1") == std::vector<Id>{"a1"});
    CHECK(h.undoCount() == 1);
    CHECK(h.undoName() == "Move card");
    REQUIRE(h.undo(map));
    CHECK(saveMap(map) == start);
    CHECK_FALSE(h.canUndo());
    REQUIRE(h.redo(map));
    CHECK(saveMap(map) == end);
}

TEST_CASE("groups nest and are named by the outermost", "[history][group]") {
    Map map = smallJourney();
    const std::string start = saveMap(map);
    History h;
    REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "Uno")));
    REQUIRE(h.undo(map));
    REQUIRE(h.canRedo());

    h.beginGroup("Reorganise");
    REQUIRE_FALSE(h.execute(map, renameStage(map, "s2", "Dos")));
    CHECK_FALSE(h.canRedo());   // the group's first step cleared the redo tail
    h.beginGroup("Inner");
    REQUIRE_FALSE(h.execute(map, cmd::removeCards(map, {"a2"})));
    h.beginGroup("Innermost");
    h.endGroup();
    REQUIRE_FALSE(h.execute(map, cmd::duplicateCards(map, {"a3"})));
    h.endGroup();
    CHECK(h.inGroup());
    CHECK_FALSE(h.redo(map));
    h.endGroup();
    CHECK_FALSE(h.inGroup());
    CHECK(h.undoCount() == 1);
    CHECK(h.undoName() == "Reorganise");
    REQUIRE(h.undo(map));
    CHECK(saveMap(map) == start);
    CHECK(h.redoName() == "Reorganise");

    SECTION("an empty group adds no step and keeps the redo tail") {
        h.beginGroup("Nothing");
        h.beginGroup("Still nothing");
        CHECK_FALSE(h.execute(map, cmd::moveCards(map, {"a1"}, "s1", "l1", 0)));   // empty: a1 is first
        h.endGroup();
        h.endGroup();
        CHECK(h.undoCount() == 0);
        CHECK(h.redoCount() == 1);
        CHECK(h.redoName() == "Reorganise");
    }
    SECTION("a stray endGroup is ignored") {
        h.endGroup();
        CHECK_FALSE(h.inGroup());
        REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "Tres")));
        CHECK(h.undoName() == "Rename stage");
    }
}

TEST_CASE("History keeps at most `limit` steps", "[history]") {
    Map map = smallJourney();
    History h;
    h.limit = 3;
    std::vector<std::string> states{saveMap(map)};
    for (int i = 0; i < 5; ++i) {
        REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "Nombre " + std::to_string(i))));
        states.push_back(saveMap(map));
    }
    CHECK(h.undoCount() == 3);
    while (h.undo(map)) {}
    CHECK(saveMap(map) == states[2]);   // the two oldest steps were dropped
    CHECK(h.redoCount() == 3);

    SECTION("clear forgets every step") {
        h.clear();
        CHECK(h.redoCount() == 0);
        CHECK(h.undoCount() == 0);
    }
    SECTION("an open group is kept even beyond the limit") {
        h.limit = 0;
        h.beginGroup("Typing");
        REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "N")));
        REQUIRE_FALSE(h.execute(map, renameStage(map, "s1", "Ne")));
        h.endGroup();
        CHECK(h.undoCount() == 1);
        REQUIRE(h.undo(map));
        CHECK(saveMap(map) == states[2]);
    }
}

TEST_CASE("Document revision bumps on every change and only then", "[history][document]") {
    Document doc(smallJourney());
    const std::string start = saveMap(doc.map());
    CHECK(doc.revision() == 0);

    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {"a1"})));
    CHECK(doc.revision() == 1);
    CHECK_FALSE(doc.execute(Command{}));   // empty: no change
    CHECK(doc.revision() == 1);
    Card dup = *findCard(doc.map(), "a2");
    CHECK(doc.execute(Command{"Bad", {edit::Insert{Item{dup}, -1}}}));   // fails
    CHECK(doc.revision() == 1);

    REQUIRE(doc.undo());
    CHECK(doc.revision() == 2);
    CHECK(saveMap(doc.map()) == start);
    CHECK_FALSE(doc.undo());   // nothing to undo
    CHECK(doc.revision() == 2);
    REQUIRE(doc.redo());
    CHECK(doc.revision() == 3);
    CHECK_FALSE(doc.redo());
    CHECK(doc.revision() == 3);

    doc.history().beginGroup("Drag");
    REQUIRE_FALSE(doc.execute(cmd::moveCards(doc.map(), {"a3"}, "s2", "l1")));
    CHECK(doc.revision() == 4);
    CHECK_FALSE(doc.undo());   // refused inside a group
    CHECK(doc.revision() == 4);
    doc.history().endGroup();

    Map other = smallJourney();
    other.meta.title = "Otro";
    doc.reset(other);
    CHECK(doc.revision() == 5);
    CHECK(doc.map().meta.title == "Otro");
    CHECK_FALSE(doc.history().canUndo());
    CHECK_FALSE(doc.history().canRedo());
}

TEST_CASE("a read-only document refuses commands, undo and redo, but can be reset") {
    using namespace trayecto;
    Document doc(exampleMap("en"));
    const Card first = doc.map().cards.front();
    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {first.id})).has_value());
    doc.setReadOnly(true);
    const std::uint64_t revision = doc.revision();
    const std::string before = saveMap(doc.map());
    CHECK(doc.execute(cmd::removeCards(doc.map(), {doc.map().cards.front().id})).value() == "The map is read-only.");
    CHECK_FALSE(doc.undo());
    CHECK_FALSE(doc.redo());
    CHECK(saveMap(doc.map()) == before);
    CHECK(doc.revision() == revision);
    doc.reset(blankMap("es"));
    CHECK(doc.map().cards.empty());
    doc.setReadOnly(false);
    CHECK(doc.execute(cmd::setMeta(doc.map(), MapMeta{})) == std::nullopt);
}

TEST_CASE("commands with one merge key make one undo step (one text-field visit)", "[history][document]") {
    Document doc(smallJourney());
    const std::string start = saveMap(doc.map());
    auto typed = [&](const std::string& text, const std::string& key) {
        Card c = *findCard(doc.map(), "a1");
        c.text = text;
        REQUIRE_FALSE(doc.execute(cmd::replace(doc.map(), c, "Edit card text"), key));
    };
    typed("a", "visit-1");
    typed("ab", "visit-1");
    typed("abc", "visit-1");
    CHECK(doc.history().undoCount() == 1);
    CHECK(doc.revision() == 3);              // every key is in the document at once
    CHECK(findCard(doc.map(), "a1")->text == "abc");
    typed("abcd", "visit-2");                // the next visit: a step of its own
    CHECK(doc.history().undoCount() == 2);
    REQUIRE(doc.undo());
    CHECK(findCard(doc.map(), "a1")->text == "abc");
    REQUIRE(doc.undo());
    CHECK(saveMap(doc.map()) == start);
    // A step in between ends the merge: the same key then starts a new step.
    typed("x", "visit-3");
    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {"a3"})));
    typed("xy", "visit-3");
    CHECK(doc.history().undoCount() == 3);
    // Undo, then typing again with the key of the undone step: a new step, not joined to older ones.
    REQUIRE(doc.undo());
    typed("xyz", "visit-3");
    CHECK(doc.history().undoCount() == 3);
    REQUIRE(doc.undo());
    CHECK(findCard(doc.map(), "a1")->text == "x");
}

TEST_CASE("withdrawing a visit (a new card left with Escape) leaves no card and no step to undo or redo", "[history][document]") {
    Document doc(smallJourney());
    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {"a3"})));   // an earlier step, kept
    const std::string before = saveMap(doc.map());
    Card c;
    c.id = "new";
    c.stageId = "s2";
    c.laneId = "l1";
    REQUIRE_FALSE(doc.execute(cmd::addCard(doc.map(), c), "visit-new"));
    c.text = "typed";
    REQUIRE_FALSE(doc.execute(cmd::replace(doc.map(), c, "Edit card text"), "visit-new"));
    CHECK_FALSE(doc.withdraw("visit-other"));   // not the newest step's key: nothing happens
    CHECK(findCard(doc.map(), "new") != nullptr);
    const auto revision = doc.revision();
    REQUIRE(doc.withdraw("visit-new"));
    CHECK(saveMap(doc.map()) == before);
    CHECK(doc.revision() == revision + 1);
    CHECK(doc.lastCause() == ChangeCause::Edit);   // this user's change: kept and sent like an edit
    CHECK(doc.history().undoCount() == 1);
    CHECK(doc.history().redoCount() == 0);
    CHECK_FALSE(doc.withdraw("visit-new"));        // once
    REQUIRE(doc.undo());                           // the earlier step is still there
    CHECK(findCard(doc.map(), "a3") != nullptr);
}

TEST_CASE("clean marks answer whether the map is kept, and only user changes make it unclean", "[history][document]") {
    Document doc(smallJourney());
    CHECK_FALSE(doc.isClean(Keeper::Browser));   // never written anywhere
    CHECK_FALSE(doc.hasCleanMark(Keeper::File));
    doc.markClean(Keeper::Browser);
    CHECK(doc.isClean(Keeper::Browser));
    CHECK_FALSE(doc.isClean(Keeper::File));

    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {"a1"})));
    CHECK(doc.lastCause() == ChangeCause::Edit);
    CHECK_FALSE(doc.isClean(Keeper::Browser));
    const std::uint64_t written = doc.revision();        // a save of this revision starts...
    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {"a2"})));
    doc.markClean(Keeper::Browser, written);              // ...and finishes after another edit
    CHECK_FALSE(doc.isClean(Keeper::Browser));
    doc.markClean(Keeper::Browser);
    doc.markClean(Keeper::File);
    REQUIRE(doc.undo());
    CHECK(doc.lastCause() == ChangeCause::Undo);
    CHECK_FALSE(doc.isClean(Keeper::Browser));
    CHECK(doc.hasCleanMark(Keeper::File));
    REQUIRE(doc.redo());
    CHECK(doc.lastCause() == ChangeCause::Redo);

    doc.reset(smallJourney(), ChangeCause::OtherTab);
    CHECK(doc.lastCause() == ChangeCause::OtherTab);
    CHECK_FALSE(isUserChange(doc.lastCause()));
    CHECK_FALSE(doc.hasCleanMark(Keeper::Browser));       // the opener says where it is kept
    CHECK_FALSE(doc.hasCleanMark(Keeper::File));
}

TEST_CASE("with a clock, an edit stamps meta.modified in its own undo step", "[history][document]") {
    Document doc(smallJourney());
    doc.map();
    std::string now = "2026-11-28T09:00:00Z";
    doc.clock = [&] { return now; };
    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {"a1"})));
    CHECK(doc.map().meta.modified == "2026-11-28T09:00:00Z");
    CHECK(doc.history().undoCount() == 1);
    now = "2026-11-28T10:30:00Z";
    Card c = *findCard(doc.map(), "a2");
    c.text = "nuevo";
    REQUIRE_FALSE(doc.execute(cmd::replace(doc.map(), c), "k"));
    CHECK(doc.map().meta.modified == "2026-11-28T10:30:00Z");
    CHECK(doc.history().undoCount() == 2);
    REQUIRE(doc.undo());
    CHECK(doc.map().meta.modified == "2026-11-28T09:00:00Z");
    CHECK(findCard(doc.map(), "a2")->text == "a2");
    REQUIRE(doc.undo());
    CHECK(doc.map().meta.modified.empty());
    CHECK(doc.map().cards.size() == 3);
}

TEST_CASE("a room's snapshot previewed: shown and read-only, and the map, history and clean marks before it come back", "[history][document]") {
    Document doc(smallJourney());
    REQUIRE_FALSE(doc.execute(cmd::removeCards(doc.map(), {"a1"})));
    doc.markClean(Keeper::File);
    const std::string before = saveMap(doc.map());
    Map room = smallJourney();
    room.meta.title = "The room's map";

    doc.preview(room);
    CHECK(doc.previewing());
    CHECK(doc.map().meta.title == "The room's map");
    CHECK(doc.lastCause() == ChangeCause::Remote);
    CHECK(doc.readOnly());
    CHECK(doc.execute(cmd::removeCards(doc.map(), {"a2"})).has_value());   // refused
    CHECK_FALSE(doc.undo());
    CHECK(doc.map().cards.size() == room.cards.size());

    const std::uint64_t shown = doc.revision();
    doc.endPreview();   // the join failed
    CHECK_FALSE(doc.previewing());
    CHECK(doc.revision() > shown);
    CHECK_FALSE(doc.readOnly());
    CHECK(saveMap(doc.map()) == before);
    CHECK(doc.hasCleanMark(Keeper::File));
    REQUIRE(doc.undo());   // the history is the map's own
    CHECK(doc.map().cards.size() == room.cards.size());

    doc.preview(room);
    doc.reset(room, ChangeCause::Remote);   // the join succeeded: the room's map replaces both
    CHECK_FALSE(doc.previewing());
    CHECK_FALSE(doc.readOnly());
    CHECK(saveMap(doc.map()) == saveMap(room));
}

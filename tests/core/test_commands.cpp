// applyCommand and the cmd:: builders: effects, cascades, and exact undo.
#include <catch2/catch.hpp>

#include "trayecto/commands.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/examples.hpp"

using namespace trayecto;

namespace {

// Three stages, three lanes, two personas; the (awareness, actions) cell holds c1, c3, c7.
Map sampleJourney() {
    Map m;
    m.meta.title = "Compra online";
    m.meta.language = "es";
    auto persona = [&](Id id, std::string name) {
        Persona p;
        p.id = std::move(id);
        p.name = std::move(name);
        m.personas.push_back(p);
    };
    persona("p-ana", "Ana");
    persona("p-ben", "Ben");
    auto stage = [&](Id id, std::string name, Phase phase) {
        Stage s;
        s.id = std::move(id);
        s.name = std::move(name);
        s.phase = phase;
        m.stages.push_back(s);
    };
    stage("s-aware", "Descubrimiento", Phase::PrePurchase);
    stage("s-buy", "Compra", Phase::Purchase);
    stage("s-use", "Uso", Phase::PostPurchase);
    auto lane = [&](Id id, std::string name, LaneType type) {
        Lane l;
        l.id = std::move(id);
        l.name = std::move(name);
        l.type = type;
        m.lanes.push_back(l);
    };
    lane("l-act", "Acciones", LaneType::Actions);
    lane("l-tp", "Puntos de contacto", LaneType::Touchpoints);
    lane("l-pain", "Puntos de dolor", LaneType::PainPoints);
    auto card = [&](Id id, Id stageId, Id laneId, CardKind kind, std::vector<Id> personas = {}) {
        Card c;
        c.id = std::move(id);
        c.stageId = std::move(stageId);
        c.laneId = std::move(laneId);
        c.kind = kind;
        c.text = "card " + c.id;
        c.personaIds = std::move(personas);
        conformDetailsToKind(c);
        m.cards.push_back(c);
    };
    card("c1", "s-aware", "l-act", CardKind::Note);
    card("c2", "s-aware", "l-tp", CardKind::Touchpoint, {"p-ana"});
    card("c3", "s-aware", "l-act", CardKind::Note);
    card("c4", "s-buy", "l-act", CardKind::Note);
    card("c5", "s-buy", "l-tp", CardKind::Touchpoint, {"p-ana", "p-ben"});
    card("c6", "s-buy", "l-pain", CardKind::PainPoint, {"p-ben"});
    card("c7", "s-aware", "l-act", CardKind::Note);
    auto emotion = [&](Id id, Id personaId, Id stageId, std::optional<Id> cardId, int valence) {
        Emotion e;
        e.id = std::move(id);
        e.personaId = std::move(personaId);
        e.stageId = std::move(stageId);
        e.cardId = std::move(cardId);
        e.valence = valence;
        m.emotions.push_back(e);
    };
    emotion("e1", "p-ana", "s-aware", std::nullopt, 1);
    emotion("e2", "p-ana", "s-buy", Id("c5"), -2);
    emotion("e3", "p-ben", "s-buy", std::nullopt, 2);
    emotion("e4", "p-ben", "s-aware", Id("c2"), 0);
    MomentOfTruth m1;
    m1.id = "m1";
    m1.name = "Pago";
    m1.stageId = "s-buy";
    m1.cardId = "c5";
    MomentOfTruth m2;
    m2.id = "m2";
    m2.name = "Primer uso";
    m2.type = MotType::Second;
    m2.stageId = "s-use";
    m.moments = {m1, m2};
    return m;
}

// The ids of one cell's cards, in cell order.
std::vector<Id> cell(const Map& m, const Id& stageId, const Id& laneId) {
    std::vector<Id> ids;
    for (const Card& c : m.cards)
        if (c.stageId == stageId && c.laneId == laneId) ids.push_back(c.id);
    return ids;
}

template <typename T>
std::vector<Id> idsOf(const std::vector<T>& items) {
    std::vector<Id> ids;
    for (const T& x : items) ids.push_back(x.id);
    return ids;
}

// Applies the command to a copy of `before`, checks the result is sound, that the inverse
// restores `before` byte for byte and that re-applying gives the same result again.
Map applyAndCheckUndo(const Map& before, const Command& command) {
    REQUIRE_FALSE(command.empty());
    Map after = before;
    ApplyOutcome done = applyCommand(after, command);
    REQUIRE(done.ok);
    CHECK(done.error.empty());
    CHECK(done.inverse.name == command.name);
    CHECK(checkInvariants(after).empty());
    const std::string afterText = saveMap(after);
    Map undone = after;
    ApplyOutcome undo = applyCommand(undone, done.inverse);
    REQUIRE(undo.ok);
    CHECK(saveMap(undone) == saveMap(before));
    ApplyOutcome redo = applyCommand(undone, undo.inverse);
    REQUIRE(redo.ok);
    CHECK(saveMap(undone) == afterText);
    return after;
}

}  // namespace

TEST_CASE("the sample journey is sound", "[commands]") {
    CHECK(checkInvariants(sampleJourney()).empty());
}

TEST_CASE("collectionOf and idOf name an item's collection and id", "[commands]") {
    Card c;
    c.id = "c9";
    CHECK(collectionOf(Item{c}) == Collection::Cards);
    CHECK(idOf(Item{c}) == "c9");
    CHECK(collectionOf(Item{Persona{}}) == Collection::Personas);
    CHECK(collectionOf(Item{Stage{}}) == Collection::Stages);
    CHECK(collectionOf(Item{Lane{}}) == Collection::Lanes);
    CHECK(collectionOf(Item{Emotion{}}) == Collection::Emotions);
    CHECK(collectionOf(Item{MomentOfTruth{}}) == Collection::Moments);
}

TEST_CASE("applyCommand applies primitive edits and returns their inverse", "[commands][apply]") {
    const Map before = sampleJourney();
    Stage extra;
    extra.id = "s-new";
    extra.name = "Lealtad";
    Persona renamed = before.personas[1];
    renamed.name = "Benito";
    MapMeta meta = before.meta;
    meta.title = "Otro";
    Command command{"Mixed", {edit::Insert{Item{extra}, 1}, edit::Erase{Collection::Moments, "m2"},
                              edit::Replace{Item{renamed}}, edit::Move{Collection::Cards, "c7", 0},
                              edit::SetMeta{meta}}};
    Map after = applyAndCheckUndo(before, command);
    CHECK(idsOf(after.stages) == std::vector<Id>{"s-aware", "s-new", "s-buy", "s-use"});
    CHECK(idsOf(after.moments) == std::vector<Id>{"m1"});
    CHECK(after.personas[1].name == "Benito");
    CHECK(idsOf(after.cards) == std::vector<Id>{"c7", "c1", "c2", "c3", "c4", "c5", "c6"});
    CHECK(after.meta.title == "Otro");

    SECTION("insert at -1 appends; a move toward the end lands at toIndex") {
        Command c2{"More", {edit::Insert{Item{extra}, -1}, edit::Move{Collection::Cards, "c1", 6}}};
        Map a2 = applyAndCheckUndo(before, c2);
        CHECK(a2.stages.back().id == "s-new");
        CHECK(idsOf(a2.cards) == std::vector<Id>{"c2", "c3", "c4", "c5", "c6", "c7", "c1"});
    }
}

TEST_CASE("applyCommand fails as a whole and leaves the map exactly as it was", "[commands][apply]") {
    const Map before = sampleJourney();
    const std::string text = saveMap(before);
    Stage extra;
    extra.id = "s-new";
    Persona renamed = before.personas[0];
    renamed.name = "Anita";
    auto failsWith = [&](Edit bad, const std::string& fragment) {
        Map m = before;
        Command command{"Bad", {edit::Insert{Item{extra}, 0}, edit::Replace{Item{renamed}},
                                edit::Erase{Collection::Cards, "c3"},
                                edit::Move{Collection::Lanes, "l-pain", 0}, std::move(bad)}};
        ApplyOutcome out = applyCommand(m, command);
        CHECK_FALSE(out.ok);
        CHECK_THAT(out.error, Catch::Contains(fragment));
        CHECK(out.inverse.empty());
        CHECK(saveMap(m) == text);
    };
    Card dupOfPersona;
    dupOfPersona.id = "p-ben";
    dupOfPersona.stageId = "s-aware";
    dupOfPersona.laneId = "l-act";
    failsWith(edit::Insert{Item{dupOfPersona}, -1}, "already in use");   // id of another kind
    failsWith(edit::Insert{Item{extra}, -1}, "already in use");          // inserted earlier
    Card noId = before.cards[0];
    noId.id.clear();
    failsWith(edit::Insert{Item{noId}, -1}, "without an id");
    failsWith(edit::Insert{Item{Lane{"l-x", "X", LaneType::Custom, false, {}}}, 4}, "position 4");
    failsWith(edit::Erase{Collection::Cards, "c3"}, "not found");         // erased earlier
    failsWith(edit::Erase{Collection::Stages, "c1"}, "not found");        // wrong collection
    Stage cardAsStage;
    cardAsStage.id = "c1";
    failsWith(edit::Replace{Item{cardAsStage}}, "not found");
    failsWith(edit::Move{Collection::Cards, "c1", 6}, "position 6");    // 6 cards left
    failsWith(edit::Move{Collection::Cards, "c1", -1}, "position -1");
    failsWith(edit::Move{Collection::Emotions, "nope", 0}, "not found");
}

TEST_CASE("an empty command applies and changes nothing", "[commands][apply]") {
    Map m = sampleJourney();
    const std::string text = saveMap(m);
    ApplyOutcome out = applyCommand(m, Command{"Nothing", {}});
    CHECK(out.ok);
    CHECK(out.inverse.empty());
    CHECK(saveMap(m) == text);
}

TEST_CASE("addPersona, addStage, addLane insert at a position or at the end", "[commands][builders]") {
    const Map before = sampleJourney();
    Persona p;
    p.name = "Carla";
    Map a = applyAndCheckUndo(before, cmd::addPersona(before, p, 0));
    REQUIRE(a.personas.size() == 3);
    CHECK(a.personas[0].name == "Carla");
    CHECK_FALSE(a.personas[0].id.empty());
    CHECK(cmd::addPersona(before, p).name == "Add persona");

    Stage s;
    s.id = "s-loyal";
    Map b = applyAndCheckUndo(before, cmd::addStage(before, s, 99));   // out of range: the end
    CHECK(idsOf(b.stages) == std::vector<Id>{"s-aware", "s-buy", "s-use", "s-loyal"});
    Map b2 = applyAndCheckUndo(before, cmd::addStage(before, s, 1));
    CHECK(idsOf(b2.stages) == std::vector<Id>{"s-aware", "s-loyal", "s-buy", "s-use"});

    Lane l;
    l.type = LaneType::Kpis;
    Map c = applyAndCheckUndo(before, cmd::addLane(before, l));
    CHECK(c.lanes.back().type == LaneType::Kpis);
    CHECK(cmd::addLane(before, l).name == "Add lane");

    // An id already in use is an error at apply time, not a silent change.
    Lane dup;
    dup.id = "c1";
    Map m = before;
    CHECK_FALSE(applyCommand(m, cmd::addLane(before, dup)).ok);
}

TEST_CASE("removePersona drops its emotions and its card links", "[commands][builders]") {
    const Map before = sampleJourney();
    Command c = cmd::removePersona(before, "p-ana");
    CHECK(c.name == "Remove persona");
    Map after = applyAndCheckUndo(before, c);
    CHECK(idsOf(after.personas) == std::vector<Id>{"p-ben"});
    CHECK(idsOf(after.emotions) == std::vector<Id>{"e3", "e4"});
    CHECK(findCard(after, "c2")->personaIds.empty());
    CHECK(findCard(after, "c5")->personaIds == std::vector<Id>{"p-ben"});
    CHECK(after.cards.size() == before.cards.size());
    CHECK(cmd::removePersona(before, "p-nobody").empty());
}

TEST_CASE("removeStage removes its cards, emotions and moments", "[commands][builders]") {
    const Map before = sampleJourney();
    Command c = cmd::removeStage(before, "s-buy");
    CHECK(c.name == "Remove stage");
    Map after = applyAndCheckUndo(before, c);
    CHECK(idsOf(after.stages) == std::vector<Id>{"s-aware", "s-use"});
    CHECK(idsOf(after.cards) == std::vector<Id>{"c1", "c2", "c3", "c7"});
    CHECK(idsOf(after.emotions) == std::vector<Id>{"e1", "e4"});
    CHECK(idsOf(after.moments) == std::vector<Id>{"m2"});
    CHECK(cmd::removeStage(before, "c1").empty());
}

TEST_CASE("removeLane removes its cards and unlinks what pointed at them", "[commands][builders]") {
    const Map before = sampleJourney();
    Map after = applyAndCheckUndo(before, cmd::removeLane(before, "l-tp"));
    CHECK(idsOf(after.lanes) == std::vector<Id>{"l-act", "l-pain"});
    CHECK(idsOf(after.cards) == std::vector<Id>{"c1", "c3", "c4", "c6", "c7"});
    // The emotions and the moment stay at their stage, without the card.
    CHECK(idsOf(after.emotions) == idsOf(before.emotions));
    CHECK_FALSE(findEmotion(after, "e2")->cardId);
    CHECK(findEmotion(after, "e2")->valence == -2);
    CHECK_FALSE(findEmotion(after, "e4")->cardId);
    CHECK_FALSE(findMoment(after, "m1")->cardId);
    CHECK(findMoment(after, "m1")->stageId == "s-buy");
    CHECK(cmd::removeLane(before, "").empty());
}

TEST_CASE("addCard places the card at a position within its cell", "[commands][builders]") {
    const Map before = sampleJourney();
    Card c;
    c.id = "c-new";
    c.stageId = "s-aware";
    c.laneId = "l-act";
    auto cellAfter = [&](int indexInCell) {
        return cell(applyAndCheckUndo(before, cmd::addCard(before, c, indexInCell)), "s-aware", "l-act");
    };
    CHECK(cellAfter(0) == std::vector<Id>{"c-new", "c1", "c3", "c7"});
    CHECK(cellAfter(1) == std::vector<Id>{"c1", "c-new", "c3", "c7"});
    CHECK(cellAfter(2) == std::vector<Id>{"c1", "c3", "c-new", "c7"});
    CHECK(cellAfter(3) == std::vector<Id>{"c1", "c3", "c7", "c-new"});
    CHECK(cellAfter(-1) == std::vector<Id>{"c1", "c3", "c7", "c-new"});
    CHECK(cellAfter(42) == std::vector<Id>{"c1", "c3", "c7", "c-new"});
    // The copy right after the cell's last card, not at the end of the whole vector.
    Map last = applyAndCheckUndo(before, cmd::addCard(before, c));
    CHECK(cardIndex(last, "c-new") == 7);
    // Placed before the card it precedes in the cell.
    Map first = applyAndCheckUndo(before, cmd::addCard(before, c, 1));
    CHECK(cardIndex(first, "c-new") == 2);

    SECTION("into an empty cell") {
        Card d;
        d.stageId = "s-use";
        d.laneId = "l-pain";
        d.kind = CardKind::PainPoint;   // no improvement block given: the builder adds it
        Map after = applyAndCheckUndo(before, cmd::addCard(before, d, 3));
        REQUIRE(cell(after, "s-use", "l-pain").size() == 1);
        const Card& added = after.cards.back();
        CHECK_FALSE(added.id.empty());
        CHECK(added.improvement.has_value());
    }
    SECTION("scores are brought into range and personas named once") {
        Card d;
        d.stageId = "s-buy";
        d.laneId = "l-pain";
        d.kind = CardKind::Opportunity;
        d.improvement = ImprovementInfo{};
        d.improvement->severity = 9;
        d.improvement->effort = -4;
        d.personaIds = {"p-ben", "p-ben"};
        Map after = applyAndCheckUndo(before, cmd::addCard(before, d));
        const Card& added = *findCard(after, cell(after, "s-buy", "l-pain").back());
        CHECK(added.improvement->severity == 5);
        CHECK(added.improvement->effort == 1);
        CHECK(added.personaIds == std::vector<Id>{"p-ben"});
    }
    SECTION("a missing stage, lane or persona gives an empty command") {
        Card d = c;
        d.stageId = "s-nope";
        CHECK(cmd::addCard(before, d).empty());
        d = c;
        d.laneId = "l-nope";
        CHECK(cmd::addCard(before, d).empty());
        d = c;
        d.personaIds = {"p-nope"};
        CHECK(cmd::addCard(before, d).empty());
    }
}

TEST_CASE("removeCards removes cards and clears links to them", "[commands][builders]") {
    const Map before = sampleJourney();
    Command c = cmd::removeCards(before, {"c5", "c1", "c-missing", "c5"});
    CHECK(c.name == "Remove 2 cards");
    Map after = applyAndCheckUndo(before, c);
    CHECK(idsOf(after.cards) == std::vector<Id>{"c2", "c3", "c4", "c6", "c7"});
    CHECK_FALSE(findEmotion(after, "e2")->cardId);
    CHECK_FALSE(findMoment(after, "m1")->cardId);
    CHECK(findEmotion(after, "e4")->cardId == Id("c2"));
    CHECK(cmd::removeCards(before, {"c2"}).name == "Remove card");
    CHECK(cmd::removeCards(before, {"c-missing"}).empty());
    CHECK(cmd::removeCards(before, {}).empty());
}

TEST_CASE("moveCards reorders within a cell", "[commands][builders]") {
    const Map before = sampleJourney();
    auto cellAfter = [&](std::vector<Id> ids, int indexInCell) {
        Command c = cmd::moveCards(before, ids, "s-aware", "l-act", indexInCell);
        return cell(applyAndCheckUndo(before, c), "s-aware", "l-act");
    };
    CHECK(cellAfter({"c7"}, 0) == std::vector<Id>{"c7", "c1", "c3"});
    CHECK(cellAfter({"c7"}, 1) == std::vector<Id>{"c1", "c7", "c3"});
    CHECK(cellAfter({"c1"}, -1) == std::vector<Id>{"c3", "c7", "c1"});
    CHECK(cellAfter({"c1"}, 1) == std::vector<Id>{"c3", "c1", "c7"});
    CHECK(cellAfter({"c7", "c1"}, 0) == std::vector<Id>{"c7", "c1", "c3"});
    CHECK(cellAfter({"c7", "c1"}, -1) == std::vector<Id>{"c3", "c7", "c1"});
    // Already in place: nothing to do.
    CHECK(cmd::moveCards(before, {"c1"}, "s-aware", "l-act", 0).empty());
    CHECK(cmd::moveCards(before, {"c7"}, "s-aware", "l-act", -1).empty());
    CHECK(cmd::moveCards(before, {"c1", "c3"}, "s-aware", "l-act", 0).empty());
    // Other cells keep their cards and order.
    Map after = applyAndCheckUndo(before, cmd::moveCards(before, {"c7"}, "s-aware", "l-act", 0));
    CHECK(cell(after, "s-buy", "l-act") == cell(before, "s-buy", "l-act"));
    CHECK(cell(after, "s-aware", "l-tp") == cell(before, "s-aware", "l-tp"));
}

TEST_CASE("moveCards moves cards to another cell and fixes links", "[commands][builders]") {
    const Map before = sampleJourney();
    SECTION("to another stage: links of the old stage are cleared") {
        Command c = cmd::moveCards(before, {"c5", "c1"}, "s-aware", "l-tp", 0);
        CHECK(c.name == "Move 2 cards");
        Map after = applyAndCheckUndo(before, c);
        CHECK(cell(after, "s-aware", "l-tp") == std::vector<Id>{"c5", "c1", "c2"});
        CHECK(cell(after, "s-aware", "l-act") == std::vector<Id>{"c3", "c7"});
        CHECK(cell(after, "s-buy", "l-tp").empty());
        CHECK_FALSE(findEmotion(after, "e2")->cardId);   // was at s-buy, card now at s-aware
        CHECK_FALSE(findMoment(after, "m1")->cardId);
        CHECK(findEmotion(after, "e4")->cardId == Id("c2"));
    }
    SECTION("to another lane of the same stage: links stay") {
        Map after = applyAndCheckUndo(before, cmd::moveCards(before, {"c5"}, "s-buy", "l-act", -1));
        CHECK(cell(after, "s-buy", "l-act") == std::vector<Id>{"c4", "c5"});
        CHECK(findEmotion(after, "e2")->cardId == Id("c5"));
        CHECK(findMoment(after, "m1")->cardId == Id("c5"));
    }
    SECTION("into an empty cell") {
        Command c = cmd::moveCards(before, {"c3", "c6"}, "s-use", "l-pain");
        CHECK(c.name == "Move 2 cards");
        Map after = applyAndCheckUndo(before, c);
        CHECK(cell(after, "s-use", "l-pain") == std::vector<Id>{"c3", "c6"});
        CHECK(cell(after, "s-aware", "l-act") == std::vector<Id>{"c1", "c7"});
    }
    SECTION("between cells at a position") {
        Map after = applyAndCheckUndo(before, cmd::moveCards(before, {"c4"}, "s-aware", "l-act", 2));
        CHECK(cell(after, "s-aware", "l-act") == std::vector<Id>{"c1", "c3", "c4", "c7"});
        CHECK(cmd::moveCards(before, {"c4"}, "s-aware", "l-act").name == "Move card");
    }
    SECTION("missing targets or cards give an empty command") {
        CHECK(cmd::moveCards(before, {"c1"}, "s-nope", "l-act").empty());
        CHECK(cmd::moveCards(before, {"c1"}, "s-aware", "l-nope").empty());
        CHECK(cmd::moveCards(before, {"c-nope"}, "s-aware", "l-act").empty());
    }
}

TEST_CASE("duplicateCards copies cards right after their originals", "[commands][builders]") {
    const Map before = sampleJourney();
    std::vector<Id> fresh;
    Command c = cmd::duplicateCards(before, {"c3", "c1", "c-missing", "c5"}, &fresh);
    CHECK(c.name == "Duplicate 3 cards");
    Map after = applyAndCheckUndo(before, c);
    REQUIRE(fresh.size() == 3);
    CHECK(fresh[0] != fresh[1]);
    CHECK(fresh[1] != fresh[2]);
    CHECK(cell(after, "s-aware", "l-act") == std::vector<Id>{"c1", fresh[1], "c3", fresh[0], "c7"});
    CHECK(cell(after, "s-buy", "l-tp") == std::vector<Id>{"c5", fresh[2]});
    const Card& copy = *findCard(after, fresh[2]);
    CHECK(copy.text == "card c5");
    CHECK(copy.personaIds == findCard(before, "c5")->personaIds);
    CHECK(copy.touchpoint.has_value());
    CHECK(after.emotions.size() == before.emotions.size());   // links are not copied
    CHECK(cmd::duplicateCards(before, {"c2"}).name == "Duplicate card");
    CHECK(cmd::duplicateCards(before, {"c-missing"}, &fresh).empty());
    CHECK(fresh.empty());
}

TEST_CASE("addEmotion and removeEmotion", "[commands][builders]") {
    const Map before = sampleJourney();
    Emotion e;
    e.personaId = "p-ben";
    e.stageId = "s-use";
    e.valence = -7;
    Map after = applyAndCheckUndo(before, cmd::addEmotion(before, e));
    REQUIRE(after.emotions.size() == 5);
    CHECK(after.emotions.back().valence == kValenceMin);
    CHECK_FALSE(after.emotions.back().id.empty());
    Emotion atCard = e;
    atCard.stageId = "s-buy";
    atCard.cardId = "c6";
    CHECK_FALSE(cmd::addEmotion(before, atCard).empty());
    atCard.cardId = "c1";   // a card of another stage
    CHECK(cmd::addEmotion(before, atCard).empty());
    Emotion noPersona = e;
    noPersona.personaId = "p-nope";
    CHECK(cmd::addEmotion(before, noPersona).empty());

    Map removed = applyAndCheckUndo(before, cmd::removeEmotion(before, "e2"));
    CHECK(idsOf(removed.emotions) == std::vector<Id>{"e1", "e3", "e4"});
    CHECK(cmd::removeEmotion(before, "m1").empty());
}

TEST_CASE("addMoment and removeMoment", "[commands][builders]") {
    const Map before = sampleJourney();
    MomentOfTruth mot;
    mot.name = "Entrega";
    mot.stageId = "s-use";
    Command c = cmd::addMoment(before, mot);
    CHECK(c.name == "Add moment of truth");
    Map after = applyAndCheckUndo(before, c);
    CHECK(after.moments.back().name == "Entrega");
    mot.cardId = "c4";   // lies in s-buy
    CHECK(cmd::addMoment(before, mot).empty());
    mot.stageId = "s-buy";
    CHECK_FALSE(cmd::addMoment(before, mot).empty());

    Map removed = applyAndCheckUndo(before, cmd::removeMoment(before, "m1"));
    CHECK(idsOf(removed.moments) == std::vector<Id>{"m2"});
    CHECK(cmd::removeMoment(before, "e1").empty());
}

TEST_CASE("toggleMoment makes a card a moment of truth at its stage, or unmakes it", "[commands][builders]") {
    const Map before = sampleJourney();
    const Card& card = before.cards.front();
    for (const MomentOfTruth& m : before.moments) REQUIRE((!m.cardId || *m.cardId != card.id));
    Map marked = applyAndCheckUndo(before, cmd::toggleMoment(before, card.id));
    REQUIRE(marked.moments.size() == before.moments.size() + 1);
    const MomentOfTruth& mot = marked.moments.back();
    CHECK(mot.cardId == std::optional<Id>(card.id));
    CHECK(mot.stageId == card.stageId);
    CHECK(mot.type == MotType::First);
    CHECK(mot.name == card.text.substr(0, 60));
    const Map unmarked = applyAndCheckUndo(marked, cmd::toggleMoment(marked, card.id));
    CHECK(unmarked.moments.size() == before.moments.size());
    CHECK(cmd::toggleMoment(before, "no-such-card").empty());
}

TEST_CASE("reorder moves an item within its vector", "[commands][builders]") {
    const Map before = sampleJourney();
    Map after = applyAndCheckUndo(before, cmd::reorder(before, Collection::Stages, "s-use", 0));
    CHECK(idsOf(after.stages) == std::vector<Id>{"s-use", "s-aware", "s-buy"});
    Map lanes = applyAndCheckUndo(before, cmd::reorder(before, Collection::Lanes, "l-act", 10));
    CHECK(idsOf(lanes.lanes) == std::vector<Id>{"l-tp", "l-pain", "l-act"});
    CHECK(cmd::reorder(before, Collection::Lanes, "l-act", 10).name == "Move lane");
    Map personas = applyAndCheckUndo(before, cmd::reorder(before, Collection::Personas, "p-ben", 0));
    CHECK(idsOf(personas.personas) == std::vector<Id>{"p-ben", "p-ana"});
    applyAndCheckUndo(before, cmd::reorder(before, Collection::Moments, "m2", 0));
    applyAndCheckUndo(before, cmd::reorder(before, Collection::Emotions, "e1", 3));
    applyAndCheckUndo(before, cmd::reorder(before, Collection::Cards, "c1", 3));
    CHECK(cmd::reorder(before, Collection::Stages, "s-aware", 0).empty());
    CHECK(cmd::reorder(before, Collection::Stages, "s-aware", -5).empty());
    CHECK(cmd::reorder(before, Collection::Stages, "c1", 0).empty());
}

TEST_CASE("replace edits fields of an existing item", "[commands][builders]") {
    const Map before = sampleJourney();
    Persona p = before.personas[0];
    p.quote = "Quiero saber cuándo llega";
    Command c = cmd::replace(before, Item{p}, "Edit persona");
    CHECK(c.name == "Edit persona");
    CHECK(applyAndCheckUndo(before, c).personas[0].quote == p.quote);

    Stage s = before.stages[2];
    s.phase = Phase::Purchase;
    CHECK(applyAndCheckUndo(before, cmd::replace(before, Item{s})).stages[2].phase == Phase::Purchase);
    Lane l = before.lanes[1];
    l.hidden = true;
    CHECK(applyAndCheckUndo(before, cmd::replace(before, Item{l})).lanes[1].hidden);

    SECTION("a card's kind change conforms its detail block") {
        Card card = *findCard(before, "c2");
        card.kind = CardKind::PainPoint;
        Map after = applyAndCheckUndo(before, cmd::replace(before, Item{card}));
        const Card& changed = *findCard(after, "c2");
        CHECK_FALSE(changed.touchpoint);
        CHECK(changed.improvement);
    }
    SECTION("a card that changes stage loses the links of its old stage") {
        Card card = *findCard(before, "c5");
        card.stageId = "s-use";
        card.touchpoint->expectation = 8;
        Map after = applyAndCheckUndo(before, cmd::replace(before, Item{card}));
        CHECK(findCard(after, "c5")->touchpoint->expectation == 5);
        CHECK_FALSE(findEmotion(after, "e2")->cardId);
        CHECK_FALSE(findMoment(after, "m1")->cardId);
    }
    SECTION("emotions and moments keep their card in their stage") {
        Emotion e = *findEmotion(before, "e3");
        e.valence = 12;
        e.cardId = "c6";
        Map after = applyAndCheckUndo(before, cmd::replace(before, Item{e}));
        CHECK(findEmotion(after, "e3")->valence == kValenceMax);
        e.cardId = "c1";
        CHECK(cmd::replace(before, Item{e}).empty());
        MomentOfTruth mot = *findMoment(before, "m2");
        mot.state = MotState::AtRisk;
        CHECK(applyAndCheckUndo(before, cmd::replace(before, Item{mot})).moments[1].state ==
              MotState::AtRisk);
        mot.cardId = "c4";
        CHECK(cmd::replace(before, Item{mot}).empty());
    }
    SECTION("unknown ids and dangling references give an empty command") {
        Persona ghost;
        ghost.id = "p-ghost";
        CHECK(cmd::replace(before, Item{ghost}).empty());
        Card card = *findCard(before, "c1");
        card.laneId = "l-nope";
        CHECK(cmd::replace(before, Item{card}).empty());
        Stage notAStage;
        notAStage.id = "c1";
        CHECK(cmd::replace(before, Item{notAStage}).empty());
    }
}

TEST_CASE("setMeta changes the map details", "[commands][builders]") {
    const Map before = sampleJourney();
    MapMeta meta = before.meta;
    meta.author = "Equipo CX";
    Command c = cmd::setMeta(before, meta);
    CHECK(c.name == "Edit map details");
    CHECK(applyAndCheckUndo(before, c).meta.author == "Equipo CX");
    CHECK(cmd::setMeta(before, before.meta).empty());
}

TEST_CASE("setValence updates or creates the stage emotion of a persona", "[commands][builders]") {
    const Map before = sampleJourney();
    Command update = cmd::setValence(before, "p-ben", "s-buy", 99);
    CHECK(update.name == "Set valence");
    Map a = applyAndCheckUndo(before, update);
    CHECK(findEmotion(a, "e3")->valence == kValenceMax);
    CHECK(a.emotions.size() == before.emotions.size());

    // Ana's emotion at s-buy is tied to a card: a stage-level one is created.
    Map b = applyAndCheckUndo(before, cmd::setValence(before, "p-ana", "s-buy", -3));
    REQUIRE(b.emotions.size() == before.emotions.size() + 1);
    const Emotion& created = b.emotions.back();
    CHECK(created.personaId == "p-ana");
    CHECK(created.stageId == "s-buy");
    CHECK_FALSE(created.cardId);
    CHECK(created.valence == -3);
    CHECK(findEmotion(b, "e2")->valence == -2);

    CHECK(cmd::setValence(before, "p-ana", "s-aware", 1).empty());   // already 1
    CHECK(cmd::setValence(before, "p-nope", "s-aware", 1).empty());
    CHECK(cmd::setValence(before, "p-ana", "s-nope", 1).empty());
}

TEST_CASE("batch joins commands into one", "[commands][builders]") {
    const Map before = sampleJourney();
    Command c = cmd::batch("Tidy up", {cmd::removeMoment(before, "m2"), Command{},
                                       cmd::reorder(before, Collection::Lanes, "l-pain", 0)});
    CHECK(c.name == "Tidy up");
    CHECK(c.edits.size() == 2);
    Map after = applyAndCheckUndo(before, c);
    CHECK(after.moments.size() == 1);
    CHECK(after.lanes[0].id == "l-pain");
    CHECK(cmd::batch("Nothing", {Command{}, Command{}}).empty());

    // Two parts that remove the same card conflict: the batch fails and changes nothing.
    Map m = before;
    Command conflict = cmd::batch("Twice", {cmd::removeCards(before, {"c1"}),
                                            cmd::removeCards(before, {"c1"})});
    CHECK_FALSE(applyCommand(m, conflict).ok);
    CHECK(saveMap(m) == saveMap(before));
}

TEST_CASE("compose builds each part on the map the earlier parts leave", "[commands][builders]") {
    const Map before = sampleJourney();
    auto removeC5 = [](const Map& m) { return cmd::removeCards(m, {"c5"}); };
    auto brighten = [](const Map& m) {   // edits e2 as it is when this part runs
        Emotion e = *findEmotion(m, "e2");
        e.valence = 3;
        return cmd::replace(m, Item{e});
    };
    Command c = cmd::compose(before, "Remove and rate", {removeC5, brighten});
    CHECK(c.name == "Remove and rate");
    Map after = applyAndCheckUndo(before, c);
    CHECK_FALSE(findCard(after, "c5"));
    CHECK(findEmotion(after, "e2")->valence == 3);
    CHECK_FALSE(findEmotion(after, "e2")->cardId);

    // The same parts built on one map: the edit of e2 brings back its link to the removed card.
    Map m = before;
    REQUIRE(applyCommand(m, cmd::batch("Stale", {removeC5(before), brighten(before)})).ok);
    CHECK_FALSE(checkInvariants(m).empty());

    SECTION("a part that does not apply makes the whole command fail") {
        auto duplicate = [](const Map& m) {
            return Command{"Bad", {edit::Insert{Item{*findStage(m, "s-use")}, -1}}};
        };
        Command bad = cmd::compose(before, "Bad", {removeC5, duplicate, brighten});
        Map target = before;
        ApplyOutcome out = applyCommand(target, bad);
        CHECK_FALSE(out.ok);
        CHECK_THAT(out.error, Catch::Contains("s-use"));
        CHECK(saveMap(target) == saveMap(before));
    }
    CHECK(cmd::compose(before, "Nothing", {}).empty());
}

TEST_CASE("replaceMap turns one map into another, and one undo restores the first exactly") {
    using namespace trayecto;
    Document doc(exampleMap("en"));
    const std::string before = saveMap(doc.map());
    Map next = exampleMap("es");
    next.cards.resize(5);
    next.emotions.clear();
    next.moments.clear();
    REQUIRE_FALSE(doc.execute(cmd::replaceMap(doc.map(), next, "Merge")).has_value());
    CHECK(saveMap(doc.map()) == saveMap(next));
    CHECK(checkInvariants(doc.map()).empty());
    CHECK(doc.history().undoCount() == 1);
    REQUIRE(doc.undo());
    CHECK(saveMap(doc.map()) == before);
}

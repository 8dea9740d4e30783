// The sync module (live rooms): order keys, the shared state and back, sessions exchanging
// changes, undo of one's own fields only, and bad data from a peer.
#include <algorithm>
#include <random>

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/sync.hpp"
#include "trayecto/workshop.hpp"

using namespace trayecto;

namespace {

Map loaded(const std::string& fixture) {
    auto result = loadMap(test::readFixture(fixture));
    REQUIRE(result.ok());
    return result.value();
}

// Two clients of one room, with a relay that can hold changes back (a partition).
struct Room {
    Document a, b;
    std::unique_ptr<sync::Session> sa, sb;
    explicit Room(Map map) : a(std::move(map)) {
        sa = std::make_unique<sync::Session>(a);
        sync::SharedState initial;
        sync::applyChanges(initial, sa->takeOutgoing());
        sb = std::make_unique<sync::Session>(b, initial);
    }
    // Delivers each side's pending changes to the other.
    void exchange() {
        auto fromA = sa->takeOutgoing();
        auto fromB = sb->takeOutgoing();
        sb->receive(fromA);
        sa->receive(fromB);
    }
};

const Card& cardOf(const Document& d, const Id& id) {
    const Card* c = findCard(d.map(), id);
    REQUIRE(c);
    return *c;
}

}  // namespace

TEST_CASE("Order keys: always one between two, short when appended in bulk") {
    std::mt19937 rng(7);
    std::vector<std::string> keys;
    for (int step = 0; step < 2000; ++step) {
        const std::size_t at = keys.empty() ? 0 : rng() % (keys.size() + 1);
        const std::string lo = at == 0 ? "" : keys[at - 1];
        const std::string hi = at == keys.size() ? "" : keys[at];
        const std::string k = sync::keyBetween(lo, hi);
        REQUIRE((lo.empty() || lo < k));
        REQUIRE((hi.empty() || k < hi));
        REQUIRE(k.back() != '0');
        keys.insert(keys.begin() + static_cast<std::ptrdiff_t>(at), k);
    }
    // A map of 5 000 cards gets keys of a few digits.
    const sync::SharedState state = sync::stateOf(generateMap(5000, 3));
    std::size_t longest = 0;
    for (const auto& [id, fields] : state.scopes.at("cards")) longest = std::max(longest, fields.at(sync::kOrderField).size());
    CHECK(longest <= 4);
}

TEST_CASE("The shared state of a map materializes to the same map, byte for byte") {
    for (const Map& map : {loaded("example-es.json"), loaded("hostile-ids.json"),
                           loaded("merge/workshop.json"), generateMap(300, 5)}) {
        const Map back = sync::materialize(sync::stateOf(map));
        CHECK(saveMap(back) == saveMap(map));
        CHECK(sync::diffMaps(map, back).empty());
    }
}

TEST_CASE("Concurrent edits of different fields of one card both survive") {
    Room room(loaded("example-es.json"));
    const Id id = room.a.map().cards.at(0).id;
    Card ca = cardOf(room.a, id);
    ca.text = "from A";
    Card cb = cardOf(room.b, id);
    cb.notes = "from B";
    REQUIRE(!room.a.execute(cmd::replace(room.a.map(), ca)));
    REQUIRE(!room.b.execute(cmd::replace(room.b.map(), cb)));
    room.exchange();
    for (const Document* d : {&room.a, &room.b}) {
        CHECK(cardOf(*d, id).text == "from A");
        CHECK(cardOf(*d, id).notes == "from B");
    }
    CHECK(saveMap(room.a.map()) == saveMap(room.b.map()));
    // The other's edit came in off the undo stack: each has exactly its own step.
    CHECK(room.a.history().undoCount() == 1);
    CHECK(room.b.history().undoCount() == 1);
    CHECK(room.a.lastCause() == ChangeCause::Remote);
}

TEST_CASE("Undo in a room gives back only one's own fields") {
    Room room(loaded("example-es.json"));
    const Id id = room.a.map().cards.at(0).id;
    const std::string originalText = cardOf(room.a, id).text;
    Card ca = cardOf(room.a, id);
    ca.text = "A's text";
    REQUIRE(!room.a.execute(cmd::replace(room.a.map(), ca)));
    room.exchange();
    Card cb = cardOf(room.b, id);
    cb.notes = "B's note, later";
    REQUIRE(!room.b.execute(cmd::replace(room.b.map(), cb)));
    room.exchange();
    REQUIRE(room.a.undo());
    room.exchange();
    for (const Document* d : {&room.a, &room.b}) {
        CHECK(cardOf(*d, id).text == originalText);
        CHECK(cardOf(*d, id).notes == "B's note, later");
    }
    REQUIRE(room.a.redo());
    room.exchange();
    CHECK(cardOf(room.b, id).text == "A's text");
    CHECK(cardOf(room.b, id).notes == "B's note, later");
}

TEST_CASE("Undo in a room never takes back a later edit of another to the same field") {
    Room room(loaded("example-es.json"));
    const Id id = room.a.map().cards.at(0).id;
    Card ca = cardOf(room.a, id);
    ca.text = "Ana v1";
    ca.votes += 1;
    REQUIRE(!room.a.execute(cmd::replace(room.a.map(), ca)));
    room.exchange();
    Card cb = cardOf(room.b, id);
    cb.text = "Marta v2";   // the same field, later
    REQUIRE(!room.b.execute(cmd::replace(room.b.map(), cb)));
    room.exchange();
    const int votesBefore = cardOf(room.a, id).votes - 1;
    REQUIRE(room.a.undo());
    room.exchange();
    for (const Document* d : {&room.a, &room.b}) {
        CHECK(cardOf(*d, id).text == "Marta v2");      // Marta's text stays
        CHECK(cardOf(*d, id).votes == votesBefore);    // Ana's other field goes back
    }
    CHECK(saveMap(room.a.map()) == saveMap(room.b.map()));
}

TEST_CASE("Undoing an added stage in a room also removes the cards others put in it") {
    Room room(loaded("example-es.json"));
    Stage s;
    s.name = "Nueva";
    REQUIRE(!room.a.execute(cmd::addStage(room.a.map(), s)));
    const Id stageId = room.a.map().stages.back().id;
    room.exchange();
    Card c;
    c.stageId = stageId;
    c.laneId = room.b.map().lanes.at(0).id;
    c.text = "B's card in A's stage";
    REQUIRE(!room.b.execute(cmd::addCard(room.b.map(), c)));
    room.exchange();
    REQUIRE(room.a.undo());
    room.exchange();
    CHECK(!findStage(room.b.map(), stageId));
    CHECK(checkInvariants(room.a.map()).empty());
    CHECK(checkInvariants(room.b.map()).empty());
    CHECK(saveMap(room.a.map()) == saveMap(room.b.map()));
}

TEST_CASE("A stage deleted by one takes with it the card another added to it meanwhile") {
    Room room(loaded("example-es.json"));
    const Id stageId = room.a.map().stages.at(0).id;
    Card c;
    c.stageId = stageId;
    c.laneId = room.b.map().lanes.at(0).id;
    c.text = "added while the stage went";
    REQUIRE(!room.b.execute(cmd::addCard(room.b.map(), c)));
    REQUIRE(!room.a.execute(cmd::removeStage(room.a.map(), stageId)));
    room.exchange();
    CHECK(!findStage(room.b.map(), stageId));
    for (const Card& card : room.b.map().cards) CHECK(card.stageId != stageId);
    CHECK(checkInvariants(room.b.map()).empty());
    CHECK(saveMap(room.a.map()) == saveMap(room.b.map()));
}

TEST_CASE("Concurrent moves and inserts neither duplicate nor drop a card") {
    Room room(loaded("example-es.json"));
    const auto& cards = room.a.map().cards;
    const std::size_t before = cards.size();
    const Id x = cards.at(3).id, y = cards.at(5).id;
    REQUIRE(!room.a.execute(cmd::reorder(room.a.map(), Collection::Cards, x, 0)));
    REQUIRE(!room.b.execute(cmd::reorder(room.b.map(), Collection::Cards, y, 0)));
    REQUIRE(!room.b.execute(cmd::duplicateCards(room.b.map(), {x})));
    room.exchange();
    CHECK(saveMap(room.a.map()) == saveMap(room.b.map()));
    CHECK(room.a.map().cards.size() == before + 1);
    std::vector<Id> ids;
    for (const Card& c : room.a.map().cards) ids.push_back(c.id);
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("Bad data from a peer is refused like a bad file and costs only itself") {
    Room room(loaded("example-es.json"));
    const Id emotion = room.b.map().emotions.at(0).id;
    const Id card = room.b.map().cards.at(0).id;
    const std::size_t emotions = room.b.map().emotions.size();
    room.sb->receive({{"emotions", emotion, "valence", std::string("\"muy mal\"")},
                      {"cards", card, "text", std::string("not json")},
                      {"map", "", "meta/title", std::string("42")},
                      {"nonsense", "x", "y", std::string("1")},
                      {"map", "", "meta/author", std::string("\"Eve\"")}});
    CHECK(room.b.map().emotions.size() == emotions - 1);   // the emotion the reader refuses
    CHECK(findCard(room.b.map(), card));                    // a value that is not JSON is left out
    CHECK(room.b.map().meta.title.empty());   // a title that is not text is left out, for everyone alike
    CHECK(room.b.map().meta.author == "Eve");
    CHECK(checkInvariants(room.b.map()).empty());
}

TEST_CASE("Votes of two participants on one card both count in the ballots") {
    Map map = loaded("merge/workshop.json");
    map.workshop.voting = true;
    Room room(map);
    Id card;
    for (const Card& c : room.a.map().cards)
        if (c.kind == CardKind::PainPoint) { card = c.id; break; }
    REQUIRE(!card.empty());
    REQUIRE(!room.a.execute(cmd::vote(room.a.map(), "ana", card, 1)));
    REQUIRE(!room.b.execute(cmd::vote(room.b.map(), "ben", card, 1)));
    room.exchange();
    CHECK(saveMap(room.a.map()) == saveMap(room.b.map()));
    CHECK(room.a.map().workshop.ballots.count("ana"));
    CHECK(room.a.map().workshop.ballots.count("ben"));
}

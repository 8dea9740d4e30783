// Receiving in a live room is incremental (sync::Session keeps the materialized map up to date
// item by item): for random batches of others' changes, mixed with this user's own edits, the
// open map is always exactly what building the whole map again gives (sync::materialize).
#include <random>

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/sync.hpp"

using namespace trayecto;

namespace {

const char* const kScopes[] = {"personas", "stages", "lanes", "cards", "emotions", "moments"};

// Others' changes, made on the shared state as any peer could send them: field edits, links to
// items that may be gone, deletions (with no cascade: the receiver's invariants must give it),
// items coming back, moves (ties included), new items (ids another collection holds included),
// values the reader refuses, map-level fields.
struct Peer {
    std::mt19937 rng;
    std::vector<sync::Change> graveyard;   // fields of deleted items, to bring them back
    int made = 0;

    std::size_t below(std::size_t n) { return n == 0 ? 0 : rng() % n; }
    bool chance(int percent) { return static_cast<int>(rng() % 100) < percent; }

    const std::map<Id, sync::Fields>* scope(const sync::SharedState& s, const std::string& key) {
        auto it = s.scopes.find(key);
        return it == s.scopes.end() || it->second.empty() ? nullptr : &it->second;
    }
    // A random item of a scope: (id, fields), or none.
    const std::pair<const Id, sync::Fields>* item(const sync::SharedState& s, const std::string& key) {
        const auto* items = scope(s, key);
        if (!items) return nullptr;
        auto it = items->begin();
        std::advance(it, static_cast<std::ptrdiff_t>(below(items->size())));
        return &*it;
    }
    // An id of a scope, maybe one deleted already.
    Id anyId(const sync::SharedState& s, const std::string& key) {
        if (!graveyard.empty() && chance(25)) return graveyard[below(graveyard.size())].id;
        const auto* x = item(s, key);
        return x ? x->first : Id("missing");
    }

    // Someone sorts a whole collection: every item gets a new key.
    void shuffle(const sync::SharedState& s, const std::string& key, std::vector<sync::Change>& out) {
        const auto* items = scope(s, key);
        if (!items) return;
        for (const auto& entry : *items) {
            const auto* a = item(s, key);
            const auto* b = item(s, key);
            const std::string ka = a->second.count(sync::kOrderField) ? a->second.at(sync::kOrderField) : "";
            const std::string kb = b->second.count(sync::kOrderField) ? b->second.at(sync::kOrderField) : "";
            out.push_back({key, entry.first, sync::kOrderField, sync::keyBetween(std::min(ka, kb), std::max(ka, kb))});
        }
    }

    void one(const sync::SharedState& s, std::vector<sync::Change>& out) {
        const std::string key = kScopes[below(6)];
        const auto* x = item(s, key);
        switch (below(10)) {
            case 0: {   // a field takes another item's value of the same field
                const auto* y = item(s, key);
                if (!x || !y || y->second.empty()) return;
                auto f = y->second.begin();
                std::advance(f, static_cast<std::ptrdiff_t>(below(y->second.size())));
                out.push_back({key, x->first, f->first, f->second});
                return;
            }
            case 1: {   // links to other items, maybe gone
                const auto* card = item(s, "cards");
                const auto* emotion = item(s, "emotions");
                if (card && chance(50)) out.push_back({"cards", card->first, "stageId", "\"" + anyId(s, "stages") + "\""});
                if (card && chance(30)) out.push_back({"cards", card->first, "laneId", "\"" + anyId(s, "lanes") + "\""});
                if (card && chance(40)) {
                    const Id p = anyId(s, "personas");
                    out.push_back({"cards", card->first, "personaIds", "[\"" + p + "\",\"" + anyId(s, "personas") + "\",\"" + p + "\"]"});
                }
                if (emotion) out.push_back({"emotions", emotion->first, "cardId", "\"" + anyId(s, "cards") + "\""});
                return;
            }
            case 2:
            case 3: {   // a deletion (stages, lanes and personas more often: they cascade)
                const std::string k = chance(50) ? kScopes[below(3)] : key;
                const auto* z = item(s, k);
                if (!z) return;
                for (const auto& [path, value] : z->second) graveyard.push_back({k, z->first, path, value});
                out.push_back({k, z->first, "", std::nullopt});
                return;
            }
            case 4: {   // a deleted item comes back, whole
                if (graveyard.empty()) return;
                const sync::Change& pick = graveyard[below(graveyard.size())];
                for (const sync::Change& c : graveyard)
                    if (c.scope == pick.scope && c.id == pick.id) out.push_back(c);
                return;
            }
            case 5: {   // a move: between two others' keys, onto another's key (a tie), or no key
                const auto* a = item(s, key);
                const auto* b = item(s, key);
                if (!x || !a || !b) return;
                const std::string ka = a->second.count(sync::kOrderField) ? a->second.at(sync::kOrderField) : "";
                const std::string kb = b->second.count(sync::kOrderField) ? b->second.at(sync::kOrderField) : "";
                const std::string k = chance(20) ? ka : chance(10) ? std::string("") : sync::keyBetween(std::min(ka, kb), std::max(ka, kb));
                out.push_back({key, x->first, sync::kOrderField, k});
                return;
            }
            case 6: {   // a new item like another (sometimes with an id another collection holds)
                if (!x) return;
                const Id id = chance(15) ? anyId(s, kScopes[below(6)]) : "new-" + std::to_string(++made);
                for (const auto& [path, value] : x->second) out.push_back({key, id, path, value});
                return;
            }
            case 7: {   // values the reader refuses, or a field gone
                if (!x || x->second.empty()) return;
                auto f = x->second.begin();
                std::advance(f, static_cast<std::ptrdiff_t>(below(x->second.size())));
                if (chance(30)) out.push_back({key, x->first, f->first, std::nullopt});
                else out.push_back({key, x->first, f->first, chance(50) ? "not json" : "{\"odd\":1}"});
                return;
            }
            case 8: {   // a card changes kind (its detail blocks follow) or text
                const auto* card = item(s, "cards");
                if (!card) return;
                const char* kinds[] = {"\"note\"", "\"touchpoint\"", "\"pain-point\"", "\"backstage\""};
                out.push_back({"cards", card->first, chance(50) ? "kind" : "text",
                               chance(50) ? kinds[below(4)] : "\"text " + std::to_string(++made) + "\""});
                return;
            }
            default:   // the map's own fields
                out.push_back({"map", "", chance(50) ? "meta/title" : "meta/author",
                               chance(80) ? "\"T" + std::to_string(++made) + "\"" : "42"});
        }
    }
};

// This user's own edits meanwhile (what noteLocal publishes before a receive).
void localEdit(Document& d, std::mt19937& rng) {
    const Map& m = d.map();
    auto below = [&](std::size_t n) { return n == 0 ? 0 : rng() % n; };
    Command c;
    switch (below(5)) {
        case 0: if (!m.stages.empty()) c = cmd::removeStage(m, m.stages[below(m.stages.size())].id); break;
        case 1: if (!m.cards.empty()) c = cmd::reorder(m, Collection::Cards, m.cards[below(m.cards.size())].id, static_cast<int>(below(m.cards.size()))); break;
        case 2:
            if (!m.cards.empty()) {
                Card card = m.cards[below(m.cards.size())];
                card.text = "mine " + std::to_string(rng() % 1000);
                c = cmd::replace(m, card);
            }
            break;
        case 3: if (!m.cards.empty()) c = cmd::duplicateCards(m, {m.cards[below(m.cards.size())].id}); break;
        default: if (!m.lanes.empty()) c = cmd::removeLane(m, m.lanes[below(m.lanes.size())].id); break;
    }
    if (!c.empty()) REQUIRE(!d.execute(c));
}

void checkAgainstWholeRebuild(const Map& start, std::uint32_t seed, int steps) {
    Document origin(start);
    sync::Session first(origin);
    sync::SharedState initial;
    sync::applyChanges(initial, first.takeOutgoing());
    Document d;
    sync::Session session(d, initial);
    Peer peer{std::mt19937(seed), {}, 0};
    std::mt19937 mine(seed ^ 0x5eedu);
    for (int step = 0; step < steps; ++step) {
        INFO("seed " << seed << ", step " << step);
        if (peer.chance(30)) localEdit(d, mine);
        if (peer.chance(30)) session.takeOutgoing();
        std::vector<sync::Change> batch;
        const int size = peer.chance(5) ? 300 : 1 + static_cast<int>(peer.below(6));
        for (int i = 0; i < size; ++i) peer.one(session.state(), batch);
        if (peer.chance(4)) peer.shuffle(session.state(), "cards", batch);
        session.receive(batch);
        const Map whole = sync::materialize(session.state());
        REQUIRE(saveMap(d.map()) == saveMap(whole));
        REQUIRE(d.map().unknown == whole.unknown);
        REQUIRE(checkInvariants(d.map()).empty());
    }
}

}  // namespace

TEST_CASE("Receiving changes item by item gives exactly the whole map built again") {
    const Map workshop = loadMap(test::readFixture("merge/workshop.json")).value();
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        // Above 256 items to place again, a batch takes the whole-map path: 400 cards get there.
        checkAgainstWholeRebuild(generateMap(seed <= 3 ? 400 : 150, seed), seed, 60);
        checkAgainstWholeRebuild(workshop, seed + 100, 40);
    }
}

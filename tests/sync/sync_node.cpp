// The sync module compiled to wasm for the convergence property test under node
// (tests/sync/convergence.mjs): clients as handles, changes as JSON, and random edits of every
// kind made with the core's own builders, as a person would make them.
#include <emscripten/emscripten.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trayecto/commands.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/sync.hpp"
#include "trayecto/workshop.hpp"

using namespace trayecto;
using Json = nlohmann::json;

namespace {

struct Client {
    Document document;
    std::unique_ptr<sync::Session> session;
    std::mt19937 rng;
    std::string name;
};
std::vector<std::unique_ptr<Client>> clients;
std::string out;   // the text last returned

const char* give(std::string text) {
    out = std::move(text);
    return out.c_str();
}

Json changesJson(const std::vector<sync::Change>& changes) {
    Json list = Json::array();
    for (const auto& c : changes)
        list.push_back({c.scope, c.id, c.field, c.value ? Json(*c.value) : Json(nullptr)});
    return list;
}

std::vector<sync::Change> changesOf(const char* text) {
    std::vector<sync::Change> changes;
    Json list = Json::parse(text, nullptr, false);
    if (!list.is_array()) return changes;
    for (const Json& c : list) {
        if (!c.is_array() || c.size() != 4 || !c[0].is_string() || !c[1].is_string() || !c[2].is_string()) continue;
        changes.push_back(sync::Change{c[0].get<std::string>(), c[1].get<std::string>(), c[2].get<std::string>(),
                                       c[3].is_string() ? std::optional<std::string>(c[3].get<std::string>())
                                                        : std::nullopt});
    }
    return changes;
}

template <typename T>
const T* pick(const std::vector<T>& items, std::mt19937& rng) {
    return items.empty() ? nullptr : &items[rng() % items.size()];
}

// One random edit of the kind `kind` (0..15); an edit that does not apply now does nothing.
std::string randomEdit(Client& c, int kind) {
    const Map& m = c.document.map();
    auto& rng = c.rng;
    auto word = [&] { return c.name + "-" + std::to_string(rng() % 100000); };
    auto run = [&](const Command& command, const char* what) {
        c.document.execute(command);
        return std::string(what);
    };
    const Card* card = pick(m.cards, rng);
    const Stage* stage = pick(m.stages, rng);
    const Lane* lane = pick(m.lanes, rng);
    const Persona* persona = pick(m.personas, rng);
    switch (kind) {
        case 0: case 1: {
            if (!stage || !lane) break;
            Card n;
            n.stageId = stage->id;
            n.laneId = lane->id;
            n.kind = defaultCardKind(lane->type);
            n.text = word();
            return run(cmd::addCard(m, n, static_cast<int>(rng() % 4) - 1), "add card");
        }
        case 2: case 3: {
            if (!card) break;
            Card e = *card;
            if (rng() % 2) e.text = word(); else e.notes = word();
            if (rng() % 4 == 0) e.color = rng() & 0xffffff;
            return run(cmd::replace(m, e, "Edit card"), "edit card");
        }
        case 4: {
            if (!card || !stage || !lane) break;
            return run(cmd::moveCards(m, {card->id}, stage->id, lane->id, static_cast<int>(rng() % 3) - 1), "move card");
        }
        case 5: {
            const Collection cs[] = {Collection::Stages, Collection::Lanes, Collection::Personas, Collection::Cards};
            const Collection col = cs[rng() % 4];
            const Id id = col == Collection::Stages ? (stage ? stage->id : "")
                        : col == Collection::Lanes ? (lane ? lane->id : "")
                        : col == Collection::Personas ? (persona ? persona->id : "") : (card ? card->id : "");
            return run(cmd::reorder(m, col, id, static_cast<int>(rng() % 8)), "reorder");
        }
        case 6: if (card) return run(cmd::removeCards(m, {card->id}), "remove card"); break;
        case 7: {
            if (m.stages.size() > 2 && rng() % 2) return run(cmd::removeStage(m, stage->id), "remove stage");
            Stage s;
            s.name = word();
            return run(cmd::addStage(m, s, static_cast<int>(rng() % 4)), "add stage");
        }
        case 8: {
            if (m.lanes.size() > 2 && rng() % 2) return run(cmd::removeLane(m, lane->id), "remove lane");
            Lane l;
            l.name = word();
            l.type = static_cast<LaneType>(rng() % 11);
            return run(cmd::addLane(m, l, static_cast<int>(rng() % 4)), "add lane");
        }
        case 9: {
            if (m.personas.size() > 1 && rng() % 2) return run(cmd::removePersona(m, persona->id), "remove persona");
            Persona p;
            p.name = word();
            return run(cmd::addPersona(m, p), "add persona");
        }
        case 10: {
            if (!persona || !stage) break;
            return run(cmd::setValence(m, persona->id, stage->id, static_cast<int>(rng() % 7) - 3), "emotion");
        }
        case 11: {
            if (!m.workshop.voting) return run(cmd::setVoting(m, true, 5), "voting on");
            for (const Card& v : m.cards)
                if ((v.kind == CardKind::PainPoint || v.kind == CardKind::Opportunity) && rng() % 3 == 0)
                    return run(cmd::vote(m, c.name, v.id, rng() % 4 == 0 ? -1 : 1), "vote");
            break;
        }
        case 12: {
            MapMeta meta = m.meta;
            meta.title = word();
            return run(cmd::setMeta(m, meta), "title");
        }
        case 13: {
            if (!card) break;
            Card e = *card;
            e.kind = e.kind == CardKind::Touchpoint ? CardKind::Note : CardKind::Touchpoint;
            conformDetailsToKind(e);
            if (e.touchpoint) e.touchpoint->expectation = 1 + static_cast<int>(rng() % 5);
            return run(cmd::replace(m, e, "Kind"), "card kind");
        }
        case 14: return c.document.undo() ? "undo" : "undo (none)";
        default: return c.document.redo() ? "redo" : "redo (none)";
    }
    return "nothing";
}

}  // namespace

extern "C" {

// A client that starts a room from the example map (map == 1) or joins from changes (JSON).
EMSCRIPTEN_KEEPALIVE int sync_client(int startsRoom, const char* changes, unsigned seed, const char* name) {
    auto c = std::make_unique<Client>();
    c->rng.seed(seed);
    c->name = name;
    if (startsRoom) {
        c->document.reset(exampleMap("es"));
        c->session = std::make_unique<sync::Session>(c->document);
    } else {
        sync::SharedState state;
        sync::applyChanges(state, changesOf(changes));
        c->session = std::make_unique<sync::Session>(c->document, std::move(state));
    }
    clients.push_back(std::move(c));
    return static_cast<int>(clients.size()) - 1;
}

// A client that starts a room from a generated map of `cards` cards (tests/sync/receive-timing.mjs).
EMSCRIPTEN_KEEPALIVE int sync_client_generated(int cards, unsigned seed) {
    auto c = std::make_unique<Client>();
    c->document.reset(generateMap(cards, seed));
    c->session = std::make_unique<sync::Session>(c->document);
    c->session->takeOutgoing();
    clients.push_back(std::move(c));
    return static_cast<int>(clients.size()) - 1;
}

// Every field of a generated map of `cards` cards, as changes: what a room started from it holds
// (bench/live/rooms-bench.mjs).
EMSCRIPTEN_KEEPALIVE const char* sync_state_generated(int cards, unsigned seed) {
    Document document;
    document.reset(generateMap(cards, seed));
    sync::Session session(document);
    return give(changesJson(session.takeOutgoing()).dump());
}

// The id of the client's card at `index` (of its cards in order).
EMSCRIPTEN_KEEPALIVE const char* sync_card_id(int h, int index) {
    return give(clients[h]->document.map().cards.at(static_cast<std::size_t>(index)).id);
}

EMSCRIPTEN_KEEPALIVE const char* sync_take_outgoing(int h) {
    return give(changesJson(clients[h]->session->takeOutgoing()).dump());
}

EMSCRIPTEN_KEEPALIVE int sync_receive(int h, const char* changes) {
    return clients[h]->session->receive(changesOf(changes)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* sync_random_edit(int h, int kind) { return give(randomEdit(*clients[h], kind)); }

EMSCRIPTEN_KEEPALIVE const char* sync_get_map(int h) { return give(saveMap(clients[h]->document.map())); }

EMSCRIPTEN_KEEPALIVE const char* sync_problems(int h) {
    std::string text;
    for (const std::string& p : checkInvariants(clients[h]->document.map())) text += p + "\n";
    return give(text);
}

}  // extern "C"

// Command builders: one user-level change each, with the cascades that keep a map sound
// (see invariants.hpp). A builder reads the map, never changes it; applyCommand does.
//
// [SECTION] Helpers
// [SECTION] Removal with cascades
// [SECTION] Personas, stages, lanes
// [SECTION] Cards
// [SECTION] Emotions and moments of truth
// [SECTION] Generic edits

#include "trayecto/commands.hpp"

#include <algorithm>
#include <type_traits>
#include <unordered_set>
#include <utility>

namespace trayecto::cmd {

// ---------------------------------------------------------------------------------------------
// [SECTION] Helpers
// ---------------------------------------------------------------------------------------------

namespace {

using IdSet = std::unordered_set<Id>;

// "Move card" for one, "Move 3 cards" for more.
std::string countedName(const std::string& verb, std::size_t count) {
    if (count == 1) return verb + " card";
    return verb + " " + std::to_string(count) + " cards";
}

// -1 (the end) for anything outside 0..size.
int insertPosition(int index, std::size_t size) {
    return index < 0 || index > static_cast<int>(size) ? -1 : index;
}

int clampScore(int score) { return std::clamp(score, 1, 5); }

// The card's existing ids that are still wanted, in order, once each.
std::vector<Id> distinctCards(const Map& m, const std::vector<Id>& ids) {
    std::vector<Id> found;
    IdSet seen;
    for (const Id& id : ids)
        if (findCard(m, id) && seen.insert(id).second) found.push_back(id);
    return found;
}

// Makes a card fit the map: detail block matching its kind, scores within 1..5, each persona
// once. False when it refers to a stage, lane or persona the map does not have.
bool conformCard(const Map& m, Card& card) {
    if (!findStage(m, card.stageId) || !findLane(m, card.laneId)) return false;
    std::vector<Id> personas;
    for (const Id& id : card.personaIds) {
        if (!findPersona(m, id)) return false;
        if (std::find(personas.begin(), personas.end(), id) == personas.end()) personas.push_back(id);
    }
    card.personaIds = std::move(personas);
    conformDetailsToKind(card);
    if (card.touchpoint) {
        auto& tp = *card.touchpoint;
        if (tp.expectation) tp.expectation = clampScore(*tp.expectation);
        if (tp.experience) tp.experience = clampScore(*tp.experience);
    }
    if (card.improvement) {
        auto& imp = *card.improvement;
        imp.severity = clampScore(imp.severity);
        imp.impact = clampScore(imp.impact);
        imp.effort = clampScore(imp.effort);
    }
    return true;
}

// A card link (emotion or moment) is sound when unset or naming a card of the same stage.
bool cardLinkFits(const Map& m, const std::optional<Id>& cardId, const Id& stageId) {
    if (!cardId) return true;
    const Card* card = findCard(m, *cardId);
    return card && card->stageId == stageId;
}

bool conformEmotion(const Map& m, Emotion& e) {
    if (!findPersona(m, e.personaId) || !findStage(m, e.stageId)) return false;
    if (!cardLinkFits(m, e.cardId, e.stageId)) return false;
    e.valence = std::clamp(e.valence, kValenceMin, kValenceMax);
    return true;
}

bool conformMoment(const Map& m, const MomentOfTruth& mot) {
    return findStage(m, mot.stageId) && cardLinkFits(m, mot.cardId, mot.stageId);
}

// Clears the card link of every emotion and moment that points at one of `cards` from a stage
// other than `keepStageId` (pass "" to clear them all). Used when cards leave or change stage.
void unlinkCards(const Map& m, const IdSet& cards, const Id& keepStageId, const IdSet& skip,
                 std::vector<Edit>& edits) {
    auto unlinkIn = [&](const auto& items) {
        for (const auto& x : items) {
            if (!x.cardId || !cards.count(*x.cardId) || skip.count(x.id)) continue;
            if (!keepStageId.empty() && x.stageId == keepStageId) continue;
            auto changed = x;
            changed.cardId.reset();
            edits.push_back(edit::Replace{Item{std::move(changed)}});
        }
    };
    unlinkIn(m.emotions);
    unlinkIn(m.moments);
}

bool sameMeta(const MapMeta& a, const MapMeta& b) {
    return a.title == b.title && a.description == b.description && a.scope == b.scope &&
           a.language == b.language && a.author == b.author && a.created == b.created &&
           a.modified == b.modified && a.unknown == b.unknown;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Removal with cascades
// ---------------------------------------------------------------------------------------------

// What the user asked to remove; `removal` adds what depends on it.
struct Removal {
    IdSet personas, stages, lanes, cards, emotions, moments;
};

// Cards in a removed stage or lane go; emotions of a removed persona or stage go; moments of a
// removed stage go. Emotions and moments that survive but point at a removed card keep their
// stage and lose only the card link. Cards that name a removed persona stop naming it (a card
// left with no personas applies to every persona, as any such card does).
Command removal(const Map& m, Removal r, std::string name) {
    for (const Card& c : m.cards)
        if (r.stages.count(c.stageId) || r.lanes.count(c.laneId)) r.cards.insert(c.id);
    for (const Emotion& e : m.emotions)
        if (r.personas.count(e.personaId) || r.stages.count(e.stageId)) r.emotions.insert(e.id);
    for (const MomentOfTruth& mot : m.moments)
        if (r.stages.count(mot.stageId)) r.moments.insert(mot.id);

    Command command{std::move(name), {}};
    auto& edits = command.edits;
    IdSet removedLinks = r.emotions;
    removedLinks.insert(r.moments.begin(), r.moments.end());
    unlinkCards(m, r.cards, "", removedLinks, edits);
    if (!r.personas.empty()) {
        for (const Card& c : m.cards) {
            if (r.cards.count(c.id)) continue;
            Card changed = c;
            auto& ps = changed.personaIds;
            ps.erase(std::remove_if(ps.begin(), ps.end(), [&](const Id& p) { return r.personas.count(p) > 0; }),
                     ps.end());
            if (ps.size() != c.personaIds.size()) edits.push_back(edit::Replace{Item{std::move(changed)}});
        }
    }
    // Erase in map order, dependents first, so the edits read (and undo) predictably.
    auto eraseIn = [&](const auto& items, const IdSet& ids, Collection c) {
        for (const auto& x : items)
            if (ids.count(x.id)) edits.push_back(edit::Erase{c, x.id});
    };
    eraseIn(m.moments, r.moments, Collection::Moments);
    eraseIn(m.emotions, r.emotions, Collection::Emotions);
    eraseIn(m.cards, r.cards, Collection::Cards);
    eraseIn(m.lanes, r.lanes, Collection::Lanes);
    eraseIn(m.stages, r.stages, Collection::Stages);
    eraseIn(m.personas, r.personas, Collection::Personas);
    return command;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Personas, stages, lanes
// ---------------------------------------------------------------------------------------------

Command addPersona(const Map& m, Persona p, int index) {
    if (p.id.empty()) p.id = newId(m, "ps");
    const int at = insertPosition(index, m.personas.size());
    return Command{"Add persona", {edit::Insert{Item{std::move(p)}, at}}};
}

Command removePersona(const Map& m, const Id& id) {
    if (!findPersona(m, id)) return {};
    Removal r;
    r.personas.insert(id);
    return removal(m, std::move(r), "Remove persona");
}

Command addStage(const Map& m, Stage s, int index) {
    if (s.id.empty()) s.id = newId(m, "st");
    const int at = insertPosition(index, m.stages.size());
    return Command{"Add stage", {edit::Insert{Item{std::move(s)}, at}}};
}

Command removeStage(const Map& m, const Id& id) {
    if (!findStage(m, id)) return {};
    Removal r;
    r.stages.insert(id);
    return removal(m, std::move(r), "Remove stage");
}

Command addLane(const Map& m, Lane l, int index) {
    if (l.id.empty()) l.id = newId(m, "ln");
    const int at = insertPosition(index, m.lanes.size());
    return Command{"Add lane", {edit::Insert{Item{std::move(l)}, at}}};
}

Command removeLane(const Map& m, const Id& id) {
    if (!findLane(m, id)) return {};
    Removal r;
    r.lanes.insert(id);
    return removal(m, std::move(r), "Remove lane");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Cards
// ---------------------------------------------------------------------------------------------

Command addCard(const Map& m, Card c, int indexInCell) {
    if (!conformCard(m, c)) return {};
    if (c.id.empty()) c.id = newId(m, "cd");
    // A cell's order is the order of its cards in `cards`: go before the card now at
    // indexInCell, or right after the cell's last card, or (empty cell) at the end.
    int at = -1;
    int seen = 0;
    for (int i = 0; i < static_cast<int>(m.cards.size()); ++i) {
        const Card& other = m.cards[i];
        if (other.stageId != c.stageId || other.laneId != c.laneId) continue;
        if (seen == indexInCell) { at = i; break; }
        at = i + 1;
        ++seen;
    }
    return Command{"Add card", {edit::Insert{Item{std::move(c)}, at}}};
}

Command removeCards(const Map& m, const std::vector<Id>& ids) {
    std::vector<Id> found = distinctCards(m, ids);
    if (found.empty()) return {};
    Removal r;
    r.cards.insert(found.begin(), found.end());
    return removal(m, std::move(r), countedName("Remove", found.size()));
}

Command moveCards(const Map& m, const std::vector<Id>& ids, const Id& stageId, const Id& laneId,
                  int indexInCell) {
    if (!findStage(m, stageId) || !findLane(m, laneId)) return {};
    const std::vector<Id> moving = distinctCards(m, ids);
    if (moving.empty()) return {};
    const IdSet movingSet(moving.begin(), moving.end());

    // The block of moved cards goes right before `anchor` in `cards` (or at the end if none).
    auto nextStayingAfter = [&](int index) -> std::optional<Id> {
        for (int i = index + 1; i < static_cast<int>(m.cards.size()); ++i)
            if (!movingSet.count(m.cards[i].id)) return m.cards[i].id;
        return std::nullopt;
    };
    std::vector<int> others;   // the target cell's cards that stay, by index in `cards`
    for (int i = 0; i < static_cast<int>(m.cards.size()); ++i) {
        const Card& c = m.cards[i];
        if (c.stageId == stageId && c.laneId == laneId && !movingSet.count(c.id)) others.push_back(i);
    }
    // Nothing to do when the cards are in the cell already and the cell would keep its order.
    const bool allInCell = std::all_of(moving.begin(), moving.end(), [&](const Id& id) {
        const Card* c = findCard(m, id);
        return c->stageId == stageId && c->laneId == laneId;
    });
    if (allInCell) {
        std::vector<Id> wanted;
        for (int i : others) wanted.push_back(m.cards[i].id);
        const std::size_t at = indexInCell >= 0 && indexInCell < static_cast<int>(others.size())
                                   ? static_cast<std::size_t>(indexInCell) : others.size();
        wanted.insert(wanted.begin() + static_cast<std::ptrdiff_t>(at), moving.begin(), moving.end());
        std::vector<Id> current;
        for (const Card& c : m.cards)
            if (c.stageId == stageId && c.laneId == laneId) current.push_back(c.id);
        if (wanted == current) return {};
    }
    std::optional<Id> anchor;
    if (indexInCell >= 0 && indexInCell < static_cast<int>(others.size()))
        anchor = m.cards[others[indexInCell]].id;
    else if (!others.empty())
        anchor = nextStayingAfter(others.back());
    else   // empty cell: any place works for the cell; stay near the first moved card
        anchor = nextStayingAfter(cardIndex(m, moving.front()));

    Command command{countedName("Move", moving.size()), {}};
    IdSet changedStage;
    for (const Id& id : moving) {
        const Card& card = *findCard(m, id);
        if (card.stageId == stageId && card.laneId == laneId) continue;
        if (card.stageId != stageId) changedStage.insert(id);
        Card moved = card;
        moved.stageId = stageId;
        moved.laneId = laneId;
        command.edits.push_back(edit::Replace{Item{std::move(moved)}});
    }
    unlinkCards(m, changedStage, stageId, {}, command.edits);

    // Place each card right after the previous one; the first right before the anchor.
    // Every move keeps the relative order of all other cards, so the block ends contiguous.
    std::vector<Id> order;
    order.reserve(m.cards.size());
    for (const Card& c : m.cards) order.push_back(c.id);
    auto positionIn = [&](const Id& id) {
        return static_cast<int>(std::find(order.begin(), order.end(), id) - order.begin());
    };
    for (std::size_t j = 0; j < moving.size(); ++j) {
        const int from = positionIn(moving[j]);
        order.erase(order.begin() + from);
        int to = static_cast<int>(order.size());
        if (j > 0) to = positionIn(moving[j - 1]) + 1;
        else if (anchor) to = positionIn(*anchor);
        order.insert(order.begin() + to, moving[j]);
        if (to != from) command.edits.push_back(edit::Move{Collection::Cards, moving[j], to});
    }
    if (command.edits.empty()) return {};
    return command;
}

Command duplicateCards(const Map& m, const std::vector<Id>& ids, std::vector<Id>* newIds) {
    if (newIds) newIds->clear();
    const std::vector<Id> originals = distinctCards(m, ids);
    if (originals.empty()) return {};
    // Ids in use, collected once (newId on the whole map would collect them for every copy).
    IdSet used;
    auto collect = [&](const auto& items) { for (const auto& x : items) used.insert(x.id); };
    collect(m.personas); collect(m.stages); collect(m.lanes);
    collect(m.cards); collect(m.emotions); collect(m.moments);
    const Map blank;
    std::vector<std::pair<int, Card>> copies;   // (index of the original, copy)
    for (const Id& id : originals) {
        Card copy = *findCard(m, id);
        do copy.id = newId(blank, "cd");
        while (!used.insert(copy.id).second);
        if (newIds) newIds->push_back(copy.id);
        copies.emplace_back(cardIndex(m, id), std::move(copy));
    }
    // Each copy goes right after its original. Inserting from the back keeps the earlier
    // originals' indices valid.
    std::sort(copies.begin(), copies.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    Command command{countedName("Duplicate", originals.size()), {}};
    for (auto& [index, copy] : copies)
        command.edits.push_back(edit::Insert{Item{std::move(copy)}, index + 1});
    return command;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Emotions and moments of truth
// ---------------------------------------------------------------------------------------------

Command addEmotion(const Map& m, Emotion e) {
    if (!conformEmotion(m, e)) return {};
    if (e.id.empty()) e.id = newId(m, "em");
    return Command{"Add emotion", {edit::Insert{Item{std::move(e)}, -1}}};
}

Command removeEmotion(const Map& m, const Id& id) {
    if (!findEmotion(m, id)) return {};
    return Command{"Remove emotion", {edit::Erase{Collection::Emotions, id}}};
}

Command addMoment(const Map& m, MomentOfTruth mot) {
    if (!conformMoment(m, mot)) return {};
    if (mot.id.empty()) mot.id = newId(m, "mt");
    return Command{"Add moment of truth", {edit::Insert{Item{std::move(mot)}, -1}}};
}

Command removeMoment(const Map& m, const Id& id) {
    if (!findMoment(m, id)) return {};
    return Command{"Remove moment of truth", {edit::Erase{Collection::Moments, id}}};
}

Command toggleMoment(const Map& m, const Id& cardId) {
    const Card* card = findCard(m, cardId);
    if (!card) return {};
    for (const MomentOfTruth& mot : m.moments)
        if (mot.cardId && *mot.cardId == cardId) return removeMoment(m, mot.id);
    MomentOfTruth mot;
    mot.id = newId(m, "mot");
    mot.stageId = card->stageId;
    mot.cardId = cardId;
    mot.name = card->text.substr(0, 60);
    return addMoment(m, mot);
}

Command setValence(const Map& m, const Id& personaId, const Id& stageId, int valence) {
    if (!findPersona(m, personaId) || !findStage(m, stageId)) return {};
    valence = std::clamp(valence, kValenceMin, kValenceMax);
    for (const Emotion& e : m.emotions) {
        if (e.personaId != personaId || e.stageId != stageId || e.cardId) continue;
        if (e.valence == valence) return {};
        Emotion changed = e;
        changed.valence = valence;
        return Command{"Set valence", {edit::Replace{Item{std::move(changed)}}}};
    }
    Emotion created;
    created.id = newId(m, "em");
    created.personaId = personaId;
    created.stageId = stageId;
    created.valence = valence;
    return Command{"Set valence", {edit::Insert{Item{std::move(created)}, -1}}};
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Generic edits
// ---------------------------------------------------------------------------------------------

Command reorder(const Map& m, Collection c, const Id& id, int toIndex) {
    auto build = [&](const auto& items, const char* noun) -> Command {
        const int size = static_cast<int>(items.size());
        int from = -1;
        for (int i = 0; i < size; ++i)
            if (items[i].id == id) { from = i; break; }
        if (from < 0) return {};
        const int to = std::clamp(toIndex, 0, size - 1);
        if (to == from) return {};
        return Command{std::string("Move ") + noun, {edit::Move{c, id, to}}};
    };
    switch (c) {
        case Collection::Personas: return build(m.personas, "persona");
        case Collection::Stages: return build(m.stages, "stage");
        case Collection::Lanes: return build(m.lanes, "lane");
        case Collection::Cards: return build(m.cards, "card");
        case Collection::Emotions: return build(m.emotions, "emotion");
        case Collection::Moments: break;
    }
    return build(m.moments, "moment of truth");
}

Command replace(const Map& m, Item item, std::string name) {
    Command command{std::move(name), {}};
    std::visit(
        [&](auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Persona>) {
                if (!findPersona(m, x.id)) return;
            } else if constexpr (std::is_same_v<T, Stage>) {
                if (!findStage(m, x.id)) return;
            } else if constexpr (std::is_same_v<T, Lane>) {
                if (!findLane(m, x.id)) return;
            } else if constexpr (std::is_same_v<T, Card>) {
                const Card* old = findCard(m, x.id);
                if (!old || !conformCard(m, x)) return;
                // A card that changes stage takes no emotion or moment of its old stage along.
                if (old->stageId != x.stageId)
                    unlinkCards(m, IdSet{x.id}, x.stageId, {}, command.edits);
            } else if constexpr (std::is_same_v<T, Emotion>) {
                if (!findEmotion(m, x.id) || !conformEmotion(m, x)) return;
            } else {
                if (!findMoment(m, x.id) || !conformMoment(m, x)) return;
            }
            command.edits.push_back(edit::Replace{Item{std::move(x)}});
        },
        item);
    return command;
}

Command setMeta(const Map& m, MapMeta meta) {
    if (sameMeta(m.meta, meta)) return {};
    return Command{"Edit map details", {edit::SetMeta{std::move(meta)}}};
}

Command batch(std::string name, std::vector<Command> parts) {
    Command command{std::move(name), {}};
    for (Command& part : parts)
        for (Edit& e : part.edits) command.edits.push_back(std::move(e));
    return command;
}

Command compose(const Map& m, std::string name, const std::vector<Builder>& parts) {
    Command command{std::move(name), {}};
    Map scratch = m;
    for (const Builder& build : parts) {
        Command part = build(scratch);
        const bool applied = applyCommand(scratch, part).ok;
        for (Edit& e : part.edits) command.edits.push_back(std::move(e));
        if (!applied) break;
    }
    return command;
}

}  // namespace trayecto::cmd

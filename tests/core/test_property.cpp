// Property test: random command sequences keep every map invariant, and undoing them all gives
// back the starting map byte for byte (redoing them all, the end state). The commands include the
// workshop's: votes, voting, agenda step, timer, and a merge report's conflicts resolved.
//
// The random choices come from a fixed-seed std::mt19937 reduced with `%` (distributions are
// not portable between libstdc++ and libc++), so a run is repeatable on a given platform.
// Fresh ids come from newId and differ between runs; nothing below depends on their value.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>

#include "trayecto/commands.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/workshop.hpp"

using namespace trayecto;

namespace {

constexpr int kSequences = 2000;
constexpr int kStepsPerSequence = 40;

class Dice {
public:
    explicit Dice(std::uint32_t seed) : rng_(seed) {}
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }   // inclusive
    bool chance(int percent) { return below(100) < percent; }
    template <typename T> const T& of(const std::vector<T>& items) { return items[below(static_cast<int>(items.size()))]; }

private:
    std::mt19937 rng_;
};

const std::vector<std::string> kTexts{
    "", "Ve un anuncio", "Compara precios", "Llama al soporte", "Paga con tarjeta",
    "«frustración»", "line\nbreak", "quote \" and \\ backslash", "emoji-free ñandú", "x"};

// A small journey with every kind of item and link.
Map richJourney() {
    Dice dice(7);
    Map m;
    m.meta.title = "Viaje de compra";
    m.meta.language = "es";
    m.meta.created = "2026-11-22T08:00:00Z";
    m.meta.unknown["x-extra"] = "{\"keep\":true}";
    const char* personaNames[] = {"Ana", "Ben", "Carla"};
    for (int i = 0; i < 3; ++i) {
        Persona p;
        p.id = "p" + std::to_string(i);
        p.name = personaNames[i];
        p.valueTier = static_cast<ValueTier>(i + 1);
        m.personas.push_back(p);
    }
    const Phase phases[] = {Phase::PrePurchase, Phase::PrePurchase, Phase::Purchase, Phase::PostPurchase};
    for (int i = 0; i < 4; ++i) {
        Stage s;
        s.id = "s" + std::to_string(i);
        s.name = "Etapa " + std::to_string(i);
        s.phase = phases[i];
        m.stages.push_back(s);
    }
    const LaneType types[] = {LaneType::Actions, LaneType::Touchpoints, LaneType::PainPoints,
                              LaneType::Opportunities, LaneType::Backstage};
    for (int i = 0; i < 5; ++i) {
        Lane l;
        l.id = "l" + std::to_string(i);
        l.name = "Carril " + std::to_string(i);
        l.type = types[i];
        m.lanes.push_back(l);
    }
    for (int i = 0; i < 24; ++i) {
        Card c;
        c.id = "c" + std::to_string(i);
        c.stageId = dice.of(m.stages).id;
        const Lane& lane = dice.of(m.lanes);
        c.laneId = lane.id;
        c.kind = defaultCardKind(lane.type);
        c.text = dice.of(kTexts);
        if (dice.chance(40)) c.personaIds.push_back(dice.of(m.personas).id);
        conformDetailsToKind(c);
        m.cards.push_back(c);
    }
    for (int i = 0; i < 10; ++i) {
        Emotion e;
        e.id = "e" + std::to_string(i);
        e.personaId = dice.of(m.personas).id;
        e.stageId = dice.of(m.stages).id;
        for (const Card& c : m.cards)
            if (c.stageId == e.stageId && dice.chance(30)) { e.cardId = c.id; break; }
        e.valence = dice.between(kValenceMin, kValenceMax);
        m.emotions.push_back(e);
    }
    for (int i = 0; i < 4; ++i) {
        MomentOfTruth mot;
        mot.id = "m" + std::to_string(i);
        mot.name = "Momento " + std::to_string(i);
        mot.stageId = m.stages[i].id;
        for (const Card& c : m.cards)
            if (c.stageId == mot.stageId) { mot.cardId = c.id; break; }
        m.moments.push_back(mot);
    }
    return m;
}

// Builds random commands against the map it is given. Each call consumes the dice in a fixed
// order (never two rolls in one argument list: their order of evaluation is unspecified).
class CommandMaker {
public:
    explicit CommandMaker(Dice& dice) : dice_(dice) {}

    Command any(const Map& m) {
        switch (dice_.below(24)) {
            case 20: {   // a vote or one taken back
                const Id voter = dice_.chance(50) ? "ana" : "ben";
                const Id card = pick(m.cards);
                return cmd::vote(m, voter, card, dice_.chance(70) ? +1 : -1);
            }
            case 21: {
                const bool on = dice_.chance(80);
                return cmd::setVoting(m, on, dice_.between(0, 4));
            }
            case 22: return workshopStep(m);
            case 23: return mergeReport(m);
            case 0: {
                Persona p = persona();
                return cmd::addPersona(m, std::move(p), index(m.personas.size()));
            }
            case 1: return cmd::removePersona(m, pick(m.personas));
            case 2: {
                Stage s = stage();
                return cmd::addStage(m, std::move(s), index(m.stages.size()));
            }
            case 3: return m.stages.size() > 2 ? cmd::removeStage(m, pick(m.stages)) : Command{};
            case 4: {
                Lane l = lane();
                return cmd::addLane(m, std::move(l), index(m.lanes.size()));
            }
            case 5: return m.lanes.size() > 2 ? cmd::removeLane(m, pick(m.lanes)) : Command{};
            case 6:
            case 7: return addCard(m);
            case 8: return cmd::removeCards(m, someCards(m));
            case 9:
            case 10: return moveCards(m);
            case 11: return cmd::duplicateCards(m, someCards(m));
            case 12: return cmd::addEmotion(m, emotion(m));
            case 13: return dice_.chance(50) ? cmd::removeEmotion(m, pick(m.emotions))
                                             : cmd::removeMoment(m, pick(m.moments));
            case 14: return cmd::addMoment(m, moment(m));
            case 15: return reorder(m);
            case 16:
            case 17: return replace(m);
            case 18: {
                const Id persona = pick(m.personas);
                const Id stage = pick(m.stages);
                return cmd::setValence(m, persona, stage, dice_.between(-5, 5));
            }
            default: {
                MapMeta meta = m.meta;
                meta.title = dice_.of(kTexts);
                if (dice_.chance(50)) meta.author = dice_.of(kTexts);
                return cmd::setMeta(m, meta);
            }
        }
    }

private:
    Command workshopStep(const Map& m) {
        now_ += 1000.0 * dice_.between(0, 200);
        switch (dice_.below(5)) {
            case 0: return cmd::setAgendaStep(m, dice_.between(-1, 6));
            case 1: return cmd::setTimerMinutes(m, dice_.between(0, 200));
            case 2: return cmd::startTimer(m, now_);
            case 3: return cmd::pauseTimer(m, now_);
            default: return cmd::resetTimer(m);
        }
    }
    // A merge report with a conflict on a card's text (as a merge leaves it), or a choice of one
    // of its values (the card's text and the report in one command).
    Command mergeReport(const Map& m) {
        const auto& conflicts = m.workshop.merge.conflicts;
        if (!conflicts.empty() && dice_.chance(70)) {
            const auto conflict = static_cast<std::size_t>(dice_.below(static_cast<int>(conflicts.size())));
            return resolveMergeConflict(m, conflict, static_cast<std::size_t>(dice_.below(3)));
        }
        Workshop w = m.workshop;
        w.merge.participants = {"A", "B"};
        MergeConflict c;
        c.collection = Collection::Cards;
        c.itemId = pick(m.cards);
        c.field = "text";
        c.baseValue = "\"antes\"";
        c.values = {{"A", "\"" + dice_.of(kTexts).substr(0, 1) + "a\"", {}}, {"B", "\"b\"", {}}};
        w.merge.conflicts.push_back(c);
        w.crowd.clear();
        return cmd::setWorkshop(m, std::move(w), "Merge");
    }

    // An existing id, or now and then one that does not exist.
    template <typename T>
    Id pick(const std::vector<T>& items) {
        if (items.empty() || dice_.chance(3)) return "ghost";
        return dice_.of(items).id;
    }
    int index(std::size_t size) { return dice_.between(-1, static_cast<int>(size) + 1); }
    std::vector<Id> someCards(const Map& m) {
        std::vector<Id> ids;
        for (int n = dice_.between(1, 3); n > 0; --n) ids.push_back(pick(m.cards));
        return ids;
    }
    std::vector<Id> somePersonas(const Map& m) {
        std::vector<Id> ids;
        for (int n = dice_.below(3); n > 0; --n) ids.push_back(pick(m.personas));
        return ids;
    }
    std::optional<Id> cardOfStage(const Map& m, const Id& stageId) {
        std::vector<Id> ids;
        for (const Card& c : m.cards)
            if (c.stageId == stageId) ids.push_back(c.id);
        if (ids.empty() || dice_.chance(40)) return std::nullopt;
        if (dice_.chance(5)) return pick(m.cards);   // maybe of another stage: refused
        return dice_.of(ids);
    }

    Persona persona() {
        Persona p;
        p.name = dice_.of(kTexts);
        p.color = static_cast<Rgb>(dice_.below(0x1000000));
        return p;
    }
    Stage stage() {
        Stage s;
        s.name = dice_.of(kTexts);
        s.phase = static_cast<Phase>(dice_.below(3));
        return s;
    }
    Lane lane() {
        Lane l;
        l.name = dice_.of(kTexts);
        l.type = static_cast<LaneType>(dice_.below(11));
        l.hidden = dice_.chance(20);
        return l;
    }
    void scribble(Card& c) {   // random field edits, some out of range
        c.text = dice_.of(kTexts);
        if (dice_.chance(30)) c.kind = static_cast<CardKind>(dice_.below(6));
        if (dice_.chance(30)) c.votes = dice_.below(10);
        if (dice_.chance(20)) c.color = static_cast<Rgb>(dice_.below(0x1000000));
        if (dice_.chance(30)) c.personaIds = {};
        if (c.touchpoint && dice_.chance(50)) c.touchpoint->expectation = dice_.between(-1, 7);
        if (c.improvement && dice_.chance(50)) c.improvement->severity = dice_.between(-1, 7);
    }
    Command addCard(const Map& m) {
        if (m.stages.empty() || m.lanes.empty()) return {};
        Card c;
        c.stageId = pick(m.stages);
        c.laneId = pick(m.lanes);
        c.personaIds = somePersonas(m);
        if (const Lane* l = findLane(m, c.laneId)) c.kind = defaultCardKind(l->type);
        scribble(c);
        return cmd::addCard(m, c, dice_.between(-1, 4));
    }
    Command moveCards(const Map& m) {
        std::vector<Id> ids = someCards(m);
        if (dice_.chance(40)) {   // reorder within the first card's cell
            if (const Card* c = findCard(m, ids.front()))
                return cmd::moveCards(m, ids, c->stageId, c->laneId, dice_.between(-1, 4));
        }
        const Id stage = pick(m.stages);
        const Id lane = pick(m.lanes);
        return cmd::moveCards(m, ids, stage, lane, dice_.between(-1, 4));
    }
    Emotion emotion(const Map& m) {
        Emotion e;
        e.personaId = pick(m.personas);
        e.stageId = pick(m.stages);
        e.cardId = cardOfStage(m, e.stageId);
        e.valence = dice_.between(-5, 5);
        e.feeling = dice_.of(kTexts);
        return e;
    }
    MomentOfTruth moment(const Map& m) {
        MomentOfTruth mot;
        mot.name = dice_.of(kTexts);
        mot.type = static_cast<MotType>(dice_.below(4));
        mot.stageId = pick(m.stages);
        mot.cardId = cardOfStage(m, mot.stageId);
        return mot;
    }
    Command reorder(const Map& m) {
        auto move = [&](Collection c, const auto& items) {
            const Id id = pick(items);
            return cmd::reorder(m, c, id, index(items.size()));
        };
        switch (dice_.below(6)) {
            case 0: return move(Collection::Personas, m.personas);
            case 1: return move(Collection::Stages, m.stages);
            case 2: return move(Collection::Lanes, m.lanes);
            case 3: return move(Collection::Cards, m.cards);
            case 4: return move(Collection::Emotions, m.emotions);
            default: return move(Collection::Moments, m.moments);
        }
    }
    Command replace(const Map& m) {
        switch (dice_.below(6)) {
            case 0:
                if (m.personas.empty()) return {};
                {
                    Persona p = dice_.of(m.personas);
                    p.name = dice_.of(kTexts);
                    p.valueTier = static_cast<ValueTier>(dice_.below(5));
                    return cmd::replace(m, Item{p}, "Edit persona");
                }
            case 1:
                if (m.stages.empty()) return {};
                {
                    Stage s = dice_.of(m.stages);
                    s.description = dice_.of(kTexts);
                    s.phase = static_cast<Phase>(dice_.below(3));
                    return cmd::replace(m, Item{s}, "Edit stage");
                }
            case 2:
                if (m.lanes.empty()) return {};
                {
                    Lane l = dice_.of(m.lanes);
                    l.hidden = !l.hidden;
                    return cmd::replace(m, Item{l}, "Edit lane");
                }
            case 3:
                if (m.cards.empty()) return {};
                {
                    Card c = dice_.of(m.cards);
                    scribble(c);
                    if (dice_.chance(30)) c.stageId = pick(m.stages);
                    if (dice_.chance(30)) c.laneId = pick(m.lanes);
                    if (dice_.chance(20)) c.personaIds = somePersonas(m);
                    return cmd::replace(m, Item{c}, "Edit card");
                }
            case 4:
                if (m.emotions.empty()) return {};
                {
                    Emotion e = dice_.of(m.emotions);
                    e.valence = dice_.between(-6, 6);
                    e.note = dice_.of(kTexts);
                    if (dice_.chance(30)) e.cardId = cardOfStage(m, e.stageId);
                    if (dice_.chance(10)) e.stageId = pick(m.stages);   // refused if a card is set
                    return cmd::replace(m, Item{e}, "Edit emotion");
                }
            default:
                if (m.moments.empty()) return {};
                {
                    MomentOfTruth mot = dice_.of(m.moments);
                    mot.state = static_cast<MotState>(dice_.below(4));
                    mot.reason = dice_.of(kTexts);
                    if (dice_.chance(30)) mot.cardId = cardOfStage(m, mot.stageId);
                    return cmd::replace(m, Item{mot}, "Edit moment of truth");
                }
        }
    }

    Dice& dice_;
    double now_ = 1'795'165'200'000.0;   // the workshop clock, ms since the epoch
};

std::vector<Id> cellOf(const Map& m, const Id& stageId, const Id& laneId) {
    std::vector<Id> ids;
    for (const Card& c : m.cards)
        if (c.stageId == stageId && c.laneId == laneId) ids.push_back(c.id);
    return ids;
}

// All card ids in map order, leaving out `skip`.
std::vector<Id> cardOrder(const Map& m, const std::vector<Id>& skip) {
    std::vector<Id> ids;
    for (const Card& c : m.cards)
        if (std::find(skip.begin(), skip.end(), c.id) == skip.end()) ids.push_back(c.id);
    return ids;
}

// 1..3 distinct existing cards (none if the map has no card).
std::vector<Id> distinctCards(const Map& m, Dice& dice) {
    std::vector<Id> ids;
    if (m.cards.empty()) return ids;
    for (int n = dice.between(1, 3); n > 0; --n) {
        const Id& id = dice.of(m.cards).id;
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
}

std::string describe(const std::vector<std::string>& problems) {
    std::ostringstream out;
    for (const auto& p : problems) out << p << "\n";
    return out.str();
}

}  // namespace

TEST_CASE("random command sequences keep invariants and undo exactly", "[property][commands]") {
    const Map start = richJourney();
    REQUIRE(checkInvariants(start).empty());
    const std::string startText = saveMap(start);
    Dice dice(20261122);
    CommandMaker maker(dice);
    int executed = 0, refusedAsEmpty = 0, failedOnPurpose = 0, undos = 0, workshops = 0, ballots = 0;
    std::size_t cardsAtEnds = 0;   // the map should neither empty out nor explode

    for (int sequence = 0; sequence < kSequences; ++sequence) {
        Document doc(start);
        doc.history().limit = 10'000;
        INFO("sequence " << sequence);

        // Runs one command. Builders' commands must apply; a command built to conflict must
        // fail and change nothing. Either way the map stays sound.
        auto run = [&](const Command& command, bool mayFail) {
            if (command.empty()) { ++refusedAsEmpty; return false; }
            const std::uint64_t revision = doc.revision();
            const std::size_t undoCount = doc.history().undoCount();
            const std::size_t redoCount = doc.history().redoCount();
            const std::string before = mayFail ? saveMap(doc.map()) : std::string();
            std::optional<std::string> error = doc.execute(command);
            if (error) {
                INFO("command \"" << command.name << "\" failed: " << *error);
                REQUIRE(mayFail);
                ++failedOnPurpose;
                REQUIRE(saveMap(doc.map()) == before);
                REQUIRE(doc.revision() == revision);
                REQUIRE(doc.history().undoCount() == undoCount);
                REQUIRE(doc.history().redoCount() == redoCount);
                return false;
            }
            ++executed;
            REQUIRE(doc.revision() == revision + 1);
            const auto problems = checkInvariants(doc.map());
            if (!problems.empty()) FAIL("after \"" << command.name << "\":\n" << describe(problems));
            return true;
        };

        for (int step = 0; step < kStepsPerSequence; ++step) {
            const int roll = dice.below(100);
            if (roll < 8) {   // undo or redo now and then
                const bool undo = dice.chance(60);
                if (undo ? doc.undo() : doc.redo()) {
                    ++undos;
                    const auto problems = checkInvariants(doc.map());
                    if (!problems.empty()) FAIL((undo ? "after undo:\n" : "after redo:\n") << describe(problems));
                }
            } else if (roll < 16) {   // a group: several commands, each built on the current map
                doc.history().beginGroup("Drag");
                if (dice.chance(30)) doc.history().beginGroup("Inner");
                const std::size_t stepsBefore = doc.history().undoCount();
                for (int n = dice.between(1, 4); n > 0; --n) run(maker.any(doc.map()), false);
                while (doc.history().inGroup()) doc.history().endGroup();
                // The whole group is one step at most, named by the outermost group.
                const std::size_t added = doc.history().undoCount() - stepsBefore;
                REQUIRE(added <= 1);
                if (added == 1) REQUIRE(doc.history().undoName() == "Drag");
            } else if (roll < 22) {   // a move whose resulting cell order is checked
                const Map& m = doc.map();
                const std::vector<Id> moving = distinctCards(m, dice);
                if (moving.empty()) continue;
                const Card& first = *findCard(m, moving.front());
                const bool sameCell = dice.chance(50);
                const Id stageId = sameCell ? first.stageId : dice.of(m.stages).id;
                const Id laneId = sameCell ? first.laneId : dice.of(m.lanes).id;
                const int indexInCell = dice.between(-1, 4);
                std::vector<Id> expected = cellOf(m, stageId, laneId);
                expected.erase(std::remove_if(expected.begin(), expected.end(), [&](const Id& id) {
                                   return std::find(moving.begin(), moving.end(), id) != moving.end();
                               }),
                               expected.end());
                const std::size_t at = indexInCell >= 0 && indexInCell < static_cast<int>(expected.size())
                                           ? static_cast<std::size_t>(indexInCell) : expected.size();
                expected.insert(expected.begin() + static_cast<std::ptrdiff_t>(at), moving.begin(), moving.end());
                const std::vector<Id> staying = cardOrder(m, moving);
                run(cmd::moveCards(m, moving, stageId, laneId, indexInCell), false);
                REQUIRE(cellOf(doc.map(), stageId, laneId) == expected);
                REQUIRE(cardOrder(doc.map(), moving) == staying);
            } else if (roll < 26) {   // a duplicate whose placement is checked
                std::vector<Id> copies;
                const std::vector<Id> originals = distinctCards(doc.map(), dice);
                if (!run(cmd::duplicateCards(doc.map(), originals, &copies), false)) continue;
                REQUIRE(copies.size() == originals.size());
                for (std::size_t i = 0; i < originals.size(); ++i) {
                    const Card& original = *findCard(doc.map(), originals[i]);
                    const Card& copy = *findCard(doc.map(), copies[i]);
                    REQUIRE(copy.text == original.text);
                    const std::vector<Id> cell = cellOf(doc.map(), original.stageId, original.laneId);
                    const auto pos = std::find(cell.begin(), cell.end(), original.id);
                    REQUIRE(pos + 1 != cell.end());
                    REQUIRE(*(pos + 1) == copy.id);
                }
            } else if (roll < 32) {   // several builders composed into one command
                std::vector<cmd::Builder> parts;
                for (int n = dice.between(2, 3); n > 0; --n)
                    parts.push_back([&maker](const Map& m) { return maker.any(m); });
                run(cmd::compose(doc.map(), "Several changes", parts), false);
            } else if (roll < 35) {   // a command that fails after some edits applied
                const Map& m = doc.map();
                Command bad = cmd::batch("Conflict", {maker.any(m), maker.any(m)});
                if (!m.cards.empty()) {
                    const Id victim = dice.of(m.cards).id;
                    bad = cmd::batch("Conflict", {std::move(bad), cmd::removeCards(m, {victim}),
                                                  cmd::removeCards(m, {victim})});
                } else if (!m.stages.empty()) {
                    bad.edits.push_back(edit::Insert{Item{m.stages.front()}, -1});
                }
                REQUIRE_FALSE(run(bad, true));
            } else {
                run(maker.any(doc.map()), false);
            }
        }

        // The end state is the newest one the history can reach.
        while (doc.redo()) REQUIRE(checkInvariants(doc.map()).empty());
        const std::string endText = saveMap(doc.map());
        cardsAtEnds += doc.map().cards.size();
        workshops += endText.find("\"workshop\"") != std::string::npos;
        ballots += !doc.map().workshop.ballots.empty();
        const std::size_t steps = doc.history().undoCount();
        while (doc.undo()) {}
        REQUIRE(doc.history().undoCount() == 0);
        REQUIRE(saveMap(doc.map()) == startText);
        while (doc.redo()) {}
        REQUIRE(doc.history().undoCount() == steps);
        REQUIRE(saveMap(doc.map()) == endText);
    }
    INFO("executed " << executed << ", empty " << refusedAsEmpty << ", failed on purpose "
                     << failedOnPurpose << ", undone or redone " << undos << ", cards at the ends "
                     << cardsAtEnds << ", workshops " << workshops << ", ballots " << ballots);
    // The generator must reach the interesting paths, not just produce empty commands.
    CHECK(executed > kSequences * kStepsPerSequence / 2);
    CHECK(refusedAsEmpty > 0);
    CHECK(failedOnPurpose > 0);
    CHECK(undos > 0);
    CHECK(workshops > kSequences / 2);   // the workshop's commands ran too
    CHECK(ballots > kSequences / 10);
    CHECK(cardsAtEnds > 10u * kSequences);
    CHECK(cardsAtEnds < 60u * kSequences);
}

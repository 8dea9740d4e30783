// libFuzzer harness for the merge (see scripts/fuzz.sh). The input gives a base map (fuzz_map.hpp)
// and up to three participants' files derived from it: each a copy of the base changed by the
// app's own commands (add, remove, move, edit, reorder, rate; new ids that may clash with the
// base's or another participant's), saved and loaded again as a file would be.
// Properties: mergeMaps succeeds (it fails only on a bug, see merge.hpp); the merged map keeps
// every invariant (include/trayecto/invariants.hpp), saves and loads back to the same text; every
// conflict value a facilitator could pick gives a sound map, by applyConflictValue and by its
// command.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_map.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/report_html.hpp"

namespace {

using namespace trayecto;
constexpr const char* kHarness = "fuzz_merge";

template <typename T>
const T* pick(fuzz::FuzzBytes& in, const std::vector<T>& items) {
    return items.empty() ? nullptr : &items[std::size_t(in.below(static_cast<int>(items.size())))];
}

// A new id: fresh, or one already in use somewhere (the base's, or another participant's new one).
Id newItemId(fuzz::FuzzBytes& in, const Map& base) {
    switch (in.below(4)) {
        case 0: return "";   // the builder makes a fresh one
        case 1: {
            const Card* c = pick(in, base.cards);
            return c ? c->id : "shared";
        }
        case 2: return "shared-" + std::to_string(in.below(3));
        default: return in.text(4);
    }
}

// A card of the stage, or none.
std::optional<Id> cardOf(fuzz::FuzzBytes& in, const Map& map, const Id& stageId) {
    std::vector<Id> here;
    for (const Card& c : map.cards)
        if (c.stageId == stageId) here.push_back(c.id);
    if (here.empty() || in.below(3) == 0) return std::nullopt;
    return here[std::size_t(in.below(static_cast<int>(here.size())))];
}

// One change by the app's commands; a command that does not apply is skipped.
void change(fuzz::FuzzBytes& in, Map& map, const Map& base) {
    Command command;
    switch (in.below(16)) {
        case 0: case 1: {   // edit a card's text, notes, votes, kind
            const Card* c = pick(in, map.cards);
            if (!c) return;
            Card edited = *c;
            if (in.flag()) edited.text = in.text();
            if (in.flag()) edited.notes = in.text();
            if (in.flag()) edited.votes = in.below(30);
            if (in.below(4) == 0) {
                edited.kind = static_cast<CardKind>(in.below(6));
                conformDetailsToKind(edited);
            }
            if (edited.touchpoint && in.flag()) edited.touchpoint->expectation = 1 + in.below(5);
            if (edited.improvement && in.flag()) edited.improvement->impact = 1 + in.below(5);
            if (in.below(4) == 0) edited.unknown["x-" + std::to_string(in.below(3))] = std::to_string(in.below(9));
            command = cmd::replace(map, edited);
            break;
        }
        case 2: case 3: {   // add a card
            const Stage* s = pick(in, map.stages);
            const Lane* l = pick(in, map.lanes);
            if (!s || !l) return;
            Card c;
            c.id = newItemId(in, base);
            c.stageId = s->id;
            c.laneId = l->id;
            c.kind = static_cast<CardKind>(in.below(6));
            c.text = in.text();
            conformDetailsToKind(c);
            command = cmd::addCard(map, c, in.below(3) - 1);
            break;
        }
        case 4: {
            const Card* c = pick(in, map.cards);
            if (c) command = cmd::removeCards(map, {c->id});
            break;
        }
        case 5: {
            const Card* c = pick(in, map.cards);
            const Stage* s = pick(in, map.stages);
            const Lane* l = pick(in, map.lanes);
            if (c && s && l) command = cmd::moveCards(map, {c->id}, s->id, l->id, in.below(3) - 1);
            break;
        }
        case 6: {
            const Persona* p = pick(in, map.personas);
            const Stage* s = pick(in, map.stages);
            if (p && s) command = cmd::setValence(map, p->id, s->id, kValenceMin + in.below(7));
            break;
        }
        case 7: {
            const Stage* s = pick(in, map.stages);
            if (s) command = cmd::removeStage(map, s->id);
            break;
        }
        case 8: {
            const Persona* p = pick(in, map.personas);
            if (p) command = cmd::removePersona(map, p->id);
            break;
        }
        case 9: {
            Stage s;
            s.id = newItemId(in, base);
            s.name = in.text();
            s.phase = static_cast<Phase>(in.below(3));
            command = cmd::addStage(map, s, in.below(4) - 1);
            break;
        }
        case 10: {
            const Stage* s = pick(in, map.stages);
            if (s) {
                Stage edited = *s;
                edited.name = in.text();
                command = cmd::replace(map, edited);
            }
            break;
        }
        case 11: {
            MapMeta meta = map.meta;
            meta.title = in.text();
            if (in.flag()) meta.author = in.text(3);
            command = cmd::setMeta(map, meta);
            break;
        }
        case 12: {
            const Card* c = pick(in, map.cards);
            if (c) command = cmd::reorder(map, Collection::Cards, c->id, in.below(8));
            break;
        }
        case 13: {   // a moment of truth, maybe at a card of its stage
            const Stage* s = pick(in, map.stages);
            if (!s) return;
            MomentOfTruth m;
            m.id = newItemId(in, base);
            m.stageId = s->id;
            m.cardId = cardOf(in, map, s->id);
            m.name = in.text(3);
            command = cmd::addMoment(map, m);
            break;
        }
        default: {   // an emotion, maybe at a card of its stage
            const Persona* p = pick(in, map.personas);
            const Stage* s = pick(in, map.stages);
            if (!p || !s) return;
            Emotion e;
            e.id = newItemId(in, base);
            e.personaId = p->id;
            e.stageId = s->id;
            e.cardId = cardOf(in, map, s->id);
            e.valence = kValenceMin + in.below(7);
            e.feeling = in.text(3);
            command = cmd::addEmotion(map, e);
            break;
        }
    }
    if (command.empty()) return;
    const ApplyOutcome outcome = applyCommand(map, command);
    if (outcome.ok && !checkInvariants(map).empty())
        fuzz::fail(kHarness, "a command broke an invariant", checkInvariants(map).front());
}

void checkSound(const Map& map, const char* what) {
    const auto problems = checkInvariants(map);
    if (!problems.empty()) fuzz::fail(kHarness, std::string(what) + " breaks an invariant", problems.front());
    const std::string saved = saveMap(map);
    auto again = loadMap(saved);
    if (!again.ok()) fuzz::fail(kHarness, std::string(what) + " does not load again", again.error().debugText() + "\n" + saved);
    if (saveMap(again.value()) != saved) fuzz::fail(kHarness, std::string(what) + ": save -> load -> save differs", saved);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 16 * 1024) return 0;
    fuzz::FuzzBytes in(data, size);
    const Map base = fuzz::buildMap(in);
    if (!checkInvariants(base).empty()) return 0;
    std::vector<MergeParticipant> participants;
    const int count = 1 + in.below(3);
    for (int i = 0; i < count; ++i) {
        Map map = base;
        const int changes = in.below(12);
        for (int k = 0; k < changes; ++k) change(in, map, base);
        // What a participant hands in is a file.
        auto file = loadMap(saveMap(map));
        if (!file.ok()) fuzz::fail(kHarness, "a participant's saved map does not load", file.error().debugText());
        participants.push_back(MergeParticipant{in.flag() ? in.text(3) : "p" + std::to_string(i) + ".json",
                                                std::move(file.value())});
    }
    auto merged = mergeMaps(base, participants);
    if (!merged.ok()) fuzz::fail(kHarness, "the merge failed", merged.error().debugText());
    const MergeResult& r = merged.value();
    checkSound(r.map, "the merged map");
    exportHtmlReport(r.map, {}, r.crowd);   // the crowd's curves must fit the merged map

    // Whatever the facilitator picks for each conflict.
    std::size_t tried = 0;
    for (const MergeConflict& conflict : r.conflicts) {
        std::vector<std::string> values{conflict.baseValue};
        for (const ParticipantValue& v : conflict.values) values.push_back(v.value);
        for (const std::string& value : values) {
            if (++tried > 12) return 0;
            auto applied = applyConflictValue(r.map, conflict, value);
            if (applied.ok()) checkSound(applied.value(), "a map with a conflict resolved");
            const Command command = resolveConflictCommand(r.map, conflict, value);
            Map resolved = r.map;
            if (!command.empty() && applyCommand(resolved, command).ok)
                checkSound(resolved, "a map with a conflict resolved by its command");
        }
    }
    return 0;
}

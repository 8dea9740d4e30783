// Undo and redo in a live room (sync::revertOnly, a History::Rebase): a step gives back only
// what it changed, on the map as others have left it since.
#include <algorithm>
#include <type_traits>

#include "format_internal.hpp"
#include "sync_internal.hpp"

namespace trayecto::sync {

namespace {

using detail::Json;

const Item* findItem(const Map& m, Collection c, const Id& id) {
    static thread_local Item found;   // a copy: the map's vectors hold the items by type
    auto look = [&](const auto& items) -> const Item* {
        for (const auto& x : items)
            if (x.id == id) { found = Item{x}; return &found; }
        return nullptr;
    };
    switch (c) {
        case Collection::Personas: return look(m.personas);
        case Collection::Stages: return look(m.stages);
        case Collection::Lanes: return look(m.lanes);
        case Collection::Cards: return look(m.cards);
        case Collection::Emotions: return look(m.emotions);
        case Collection::Moments: break;
    }
    return look(m.moments);
}

int sizeOf(const Map& m, Collection c) {
    switch (c) {
        case Collection::Personas: return static_cast<int>(m.personas.size());
        case Collection::Stages: return static_cast<int>(m.stages.size());
        case Collection::Lanes: return static_cast<int>(m.lanes.size());
        case Collection::Cards: return static_cast<int>(m.cards.size());
        case Collection::Emotions: return static_cast<int>(m.emotions.size());
        case Collection::Moments: break;
    }
    return static_cast<int>(m.moments.size());
}

// `current` with the fields where `before` and `after` differ set back to `before`'s values,
// those that still hold `after`'s: a field someone else has changed since keeps their value (an
// undo takes back one's own edit, never a later one of another's).
Json withFieldsOf(Json current, const Json& before, const Json& after) {
    const merging::Fields b = merging::flatten(before), a = merging::flatten(after);
    const merging::Fields now = merging::flatten(current);
    std::vector<std::string> paths;
    for (const auto& f : b) paths.push_back(f.first);
    for (const auto& f : a) paths.push_back(f.first);
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    for (const std::string& path : paths) {
        const Json* vb = merging::findField(b, path);
        const Json* va = merging::findField(a, path);
        if (vb && va && *vb == *va) continue;
        const Json* vn = merging::findField(now, path);
        if (vn ? !va || *vn != *va : va != nullptr) continue;   // changed by someone else since
        merging::setField(current, path, vb);
    }
    return current;
}

Json parsed(const std::string& text) { return Json::parse(text, nullptr, false); }

// The removal of an item with the cascades its kind calls for.
Command removal(const Map& m, Collection c, const Id& id) {
    switch (c) {
        case Collection::Personas: return cmd::removePersona(m, id);
        case Collection::Stages: return cmd::removeStage(m, id);
        case Collection::Lanes: return cmd::removeLane(m, id);
        case Collection::Cards: return cmd::removeCards(m, {id});
        case Collection::Emotions: return cmd::removeEmotion(m, id);
        case Collection::Moments: break;
    }
    return cmd::removeMoment(m, id);
}

// An item coming back: false when what it needs is gone; links to what is gone are cleared.
bool fitsBack(const Map& m, Item& item) {
    return std::visit(
        [&](auto& x) {
            using T = std::decay_t<decltype(x)>;
            auto linkFits = [&](std::optional<Id>& cardId, const Id& stageId) {
                if (!cardId) return;
                const Card* card = findCard(m, *cardId);
                if (!card || card->stageId != stageId) cardId.reset();
            };
            if constexpr (std::is_same_v<T, Card>) {
                if (!findStage(m, x.stageId) || !findLane(m, x.laneId)) return false;
                x.personaIds.erase(std::remove_if(x.personaIds.begin(), x.personaIds.end(),
                                                  [&](const Id& p) { return !findPersona(m, p); }),
                                   x.personaIds.end());
            } else if constexpr (std::is_same_v<T, Emotion>) {
                if (!findPersona(m, x.personaId) || !findStage(m, x.stageId)) return false;
                linkFits(x.cardId, x.stageId);
            } else if constexpr (std::is_same_v<T, MomentOfTruth>) {
                if (!findStage(m, x.stageId)) return false;
                linkFits(x.cardId, x.stageId);
            }
            return true;
        },
        item);
}

// One edit of the step, rebased on `m`: the command to apply (maybe empty).
Command rebaseEdit(const Map& m, const Edit& revert, const Edit& done) {
    return std::visit(
        [&](const auto& r) -> Command {
            using R = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<R, edit::Replace>) {
                const auto* d = std::get_if<edit::Replace>(&done);
                const Item* current = findItem(m, collectionOf(r.item), idOf(r.item));
                if (!d || !current) return {};
                Json merged = withFieldsOf(parsed(format::objectTextOf(*current)),
                                           parsed(format::objectTextOf(r.item)),
                                           parsed(format::objectTextOf(d->item)));
                Result<Item> item = format::decodeItem(collectionOf(r.item), merged);
                if (!item || !fitsBack(m, item.value())) return {};
                return cmd::replace(m, std::move(item.value()));
            } else if constexpr (std::is_same_v<R, edit::Erase>) {
                return removal(m, r.collection, r.id);
            } else if constexpr (std::is_same_v<R, edit::Insert>) {
                Item item = r.item;
                if (findItem(m, collectionOf(item), idOf(item)) || !fitsBack(m, item)) return {};
                const int size = sizeOf(m, collectionOf(item));
                return Command{"", {edit::Insert{std::move(item), std::min(r.index, size)}}};
            } else if constexpr (std::is_same_v<R, edit::Move>) {
                const int size = sizeOf(m, r.collection);
                if (!findItem(m, r.collection, r.id) || size == 0) return {};
                return cmd::reorder(m, r.collection, r.id, std::clamp(r.toIndex, 0, size - 1));
            } else if constexpr (std::is_same_v<R, edit::SetMeta>) {
                const auto* d = std::get_if<edit::SetMeta>(&done);
                if (!d) return {};
                Json merged = withFieldsOf(parsed(format::objectTextOf(m.meta)),
                                           parsed(format::objectTextOf(r.meta)),
                                           parsed(format::objectTextOf(d->meta)));
                Result<MapMeta> meta = format::decodeMeta(merged);
                if (!meta) return {};
                return Command{"", {edit::SetMeta{std::move(meta.value())}}};
            } else {
                const auto* d = std::get_if<edit::SetWorkshop>(&done);
                if (!d) return {};
                Json merged = withFieldsOf(parsed(format::workshopText(m.workshop)),
                                           parsed(format::workshopText(r.workshop)),
                                           parsed(format::workshopText(d->workshop)));
                Result<Workshop> workshop = format::decodeWorkshop(merged);
                if (!workshop) return {};
                return Command{"", {edit::SetWorkshop{std::move(workshop.value())}}};
            }
        },
        revert);
}

}  // namespace

Command revertOnly(const Map& map, const Command& revert, const Command& done) {
    const std::size_t n = revert.edits.size();
    if (done.edits.size() != n) return revert;
    Command out{revert.name, {}};
    Map scratch = map;
    for (std::size_t i = 0; i < n; ++i) {
        Command part = rebaseEdit(scratch, revert.edits[i], done.edits[n - 1 - i]);
        if (part.empty() || !applyCommand(scratch, part).ok) continue;
        for (Edit& e : part.edits) out.edits.push_back(std::move(e));
    }
    return out;
}

}  // namespace trayecto::sync

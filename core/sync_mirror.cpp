// The materialized map of a room's shared state, kept up to date item by item (detail::Mirror),
// so that Session::receive costs what a change touches instead of building the whole map again.
// It must give exactly what materialize gives (tests/core/test_sync_receive.cpp compares them):
// items sorted by (order key, id); an item the reader refuses, or whose id an earlier collection
// already holds, left out; cards need their stage and lane, emotions their persona and stage,
// moments their stage; persona lists keep present personas once; a card link needs a present
// card of the same stage.
#include <algorithm>
#include <type_traits>
#include <unordered_set>

#include "format_internal.hpp"
#include "map_items.hpp"
#include "sync_internal.hpp"

namespace trayecto::sync::detail {

namespace {

constexpr int kCollectionCount = 6;
// Past this many items to insert or place again, one pass over the whole map costs less.
constexpr std::size_t kWholeMapBatch = 256;

Collection collectionAt(int c) { return merging::kCollections[c].collection; }

int indexOfScope(const std::string& scope) {
    for (int c = 0; c < kCollectionCount; ++c)
        if (scope == merging::kCollections[c].key) return c;
    return -1;
}

// The ids an item refers to: what decides whether it stays, and how it is repaired.
std::vector<Id> referencesOf(const Item& item) {
    return std::visit(
        [](const auto& x) -> std::vector<Id> {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Card>) {
                std::vector<Id> refs{x.stageId, x.laneId};
                refs.insert(refs.end(), x.personaIds.begin(), x.personaIds.end());
                return refs;
            } else if constexpr (std::is_same_v<T, Emotion>) {
                std::vector<Id> refs{x.personaId, x.stageId};
                if (x.cardId) refs.push_back(*x.cardId);
                return refs;
            } else if constexpr (std::is_same_v<T, MomentOfTruth>) {
                std::vector<Id> refs{x.stageId};
                if (x.cardId) refs.push_back(*x.cardId);
                return refs;
            } else {
                return {};
            }
        },
        item);
}

const Id* stageOfCard(const std::optional<Item>& raw) {
    const Card* card = raw ? std::get_if<Card>(&*raw) : nullptr;
    return card ? &card->stageId : nullptr;
}

// Where each of `ids` is in `items` (left out: not there).
template <typename T>
std::unordered_map<Id, std::size_t> positionsOf(const std::vector<T>& items,
                                                const std::vector<std::pair<Id, bool>>& ids) {
    std::unordered_map<Id, std::size_t> at;
    if (ids.empty()) return at;
    std::unordered_set<Id> wanted;
    for (const auto& entry : ids) wanted.insert(entry.first);
    for (std::size_t i = 0; i < items.size() && at.size() < wanted.size(); ++i)
        if (wanted.count(items[i].id)) at.emplace(items[i].id, i);
    return at;
}

}  // namespace

void Mirror::touch(const std::string& scope, const Id& id) {
    if (scope == kMapScope) {
        levelTouched_ = true;
        return;
    }
    const int c = indexOfScope(scope);
    if (c >= 0 && !id.empty()) touched_[c].insert(id);
}

void Mirror::touchAll(const SharedState& state) {
    levelTouched_ = true;
    for (const auto& [scope, items] : state.scopes)
        for (const auto& item : items) touch(scope, item.first);
}

bool Mirror::present(int c, const Id& id) const {
    auto it = entries_[c].find(id);
    return it != entries_[c].end() && it->second.present;
}

Item Mirror::repaired(const Entry& entry) const {
    Item item = *entry.raw;
    auto fixLink = [&](std::optional<Id>& cardId, const Id& stageId) {
        if (!cardId) return;
        const int cards = static_cast<int>(Collection::Cards);
        auto card = entries_[cards].find(*cardId);
        if (card == entries_[cards].end() || !card->second.present || *stageOfCard(card->second.raw) != stageId)
            cardId.reset();
    };
    std::visit(
        [&](auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Card>) {
                std::vector<Id> kept;
                for (const Id& p : x.personaIds)
                    if (present(static_cast<int>(Collection::Personas), p) &&
                        std::find(kept.begin(), kept.end(), p) == kept.end())
                        kept.push_back(p);
                x.personaIds = std::move(kept);
            } else if constexpr (std::is_same_v<T, Emotion> || std::is_same_v<T, MomentOfTruth>) {
                fixLink(x.cardId, x.stageId);
            }
        },
        item);
    return item;
}

// One item again: its fields read again when they changed, whether it is in the map, and what
// depends on it added to `work` (later collections only: nothing depends on a later one).
void Mirror::evaluate(int c, const Id& id, bool changed, const SharedState& state,
                      std::array<std::map<Id, bool>, 6>& work) {
    auto& entries = entries_[c];
    Entry& entry = entries[id];
    const bool wasPresent = entry.present;
    const bool wasDecoded = entry.raw.has_value();
    const std::string oldKey = entry.key;
    const Id oldStage = stageOfCard(entry.raw) ? *stageOfCard(entry.raw) : Id();
    bool inState = true;
    if (changed) {
        if (entry.raw)
            for (const Id& ref : referencesOf(*entry.raw)) {
                auto it = referrers_.find(ref);
                if (it == referrers_.end()) continue;
                it->second.erase({c, id});
                if (it->second.empty()) referrers_.erase(it);
            }
        entry.raw.reset();
        entry.key.clear();
        auto scope = state.scopes.find(merging::kCollections[c].key);
        const Fields* fields = nullptr;
        if (scope != state.scopes.end()) {
            auto it = scope->second.find(id);
            if (it != scope->second.end()) fields = &it->second;
        }
        inState = fields != nullptr;
        if (fields) {
            auto k = fields->find(kOrderField);
            if (k != fields->end()) entry.key = k->second;
            entry.raw = decodeFields(collectionAt(c), id, *fields);
            if (entry.raw)
                for (const Id& ref : referencesOf(*entry.raw)) referrers_[ref].insert({c, id});
        }
    }
    bool isPresent = entry.raw.has_value();
    for (int earlier = 0; earlier < c && isPresent; ++earlier) {
        auto it = entries_[earlier].find(id);
        if (it != entries_[earlier].end() && it->second.raw) isPresent = false;   // ids once
    }
    if (isPresent) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                const int personas = static_cast<int>(Collection::Personas);
                const int stages = static_cast<int>(Collection::Stages);
                if constexpr (std::is_same_v<T, Card>)
                    isPresent = present(stages, x.stageId) && present(static_cast<int>(Collection::Lanes), x.laneId);
                else if constexpr (std::is_same_v<T, Emotion>)
                    isPresent = present(personas, x.personaId) && present(stages, x.stageId);
                else if constexpr (std::is_same_v<T, MomentOfTruth>)
                    isPresent = present(stages, x.stageId);
            },
            *entry.raw);
    }
    entry.present = isPresent;
    if (wasPresent && (!isPresent || oldKey != entry.key)) order_[c].erase({oldKey, id});
    if (isPresent) order_[c].insert({entry.key, id});
    const Id newStage = stageOfCard(entry.raw) ? *stageOfCard(entry.raw) : Id();
    if (wasDecoded != entry.raw.has_value())
        for (int later = c + 1; later < kCollectionCount; ++later)
            if (entries_[later].count(id)) work[later].emplace(id, false);
    if (wasPresent != isPresent || (isPresent && oldStage != newStage)) {
        auto it = referrers_.find(id);
        if (it != referrers_.end())
            for (const Ref& ref : it->second)
                if (ref.first > c) work[ref.first].emplace(ref.second, false);
    }
    if (changed && !inState) entries.erase(id);   // gone from the room
}

Mirror::Evaluated Mirror::refresh(const SharedState& state) {
    if (levelTouched_) {
        level_ = Map{};
        auto scope = state.scopes.find(kMapScope);
        if (scope != state.scopes.end()) {
            auto fields = scope->second.find("");
            if (fields != scope->second.end()) readMapLevel(fields->second, level_);
        }
        levelTouched_ = false;
    }
    std::array<std::map<Id, bool>, 6> work;
    for (int c = 0; c < kCollectionCount; ++c)
        for (const Id& id : std::exchange(touched_[c], {})) work[c].emplace(id, true);
    Evaluated evaluated;
    for (int c = 0; c < kCollectionCount; ++c)
        for (const auto& [id, changed] : work[c]) {
            evaluate(c, id, changed, state, work);
            evaluated[c].emplace_back(id, changed);
        }
    return evaluated;
}

template <typename T>
void Mirror::placeEdits(int c, const std::vector<T>& items, const std::vector<std::pair<Id, bool>>& evaluated,
                        Command& out) const {
    const std::unordered_map<Id, std::size_t> at = positionsOf(items, evaluated);
    // Items to insert or place again, in their final order. The others keep their order: their
    // keys did not change, and the open map has them as the mirror had them.
    std::vector<std::pair<const std::string*, const Id*>> placing;
    for (const auto& [id, changed] : evaluated) {
        auto entry = entries_[c].find(id);
        if (entry == entries_[c].end() || !entry->second.present) continue;
        auto pos = at.find(id);
        if (changed || pos == at.end()) placing.emplace_back(&entry->second.key, &entry->first);
        if (pos == at.end()) continue;
        Item now = repaired(entry->second);
        if (format::objectTextOf(now) != format::objectTextOf(Item{items[pos->second]}))
            out.edits.push_back(edit::Replace{std::move(now)});
    }
    if (placing.empty()) return;
    std::sort(placing.begin(), placing.end(), [](const auto& a, const auto& b) {
        return *a.first != *b.first ? *a.first < *b.first : *a.second < *b.second;
    });
    // The vector's ids as the edits so far leave it (erasures made).
    std::vector<const Id*> ids;
    ids.reserve(items.size());
    for (const T& x : items) {
        auto pos = at.find(x.id);
        if (pos == at.end() || present(c, x.id)) ids.push_back(&x.id);
    }
    auto indexOf = [&](const Id& id) -> int {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (*ids[i] == id) return static_cast<int>(i);
        return -1;
    };
    // Each goes just after the item before it in the final order: those placed already and
    // those that keep their place are in final order, so the whole vector is once all are placed.
    for (const auto& [key, id] : placing) {
        auto self = order_[c].find({*key, *id});
        const int before = self == order_[c].begin() ? -1 : indexOf(std::prev(self)->second);
        const int from = at.count(*id) ? indexOf(*id) : -1;
        if (from < 0) {
            out.edits.push_back(edit::Insert{repaired(entries_[c].at(*id)), before + 1});
            ids.insert(ids.begin() + (before + 1), &self->second);
            continue;
        }
        const int to = from < before ? before : before + 1;
        if (to == from) continue;
        out.edits.push_back(edit::Move{collectionAt(c), *id, to});
        const Id* moving = ids[static_cast<std::size_t>(from)];
        ids.erase(ids.begin() + from);
        ids.insert(ids.begin() + to, moving);
    }
}

Command Mirror::update(const SharedState& state, const Map* map) {
    const bool levelChanged = levelTouched_;
    const Evaluated evaluated = refresh(state);
    Command out{"Remote change", {}};
    if (!map) return out;
    std::size_t placing = 0;
    for (int c = 0; c < kCollectionCount; ++c)
        for (const auto& [id, changed] : evaluated[c]) placing += changed && present(c, id);
    if (placing > kWholeMapBatch) return diffMaps(*map, toMap());
    // Erasures first, referring collections first (as diffMaps), so nothing points at an erased item.
    for (int c = kCollectionCount - 1; c >= 0; --c) {
        if (evaluated[c].empty()) continue;
        trayecto::detail::withItems(*map, collectionAt(c), [&](const auto& items) {
            for (const auto& [id, at] : positionsOf(items, evaluated[c]))
                if (!present(c, id)) out.edits.push_back(edit::Erase{collectionAt(c), id});
        });
    }
    if (levelChanged) {
        if (format::objectTextOf(map->meta) != format::objectTextOf(level_.meta))
            out.edits.push_back(edit::SetMeta{level_.meta});
        if (format::workshopText(map->workshop) != format::workshopText(level_.workshop))
            out.edits.push_back(edit::SetWorkshop{level_.workshop});
    }
    for (int c = 0; c < kCollectionCount; ++c)
        if (!evaluated[c].empty()) trayecto::detail::withItems(*map, collectionAt(c), [&](const auto& items) { placeEdits(c, items, evaluated[c], out); });
    return out;
}

Map Mirror::toMap() const {
    Map map = level_;
    for (int c = 0; c < kCollectionCount; ++c) {
        trayecto::detail::withItems(map, collectionAt(c), [&](auto& items) {
            using T = typename std::decay_t<decltype(items)>::value_type;
            items.reserve(order_[c].size());
            for (const auto& [key, id] : order_[c]) items.push_back(std::get<T>(repaired(entries_[c].at(id))));
        });
    }
    return map;
}

}  // namespace trayecto::sync::detail

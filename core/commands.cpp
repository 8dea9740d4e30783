// Applying commands: the six primitive edits, their inverses, and all-or-nothing rollback.
//
// [SECTION] Items and collections
// [SECTION] Primitive edits
// [SECTION] applyCommand

#include "trayecto/commands.hpp"

#include <algorithm>
#include <type_traits>
#include <unordered_set>
#include <utility>

#include "map_items.hpp"
#include "trayecto/format.hpp"

namespace trayecto {

// ---------------------------------------------------------------------------------------------
// [SECTION] Items and collections
// ---------------------------------------------------------------------------------------------

namespace {

template <typename T> struct CollectionOfType;
template <> struct CollectionOfType<Persona> { static constexpr Collection value = Collection::Personas; };
template <> struct CollectionOfType<Stage> { static constexpr Collection value = Collection::Stages; };
template <> struct CollectionOfType<Lane> { static constexpr Collection value = Collection::Lanes; };
template <> struct CollectionOfType<Card> { static constexpr Collection value = Collection::Cards; };
template <> struct CollectionOfType<Emotion> { static constexpr Collection value = Collection::Emotions; };
template <> struct CollectionOfType<MomentOfTruth> { static constexpr Collection value = Collection::Moments; };

using detail::itemsOf;
using detail::withItems;

template <typename T>
int positionOf(const std::vector<T>& items, const Id& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? -1 : static_cast<int>(it - items.begin());
}

const char* singularName(Collection c) {
    switch (c) {
        case Collection::Personas: return "persona";
        case Collection::Stages: return "stage";
        case Collection::Lanes: return "lane";
        case Collection::Cards: return "card";
        case Collection::Emotions: return "emotion";
        case Collection::Moments: break;
    }
    return "moment of truth";
}

std::string quoted(const Id& id) { return jsonQuoted(id); }

}  // namespace

Collection collectionOf(const Item& item) {
    return std::visit(
        [](const auto& x) { return CollectionOfType<std::decay_t<decltype(x)>>::value; }, item);
}

const Id& idOf(const Item& item) {
    return std::visit([](const auto& x) -> const Id& { return x.id; }, item);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Primitive edits
// ---------------------------------------------------------------------------------------------

namespace {

// Applies primitive edits to one map and returns their inverses. Keeps the set of ids in use
// (built on the first insert) so an insert can refuse a duplicate id from any collection.
class EditApplier {
public:
    explicit EditApplier(Map& map) : map_(map) {}

    // The inverse edit, or nullopt with error() set (the map is then unchanged).
    std::optional<Edit> apply(const Edit& e) {
        return std::visit([this](const auto& x) { return applyOne(x); }, e);
    }
    const std::string& error() const { return error_; }

private:
    std::optional<Edit> fail(std::string message) {
        error_ = std::move(message);
        return std::nullopt;
    }

    std::unordered_set<Id>& idsInUse() {
        if (!ids_) {
            ids_.emplace();
            auto collect = [&](const auto& items) { for (const auto& x : items) ids_->insert(x.id); };
            collect(map_.personas); collect(map_.stages); collect(map_.lanes);
            collect(map_.cards); collect(map_.emotions); collect(map_.moments);
        }
        return *ids_;
    }

    std::optional<Edit> applyOne(const edit::Insert& e) {
        const Id& id = idOf(e.item);
        const Collection c = collectionOf(e.item);
        if (id.empty()) return fail(std::string("cannot insert a ") + singularName(c) + " without an id");
        if (idsInUse().count(id))
            return fail("cannot insert " + std::string(singularName(c)) + " " + quoted(id) +
                        ": the id is already in use");
        return std::visit(
            [&](const auto& item) -> std::optional<Edit> {
                using T = std::decay_t<decltype(item)>;
                auto& items = itemsOf<T>(map_);
                const int size = static_cast<int>(items.size());
                if (e.index < -1 || e.index > size)
                    return fail("cannot insert " + std::string(singularName(c)) + " " + quoted(id) +
                                " at position " + std::to_string(e.index) + " of " +
                                std::to_string(size));
                const int at = e.index == -1 ? size : e.index;
                items.insert(items.begin() + at, item);
                idsInUse().insert(id);
                return edit::Erase{c, id};
            },
            e.item);
    }

    std::optional<Edit> applyOne(const edit::Erase& e) {
        return withItems(map_, e.collection, [&](auto& items) -> std::optional<Edit> {
            const int at = positionOf(items, e.id);
            if (at < 0)
                return fail("cannot remove " + std::string(singularName(e.collection)) + " " +
                            quoted(e.id) + ": not found");
            edit::Insert inverse{Item{std::move(items[at])}, at};
            items.erase(items.begin() + at);
            if (ids_) ids_->erase(e.id);
            return inverse;
        });
    }

    std::optional<Edit> applyOne(const edit::Replace& e) {
        const Collection c = collectionOf(e.item);
        return std::visit(
            [&](const auto& item) -> std::optional<Edit> {
                using T = std::decay_t<decltype(item)>;
                auto& items = itemsOf<T>(map_);
                const int at = positionOf(items, item.id);
                if (at < 0)
                    return fail("cannot change " + std::string(singularName(c)) + " " +
                                quoted(item.id) + ": not found");
                edit::Replace inverse{Item{std::move(items[at])}};
                items[at] = item;
                return inverse;
            },
            e.item);
    }

    std::optional<Edit> applyOne(const edit::Move& e) {
        return withItems(map_, e.collection, [&](auto& items) -> std::optional<Edit> {
            const int from = positionOf(items, e.id);
            if (from < 0)
                return fail("cannot move " + std::string(singularName(e.collection)) + " " +
                            quoted(e.id) + ": not found");
            const int size = static_cast<int>(items.size());
            if (e.toIndex < 0 || e.toIndex >= size)
                return fail("cannot move " + std::string(singularName(e.collection)) + " " +
                            quoted(e.id) + " to position " + std::to_string(e.toIndex) + " of " +
                            std::to_string(size));
            auto first = items.begin();
            if (from < e.toIndex)
                std::rotate(first + from, first + from + 1, first + e.toIndex + 1);
            else if (from > e.toIndex)
                std::rotate(first + e.toIndex, first + from, first + from + 1);
            return edit::Move{e.collection, e.id, from};
        });
    }

    std::optional<Edit> applyOne(const edit::SetMeta& e) {
        edit::SetMeta inverse{std::move(map_.meta)};
        map_.meta = e.meta;
        return inverse;
    }

    std::optional<Edit> applyOne(const edit::SetWorkshop& e) {
        edit::SetWorkshop inverse{std::move(map_.workshop)};
        map_.workshop = e.workshop;
        return inverse;
    }

    Map& map_;
    std::optional<std::unordered_set<Id>> ids_;
    std::string error_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] applyCommand
// ---------------------------------------------------------------------------------------------

ApplyOutcome applyCommand(Map& map, const Command& command) {
    ApplyOutcome outcome;
    EditApplier applier(map);
    std::vector<Edit> inverses;   // inverses[i] undoes command.edits[i]
    inverses.reserve(command.edits.size());
    for (const Edit& e : command.edits) {
        std::optional<Edit> inverse = applier.apply(e);
        if (!inverse) {
            outcome.error = applier.error();
            // Roll back what was applied, newest first. Inverses of edits that just succeeded
            // cannot fail, so the map ends exactly as it was.
            for (auto it = inverses.rbegin(); it != inverses.rend(); ++it) applier.apply(*it);
            return outcome;
        }
        inverses.push_back(std::move(*inverse));
    }
    outcome.ok = true;
    outcome.inverse.name = command.name;
    outcome.inverse.edits.assign(std::make_move_iterator(inverses.rbegin()),
                                 std::make_move_iterator(inverses.rend()));
    return outcome;
}

}  // namespace trayecto

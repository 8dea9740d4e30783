// Reading a format-v1 document, second pass: ids unique across the map, and every reference
// pointing at an existing item of the right kind (an emotion's or moment's card in its stage),
// or at one of a merge conflict's values.
#include <optional>
#include <string_view>
#include <unordered_map>

#include "format_internal.hpp"

namespace trayecto::format {
namespace {

// What an item is, as the messages name it: "the stage" and "a stage".
struct Noun {
    ErrorWord the;
    ErrorWord a;
    bool operator!=(const Noun& other) const { return the != other.the; }
};
const Noun kPersona{ErrorWord::ThePersona, ErrorWord::APersona};
const Noun kStage{ErrorWord::TheStage, ErrorWord::AStage};
const Noun kLane{ErrorWord::TheLane, ErrorWord::ALane};
const Noun kCard{ErrorWord::TheCard, ErrorWord::ACard};
const Noun kEmotion{ErrorWord::TheEmotion, ErrorWord::AnEmotion};
const Noun kMoment{ErrorWord::TheMoment, ErrorWord::AMoment};

// Where a value is: its list, the item's index, a key in it and an index in that key's list. Made
// into a JSON pointer only for a message, so a sound map costs no string.
struct Where {
    const char* list;
    std::size_t index;
    const char* key = nullptr;
    std::optional<std::size_t> item = std::nullopt;

    std::string path() const {
        std::string p = childPath(childPath("", list), index);
        if (key) p = childPath(p, key);
        return item ? childPath(p, *item) : p;
    }
};

struct Owner {
    Noun what;    // persona, stage, ...
    Where where;  // where its id is defined
};

class References {
public:
    explicit References(const Map& m) : m_(m) {}

    std::optional<LoadError> error;

    bool check() {
        ids_.reserve(m_.personas.size() + m_.stages.size() + m_.lanes.size() + m_.cards.size() + m_.emotions.size() +
                     m_.moments.size());
        return define(m_.personas, kPersona, "personas") && define(m_.stages, kStage, "stages") &&
               define(m_.lanes, kLane, "lanes") && define(m_.cards, kCard, "cards") &&
               define(m_.emotions, kEmotion, "emotions") &&
               define(m_.moments, kMoment, "moments") && cards() && emotions() &&
               moments() && conflicts();
    }

private:
    template <typename T>
    bool define(const std::vector<T>& items, const Noun& what, const char* key) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Where where{key, i};
            auto [it, inserted] = ids_.emplace(items[i].id, Owner{what, where});
            if (!inserted)
                return fail(Where{key, i, "id"}, LoadErrorCode::DuplicateId,
                            {jsonQuoted(items[i].id), it->second.what.the, it->second.where.path()});
        }
        return true;
    }

    bool refersTo(const Where& where, const Id& id, const Noun& what, const Noun& holder) {
        auto it = ids_.find(id);
        if (it == ids_.end())
            return fail(where, LoadErrorCode::MissingReference, {holder.the, what.the, jsonQuoted(id)});
        if (it->second.what != what)
            return fail(where, LoadErrorCode::WrongReference,
                        {jsonQuoted(id), it->second.what.a, it->second.where.path(), what.a});
        return true;
    }

    bool cardInStage(const Where& where, const Id& cardId, const Id& stageId, const Noun& holder) {
        if (!refersTo(where, cardId, kCard, holder)) return false;
        const Card* card = findCardFast(cardId);
        if (card && card->stageId != stageId)
            return fail(where, LoadErrorCode::CardInOtherStage,
                        {jsonQuoted(cardId), jsonQuoted(card->stageId), holder.the, jsonQuoted(stageId)});
        return true;
    }

    const Card* findCardFast(const Id& id) {
        if (cardsById_.empty()) {
            cardsById_.reserve(m_.cards.size());
            for (const auto& c : m_.cards) cardsById_.emplace(c.id, &c);
        }
        auto it = cardsById_.find(id);
        return it == cardsById_.end() ? nullptr : it->second;
    }

    bool cards() {
        for (std::size_t i = 0; i < m_.cards.size(); ++i) {
            const Card& c = m_.cards[i];
            if (!refersTo({"cards", i, "stageId"}, c.stageId, kStage, kCard) ||
                !refersTo({"cards", i, "laneId"}, c.laneId, kLane, kCard))
                return false;
            for (std::size_t k = 0; k < c.personaIds.size(); ++k)
                if (!refersTo({"cards", i, "personaIds", k}, c.personaIds[k], kPersona, kCard)) return false;
        }
        return true;
    }

    bool emotions() {
        for (std::size_t i = 0; i < m_.emotions.size(); ++i) {
            const Emotion& e = m_.emotions[i];
            if (!refersTo({"emotions", i, "personaId"}, e.personaId, kPersona, kEmotion) ||
                !refersTo({"emotions", i, "stageId"}, e.stageId, kStage, kEmotion) ||
                (e.cardId && !cardInStage({"emotions", i, "cardId"}, *e.cardId, e.stageId, kEmotion)))
                return false;
        }
        return true;
    }

    bool moments() {
        for (std::size_t i = 0; i < m_.moments.size(); ++i) {
            const MomentOfTruth& m = m_.moments[i];
            if (!refersTo({"moments", i, "stageId"}, m.stageId, kStage, kMoment) ||
                (m.cardId && !cardInStage({"moments", i, "cardId"}, *m.cardId, m.stageId, kMoment)))
                return false;
        }
        return true;
    }

    // The value a conflict of the merge report says was chosen must be one of its values.
    // (Nothing else in the workshop block refers to items: a ballot, report or crowd curve may
    // name an item the map no longer has.)
    bool conflicts() {
        const auto& list = m_.workshop.merge.conflicts;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const MergeConflict& c = list[i];
            if (!c.chosen || *c.chosen < static_cast<int>(c.values.size())) continue;
            return fail(childPath(childPath("/workshop/merge/conflicts", i), "chosen"),
                        LoadErrorCode::NoSuchConflictValue,
                        {std::to_string(c.values.size()), std::to_string(*c.chosen)});
        }
        return true;
    }

    bool fail(const Where& where, LoadErrorCode code, std::vector<ErrorArg> args) {
        return fail(where.path(), code, std::move(args));
    }

    bool fail(std::string path, LoadErrorCode code, std::vector<ErrorArg> args) {
        if (!error) error = LoadError{code, std::move(path), std::move(args)};
        return false;
    }

    const Map& m_;
    // Keyed by views of the map's own ids: no copy of them.
    std::unordered_map<std::string_view, Owner> ids_;
    std::unordered_map<std::string_view, const Card*> cardsById_;
};

}  // namespace

std::optional<LoadError> checkReferences(const Map& map) {
    References references(map);
    references.check();
    return references.error;
}

}  // namespace trayecto::format

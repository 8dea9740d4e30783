// Reading a format-v1 document, second pass: ids unique across the map, and every reference
// pointing at an existing item of the right kind (an emotion's or moment's card in its stage),
// or at one of a merge conflict's values.
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

struct Owner {
    Noun what;          // persona, stage, ...
    std::string path;   // where its id is defined
};

class References {
public:
    explicit References(const Map& m) : m_(m) {}

    std::optional<LoadError> error;

    bool check() {
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
            const std::string path = childPath(childPath("", key), i);
            auto [it, inserted] = ids_.emplace(items[i].id, Owner{what, path});
            if (!inserted)
                return fail(childPath(path, "id"), LoadErrorCode::DuplicateId,
                            {jsonQuoted(items[i].id), it->second.what.the, it->second.path});
        }
        return true;
    }

    bool refersTo(const std::string& path, const Id& id, const Noun& what, const Noun& holder) {
        auto it = ids_.find(id);
        if (it == ids_.end())
            return fail(path, LoadErrorCode::MissingReference, {holder.the, what.the, jsonQuoted(id)});
        if (it->second.what != what)
            return fail(path, LoadErrorCode::WrongReference,
                        {jsonQuoted(id), it->second.what.a, it->second.path, what.a});
        return true;
    }

    bool cardInStage(const std::string& path, const Id& cardId, const Id& stageId,
                     const Noun& holder) {
        if (!refersTo(path, cardId, kCard, holder)) return false;
        const Card* card = findCardFast(cardId);
        if (card && card->stageId != stageId)
            return fail(path, LoadErrorCode::CardInOtherStage,
                        {jsonQuoted(cardId), jsonQuoted(card->stageId), holder.the, jsonQuoted(stageId)});
        return true;
    }

    const Card* findCardFast(const Id& id) {
        if (cardsById_.empty())
            for (const auto& c : m_.cards) cardsById_.emplace(c.id, &c);
        auto it = cardsById_.find(id);
        return it == cardsById_.end() ? nullptr : it->second;
    }

    bool cards() {
        for (std::size_t i = 0; i < m_.cards.size(); ++i) {
            const Card& c = m_.cards[i];
            const std::string p = childPath("/cards", i);
            if (!refersTo(childPath(p, "stageId"), c.stageId, kStage, kCard) ||
                !refersTo(childPath(p, "laneId"), c.laneId, kLane, kCard))
                return false;
            for (std::size_t k = 0; k < c.personaIds.size(); ++k)
                if (!refersTo(childPath(childPath(p, "personaIds"), k), c.personaIds[k], kPersona, kCard))
                    return false;
        }
        return true;
    }

    bool emotions() {
        for (std::size_t i = 0; i < m_.emotions.size(); ++i) {
            const Emotion& e = m_.emotions[i];
            const std::string p = childPath("/emotions", i);
            if (!refersTo(childPath(p, "personaId"), e.personaId, kPersona, kEmotion) ||
                !refersTo(childPath(p, "stageId"), e.stageId, kStage, kEmotion) ||
                (e.cardId && !cardInStage(childPath(p, "cardId"), *e.cardId, e.stageId, kEmotion)))
                return false;
        }
        return true;
    }

    bool moments() {
        for (std::size_t i = 0; i < m_.moments.size(); ++i) {
            const MomentOfTruth& m = m_.moments[i];
            const std::string p = childPath("/moments", i);
            if (!refersTo(childPath(p, "stageId"), m.stageId, kStage, kMoment) ||
                (m.cardId && !cardInStage(childPath(p, "cardId"), *m.cardId, m.stageId, kMoment)))
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

    bool fail(std::string path, LoadErrorCode code, std::vector<ErrorArg> args) {
        if (!error) error = LoadError{code, std::move(path), std::move(args)};
        return false;
    }

    const Map& m_;
    std::unordered_map<Id, Owner> ids_;
    std::unordered_map<Id, const Card*> cardsById_;
};

}  // namespace

std::optional<LoadError> checkReferences(const Map& map) {
    References references(map);
    references.check();
    return references.error;
}

}  // namespace trayecto::format

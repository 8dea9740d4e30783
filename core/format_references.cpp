// Reading a format-v1 document, second pass: ids unique across the map, and every reference
// pointing at an existing item of the right kind (an emotion's or moment's card in its stage),
// or at one of a merge conflict's values.
#include <unordered_map>

#include "format_internal.hpp"

namespace trayecto::format {
namespace {

std::string withArticle(const std::string& noun) {
    const bool vowel = !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos;
    return (vowel ? "an " : "a ") + noun;
}

struct Owner {
    const char* what;   // "persona", "stage", ...
    std::string path;   // where its id is defined
};

class References {
public:
    explicit References(const Map& m) : m_(m) {}

    std::optional<LoadError> error;

    bool check() {
        return define(m_.personas, "persona", "personas") && define(m_.stages, "stage", "stages") &&
               define(m_.lanes, "lane", "lanes") && define(m_.cards, "card", "cards") &&
               define(m_.emotions, "emotion", "emotions") &&
               define(m_.moments, "moment of truth", "moments") && cards() && emotions() &&
               moments() && conflicts();
    }

private:
    template <typename T>
    bool define(const std::vector<T>& items, const char* what, const char* key) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string path = childPath(childPath("", key), i);
            auto [it, inserted] = ids_.emplace(items[i].id, Owner{what, path});
            if (!inserted)
                return fail(childPath(path, "id"),
                               "The id " + jsonQuoted(items[i].id) + " is already used by the " +
                                   it->second.what + " at " + it->second.path +
                                   "; ids must be unique across the whole map.");
        }
        return true;
    }

    bool refersTo(const std::string& path, const Id& id, const char* what, const char* holder) {
        auto it = ids_.find(id);
        if (it == ids_.end())
            return fail(path, std::string("The ") + holder + " refers to the " + what + " " +
                                     jsonQuoted(id) + ", which does not exist.");
        if (std::string(it->second.what) != what)
            return fail(path, jsonQuoted(id) + " is the id of " + withArticle(it->second.what) + " (" +
                                     it->second.path + "), not of " + withArticle(what) + ".");
        return true;
    }

    bool cardInStage(const std::string& path, const Id& cardId, const Id& stageId,
                     const char* holder) {
        if (!refersTo(path, cardId, "card", holder)) return false;
        const Card* card = findCardFast(cardId);
        if (card && card->stageId != stageId)
            return fail(path, "The card " + jsonQuoted(cardId) + " is in the stage " + jsonQuoted(card->stageId) +
                                     ", not in this " + holder + "'s stage " + jsonQuoted(stageId) + ".");
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
            if (!refersTo(childPath(p, "stageId"), c.stageId, "stage", "card") ||
                !refersTo(childPath(p, "laneId"), c.laneId, "lane", "card"))
                return false;
            for (std::size_t k = 0; k < c.personaIds.size(); ++k)
                if (!refersTo(childPath(childPath(p, "personaIds"), k), c.personaIds[k], "persona",
                              "card"))
                    return false;
        }
        return true;
    }

    bool emotions() {
        for (std::size_t i = 0; i < m_.emotions.size(); ++i) {
            const Emotion& e = m_.emotions[i];
            const std::string p = childPath("/emotions", i);
            if (!refersTo(childPath(p, "personaId"), e.personaId, "persona", "emotion") ||
                !refersTo(childPath(p, "stageId"), e.stageId, "stage", "emotion") ||
                (e.cardId && !cardInStage(childPath(p, "cardId"), *e.cardId, e.stageId, "emotion")))
                return false;
        }
        return true;
    }

    bool moments() {
        for (std::size_t i = 0; i < m_.moments.size(); ++i) {
            const MomentOfTruth& m = m_.moments[i];
            const std::string p = childPath("/moments", i);
            if (!refersTo(childPath(p, "stageId"), m.stageId, "stage", "moment of truth") ||
                (m.cardId &&
                 !cardInStage(childPath(p, "cardId"), *m.cardId, m.stageId, "moment of truth")))
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
                        "The conflict has " + std::to_string(c.values.size()) +
                            " values, numbered from 0; there is no value " +
                            std::to_string(*c.chosen) + " to choose.");
        }
        return true;
    }

    bool fail(std::string path, std::string message) {
        if (!error) error = LoadError{std::move(path), std::move(message)};
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

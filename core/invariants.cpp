// Structural invariants of a journey map (see invariants.hpp).
#include "trayecto/invariants.hpp"

#include "trayecto/format.hpp"

#include <cstring>
#include <string_view>
#include <unordered_map>

namespace trayecto {
namespace {

const char* describeKind(CardKind kind) {
    switch (kind) {
        case CardKind::Note: return "note";
        case CardKind::Touchpoint: return "touchpoint";
        case CardKind::PainPoint: return "pain point";
        case CardKind::Opportunity: return "opportunity";
        case CardKind::Backstage: return "backstage";
        case CardKind::Kpi: return "KPI";
    }
    return "card";
}

// "a stage", "an emotion", "an opportunity".
std::string withArticle(const std::string& noun) {
    const bool vowel = !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos;
    return (vowel ? "an " : "a ") + noun;
}

bool isScore(int x) { return x >= 1 && x <= 5; }

class Checker {
public:
    explicit Checker(const Map& m) : m_(m) {}

    std::vector<std::string> run() {
        owners_.reserve(m_.personas.size() + m_.stages.size() + m_.lanes.size() + m_.cards.size() +
                        m_.emotions.size() + m_.moments.size());
        cards_.reserve(m_.cards.size());
        collect(m_.personas, "persona");
        collect(m_.stages, "stage");
        collect(m_.lanes, "lane");
        collect(m_.cards, "card");
        collect(m_.emotions, "emotion");
        collect(m_.moments, "moment of truth");
        for (const auto& c : m_.cards) cards_.emplace(c.id, &c);
        for (const auto& c : m_.cards) card(c);
        for (const auto& e : m_.emotions) emotion(e);
        for (const auto& mot : m_.moments) moment(mot);
        workshop(m_.workshop);
        return std::move(problems_);
    }

private:
    template <typename T>
    void collect(const std::vector<T>& items, const char* what) {
        for (const auto& item : items) {
            if (item.id.empty()) continue;
            auto [it, inserted] = owners_.emplace(item.id, what);
            if (!inserted)
                problem(std::string(what) + " " + jsonQuoted(item.id) + " reuses an id already taken by " +
                        withArticle(it->second));
        }
    }

    bool exists(const Id& id, const char* what) const {
        auto it = owners_.find(id);
        return it != owners_.end() && std::strcmp(it->second, what) == 0;
    }

    // `holder` names the item for a message ("card \"c1\""): called only when there is one.
    template <typename Holder>
    void reference(const Holder& holder, const char* role, const Id& id, const char* what) {
        if (!exists(id, what))
            problem(holder() + " refers to missing " + what + " " + jsonQuoted(id) + " (" + role + ")");
    }

    template <typename Holder>
    void cardInStage(const Holder& holder, const Id& cardId, const Id& stageId) {
        if (!exists(cardId, "card")) {
            problem(holder() + " refers to missing card " + jsonQuoted(cardId) + " (cardId)");
            return;
        }
        const Card* c = cards_.at(cardId);
        if (c->stageId != stageId)
            problem(holder() + " is at card " + jsonQuoted(cardId) + " of stage " + jsonQuoted(c->stageId) +
                    ", not of its own stage " + jsonQuoted(stageId));
    }

    void card(const Card& c) {
        const auto holder = [&c] { return "card " + jsonQuoted(c.id); };
        reference(holder, "stageId", c.stageId, "stage");
        reference(holder, "laneId", c.laneId, "lane");
        for (const auto& p : c.personaIds) reference(holder, "personaIds", p, "persona");
        const bool wantsTouchpoint = c.kind == CardKind::Touchpoint;
        const bool wantsImprovement = c.kind == CardKind::PainPoint || c.kind == CardKind::Opportunity;
        const bool wantsBackstage = c.kind == CardKind::Backstage;
        const auto kind = [&c] { return withArticle(describeKind(c.kind)); };
        if (wantsTouchpoint != c.touchpoint.has_value())
            problem(holder() + (wantsTouchpoint ? " lacks" : " must not have") +
                    " touchpoint details (it is " + kind() + " card)");
        if (wantsImprovement != c.improvement.has_value())
            problem(holder() + (wantsImprovement ? " lacks" : " must not have") +
                    " improvement details (it is " + kind() + " card)");
        if (wantsBackstage != c.backstage.has_value())
            problem(holder() + (wantsBackstage ? " lacks" : " must not have") +
                    " backstage details (it is " + kind() + " card)");
        if (c.touchpoint) {
            if (c.touchpoint->expectation && !isScore(*c.touchpoint->expectation))
                problem(holder() + " has expectation " + std::to_string(*c.touchpoint->expectation) +
                        " outside 1..5");
            if (c.touchpoint->experience && !isScore(*c.touchpoint->experience))
                problem(holder() + " has experience " + std::to_string(*c.touchpoint->experience) +
                        " outside 1..5");
        }
        if (c.improvement) {
            const auto& i = *c.improvement;
            if (!isScore(i.severity))
                problem(holder() + " has severity " + std::to_string(i.severity) + " outside 1..5");
            if (!isScore(i.impact))
                problem(holder() + " has impact " + std::to_string(i.impact) + " outside 1..5");
            if (!isScore(i.effort))
                problem(holder() + " has effort " + std::to_string(i.effort) + " outside 1..5");
        }
    }

    void emotion(const Emotion& e) {
        const auto holder = [&e] { return "emotion " + jsonQuoted(e.id); };
        reference(holder, "personaId", e.personaId, "persona");
        reference(holder, "stageId", e.stageId, "stage");
        if (e.cardId) cardInStage(holder, *e.cardId, e.stageId);
        if (e.valence < kValenceMin || e.valence > kValenceMax)
            problem(holder() + " has valence " + std::to_string(e.valence) + " outside " +
                    std::to_string(kValenceMin) + ".." + std::to_string(kValenceMax));
    }

    void moment(const MomentOfTruth& mot) {
        const auto holder = [&mot] { return "moment of truth " + jsonQuoted(mot.id); };
        reference(holder, "stageId", mot.stageId, "stage");
        if (mot.cardId) cardInStage(holder, *mot.cardId, mot.stageId);
    }

    void workshop(const Workshop& w) {
        auto range = [&](const char* what, int value, int min, int max) {
            if (value < min || value > max)
                problem(std::string("the workshop's ") + what + " " + std::to_string(value) +
                        " is outside " + std::to_string(min) + ".." + std::to_string(max));
        };
        range("votes per person", w.votesPerPerson, 1, kMaxVotesPerPerson);
        range("agenda step", w.agendaStep, 0, kAgendaSteps - 1);
        range("timer minutes", w.timer.minutes, 1, kMaxTimerMinutes);
        // Ids a file cannot hold empty.
        for (const auto& [participant, cards] : w.ballots) {
            if (participant.empty()) problem("the workshop has a ballot without a participant id");
            for (const Id& card : cards)
                if (card.empty()) problem("the ballot of \"" + participant + "\" has a vote without a card id");
        }
        for (const CrowdCurve& curve : w.crowd) {
            if (curve.personaId.empty()) problem("a crowd curve has no persona id");
            for (const CrowdPoint& point : curve.points)
                if (point.stageId.empty()) problem("a crowd point of \"" + curve.personaId + "\" has no stage id");
        }
        for (const MergeConflict& c : w.merge.conflicts)
            if (c.chosen && (*c.chosen < 0 || *c.chosen >= static_cast<int>(c.values.size())))
                problem("the merge conflict on \"" + c.field + "\" of \"" + c.itemId +
                        "\" chose value " + std::to_string(*c.chosen) + " of " +
                        std::to_string(c.values.size()));
    }

    void problem(std::string line) { problems_.push_back(std::move(line)); }

    const Map& m_;
    // Keyed by views of the map's own ids: no copy of them.
    std::unordered_map<std::string_view, const char*> owners_;
    std::unordered_map<std::string_view, const Card*> cards_;
    std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> checkInvariants(const Map& map) { return Checker(map).run(); }

}  // namespace trayecto

#include "trayecto/model.hpp"

#include <algorithm>
#include <random>
#include <unordered_set>

namespace trayecto {

namespace {
template <typename T>
const T* findById(const std::vector<T>& items, const Id& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}
template <typename T>
int indexById(const std::vector<T>& items, const Id& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? -1 : static_cast<int>(it - items.begin());
}
}  // namespace

const Persona* findPersona(const Map& m, const Id& id) { return findById(m.personas, id); }
const Stage* findStage(const Map& m, const Id& id) { return findById(m.stages, id); }
const Lane* findLane(const Map& m, const Id& id) { return findById(m.lanes, id); }
const Card* findCard(const Map& m, const Id& id) { return findById(m.cards, id); }
const Emotion* findEmotion(const Map& m, const Id& id) { return findById(m.emotions, id); }
const MomentOfTruth* findMoment(const Map& m, const Id& id) { return findById(m.moments, id); }
const MomentOfTruth* momentOfCard(const Map& m, const Id& cardId) {
    for (const MomentOfTruth& mot : m.moments)
        if (mot.cardId && *mot.cardId == cardId) return &mot;
    return nullptr;
}
int stageIndex(const Map& m, const Id& id) { return indexById(m.stages, id); }
int laneIndex(const Map& m, const Id& id) { return indexById(m.lanes, id); }
int cardIndex(const Map& m, const Id& id) { return indexById(m.cards, id); }

CardKind defaultCardKind(LaneType lane) {
    switch (lane) {
        case LaneType::Touchpoints:
        case LaneType::Channels: return CardKind::Touchpoint;
        case LaneType::PainPoints: return CardKind::PainPoint;
        case LaneType::Opportunities: return CardKind::Opportunity;
        case LaneType::Backstage: return CardKind::Backstage;
        case LaneType::Kpis: return CardKind::Kpi;
        default: return CardKind::Note;
    }
}

void conformDetailsToKind(Card& card) {
    const bool wantsTouchpoint = card.kind == CardKind::Touchpoint;
    const bool wantsImprovement =
        card.kind == CardKind::PainPoint || card.kind == CardKind::Opportunity;
    const bool wantsBackstage = card.kind == CardKind::Backstage;
    if (wantsTouchpoint && !card.touchpoint) card.touchpoint.emplace();
    if (!wantsTouchpoint) card.touchpoint.reset();
    if (wantsImprovement && !card.improvement) card.improvement.emplace();
    if (!wantsImprovement) card.improvement.reset();
    if (wantsBackstage && !card.backstage) card.backstage.emplace();
    if (!wantsBackstage) card.backstage.reset();
}

Id newId(const Map& m, const std::string& prefix) {
    static std::mt19937_64 rng{std::random_device{}()};
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::unordered_set<std::string> used;
    auto collect = [&](const auto& items) { for (const auto& x : items) used.insert(x.id); };
    collect(m.personas); collect(m.stages); collect(m.lanes);
    collect(m.cards); collect(m.emotions); collect(m.moments);
    for (;;) {
        std::string id = prefix + "-";
        std::uint64_t r = rng();
        for (int i = 0; i < 8; ++i) { id += digits[r % 36]; r /= 36; }
        if (!used.count(id)) return id;
    }
}

}  // namespace trayecto

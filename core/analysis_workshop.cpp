// Workshop analysis: touchpoint owners per phase, the CX-dimension heat map, the impact/effort
// matrix and the first levers (moments of truth that fall short). Declared in analysis.hpp.
#include <algorithm>
#include <unordered_map>

#include "analysis_internal.hpp"
#include "trayecto/analysis.hpp"

namespace trayecto {

namespace {

using detail::positionOf;
using detail::stagePositions;

bool isClosed(ImprovementStatus status) {
    return status == ImprovementStatus::Done || status == ImprovementStatus::Discarded;
}

// Failing first: the order levers take when their gaps are equal.
int urgency(MotState state) {
    switch (state) {
        case MotState::Failing: return 0;
        case MotState::AtRisk: return 1;
        case MotState::Unknown: return 2;
        case MotState::Good: return 3;
    }
    return 3;
}

}  // namespace

// ---- Owner mix

std::optional<double> OwnerMix::controlledShare() const {
    if (total == 0) return std::nullopt;
    return static_cast<double>(controlled) / total;
}

std::vector<OwnerMix> ownerMixByPhase(const Map& map) {
    std::vector<OwnerMix> mix(3);
    for (int p = 0; p < 3; ++p) mix[static_cast<std::size_t>(p)].phase = static_cast<Phase>(p);
    std::unordered_map<Id, Phase> phaseOf;
    for (const Stage& s : map.stages) phaseOf.emplace(s.id, s.phase);
    for (const Card& c : map.cards) {
        if (!c.touchpoint) continue;
        auto phase = phaseOf.find(c.stageId);
        if (phase == phaseOf.end()) continue;
        OwnerMix& m = mix[static_cast<std::size_t>(phase->second)];
        const auto owner = static_cast<std::size_t>(c.touchpoint->owner);
        if (owner < m.counts.size()) m.counts[owner] += 1;
        m.total += 1;
        m.controlled += c.touchpoint->controlled ? 1 : 0;
    }
    return mix;
}

// ---- CX-dimension heat map

DimensionHeatMap dimensionHeatMap(const Map& map) {
    const auto stages = stagePositions(map);
    DimensionHeatMap heat;
    for (const Stage& s : map.stages) heat.stageIds.push_back(s.id);
    heat.counts.assign(map.stages.size(), {});
    heat.stageTouchpoints.assign(map.stages.size(), 0);
    for (const Card& c : map.cards) {
        if (!c.touchpoint) continue;
        const int stage = positionOf(stages, c.stageId);
        if (stage < 0) continue;
        auto& row = heat.counts[static_cast<std::size_t>(stage)];
        heat.stageTouchpoints[static_cast<std::size_t>(stage)] += 1;
        for (std::size_t d = 0; d < kDimensions.size(); ++d) {
            if ((c.touchpoint->dimensions & kDimensions[d]) == 0) continue;
            row[d] += 1;
            heat.dimensionTotals[d] += 1;
            heat.maxCount = std::max(heat.maxCount, row[d]);
        }
    }
    return heat;
}

// ---- Impact/effort matrix

Quadrant quadrantOf(int impact, int effort, const MatrixThresholds& thresholds) {
    const bool highImpact = impact >= thresholds.highImpactFrom;
    const bool highEffort = effort >= thresholds.highEffortFrom;
    if (highImpact) return highEffort ? Quadrant::MajorProject : Quadrant::QuickWin;
    return highEffort ? Quadrant::ThanklessTask : Quadrant::FillIn;
}

std::vector<MatrixPoint> impactEffortMatrix(const Map& map, const MatrixOptions& options) {
    const auto stages = stagePositions(map);
    struct Entry {
        MatrixPoint point;
        int stage;
        std::size_t order;
    };
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < map.cards.size(); ++i) {
        const Card& c = map.cards[i];
        const bool wanted = c.kind == CardKind::Opportunity ||
                            (options.includePainPoints && c.kind == CardKind::PainPoint);
        if (!wanted || !c.improvement) continue;
        if (!options.includeClosed && isClosed(c.improvement->status)) continue;
        const int stage = positionOf(stages, c.stageId);
        MatrixPoint p;
        p.cardId = c.id;
        p.kind = c.kind;
        p.stageId = c.stageId;
        p.stageName = stage < 0 ? std::string() : map.stages[static_cast<std::size_t>(stage)].name;
        p.text = c.text;
        p.impact = c.improvement->impact;
        p.effort = std::max(1, c.improvement->effort);
        p.votes = c.votes;
        p.status = c.improvement->status;
        p.quadrant = quadrantOf(p.impact, p.effort, options.thresholds);
        entries.push_back(Entry{std::move(p), stage < 0 ? static_cast<int>(map.stages.size()) : stage, i});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        const MatrixPoint& x = a.point;
        const MatrixPoint& y = b.point;
        if (x.quadrant != y.quadrant) return x.quadrant < y.quadrant;
        if (x.votes != y.votes) return x.votes > y.votes;
        const int score = x.impact * y.effort - y.impact * x.effort;   // impact/effort, exactly
        if (score != 0) return score > 0;
        if (a.stage != b.stage) return a.stage < b.stage;
        return a.order < b.order;
    });
    std::vector<MatrixPoint> points;
    points.reserve(entries.size());
    for (Entry& e : entries) points.push_back(std::move(e.point));
    return points;
}

// ---- First levers

std::vector<Lever> firstLevers(const Map& map) {
    const auto stages = stagePositions(map);
    std::unordered_map<Id, const Card*> cards;
    std::unordered_map<Id, int> openPains;
    for (const Card& c : map.cards) {
        cards.emplace(c.id, &c);
        if (c.kind == CardKind::PainPoint && c.improvement && !isClosed(c.improvement->status))
            openPains[c.stageId] += 1;
    }
    struct Entry {
        Lever lever;
        int stage;
        std::size_t order;
    };
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < map.moments.size(); ++i) {
        const MomentOfTruth& m = map.moments[i];
        if (!m.cardId) continue;
        auto found = cards.find(*m.cardId);
        if (found == cards.end()) continue;
        const Card& c = *found->second;
        if (!c.touchpoint || !c.touchpoint->expectation || !c.touchpoint->experience) continue;
        const int gap = *c.touchpoint->experience - *c.touchpoint->expectation;
        if (gap >= 0) continue;
        const int stage = positionOf(stages, m.stageId);
        Lever l;
        l.momentId = m.id;
        l.momentName = m.name;
        l.type = m.type;
        l.customType = m.customType;
        l.state = m.state;
        l.stageId = m.stageId;
        l.stageName = stage < 0 ? std::string() : map.stages[static_cast<std::size_t>(stage)].name;
        l.cardId = c.id;
        l.cardText = c.text;
        l.channel = c.touchpoint->channel;
        l.expectation = *c.touchpoint->expectation;
        l.experience = *c.touchpoint->experience;
        l.gap = gap;
        l.votes = c.votes;
        auto pains = openPains.find(m.stageId);
        l.openPainPoints = pains == openPains.end() ? 0 : pains->second;
        entries.push_back(Entry{std::move(l), stage < 0 ? static_cast<int>(map.stages.size()) : stage, i});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        const Lever& x = a.lever;
        const Lever& y = b.lever;
        if (x.gap != y.gap) return x.gap < y.gap;
        if (urgency(x.state) != urgency(y.state)) return urgency(x.state) < urgency(y.state);
        if (x.votes != y.votes) return x.votes > y.votes;
        if (a.stage != b.stage) return a.stage < b.stage;
        return a.order < b.order;
    });
    std::vector<Lever> levers;
    levers.reserve(entries.size());
    for (Entry& e : entries) {
        e.lever.rank = static_cast<int>(levers.size()) + 1;
        levers.push_back(std::move(e.lever));
    }
    return levers;
}

}  // namespace trayecto

// Analysis of a journey map: counts, emotional curves, gaps, moments, coverage, rankings.
#include "trayecto/analysis.hpp"

#include "analysis_internal.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace trayecto {

namespace {

using detail::positionOf;
using detail::stagePositions;

std::string stageNameAt(const Map& map, int position) {
    return position < 0 ? std::string() : map.stages[static_cast<std::size_t>(position)].name;
}

// Running sums while building a curve.
struct CurveSum {
    int total = 0;
    int count = 0;
    std::vector<std::string> feelings;
};

EmotionCurve finishCurve(const Map& map, Id personaId, std::vector<CurveSum>& sums) {
    EmotionCurve curve;
    curve.personaId = std::move(personaId);
    curve.points.resize(map.stages.size());
    for (std::size_t i = 0; i < map.stages.size(); ++i) {
        CurvePoint& p = curve.points[i];
        p.stageId = map.stages[i].id;
        p.emotionCount = sums[i].count;
        if (sums[i].count > 0) p.valence = static_cast<double>(sums[i].total) / sums[i].count;
        p.feelings = std::move(sums[i].feelings);
    }
    return curve;
}

void addToSum(CurveSum& sum, const Emotion& e) {
    sum.total += e.valence;
    sum.count += 1;
    if (!e.feeling.empty() &&
        std::find(sum.feelings.begin(), sum.feelings.end(), e.feeling) == sum.feelings.end())
        sum.feelings.push_back(e.feeling);
}

}  // namespace

// ---- Counts

MapCounts countItems(const Map& map) {
    MapCounts c;
    c.personas = static_cast<int>(map.personas.size());
    c.stages = static_cast<int>(map.stages.size());
    c.lanes = static_cast<int>(map.lanes.size());
    for (const Lane& l : map.lanes) c.hiddenLanes += l.hidden ? 1 : 0;
    c.cards = static_cast<int>(map.cards.size());
    for (const Card& card : map.cards) {
        switch (card.kind) {
            case CardKind::Note: ++c.notes; break;
            case CardKind::Touchpoint: ++c.touchpoints; break;
            case CardKind::PainPoint: ++c.painPoints; break;
            case CardKind::Opportunity: ++c.opportunities; break;
            case CardKind::Backstage: ++c.backstage; break;
            case CardKind::Kpi: ++c.kpis; break;
        }
    }
    c.emotions = static_cast<int>(map.emotions.size());
    c.moments = static_cast<int>(map.moments.size());
    return c;
}

// ---- Emotional curve

std::optional<double> EmotionCurve::averageValence() const {
    double total = 0;
    int present = 0;
    for (const CurvePoint& p : points) {
        if (!p.valence) continue;
        total += *p.valence;
        ++present;
    }
    if (present == 0) return std::nullopt;
    return total / present;
}

int EmotionCurve::presentCount() const {
    return static_cast<int>(std::count_if(points.begin(), points.end(),
                                          [](const CurvePoint& p) { return p.valence.has_value(); }));
}

std::vector<EmotionCurve> emotionCurves(const Map& map) {
    const auto stages = stagePositions(map);
    std::unordered_map<Id, std::size_t> personas;
    for (std::size_t i = 0; i < map.personas.size(); ++i) personas.emplace(map.personas[i].id, i);

    std::vector<std::vector<CurveSum>> sums(map.personas.size(),
                                            std::vector<CurveSum>(map.stages.size()));
    for (const Emotion& e : map.emotions) {
        auto persona = personas.find(e.personaId);
        const int stage = positionOf(stages, e.stageId);
        if (persona == personas.end() || stage < 0) continue;
        addToSum(sums[persona->second][static_cast<std::size_t>(stage)], e);
    }
    std::vector<EmotionCurve> curves;
    curves.reserve(map.personas.size());
    for (std::size_t i = 0; i < map.personas.size(); ++i)
        curves.push_back(finishCurve(map, map.personas[i].id, sums[i]));
    return curves;
}

EmotionCurve emotionCurve(const Map& map, const Id& personaId) {
    const auto stages = stagePositions(map);
    std::vector<CurveSum> sums(map.stages.size());
    for (const Emotion& e : map.emotions) {
        if (e.personaId != personaId) continue;
        const int stage = positionOf(stages, e.stageId);
        if (stage >= 0) addToSum(sums[static_cast<std::size_t>(stage)], e);
    }
    return finishCurve(map, personaId, sums);
}

// ---- Expectation–experience gap

std::vector<TouchpointGap> touchpointGaps(const Map& map) {
    const auto stages = stagePositions(map);
    std::unordered_set<Id> momentCards;
    for (const MomentOfTruth& m : map.moments)
        if (m.cardId) momentCards.insert(*m.cardId);

    struct Ranked {
        TouchpointGap gap;
        int stage;
        std::size_t order;
    };
    std::vector<Ranked> ranked;
    for (std::size_t i = 0; i < map.cards.size(); ++i) {
        const Card& c = map.cards[i];
        if (!c.touchpoint || !c.touchpoint->expectation || !c.touchpoint->experience) continue;
        const int stage = positionOf(stages, c.stageId);
        TouchpointGap g;
        g.cardId = c.id;
        g.stageId = c.stageId;
        g.stageName = stageNameAt(map, stage);
        g.text = c.text;
        g.channel = c.touchpoint->channel;
        g.expectation = *c.touchpoint->expectation;
        g.experience = *c.touchpoint->experience;
        g.gap = g.experience - g.expectation;
        g.momentOfTruth = momentCards.count(c.id) > 0;
        ranked.push_back(Ranked{std::move(g), stage, i});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.gap.gap != b.gap.gap) return a.gap.gap < b.gap.gap;
        if (a.stage != b.stage) return a.stage < b.stage;
        return a.order < b.order;
    });
    std::vector<TouchpointGap> gaps;
    gaps.reserve(ranked.size());
    for (Ranked& r : ranked) gaps.push_back(std::move(r.gap));
    return gaps;
}

// ---- Moments of truth

std::vector<MomentSummary> momentsOfTruth(const Map& map) {
    const auto stages = stagePositions(map);
    std::unordered_map<Id, std::size_t> cards;
    for (const MomentOfTruth& m : map.moments)
        if (m.cardId) cards.emplace(*m.cardId, map.cards.size());
    for (std::size_t i = 0; i < map.cards.size(); ++i) {
        auto it = cards.find(map.cards[i].id);
        if (it != cards.end()) it->second = i;
    }

    std::vector<std::pair<int, MomentSummary>> ordered;
    ordered.reserve(map.moments.size());
    for (const MomentOfTruth& m : map.moments) {
        const int stage = positionOf(stages, m.stageId);
        MomentSummary s;
        s.momentId = m.id;
        s.name = m.name;
        s.type = m.type;
        s.customType = m.customType;
        s.state = m.state;
        s.reason = m.reason;
        s.stageId = m.stageId;
        s.stageName = stageNameAt(map, stage);
        s.cardId = m.cardId;
        if (m.cardId) {
            const std::size_t at = cards[*m.cardId];
            if (at < map.cards.size()) {
                const Card& c = map.cards[at];
                s.cardText = c.text;
                if (c.touchpoint && c.touchpoint->expectation && c.touchpoint->experience)
                    s.gap = *c.touchpoint->experience - *c.touchpoint->expectation;
            }
        }
        ordered.emplace_back(stage < 0 ? static_cast<int>(map.stages.size()) : stage, std::move(s));
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<MomentSummary> out;
    out.reserve(ordered.size());
    for (auto& o : ordered) out.push_back(std::move(o.second));
    return out;
}

// ---- Channel × stage coverage

ChannelCoverage channelCoverage(const Map& map) {
    const auto stages = stagePositions(map);
    ChannelCoverage cov;
    for (const Stage& s : map.stages) cov.stageIds.push_back(s.id);
    cov.counts.assign(kChannelCount, std::vector<int>(map.stages.size(), 0));
    cov.channelTotals.assign(kChannelCount, 0);
    cov.stageTotals.assign(map.stages.size(), 0);
    for (const Card& c : map.cards) {
        if (!c.touchpoint) continue;
        const int stage = positionOf(stages, c.stageId);
        const int channel = static_cast<int>(c.touchpoint->channel);
        if (stage < 0 || channel < 0 || channel >= kChannelCount) continue;
        cov.counts[channel][stage] += 1;
        cov.channelTotals[channel] += 1;
        cov.stageTotals[stage] += 1;
    }
    return cov;
}

// ---- Rankings

double impactEffortScore(const ImprovementInfo& info) {
    return static_cast<double>(info.impact) / std::max(1, info.effort);
}

std::vector<RankedImprovement> rankImprovements(const Map& map, CardKind kind, Ranking by,
                                                bool includeClosed) {
    const auto stages = stagePositions(map);
    struct Entry {
        RankedImprovement item;
        int stage;
        std::size_t order;
    };
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < map.cards.size(); ++i) {
        const Card& c = map.cards[i];
        if (c.kind != kind || !c.improvement) continue;
        const ImprovementInfo& info = *c.improvement;
        const bool closed = info.status == ImprovementStatus::Done ||
                            info.status == ImprovementStatus::Discarded;
        if (closed && !includeClosed) continue;
        const int stage = positionOf(stages, c.stageId);
        RankedImprovement r;
        r.cardId = c.id;
        r.kind = c.kind;
        r.stageId = c.stageId;
        r.stageName = stageNameAt(map, stage);
        r.text = c.text;
        r.votes = c.votes;
        r.severity = info.severity;
        r.impact = info.impact;
        r.effort = std::max(1, info.effort);
        r.score = impactEffortScore(info);
        r.owner = info.owner;
        r.status = info.status;
        entries.push_back(Entry{std::move(r), stage < 0 ? static_cast<int>(map.stages.size()) : stage, i});
    }
    // impact/effort compared exactly by cross-multiplying (no floating-point ties).
    auto scoreOrder = [](const RankedImprovement& a, const RankedImprovement& b) {
        return a.impact * b.effort - b.impact * a.effort;   // > 0: a scores higher
    };
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        const RankedImprovement& x = a.item;
        const RankedImprovement& y = b.item;
        const int score = scoreOrder(x, y);
        if (by == Ranking::ByVotes) {
            if (x.votes != y.votes) return x.votes > y.votes;
            if (score != 0) return score > 0;
        } else {
            if (score != 0) return score > 0;
            if (x.impact != y.impact) return x.impact > y.impact;
            if (x.votes != y.votes) return x.votes > y.votes;
        }
        if (x.severity != y.severity) return x.severity > y.severity;
        if (a.stage != b.stage) return a.stage < b.stage;
        return a.order < b.order;
    });
    std::vector<RankedImprovement> out;
    out.reserve(entries.size());
    for (Entry& e : entries) out.push_back(std::move(e.item));
    return out;
}

}  // namespace trayecto

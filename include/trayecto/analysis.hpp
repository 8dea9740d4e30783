// Analysis of a journey map (no UI): emotional curves, expectation–experience gaps, moments of
// truth, channel coverage, and pain points / opportunities ranked by votes or impact/effort.
// All results are in a deterministic order and take O(n log n) in the size of the map.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto {

// ---- Counts (for summaries and the command-line `stats`)
struct MapCounts {
    int personas = 0;
    int stages = 0;
    int lanes = 0;
    int hiddenLanes = 0;
    int cards = 0;
    int notes = 0;
    int touchpoints = 0;
    int painPoints = 0;
    int opportunities = 0;
    int backstage = 0;
    int kpis = 0;
    int emotions = 0;
    int moments = 0;
};
MapCounts countItems(const Map& map);

// ---- Emotional curve
// One point per stage, in stage order. A persona's emotions at one stage (whether or not they
// name a card) are averaged; a stage with none of them has no valence (the curve has a hole).
struct CurvePoint {
    Id stageId;
    std::optional<double> valence;     // mean valence; empty when the persona has none here
    int emotionCount = 0;              // how many emotions were averaged
    std::vector<std::string> feelings; // distinct non-empty named feelings, in map order
};

struct EmotionCurve {
    Id personaId;
    std::vector<CurvePoint> points;    // points[i] belongs to map.stages[i]
    // Mean of the present points (each stage weighs the same); empty when all are absent.
    std::optional<double> averageValence() const;
    int presentCount() const;          // stages with a valence
};

// One curve per persona, in persona order.
std::vector<EmotionCurve> emotionCurves(const Map& map);
// The curve of one persona (all points absent if the id is unknown).
EmotionCurve emotionCurve(const Map& map, const Id& personaId);

// ---- Expectation–experience gap per touchpoint
struct TouchpointGap {
    Id cardId;
    Id stageId;
    std::string stageName;
    std::string text;          // the card's text
    Channel channel = Channel::Other;
    int expectation = 0;       // 1..5
    int experience = 0;        // 1..5
    int gap = 0;               // experience - expectation: negative = worse than expected
    bool momentOfTruth = false;// some moment of truth points at this card
};
// Touchpoint cards with both scores, worst gap first; ties in stage order, then card order.
std::vector<TouchpointGap> touchpointGaps(const Map& map);

// ---- Moments of truth
struct MomentSummary {
    Id momentId;
    std::string name;
    MotType type = MotType::First;
    std::string customType;
    MotState state = MotState::Unknown;
    std::string reason;
    Id stageId;
    std::string stageName;
    std::optional<Id> cardId;
    std::string cardText;      // empty without a card
    std::optional<int> gap;    // the card's experience - expectation, when both are set
};
// All moments in stage order; moments of one stage in map order.
std::vector<MomentSummary> momentsOfTruth(const Map& map);

// ---- Channel × stage coverage
constexpr int kChannelCount = static_cast<int>(Channel::Other) + 1;

struct ChannelCoverage {
    std::vector<Id> stageIds;                 // columns, in stage order
    std::vector<std::vector<int>> counts;     // counts[channel][stage]: touchpoint cards
    std::vector<int> channelTotals;           // per channel (kChannelCount rows, enum order)
    std::vector<int> stageTotals;             // per stage
    int count(Channel channel, int stage) const {
        return counts[static_cast<int>(channel)][stage];
    }
};
// Every channel is a row (enum order), even when unused, so gaps in coverage show.
ChannelCoverage channelCoverage(const Map& map);

// ---- Pain points and opportunities, ranked
enum class Ranking {
    ByVotes,         // votes, then impact/effort score, severity, stage order, card order
    ByImpactEffort,  // impact/effort score, then impact, votes, severity, stage order, card order
};

// Quick-win score: impact / effort (both 1..5, effort taken as at least 1). 5 = high impact for
// the least effort; 0.2 = the reverse.
double impactEffortScore(const ImprovementInfo& info);

struct RankedImprovement {
    Id cardId;
    CardKind kind = CardKind::PainPoint;
    Id stageId;
    std::string stageName;
    std::string text;
    int votes = 0;
    int severity = 0;
    int impact = 0;
    int effort = 0;
    double score = 0;          // impactEffortScore
    std::string owner;
    ImprovementStatus status = ImprovementStatus::Open;
};
// Cards of `kind` (PainPoint or Opportunity) that carry improvement details, best first.
// `includeClosed` false leaves out Done and Discarded ones.
std::vector<RankedImprovement> rankImprovements(const Map& map, CardKind kind, Ranking by,
                                                bool includeClosed = true);

}  // namespace trayecto

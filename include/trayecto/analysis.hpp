// Analysis of a journey map (no UI): emotional curves, expectation–experience gaps, moments of
// truth, channel coverage, and pain points / opportunities ranked by votes or impact/effort.
// All results are in a deterministic order and take O(n log n) in the size of the map.
#pragma once

#include <array>
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

// ---- Workshop analysis (core/analysis_workshop.cpp)

// Touchpoint owners per phase (Lemon & Verhoef): who owns the touchpoints of each phase, and
// how many the organisation controls (the touchpoint's `controlled` flag).
constexpr int kOwnerCount = static_cast<int>(TouchpointOwner::SocialExternal) + 1;

struct OwnerMix {
    Phase phase = Phase::PrePurchase;
    std::array<int, kOwnerCount> counts{};   // touchpoint cards per owner, in enum order
    int total = 0;                           // touchpoint cards on the phase's stages
    int controlled = 0;                      // of them, controlled by the organisation
    int count(TouchpointOwner owner) const { return counts[static_cast<std::size_t>(owner)]; }
    // controlled / total; empty when the phase has no touchpoints.
    std::optional<double> controlledShare() const;
};
// Always three entries, in phase order.
std::vector<OwnerMix> ownerMixByPhase(const Map& map);

// The five CX dimensions, in the order the format and the reports use.
constexpr int kDimensionCount = 5;
constexpr std::array<CxDimension, kDimensionCount> kDimensions = {
    DimCognitive, DimEmotional, DimBehavioural, DimSensory, DimSocial};

// How many touchpoints touch each CX dimension at each stage.
struct DimensionHeatMap {
    std::vector<Id> stageIds;                               // rows, in stage order
    std::vector<std::array<int, kDimensionCount>> counts;   // counts[stage][dimension]
    std::vector<int> stageTouchpoints;                      // touchpoint cards per stage
    std::array<int, kDimensionCount> dimensionTotals{};     // per dimension, all stages
    int maxCount = 0;                                       // the largest cell (for shading)
};
DimensionHeatMap dimensionHeatMap(const Map& map);

// The impact/effort matrix (scores 1..5). With the default thresholds a score of 4 or 5 is
// high and 1..3 is low, so an unrated card (3/3) is a fill-in:
//   quick win      = high impact, low effort     major project   = high impact, high effort
//   fill-in        = low impact, low effort      thankless task  = low impact, high effort
enum class Quadrant { QuickWin, MajorProject, FillIn, ThanklessTask };

struct MatrixThresholds {
    int highImpactFrom = 4;   // impact >= this is high
    int highEffortFrom = 4;   // effort >= this is high
};
Quadrant quadrantOf(int impact, int effort, const MatrixThresholds& thresholds = {});

struct MatrixOptions {
    MatrixThresholds thresholds;
    bool includePainPoints = false;   // opportunities only by default
    bool includeClosed = false;       // leave out done and discarded ones by default
};

struct MatrixPoint {
    Id cardId;
    CardKind kind = CardKind::Opportunity;
    Id stageId;
    std::string stageName;
    std::string text;
    int impact = 3;
    int effort = 3;
    int votes = 0;
    ImprovementStatus status = ImprovementStatus::Open;
    Quadrant quadrant = Quadrant::FillIn;
};
// Cards with improvement details, quick wins first (quadrant order), then more votes, then the
// impact/effort score, then stage order and card order.
std::vector<MatrixPoint> impactEffortMatrix(const Map& map, const MatrixOptions& options = {});

// The first levers to act on: moments of truth whose touchpoint falls short of what the
// customer expects (experience - expectation < 0). Ranked by the biggest shortfall; ties put
// failing moments before at-risk, unknown and good ones, then more votes on the touchpoint,
// then stage order and moment order.
struct Lever {
    int rank = 0;                 // 1 = act here first
    Id momentId;
    std::string momentName;
    MotType type = MotType::First;
    std::string customType;
    MotState state = MotState::Unknown;
    Id stageId;
    std::string stageName;
    Id cardId;
    std::string cardText;
    Channel channel = Channel::Other;
    int expectation = 0;
    int experience = 0;
    int gap = 0;                  // experience - expectation (< 0)
    int votes = 0;                // on the touchpoint card
    int openPainPoints = 0;       // pain points at the same stage not yet done or discarded
};
std::vector<Lever> firstLevers(const Map& map);

}  // namespace trayecto

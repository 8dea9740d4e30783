// The journey-map model: plain data, no behaviour beyond lookups.
// Every item carries a stable unique id (unique across the whole map).
// Order is the position in its vector: stages left to right, lanes top to bottom,
// and the cards of one (stage, lane) cell in the order they appear in `cards`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trayecto {

using Id = std::string;

// Fields a newer or foreign writer put in the file that this version does not know:
// kept as key -> serialized JSON text and written back unchanged.
using UnknownFields = std::map<std::string, std::string>;

// 0xRRGGBB; written in JSON as "#rrggbb".
using Rgb = std::uint32_t;

struct MapMeta {
    std::string title;
    std::string description;
    std::string scope;        // what part of the experience the map covers
    std::string language;     // BCP 47 tag of the content, e.g. "es", "en"
    std::string author;
    std::string created;      // ISO 8601 UTC, e.g. "2026-11-22T08:00:00Z"
    std::string modified;     // ISO 8601 UTC
    UnknownFields unknown;
};

enum class ValueTier { Unset, Low, Medium, High, Top };   // customer lifetime value tier

struct Persona {
    Id id;
    std::string name;
    std::string description;
    std::string goals;
    std::string needs;
    std::string expectations;
    std::string frustrations;
    std::string quote;
    Rgb color = 0x4477aa;
    std::string icon;         // short symbol or emoji-free glyph name, e.g. "user"
    ValueTier valueTier = ValueTier::Unset;
    UnknownFields unknown;
};

// Lemon & Verhoef's three phases of the customer journey.
enum class Phase { PrePurchase, Purchase, PostPurchase };

struct Stage {
    Id id;
    std::string name;
    Phase phase = Phase::PrePurchase;
    std::string description;
    UnknownFields unknown;
};

enum class LaneType {
    Actions, Goals, Touchpoints, Channels, Thoughts, Emotions,
    PainPoints, Opportunities, Backstage, Kpis, Custom
};

struct Lane {
    Id id;
    std::string name;
    LaneType type = LaneType::Custom;
    bool hidden = false;
    UnknownFields unknown;
};

enum class Channel {
    Web, App, Store, Phone, Email, Social, Chat, InPerson, Advertising, Packaging, Other
};
enum class TouchpointKind { Personal, Physical, Digital };
// Lemon & Verhoef's touchpoint owners.
enum class TouchpointOwner { Brand, Partner, Customer, SocialExternal };

// Bit flags for the CX dimensions a touchpoint touches.
enum CxDimension : std::uint8_t {
    DimCognitive = 1 << 0,
    DimEmotional = 1 << 1,
    DimBehavioural = 1 << 2,
    DimSensory = 1 << 3,
    DimSocial = 1 << 4,
};
constexpr std::uint8_t kAllDimensions = 0x1f;

enum class MetricType { Csat, Nps, Ces, Custom };

struct Metric {
    MetricType type = MetricType::Csat;
    std::string name;              // label; required for Custom
    std::optional<double> value;   // measured value
    std::optional<double> target;  // the goal
    std::string unit;
    UnknownFields unknown;
};

struct TouchpointInfo {
    Channel channel = Channel::Web;
    TouchpointKind kind = TouchpointKind::Digital;
    TouchpointOwner owner = TouchpointOwner::Brand;
    bool controlled = true;          // whether the organisation controls it
    std::uint8_t dimensions = 0;     // CxDimension flags
    std::optional<int> expectation;  // 1..5: what the customer expects
    std::optional<int> experience;   // 1..5: the quality they experience
    std::vector<Metric> metrics;
    UnknownFields unknown;
};

enum class ImprovementStatus { Open, InProgress, Done, Discarded };

// Pain points and opportunities share these attributes.
struct ImprovementInfo {
    int severity = 3;   // 1..5 (pain points: how bad; opportunities: how valuable)
    int impact = 3;     // 1..5
    int effort = 3;     // 1..5
    std::string owner;
    ImprovementStatus status = ImprovementStatus::Open;
    UnknownFields unknown;
};

// The brand's internal process behind a stage (customer lifecycle, backstage).
struct BackstageInfo {
    std::string owner;    // team or role responsible
    std::string systems;  // systems involved
    UnknownFields unknown;
};

enum class CardKind { Note, Touchpoint, PainPoint, Opportunity, Backstage, Kpi };

constexpr int kMaxVotes = 1'000'000'000;   // the most votes one card may hold

struct Card {
    Id id;
    Id stageId;
    Id laneId;
    CardKind kind = CardKind::Note;
    std::string text;
    std::string notes;
    std::optional<Rgb> color;        // unset: the colour of its kind
    std::vector<Id> personaIds;      // empty: applies to every persona
    int votes = 0;                   // 0..kMaxVotes
    std::optional<TouchpointInfo> touchpoint;    // present iff kind == Touchpoint
    std::optional<ImprovementInfo> improvement;  // present iff kind is PainPoint or Opportunity
    std::optional<BackstageInfo> backstage;      // present iff kind == Backstage
    UnknownFields unknown;
};

constexpr int kValenceMin = -3;
constexpr int kValenceMax = 3;

// How one persona feels at one stage (optionally at one touchpoint card of that stage).
struct Emotion {
    Id id;
    Id personaId;
    Id stageId;
    std::optional<Id> cardId;
    int valence = 0;          // kValenceMin..kValenceMax
    std::string feeling;      // named emotion, e.g. "frustración"
    std::string note;
    UnknownFields unknown;
};

enum class MotType { Zero, First, Second, Custom };
enum class MotState { Unknown, Good, AtRisk, Failing };

struct MomentOfTruth {
    Id id;
    MotType type = MotType::First;
    std::string customType;   // used when type == Custom
    std::string name;
    std::string reason;       // why it matters
    MotState state = MotState::Unknown;
    Id stageId;
    std::optional<Id> cardId; // the touchpoint or card it happens at
    UnknownFields unknown;
};

struct Map {
    MapMeta meta;
    std::vector<Persona> personas;
    std::vector<Stage> stages;
    std::vector<Lane> lanes;
    std::vector<Card> cards;
    std::vector<Emotion> emotions;
    std::vector<MomentOfTruth> moments;
    UnknownFields unknown;
};

// Lookups: nullptr when absent.
const Persona* findPersona(const Map& map, const Id& id);
const Stage* findStage(const Map& map, const Id& id);
const Lane* findLane(const Map& map, const Id& id);
const Card* findCard(const Map& map, const Id& id);
const Emotion* findEmotion(const Map& map, const Id& id);
const MomentOfTruth* findMoment(const Map& map, const Id& id);
// Index of an item in its vector, or -1.
int stageIndex(const Map& map, const Id& id);
int laneIndex(const Map& map, const Id& id);
int cardIndex(const Map& map, const Id& id);

// The kind a new card in a lane of this type gets.
CardKind defaultCardKind(LaneType lane);
// Gives a card exactly the detail block its kind calls for (adds defaults, drops the others).
void conformDetailsToKind(Card& card);

// A fresh id with the given prefix ("st", "ln", "cd", ...) not yet used in the map.
Id newId(const Map& map, const std::string& prefix);

}  // namespace trayecto

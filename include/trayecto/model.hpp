// The journey-map model: plain data, no behaviour beyond lookups.
// Every item carries a stable unique id (unique across the whole map).
// Order is the position in its vector: stages left to right, lanes top to bottom,
// and the cards of one (stage, lane) cell in the order they appear in `cards`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
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

// ---- The workshop: what a facilitated session keeps with the map (votes, the last merge of
// the participants' files, the agenda step and the countdown). Everything here changes through
// commands, like the rest of the map.

// The map's collections (as in edits and merge reports).
enum class Collection { Personas, Stages, Lanes, Cards, Emotions, Moments };

// A participant's rating of a persona at a stage is the mean valence of their emotions for that
// persona and stage that name no card (normally exactly one). Participants without one do not
// count. Spread: min, max and the quartiles q1/q3 (interquartile range q3 - q1), with quartiles
// by linear interpolation between the sorted ratings (position p·(n-1), as R's default type 7
// and NumPy's default); for n = 1 all of them equal the rating. The median of an even count is
// the mean of the two middle ratings. Only the ratings and feelings are kept in files; the
// statistics are worked out again on reading (setCrowdStatistics, merge.hpp).
struct CrowdPoint {
    Id stageId;
    int n = 0;                     // participants who rated this persona here
    std::vector<double> ratings;   // their ratings, in participant order
    double median = 0;             // the statistics are 0 when n == 0
    double min = 0;
    double max = 0;
    double q1 = 0;                 // first quartile
    double q3 = 0;                 // third quartile
    // Named feelings with how many participants named each, most named first (ties: first named).
    std::vector<std::pair<std::string, int>> feelings;
    UnknownFields unknown;
    bool rated() const { return n > 0; }
    double interquartileRange() const { return q3 - q1; }
};

// The crowd emotional curve of one persona: every participant's ratings per stage.
struct CrowdCurve {
    Id personaId;
    std::vector<CrowdPoint> points;   // one per stage of the merged map, in its stage order
    UnknownFields unknown;
};

struct ParticipantValue {
    std::string participant;       // label
    std::string value = "null";    // compact JSON text of their value; "null" when they removed it
    UnknownFields unknown;
};

// Two or more participants changed one field of one item to different values.
struct MergeConflict {
    std::optional<Collection> collection;  // empty: the map itself (meta, top-level fields)
    Id itemId;                             // empty for the map itself
    std::string itemText;                  // the item's text or name in the base, for people
    std::string field;       // path inside the item, "/"-separated ("~1" for a "/" in a key):
                             // "text", "touchpoint/expectation"; for the map: "meta/title"
    std::string baseValue = "null";        // compact JSON text; "null" when absent in the base
    std::vector<ParticipantValue> values;  // each participant who changed it, in input order
    std::optional<int> chosen;   // the index in `values` the facilitator took; unset: the merge's
                                 // provisional choice, values[0]
    UnknownFields unknown;
};

// What the last merge of participants' files did (empty `participants`: no merge yet).
struct MergeReport {
    std::vector<std::string> participants;  // labels, in input order
    std::vector<MergeConflict> conflicts;
    int added = 0;         // items new in a participant's file, added
    int keptDeleted = 0;   // base items a participant deleted, kept
    int dropped = 0;       // items left out because what they need is missing
    UnknownFields unknown;
    bool empty() const { return participants.empty(); }
};

constexpr int kMaxVotesPerPerson = 99;
constexpr int kAgendaSteps = 5;          // Schmitt's five steps (the app's agenda)
constexpr int kMaxTimerMinutes = 180;

// The workshop countdown. Running: `endsAt` is when it reaches zero, in milliseconds since the
// Unix epoch (so it runs on while the map is closed, and on every machine that opens it);
// paused or stopped: `endsAt` is 0 and `remaining` holds the seconds left.
struct WorkshopTimer {
    int minutes = 10;          // 1..kMaxTimerMinutes: what a reset sets
    double endsAt = 0;
    double remaining = 600;
    UnknownFields unknown;
    bool running() const { return endsAt > 0; }
};

struct Workshop {
    std::string participant;                 // who this copy belongs to: the name a participant
                                             // gave when saving it (the merge's label for it)
    bool voting = false;                     // dot voting is on
    int votesPerPerson = 5;                  // 1..kMaxVotesPerPerson: each participant's dots
    std::map<Id, std::vector<Id>> ballots;   // participant id -> the cards they voted for, one
                                             // entry per vote (a card no longer in the map
                                             // counts for nothing)
    int agendaStep = 0;                      // 0..kAgendaSteps-1
    WorkshopTimer timer;
    MergeReport merge;                       // the last merge of participants' files
    std::vector<CrowdCurve> crowd;           // after a merge: one per persona of the merged map
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
    Workshop workshop;
    UnknownFields unknown;
};

// Lookups: nullptr when absent.
const Persona* findPersona(const Map& map, const Id& id);
const Stage* findStage(const Map& map, const Id& id);
const Lane* findLane(const Map& map, const Id& id);
const Card* findCard(const Map& map, const Id& id);
const Emotion* findEmotion(const Map& map, const Id& id);
const MomentOfTruth* findMoment(const Map& map, const Id& id);
// The (first) moment of truth that points at a card.
const MomentOfTruth* momentOfCard(const Map& map, const Id& cardId);
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

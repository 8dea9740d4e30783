// The objects of the JSON format, one table per object: each key in the order saveMap writes it,
// the model member that holds it and its kind. Everything that reads or writes the format is
// derived from these tables: the document reader (format_read.cpp), the fast reader
// (format_fast.cpp), the writer (format_write.cpp) and the tests' reference writer. Each of them
// has one helper per kind, so a key added here is read, written and compared everywhere, and a
// new kind without its helpers does not compile. docs/format.md describes the same tables.
//
// [SECTION] Kinds
// [SECTION] Tables
// [SECTION] Fields<T>: the tables as C++
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>

#include "trayecto/load_error.hpp"   // ErrorWord
#include "trayecto/merge.hpp"   // setCrowdStatistics
#include "trayecto/model.hpp"

namespace trayecto::format {

// ---------------------------------------------------------------------------------------------
// [SECTION] Kinds
// ---------------------------------------------------------------------------------------------
// What a key holds, how it is checked and when it is written. `null` always reads as "not
// given" (the default stays), except for the format and version of the envelope.
namespace kind {
struct RequiredId {};   // Id: a non-empty string the object must have; written always
struct OptionalId {};   // std::optional<Id>: non-empty when given; written when set
struct Text {};         // std::string: written when not empty
struct TextAlways {};   // std::string: written always
template <const auto& Names>
struct Enum {};         // an enum spelled as in `Names`: E written always, std::optional<E> when set
template <const auto& Names>
struct EnumIfSet {};    // an enum whose zero value means "unset" and has no spelling: written when set
struct Color {};        // "#rrggbb": Rgb written always, std::optional<Rgb> written when set
struct Flag {};         // bool: written always
struct FlagIfTrue {};   // bool: written when true
template <int Min, int Max>
struct Whole {};        // a whole number Min..Max: int written always, std::optional<int> when set
template <int Max>
struct Count {};        // int, a whole number 0..Max: written when not 0
struct Decimal {};      // any finite number: double written always, std::optional<double> when set
struct PersonaIds {};   // std::vector<Id> of non-empty ids: written when not empty
struct Dimensions {};   // std::uint8_t of CxDimension flags, a list of names: written when any
struct List {};         // std::vector<T> of objects with a table: written when not empty
struct Detail {};       // std::optional<T>, a card's detail block (only for the kinds that call
                        // for it, see detailAllowed): written when set
struct Object {};       // T, an object with a table: written always
struct Section {};      // T, an object with a table: written unless it is all defaults (T{})
struct Items {};        // std::vector<T>, one of the map's collections: written always (maybe [])
struct Texts {};        // std::vector<std::string>: written when not empty
struct Numbers {};      // std::vector<double>, any finite numbers: written when not empty
struct Ballots {};      // std::map<Id, std::vector<Id>>: an object of participant id -> list of
                        // non-empty card ids; written when not empty
struct Tally {};        // std::vector<std::pair<std::string, int>>: an object of name -> whole
                        // number 1..kMaxVotes, in the vector's order; written when not empty
struct JsonText {};     // std::string holding compact JSON text (default "null"), written as the
                        // JSON value itself; any value is read

// The document reader checks an object's members in phases: scalars, then lists, then detail
// blocks (which depend on the card's kind), each phase in table order. The first problem found
// is the one reported.
template <typename Kind> constexpr int phase = 1;
template <> inline constexpr int phase<PersonaIds> = 2;
template <> inline constexpr int phase<List> = 2;
template <> inline constexpr int phase<Items> = 2;
template <> inline constexpr int phase<Texts> = 2;
template <> inline constexpr int phase<Numbers> = 2;
template <> inline constexpr int phase<Ballots> = 2;
template <> inline constexpr int phase<Tally> = 2;
template <> inline constexpr int phase<Detail> = 3;
constexpr int kPhases = 3;
}  // namespace kind

using Score = kind::Whole<1, 5>;
using Valence = kind::Whole<kValenceMin, kValenceMax>;
using Votes = kind::Count<kMaxVotes>;
using ItemCount = kind::Count<1'000'000'000>;
using Choice = kind::Whole<0, 1'000'000'000>;
using VotesPerPerson = kind::Whole<1, kMaxVotesPerPerson>;
using AgendaStep = kind::Count<kAgendaSteps - 1>;
using TimerMinutes = kind::Whole<1, kMaxTimerMinutes>;

// ---------------------------------------------------------------------------------------------
// [SECTION] Tables: X(member, "key", kind), in writing order
// ---------------------------------------------------------------------------------------------
// The enum spellings (kPhaseNames, ...) are in format_internal.hpp.

#define TRAYECTO_META_FIELDS(X) \
    X(title, "title", kind::TextAlways) \
    X(description, "description", kind::Text) \
    X(scope, "scope", kind::Text) \
    X(language, "language", kind::Text) \
    X(author, "author", kind::Text) \
    X(created, "created", kind::Text) \
    X(modified, "modified", kind::Text)

#define TRAYECTO_PERSONA_FIELDS(X) \
    X(id, "id", kind::RequiredId) \
    X(name, "name", kind::TextAlways) \
    X(description, "description", kind::Text) \
    X(goals, "goals", kind::Text) \
    X(needs, "needs", kind::Text) \
    X(expectations, "expectations", kind::Text) \
    X(frustrations, "frustrations", kind::Text) \
    X(quote, "quote", kind::Text) \
    X(color, "color", kind::Color) \
    X(icon, "icon", kind::Text) \
    X(valueTier, "valueTier", kind::EnumIfSet<kValueTierNames>)

#define TRAYECTO_STAGE_FIELDS(X) \
    X(id, "id", kind::RequiredId) \
    X(name, "name", kind::TextAlways) \
    X(phase, "phase", kind::Enum<kPhaseNames>) \
    X(description, "description", kind::Text)

#define TRAYECTO_LANE_FIELDS(X) \
    X(id, "id", kind::RequiredId) \
    X(name, "name", kind::TextAlways) \
    X(type, "type", kind::Enum<kLaneTypeNames>) \
    X(hidden, "hidden", kind::FlagIfTrue)

#define TRAYECTO_METRIC_FIELDS(X) \
    X(type, "type", kind::Enum<kMetricTypeNames>) \
    X(name, "name", kind::Text) \
    X(value, "value", kind::Decimal) \
    X(target, "target", kind::Decimal) \
    X(unit, "unit", kind::Text)

#define TRAYECTO_TOUCHPOINT_FIELDS(X) \
    X(channel, "channel", kind::Enum<kChannelNames>) \
    X(kind, "kind", kind::Enum<kTouchpointKindNames>) \
    X(owner, "owner", kind::Enum<kTouchpointOwnerNames>) \
    X(controlled, "controlled", kind::Flag) \
    X(dimensions, "dimensions", kind::Dimensions) \
    X(expectation, "expectation", Score) \
    X(experience, "experience", Score) \
    X(metrics, "metrics", kind::List)

#define TRAYECTO_IMPROVEMENT_FIELDS(X) \
    X(severity, "severity", Score) \
    X(impact, "impact", Score) \
    X(effort, "effort", Score) \
    X(owner, "owner", kind::Text) \
    X(status, "status", kind::Enum<kImprovementStatusNames>)

#define TRAYECTO_BACKSTAGE_FIELDS(X) \
    X(owner, "owner", kind::Text) \
    X(systems, "systems", kind::Text)

#define TRAYECTO_CARD_FIELDS(X) \
    X(id, "id", kind::RequiredId) \
    X(stageId, "stageId", kind::RequiredId) \
    X(laneId, "laneId", kind::RequiredId) \
    X(kind, "kind", kind::Enum<kCardKindNames>) \
    X(text, "text", kind::TextAlways) \
    X(notes, "notes", kind::Text) \
    X(color, "color", kind::Color) \
    X(personaIds, "personaIds", kind::PersonaIds) \
    X(votes, "votes", Votes) \
    X(touchpoint, "touchpoint", kind::Detail) \
    X(improvement, "improvement", kind::Detail) \
    X(backstage, "backstage", kind::Detail)

#define TRAYECTO_EMOTION_FIELDS(X) \
    X(id, "id", kind::RequiredId) \
    X(personaId, "personaId", kind::RequiredId) \
    X(stageId, "stageId", kind::RequiredId) \
    X(cardId, "cardId", kind::OptionalId) \
    X(valence, "valence", Valence) \
    X(feeling, "feeling", kind::Text) \
    X(note, "note", kind::Text)

#define TRAYECTO_MOMENT_FIELDS(X) \
    X(id, "id", kind::RequiredId) \
    X(type, "type", kind::Enum<kMotTypeNames>) \
    X(customType, "customType", kind::Text) \
    X(name, "name", kind::TextAlways) \
    X(reason, "reason", kind::Text) \
    X(state, "state", kind::Enum<kMotStateNames>) \
    X(stageId, "stageId", kind::RequiredId) \
    X(cardId, "cardId", kind::OptionalId)

#define TRAYECTO_TIMER_FIELDS(X) \
    X(minutes, "minutes", TimerMinutes) \
    X(endsAt, "endsAt", kind::Decimal) \
    X(remaining, "remaining", kind::Decimal)

#define TRAYECTO_PARTICIPANT_VALUE_FIELDS(X) \
    X(participant, "participant", kind::TextAlways) \
    X(value, "value", kind::JsonText)

#define TRAYECTO_CONFLICT_FIELDS(X) \
    X(collection, "collection", kind::Enum<kCollectionNames>) \
    X(itemId, "itemId", kind::Text) \
    X(itemText, "itemText", kind::Text) \
    X(field, "field", kind::TextAlways) \
    X(baseValue, "baseValue", kind::JsonText) \
    X(values, "values", kind::List) \
    X(chosen, "chosen", Choice)

#define TRAYECTO_MERGE_REPORT_FIELDS(X) \
    X(participants, "participants", kind::Texts) \
    X(added, "added", ItemCount) \
    X(keptDeleted, "keptDeleted", ItemCount) \
    X(dropped, "dropped", ItemCount) \
    X(conflicts, "conflicts", kind::List)

#define TRAYECTO_CROWD_POINT_FIELDS(X) \
    X(stageId, "stageId", kind::RequiredId) \
    X(ratings, "ratings", kind::Numbers) \
    X(feelings, "feelings", kind::Tally)

#define TRAYECTO_CROWD_CURVE_FIELDS(X) \
    X(personaId, "personaId", kind::RequiredId) \
    X(points, "points", kind::List)

#define TRAYECTO_WORKSHOP_FIELDS(X) \
    X(participant, "participant", kind::Text) \
    X(voting, "voting", kind::FlagIfTrue) \
    X(votesPerPerson, "votesPerPerson", VotesPerPerson) \
    X(ballots, "ballots", kind::Ballots) \
    X(agendaStep, "agendaStep", AgendaStep) \
    X(timer, "timer", kind::Section) \
    X(merge, "merge", kind::Section) \
    X(crowd, "crowd", kind::List)

// The envelope: "format" and "version" come first (Fields<Map>::kHead), then these.
#define TRAYECTO_MAP_FIELDS(X) \
    X(meta, "meta", kind::Object) \
    X(personas, "personas", kind::Items) \
    X(stages, "stages", kind::Items) \
    X(lanes, "lanes", kind::Items) \
    X(cards, "cards", kind::Items) \
    X(emotions, "emotions", kind::Items) \
    X(moments, "moments", kind::Items) \
    X(workshop, "workshop", kind::Section)

// ---------------------------------------------------------------------------------------------
// [SECTION] Fields<T>: the tables as C++
// ---------------------------------------------------------------------------------------------
// Fields<T>::item    the object's name in messages (ErrorWord::TheCard: "The card has no \"id\", ...")
// Fields<T>::kHead   how many keys come before the table's (the envelope's format and version)
// Fields<T>::keys    every known key, in writing order
// Fields<T>::required  per key: whether the object must have it
// Fields<T>::each(x, visit)  calls visit(kind, key, x.member) for each row of the table
template <typename T>
struct Fields;

#define TRAYECTO_FIELD_KEY(member, key, Kind) key,
#define TRAYECTO_FIELD_VISIT(member, key, Kind) visit(Kind{}, key, x.member);
#define TRAYECTO_FIELD_REQUIRED(member, key, Kind) std::is_same_v<Kind, kind::RequiredId>,
#define TRAYECTO_FORMAT_OBJECT(Type, itemName, TABLE) \
    template <> \
    struct Fields<Type> { \
        static constexpr ErrorWord item = itemName; \
        static constexpr std::size_t kHead = 0; \
        static constexpr const char* keys[] = {TABLE(TRAYECTO_FIELD_KEY)}; \
        static constexpr bool required[] = {TABLE(TRAYECTO_FIELD_REQUIRED)}; \
        template <typename Object, typename Visit> \
        static void each(Object& x, Visit&& visit) { TABLE(TRAYECTO_FIELD_VISIT) } \
    };

TRAYECTO_FORMAT_OBJECT(MapMeta, ErrorWord::TheMeta, TRAYECTO_META_FIELDS)
TRAYECTO_FORMAT_OBJECT(Persona, ErrorWord::ThePersona, TRAYECTO_PERSONA_FIELDS)
TRAYECTO_FORMAT_OBJECT(Stage, ErrorWord::TheStage, TRAYECTO_STAGE_FIELDS)
TRAYECTO_FORMAT_OBJECT(Lane, ErrorWord::TheLane, TRAYECTO_LANE_FIELDS)
TRAYECTO_FORMAT_OBJECT(Metric, ErrorWord::TheMetric, TRAYECTO_METRIC_FIELDS)
TRAYECTO_FORMAT_OBJECT(TouchpointInfo, ErrorWord::TheTouchpoint, TRAYECTO_TOUCHPOINT_FIELDS)
TRAYECTO_FORMAT_OBJECT(ImprovementInfo, ErrorWord::TheImprovement, TRAYECTO_IMPROVEMENT_FIELDS)
TRAYECTO_FORMAT_OBJECT(BackstageInfo, ErrorWord::TheBackstage, TRAYECTO_BACKSTAGE_FIELDS)
TRAYECTO_FORMAT_OBJECT(Card, ErrorWord::TheCard, TRAYECTO_CARD_FIELDS)
TRAYECTO_FORMAT_OBJECT(Emotion, ErrorWord::TheEmotion, TRAYECTO_EMOTION_FIELDS)
TRAYECTO_FORMAT_OBJECT(MomentOfTruth, ErrorWord::TheMoment, TRAYECTO_MOMENT_FIELDS)
TRAYECTO_FORMAT_OBJECT(WorkshopTimer, ErrorWord::TheTimer, TRAYECTO_TIMER_FIELDS)
TRAYECTO_FORMAT_OBJECT(ParticipantValue, ErrorWord::TheParticipantValue, TRAYECTO_PARTICIPANT_VALUE_FIELDS)
TRAYECTO_FORMAT_OBJECT(MergeConflict, ErrorWord::TheConflict, TRAYECTO_CONFLICT_FIELDS)
TRAYECTO_FORMAT_OBJECT(MergeReport, ErrorWord::TheMergeReport, TRAYECTO_MERGE_REPORT_FIELDS)
TRAYECTO_FORMAT_OBJECT(CrowdPoint, ErrorWord::TheCrowdPoint, TRAYECTO_CROWD_POINT_FIELDS)
TRAYECTO_FORMAT_OBJECT(CrowdCurve, ErrorWord::TheCrowdCurve, TRAYECTO_CROWD_CURVE_FIELDS)
TRAYECTO_FORMAT_OBJECT(Workshop, ErrorWord::TheWorkshop, TRAYECTO_WORKSHOP_FIELDS)

template <>
struct Fields<Map> {
    static constexpr ErrorWord item = ErrorWord::TheMap;
    static constexpr std::size_t kHead = 2;   // "format" and "version", read apart
    static constexpr const char* keys[] = {"format", "version", TRAYECTO_MAP_FIELDS(TRAYECTO_FIELD_KEY)};
    static constexpr bool required[] = {true, true, TRAYECTO_MAP_FIELDS(TRAYECTO_FIELD_REQUIRED)};
    template <typename Object, typename Visit>
    static void each(Object& x, Visit&& visit) { TRAYECTO_MAP_FIELDS(TRAYECTO_FIELD_VISIT) }
};

#undef TRAYECTO_FORMAT_OBJECT

// ---- what the card-specific kinds need to know

// Whether a card of this kind may have this detail block (exactly the one conformDetailsToKind gives it).
inline bool detailAllowed(const Card& card, const std::optional<TouchpointInfo>&) {
    return card.kind == CardKind::Touchpoint;
}
inline bool detailAllowed(const Card& card, const std::optional<ImprovementInfo>&) {
    return card.kind == CardKind::PainPoint || card.kind == CardKind::Opportunity;
}
inline bool detailAllowed(const Card& card, const std::optional<BackstageInfo>&) {
    return card.kind == CardKind::Backstage;
}

// What both readers do to an object once its members are read.
template <typename T>
void finishRead(T&) {}
inline void finishRead(Card& card) { conformDetailsToKind(card); }   // a missing block takes its defaults
inline void finishRead(CrowdPoint& point) { setCrowdStatistics(point, point.ratings); }

}  // namespace trayecto::format

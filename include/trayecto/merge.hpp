// Merging a workshop: the facilitator collects the participants' JSON files (each a copy of one
// base map, edited by one person or table) and merges them into one map.
//
// Rules (mergeMaps):
// - Items are matched by collection and id. Items only a participant has are added, from every
//   participant, each right after the item that precedes it in that participant's list (new
//   items of earlier participants at the same place come first). Two participants' new items
//   that happen to share an id are both kept: the later one gets a fresh id ("<id>-2"), and the
//   references inside that participant's file follow it. Identical new items (same id, same
//   content) are taken once.
// - An item a participant deleted is NOT deleted; `keptDeleted` lists it.
// - Fields are merged one by one ("text", "touchpoint/expectation", "improvement/status", unknown
//   fields too; lists such as personaIds or metrics are one field). A change made by one
//   participant (or the same change made by several) is taken. Different changes to the same
//   field are a conflict: the first of those participants' values is taken provisionally and the
//   conflict lists every changed value, so the facilitator can choose (applyConflictValue).
// - Votes are summed. A copy with ballots brings the votes it cast since it left the base: its
//   ballots beyond the start each shares with the base's ballot of the same participant id
//   (every browser votes as "local"), less those an earlier merge already recorded under this
//   participant's label; they are added to the base's count and recorded in the merged ballots
//   under the label. A copy without ballots brings (its votes - base votes). At least 0.
// - Emotions of a persona at a stage that name no card are the participants' ratings: they are
//   combined into a crowd curve (see CrowdPoint). The merged map keeps one such emotion per
//   (persona, stage) — the base's, else the first participant's — holding the crowd: valence =
//   the median rounded half away from zero, feeling = the most named one, note = the distinct
//   notes, one per line. Emotions at a card are merged like any other item.
// - The map itself: meta.author stays the base's (participants are told apart by their labels),
//   meta.modified becomes the latest of all files; other meta fields merge like item fields.
// - Reordering by participants is not merged: base items keep the base order.
// - The workshop block (votes, agenda, timer) is the base's, with the participants' new ballots
//   added as above; the rest of theirs is not merged.
//   The merged map's workshop holds this merge's report (participants, conflicts, counts) and
//   crowd curves, so the command that puts the merged map in place also records them.
// - The merged map satisfies checkInvariants: a card kept its detail block only for its merged
//   kind; an item whose stage, lane or persona does not exist in the merged map is dropped; a
//   link (an emotion's or moment's card, a card's persona) that no longer holds is cleared.
//   Both are reported.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "trayecto/commands.hpp"
#include "trayecto/format.hpp"
#include "trayecto/model.hpp"

namespace trayecto {

// ---- Crowd emotional curve (CrowdPoint and CrowdCurve are in model.hpp: the map keeps them)
// Fills n, median, min, max, q1 and q3 of `point` from `ratings` (any order; ratings kept as given).
void setCrowdStatistics(CrowdPoint& point, std::vector<double> ratings);
// The crowd curve of one persona over the stages of `layout` (usually the merged map).
CrowdCurve crowdCurve(const Map& layout, const std::vector<Map>& participants, const Id& personaId);
// One curve per persona of `layout`, in persona order.
std::vector<CrowdCurve> crowdCurves(const Map& layout, const std::vector<Map>& participants);

// ---- Merge
struct MergeParticipant {
    std::string fileName;   // the file it came from (a label when meta.author does not tell)
    Map map;
};

// A participant's label: the name they gave when saving their copy (workshop.participant) when it
// is set and differs from the base's, else their meta.author when it is set and differs from the
// base's, else the file name without folders, else "Participant N" (N from 1). mergeMaps makes labels unique by
// appending " (2)", " (3)".
std::string participantLabel(const Map& base, const MergeParticipant& participant, int index);

// ParticipantValue, MergeConflict and MergeReport are in model.hpp: the map keeps the report.

// An item the merge added, kept, dropped or changed a link of.
struct MergedItem {
    std::string participant;   // label of the participant it concerns
    Collection collection = Collection::Cards;
    Id id;                     // its id in the merged map (or the id it would have had)
    Id originalId;             // its id in the participant's file
    std::string text;          // its text or name, for people
    std::string reason;        // for dropped and unlinked items: what happened, one English sentence
};

struct MergeResult {
    Map map;                                // the merged map (conflicts provisionally resolved)
    std::vector<std::string> participants;  // labels, in input order
    std::vector<MergeConflict> conflicts;   // in collection order, then item order, then field
    std::vector<MergedItem> added;          // items new in a participant, as added
    std::vector<MergedItem> renamed;        // new items given a fresh id (id clash)
    std::vector<MergedItem> keptDeleted;    // base items a participant deleted (kept)
    std::vector<MergedItem> dropped;        // items left out because what they need is missing
    std::vector<MergedItem> unlinked;       // items that lost a link (card or persona)
    std::vector<CrowdCurve> crowd;          // one per persona of the merged map
};

// Merges the participants' maps into the base. Fails only if the result would not load (a bug
// guard: the merged map is always checked with loadMap and checkInvariants).
Result<MergeResult> mergeMaps(const Map& base, const std::vector<MergeParticipant>& participants);

// The merged map with `valueJson` (one of conflict.values[i].value, or conflict.baseValue) put
// in the conflicting field, then made sound as mergeMaps does (detail blocks follow the kind,
// links that no longer hold are cleared). An error when the value is not JSON, the item is gone,
// or the result would not load (e.g. a score out of range).
Result<Map> applyConflictValue(const Map& merged, const MergeConflict& conflict,
                               const std::string& valueJson);
// The same change as one undoable command ("Resolve conflict") for the Document holding the
// merged map. Empty when nothing changes, when the value cannot be applied, or for a top-level
// field of the map outside meta (no command edits those: use applyConflictValue).
Command resolveConflictCommand(const Map& merged, const MergeConflict& conflict,
                               const std::string& valueJson);
// Takes value `valueIndex` of conflict `conflictIndex` of the map's own merge report
// (workshop.merge): the value and the report's choice change in one command ("Resolve
// conflict"). Empty when either index is out of range, when that value is already the chosen
// one, or when the value cannot be applied by a command (as resolveConflictCommand).
Command resolveMergeConflict(const Map& merged, std::size_t conflictIndex, std::size_t valueIndex);

}  // namespace trayecto

// Every change to a map is a Command: a named list of reversible primitive edits.
// Builders below read the current map and return the command that does one user-level
// change (cascading where needed, e.g. removing a stage removes its cards, emotions, moments).
// A Document owns the map and the undo history.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto {

using Item = std::variant<Persona, Stage, Lane, Card, Emotion, MomentOfTruth>;

Collection collectionOf(const Item& item);
const Id& idOf(const Item& item);

namespace edit {
struct Insert { Item item; int index = -1; };              // -1: at the end
struct Erase { Collection collection; Id id; };
struct Replace { Item item; };                              // same id, new contents
struct Move { Collection collection; Id id; int toIndex; };// position in its vector
struct SetMeta { MapMeta meta; };
struct SetWorkshop { Workshop workshop; };                  // the whole workshop block
}  // namespace edit

using Edit = std::variant<edit::Insert, edit::Erase, edit::Replace, edit::Move, edit::SetMeta,
                          edit::SetWorkshop>;

struct Command {
    std::string name;            // human-readable step name, English, e.g. "Move card"
    std::vector<Edit> edits;     // applied in order, reverted in reverse order
    bool empty() const { return edits.empty(); }
};

// Applies a command to a map. On failure (an id is missing, an index out of range, an insert
// would duplicate an id) the map is left exactly as it was and the reason is returned.
// On success returns the inverse command (undoing it restores the map exactly).
struct ApplyOutcome {
    bool ok = false;
    std::string error;
    Command inverse;
};
ApplyOutcome applyCommand(Map& map, const Command& command);

// ---- Builders: each returns the command for one user-level change (empty if nothing to do).
// Builders only read the map. They return an empty command when an id they are given does not
// exist, when an item would refer to something missing (a card's stage, lane or personas; an
// emotion's persona or stage; a card link outside the item's stage), or when nothing changes.
// An item given with an empty id gets a fresh one (newId). Positions outside the vector mean
// "at the end". Numbers are brought into range: valence to kValenceMin..kValenceMax, scores
// to 1..5; a card gets the detail block its kind calls for (conformDetailsToKind).
// Cascades keep every map invariant (invariants.hpp):
// - an emotion or moment whose card goes away, or moves to another stage, stays at its stage
//   and loses only its card link (cardId reset);
// - a card that named a removed persona stops naming it (left with none, it applies to all).
namespace cmd {
Command addPersona(const Map& m, Persona p, int index = -1);
Command removePersona(const Map& m, const Id& id);   // also drops its emotions and card links
Command addStage(const Map& m, Stage s, int index = -1);
Command removeStage(const Map& m, const Id& id);     // also its cards, emotions, moments
Command addLane(const Map& m, Lane l, int index = -1);
Command removeLane(const Map& m, const Id& id);      // also its cards (and what refers to them)
// Inserts the card at indexInCell among the cards of its (stage, lane) cell (-1: last).
Command addCard(const Map& m, Card c, int indexInCell = -1);
Command removeCards(const Map& m, const std::vector<Id>& ids);  // and emotions/moment links to them
// Moves cards (in the given order) into a cell, at a position among that cell's other cards
// (the cards not being moved; -1: last). Also reorders within one cell. The moved cards end
// up next to each other, in the given order.
Command moveCards(const Map& m, const std::vector<Id>& ids, const Id& stageId, const Id& laneId,
                  int indexInCell = -1);
// Copies get fresh ids and go right after their originals; newIds receives them in the
// order of `ids` (missing ids skipped).
Command duplicateCards(const Map& m, const std::vector<Id>& ids, std::vector<Id>* newIds = nullptr);
Command addEmotion(const Map& m, Emotion e);
Command removeEmotion(const Map& m, const Id& id);
Command addMoment(const Map& m, MomentOfTruth mot);
Command removeMoment(const Map& m, const Id& id);
// Makes the card a moment of truth (a first moment, named after the card's text), or unmakes it.
Command toggleMoment(const Map& m, const Id& cardId);
Command reorder(const Map& m, Collection c, const Id& id, int toIndex);  // toIndex clamped
// Edits any field(s) of an existing item. A card whose stage changes loses the emotion and
// moment links of its old stage (use moveCards to also choose its place in the new cell).
Command replace(const Map& m, Item item, std::string name = "Edit");
Command setMeta(const Map& m, MapMeta meta);
// Sets the whole workshop block (workshop.hpp has the builders for votes, timer and agenda).
Command setWorkshop(const Map& m, Workshop workshop, std::string name);
// Sets the valence of the emotion for (persona, stage) that has no card, creating it if none.
Command setValence(const Map& m, const Id& personaId, const Id& stageId, int valence);
// All parts' edits, in order, as one command. Each part must have been built against the map
// as the earlier parts leave it; parts built against the same map may conflict (the batch then
// fails as a whole, or worse, a later part undoes an earlier part's cascade). Prefer compose.
Command batch(std::string name, std::vector<Command> parts);
// Turns `current` into `next` (meta, every collection and the workshop; the map's unknown
// top-level fields stay).
Command replaceMap(const Map& current, const Map& next, std::string name);
// One command of several builder calls, each run against the map as the earlier ones leave it
// (e.g. remove a card, then move the emotion it was linked to). If a part does not apply, its
// edits are kept and building stops, so executing the result reports that part's error.
using Builder = std::function<Command(const Map&)>;
Command compose(const Map& m, std::string name, const std::vector<Builder>& parts);
}  // namespace cmd

// What a set of commands touched: items by collection and id, the meta and workshop blocks, and
// the collections whose order may have changed (an insert or a move).
struct Touched {
    std::set<std::pair<Collection, Id>> items;
    std::set<Collection> reordered;
    bool meta = false;
    bool workshop = false;
    bool whole = false;   // the whole map was replaced (Document::reset)
    void add(const Command& command);
    bool empty() const { return items.empty() && !meta && !workshop && !whole; }
};

// Undo history of named steps. Steps executed between beginGroup/endGroup become one step
// (one drag). A command executed with the same non-empty merge key as the newest step joins
// that step (one visit to a text field, however many keys are typed). A new step clears the
// redo tail.
class History {
public:
    // Applies and records. Returns the error text on failure (map unchanged, history unchanged).
    // An empty command does nothing. Inside a group, undo and redo are refused.
    std::optional<std::string> execute(Map& map, const Command& command, const std::string& mergeKey = {});
    // Applies a command as part of the newest step (e.g. the time stamp of the edit it records).
    bool amendNewest(Map& map, const Command& command);
    bool canUndo() const { return !undo_.empty() && groupDepth_ == 0; }
    bool canRedo() const { return !redo_.empty() && groupDepth_ == 0; }
    // Rewrites a step's command just before undo or redo applies it, given the map as it is and
    // the command the step applied (`done`, whose inverse `revert` is): live rooms give back only
    // the fields a step changed (sync::revertOnly). Without one, the stored command is applied.
    using Rebase = std::function<Command(const Map& map, const Command& revert, const Command& done)>;
    // `applied` (optional) receives the commands actually applied, in order.
    bool undo(Map& map, const Rebase& rebase = {}, std::vector<Command>* applied = nullptr);
    bool redo(Map& map, const Rebase& rebase = {}, std::vector<Command>* applied = nullptr);
    // Takes back the newest step if it was made under `mergeKey` (a visit the user cancelled, such
    // as a new card left with Escape), as if it had never been: reverted, and kept for neither
    // undo nor redo. False, and nothing changed, for any other newest step.
    bool withdraw(Map& map, const std::string& mergeKey, const Rebase& rebase = {}, std::vector<Command>* applied = nullptr);
    std::string undoName() const;   // name of the step undo would revert ("" if none)
    std::string redoName() const;
    void beginGroup(std::string name);
    void endGroup();
    bool inGroup() const { return groupDepth_ > 0; }
    void clear();
    std::size_t undoCount() const { return undo_.size(); }
    std::size_t redoCount() const { return redo_.size(); }
    std::size_t limit = 500;        // oldest steps are dropped beyond this (the newest is kept)

private:
    struct Step {
        std::string name;
        std::vector<Command> inverses;   // in apply order
        std::vector<Command> done;       // done[k] is what inverses[k] reverts
        std::string mergeKey;            // later commands with this key join the step
    };
    std::vector<Step> undo_;
    std::vector<Step> redo_;        // stores forward commands as "inverses of the inverses"
    int groupDepth_ = 0;
    std::string groupName_;
    bool groupHasStep_ = false;
};

// Why the map last changed. Only the user's own edits, undo and redo make it differ from where
// it is kept; a map opened from somewhere is as it is there.
enum class ChangeCause : int {
    None = 0,       // nothing has changed since the document was made
    Edit = 1,       // a command of this user's
    Undo = 2,
    Redo = 3,
    Open = 4,       // a whole map opened (file, template, link, host, browser storage)
    OtherTab = 5,   // the newer version another tab of this browser stored
    Remote = 6,     // someone else's edit in a live room (not on this user's undo stack)
};
constexpr bool isUserChange(ChangeCause c) { return c == ChangeCause::Edit || c == ChangeCause::Undo || c == ChangeCause::Redo; }

// Where a map is kept. Each has a clean mark: the revision last written there (QUndoStack's
// setClean idea); the map is kept there while its revision equals the mark.
enum class Keeper : int { Browser = 0, File = 1 };

// The open map, its history, a revision counter the UI and autosave watch, and clean marks.
class Document {
public:
    Document() = default;
    explicit Document(Map map) : map_(std::move(map)) {}
    const Map& map() const { return preview_ ? *preview_ : map_; }
    // Bumps on every successful execute, undo, redo and reset; not on failed or empty commands.
    std::uint64_t revision() const { return revision_; }
    ChangeCause lastCause() const { return lastCause_; }
    // The command of the last change when it was a small Edit (a few edits, e.g. one key typed);
    // nullptr otherwise. Lets views skip work the change cannot affect (a text that keeps its height).
    const Command* lastSmallCommand() const { return lastSmall_ ? &lastCommand_ : nullptr; }
    // mergeKey: see History::execute (one undo step per text-field visit).
    std::optional<std::string> execute(const Command& command, const std::string& mergeKey = {});
    bool undo();
    bool redo();
    // History::withdraw: a change of this user's (it reaches a live room as an edit does).
    bool withdraw(const std::string& mergeKey);
    History& history() { return history_; }
    const History& history() const { return history_; }
    // Someone else's change (a live room): applied to the map but not recorded in the history, so
    // undo and redo stay this user's own. `topLevel`, when given, replaces the map's unknown
    // top-level fields (no edit carries them). False when it does not apply (map unchanged).
    bool applyRemote(const Command& command, const UnknownFields* topLevel = nullptr);
    // Live rooms: how undo and redo rebase a step on the map as it is now (History::Rebase).
    void setRebase(History::Rebase rebase) { rebase_ = std::move(rebase); }
    // What this user's edits, undo, redo and resets touched since the last call (for the sync).
    Touched takeTouched() { Touched t = std::move(touched_); touched_ = Touched{}; return t; }
    // Replaces the whole map (opening a file, a template, another tab's version): clears history,
    // bumps revision, forgets both clean marks (the opener says where the map is kept).
    void reset(Map map, ChangeCause cause = ChangeCause::Open);
    // The map as of `revision` is now kept there (a write that finished; a later edit keeps it unclean).
    void markClean(Keeper keeper, std::uint64_t revision) { clean_[static_cast<int>(keeper)] = revision; }
    void markClean(Keeper keeper) { markClean(keeper, revision_); }
    void forgetClean(Keeper keeper) { clean_[static_cast<int>(keeper)].reset(); }
    // The one answer to "is it saved there?".
    bool isClean(Keeper keeper) const { return clean_[static_cast<int>(keeper)] == revision_; }
    // Ever kept there (a mark exists, maybe older than the map).
    bool hasCleanMark(Keeper keeper) const { return clean_[static_cast<int>(keeper)].has_value(); }
    // While set, every edit also stamps meta.modified with its result (ISO 8601 UTC), in the
    // same undo step. Natively unset: tests and the CLI stay deterministic.
    std::function<std::string()> clock;
    // A read-only document refuses every command, undo and redo (the host may still reset it).
    void setReadOnly(bool readOnly) { readOnly_ = readOnly; }
    bool readOnly() const { return readOnly_ || previewing(); }
    // Live rooms: a map shown in place of this one while a room's own document is on its way (the
    // room's last snapshot). map() is it and nothing can be changed; this document's map, history
    // and clean marks stay as they are. endPreview() brings them back (the join failed); reset()
    // replaces both (it succeeded). Each bumps the revision (cause Remote).
    void preview(Map map);
    void endPreview();
    bool previewing() const { return preview_.has_value(); }

private:
    void changed(ChangeCause cause) { ++revision_; lastCause_ = cause; lastSmall_ = false; }
    Map map_;
    std::optional<Map> preview_;
    History history_;
    std::uint64_t revision_ = 0;
    ChangeCause lastCause_ = ChangeCause::None;
    std::optional<std::uint64_t> clean_[2];
    Command lastCommand_;
    bool lastSmall_ = false;
    bool readOnly_ = false;
    History::Rebase rebase_;
    Touched touched_;
};

}  // namespace trayecto

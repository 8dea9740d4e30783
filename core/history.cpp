// Undo history (named steps, nested groups, a step limit) and the Document that owns a map.

#include <algorithm>
#include <utility>

#include "trayecto/commands.hpp"

namespace trayecto {

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

namespace {

// Applies `commands` back to front (when `backwards`) or front to back and collects what
// reverts each, in the order that reverting them needs. All or nothing: if one fails, the ones
// already applied are reverted and nullopt is returned.
std::optional<std::vector<Command>> applyAll(Map& map, const std::vector<Command>& commands,
                                             bool backwards) {
    std::vector<Command> reverts;
    reverts.reserve(commands.size());
    const std::size_t n = commands.size();
    for (std::size_t k = 0; k < n; ++k) {
        const Command& c = commands[backwards ? n - 1 - k : k];
        ApplyOutcome outcome = applyCommand(map, c);
        if (!outcome.ok) {
            for (auto it = reverts.rbegin(); it != reverts.rend(); ++it) applyCommand(map, *it);
            return std::nullopt;
        }
        reverts.push_back(std::move(outcome.inverse));
    }
    // `reverts` is in application order; a step stores its commands in execution order.
    if (backwards) std::reverse(reverts.begin(), reverts.end());
    return reverts;
}

}  // namespace

std::optional<std::string> History::execute(Map& map, const Command& command, const std::string& mergeKey) {
    if (command.empty()) return std::nullopt;
    ApplyOutcome outcome = applyCommand(map, command);
    if (!outcome.ok) return outcome.error;
    redo_.clear();
    const bool joins = groupDepth_ > 0 ? groupHasStep_
                                       : !mergeKey.empty() && !undo_.empty() && undo_.back().mergeKey == mergeKey;
    if (joins) {
        undo_.back().inverses.push_back(std::move(outcome.inverse));
        return std::nullopt;
    }
    Step step;
    step.name = groupDepth_ > 0 ? groupName_ : command.name;
    step.mergeKey = groupDepth_ > 0 ? std::string() : mergeKey;
    step.inverses.push_back(std::move(outcome.inverse));
    undo_.push_back(std::move(step));
    if (groupDepth_ > 0) groupHasStep_ = true;
    // Drop the oldest steps beyond the limit; the newest (maybe an open group) always stays.
    const std::size_t keep = std::max<std::size_t>(limit, 1);
    if (undo_.size() > keep) undo_.erase(undo_.begin(), undo_.end() - static_cast<std::ptrdiff_t>(keep));
    return std::nullopt;
}

bool History::amendNewest(Map& map, const Command& command) {
    if (undo_.empty() || command.empty()) return false;
    ApplyOutcome outcome = applyCommand(map, command);
    if (!outcome.ok) return false;
    undo_.back().inverses.push_back(std::move(outcome.inverse));
    return true;
}

bool History::undo(Map& map) {
    if (!canUndo()) return false;
    // Undo reverts the step's commands newest first; what that yields redoes them oldest first.
    std::optional<std::vector<Command>> forwards = applyAll(map, undo_.back().inverses, true);
    if (!forwards) return false;
    redo_.push_back(Step{std::move(undo_.back().name), std::move(*forwards), {}});
    undo_.pop_back();
    return true;
}

bool History::redo(Map& map) {
    if (!canRedo()) return false;
    std::optional<std::vector<Command>> inverses = applyAll(map, redo_.back().inverses, false);
    if (!inverses) return false;
    undo_.push_back(Step{std::move(redo_.back().name), std::move(*inverses), {}});
    redo_.pop_back();
    return true;
}

std::string History::undoName() const { return canUndo() ? undo_.back().name : std::string(); }

std::string History::redoName() const { return canRedo() ? redo_.back().name : std::string(); }

void History::beginGroup(std::string name) {
    if (groupDepth_ == 0) {
        groupName_ = std::move(name);
        groupHasStep_ = false;
    }
    ++groupDepth_;
}

void History::endGroup() {
    if (groupDepth_ == 0) return;
    --groupDepth_;
    if (groupDepth_ == 0) {
        groupName_.clear();
        groupHasStep_ = false;
    }
}

void History::clear() {
    undo_.clear();
    redo_.clear();
    groupHasStep_ = false;   // an open group starts afresh with its next command
}

// ---------------------------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------------------------

std::optional<std::string> Document::execute(const Command& command, const std::string& mergeKey) {
    if (command.empty()) return std::nullopt;
    if (readOnly_) return std::string("The map is read-only.");
    std::optional<std::string> error = history_.execute(map_, command, mergeKey);
    if (error) return error;
    if (clock) {
        // The edit's time, in the same step (its undo brings the earlier time back).
        std::string now = clock();
        if (!now.empty() && now != map_.meta.modified) {
            MapMeta meta = map_.meta;
            meta.modified = std::move(now);
            history_.amendNewest(map_, Command{command.name, {edit::SetMeta{std::move(meta)}}});
        }
    }
    changed(ChangeCause::Edit);
    constexpr std::size_t kSmallCommand = 4;   // edits: enough for a key typed, cheap to copy
    if (command.edits.size() <= kSmallCommand) {
        lastCommand_ = command;
        lastSmall_ = true;
    }
    return std::nullopt;
}

bool Document::undo() {
    if (readOnly_ || !history_.undo(map_)) return false;
    changed(ChangeCause::Undo);
    return true;
}

bool Document::redo() {
    if (readOnly_ || !history_.redo(map_)) return false;
    changed(ChangeCause::Redo);
    return true;
}

void Document::reset(Map map, ChangeCause cause) {
    map_ = std::move(map);
    history_.clear();
    clean_[0].reset();
    clean_[1].reset();
    changed(cause);
}

}  // namespace trayecto

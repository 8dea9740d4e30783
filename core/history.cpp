// Undo history (named steps, nested groups, a step limit) and the Document that owns a map.

#include <algorithm>
#include <type_traits>
#include <utility>

#include "trayecto/commands.hpp"

namespace trayecto {

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

namespace {

// What applying a step's commands gives: the commands applied and what reverts each, both in
// the order a step stores them (execution order).
struct Applied {
    std::vector<Command> applied;
    std::vector<Command> reverts;
};

// Applies `commands` back to front (when `backwards`) or front to back, each rewritten by
// `rebase` first when there is one (done[k] is what commands[k] reverts), and collects what
// reverts each. All or nothing: if one fails, the ones already applied are reverted and nullopt
// is returned.
std::optional<Applied> applyAll(Map& map, const std::vector<Command>& commands,
                                const std::vector<Command>& done, bool backwards,
                                const History::Rebase& rebase) {
    Applied out;
    out.reverts.reserve(commands.size());
    const std::size_t n = commands.size();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = backwards ? n - 1 - k : k;
        Command c = rebase && i < done.size() ? rebase(map, commands[i], done[i]) : commands[i];
        ApplyOutcome outcome = applyCommand(map, c);
        if (!outcome.ok) {
            for (auto it = out.reverts.rbegin(); it != out.reverts.rend(); ++it) applyCommand(map, *it);
            return std::nullopt;
        }
        out.reverts.push_back(std::move(outcome.inverse));
        out.applied.push_back(std::move(c));
    }
    // Both are in application order; a step stores its commands in execution order.
    if (backwards) {
        std::reverse(out.reverts.begin(), out.reverts.end());
        std::reverse(out.applied.begin(), out.applied.end());
    }
    return out;
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
        undo_.back().done.push_back(command);
        return std::nullopt;
    }
    Step step;
    step.name = groupDepth_ > 0 ? groupName_ : command.name;
    step.mergeKey = groupDepth_ > 0 ? std::string() : mergeKey;
    step.inverses.push_back(std::move(outcome.inverse));
    step.done.push_back(command);
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
    undo_.back().done.push_back(command);
    return true;
}

bool History::undo(Map& map, const Rebase& rebase, std::vector<Command>* applied) {
    if (!canUndo()) return false;
    // Undo reverts the step's commands newest first; what that yields redoes them oldest first.
    Step& step = undo_.back();
    std::optional<Applied> result = applyAll(map, step.inverses, step.done, true, rebase);
    if (!result) return false;
    if (applied) *applied = result->applied;
    redo_.push_back(Step{std::move(step.name), std::move(result->reverts), std::move(result->applied), {}});
    undo_.pop_back();
    return true;
}

bool History::redo(Map& map, const Rebase& rebase, std::vector<Command>* applied) {
    if (!canRedo()) return false;
    Step& step = redo_.back();
    std::optional<Applied> result = applyAll(map, step.inverses, step.done, false, rebase);
    if (!result) return false;
    if (applied) *applied = result->applied;
    undo_.push_back(Step{std::move(step.name), std::move(result->reverts), std::move(result->applied), {}});
    redo_.pop_back();
    return true;
}

bool History::withdraw(Map& map, const std::string& mergeKey, const Rebase& rebase, std::vector<Command>* applied) {
    if (mergeKey.empty() || !canUndo() || undo_.back().mergeKey != mergeKey) return false;
    if (!undo(map, rebase, applied)) return false;
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
    if (readOnly()) return std::string("The map is read-only.");
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
    touched_.add(command);
    if (clock) touched_.meta = true;
    changed(ChangeCause::Edit);
    constexpr std::size_t kSmallCommand = 4;   // edits: enough for a key typed, cheap to copy
    if (command.edits.size() <= kSmallCommand) {
        lastCommand_ = command;
        lastSmall_ = true;
    }
    return std::nullopt;
}

bool Document::undo() {
    std::vector<Command> applied;
    if (readOnly() || !history_.undo(map_, rebase_, &applied)) return false;
    for (const Command& c : applied) touched_.add(c);
    changed(ChangeCause::Undo);
    return true;
}

bool Document::withdraw(const std::string& mergeKey) {
    std::vector<Command> applied;
    if (readOnly() || !history_.withdraw(map_, mergeKey, rebase_, &applied)) return false;
    for (const Command& c : applied) touched_.add(c);
    changed(ChangeCause::Edit);
    return true;
}

bool Document::redo() {
    std::vector<Command> applied;
    if (readOnly() || !history_.redo(map_, rebase_, &applied)) return false;
    for (const Command& c : applied) touched_.add(c);
    changed(ChangeCause::Redo);
    return true;
}

bool Document::applyRemote(const Command& command, const UnknownFields* topLevel) {
    const bool topChanges = topLevel && *topLevel != map_.unknown;
    if (command.empty() && !topChanges) return false;
    if (!command.empty() && !applyCommand(map_, command).ok) return false;
    if (topChanges) map_.unknown = *topLevel;
    changed(ChangeCause::Remote);
    return true;
}

void Touched::add(const Command& command) {
    for (const Edit& e : command.edits) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, edit::Insert>) {
                    items.emplace(collectionOf(x.item), idOf(x.item));
                    reordered.insert(collectionOf(x.item));
                } else if constexpr (std::is_same_v<T, edit::Replace>) {
                    items.emplace(collectionOf(x.item), idOf(x.item));
                } else if constexpr (std::is_same_v<T, edit::Erase>) {
                    items.emplace(x.collection, x.id);
                } else if constexpr (std::is_same_v<T, edit::Move>) {
                    items.emplace(x.collection, x.id);
                    reordered.insert(x.collection);
                } else if constexpr (std::is_same_v<T, edit::SetMeta>) {
                    meta = true;
                } else {
                    workshop = true;
                }
            },
            e);
    }
}

void Document::preview(Map map) {
    preview_ = std::move(map);
    changed(ChangeCause::Remote);
}

void Document::endPreview() {
    if (!preview_) return;
    preview_.reset();
    changed(ChangeCause::Remote);
}

void Document::reset(Map map, ChangeCause cause) {
    map_ = std::move(map);
    preview_.reset();
    history_.clear();
    clean_[0].reset();
    clean_[1].reset();
    touched_ = Touched{};
    touched_.whole = true;
    changed(cause);
}

}  // namespace trayecto

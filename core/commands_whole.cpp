// A command that turns one whole map into another (merging participants' work, restoring a
// version): every item of the old map is erased and every item of the new one inserted, and the
// meta and workshop blocks are set, so one undo brings the old map back exactly.
#include "trayecto/commands.hpp"

namespace trayecto {

namespace cmd {

Command replaceMap(const Map& current, const Map& next, std::string name) {
    Command command;
    command.name = std::move(name);
    auto eraseAll = [&](const auto& items, Collection collection) {
        for (auto it = items.rbegin(); it != items.rend(); ++it) command.edits.push_back(edit::Erase{collection, it->id});
    };
    // References go before what they point at, so erase the referring collections first.
    eraseAll(current.moments, Collection::Moments);
    eraseAll(current.emotions, Collection::Emotions);
    eraseAll(current.cards, Collection::Cards);
    eraseAll(current.lanes, Collection::Lanes);
    eraseAll(current.stages, Collection::Stages);
    eraseAll(current.personas, Collection::Personas);
    command.edits.push_back(edit::SetMeta{next.meta});
    command.edits.push_back(edit::SetWorkshop{next.workshop});
    auto insertAll = [&](const auto& items) {
        for (const auto& item : items) command.edits.push_back(edit::Insert{Item(item), -1});
    };
    insertAll(next.personas);
    insertAll(next.stages);
    insertAll(next.lanes);
    insertAll(next.cards);
    insertAll(next.emotions);
    insertAll(next.moments);
    return command;
}

}  // namespace cmd

}  // namespace trayecto

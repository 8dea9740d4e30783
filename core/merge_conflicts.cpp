// Resolving a merge conflict: the merged map with the chosen value, or the undoable command.
#include <algorithm>

#include "merge_json.hpp"
#include "trayecto/merge.hpp"

namespace trayecto {

using namespace merging;


Result<Map> applyConflictValue(const Map& merged, const MergeConflict& conflict,
                               const std::string& valueJson) {
    const Json value = Json::parse(valueJson, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded())
        return LoadError{LoadErrorCode::ChosenNotJson, "", {valueJson}};
    const Json* chosen = value.is_null() ? nullptr : &value;
    Json document = documentOf(merged);
    if (!conflict.collection) {
        Json object = mapLevelObject(document);
        setField(object, conflict.field, chosen);
        setMapLevelObject(document, object);
    } else {
        Json& list = document[keyOf(*conflict.collection)];
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const Json& item) { return idOf(item) == conflict.itemId; });
        if (it == list.end())
            return LoadError{LoadErrorCode::ConflictItemMissing, "", {jsonQuoted(conflict.itemId)}};
        setField(*it, conflict.field, chosen);
    }
    for (const Repair& repair : makeSound(document))
        if (repair.dropped)
            return LoadError{LoadErrorCode::ConflictNotApplicable, "", {jsonQuoted(repair.id), repair.reason}};
    return mapOf(document);
}

namespace {

// The command that turns `merged` into `m`, the merged map with the conflict's field changed.
Command changeOf(const Map& merged, const MergeConflict& conflict, const Map& m) {
    const std::string name = "Resolve conflict";
    if (!conflict.collection) {
        if (conflict.field.rfind("meta/", 0) != 0) return {};
        return cmd::setMeta(merged, m.meta);
    }
    const Id& id = conflict.itemId;
    switch (*conflict.collection) {
        case Collection::Personas:
            if (const Persona* x = findPersona(m, id)) return cmd::replace(merged, *x, name);
            break;
        case Collection::Stages:
            if (const Stage* x = findStage(m, id)) return cmd::replace(merged, *x, name);
            break;
        case Collection::Lanes:
            if (const Lane* x = findLane(m, id)) return cmd::replace(merged, *x, name);
            break;
        case Collection::Cards:
            if (const Card* x = findCard(m, id)) return cmd::replace(merged, *x, name);
            break;
        case Collection::Emotions:
            if (const Emotion* x = findEmotion(m, id)) return cmd::replace(merged, *x, name);
            break;
        case Collection::Moments:
            if (const MomentOfTruth* x = findMoment(m, id)) return cmd::replace(merged, *x, name);
            break;
    }
    return {};
}

}  // namespace

Command resolveConflictCommand(const Map& merged, const MergeConflict& conflict,
                               const std::string& valueJson) {
    auto applied = applyConflictValue(merged, conflict, valueJson);
    if (!applied) return {};
    return changeOf(merged, conflict, applied.value());
}

Command resolveMergeConflict(const Map& merged, std::size_t conflictIndex, std::size_t valueIndex) {
    const auto& conflicts = merged.workshop.merge.conflicts;
    if (conflictIndex >= conflicts.size()) return {};
    const MergeConflict& conflict = conflicts[conflictIndex];
    if (valueIndex >= conflict.values.size() ||
        conflict.chosen == std::optional<int>(static_cast<int>(valueIndex)))
        return {};
    const std::string& value = conflict.values[valueIndex].value;
    const bool commandable = conflict.collection || conflict.field.rfind("meta/", 0) == 0;
    if (!commandable) return {};
    auto applied = applyConflictValue(merged, conflict, value);
    if (!applied) return {};
    // The value (nothing to do when the map holds it already) and the choice, together.
    Command command = changeOf(merged, conflict, applied.value());
    command.name = "Resolve conflict";
    Workshop workshop = merged.workshop;
    workshop.merge.conflicts[conflictIndex].chosen = static_cast<int>(valueIndex);
    command.edits.push_back(edit::SetWorkshop{std::move(workshop)});
    return command;
}

}  // namespace trayecto

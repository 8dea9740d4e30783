// Merging participants' copies of the map: one undoable step, then the conflicts to settle.
#include "app.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "trayecto/format.hpp"
#include "trayecto/merge.hpp"

namespace trayecto::app {

std::string App::mergeParticipantFiles(const std::vector<std::pair<std::string, std::string>>& files) {
    if (document_.readOnly()) return "The map is read-only.";
    if (files.empty()) return "No files were chosen.";
    std::vector<MergeParticipant> participants;
    for (const auto& [name, text] : files) {
        Result<Map> loaded = loadMap(text);
        if (!loaded) return name + ": " + loaded.error().describe();
        participants.push_back({name, std::move(loaded.value())});
    }
    Result<MergeResult> merged = mergeMaps(document_.map(), participants);
    if (!merged) return merged.error().describe();
    MergeResult& result = merged.value();
    const std::string name = "Merge " + std::to_string(participants.size()) + " participants";
    if (auto error = document_.execute(cmd::replaceMap(document_.map(), result.map, name))) return *error;
    merge_ = MergeReport{};
    merge_.participants = result.participants;
    merge_.conflicts = std::move(result.conflicts);
    merge_.chosen.assign(merge_.conflicts.size(), -1);
    merge_.added = result.added.size();
    merge_.keptDeleted = result.keptDeleted.size();
    merge_.dropped = result.dropped.size();
    merge_.active = merge_.tabWanted = true;
    view_.crowd = std::move(result.crowd);
    return {};
}

bool App::resolveMergeConflict(size_t index, size_t participantValue) {
    if (index >= merge_.conflicts.size() || participantValue >= merge_.conflicts[index].values.size()) return false;
    const MergeConflict& conflict = merge_.conflicts[index];
    const Command command = resolveConflictCommand(document_.map(), conflict, conflict.values[participantValue].value);
    if (!command.empty() && document_.execute(command)) return false;
    merge_.chosen[index] = static_cast<int>(participantValue);
    return true;
}

void App::mergeTab() {
    const Lang L = view_.lang;
    ImGui::TextWrapped("%s: %d", tr(L, Text::Participants), static_cast<int>(merge_.participants.size()));
    for (const std::string& p : merge_.participants) ImGui::BulletText("%s", p.c_str());
    ImGui::TextWrapped("%s: %d · %s: %d · %s: %d", tr(L, Text::MergeAdded), static_cast<int>(merge_.added),
                       tr(L, Text::MergeKept), static_cast<int>(merge_.keptDeleted), tr(L, Text::MergeDropped),
                       static_cast<int>(merge_.dropped));
    if (!view_.crowd.empty()) ImGui::TextWrapped("%s", tr(L, Text::CrowdCurveHint));
    sectionTitle(tr(L, Text::Conflicts));
    if (merge_.conflicts.empty()) ImGui::TextWrapped("%s", tr(L, Text::NoConflicts));
    for (size_t i = 0; i < merge_.conflicts.size(); ++i) {
        const MergeConflict& c = merge_.conflicts[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped("%s \xc2\xb7 %s", c.itemText.empty() ? c.itemId.c_str() : c.itemText.c_str(), c.field.c_str());
        ImGui::TextDisabled("  %s: %s", tr(L, Text::BaseValue), c.baseValue.c_str());
        for (size_t v = 0; v < c.values.size(); ++v) {
            ImGui::PushID(static_cast<int>(v));
            const bool taken = merge_.chosen[i] == static_cast<int>(v) || (merge_.chosen[i] < 0 && v == 0);
            const std::string choice = c.values[v].participant + ": " + c.values[v].value;
            if (ImGui::RadioButton(choice.c_str(), taken) && !taken) resolveMergeConflict(i, v);
            ImGui::PopID();
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (ImGui::Button(tr(L, Text::Close))) { merge_.active = false; }
}

}  // namespace trayecto::app

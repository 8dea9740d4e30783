// Merging participants' copies of the map: one undoable step, then the conflicts to settle. The
// report the panel shows is the map's own (workshop.merge): it is saved, reloaded and undone with
// the map.
#include "app.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "labels.hpp"
#include "trayecto/format.hpp"
#include "trayecto/merge.hpp"

namespace trayecto::app {

std::string App::mergeParticipantFiles(const std::vector<std::pair<std::string, std::string>>& files) {
    const Lang L = view_.lang;
    if (document_.readOnly()) return tr(L, Text::AppMapReadOnly);
    if (files.empty()) return tr(L, Text::AppNoFilesChosen);
    std::vector<MergeParticipant> participants;
    for (const auto& [name, text] : files) {
        Result<Map> loaded = loadMap(text);
        if (!loaded) return format(L, Text::ErrorInFile, {name, describe(L, loaded.error())});
        participants.push_back({name, std::move(loaded.value())});
    }
    Result<MergeResult> merged = mergeMaps(document_.map(), participants);
    if (!merged) return describe(L, merged.error());
    // The merged map carries this merge's report and crowd curves (workshop): one command puts
    // all of it in place, so one undo takes all of it away.
    const std::string name = "Merge " + std::to_string(participants.size()) + " participants";
    if (auto error = document_.execute(cmd::replaceMap(document_.map(), merged.value().map, name))) return *error;
    mergeTabClosed_ = false;
    mergeTabWanted_ = true;
    return {};
}

bool App::resolveMergeConflict(size_t index, size_t participantValue) {
    const Command command = trayecto::resolveMergeConflict(document_.map(), index, participantValue);
    return !command.empty() && !document_.execute(command);
}

namespace {
// A value as a person reads it: a JSON string without its quotes and escapes, none as a dash.
std::string shownValue(const std::string& json) {
    if (json == "null") return "\xe2\x80\x94";   // —
    if (json.size() < 2 || json.front() != '"' || json.back() != '"') return json;
    std::string out;
    for (size_t i = 1; i + 1 < json.size(); ++i) {
        if (json[i] != '\\' || i + 2 >= json.size()) { out += json[i]; continue; }
        const char c = json[++i];
        if (c == 'u') out += "\\u";   // \uXXXX stays as written
        else out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? ' ' : c;
    }
    return out;
}
}  // namespace

void App::mergeTab() {
    const Lang L = view_.lang;
    const Map& map = document_.map();
    const MergeReport& report = map.workshop.merge;
    ImGui::TextWrapped("%s: %d", tr(L, Text::Participants), static_cast<int>(report.participants.size()));
    for (const std::string& p : report.participants) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", p.c_str());
    }
    ImGui::TextWrapped("%s: %d · %s: %d · %s: %d", tr(L, Text::MergeAdded), report.added, tr(L, Text::MergeKept),
                       report.keptDeleted, tr(L, Text::MergeDropped), report.dropped);
    if (!map.workshop.crowd.empty()) ImGui::TextWrapped("%s", tr(L, Text::CrowdCurveHint));
    sectionTitle(tr(L, Text::Conflicts));
    if (report.conflicts.empty()) ImGui::TextWrapped("%s", tr(L, Text::NoConflicts));
    size_t resolve = report.conflicts.size(), take = 0;   // applied after drawing: the report changes
    // Every value whole, wrapped to the panel: each participant's by their name, a click on the
    // button or on the text takes it.
    for (size_t i = 0; i < report.conflicts.size(); ++i) {
        const MergeConflict& c = report.conflicts[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped("%s \xc2\xb7 %s", c.itemText.empty() ? c.itemId.c_str() : c.itemText.c_str(),
                           fieldLabel(L, c.field).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s: %s", tr(L, Text::BaseValue), shownValue(c.baseValue).c_str());
        ImGui::PopStyleColor();
        const size_t chosen = c.chosen ? static_cast<size_t>(*c.chosen) : 0;   // unset: the provisional first
        for (size_t v = 0; v < c.values.size(); ++v) {
            const std::string id = "##choice-" + std::to_string(i) + "-" + std::to_string(v);
            bool clicked = ImGui::RadioButton(id.c_str(), v == chosen);
            ImGui::SameLine();
            ImGui::TextWrapped("%s: %s", c.values[v].participant.c_str(), shownValue(c.values[v].value).c_str());
            clicked = clicked || ImGui::IsItemClicked();
            if (clicked && v != chosen) {
                resolve = i;
                take = v;
            }
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (ImGui::Button(tr(L, Text::Close, "merge-close").c_str())) mergeTabClosed_ = true;
    if (resolve < report.conflicts.size()) resolveMergeConflict(resolve, take);
}

}  // namespace trayecto::app

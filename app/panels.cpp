// The side panel: inspector of the selection, personas, moments of truth.
#include <algorithm>

#include "app.hpp"
#include "imgui.h"
#include "theme.hpp"

namespace trayecto::app {

void App::sidePanel(float) {
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    const Lang L = view_.lang;
    const Map& map = document_.map();
    if (ImGui::BeginTabBar("##tabs")) {
        if (ImGui::BeginTabItem(tr(L, Text::ShowInspector))) {
            if (view_.selection.empty()) ImGui::TextWrapped("%s", tr(L, Text::NothingSelected));
            for (const Id& id : view_.selection) {
                if (const Card* c = findCard(map, id)) ImGui::TextWrapped("%s", c->text.c_str());
                else if (const Stage* st = findStage(map, id)) ImGui::TextWrapped("%s", st->name.c_str());
                else if (const Lane* ln = findLane(map, id)) ImGui::TextWrapped("%s", ln->name.c_str());
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(L, Text::ShowPersonas))) {
            if (ImGui::RadioButton(tr(L, Text::AllPersonas), view_.personaFilter.empty())) view_.personaFilter.clear();
            for (const Persona& p : map.personas) {
                ImGui::PushID(p.id.c_str());
                ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(theme::fromRgb(p.color)),
                                   ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
                ImGui::SameLine();
                if (ImGui::Selectable(p.name.c_str(), view_.activePersona == p.id)) view_.activePersona = p.id;
                ImGui::PopID();
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(L, Text::ShowMoments))) {
            if (map.moments.empty()) ImGui::TextWrapped("%s", tr(L, Text::NoMoments));
            for (const MomentOfTruth& m : map.moments) {
                ImGui::PushID(m.id.c_str());
                if (ImGui::Selectable(m.name.c_str(), view_.isSelected(m.id))) {
                    view_.select(m.cardId ? *m.cardId : m.stageId);
                    const int column = stageIndex(map, m.stageId);
                    const MapLayout& layout = canvas_.layout();
                    if (m.cardId) {
                        const int slot = layout.slotOfCard(cardIndex(map, *m.cardId));
                        if (slot >= 0) canvas_.centerOn(view_, layout.cards[static_cast<size_t>(slot)].box);
                    } else if (column >= 0) {
                        canvas_.centerOn(view_, layout.stageHeaders[static_cast<size_t>(column)]);
                    }
                }
                ImGui::PopID();
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace trayecto::app

// The Workshop tab: the agenda of Schmitt's five steps and the countdown timer. Both are kept in
// the document (workshop.agendaStep, workshop.timer) and change through commands.
#include <algorithm>
#include <cstdio>

#include "app.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "labels.hpp"
#include "trayecto/workshop.hpp"

namespace trayecto::app {

namespace {
void formatTime(char (&out)[16], double seconds) {
    const int s = static_cast<int>(seconds + 0.999);
    std::snprintf(out, sizeof(out), "%02d:%02d", s / 60, s % 60);
}
}  // namespace

void App::agendaTab() {
    const Lang L = view_.lang;
    const Map& map = document_.map();
    const int agendaStep = map.workshop.agendaStep;
    Command change;   // executed after drawing: the map stays as drawn until then
    sectionTitle(tr(L, Text::Agenda));
    for (int i = 0; i < kAgendaSteps; ++i) {
        const AgendaStep& step = kAgenda[i];
        ImGui::PushID(i);
        const std::string title = std::to_string(i + 1) + ". " + (L == Lang::Es ? step.titleEs : step.titleEn);
        if (ImGui::Selectable(title.c_str(), agendaStep == i) && agendaStep != i) change = cmd::setAgendaStep(map, i);
        if (agendaStep == i) {
            ImGui::Indent();
            ImGui::TextWrapped("%s", L == Lang::Es ? step.aboutEs : step.aboutEn);
            // The parts of the map this step works on: a click shows them.
            for (LaneType type : step.lanes) {
                if (type == LaneType::Custom) continue;
                for (const Lane& lane : map.lanes) {
                    if (lane.type != type || lane.hidden) continue;
                    ImGui::PushID(lane.id.c_str());
                    if (ImGui::SmallButton(lane.name.c_str())) {
                        view_.select(lane.id);
                        const MapLayout& layout = canvas_.layout();
                        for (size_t r = 0; r < layout.rowLane.size(); ++r)
                            if (map.lanes[static_cast<size_t>(layout.rowLane[r])].id == lane.id) {
                                Box target = layout.rows[r];
                                target.x1 = target.x0 + canvas_.width() / canvas_.scale(view_);
                                canvas_.centerOn(view_, target);
                            }
                    }
                    ImGui::SameLine();
                    ImGui::PopID();
                    break;
                }
            }
            if (step.personas) ImGui::TextDisabled("+ %s", tr(L, Text::ShowPersonas));
            else ImGui::NewLine();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    if (ImGui::Button(tr(L, Text::NextStep)) && agendaStep + 1 < kAgendaSteps) change = cmd::setAgendaStep(map, agendaStep + 1);

    sectionTitle(tr(L, Text::Timer));
    const WorkshopTimer& timer = map.workshop.timer;
    int minutes = timer.minutes;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputInt(tr(L, Text::Minutes), &minutes) && minutes != timer.minutes)
        change = cmd::setTimerMinutes(map, minutes);
    char clock[16];
    formatTime(clock, timerRemaining(timer, now()));
    ImGui::Text("%s", clock);
    ImGui::SameLine();
    if (timer.running()) {
        if (ImGui::Button(tr(L, Text::Pause))) change = cmd::pauseTimer(map, now());
    } else if (ImGui::Button(tr(L, Text::Start))) {
        change = cmd::startTimer(map, now());
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::Reset))) change = cmd::resetTimer(map);
    if (!change.empty()) document_.execute(change);
}

// Large, at the top of the canvas, so the whole room sees it (also when presenting).
void App::timerOverlay(float x, float y, float w) {
    const Lang L = view_.lang;
    const float ratio = fonts_.pixelRatio;
    const Workshop& workshop = document_.map().workshop;
    const double left = timerRemaining(workshop.timer, now());
    char clock[16];
    formatTime(clock, left);
    const int agendaStep = std::clamp(workshop.agendaStep, 0, kAgendaSteps - 1);
    const AgendaStep& step = kAgenda[agendaStep];
    const std::string label = std::string(clock) + "   " + std::to_string(agendaStep + 1) + ". " +
                              (L == Lang::Es ? step.titleEs : step.titleEn);
    ImFont* font = fonts_.canvasFont(24.0f * ratio);
    const float size = 24.0f * ratio;
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
    const float pad = 10.0f * ratio;
    const ImVec2 p0(x + (w - text.x) * 0.5f - pad, y + 8.0f * ratio);
    const ImVec2 p1(p0.x + text.x + 2 * pad, p0.y + text.y + 2 * pad);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const bool over = left <= 0.0;
    dl->AddRectFilled(p0, p1, over ? IM_COL32(200, 60, 40, 235) : IM_COL32(43, 93, 147, 235), 8.0f * ratio);
    dl->AddText(font, size, ImVec2(p0.x + pad, p0.y + pad), IM_COL32(255, 255, 255, 255), label.c_str());
}

}  // namespace trayecto::app

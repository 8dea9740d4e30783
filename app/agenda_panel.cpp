// The Workshop tab: the agenda of Schmitt's five steps and the countdown timer.
#include <cstdio>

#include "app.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "labels.hpp"

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
    sectionTitle(tr(L, Text::Agenda));
    for (int i = 0; i < 5; ++i) {
        const AgendaStep& step = kAgenda[i];
        ImGui::PushID(i);
        const std::string title = std::to_string(i + 1) + ". " + (L == Lang::Es ? step.titleEs : step.titleEn);
        if (ImGui::Selectable(title.c_str(), agendaStep_ == i)) agendaStep_ = i;
        if (agendaStep_ == i) {
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
    if (ImGui::Button(tr(L, Text::NextStep)) && agendaStep_ < 4) ++agendaStep_;

    sectionTitle(tr(L, Text::Timer));
    int minutes = timer_.minutes();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputInt(tr(L, Text::Minutes), &minutes)) timer_.setMinutes(minutes);
    char clock[16];
    formatTime(clock, timer_.remainingSeconds());
    ImGui::Text("%s", clock);
    ImGui::SameLine();
    if (timer_.running()) {
        if (ImGui::Button(tr(L, Text::Pause))) timer_.pause();
    } else if (ImGui::Button(tr(L, Text::Start))) {
        timer_.start();
        timerShownFinished_ = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::Reset))) {
        timer_.reset();
        timerShownFinished_ = false;
    }
}

// Large, at the top of the canvas, so the whole room sees it (also when presenting).
void App::timerOverlay(float x, float y, float w) {
    const Lang L = view_.lang;
    const float ratio = fonts_.pixelRatio;
    char clock[16];
    formatTime(clock, timer_.remainingSeconds());
    const AgendaStep& step = kAgenda[agendaStep_];
    const std::string label = std::string(clock) + "   " + std::to_string(agendaStep_ + 1) + ". " +
                              (L == Lang::Es ? step.titleEs : step.titleEn);
    ImFont* font = fonts_.canvasFont(24.0f * ratio);
    const float size = 24.0f * ratio;
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
    const float pad = 10.0f * ratio;
    const ImVec2 p0(x + (w - text.x) * 0.5f - pad, y + 8.0f * ratio);
    const ImVec2 p1(p0.x + text.x + 2 * pad, p0.y + text.y + 2 * pad);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const bool over = timer_.finished();
    dl->AddRectFilled(p0, p1, over ? IM_COL32(200, 60, 40, 235) : IM_COL32(43, 93, 147, 235), 8.0f * ratio);
    dl->AddText(font, size, ImVec2(p0.x + pad, p0.y + pad), IM_COL32(255, 255, 255, 255), label.c_str());
}

}  // namespace trayecto::app

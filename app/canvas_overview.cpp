// What floats over the map canvas: the overview map in its top-left corner (click or drag in it
// to move the view; a button hides it and brings it back) and the persona filter's chip (a click clears the filter).
// Their input is taken before the map's (ImGui gives the pointer to the first item submitted);
// they are drawn after the map.
#include <algorithm>

#include "canvas.hpp"
#include "imgui.h"
#include "theme.hpp"
#include "widget_registry.hpp"


namespace trayecto::app {

using namespace metrics;

namespace {
constexpr float kOverviewMaxWidth = 240.0f, kOverviewMaxHeight = 120.0f;   // CSS pixels
constexpr float kOverviewMinWidth = 60.0f, kOverviewMinHeight = 28.0f;

std::string filterText(Lang lang, const Persona& persona) {
    return std::string(tr(lang, Text::FilterOn)) + ": " + persona.name + "   \xc3\x97";   // ×
}

}  // namespace

// The filter's chip: at the top of the map, in the middle (the overview has the corner).
Box Canvas::chipBox(float ratio, const Fonts& fonts, const std::string& text) const {
    const float pad = 10.0f * ratio;
    const ImVec2 size = fonts.ui ? fonts.ui->CalcTextSizeA(fonts.ui->FontSize, FLT_MAX, 0, text.c_str())
                                 : ImVec2(100 * ratio, 14 * ratio);
    const float w = size.x + 2 * pad, x = x_ + std::max(0.0f, (w_ - w) * 0.5f), y = y_ + 4.0f * ratio;
    return Box{x, y, x + w, y + size.y + pad};
}

// The overview sits in the map's top-left corner, left of the stage headers and above the lane
// names (both stick to the canvas' edges, so the corner never shows a card): clear of the map's
// content and of every panel. Too small a corner (zoomed far out, when the whole map is on
// screen anyway) has none.
void Canvas::placeOverview(const ViewState& view) {
    overview_ = overviewToggle_ = Box{};
    if (view.presenting || view.minimalUi || layout_.width <= 0 || layout_.height <= 0) return;
    const float r = pixelRatio_, s = scale(view), margin = 4.0f * r;
    const float x0 = toScreenX(view, std::max(0.0f, view.panX)) + margin;
    const float y0 = toScreenY(view, std::max(0.0f, view.panY)) + margin;
    const float w = std::min(LaneHeaderWidth * s - 2 * margin, kOverviewMaxWidth * r);
    const float h = std::min((PhaseBandHeight + StageHeaderHeight) * s - 2 * margin, kOverviewMaxHeight * r);
    if (w < kOverviewMinWidth * r || h < kOverviewMinHeight * r) return;
    const Box box{x0, y0, x0 + w, y0 + h};
    if (view.showMinimap) {
        const float button = 16.0f * r;
        overview_ = box;
        overviewToggle_ = Box{box.x1 - button, box.y0, box.x1, box.y0 + button};
    } else {
        overviewToggle_ = box;
    }
}

void Canvas::overviewInput(ViewState& view) {
    if (overviewToggle_.width() > 0) {
        ImGui::SetCursorScreenPos(ImVec2(overviewToggle_.x0, overviewToggle_.y0));
        const std::string label = view.showMinimap ? std::string("##overview-hide")
                                                   : std::string(tr(view.lang, Text::ShowMinimap)) + "##overview-show";
        const bool clicked = ImGui::InvisibleButton(label.c_str(), ImVec2(overviewToggle_.width(), overviewToggle_.height()));
        widgets::reportLastItem(label.c_str());   // 1.86 does not report invisible buttons
        if (clicked) {
            view.showMinimap = !view.showMinimap;
            placeOverview(view);
        }
        if (ImGui::IsItemHovered() && view.showMinimap) ImGui::SetTooltip("%s", tr(view.lang, Text::HideMinimap));
    }
    if (overview_.width() <= 0) return;
    ImGui::SetCursorScreenPos(ImVec2(overview_.x0, overview_.y0));
    ImGui::InvisibleButton("##minimap", ImVec2(overview_.width(), overview_.height()));
    widgets::reportLastItem("##minimap");
    if (!ImGui::IsItemActive()) return;
    // The view's centre goes where the pointer is on the overview.
    drag_ = Drag::Overview;
    const float k = std::min(overview_.width() / layout_.width, overview_.height() / layout_.height);
    const float ox = overview_.x0 + (overview_.width() - layout_.width * k) * 0.5f;
    const float oy = overview_.y0 + (overview_.height() - layout_.height * k) * 0.5f;
    const ImVec2 m = ImGui::GetIO().MousePos;
    const float s = scale(view);
    // Not past the map's edges: the screen stays filled with map where the map allows.
    const float margin = 16.0f / view.zoom;
    auto clampTo = [margin](float pan, float visible, float size) {
        return std::clamp(pan, -margin, std::max(-margin, size - visible + margin));
    };
    view.panX = clampTo((m.x - ox) / k - w_ / s * 0.5f, w_ / s, layout_.width);
    view.panY = clampTo((m.y - oy) / k - h_ / s * 0.5f, h_ / s, layout_.height);
}

void Canvas::drawOverview(ImDrawList* dl, const ViewState& view, const Fonts& fonts) {
    const float r = pixelRatio_;
    if (overviewToggle_.width() > 0 && !view.showMinimap) {   // the button that brings it back
        const Box& b = overviewToggle_;
        dl->AddRectFilled(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), IM_COL32(255, 255, 255, 235), 4.0f * r);
        dl->AddRect(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), IM_COL32(0, 0, 0, 70), 4.0f * r);
        const char* label = tr(view.lang, Text::ShowMinimap);
        const float px = 12.0f * r;
        const ImVec2 size = fonts.ui ? fonts.ui->CalcTextSizeA(px, FLT_MAX, 0, label) : ImVec2(0, px);
        dl->PushClipRect(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), true);
        dl->AddText(fonts.ui, px, ImVec2(b.x0 + std::max(4.0f * r, (b.width() - size.x) * 0.5f), b.y0 + (b.height() - size.y) * 0.5f),
                    theme::HeaderText, label);
        dl->PopClipRect();
    }
    if (overview_.width() <= 0) return;
    const float x = overview_.x0, y = overview_.y0, w = overview_.width(), h = overview_.height();
    const ImVec2 m = ImGui::GetIO().MousePos;
    const bool near = overview_.contains(m.x, m.y) || drag_ == Drag::Overview;
    const unsigned alpha = 255;
    const float k = std::min(w / layout_.width, h / layout_.height);
    const float ox = x + (w - layout_.width * k) * 0.5f, oy = y + (h - layout_.height * k) * 0.5f;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), IM_COL32(255, 255, 255, alpha), 4.0f * r);
    dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), IM_COL32(0, 0, 0, near ? 90 : 50), 4.0f * r);
    // One block per non-empty cell (cards stack from the top): cost follows the grid, not the cards.
    for (int row = 0; row < static_cast<int>(layout_.rows.size()); ++row)
        for (int c = 0; c < layout_.columnCount(); ++c) {
            const auto& cell = layout_.cell(row, c);
            if (cell.empty()) continue;
            const Box& first = layout_.cards[static_cast<size_t>(cell.front())].box;
            const Box& last = layout_.cards[static_cast<size_t>(cell.back())].box;
            dl->AddRectFilled(ImVec2(ox + first.x0 * k, oy + first.y0 * k), ImVec2(ox + last.x1 * k, oy + last.y1 * k),
                              IM_COL32(120, 140, 170, 200));
        }
    // The part on screen.
    const float s = scale(view);
    dl->PushClipRect(ImVec2(x, y), ImVec2(x + w, y + h), true);   // the view may be larger than the map
    dl->AddRect(ImVec2(ox + view.panX * k, oy + view.panY * k),
                ImVec2(ox + (view.panX + w_ / s) * k, oy + (view.panY + h_ / s) * k), theme::Selection, 0, 0, 2.0f * r);
    dl->PopClipRect();
    // Its hide button: a bar in the top-right corner.
    const Box& b = overviewToggle_;
    dl->AddRectFilled(ImVec2(b.x0 + 1 * r, b.y0 + 1 * r), ImVec2(b.x1 - 1 * r, b.y1 - 1 * r), IM_COL32(255, 255, 255, alpha), 3.0f * r);
    dl->AddRect(ImVec2(b.x0 + 1 * r, b.y0 + 1 * r), ImVec2(b.x1 - 1 * r, b.y1 - 1 * r), IM_COL32(0, 0, 0, 60), 3.0f * r);
    dl->AddLine(ImVec2(b.x0 + 4 * r, (b.y0 + b.y1) * 0.5f), ImVec2(b.x1 - 4 * r, (b.y0 + b.y1) * 0.5f), theme::HeaderText, 2.0f * r);
}

// While the map shows one persona only, a chip at its top-left corner says so; a click clears it.
void Canvas::filterChip(ViewState& view, const Map& map, const Fonts& fonts) {
    const Persona* persona = findPersona(map, view.personaFilter);
    if (!persona) return;
    const std::string text = filterText(view.lang, *persona);
    const Box b = chipBox(pixelRatio_, fonts, text);
    ImGui::SetCursorScreenPos(ImVec2(b.x0, b.y0));
    const std::string label = text + "##filter-clear";
    const bool clicked = ImGui::InvisibleButton(label.c_str(), ImVec2(b.width(), b.height()));
    widgets::reportLastItem(label.c_str());
    if (clicked) view.personaFilter.clear();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(view.lang, Text::ClearFilter));
}

void Canvas::drawFilterChip(ImDrawList* dl, const ViewState& view, const Map& map, const Fonts& fonts) {
    const Persona* persona = findPersona(map, view.personaFilter);
    if (!persona) return;
    const float r = pixelRatio_;
    // A frame in the persona's colour round the whole map, and the chip.
    dl->AddRect(ImVec2(x_ + 1.5f * r, y_ + 1.5f * r), ImVec2(x_ + w_ - 1.5f * r, y_ + h_ - 1.5f * r),
                theme::fromRgb(persona->color), 0, 0, 3.0f * r);
    const std::string text = filterText(view.lang, *persona);
    const Box b = chipBox(r, fonts, text);
    dl->AddRectFilled(ImVec2(b.x0, b.y0), ImVec2(b.x1, b.y1), theme::fromRgb(persona->color), b.height() * 0.5f);
    if (fonts.ui)
        dl->AddText(fonts.ui, fonts.ui->FontSize, ImVec2(b.x0 + 10.0f * r, b.y0 + 5.0f * r),
                    IM_COL32(255, 255, 255, 255), text.c_str());
}

}  // namespace trayecto::app

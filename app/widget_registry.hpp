// Where each labelled widget was drawn in the last frame, from Dear ImGui's test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE: ImGui reports every item it adds, and the label of most). Tests and
// hosts use it to drive the UI with real input; a check uses it to find widgets sharing an id.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "imgui.h"

namespace trayecto::app::widgets {

// What a field of the side panel holds, for the screen reader's copy of the panel (app/panel_copy.hpp).
// Tab: one of the panel's tabs, value "chosen" for the one shown.
enum class FieldRole : unsigned char { None, Text, Number, Choice, Colour, Tab };

struct Widget {
    ImGuiID id = 0;
    std::string label;    // as given to ImGui, "Text##stable" included
    std::string window;   // the window it is in
    ImVec2 min, max;      // screen rectangle (device pixels)
    int flags = 0;        // ImGuiItemStatusFlags_ (Openable: a combo or menu; Checkable…)
    FieldRole role = FieldRole::None;   // set by describeLastItem (a field's kind and value)
    std::string value;
};

// ImGuiItemStatusFlags_Openable (imgui_internal.h): a combo or a menu.
constexpr int kOpenable = 1 << 20;

// Turns the hooks on for the current ImGui context.
void enable();
// Call after each frame: the widgets of that frame become lastFrame().
void endFrame();
const std::vector<Widget>& lastFrame();
// The last frame's widget whose label is `text`, whose visible text (before "##") is `text`, or
// whose stable id (after "##" or "###") is `text` (asked for with or without "##"); nullptr if none.
const Widget* find(std::string_view text);
// Reports an item to the registry as ImGui does for most widgets. Dear ImGui 1.86 does not for
// combos (BeginCombo) and colour buttons: call right after one, with its label (and its id when
// it is not the last item's).
void reportItem(ImGuiID id, const char* label, int flags = 0);
void reportLastItem(const char* label, int flags = 0);
// Gives the last item reported the label a person reads for it (a multiline box whose label is
// drawn above it as text, its own label only "##stable").
void relabelLastItem(const char* label);
// Gives the last item reported (if it is the last item, or the item `id`) what kind of field it
// is and the value it shows, as text.
void describeLastItem(FieldRole role, std::string_view value, ImGuiID id = 0);
// Every pair of the last frame's widgets that share an id: two widgets with one id share their
// state in ImGui (a combo that never opens), so there should be none.
std::vector<std::pair<const Widget*, const Widget*>> clashes();

}  // namespace trayecto::app::widgets

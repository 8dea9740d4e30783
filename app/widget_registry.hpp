// Where each labelled widget was drawn in the last frame, from Dear ImGui's test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE: ImGui reports every item it adds, and the label of most). Tests and
// hosts use it to drive the UI with real input; a check uses it to find widgets sharing an id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace trayecto::app::widgets {

struct Widget {
    ImGuiID id = 0;
    std::string label;    // as given to ImGui, "Text##stable" included
    std::string window;   // the window it is in
    ImVec2 min, max;      // screen rectangle (device pixels)
};

// Turns the hooks on for the current ImGui context.
void enable();
// Call after each frame: the widgets of that frame become lastFrame().
void endFrame();
const std::vector<Widget>& lastFrame();
// The last frame's widget whose label is `text`, whose visible text (before "##") is `text`, or
// whose stable id (after "##") is `text`; nullptr if none.
const Widget* find(std::string_view text);

}  // namespace trayecto::app::widgets

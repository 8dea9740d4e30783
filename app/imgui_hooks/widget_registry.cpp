// Dear ImGui's test-engine hooks, compiled into the imgui library (its items call them), filling
// the widget registry of app/widget_registry.hpp.
#include "../widget_registry.hpp"

#include <unordered_map>

#include "imgui_internal.h"

namespace trayecto::app::widgets {
namespace {
std::vector<Widget> gCurrent, gLast;
std::unordered_map<ImGuiID, ImRect> gRects;   // this frame's items (ItemAdd comes before ItemInfo)
}  // namespace

void enable() {
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
}

void endFrame() {
    gLast.swap(gCurrent);
    gCurrent.clear();
    gRects.clear();
}

const std::vector<Widget>& lastFrame() { return gLast; }

const Widget* find(std::string_view text) {
    for (const Widget& w : gLast) {
        const std::string_view label = w.label;
        const size_t hashes = label.find("##");
        if (label == text || (hashes != std::string_view::npos && (label.substr(0, hashes) == text || label.substr(hashes + 2) == text)))
            return &w;
    }
    return nullptr;
}

}  // namespace trayecto::app::widgets

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    trayecto::app::widgets::gRects[id] = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    using namespace trayecto::app::widgets;
    auto it = gRects.find(id);
    if (it == gRects.end() || !label) return;
    Widget w;
    w.id = id;
    w.label = label;
    w.window = ctx->CurrentWindow ? ctx->CurrentWindow->Name : "";
    w.min = it->second.Min;
    w.max = it->second.Max;
    gCurrent.push_back(std::move(w));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    for (const auto& w : trayecto::app::widgets::lastFrame())
        if (w.id == id) return w.label.c_str();
    return nullptr;
}

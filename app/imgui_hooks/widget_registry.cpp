// Dear ImGui's test-engine hooks, compiled into the imgui library (its items call them), filling
// the widget registry of app/widget_registry.hpp.
#include "../widget_registry.hpp"

#include <unordered_map>

#include "imgui_internal.h"

namespace trayecto::app::widgets {
namespace {
std::vector<Widget> gCurrent, gLast;
std::unordered_map<ImGuiID, ImRect> gRects;   // this frame's items (ItemAdd comes before ItemInfo)
std::unordered_map<ImGuiID, Widget> gWaiting; // ItemInfo before ItemAdd (a tab): waits for its rectangle
}  // namespace

void enable() {
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
}

void endFrame() {
    gLast.swap(gCurrent);
    gCurrent.clear();
    gRects.clear();
    gWaiting.clear();
}

const std::vector<Widget>& lastFrame() { return gLast; }

std::vector<std::pair<const Widget*, const Widget*>> clashes() {
    std::vector<std::pair<const Widget*, const Widget*>> out;
    std::unordered_map<ImGuiID, const Widget*> seen;
    for (const Widget& w : gLast) {
        // A menu and a menu item report themselves and the Selectable("") they are made of,
        // which has their id: one widget, not two.
        if (w.label.empty()) continue;
        auto [it, added] = seen.emplace(w.id, &w);
        if (!added) out.emplace_back(it->second, &w);
    }
    return out;
}

const Widget* find(std::string_view text) {
    std::string_view wanted = text;   // an id may be asked for as "##id"
    while (!wanted.empty() && wanted.front() == '#') wanted.remove_prefix(1);
    for (const Widget& w : gLast) {
        const std::string_view label = w.label;
        const size_t hashes = label.find("##");
        if (label == text) return &w;
        if (hashes == std::string_view::npos) continue;
        std::string_view id = label.substr(hashes + 2);
        if (!id.empty() && id.front() == '#') id.remove_prefix(1);   // "Text###id"
        if (label.substr(0, hashes) == text || id == wanted) return &w;
    }
    return nullptr;
}

}  // namespace trayecto::app::widgets

void trayecto::app::widgets::reportItem(ImGuiID id, const char* label, int flags) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx || !ctx->TestEngineHookItems || id == 0) return;
    ImGuiTestEngineHook_ItemInfo(ctx, id, label, flags);
}

void trayecto::app::widgets::reportLastItem(const char* label, int flags) {
    if (ImGuiContext* ctx = ImGui::GetCurrentContext())
        reportItem(ctx->LastItemData.ID, label, ctx->LastItemData.StatusFlags | flags);
}

void trayecto::app::widgets::relabelLastItem(const char* label) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (ctx && !gCurrent.empty() && gCurrent.back().id == ctx->LastItemData.ID) gCurrent.back().label = label;
}

void trayecto::app::widgets::describeLastItem(FieldRole role, std::string_view value, ImGuiID id) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx || gCurrent.empty() || gCurrent.back().id != (id ? id : ctx->LastItemData.ID)) return;
    gCurrent.back().role = role;
    gCurrent.back().value.assign(value.data(), value.size());
}

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    using namespace trayecto::app::widgets;
    gRects[id] = bb;
    auto waiting = gWaiting.find(id);
    if (waiting == gWaiting.end()) return;
    waiting->second.min = bb.Min;
    waiting->second.max = bb.Max;
    gCurrent.push_back(std::move(waiting->second));
    gWaiting.erase(waiting);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using namespace trayecto::app::widgets;
    if (!label) return;
    Widget w;
    w.id = id;
    w.label = label;
    w.window = ctx->CurrentWindow ? ctx->CurrentWindow->Name : "";
    w.flags = flags;
    auto it = gRects.find(id);
    if (it == gRects.end()) {   // a tab reports itself before it is added
        gWaiting[id] = std::move(w);
        return;
    }
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

#include "fields.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "imgui_internal.h"   // GetItemID
#include "theme.hpp"

namespace trayecto::app {

namespace {
// The text field being typed in, and which visit to it this is: every key goes into the document
// at once, and one visit to one field is one undo step (its merge key).
ImGuiID gTypingId = 0;
unsigned gVisit = 0;
ImGuiID gCaretToEnd = 0;   // placeCaretAtEnd

struct FieldText { std::string* text; ImGuiID id; };

int fieldCallback(ImGuiInputTextCallbackData* data) {
    auto* field = static_cast<FieldText*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        field->text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = const_cast<char*>(field->text->c_str());
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && gCaretToEnd != 0 && gCaretToEnd == field->id) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        gCaretToEnd = 0;
    }
    return 0;
}
}  // namespace

void placeCaretAtEnd(ImGuiID id) { gCaretToEnd = id; }

std::string typingMergeKey(ImGuiID id) {
    if (gTypingId != id) {
        gTypingId = id;
        ++gVisit;
    }
    return "typing:" + std::to_string(id) + ":" + std::to_string(gVisit);
}

void endTyping(ImGuiID id) {
    if (gTypingId == id) gTypingId = 0;
}

namespace {
// What a label shows: the text before "##".
std::string shown(const char* label) {
    const char* hashes = std::strstr(label, "##");
    return hashes ? std::string(label, hashes) : std::string(label);
}
}  // namespace

void sectionTitle(const char* title) {
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.17f, 0.36f, 0.58f, 1.0f), "%s", title);
    ImGui::Separator();
}

void Fields::run(const Command& command) {
    if (!command.empty()) doc_.execute(command);
}

void Fields::trackGroup(const char* label) {
    if (ImGui::IsItemActivated()) doc_.history().beginGroup(shown(label));
    if (ImGui::IsItemDeactivated() && doc_.history().inGroup()) doc_.history().endGroup();
}

// The label on its own line above a field, so the field can take the whole width and neither is
// cut (at 1024 pixels and in both languages). Returns the field's own label: "##stable" (the
// text after "##", or the label itself when it has none). The width the field was to have (a
// SetNextItemWidth before the call, else the window's item width) still applies to it.
std::string Fields::labelAbove(const char* label) {
    const float width = ImGui::CalcItemWidth();
    const char* hashes = std::strstr(label, "##");
    if (hashes != label) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(label, hashes);
        ImGui::PopTextWrapPos();
    }
    ImGui::SetNextItemWidth(width);
    return hashes ? std::string(hashes) : std::string("##") + label;
}

namespace {
// A multiline box shows its whole text wrapped to its width while it is not being edited (Dear
// ImGui 1.86 does not wrap text being edited): its own text is drawn invisible and the wrapped
// text over it, so a click still goes to the box and starts editing there.
struct WrappedView {
    bool shown = false;
    WrappedView(const std::string& text, ImGuiID id, float width, float& height) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float wrap = std::max(1.0f, width - style.FramePadding.x * 2.0f);
        const float textHeight = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
        height = std::max(ImGui::GetTextLineHeight() * 3.0f, textHeight) + style.FramePadding.y * 2.0f;
        if (ImGui::GetActiveID() == id) return;
        shown = true;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 end(at.x + width, at.y + height);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(at, end, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
        const ImVec4 clip(at.x, at.y, end.x, end.y);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + style.FramePadding.x, at.y + style.FramePadding.y),
                    ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, wrap, &clip);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    }
    ~WrappedView() { if (shown) ImGui::PopStyleColor(2); }
};
}  // namespace

void Fields::text(const char* label, const std::string& value, const std::function<Command(std::string)>& apply,
                  bool multiline) {
    // While the field is active ImGui shows its own copy of the text; the document gets each
    // change as it is typed, so what is on screen is what is kept.
    std::string buffer = value;
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways;
    bool changed = false;
    const std::string id = labelAbove(label);
    FieldText field{&buffer, ImGui::GetID(id.c_str())};
    if (multiline) {
        const float width = ImGui::CalcItemWidth();
        float height = 0;
        {
            const WrappedView view(value, field.id, width, height);
            changed = ImGui::InputTextMultiline(id.c_str(), const_cast<char*>(buffer.c_str()), buffer.capacity() + 1,
                                                ImVec2(width, height), flags, fieldCallback, &field);
        }
        // A click on the wrapped text starts editing at its end (the lines move as it unwraps).
        if (ImGui::IsItemActivated()) placeCaretAtEnd(field.id);
    } else {
        changed = ImGui::InputText(id.c_str(), const_cast<char*>(buffer.c_str()), buffer.capacity() + 1, flags,
                                   fieldCallback, &field);
    }
    widgets::relabelLastItem(label);   // found by the text above it
    widgets::describeLastItem(widgets::FieldRole::Text, value);
    const ImGuiID itemId = ImGui::GetItemID();
    if (changed && buffer != value) {
        const Command command = apply(buffer);
        if (!command.empty()) doc_.execute(command, typingMergeKey(itemId));
    }
    if (ImGui::IsItemDeactivated()) endTyping(itemId);
}

void Fields::integer(const char* label, int value, int min, int max, const std::function<Command(int)>& apply) {
    int v = value;
    const std::string id = labelAbove(label);
    const bool changed = ImGui::SliderInt(id.c_str(), &v, min, max);
    widgets::relabelLastItem(label);
    widgets::describeLastItem(widgets::FieldRole::Number, std::to_string(value));
    trackGroup(label);
    if (changed && v != value) run(apply(v));
}

void Fields::optionalScore(const char* label, const std::optional<int>& value,
                           const std::function<Command(std::optional<int>)>& apply) {
    const std::string id = labelAbove(label);
    ImGui::PushID(label);
    bool has = value.has_value();
    if (ImGui::Checkbox("##has", &has)) run(apply(has ? std::optional<int>(3) : std::nullopt));
    widgets::relabelLastItem(label);   // whether the field has a score at all
    ImGui::SameLine();
    if (has) {
        int v = *value;
        ImGui::SetNextItemWidth(-FLT_MIN);
        const bool changed = ImGui::SliderInt(id.c_str(), &v, 1, 5);
        widgets::relabelLastItem(label);
        widgets::describeLastItem(widgets::FieldRole::Number, std::to_string(*value));
        trackGroup(label);
        if (changed && v != *value) run(apply(v));
    } else {
        ImGui::TextDisabled("—");
    }
    ImGui::PopID();
}

void Fields::number(const char* label, const std::optional<double>& value,
                    const std::function<Command(std::optional<double>)>& apply) {
    const std::string id = labelAbove(label);
    ImGui::PushID(label);
    bool has = value.has_value();
    if (ImGui::Checkbox("##has", &has)) run(apply(has ? std::optional<double>(0.0) : std::nullopt));
    widgets::relabelLastItem(label);   // whether the field has a number at all
    ImGui::SameLine();
    if (has) {
        double v = *value;
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGui::InputDouble(id.c_str(), &v, 0.0, 0.0, "%.2f");
        widgets::relabelLastItem(label);
        char shownValue[32];
        std::snprintf(shownValue, sizeof shownValue, "%.2f", *value);
        widgets::describeLastItem(widgets::FieldRole::Number, shownValue);
        if (ImGui::IsItemDeactivatedAfterEdit() && std::isfinite(v) && v != *value) run(apply(v));
    } else {
        ImGui::TextDisabled("—");
    }
    ImGui::PopID();
}

void Fields::checkbox(const char* label, bool value, const std::function<Command(bool)>& apply) {
    bool v = value;
    if (ImGui::Checkbox(label, &v) && v != value) run(apply(v));
}

void Fields::color(const char* label, Rgb value, const std::function<Command(Rgb)>& apply) {
    ImGui::PushID(label);
    const ImGuiID button = ImGui::GetID("##ColorButton");   // the colour button ColorEdit3 makes
    ImGui::PopID();
    float rgb[3] = {static_cast<float>((value >> 16) & 0xff) / 255.0f, static_cast<float>((value >> 8) & 0xff) / 255.0f,
                    static_cast<float>(value & 0xff) / 255.0f};
    const bool changed = ImGui::ColorEdit3(label, rgb, ImGuiColorEditFlags_NoInputs);
    widgets::reportItem(button, label);   // 1.86 does not report colour buttons
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%06x", static_cast<unsigned>(value & 0xffffff));
    widgets::describeLastItem(widgets::FieldRole::Colour, hex, button);
    trackGroup(label);
    if (changed) {
        auto channel = [](float f) { return static_cast<Rgb>(std::lround(std::fmin(1.0f, std::fmax(0.0f, f)) * 255.0f)); };
        const Rgb next = (channel(rgb[0]) << 16) | (channel(rgb[1]) << 8) | channel(rgb[2]);
        if (next != value) run(apply(next));
    }
}

void showKeyboardFocus() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = false;
}

bool beginDialog(const std::string& title, bool& requested, float width, float ratio, ImGuiWindowFlags flags,
                 ImGuiCond cond, float share) {
    if (requested) {
        ImGui::OpenPopup(title.c_str());
        requested = false;
    }
    centreNextDialog(width, ratio, cond, share);
    return ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | flags);
}

void centreNextDialog(float width, float ratio, ImGuiCond cond, float share) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Size.x * 0.5f, viewport->Size.y * 0.5f), cond, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(width * ratio, viewport->Size.x * share), 0));
}

}  // namespace trayecto::app

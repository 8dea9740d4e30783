#include "fields.hpp"

#include <cmath>
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

void Fields::text(const char* label, const std::string& value, const std::function<Command(std::string)>& apply,
                  bool multiline) {
    // While the field is active ImGui shows its own copy of the text; the document gets each
    // change as it is typed, so what is on screen is what is kept.
    std::string buffer = value;
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways;
    bool changed = false;
    if (multiline) {
        // The label above the box: "Text##stable" shows "Text"; the box's id is "##stable".
        const char* hashes = std::strstr(label, "##");
        ImGui::TextUnformatted(label, hashes);
        const std::string id = hashes ? std::string(hashes) : std::string("##") + label;
        FieldText field{&buffer, ImGui::GetID(id.c_str())};
        changed = ImGui::InputTextMultiline(id.c_str(), const_cast<char*>(buffer.c_str()),
                                            buffer.capacity() + 1, ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f), flags,
                                            fieldCallback, &field);
        widgets::relabelLastItem(hashes ? label : (std::string(label) + id).c_str());   // found by the text above it
    } else {
        FieldText field{&buffer, ImGui::GetID(label)};
        changed = ImGui::InputText(label, const_cast<char*>(buffer.c_str()), buffer.capacity() + 1, flags, fieldCallback,
                                   &field);
    }
    const ImGuiID id = ImGui::GetItemID();
    if (changed && buffer != value) {
        const Command command = apply(buffer);
        if (!command.empty()) doc_.execute(command, typingMergeKey(id));
    }
    if (ImGui::IsItemDeactivated()) endTyping(id);
}

void Fields::integer(const char* label, int value, int min, int max, const std::function<Command(int)>& apply) {
    int v = value;
    const bool changed = ImGui::SliderInt(label, &v, min, max);
    trackGroup(label);
    if (changed && v != value) run(apply(v));
}

void Fields::optionalScore(const char* label, const std::optional<int>& value,
                           const std::function<Command(std::optional<int>)>& apply) {
    ImGui::PushID(label);
    bool has = value.has_value();
    if (ImGui::Checkbox("##has", &has)) run(apply(has ? std::optional<int>(3) : std::nullopt));
    ImGui::SameLine();
    if (has) {
        int v = *value;
        const bool changed = ImGui::SliderInt(label, &v, 1, 5);
        trackGroup(label);
        if (changed && v != *value) run(apply(v));
    } else {
        ImGui::TextDisabled("%s: —", shown(label).c_str());
    }
    ImGui::PopID();
}

void Fields::number(const char* label, const std::optional<double>& value,
                    const std::function<Command(std::optional<double>)>& apply) {
    ImGui::PushID(label);
    bool has = value.has_value();
    if (ImGui::Checkbox("##has", &has)) run(apply(has ? std::optional<double>(0.0) : std::nullopt));
    ImGui::SameLine();
    if (has) {
        double v = *value;
        ImGui::InputDouble(label, &v, 0.0, 0.0, "%.2f");
        if (ImGui::IsItemDeactivatedAfterEdit() && std::isfinite(v) && v != *value) run(apply(v));
    } else {
        ImGui::TextDisabled("%s: —", shown(label).c_str());
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
    trackGroup(label);
    if (changed) {
        auto channel = [](float f) { return static_cast<Rgb>(std::lround(std::fmin(1.0f, std::fmax(0.0f, f)) * 255.0f)); };
        const Rgb next = (channel(rgb[0]) << 16) | (channel(rgb[1]) << 8) | channel(rgb[2]);
        if (next != value) run(apply(next));
    }
}

}  // namespace trayecto::app

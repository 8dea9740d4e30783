#include "fields.hpp"

#include <cmath>

#include "theme.hpp"

namespace trayecto::app {

namespace {
// The one text field being edited: ImGui has at most one active item.
ImGuiID gEditingId = 0;
std::string gBuffer;

int resizeCallback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = const_cast<char*>(text->c_str());
    }
    return 0;
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

void Fields::trackGroup(const char* name) {
    if (ImGui::IsItemActivated()) doc_.history().beginGroup(name);
    if (ImGui::IsItemDeactivated() && doc_.history().inGroup()) doc_.history().endGroup();
}

void Fields::text(const char* label, const std::string& value, const std::function<Command(std::string)>& apply,
                  bool multiline) {
    const ImGuiID id = ImGui::GetID(label);
    std::string shown = value;
    std::string& buffer = gEditingId == id ? gBuffer : shown;
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (multiline) {
        ImGui::TextUnformatted(label);
        ImGui::InputTextMultiline((std::string("##") + label).c_str(), const_cast<char*>(buffer.c_str()),
                                  buffer.capacity() + 1, ImVec2(-1, ImGui::GetTextLineHeight() * 4.5f), flags,
                                  resizeCallback, &buffer);
    } else {
        ImGui::InputText(label, const_cast<char*>(buffer.c_str()), buffer.capacity() + 1, flags, resizeCallback, &buffer);
    }
    if (ImGui::IsItemActivated()) {
        gEditingId = id;
        gBuffer = buffer;
    }
    if (ImGui::IsItemDeactivated() && gEditingId == id) {
        gEditingId = 0;
        if (gBuffer != value) run(apply(gBuffer));
    }
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
        ImGui::TextDisabled("%s: —", label);
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
        ImGui::TextDisabled("%s: —", label);
    }
    ImGui::PopID();
}

void Fields::checkbox(const char* label, bool value, const std::function<Command(bool)>& apply) {
    bool v = value;
    if (ImGui::Checkbox(label, &v) && v != value) run(apply(v));
}

void Fields::color(const char* label, Rgb value, const std::function<Command(Rgb)>& apply) {
    float rgb[3] = {static_cast<float>((value >> 16) & 0xff) / 255.0f, static_cast<float>((value >> 8) & 0xff) / 255.0f,
                    static_cast<float>(value & 0xff) / 255.0f};
    const bool changed = ImGui::ColorEdit3(label, rgb, ImGuiColorEditFlags_NoInputs);
    trackGroup(label);
    if (changed) {
        auto channel = [](float f) { return static_cast<Rgb>(std::lround(std::fmin(1.0f, std::fmax(0.0f, f)) * 255.0f)); };
        const Rgb next = (channel(rgb[0]) << 16) | (channel(rgb[1]) << 8) | channel(rgb[2]);
        if (next != value) run(apply(next));
    }
}

}  // namespace trayecto::app

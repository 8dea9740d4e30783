// Inspector fields that edit the document through commands: one text edit or one slider drag
// is one undo step. Each field shows the model's value and, when the user changes it, calls
// `apply(newValue)`, which returns the command to execute.
#pragma once

#include <functional>
#include <string>

#include "imgui.h"
#include "labels.hpp"
#include "trayecto/commands.hpp"
#include "widget_registry.hpp"

namespace trayecto::app {

// One visit to a text field is one undo step: the merge key of the edits typed into the item
// `id` during its current visit (a new visit once endTyping(id) was called, or another field typed in).
std::string typingMergeKey(ImGuiID id);
void endTyping(ImGuiID id);

// The next time the text field `id` is active, its caret goes to the end of its text (once): a
// field given the keyboard by SetKeyboardFocusHere, where typing should add to the text.
void placeCaretAtEnd(ImGuiID id);

// The next window (a dialog) in the middle of the app, at most `width` CSS pixels and `share` of
// the app's width wide; placed on every frame (ImGuiCond_Always) or as it appears.
void centreNextDialog(float width, float ratio, ImGuiCond cond = ImGuiCond_Always, float share = 0.92f);
// A dialog of the app: opens the modal `title` ("Text###stable-id") when `requested` (and clears
// it), centred (centreNextDialog), sized to what it holds. True while it is open: EndPopup then.
bool beginDialog(const std::string& title, bool& requested, float width, float ratio,
                 ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings, ImGuiCond cond = ImGuiCond_Always,
                 float share = 0.92f);
// Shows where the keyboard is (Dear ImGui hides its navigation cursor until a key moves it, and
// after any mouse use): for a dialog that appears, a panel or a menu reached from the keyboard.
void showKeyboardFocus();

// A small heading with a rule under it.
void sectionTitle(const char* title);

// Fields take widget labels: the text shown, and "##stable" after it for an id that is the same in
// every language (tr(lang, Text, "stable")); fields that show their label themselves show the text.
class Fields {
public:
    Fields(Document& doc, Lang lang) : doc_(doc), lang_(lang) {}

    void text(const char* label, const std::string& value, const std::function<Command(std::string)>& apply,
              bool multiline = false);
    void integer(const char* label, int value, int min, int max, const std::function<Command(int)>& apply);
    void optionalScore(const char* label, const std::optional<int>& value, const std::function<Command(std::optional<int>)>& apply);
    void number(const char* label, const std::optional<double>& value, const std::function<Command(std::optional<double>)>& apply);
    void checkbox(const char* label, bool value, const std::function<Command(bool)>& apply);
    void color(const char* label, Rgb value, const std::function<Command(Rgb)>& apply);

    template <typename E>
    void choice(const char* label, E value, const std::function<Command(E)>& apply) {
        const std::string id = labelAbove(label);
        const bool open = ImGui::BeginCombo(id.c_str(), app::label(lang_, value));
        widgets::reportLastItem(label, widgets::kOpenable);   // 1.86 does not report combos
        widgets::describeLastItem(widgets::FieldRole::Choice, app::label(lang_, value));
        if (open) {
            for (int i = 0; i < enumCount<E>(); ++i) {
                const E option = static_cast<E>(i);
                if (ImGui::Selectable(app::label(lang_, option), option == value) && option != value)
                    run(apply(option));
                if (option == value) ImGui::SetItemDefaultFocus();   // the arrows start from the value it has
            }
            ImGui::EndCombo();
        }
    }

    Lang lang() const { return lang_; }
    void run(const Command& command);

private:
    std::string labelAbove(const char* label);   // draws the label's text; returns the field's id
    void trackGroup(const char* label);   // begins/ends an undo group around a widget's drag

    Document& doc_;
    Lang lang_;
};

}  // namespace trayecto::app

// Two small dialogs: the welcome a first visit opens with (also Help → Welcome), and the
// participant's name asked when they save their file.
#include <algorithm>
#include <cstring>

#include "app.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "input_queue.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/workshop.hpp"

namespace trayecto::app {

// A new map from the welcome. The map open behind it, untouched since it opened (the example of a
// first visit), is not worth a My maps entry; anything else is stored first, as for "New map".
void App::openFromWelcome(void (App::*open)()) {
    const bool untouched = document_.revision() == openedRevision_;
    if (!untouched) host(HostAction::BeforeNewMap);
    (this->*open)();
    host(HostAction::NewMapOpened);
}

void App::welcomePopup() {
    const Lang L = view_.lang;
    if (!beginDialog(std::string(tr(L, Text::WelcomeTitle)) + "###welcome", welcomeRequested_, 560.0f, fonts_.pixelRatio))
        return;
    if (ImGui::IsWindowAppearing()) showKeyboardFocus();   // Enter takes the first choice; arrows and Tab move
    ImGui::TextWrapped("%s", tr(L, Text::WelcomeText));
    ImGui::Spacing();
    const ImVec2 wide(-FLT_MIN, ImGui::GetFrameHeight() * 1.4f);
    enum { None, Template, Blank, Example, File } choice = None;
    if (ImGui::Button(tr(L, Text::WelcomeTemplate, "welcome-template").c_str(), wide)) choice = Template;
    if (ImGui::Button(tr(L, Text::WelcomeBlank, "welcome-blank").c_str(), wide)) choice = Blank;
    if (ImGui::Button(tr(L, Text::WelcomeExample, "welcome-example").c_str(), wide)) choice = Example;
    if (ImGui::Button(tr(L, Text::WelcomeOpenFile, "welcome-open").c_str(), wide)) choice = File;
    ImGui::Separator();
    const bool close = ImGui::Button(tr(L, Text::Close, "welcome-close").c_str()) || ImGui::IsKeyPressed(key::Escape);
    if (choice != None || close) {
        ImGui::CloseCurrentPopup();
        focusMapPending_ = choice != Template;   // the keys back to the map, or to the template dialog
    }
    ImGui::EndPopup();
    switch (choice) {
        case Template: newMapRequested_ = true; break;
        case Blank: openFromWelcome(&App::newBlankMap); break;
        case Example:   // the example of a first visit is open already: it stays
            if (document_.revision() != openedRevision_ || document_.map().meta.title != exampleMap(langTag(L)).meta.title)
                openFromWelcome(&App::newExampleMap);
            break;
        case File: host(HostAction::OpenFile); break;
        case None: break;
    }
}

void App::shortcutsPopup() {
    const Lang L = view_.lang;
    if (!beginDialog(std::string(tr(L, Text::ShortcutsTitle)) + "###shortcuts", shortcutsRequested_, 620.0f,
                     fonts_.pixelRatio))
        return;
    if (ImGui::IsWindowAppearing()) showKeyboardFocus();
    static constexpr Text kRows[][2] = {
        {Text::KeysArrows, Text::DoArrows},       {Text::KeysEdit, Text::DoEdit},
        {Text::KeysEscape, Text::DoEscape},       {Text::KeysNewCard, Text::DoNewCard},
        {Text::KeysMove, Text::DoMove},           {Text::KeysDelete, Text::DoDelete},
        {Text::KeysDuplicate, Text::Duplicate},   {Text::KeysEmotion, Text::DoEmotion},
        {Text::KeysMoment, Text::DoMoment},       {Text::KeysSelectAll, Text::SelectAll},
        {Text::KeysUndo, Text::DoUndo},           {Text::KeysSearch, Text::DoSearch},
        {Text::KeysSave, Text::DoSave},           {Text::KeysOpen, Text::DoOpen},
        {Text::KeysMenus, Text::DoMenus},         {Text::KeysRegions, Text::DoRegions},
        {Text::KeysShortcuts, Text::DoShortcuts},
    };
    if (ImGui::BeginTable("##shortcut-list", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& row : kRows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(fonts_.uiBold);
            ImGui::TextUnformatted(tr(L, row[0]));
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(L, row[1]));
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(L, Text::Close, "shortcuts-close").c_str()) || ImGui::IsKeyPressed(key::Escape) ||
        ImGui::IsKeyPressed(key::Enter, false)) {
        ImGui::CloseCurrentPopup();
        focusMapPending_ = true;
    }
    ImGui::EndPopup();
}

void App::saveFile() {
    if (!nameAsked_) {
        nameRequested_ = saveAfterName_ = true;
        return;
    }
    // The name in the map: a participant's copy says whose it is (the merge's label for it).
    if (!participantName_.empty() && !document_.readOnly())
        document_.execute(cmd::setParticipantName(document_.map(), participantName_));
    host(HostAction::SaveFile);
}

void App::namePopup() {
    const Lang L = view_.lang;
    static char buffer[80];
    if (nameRequested_) {   // the field starts from the name given before
        const size_t n = std::min(participantName_.size(), sizeof(buffer) - 1);
        participantName_.copy(buffer, n);
        buffer[n] = '\0';
    }
    if (!beginDialog(std::string(tr(L, Text::YourName)) + "###your-name", nameRequested_, 460.0f, fonts_.pixelRatio))
        return;
    ImGui::TextWrapped("%s", tr(L, Text::YourNameText));
    ImGui::Spacing();
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
        nameFocusFrames_ = 4;   // typing waits until the field has the keyboard (at most this many frames)
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool enter = ImGui::InputText("##participant-name", buffer, sizeof(buffer), ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemActive()) nameFocusFrames_ = 0;
    else if (nameFocusFrames_ > 0) --nameFocusFrames_;
    const bool ok = ImGui::Button(tr(L, saveAfterName_ ? Text::SaveNamed : Text::PageOk, "name-save").c_str()) || enter;
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr(L, Text::Cancel, "name-cancel").c_str()) || ImGui::IsKeyPressed(key::Escape);
    if (ok || cancel) {
        ImGui::CloseCurrentPopup();
        focusMapPending_ = true;   // the keys go back to the map (Ctrl+D after Ctrl+S)
    }
    ImGui::EndPopup();
    if (!ok) return;
    std::string name = buffer;
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    participantName_ = name;
    nameAsked_ = true;
    if (saveAfterName_) saveFile();
    else if (!name.empty() && !document_.readOnly()) document_.execute(cmd::setParticipantName(document_.map(), name));
    saveAfterName_ = false;
    // The person here named themself: the name live rooms show for them, now and later. (The
    // map's field alone cannot say it: in a room it is shared, and a file brings its owner's.)
    if (!name.empty()) host(HostAction::LiveName);
}

}  // namespace trayecto::app

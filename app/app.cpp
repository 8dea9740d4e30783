#include "app.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "command_names.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // the open popups and keyboard navigation (Escape, the menus by keyboard)
#include "input_queue.hpp"
#include "search.hpp"
#include "text_measure.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/export.hpp"
#include "trayecto/format.hpp"
#include "trayecto/report_html.hpp"
#include "trayecto/templates.hpp"
#include "trayecto/workshop.hpp"

namespace trayecto::app {

namespace {
constexpr float kSidePanelWidth = 330.0f;   // CSS pixels

// A line of text in the width left on the current line: cut at a word with "…" when it does not
// fit, and then shown whole in a tooltip on hover.
void cutText(const ImVec4& colour, const char* text) {
    const std::string shown = app::fittedText(*ImGui::GetFont(), ImGui::GetFontSize(), text, ImGui::GetContentRegionAvail().x, true);
    ImGui::TextColored(colour, "%s", shown.c_str());
    if (shown != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}
}  // namespace

App::App(Lang lang) {
    view_.lang = lang;
    clock_ = [] {
        using namespace std::chrono;
        return duration<double, std::milli>(system_clock::now().time_since_epoch()).count();
    };
    openMap(exampleMap(langTag(lang)));
}

void App::setParticipant(Id id) { view_.participant = id.empty() ? Id("local") : std::move(id); }

void App::setVoting(int votesPerPerson) {
    const Map& map = document_.map();
    const bool on = votesPerPerson > 0;
    document_.execute(cmd::setVoting(map, on, on ? votesPerPerson : map.workshop.votesPerPerson));
}

void App::openMap(Map map, MapSource source) {
    const bool sameMap = source == MapSource::OtherTab;
    document_.reset(std::move(map), sameMap ? ChangeCause::OtherTab : ChangeCause::Open);
    if (source == MapSource::File) document_.markClean(Keeper::File);
    if (source == MapSource::Browser || source == MapSource::OtherTab) document_.markClean(Keeper::Browser);
    openedRevision_ = document_.revision();
    if (sameMap) return keepViewOnMap();
    const Map& m = document_.map();
    view_.selection.clear();
    view_.editingCard.clear();
    view_.personaFilter.clear();
    view_.fitPending = true;
    view_.activePersona = m.personas.empty() ? Id() : m.personas.front().id;
    mergeTabClosed_ = mergeTabWanted_ = false;
}

void App::keepViewOnMap() {
    const Map& m = document_.map();
    auto exists = [&m](const Id& id) {
        return findCard(m, id) || findStage(m, id) || findLane(m, id) || findPersona(m, id) || findMoment(m, id) ||
               findEmotion(m, id);
    };
    view_.selection.erase(std::remove_if(view_.selection.begin(), view_.selection.end(),
                                         [&](const Id& id) { return !exists(id); }),
                          view_.selection.end());
    if (!findCard(m, view_.editingCard)) view_.editingCard.clear();
    if (!findPersona(m, view_.personaFilter)) view_.personaFilter.clear();
    if (!findPersona(m, view_.activePersona)) view_.activePersona = m.personas.empty() ? Id() : m.personas.front().id;
}

void App::previewMap(Map map) {
    document_.preview(std::move(map));
    view_.selection.clear();
    view_.editingCard.clear();
    view_.fitPending = true;
    keepViewOnMap();
}

void App::endPreview() {
    if (!document_.previewing()) return;
    document_.endPreview();
    view_.fitPending = true;
    keepViewOnMap();
}

bool App::newFromTemplate(const std::string& templateId) {
    if (hostReadOnly_) return false;   // only the host may replace a read-only map
    if (templateId == "example") { newExampleMap(); return true; }
    Result<Map> loaded = loadTemplate(templateId, langTag(view_.lang));
    if (!loaded) return false;
    openMap(std::move(loaded.value()));
    return true;
}

void App::newExampleMap() { openMap(exampleMap(langTag(view_.lang))); }
void App::newBlankMap() { openMap(blankMap(langTag(view_.lang))); }
void App::setLanguage(Lang lang) {
    if (lang == view_.lang) return;
    view_.lang = lang;
    host(HostAction::LanguageChanged);   // the page's dialogs follow
}

// Which CSV the export writes: by default what a spreadsheet in the UI language opens as it is.
void App::csvFormatMenu() {
    const Lang L = view_.lang;
    if (!ImGui::BeginMenu(tr(L, Text::CsvFormat, "csv-format").c_str())) return;
    const CsvSeparator current = view_.csvSeparator.value_or(L == Lang::Es ? CsvSeparator::Semicolon : CsvSeparator::Comma);
    if (ImGui::MenuItem(tr(L, Text::CsvSemicolon, "csv-semicolon").c_str(), "; BOM", current == CsvSeparator::Semicolon))
        view_.csvSeparator = CsvSeparator::Semicolon;
    if (ImGui::MenuItem(tr(L, Text::CsvComma, "csv-comma").c_str(), ",", current == CsvSeparator::Comma))
        view_.csvSeparator = CsvSeparator::Comma;
    ImGui::EndMenu();
}

void App::setReadOnly(bool readOnly) {
    hostReadOnly_ = readOnly;
    document_.setReadOnly(hostReadOnly_ || following_);
    if (document_.readOnly()) view_.editingCard.clear();
}

void App::setFollowing(bool following) {
    following_ = following;
    setReadOnly(hostReadOnly_);
}

bool App::setPersonaFilter(const std::string& persona) {
    for (const Persona& p : document_.map().personas)
        if (p.id == persona || p.name == persona) {
            view_.personaFilter = p.id;
            view_.activePersona = p.id;
            return true;
        }
    return false;
}

void App::setPresenting(bool presenting) {
    view_.presenting = presenting;
    if (presenting) view_.editingCard.clear();   // presenting edits nothing
    focusMapPending_ = true;
    view_.presentedStage = 0;
    if (presenting) showPresentedStage();
    else view_.fitPending = true;
}

void App::showPresentedStage() {
    const MapLayout& layout = canvas_.layout();
    const int n = layout.columnCount();
    if (n == 0) return;
    view_.presentedStage = std::clamp(view_.presentedStage, 0, n - 1);
    const Box& column = layout.columns[static_cast<size_t>(view_.presentedStage)];
    const float ratio = fonts_.pixelRatio;
    // The stage, with a little of its neighbours, as large as the canvas allows.
    const float zx = canvas_.width() / (metrics::StageWidth * 1.6f * ratio);
    const float zy = canvas_.height() / (layout.height * ratio);
    view_.zoom = std::clamp(std::min(zx, std::max(zy, 0.6f)), 0.3f, 2.0f);
    canvas_.centerOn(view_, Box{column.x0, 0, column.x1, std::min(layout.height, canvas_.height() / canvas_.scale(view_))});
    view_.select(document_.map().stages[static_cast<size_t>(view_.presentedStage)].id);
}

float App::presentationBand() const {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f + style.ItemSpacing.y * 2.0f;
}

// In the band below the canvas (presentationBand), centred.
void App::presentationBar(float x, float y, float w) {
    const Map& map = document_.map();
    if (map.stages.empty()) return;
    const float ratio = fonts_.pixelRatio;
    const float width = 420.0f * ratio;
    ImGui::SetNextWindowPos(ImVec2(x + (w - width) * 0.5f, y + ImGui::GetStyle().ItemSpacing.y));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::Begin("##present", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                           ImGuiWindowFlags_NoFocusOnAppearing);
    const int n = static_cast<int>(map.stages.size());
    const int i = std::clamp(view_.presentedStage, 0, n - 1);
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left) && i > 0) { view_.presentedStage = i - 1; showPresentedStage(); }
    ImGui::SameLine();
    const Stage& stage = map.stages[static_cast<size_t>(i)];
    ImGui::Text("%d/%d  %s · %s", i + 1, n, phaseLabel(view_.lang, stage.phase), stage.name.c_str());
    ImGui::SameLine(width - ImGui::GetFrameHeight() - ImGui::GetStyle().WindowPadding.x);
    if (ImGui::ArrowButton("##next", ImGuiDir_Right) && i + 1 < n) { view_.presentedStage = i + 1; showPresentedStage(); }
    ImGui::End();
}

std::string App::mapJson() const { return saveMap(document_.map()); }

LoadOutcome App::loadMapJson(std::string_view json, MapSource source) {
    Result<Map> loaded = loadMap(json);
    if (!loaded) return {false, describe(view_.lang, loaded.error())};
    openMap(std::move(loaded.value()), source);
    return {true, {}};
}

// Frames continue while a gesture is in progress, and while a field given the keyboard is not
// active yet: it becomes active a frame or two later, and a key typed in the frame it does is lost.
bool App::wantsAnotherFrame() const {
    return canvas_.busy() || (editingTitle_ && titleFocusPending_) || (view_.searchOpen && searchFocusPending_) ||
           focusMapPending_ || nameFocusFrames_ > 0;
}

double App::secondsUntilWake() const {
    double wake = document_.map().workshop.timer.running() ? 1.0 : -1.0;
    if (undoNotice_.shown) {   // a frame to take the notice away
        const double left = std::max(0.05, kUndoNoticeSeconds - (ImGui::GetTime() - undoNotice_.shownAt));
        wake = wake < 0 ? left : std::min(wake, left);
    }
    return wake;
}

App::MapCounts App::countsOf(const Map& map) {
    return {map.personas.size(), map.stages.size(), map.lanes.size(), map.cards.size(), map.emotions.size(),
            map.moments.size()};
}

// After a frame: if the user's edit in it deleted something, the notice says what, with an Undo
// button. Any other change takes the notice away (its Undo would undo that change instead).
void App::noticeDeletion(std::uint64_t revisionBefore, const MapCounts& before) {
    if (undoNotice_.shown && document_.revision() != undoNotice_.revision) undoNotice_.shown = false;
    if (undoNotice_.shown && ImGui::GetTime() - undoNotice_.shownAt > kUndoNoticeSeconds) undoNotice_.shown = false;
    if (document_.revision() == revisionBefore || document_.lastCause() != ChangeCause::Edit) return;
    const std::string step = document_.history().undoName();
    if (step.rfind("Remove", 0) != 0) return;
    const MapCounts after = countsOf(document_.map());
    const int cards = static_cast<int>(before.cards) - static_cast<int>(after.cards);
    UndoNotice notice;
    if (after.stages < before.stages) notice.what = Text::DeletedStage;
    else if (after.lanes < before.lanes) notice.what = Text::DeletedLane;
    else if (after.personas < before.personas) notice.what = Text::DeletedPersona;
    else if (cards > 0) notice.what = cards == 1 ? Text::DeletedCard : Text::DeletedCards;
    else if (after.moments < before.moments) notice.what = Text::DeletedMoment;
    else if (after.emotions < before.emotions) notice.what = Text::DeletedEmotion;
    else if (step == "Remove metric") notice.what = Text::DeletedMetric;
    else return;
    notice.cards = std::max(0, cards);
    notice.revision = document_.revision();
    notice.shownAt = ImGui::GetTime();
    notice.shown = true;
    undoNotice_ = notice;
}

// The notice, at the bottom left of the map just above the status line.
void App::undoNotice(float x, float bottom) {
    if (!undoNotice_.shown) return;
    const Lang L = view_.lang;
    const float ratio = fonts_.pixelRatio;
    std::string text = tr(L, undoNotice_.what);
    if (undoNotice_.what == Text::DeletedCards) text = std::to_string(undoNotice_.cards) + " " + text;
    else if ((undoNotice_.what == Text::DeletedStage || undoNotice_.what == Text::DeletedLane) && undoNotice_.cards > 0) {
        char with[64];
        std::snprintf(with, sizeof with, tr(L, undoNotice_.cards == 1 ? Text::WithOneCard : Text::WithCards), undoNotice_.cards);
        text += std::string(" ") + with;
    }
    ImGui::SetNextWindowPos(ImVec2(x + 12.0f * ratio, bottom - 10.0f * ratio), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6.0f * ratio);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12.0f * ratio, 8.0f * ratio));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.16f, 0.18f, 0.21f, 0.96f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.27f, 0.45f, 0.70f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.33f, 0.53f, 0.80f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.22f, 0.38f, 0.60f, 1));
    ImGui::Begin("##undo-notice-window", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text.c_str());
    ImGui::SameLine(0, 16.0f * ratio);
    if (ImGui::Button(tr(L, Text::Undo, "undo-notice").c_str())) {
        if (document_.revision() == undoNotice_.revision) document_.undo();
        undoNotice_.shown = false;
        focusMapPending_ = true;   // the click gave this window the focus; the keys go back to the map
    }
    ImGui::End();
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar(2);
}

void App::frame() {
    ImGuiIO& io = ImGui::GetIO();
    // The keyboard's move to another region lands in the next frame or two; if its region went
    // away meanwhile (the panel hidden, presenting), it is dropped, so held keys never wait long.
    const bool moving = sideFocusPending_ || focusMapPending_ || menuToOpen_ >= 0;
    regionMoveFrames_ = moving ? regionMoveFrames_ + 1 : 0;
    if (regionMoveFrames_ > 3) {
        sideFocusPending_ = focusMapPending_ = false;
        menuToOpen_ = -1;
        regionMoveFrames_ = 0;
    }
    statusWords_.clear();   // the status line, if drawn, says them again
    const std::uint64_t revisionBefore = document_.revision();
    const MapCounts countsBefore = countsOf(document_.map());
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    const bool chrome = !view_.presenting && !view_.minimalUi;
    ImGui::Begin("##trayecto", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | (chrome ? ImGuiWindowFlags_MenuBar : 0) |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNavInputs);
    ImGui::PopStyleVar(3);
    if (focusMapPending_) {   // the search bar closed, presenting ended: the keys go back to the map
        ImGui::SetWindowFocus();
        focusMapPending_ = false;
    }
    // The map takes keys only when nothing else has them: no menu, combo, dialog or context
    // menu was open as this frame began (one that closes on this frame's key had that key), and
    // the focus is on this window, not on the side panel, the search bar or another window (a
    // click there takes it; a click on the map gives it back).
    // (One open when the last frame ended counts too: keyboard navigation closes a menu on Escape
    // before this frame's code runs, and that Escape was the menu's.)
    const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) || popupOpenBefore_;
    const bool mapFocused = !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow) ||
                            ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    const bool mapHasKeys = !popupOpen && mapFocused;
    if (chrome) menuBar();
    else editingTitle_ = titleFocusPending_ = false;   // the title is in the menu bar

    const float ratio = fonts_.pixelRatio;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Presenting: no status line, but a band for the stage bar, which so covers no lane.
    const float statusHeight = view_.presenting ? presentationBand() : ImGui::GetFrameHeight();
    const bool showPanel = view_.showSidePanel && chrome;
    const float panel = showPanel ? std::min(kSidePanelWidth * ratio, io.DisplaySize.x * 0.45f) : 0.0f;
    const float canvasW = std::max(1.0f, io.DisplaySize.x - panel);
    const float canvasH = std::max(1.0f, io.DisplaySize.y - origin.y - statusHeight);
    canvas_.frame(document_, view_, fonts_, origin.x, origin.y, canvasW, canvasH, mapHasKeys);
    // Undo and redo, wherever the focus is, except in a text field (it has its own) and in menus.
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    if (ctrl && !io.WantTextInput && !popupOpen && !view_.presenting) {
        if (ImGui::IsKeyPressed(key::Z)) io.KeyShift ? document_.redo() : document_.undo();
        else if (ImGui::IsKeyPressed(key::Y)) document_.redo();
    }
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(key::S, false) && !popupOpen) saveFile();
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(key::O, false)) host(HostAction::OpenFile);
    // Ctrl+F opens the search bar (also while it is open: back to its field).
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(key::F, false) && view_.editingCard.empty() && !popupOpen) {
        view_.searchOpen = true;
        searchFocusPending_ = true;
    }
    keyboardRegions(popupOpen, mapHasKeys);
    // "?" lists the shortcuts from anywhere but a text field or an open menu or dialog.
    if (!popupOpen && !io.WantTextInput && view_.editingCard.empty() && charTyped('?')) shortcutsRequested_ = true;
    if (view_.presenting && ImGui::IsKeyPressed(key::Escape)) setPresenting(false);
    if (view_.presenting) {
        const bool next = ImGui::IsKeyPressed(key::Right) || ImGui::IsKeyPressed(key::PageDown) || ImGui::IsKeyPressed(key::Space);
        const bool previous = ImGui::IsKeyPressed(key::Left) || ImGui::IsKeyPressed(key::PageUp);
        if (next || previous) {
            view_.presentedStage += next ? 1 : -1;
            showPresentedStage();
        }
    } else {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + canvasH));
        statusLine(canvasW);
    }
    ImGui::End();

    if (view_.searchOpen) searchBar(canvasW, origin.y);
    // The countdown, while it runs and when it stopped at zero (until the facilitator resets it).
    const WorkshopTimer& timer = document_.map().workshop.timer;
    if (timer.running() || timerRemaining(timer, now()) <= 0.0) timerOverlay(origin.x, origin.y, canvasW);
    if (view_.selection != lastSelection_) {
        inspectorWanted_ = !view_.selection.empty();
        lastSelection_ = view_.selection;
    }
    if (view_.presenting) presentationBar(origin.x, origin.y + canvasH, canvasW);
    if (showPanel) {
        ImGui::SetNextWindowPos(ImVec2(canvasW, origin.y));
        ImGui::SetNextWindowSize(ImVec2(panel, canvasH + statusHeight));
        sidePanel(panel);
    }
    // A dialog opened before the side panel first appeared (the welcome, on a first visit) stays
    // in front of it, dimming it as every other window: the panel goes just behind the dialog.
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    ImGuiWindow* side = showPanel ? ImGui::FindWindowByName("##side") : nullptr;
    if (modal && side && ImGui::FindWindowDisplayIndex(side) > ImGui::FindWindowDisplayIndex(modal))
        ImGui::BringWindowToDisplayBehind(side, modal);
    noticeDeletion(revisionBefore, countsBefore);
    if (!view_.presenting) undoNotice(origin.x, origin.y + canvasH);
    // Escape closes the menu, combo or context menu on top (and does nothing else: the map did
    // not take it). Dear ImGui 1.86 does so only with keyboard navigation, which is off.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (popupOpen && ImGui::IsKeyPressed(key::Escape, false) && g.OpenPopupStack.Size > 0)
        ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
    popupOpenBefore_ = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
}

// The keyboard between the regions: F10, or Alt pressed and released alone, opens the menus; F6,
// Tab and Shift+Tab on the map go to the side panel, and F6 or Escape there come back.
void App::keyboardRegions(bool popupOpen, bool mapHasKeys) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(key::Alt, false)) altAlone_ = true;
    else if (io.InputQueueCharacters.Size > 0 || ImGui::IsMouseClicked(0)) altAlone_ = false;
    for (int k = 0; altAlone_ && k < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)); ++k)   // only while Alt is held
        if (k != key::Alt && ImGui::IsKeyPressed(k, false)) altAlone_ = false;
    const bool altReleased = ImGui::IsKeyReleased(key::Alt) && altAlone_;
    if (ImGui::IsKeyReleased(key::Alt)) altAlone_ = false;
    if (view_.presenting || view_.minimalUi || io.WantTextInput) return;
    if (!popupOpen && (ImGui::IsKeyPressed(key::F10, false) || altReleased)) {
        menuToOpen_ = 0;
        return;
    }
    const bool f6 = ImGui::IsKeyPressed(key::F6, false);
    if (mapHasKeys && view_.editingCard.empty() && view_.showSidePanel && (f6 || ImGui::IsKeyPressed(key::Tab, false))) {
        sideFocusPending_ = true;
        return;
    }
    ImGuiWindow* side = ImGui::FindWindowByName("##side");
    const ImGuiWindow* nav = ImGui::GetCurrentContext()->NavWindow;
    const bool sideFocused = side && nav && nav->RootWindow == side;   // the panel or its content
    if (sideFocused && !popupOpen && !ImGui::IsAnyItemActive() && (f6 || ImGui::IsKeyPressed(key::Escape, false)))
        focusMapPending_ = true;
}

void App::menuBar() {
    if (!ImGui::BeginMenuBar()) return;
    const Lang L = view_.lang;
    // The menus in order: F10 (or Alt) opens the first, Left and Right go to the next.
    static constexpr Text kMenus[] = {Text::MenuMap, Text::MenuEdit, Text::MenuView, Text::MenuLanguage, Text::MenuHelp};
    constexpr int kMenuCount = static_cast<int>(sizeof kMenus / sizeof kMenus[0]);
    int openMenu = -1;
    ImGuiID submenu = 0;   // the Export submenu's item: Right opens it rather than the next menu
    const auto topMenu = [&](int i) {
        const char* label = tr(L, kMenus[i]);
        if (menuToOpen_ == i) {
            ImGui::OpenPopup(label);
            showKeyboardFocus();
            menuToOpen_ = -1;
        }
        const bool open = ImGui::BeginMenu(label);
        if (open) openMenu = i;
        return open;
    };
    if (topMenu(0)) {
        if (ImGui::MenuItem(tr(L, Text::NewMap), nullptr, false, !hostReadOnly_)) newMapRequested_ = true;
        if (ImGui::MenuItem(tr(L, Text::MyMaps))) host(HostAction::MyMaps);
        ImGui::Separator();
        if (ImGui::MenuItem(tr(L, Text::OpenFile), "Ctrl+O")) host(HostAction::OpenFile);
        if (ImGui::MenuItem(tr(L, Text::SaveFile), "Ctrl+S")) saveFile();
        if (ImGui::MenuItem(tr(L, Text::YourNameMenu))) nameRequested_ = true;
        // In a room, the share link is the one easily mistaken for the room's: it opens a copy.
        if (ImGui::MenuItem(tr(L, inRoom_ ? Text::CopyLinkToCopy : Text::CopyLink))) host(HostAction::CopyLink);
        if (!inRoom_) {
            if (ImGui::MenuItem(tr(L, Text::StartLiveSession), nullptr, false, !hostReadOnly_)) host(HostAction::LiveStart);
        } else {
            if (ImGui::MenuItem(tr(L, Text::LiveSessionLink))) host(HostAction::LiveLink);
            if (ImGui::MenuItem(tr(L, Text::LeaveLiveSession))) host(HostAction::LiveLeave);
        }
        if (ImGui::MenuItem(tr(L, Text::VersionHistory))) host(HostAction::VersionHistory);
        if (ImGui::MenuItem(tr(L, Text::MergeFiles), nullptr, false, !document_.readOnly())) host(HostAction::MergeFiles);
        if (ImGui::MenuItem(tr(L, Text::Analysis))) host(HostAction::Analysis);
        ImGui::Separator();
        const bool exportOpen = ImGui::BeginMenu(tr(L, Text::Export));
        submenu = ImGui::GetCurrentContext()->LastItemData.ID;
        if (exportOpen) {
            if (ImGui::MenuItem(tr(L, Text::ExportCsv))) host(HostAction::ExportCsv);
            csvFormatMenu();
            if (ImGui::MenuItem(tr(L, Text::ExportMarkdown))) host(HostAction::ExportMarkdown);
            if (ImGui::MenuItem(tr(L, Text::ExportHtml))) host(HostAction::ExportHtml);
            if (ImGui::MenuItem(tr(L, Text::ExportPng))) host(HostAction::ExportPng);
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (topMenu(1)) {
        // The title field of the menu bar, from the keyboard too (F10, then Right).
        if (ImGui::MenuItem(tr(L, Text::RenameMap, "rename-map").c_str(), nullptr, false, !document_.readOnly()))
            editingTitle_ = titleFocusPending_ = true;
        ImGui::Separator();
        // "Deshacer Mover carril": the step in the UI's language, or no name rather than English.
        auto withStep = [L](Text verb, const std::string& step) {
            const std::string name = commandName(L, step);
            return name.empty() ? std::string(tr(L, verb)) : std::string(tr(L, verb)) + " " + name;
        };
        const std::string undo = withStep(Text::Undo, document_.history().undoName());
        const std::string redo = withStep(Text::Redo, document_.history().redoName());
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, document_.history().canUndo())) document_.undo();
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, document_.history().canRedo())) document_.redo();
        ImGui::EndMenu();
    }
    if (topMenu(2)) {
        if (ImGui::MenuItem(tr(L, Text::ZoomToFit))) canvas_.zoomToFit(view_);
        ImGui::MenuItem(tr(L, Text::ShowInspector), nullptr, &view_.showSidePanel);
        ImGui::MenuItem(tr(L, Text::ShowMinimap), nullptr, &view_.showMinimap);
        // The Merge tab, closed, comes back here while the map holds a merge report.
        const bool merged = !document_.map().workshop.merge.empty();
        if (ImGui::MenuItem(tr(L, Text::MergeTab, "view-merge").c_str(), nullptr, merged && !mergeTabClosed_, merged)) {
            mergeTabClosed_ = !mergeTabClosed_;
            mergeTabWanted_ = !mergeTabClosed_;
            view_.showSidePanel = true;
        }
        ImGui::Separator();
        const Workshop& workshop = document_.map().workshop;
        ImGui::BeginDisabled(document_.readOnly());
        if (ImGui::MenuItem(tr(L, Text::DotVoting), nullptr, workshop.voting))
            document_.execute(cmd::setVoting(document_.map(), !workshop.voting, workshop.votesPerPerson));
        ImGui::SetNextItemWidth(120.0f * fonts_.pixelRatio);
        Fields(document_, L).integer(tr(L, Text::VotesPerPerson), workshop.votesPerPerson, 1, 20, [&](int votes) {
            return cmd::setVoting(document_.map(), document_.map().workshop.voting, votes);
        });
        ImGui::EndDisabled();
        if (ImGui::MenuItem(tr(L, Text::Present))) setPresenting(true);
        ImGui::EndMenu();
    }
    if (topMenu(3)) {
        if (ImGui::MenuItem("Español", nullptr, L == Lang::Es)) setLanguage(Lang::Es);
        if (ImGui::MenuItem("English", nullptr, L == Lang::En)) setLanguage(Lang::En);
        ImGui::EndMenu();
    }
    if (topMenu(4)) {
        if (ImGui::MenuItem(tr(L, Text::WelcomeMenu))) welcomeRequested_ = true;
        if (ImGui::MenuItem(tr(L, Text::ShortcutsMenu), "?")) shortcutsRequested_ = true;
        ImGui::EndMenu();
    }
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (openMenu >= 0 && g.OpenPopupStack.Size == 1 && g.NavId != submenu) {
        const int step = ImGui::IsKeyPressed(key::Right) ? 1 : ImGui::IsKeyPressed(key::Left) ? -1 : 0;
        if (step) {
            ImGui::ClosePopupToLevel(0, true);
            menuToOpen_ = (openMenu + step + kMenuCount) % kMenuCount;
        }
    }
    titleField();
    ImGui::EndMenuBar();
    welcomePopup();
    shortcutsPopup();
    newMapPopup();
    namePopup();
}

// The map's title in the menu bar: click to rename it (one undo step per visit).
void App::titleField() {
    const Lang L = view_.lang;
    const std::string& title = document_.map().meta.title;
    ImGui::TextDisabled("|");
    if (!editingTitle_ || document_.readOnly()) {
        editingTitle_ = false;
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        const std::string shown = (title.empty() ? std::string(tr(L, Text::MapTitle)) : title) + "##title";
        if (ImGui::Button(shown.c_str()) && !document_.readOnly()) editingTitle_ = titleFocusPending_ = true;
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && !document_.readOnly()) ImGui::SetTooltip("%s", tr(L, Text::MapTitle));
        return;
    }
    Fields fields(document_, L);
    ImGui::SetNextItemWidth(std::min(360.0f * fonts_.pixelRatio, ImGui::GetContentRegionAvail().x));
    if (titleFocusPending_) {
        ImGui::SetKeyboardFocusHere();
        placeCaretAtEnd(ImGui::GetID("##title-edit"));   // typing adds to the title
    }
    fields.text("##title-edit", title, [this](std::string v) {
        MapMeta meta = document_.map().meta;
        meta.title = std::move(v);
        return cmd::setMeta(document_.map(), meta);
    });
    if (ImGui::IsItemActive()) titleFocusPending_ = false;
    else if (!titleFocusPending_) editingTitle_ = false;   // left (Enter, Escape, a click elsewhere)
}

void App::jumpToMatch(int step) {
    const std::vector<Id> matches = findCards(document_.map(), view_.search);
    if (matches.empty()) return;
    const int n = static_cast<int>(matches.size());
    view_.searchIndex = ((view_.searchIndex + step) % n + n) % n;
    const Id& id = matches[static_cast<size_t>(view_.searchIndex)];
    view_.select(id);
    const MapLayout& layout = canvas_.layout();
    const int slot = layout.slotOfCard(cardIndex(document_.map(), id));
    if (slot >= 0) canvas_.centerOn(view_, layout.cards[static_cast<size_t>(slot)].box);
}

void App::searchBar(float right, float top) {
    const float ratio = fonts_.pixelRatio;
    const float width = 340.0f * ratio;
    ImGui::SetNextWindowPos(ImVec2(right - width - 12.0f * ratio, top + 8.0f * ratio));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::Begin("##search", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    const Lang L = view_.lang;
    if (searchFocusPending_) ImGui::SetKeyboardFocusHere();   // until the field is active
    char buffer[256];
    const size_t n = std::min(view_.search.size(), sizeof(buffer) - 1);
    view_.search.copy(buffer, n);
    buffer[n] = '\0';
    // The field takes what the count and the three buttons leave ("0 matches" is the longest count).
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string none = std::string("0 ") + tr(L, Text::Matches);
    const float count = std::max(ImGui::CalcTextSize(none.c_str()).x, ImGui::CalcTextSize("888/888").x);
    const float buttons = ImGui::GetFrameHeight() * 2 + ImGui::CalcTextSize("x").x + style.FramePadding.x * 2;
    ImGui::SetNextItemWidth(std::max(60.0f * ratio, ImGui::GetContentRegionAvail().x - count - buttons - style.ItemSpacing.x * 4));
    const bool enter = ImGui::InputTextWithHint("##query", tr(L, Text::Search), buffer, sizeof(buffer),
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    const bool focused = ImGui::IsItemActive() || ImGui::IsItemDeactivated();
    if (ImGui::IsItemActive()) searchFocusPending_ = false;
    if (view_.search != buffer) {
        view_.search = buffer;
        view_.searchIndex = -1;
        jumpToMatch(1);
    }
    const std::vector<Id> matches = findCards(document_.map(), view_.search);
    if (enter) {
        jumpToMatch(ImGui::GetIO().KeyShift ? -1 : 1);
        searchFocusPending_ = true;
    }
    ImGui::SameLine();
    if (matches.empty()) ImGui::TextDisabled("0 %s", tr(L, Text::Matches));
    else ImGui::Text("%d/%d", view_.searchIndex + 1, static_cast<int>(matches.size()));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) jumpToMatch(-1);
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Down)) jumpToMatch(1);
    ImGui::SameLine();
    const bool close = ImGui::Button("x##search-close") || (focused && ImGui::IsKeyPressed(key::Escape));
    ImGui::End();
    if (close) {
        view_.searchOpen = false;
        view_.search.clear();
        searchFocusPending_ = false;
        focusMapPending_ = true;
    }
}

std::string App::exportText(const std::string& kind) const {
    const Map& map = document_.map();
    ReportOptions options;
    options.language = langTag(view_.lang);
    if (kind == "csv") {
        CsvOptions csv = csvOptionsFor(view_.lang == Lang::Es ? Language::Spanish : Language::English);
        if (view_.csvSeparator) {   // the user's choice in Export → CSV format
            csv.separator = *view_.csvSeparator;
            csv.byteOrderMark = *view_.csvSeparator == CsvSeparator::Semicolon;
        }
        return exportCsv(map, csv);
    }
    if (kind == "md") return exportMarkdown(map, options);
    if (kind == "html") return exportHtmlReport(map, options, map.workshop.crowd);   // with the crowd spread after a merge
    return {};
}

void App::newMapPopup() {
    const Lang L = view_.lang;
    // "###new-map": the same dialog whatever the language of its title. Its own keys (below), not
    // Dear ImGui's navigation.
    if (!beginDialog(std::string(tr(L, Text::NewMapTitle)) + "###new-map", newMapRequested_, 640.0f,
                     fonts_.pixelRatio, ImGuiWindowFlags_NoNavInputs, ImGuiCond_Appearing, 0.9f))
        return;
    std::vector<TemplateInfo> shown;
    for (TemplateInfo& t : listTemplates())
        if (t.language == langTag(L)) shown.push_back(std::move(t));
    int chosen = 0;
    for (size_t i = 0; i < shown.size(); ++i)
        if (shown[i].id == chosenTemplate_) chosen = static_cast<int>(i);
    // The dialog's keys (the map behind it gets none): arrows choose, Enter creates, Escape closes.
    // Not the key that opened it (Enter on a menu item or on the welcome's button).
    const bool keys = !ImGui::IsWindowAppearing();
    if (keys && ImGui::IsKeyPressed(key::Down)) chosen = std::min(chosen + 1, static_cast<int>(shown.size()) - 1);
    if (keys && ImGui::IsKeyPressed(key::Up)) chosen = std::max(chosen - 1, 0);
    if (!shown.empty()) chosenTemplate_ = shown[static_cast<size_t>(chosen)].id;
    bool create = keys && (ImGui::IsKeyPressed(key::Enter, false) || ImGui::IsKeyPressed(key::KeypadEnter, false));
    ImGui::TextWrapped("%s", tr(L, Text::ChooseTemplate));
    if (inRoom_) {   // as the page asks before opening another map in a room
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.3f, 0.0f, 1));
        ImGui::TextWrapped("%s", tr(L, Text::PageLeaveRoomText));
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    for (const TemplateInfo& t : shown) {
        ImGui::PushID(t.id.c_str());
        // A click chooses (the dialog stays open), a double click creates.
        const std::string label = t.title + "##template-" + t.id;
        if (ImGui::Selectable(label.c_str(), chosenTemplate_ == t.id,
                              ImGuiSelectableFlags_AllowDoubleClick | ImGuiSelectableFlags_DontClosePopups)) {
            chosenTemplate_ = t.id;
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) create = true;
        }
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.4f, 0.4f, 0.45f, 1));
        ImGui::TextWrapped("%s", t.description.c_str());
        ImGui::PopStyleColor();
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::Separator();
    if (ImGui::Button(tr(L, Text::Create)) || create) {
        if (templateJson(chosenTemplate_, langTag(L))) {
            host(HostAction::BeforeNewMap);   // the page stores the open map first
            newFromTemplate(chosenTemplate_);
            host(HostAction::NewMapOpened);   // and keeps the new one as a new entry in My maps
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::Cancel)) || ImGui::IsKeyPressed(key::Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// What the status line says, part by part: where the work is kept, the votes left, the zoom and
// a hint. Drawn by statusLine, which also joins them for the screen reader's copy (statusWords).
std::vector<App::StatusPart> App::statusParts() const {
    const Lang L = view_.lang;
    const ImVec4 kept(0.2f, 0.5f, 0.3f, 1), warning(0.75f, 0.15f, 0.1f, 1), attention(0.6f, 0.3f, 0.0f, 1);
    const ImVec4 muted(0, 0, 0, 0);   // drawn as ImGui's disabled text
    std::vector<StatusPart> parts;
    // Where the work is kept: the browser copy, and whether a file has the latest changes. Not
    // of a live room's snapshot shown while joining: it is not this map, and is kept nowhere here.
    if (document_.previewing()) return {{tr(L, Text::JoiningHint), attention, true}};
    switch (storageStatus_) {
        case StorageStatus::On:
            if (document_.isClean(Keeper::Browser)) parts.push_back({std::string("\xe2\x9c\x93 ") + tr(L, Text::SavedInBrowser), kept});
            else parts.push_back({tr(L, Text::Saving), muted});
            break;
        case StorageStatus::Failing: parts.push_back({tr(L, Text::NotKept), warning}); break;
        case StorageStatus::Off: parts.push_back({tr(L, Text::StorageOff), muted}); break;
        case StorageStatus::Unknown: break;
    }
    if (changedSinceFileSave()) parts.push_back({std::string("\xe2\x80\xa2 ") + tr(L, Text::NotInFile), muted});
    else if (document_.isClean(Keeper::File)) parts.push_back({std::string("\xe2\x9c\x93 ") + tr(L, Text::InFile), kept});
    const Map& map = document_.map();
    if (map.workshop.voting)
        parts.push_back({std::string(tr(L, Text::VotesLeft)) + ": " + std::to_string(votesLeft(map, view_.participant)) + "/" +
                             std::to_string(map.workshop.votesPerPerson), attention});
    parts.push_back({"  " + std::to_string(static_cast<int>(view_.zoom * 100.0f + 0.5f)) + "%  ", muted});
    if (following_) parts.push_back({tr(L, Text::FollowingHint), attention, true});   // the page offers "Edit here"
    else parts.push_back({tr(L, document_.readOnly() ? Text::ReadOnlyHint : Text::HintAddCard), ImVec4(0.3f, 0.3f, 0.33f, 1), true});
    return parts;
}

// As wide as the map: the side panel runs down beside it.
void App::statusLine(float width) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(236, 233, 226, 255));
    ImGui::BeginChild("##status", ImVec2(width, ImGui::GetFrameHeight()), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(8.0f * fonts_.pixelRatio, ImGui::GetStyle().FramePadding.y));
    for (const StatusPart& part : statusParts()) {
        if (!statusWords_.empty()) ImGui::SameLine();
        if (part.fitted) cutText(part.colour, part.text.c_str());   // cut at a word to fit
        else if (part.colour.w == 0) ImGui::TextDisabled("%s", part.text.c_str());
        else ImGui::TextColored(part.colour, "%s", part.text.c_str());
        const size_t from = part.text.find_first_not_of(' '), to = part.text.find_last_not_of(' ');
        if (!statusWords_.empty()) statusWords_ += " \xc2\xb7 ";   // " · "
        if (from != std::string::npos) statusWords_.append(part.text, from, to - from + 1);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace trayecto::app

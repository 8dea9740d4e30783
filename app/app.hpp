// The Trayecto UI: one open document, the view of it, and the panels around the canvas.
// Platform-independent: the web layer (or a headless test) feeds input to ImGui and calls frame().
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda.hpp"
#include "canvas.hpp"
#include "fonts.hpp"
#include "host_action.hpp"
#include "imgui.h"
#include "trayecto/commands.hpp"
#include "view_state.hpp"

namespace trayecto::app {

struct LoadOutcome {
    bool ok = false;
    std::string error;   // what is wrong and where, in the UI's language
};

class App {
public:
    explicit App(Lang lang);

    // Builds one ImGui frame (between ImGui::NewFrame and ImGui::Render).
    void frame();
    // True while something moves on its own or a gesture needs more frames.
    bool wantsAnotherFrame() const;
    // Seconds until the app needs a frame though nothing happens (a running timer), or -1.
    double secondsUntilWake() const;
    // The wall clock the workshop timer counts down by, in milliseconds since the Unix epoch
    // (by default the system clock; tests give their own).
    void setClock(std::function<double()> nowMs) { clock_ = std::move(nowMs); }
    double now() const { return clock_(); }

    // Who votes on this screen: the host's id for this participant ("local" until it says).
    // Each participant's votes are kept in the map (workshop.ballots) under this id.
    void setParticipant(Id id);
    // Dot voting with this many votes per person; 0 turns it off (one undoable step).
    void setVoting(int votesPerPerson);

    // What the app asks of its host (the page; host_action.hpp). Natively nobody listens.
    std::function<void(HostAction action)> onHostAction;

    // Whether the browser can keep the map at all (the host says); whether it has kept the
    // latest change is the document's browser clean mark.
    enum class StorageStatus { Unknown, On, Failing, Off };
    void setStorageStatus(StorageStatus status) { storageStatus_ = status; }
    // Changed since it was opened, and not in a file as it is now ("save as file?").
    bool changedSinceFileSave() const {
        return !document_.isClean(Keeper::File) && document_.revision() != openedRevision_;
    }
    // Another tab of this browser edits this map: this one shows its versions and edits nothing
    // until the user takes over (HostAction::TakeOverEditing).
    void setFollowing(bool following);
    bool following() const { return following_; }

    void setFonts(const Fonts& fonts) { fonts_ = fonts; }
    const Fonts& fonts() const { return fonts_; }

    std::string mapJson() const;
    // Where a map being opened comes from: it is kept there as it is (its clean mark is set).
    enum class MapSource { Elsewhere, File, Browser, OtherTab };
    // Opens a map from JSON text. On failure nothing changes: map, history, view. Another tab's
    // version of the same map keeps the view (zoom, pan, selection of items that still exist).
    LoadOutcome loadMapJson(std::string_view json, MapSource source = MapSource::Elsewhere);
    // Merges participants' copies of the open map (file name, JSON text) into it as one undoable
    // step; conflicts wait in the Merge panel. Returns "" or what is wrong (nothing changes then).
    std::string mergeParticipantFiles(const std::vector<std::pair<std::string, std::string>>& files);
    const std::vector<MergeConflict>& mergeConflicts() const { return document_.map().workshop.merge.conflicts; }
    // Takes one participant's value for conflict `index`: the value and the merge report change
    // in one undoable step.
    bool resolveMergeConflict(size_t index, size_t participantValue);

    // A report or data export of the open map: kind "csv", "md" or "html"; empty if unknown.
    std::string exportText(const std::string& kind) const;
    bool newFromTemplate(const std::string& templateId);   // "example" is the built-in example
    void newExampleMap();
    void newBlankMap();
    void setLanguage(Lang lang);
    void setReadOnly(bool readOnly);   // the host's choice (embedding); see also setFollowing
    void setInRoom(bool inRoom) { inRoom_ = inRoom; }
    // The map changed under the view (another tab's version, a live room's map or changes): the
    // view stays, less what no longer exists; the active persona falls back to the first.
    void keepViewOnMap();
    // Live rooms: the room's map as its server last kept it, shown read-only while the room's own
    // document is on its way (Document::preview); endPreview brings back the map open before.
    void previewMap(Map map);
    void endPreview();
    // The name the person here gave (Your name, or when saving): theirs, whatever the map says.
    const std::string& givenName() const { return participantName_; }
    // The name this browser gave before (kept by the page): what "Your name" starts from.
    void setGivenName(std::string name) { participantName_ = std::move(name); }
    void setPresenting(bool presenting);
    void setMinimalUi(bool minimal) { view_.minimalUi = minimal; }
    // The welcome (what Trayecto is; a template, a blank map, the example or a file): the page
    // asks for it on a first visit; Help → Welcome shows it again.
    void showWelcome() { welcomeRequested_ = true; }
    // Save as file: asks the participant's name first, once while the page is open; it goes into
    // the map (workshop.participant, the merge's label for this copy) and the file's name.
    void saveFile();
    // Shows only the cards of one persona (by id or name); false when there is no such persona.
    bool setPersonaFilter(const std::string& persona);

    Document& document() { return document_; }
    const Document& document() const { return document_; }
    ViewState& view() { return view_; }
    Canvas& canvas() { return canvas_; }
    // Keys and characters must wait before the next frame (the platform passes this to
    // InputQueue::apply) while a field that was just given the keyboard is not active yet (a card
    // edited in place, the name dialog): else the first letters go to the map. Also while the
    // keyboard is on its way to another region (F6, F10, Escape from the panel): keys typed
    // meanwhile go where it lands, not to the region it leaves.
    bool typingMustWait() const {
        return canvas_.textEditOpening(view_) || nameFocusFrames_ > 0 || sideFocusPending_ || focusMapPending_ ||
               menuToOpen_ >= 0;
    }

    // What the status line said in the last frame, its parts joined ("✓ Guardado en este
    // navegador · 80% · …"): the screen reader's copy shows it.
    const std::string& statusWords() const { return statusWords_; }

private:
    void menuBar();
    void sidePanel(float width);
    enum class SideTab { Inspector, Personas, Votes, Merge, Workshop, Moments };
    bool sideTab(SideTab tab, const std::string& label, bool first);   // one tab of the side panel
    void statusLine(float width);
    struct StatusPart {
        std::string text;
        ImVec4 colour;          // alpha 0: ImGui's disabled text colour
        bool fitted = false;    // cut at a word to fit the line (the hint)
    };
    std::vector<StatusPart> statusParts() const;
    std::string statusWords_;
    void searchBar(float right, float top);
    void jumpToMatch(int step);   // +1 next, -1 previous, 0 current
    void openMap(Map map, MapSource source = MapSource::Elsewhere);
    void titleField();
    void presentationBar(float x, float y, float w);
    float presentationBand() const;   // the height below the canvas that the stage bar takes, presenting
    void newMapPopup();
    void csvFormatMenu();
    void welcomePopup();
    void shortcutsPopup();   // the keyboard's shortcuts (Help menu, or "?" on the map)
    void namePopup();
    void openFromWelcome(void (App::*open)());
    void mergeTab();
    void agendaTab();
    void timerOverlay(float x, float y, float w);
    void showPresentedStage();
    // Every deletion says so, with an Undo button: what the frame deleted, and the notice.
    struct MapCounts { size_t personas = 0, stages = 0, lanes = 0, cards = 0, emotions = 0, moments = 0; };
    static MapCounts countsOf(const Map& map);
    void noticeDeletion(std::uint64_t revisionBefore, const MapCounts& before);
    void undoNotice(float x, float bottom);

    Document document_;
    ViewState view_;
    Canvas canvas_;
    Fonts fonts_;
    std::string lastError_;
    std::vector<Id> lastSelection_;   // to bring the inspector forward when the selection changes
    bool inspectorWanted_ = false;
    bool searchFocusPending_ = false;
    bool focusMapPending_ = false;   // give the map the keyboard focus on the next frame
    bool sideFocusPending_ = false;  // give the side panel the keyboard (and its first item) next frame
    int menuToOpen_ = -1;            // a top menu opened from the keyboard next frame (F10, Left, Right)
    int regionMoveFrames_ = 0;       // frames one of the three above has waited (App::frame drops it after 3)
    bool altAlone_ = false;          // Alt is down and no other key went with it
    bool popupOpenBefore_ = false;   // a menu, combo or dialog was open when the last frame ended
    void keyboardRegions(bool popupOpen, bool mapHasKeys);
    bool newMapRequested_ = false;
    SideTab sideTab_ = SideTab::Inspector;   // the side panel's chosen tab
    bool voteTabShown_ = false;
    bool mergeTabClosed_ = false;   // the Merge tab shows while the map has a merge report, until closed
    bool mergeTabWanted_ = false;   // bring it forward (after a merge)
    std::function<double()> clock_;
    struct UndoNotice {
        Text what = Text::DeletedCard;   // what was deleted
        int cards = 0;                   // how many cards went with it (or were deleted)
        std::uint64_t revision = 0;      // the document's revision right after the deletion
        double shownAt = 0;              // ImGui time
        bool shown = false;
    } undoNotice_;
    static constexpr double kUndoNoticeSeconds = 10.0;
    std::string chosenTemplate_ = "retail-ecommerce";
    bool welcomeRequested_ = false;
    bool shortcutsRequested_ = false;
    bool nameRequested_ = false, saveAfterName_ = false;
    int nameFocusFrames_ = 0;   // frames left for the name dialog's field to take the keyboard
    bool nameAsked_ = false;          // the participant's name was asked (and given, or left empty)
    std::string participantName_;     // kept while the page is open
    std::uint64_t openedRevision_ = 0;   // the revision the open map was opened at
    StorageStatus storageStatus_ = StorageStatus::Unknown;
    bool hostReadOnly_ = false, following_ = false;
    bool inRoom_ = false;   // the open map is a live room's (the page's web/live.js)
    bool editingTitle_ = false, titleFocusPending_ = false;   // the title field in the menu bar
    void host(HostAction action) { if (onHostAction) onHostAction(action); }
};

}  // namespace trayecto::app

// What the user is looking at, kept apart from the document: zoom, pan, selection, panels.
// (What a workshop produces, votes, merge results, agenda and timer, is in the document:
// Map::workshop.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "i18n.hpp"
#include "trayecto/export.hpp"
#include "trayecto/model.hpp"

namespace trayecto::app {

// Someone else in the live room (web/live.js): their name, colour (0xRRGGBB) and what they selected.
struct Peer {
    std::string name;
    std::uint32_t rgb = 0;
    std::vector<Id> selection;
    Id editing;   // the card whose text they are typing into, if any
};

struct ViewState {
    float zoom = 1.0f;            // device pixels per world unit = zoom * pixel ratio
    float panX = 0, panY = 0;     // world point shown at the canvas' top-left corner
    bool fitPending = true;       // zoom to fit on the next frame (first run, new map)
    std::vector<Id> selection;    // selected cards, or one stage/lane/persona/moment id
    Id activePersona;             // drawn on top in the emotion lane; new emotions go to it
    Id personaFilter;             // empty: all personas
    Id editingCard;               // card whose text is being edited in place
    // The keyboard's place on the map when no card is selected: a cell, empty ones too (the
    // selected card's cell otherwise). Shown with a ring once the keyboard has moved it.
    Id focusStage, focusLane;
    bool focusShown = false;
    std::string search;           // Ctrl+F query
    bool searchOpen = false;
    int searchIndex = 0;
    bool showSidePanel = true;
    bool showMinimap = true;
    bool presenting = false;      // presentation mode: no chrome, stage by stage
    int presentedStage = 0;
    bool minimalUi = false;       // embedded viewer: canvas and status line only
    Id participant = "local";     // who votes on this screen (the host says: App::setParticipant)
    Lang lang = Lang::En;
    std::optional<CsvSeparator> csvSeparator;   // the CSV export's; unset: the language's own
    std::vector<Peer> peers;      // the others in a live room: their selections are drawn too

    bool isSelected(const Id& id) const;
    void select(const Id& id) { selection.assign(1, id); }
    void toggle(const Id& id);
};

}  // namespace trayecto::app

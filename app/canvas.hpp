// The map canvas: draws the layout with pan and zoom, and turns pointer input into commands.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "fonts.hpp"
#include "layout.hpp"
#include "trayecto/commands.hpp"
#include "view_state.hpp"

struct ImDrawList;
struct ImVec2;
struct ImFont;

namespace trayecto::app {

// Average valence of a persona at a stage (emotions at touchpoints of that stage included).
bool valenceAt(const Map& map, const Id& persona, const Id& stage, float& out);

class Canvas {
public:
    // Draws and handles input inside the current ImGui window, in the rectangle at
    // (x, y) of size (w, h), in device pixels. `keys`: the keyboard is the map's this frame
    // (no popup or other window has it); text edited in place on the map takes keys regardless.
    void frame(Document& doc, ViewState& view, const Fonts& fonts, float x, float y, float w, float h,
               bool keys = true);

    // Recomputes the layout if the map, filter or fonts changed (not for a change the layout does
    // not depend on, such as a key typed into a card that keeps the card's height).
    const MapLayout& layoutFor(const Document& doc, const ViewState& view, const Fonts& fonts);
    const MapLayout& layout() const { return layout_; }

    // World (map units) <-> screen (device pixels) with the current view.
    float toScreenX(const ViewState& v, float wx) const { return x_ + (wx - v.panX) * scale(v); }
    float toScreenY(const ViewState& v, float wy) const { return y_ + (wy - v.panY) * scale(v); }
    float toWorldX(const ViewState& v, float sx) const { return v.panX + (sx - x_) / scale(v); }
    float toWorldY(const ViewState& v, float sy) const { return v.panY + (sy - y_) / scale(v); }
    float scale(const ViewState& v) const { return v.zoom * pixelRatio_; }

    // Fits the map's width at a zoom where card text stays readable (kReadableZoom at least,
    // 100 % at most), from the top-left corner; what does not fit is panned or scrolled to.
    void zoomToFit(ViewState& view) const;
    static constexpr float kReadableZoom = 0.8f;   // card text at 10.4 CSS px
    // Draws the whole map into `dl` at `pixelsPerUnit` (an image export); the drawing spans
    // (layout width + 2 margin) x (layout height + 2 margin) world units from (0, 0).
    void drawForExport(ImDrawList* dl, const Document& doc, const ViewState& view, const Fonts& fonts,
                       float pixelsPerUnit, float margin);
    void zoomAround(ViewState& view, float factor, float sx, float sy) const;
    void centerOn(ViewState& view, const Box& world) const;
    // A card chosen outside the canvas (the screen reader's copy of the map): selected, its cell
    // the one the arrow keys go on from, and on screen. False when the card is not shown.
    bool showCard(const Map& map, ViewState& view, const Id& id);
    // Screen position of the emotion point for (persona, stage index), for tests and the UI.
    bool emotionPoint(const Map& map, const ViewState& view, const Id& persona, int column,
                      float& sx, float& sy) const;
    float width() const { return w_; }    // the canvas rectangle, device pixels
    float height() const { return h_; }
    // Dot voting: adds (+1) or takes back (-1) one of this person's votes on a pain point or
    // opportunity; false when not allowed (no votes left, not that kind of card, read-only).
    bool castVote(Document& doc, ViewState& view, const Id& cardId, int delta);
    // A gesture is in progress, or the text edited in place is not active yet (frames continue
    // until it is: a key typed in the frame it becomes active would be lost).
    bool busy() const { return drag_ != Drag::None || caretToEndPending_; }
    // The in-place editor has been asked to open and cannot take typing yet.
    bool textEditOpening(const ViewState& view) const;
    // The stage or lane whose name is being edited in place (its header), or "".
    const Id& renaming() const { return renaming_; }
    // The overview map's rectangle this frame (device pixels), empty when it is hidden.
    const Box& overviewBox() const { return overview_; }

private:
    enum class Drag { None, Pending, Pan, Cards, Rubber, Emotion, Empty, RightPending, Header, Stage, Lane, Overview };

    void handleInput(Document& doc, ViewState& view);
    void handleKeyboard(Document& doc, ViewState& view);
    void draw(const Document& doc, const ViewState& view, const Fonts& fonts);
    void drawTo(ImDrawList* dl, const Document& doc, const ViewState& view, const Fonts& fonts);
    void drawCards(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, const Box& visible);
    void drawPeerMarks(ImDrawList* dl, const ViewState& view, const Id& id, const ImVec2& p0, const ImVec2& p1,
                       const Fonts& fonts, ImFont* font) const;
    void drawEmotionLane(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, int row);
    void drawCrowdBand(ImDrawList* dl, const Map& map, const ViewState& view, const Persona& persona, int row);
    void drawHeaders(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, const Box& visible);
    void drawDragFeedback(ImDrawList* dl, const Map& map, const ViewState& view);
    void drawEmotionLegend(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, const Box& header);
    // Where the sticky headers are hit: the stage (column) or lane (row) whose header is under
    // world point (wx, wy) as drawn, or -1.
    int stageHeaderAt(const ViewState& view, float wx, float wy) const;
    int laneHeaderAt(const ViewState& view, float wx, float wy) const;
    bool beginEmotionDrag(Document& doc, ViewState& view, float mx, float my, float wx, float wy);
    void finishHeaderDrag(Document& doc, const ViewState& view, float wx, float wy);
    void beginRename(const Map& map, const Id& id);
    void editHeaderName(Document& doc, ViewState& view, const Fonts& fonts);
    // The overview map (canvas_overview.cpp): its box, input before the map's, then drawing.
    void placeOverview(const ViewState& view);
    void overviewInput(ViewState& view);
    void drawOverview(ImDrawList* dl, const ViewState& view, const Fonts& fonts);
    void filterChip(ViewState& view, const Map& map, const Fonts& fonts);
    Box chipBox(float ratio, const Fonts& fonts, const std::string& text) const;
    void drawFilterChip(ImDrawList* dl, const ViewState& view, const Map& map, const Fonts& fonts);
    void editCardText(Document& doc, ViewState& view, const Fonts& fonts);
    // The keyboard on the map (canvas_keys.cpp). The cursor: the last selected card's row,
    // column and place in its cell, or the focused cell (place -1); row -1 when there is none.
    struct KeyCursor { int row = -1, column = -1, place = -1; };
    KeyCursor keyCursor(const Map& map, const ViewState& view) const;
    void focusCell(const Map& map, ViewState& view, int row, int column);
    void keepOnScreen(ViewState& view, const Box& world) const;   // centred on it if any part is off
    void moveKeyCursor(const Map& map, ViewState& view, int dx, int dy);
    void moveSelectedCards(Document& doc, ViewState& view, int dx, int dy);
    void stepValence(Document& doc, ViewState& view, int delta);
    void momentTypeMenu(Document& doc, ViewState& view);
    Box cellBox(int row, int column) const;
    Id momentTypeCard_;                      // the card whose moment's type is being asked (M)
    int momentTypeChoice_ = 0;
    void addCardAt(Document& doc, ViewState& view, int row, int column);
    void openContextMenu(const Map& map, ViewState& view, float wx, float wy, bool readOnly);
    void contextMenu(Document& doc, ViewState& view);
    int cardSlotAt(float wx, float wy) const;    // index into layout_.cards, -1 if none
    float valenceToY(int row, float valence) const;
    int yToValence(int row, float wy) const;

    MapLayout layout_;
    std::uint64_t layoutRevision_ = ~0ull;
    std::string layoutFilter_;
    float layoutFontPixels_ = 0;
    unsigned layoutBake_ = 0;   // Fonts::bake measured with
    // Wrapped height of each card text already measured, for the font, size and width below:
    // an edit re-lays out the map but measures only the texts that changed.
    std::unordered_map<std::string, float> textHeights_;
    float measuredSize_ = 0, measuredWidth_ = 0;
    float pixelRatio_ = 1.0f;
    float x_ = 0, y_ = 0, w_ = 0, h_ = 0;

    Drag drag_ = Drag::None;
    float pressX_ = 0, pressY_ = 0;         // screen position where the gesture began
    bool pressOnSelected_ = false;
    std::string pressCard_;                  // card under the press
    bool moveAcrossLanes(Document& doc, const std::vector<Id>& ids, const Id& stageId);
    std::string dragPersona_;                // emotion point being dragged
    int dragColumn_ = -1;
    int dragHeader_ = -1;                    // stage column or lane row pressed on its header
    bool headerIsStage_ = false;
    int dropHeader_ = -1;                    // where a dragged header goes (column or row)
    Id renaming_;                            // stage or lane being renamed in place
    std::string renameBuffer_, renameKey_;
    bool renameFocusPending_ = false;
    unsigned renameVisits_ = 0;
    bool showAddPoints_ = false;             // draw the emotion lane's "+" (not in images, not read-only)
    Box overview_;                           // the overview map (device pixels), x1 = 0 when hidden
    Box overviewToggle_;                     // its hide / show button
    int dropRow_ = -1, dropColumn_ = -1, dropIndex_ = -1;
    bool dragMoved_ = false;                 // an emotion drag changed the valence
    struct ContextTarget { Id card, stage, lane, emotion; int row = -1, column = -1; } context_;
    float measureCardText(ImFont* font, const std::string& text, float size, float width);
    bool layoutStillFits(const Document& doc, const ViewState& view, ImFont* font);
    std::string editBuffer_;
    bool editFocusPending_ = false;
    bool caretToEndPending_ = false;   // the in-place editor's caret goes to the end once it is active
    int editOpeningFrames_ = 0;        // frames since the editor was asked to open (see textEditOpening)
    std::string editKey_;          // merge key of the current visit to a card's text
    std::string newCardKey_;       // that key when the visit began by adding the card (Escape takes it back)
    unsigned editVisits_ = 0;
    std::string nextEditKey(const Id& cardId);
    void beginTextEdit(ViewState& view, const Card& card, std::string mergeKey = {});
};

}  // namespace trayecto::app

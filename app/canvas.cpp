#include "canvas.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "input_queue.hpp"
#include "text_measure.hpp"

namespace trayecto::app {

using namespace metrics;

namespace {
constexpr float kMinZoom = 0.15f;
constexpr float kMaxZoom = 2.75f;   // card text stays within the largest baked font (36 px)

}  // namespace

float Canvas::measureCardText(ImFont* font, const std::string& text, float size, float width) {
    if (!font) return size;
    if (size != measuredSize_ || width != measuredWidth_) {
        textHeights_.clear();
        measuredSize_ = size;
        measuredWidth_ = width;
    }
    auto known = textHeights_.find(text);
    if (known != textHeights_.end()) return known->second;
    const float height = wrappedTextHeight(*font, size, width, text);
    textHeights_.emplace(text, height);
    return height;
}

// The one change since the layout was made leaves it as it is: it touches only what the layout
// does not read (meta, personas, emotions, moments), or cards that keep their cell, order and
// height. Typing into a card on a 20 000-card map then costs one measurement, not a layout.
bool Canvas::layoutStillFits(const Document& doc, const ViewState& view, ImFont* font) {
    const Command* command = doc.lastSmallCommand();
    if (!command || doc.revision() != layoutRevision_ + 1 || !view.personaFilter.empty()) return false;
    const Map& map = doc.map();
    for (const Edit& e : command->edits) {
        if (std::holds_alternative<edit::SetMeta>(e)) continue;
        const auto* replace = std::get_if<edit::Replace>(&e);
        if (!replace) return false;
        const Collection collection = collectionOf(replace->item);
        if (collection == Collection::Lanes || collection == Collection::Stages) return false;
        if (collection != Collection::Cards) continue;
        const Card& card = std::get<Card>(replace->item);
        const int index = cardIndex(map, card.id);
        const int slot = index >= 0 ? layout_.slotOfCard(index) : -1;
        if (slot < 0) return false;
        const CardSlot& s = layout_.cards[static_cast<size_t>(slot)];
        const Lane& lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(s.row)])];
        if (lane.id != card.laneId || map.stages[static_cast<size_t>(s.column)].id != card.stageId) return false;
        const float height = measureCardText(font, card.text.empty() ? std::string(" ") : card.text, CardTextSize,
                                             cardTextWidth());
        if (std::fabs(height + 2 * CardTextPadding + CardFooterHeight - s.box.height()) > 0.01f) return false;
    }
    return true;
}

const MapLayout& Canvas::layoutFor(const Document& doc, const ViewState& view, const Fonts& fonts) {
    const Map& map = doc.map();
    const std::uint64_t revision = doc.revision();
    ImFont* font = fonts.canvas[Fonts::kCanvasSizes - 1];
    const float fontPixels = font ? font->FontSize : 0.0f;
    if (view.personaFilter == layoutFilter_ && fontPixels == layoutFontPixels_ && fonts.bake == layoutBake_ &&
        (revision == layoutRevision_ || layoutStillFits(doc, view, font))) {
        layoutRevision_ = revision;
        return layout_;
    }
    LayoutOptions options;
    options.personaFilter = view.personaFilter;
    // Another bake may have glyphs the last one drew as '?': other widths.
    if (fontPixels != layoutFontPixels_ || fonts.bake != layoutBake_ || textHeights_.size() > 2 * map.cards.size() + 256)
        textHeights_.clear();
    // Measure with the largest baked font: the most faithful glyph advances.
    layout_ = computeLayout(map, options, [this, font](const std::string& text, float size, float width) {
        return measureCardText(font, text, size, width);
    });
    layoutRevision_ = revision;
    layoutFilter_ = view.personaFilter;
    layoutFontPixels_ = fontPixels;
    layoutBake_ = fonts.bake;
    return layout_;
}

void Canvas::zoomToFit(ViewState& view) const {
    if (w_ <= 0 || h_ <= 0 || layout_.width <= 0) return;
    const float margin = 16.0f * pixelRatio_;
    // The width fills the canvas unless the text would be too small to read: then the map is
    // shown at a readable size from its top-left corner and the rest is panned to.
    view.zoom = std::clamp((w_ - 2 * margin) / (layout_.width * pixelRatio_), kReadableZoom, 1.0f);
    const float s = view.zoom * pixelRatio_;
    view.panX = -margin / s;
    view.panY = -margin / s;
    if (layout_.width * s < w_ - 2 * margin) view.panX = -(w_ / s - layout_.width) * 0.5f;
}

void Canvas::zoomAround(ViewState& view, float factor, float sx, float sy) const {
    const float wx = toWorldX(view, sx), wy = toWorldY(view, sy);
    view.zoom = std::clamp(view.zoom * factor, kMinZoom, kMaxZoom);
    view.panX = wx - (sx - x_) / scale(view);
    view.panY = wy - (sy - y_) / scale(view);
}

void Canvas::centerOn(ViewState& view, const Box& b) const {
    const float s = scale(view);
    view.panX = (b.x0 + b.x1) * 0.5f - w_ * 0.5f / s;
    view.panY = (b.y0 + b.y1) * 0.5f - h_ * 0.5f / s;
}

int Canvas::cardSlotAt(float wx, float wy) const {
    const int row = layout_.rowAt(wy), column = layout_.columnAt(wx);
    if (row < 0 || column < 0) return -1;
    for (int s : layout_.cell(row, column))
        if (layout_.cards[static_cast<size_t>(s)].box.contains(wx, wy)) return s;
    return -1;
}

float Canvas::valenceToY(int row, float valence) const {
    const Box& b = layout_.rows[static_cast<size_t>(row)];
    const float mid = (b.y0 + b.y1) * 0.5f;
    const float half = b.height() * 0.5f - 18.0f;
    return mid - valence / static_cast<float>(kValenceMax) * half;
}

int Canvas::yToValence(int row, float wy) const {
    const Box& b = layout_.rows[static_cast<size_t>(row)];
    const float mid = (b.y0 + b.y1) * 0.5f;
    const float half = b.height() * 0.5f - 18.0f;
    const float v = (mid - wy) / half * kValenceMax;
    return std::clamp(static_cast<int>(std::lround(v)), kValenceMin, kValenceMax);
}

// Average valence of a persona at a stage (emotions at touchpoints of that stage included).
bool valenceAt(const Map& map, const Id& persona, const Id& stage, float& out) {
    int n = 0, sum = 0;
    for (const Emotion& e : map.emotions)
        if (e.personaId == persona && e.stageId == stage) { sum += e.valence; ++n; }
    if (n == 0) return false;
    out = static_cast<float>(sum) / static_cast<float>(n);
    return true;
}

bool Canvas::emotionPoint(const Map& map, const ViewState& view, const Id& persona, int column,
                          float& sx, float& sy) const {
    const int row = layout_.emotionRow;
    if (row < 0 || column < 0 || column >= layout_.columnCount()) return false;
    float valence = 0;
    if (!valenceAt(map, persona, map.stages[static_cast<size_t>(column)].id, valence)) return false;
    const Box& col = layout_.columns[static_cast<size_t>(column)];
    sx = toScreenX(view, (col.x0 + col.x1) * 0.5f);
    sy = toScreenY(view, valenceToY(row, valence));
    return true;
}

void Canvas::frame(Document& doc, ViewState& view, const Fonts& fonts, float x, float y, float w, float h,
                   bool keys) {
    x_ = x; y_ = y; w_ = w; h_ = h;
    pixelRatio_ = fonts.pixelRatio;
    if (view.editingCard.empty() && renaming_.empty()) editFocusPending_ = caretToEndPending_ = false;   // editing ended elsewhere
    if (doc.readOnly() || view.presenting) renaming_.clear();
    layoutFor(doc, view, fonts);
    if (view.fitPending && w_ > 0) { zoomToFit(view); view.fitPending = false; }

    // What lies over the map takes the pointer first: ImGui gives it to the first item submitted.
    // The name edited in place over a header is drawn above the map (a second channel; the
    // card editor is a child window, above it anyway).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    if (!renaming_.empty()) editHeaderName(doc, view, fonts);
    dl->ChannelsSetCurrent(0);
    placeOverview(view);
    overviewInput(view);
    filterChip(view, doc.map(), fonts);
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::InvisibleButton("##map", ImVec2(std::max(w, 1.0f), std::max(h, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    handleInput(doc, view);
    contextMenu(doc, view);
    // A card just added by a double click must be laid out before it can be edited in place.
    layoutFor(doc, view, fonts);
    if (!view.editingCard.empty()) editCardText(doc, view, fonts);
    else if (keys && renaming_.empty()) handleKeyboard(doc, view);
    momentTypeMenu(doc, view);
    layoutFor(doc, view, fonts);   // commands above may have changed it
    draw(doc, view, fonts);
    dl->ChannelsMerge();
}

}  // namespace trayecto::app

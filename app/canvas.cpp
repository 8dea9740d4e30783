#include "canvas.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "input_queue.hpp"

namespace trayecto::app {

using namespace metrics;

namespace {
constexpr float kMinZoom = 0.15f;
constexpr float kMaxZoom = 2.75f;   // card text stays within the largest baked font (36 px)
constexpr float kDragThreshold = 4.0f;   // CSS pixels before a press becomes a drag

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
    const float height = font->CalcTextSizeA(size, FLT_MAX, width, text.c_str(), text.c_str() + text.size()).y;
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

void Canvas::zoomToFit(ViewState& view, float minZoom) const {
    if (w_ <= 0 || h_ <= 0 || layout_.width <= 0) return;
    const float margin = 16.0f * pixelRatio_;
    const float zx = (w_ - 2 * margin) / (layout_.width * pixelRatio_);
    const float zy = (h_ - 2 * margin) / (layout_.height * pixelRatio_);
    view.zoom = std::clamp(std::min(zx, zy), std::max(minZoom, kMinZoom), 1.0f);
    const float s = view.zoom * pixelRatio_;
    view.panX = -margin / s;
    view.panY = -margin / s;
    if (layout_.width * s < w_) view.panX = -(w_ / s - layout_.width) * 0.5f;
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

namespace {

// Average valence of a persona at a stage (emotions at touchpoints of that stage included).
bool valenceAt(const Map& map, const Id& persona, const Id& stage, float& out) {
    int n = 0, sum = 0;
    for (const Emotion& e : map.emotions)
        if (e.personaId == persona && e.stageId == stage) { sum += e.valence; ++n; }
    if (n == 0) return false;
    out = static_cast<float>(sum) / static_cast<float>(n);
    return true;
}
}  // namespace

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
    if (view.editingCard.empty()) editFocusPending_ = caretToEndPending_ = false;   // editing ended elsewhere
    layoutFor(doc, view, fonts);
    if (view.fitPending && w_ > 0) { zoomToFit(view, 0.8f); view.fitPending = false; }

    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::InvisibleButton("##map", ImVec2(std::max(w, 1.0f), std::max(h, 1.0f)),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    handleInput(doc, view);
    contextMenu(doc, view);
    // A card just added by a double click must be laid out before it can be edited in place.
    layoutFor(doc, view, fonts);
    if (!view.editingCard.empty()) editCardText(doc, view, fonts);
    else if (keys) handleKeyboard(doc, view);
    layoutFor(doc, view, fonts);   // commands above may have changed it
    draw(doc, view, fonts);
}

void Canvas::handleInput(Document& doc, ViewState& view) {
    ImGuiIO& io = ImGui::GetIO();
    const Map& map = doc.map();
    const bool hovered = ImGui::IsItemHovered();
    const float mx = io.MousePos.x, my = io.MousePos.y;
    const float wx = toWorldX(view, mx), wy = toWorldY(view, my);

    // Zoom around the pointer.
    if (hovered && io.MouseWheel != 0.0f) zoomAround(view, std::pow(1.15f, io.MouseWheel), mx, my);

    // Middle button, right button, or space + left: pan.
    if (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Middle) ||
                    (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsKeyDown(key::Space)))) {
        drag_ = Drag::Pan;
        pressX_ = mx; pressY_ = my;
        return;
    }

    // Read-only, or presenting: view, pan, zoom, select and inspect only.
    const bool readOnly = doc.readOnly() || view.presenting;
    const bool voting = map.workshop.voting;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && voting && !readOnly) {   // takes a vote back
        const int slot = cardSlotAt(wx, wy);
        if (slot >= 0) castVote(doc, view, map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(slot)].card)].id, -1);
        return;
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && !readOnly) {
        drag_ = Drag::None;
        openContextMenu(map, view, wx, wy);
        return;
    }
    // A long press without moving (touch) opens the same menu.
    if (drag_ == Drag::Pending || drag_ == Drag::Pan) {
        const float moved = std::fabs(mx - pressX_) + std::fabs(my - pressY_);
        if (io.MouseDown[0] && io.MouseDownDuration[0] > 0.55f && moved < kDragThreshold * pixelRatio_ && !readOnly) {
            drag_ = Drag::None;
            openContextMenu(map, view, wx, wy);
            return;
        }
    }

    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        drag_ = Drag::None;
        const int slot = cardSlotAt(wx, wy);
        if (slot >= 0) {
            const Card& card = map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(slot)].card)];
            view.select(card.id);
            if (readOnly) return;
            beginTextEdit(view, card);
        } else {
            const int row = layout_.rowAt(wy), column = layout_.columnAt(wx);
            if (row >= 0 && column >= 0 && row != layout_.emotionRow && !readOnly) addCardAt(doc, view, row, column);
        }
        return;
    }

    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        pressX_ = mx; pressY_ = my;
        pressCard_.clear();
        const int slot = cardSlotAt(wx, wy);
        const bool additive = io.KeyCtrl || io.KeyShift || io.KeySuper;
        const int emoRow = layout_.emotionRow;
        if (slot >= 0 && voting && !readOnly) {   // dot voting: a click is a vote, nothing moves
            castVote(doc, view, map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(slot)].card)].id, +1);
            return;
        }
        if (slot >= 0) {
            const Id& id = map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(slot)].card)].id;
            pressCard_ = id;
            pressOnSelected_ = view.isSelected(id);
            if (additive) view.toggle(id);
            else if (!pressOnSelected_) view.select(id);
            drag_ = Drag::Pending;
            return;
        }
        // An emotion point of any shown persona (the active one first).
        if (emoRow >= 0 && !readOnly && layout_.rows[static_cast<size_t>(emoRow)].contains(wx, wy)) {
            const int column = layout_.columnAt(wx);
            if (column >= 0) {
                std::vector<Id> order;
                if (!view.activePersona.empty()) order.push_back(view.activePersona);
                for (const Persona& p : map.personas)
                    if (p.id != view.activePersona) order.push_back(p.id);
                for (const Id& persona : order) {
                    if (!view.personaFilter.empty() && persona != view.personaFilter) continue;
                    float px = 0, py = 0;
                    if (!emotionPoint(map, view, persona, column, px, py)) continue;
                    const float r = (EmotionPointRadius + 4.0f) * scale(view);
                    if (std::fabs(px - mx) <= r && std::fabs(py - my) <= r) {
                        drag_ = Drag::Emotion;
                        dragMoved_ = false;
                        dragPersona_ = persona;
                        dragColumn_ = column;
                        view.activePersona = persona;
                        doc.history().beginGroup("Change emotion");
                        return;
                    }
                }
                // Empty spot in the lane: set the active persona's valence there.
                if (!view.activePersona.empty()) {
                    drag_ = Drag::Emotion;
                    dragPersona_ = view.activePersona;
                    dragColumn_ = column;
                    doc.history().beginGroup("Change emotion");
                    doc.execute(cmd::setValence(map, dragPersona_, map.stages[static_cast<size_t>(column)].id,
                                                yToValence(emoRow, wy)));
                    return;
                }
            }
        }
        // Headers select stages and lanes.
        for (size_t c = 0; c < layout_.stageHeaders.size(); ++c)
            if (layout_.stageHeaders[c].contains(wx, wy)) { view.select(map.stages[c].id); return; }
        if (wx >= 0 && wx < LaneHeaderWidth) {
            const int row = layout_.rowAt(wy);
            if (row >= 0) { view.select(map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(row)])].id); return; }
        }
        if (io.KeyShift || io.KeyCtrl) {
            drag_ = Drag::Rubber;
        } else {
            view.selection.clear();
            drag_ = Drag::Pan;
        }
        return;
    }

    const float threshold = kDragThreshold * pixelRatio_;
    switch (drag_) {
        case Drag::None: break;
        case Drag::Pending:
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                if (pressOnSelected_ && !(io.KeyCtrl || io.KeyShift || io.KeySuper)) view.select(pressCard_);
                drag_ = Drag::None;
            } else if (std::fabs(mx - pressX_) > threshold || std::fabs(my - pressY_) > threshold) {
                drag_ = readOnly ? Drag::Pan : Drag::Cards;   // read-only: a drag on a card pans
            }
            break;
        case Drag::Cards: {
            dropRow_ = layout_.rowAt(wy);
            dropColumn_ = layout_.columnAt(wx);
            const int emoRow = layout_.emotionRow;
            if (dropRow_ == emoRow) dropRow_ = -1;
            dropIndex_ = (dropRow_ >= 0 && dropColumn_ >= 0) ? layout_.insertionIndex(dropRow_, dropColumn_, wy) : -1;
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                if (dropRow_ >= 0 && dropColumn_ >= 0) {
                    // The selected cards in map order; the index counts the cell's cards that stay.
                    std::vector<Id> ids;
                    for (const Card& c : map.cards) if (view.isSelected(c.id)) ids.push_back(c.id);
                    int index = 0, seen = 0;
                    for (int s : layout_.cell(dropRow_, dropColumn_)) {
                        if (seen++ >= dropIndex_) break;
                        if (!view.isSelected(map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(s)].card)].id)) ++index;
                    }
                    const Id& stage = map.stages[static_cast<size_t>(dropColumn_)].id;
                    const Id& lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(dropRow_)])].id;
                    doc.execute(cmd::moveCards(map, ids, stage, lane, index));
                }
                drag_ = Drag::None;
                dropRow_ = dropColumn_ = dropIndex_ = -1;
            }
            break;
        }
        case Drag::Pan:
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
                drag_ = Drag::None;
            } else {
                view.panX -= io.MouseDelta.x / scale(view);
                view.panY -= io.MouseDelta.y / scale(view);
            }
            break;
        case Drag::Rubber:
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                const Box band{std::min(toWorldX(view, pressX_), wx), std::min(toWorldY(view, pressY_), wy),
                               std::max(toWorldX(view, pressX_), wx), std::max(toWorldY(view, pressY_), wy)};
                if (!io.KeyShift && !io.KeyCtrl) view.selection.clear();
                for (const CardSlot& s : layout_.cards)
                    if (s.box.overlaps(band) && !view.isSelected(map.cards[static_cast<size_t>(s.card)].id))
                        view.selection.push_back(map.cards[static_cast<size_t>(s.card)].id);
                drag_ = Drag::None;
            }
            break;
        case Drag::Emotion: {
            const int emoRow = layout_.emotionRow;
            if (emoRow >= 0 && dragColumn_ >= 0 && dragColumn_ < layout_.columnCount()) {
                const int valence = yToValence(emoRow, wy);
                float current = 0;
                const Id& stage = map.stages[static_cast<size_t>(dragColumn_)].id;
                if (!valenceAt(map, dragPersona_, stage, current) || current != static_cast<float>(valence)) {
                    doc.execute(cmd::setValence(map, dragPersona_, stage, valence));
                    dragMoved_ = true;
                }
            }
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                doc.history().endGroup();
                drag_ = Drag::None;
                // The emotion under the pointer becomes the selection: the inspector names its feeling.
                const Map& after = doc.map();
                if (dragColumn_ >= 0 && dragColumn_ < static_cast<int>(after.stages.size()))
                    for (const Emotion& e : after.emotions)
                        if (e.personaId == dragPersona_ && e.stageId == after.stages[static_cast<size_t>(dragColumn_)].id) {
                            view.select(e.id);
                            break;
                        }
            }
            break;
        }
    }
}

}  // namespace trayecto::app

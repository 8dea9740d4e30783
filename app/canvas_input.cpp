// Pointer input on the map canvas: what a press, a drag, a double click or a right click on each
// part of the map does.
//   card: click selects, drag moves, double click edits its text;
//   stage or lane header: click selects, drag reorders, double click renames in place;
//   emotion point: drag changes the valence; the "+" at a stage without a point, or a double
//     click in the emotion lane there, adds one (a single click on the lane adds nothing; a
//     double click at a stage with a point selects it);
//   empty canvas: click clears the selection, drag selects with a band (Shift or Ctrl adds);
//   right button: click selects what it is on and opens its menu, drag pans;
//   middle button, or Space + left: pan; wheel: zoom around the pointer.
#include <algorithm>
#include <cmath>
#include <map>

#include "canvas.hpp"
#include "imgui.h"
#include "input_queue.hpp"

namespace trayecto::app {

using namespace metrics;

namespace {
constexpr float kDragThreshold = 4.0f;   // CSS pixels before a press becomes a drag
constexpr float kLongPress = 0.55f;      // seconds held still: the context menu (touch)
}  // namespace

int Canvas::stageHeaderAt(const ViewState& view, float wx, float wy) const {
    const float dy = std::max(0.0f, view.panY);   // the headers stick to the top
    if (wy - dy < PhaseBandHeight || wy - dy >= PhaseBandHeight + StageHeaderHeight) return -1;
    return layout_.columnAt(wx);
}

int Canvas::laneHeaderAt(const ViewState& view, float wx, float wy) const {
    const float dx = std::max(0.0f, view.panX);   // the lane names stick to the left
    if (wx - dx < 0 || wx - dx >= LaneHeaderWidth) return -1;
    if (wy - std::max(0.0f, view.panY) < PhaseBandHeight + StageHeaderHeight) return -1;
    return layout_.rowAt(wy);
}

// A press on an emotion point of a shown persona (the active one first) starts dragging it; a
// press on the "+" of a stage where the active persona has no point adds one at 0 and drags it.
// That "+" comes before the other personas' points: one of theirs at 0 sits under it, and the
// person pressing it means the persona they chose (a new user moved another's curve).
bool Canvas::beginEmotionDrag(Document& doc, ViewState& view, float mx, float my, float wx, float wy) {
    const Map& map = doc.map();
    const int row = layout_.emotionRow;
    if (row < 0 || !layout_.rows[static_cast<size_t>(row)].contains(wx, wy)) return false;
    const int column = layout_.columnAt(wx);
    if (column < 0) return false;
    const float r = (EmotionPointRadius + 4.0f) * scale(view);
    const Id& stage = map.stages[static_cast<size_t>(column)].id;
    const Id active = view.activePersona;
    auto start = [&](const Id& persona) {
        drag_ = Drag::Emotion;
        dragMoved_ = false;
        dragPersona_ = persona;
        dragColumn_ = column;
        view.activePersona = persona;
        doc.history().beginGroup("Change emotion");
    };
    auto pressedPoint = [&](const Id& persona) {
        if (!view.personaFilter.empty() && persona != view.personaFilter) return false;
        float px = 0, py = 0;
        return emotionPoint(map, view, persona, column, px, py) && std::fabs(px - mx) <= r && std::fabs(py - my) <= r;
    };
    auto pressedPlus = [&] {
        float ignored = 0;
        if (active.empty() || (!view.personaFilter.empty() && active != view.personaFilter) ||
            valenceAt(map, active, stage, ignored))
            return false;
        const Box& col = layout_.columns[static_cast<size_t>(column)];
        const float gx = toScreenX(view, (col.x0 + col.x1) * 0.5f), gy = toScreenY(view, valenceToY(row, 0.0f));
        return std::fabs(gx - mx) <= r && std::fabs(gy - my) <= r;
    };
    if (!active.empty() && pressedPoint(active)) {
        start(active);
        return true;
    }
    if (pressedPlus()) {
        start(active);
        doc.execute(cmd::setValence(map, active, stage, 0));
        dragMoved_ = true;
        return true;
    }
    for (const Persona& p : map.personas) {
        if (p.id == active || !pressedPoint(p.id)) continue;
        start(p.id);
        return true;
    }
    return false;
}

void Canvas::finishHeaderDrag(Document& doc, const ViewState& view, float wx, float wy) {
    const Map& map = doc.map();
    (void)view;
    if (headerIsStage_) {
        const int n = layout_.columnCount();
        if (dragHeader_ < 0 || dragHeader_ >= n || n == 0) return;
        const int to = std::clamp(static_cast<int>(std::floor((wx - LaneHeaderWidth) / StageWidth)), 0, n - 1);
        doc.execute(cmd::reorder(map, Collection::Stages, map.stages[static_cast<size_t>(dragHeader_)].id, to));
    } else {
        const int rows = static_cast<int>(layout_.rows.size());
        if (dragHeader_ < 0 || dragHeader_ >= rows) return;
        int row = layout_.rowAt(wy);
        if (row < 0) row = wy < layout_.rows.front().y0 ? 0 : rows - 1;
        const Id& lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(dragHeader_)])].id;
        doc.execute(cmd::reorder(map, Collection::Lanes, lane, layout_.rowLane[static_cast<size_t>(row)]));
    }
}

void Canvas::handleInput(Document& doc, ViewState& view) {
    ImGuiIO& io = ImGui::GetIO();
    const Map& map = doc.map();
    const bool hovered = ImGui::IsItemHovered();
    const float mx = io.MousePos.x, my = io.MousePos.y;
    const float wx = toWorldX(view, mx), wy = toWorldY(view, my);
    const float threshold = kDragThreshold * pixelRatio_;
    const bool moved = std::fabs(mx - pressX_) > threshold || std::fabs(my - pressY_) > threshold;
    const bool additive = io.KeyCtrl || io.KeyShift || io.KeySuper;
    // Read-only, or presenting: view, pan, zoom, select and inspect only.
    const bool readOnly = doc.readOnly() || view.presenting;
    const bool voting = map.workshop.voting;
    auto cardAt = [&](int slot) -> const Card& {
        return map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(slot)].card)];
    };

    // Zoom around the pointer.
    if (hovered && io.MouseWheel != 0.0f) zoomAround(view, std::pow(1.15f, io.MouseWheel), mx, my);

    // Middle button, or Space + left: pan.
    if (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Middle) ||
                    (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsKeyDown(key::Space)))) {
        drag_ = Drag::Pan;
        pressX_ = mx; pressY_ = my;
        return;
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        pressX_ = mx; pressY_ = my;
        const int slot = cardSlotAt(wx, wy);
        if (voting && !readOnly && slot >= 0) {   // takes a vote back
            castVote(doc, view, cardAt(slot).id, -1);
            return;
        }
        drag_ = Drag::RightPending;   // released still: select and menu; moved: pan
        return;
    }
    // A long press without moving (touch) opens the same menu.
    if ((drag_ == Drag::Pending || drag_ == Drag::Empty || drag_ == Drag::Header) && io.MouseDown[0] &&
        io.MouseDownDuration[0] > kLongPress && !moved) {
        drag_ = Drag::None;
        openContextMenu(map, view, wx, wy, readOnly);
        return;
    }

    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        if (drag_ == Drag::Emotion) doc.history().endGroup();
        drag_ = Drag::None;
        // Dot voting: two quick clicks on a card are two votes (not a click and an edit).
        if (voting && !readOnly && stageHeaderAt(view, wx, wy) < 0 && laneHeaderAt(view, wx, wy) < 0) {
            const int slot = cardSlotAt(wx, wy);
            if (slot >= 0) { castVote(doc, view, cardAt(slot).id, +1); return; }
        }
        const int stage = stageHeaderAt(view, wx, wy), lane = laneHeaderAt(view, wx, wy);
        if (stage >= 0 || lane >= 0) {   // rename in place
            const Id& id = stage >= 0 ? map.stages[static_cast<size_t>(stage)].id
                                      : map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(lane)])].id;
            view.select(id);
            if (!readOnly) beginRename(map, id);
            return;
        }
        const int slot = cardSlotAt(wx, wy);
        if (slot >= 0) {
            view.select(cardAt(slot).id);
            if (!readOnly) beginTextEdit(view, cardAt(slot));
            return;
        }
        const int row = layout_.rowAt(wy), column = layout_.columnAt(wx);
        if (row < 0 || column < 0 || readOnly) return;
        if (row != layout_.emotionRow) { addCardAt(doc, view, row, column); return; }
        // The emotion lane: the active persona's feeling at this stage, at this height, when it
        // has none there yet; one it has is selected, not moved (dragging moves it).
        const Id persona = view.personaFilter.empty() ? view.activePersona : view.personaFilter;
        const Id stageId = map.stages[static_cast<size_t>(column)].id;
        const auto feeling = [&](const Map& m) -> const Emotion* {
            for (const Emotion& e : m.emotions)
                if (e.personaId == persona && e.stageId == stageId && !e.cardId) return &e;
            return nullptr;
        };
        if (!feeling(map)) doc.execute(cmd::setValence(map, persona, stageId, yToValence(row, wy)));
        if (const Emotion* e = feeling(doc.map())) view.select(e->id);
        return;
    }

    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        pressX_ = mx; pressY_ = my;
        pressCard_.clear();
        // Headers are drawn over the cells: they take the press first.
        const int stage = stageHeaderAt(view, wx, wy), lane = laneHeaderAt(view, wx, wy);
        if (stage >= 0 || lane >= 0) {
            headerIsStage_ = stage >= 0;
            dragHeader_ = headerIsStage_ ? stage : lane;
            dropHeader_ = -1;
            view.select(headerIsStage_ ? map.stages[static_cast<size_t>(stage)].id
                                       : map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(lane)])].id);
            drag_ = Drag::Header;
            return;
        }
        const int slot = cardSlotAt(wx, wy);
        if (slot >= 0 && voting && !readOnly) {   // dot voting: a click is a vote, nothing moves
            castVote(doc, view, cardAt(slot).id, +1);
            return;
        }
        if (slot >= 0) {
            const Id& id = cardAt(slot).id;
            pressCard_ = id;
            pressOnSelected_ = view.isSelected(id);
            if (additive) view.toggle(id);
            else if (!pressOnSelected_) view.select(id);
            drag_ = Drag::Pending;
            return;
        }
        if (!additive && !readOnly && beginEmotionDrag(doc, view, mx, my, wx, wy)) return;
        drag_ = Drag::Empty;   // a click clears the selection, a drag draws a band
        return;
    }

    const bool leftDown = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    switch (drag_) {
        case Drag::None: break;
        case Drag::Overview:
            if (!leftDown) drag_ = Drag::None;
            break;
        case Drag::Pending:
            if (!leftDown) {
                if (pressOnSelected_ && !additive) view.select(pressCard_);
                drag_ = Drag::None;
            } else if (moved) {
                drag_ = readOnly ? Drag::Pan : Drag::Cards;   // read-only: a drag on a card pans
            }
            break;
        case Drag::Empty:
            if (!leftDown) {
                if (!additive) view.selection.clear();
                // The keyboard goes on from the cell clicked (N adds a card there).
                const int row = layout_.rowAt(wy), column = layout_.columnAt(wx);
                if (row >= 0 && column >= 0) focusCell(map, view, row, column);
                view.focusShown = false;
                drag_ = Drag::None;
            } else if (moved) {
                drag_ = Drag::Rubber;
            }
            break;
        case Drag::RightPending:
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Right)) {
                drag_ = Drag::None;
                openContextMenu(map, view, wx, wy, readOnly);
            } else if (moved) {
                drag_ = Drag::Pan;
            }
            break;
        case Drag::Header:
            if (!leftDown) drag_ = Drag::None;
            else if (moved) drag_ = readOnly ? Drag::Pan : headerIsStage_ ? Drag::Stage : Drag::Lane;
            break;
        case Drag::Stage:
        case Drag::Lane:
            dropHeader_ = drag_ == Drag::Stage
                              ? std::clamp(static_cast<int>(std::floor((wx - LaneHeaderWidth) / StageWidth)), 0,
                                           std::max(0, layout_.columnCount() - 1))
                              : layout_.rowAt(wy);
            if (!leftDown) {
                finishHeaderDrag(doc, view, wx, wy);
                drag_ = Drag::None;
                dragHeader_ = dropHeader_ = -1;
            }
            break;
        case Drag::Cards: {
            dropRow_ = layout_.rowAt(wy);
            dropColumn_ = layout_.columnAt(wx);
            if (dropRow_ == layout_.emotionRow) dropRow_ = -1;
            dropIndex_ = (dropRow_ >= 0 && dropColumn_ >= 0) ? layout_.insertionIndex(dropRow_, dropColumn_, wy) : -1;
            if (!leftDown) {
                if (dropRow_ >= 0 && dropColumn_ >= 0) {
                    // The selected cards in map order; the index counts the cell's cards that stay.
                    std::vector<Id> ids;
                    for (const Card& c : map.cards) if (view.isSelected(c.id)) ids.push_back(c.id);
                    int index = 0, seen = 0;
                    for (int s : layout_.cell(dropRow_, dropColumn_)) {
                        if (seen++ >= dropIndex_) break;
                        if (!view.isSelected(cardAt(s).id)) ++index;
                    }
                    const Id& stage = map.stages[static_cast<size_t>(dropColumn_)].id;
                    const Id& lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(dropRow_)])].id;
                    if (!moveAcrossLanes(doc, ids, stage)) doc.execute(cmd::moveCards(map, ids, stage, lane, index));
                }
                drag_ = Drag::None;
                dropRow_ = dropColumn_ = dropIndex_ = -1;
            }
            break;
        }
        case Drag::Pan:
            if (!leftDown && !ImGui::IsMouseDown(ImGuiMouseButton_Middle) && !ImGui::IsMouseDown(ImGuiMouseButton_Right)) {
                drag_ = Drag::None;
            } else {
                view.panX -= io.MouseDelta.x / scale(view);
                view.panY -= io.MouseDelta.y / scale(view);
            }
            break;
        case Drag::Rubber:
            if (!leftDown) {
                const Box band{std::min(toWorldX(view, pressX_), wx), std::min(toWorldY(view, pressY_), wy),
                               std::max(toWorldX(view, pressX_), wx), std::max(toWorldY(view, pressY_), wy)};
                if (!additive) view.selection.clear();
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
                if (moved && (!valenceAt(map, dragPersona_, stage, current) || current != static_cast<float>(valence))) {
                    doc.execute(cmd::setValence(map, dragPersona_, stage, valence));
                    dragMoved_ = true;
                }
            }
            if (!leftDown) {
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

// Cards from several lanes, dragged: each keeps its place relative to the card held, as a group
// on a board does. Every card moves as many rows as the held one (within the rows shown, past
// the emotion lane), into the stage dropped on, after the cards already there. One undo step.
// Returns false for cards of one lane (the caller places them where dropped).
bool Canvas::moveAcrossLanes(Document& doc, const std::vector<Id>& ids, const Id& stageId) {
    const Map& map = doc.map();
    auto rowOf = [&](const Card& c) {
        const int lane = laneIndex(map, c.laneId);
        for (size_t r = 0; r < layout_.rowLane.size(); ++r)
            if (layout_.rowLane[r] == lane && static_cast<int>(r) != layout_.emotionRow) return static_cast<int>(r);
        return -1;
    };
    std::map<int, std::vector<Id>> byRow;   // the rows they are in now
    for (const Id& id : ids)
        if (const Card* c = findCard(map, id)) byRow[rowOf(*c)].push_back(id);
    const Card* held = findCard(map, pressCard_);
    if (byRow.size() < 2 || !held || byRow.count(-1)) return false;
    const int rows = static_cast<int>(layout_.rowLane.size());
    const int delta = dropRow_ - rowOf(*held);
    std::map<int, std::vector<Id>> byTarget;   // the rows they go to
    for (const auto& [row, group] : byRow) {
        int to = std::clamp(row + delta, 0, rows - 1);
        if (to == layout_.emotionRow) to += (delta >= 0 && to + 1 < rows) || to == 0 ? 1 : -1;
        auto& target = byTarget[to];
        target.insert(target.end(), group.begin(), group.end());
    }
    std::vector<cmd::Builder> parts;
    for (const auto& [row, group] : byTarget) {
        const Id lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(row)])].id;
        parts.push_back([group = group, stageId, lane](const Map& m) { return cmd::moveCards(m, group, stageId, lane); });
    }
    doc.execute(cmd::compose(map, "Move " + std::to_string(ids.size()) + " cards", parts));
    return true;
}

}  // namespace trayecto::app

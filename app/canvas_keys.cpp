// The map from the keyboard: a cursor that moves card by card and cell by cell (empty cells
// too), keys that add, edit, move and delete cards, set the active persona's emotion at a stage
// and mark moments of truth. Nothing here needs a pointer.
#include <algorithm>
#include <cmath>
#include <map>

#include "canvas.hpp"
#include "imgui.h"
#include "input_queue.hpp"
#include "labels.hpp"

namespace trayecto::app {

namespace {
bool keyPressed(int k) { return ImGui::IsKeyPressed(k, true); }
constexpr const char* kMomentTypeMenu = "##moment-type";
}  // namespace

Box Canvas::cellBox(int row, int column) const {
    const Box& r = layout_.rows[static_cast<size_t>(row)];
    const Box& c = layout_.columns[static_cast<size_t>(column)];
    return Box{c.x0, r.y0, c.x1, r.y1};
}

Canvas::KeyCursor Canvas::keyCursor(const Map& map, const ViewState& view) const {
    KeyCursor at;
    for (auto it = view.selection.rbegin(); it != view.selection.rend(); ++it) {
        const int index = cardIndex(map, *it);
        const int slot = index >= 0 ? layout_.slotOfCard(index) : -1;
        if (slot < 0) continue;
        const CardSlot& s = layout_.cards[static_cast<size_t>(slot)];
        at.row = s.row;
        at.column = s.column;
        const std::vector<int>& cell = layout_.cell(s.row, s.column);
        at.place = static_cast<int>(std::find(cell.begin(), cell.end(), slot) - cell.begin());
        return at;
    }
    const int column = stageIndex(map, view.focusStage), lane = laneIndex(map, view.focusLane);
    if (column < 0 || column >= layout_.columnCount() || lane < 0) return at;
    for (size_t r = 0; r < layout_.rowLane.size(); ++r)
        if (layout_.rowLane[r] == lane) {
            at.row = static_cast<int>(r);
            at.column = column;
            return at;
        }
    return at;
}

void Canvas::focusCell(const Map& map, ViewState& view, int row, int column) {
    view.focusStage = map.stages[static_cast<size_t>(column)].id;
    view.focusLane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(row)])].id;
}

void Canvas::moveKeyCursor(const Map& map, ViewState& view, int dx, int dy) {
    const int rows = static_cast<int>(layout_.rows.size()), columns = layout_.columnCount();
    if (rows == 0 || columns == 0) return;
    KeyCursor at = keyCursor(map, view);
    KeyCursor to = at;
    if (at.row < 0) {
        to = KeyCursor{0, 0, layout_.cell(0, 0).empty() ? -1 : 0};
    } else if (dy) {
        const int count = static_cast<int>(layout_.cell(at.row, at.column).size());
        if (at.place >= 0 && at.place + dy >= 0 && at.place + dy < count) {
            to.place = at.place + dy;
        } else {
            if (at.row + dy < 0 || at.row + dy >= rows) return;
            to.row = at.row + dy;
            const int there = static_cast<int>(layout_.cell(to.row, to.column).size());
            to.place = there == 0 ? -1 : dy > 0 ? 0 : there - 1;
        }
    } else if (dx) {
        if (at.column + dx < 0 || at.column + dx >= columns) return;
        to.column = at.column + dx;
        const int there = static_cast<int>(layout_.cell(to.row, to.column).size());
        to.place = there == 0 ? -1 : std::min(std::max(at.place, 0), there - 1);
    }
    focusCell(map, view, to.row, to.column);
    view.focusShown = true;
    Box shown = cellBox(to.row, to.column);
    if (to.place >= 0) {
        const CardSlot& s = layout_.cards[static_cast<size_t>(layout_.cell(to.row, to.column)[static_cast<size_t>(to.place)])];
        view.select(map.cards[static_cast<size_t>(s.card)].id);
        shown = s.box;
    } else {
        view.selection.clear();
    }
    keepOnScreen(view, shown);
}

void Canvas::keepOnScreen(ViewState& view, const Box& world) const {
    const float sx0 = toScreenX(view, world.x0), sy0 = toScreenY(view, world.y0);
    const float sx1 = toScreenX(view, world.x1), sy1 = toScreenY(view, world.y1);
    if (sx0 < x_ || sy0 < y_ || sx1 > x_ + w_ || sy1 > y_ + h_) centerOn(view, world);
}

bool Canvas::showCard(const Map& map, ViewState& view, const Id& id) {
    const int slot = layout_.slotOfCard(cardIndex(map, id));
    if (slot < 0) return false;
    const CardSlot& s = layout_.cards[static_cast<size_t>(slot)];
    focusCell(map, view, s.row, s.column);
    view.focusShown = true;
    view.select(id);
    keepOnScreen(view, s.box);
    return true;
}

// Ctrl+arrows: the selected cards go to the next stage (keeping their lanes), or up and down
// within their cell and, past its end, into the next lane. One undo step each.
void Canvas::moveSelectedCards(Document& doc, ViewState& view, int dx, int dy) {
    const Map& map = doc.map();
    std::vector<Id> ids;
    for (const Card& c : map.cards)
        if (view.isSelected(c.id) && layout_.slotOfCard(cardIndex(map, c.id)) >= 0) ids.push_back(c.id);
    const KeyCursor at = keyCursor(map, view);
    if (ids.empty() || at.row < 0) return;
    if (dx) {
        const int column = at.column + dx;
        if (column < 0 || column >= layout_.columnCount()) return;
        std::map<Id, std::vector<Id>> byLane;
        for (const Id& id : ids) byLane[findCard(map, id)->laneId].push_back(id);
        std::vector<cmd::Builder> parts;
        const Id stage = map.stages[static_cast<size_t>(column)].id;
        for (const auto& [lane, group] : byLane)
            parts.push_back([group = group, stage, lane = lane](const Map& m) { return cmd::moveCards(m, group, stage, lane); });
        doc.execute(cmd::compose(map, ids.size() == 1 ? "Move card" : "Move " + std::to_string(ids.size()) + " cards", parts));
    } else {
        // Up and down only for cards of one cell.
        const Card* first = findCard(map, ids.front());
        for (const Id& id : ids) {
            const Card* c = findCard(map, id);
            if (c->stageId != first->stageId || c->laneId != first->laneId) return;
        }
        std::vector<Id> cell;   // the cell's cards in order
        for (int slot : layout_.cell(at.row, at.column))
            cell.push_back(map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(slot)].card)].id);
        int before = 0, after = 0;   // cards not moved, before the first and after the last moved
        while (before < static_cast<int>(cell.size()) && !view.isSelected(cell[static_cast<size_t>(before)])) ++before;
        while (after < static_cast<int>(cell.size()) && !view.isSelected(cell[cell.size() - 1 - static_cast<size_t>(after)])) ++after;
        const int others = static_cast<int>(cell.size() - ids.size());
        if (dy < 0 && before > 0) {
            doc.execute(cmd::moveCards(map, ids, first->stageId, first->laneId, before - 1));
        } else if (dy > 0 && after > 0) {
            doc.execute(cmd::moveCards(map, ids, first->stageId, first->laneId, others - after + 1));
        } else {
            int row = at.row + dy;
            if (row == layout_.emotionRow) row += dy;
            if (row < 0 || row >= static_cast<int>(layout_.rows.size())) return;
            const Id lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(row)])].id;
            doc.execute(cmd::moveCards(map, ids, first->stageId, lane, dy > 0 ? 0 : -1));
        }
    }
}

// "+" and "-": the active persona's emotion at the focused stage, a step up or down (a point
// at +1 or -1 when there is none yet).
void Canvas::stepValence(Document& doc, ViewState& view, int delta) {
    const Map& map = doc.map();
    const KeyCursor at = keyCursor(map, view);
    if (at.row < 0 || !findPersona(map, view.activePersona)) return;
    const Id& stage = map.stages[static_cast<size_t>(at.column)].id;
    int valence = 0;
    for (const Emotion& e : map.emotions)
        if (e.personaId == view.activePersona && e.stageId == stage && !e.cardId) valence = e.valence;
    const int next = std::clamp(valence + delta, kValenceMin, kValenceMax);
    if (next != valence) doc.execute(cmd::setValence(map, view.activePersona, stage, next));
}

void Canvas::handleKeyboard(Document& doc, ViewState& view) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || (ImGui::IsAnyItemActive() && !ImGui::IsItemActive())) return;
    if (ImGui::IsPopupOpen(kMomentTypeMenu)) return;
    const Map& map = doc.map();
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    const bool readOnly = doc.readOnly() || view.presenting;   // presenting shows the map, edits nothing
    if (ctrl && keyPressed(key::A)) {
        view.selection.clear();
        for (const CardSlot& s : layout_.cards) view.selection.push_back(map.cards[static_cast<size_t>(s.card)].id);
        return;
    }
    std::vector<Id> cards;
    for (const Card& c : map.cards) if (view.isSelected(c.id)) cards.push_back(c.id);
    if (ctrl && keyPressed(key::D) && !cards.empty() && !readOnly) {
        std::vector<Id> created;
        if (!doc.execute(cmd::duplicateCards(map, cards, &created))) view.selection = created;
        return;
    }
    const bool deleteKey = keyPressed(key::Delete) || keyPressed(key::Backspace);
    if (deleteKey && !cards.empty() && !readOnly) {
        if (!doc.execute(cmd::removeCards(map, cards))) view.selection.clear();
        return;
    }
    // A selected stage or lane goes as with its Delete button (the undo notice says what went).
    if (deleteKey && cards.empty() && view.selection.size() == 1 && !readOnly) {
        const Id& id = view.selection.front();
        const Command removal = findStage(map, id) ? cmd::removeStage(map, id)
                                : findLane(map, id) ? cmd::removeLane(map, id)
                                                    : Command{};
        if (!removal.edits.empty() && !doc.execute(removal)) view.selection.clear();
        return;
    }
    if (keyPressed(key::Escape)) {
        view.selection.clear();
        view.focusShown = false;
        return;
    }
    if ((keyPressed(key::Enter) || keyPressed(key::F2)) && cards.size() == 1 && !readOnly) {
        beginTextEdit(view, *findCard(map, cards.front()));
        return;
    }
    if (view.presenting) return;   // the app steps through stages with the arrows
    const int dx = keyPressed(key::Right) ? 1 : keyPressed(key::Left) ? -1 : 0;
    const int dy = keyPressed(key::Down) ? 1 : keyPressed(key::Up) ? -1 : 0;
    if ((dx || dy) && ctrl) {
        if (!readOnly) moveSelectedCards(doc, view, dx, dy);
        return;
    }
    if (dx || dy) {
        moveKeyCursor(map, view, dx, dy);
        return;
    }
    if (ctrl || readOnly) return;
    const KeyCursor at = keyCursor(map, view);
    // N (or Insert): a new card in the focused cell, edited at once.
    if ((charTyped('n') || charTyped('N') || keyPressed(key::Insert)) && at.row >= 0 && at.row != layout_.emotionRow) {
        addCardAt(doc, view, at.row, at.column);
        return;
    }
    if (charTyped('+')) stepValence(doc, view, +1);
    else if (charTyped('-')) stepValence(doc, view, -1);
    // M: the selected card becomes a moment of truth (its type asked at once), or stops being one.
    if ((charTyped('m') || charTyped('M')) && cards.size() == 1) {
        const Card& card = *findCard(map, cards.front());
        const Command toggle = cmd::toggleMoment(map, card.id);
        const bool marking = !toggle.edits.empty() && std::holds_alternative<edit::Insert>(toggle.edits.front());
        const Id id = card.id;
        if (!doc.execute(toggle) && marking) {
            momentTypeCard_ = id;
            momentTypeChoice_ = static_cast<int>(std::get<MomentOfTruth>(std::get<edit::Insert>(toggle.edits.front()).item).type);
            ImGui::OpenPopup(kMomentTypeMenu);
        }
    }
}

// The type of the moment of truth just marked with M: a short list at the card, chosen with
// the arrows and Enter (or a click); Escape keeps the type it has.
void Canvas::momentTypeMenu(Document& doc, ViewState& view) {
    const Map& map = doc.map();
    const MomentOfTruth* moment = nullptr;
    for (const MomentOfTruth& m : map.moments)
        if (m.cardId && *m.cardId == momentTypeCard_) moment = &m;
    const int slot = moment ? layout_.slotOfCard(cardIndex(map, momentTypeCard_)) : -1;
    if (slot >= 0) {
        const Box& b = layout_.cards[static_cast<size_t>(slot)].box;
        ImGui::SetNextWindowPos(ImVec2(toScreenX(view, b.x0), toScreenY(view, b.y1)), ImGuiCond_Appearing);
    }
    if (!ImGui::BeginPopup(kMomentTypeMenu, ImGuiWindowFlags_NoNavInputs)) return;   // its own keys
    if (!moment) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    constexpr int count = enumCount<MotType>();
    if (ImGui::IsKeyPressed(key::Down)) momentTypeChoice_ = (momentTypeChoice_ + 1) % count;
    if (ImGui::IsKeyPressed(key::Up)) momentTypeChoice_ = (momentTypeChoice_ + count - 1) % count;
    int chosen = ImGui::IsKeyPressed(key::Enter, false) || ImGui::IsKeyPressed(key::KeypadEnter, false) ||
                         ImGui::IsKeyPressed(key::Space, false)
                     ? momentTypeChoice_
                     : -1;
    ImGui::TextDisabled("%s", tr(view.lang, Text::MotType));
    for (int i = 0; i < count; ++i) {
        ImGui::PushID(i);
        if (ImGui::Selectable(label(view.lang, static_cast<MotType>(i)), i == momentTypeChoice_)) chosen = i;
        ImGui::PopID();
    }
    if (chosen >= 0) {
        MomentOfTruth edited = *moment;
        edited.type = static_cast<MotType>(chosen);
        if (edited.type != moment->type) doc.execute(cmd::replace(map, edited, "Edit moment"));
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace trayecto::app

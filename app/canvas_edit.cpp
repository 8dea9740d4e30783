// Editing on the canvas: the keyboard, the context menu, cards added and edited in place, votes.
#include <algorithm>
#include <cmath>

#include "canvas.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // the editor's id: Escape leaves it, keeping the text
#include "input_queue.hpp"
#include "trayecto/workshop.hpp"

namespace trayecto::app {

using namespace metrics;

namespace {

// A text edited in place: a std::string that grows as typed, the caret put at the end once.
struct TextEdit { std::string* text; bool* caretToEnd; };
int editCallback(ImGuiInputTextCallbackData* data) {
    auto* e = static_cast<TextEdit*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        e->text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = const_cast<char*>(e->text->c_str());
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && *e->caretToEnd) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        *e->caretToEnd = false;
    }
    return 0;
}
}  // namespace

bool Canvas::castVote(Document& doc, ViewState& view, const Id& cardId, int delta) {
    const Command vote = cmd::vote(doc.map(), view.participant, cardId, delta);
    if (vote.empty() || doc.execute(vote)) return false;
    view.select(cardId);
    return true;
}

// A right click (or a long press) selects what it is on, as a left click does, then opens its
// menu (not in read-only: selecting is all it does there). The menu acts on what is selected.
void Canvas::openContextMenu(const Map& map, ViewState& view, float wx, float wy, bool readOnly) {
    context_ = ContextTarget{};
    context_.row = layout_.rowAt(wy);
    context_.column = layout_.columnAt(wx);
    const int stage = stageHeaderAt(view, wx, wy), lane = laneHeaderAt(view, wx, wy);
    const int slot = stage < 0 && lane < 0 ? cardSlotAt(wx, wy) : -1;
    if (stage >= 0) {
        context_.stage = map.stages[static_cast<size_t>(stage)].id;
        view.select(context_.stage);
    } else if (lane >= 0) {
        context_.lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(lane)])].id;
        view.select(context_.lane);
    } else if (slot >= 0) {
        context_.card = map.cards[static_cast<size_t>(layout_.cards[static_cast<size_t>(slot)].card)].id;
        if (!view.isSelected(context_.card)) view.select(context_.card);
    } else {
        view.selection.clear();
        // An emotion point under the pointer (the active persona's first).
        const ImVec2 m = ImGui::GetIO().MousePos;
        const float r = (EmotionPointRadius + 4.0f) * scale(view);
        if (context_.row == layout_.emotionRow && context_.column >= 0) {
            const Id& stageId = map.stages[static_cast<size_t>(context_.column)].id;
            for (int pass = 0; pass < 2 && context_.emotion.empty(); ++pass)
                for (const Emotion& e : map.emotions) {
                    if ((e.personaId == view.activePersona) != (pass == 0) || e.stageId != stageId || e.cardId) continue;
                    if (!view.personaFilter.empty() && e.personaId != view.personaFilter) continue;
                    float px = 0, py = 0;
                    if (!emotionPoint(map, view, e.personaId, context_.column, px, py)) continue;
                    if (std::fabs(px - m.x) <= r && std::fabs(py - m.y) <= r) { context_.emotion = e.id; break; }
                }
            if (!context_.emotion.empty()) view.select(context_.emotion);
        }
    }
    if (!readOnly) ImGui::OpenPopup("##canvas-context");
}

void Canvas::contextMenu(Document& doc, ViewState& view) {
    if (!ImGui::BeginPopup("##canvas-context")) return;
    const Map& map = doc.map();
    const Lang L = view.lang;
    if (const Card* card = findCard(map, context_.card)) {
        const Id id = card->id;
        if (ImGui::MenuItem(tr(L, Text::Edit), "Enter")) {
            view.select(id);
            beginTextEdit(view, *card);
        }
        std::vector<Id> cards;
        for (const Card& c : map.cards) if (view.isSelected(c.id)) cards.push_back(c.id);
        if (ImGui::MenuItem(tr(L, Text::Duplicate), "Ctrl+D")) {
            std::vector<Id> created;
            if (!doc.execute(cmd::duplicateCards(map, cards, &created))) view.selection = created;
        } else if (ImGui::MenuItem(tr(L, Text::Delete), "Del")) {
            if (!doc.execute(cmd::removeCards(map, cards))) view.selection.clear();
        } else {
            bool marked = false;
            for (const MomentOfTruth& m : map.moments) marked = marked || (m.cardId && *m.cardId == id);
            if (ImGui::MenuItem(tr(L, marked ? Text::UnmarkMoment : Text::MarkMoment), "M"))
                doc.execute(cmd::toggleMoment(map, id));
        }
    } else if (findStage(map, context_.stage)) {
        const int index = stageIndex(map, context_.stage);
        if (ImGui::MenuItem(tr(L, Text::Rename))) beginRename(map, context_.stage);
        if (ImGui::MenuItem(tr(L, Text::AddStage))) {
            Stage s;
            s.id = newId(map, "st");
            s.name = tr(L, Text::NewStage);
            s.phase = map.stages[static_cast<size_t>(index)].phase;
            const Id id = s.id;
            if (!doc.execute(cmd::addStage(map, s, index + 1))) view.select(id);
        } else if (ImGui::MenuItem(tr(L, Text::Delete))) {
            if (!doc.execute(cmd::removeStage(map, context_.stage))) view.selection.clear();
        }
    } else if (findEmotion(map, context_.emotion)) {
        if (ImGui::MenuItem(tr(L, Text::Delete))) {
            if (!doc.execute(cmd::removeEmotion(map, context_.emotion))) view.selection.clear();
        }
    } else if (findLane(map, context_.lane)) {
        const int index = laneIndex(map, context_.lane);
        if (ImGui::MenuItem(tr(L, Text::Rename))) beginRename(map, context_.lane);
        if (ImGui::MenuItem(tr(L, Text::AddLane))) {
            Lane l;
            l.id = newId(map, "ln");
            l.name = tr(L, Text::NewLane);
            const Id id = l.id;
            if (!doc.execute(cmd::addLane(map, l, index + 1))) view.select(id);
        } else if (ImGui::MenuItem(tr(L, Text::Delete))) {
            if (!doc.execute(cmd::removeLane(map, context_.lane))) view.selection.clear();
        }
    } else if (context_.row >= 0 && context_.column >= 0 && context_.row < static_cast<int>(layout_.rows.size()) &&
               context_.column < layout_.columnCount() && context_.row != layout_.emotionRow) {
        if (ImGui::MenuItem(tr(L, Text::AddCardHere))) addCardAt(doc, view, context_.row, context_.column);
    } else {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void Canvas::addCardAt(Document& doc, ViewState& view, int row, int column) {
    const Map& map = doc.map();
    const Lane& lane = map.lanes[static_cast<size_t>(layout_.rowLane[static_cast<size_t>(row)])];
    Card card;
    card.id = newId(map, "cd");
    card.stageId = map.stages[static_cast<size_t>(column)].id;
    card.laneId = lane.id;
    card.kind = defaultCardKind(lane.type);
    conformDetailsToKind(card);
    if (!view.personaFilter.empty()) card.personaIds.push_back(view.personaFilter);
    const Id id = card.id;
    // The new card and the text typed into it now are one undo step.
    const std::string key = nextEditKey(id);
    if (doc.execute(cmd::addCard(map, std::move(card)), key)) return;  // an error: nothing added
    view.select(id);
    beginTextEdit(view, *findCard(doc.map(), id), key);
    newCardKey_ = editKey_;
}

std::string Canvas::nextEditKey(const Id& cardId) {
    return "card-text:" + cardId + ":" + std::to_string(++editVisits_);
}

void Canvas::beginTextEdit(ViewState& view, const Card& card, std::string mergeKey) {
    view.editingCard = card.id;
    editBuffer_ = card.text;
    editKey_ = mergeKey.empty() ? nextEditKey(card.id) : std::move(mergeKey);
    editFocusPending_ = true;
    caretToEndPending_ = true;
    editOpeningFrames_ = 0;
}

bool Canvas::textEditOpening(const ViewState& view) const {
    // ImGui activates the editor a frame after it is asked to, and ignores characters in the
    // frame it activates it; past a few frames something else went on (no typing held forever).
    return (!view.editingCard.empty() || !renaming_.empty()) && caretToEndPending_ && editOpeningFrames_ < 4;
}

void Canvas::editCardText(Document& doc, ViewState& view, const Fonts& fonts) {
    const Map& map = doc.map();
    const int index = cardIndex(map, view.editingCard);
    const int slot = index >= 0 ? layout_.slotOfCard(index) : -1;
    if (slot < 0) { view.editingCard.clear(); return; }
    const Box& b = layout_.cards[static_cast<size_t>(slot)].box;
    const float s = scale(view);
    const float pixels = CardTextSize * s;
    ImFont* font = fonts.canvasFont(pixels);
    ImGui::SetCursorScreenPos(ImVec2(toScreenX(view, b.x0), toScreenY(view, b.y0)));
    ImGui::PushFont(font);
    ImGui::SetWindowFontScale(pixels / font->FontSize);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(20, 20, 20, 255));
    if (editFocusPending_) { ImGui::SetKeyboardFocusHere(); editFocusPending_ = false; }
    ++editOpeningFrames_;
    const float height = std::max(b.height(), CardTextSize * 4.0f) * s;
    // The caret starts at the end of the text (ImGui puts it at the start, or where it was in
    // the last card edited): what is typed is added to the text.
    TextEdit edit{&editBuffer_, &caretToEndPending_};
    // Escape leaves the card keeping what was typed, as Enter does (ImGui's field would put back
    // the text the visit began with: a person's words lost to the key that closes the editor).
    // The field still takes the characters that came in this frame with the Escape (a loaded
    // machine delivers them together), but not the Escape: it is left just after.
    ImGuiIO& io = ImGui::GetIO();
    const bool escaped = ImGui::GetActiveID() == ImGui::GetID("##cardtext") && ImGui::IsKeyPressed(key::Escape, false);
    const float escapeHeld = io.KeysDownDuration[key::Escape];
    const float cancelHeld = io.NavInputsDownDuration[ImGuiNavInput_Cancel];   // Escape, for keyboard navigation
    if (escaped) io.KeysDownDuration[key::Escape] = io.NavInputsDownDuration[ImGuiNavInput_Cancel] = -1.0f;   // not pressed, for the field
    const bool submitted = ImGui::InputTextMultiline(
        "##cardtext", const_cast<char*>(editBuffer_.c_str()), editBuffer_.capacity() + 1, ImVec2(b.width() * s, height),
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine |
            ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways,
        editCallback, &edit);
    const bool left = ImGui::IsItemDeactivated();
    if (escaped) {
        io.KeysDownDuration[key::Escape] = escapeHeld;
        io.NavInputsDownDuration[ImGuiNavInput_Cancel] = cancelHeld;
        ImGui::ClearActiveID();
    }
    ImGui::PopStyleColor(2);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    // Every change goes into the document as it is typed (one undo step per visit).
    const Card* card = findCard(doc.map(), view.editingCard);
    if (card && card->text != editBuffer_.c_str()) {
        Card edited = *card;
        edited.text = editBuffer_.c_str();
        doc.execute(cmd::replace(doc.map(), edited, "Edit card text"), editKey_);
    }
    if (submitted || left || escaped) {
        // Escape on a card this visit added and nothing was typed into: no card at all, as if the
        // cell had not been clicked.
        const bool empty = editBuffer_.c_str()[0] == '\0';
        if (escaped && empty && editKey_ == newCardKey_ && doc.withdraw(editKey_)) view.selection.clear();
        newCardKey_.clear();
        view.editingCard.clear();
        editKey_.clear();
    }
}

void Canvas::beginRename(const Map& map, const Id& id) {
    if (const Stage* stage = findStage(map, id)) renameBuffer_ = stage->name;
    else if (const Lane* lane = findLane(map, id)) renameBuffer_ = lane->name;
    else return;
    renaming_ = id;
    renameKey_ = "rename:" + id + ":" + std::to_string(++renameVisits_);
    renameFocusPending_ = true;
    caretToEndPending_ = true;
    editOpeningFrames_ = 0;
}

// A stage's or lane's name edited in place over its header: the caret at the end, every change
// into the document as it is typed, the whole visit one undo step; Enter or a click elsewhere ends it.
void Canvas::editHeaderName(Document& doc, ViewState& view, const Fonts& fonts) {
    const Map& map = doc.map();
    const int stage = stageIndex(map, renaming_), lane = laneIndex(map, renaming_);
    Box b;
    if (stage >= 0 && stage < layout_.columnCount()) {
        b = layout_.stageHeaders[static_cast<size_t>(stage)];
        const float dy = std::max(0.0f, view.panY);   // as drawn: stuck to the top
        b.y0 += dy;
        b.y1 += dy;
    } else {
        int row = -1;
        for (size_t r = 0; r < layout_.rowLane.size(); ++r)
            if (layout_.rowLane[r] == lane) row = static_cast<int>(r);
        if (row < 0) { renaming_.clear(); return; }
        const float x0 = std::max(0.0f, view.panX);   // as drawn: stuck to the left
        const Box& r = layout_.rows[static_cast<size_t>(row)];
        b = Box{x0, r.y0 + 4.0f, x0 + LaneHeaderWidth, r.y0 + 4.0f + StageHeaderHeight * 0.75f};
    }
    const float s = scale(view);
    const float pixels = 14.0f * s;
    ImFont* font = fonts.canvasFont(pixels);
    ImGui::SetCursorScreenPos(ImVec2(toScreenX(view, b.x0 + 3.0f), toScreenY(view, b.y0 + 6.0f)));
    ImGui::PushFont(font);
    ImGui::SetWindowFontScale(pixels / font->FontSize);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(20, 20, 20, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(33, 112, 229, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f * pixelRatio_);
    if (renameFocusPending_) { ImGui::SetKeyboardFocusHere(); renameFocusPending_ = false; }
    ++editOpeningFrames_;
    ImGui::SetNextItemWidth((b.width() - 6.0f) * s);
    TextEdit edit{&renameBuffer_, &caretToEndPending_};
    const bool submitted = ImGui::InputText(
        "##header-name", const_cast<char*>(renameBuffer_.c_str()), renameBuffer_.capacity() + 1,
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways,
        editCallback, &edit);
    const bool left = ImGui::IsItemDeactivated();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
    const std::string name = renameBuffer_.c_str();
    if (const Stage* st = findStage(doc.map(), renaming_); st && st->name != name) {
        Stage edited = *st;
        edited.name = name;
        doc.execute(cmd::replace(doc.map(), edited, "Rename stage"), renameKey_);
    } else if (const Lane* ln = findLane(doc.map(), renaming_); ln && ln->name != name) {
        Lane edited = *ln;
        edited.name = name;
        doc.execute(cmd::replace(doc.map(), edited, "Rename lane"), renameKey_);
    }
    if (submitted || left) {
        renaming_.clear();
        renameKey_.clear();
    }
}

}  // namespace trayecto::app

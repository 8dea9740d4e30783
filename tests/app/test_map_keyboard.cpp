// The map from the keyboard alone (issue #17): arrows reach every cell, empty ones too; N adds
// a card there; Ctrl+arrows move cards; + and - set the active persona's emotion at the stage;
// M marks a moment of truth and asks its type; ? lists the keys. No pointer event at all.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "imgui_internal.h"
#include "labels.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using trayecto::test::anyPopup;
using namespace trayecto;
namespace key = trayecto::app::key;

namespace {

struct Cell { int row = -1, column = -1; };

// The keyboard's cell: the selected card's, or the focused one.
Cell cursorCell(Headless& h) {
    const app::MapLayout& layout = h.app().canvas().layout();
    const Map& map = h.map();
    if (h.view().selection.size() == 1)
        if (const Card* c = findCard(map, h.view().selection.front())) {
            const int slot = layout.slotOfCard(cardIndex(map, c->id));
            return {layout.cards[static_cast<size_t>(slot)].row, layout.cards[static_cast<size_t>(slot)].column};
        }
    Cell at;
    at.column = stageIndex(map, h.view().focusStage);
    const int lane = laneIndex(map, h.view().focusLane);
    for (size_t r = 0; r < layout.rowLane.size(); ++r)
        if (layout.rowLane[r] == lane) at.row = static_cast<int>(r);
    return at;
}

// With arrows only: down to the row, then across to the column.
void goTo(Headless& h, Cell target) {
    h.key(key::Down);   // the first arrow puts the cursor on the first cell
    for (int i = 0; i < 200 && cursorCell(h).row != target.row; ++i) h.key(cursorCell(h).row < target.row ? key::Down : key::Up);
    for (int i = 0; i < 50 && cursorCell(h).column != target.column; ++i)
        h.key(cursorCell(h).column < target.column ? key::Right : key::Left);
    REQUIRE(cursorCell(h).row == target.row);
    REQUIRE(cursorCell(h).column == target.column);
}

// An empty cell, not in the emotion lane (the example map fills every cell: a new lane then).
Cell emptyCell(Headless& h) {
    Lane lane;
    lane.id = "ln-keyboard";
    lane.name = "Ideas";
    lane.type = LaneType::Opportunities;
    REQUIRE(!h.app().document().execute(cmd::addLane(h.map(), lane, 2)));
    h.frames(2);
    const app::MapLayout& layout = h.app().canvas().layout();
    for (int r = 0; r < static_cast<int>(layout.rows.size()); ++r)
        for (int c = 0; c < layout.columnCount(); ++c)
            if (r != layout.emotionRow && layout.cell(r, c).empty()) return {r, c};
    FAIL("no empty cell");
    return {};
}

int valenceAt(const Map& map, const Id& persona, const Id& stage) {
    for (const Emotion& e : map.emotions)
        if (e.personaId == persona && e.stageId == stage && !e.cardId) return e.valence;
    return 0;
}

}  // namespace

TEST_CASE("with the keyboard alone: a card in an empty cell, typed, moved two stages, undone") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Cell empty = emptyCell(h);
        goTo(h, empty);
        CHECK(h.view().selection.empty());   // the cell is empty: it has the focus, no card is selected
        CHECK(h.view().focusShown);
        const size_t before = h.map().cards.size();

        h.type(U"n");
        REQUIRE(h.map().cards.size() == before + 1);
        const Id id = h.view().editingCard;
        REQUIRE(!id.empty());
        h.type(U"Llama al banco");
        h.key(key::Enter);
        REQUIRE(h.view().editingCard.empty());
        const Card* card = findCard(h.map(), id);
        REQUIRE(card);
        CHECK(card->text == "Llama al banco");
        CHECK(card->stageId == h.map().stages[static_cast<size_t>(empty.column)].id);
        CHECK(h.view().selection == std::vector<Id>{id});

        // Two stages on (back, when there are not two more).
        const int step = empty.column + 2 < h.app().canvas().layout().columnCount() ? 1 : -1;
        REQUIRE(empty.column + 2 * step >= 0);
        const Id lane = card->laneId;
        h.key(step > 0 ? key::Right : key::Left, true);
        h.key(step > 0 ? key::Right : key::Left, true);
        CHECK(findCard(h.map(), id)->stageId == h.map().stages[static_cast<size_t>(empty.column + 2 * step)].id);
        CHECK(findCard(h.map(), id)->laneId == lane);
        h.key(key::Z, true);
        CHECK(findCard(h.map(), id)->stageId == h.map().stages[static_cast<size_t>(empty.column + step)].id);
    }
}

TEST_CASE("arrows walk card by card within a cell and cell by cell across, and Ctrl+Up and Down reorder") {
    Headless h(app::Lang::Es);
    const app::MapLayout& layout = h.app().canvas().layout();
    Cell full;
    for (int r = 0; r < static_cast<int>(layout.rows.size()) && full.row < 0; ++r)
        for (int c = 0; c < layout.columnCount(); ++c)
            if (layout.cell(r, c).size() >= 2) { full = {r, c}; break; }
    REQUIRE(full.row >= 0);
    goTo(h, full);
    const auto cardsOfCell = [&] {
        std::vector<Id> ids;
        for (int slot : h.app().canvas().layout().cell(full.row, full.column))
            ids.push_back(h.map().cards[static_cast<size_t>(h.app().canvas().layout().cards[static_cast<size_t>(slot)].card)].id);
        return ids;
    };
    // Up to the cell's first card, then one down: the second.
    while (h.view().selection.size() == 1 && h.view().selection.front() != cardsOfCell().front()) h.key(key::Up);
    h.key(key::Down);
    const std::vector<Id> order = cardsOfCell();
    REQUIRE(h.view().selection == std::vector<Id>{order[1]});
    h.key(key::Up, true);   // Ctrl+Up: the second card becomes the first
    CHECK(cardsOfCell().front() == order[1]);
    CHECK(cardsOfCell()[1] == order[0]);
    h.key(key::Down, true);
    CHECK(cardsOfCell() == order);
    CHECK(cursorCell(h).row == full.row);
}

TEST_CASE("+ and - set the active persona's emotion at the stage, and M marks a moment of truth and asks its type") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Cell empty = emptyCell(h);
        goTo(h, empty);
        const Id persona = h.view().activePersona;
        const Id stage = h.map().stages[static_cast<size_t>(empty.column)].id;
        const int start = valenceAt(h.map(), persona, stage);
        h.type(U"+");
        CHECK(valenceAt(h.map(), persona, stage) == std::min(start + 1, kValenceMax));
        h.type(U"-");
        h.type(U"-");
        CHECK(valenceAt(h.map(), persona, stage) == std::max(std::min(start + 1, kValenceMax) - 2, kValenceMin));

        // A card not marked yet: M marks it (a first moment of truth) and the type list opens at
        // its type; Down, Enter picks the next one.
        h.key(key::Up);
        h.key(key::Up);
        REQUIRE(h.view().selection.size() == 1);
        Id cardId = h.view().selection.front();
        const auto momentOf = [&](const Id& id) -> const MomentOfTruth* {
            for (const MomentOfTruth& m : h.map().moments)
                if (m.cardId && *m.cardId == id) return &m;
            return nullptr;
        };
        if (momentOf(cardId)) h.type(U"m");   // it was one: now it is not
        REQUIRE(!momentOf(cardId));
        h.type(U"m");
        REQUIRE(momentOf(cardId));
        CHECK(anyPopup());
        CHECK(app::widgets::find(app::label(lang, MotType::Zero)) != nullptr);
        h.key(key::Down);   // the list takes the arrows, not the map
        CHECK(h.view().selection == std::vector<Id>{cardId});
        h.key(key::Enter);
        CHECK_FALSE(anyPopup());
        CHECK(momentOf(cardId)->type == MotType::Second);
        CHECK(h.view().editingCard.empty());   // Enter chose the type; it did not open the card's text
        h.key(key::Z, true);
        CHECK(momentOf(cardId)->type == MotType::First);
        h.type(U"m");
        CHECK(!momentOf(cardId));
    }
}

TEST_CASE("? lists the keyboard's shortcuts in the UI's language and Escape closes the list") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        h.type(U"?");
        h.frames(2);
        const app::widgets::Widget* close = app::widgets::find("shortcuts-close");
        REQUIRE(close != nullptr);
        CHECK(close->label == std::string(app::tr(lang, app::Text::Close)) + "##shortcuts-close");
        const size_t cards = h.map().cards.size();
        h.type(U"n");   // the map does not take keys while the list is open
        CHECK(h.map().cards.size() == cards);
        h.key(key::Escape);
        h.frames(2);
        CHECK(app::widgets::find("shortcuts-close") == nullptr);
    }
}

TEST_CASE("F10 or Alt opens the menus: arrows, Enter and Escape work in them, Left and Right go across") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        h.key(key::Down);   // a card selected from the keyboard
        const std::vector<Id> selected = h.view().selection;
        REQUIRE(selected.size() == 1);

        h.key(key::F10);
        h.frames(2);
        REQUIRE(anyPopup());
        CHECK(app::widgets::find(app::tr(lang, app::Text::NewMap)) != nullptr);   // the Map menu
        h.key(key::Right);
        h.frames(2);
        CHECK(app::widgets::find(app::tr(lang, app::Text::Undo)) != nullptr);   // the Edit menu
        CHECK(app::widgets::find(app::tr(lang, app::Text::NewMap)) == nullptr);
        h.key(key::Left);
        h.key(key::Left);
        h.frames(2);
        CHECK(app::widgets::find(app::tr(lang, app::Text::ShortcutsMenu)) != nullptr);   // round to Help
        h.key(key::Escape);
        h.frames(2);
        CHECK_FALSE(anyPopup());
        CHECK(h.view().selection == selected);   // the menus' keys never reached the map

        // Alt pressed and released alone; the first item has the keyboard, Enter: New map… opens its dialog.
        h.key(key::Alt);
        h.frames(2);
        REQUIRE(anyPopup());
        h.key(key::Enter);
        h.frames(3);
        CHECK(app::widgets::find(app::tr(lang, app::Text::Create)) != nullptr);   // the New map dialog
        const std::string before = h.map().meta.title;
        h.key(key::Down);
        h.key(key::Enter);   // the second template, created
        h.frames(2);
        CHECK(h.map().meta.title != before);
        CHECK_FALSE(anyPopup());
    }
}

TEST_CASE("F6 and Tab take the keyboard to the side panel, where the arrows and Space work, and F6 or Escape come back") {
    Headless h(app::Lang::Es);
    h.key(key::Down);
    const Id card = h.view().selection.front();
    h.key(key::F6);
    h.frames(2);
    ImGuiWindow* side = ImGui::FindWindowByName("##side");
    REQUIRE(side);
    CHECK(ImGui::GetCurrentContext()->NavWindow == side);
    // In the panel the arrows move between its fields, not the map's selection.
    h.key(key::Down);
    h.key(key::Down);
    CHECK(h.view().selection == std::vector<Id>{card});
    const ImGuiWindow* nav = ImGui::GetCurrentContext()->NavWindow;
    CHECK((nav && nav->RootWindow == side));   // the arrows went on into the panel's fields
    h.key(key::F6);
    h.frames(2);
    nav = ImGui::GetCurrentContext()->NavWindow;
    CHECK((!nav || nav->RootWindow != side));
    h.key(key::Down);   // the map has the arrows again
    CHECK(h.view().selection != std::vector<Id>{card});

    h.key(key::Tab);
    h.frames(2);
    CHECK(ImGui::GetCurrentContext()->NavWindow == side);
    h.key(key::Escape);
    h.frames(2);
    CHECK(ImGui::GetCurrentContext()->NavWindow != side);
}

TEST_CASE("keys typed right after F6, Tab or F10 go where that key sent the keyboard, never to the map") {
    for (int k : {key::F6, key::Tab, key::F10}) {
        CAPTURE(k);
        Headless h(app::Lang::Es);
        h.key(key::Down);
        const std::vector<Id> selected = h.view().selection;
        REQUIRE(selected.size() == 1);
        h.keysTogether({k, key::Down, key::Down});
        CHECK(h.view().selection == selected);   // the arrows moved in the panel or the menus
    }
}

TEST_CASE("a first visit with the keyboard alone: the welcome's buttons, the template dialog, a new map") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        h.app().showWelcome();
        h.frames(3);
        REQUIRE(app::widgets::find("welcome-template") != nullptr);
        const std::string before = h.map().meta.title;
        h.key(key::Enter);   // the first button has the keyboard: start from a template
        h.frames(3);
        CHECK(app::widgets::find("welcome-template") == nullptr);
        CHECK(app::widgets::find(app::tr(lang, app::Text::Create)) != nullptr);
        h.key(key::Enter);   // the template chosen first
        h.frames(2);
        CHECK_FALSE(anyPopup());
        CHECK(h.map().meta.title != before);
    }
}

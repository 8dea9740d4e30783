// Editing a card's text in place, and the map's title in the menu bar: the caret starts at the
// end, so what is typed is added to the text. Presentation mode shows the map and edits nothing.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "search.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using namespace trayecto;
namespace key = trayecto::app::key;

namespace {
const Card& cardInLane(const Map& map, LaneType type) {
    for (const Card& c : map.cards) {
        const Lane* lane = findLane(map, c.laneId);
        if (lane && lane->type == type && !c.text.empty()) return c;
    }
    FAIL("no card in a lane of that type");
    return map.cards.front();
}
// A double click on `card`, " y más" typed at the end of its text, and the editor left with
// `leave` (Enter or Escape): the text as typed stays.
void typeInCardAndLeave(Headless& h, const Card& card, int leave) {
    const ImVec2 c = h.cardCentre(card.id);
    h.doubleClick(c.x, c.y);
    REQUIRE(h.view().editingCard == card.id);
    h.type(U" y más");
    h.key(leave);
    CHECK(h.view().editingCard.empty());
    CHECK(findCard(h.map(), card.id)->text == card.text + " y m\xc3\xa1s");
}
}  // namespace

TEST_CASE("a double click on a card, or Enter, edits its text with the caret at the end") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Card card = cardInLane(h.map(), LaneType::Actions);
        const ImVec2 c = h.cardCentre(card.id);
        typeInCardAndLeave(h, card, key::Enter);
        // Enter on the selected card edits it again, the caret again at the end.
        h.frames(30);
        h.click(c.x, c.y);
        h.key(key::Enter);
        REQUIRE(h.view().editingCard == card.id);
        h.type(U"!");
        h.key(key::Enter);
        CHECK(findCard(h.map(), card.id)->text == card.text + " y m\xc3\xa1s!");
    }
}

TEST_CASE("a click on the map's title in the menu bar edits it with the caret at the end") {
    Headless h(app::Lang::Es);
    const std::string title = h.map().meta.title;
    REQUIRE(h.clickWidget("##title"));
    h.frames(2);
    h.type(U" (taller)");
    h.key(key::Enter);
    CHECK(h.map().meta.title == title + " (taller)");
}

TEST_CASE("presentation mode is view-only: double clicks, keys, drags and right clicks change nothing") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Card first = h.map().cards.front();
        const ImVec2 f = h.cardCentre(first.id);
        h.click(f.x, f.y);
        h.key(key::D, true);   // an edit before presenting, for Ctrl+Z to find
        REQUIRE(h.app().document().history().undoCount() == 1);
        REQUIRE(h.clickWidget(app::tr(lang, app::Text::MenuView)));
        REQUIRE(h.clickWidget(app::tr(lang, app::Text::Present)));
        h.frames(3);
        REQUIRE(h.view().presenting);
        const std::string before = saveMap(h.map());
        const Id stage = h.map().stages.front().id;
        const Card* card = nullptr;
        for (const Card& c : h.map().cards)
            if (c.stageId == stage && !c.text.empty() && h.cardCentre(c.id).x > 0) { card = &c; break; }
        REQUIRE(card != nullptr);
        const Id id = card->id;
        const ImVec2 c = h.cardCentre(id);
        h.doubleClick(c.x, c.y);
        CHECK(h.view().editingCard.empty());
        h.type(U"escrito");
        h.key(key::Enter);
        h.type(U"x");
        h.key(key::Delete);
        h.key(key::Backspace);
        h.key(key::D, true);
        h.key(key::Z, true);
        h.key(key::Y, true);
        h.frames(30);
        h.drag(c.x, c.y, c.x + 300.0f, c.y + 150.0f);
        h.frames(30);
        h.click(c.x, c.y, 1);   // no context menu
        h.frames(2);
        CHECK(app::widgets::find(app::tr(lang, app::Text::Delete)) == nullptr);
        float ex = 0, ey = 0;
        if (h.app().canvas().emotionPoint(h.map(), h.view(), h.view().activePersona, 0, ex, ey)) h.drag(ex, ey, ex, ey + 200.0f);
        CHECK(h.view().editingCard.empty());
        CHECK(saveMap(h.map()) == before);
        CHECK(h.view().presenting);
        h.key(key::Escape);
        CHECK_FALSE(h.view().presenting);
    }
}

TEST_CASE("after a click on the title, a double click on a card or Ctrl+F, frames go on until the field has the keys") {
    // The browser draws only while something changes: a field given the keyboard becomes active a
    // frame or two later, and a key typed in the frame it does is lost ("(taller)" without its space).
    Headless h(app::Lang::Es);
    auto framesUntilActive = [&h](const char* what) {
        INFO(what);
        for (int i = 0; i < 10 && !ImGui::IsAnyItemActive(); ++i) {
            REQUIRE(h.app().wantsAnotherFrame());
            h.frame();
        }
        REQUIRE(ImGui::IsAnyItemActive());
        h.key(key::Escape);
        h.frames(3);
        CHECK_FALSE(ImGui::IsAnyItemActive());
        CHECK_FALSE(h.app().wantsAnotherFrame());   // and then the app is idle again
    };

    const app::widgets::Widget* title = app::widgets::find("title");
    REQUIRE(title != nullptr);
    h.mouseTo((title->min.x + title->max.x) * 0.5f, (title->min.y + title->max.y) * 0.5f);
    h.button(0, true);
    h.button(0, false);
    framesUntilActive("the title");

    h.frames(30);
    const Card card = cardInLane(h.map(), LaneType::Actions);
    const ImVec2 c = h.cardCentre(card.id);
    h.mouseTo(c.x, c.y);
    for (bool down : {true, false, true, false}) h.button(0, down);
    framesUntilActive("a card's text");

    h.key(key::F, true);
    framesUntilActive("the search bar");
}

TEST_CASE("keys typed right after the double click that opens a card are kept, the first one too") {
    Headless h;
    const Card card = cardInLane(h.map(), LaneType::Actions);
    const ImVec2 c = h.cardCentre(card.id);
    h.mouseTo(c.x, c.y);
    // A quick person: the double click and the first letters reach the page before the app has
    // drawn a frame in between.
    app::InputEvent e;
    e.type = app::InputEvent::Type::MouseButton;
    for (bool down : {true, false, true, false}) {
        e.down = down;
        h.queue(e);
    }
    for (char32_t ch : std::u32string(U"Sí")) {
        app::InputEvent typed;
        typed.type = app::InputEvent::Type::Char;
        typed.codepoint = static_cast<unsigned>(ch);
        h.queue(typed);
    }
    h.frames(8);
    REQUIRE(h.view().editingCard == card.id);
    h.key(key::Enter);
    CHECK(findCard(h.map(), card.id)->text == card.text + "S\xc3\xad");
}

// Escape leaves the editor as Enter does, keeping what was typed (Dear ImGui's field would put
// back the text the visit began with): a new user lost a card's words to it. A card just begun
// and left empty is not added at all.
TEST_CASE("Escape leaves a card's text as typed, and a new card left empty with Escape is not added") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Card card = cardInLane(h.map(), LaneType::Actions);
        typeInCardAndLeave(h, card, key::Escape);
        CHECK(h.view().selection == std::vector<Id>{card.id});   // still selected: one Escape, one step back

        // A new card: typed into, Escape keeps it (one undo step takes it away); empty, it goes.
        const std::string before = saveMap(h.map());
        const size_t cards = h.map().cards.size();
        const auto& layout = h.app().canvas().layout();
        int row = -1;
        for (size_t r = 0; r < layout.rows.size() && row < 0; ++r)
            if (static_cast<int>(r) != layout.emotionRow) row = static_cast<int>(r);
        const app::Box& cell = layout.rows[static_cast<size_t>(row)];
        const app::Box& column = layout.columns[1];
        const float x = h.app().canvas().toScreenX(h.view(), (column.x0 + column.x1) * 0.5f);
        const float y = h.app().canvas().toScreenY(h.view(), cell.y1 - 4.0f);
        h.frames(30);
        h.doubleClick(x, y);
        REQUIRE_FALSE(h.view().editingCard.empty());
        h.type(U"Llama al banco");
        h.key(key::Escape);
        CHECK(h.view().editingCard.empty());
        REQUIRE(h.map().cards.size() == cards + 1);
        CHECK(app::findCards(h.map(), "Llama al banco").size() == 1);
        h.key(key::Z, true);
        CHECK(saveMap(h.map()) == before);
        h.frames(30);
        h.doubleClick(x, y);
        REQUIRE_FALSE(h.view().editingCard.empty());
        h.key(key::Escape);
        CHECK(saveMap(h.map()) == before);
        CHECK(h.view().selection.empty());
    }
}

// On a loaded machine the characters typed and the Escape after them reach the app in one frame:
// the field takes the characters, then Escape leaves it, keeping them (it first dropped them,
// and the card they were typed into went away as an empty one).
TEST_CASE("characters and Escape in one frame: the card keeps the characters") {
    Headless h(app::Lang::En);
    const Card card = cardInLane(h.map(), LaneType::Actions);
    const ImVec2 c = h.cardCentre(card.id);
    h.doubleClick(c.x, c.y);
    h.frames(3);
    REQUIRE(h.view().editingCard == card.id);
    for (char32_t ch : std::u32string(U" too")) {
        app::InputEvent e;
        e.type = app::InputEvent::Type::Char;
        e.codepoint = static_cast<unsigned>(ch);
        h.queue(e);
    }
    h.pushKey(key::Escape);
    h.frame();
    h.frames(2);
    CHECK(h.view().editingCard.empty());
    CHECK(findCard(h.map(), card.id)->text == card.text + " too");
}

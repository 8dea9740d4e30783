// Keys go where the focus is: to the map only while it has it. After a click on an inspector
// combo, ArrowUp moved the map's selection, Enter began editing the card and Escape deselected it.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "labels.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using trayecto::test::anyPopup;
using namespace trayecto;
namespace key = trayecto::app::key;

namespace {
const Card& touchpoint(const Map& map) {
    for (const Card& c : map.cards)
        if (c.kind == CardKind::Touchpoint) return c;
    FAIL("no touchpoint");
    return map.cards.front();
}
}  // namespace

TEST_CASE("keys do not reach the map from an inspector combo, open or closed, and Escape only closes it") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Card card = touchpoint(h.map());
        const ImVec2 c = h.cardCentre(card.id);
        h.click(c.x, c.y);
        REQUIRE(h.view().selection == std::vector<Id>{card.id});
        const std::string before = saveMap(h.map());
        const std::vector<Id> selected{card.id};
        const size_t cards = h.map().cards.size();

        REQUIRE(h.clickWidget("card-kind"));   // the card's kind, in the inspector
        REQUIRE(anyPopup());
        for (int k : {key::Left, key::Right, key::F2, key::Delete, key::Backspace}) h.key(k);
        h.key(key::A, true);
        h.key(key::D, true);
        CHECK(h.view().selection == selected);
        CHECK(h.view().editingCard.empty());
        CHECK(saveMap(h.map()) == before);
        h.key(key::Escape);
        CHECK_FALSE(anyPopup());                  // Escape closes the combo...
        CHECK(h.view().selection == selected);    // ...and nothing else
        CHECK(saveMap(h.map()) == before);

        // The arrows and Enter choose in the open combo: the next kind, and the map's keys stay out.
        REQUIRE(h.clickWidget("card-kind"));
        h.key(key::Down);
        h.key(key::Enter);
        CHECK_FALSE(anyPopup());
        CHECK(findCard(h.map(), card.id)->kind == static_cast<CardKind>(static_cast<int>(card.kind) + 1));
        CHECK(h.view().selection == selected);
        CHECK(h.view().editingCard.empty());
        h.key(key::Z, true);
        CHECK(saveMap(h.map()) == before);

        // The panel keeps the focus once the combo is closed: Delete, F2 and Escape are not the map's.
        for (int k : {key::Delete, key::Backspace, key::F2, key::Escape}) h.key(k);
        CHECK(h.map().cards.size() == cards);
        CHECK(h.view().editingCard.empty());
        CHECK(saveMap(h.map()) == before);
        h.frames(30);

        // A kind chosen with the mouse; the arrows still stay out of the map; Ctrl+Z undoes from the panel.
        REQUIRE(h.clickWidget("card-kind"));
        REQUIRE(h.clickWidget(app::label(lang, CardKind::Opportunity)));
        CHECK(findCard(h.map(), card.id)->kind == CardKind::Opportunity);
        h.key(key::Up);
        CHECK(h.view().selection == selected);
        h.key(key::Z, true);
        CHECK(saveMap(h.map()) == before);

        // A click on the map gives it the keys back.
        h.frames(30);
        h.click(c.x, c.y);
        h.key(key::Down);
        REQUIRE(h.view().selection.size() == 1);
        CHECK(h.view().selection != selected);
    }
}

TEST_CASE("keys do not reach the map while a menu or a context menu is open, and Escape closes it") {
    Headless h(app::Lang::Es);
    const Card card = touchpoint(h.map());
    const ImVec2 c = h.cardCentre(card.id);
    h.click(c.x, c.y);
    const std::vector<Id> selected{card.id};
    const std::string before = saveMap(h.map());

    // (Enter would choose the menu's highlighted item: menus take the arrows and Enter.)
    REQUIRE(h.clickWidget(app::tr(app::Lang::Es, app::Text::MenuMap)));
    REQUIRE(anyPopup());
    for (int k : {key::Down, key::Up, key::Delete, key::Backspace}) h.key(k);
    CHECK(h.view().selection == selected);
    CHECK(saveMap(h.map()) == before);
    h.key(key::Escape);
    CHECK_FALSE(anyPopup());
    CHECK(h.view().selection == selected);

    h.frames(30);
    h.click(c.x, c.y, 1);   // the card's context menu
    REQUIRE(anyPopup());
    for (int k : {key::Down, key::Up, key::Delete, key::Backspace}) h.key(k);
    CHECK(h.view().selection == selected);
    CHECK(h.view().editingCard.empty());
    CHECK(saveMap(h.map()) == before);
    h.key(key::Escape);
    CHECK_FALSE(anyPopup());
    CHECK(h.view().selection == selected);
}

TEST_CASE("after the search bar closes, the map has the keys again") {
    Headless h(app::Lang::En);
    const Card card = touchpoint(h.map());
    const ImVec2 c = h.cardCentre(card.id);
    h.click(c.x, c.y);
    h.key(key::F, true);
    h.type(U"zzzz");
    h.key(key::Escape);
    REQUIRE_FALSE(h.view().searchOpen);
    h.key(key::Down);
    REQUIRE(h.view().selection.size() == 1);
    CHECK(h.view().selection.front() != card.id);
}

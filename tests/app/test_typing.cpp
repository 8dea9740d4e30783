// Typing in the inspector: every key is in the document at once, one undo step per field visit,
// and nothing typed is lost when the next click goes to a field above.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "input_queue.hpp"

using trayecto::test::Headless;
using namespace trayecto;

namespace {
const Card& firstCard(Headless& h) { return h.map().cards.front(); }
}  // namespace

TEST_CASE("text typed in a field is kept when the next click goes to a field above it") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang);
        const Card card = firstCard(h);
        h.view().select(card.id);
        h.frames(3);
        const char* notes = lang == app::Lang::Es ? "Notas" : "Notes";
        const char* text = lang == app::Lang::Es ? "Texto" : "Text";
        REQUIRE(h.clickWidget(notes));
        h.key(app::key::End, true);
        h.type(U" uno dos");
        CHECK(findCard(h.map(), card.id)->notes == card.notes + " uno dos");   // in the document as typed
        REQUIRE(h.clickWidget(text));                                          // the field above
        h.key(app::key::End, true);
        h.type(U" tres");
        h.frames(2);
        const Card* after = findCard(h.map(), card.id);
        CHECK(after->notes == card.notes + " uno dos");
        CHECK(after->text == card.text + " tres");
        CHECK(h.app().document().history().undoCount() == 2);                 // one step per visit
    }
}

TEST_CASE("typing into a card keeps the layout right: untouched while the card keeps its height, redone when it grows") {
    Headless h;
    const Id id = h.map().cards.front().id;
    h.view().select(id);
    h.frames(2);
    h.key(app::key::Enter);   // edit its text in place
    h.frames(2);
    REQUIRE(h.view().editingCard == id);
    const auto boxOf = [&] {
        const auto& layout = h.app().canvas().layout();
        return layout.cards[static_cast<size_t>(layout.slotOfCard(cardIndex(h.map(), id)))].box;
    };
    const float before = boxOf().height();
    h.type(U"x");
    CHECK(boxOf().height() == Approx(before));
    for (int i = 0; i < 8; ++i) h.type(U" una palabra más");
    CHECK(boxOf().height() > before + 1.0f);   // wrapped onto new lines: laid out again
    // Whatever path it took, the layout is the one a fresh computation gives.
    const auto& layout = h.app().canvas().layout();
    const app::MapLayout fresh = app::computeLayout(h.map(), {}, [&](const std::string& text, float size, float width) {
        ImFont* font = h.app().fonts().canvas[app::Fonts::kCanvasSizes - 1];
        return font->CalcTextSizeA(size, FLT_MAX, width, text.c_str(), text.c_str() + text.size()).y;
    });
    REQUIRE(fresh.cards.size() == layout.cards.size());
    for (size_t i = 0; i < fresh.cards.size(); ++i) {
        CHECK(fresh.cards[i].box.y0 == Approx(layout.cards[i].box.y0));
        CHECK(fresh.cards[i].box.y1 == Approx(layout.cards[i].box.y1));
    }
    CHECK(fresh.height == Approx(layout.height));
}

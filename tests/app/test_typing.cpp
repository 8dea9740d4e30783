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

// Joining a live room: the room's snapshot shows at once, read-only, and says so in the status
// line (docs/live.md, "Joining"); if the join fails, the map open before comes back, editable.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using namespace trayecto;
namespace key = trayecto::app::key;
using app::Text;
using app::tr;

TEST_CASE("a room's snapshot shows read-only while joining, says so in the UI language, and the map before comes back") {
    for (const app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang);
        const std::string before = saveMap(h.map());
        Map room = exampleMap("en");
        room.meta.title = "The room";
        h.app().previewMap(room);
        h.frames(2);
        CHECK(h.map().meta.title == "The room");
        CHECK(h.app().statusWords().find(tr(lang, Text::JoiningHint)) != std::string::npos);
        CHECK(h.app().statusWords().find(tr(lang, Text::Saving)) == std::string::npos);   // not this map's
        const Card card = h.map().cards.front();
        const ImVec2 c = h.cardCentre(card.id);
        h.click(c.x, c.y);
        h.key(key::Delete);   // nothing can be changed
        h.frames(2);
        CHECK(findCard(h.map(), card.id) != nullptr);

        h.app().endPreview();   // the join failed
        h.frames(2);
        CHECK(saveMap(h.map()) == before);
        CHECK(h.app().statusWords().find(tr(lang, Text::JoiningHint)) == std::string::npos);
        CHECK_FALSE(h.app().document().readOnly());
    }
}

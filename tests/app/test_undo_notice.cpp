// Every deletion says so: a notice near the status line, in the UI language, with an Undo button
// that takes the deletion back in one click. A right click selects what it is on.
#include <catch2/catch.hpp>

#include <algorithm>

#include "headless.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using namespace trayecto;
namespace key = trayecto::app::key;
using app::Text;
using app::tr;

namespace {
const app::widgets::Widget* undoButton() { return app::widgets::find("undo-notice"); }

// The notice is there, its button reads "Undo" in the UI language, and one click on it brings
// the map back as it was.
void undoWithTheNotice(Headless& h, app::Lang lang, const std::string& before, const std::string& what) {
    INFO(what);
    h.frames(2);
    const app::widgets::Widget* undo = undoButton();
    REQUIRE(undo != nullptr);
    CHECK(undo->label.substr(0, undo->label.find("##")) == tr(lang, Text::Undo));
    CHECK(saveMap(h.map()) != before);
    h.frames(30);
    REQUIRE(h.clickWidget("undo-notice"));
    h.frames(2);
    CHECK(saveMap(h.map()) == before);
    CHECK(undoButton() == nullptr);
}

}  // namespace

TEST_CASE("deleting a stage that holds cards shows an undo notice whose button brings it all back") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const std::string before = saveMap(h.map());
        const Stage stage = h.map().stages[1];
        REQUIRE(std::count_if(h.map().cards.begin(), h.map().cards.end(), [&](const Card& c) { return c.stageId == stage.id; }) > 0);
        const ImVec2 p = h.stageHeaderPoint(1);
        h.click(p.x, p.y, 1);
        CHECK(h.view().selection == std::vector<Id>{stage.id});   // the right click selected the stage
        REQUIRE(h.clickWidget(tr(lang, Text::Delete)));
        REQUIRE(findStage(h.map(), stage.id) == nullptr);
        undoWithTheNotice(h, lang, before, "stage from its context menu");
    }
}

TEST_CASE("every deletion shows the undo notice: cards, a lane, a persona, a moment of truth, an emotion") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang, 1280, 1600);   // the persona's Delete button below its fields is on screen
        const std::string before = saveMap(h.map());

        // Two cards, with the Delete key.
        const ImVec2 a = h.cardCentre(h.map().cards[0].id), b = h.cardCentre(h.map().cards[1].id);
        h.click(a.x, a.y);
        h.modifiers(true, false);
        h.click(b.x, b.y);
        h.modifiers(false, false);
        REQUIRE(h.view().selection.size() == 2);
        const size_t cards = h.map().cards.size();
        h.key(key::Delete);
        REQUIRE(h.map().cards.size() + 2 == cards);
        undoWithTheNotice(h, lang, before, "two cards with Delete");

        // One card, from its context menu (the right click selects it first).
        const Card card = h.map().cards[2];
        h.frames(30);
        const ImVec2 c = h.cardCentre(card.id);
        h.click(c.x, c.y, 1);
        CHECK(h.view().selection == std::vector<Id>{card.id});
        REQUIRE(h.clickWidget(tr(lang, Text::Delete)));
        REQUIRE(findCard(h.map(), card.id) == nullptr);
        undoWithTheNotice(h, lang, before, "a card from its context menu");

        // A lane, from the inspector (a right click on its header selects it).
        const Lane lane = h.map().lanes[static_cast<size_t>(h.app().canvas().layout().rowLane[0])];
        h.frames(30);
        const ImVec2 l = h.laneHeaderPoint(0);
        h.click(l.x, l.y, 1);
        CHECK(h.view().selection == std::vector<Id>{lane.id});
        h.frames(30);
        h.click(l.x + 300.0f, ImGui::GetIO().DisplaySize.y - 6.0f);   // closes the menu (on the status line)
        h.frames(2);
        REQUIRE(h.view().selection == std::vector<Id>{lane.id});
        REQUIRE(h.clickWidget(tr(lang, Text::Delete)));
        REQUIRE(findLane(h.map(), lane.id) == nullptr);
        undoWithTheNotice(h, lang, before, "a lane from the inspector");

        // A persona, from the Personas tab.
        const Persona persona = h.map().personas.front();
        REQUIRE(h.clickWidget(tr(lang, Text::ShowPersonas)));
        REQUIRE(h.clickWidget(persona.name));
        REQUIRE(h.clickWidget(tr(lang, Text::Delete)));
        REQUIRE(findPersona(h.map(), persona.id) == nullptr);
        undoWithTheNotice(h, lang, before, "a persona");

        // A moment of truth: its tick taken off in the inspector.
        const MomentOfTruth* moment = nullptr;
        for (const MomentOfTruth& m : h.map().moments)
            if (m.cardId && findCard(h.map(), *m.cardId)) { moment = &m; break; }
        REQUIRE(moment != nullptr);
        const Id momentId = moment->id, momentCard = *moment->cardId;
        h.app().canvas().centerOn(h.view(), h.app().canvas().layout().cards[static_cast<size_t>(
                                                h.app().canvas().layout().slotOfCard(cardIndex(h.map(), momentCard)))].box);
        h.frames(30);
        const ImVec2 m = h.cardCentre(momentCard);
        h.click(m.x, m.y);
        REQUIRE(h.view().selection == std::vector<Id>{momentCard});
        REQUIRE(h.clickWidget(tr(lang, Text::IsMomentOfTruth)));
        REQUIRE(findMoment(h.map(), momentId) == nullptr);
        undoWithTheNotice(h, lang, before, "a moment of truth");

        // An emotion, from the inspector.
        h.app().canvas().zoomToFit(h.view());
        h.frames(30);
        float ex = 0, ey = 0;
        REQUIRE(h.app().canvas().emotionPoint(h.map(), h.view(), h.view().activePersona, 1, ex, ey));
        h.click(ex, ey);
        REQUIRE(h.view().selection.size() == 1);
        const Id emotion = h.view().selection.front();
        REQUIRE(findEmotion(h.map(), emotion) != nullptr);
        REQUIRE(h.clickWidget(tr(lang, Text::Delete)));
        REQUIRE(findEmotion(h.map(), emotion) == nullptr);
        undoWithTheNotice(h, lang, before, "an emotion");
    }
}

TEST_CASE("the undo notice goes when the map changes again, so its button never undoes another edit") {
    Headless h(app::Lang::Es);
    const Card card = h.map().cards.front();
    const ImVec2 c = h.cardCentre(card.id);
    h.click(c.x, c.y);
    h.key(key::Delete);
    h.frames(2);
    REQUIRE(undoButton() != nullptr);
    const Card other = h.map().cards.front();
    h.frames(30);
    const ImVec2 o = h.cardCentre(other.id);
    h.click(o.x, o.y);
    h.key(key::D, true);   // another edit
    h.frames(2);
    CHECK(undoButton() == nullptr);
    CHECK(findCard(h.map(), card.id) == nullptr);
}

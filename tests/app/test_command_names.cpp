// Every step the history can name is worded in Spanish: the Edit menu and the undo notice never
// show the core's English name inside Spanish.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "command_names.hpp"
#include "headless.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/workshop.hpp"

using namespace trayecto;
using app::commandName;
using app::Lang;

TEST_CASE("every command the core builds has a Spanish name, counted ones included", "[i18n][commands]") {
    const Map m = exampleMap("es");
    REQUIRE(m.cards.size() >= 3);
    const Card& card = m.cards[0];
    std::vector<Id> three = {m.cards[0].id, m.cards[1].id, m.cards[2].id};
    const std::vector<Command> commands = {
        cmd::addPersona(m, Persona{}), cmd::removePersona(m, m.personas[0].id), cmd::addStage(m, Stage{}),
        cmd::removeStage(m, m.stages[0].id), cmd::addLane(m, Lane{}), cmd::removeLane(m, m.lanes[0].id),
        cmd::addCard(m, card), cmd::removeCards(m, {card.id}), cmd::removeCards(m, three),
        cmd::moveCards(m, {card.id}, m.stages[1].id, card.laneId), cmd::moveCards(m, three, m.stages[1].id, card.laneId),
        cmd::duplicateCards(m, {card.id}), cmd::duplicateCards(m, three), cmd::addEmotion(m, Emotion{}),
        cmd::addMoment(m, MomentOfTruth{}), cmd::reorder(m, Collection::Stages, m.stages[0].id, 1),
        cmd::reorder(m, Collection::Lanes, m.lanes[0].id, 1), cmd::reorder(m, Collection::Personas, m.personas[0].id, 1),
        cmd::reorder(m, Collection::Cards, card.id, 1), cmd::replace(m, Item{card}), cmd::setMeta(m, m.meta),
        cmd::setValence(m, m.personas[0].id, m.stages[0].id, 2), cmd::setVoting(m, true, 5), cmd::setVoting(m, false, 5),
        cmd::vote(m, "ana", card.id, 1), cmd::vote(m, "ana", card.id, -1), cmd::setParticipantName(m, "Ana"),
        cmd::setAgendaStep(m, 2), cmd::setTimerMinutes(m, 7), cmd::startTimer(m, 1000.0), cmd::resetTimer(m)};
    for (const Command& c : commands) {
        if (c.name.empty()) continue;
        INFO(c.name);
        const std::string spanish = commandName(Lang::Es, c.name);
        CHECK(!spanish.empty());
        CHECK(spanish != c.name);
        CHECK(commandName(Lang::En, c.name) == c.name);
    }
    CHECK(commandName(Lang::Es, "Move 3 cards") == "Mover 3 tarjetas");
    CHECK(commandName(Lang::Es, "Merge 4 participants") == "Combinar 4 participantes");
    CHECK(commandName(Lang::Es, "Something new") == "");   // shown without a name, never in English
}

TEST_CASE("the Spanish Edit menu names the step in Spanish", "[i18n][commands]") {
    test::Headless h(Lang::Es);
    const Map& m = h.map();
    h.app().document().execute(cmd::reorder(m, Collection::Lanes, m.lanes[0].id, 1));
    h.frames(2);
    h.clickWidget("Editar");
    h.frames(2);
    CHECK(app::widgets::find("Deshacer Mover carril") != nullptr);
    CHECK(app::widgets::find("Deshacer Move lane") == nullptr);
}

// A deletion has one verb in Spanish: the menu's "Eliminar", the notice's "Tarjeta eliminada" and
// the Edit menu's "Deshacer: Eliminar tarjeta" (not "Quitar tarjeta").
TEST_CASE("Spanish words deleting a card, stage, lane or persona with the Delete item's verb", "[i18n][commands]") {
    const Map m = exampleMap("es");
    const std::string verb = app::tr(Lang::Es, app::Text::Delete);
    REQUIRE(verb == "Eliminar");
    for (const Command& c : {cmd::removeCards(m, {m.cards[0].id}), cmd::removeCards(m, {m.cards[0].id, m.cards[1].id}),
                             cmd::removeStage(m, m.stages[0].id), cmd::removeLane(m, m.lanes[0].id),
                             cmd::removePersona(m, m.personas[0].id)}) {
        INFO(c.name);
        CHECK(commandName(Lang::Es, c.name).rfind(verb + " ", 0) == 0);
    }
}

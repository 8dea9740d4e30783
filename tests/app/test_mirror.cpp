// The screen reader's copy of the map (app/mirror.cpp): every card of the example map in its
// lane and stage, in order, worded in the UI's language, sent in bounded pieces and then only
// what changed; each edit, undo and redo announced.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "headless.hpp"
#include "labels.hpp"
#include "mirror.hpp"

using trayecto::test::Headless;
using namespace trayecto;
using nlohmann::json;

namespace {
// Every piece until none is left: the shape, and the cards of each (row, column) sent.
struct Received { json shape, grid, curves; std::map<std::pair<int, int>, json> cells; int pieces = 0; };
Received drain(app::Mirror& mirror, Headless& h, size_t maxCards) {
    Received got;
    for (bool more = true; more; ++got.pieces) {
        const json m = json::parse(mirror.next(h.app().document(), h.view(), ChangeCause::None, maxCards));
        if (!m["shape"].is_null()) got.shape = m["shape"];
        got.grid = m["grid"];
        got.curves = m["curves"];
        for (const json& c : m["cells"]) got.cells[{c["row"].get<int>(), c["column"].get<int>()}] = c["cards"];
        more = m["more"].get<bool>();
        REQUIRE(got.pieces < 1000);
    }
    return got;
}
}  // namespace

TEST_CASE("the mirror holds every card of the map in its cell, in order, in the UI's language") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Map& map = h.map();
        app::Mirror mirror;
        const Received got = drain(mirror, h, 10);
        CHECK(got.pieces > 3);   // ten cards a piece: several pieces
        const json& shape = got.shape;
        CHECK(got.grid == app::format(lang, app::Text::MirrorGrid, {map.meta.title}));
        REQUIRE(shape["stages"].size() == map.stages.size());
        size_t cards = 0, emotionLanes = 0;
        for (const Lane& l : map.lanes) emotionLanes += l.type == LaneType::Emotions;
        REQUIRE(shape["rows"].size() == map.lanes.size() - emotionLanes);
        for (size_t r = 0; r < shape["rows"].size(); ++r) {
            for (size_t s = 0; s < map.stages.size(); ++s) {
                std::vector<Id> expected;   // the map's cards of this cell, in the map's order
                for (const Card& c : map.cards)
                    if (c.laneId == shape["rows"][r]["id"] && c.stageId == map.stages[s].id) expected.push_back(c.id);
                std::vector<Id> ids;
                const auto cell = got.cells.find({static_cast<int>(r), static_cast<int>(s)});
                REQUIRE(cell != got.cells.end());   // every cell is sent, empty ones too
                for (const json& c : cell->second) {
                    ids.push_back(c["id"]);
                    const Card* card = findCard(map, c["id"].get<std::string>());
                    REQUIRE(card);
                    CHECK(c["text"] == card->text);
                    CHECK(c["about"].get<std::string>().rfind(app::label(lang, card->kind), 0) == 0);
                }
                CHECK(ids == expected);
                cards += ids.size();
            }
        }
        CHECK(cards == map.cards.size());
        REQUIRE(got.curves.size() == map.personas.size());
        CHECK(got.curves[0]["caption"] == app::format(lang, app::Text::MirrorCurve, {map.personas[0].name}));
        CHECK(got.curves[0]["values"].size() == map.stages.size());

        // Nothing changed: nothing more to send. One card edited: its cell alone.
        CHECK(drain(mirror, h, 10).cells.empty());
        Card edited = map.cards.front();
        edited.text = "Otra cosa";
        REQUIRE(!h.app().document().execute(cmd::replace(h.map(), edited, "Edit card text")));
        const Received after = drain(mirror, h, 10);
        CHECK(after.shape.is_null());
        REQUIRE(after.cells.size() == 1);
        CHECK(after.cells.begin()->second.dump().find("Otra cosa") != std::string::npos);
    }
}

TEST_CASE("the mirror says what an edit, an undo and a redo did, and where") {
    Headless h(app::Lang::Es);
    const Card card = h.map().cards.front();
    h.view().select(card.id);
    Card edited = card;
    edited.text = "Otra cosa";
    REQUIRE(!h.app().document().execute(cmd::replace(h.map(), edited, "Edit card text")));
    app::Mirror mirror;
    const auto said = [&](ChangeCause cause) {
        return json::parse(mirror.next(h.app().document(), h.view(), cause, 100000))["announce"].get<std::string>();
    };
    const std::string where = findStage(h.map(), card.stageId)->name + " · " + findLane(h.map(), card.laneId)->name;
    CHECK(said(ChangeCause::Edit) == "Editar el texto de la tarjeta en " + where);
    h.app().document().undo();
    CHECK(said(ChangeCause::Undo) == "Deshacer: Editar el texto de la tarjeta");
    h.app().document().redo();
    CHECK(said(ChangeCause::Redo) == "Rehacer: Editar el texto de la tarjeta");
    CHECK(said(ChangeCause::Open).empty());
}

TEST_CASE("what the page holds after each change's pieces is what a fresh mirror would send") {
    Headless h(app::Lang::En);
    Document& doc = h.app().document();
    app::Mirror kept;
    std::map<std::pair<int, int>, json> page;   // the page's cells, as the pieces left them
    const auto follow = [&] {
        const Received got = drain(kept, h, 7);
        if (!got.shape.is_null()) page.clear();
        for (const auto& [where, cards] : got.cells) page[where] = cards;
        app::Mirror fresh;
        const Received all = drain(fresh, h, 100000);
        CHECK(page == all.cells);
        CHECK(got.grid == all.grid);
        CHECK(got.curves == all.curves);
        return got.cells.size();
    };
    follow();
    Card typed = h.map().cards.front();
    typed.text += " y algo";
    REQUIRE(!doc.execute(cmd::replace(h.map(), typed, "Edit card text"), "typing"));
    CHECK(follow() == 1);   // typing: its cell alone
    Card voted = h.map().cards[3];
    voted.votes += 2;
    REQUIRE(!doc.execute(cmd::replace(h.map(), voted, "Vote")));
    CHECK(follow() == 1);
    Card moved = h.map().cards[5];
    const Id from = moved.stageId;
    moved.stageId = h.map().stages.back().id == from ? h.map().stages.front().id : h.map().stages.back().id;
    REQUIRE(!doc.execute(cmd::replace(h.map(), moved, "Move card")));
    CHECK(follow() == 2);   // the cell it left and the one it joined
    REQUIRE(!doc.execute(cmd::toggleMoment(h.map(), h.map().cards[7].id)));
    CHECK(follow() == 1);
    // The title, an emotion and a workshop setting: no cell, a new name and curves.
    MapMeta meta = h.map().meta;
    meta.title = "Otro título";
    REQUIRE(!doc.execute(cmd::setMeta(h.map(), meta)));
    CHECK(follow() == 0);
    REQUIRE(!doc.execute(cmd::setValence(h.map(), h.map().personas[0].id, h.map().stages[1].id, -3)));
    CHECK(follow() == 0);
    Workshop workshop = h.map().workshop;
    workshop.voting = !workshop.voting;
    REQUIRE(!doc.execute(cmd::setWorkshop(h.map(), workshop, "Voting")));
    CHECK(follow() == 0);
    // Cards deleted and added (one, two at once, at the end and inside a cell): their cells
    // alone, without looking at every card again.
    const size_t surveys = kept.fullSurveys();
    REQUIRE(!doc.execute(cmd::removeCards(h.map(), {h.map().cards[2].id})));
    CHECK(follow() == 1);
    REQUIRE(!doc.execute(cmd::removeCards(h.map(), {h.map().cards[0].id, h.map().cards.back().id})));
    follow();
    Card added = h.map().cards[4];
    added.id = "cd-added-inside";
    added.text = "Añadida dentro de la celda";
    REQUIRE(!doc.execute(cmd::addCard(h.map(), added, 0)));
    CHECK(follow() == 1);
    added.id = "cd-added-at-the-end";
    REQUIRE(!doc.execute(cmd::addCard(h.map(), added)));
    CHECK(follow() == 1);
    REQUIRE(!doc.execute(cmd::duplicateCards(h.map(), {h.map().cards[1].id})));
    follow();
    CHECK(kept.fullSurveys() == surveys);
    doc.undo();
    doc.undo();
    follow();
    h.app().setLanguage(app::Lang::Es);
    follow();
}

// Ids are opaque strings: one may hold a quote, a backslash, a newline, a tab or a NUL. Such a
// map (tests/fixtures/hostile-ids.json) goes load -> every export -> save -> load, through a merge
// and through the messages that name ids, and nothing mixes, breaks a line or loses a byte.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "csv_rows.hpp"
#include "fixtures.hpp"
#include "trayecto/commands.hpp"
#include "trayecto/export.hpp"
#include "i18n.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/report_html.hpp"

using namespace trayecto;
using trayecto::test::parseCsv;
using Catch::Matchers::Contains;

namespace {

Map hostileMap() {
    auto loaded = loadMap(test::readFixture("hostile-ids.json"));
    INFO((loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
}


// What a CSV cell holds for `text`: the text, or the text behind a ' when it starts like a formula.
bool cellHolds(const std::string& cell, const std::string& text) {
    return cell == text || cell == "'" + text;
}

bool oneLine(const std::string& message) {
    for (char c : message)
        if (static_cast<unsigned char>(c) < 0x20) return false;
    return true;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("hostile ids: the fixture holds every awkward byte and loads as it is", "[hostile-ids]") {
    const Map map = hostileMap();
    CHECK(checkInvariants(map).empty());
    CHECK(map.personas[0].id == std::string("pe \"q\" \\ \n\t\0 ñ", 15));
    CHECK(map.stages[0].id == "s\n1");
    CHECK(map.cards[1].id == std::string("cd\0nul", 6));
    CHECK(map.cards[5].id == "tp\t\"1\"");
    CHECK(map.moments[0].cardId == std::string("cd\0nul", 6));
    CHECK(findCard(map, std::string("cd\0nul", 6)) == &map.cards[1]);
    CHECK(findCard(map, "cd") == nullptr);   // a NUL is not the end of an id
}

TEST_CASE("hostile ids: save -> load -> save keeps every id byte for byte", "[hostile-ids]") {
    const Map map = hostileMap();
    const std::string saved = saveMap(map);
    const auto again = loadMap(saved);
    REQUIRE(again.ok());
    CHECK(saveMap(again.value()) == saved);
    CHECK(again.value().cards[1].id == map.cards[1].id);
    // Written by hand, read by a general JSON parser: the same ids.
    const auto json = nlohmann::json::parse(saved);
    CHECK(json["personas"][0]["id"].get<std::string>() == map.personas[0].id);
    CHECK(json["cards"][1]["id"].get<std::string>() == map.cards[1].id);
    CHECK(json["emotions"][0]["cardId"].get<std::string>() == "tp\t\"1\"");
}

TEST_CASE("hostile ids: the CSV keeps each id in its own cell", "[hostile-ids]") {
    const Map map = hostileMap();
    const auto rows = parseCsv(exportCsv(map));
    REQUIRE(rows.size() == map.cards.size() + 1);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == 29);
        const Card* card = nullptr;
        for (const Card& c : map.cards)
            if (cellHolds(rows[r][0], c.id)) card = &c;
        INFO("row " << r << ": " << rows[r][0]);
        REQUIRE(card != nullptr);
        CHECK(cellHolds(rows[r][1], card->stageId));
        CHECK(cellHolds(rows[r][4], card->laneId));
        CHECK(rows[r][2] == findStage(map, card->stageId)->name);
    }
    // The formula-like id is not a live formula.
    CHECK(rows[1][0] == "'=HYPERLINK(\"http://x\",\"y\")");
}

TEST_CASE("hostile ids: the HTML report keeps cards in their own cells and escapes every text", "[hostile-ids]") {
    const Map map = hostileMap();
    for (const char* lang : {"es", "en"}) {
        ReportOptions options;
        options.language = lang;
        const std::string html = exportHtmlReport(map, options);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<img") == std::string::npos);
        CHECK(html.find("<b>Stage") == std::string::npos);
        CHECK(html.find(std::string(1, '\0')) == std::string::npos);
        const std::string table = html.substr(html.find("<table class=\"map\">"));
        const std::string mapTable = table.substr(0, table.find("</table>"));
        for (const Card& c : map.cards) {
            INFO(c.text);
            CHECK(count(mapTable, htmlEscape(c.text)) == 1);
        }
    }
}

TEST_CASE("hostile ids: the Markdown report has no raw HTML and no link from them", "[hostile-ids]") {
    const Map map = hostileMap();
    for (const char* lang : {"es", "en"}) {
        ReportOptions options;
        options.language = lang;
        const std::string md = exportMarkdown(map, options);
        for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1))
            CHECK(md.compare(at, 4, "<br>") == 0);
        for (auto at = md.find("](javascript:"); at != std::string::npos; at = md.find("](javascript:", at + 1))
            CHECK(md[at - 1] == '\\');   // "\]": an escaped bracket, plain text
        CHECK(md.find(std::string(1, '\0')) == std::string::npos);
    }
}

TEST_CASE("hostile ids: a merge of participants' copies keeps the map sound", "[hostile-ids]") {
    const Map base = hostileMap();
    MergeParticipant ana{"ana.json", base};
    ana.map.cards[1].text = "card-B, edited by Ana";
    ana.map.cards.push_back(Card{});
    Card& added = ana.map.cards.back();
    added.id = std::string("new\n\0card\"", 10);
    added.stageId = "s\n1";
    added.laneId = "1\nl";
    added.text = "Ana's card";
    MergeParticipant ben{"ben\n\"file\".json", base};
    ben.map.cards[1].text = "card-B, edited by Ben";
    ben.map.cards.push_back(Card{});
    Card& clash = ben.map.cards.back();
    clash.id = std::string("new\n\0card\"", 10);   // the same new id for another card: renamed
    clash.stageId = "s";
    clash.laneId = "l";
    clash.text = "Ben's card";
    ben.map.emotions[0].valence = 1;
    auto merged = mergeMaps(base, {ana, ben});
    REQUIRE(merged.ok());
    const MergeResult& r = merged.value();
    CHECK(checkInvariants(r.map).empty());
    CHECK(findCard(r.map, std::string("new\n\0card\"", 10)) != nullptr);
    CHECK(findCard(r.map, std::string("new\n\0card\"-2", 12)) != nullptr);
    CHECK(r.conflicts.size() == 1);
    const std::string saved = saveMap(r.map);
    const auto again = loadMap(saved);
    REQUIRE(again.ok());
    CHECK(saveMap(again.value()) == saved);
    const std::string html = exportHtmlReport(r.map, {}, r.crowd);
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("hostile ids: messages name them on one line, NUL and all", "[hostile-ids]") {
    CHECK(jsonQuoted("cd-1") == "\"cd-1\"");
    CHECK(jsonQuoted(std::string("a\"b\\c\nd\te\0f\x7f", 12)) == "\"a\\\"b\\\\c\\nd\\te\\u0000f\\u007f\"");
    CHECK(jsonQuoted("ñandú") == "\"ñandú\"");
    for (const std::string& id : {std::string("a\nb"), std::string("x\0y", 3), std::string("q\"\\")}) {
        INFO(jsonQuoted(id));
        CHECK(nlohmann::json::parse(jsonQuoted(id)).get<std::string>() == id);
        // The loader's reference and duplicate errors.
        const std::string dangling = R"({"format": "trayecto-journey", "version": 1, "stages": [{"id": "s"}],
            "lanes": [{"id": "l"}], "cards": [{"id": "c", "stageId": )" + jsonQuoted(id) + R"(, "laneId": "l"}]})";
        const auto missing = loadMap(dangling);
        REQUIRE_FALSE(missing.ok());
        CHECK(oneLine(app::errorMessage(app::Lang::En, missing.error())));
        CHECK_THAT(app::errorMessage(app::Lang::En, missing.error()), Contains(jsonQuoted(id)));
        const std::string twice = R"({"format": "trayecto-journey", "version": 1, "stages": [{"id": )" +
                                  jsonQuoted(id) + R"(}], "lanes": [{"id": )" + jsonQuoted(id) + "}]}";
        const auto duplicate = loadMap(twice);
        REQUIRE_FALSE(duplicate.ok());
        CHECK(oneLine(app::errorMessage(app::Lang::En, duplicate.error())));
        CHECK_THAT(app::errorMessage(app::Lang::En, duplicate.error()), Contains(jsonQuoted(id)));
        // The invariants' problems.
        Map map;
        map.cards.push_back(Card{});
        map.cards.back().id = id;
        map.cards.back().stageId = id;
        for (const std::string& p : checkInvariants(map)) {
            CHECK(oneLine(p));
            CHECK_THAT(p, Contains(jsonQuoted(id)));
        }
        // A command on a missing id.
        Map empty;
        Command remove{"Remove", {edit::Erase{Collection::Cards, id}}};
        const ApplyOutcome outcome = applyCommand(empty, remove);
        REQUIRE_FALSE(outcome.ok);
        CHECK(oneLine(outcome.error));
        CHECK_THAT(outcome.error, Contains(jsonQuoted(id)));
    }
}

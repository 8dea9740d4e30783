// Hostile files through the app, as a user would open, export and merge them: the UI uses the
// same core (loader, exports), and these tests hold it to the same answers as the CLI's.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "headless.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using trayecto::test::readFixture;
using namespace trayecto;

TEST_CASE("the app's exports of a map with formula and markup texts and awkward ids are safe") {
    Headless h;
    REQUIRE(h.app().loadMapJson(readFixture("hostile-ids.json")).ok);
    const std::string csv = h.app().exportText("csv");
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") != std::string::npos);
    CHECK(csv.find(",'@SUM(1),") != std::string::npos);
    CHECK(csv.find(",'-2+3,") != std::string::npos);
    CHECK(csv.find("\r\n=") == std::string::npos);
    const std::string md = h.app().exportText("md");
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("# Ids hostiles &lt;script&gt;") != std::string::npos);
    const std::string html = h.app().exportText("html");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
}

TEST_CASE("the app refuses a NUL-padded, UTF-16 or mislabelled file with the core's message") {
    Headless h;
    const std::string before = saveMap(h.map());
    const std::pair<const char*, const char*> cases[] = {
        {"bad/nul-after-map.json", "at byte 83: The file has a zero (NUL) byte"},
        {"bad/utf16le-bom.json", "The file is UTF-16 LE (little-endian) text; a journey map must be saved as UTF-8"},
        {"bad/utf32be.json", "The file is UTF-32 BE (big-endian) text"},
        {"bad/v1-labelled-v0.json", "at /emotions/0/valence: This file says it is version 0"},
        {"bad/v0-two-titles.json", "at /title: This version 0 file has two different values for \"title\""},
    };
    for (const auto& [file, message] : cases) {
        INFO(file);
        const auto outcome = h.app().loadMapJson(readFixture(file));
        CHECK_FALSE(outcome.ok);
        CHECK(outcome.error.find(message) != std::string::npos);
        CHECK(saveMap(h.map()) == before);
    }
    const std::string error = h.app().mergeParticipantFiles({{"padded.json", readFixture("bad/nul-after-map.json")}});
    CHECK(error.find("padded.json") == 0);
    CHECK(error.find("zero (NUL) byte") != std::string::npos);
    CHECK(saveMap(h.map()) == before);
}

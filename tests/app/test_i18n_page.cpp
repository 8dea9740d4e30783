// What the app hands the page and the exports in the user's language: a bad file's message, the
// CSV (and its dialect, chosen in Export → CSV format), merge conflicts' field names.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "labels.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;
using Catch::Contains;

TEST_CASE("opening a bad map says what is wrong in the UI's language", "[i18n][app]") {
    const std::string bad = R"({"format": "trayecto-journey", "version": 1, "stages": {}})";
    test::Headless en(app::Lang::En);
    CHECK(en.app().loadMapJson(bad, app::App::MapSource::File).error == "at /stages: Expected a list here, but found an object.");
    test::Headless es(app::Lang::Es);
    CHECK(es.app().loadMapJson(bad, app::App::MapSource::File).error == "en /stages: Aquí se esperaba una lista, pero hay un objeto.");
}

TEST_CASE("the CSV follows the UI's language, and Export → CSV format chooses its dialect", "[i18n][app][csv]") {
    test::Headless h(app::Lang::Es);
    h.app().loadMapJson(saveMap(exampleMap("es")), app::App::MapSource::File);
    std::string csv = h.app().exportText("csv");
    CHECK(csv.rfind("\xEF\xBB\xBFID de tarjeta;ID de etapa;", 0) == 0);
    CHECK_THAT(csv, Contains(";Pre-compra;"));

    // Map → Export → CSV format → Commas: the same Spanish CSV, comma-separated, no BOM.
    REQUIRE(h.clickWidget(app::tr(app::Lang::Es, app::Text::MenuMap)));
    REQUIRE(h.clickWidget(app::tr(app::Lang::Es, app::Text::Export)));
    REQUIRE(h.clickWidget("##csv-format"));
    REQUIRE(h.clickWidget("##csv-comma"));
    csv = h.app().exportText("csv");
    CHECK(csv.rfind("ID de tarjeta,ID de etapa,", 0) == 0);

    h.app().setLanguage(app::Lang::En);
    h.view().csvSeparator.reset();   // back to the language's own
    csv = h.app().exportText("csv");
    CHECK(csv.rfind("Card ID,Stage ID,Stage,Phase,", 0) == 0);
    CHECK_THAT(csv, Contains(",Pre-purchase,"));
}

TEST_CASE("merge conflicts name the field, and custom moments their own type, in the UI's language", "[i18n][app]") {
    CHECK(app::fieldLabel(app::Lang::Es, "text") == "Texto");
    CHECK(app::fieldLabel(app::Lang::En, "touchpoint/expectation") == "Expectation");
    CHECK(app::fieldLabel(app::Lang::Es, "meta/title") == "Título del mapa");
    CHECK(app::fieldLabel(app::Lang::Es, "x-unknown") == "x-unknown");
    MomentOfTruth m;
    m.type = MotType::Custom;
    CHECK(app::momentTypeName(app::Lang::En, m) == "Custom");
    m.customType = "Momento final";
    CHECK(app::momentTypeName(app::Lang::En, m) == "Momento final");
}

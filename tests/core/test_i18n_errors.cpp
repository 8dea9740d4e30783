// The core's errors are codes with arguments; the UI's catalogue words them in Spanish and in
// English (app/i18n_errors.hpp). And the page's texts come from the same catalogue.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "i18n.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;
using app::describe;
using app::Lang;
using Catch::Contains;

namespace {

const LoadErrorCode kCodes[] = {
#define TRAYECTO_TEST_CODE(code) LoadErrorCode::code,
    TRAYECTO_LOAD_ERROR_CODES(TRAYECTO_TEST_CODE)
#undef TRAYECTO_TEST_CODE
};

const ErrorWord kWords[] = {
#define TRAYECTO_TEST_WORD(word) ErrorWord::word,
    TRAYECTO_ERROR_WORDS(TRAYECTO_TEST_WORD)
#undef TRAYECTO_TEST_WORD
};

}  // namespace

TEST_CASE("every error code has a sentence in English and another in Spanish", "[i18n][errors]") {
    for (const LoadErrorCode code : kCodes) {
        const LoadError error{code, "", {"A1", "A2", "A3", "A4"}};
        const std::string en = app::errorMessage(Lang::En, error);
        const std::string es = app::errorMessage(Lang::Es, error);
        INFO(loadErrorCodeName(code) << "\n  en: " << en << "\n  es: " << es);
        CHECK(en != es);
        for (const std::string& s : {en, es}) {
            CHECK(s.find('{') == std::string::npos);   // every placeholder filled
            CHECK(s.back() == '.');
            CHECK(std::islower(static_cast<unsigned char>(s[0])) == 0);   // a capital, a quote or a digit
        }
    }
    for (const ErrorWord word : kWords) {   // every word worded, both ways
        const LoadError error{LoadErrorCode::WrongType, "", {word, word}};
        CHECK(app::errorMessage(Lang::En, error).find(errorWordName(word)) == std::string::npos);
    }
}

TEST_CASE("a bad map's error is worded in the UI's language, with where it is", "[i18n][errors]") {
    const Result<Map> loaded = loadMap(test::readFixture("analysis-bad.json"));
    REQUIRE_FALSE(loaded.ok());
    const LoadError& e = loaded.error();
    CHECK(e.code == LoadErrorCode::MissingReference);
    CHECK(e.path == "/cards/0/stageId");
    CHECK(describe(Lang::En, e) == "at /cards/0/stageId: The card refers to the stage \"st-9\", which does not exist.");
    CHECK(describe(Lang::Es, e) == "en /cards/0/stageId: La tarjeta nombra la etapa \"st-9\", que no existe.");

    // A missing field and a wrong kind of value, whose words are the catalogue's too.
    const std::string head = R"({"format": "trayecto-journey", "version": 1, )";
    const LoadError missing = loadMap(head + R"("stages": [{"id": "s"}], "lanes": [], "cards": [{"id": "c", "laneId": "l"}]})").error();
    CHECK(describe(Lang::En, missing) == "at /cards/0/stageId: The card has no \"stageId\", which is required.");
    CHECK(describe(Lang::Es, missing) == "en /cards/0/stageId: La tarjeta no tiene «stageId», que es obligatorio.");
    const LoadError wrongType = loadMap(head + R"("stages": {}})").error();
    CHECK(describe(Lang::Es, wrongType) == "en /stages: Aquí se esperaba una lista, pero hay un objeto.");
    const LoadError syntax = loadMap(test::readFixture("bad/syntax-error.json")).error();
    CHECK_THAT(describe(Lang::Es, syntax), Contains("El archivo no es JSON válido en la línea 3, columna 16."));
    CHECK_THAT(describe(Lang::Es, syntax), Contains("en el byte "));
}

TEST_CASE("no bad file's Spanish error holds its English sentence", "[i18n][errors]") {
    const auto manifest = nlohmann::json::parse(test::readFixture("bad/manifest.json"));
    int checked = 0;
    for (const auto& c : manifest.at("cases")) {
        if (!c.contains("file")) continue;
        const Result<Map> loaded = loadMap(test::readFixture("bad/" + c.at("file").get<std::string>()));
        REQUIRE_FALSE(loaded.ok());
        const std::string english = c.at("message").get<std::string>();
        const std::string en = describe(Lang::En, loaded.error());
        const std::string es = describe(Lang::Es, loaded.error());
        INFO(c.at("file").get<std::string>() << "\n  en: " << en << "\n  es: " << es);
        CHECK_THAT(en, Contains(english));
        CHECK_THAT(es, !Contains(english));
        for (const char* word : {" the ", "The ", " is not ", " must ", "Expected"}) CHECK_THAT(es, !Contains(word));
        ++checked;
    }
    CHECK(checked >= 20);
}

TEST_CASE("the page's catalogue is the app's, in each language", "[i18n][page]") {
    const auto en = nlohmann::json::parse(app::catalogueJson(Lang::En));
    const auto es = nlohmann::json::parse(app::catalogueJson(Lang::Es));
    CHECK(en.size() == static_cast<size_t>(app::Text::Count));
    CHECK(en.at("PageMyMaps") == "My maps");
    CHECK(es.at("PageMyMaps") == "Mis mapas");
    CHECK(es.at("PageUnsavedTitle") == "¿Abrir otro mapa?");
    CHECK(en.at("Close") == app::tr(Lang::En, app::Text::Close));
    CHECK(app::format(Lang::Es, app::Text::PageOpenFailed, {"x.json", "Motivo."}) ==
          "«x.json» no es un mapa que Trayecto pueda abrir. Motivo. El mapa que tenías abierto no ha cambiado.");
}

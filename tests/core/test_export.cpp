// CSV and Markdown exports: quoting rules, structure, and golden files in
// tests/fixtures/golden/. After an intended change to an export, regenerate the golden files
// with TRAYECTO_UPDATE_GOLDEN=1 ./trayecto_core_tests "[export]" and review the diff.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "fixtures.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/export.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;

namespace {

Map smallMap() {
    auto loaded = loadMap(test::readFixture("analysis-small.json"));
    INFO((loaded ? std::string() : loaded.error().describe()));
    REQUIRE(loaded.ok());
    return loaded.value();
}

// Splits RFC 4180 text into rows of fields (quoted fields may hold commas, quotes, line breaks).
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty() && field.empty()) rows.pop_back();
    return rows;
}

// Compares with a golden file, reporting the first differing line; or rewrites the file when
// TRAYECTO_UPDATE_GOLDEN is set.
void checkGolden(const std::string& name, const std::string& actual) {
    const std::string path = test::fixturePath("golden/" + name);
    if (std::getenv("TRAYECTO_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("updated " << path);
        return;
    }
    const std::string expected = test::readFixture("golden/" + name);
    if (expected == actual) return;
    std::size_t line = 1, at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) {
        if (expected[at] == '\n') ++line;
        ++at;
    }
    auto lineAround = [&](const std::string& s) {
        const std::size_t begin = s.rfind('\n', at == 0 ? 0 : at - 1);
        const std::size_t from = begin == std::string::npos ? 0 : begin + 1;
        return s.substr(from, s.find('\n', from) - from);
    };
    FAIL(name << " differs from the golden file at line " << line << "\n expected: "
              << lineAround(expected) << "\n   actual: " << lineAround(actual));
}

}  // namespace

TEST_CASE("csvField quotes only when RFC 4180 requires it", "[export]") {
    CHECK(csvField("plain text") == "plain text");
    CHECK(csvField("") == "");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
    CHECK(csvField("cr\rhere") == "\"cr\rhere\"");
    CHECK(csvField("ñandú «sí»") == "ñandú «sí»");
}

TEST_CASE("the CSV has a header and one well-formed row per card", "[export]") {
    const Map map = smallMap();
    const std::string csv = exportCsv(map);
    const auto rows = parseCsv(csv);
    REQUIRE(rows.size() == map.cards.size() + 1);
    CHECK(rows[0].size() == 29);
    CHECK(rows[0][0] == "card_id");
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    // Stage order, then lane order: st-1's action note comes first.
    CHECK(rows[1][0] == "cd-note");
    CHECK(rows[1][7] == "Pregunta: \"¿hay talla 44?\", y espera\nrespuesta");
    CHECK(rows[1][8] == "Ñandú, acentos: áéíóú");
    CHECK(csv.substr(csv.size() - 2) == "\r\n");
    // The store touchpoint carries every touchpoint column and persona names.
    const auto store = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r[0] == "cd-store"; });
    REQUIRE(store != rows.end());
    const auto& r = *store;
    CHECK(r[2] == "Compra");
    CHECK(r[3] == "purchase");
    CHECK(r[10] == "pe-a; pe-b");
    CHECK(r[11] == "Ana; Beto");
    CHECK(r[13] == "store");
    CHECK(r[14] == "personal");
    CHECK(r[15] == "brand");
    CHECK(r[16] == "true");
    CHECK(r[17] == "emotional; behavioural");
    CHECK(r[20] == "-3");
    CHECK(r[21] == "CSAT 3.1/5 (target 4.5/5) | Tiempo en cola 12 min (target 5 min)");
}

TEST_CASE("the CSV can start with a byte-order mark", "[export]") {
    CsvOptions options;
    options.byteOrderMark = true;
    const std::string csv = exportCsv(Map{}, options);
    CHECK(csv.rfind("\xEF\xBB\xBF" "card_id,", 0) == 0);
    CHECK(exportCsv(Map{}).rfind("card_id,", 0) == 0);
}

TEST_CASE("labels exist in both languages", "[export]") {
    CHECK(languageFor("es") == Language::Spanish);
    CHECK(languageFor("es-AR") == Language::Spanish);
    CHECK(languageFor("en") == Language::English);
    CHECK(languageFor("") == Language::English);
    CHECK(label(Phase::PostPurchase, Language::Spanish) == "Post-compra");
    CHECK(label(Channel::Phone, Language::Spanish) == "Teléfono");
    CHECK(label(Channel::Phone, Language::English) == "Phone");
    CHECK(label(MotState::AtRisk, Language::Spanish) == "En riesgo");
    CHECK(label(TouchpointOwner::SocialExternal, Language::English) == "Social / external");
}

TEST_CASE("the Markdown report has every section", "[export]") {
    const std::string es = exportMarkdown(smallMap());
    for (const char* heading : {"# Fixture de análisis\n", "## Personas\n", "## Etapas\n", "### Pre-compra\n",
                                "## Curva emocional\n", "## Momentos de la verdad\n",
                                "## Mayores brechas entre expectativa y experiencia\n",
                                "## Puntos de dolor\n", "### Por votos\n", "### Por impacto/esfuerzo\n",
                                "## Oportunidades\n", "## Cobertura de canales por etapa\n"}) {
        INFO(heading);
        CHECK(es.find(heading) != std::string::npos);
    }
    CHECK(es.find("Chat \\| asesor") != std::string::npos);   // pipes escaped in tables
    ReportOptions english;
    english.language = "en";
    const std::string en = exportMarkdown(smallMap(), english);
    CHECK(en.find("## Emotional curve\n") != std::string::npos);
    CHECK(en.find("Average valence: +1.2 (3 of 3 stages)") != std::string::npos);
    CHECK(es.find("Valencia media: +1,2 (3 de 3 etapas)") != std::string::npos);
}

TEST_CASE("exports match the golden files", "[export][golden]") {
    const Map small = smallMap();
    checkGolden("analysis-small.csv", exportCsv(small));
    checkGolden("analysis-small.es.md", exportMarkdown(small));
    ReportOptions english;
    english.language = "en";
    checkGolden("analysis-small.en.md", exportMarkdown(small, english));
    checkGolden("example-es.md", exportMarkdown(exampleMap("es")));
    checkGolden("example-en.md", exportMarkdown(exampleMap("en")));
    checkGolden("example-en.csv", exportCsv(exampleMap("en")));
}

// CSV and Markdown exports: quoting rules, structure, and golden files in
// tests/fixtures/golden/. After an intended change to an export, regenerate the golden files
// with TRAYECTO_UPDATE_GOLDEN=1 ./trayecto_core_tests "[export]" and review the diff.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "csv_rows.hpp"
#include "fixtures.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/export.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;
using trayecto::test::parseCsv;

namespace {

Map smallMap() {
    auto loaded = loadMap(test::readFixture("analysis-small.json"));
    INFO((loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
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

namespace {

// The payloads of the CSV-injection issue: each formula bare, after a tab and after a CR.
std::vector<std::string> formulaPayloads() {
    const std::vector<std::string> formulas = {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0",
                                               "@SUM(1)", "-2+3"};
    std::vector<std::string> out;
    for (const char* prefix : {"", "\t", "\r"})
        for (const std::string& f : formulas) out.push_back(std::string(prefix) + f);
    out.push_back("\t\r=1+1");
    return out;
}

// Cells that start like a formula but are not one, or are plain numbers.
const char* const kFormulaVariants[] = {"=", "+", "-", "@", "\t", "\r", "=1+1", "-A1", "+1-1", "-3 ",
                                        "- 3", "--3", "-.", "+-3", "-3e", "-1e+", "@@", "==1", "-inf",
                                        "-nan", "=-3", "-0x10", "\t-3", "\r\n=1", "-3,5", "+4.5.1"};
const char* const kRealNumbers[] = {"-3", "+4.5", "0", "-0", "-0.5", ".5", "-.5", "5.", "1e-3",
                                    "-2E+10", "+7", "42"};

bool startsLikeFormula(const std::string& cell) {
    return !cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos;
}

}  // namespace

TEST_CASE("CSV fields never start a live formula, and real numbers stay numbers", "[export][csv-injection]") {
    const auto payloads = formulaPayloads();
    REQUIRE(payloads.size() == 13);
    int neutralised = 0;
    auto check = [&](const std::string& text) {
        INFO("field: " << text);
        const auto rows = parseCsv(csvField(text) + "\r\n");
        REQUIRE(rows.size() == 1);
        REQUIRE(rows[0].size() == 1);
        CHECK(rows[0][0] == "'" + text);   // shown as the text it is, not run
        neutralised += rows[0][0] == "'" + text ? 1 : 0;
    };
    for (const std::string& p : payloads) check(p);
    for (const char* v : kFormulaVariants) check(v);
    CHECK(neutralised == int(payloads.size() + std::size(kFormulaVariants)));
    for (const char* n : kRealNumbers) {
        INFO("number: " << n);
        CHECK(csvField(n) == n);
    }
    // Text that merely contains those characters is left alone.
    CHECK(csvField("a=b") == "a=b");
    CHECK(csvField("1+1") == "1+1");
    CHECK(csvField(" =1") == " =1");
    CHECK(csvField("'=1") == "'=1");
    CHECK(csvField("x@y") == "x@y");
    // Quoting still applies after the ' is added.
    CHECK(csvField("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csvField("\r=1") == "\"'\r=1\"");
}

TEST_CASE("the CSV export of a map full of formulas has no live formula", "[export][csv-injection]") {
    Map map = smallMap();
    std::vector<std::string> texts = formulaPayloads();
    for (const char* v : kFormulaVariants) texts.emplace_back(v);
    std::size_t next = 0;
    auto payload = [&] { return texts[next++ % texts.size()]; };
    for (Stage& s : map.stages) s.name = payload();
    for (Lane& l : map.lanes) l.name = payload();
    for (Persona& p : map.personas) p.name = payload();
    for (Card& c : map.cards) {
        c.text = payload();
        c.notes = payload();
        if (c.touchpoint)
            for (Metric& m : c.touchpoint->metrics) { m.type = MetricType::Custom; m.name = payload(); }
        if (c.improvement) c.improvement->owner = payload();
        if (c.backstage) { c.backstage->owner = payload(); c.backstage->systems = payload(); }
    }
    const std::string csv = exportCsv(map);
    const auto rows = parseCsv(csv);
    REQUIRE(rows.size() == map.cards.size() + 1);
    int cells = 0, numbers = 0;
    for (const auto& row : rows) {
        REQUIRE(row.size() == 29);
        for (const std::string& cell : row) {
            INFO("cell: " << cell);
            ++cells;
            if (!startsLikeFormula(cell)) continue;
            // Only our own signed numbers (the gap column) may begin with a sign.
            CHECK(std::regex_match(cell, std::regex(R"([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)")));
            ++numbers;
        }
    }
    CHECK(cells > 200);
    CHECK(numbers > 0);   // the gaps (-3, -2…) are still numbers
    const auto store = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r[0] == "cd-store"; });
    REQUIRE(store != rows.end());
    CHECK((*store)[20] == "-3");
    CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"") != std::string::npos);
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

namespace {

// Text meant to run script or smuggle a link through a Markdown renderer.
const char* const kMarkdownPayloads[] = {
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[click](javascript:alert(3))",
    "<javascript:alert(4)>", "[x]: javascript:alert(5)", "[JS](JavaScript:alert(6))",
    "[data](data:text/html;base64,PHNjcmlwdD4=)", "[vb](vbscript:msgbox(7))",
    "![img](https://example.com/x.png)", "&lt;script&gt;", "`<b>`", "\\[x](javascript:alert(8))",
    "<a href=\"javascript:alert(9)\">a</a>", "[a](https://ok.example/ \"t\")", "x <!-- y", "<?php ?>",
    "[nested [x](javascript:1)](https://example.com)"};

// Targets of the links a Markdown text makes: "](target)" with the "]" not escaped.
std::vector<std::string> linkTargets(const std::string& md) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 1 < md.size(); ++i) {
        if (md[i] == '\\') { ++i; continue; }
        if (md[i] != ']' || md[i + 1] != '(') continue;
        const std::size_t end = md.find(')', i + 2);
        out.push_back(md.substr(i + 2, end == std::string::npos ? std::string::npos : end - i - 2));
    }
    return out;
}

// Whether `what` occurs in the Markdown text outside a backslash escape.
bool hasUnescaped(const std::string& md, const std::string& what) {
    for (std::size_t i = 0; i < md.size(); ++i) {
        if (md.compare(i, what.size(), what) == 0) return true;
        if (md[i] == '\\') ++i;
    }
    return false;
}

}  // namespace

TEST_CASE("the Markdown report writes user text as text: no HTML, no unsafe link", "[export][markdown-escape]") {
    Map map = smallMap();
    std::size_t next = 0;
    auto payload = [&] { return std::string(kMarkdownPayloads[next++ % std::size(kMarkdownPayloads)]); };
    for (int round = 0; round < int(std::size(kMarkdownPayloads)); ++round) {
        INFO("round " << round);
        next = std::size_t(round);
        map.meta.title = payload();
        map.meta.description = payload() + "\n" + payload();
        map.meta.scope = map.meta.author = map.meta.modified = payload();
        for (Persona& p : map.personas) {
            p.name = payload();
            p.description = p.goals = p.needs = p.expectations = p.frustrations = p.quote = payload();
        }
        for (Stage& s : map.stages) { s.name = payload(); s.description = payload(); }
        for (Card& c : map.cards) {
            c.text = payload() + "\n" + payload();
            if (c.improvement) c.improvement->owner = payload();
        }
        for (Emotion& e : map.emotions) e.feeling = payload();
        for (MomentOfTruth& m : map.moments) {
            m.name = m.reason = payload();
            m.type = MotType::Custom;
            m.customType = payload();
        }
        for (const char* lang : {"es", "en"}) {
            ReportOptions options;
            options.language = lang;
            const std::string md = exportMarkdown(map, options);
            // The only "<" are the report's own line breaks in table cells.
            for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
                INFO("at: " << md.substr(at, 40));
                CHECK(md.compare(at, 4, "<br>") == 0);
            }
            for (const std::string& target : linkTargets(md)) {
                INFO("link target: " << target);
                CHECK((target.rfind("https://", 0) == 0 || target.rfind("mailto:", 0) == 0));
            }
            CHECK_FALSE(hasUnescaped(md, "!["));
            CHECK(md.find("\n[x]:") == std::string::npos);
        }
    }
}

TEST_CASE("the Markdown report escapes user text exactly and keeps safe links", "[export][markdown-escape]") {
    const std::pair<const char*, const char*> cases[] = {
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"Tom & Jerry", "Tom &amp; Jerry"},
        {"&lt;b&gt;", "&amp;lt;b&amp;gt;"},
        {"[click](javascript:alert(3))", "\\[click\\](javascript:alert(3))"},
        {"[JS](JavaScript:alert(6))", "\\[JS\\](JavaScript:alert(6))"},
        {"<javascript:alert(4)>", "&lt;javascript:alert(4)&gt;"},
        {"`code`", "\\`code\\`"},
        {"back\\slash", "back\\\\slash"},
        {"\\[x](javascript:1)", "\\\\\\[x\\](javascript:1)"},
        {"see [the docs](https://example.com/a?b=1&c=2) now", "see [the docs](https://example.com/a?b=1&amp;c=2) now"},
        {"[write](mailto:cx@example.com)", "[write](mailto:cx@example.com)"},
        {"[web](HTTP://example.com)", "[web](HTTP://example.com)"},
        {"[<b>](https://example.com)", "[&lt;b&gt;](https://example.com)"},
        {"![img](https://example.com/x.png)", "\\![img](https://example.com/x.png)"},
        {"[spaced](https://example.com/a b)", "\\[spaced\\](https://example.com/a b)"},
        {"[quote](https://example.com/\"onclick)", "\\[quote\\](https://example.com/\"onclick)"},
        {"ñandú «sí» 3 > 2", "ñandú «sí» 3 &gt; 2"},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        Map map;
        map.meta.title = text;
        const std::string md = exportMarkdown(map);
        CHECK(md.rfind("# " + std::string(expected) + "\n", 0) == 0);
    }
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

TEST_CASE("CSV for a Spanish spreadsheet: semicolons, a BOM, headers and values in Spanish", "[export][csv][i18n]") {
    Map map = exampleMap("es");
    const std::string csv = exportCsv(map, csvOptionsFor(Language::Spanish));
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    const std::string header = csv.substr(3, csv.find("\r\n") - 3);
    CHECK(header.rfind("ID de tarjeta;ID de etapa;Etapa;Fase;", 0) == 0);
    CHECK(header.find(',') == std::string::npos);
    CHECK_THAT(csv, Catch::Contains(";Pre-compra;"));
    CHECK_THAT(csv, !Catch::Contains("pre-purchase"));
    CHECK_THAT(csv, !Catch::Contains("in-person"));
    CHECK_THAT(csv, Catch::Contains(";Sí;"));
    const auto rows = parseCsv(csv.substr(3), ';');
    REQUIRE(rows.size() == map.cards.size() + 1);
    for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    // A field holding the separator is quoted; a decimal is written with a comma.
    map.cards[0].text = "uno; dos";
    Metric metric;
    metric.type = MetricType::Csat;
    metric.value = 3.5;
    metric.target = 4.25;
    metric.unit = "/5";
    map.cards[0].kind = CardKind::Touchpoint;
    map.cards[0].touchpoint = TouchpointInfo{};
    map.cards[0].touchpoint->metrics = {metric};
    const std::string edited = exportCsv(map, csvOptionsFor(Language::Spanish));
    CHECK_THAT(edited, Catch::Contains("\"uno; dos\""));
    CHECK_THAT(edited, Catch::Contains("CSAT 3,5/5 (objetivo 4,25/5)"));
}

TEST_CASE("CSV for an English spreadsheet: commas, no BOM, headers and values in English", "[export][csv][i18n]") {
    const Map map = exampleMap("en");
    const std::string csv = exportCsv(map, csvOptionsFor(Language::English));
    CHECK(csv.rfind("Card ID,Stage ID,Stage,Phase,", 0) == 0);
    CHECK_THAT(csv, Catch::Contains(",Pre-purchase,"));
    CHECK_THAT(csv, !Catch::Contains(",pre-purchase,"));
    CHECK_THAT(csv, !Catch::Contains("in-person"));
    CsvOptions semicolons = csvOptionsFor(Language::English);
    semicolons.separator = CsvSeparator::Semicolon;   // either language may choose either dialect
    CHECK(exportCsv(map, semicolons).rfind("Card ID;Stage ID;", 0) == 0);
    // For programs (no language): the format's names and spellings, as before.
    CHECK(exportCsv(map).rfind("card_id,stage_id,stage,phase,", 0) == 0);
}

// The standalone HTML report: golden files of tests/fixtures/merge/workshop.json in Spanish and
// English, escaping of untrusted text, self-containment, the accessibility structure (headings,
// captions, header scopes, labelled SVG), balanced markup, and the crowd band. After an
// intended change, regenerate the golden files with
// TRAYECTO_UPDATE_GOLDEN=1 ./trayecto_core_tests "[report-html]" and review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <set>

#include "fixtures.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/format.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/report_html.hpp"

using namespace trayecto;
using Catch::Matchers::Contains;

namespace {

Map fixture(const std::string& name) {
    auto loaded = loadMap(test::readFixture(name));
    INFO(name << ": " << (loaded ? std::string() : loaded.error().debugText()));
    REQUIRE(loaded.ok());
    return loaded.value();
}

void checkGolden(const std::string& name, const std::string& actual) {
    const std::string path = test::fixturePath("golden/" + name);
    if (std::getenv("TRAYECTO_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    const std::string expected = test::readFixture("golden/" + name);
    if (expected == actual) return;
    std::size_t at = 0, lineNo = 1;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) {
        if (expected[at] == '\n') ++lineNo;
        ++at;
    }
    INFO(name << " differs first at line " << lineNo << "\nexpected: "
              << expected.substr(at, 120) << "\nactual:   " << actual.substr(at, 120));
    CHECK(expected == actual);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The tag names of an HTML text in order, with "/" before closing ones; self-closing SVG tags
// and void elements are left out. Comments and the doctype are skipped.
std::vector<std::string> tags(const std::string& html) {
    std::vector<std::string> out;
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        if (html.compare(at, 2, "<!") == 0) continue;
        const std::size_t end = html.find('>', at);
        REQUIRE(end != std::string::npos);
        if (html[end - 1] == '/') continue;   // <circle ... />
        const bool closing = html[at + 1] == '/';
        std::size_t nameEnd = at + (closing ? 2 : 1);
        while (nameEnd < end && html[nameEnd] != ' ' && html[nameEnd] != '>') ++nameEnd;
        const std::string name = html.substr(at + (closing ? 2 : 1), nameEnd - at - (closing ? 2 : 1));
        if (name == "meta" || name == "col" || name == "br") continue;
        out.push_back((closing ? "/" : "") + name);
    }
    return out;
}

// Every element closes in the right order; returns the first problem or "".
std::string unbalanced(const std::string& html) {
    std::vector<std::string> open;
    for (const std::string& t : tags(html)) {
        if (t[0] != '/') {
            open.push_back(t);
            continue;
        }
        if (open.empty() || open.back() != t.substr(1)) return "unexpected </" + t.substr(1) + ">";
        open.pop_back();
    }
    return open.empty() ? std::string() : "unclosed <" + open.back() + ">";
}

// Values of an attribute across the text: name="value".
std::vector<std::string> attributeValues(const std::string& html, const std::string& name) {
    std::vector<std::string> values;
    const std::string key = " " + name + "=\"";
    for (auto at = html.find(key); at != std::string::npos; at = html.find(key, at + 1)) {
        const std::size_t start = at + key.size();
        values.push_back(html.substr(start, html.find('"', start) - start));
    }
    return values;
}

}  // namespace

TEST_CASE("report-html: golden files of the workshop map", "[report-html]") {
    const Map map = fixture("merge/workshop.json");
    checkGolden("workshop.es.html", exportHtmlReport(map));
    ReportOptions en;
    en.language = "en";
    checkGolden("workshop.en.html", exportHtmlReport(map, en));
}

TEST_CASE("report-html: map text is escaped everywhere", "[report-html]") {
    Map map = fixture("merge/workshop.json");
    const std::string evil = "<script>alert(\"x\")</script> & 'y'";
    map.meta.title = evil;
    map.meta.description = evil;
    map.meta.created = evil;
    map.personas[0].name = evil;
    map.personas[0].quote = evil;
    map.stages[0].name = evil;
    map.lanes[0].name = evil;
    for (Card& c : map.cards) c.text = evil;
    for (MomentOfTruth& m : map.moments) m.name = m.reason = evil;
    for (Emotion& e : map.emotions) e.feeling = evil;
    const std::string html = exportHtmlReport(map);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("alert(\"x\")") == std::string::npos);
    CHECK_THAT(html, Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"));
    CHECK(unbalanced(html).empty());
    CHECK(htmlEscape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
    CHECK(htmlEscape("ñandú «sí»") == "ñandú «sí»");
}

TEST_CASE("report-html: the map table keeps cells apart whatever the ids hold", "[report-html]") {
    // "s\n1" + "l" and "s" + "1\nl" once made the same cell key.
    auto loaded = loadMap(R"({"format": "trayecto-journey", "version": 1,
        "stages": [{"id": "s\n1", "name": "S-one"}, {"id": "s", "name": "S-two"}],
        "lanes": [{"id": "l", "name": "L-one"}, {"id": "1\nl", "name": "L-two"}],
        "cards": [{"id": "a", "stageId": "s\n1", "laneId": "l", "text": "card-A"},
                  {"id": "b", "stageId": "s", "laneId": "1\nl", "text": "card-B"},
                  {"id": "c", "stageId": "s\n1", "laneId": "1\nl", "text": "card-C"},
                  {"id": "d", "stageId": "s", "laneId": "l", "text": "card-D"}]})");
    REQUIRE(loaded.ok());
    const std::string html = exportHtmlReport(loaded.value());
    auto rowOf = [&](const std::string& lane) {
        const std::size_t at = html.find("<tr><th scope=\"row\">" + lane + "</th>");
        REQUIRE(at != std::string::npos);
        return html.substr(at, html.find("</tr>", at) - at);
    };
    // Each row: the lane header, then one <td> per stage in order.
    auto cellsOf = [](const std::string& row) {
        std::vector<std::string> cells;
        for (auto at = row.find("<td>"); at != std::string::npos; at = row.find("<td>", at + 1))
            cells.push_back(row.substr(at, row.find("</td>", at) - at));
        return cells;
    };
    const auto one = cellsOf(rowOf("L-one"));
    const auto two = cellsOf(rowOf("L-two"));
    REQUIRE(one.size() == 2);
    REQUIRE(two.size() == 2);
    CHECK_THAT(one[0], Contains("card-A"));
    CHECK_THAT(one[1], Contains("card-D"));
    CHECK_THAT(two[0], Contains("card-C"));
    CHECK_THAT(two[1], Contains("card-B"));
    for (const char* card : {"card-A", "card-B", "card-C", "card-D"}) {
        INFO(card);
        const std::string table = html.substr(html.find("<table class=\"map\">"));
        CHECK(count(table.substr(0, table.find("</table>")), card) == 1);
    }
}

TEST_CASE("report-html: one self-contained, well-formed document", "[report-html]") {
    const Map map = fixture("merge/workshop.json");
    const std::string html = exportHtmlReport(map);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"es\">", 0) == 0);
    CHECK_THAT(html, Contains("<meta charset=\"utf-8\">"));
    CHECK(unbalanced(html).empty());
    INFO(unbalanced(html));
    // No scripts and nothing fetched from elsewhere: the only URL is the SVG namespace.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(count(html, "http") == count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    for (const std::string& href : attributeValues(html, "href")) CHECK(href.rfind("#", 0) == 0);
    CHECK(exportHtmlReport(map) == html);   // deterministic
}

TEST_CASE("report-html: headings, tables and charts a screen reader can follow", "[report-html]") {
    const std::string html = exportHtmlReport(fixture("merge/workshop.json"));
    // One h1; heading levels never skip (h1 -> h2 -> h3).
    CHECK(count(html, "<h1") == 1);
    int previous = 1;
    for (const std::string& t : tags(html)) {
        if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') {
            const int level = t[1] - '0';
            CHECK(level <= previous + 1);
            previous = level;
        }
    }
    // Every table has a caption and every header cell a scope.
    CHECK(count(html, "<table") == count(html, "<caption>"));
    CHECK(count(html, "<table") == 11);   // levers, map, 3 chart data tables, 6 sections
    CHECK(count(html, "<th>") == 0);
    CHECK(count(html, "<th ") == count(html, "<th scope=\""));
    // Every chart is an image with a title and a description, inside a figure with a caption.
    const std::size_t charts = count(html, "<svg xmlns");
    CHECK(charts == 3);
    CHECK(count(html, "role=\"img\"") == charts);
    CHECK(count(html, "<figure>") == charts);
    CHECK(count(html, "<figcaption>") == charts);
    std::set<std::string> ids;
    for (const std::string& id : attributeValues(html, "id")) CHECK(ids.insert(id).second);   // unique
    for (const std::string& labelledBy : attributeValues(html, "aria-labelledby")) {
        std::size_t start = 0;
        while (start < labelledBy.size()) {
            std::size_t end = labelledBy.find(' ', start);
            if (end == std::string::npos) end = labelledBy.size();
            CHECK(ids.count(labelledBy.substr(start, end - start)) == 1);
            start = end + 1;
        }
    }
    // Decorative legend samples are hidden from screen readers.
    CHECK(count(html, "<svg width=") == count(html, "<svg width=\"36\" height=\"12\" aria-hidden=\"true\">"));
}

TEST_CASE("report-html: the sections show the analysis", "[report-html]") {
    const std::string html = exportHtmlReport(fixture("merge/workshop.json"));
    // The map: phases as column groups, the line of visibility before the backstage lane, the
    // hidden KPI lane left out.
    CHECK_THAT(html, Contains("<th scope=\"colgroup\" colspan=\"2\" class=\"phase phase-pre-purchase\">Pre-compra</th>"));
    CHECK_THAT(html, Contains("Línea de visibilidad"));
    CHECK(html.find("Línea de visibilidad") < html.find("Verificación antifraude"));
    CHECK(html.find("Conversión: 14 %") == std::string::npos);
    CHECK_THAT(html, Contains("1 carril oculto no se muestra."));
    // The first lever is the payment (gap −3), marked at risk.
    const std::size_t levers = html.find("id=\"levers\"");
    REQUIRE(levers != std::string::npos);
    CHECK(html.find("Pago en la web", levers) < html.find("Correo de renovación", levers));
    CHECK_THAT(html, Contains("<span class=\"neg\">−3</span>"));
    CHECK_THAT(html, Contains("<span class=\"state state-at-risk\">En riesgo</span>"));
    // Owner mix and the quick wins.
    CHECK_THAT(html, Contains("3 (60 %)"));
    CHECK_THAT(html, Contains("Victoria rápida"));
    // The gap chart lists the worst touchpoint first, with a star for moments of truth.
    CHECK_THAT(html, Contains("★ Pago en la web"));
}

TEST_CASE("report-html: English labels and numbers", "[report-html]") {
    ReportOptions en;
    en.language = "en";
    const std::string html = exportHtmlReport(fixture("merge/workshop.json"), en);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK_THAT(html, Contains(">Where to act first</h2>"));
    CHECK_THAT(html, Contains("Line of visibility"));
    CHECK_THAT(html, Contains("3 (60%)"));
    CHECK_THAT(html, Contains("Quick win"));
    CHECK(html.find("Dónde actuar primero") == std::string::npos);
}

TEST_CASE("report-html: the crowd's spread around the emotional curve", "[report-html]") {
    const Map base = fixture("merge/base.json");
    std::vector<MergeParticipant> participants = {{"ana.json", fixture("merge/ana.json")},
                                                  {"ben.json", fixture("merge/ben.json")},
                                                  {"carla.json", fixture("merge/carla.json")}};
    auto merged = mergeMaps(base, participants);
    REQUIRE(merged.ok());
    const std::string plain = exportHtmlReport(merged.value().map);
    const std::string crowd = exportHtmlReport(merged.value().map, {}, merged.value().crowd);
    CHECK(plain.find("fill-opacity=\"0.18\"") == std::string::npos);
    CHECK(count(crowd, "fill-opacity=\"0.18\"") == 1);   // one band: three rated stages in a row
    CHECK_THAT(crowd, Contains("Grupo: mediana +1,5; rango intercuartílico +1,25 a +1,75; mínimo +1,0, máximo +2,0; n = 2"));
    CHECK_THAT(crowd, Contains("la línea sigue la mediana"));
    CHECK(unbalanced(crowd).empty());
}

TEST_CASE("report-html: an empty map still gives a complete report", "[report-html]") {
    const std::string html = exportHtmlReport(blankMap("en"), {});
    CHECK(unbalanced(html).empty());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK_THAT(html, Contains("The map has no personas."));
    CHECK_THAT(html, Contains("The map has no rated emotions."));
    CHECK_THAT(html, Contains("There are no open opportunities."));
    CHECK(count(html, "<svg xmlns") == 0);
    CHECK(exportHtmlReport(Map{}).find("<h1>Untitled map</h1>") != std::string::npos);
}

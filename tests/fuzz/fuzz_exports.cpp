// libFuzzer harness for the exports: CSV, the Markdown report and the HTML report (see
// scripts/fuzz.sh). The input is a map (fuzz_map.hpp). Properties, checked with this file's own
// small parsers rather than the exporters' code:
//   CSV       every field parses back (RFC 4180) to what the map holds: the same text, or the
//             text behind a ' when it would start a formula (=, +, -, @, tab, CR) and is not a
//             plain number; one row per card, 29 fields a row; no field starts a formula.
//   Markdown  no '<' or '>' of user text is left raw; every link goes to http(s) or mailto; no
//             image.
//   HTML      no '<', '>', '"' or '\'' of user text is left raw.
// "Of user text": the exporters run twice, on the map and on a copy whose every id and text
// has that character replaced by a letter found nowhere in the map (so the replacement keeps
// lengths and tells apart what was apart). The export's own markup is the same both times, so
// the character must occur equally often in both outputs.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "fuzz_map.hpp"
#include "trayecto/export.hpp"
#include "trayecto/report_html.hpp"

namespace {

using namespace trayecto;
using fuzz::fail;
constexpr const char* kHarness = "fuzz_exports";

// ---- every piece of user text in the map, for reading and for rewriting

void eachText(Map& map, const std::function<void(std::string&)>& f) {
    MapMeta& m = map.meta;
    for (std::string* s : {&m.title, &m.description, &m.scope, &m.language, &m.author, &m.created, &m.modified})
        f(*s);
    for (Persona& p : map.personas)
        for (std::string* s : {&p.id, &p.name, &p.description, &p.goals, &p.needs, &p.expectations,
                               &p.frustrations, &p.quote, &p.icon})
            f(*s);
    for (Stage& s : map.stages)
        for (std::string* t : {&s.id, &s.name, &s.description}) f(*t);
    for (Lane& l : map.lanes)
        for (std::string* t : {&l.id, &l.name}) f(*t);
    for (Card& c : map.cards) {
        for (std::string* t : {&c.id, &c.stageId, &c.laneId, &c.text, &c.notes}) f(*t);
        for (Id& p : c.personaIds) f(p);
        if (c.touchpoint)
            for (Metric& metric : c.touchpoint->metrics)
                for (std::string* t : {&metric.name, &metric.unit}) f(*t);
        if (c.improvement) f(c.improvement->owner);
        if (c.backstage)
            for (std::string* t : {&c.backstage->owner, &c.backstage->systems}) f(*t);
    }
    for (Emotion& e : map.emotions) {
        for (std::string* t : {&e.id, &e.personaId, &e.stageId, &e.feeling, &e.note}) f(*t);
        if (e.cardId) f(*e.cardId);
    }
    for (MomentOfTruth& mot : map.moments) {
        for (std::string* t : {&mot.id, &mot.customType, &mot.name, &mot.reason, &mot.stageId}) f(*t);
        if (mot.cardId) f(*mot.cardId);
    }
}

// A letter that occurs in no text of the map (0 if every one does).
char absentLetter(Map& map) {
    bool used[128] = {};
    eachText(map, [&](std::string& s) {
        for (char c : s)
            if (static_cast<unsigned char>(c) < 128) used[static_cast<unsigned char>(c)] = true;
    });
    for (char c : std::string("QZXJKVWqzxjkvw"))
        if (!used[static_cast<unsigned char>(c)]) return c;
    return 0;
}

Map replaced(const Map& map, char from, char to) {
    Map copy = map;
    eachText(copy, [&](std::string& s) { std::replace(s.begin(), s.end(), from, to); });
    return copy;
}

std::size_t occurrences(const std::string& text, char c) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), c));
}

// ---- CSV, read back with a parser of our own

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= n) fail(kHarness, "CSV: a quoted field is not closed", text);
                if (text[i] == '"') {
                    if (i + 1 < n && text[i + 1] == '"') { field += '"'; i += 2; continue; }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            if (i < n && text[i] != ',' && text[i] != '\r')
                fail(kHarness, "CSV: text after a closing quote", text.substr(i, 80));
        } else {
            while (i < n && text[i] != ',' && text[i] != '\r') {
                if (text[i] == '"' || text[i] == '\n') fail(kHarness, "CSV: a quote or LF in an unquoted field", field);
                field += text[i++];
            }
        }
        row.push_back(std::move(field));
        field.clear();
        if (i < n && text[i] == ',') { ++i; continue; }
        if (i + 1 >= n || text[i] != '\r' || text[i + 1] != '\n') fail(kHarness, "CSV: a row does not end with CRLF", text);
        i += 2;
        rows.push_back(std::move(row));
        row.clear();
    }
    return rows;
}

bool plainNumber(const std::string& s) {
    std::size_t i = 0, digits = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++exponent; }
        if (exponent == 0) return false;
    }
    return i == s.size();
}

bool startsFormula(const std::string& s) {
    return !s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos;
}

// The field the CSV should hold for `text`.
std::string expectedCell(const std::string& text) {
    return startsFormula(text) && !plainNumber(text) ? "'" + text : text;
}

void checkCsv(const Map& map) {
    const auto rows = parseCsv(exportCsv(map));
    if (rows.size() != map.cards.size() + 1)
        fail(kHarness, "CSV: not one row per card", std::to_string(rows.size()) + " rows");
    std::map<std::string, const Card*> byCell;
    for (const Card& c : map.cards) byCell[expectedCell(c.id)] = &c;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() != 29) fail(kHarness, "CSV: a row without 29 fields", std::to_string(row.size()));
        for (const std::string& cell : row)
            if (startsFormula(cell) && !plainNumber(cell)) fail(kHarness, "CSV: a live formula", cell);
        if (r == 0) continue;
        const auto it = byCell.find(row[0]);
        if (it == byCell.end()) fail(kHarness, "CSV: a card id that does not read back", row[0]);
        const Card& c = *it->second;
        const Stage* stage = findStage(map, c.stageId);
        const Lane* lane = findLane(map, c.laneId);
        const std::pair<std::size_t, std::string> fields[] = {
            {1, c.stageId}, {2, stage ? stage->name : ""}, {4, c.laneId}, {5, lane ? lane->name : ""},
            {7, c.text}, {8, c.notes}, {12, std::to_string(c.votes)},
            {25, c.improvement ? c.improvement->owner : ""},
            {27, c.backstage ? c.backstage->owner : ""}, {28, c.backstage ? c.backstage->systems : ""}};
        for (const auto& [column, text] : fields)
            if (row[column] != expectedCell(text))
                fail(kHarness, "CSV: field " + std::to_string(column) + " does not read back",
                     "expected [" + expectedCell(text) + "]\ngot [" + row[column] + "]");
        byCell.erase(it);
    }
}

// ---- Markdown: links and images

// Whether position i of the Markdown text is escaped by an odd run of backslashes before it.
bool escapedAt(const std::string& md, std::size_t i) {
    std::size_t slashes = 0;
    while (i > slashes && md[i - slashes - 1] == '\\') ++slashes;
    return slashes % 2 == 1;
}

void checkMarkdownLinks(const std::string& md) {
    for (std::size_t i = 0; i + 1 < md.size(); ++i) {
        if (md[i] == ']' && md[i + 1] == '(' && !escapedAt(md, i)) {
            std::string target = md.substr(i + 2, 8);
            for (char& c : target) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            if (target.rfind("http://", 0) != 0 && target.rfind("https://", 0) != 0 && target.rfind("mailto:", 0) != 0)
                fail(kHarness, "Markdown: a link to something else than http(s) or mailto", md.substr(i, 80));
        }
        if (md[i] == '!' && md[i + 1] == '[' && !escapedAt(md, i))
            fail(kHarness, "Markdown: an image", md.substr(i, 80));
    }
}

void checkExports(const Map& map) {
    checkCsv(map);
    std::vector<std::string> md, html;
    for (const char* lang : {"es", "en"}) {
        ReportOptions options;
        options.language = lang;
        md.push_back(exportMarkdown(map, options));
        html.push_back(exportHtmlReport(map, options));
        checkMarkdownLinks(md.back());
    }
    Map probe = map;
    const char letter = absentLetter(probe);
    if (letter == 0) return;
    for (char c : {'<', '>', '"', '\''}) {
        const Map neutral = replaced(map, c, letter);
        for (std::size_t k = 0; k < 2; ++k) {
            ReportOptions options;
            options.language = k == 0 ? "es" : "en";
            if ((c == '<' || c == '>') && occurrences(md[k], c) != occurrences(exportMarkdown(neutral, options), c))
                fail(kHarness, std::string("Markdown: a raw '") + c + "' from user text", md[k]);
            if (occurrences(html[k], c) != occurrences(exportHtmlReport(neutral, options), c))
                fail(kHarness, std::string("HTML: a raw '") + c + "' from user text", html[k]);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;   // exports of big maps are the benchmarks' business
    const auto map = trayecto::fuzz::mapFromInput(data, size);
    if (map) checkExports(*map);
    return 0;
}

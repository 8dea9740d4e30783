// trayecto: the command-line tool (links only the core).
//
// Exit codes: 0 success, 1 a file is invalid or cannot be read/written, 2 usage error.
// Files and arguments: cli/common.cpp; merge, report and template: cli/workshop.cpp.
//
// [SECTION] Usage text
// [SECTION] Commands: validate, stats, export, generate, example
// [SECTION] main
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "trayecto/analysis.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/export.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/report_html.hpp"

namespace trayecto::cli {

namespace {

// ---- [SECTION] Usage text

constexpr const char* kUsage =
    "usage: trayecto <command> [options]\n"
    "\n"
    "Customer-journey maps from the command line. FILE is a Trayecto JSON map; \"-\" reads stdin.\n"
    "\n"
    "commands:\n"
    "  validate FILE...                      check that each file is a sound journey map\n"
    "  stats FILE                            counts, average valence per persona, gaps, MOTs\n"
    "  export --to csv|md|html FILE [-o OUT]  CSV of every card, or a Markdown or HTML report\n"
    "         [--lang es|en]                 report language (default: the map's); CSV headers\n"
    "                                        and values for people in that language (default:\n"
    "                                        the format's names, for programs)\n"
    "         [--separator comma|semicolon]  CSV separator (default: semicolon with --lang es,\n"
    "                                        as Excel in Spanish reads it, with a BOM; else comma)\n"
    "         [--bom]                        start the CSV with a UTF-8 byte-order mark\n"
    "  report [--to html|md] FILE [-o OUT]   a standalone report (HTML by default) to share\n"
    "         [--lang es|en]\n"
    "  merge BASE PARTICIPANT... [-o OUT]    merge the participants' copies of BASE into one map\n"
    "        [--report] [--html REPORT]      print what happened; also write the HTML report\n"
    "        [--lang es|en]                  (with the crowd's emotional spread)\n"
    "  template list [--lang es|en]          the built-in templates\n"
    "  template ID [--lang es|en] [-o OUT]   one template as a map (default language: es)\n"
    "  generate --cards N [--seed S] [-o OUT]  a large realistic map for benchmarks\n"
    "  example [--lang es|en] [--blank] [-o OUT]  the example map (or a blank one)\n"
    "\n"
    "options:\n"
    "  -o, --output OUT   write to OUT instead of stdout\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "exit status: 0 success, 1 invalid or unreadable file, 2 usage error\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "trayecto: %s\nTry 'trayecto --help'.\n", message.c_str());
    return 2;
}

// ---- [SECTION] Commands

int validate(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {}, {"--quiet"});
    if (a.files.empty()) throw UsageError{"validate needs at least one FILE"};
    int bad = 0;
    for (const std::string& file : a.files) {
        Map map;
        if (!loadFile(file, map)) { ++bad; continue; }
        if (!a.has("--quiet")) std::printf("%s: ok\n", shown(displayName(file)).c_str());
    }
    return bad == 0 ? 0 : 1;
}

std::string valenceText(std::optional<double> v) {
    if (!v) return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%+.2f", *v);
    return buf;
}

int stats(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {}, {});
    if (a.files.size() != 1) throw UsageError{"stats needs exactly one FILE"};
    Map map;
    if (!loadFile(a.files[0], map)) return 1;
    const MapCounts c = countItems(map);
    int phases[3] = {0, 0, 0};
    for (const Stage& s : map.stages) ++phases[static_cast<int>(s.phase)];
    std::printf("title: %s\n", shown(map.meta.title).c_str());
    std::printf("language: %s\n", map.meta.language.empty() ? "-" : shown(map.meta.language).c_str());
    std::printf("personas: %d\n", c.personas);
    std::printf("stages: %d (pre-purchase %d, purchase %d, post-purchase %d)\n", c.stages,
                phases[0], phases[1], phases[2]);
    std::printf("lanes: %d (%d hidden)\n", c.lanes, c.hiddenLanes);
    std::printf("cards: %d (notes %d, touchpoints %d, pain points %d, opportunities %d, "
                "backstage %d, KPIs %d)\n",
                c.cards, c.notes, c.touchpoints, c.painPoints, c.opportunities, c.backstage, c.kpis);
    std::printf("emotions: %d\n", c.emotions);
    int states[4] = {0, 0, 0, 0};
    for (const MomentOfTruth& m : map.moments) ++states[static_cast<int>(m.state)];
    std::printf("moments of truth: %d (good %d, at risk %d, failing %d, unknown %d)\n", c.moments,
                states[1], states[2], states[3], states[0]);
    const auto curves = emotionCurves(map);
    if (!curves.empty()) std::printf("average valence per persona:\n");
    for (std::size_t i = 0; i < curves.size(); ++i)
        std::printf("  %s: %s (%d of %zu stages)\n", shown(map.personas[i].name).c_str(),
                    valenceText(curves[i].averageValence()).c_str(), curves[i].presentCount(),
                    curves[i].points.size());
    const auto gaps = touchpointGaps(map);
    int negative = 0;
    for (const auto& g : gaps) negative += g.gap < 0 ? 1 : 0;
    std::printf("rated touchpoints: %zu (%d below expectation)\n", gaps.size(), negative);
    if (!gaps.empty() && gaps.front().gap < 0)
        std::printf("largest gap: %+d at %s (%s)\n", gaps.front().gap, jsonQuoted(gaps.front().text).c_str(),
                    shown(gaps.front().stageName).c_str());
    const auto pains = rankImprovements(map, CardKind::PainPoint, Ranking::ByVotes, false);
    if (!pains.empty())
        std::printf("most voted open pain point: %s (%d votes)\n", jsonQuoted(pains.front().text).c_str(),
                    pains.front().votes);
    const auto opps = rankImprovements(map, CardKind::Opportunity, Ranking::ByImpactEffort, false);
    if (!opps.empty())
        std::printf("best open opportunity by impact/effort: %s (%.2f)\n",
                    jsonQuoted(opps.front().text).c_str(), opps.front().score);
    return 0;
}

int exportMap(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {"--to", "--output", "--lang", "--separator"}, {"--bom"});
    const std::string to = a.value("--to");
    if (to.empty()) throw UsageError{"export needs --to csv, --to md or --to html"};
    if (to != "csv" && to != "md" && to != "markdown" && to != "html")
        throw UsageError{"export --to must be csv, md or html, not '" + to + "'"};
    if (a.files.size() != 1) throw UsageError{"export needs exactly one FILE"};
    const std::string lang = languageOption(a);
    if (a.has("--bom") && to != "csv") throw UsageError{"--bom applies to --to csv only"};
    const std::string separator = a.value("--separator");
    if (a.has("--separator") && to != "csv") throw UsageError{"--separator applies to --to csv only"};
    if (a.has("--separator") && separator != "comma" && separator != "semicolon")
        throw UsageError{"--separator must be comma or semicolon, not '" + separator + "'"};
    Map map;
    if (!loadFile(a.files[0], map)) return 1;
    std::string text;
    if (to == "csv") {
        // With a language: the dialect a spreadsheet in that language opens as it is.
        CsvOptions options = lang.empty() ? CsvOptions{} : csvOptionsFor(languageFor(lang));
        if (!separator.empty()) {   // the semicolon dialect carries a BOM, as the app's does
            options.separator = separator == "semicolon" ? CsvSeparator::Semicolon : CsvSeparator::Comma;
            options.byteOrderMark = options.separator == CsvSeparator::Semicolon;
        }
        options.byteOrderMark = options.byteOrderMark || a.has("--bom");
        text = exportCsv(map, options);
    } else {
        ReportOptions options;
        options.language = lang;
        text = to == "html" ? exportHtmlReport(map, options) : exportMarkdown(map, options);
    }
    return writeOutput(a.value("--output"), text);
}

int generate(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {"--cards", "--seed", "--output"}, {});
    if (!a.files.empty()) throw UsageError{"generate takes no FILE (use -o OUT)"};
    if (!a.has("--cards")) throw UsageError{"generate needs --cards N"};
    const auto cards = static_cast<int>(number(a.value("--cards"), "--cards", 0, 100'000));
    const auto seed = a.has("--seed")
                          ? static_cast<std::uint32_t>(number(a.value("--seed"), "--seed", 0, 4294967295LL))
                          : 1u;
    return writeOutput(a.value("--output"), saveMap(generateMap(cards, seed)));
}

int example(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {"--lang", "--output"}, {"--blank"});
    if (!a.files.empty()) throw UsageError{"example takes no FILE (use -o OUT)"};
    const std::string lang = a.has("--lang") ? a.value("--lang") : "es";
    if (lang != "es" && lang != "en") throw UsageError{"--lang must be es or en, not '" + lang + "'"};
    const Map map = a.has("--blank") ? blankMap(lang) : exampleMap(lang);
    return writeOutput(a.value("--output"), saveMap(map));
}

// ---- [SECTION] main

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usageError("no command given");
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "--version" || command == "version") {
        std::printf("trayecto %s\n", TRAYECTO_VERSION);
        return 0;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    for (const std::string& a : args) {
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
    }
    try {
        if (command == "validate") return validate(args);
        if (command == "stats") return stats(args);
        if (command == "export") return exportMap(args);
        if (command == "generate") return generate(args);
        if (command == "example") return example(args);
        if (command == "merge") return merge(args);
        if (command == "report") return report(args);
        if (command == "template") return templates(args);
        return usageError("unknown command '" + command + "'");
    } catch (const UsageError& e) {
        return usageError(e.message);
    }
}

}  // namespace

}  // namespace trayecto::cli

int main(int argc, char** argv) {
    int status = 1;
    try {
        status = trayecto::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trayecto: %s\n", e.what());
    }
    // What went to stdout (validate's "ok" lines, stats, a report) must really have been written.
    const int output = trayecto::cli::finishStandardOutput();
    return status != 0 ? status : output;
}

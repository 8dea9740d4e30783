// trayecto: the command-line tool (links only the core).
//
// Exit codes: 0 success, 1 a file is invalid or cannot be read/written, 2 usage error.
//
// [SECTION] Usage text
// [SECTION] Files and arguments
// [SECTION] Commands: validate, stats, export, generate, example
// [SECTION] main
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "trayecto/analysis.hpp"
#include "trayecto/examples.hpp"
#include "trayecto/export.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/invariants.hpp"

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
    "  export --to csv|md FILE [-o OUT]      CSV of every card, or a Markdown report\n"
    "         [--lang es|en] [--bom]         report language (default: the map's); BOM for CSV\n"
    "  generate --cards N [--seed S] [-o OUT]  a large realistic map for benchmarks\n"
    "  example [--lang es|en] [--blank] [-o OUT]  the example map (or a blank one)\n"
    "\n"
    "options:\n"
    "  -o, --output OUT   write to OUT instead of stdout\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "exit status: 0 success, 1 invalid or unreadable file, 2 usage error\n";

// A usage error: reported with a hint and exit code 2.
struct UsageError {
    std::string message;
};

int usageError(const std::string& message) {
    std::fprintf(stderr, "trayecto: %s\nTry 'trayecto --help'.\n", message.c_str());
    return 2;
}

// ---- [SECTION] Files and arguments

bool readFile(const std::string& path, std::string& text, std::string& error) {
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "cannot read the file";
        return false;
    }
    text = buffer.str();
    return true;
}

// Writes to `path`, or stdout when empty. Returns 0 or 1 (with a message).
int writeOutput(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
        std::fprintf(stderr, "trayecto: %s: cannot write the file\n", path.c_str());
        return 1;
    }
    return 0;
}

// Loads and validates one file. On failure prints "FILE: reason" lines to stderr.
bool loadFile(const std::string& path, Map& map) {
    std::string text, error;
    if (!readFile(path, text, error)) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
        return false;
    }
    auto loaded = loadMap(text);
    if (!loaded) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), loaded.error().describe().c_str());
        return false;
    }
    const auto problems = checkInvariants(loaded.value());
    for (const std::string& p : problems) std::fprintf(stderr, "%s: %s\n", path.c_str(), p.c_str());
    if (!problems.empty()) return false;
    map = std::move(loaded.value());
    return true;
}

// Options of one command: those in `valued` take a value ("--to csv" or "--to=csv").
struct Arguments {
    std::vector<std::string> files;
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    std::string value(const std::string& name) const {
        auto it = values.find(name);
        return it == values.end() ? std::string() : it->second;
    }
    bool has(const std::string& name) const { return values.count(name) || flags.count(name); }
};

Arguments parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                const std::set<std::string>& flags) {
    Arguments out;
    bool onlyFiles = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (onlyFiles || a == "-" || a.empty() || a[0] != '-') {
            out.files.push_back(a);
            continue;
        }
        if (a == "--") { onlyFiles = true; continue; }
        if (a == "-o") a = "--output";
        std::string inlineValue;
        const auto eq = a.find('=');
        const bool hasInline = eq != std::string::npos;
        if (hasInline) { inlineValue = a.substr(eq + 1); a = a.substr(0, eq); }
        if (valued.count(a)) {
            if (hasInline) out.values[a] = inlineValue;
            else if (i + 1 < args.size()) out.values[a] = args[++i];
            else throw UsageError{"option " + a + " needs a value"};
        } else if (flags.count(a) && !hasInline) {
            out.flags.insert(a);
        } else {
            throw UsageError{"unknown option " + a};
        }
    }
    return out;
}

// A whole number within [lo, hi], or a usage error naming the option.
long long number(const std::string& text, const std::string& option, long long lo, long long hi) {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno != 0 || v < lo || v > hi)
        throw UsageError{option + " must be a whole number from " + std::to_string(lo) + " to " +
                         std::to_string(hi) + ", not '" + text + "'"};
    return v;
}

// ---- [SECTION] Commands

int validate(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {}, {"--quiet"});
    if (a.files.empty()) throw UsageError{"validate needs at least one FILE"};
    int bad = 0;
    for (const std::string& file : a.files) {
        Map map;
        if (!loadFile(file, map)) { ++bad; continue; }
        if (!a.has("--quiet")) std::printf("%s: ok\n", file.c_str());
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
    std::printf("title: %s\n", map.meta.title.c_str());
    std::printf("language: %s\n", map.meta.language.empty() ? "-" : map.meta.language.c_str());
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
        std::printf("  %s: %s (%d of %zu stages)\n", map.personas[i].name.c_str(),
                    valenceText(curves[i].averageValence()).c_str(), curves[i].presentCount(),
                    curves[i].points.size());
    const auto gaps = touchpointGaps(map);
    int negative = 0;
    for (const auto& g : gaps) negative += g.gap < 0 ? 1 : 0;
    std::printf("rated touchpoints: %zu (%d below expectation)\n", gaps.size(), negative);
    if (!gaps.empty() && gaps.front().gap < 0)
        std::printf("largest gap: %+d at \"%s\" (%s)\n", gaps.front().gap, gaps.front().text.c_str(),
                    gaps.front().stageName.c_str());
    const auto pains = rankImprovements(map, CardKind::PainPoint, Ranking::ByVotes, false);
    if (!pains.empty())
        std::printf("most voted open pain point: \"%s\" (%d votes)\n", pains.front().text.c_str(),
                    pains.front().votes);
    const auto opps = rankImprovements(map, CardKind::Opportunity, Ranking::ByImpactEffort, false);
    if (!opps.empty())
        std::printf("best open opportunity by impact/effort: \"%s\" (%.2f)\n",
                    opps.front().text.c_str(), opps.front().score);
    return 0;
}

int exportMap(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {"--to", "--output", "--lang"}, {"--bom"});
    const std::string to = a.value("--to");
    if (to.empty()) throw UsageError{"export needs --to csv or --to md"};
    if (to != "csv" && to != "md" && to != "markdown")
        throw UsageError{"export --to must be csv or md, not '" + to + "'"};
    if (a.files.size() != 1) throw UsageError{"export needs exactly one FILE"};
    const std::string lang = a.value("--lang");
    if (a.has("--lang") && lang != "es" && lang != "en")
        throw UsageError{"--lang must be es or en, not '" + lang + "'"};
    if (a.has("--bom") && to != "csv") throw UsageError{"--bom applies to --to csv only"};
    Map map;
    if (!loadFile(a.files[0], map)) return 1;
    std::string text;
    if (to == "csv") {
        CsvOptions options;
        options.byteOrderMark = a.has("--bom");
        text = exportCsv(map, options);
    } else {
        ReportOptions options;
        options.language = lang;
        text = exportMarkdown(map, options);
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
        return usageError("unknown command '" + command + "'");
    } catch (const UsageError& e) {
        return usageError(e.message);
    }
}

}  // namespace

}  // namespace trayecto::cli

int main(int argc, char** argv) {
    try {
        return trayecto::cli::run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "trayecto: %s\n", e.what());
        return 1;
    }
}

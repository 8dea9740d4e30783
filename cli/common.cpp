// The command-line tool's files and arguments.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli.hpp"
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"

namespace trayecto::cli {

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

long long number(const std::string& text, const std::string& option, long long lo, long long hi) {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno != 0 || v < lo || v > hi)
        throw UsageError{option + " must be a whole number from " + std::to_string(lo) + " to " +
                         std::to_string(hi) + ", not '" + text + "'"};
    return v;
}

std::string languageOption(const Arguments& arguments) {
    const std::string lang = arguments.value("--lang");
    if (arguments.has("--lang") && lang != "es" && lang != "en")
        throw UsageError{"--lang must be es or en, not '" + lang + "'"};
    return lang;
}

}  // namespace trayecto::cli

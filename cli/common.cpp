// The command-line tool's files and arguments.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "cli.hpp"
#include "i18n.hpp"   // the catalogue: the core's errors worded (in English)
#include "trayecto/format.hpp"
#include "trayecto/invariants.hpp"

namespace trayecto::cli {

namespace {

bool stdoutFailed = false;   // a write to stdout failed and was reported

std::string reason(int error) { return error != 0 ? std::string(": ") + std::strerror(error) : std::string(); }

std::string megabytes(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

}  // namespace

std::string shown(const std::string& text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || c == '"' || c == '\\') return jsonQuoted(text);
    }
    return text;
}

std::string displayName(const std::string& path) { return path == "-" ? "standard input" : path; }

bool readFile(const std::string& path, std::string& text, std::string& error) {
    const bool standardInput = path == "-";
    std::error_code ec;
    if (!standardInput && std::filesystem::is_directory(path, ec)) {
        error = "is a directory, not a journey-map file";
        return false;
    }
    errno = 0;
    std::FILE* in = standardInput ? stdin : std::fopen(path.c_str(), "rb");
    if (!in) {
        error = "cannot open the file" + reason(errno);
        return false;
    }
    // Read at most one byte past the cap, so /dev/zero or an endless pipe stops there.
    text.clear();
    char buffer[64 * 1024];
    bool tooLarge = false;
    for (;;) {
        const std::size_t got = std::fread(buffer, 1, sizeof buffer, in);
        if (text.size() + got > kMaxMapBytes) {
            tooLarge = true;
            break;
        }
        text.append(buffer, got);
        if (got < sizeof buffer) break;
    }
    const int readError = std::ferror(in) ? errno : 0;
    const bool failed = !tooLarge && std::ferror(in);
    if (!standardInput) std::fclose(in);
    if (tooLarge) {
        text.clear();
        error = "the file is larger than " + megabytes(kMaxMapBytes) +
                ", the most a journey map may be (reading stopped there)";
        return false;
    }
    if (failed) {
        text.clear();
        error = readError == EISDIR ? "is a directory, not a journey-map file"
                                    : "cannot read the file" + reason(readError);
        return false;
    }
    return true;
}

int writeOutput(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        if (stdoutFailed) return 1;
        errno = 0;
        const std::size_t written = std::fwrite(text.data(), 1, text.size(), stdout);
        if (written == text.size() && std::fflush(stdout) == 0 && !std::ferror(stdout)) return 0;
        std::fprintf(stderr, "trayecto: standard output: cannot write%s\n", reason(errno).c_str());
        stdoutFailed = true;
        return 1;
    }
    errno = 0;
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (!out) {
        std::fprintf(stderr, "trayecto: %s: cannot create the file%s\n", shown(path).c_str(), reason(errno).c_str());
        return 1;
    }
    const std::size_t written = std::fwrite(text.data(), 1, text.size(), out);
    int error = written == text.size() ? 0 : errno;
    if (std::fflush(out) != 0 && error == 0) error = errno ? errno : EIO;
    if (std::ferror(out) && error == 0) error = EIO;
    if (std::fclose(out) != 0 && error == 0) error = errno ? errno : EIO;
    if (error == 0) return 0;
    std::fprintf(stderr, "trayecto: %s: cannot write the file%s\n", shown(path).c_str(), reason(error).c_str());
    return 1;
}

int finishStandardOutput() {
    if (stdoutFailed) return 1;
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0 && !std::ferror(stdout);
    const int error = errno;
    const bool closed = std::fclose(stdout) == 0;
    if (flushed && closed) return 0;
    std::fprintf(stderr, "trayecto: standard output: cannot write%s\n", reason(error ? error : errno).c_str());
    return 1;
}

bool loadFile(const std::string& path, Map& map) {
    std::string text, error;
    const std::string name = shown(displayName(path));
    if (!readFile(path, text, error)) {
        std::fprintf(stderr, "%s: %s\n", name.c_str(), error.c_str());
        return false;
    }
    auto loaded = loadMap(text);
    if (!loaded) {
        std::fprintf(stderr, "%s: %s\n", name.c_str(), app::describe(app::Lang::En, loaded.error()).c_str());
        return false;
    }
    const auto problems = checkInvariants(loaded.value());
    for (const std::string& p : problems) std::fprintf(stderr, "%s: %s\n", name.c_str(), p.c_str());
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

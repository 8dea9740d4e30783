// The command-line tool's shared pieces (cli/*.cpp): arguments, files, output, and the commands.
// Exit codes: 0 success, 1 a file is invalid or cannot be read/written, 2 usage error.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto::cli {

// A usage error: reported with a hint and exit code 2.
struct UsageError {
    std::string message;
};

// Reads a whole file ("-" is stdin), at most kMaxMapBytes (the loader's own cap): reading stops
// there, so /dev/zero or an endless pipe is refused rather than read forever. On failure `error`
// says why (a directory, a file too large, the system's reason it cannot be opened or read).
bool readFile(const std::string& path, std::string& text, std::string& error);
// An id, name or path from a map as messages show it: as is when it is plain text, else as a JSON
// string literal (quotes, backslashes and control characters escaped), so a line stays one line
// and a NUL stays visible whatever the id holds.
std::string shown(const std::string& text);
// The name messages give a FILE argument: "standard input" for "-".
std::string displayName(const std::string& path);
// Writes to `path`, or stdout when empty or "-". Returns 0, or 1 with a message naming the file
// and the system's reason, when any write, flush or close fails (a full disk, /dev/full).
int writeOutput(const std::string& path, const std::string& text);
// At exit: flushes and closes stdout; 1 (with a message) if anything written there was lost.
int finishStandardOutput();
// Loads and validates one file. On failure prints "FILE: reason" lines to stderr.
bool loadFile(const std::string& path, Map& map);

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
// "-o" means "--output". Throws UsageError on an unknown option or a missing value.
Arguments parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                const std::set<std::string>& flags);
// A whole number within [lo, hi], or a usage error naming the option.
long long number(const std::string& text, const std::string& option, long long lo, long long hi);
// The --lang value, checked to be "es" or "en" ("" when absent).
std::string languageOption(const Arguments& arguments);

// ---- Workshop commands (cli/workshop.cpp)
int merge(const std::vector<std::string>& args);       // trayecto merge BASE PARTICIPANT...
int report(const std::vector<std::string>& args);      // trayecto report [--to html|md] FILE
int templates(const std::vector<std::string>& args);   // trayecto template list | ID

}  // namespace trayecto::cli

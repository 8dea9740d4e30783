// JSON format v1: reading and writing journey maps (see docs/format.md).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "trayecto/load_error.hpp"
#include "trayecto/model.hpp"

namespace trayecto {

constexpr const char* kFormatName = "trayecto-journey";
constexpr int kFormatVersion = 1;

// The most bytes a journey-map file may have (32 MiB): LoadLimits' default, and the cap callers
// that read files (the command-line tool) apply while reading.
constexpr std::size_t kMaxMapBytes = 32u * 1024 * 1024;

// Caps against hostile or broken files. Each breach is a LoadError, never a crash.
struct LoadLimits {
    std::size_t maxBytes = kMaxMapBytes;         // whole file
    int maxDepth = 64;                           // nesting of arrays/objects
    std::size_t maxStringBytes = 100'000;        // any one string
    std::size_t maxItems = 100'000;              // items in any one array
};

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(LoadError error) : v_(std::move(error)) {}
    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(v_); }
    const T& value() const { return std::get<T>(v_); }
    const LoadError& error() const { return std::get<LoadError>(v_); }
private:
    std::variant<T, LoadError> v_;
};

// `text` as a JSON string literal, quotes included: '"', '\\' and control characters escaped
// ("\\n", "\\t", "\\u0000"…), every other byte as is. For JSON written by hand, and for ids
// and texts quoted in messages, which then stay on one line and keep a NUL visible whatever the
// id holds (ids are opaque strings: any text may be one).
std::string jsonQuoted(std::string_view text);

// Parses, migrates older versions, checks structure and references. Unknown fields are kept.
Result<Map> loadMap(std::string_view text, const LoadLimits& limits = {});
// Writes the map with a stable key order (files diff well), 2-space indent, trailing newline.
std::string saveMap(const Map& map);

// saveMap's text written a slice at a time, for callers that must not block for long (the
// browser's autosave): byte for byte the same text. The map must not change until done().
class MapSaver {
public:
    explicit MapSaver(const Map& map);
    ~MapSaver();
    MapSaver(const MapSaver&) = delete;
    MapSaver& operator=(const MapSaver&) = delete;
    // Writes about `items` more personas, stages, lanes, cards, emotions or moments; true once
    // the whole text is written.
    bool step(std::size_t items);
    bool done() const;
    // The text written so far (valid until the next step or take); all of it once done().
    std::string_view written() const;
    std::string take();   // the text, once done()

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace trayecto

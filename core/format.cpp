// JSON format v1: loadMap and the error text (see docs/format.md). The work is split over
// format_parse.cpp (bounded parsing), format_migrate.cpp (older versions), format_read.cpp
// and format_references.cpp (reading v1 into the model) and format_write.cpp (saveMap).
// A valid current-version file takes a fast path instead, straight from the text into the
// model (format_scan.cpp, format_fast.cpp); every other file, and every error, goes the
// document way above. The objects' keys and kinds are declared once, in format_fields.hpp.
#include "trayecto/format.hpp"

#include <cstdio>
#include <new>
#include <optional>

#include "format_internal.hpp"

namespace trayecto {

namespace {
const char* const kCodeNames[] = {
#define TRAYECTO_LOAD_ERROR_NAME(code) #code,
    TRAYECTO_LOAD_ERROR_CODES(TRAYECTO_LOAD_ERROR_NAME)
#undef TRAYECTO_LOAD_ERROR_NAME
};
const char* const kWordNames[] = {
    "None",
#define TRAYECTO_ERROR_WORD_NAME(word) #word,
    TRAYECTO_ERROR_WORDS(TRAYECTO_ERROR_WORD_NAME)
#undef TRAYECTO_ERROR_WORD_NAME
};
}  // namespace

const char* loadErrorCodeName(LoadErrorCode code) { return kCodeNames[static_cast<int>(code)]; }
const char* errorWordName(ErrorWord word) { return kWordNames[static_cast<int>(word)]; }

std::string LoadError::debugText() const {
    std::string text = loadErrorCodeName(code);
    if (!path.empty()) text += " at " + path;
    if (offset != std::string::npos) text += " (byte " + std::to_string(offset) + ")";
    for (std::size_t i = 0; i < args.size(); ++i) {
        text += i ? ", " : ": ";
        text += args[i].word != ErrorWord::None ? errorWordName(args[i].word) : args[i].text;
    }
    return text;
}

std::string jsonQuoted(std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (u < 0x20 || u == 0x7f) {
                    out += "\\u00";
                    out += kHex[u >> 4];
                    out += kHex[u & 0xf];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

namespace {

using format::Json;

std::string megabytes(std::size_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

bool onlyWhitespace(std::string_view text) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

// A map is UTF-8 text. A file in UTF-16 or UTF-32 (told by its byte-order mark, or without one
// by the zero bytes around the first characters, which JSON keeps in ASCII) is named as such
// instead of failing as "invalid literal"; any other zero byte (NUL), e.g. a valid map with
// something appended after a NUL, is refused where it is: JSON text never holds one, and the
// JSON parser would take it for the end of the text.
std::optional<LoadError> encodingProblem(std::string_view text) {
    const auto at = [&](std::size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0x100u;   // 0x100: none
    };
    const char* encoding = nullptr;
    if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) encoding = "UTF-32 LE (little-endian)";
    else if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) encoding = "UTF-32 BE (big-endian)";
    else if (at(0) == 0xFF && at(1) == 0xFE) encoding = "UTF-16 LE (little-endian)";
    else if (at(0) == 0xFE && at(1) == 0xFF) encoding = "UTF-16 BE (big-endian)";
    else if (at(0) == 0 && at(1) == 0 && at(2) == 0 && at(3) != 0 && at(3) < 0x80) encoding = "UTF-32 BE (big-endian)";
    else if (at(0) != 0 && at(0) < 0x80 && at(1) == 0 && at(2) == 0 && at(3) == 0) encoding = "UTF-32 LE (little-endian)";
    else if (at(0) == 0 && at(1) != 0 && at(1) < 0x80 && (at(2) == 0 || at(2) == 0x100)) encoding = "UTF-16 BE (big-endian)";
    else if (at(0) != 0 && at(0) < 0x80 && at(1) == 0 && (at(3) == 0 || at(3) == 0x100)) encoding = "UTF-16 LE (little-endian)";
    if (encoding) return LoadError{LoadErrorCode::WrongEncoding, "", {encoding}};
    const std::size_t nul = text.find('\0');
    if (nul != std::string_view::npos) return LoadError{LoadErrorCode::NulByte, "", {}, nul};
    return std::nullopt;
}

// Checks "format" and "version"; returns the version or the error.
std::variant<int, LoadError> envelopeVersion(const Json& doc) {
    const auto format = doc.find("format");
    if (format == doc.end())
        return LoadError{LoadErrorCode::NoFormat, "/format"};
    if (!format->is_string() || format->get_ref<const std::string&>() != kFormatName)
        return LoadError{LoadErrorCode::WrongFormat, "/format", {format::compactText(*format).substr(0, 60)}};
    const auto version = doc.find("version");
    if (version == doc.end())
        return LoadError{LoadErrorCode::NoVersion, "/version"};
    if (!version->is_number_integer())
        return LoadError{LoadErrorCode::VersionNotWhole, "/version", {format::compactText(*version).substr(0, 60)}};
    // Positive numbers parse as unsigned: compare those without a narrowing conversion.
    const bool newer = version->is_number_unsigned()
                           ? version->get<std::uint64_t>() > static_cast<std::uint64_t>(kFormatVersion)
                           : version->get<long long>() > kFormatVersion;
    if (newer)
        return LoadError{LoadErrorCode::VersionTooNew, "/version",
                         {format::compactText(*version), std::to_string(kFormatVersion)}};
    if (version->get<long long>() < 0)
        return LoadError{LoadErrorCode::VersionNegative, "/version", {format::compactText(*version)}};
    return static_cast<int>(version->get<long long>());
}

}  // namespace

namespace format {

std::string colorText(Rgb color) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", static_cast<unsigned>(color & 0xffffffu));
    return buffer;
}

std::optional<Rgb> parseColor(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    Rgb value = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = text[i];
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return std::nullopt;
        value = (value << 4) | static_cast<Rgb>(digit);
    }
    return value;
}

Result<Map> loadThroughDocument(std::string_view text, const LoadLimits& limits) {
    // The byte cap comes first: nothing of an oversized file is looked at.
    if (text.size() > limits.maxBytes)
        return LoadError{LoadErrorCode::FileTooLarge, "", {megabytes(text.size()), megabytes(limits.maxBytes)}};
    if (auto problem = encodingProblem(text)) return *problem;
    if (onlyWhitespace(text))
        return LoadError{LoadErrorCode::EmptyFile, "", {}, 0};

    auto parsed = parseBounded(text, limits);
    if (!parsed) return parsed.error();
    Json& doc = parsed.value();
    if (!doc.is_object())
        return LoadError{LoadErrorCode::TopLevelNotObject, ""};

    auto version = envelopeVersion(doc);
    if (auto* error = std::get_if<LoadError>(&version)) return *error;
    if (auto error = migrateToCurrent(doc, std::get<int>(version))) return *error;
    return decodeMap(doc);
}

}  // namespace format

namespace {

Result<Map> load(std::string_view text, const LoadLimits& limits) {
    // A valid current-version file goes straight into the model; anything else (an error to
    // word, an older version) takes the document path.
    if (text.size() <= limits.maxBytes)
        if (auto map = format::fastDecode(text, limits)) return format::finishMap(std::move(*map));
    return format::loadThroughDocument(text, limits);
}

}  // namespace

Result<Map> loadMap(std::string_view text, const LoadLimits& limits) {
    // Errors are values: nothing may escape, whatever the input.
    try {
        return load(text, limits);
    } catch (const std::bad_alloc&) {
        return LoadError{LoadErrorCode::OutOfMemory, ""};
    } catch (const std::exception& e) {
        return LoadError{LoadErrorCode::Unreadable, "", {e.what()}};
    } catch (...) {
        return LoadError{LoadErrorCode::Unreadable, "", {""}};
    }
}

}  // namespace trayecto

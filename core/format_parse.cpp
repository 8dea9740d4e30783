// Bounded, non-recursive JSON parsing for the journey-map format.
//
// nlohmann's parser is itself iterative; this file feeds its SAX events into a document built
// with an explicit stack, so a file nested 100 000 levels deep is refused at the first level
// past the limit, without ever recursing (the wasm build has a 1 MB stack).
#include <string>
#include <vector>

#include "format_internal.hpp"

namespace trayecto::format {

namespace {
void appendSegment(std::string& path, std::string_view key) {
    path += '/';
    for (char c : key) {
        if (c == '~') path += "~0";
        else if (c == '/') path += "~1";
        else path += c;
    }
}
void appendSegment(std::string& path, std::size_t index) {
    path += '/';
    path += std::to_string(index);
}
}  // namespace

std::string childPath(const std::string& parent, std::string_view key) {
    std::string out = parent;
    appendSegment(out, key);
    return out;
}

std::string childPath(const std::string& parent, std::size_t index) {
    std::string out = parent;
    appendSegment(out, index);
    return out;
}

std::string compactText(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

std::string withThousands(std::size_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

// 1-based line and column (in characters, counting UTF-8 sequences as one) of a byte offset.
std::pair<std::string, std::string> lineAndColumn(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {std::to_string(line), std::to_string(column)};
}

// nlohmann's description of a syntax error without its prefix and without the raw token
// (which may hold invalid bytes), reduced to printable ASCII.
std::string syntaxDetail(const std::string& what) {
    std::string detail = what;
    const auto colon = detail.find(": ");
    if (colon != std::string::npos) detail = detail.substr(colon + 2);
    const auto dash = detail.find(" - ");
    if (dash != std::string::npos) detail = detail.substr(dash + 3);
    const auto lastRead = detail.find("; last read");
    if (lastRead != std::string::npos) detail.resize(lastRead);
    std::string clean;
    for (char c : detail) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f) clean += c;
    }
    return clean;
}

class BoundedBuilder {
public:
    using string_t = Json::string_t;
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using binary_t = Json::binary_t;

    BoundedBuilder(std::string_view text, const LoadLimits& limits) : text_(text), limits_(limits) {}

    bool null() { return put(Json(nullptr)) != nullptr; }
    bool boolean(bool b) { return put(Json(b)) != nullptr; }
    bool number_integer(number_integer_t n) { return put(Json(n)) != nullptr; }
    bool number_unsigned(number_unsigned_t n) { return put(Json(n)) != nullptr; }
    bool number_float(number_float_t x, const string_t&) { return put(Json(x)) != nullptr; }
    bool binary(binary_t&) {
        return fail(currentPath(), LoadErrorCode::BinaryValue, {});
    }

    bool string(string_t& s) {
        if (s.size() > limits_.maxStringBytes) return tooLongString(currentPath(), s.size());
        return put(Json(std::move(s))) != nullptr;
    }

    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    // Paths are only worked out for an error: the frames hold what they are made of.
    bool key(string_t& k) {
        Frame& frame = frames_.back();
        if (k.size() > limits_.maxStringBytes) return tooLongString(parentPath(), k.size());
        if (frame.count >= limits_.maxItems)
            return fail(parentPath(), LoadErrorCode::TooManyMembers, {withThousands(limits_.maxItems)});
        if (frame.keys.seen(frame.container->get_ref<Json::object_t&>(), k))
            return fail(childPath(parentPath(), k), LoadErrorCode::DuplicateKey, {k});
        frame.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& token,
                     const nlohmann::detail::exception& ex) {
        std::size_t offset = position > 0 ? position - 1 : 0;
        if (offset > text_.size()) offset = text_.size();
        const auto [line, column] = lineAndColumn(text_, offset);
        const std::string what = ex.what();
        LoadError error;
        if (ex.id == 406) {
            std::string number;
            for (char c : token)
                if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f)
                    number += c;
            error = LoadError{LoadErrorCode::NumberTooLarge, "", {number, line, column}};
        } else if (what.find("UTF-8") != std::string::npos ||
                   what.find("invalid BOM") != std::string::npos) {
            error = LoadError{LoadErrorCode::InvalidUtf8, "", {line, column}};
        } else if (what.find("unexpected end of input") != std::string::npos) {
            error = LoadError{LoadErrorCode::UnexpectedEnd, "", {line, column}};
        } else {
            error = LoadError{LoadErrorCode::NotJsonAt, "", {line, column, syntaxDetail(what)}};
        }
        // The path is the innermost open container: the key being read may be stale here.
        error.path = frames_.empty() ? std::string() : containerPath(frames_.size() - 1);
        error.offset = offset;
        error_ = std::move(error);
        return false;
    }

    Result<Json> finish(bool parsed) {
        if (error_) return *error_;
        if (!parsed) return LoadError{LoadErrorCode::NotJson, "", {}, 0};
        return std::move(root_);
    }

private:
    struct Frame {
        Json* container;
        bool isObject;
        std::size_t count = 0;   // members or items so far
        std::string key;         // key of the member being read (objects)
        DuplicateKeys keys;
    };

    bool open(Json&& empty) {
        if (static_cast<long long>(frames_.size()) + 1 > limits_.maxDepth)
            return fail(currentPath(), LoadErrorCode::TooDeep, {std::to_string(limits_.maxDepth)});
        const bool isObject = empty.is_object();
        Json* slot = put(std::move(empty));
        if (!slot) return false;
        frames_.push_back(Frame{slot, isObject, 0, {}, {}});
        return true;
    }

    bool close() {
        frames_.pop_back();
        return true;
    }

    // Adds a value where the parser is; returns where it lives or nullptr on a breached limit.
    Json* put(Json&& value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& frame = frames_.back();
        if (frame.isObject) {
            auto& members = frame.container->get_ref<Json::object_t&>();
            // The key was already checked for duplicates: append without ordered_map's linear find.
            static_cast<Json::object_t::Container&>(members).emplace_back(frame.key, std::move(value));
            ++frame.count;
            return &members.back().second;
        }
        auto& items = frame.container->get_ref<Json::array_t&>();
        if (items.size() >= limits_.maxItems) {
            fail(parentPath(), LoadErrorCode::TooManyItems, {withThousands(limits_.maxItems)});
            return nullptr;
        }
        items.push_back(std::move(value));
        ++frame.count;
        return &items.back();
    }

    // Path of the container at frames_[level].
    std::string containerPath(std::size_t level) const {
        std::string path;
        for (std::size_t i = 0; i < level; ++i) {
            const Frame& f = frames_[i];
            if (f.isObject) appendSegment(path, f.key);
            else appendSegment(path, f.count - 1);
        }
        return path;
    }

    // Path of the innermost open container.
    std::string parentPath() const { return containerPath(frames_.size() - 1); }

    // Path of the value the parser is about to read.
    std::string currentPath() const {
        if (frames_.empty()) return "";
        const Frame& f = frames_.back();
        const std::string parent = parentPath();
        return f.isObject ? childPath(parent, f.key) : childPath(parent, f.count);
    }

    bool tooLongString(const std::string& path, std::size_t size) {
        return fail(path, LoadErrorCode::TextTooLong, {withThousands(size), withThousands(limits_.maxStringBytes)});
    }

    bool fail(std::string path, LoadErrorCode code, std::vector<ErrorArg> args) {
        if (!error_) error_ = LoadError{code, std::move(path), std::move(args)};
        return false;
    }

    std::string_view text_;
    const LoadLimits& limits_;
    Json root_;
    std::vector<Frame> frames_;
    std::optional<LoadError> error_;
};

}  // namespace

Result<Json> parseBounded(std::string_view text, const LoadLimits& limits) {
    BoundedBuilder builder(text, limits);
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const bool parsed = Json::sax_parse(begin, end, &builder, nlohmann::detail::input_format_t::json,
                                        /*strict=*/true, /*ignore_comments=*/false);
    return builder.finish(parsed);
}

}  // namespace trayecto::format

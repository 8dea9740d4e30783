// FastCursor: the strict, non-allocating-where-it-can JSON reader of the fast load path (see
// format_internal.hpp). It mirrors nlohmann's lexer (RFC 8259 grammar, UTF-8 checked, escapes
// and surrogate pairs decoded the same way, integers as unsigned or negative 64-bit values,
// other numbers as strtod reads them) and gives up wherever the two could disagree.
#include <cfloat>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "format_internal.hpp"

namespace trayecto::format {

bool DuplicateKeys::seen(const Json::object_t::Container& members, std::string_view key) {
    if (members.size() < kLinearMembers) {
        for (const auto& member : members)
            if (member.first == key) return true;
        return false;
    }
    if (many_.empty())
        for (const auto& member : members) many_.insert(member.first);
    return !many_.insert(std::string(key)).second;
}

namespace {

bool isDigit(const char* p, const char* end) { return p != end && *p >= '0' && *p <= '9'; }

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

FastCursor::FastCursor(std::string_view text, const LoadLimits& limits)
    : p_(text.data()), end_(text.data() + text.size()), limits_(limits) {
    // nlohmann hands strtod the locale's decimal point; so does number().
    const auto* conventions = std::localeconv();
    decimalPoint_ = conventions && conventions->decimal_point ? *conventions->decimal_point : '.';
}

bool FastCursor::literal(const char* word, std::size_t size) {
    peek();
    if (static_cast<std::size_t>(end_ - p_) < size || std::string_view(p_, size) != word)
        return false;
    p_ += size;
    return true;
}

bool FastCursor::null() { return peek() == 'n' && literal("null", 4); }

bool FastCursor::boolean(bool& out) {
    const char c = peek();
    out = c == 't';
    return out ? literal("true", 4) : c == 'f' && literal("false", 5);
}

bool FastCursor::string(std::string& out) {
    if (peek() != '"') return false;
    ++p_;
    out.clear();
    const char* run = p_;
    for (;;) {
        while (p_ != end_ && kPlainStringBytes[static_cast<unsigned char>(*p_)]) ++p_;
        if (p_ == end_) return false;
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"') break;
        if (c == '\\') {
            out.append(run, p_);
            if (!escape(out)) return false;
            run = p_;
            continue;
        }
        if (c < 0x20) return false;
        const std::size_t length = utf8Sequence(p_, end_);
        if (length == 0) return false;
        p_ += length;
    }
    out.append(run, p_);
    ++p_;
    return out.size() <= limits_.maxStringBytes;
}

bool FastCursor::string(std::string_view& out) {
    if (!string(scratch_)) return false;
    out = scratch_;
    return true;
}

bool FastCursor::key() {
    if (!string(key_) || peek() != ':') return false;
    ++p_;
    return true;
}

bool FastCursor::hex4(unsigned& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i, ++p_) {
        const char c = *p_;
        unsigned digit;
        if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
        else return false;
        out = (out << 4) | digit;
    }
    return true;
}

// At a backslash: appends what the escape stands for.
bool FastCursor::escape(std::string& out) {
    if (end_ - p_ < 2) return false;
    const char c = p_[1];
    p_ += 2;
    switch (c) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b': out += '\b'; return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': break;
        default: return false;
    }
    unsigned cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {   // a high surrogate: a low one must follow
        unsigned low = 0;
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
        p_ += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
        cp = (((cp - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return false;
    }
    appendUtf8(out, cp);
    return true;
}

namespace {

// A decimal number as the double nearest to it, without strtod (whose long double arithmetic is
// emulated in WebAssembly, and slow), in the cases where one IEEE operation is exact: the
// significant digits make an integer of at most 2^53 and the power of ten is at most 10^22, so
// both are exact doubles and one multiplication or division rounds correctly (Clinger's fast
// path) -- the very value strtod gives. Returns false for every other number.
bool exactDecimal(bool negative, std::string_view whole, std::string_view fraction, std::string_view exponent,
                  double& out) {
    static_assert(FLT_EVAL_METHOD == 0, "double operations must round to double");
    static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    constexpr std::uint64_t kExact = std::uint64_t{1} << 53;
    std::uint64_t digits = 0;
    int significant = 0;
    for (std::string_view part : {whole, fraction})
        for (char c : part) {
            if (significant > 0 || c != '0') ++significant;
            if (significant > 16) return false;
            digits = digits * 10 + static_cast<unsigned>(c - '0');
        }
    if (digits > kExact) return false;
    int power = 0;
    if (!exponent.empty()) {
        const bool down = exponent.front() == '-';
        if (exponent.front() == '+' || down) exponent.remove_prefix(1);
        if (exponent.size() > 3) return false;
        for (char c : exponent) power = power * 10 + (c - '0');
        if (down) power = -power;
    }
    power -= static_cast<int>(fraction.size());
    if (power < -22 || power > 22) return false;
    const double value = static_cast<double>(digits);
    out = power < 0 ? value / kPowers[-power] : value * kPowers[power];
    if (negative) out = -out;
    return true;
}

}  // namespace

bool FastCursor::number(Number& out) {
    peek();
    const char* start = p_;
    const bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    if (!isDigit(p_, end_)) return false;
    const char* digits = p_;
    if (*p_ == '0') ++p_;
    else while (isDigit(p_, end_)) ++p_;
    const char* digitsEnd = p_;
    bool isFloat = false;
    const char* fraction = p_;   // its digits, when there is a fraction
    const char* fractionEnd = p_;
    if (p_ != end_ && *p_ == '.') {
        ++p_;
        if (!isDigit(p_, end_)) return false;
        fraction = p_;
        while (isDigit(p_, end_)) ++p_;
        fractionEnd = p_;
        isFloat = true;
    }
    const char* exponent = p_;   // its sign and digits, when there is an exponent
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
        ++p_;
        exponent = p_;
        if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
        if (!isDigit(p_, end_)) return false;
        while (isDigit(p_, end_)) ++p_;
        isFloat = true;
    }
    if (!isFloat) {
        constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
        constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;   // of INT64_MIN
        std::uint64_t magnitude = 0;
        for (const char* q = digits; q != digitsEnd; ++q) {
            const auto digit = static_cast<unsigned>(*q - '0');
            if (magnitude > (kMax - digit) / 10) return false;   // nlohmann reads it as a double
            magnitude = magnitude * 10 + digit;
        }
        if (!negative) {
            out.kind = Number::Unsigned;
            out.u = magnitude;
            return true;
        }
        if (magnitude > kMinMagnitude) return false;
        out.kind = Number::Negative;
        out.i = magnitude == kMinMagnitude ? std::numeric_limits<std::int64_t>::min()
                                           : -static_cast<std::int64_t>(magnitude);
        return true;
    }
    out.kind = Number::Float;
    const auto view = [](const char* from, const char* to) { return std::string_view(from, static_cast<std::size_t>(to - from)); };
    if (exactDecimal(negative, view(digits, digitsEnd), view(fraction, fractionEnd), view(exponent, p_), out.x)) return true;
    scratch_.assign(start, p_);
    if (decimalPoint_ != '.')
        for (char& ch : scratch_)
            if (ch == '.') ch = decimalPoint_;
    char* parsedEnd = nullptr;
    out.x = std::strtod(scratch_.c_str(), &parsedEnd);
    return parsedEnd == scratch_.c_str() + scratch_.size() && std::isfinite(out.x);
}

bool FastCursor::value(Json& out, int depth) {
    switch (peek()) {
        case '{': {
            out = Json::object();
            auto& members = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
            DuplicateKeys keys;
            return object(depth, [&](std::string_view key) {
                if (keys.seen(members, key)) return false;
                members.emplace_back(std::string(key), Json());
                return value(members.back().second, depth + 1);
            });
        }
        case '[': {
            out = Json::array();
            auto& items = out.get_ref<Json::array_t&>();
            return array(depth, [&] {
                items.emplace_back();
                return value(items.back(), depth + 1);
            });
        }
        case '"': {
            std::string text;
            if (!string(text)) return false;
            out = std::move(text);
            return true;
        }
        case 't':
        case 'f': {
            bool b = false;
            if (!boolean(b)) return false;
            out = b;
            return true;
        }
        case 'n':
            if (!null()) return false;
            out = nullptr;
            return true;
        default: {
            Number n;
            if (!number(n)) return false;
            if (n.kind == Number::Unsigned) out = static_cast<Json::number_unsigned_t>(n.u);
            else if (n.kind == Number::Negative) out = static_cast<Json::number_integer_t>(n.i);
            else out = static_cast<Json::number_float_t>(n.x);
            return true;
        }
    }
}

}  // namespace trayecto::format

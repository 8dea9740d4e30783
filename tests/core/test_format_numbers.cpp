// The fast reader's decimals: the same double as strtod (nlohmann's reader) for every number,
// whether it takes the exact short way (at most 16 significant digits, powers of ten up to 22)
// or hands the number to strtod.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "../../core/format_internal.hpp"
#include "trayecto/random.hpp"

using namespace trayecto;
using format::FastCursor;

namespace {

// The bits of the double the fast reader gives for `text`, and whether it read it as a float.
bool sameAsStrtod(const std::string& text) {
    FastCursor cursor(text, LoadLimits{});
    FastCursor::Number number;
    REQUIRE(cursor.number(number));
    REQUIRE(number.kind == FastCursor::Number::Float);
    const double expected = std::strtod(text.c_str(), nullptr);
    return std::memcmp(&number.x, &expected, sizeof expected) == 0;   // -0.0 and 0.0 told apart
}

std::string digitsOf(Random& r, int count, bool leading) {
    std::string s;
    for (int i = 0; i < count; ++i) s += static_cast<char>('0' + (i == 0 && !leading ? 1 + r.below(9) : r.below(10)));
    return s;
}

}  // namespace

TEST_CASE("decimals read exactly as strtod reads them, on the short way and the long", "[format][numbers]") {
    for (const char* text : {"0.1", "-0.0", "0.0", "1.5", "-2.25", "3.14159", "1e22", "1e23", "1e-22", "1e-23",
                             "123456789012345.6", "1234567890123456.7", "9007199254740993.0", "9007199254740992.0",
                             "0.30000000000000004", "2.5e-3", "7E+2", "4.35", "99.99", "0.000001", "1.7976931348623157e308",
                             "5e-324", "0.1e1", "100.0e-2", "12e-0", "0.00000000000000000000000001"}) {
        INFO(text);
        CHECK(sameAsStrtod(text));
    }
    Random r(20261128);
    for (int i = 0; i < 200000; ++i) {
        std::string text = r.percent(30) ? "-" : "";
        const int whole = r.between(1, 12);
        text += whole == 1 ? digitsOf(r, 1, true) : digitsOf(r, whole, false);
        if (r.percent(80)) text += "." + digitsOf(r, r.between(1, 14), true);
        if (r.percent(30) || text.find('.') == std::string::npos)
            text += std::string(r.percent(50) ? "e" : "E") + (r.percent(50) ? "-" : r.percent(50) ? "+" : "") +
                    std::to_string(r.between(0, 30));
        INFO(text);
        REQUIRE(sameAsStrtod(text));
    }
}

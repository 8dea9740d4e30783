// Reading CSV back in tests: RFC 4180 text split into rows of fields (quoted fields may hold
// commas, quotes and line breaks). The fuzz harness has a stricter reader that also reports
// malformed text (tests/fuzz/fuzz_exports.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace trayecto::test {

inline std::vector<std::vector<std::string>> parseCsv(const std::string& text, char separator = ',') {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == separator) {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty() && field.empty()) rows.pop_back();
    return rows;
}

}  // namespace trayecto::test

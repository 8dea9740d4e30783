// Fractional-index order keys: a key is a fraction in (0, 1) written in base 62 (digits
// 0-9A-Za-z, in byte order), never ending in '0', so there is always a key between two others.
#include <optional>

#include "sync_internal.hpp"

namespace trayecto::sync {

namespace {

constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr int kBase = 62;

int digitOf(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c >= 'a' && c <= 'z') return c - 'a' + 36;
    return -1;
}

// A key strictly between a and b (b unset: 1). Both valid, a < b.
std::string midpoint(const std::string& a, const std::optional<std::string>& b) {
    if (b) {
        std::size_t n = 0;
        while (n < b->size() && (n < a.size() ? a[n] : '0') == (*b)[n]) ++n;
        if (n > 0) return b->substr(0, n) + midpoint(n < a.size() ? a.substr(n) : "", b->substr(n));
    }
    const int da = a.empty() ? 0 : digitOf(a[0]);
    const int db = b ? digitOf((*b)[0]) : kBase;
    if (db - da > 1) return std::string(1, kDigits[(da + db) / 2]);
    if (b && b->size() > 1) return b->substr(0, 1);
    return std::string(1, kDigits[da]) + midpoint(a.empty() ? "" : a.substr(1), std::nullopt);
}

// m keys spread evenly between lo and hi ("": unbounded), appended to out in order.
void keysBetween(const std::string& lo, const std::string& hi, std::size_t m, std::vector<std::string>& out) {
    if (m == 0) return;
    const std::string mid = keyBetween(lo, hi);
    const std::size_t left = m / 2;
    keysBetween(lo, mid, left, out);
    out.push_back(mid);
    keysBetween(mid, hi, m - left - 1, out);
}

}  // namespace

std::string keyBetween(const std::string& before, const std::string& after) {
    const bool bounded = !after.empty() && detail::validKey(after) && before < after;
    return midpoint(detail::validKey(before) ? before : std::string(),
                    bounded ? std::optional<std::string>(after) : std::nullopt);
}

namespace detail {

bool validKey(const std::string& key) {
    if (key.empty() || key.back() == '0') return false;
    for (char c : key)
        if (digitOf(c) < 0) return false;
    return true;
}

std::vector<std::pair<std::size_t, std::string>> assignKeys(const std::vector<std::string>& keys,
                                                            const std::vector<bool>& keep) {
    std::vector<std::pair<std::size_t, std::string>> out;
    const std::size_t n = keys.size();
    std::string last;   // "": below every key
    std::size_t i = 0;
    while (i < n) {
        if (keep[i] && validKey(keys[i]) && keys[i] > last) {
            last = keys[i];
            ++i;
            continue;
        }
        // Items i..j-1 need keys below the next key that may stay (j; none: n).
        std::size_t j = i + 1;
        while (j < n && !(keep[j] && validKey(keys[j]) && keys[j] > last)) ++j;
        std::vector<std::string> run;
        keysBetween(last, j < n ? keys[j] : std::string(), j - i, run);
        for (std::size_t k = 0; k < run.size(); ++k) out.emplace_back(i + k, std::move(run[k]));
        i = j;
    }
    return out;
}

}  // namespace detail

}  // namespace trayecto::sync

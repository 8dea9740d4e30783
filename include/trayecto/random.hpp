// A small random source (splitmix64) that gives the same numbers from a seed on every platform
// and compiler: the generator's maps and the tests' seeded variations are reproducible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace trayecto {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // 0 … n-1 (0 when n is not positive), of n's own type.
    template <typename N>
    N below(N n) {
        static_assert(std::is_integral_v<N>, "below takes a count");
        if (!(n > 0)) return 0;
        return static_cast<N>(next() % static_cast<std::uint64_t>(n));
    }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }
    template <typename T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) { return items[below(N)]; }

private:
    std::uint64_t state_;
};

}  // namespace trayecto

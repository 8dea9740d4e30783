// The generated maps the benchmarks time, each size generated (and saved) once per process and
// shared by every benchmark. Seed 2026 is the one scripts/bench.sh gives `trayecto generate`, so
// the native timings line up with the browser figures.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"

namespace trayecto::bench {

constexpr std::uint32_t kSeed = 2026;

inline const Map& mapOf(int cards) {
    static std::map<int, Map> maps;
    auto it = maps.find(cards);
    if (it == maps.end()) it = maps.emplace(cards, generateMap(cards, kSeed)).first;
    return it->second;
}

inline const std::string& textOf(int cards) {
    static std::map<int, std::string> texts;
    auto it = texts.find(cards);
    if (it == texts.end()) it = texts.emplace(cards, saveMap(mapOf(cards))).first;
    return it->second;
}

}  // namespace trayecto::bench

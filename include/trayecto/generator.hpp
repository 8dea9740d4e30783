// Large, realistic maps for benchmarks and stress tests.
#pragma once

#include <cstdint>

#include "trayecto/model.hpp"

namespace trayecto {

// A Spanish-language map with exactly `cards` cards (0 if negative), spread over many stages
// (8 for small maps, up to 48) in the three phases and the ten usual lanes, with 3 to 8
// personas (every field filled), an emotion per persona and stage (a few missing, a few per
// touchpoint), moments of truth on touchpoint cards, and long text. Every card carries the
// detail block of its kind with plausible scores and metrics. Ids come from counters
// ("cd-1", "cd-2", ...), so generation is linear in `cards`.
// Deterministic: the same (cards, seed) gives the same map on every platform.
Map generateMap(int cards, std::uint32_t seed);

}  // namespace trayecto

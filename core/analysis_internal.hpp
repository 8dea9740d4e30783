// Helpers shared by the analysis sources (private to core/).
#pragma once

#include <cstddef>
#include <unordered_map>

#include "trayecto/model.hpp"

namespace trayecto::detail {

// Position of each stage by id, built once per analysis (maps can hold thousands of items).
inline std::unordered_map<Id, int> stagePositions(const Map& map) {
    std::unordered_map<Id, int> positions;
    positions.reserve(map.stages.size());
    for (std::size_t i = 0; i < map.stages.size(); ++i)
        positions.emplace(map.stages[i].id, static_cast<int>(i));
    return positions;
}

inline int positionOf(const std::unordered_map<Id, int>& positions, const Id& id) {
    auto it = positions.find(id);
    return it == positions.end() ? -1 : it->second;
}

}  // namespace trayecto::detail

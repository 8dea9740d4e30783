// The map's item vectors, by item type or by collection (private to the core: applyCommand and
// the sync module's mirror).
#pragma once

#include <type_traits>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto::detail {

template <typename T>
std::vector<T>& itemsOf(Map& m) {
    if constexpr (std::is_same_v<T, Persona>) return m.personas;
    else if constexpr (std::is_same_v<T, Stage>) return m.stages;
    else if constexpr (std::is_same_v<T, Lane>) return m.lanes;
    else if constexpr (std::is_same_v<T, Card>) return m.cards;
    else if constexpr (std::is_same_v<T, Emotion>) return m.emotions;
    else return m.moments;
}

// Calls f(vector&) with the vector that holds the given collection (M: Map or const Map).
template <typename M, typename F>
decltype(auto) withItems(M& m, Collection c, F&& f) {
    switch (c) {
        case Collection::Personas: return f(m.personas);
        case Collection::Stages: return f(m.stages);
        case Collection::Lanes: return f(m.lanes);
        case Collection::Cards: return f(m.cards);
        case Collection::Emotions: return f(m.emotions);
        case Collection::Moments: break;
    }
    return f(m.moments);
}

}  // namespace trayecto::detail

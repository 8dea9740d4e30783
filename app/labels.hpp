// The names of the model's enumerations in the UI languages.
#pragma once

#include "i18n.hpp"
#include "trayecto/model.hpp"

namespace trayecto::app {

const char* label(Lang, LaneType);
const char* label(Lang, CardKind);
const char* label(Lang, Channel);
const char* label(Lang, TouchpointKind);
const char* label(Lang, TouchpointOwner);
const char* label(Lang, MetricType);
const char* label(Lang, ImprovementStatus);
const char* label(Lang, MotType);
const char* label(Lang, MotState);
const char* label(Lang, ValueTier);
const char* dimensionLabel(Lang, int bit);   // bit index 0..4 of CxDimension
inline const char* label(Lang l, Phase p) { return phaseLabel(l, p); }
// What people call a field of the format ("text", "touchpoint/expectation", "meta/title"):
// "Texto", "Expectativa", "Título del mapa"; the path itself for a field without a label.
std::string fieldLabel(Lang, const std::string& path);
// A moment of truth's type as people read it: its own name when it is a custom one.
std::string momentTypeName(Lang, const MomentOfTruth& moment);

// How many values each enumeration has (they are contiguous from 0).
template <typename E> constexpr int enumCount();
template <> constexpr int enumCount<Phase>() { return 3; }
template <> constexpr int enumCount<LaneType>() { return 11; }
template <> constexpr int enumCount<CardKind>() { return 6; }
template <> constexpr int enumCount<Channel>() { return 11; }
template <> constexpr int enumCount<TouchpointKind>() { return 3; }
template <> constexpr int enumCount<TouchpointOwner>() { return 4; }
template <> constexpr int enumCount<MetricType>() { return 4; }
template <> constexpr int enumCount<ImprovementStatus>() { return 4; }
template <> constexpr int enumCount<MotType>() { return 4; }
template <> constexpr int enumCount<MotState>() { return 4; }
template <> constexpr int enumCount<ValueTier>() { return 5; }

}  // namespace trayecto::app

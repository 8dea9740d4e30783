// Ready-made maps: the example a new user lands on, and a blank starting point.
// Both are built in code (no files to ship), with fixed ids and times, so the same call
// always returns the same map.
#pragma once

#include <string>

#include "trayecto/model.hpp"

namespace trayecto {

// A complete retail e-commerce journey (buying running shoes online from "Zancada"):
// three personas, eight stages across the three phases, the standard lanes, touchpoints with
// channels, owners, scores and CSAT/NPS/CES metrics, an emotional curve per persona, the
// zero/first/second moments of truth, and pain points and opportunities with votes.
// `language`: "es" (or any "es-…" tag) gives Spanish content; anything else English.
Map exampleMap(const std::string& language);

// The skeleton of a map: the eight usual stages of the three phases and the standard lanes,
// named in the given language, with no personas, cards, emotions or moments.
Map blankMap(const std::string& language);

}  // namespace trayecto

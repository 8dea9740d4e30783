// Structural invariants every map must satisfy after loading and after any command.
#pragma once

#include <string>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto {

// Empty when the map is sound; otherwise one line per problem, naming the item.
// Checks: non-empty ids unique across the whole map; every reference (card stage/lane,
// card personas, emotion persona/stage/card, moment stage/card) points at an existing item;
// an emotion's or moment's card lies in its stage; valence within range; scores within 1..5;
// each card carries exactly the detail block its kind calls for; the workshop's numbers within
// their ranges, its ids (ballots, crowd curves) not empty and each merge conflict's chosen value
// one of its values.
std::vector<std::string> checkInvariants(const Map& map);

}  // namespace trayecto

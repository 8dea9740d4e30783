// Ctrl+F: find cards by text, ignoring case and Spanish accents ("accion" finds "Acción").
#pragma once

#include <string>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto::app {

// Lower-cases ASCII and Latin-1/Latin Extended-A letters and drops their accents.
std::string foldForSearch(const std::string& text);

// Ids of the cards whose text or notes contain the query, in map order; empty query: none.
std::vector<Id> findCards(const Map& map, const std::string& query);

bool cardMatches(const Card& card, const std::string& foldedQuery);

}  // namespace trayecto::app

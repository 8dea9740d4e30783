// The map as text for a screen reader: what the page builds its hidden, always-current mirror of
// the canvas from (web/a11y-mirror.js): lanes by stages with each cell's cards, every persona's
// emotional curve, and a sentence saying what the last change did. Worded in the UI's language.
// Sent in pieces: the grid's shape when it changes, then only the cells whose cards changed, a
// bounded number of cards per call, so no call is a long task even on a 20 000-card map.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "trayecto/commands.hpp"
#include "view_state.hpp"

namespace trayecto::app {

class Mirror {
public:
    // JSON: {"shape": null or {"lang", "corner", "noCards", "phases": [{"name", "span"}],
    // "stages": [{"id", "name"}], "rows": [{"id", "name"}]}, "grid" (its name), "curves":
    // [{"caption", "values": [text per stage]}], "cells": [{"row", "column", "cards": [{"id",
    // "text", "about"}]}], "more": bool, "selected": [ids], "announce"}. The shape comes when the
    // stages, lanes or language changed (the page then rebuilds the grid with empty cells); then
    // the cells not sent yet or changed since, up to about `maxCards` cards; "more" while some are
    // left. The emotion lanes are the curves, not rows. `cause` (ChangeCause) words "announce":
    // the edit, the undo or the redo just made, and where ("" for other causes).
    std::string next(const Document& doc, const ViewState& view, ChangeCause cause, size_t maxCards);
    // How many times every card was looked at again (a new map, a language, a change of shape):
    // a change to a few cards looks at those alone.
    size_t fullSurveys() const { return fullSurveys_; }

private:
    // A cell: its cards (indices into map.cards, in order) and a hash of what they would be worded from.
    struct Cell { int row = 0, column = 0; std::uint64_t hash = 0; std::vector<size_t> cards; };
    void survey(const Document& doc, const ViewState& view);   // the cells and shape, once per revision
    std::uint64_t surveyed_ = ~0ull;
    Lang surveyedLang_ = Lang::En;
    std::string shape_, sentShape_;
    std::vector<Cell> cells_;
    std::unordered_map<std::uint64_t, std::uint64_t> sent_;   // cell (row << 32 | column) -> hash sent
    std::string grid_, curves_;   // the grid's name and the curves, sent with every piece
    // Each card's JSON as last worded, by id, with a hash of what it was worded from: a survey
    // words again only the cards that changed.
    struct Worded { std::uint64_t from = 0; std::string json; };
    std::unordered_map<Id, Worded> worded_;
    std::vector<std::uint64_t> cardFrom_;   // per card of the map surveyed: what it is worded from
    std::vector<int> cellOfCard_;            // per card: its index in cells_, -1 when not in the grid
    std::vector<Id> cardIds_;                // per card: its id
    std::vector<int> rowOfLane_;             // per lane: its row in the grid, -1 for an emotion lane
    // The one change since the last survey only rewords cards that stay in their cells (typing,
    // a vote), adds or removes cards (deleting, pasting) or changes the title, the workshop or
    // emotions: those cells, and the grid's name and curves, alone are looked at again.
    bool surveyCards(const Document& doc, Lang lang);
    void forgetCard(size_t index);
    void addCard(size_t index, const Id& id, std::uint64_t from, int cell);
    void rehash(Cell& cell);
    void surveyShape(const Map& map, Lang lang);   // the shape, the grid's name and the curves
    size_t rowCount_ = 0;
    size_t fullSurveys_ = 0;
    const std::string& wordCard(const Map& map, Lang lang, size_t card);
};

}  // namespace trayecto::app

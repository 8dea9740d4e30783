// Where everything on the map canvas goes, in world units (CSS pixels at zoom 1).
// Computed from the map when it changes, not every frame: cards are wrapped and measured once.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto::app {

struct Box {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool contains(float x, float y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
};

namespace metrics {
constexpr float LaneHeaderWidth = 150.0f;
constexpr float PhaseBandHeight = 26.0f;
constexpr float StageHeaderHeight = 44.0f;
constexpr float StageWidth = 220.0f;
constexpr float CellPadding = 8.0f;
constexpr float CardGap = 6.0f;
constexpr float CardTextPadding = 7.0f;
constexpr float CardTextSize = 13.0f;
constexpr float CardFooterHeight = 16.0f;  // votes, persona chips, MOT mark
constexpr float MinRowHeight = 64.0f;
constexpr float EmotionRowHeight = 190.0f;
constexpr float VisibilityGap = 22.0f;     // band for the line of visibility
constexpr float EmotionPointRadius = 6.0f;
}  // namespace metrics

struct CardSlot {
    int card = -1;   // index into map.cards
    int row = -1, column = -1;
    Box box;
};

struct MapLayout {
    std::vector<Box> columns;          // one per stage: the whole column below the headers
    std::vector<Box> stageHeaders;     // one per stage
    struct PhaseBand { Phase phase; Box box; };
    std::vector<PhaseBand> phases;     // consecutive stages of one phase share a band
    std::vector<int> rowLane;          // lane index (into map.lanes) of each shown row
    std::vector<Box> rows;             // one per shown row, full width incl. header
    std::vector<CardSlot> cards;       // every shown card
    std::vector<std::vector<int>> cells;  // [row * columns + column] -> indices into `cards`
    float visibilityY = -1.0f;         // y of the line of visibility, or -1 when no backstage
    int emotionRow = -1;               // the row of the (first) emotion lane, or -1
    float width = 0, height = 0;

    int columnCount() const { return static_cast<int>(columns.size()); }
    const std::vector<int>& cell(int row, int column) const {
        return cells[static_cast<size_t>(row * columnCount() + column)];
    }
    int rowAt(float y) const;      // -1 when outside
    int columnAt(float x) const;   // -1 when outside
    int slotOfCard(int cardIndex) const;  // index into `cards`, -1 when not shown
    // Where a card dropped at y in a cell goes among that cell's cards (0..count).
    int insertionIndex(int row, int column, float y) const;
};

// Height of `text` wrapped to `width` at size `size` (world units).
using MeasureText = std::function<float(const std::string& text, float size, float width)>;

struct LayoutOptions {
    std::string personaFilter;   // empty: every card; else only cards that apply to it
};

MapLayout computeLayout(const Map& map, const LayoutOptions& options, const MeasureText& measure);

float cardTextWidth();   // the wrap width of card text

}  // namespace trayecto::app

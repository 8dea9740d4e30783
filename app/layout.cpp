#include "layout.hpp"

#include <algorithm>
#include <unordered_map>

namespace trayecto::app {

using namespace metrics;

float cardTextWidth() { return StageWidth - 2 * CellPadding - 2 * CardTextPadding; }

namespace {
bool appliesTo(const Card& card, const std::string& persona) {
    if (persona.empty() || card.personaIds.empty()) return true;
    return std::find(card.personaIds.begin(), card.personaIds.end(), persona) != card.personaIds.end();
}
}  // namespace

int MapLayout::rowAt(float y) const {
    for (size_t i = 0; i < rows.size(); ++i)
        if (y >= rows[i].y0 && y < rows[i].y1) return static_cast<int>(i);
    return -1;
}

int MapLayout::columnAt(float x) const {
    if (columns.empty() || x < columns.front().x0) return -1;
    const int c = static_cast<int>((x - columns.front().x0) / StageWidth);
    return c < columnCount() ? c : -1;
}

int MapLayout::slotOfCard(int cardIndex) const {
    for (size_t i = 0; i < cards.size(); ++i)
        if (cards[i].card == cardIndex) return static_cast<int>(i);
    return -1;
}

int MapLayout::insertionIndex(int row, int column, float y) const {
    const auto& slots = cell(row, column);
    int index = 0;
    for (int s : slots) {
        const Box& b = cards[static_cast<size_t>(s)].box;
        if (y > (b.y0 + b.y1) * 0.5f) ++index;
    }
    return index;
}

MapLayout computeLayout(const Map& map, const LayoutOptions& options, const MeasureText& measure) {
    MapLayout layout;
    const int columnCount = static_cast<int>(map.stages.size());
    const float top = PhaseBandHeight + StageHeaderHeight;

    // Rows: the shown lanes in order.
    std::unordered_map<std::string, int> rowOfLane;
    for (size_t i = 0; i < map.lanes.size(); ++i) {
        if (map.lanes[i].hidden) continue;
        rowOfLane[map.lanes[i].id] = static_cast<int>(layout.rowLane.size());
        layout.rowLane.push_back(static_cast<int>(i));
    }
    const int rowCount = static_cast<int>(layout.rowLane.size());
    std::unordered_map<std::string, int> columnOfStage;
    for (int c = 0; c < columnCount; ++c) columnOfStage[map.stages[static_cast<size_t>(c)].id] = c;

    // Measure every shown card, grouped by cell in map order (which is the cell order).
    layout.cells.assign(static_cast<size_t>(rowCount * columnCount), {});
    std::vector<float> cellHeight(static_cast<size_t>(rowCount * columnCount), 0.0f);
    const float textWidth = cardTextWidth();
    for (size_t i = 0; i < map.cards.size(); ++i) {
        const Card& card = map.cards[i];
        auto r = rowOfLane.find(card.laneId);
        auto c = columnOfStage.find(card.stageId);
        if (r == rowOfLane.end() || c == columnOfStage.end()) continue;
        if (!appliesTo(card, options.personaFilter)) continue;
        const size_t cell = static_cast<size_t>(r->second * columnCount + c->second);
        const float textHeight = measure(card.text.empty() ? std::string(" ") : card.text,
                                         CardTextSize, textWidth);
        CardSlot slot;
        slot.card = static_cast<int>(i);
        slot.row = r->second;
        slot.column = c->second;
        slot.box.y0 = cellHeight[cell];  // relative for now
        slot.box.y1 = slot.box.y0 + textHeight + 2 * CardTextPadding + CardFooterHeight;
        cellHeight[cell] = slot.box.y1 + CardGap;
        layout.cells[cell].push_back(static_cast<int>(layout.cards.size()));
        layout.cards.push_back(slot);
    }

    // Row heights: the tallest cell, at least the minimum; the emotion lane is fixed.
    float y = top;
    bool visibilityPlaced = false;
    for (int r = 0; r < rowCount; ++r) {
        const Lane& lane = map.lanes[static_cast<size_t>(layout.rowLane[static_cast<size_t>(r)])];
        if (lane.type == LaneType::Backstage && !visibilityPlaced) {
            layout.visibilityY = y + VisibilityGap * 0.5f;
            y += VisibilityGap;
            visibilityPlaced = true;
        }
        float height = MinRowHeight;
        for (int c = 0; c < columnCount; ++c)
            height = std::max(height, cellHeight[static_cast<size_t>(r * columnCount + c)] + 2 * CellPadding);
        if (lane.type == LaneType::Emotions) {
            height = std::max(height, EmotionRowHeight);
            if (layout.emotionRow < 0) layout.emotionRow = r;
        }
        layout.rows.push_back(Box{0, y, LaneHeaderWidth + columnCount * StageWidth, y + height});
        y += height;
    }
    layout.height = y;
    layout.width = LaneHeaderWidth + columnCount * StageWidth;

    for (int c = 0; c < columnCount; ++c) {
        const float x0 = LaneHeaderWidth + c * StageWidth;
        layout.columns.push_back(Box{x0, top, x0 + StageWidth, y});
        layout.stageHeaders.push_back(Box{x0, PhaseBandHeight, x0 + StageWidth, top});
        const Phase phase = map.stages[static_cast<size_t>(c)].phase;
        if (!layout.phases.empty() && layout.phases.back().phase == phase)
            layout.phases.back().box.x1 = x0 + StageWidth;
        else
            layout.phases.push_back({phase, Box{x0, 0, x0 + StageWidth, PhaseBandHeight}});
    }

    // Place the cards in their cells.
    for (CardSlot& slot : layout.cards) {
        const Box& row = layout.rows[static_cast<size_t>(slot.row)];
        const float x0 = LaneHeaderWidth + slot.column * StageWidth + CellPadding;
        const float h = slot.box.y1 - slot.box.y0;
        slot.box = Box{x0, row.y0 + CellPadding + slot.box.y0, x0 + StageWidth - 2 * CellPadding,
                       row.y0 + CellPadding + slot.box.y0 + h};
    }
    return layout;
}

}  // namespace trayecto::app

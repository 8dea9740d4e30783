// Drawing the map canvas: only what is inside the visible rectangle is built.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "canvas.hpp"
#include "imgui.h"
#include "search.hpp"
#include "text_measure.hpp"
#include "theme.hpp"

namespace trayecto::app {

using namespace metrics;

namespace {

bool isMomentCard(const Map& map, const Id& cardId) {
    for (const MomentOfTruth& m : map.moments)
        if (m.cardId && *m.cardId == cardId) return true;
    return false;
}

void text(ImDrawList* dl, ImFont* font, float pixels, float x, float y, ImU32 color, const std::string& s,
          float wrap = 0.0f) {
    dl->AddText(font, pixels, ImVec2(x, y), color, s.c_str(), s.c_str() + s.size(), wrap);
}

// Text cut to the box [p0, p1] (within the current clip rectangle) glyph by glyph on the CPU:
// no clip rectangle pushed per card, which at low zoom meant a draw call per card.
constexpr float kLegiblePixels = 5.0f;   // CSS pixels of card text below which it is not drawn

// Where a card's text would be, one bar per line (the last one shorter).
void textBars(ImDrawList* dl, const Box& box, float s, ImVec2 p0) {
    const float lineHeight = CardTextSize * 1.17f;
    const float textHeight = box.height() - 2 * CardTextPadding - CardFooterHeight;
    const int lines = std::clamp(static_cast<int>(textHeight / lineHeight + 0.5f), 1, 8);
    const float x0 = p0.x + CardTextPadding * s, width = cardTextWidth() * s;
    for (int i = 0; i < lines; ++i) {
        const float y = p0.y + (CardTextPadding + lineHeight * (static_cast<float>(i) + 0.3f)) * s;
        const float w = i + 1 == lines && lines > 1 ? width * 0.6f : width;
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + w, y + lineHeight * 0.4f * s), IM_COL32(0, 0, 0, 60));
    }
}

void textIn(ImDrawList* dl, ImVec2 p0, ImVec2 p1, ImFont* font, float pixels, float x, float y, ImU32 color,
            const std::string& s, float wrap = 0.0f) {
    const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
    const ImVec4 clip(std::max(p0.x, lo.x), std::max(p0.y, lo.y), std::min(p1.x, hi.x), std::min(p1.y, hi.y));
    if (clip.x >= clip.z || clip.y >= clip.w) return;
    dl->AddText(font, pixels, ImVec2(x, y), color, s.c_str(), s.c_str() + s.size(), wrap, &clip);
}
}  // namespace

void Canvas::drawForExport(ImDrawList* dl, const Document& doc, const ViewState& view, const Fonts& fonts,
                           float pixelsPerUnit, float margin) {
    // The whole map, nothing selected or searched, at the given scale, from (0, 0).
    ViewState plain = view;
    plain.selection.clear();
    plain.searchOpen = false;
    plain.editingCard.clear();
    plain.zoom = pixelsPerUnit / pixelRatio_;
    plain.panX = -margin;
    plain.panY = -margin;
    const float x = x_, y = y_, w = w_, h = h_;
    x_ = 0;
    y_ = 0;
    w_ = (layout_.width + 2 * margin) * pixelsPerUnit;
    h_ = (layout_.height + 2 * margin) * pixelsPerUnit;
    showAddPoints_ = false;
    drawTo(dl, doc, plain, fonts);
    x_ = x; y_ = y; w_ = w; h_ = h;
}

void Canvas::draw(const Document& doc, const ViewState& view, const Fonts& fonts) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    showAddPoints_ = !doc.readOnly() && !view.presenting;
    drawTo(dl, doc, view, fonts);
    dl->PushClipRect(ImVec2(x_, y_), ImVec2(x_ + w_, y_ + h_), true);
    drawFilterChip(dl, view, doc.map(), fonts);
    drawOverview(dl, view, fonts);
    dl->PopClipRect();
}

void Canvas::drawTo(ImDrawList* dl, const Document& doc, const ViewState& view, const Fonts& fonts) {
    const Map& map = doc.map();
    dl->PushClipRect(ImVec2(x_, y_), ImVec2(x_ + w_, y_ + h_), true);
    dl->AddRectFilled(ImVec2(x_, y_), ImVec2(x_ + w_, y_ + h_), theme::Background);
    const Box visible{toWorldX(view, x_), toWorldY(view, y_), toWorldX(view, x_ + w_), toWorldY(view, y_ + h_)};
    const float s = scale(view);

    // Rows: tinted backgrounds and grid lines.
    for (size_t r = 0; r < layout_.rows.size(); ++r) {
        const Box& b = layout_.rows[r];
        if (!b.overlaps(visible)) continue;
        const Lane& lane = map.lanes[static_cast<size_t>(layout_.rowLane[r])];
        if (lane.type == LaneType::Backstage)
            dl->AddRectFilled(ImVec2(toScreenX(view, b.x0), toScreenY(view, b.y0)),
                              ImVec2(toScreenX(view, b.x1), toScreenY(view, b.y1)), theme::BackstageTint);
        dl->AddLine(ImVec2(toScreenX(view, LaneHeaderWidth), toScreenY(view, b.y1)),
                    ImVec2(toScreenX(view, b.x1), toScreenY(view, b.y1)), theme::Grid, 1.0f);
    }
    for (const Box& c : layout_.columns) {
        if (!c.overlaps(visible)) continue;
        dl->AddLine(ImVec2(toScreenX(view, c.x1), toScreenY(view, c.y0)),
                    ImVec2(toScreenX(view, c.x1), toScreenY(view, c.y1)), theme::Grid, 1.0f);
    }
    // Selected stage or lane.
    for (size_t c = 0; c < layout_.columns.size(); ++c)
        if (view.isSelected(map.stages[c].id)) {
            const Box& b = layout_.columns[c];
            dl->AddRectFilled(ImVec2(toScreenX(view, b.x0), toScreenY(view, layout_.stageHeaders[c].y0)),
                              ImVec2(toScreenX(view, b.x1), toScreenY(view, b.y1)), theme::SelectionFill);
        }
    for (size_t r = 0; r < layout_.rows.size(); ++r)
        if (view.isSelected(map.lanes[static_cast<size_t>(layout_.rowLane[r])].id)) {
            const Box& b = layout_.rows[r];
            dl->AddRectFilled(ImVec2(toScreenX(view, b.x0), toScreenY(view, b.y0)),
                              ImVec2(toScreenX(view, b.x1), toScreenY(view, b.y1)), theme::SelectionFill);
        }

    // The keyboard's cell, when no card in it is selected: a ring (the selection shows a card).
    if (view.focusShown) {
        const KeyCursor at = keyCursor(map, view);
        if (at.row >= 0 && at.place < 0) {
            const Box b = cellBox(at.row, at.column);
            const float inset = 3.0f;
            dl->AddRect(ImVec2(toScreenX(view, b.x0 + inset), toScreenY(view, b.y0 + inset)),
                        ImVec2(toScreenX(view, b.x1 - inset), toScreenY(view, b.y1 - inset)), theme::Selection,
                        4.0f * s, 0, 3.0f * pixelRatio_);
        }
    }

    // The line of visibility.
    if (layout_.visibilityY >= 0) {
        const float y = toScreenY(view, layout_.visibilityY);
        const float x0 = toScreenX(view, 0), x1 = toScreenX(view, layout_.width);
        for (float x = x0; x < x1; x += 14.0f * s)
            dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 8.0f * s, x1), y), theme::Visibility, 2.0f * fonts.pixelRatio);
        const float px = 10.0f * s;
        text(dl, fonts.canvasFont(px), px, toScreenX(view, LaneHeaderWidth + 6), y - px - 2.0f * s,
             theme::Visibility, tr(view.lang, Text::LineOfVisibility));
    }

    drawCards(dl, map, view, fonts, visible);
    const int emoRow = layout_.emotionRow;
    if (emoRow >= 0 && layout_.rows[static_cast<size_t>(emoRow)].overlaps(visible))
        drawEmotionLane(dl, map, view, fonts, emoRow);
    drawHeaders(dl, map, view, fonts, visible);
    drawDragFeedback(dl, map, view);
    dl->PopClipRect();
}

void Canvas::drawCards(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, const Box& visible) {
    const float s = scale(view);
    const float pixels = CardTextSize * s;
    ImFont* font = fonts.canvasFont(pixels);
    // Text this small cannot be read: cards then show bars instead of glyphs (a few vertices
    // instead of hundreds each, which is what a zoomed-out view of a big map draws most).
    const bool legible = pixels >= kLegiblePixels * fonts.pixelRatio;
    const float rounding = legible ? 4.0f * s : 0.0f;
    const std::string query = view.searchOpen ? foldForSearch(view.search) : std::string();
    // Cells intersecting the visible rectangle only.
    int c0 = std::max(0, layout_.columnAt(std::max(visible.x0, LaneHeaderWidth)));
    int c1 = layout_.columnAt(visible.x1);
    if (c1 < 0) c1 = layout_.columnCount() - 1;
    if (visible.x1 < LaneHeaderWidth) return;
    for (size_t r = 0; r < layout_.rows.size(); ++r) {
        if (!layout_.rows[r].overlaps(visible)) continue;
        for (int c = c0; c <= c1; ++c) {
            for (int si : layout_.cell(static_cast<int>(r), c)) {
                const CardSlot& slot = layout_.cards[static_cast<size_t>(si)];
                if (!slot.box.overlaps(visible)) continue;
                const Card& card = map.cards[static_cast<size_t>(slot.card)];
                const ImVec2 p0(toScreenX(view, slot.box.x0), toScreenY(view, slot.box.y0));
                const ImVec2 p1(toScreenX(view, slot.box.x1), toScreenY(view, slot.box.y1));
                const ImU32 fill = card.color ? theme::fromRgb(*card.color) : theme::cardColor(card.kind);
                if (legible)
                    dl->AddRectFilled(ImVec2(p0.x + 1.5f * s, p0.y + 2.0f * s), ImVec2(p1.x + 1.5f * s, p1.y + 2.0f * s),
                                      IM_COL32(0, 0, 0, 22), rounding);
                dl->AddRectFilled(p0, p1, fill, rounding);
                const bool selected = view.isSelected(card.id);
                if (!query.empty() && cardMatches(card, query))
                    dl->AddRect(p0, p1, theme::SearchHit, rounding, 0, 3.0f * fonts.pixelRatio);
                dl->AddRect(p0, p1, selected ? theme::Selection : theme::CardBorder, rounding, 0,
                            (selected ? 2.5f : 1.0f) * fonts.pixelRatio);
                drawPeerMarks(dl, view, card.id, p0, p1, fonts, legible ? font : nullptr);
                if (view.editingCard == card.id) continue;
                if (!legible) {   // too small to read: a grey bar per line of text, no footer
                    textBars(dl, slot.box, s, p0);
                    continue;
                }
                textIn(dl, p0, p1, font, pixels, p0.x + CardTextPadding * s, p0.y + CardTextPadding * s,
                       card.color ? theme::textOn(fill) : theme::CardText, card.text, cardTextWidth() * s * 1.01f);
                // Footer: persona chips, votes, moment-of-truth star.
                const float fy = p1.y - (CardFooterHeight - 2.0f) * s;
                float fx = p0.x + CardTextPadding * s;
                for (const Id& pid : card.personaIds) {
                    if (const Persona* p = findPersona(map, pid)) {
                        dl->AddCircleFilled(ImVec2(fx + 4.0f * s, fy + 5.0f * s), 4.0f * s, theme::fromRgb(p->color));
                        fx += 11.0f * s;
                    }
                }
                const float small = 10.0f * s;
                ImFont* smallFont = fonts.canvasFont(small);
                if (card.votes > 0)   // "▲ n"
                    text(dl, smallFont, small, fx + 2.0f * s, fy, card.color ? theme::mutedOn(fill) : theme::MutedText,
                         "\xe2\x96\xb2 " + std::to_string(card.votes));
                if (isMomentCard(map, card.id))
                    text(dl, smallFont, small * 1.3f, p1.x - 16.0f * s, fy - 3.0f * s, theme::Moment, "\xe2\x98\x85");  // ★
            }
        }
    }
}

// Others in a live room who selected this card, or type into it: a ring in each one's colour just
// outside it, and the first one's name in its corner (someone typing first: "Ben · typing").
void Canvas::drawPeerMarks(ImDrawList* dl, const ViewState& view, const Id& id, const ImVec2& p0, const ImVec2& p1,
                           const Fonts& fonts, ImFont* font) const {
    if (view.peers.empty()) return;
    const float k = fonts.pixelRatio;
    float out = 3.0f * k;
    const Peer* first = nullptr;
    for (const Peer& peer : view.peers) {
        const bool typing = peer.editing == id;
        if (!typing && std::find(peer.selection.begin(), peer.selection.end(), id) == peer.selection.end()) continue;
        dl->AddRect(ImVec2(p0.x - out, p0.y - out), ImVec2(p1.x + out, p1.y + out), theme::fromRgb(peer.rgb), 4.0f * k, 0,
                    2.0f * k);
        out += 2.5f * k;
        if (!first || (typing && first->editing != id)) first = &peer;
    }
    if (!first || !font || first->name.empty()) return;
    const std::string label = first->editing == id ? format(view.lang, Text::PeerTyping, {first->name}) : first->name;
    const float size = 11.0f * k;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, label.c_str());
    // Inside the card's top right corner: above it, the lane's top or the stage headers would cut it.
    const ImVec2 at(std::max(p0.x + 2.0f * k, p1.x - extent.x - 4.0f * k), p0.y + 2.0f * k);
    dl->AddRectFilled(ImVec2(at.x - 2.0f * k, at.y - 1.0f * k), ImVec2(at.x + extent.x + 3.0f * k, at.y + extent.y + 1.0f * k),
                      theme::fromRgb(first->rgb), 3.0f * k);
    dl->AddText(font, size, at, theme::textOn(theme::fromRgb(first->rgb)), label.c_str());
}

void Canvas::drawEmotionLane(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, int row) {
    const float s = scale(view);
    const Box& b = layout_.rows[static_cast<size_t>(row)];
    const float small = 10.0f * s;
    ImFont* font = fonts.canvasFont(small);
    // The scale: a labelled line per valence step.
    for (int v = kValenceMin; v <= kValenceMax; ++v) {
        const float y = toScreenY(view, valenceToY(row, static_cast<float>(v)));
        dl->AddLine(ImVec2(toScreenX(view, LaneHeaderWidth), y), ImVec2(toScreenX(view, b.x1), y),
                    v == 0 ? IM_COL32(0, 0, 0, 60) : IM_COL32(0, 0, 0, 18), v == 0 ? 1.5f : 1.0f);
    }   // its numbers are on the lane's header (drawHeaders), which stays on screen
    // "+" where the active persona has no point yet: a click adds one there (and drags it).
    const Persona* adding = findPersona(map, view.personaFilter.empty() ? view.activePersona : view.personaFilter);
    if (adding && adding->id == view.activePersona && showAddPoints_) {
        const ImU32 color = theme::fromRgb(adding->color, 170);
        for (int c = 0; c < layout_.columnCount(); ++c) {
            float ignored = 0;
            if (valenceAt(map, adding->id, map.stages[static_cast<size_t>(c)].id, ignored)) continue;
            const Box& col = layout_.columns[static_cast<size_t>(c)];
            const ImVec2 at(toScreenX(view, (col.x0 + col.x1) * 0.5f), toScreenY(view, valenceToY(row, 0.0f)));
            const float radius = EmotionPointRadius * s;
            dl->AddCircleFilled(at, radius + 1.0f * s, IM_COL32(255, 255, 255, 230));
            dl->AddCircle(at, radius, color, 0, 1.5f * s);
            dl->AddLine(ImVec2(at.x - radius * 0.55f, at.y), ImVec2(at.x + radius * 0.55f, at.y), color, 1.5f * s);
            dl->AddLine(ImVec2(at.x, at.y - radius * 0.55f), ImVec2(at.x, at.y + radius * 0.55f), color, 1.5f * s);
        }
    }
    // Curves: other personas first, the active one on top.
    std::vector<const Persona*> order;
    for (const Persona& p : map.personas)
        if (p.id != view.activePersona) order.push_back(&p);
    if (const Persona* active = findPersona(map, view.activePersona)) order.push_back(active);
    for (const Persona* p : order) {
        if (!view.personaFilter.empty() && p->id != view.personaFilter) continue;
        const bool active = p->id == view.activePersona;
        const ImU32 color = theme::fromRgb(p->color, active ? 255 : 150);
        drawCrowdBand(dl, map, view, *p, row);
        std::vector<ImVec2> points;
        std::vector<float> valences;
        for (int c = 0; c < layout_.columnCount(); ++c) {
            float sx = 0, sy = 0;
            if (emotionPoint(map, view, p->id, c, sx, sy)) points.emplace_back(sx, sy);
        }
        if (points.size() >= 2)
            dl->AddPolyline(points.data(), static_cast<int>(points.size()), color, 0, (active ? 3.5f : 2.0f) * s);
        for (const ImVec2& pt : points) {
            dl->AddCircleFilled(pt, EmotionPointRadius * s * (active ? 1.0f : 0.8f), color);
            dl->AddCircle(pt, EmotionPointRadius * s * (active ? 1.0f : 0.8f), IM_COL32(255, 255, 255, 230), 0, 1.5f * s);
        }
        // Named feelings next to the active persona's points.
        if (active) {
            for (int c = 0; c < layout_.columnCount(); ++c) {
                float sx = 0, sy = 0;
                if (!emotionPoint(map, view, p->id, c, sx, sy)) continue;
                for (const Emotion& e : map.emotions)
                    if (e.personaId == p->id && e.stageId == map.stages[static_cast<size_t>(c)].id && !e.feeling.empty()) {
                        text(dl, font, small, sx + 9.0f * s, sy - small - 2.0f * s, theme::HeaderText, e.feeling);
                        break;
                    }
            }
        }
    }
}

// After a merge: the spread of the participants' ratings, first to third quartile as a band,
// minimum to maximum as whiskers, at the stages the map still has (the band breaks where a stage
// was not rated).
void Canvas::drawCrowdBand(ImDrawList* dl, const Map& map, const ViewState& view, const Persona& persona, int row) {
    const float s = scale(view);
    for (const CrowdCurve& curve : map.workshop.crowd) {
        if (curve.personaId != persona.id) continue;
        const ImU32 band = theme::fromRgb(persona.color, persona.id == view.activePersona ? 60 : 30);
        const ImU32 whisker = theme::fromRgb(persona.color, 140);
        const CrowdPoint* previous = nullptr;
        float previousX = 0;
        for (size_t c = 0; c < map.stages.size() && c < layout_.columns.size(); ++c) {
            const auto at = std::find_if(curve.points.begin(), curve.points.end(),
                                         [&](const CrowdPoint& p) { return p.stageId == map.stages[c].id; });
            if (at == curve.points.end() || !at->rated()) { previous = nullptr; continue; }
            const CrowdPoint& point = *at;
            const float x = toScreenX(view, (layout_.columns[c].x0 + layout_.columns[c].x1) * 0.5f);
            auto y = [&](double v) { return toScreenY(view, valenceToY(row, static_cast<float>(v))); };
            dl->AddLine(ImVec2(x, y(point.min)), ImVec2(x, y(point.max)), whisker, 1.5f * s);
            if (previous) {
                dl->PathLineTo(ImVec2(previousX, y(previous->q1)));
                dl->PathLineTo(ImVec2(previousX, y(previous->q3)));
                dl->PathLineTo(ImVec2(x, y(point.q3)));
                dl->PathLineTo(ImVec2(x, y(point.q1)));
                dl->PathFillConvex(band);
            }
            previous = &point;
            previousX = x;
        }
    }
}

void Canvas::drawHeaders(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, const Box& visible) {
    const float s = scale(view);
    // Phase bands and stage headers stick to the top of the canvas while scrolling down.
    const float stickY = std::max(0.0f, visible.y0);
    const float dy = stickY;   // world offset applied to header rows
    const float headerPx = 14.0f * s, phasePx = 11.0f * s;
    ImFont* headerFont = fonts.canvasFont(headerPx);
    ImFont* phaseFont = fonts.canvasFont(phasePx);
    dl->AddRectFilled(ImVec2(toScreenX(view, visible.x0), toScreenY(view, dy)),
                      ImVec2(toScreenX(view, visible.x1), toScreenY(view, dy + PhaseBandHeight + StageHeaderHeight)),
                      theme::Background);
    for (const auto& band : layout_.phases) {
        const ImVec2 p0(toScreenX(view, band.box.x0 + 2), toScreenY(view, band.box.y0 + dy + 2));
        const ImVec2 p1(toScreenX(view, band.box.x1 - 2), toScreenY(view, band.box.y1 + dy - 2));
        dl->AddRectFilled(p0, p1, theme::phaseColor(band.phase), 3.0f * s);
        text(dl, phaseFont, phasePx, p0.x + 8.0f * s, p0.y + (p1.y - p0.y - phasePx) * 0.5f, theme::PhaseText,
             phaseLabel(view.lang, band.phase));
    }
    for (size_t c = 0; c < layout_.stageHeaders.size(); ++c) {
        const Box& h = layout_.stageHeaders[c];
        if (h.x1 < visible.x0 || h.x0 > visible.x1) continue;
        const ImVec2 p0(toScreenX(view, h.x0), toScreenY(view, h.y0 + dy));
        const ImVec2 p1(toScreenX(view, h.x1), toScreenY(view, h.y1 + dy));
        const bool selected = view.isSelected(map.stages[c].id);
        dl->AddRectFilled(ImVec2(p0.x + 2 * s, p0.y + 3 * s), ImVec2(p1.x - 2 * s, p1.y - 3 * s),
                          selected ? theme::SelectionFill : IM_COL32(255, 255, 255, 255), 3.0f * s);
        const bool hasMoment = std::any_of(map.moments.begin(), map.moments.end(),
                                           [&](const MomentOfTruth& m) { return m.stageId == map.stages[c].id; });
        const float nameX = p0.x + 10.0f * s, nameEnd = p1.x - (hasMoment ? 22.0f : 6.0f) * s;   // the star's room
        textIn(dl, p0, p1, headerFont, headerPx, nameX, p0.y + (p1.y - p0.y - headerPx) * 0.5f, theme::HeaderText,
               headerFont ? fittedText(*headerFont, headerPx, map.stages[c].name, nameEnd - nameX) : map.stages[c].name);
        if (hasMoment)
            text(dl, headerFont, headerPx, p1.x - 20.0f * s, p0.y + (p1.y - p0.y - headerPx) * 0.5f, theme::Moment, "\xe2\x98\x85");
    }
    // Lane names pinned at the left edge.
    const float stickX = std::max(0.0f, visible.x0);
    const float laneTop = toScreenY(view, dy + PhaseBandHeight + StageHeaderHeight);
    dl->PushClipRect(ImVec2(x_, std::max(y_, laneTop)), ImVec2(x_ + w_, y_ + h_), true);
    for (size_t r = 0; r < layout_.rows.size(); ++r) {
        const Box& b = layout_.rows[r];
        if (!b.overlaps(visible) && !(b.y1 >= visible.y0 && b.y0 <= visible.y1)) continue;
        const Lane& lane = map.lanes[static_cast<size_t>(layout_.rowLane[r])];
        const ImVec2 p0(toScreenX(view, stickX), toScreenY(view, b.y0));
        const ImVec2 p1(toScreenX(view, stickX + LaneHeaderWidth), toScreenY(view, b.y1));
        const bool selected = view.isSelected(lane.id);
        dl->AddRectFilled(p0, p1, selected ? theme::SelectionFill : theme::laneHeaderColor(lane.type));
        dl->AddLine(ImVec2(p1.x, p0.y), ImVec2(p1.x, p1.y), theme::Grid);
        dl->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), theme::Grid);
        textIn(dl, p0, p1, headerFont, headerPx, p0.x + 10.0f * s, p0.y + 10.0f * s, theme::HeaderText, lane.name,
               (LaneHeaderWidth - 20.0f) * s);
        if (static_cast<int>(r) == layout_.emotionRow) drawEmotionLegend(dl, map, view, fonts, Box{p0.x, p0.y, p1.x, p1.y});
    }
    dl->PopClipRect();
}

// On the emotion lane's header: which colour is which persona (the active one marked), and the
// valence scale, -3 to +3, level with the lines it labels.
void Canvas::drawEmotionLegend(ImDrawList* dl, const Map& map, const ViewState& view, const Fonts& fonts, const Box& header) {
    const float s = scale(view);
    const float px = 11.0f * s;
    ImFont* font = fonts.canvasFont(px);
    const float scaleWidth = 24.0f * s;
    for (int v = kValenceMin; v <= kValenceMax; ++v) {
        const float y = toScreenY(view, valenceToY(layout_.emotionRow, static_cast<float>(v)));
        const std::string label = v > 0 ? "+" + std::to_string(v) : v < 0 ? "\xe2\x88\x92" + std::to_string(-v) : "0";   // −
        const ImVec2 size = font ? font->CalcTextSizeA(px, FLT_MAX, 0, label.c_str()) : ImVec2(0, 0);
        const ImU32 color = v > 0 ? theme::ValenceUp : v < 0 ? theme::ValenceDown : theme::MutedText;
        text(dl, font, px, header.x1 - 6.0f * s - size.x, y - size.y * 0.5f, color, label);
        dl->AddLine(ImVec2(header.x1 - 4.0f * s, y), ImVec2(header.x1, y), color, 1.0f * s);
    }
    float y = header.y0 + 32.0f * s;
    const float line = 15.0f * s;
    for (const Persona& p : map.personas) {
        if (!view.personaFilter.empty() && p.id != view.personaFilter) continue;
        if (y + line > header.y1 - 4.0f * s) break;
        const bool active = p.id == view.activePersona;
        const ImVec2 dot(header.x0 + 16.0f * s, y + line * 0.5f);
        dl->AddLine(ImVec2(dot.x - 7.0f * s, dot.y), ImVec2(dot.x + 7.0f * s, dot.y), theme::fromRgb(p.color), (active ? 3.0f : 2.0f) * s);
        dl->AddCircleFilled(dot, (active ? 4.5f : 3.5f) * s, theme::fromRgb(p.color));
        const float nameX = dot.x + 12.0f * s, nameEnd = header.x1 - scaleWidth - 4.0f * s;
        textIn(dl, ImVec2(header.x0, y), ImVec2(nameEnd, y + line), font, px, nameX, y + (line - px) * 0.5f,
               active ? theme::HeaderText : theme::MutedText, font ? fittedText(*font, px, p.name, nameEnd - nameX) : p.name);
        y += line;
    }
}

void Canvas::drawDragFeedback(ImDrawList* dl, const Map& map, const ViewState& view) {
    const ImGuiIO& io = ImGui::GetIO();
    const float s = scale(view);
    if ((drag_ == Drag::Stage || drag_ == Drag::Lane) && dropHeader_ >= 0) {   // where the header goes
        const float width = 4.0f * s;
        if (drag_ == Drag::Stage && dropHeader_ < layout_.columnCount()) {
            const Box& c = layout_.columns[static_cast<size_t>(dropHeader_)];
            const float x = toScreenX(view, dropHeader_ > dragHeader_ ? c.x1 : c.x0);
            dl->AddLine(ImVec2(x, y_), ImVec2(x, y_ + h_), theme::Selection, width);
        } else if (drag_ == Drag::Lane && dropHeader_ < static_cast<int>(layout_.rows.size())) {
            const Box& r = layout_.rows[static_cast<size_t>(dropHeader_)];
            const float y = toScreenY(view, dropHeader_ > dragHeader_ ? r.y1 : r.y0);
            dl->AddLine(ImVec2(x_, y), ImVec2(x_ + w_, y), theme::Selection, width);
        }
    }
    if (drag_ == Drag::Rubber) {
        const ImVec2 a(pressX_, pressY_), b(io.MousePos.x, io.MousePos.y);
        dl->AddRectFilled(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)),
                          theme::SelectionFill);
        dl->AddRect(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x), std::max(a.y, b.y)),
                    theme::Selection);
    }
    if (drag_ != Drag::Cards) return;
    // Ghosts of the dragged cards follow the pointer.
    const float ox = io.MousePos.x - pressX_, oy = io.MousePos.y - pressY_;
    for (const CardSlot& slot : layout_.cards) {
        if (!view.isSelected(map.cards[static_cast<size_t>(slot.card)].id)) continue;
        dl->AddRectFilled(ImVec2(toScreenX(view, slot.box.x0) + ox, toScreenY(view, slot.box.y0) + oy),
                          ImVec2(toScreenX(view, slot.box.x1) + ox, toScreenY(view, slot.box.y1) + oy),
                          IM_COL32(33, 112, 229, 60), 4.0f * s);
    }
    if (dropRow_ < 0 || dropColumn_ < 0) return;
    // The target cell and where the cards will land in it.
    const Box& row = layout_.rows[static_cast<size_t>(dropRow_)];
    const Box& col = layout_.columns[static_cast<size_t>(dropColumn_)];
    dl->AddRect(ImVec2(toScreenX(view, col.x0), toScreenY(view, row.y0)),
                ImVec2(toScreenX(view, col.x1), toScreenY(view, row.y1)), theme::Selection, 0, 0, 2.0f * s);
    const auto& cell = layout_.cell(dropRow_, dropColumn_);
    float y = row.y0 + CellPadding * 0.5f;
    if (dropIndex_ > 0 && dropIndex_ <= static_cast<int>(cell.size()))
        y = layout_.cards[static_cast<size_t>(cell[static_cast<size_t>(dropIndex_ - 1)])].box.y1 + CardGap * 0.5f;
    dl->AddLine(ImVec2(toScreenX(view, col.x0 + 4), toScreenY(view, y)), ImVec2(toScreenX(view, col.x1 - 4), toScreenY(view, y)),
                theme::Selection, 3.0f * s);
}

}  // namespace trayecto::app

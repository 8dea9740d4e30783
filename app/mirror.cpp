#include "mirror.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "canvas.hpp"
#include "command_names.hpp"
#include "labels.hpp"

namespace trayecto::app {

namespace {

using nlohmann::json;

// "Pain point · 5 votes · moment of truth: FMOT · for Ana, Beto"
std::string aboutCard(Lang L, const Map& map, const Card& card, const MomentOfTruth* moment) {
    std::string about = label(L, card.kind);
    if (card.votes == 1) about += std::string(" · ") + tr(L, Text::MirrorOneVote);
    else if (card.votes > 1) about += " · " + format(L, Text::MirrorVotes, {std::to_string(card.votes)});
    if (moment) about += " · " + format(L, Text::MirrorMoment, {momentTypeName(L, *moment)});
    std::string names;
    for (const Id& id : card.personaIds)
        if (const Persona* p = findPersona(map, id)) names += (names.empty() ? "" : ", ") + p->name;
    if (!names.empty()) about += " · " + format(L, Text::MirrorFor, {names});
    return about;
}

std::string valenceText(Lang L, const Map& map, const Id& persona, const Id& stage) {
    float v = 0;
    if (!valenceAt(map, persona, stage, v)) return tr(L, Text::MirrorNotRated);
    if (v == 0.0f) return "0";
    char text[16];
    if (std::fabs(v - std::round(v)) < 0.05f) std::snprintf(text, sizeof text, "%+d", static_cast<int>(std::lround(v)));
    else std::snprintf(text, sizeof text, "%+.1f", static_cast<double>(v));
    return text;
}

std::string announce(Lang L, const Document& doc, const ViewState& view, ChangeCause cause) {
    const History& history = doc.history();
    if (cause == ChangeCause::Undo) return std::string(tr(L, Text::Undo)) + ": " + commandName(L, history.redoName());
    if (cause == ChangeCause::Redo) return std::string(tr(L, Text::Redo)) + ": " + commandName(L, history.undoName());
    if (cause != ChangeCause::Edit) return "";
    const std::string what = commandName(L, history.undoName());
    const Map& map = doc.map();
    const Card* card = view.selection.size() == 1 ? findCard(map, view.selection.front()) : nullptr;
    const Stage* stage = card ? findStage(map, card->stageId) : nullptr;
    const Lane* lane = card ? findLane(map, card->laneId) : nullptr;
    if (!stage || !lane) return what;
    return format(L, Text::MirrorIn, {what, stage->name, lane->name});
}

std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 1469598103934665603ull) {
    for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;   // a separator: ("ab", "c") and ("a", "bc") differ
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return (h ^ v) * 1099511628211ull; }

// What a card's words come from: its id, text, kind, votes, personas (and their names), its moment.
std::uint64_t wordedFrom(const Map& map, const Card& card, const MomentOfTruth* moment) {
    std::uint64_t h = fnv1a(card.text, fnv1a(card.id));
    h = mix(mix(h, static_cast<std::uint64_t>(card.kind)), static_cast<std::uint64_t>(card.votes));
    for (const Id& id : card.personaIds)
        if (const Persona* p = findPersona(map, id)) h = fnv1a(p->name, h);
    if (moment) h = fnv1a(moment->customType, mix(h, static_cast<std::uint64_t>(moment->type) + 1));
    return h;
}

}  // namespace

// The surveyed card at `index` is gone: the cells' indices past it shift down by one.
void Mirror::forgetCard(size_t index) {
    const int cell = cellOfCard_[index];
    cardIds_.erase(cardIds_.begin() + static_cast<std::ptrdiff_t>(index));
    cardFrom_.erase(cardFrom_.begin() + static_cast<std::ptrdiff_t>(index));
    cellOfCard_.erase(cellOfCard_.begin() + static_cast<std::ptrdiff_t>(index));
    for (Cell& c : cells_) {
        if (&c - cells_.data() == cell) {
            const auto at = std::find(c.cards.begin(), c.cards.end(), index);
            if (at != c.cards.end()) c.cards.erase(at);
        }
        for (size_t& k : c.cards)
            if (k > index) --k;
    }
    if (cell >= 0) rehash(cells_[static_cast<size_t>(cell)]);
}

// A card now surveyed at `index` (in cell `cell`, -1 when not in the grid): indices from it shift up.
void Mirror::addCard(size_t index, const Id& id, std::uint64_t from, int cell) {
    cardIds_.insert(cardIds_.begin() + static_cast<std::ptrdiff_t>(index), id);
    cardFrom_.insert(cardFrom_.begin() + static_cast<std::ptrdiff_t>(index), from);
    cellOfCard_.insert(cellOfCard_.begin() + static_cast<std::ptrdiff_t>(index), cell);
    for (Cell& c : cells_)
        for (size_t& k : c.cards)
            if (k >= index) ++k;
    if (cell < 0) return;
    Cell& c = cells_[static_cast<size_t>(cell)];
    c.cards.insert(std::lower_bound(c.cards.begin(), c.cards.end(), index), index);   // in the map's order
    rehash(c);
}

void Mirror::rehash(Cell& cell) {
    cell.hash = 0;
    for (size_t k : cell.cards) cell.hash = mix(cell.hash, cardFrom_[k]);
}

bool Mirror::surveyCards(const Document& doc, Lang lang) {
    const Command* command = doc.lastSmallCommand();
    const Map& map = doc.map();
    if (!command || doc.revision() != surveyed_ + 1 || cardFrom_.size() != cardIds_.size()) return false;
    // The cell a card of the map as it is now belongs in (-1: none), or nullopt when the grid has
    // no such stage or lane (the shape changed: survey it all).
    auto cellOf = [&](const Card& card) -> std::optional<int> {
        const int column = stageIndex(map, card.stageId), lane = laneIndex(map, card.laneId);
        if (column < 0 || lane < 0 || static_cast<size_t>(lane) >= rowOfLane_.size()) return std::nullopt;
        const int row = rowOfLane_[static_cast<size_t>(lane)];
        return row < 0 ? -1 : row * static_cast<int>(map.stages.size()) + column;
    };
    auto surveyedAt = [&](const Id& id) -> std::optional<size_t> {
        const auto at = std::find(cardIds_.begin(), cardIds_.end(), id);
        if (at == cardIds_.end()) return std::nullopt;
        return static_cast<size_t>(at - cardIds_.begin());
    };
    // The edits in order, each brought into the survey: a card reworded in its cell, added or
    // removed (deleting, pasting, undoing those). Anything else: survey it all.
    bool shape = false;   // the map's title, the workshop or an emotion: the grid's name and curves
    for (const Edit& e : command->edits) {
        const auto* replace = std::get_if<edit::Replace>(&e);
        const auto* insert = std::get_if<edit::Insert>(&e);
        const auto* erase = std::get_if<edit::Erase>(&e);
        if (std::holds_alternative<edit::SetMeta>(e) || std::holds_alternative<edit::SetWorkshop>(e) ||
            (replace && collectionOf(replace->item) == Collection::Emotions) ||
            (insert && collectionOf(insert->item) == Collection::Emotions) ||
            (erase && erase->collection == Collection::Emotions)) {
            shape = true;
            continue;
        }
        if (erase && erase->collection == Collection::Cards) {
            const auto at = surveyedAt(erase->id);
            if (!at) return false;
            forgetCard(*at);
            continue;
        }
        if (insert && collectionOf(insert->item) == Collection::Cards) {
            const Card& card = std::get<Card>(insert->item);
            const auto cell = cellOf(card);
            const size_t at = insert->index < 0 ? cardIds_.size() : static_cast<size_t>(insert->index);
            if (!cell || at > cardIds_.size()) return false;
            addCard(at, card.id, wordedFrom(map, card, momentOfCard(map, card.id)), *cell);
            continue;
        }
        if (!replace || collectionOf(replace->item) != Collection::Cards) return false;
        const Card& card = std::get<Card>(replace->item);
        const auto at = surveyedAt(card.id);
        const auto cell = cellOf(card);
        if (!at || !cell || *cell < 0 || cellOfCard_[*at] != *cell) return false;   // it moved
        cardFrom_[*at] = wordedFrom(map, card, momentOfCard(map, card.id));
        rehash(cells_[static_cast<size_t>(*cell)]);
    }
    if (cardIds_.size() != map.cards.size()) return false;
    if (shape) surveyShape(map, lang);
    surveyed_ = doc.revision();
    return true;
}

void Mirror::surveyShape(const Map& map, Lang L) {
    json shape = {{"lang", langTag(L)}, {"corner", tr(L, Text::MirrorCorner)}, {"noCards", tr(L, Text::MirrorNoCards)}};
    json phases = json::array(), stages = json::array(), rows = json::array(), curves = json::array();
    for (size_t i = 0; i < map.stages.size(); ++i) {
        const Stage& s = map.stages[i];
        stages.push_back({{"id", s.id}, {"name", s.name}});
        if (i > 0 && map.stages[i - 1].phase == s.phase) phases.back()["span"] = phases.back()["span"].get<int>() + 1;
        else phases.push_back({{"name", label(L, s.phase)}, {"span", 1}});
    }
    rowOfLane_.assign(map.lanes.size(), -1);
    for (size_t l = 0; l < map.lanes.size(); ++l) {
        if (map.lanes[l].type == LaneType::Emotions) continue;
        rowOfLane_[l] = static_cast<int>(rows.size());
        rows.push_back({{"id", map.lanes[l].id}, {"name", map.lanes[l].name}});
    }
    for (const Persona& p : map.personas) {
        json values = json::array();
        for (const Stage& s : map.stages) values.push_back(valenceText(L, map, p.id, s.id));
        curves.push_back({{"caption", format(L, Text::MirrorCurve, {p.name})}, {"values", std::move(values)}});
    }
    shape["phases"] = std::move(phases);
    shape["stages"] = std::move(stages);
    shape["rows"] = std::move(rows);
    grid_ = json(format(L, Text::MirrorGrid, {map.meta.title})).dump(-1, ' ', false, json::error_handler_t::replace);
    curves_ = curves.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string newShape = shape.dump(-1, ' ', false, json::error_handler_t::replace);
    if (newShape != shape_) {
        shape_ = std::move(newShape);
        sent_.clear();   // a new grid: every cell is sent again
    }
    rowCount_ = shape["rows"].size();
}

void Mirror::survey(const Document& doc, const ViewState& view) {
    if (surveyed_ == doc.revision() && surveyedLang_ == view.lang) return;
    if (surveyedLang_ == view.lang && surveyCards(doc, view.lang)) return;
    if (surveyedLang_ != view.lang) worded_.clear();   // worded in the other language
    ++fullSurveys_;
    surveyed_ = doc.revision();
    surveyedLang_ = view.lang;
    const Map& map = doc.map();
    surveyShape(map, view.lang);

    // Each cell's cards, in the map's order (as the canvas stacks them), and what they are worded
    // from: the words themselves only when a cell is sent.
    const size_t columns = map.stages.size(), rowCount = rowCount_;
    std::unordered_map<std::string_view, size_t> stageAt, laneAt;
    for (size_t i = 0; i < map.stages.size(); ++i) stageAt.emplace(map.stages[i].id, i);
    for (size_t i = 0; i < map.lanes.size(); ++i) laneAt.emplace(map.lanes[i].id, i);
    std::unordered_map<std::string_view, const MomentOfTruth*> moments;
    for (const MomentOfTruth& m : map.moments)
        if (m.cardId) moments.emplace(*m.cardId, &m);
    cells_.assign(rowCount * columns, Cell{});
    for (size_t r = 0; r < rowCount; ++r)
        for (size_t c = 0; c < columns; ++c) {
            cells_[r * columns + c].row = static_cast<int>(r);
            cells_[r * columns + c].column = static_cast<int>(c);
        }
    cardFrom_.assign(map.cards.size(), 0);
    cellOfCard_.assign(map.cards.size(), -1);
    cardIds_.resize(map.cards.size());
    for (size_t i = 0; i < map.cards.size(); ++i) {
        const Card& card = map.cards[i];
        cardIds_[i] = card.id;
        const auto s = stageAt.find(card.stageId), l = laneAt.find(card.laneId);
        if (s == stageAt.end() || l == laneAt.end() || rowOfLane_[l->second] < 0) continue;
        Cell& cell = cells_[static_cast<size_t>(rowOfLane_[l->second]) * columns + s->second];
        const auto moment = moments.find(card.id);
        cardFrom_[i] = wordedFrom(map, card, moment == moments.end() ? nullptr : moment->second);
        cell.cards.push_back(i);
        cell.hash = mix(cell.hash, cardFrom_[i]);
        cellOfCard_[i] = static_cast<int>(&cell - cells_.data());
    }
    if (worded_.size() > 2 * map.cards.size() + 256) worded_.clear();   // cards gone long ago
}

const std::string& Mirror::wordCard(const Map& map, Lang L, size_t index) {
    const Card& card = map.cards[index];
    Worded& w = worded_[card.id];
    if (w.json.empty() || w.from != cardFrom_[index]) {
        const MomentOfTruth* moment = nullptr;
        for (const MomentOfTruth& m : map.moments)
            if (m.cardId && *m.cardId == card.id) moment = &m;
        w.from = cardFrom_[index];
        w.json = json{{"id", card.id}, {"text", card.text}, {"about", aboutCard(L, map, card, moment)}}
                     .dump(-1, ' ', false, json::error_handler_t::replace);
    }
    return w.json;
}

std::string Mirror::next(const Document& doc, const ViewState& view, ChangeCause cause, size_t maxCards) {
    survey(doc, view);
    std::string out = "{\"shape\":";
    out += shape_ != sentShape_ ? shape_ : "null";
    sentShape_ = shape_;
    out += ",\"cells\":[";
    size_t cards = 0;
    bool more = false, first = true;
    for (const Cell& cell : cells_) {
        const std::uint64_t key = (static_cast<std::uint64_t>(cell.row) << 32) | static_cast<std::uint32_t>(cell.column);
        const auto sent = sent_.find(key);
        if (sent != sent_.end() && sent->second == cell.hash) continue;
        if (cards > 0 && cards + cell.cards.size() > maxCards) { more = true; break; }
        out += first ? "" : ",";
        first = false;
        out += "{\"row\":" + std::to_string(cell.row) + ",\"column\":" + std::to_string(cell.column) + ",\"cards\":[";
        for (size_t k = 0; k < cell.cards.size(); ++k) {
            if (k) out += ',';
            out += wordCard(doc.map(), view.lang, cell.cards[k]);
        }
        out += "]}";
        sent_[key] = cell.hash;
        cards += cell.cards.size();
    }
    out += "],\"grid\":" + grid_ + ",\"curves\":" + curves_ + ",\"more\":";
    out += more ? "true" : "false";
    const json tail = {{"selected", view.selection}, {"announce", announce(view.lang, doc, view, cause)}};
    const std::string rest = tail.dump(-1, ' ', false, json::error_handler_t::replace);
    out += "," + rest.substr(1);   // the tail's members, after ours
    return out;
}

}  // namespace trayecto::app

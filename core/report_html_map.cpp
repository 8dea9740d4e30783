// The HTML report's map table: stages in columns grouped by phase, lanes in rows, cards in the
// cells, each persona's valence in the emotions lane, the line of visibility above the backstage.
#include <map>
#include <unordered_map>
#include <utility>

#include "report_html_page.hpp"

namespace trayecto::html {

namespace {

const char* phaseClass(Phase phase) {
    switch (phase) {
        case Phase::PrePurchase: return "phase-pre-purchase";
        case Phase::Purchase: return "phase-purchase";
        case Phase::PostPurchase: return "phase-post-purchase";
    }
    return "";
}

const char* kindClass(CardKind kind) {
    switch (kind) {
        case CardKind::Note: return "k-note";
        case CardKind::Touchpoint: return "k-touchpoint";
        case CardKind::PainPoint: return "k-pain-point";
        case CardKind::Opportunity: return "k-opportunity";
        case CardKind::Backstage: return "k-backstage";
        case CardKind::Kpi: return "k-kpi";
    }
    return "k-note";
}

// One line of details under a card's text ("Web · Marca · esperado 5, vivido 2").
std::string cardAttributes(const Page& page, const Card& card) {
    std::vector<std::string> parts;
    if (card.touchpoint) {
        const TouchpointInfo& t = *card.touchpoint;
        parts.emplace_back(label(t.channel, page.lang));
        parts.emplace_back(label(t.owner, page.lang));
        if (t.expectation && t.experience)
            parts.push_back(std::string(page.w({"esperado ", "expected "})) + std::to_string(*t.expectation) +
                            page.w({", vivido ", ", experienced "}) + std::to_string(*t.experience));
    }
    if (card.improvement) {
        parts.push_back(std::string(page.w({"impacto ", "impact "})) + std::to_string(card.improvement->impact) +
                        page.w({", esfuerzo ", ", effort "}) + std::to_string(card.improvement->effort));
        if (card.improvement->status != ImprovementStatus::Open)
            parts.emplace_back(label(card.improvement->status, page.lang));
    }
    if (card.backstage) {
        if (!card.backstage->owner.empty()) parts.push_back(card.backstage->owner);
        if (!card.backstage->systems.empty()) parts.push_back(card.backstage->systems);
    }
    if (card.votes > 0)
        parts.push_back(std::to_string(card.votes) + (card.votes == 1 ? page.w({" voto", " vote"}) : page.w({" votos", " votes"})));
    if (!card.personaIds.empty()) {
        std::string names;
        for (const Id& id : card.personaIds)
            if (const Persona* p = findPersona(page.map, id)) names += (names.empty() ? "" : ", ") + p->name;
        parts.push_back(std::string(page.w({"solo ", "only "})) + names);
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : " · ") + p;
    return out;
}

void writeEmotionCell(Page& page, const std::vector<EmotionCurve>& curves, std::size_t stage) {
    std::string items;
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const CurvePoint& point = curves[i].points[stage];
        if (!point.valence) continue;
        std::string line = htmlEscape(page.map.personas[i].name) + ": <strong>" +
                           page.signedDecimal(*point.valence, 1) + "</strong>";
        if (!point.feelings.empty()) {
            std::string feelings;
            for (const std::string& f : point.feelings) feelings += (feelings.empty() ? "" : ", ") + f;
            line += " " + htmlEscape(feelings);
        }
        items += "<li>" + line + "</li>";
    }
    page.raw(items.empty() ? "<td></td>" : "<td><ul class=\"cards\">" + items + "</ul></td>");
}

}  // namespace

void writeMapTable(Page& page) {
    const Map& map = page.map;
    page.openSection("map");
    if (map.stages.empty() || map.lanes.empty()) {
        page.empty({"El mapa no tiene etapas o carriles.", "The map has no stages or lanes."});
        page.closeSection();
        return;
    }
    // Cards by (stage index, lane index): ids are opaque, so no id text is joined into a key.
    std::unordered_map<Id, std::size_t> stageAt, laneAt;
    for (std::size_t i = 0; i < map.stages.size(); ++i) stageAt.emplace(map.stages[i].id, i);
    for (std::size_t i = 0; i < map.lanes.size(); ++i) laneAt.emplace(map.lanes[i].id, i);
    std::map<std::pair<std::size_t, std::size_t>, std::vector<const Card*>> cells;
    for (const Card& c : map.cards) {
        const auto s = stageAt.find(c.stageId);
        const auto l = laneAt.find(c.laneId);
        if (s != stageAt.end() && l != laneAt.end()) cells[{s->second, l->second}].push_back(&c);
    }
    std::unordered_map<Id, std::string> momentOf;
    for (const MomentOfTruth& m : map.moments)
        if (m.cardId && !momentOf.count(*m.cardId)) momentOf[*m.cardId] = m.name;
    const auto curves = emotionCurves(map);
    int hidden = 0;
    for (const Lane& l : map.lanes) hidden += l.hidden ? 1 : 0;

    // Runs of consecutive stages of one phase become column groups.
    std::vector<std::pair<Phase, int>> runs;
    for (const Stage& s : map.stages) {
        if (runs.empty() || runs.back().first != s.phase) runs.emplace_back(s.phase, 0);
        runs.back().second += 1;
    }

    page.raw("<div class=\"scroll\">\n<table class=\"map\">\n<caption>");
    page.text(page.w({"El mapa: etapas en columnas, agrupadas por fase; carriles en filas.",
                      "The map: stages in columns, grouped by phase; lanes in rows."}));
    if (hidden > 0)
        page.text(std::string(" ") + std::to_string(hidden) +
                  (hidden == 1 ? page.w({" carril oculto no se muestra.", " hidden lane is not shown."})
                               : page.w({" carriles ocultos no se muestran.", " hidden lanes are not shown."})));
    page.raw("</caption>\n<colgroup><col></colgroup>\n");
    for (const auto& run : runs)
        page.raw("<colgroup span=\"" + std::to_string(run.second) + "\" class=\"" + phaseClass(run.first) + "\"></colgroup>\n");
    page.raw("<thead>\n<tr><td></td>");
    for (const auto& run : runs)
        page.raw("<th scope=\"colgroup\" colspan=\"" + std::to_string(run.second) + "\" class=\"phase " +
                 phaseClass(run.first) + "\">" + htmlEscape(label(run.first, page.lang)) + "</th>");
    page.raw("</tr>\n<tr><th scope=\"col\">" + htmlEscape(page.w({"Carril", "Lane"})) + "</th>");
    for (const Stage& s : map.stages) page.raw("<th scope=\"col\">" + htmlEscape(s.name) + "</th>");
    page.raw("</tr>\n</thead>\n<tbody>\n");

    bool visibilityDrawn = false;
    const std::string columns = std::to_string(map.stages.size() + 1);
    for (std::size_t row = 0; row < map.lanes.size(); ++row) {
        const Lane& lane = map.lanes[row];
        if (lane.hidden) continue;
        if (lane.type == LaneType::Backstage && !visibilityDrawn) {
            page.raw("<tr class=\"visibility\"><td colspan=\"" + columns + "\">" +
                     htmlEscape(page.w({"Línea de visibilidad: por debajo, lo que el cliente no ve",
                                        "Line of visibility: below it, what the customer does not see"})) +
                     "</td></tr>\n");
            visibilityDrawn = true;
        }
        page.raw("<tr><th scope=\"row\">" + htmlEscape(lane.name) + "</th>");
        for (std::size_t s = 0; s < map.stages.size(); ++s) {
            auto cell = cells.find({s, row});
            if (lane.type == LaneType::Emotions && cell == cells.end()) {
                writeEmotionCell(page, curves, s);
                continue;
            }
            if (cell == cells.end()) {
                page.raw("<td></td>");
                continue;
            }
            page.raw("<td><ul class=\"cards\">");
            for (const Card* c : cell->second) {
                page.raw(std::string("<li class=\"") + kindClass(c->kind) + "\"><span class=\"kind\">" +
                         htmlEscape(label(c->kind, page.lang)) + "</span> " + htmlEscape(c->text));
                const std::string attributes = cardAttributes(page, *c);
                if (!attributes.empty()) page.raw(" <span class=\"attrs\">" + htmlEscape(attributes) + "</span>");
                auto mot = momentOf.find(c->id);
                if (mot != momentOf.end())
                    page.raw(" <span class=\"mot\">★ " + htmlEscape(page.w({"Momento de la verdad: ", "Moment of truth: "})) +
                             htmlEscape(mot->second) + "</span>");
                page.raw("</li>");
            }
            page.raw("</ul></td>");
        }
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n</div>\n");
    page.closeSection();
}

}  // namespace trayecto::html

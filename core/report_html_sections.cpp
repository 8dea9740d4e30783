// The HTML report's table sections: where to act first, moments of truth, channels per stage,
// touchpoint owners per phase, the CX-dimension heat map and the ranked improvements.
#include <algorithm>
#include <cmath>

#include "report_html_page.hpp"

namespace trayecto::html {

namespace {

std::string th(const std::string& text, bool number = false) {
    return std::string("<th scope=\"col\"") + (number ? " class=\"num\"" : "") + ">" + htmlEscape(text) + "</th>";
}

std::string td(const std::string& text) { return "<td>" + htmlEscape(text) + "</td>"; }
std::string tdNumber(const std::string& text) { return "<td class=\"num\">" + htmlEscape(text) + "</td>"; }
std::string tdHtml(const std::string& html) { return "<td>" + html + "</td>"; }

// A gap with its sign and colour class.
std::string gapHtml(const Page& page, int gap) {
    const char* cls = gap < 0 ? "neg" : gap > 0 ? "pos" : "";
    return std::string("<span class=\"") + cls + "\">" + page.signedInteger(gap) + "</span>";
}

void openTable(Page& page, const std::string& caption, const std::vector<std::string>& headers) {
    page.raw("<div class=\"scroll\">\n<table>\n");
    page.element("caption", caption);
    page.raw("<thead><tr>");
    for (const std::string& h : headers) page.raw(h);
    page.raw("</tr></thead>\n<tbody>\n");
}

void closeTable(Page& page) { page.raw("</tbody>\n</table>\n</div>\n"); }

// 0 for no count, then 1..4 by share of the largest count.
int heatLevel(int count, int max) {
    if (count <= 0 || max <= 0) return 0;
    return std::clamp(static_cast<int>(std::ceil(4.0 * count / max)), 1, 4);
}

std::string heatCell(int count, int max) {
    const int level = heatLevel(count, max);
    const std::string cls = level == 0 ? "num muted" : "num heat-" + std::to_string(level);
    return "<td class=\"" + cls + "\">" + std::to_string(count) + "</td>";
}

}  // namespace

void writeLevers(Page& page) {
    page.openSection("levers");
    const auto levers = firstLevers(page.map);
    page.element("p", page.w({"Los momentos de la verdad cuyo punto de contacto queda por debajo de lo que el "
                              "cliente espera, de la mayor brecha a la menor: las primeras palancas sobre las que actuar.",
                              "Moments of truth whose touchpoint falls short of what the customer expects, from the "
                              "biggest gap down: the first levers to act on."}));
    if (levers.empty()) {
        page.empty({"Ningún momento de la verdad queda por debajo de lo esperado (o faltan valoraciones de "
                    "expectativa y experiencia).",
                    "No moment of truth falls short of expectations (or expectation and experience are not rated)."});
        page.closeSection();
        return;
    }
    openTable(page, page.w({"Primeras palancas, por orden de prioridad", "First levers, in order of priority"}),
              {th("#", true), th(page.w({"Momento de la verdad", "Moment of truth"})),
               th(page.w({"Punto de contacto", "Touchpoint"})), th(page.w({"Etapa", "Stage"})),
               th(page.w({"Esperado", "Expected"}), true), th(page.w({"Vivido", "Experienced"}), true),
               th(page.w({"Brecha", "Gap"}), true), th(page.w({"Estado", "State"})),
               th(page.w({"Votos", "Votes"}), true),
               th(page.w({"Puntos de dolor abiertos en la etapa", "Open pain points at the stage"}), true)});
    for (const Lever& l : levers) {
        page.raw("<tr>" + tdNumber(std::to_string(l.rank)) + "<th scope=\"row\">" + htmlEscape(l.momentName) +
                 " <span class=\"attrs\">" + htmlEscape(momentTypeLabel(l.type, l.customType, page.lang)) +
                 "</span></th>" + td(l.cardText) + td(l.stageName) + tdNumber(std::to_string(l.expectation)) +
                 tdNumber(std::to_string(l.experience)) + "<td class=\"num\">" + gapHtml(page, l.gap) + "</td>" +
                 tdHtml(stateBadge(l.state, page.lang)) + tdNumber(std::to_string(l.votes)) +
                 tdNumber(std::to_string(l.openPainPoints)) + "</tr>\n");
    }
    closeTable(page);
    page.closeSection();
}

void writeMoments(Page& page) {
    page.openSection("moments");
    const auto moments = momentsOfTruth(page.map);
    if (moments.empty()) {
        page.empty({"El mapa no marca momentos de la verdad.", "The map marks no moments of truth."});
        page.closeSection();
        return;
    }
    int states[4] = {0, 0, 0, 0};
    for (const MomentSummary& m : moments) ++states[static_cast<int>(m.state)];
    page.element("p", std::to_string(moments.size()) + page.w({" momentos de la verdad: ", " moments of truth: "}) +
                          std::to_string(states[static_cast<int>(MotState::Good)]) + page.w({" bien, ", " good, "}) +
                          std::to_string(states[static_cast<int>(MotState::AtRisk)]) + page.w({" en riesgo, ", " at risk, "}) +
                          std::to_string(states[static_cast<int>(MotState::Failing)]) + page.w({" fallando y ", " failing and "}) +
                          std::to_string(states[static_cast<int>(MotState::Unknown)]) + page.w({" sin evaluar.", " not assessed."}));
    openTable(page, page.w({"Momentos de la verdad, por etapa", "Moments of truth, by stage"}),
              {th(page.w({"Momento", "Moment"})), th(page.w({"Tipo", "Type"})), th(page.w({"Etapa", "Stage"})),
               th(page.w({"Punto de contacto", "Touchpoint"})), th(page.w({"Estado", "State"})),
               th(page.w({"Brecha", "Gap"}), true), th(page.w({"Por qué importa", "Why it matters"}))});
    for (const MomentSummary& m : moments) {
        page.raw("<tr><th scope=\"row\">" + htmlEscape(m.name) + "</th>" +
                 td(momentTypeLabel(m.type, m.customType, page.lang)) + td(m.stageName) + td(m.cardText) +
                 tdHtml(stateBadge(m.state, page.lang)) +
                 (m.gap ? "<td class=\"num\">" + gapHtml(page, *m.gap) + "</td>" : tdNumber("—")) +
                 td(m.reason) + "</tr>\n");
    }
    closeTable(page);
    page.closeSection();
}

void writeCoverage(Page& page) {
    page.openSection("channels");
    const ChannelCoverage cov = channelCoverage(page.map);
    int max = 0;
    for (const auto& row : cov.counts)
        for (int c : row) max = std::max(max, c);
    if (page.map.stages.empty() || max == 0) {
        page.empty({"El mapa no tiene puntos de contacto.", "The map has no touchpoints."});
        page.closeSection();
        return;
    }
    std::vector<std::string> headers = {th(page.w({"Canal", "Channel"}))};
    for (const Stage& s : page.map.stages) headers.push_back(th(s.name, true));
    headers.push_back(th(page.w({"Total", "Total"}), true));
    openTable(page, page.w({"Puntos de contacto por canal y etapa (los ceros muestran huecos de cobertura)",
                            "Touchpoints per channel and stage (zeros show gaps in coverage)"}),
              headers);
    for (int ch = 0; ch < kChannelCount; ++ch) {
        page.raw("<tr><th scope=\"row\">" + htmlEscape(label(static_cast<Channel>(ch), page.lang)) + "</th>");
        for (std::size_t s = 0; s < cov.stageIds.size(); ++s) page.raw(heatCell(cov.counts[static_cast<std::size_t>(ch)][s], max));
        page.raw(tdNumber(std::to_string(cov.channelTotals[static_cast<std::size_t>(ch)])) + "</tr>\n");
    }
    page.raw("<tr><th scope=\"row\">" + htmlEscape(page.w({"Total", "Total"})) + "</th>");
    int all = 0;
    for (int t : cov.stageTotals) {
        page.raw(tdNumber(std::to_string(t)));
        all += t;
    }
    page.raw(tdNumber(std::to_string(all)) + "</tr>\n");
    closeTable(page);
    page.closeSection();
}

void writeOwnerMix(Page& page) {
    page.openSection("owners");
    const auto mix = ownerMixByPhase(page.map);
    page.element("p", page.w({"Quién es dueño de los puntos de contacto de cada fase (Lemon y Verhoef): la marca, "
                              "sus socios, el propio cliente o terceros (social o externo), y qué parte controla "
                              "la organización.",
                              "Who owns the touchpoints of each phase (Lemon and Verhoef): the brand, its partners, "
                              "the customers themselves or others (social or external), and how much of it the "
                              "organisation controls."}));
    std::vector<std::string> headers = {th(page.w({"Fase", "Phase"}))};
    for (int o = 0; o < kOwnerCount; ++o) headers.push_back(th(std::string(label(static_cast<TouchpointOwner>(o), page.lang)), true));
    headers.push_back(th(page.w({"Total", "Total"}), true));
    headers.push_back(th(page.w({"Controlados por la organización", "Controlled by the organisation"}), true));
    openTable(page, page.w({"Puntos de contacto por propietario y fase", "Touchpoints by owner and phase"}), headers);
    for (const OwnerMix& m : mix) {
        page.raw("<tr><th scope=\"row\">" + htmlEscape(label(m.phase, page.lang)) + "</th>");
        for (int c : m.counts) page.raw(tdNumber(std::to_string(c)));
        page.raw(tdNumber(std::to_string(m.total)));
        const auto share = m.controlledShare();
        page.raw(tdNumber(share ? std::to_string(m.controlled) + " (" + page.percent(*share) + ")" : "—") + "</tr>\n");
    }
    closeTable(page);
    page.closeSection();
}

void writeHeatMap(Page& page) {
    page.openSection("dimensions");
    const DimensionHeatMap heat = dimensionHeatMap(page.map);
    page.element("p", page.w({"Cuántos puntos de contacto tocan cada dimensión de la experiencia (cognitiva, "
                              "emocional, conductual, sensorial y social) en cada etapa. Cuanto más oscura la "
                              "celda, más puntos de contacto; las etapas sin una dimensión la dejan sin trabajar.",
                              "How many touchpoints touch each dimension of the experience (cognitive, emotional, "
                              "behavioural, sensory and social) at each stage. The darker the cell, the more "
                              "touchpoints; a stage without a dimension leaves it unaddressed."}));
    if (heat.stageIds.empty() || heat.maxCount == 0) {
        page.empty({"Ningún punto de contacto indica dimensiones.", "No touchpoint names its dimensions."});
        page.closeSection();
        return;
    }
    std::vector<std::string> headers = {th(page.w({"Etapa", "Stage"}))};
    for (CxDimension d : kDimensions) headers.push_back(th(std::string(dimensionLabel(d, page.lang)), true));
    headers.push_back(th(page.w({"Puntos de contacto", "Touchpoints"}), true));
    openTable(page, page.w({"Mapa de calor: dimensiones de la experiencia por etapa",
                            "Heat map: experience dimensions per stage"}),
              headers);
    for (std::size_t s = 0; s < heat.stageIds.size(); ++s) {
        page.raw("<tr><th scope=\"row\">" + htmlEscape(page.map.stages[s].name) + "</th>");
        for (int c : heat.counts[s]) page.raw(heatCell(c, heat.maxCount));
        page.raw(tdNumber(std::to_string(heat.stageTouchpoints[s])) + "</tr>\n");
    }
    page.raw("<tr><th scope=\"row\">" + htmlEscape(page.w({"Total", "Total"})) + "</th>");
    int all = 0;
    for (int t : heat.dimensionTotals) page.raw(tdNumber(std::to_string(t)));
    for (int t : heat.stageTouchpoints) all += t;
    page.raw(tdNumber(std::to_string(all)) + "</tr>\n");
    closeTable(page);
    page.closeSection();
}

void writeRanked(Page& page, CardKind kind) {
    const bool pains = kind == CardKind::PainPoint;
    page.openSection(pains ? "pain-points" : "opportunities");
    const auto ranked = rankImprovements(page.map, kind, Ranking::ByVotes, true);
    if (ranked.empty()) {
        page.empty(pains ? Words{"El mapa no tiene puntos de dolor.", "The map has no pain points."}
                         : Words{"El mapa no tiene oportunidades.", "The map has no opportunities."});
        page.closeSection();
        return;
    }
    const std::size_t shown = std::min(ranked.size(), static_cast<std::size_t>(std::max(0, page.options.maxRanked)));
    std::string caption = pains ? page.w({"Puntos de dolor por votos", "Pain points by votes"})
                                : page.w({"Oportunidades por votos", "Opportunities by votes"});
    if (shown < ranked.size())
        caption += page.w({" (los ", " (the top "}) + std::to_string(shown) + page.w({" primeros de ", " of "}) +
                   std::to_string(ranked.size()) + ")";
    openTable(page, caption,
              {th("#", true), th(pains ? page.w({"Punto de dolor", "Pain point"}) : page.w({"Oportunidad", "Opportunity"})),
               th(page.w({"Etapa", "Stage"})), th(page.w({"Votos", "Votes"}), true),
               th(pains ? page.w({"Gravedad", "Severity"}) : page.w({"Valor", "Value"}), true),
               th(page.w({"Impacto", "Impact"}), true), th(page.w({"Esfuerzo", "Effort"}), true),
               th(page.w({"Impacto/esfuerzo", "Impact/effort"}), true), th(page.w({"Estado", "Status"})),
               th(page.w({"Responsable", "Owner"}))});
    for (std::size_t i = 0; i < shown; ++i) {
        const RankedImprovement& r = ranked[i];
        page.raw("<tr>" + tdNumber(std::to_string(i + 1)) + "<th scope=\"row\">" + htmlEscape(r.text) + "</th>" +
                 td(r.stageName) + tdNumber(std::to_string(r.votes)) + tdNumber(std::to_string(r.severity)) +
                 tdNumber(std::to_string(r.impact)) + tdNumber(std::to_string(r.effort)) +
                 tdNumber(page.decimal(r.score, 2)) + td(std::string(label(r.status, page.lang))) + td(r.owner) +
                 "</tr>\n");
    }
    closeTable(page);
    page.closeSection();
}

}  // namespace trayecto::html

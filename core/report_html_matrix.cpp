// The HTML report's impact/effort matrix: open opportunities in the four quadrants (SVG scatter)
// and the table of the same points.
#include <cmath>
#include <map>

#include "report_html_page.hpp"

namespace trayecto::html {

namespace {

// The quadrants' names in plural, in Quadrant order.
const Words kQuadrantNames[] = {{"Victorias rápidas", "Quick wins"},
                                {"Grandes proyectos", "Major projects"},
                                {"Tareas de relleno", "Fill-ins"},
                                {"Tareas ingratas", "Thankless tasks"}};

}  // namespace

void writeMatrix(Page& page) {
    page.openSection("matrix");
    const MatrixThresholds thresholds;
    const auto points = impactEffortMatrix(page.map);
    page.element("p", page.w({"Las oportunidades abiertas según su impacto y su esfuerzo (de 1 a 5; 4 o más cuenta como alto). "
                              "Victorias rápidas: mucho impacto, poco esfuerzo; grandes proyectos: mucho impacto y mucho "
                              "esfuerzo; tareas de relleno: poco de ambos; tareas ingratas: poco impacto, mucho esfuerzo.",
                              "Open opportunities by impact and effort (1 to 5; 4 or more counts as high). Quick wins: "
                              "high impact, low effort; major projects: high impact, high effort; fill-ins: low both; "
                              "thankless tasks: low impact, high effort."}));
    if (points.empty()) {
        page.empty({"No hay oportunidades abiertas.", "There are no open opportunities."});
        page.closeSection();
        return;
    }
    // Effort runs 0.5..5.5 across; impact 0.1..5.9 up, which leaves a band at the top and the
    // bottom for the quadrant names, clear of the points.
    constexpr double kLeft = 64, kTop = 16, kUnit = 80, kLow = 0.1, kHigh = 5.9;
    constexpr double kWidth = kLeft + 5 * kUnit + 36, kHeight = kTop + (kHigh - kLow) * kUnit + 64;
    auto x = [&](double effort) { return kLeft + (effort - 0.5) * kUnit; };
    auto y = [&](double impact) { return kTop + (kHigh - impact) * kUnit; };
    int counts[4] = {0, 0, 0, 0};
    for (const MatrixPoint& p : points) ++counts[static_cast<int>(p.quadrant)];
    std::string desc = std::to_string(points.size()) + page.w({" oportunidades. ", " opportunities. "});
    for (int q = 0; q < 4; ++q)
        desc += std::string(page.w(kQuadrantNames[q])) + ": " + std::to_string(counts[q]) + (q < 3 ? "; " : ".");
    if (counts[0] > 0)
        desc += page.w({" La victoria rápida más votada: ", " The most voted quick win: "}) + points.front().text + ".";
    std::string svg = svgOpen("matrix", kWidth, kHeight, page.w({"Matriz de impacto y esfuerzo", "Impact and effort matrix"}), desc);

    const double splitX = x(thresholds.highEffortFrom - 0.5), splitY = y(thresholds.highImpactFrom - 0.5);
    struct Region { double x0, y0, x1, y1; const char* fill; Words name; const char* anchor; double tx, ty; };
    const Region regions[] = {
        {x(0.5), y(kHigh), splitX, splitY, "#e8f5e9", kQuadrantNames[0], "start", x(0.5) + 8, y(kHigh) + 18},
        {splitX, y(kHigh), x(5.5), splitY, "#e6f0fa", kQuadrantNames[1], "end", x(5.5) - 8, y(kHigh) + 18},
        {x(0.5), splitY, splitX, y(kLow), "#f5f5f5", kQuadrantNames[2], "start", x(0.5) + 8, y(kLow) - 9},
        {splitX, splitY, x(5.5), y(kLow), "#fbeceb", kQuadrantNames[3], "end", x(5.5) - 8, y(kLow) - 9}};
    for (const Region& r : regions) {
        svg += "<rect x=\"" + coord(r.x0) + "\" y=\"" + coord(r.y0) + "\" width=\"" + coord(r.x1 - r.x0) + "\" height=\"" +
               coord(r.y1 - r.y0) + "\" fill=\"" + r.fill + "\"/>\n";
        svg += svgText(r.tx, r.ty, page.w(r.name), std::string("text-anchor=\"") + r.anchor + "\" font-size=\"13\" font-weight=\"600\" fill=\"#2b2b2b\"");
    }
    for (int v = 1; v <= 5; ++v) {
        svg += svgText(x(v), y(kLow) + 18, std::to_string(v), "text-anchor=\"middle\" font-size=\"12\" fill=\"#3a3a3a\"");
        svg += svgText(x(0.5) - 10, y(v) + 4, std::to_string(v), "text-anchor=\"end\" font-size=\"12\" fill=\"#3a3a3a\"");
    }
    svg += line(splitX, y(kHigh), splitX, y(kLow), "stroke=\"#8a8a8a\" stroke-dasharray=\"4 3\"");
    svg += line(x(0.5), splitY, x(5.5), splitY, "stroke=\"#8a8a8a\" stroke-dasharray=\"4 3\"");
    svg += "<rect x=\"" + coord(x(0.5)) + "\" y=\"" + coord(y(kHigh)) + "\" width=\"" + coord(5 * kUnit) + "\" height=\"" +
           coord((kHigh - kLow) * kUnit) + "\" fill=\"none\" stroke=\"#6b6b6b\"/>\n";
    svg += svgText(x(3), y(kLow) + 42, page.w({"Esfuerzo →", "Effort →"}), "text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\"");
    svg += "<text x=\"18\" y=\"" + coord(y(3)) + "\" transform=\"rotate(-90 18 " + coord(y(3)) +
           ")\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">" + htmlEscape(page.w({"Impacto →", "Impact →"})) + "</text>\n";
    // Points sharing a position are spread around it; the number refers to the table below.
    std::map<std::pair<int, int>, std::vector<std::size_t>> at;
    for (std::size_t i = 0; i < points.size(); ++i) at[{points[i].effort, points[i].impact}].push_back(i);
    for (const auto& group : at) {
        const auto& members = group.second;
        for (std::size_t k = 0; k < members.size(); ++k) {
            const MatrixPoint& p = points[members[k]];
            double cx = x(p.effort), cy = y(p.impact);
            if (members.size() > 1) {
                const double angle = -1.5707963 + 6.2831853 * static_cast<double>(k) / static_cast<double>(members.size());
                cx += 18 * std::cos(angle);
                cy += 18 * std::sin(angle);
            }
            const double r = 10 + std::min(p.votes, 20) * 0.4;
            svg += "<circle cx=\"" + coord(cx) + "\" cy=\"" + coord(cy) + "\" r=\"" + coord(r) +
                   "\" fill=\"#1d4e89\" fill-opacity=\"0.9\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
            svg += svgText(cx, cy + 4, std::to_string(members[k] + 1),
                           "text-anchor=\"middle\" font-size=\"11\" font-weight=\"700\" fill=\"#ffffff\"");
        }
    }
    svg += "</svg>\n";
    page.raw("<figure>\n" + svg + "<figcaption>");
    page.text(page.w({"Cada círculo es una oportunidad, numerada como en la tabla; cuanto más grande, más votos.",
                      "Each circle is an opportunity, numbered as in the table; the bigger, the more votes."}));
    page.raw("</figcaption>\n</figure>\n<div class=\"scroll\">\n<table>\n");
    page.element("caption", page.w({"Datos del gráfico: oportunidades por cuadrante", "Chart data: opportunities by quadrant"}));
    page.raw("<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">" + htmlEscape(page.w({"Oportunidad", "Opportunity"})) +
             "</th><th scope=\"col\">" + htmlEscape(page.w({"Etapa", "Stage"})) + "</th><th scope=\"col\" class=\"num\">" +
             htmlEscape(page.w({"Impacto", "Impact"})) + "</th><th scope=\"col\" class=\"num\">" + htmlEscape(page.w({"Esfuerzo", "Effort"})) +
             "</th><th scope=\"col\" class=\"num\">" + htmlEscape(page.w({"Votos", "Votes"})) + "</th><th scope=\"col\">" +
             htmlEscape(page.w({"Cuadrante", "Quadrant"})) + "</th><th scope=\"col\">" + htmlEscape(page.w({"Estado", "Status"})) +
             "</th></tr></thead>\n<tbody>\n");
    for (std::size_t i = 0; i < points.size(); ++i) {
        const MatrixPoint& p = points[i];
        page.raw("<tr><td class=\"num\">" + std::to_string(i + 1) + "</td><th scope=\"row\">" + htmlEscape(p.text) + "</th><td>" +
                 htmlEscape(p.stageName) + "</td><td class=\"num\">" + std::to_string(p.impact) + "</td><td class=\"num\">" +
                 std::to_string(p.effort) + "</td><td class=\"num\">" + std::to_string(p.votes) + "</td><td>" +
                 htmlEscape(quadrantLabel(p.quadrant, page.lang)) + "</td><td>" + htmlEscape(label(p.status, page.lang)) +
                 "</td></tr>\n");
    }
    page.raw("</tbody>\n</table>\n</div>\n");
    page.closeSection();
}

}  // namespace trayecto::html

// The HTML report's charts: inline SVG with role="img", a <title> and a <desc>, each followed by
// a table of the same data. Emotional curves (with the crowd's spread) and expectation–experience
// gaps here; the impact/effort matrix in report_html_matrix.cpp.
#include <algorithm>
#include <cmath>
#include <optional>

#include "report_html_page.hpp"

namespace trayecto::html {

namespace {

// ---- Drawing helpers

double channelLuminance(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// The persona's colour, darkened until it stands out against white (contrast at least 3:1).
Rgb strokeColor(Rgb color) {
    for (int step = 0; step < 12; ++step) {
        const unsigned r = (color >> 16) & 0xff, g = (color >> 8) & 0xff, b = color & 0xff;
        const double l = 0.2126 * channelLuminance(r) + 0.7152 * channelLuminance(g) + 0.0722 * channelLuminance(b);
        if (1.05 / (l + 0.05) >= 3.0) break;
        auto darker = [](unsigned c) { return static_cast<unsigned>(c * 0.85); };
        color = (darker(r) << 16) | (darker(g) << 8) | darker(b);
    }
    return color;
}

const char* const kDashes[] = {"", "8 4", "2 4", "10 4 2 4", "5 2"};

std::string dashAttribute(std::size_t persona) {
    const char* dash = kDashes[persona % std::size(kDashes)];
    return *dash ? std::string(" stroke-dasharray=\"") + dash + "\"" : std::string();
}

// A marker shape per persona (circle, square, diamond, triangle), so lines differ without colour.
std::string marker(std::size_t persona, double x, double y, const std::string& color) {
    const std::string fill = " fill=\"#ffffff\" stroke=\"" + color + "\" stroke-width=\"2\"";
    switch (persona % 4) {
        case 0: return "<circle cx=\"" + coord(x) + "\" cy=\"" + coord(y) + "\" r=\"4.5\"" + fill + "/>";
        case 1: return "<rect x=\"" + coord(x - 4) + "\" y=\"" + coord(y - 4) + "\" width=\"8\" height=\"8\"" + fill + "/>";
        case 2:
            return "<polygon points=\"" + coord(x) + "," + coord(y - 5.5) + " " + coord(x + 5.5) + "," + coord(y) + " " +
                   coord(x) + "," + coord(y + 5.5) + " " + coord(x - 5.5) + "," + coord(y) + "\"" + fill + "/>";
        default:
            return "<polygon points=\"" + coord(x) + "," + coord(y - 5.5) + " " + coord(x + 5.5) + "," + coord(y + 4.5) +
                   " " + coord(x - 5.5) + "," + coord(y + 4.5) + "\"" + fill + "/>";
    }
}

std::size_t charCount(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80 ? 1 : 0;
    return n;
}

// Words wrapped into at most `maxLines` lines of about `width` characters (the last one cut).
std::vector<std::string> wrap(const std::string& text, std::size_t width, std::size_t maxLines) {
    std::vector<std::string> lines(1);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!lines.back().empty() && charCount(lines.back()) + 1 + charCount(word) > width) lines.emplace_back();
        lines.back() += (lines.back().empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (lines.size() > maxLines) {
        lines.resize(maxLines);
        std::string& last = lines.back();
        last = shorten(last, width > 1 ? width - 1 : 1);
        const std::string ellipsis = "…";
        if (last.size() < ellipsis.size() || last.compare(last.size() - ellipsis.size(), ellipsis.size(), ellipsis) != 0)
            last += ellipsis;
    }
    for (std::string& l : lines) l = shorten(l, width);
    return lines;
}

const CrowdPoint* crowdAt(const CrowdCurve* curve, const Id& stageId) {
    if (!curve) return nullptr;
    for (const CrowdPoint& p : curve->points)
        if (p.stageId == stageId && p.rated()) return &p;
    return nullptr;
}

// ---- Emotional curves

// At least 110 px per stage, so stage names fit under their column.
struct CurveChart {
    static constexpr double kLeft = 56, kRight = 16, kTop = 16, kUnit = 34, kLabels = 64, kColumn = 110;
    std::size_t stages;
    double width() const { return std::max(800.0, kLeft + kRight + kColumn * static_cast<double>(stages)); }
    double column() const { return (width() - kLeft - kRight) / static_cast<double>(stages); }
    double x(std::size_t i) const { return kLeft + (static_cast<double>(i) + 0.5) * column(); }
    static double y(double valence) { return kTop + (kValenceMax - valence) * kUnit; }
    static double height() { return kTop + (kValenceMax - kValenceMin) * kUnit + kLabels; }
};

// What each persona's line shows at each stage: the crowd's median where participants rated it
// (when crowd curves are given), otherwise the map's own valence.
using Plotted = std::vector<std::vector<std::optional<double>>>;

Plotted plottedValues(const std::vector<EmotionCurve>& curves, const std::vector<const CrowdCurve*>& crowdOf) {
    Plotted plotted(curves.size());
    for (std::size_t i = 0; i < curves.size(); ++i)
        for (const CurvePoint& p : curves[i].points) {
            const CrowdPoint* c = crowdAt(crowdOf[i], p.stageId);
            plotted[i].push_back(c ? std::optional<double>(c->median) : p.valence);
        }
    return plotted;
}

std::string curvesDescription(const Page& page, const Plotted& plotted) {
    std::string desc = page.w({"Valencia emocional de cada persona en cada etapa, de −3 (muy negativa) a +3 (muy positiva).",
                               "Each persona's emotional valence at each stage, from −3 (very negative) to +3 (very positive)."});
    for (std::size_t i = 0; i < plotted.size(); ++i) {
        std::optional<std::size_t> low, high;
        for (std::size_t s = 0; s < plotted[i].size(); ++s) {
            if (!plotted[i][s]) continue;
            if (!low || *plotted[i][s] < *plotted[i][*low]) low = s;
            if (!high || *plotted[i][s] > *plotted[i][*high]) high = s;
        }
        desc += " " + page.map.personas[i].name + ": ";
        if (!low) {
            desc += page.w({"sin valoraciones.", "no ratings."});
            continue;
        }
        desc += page.w({"punto más bajo en ", "lowest at "}) + page.map.stages[*low].name + " (" +
                page.signedDecimal(*plotted[i][*low], 1) + ")" + page.w({", más alto en ", ", highest at "}) +
                page.map.stages[*high].name + " (" + page.signedDecimal(*plotted[i][*high], 1) + ").";
    }
    return desc;
}

void writeCurvesTable(Page& page, const std::vector<EmotionCurve>& curves,
                      const std::vector<const CrowdCurve*>& crowdOf) {
    page.raw("<div class=\"scroll\">\n<table>\n");
    page.element("caption", page.w({"Datos del gráfico: valencia por etapa y persona", "Chart data: valence per stage and persona"}));
    page.raw("<thead><tr><th scope=\"col\">" + htmlEscape(page.w({"Etapa", "Stage"})) + "</th>");
    for (const Persona& p : page.map.personas) page.raw("<th scope=\"col\">" + htmlEscape(p.name) + "</th>");
    page.raw("</tr></thead>\n<tbody>\n");
    for (std::size_t s = 0; s < page.map.stages.size(); ++s) {
        const Stage& stage = page.map.stages[s];
        page.raw("<tr><th scope=\"row\">" + htmlEscape(stage.name) + " <span class=\"attrs\">" +
                 htmlEscape(label(stage.phase, page.lang)) + "</span></th>");
        for (std::size_t i = 0; i < curves.size(); ++i) {
            const CurvePoint& p = curves[i].points[s];
            std::string cell = p.valence ? "<strong>" + page.signedDecimal(*p.valence, 1) + "</strong>"
                                         : "<span class=\"muted\">" + htmlEscape(page.w({"sin datos", "no data"})) + "</span>";
            std::string feelings;
            for (const std::string& f : p.feelings) feelings += (feelings.empty() ? "" : ", ") + f;
            if (!feelings.empty()) cell += " " + htmlEscape(feelings);
            if (const CrowdPoint* c = crowdAt(crowdOf[i], stage.id))
                cell += " <span class=\"attrs\">" +
                        htmlEscape(page.w({"Grupo: mediana ", "Group: median "}) + page.signedDecimal(c->median, 1) +
                                   page.w({"; rango intercuartílico ", "; interquartile range "}) +
                                   page.signedDecimal(c->q1, 2) + page.w({" a ", " to "}) + page.signedDecimal(c->q3, 2) +
                                   page.w({"; mínimo ", "; minimum "}) + page.signedDecimal(c->min, 1) +
                                   page.w({", máximo ", ", maximum "}) + page.signedDecimal(c->max, 1) +
                                   "; n = " + std::to_string(c->n)) +
                        "</span>";
            page.raw("<td>" + cell + "</td>");
        }
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n</div>\n");
}

}  // namespace

std::string svgOpen(const std::string& id, double width, double height, const std::string& title,
                    const std::string& desc) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + coord(width) + " " + coord(height) +
           "\" width=\"" + coord(width) + "\" height=\"" + coord(height) + "\" role=\"img\" aria-labelledby=\"" +
           id + "-svg-title " + id + "-svg-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, "
           "Arial, sans-serif\">\n<title id=\"" + id + "-svg-title\">" + htmlEscape(title) + "</title>\n<desc id=\"" +
           id + "-svg-desc\">" + htmlEscape(desc) + "</desc>\n";
}

std::string svgText(double x, double y, const std::string& text, const std::string& attributes) {
    return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" " + attributes + ">" + htmlEscape(text) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& attributes) {
    return "<line x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2) + "\" y2=\"" + coord(y2) +
           "\" " + attributes + "/>\n";
}

void writeCurves(Page& page) {
    page.openSection("curves");
    const Map& map = page.map;
    const auto curves = emotionCurves(map);
    bool any = false;
    for (const EmotionCurve& c : curves) any = any || c.presentCount() > 0;
    if (map.stages.empty() || !any) {
        page.empty({"El mapa no tiene emociones valoradas.", "The map has no rated emotions."});
        page.closeSection();
        return;
    }
    std::vector<const CrowdCurve*> crowdOf(map.personas.size(), nullptr);
    bool anyCrowd = false;
    for (std::size_t i = 0; i < map.personas.size(); ++i)
        for (const CrowdCurve& c : page.crowd)
            if (c.personaId == map.personas[i].id) {
                crowdOf[i] = &c;
                anyCrowd = true;
            }

    const Plotted plotted = plottedValues(curves, crowdOf);
    const CurveChart chart{map.stages.size()};
    std::string svg = svgOpen("curves", chart.width(), CurveChart::height(),
                              page.w({"Curvas emocionales de las personas", "The personas' emotional curves"}),
                              curvesDescription(page, plotted));
    const double right = chart.width() - CurveChart::kRight;
    for (int v = kValenceMin; v <= kValenceMax; ++v) {
        const double y = CurveChart::y(v);
        svg += line(CurveChart::kLeft, y, right, y, v == 0 ? "stroke=\"#6b6b6b\" stroke-width=\"1.5\"" : "stroke=\"#dcdcdc\"");
        svg += svgText(CurveChart::kLeft - 8, y + 4, page.signedInteger(v), "text-anchor=\"end\" font-size=\"12\" fill=\"#3a3a3a\"");
    }
    const auto width = static_cast<std::size_t>(std::max(6.0, chart.column() / 7.0));
    for (std::size_t s = 0; s < map.stages.size(); ++s) {
        const double x = chart.x(s);
        svg += line(x, CurveChart::kTop, x, CurveChart::y(kValenceMin), "stroke=\"#f0f0f0\"");
        const auto lines = wrap(map.stages[s].name, width, 3);
        for (std::size_t l = 0; l < lines.size(); ++l)
            svg += svgText(x, CurveChart::y(kValenceMin) + 20 + 14 * static_cast<double>(l), lines[l],
                           "text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\"");
    }
    // The crowd's spread first, under the lines: the interquartile band and min–max whiskers.
    for (std::size_t i = 0; i < map.personas.size(); ++i) {
        if (!crowdOf[i]) continue;
        const std::string color = hexColor(strokeColor(map.personas[i].color));
        std::vector<std::size_t> run;
        auto flush = [&]() {
            if (run.empty()) return;
            std::string upper, lower;
            for (std::size_t s : run) {
                const CrowdPoint* c = crowdAt(crowdOf[i], map.stages[s].id);
                const double half = run.size() == 1 ? 6 : 0;
                upper += coord(chart.x(s) - half) + "," + coord(CurveChart::y(c->q3)) + " ";
                if (half > 0) upper += coord(chart.x(s) + half) + "," + coord(CurveChart::y(c->q3)) + " ";
                lower = coord(chart.x(s) - half) + "," + coord(CurveChart::y(c->q1)) + " " + lower;
                if (half > 0) lower = coord(chart.x(s) + half) + "," + coord(CurveChart::y(c->q1)) + " " + lower;
            }
            std::string points = upper + lower;
            points.pop_back();
            svg += "<polygon points=\"" + points + "\" fill=\"" + color + "\" fill-opacity=\"0.18\" stroke=\"none\"/>\n";
            run.clear();
        };
        for (std::size_t s = 0; s < map.stages.size(); ++s) {
            const CrowdPoint* c = crowdAt(crowdOf[i], map.stages[s].id);
            if (!c) {
                flush();
                continue;
            }
            run.push_back(s);
            svg += line(chart.x(s), CurveChart::y(c->min), chart.x(s), CurveChart::y(c->max),
                        "stroke=\"" + color + "\" stroke-opacity=\"0.6\" stroke-width=\"1.5\"");
        }
        flush();
    }
    // One line per persona, broken where a stage has no valence, with a marker at each point.
    for (std::size_t i = 0; i < curves.size(); ++i) {
        const std::string color = hexColor(strokeColor(map.personas[i].color));
        std::string points, markers;
        auto flush = [&]() {
            if (!points.empty()) {
                points.pop_back();
                svg += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + color +
                       "\" stroke-width=\"2.5\"" + dashAttribute(i) + "/>\n";
            }
            points.clear();
        };
        for (std::size_t s = 0; s < plotted[i].size(); ++s) {
            if (!plotted[i][s]) {
                flush();
                continue;
            }
            const double y = CurveChart::y(*plotted[i][s]);
            points += coord(chart.x(s)) + "," + coord(y) + " ";
            markers += marker(i, chart.x(s), y, color) + "\n";
        }
        flush();
        svg += markers;
    }
    svg += "</svg>\n";

    page.raw("<figure>\n" + svg + "<figcaption>");
    page.text(page.w({"Valencia emocional por etapa, de −3 a +3; cada persona con su color, trazo y símbolo. "
                      "Donde una persona no tiene valoración, su línea se interrumpe.",
                      "Emotional valence per stage, from −3 to +3; each persona with its own colour, dash and "
                      "symbol. Where a persona has no rating, its line breaks."}));
    if (anyCrowd)
        page.text(page.w({" Con los datos del taller, la línea sigue la mediana de las valoraciones de los "
                          "participantes, la banda sombreada es su rango intercuartílico y la línea vertical va "
                          "del mínimo al máximo.",
                          " With the workshop's data, the line follows the median of the participants' ratings, "
                          "the shaded band is their interquartile range and the vertical line runs from the "
                          "minimum to the maximum."}));
    page.raw("</figcaption>\n</figure>\n<ul class=\"legend\">\n");
    for (std::size_t i = 0; i < map.personas.size(); ++i) {
        const std::string color = hexColor(strokeColor(map.personas[i].color));
        page.raw("<li><svg width=\"36\" height=\"12\" aria-hidden=\"true\">" + line(2, 6, 34, 6, "stroke=\"" + color +
                 "\" stroke-width=\"2.5\"" + dashAttribute(i)) + marker(i, 18, 6, color) + "</svg>" +
                 htmlEscape(map.personas[i].name) + "</li>\n");
    }
    page.raw("</ul>\n");
    writeCurvesTable(page, curves, crowdOf);
    page.closeSection();
}

// ---- Expectation–experience gaps

void writeGaps(Page& page) {
    page.openSection("gaps");
    const auto gaps = touchpointGaps(page.map);
    if (gaps.empty()) {
        page.empty({"Ningún punto de contacto tiene valoradas la expectativa y la experiencia.",
                    "No touchpoint has both expectation and experience rated."});
        page.closeSection();
        return;
    }
    const std::size_t shown = std::min(gaps.size(), static_cast<std::size_t>(std::max(1, page.options.maxGaps)));
    int below = 0;
    for (const TouchpointGap& g : gaps) below += g.gap < 0 ? 1 : 0;
    page.element("p", std::to_string(gaps.size()) +
                          page.w({" puntos de contacto tienen valoradas la expectativa (lo que el cliente espera, de 1 a 5) "
                                  "y la experiencia (lo que vive); ",
                                  " touchpoints have both the expectation (what the customer expects, 1 to 5) and the "
                                  "experience (what they get) rated; "}) +
                          std::to_string(below) + page.w({" quedan por debajo de lo esperado.", " fall short of it."}));

    constexpr double kWidth = 800, kLabelRight = 330, kX0 = 345, kX1 = 780, kTop = 30, kRow = 28;
    const double unit = (kX1 - kX0) / 8.0, zero = (kX0 + kX1) / 2;
    const double height = kTop + kRow * static_cast<double>(shown) + 8;
    const TouchpointGap& worst = gaps.front();
    std::string desc = page.w({"Brecha entre experiencia y expectativa de ", "Gap between experience and expectation of "}) +
                       std::to_string(shown) + page.w({" puntos de contacto, de la peor a la mejor, en una escala de −4 a +4. ",
                                                       " touchpoints, worst first, on a scale from −4 to +4. "}) +
                       page.w({"La peor: ", "The worst: "}) + worst.text + " (" + worst.stageName + ", " +
                       page.signedInteger(worst.gap) + ").";
    std::string svg = svgOpen("gaps", kWidth, height,
                              page.w({"Expectativa frente a experiencia por punto de contacto",
                                      "Expectation versus experience per touchpoint"}),
                              desc);
    for (int v = -4; v <= 4; ++v) {
        const double x = zero + v * unit;
        svg += line(x, kTop - 6, x, height - 8, v == 0 ? "stroke=\"#6b6b6b\" stroke-width=\"1.5\"" : "stroke=\"#e3e3e3\"");
        svg += svgText(x, kTop - 12, page.signedInteger(v), "text-anchor=\"middle\" font-size=\"12\" fill=\"#3a3a3a\"");
    }
    for (std::size_t r = 0; r < shown; ++r) {
        const TouchpointGap& g = gaps[r];
        const double y = kTop + kRow * static_cast<double>(r);
        svg += svgText(kLabelRight, y + 17, (g.momentOfTruth ? "★ " : "") + shorten(g.text, 44),
                       "text-anchor=\"end\" font-size=\"12.5\" fill=\"#1b1b1b\"");
        const double x = g.gap < 0 ? zero + g.gap * unit : zero;
        const double w = g.gap == 0 ? 3 : std::abs(g.gap) * unit;
        const char* fill = g.gap < 0 ? "#b3261e" : g.gap > 0 ? "#2e7d32" : "#6b6b6b";
        svg += "<rect x=\"" + coord(g.gap == 0 ? zero - 1.5 : x) + "\" y=\"" + coord(y + 5) + "\" width=\"" + coord(w) +
               "\" height=\"16\" fill=\"" + fill + "\"/>\n";
        const double labelX = g.gap < 0 ? x - 6 : zero + w + 6;
        svg += svgText(labelX, y + 17, page.signedInteger(g.gap),
                       std::string("text-anchor=\"") + (g.gap < 0 ? "end" : "start") + "\" font-size=\"12\" font-weight=\"600\" fill=\"#1b1b1b\"");
    }
    svg += "</svg>\n";
    page.raw("<figure>\n" + svg + "<figcaption>");
    page.text(page.w({"Experiencia menos expectativa: a la izquierda (en rojo), por debajo de lo esperado; a la "
                      "derecha (en verde), por encima. ★ marca un momento de la verdad.",
                      "Experience minus expectation: to the left (red), below what was expected; to the right "
                      "(green), above it. ★ marks a moment of truth."}));
    if (shown < gaps.size())
        page.text(page.w({" Se muestran los ", " Showing the "}) + std::to_string(shown) + page.w({" peores de ", " worst of "}) +
                  std::to_string(gaps.size()) + ".");
    page.raw("</figcaption>\n</figure>\n<div class=\"scroll\">\n<table>\n");
    page.element("caption", page.w({"Datos del gráfico: brechas por punto de contacto", "Chart data: gaps per touchpoint"}));
    page.raw("<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">" + htmlEscape(page.w({"Punto de contacto", "Touchpoint"})) +
             "</th><th scope=\"col\">" + htmlEscape(page.w({"Etapa", "Stage"})) + "</th><th scope=\"col\">" +
             htmlEscape(page.w({"Canal", "Channel"})) + "</th><th scope=\"col\" class=\"num\">" + htmlEscape(page.w({"Esperado", "Expected"})) +
             "</th><th scope=\"col\" class=\"num\">" + htmlEscape(page.w({"Vivido", "Experienced"})) +
             "</th><th scope=\"col\" class=\"num\">" + htmlEscape(page.w({"Brecha", "Gap"})) + "</th><th scope=\"col\">" +
             htmlEscape(page.w({"Momento de la verdad", "Moment of truth"})) + "</th></tr></thead>\n<tbody>\n");
    for (std::size_t r = 0; r < shown; ++r) {
        const TouchpointGap& g = gaps[r];
        const char* cls = g.gap < 0 ? "num neg" : g.gap > 0 ? "num pos" : "num";
        page.raw("<tr><td class=\"num\">" + std::to_string(r + 1) + "</td><th scope=\"row\">" + htmlEscape(g.text) +
                 "</th><td>" + htmlEscape(g.stageName) + "</td><td>" + htmlEscape(label(g.channel, page.lang)) +
                 "</td><td class=\"num\">" + std::to_string(g.expectation) + "</td><td class=\"num\">" +
                 std::to_string(g.experience) + "</td><td class=\"" + cls + "\">" + page.signedInteger(g.gap) + "</td><td>" +
                 (g.momentOfTruth ? htmlEscape(page.w({"Sí", "Yes"})) : "—") + "</td></tr>\n");
    }
    page.raw("</tbody>\n</table>\n</div>\n");
    page.closeSection();
}

}  // namespace trayecto::html

// Private to the HTML report (core/report_html*.cpp): the page being written and the helpers
// its sections share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trayecto/analysis.hpp"
#include "trayecto/export.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/report_html.hpp"

namespace trayecto::html {

// A phrase in both languages.
struct Words {
    const char* es;
    const char* en;
};

// The report being written: the inputs, the language, and the HTML so far.
class Page {
public:
    Page(const Map& map, const ReportOptions& options, const std::vector<CrowdCurve>& crowd);

    const Map& map;
    const ReportOptions& options;
    const std::vector<CrowdCurve>& crowd;
    const Language lang;
    std::string out;

    bool spanish() const { return lang == Language::Spanish; }
    const char* w(const Words& words) const { return spanish() ? words.es : words.en; }
    void raw(std::string_view html) { out += html; }
    void text(std::string_view text) { out += htmlEscape(text); }
    // <tag attributes>escaped text</tag> and a line break.
    void element(std::string_view tag, std::string_view text, std::string_view attributes = "");
    // <section id="id" aria-labelledby="id-title"><h2 id="id-title">its title</h2> (the titles
    // are those of the report's table of contents).
    void openSection(std::string_view id);
    void closeSection() { raw("</section>\n"); }
    void empty(const Words& message);   // <p class="empty">message</p>

    // Numbers as people read them: decimal comma in Spanish; "−" for negatives.
    std::string decimal(double value, int digits) const;
    std::string signedDecimal(double value, int digits) const;   // "+1,5", "−2,0", "0,0"
    std::string signedInteger(int value) const;                  // "+1", "−2", "0"
    std::string percent(double share) const;                     // 0.667 -> "67 %" / "67%"
    std::string stageName(const Id& stageId) const;              // "" if unknown
};

// Coordinates and sizes inside SVG: at most two decimals, always '.'.
std::string coord(double value);
// A colour as "#rrggbb".
std::string hexColor(Rgb color);
// `text` cut to at most `maxChars` characters (not bytes), with "…" when cut.
std::string shorten(const std::string& text, std::size_t maxChars);

std::string_view dimensionLabel(CxDimension dimension, Language lang);
std::string_view quadrantLabel(Quadrant quadrant, Language lang);
// "Primer momento de la verdad (FMOT)", or the custom type's own name.
std::string momentTypeLabel(MotType type, const std::string& customType, Language lang);
// <span class="state state-at-risk">En riesgo</span>
std::string stateBadge(MotState state, Language lang);

// ---- SVG pieces (report_html_charts.cpp)
// <svg ... role="img" aria-labelledby="ID-svg-title ID-svg-desc"><title>…</title><desc>…</desc>
std::string svgOpen(const std::string& id, double width, double height, const std::string& title,
                    const std::string& desc);
std::string svgText(double x, double y, const std::string& text, const std::string& attributes);
std::string line(double x1, double y1, double x2, double y2, const std::string& attributes);

// ---- The map as a table (report_html_map.cpp)
void writeMapTable(Page& page);

// ---- Sections (report_html_sections.cpp)
void writeLevers(Page& page);
void writeMoments(Page& page);
void writeCoverage(Page& page);
void writeOwnerMix(Page& page);
void writeHeatMap(Page& page);
void writeRanked(Page& page, CardKind kind);

// ---- Charts with their data tables (report_html_charts.cpp, report_html_matrix.cpp)
void writeCurves(Page& page);
void writeGaps(Page& page);
void writeMatrix(Page& page);

}  // namespace trayecto::html

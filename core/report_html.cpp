// The standalone HTML report: the page, its style sheet, the header and the personas. The map
// table: report_html_map.cpp; other sections: report_html_sections.cpp; charts:
// report_html_charts.cpp and report_html_matrix.cpp.
//
// [SECTION] Escaping, numbers, labels
// [SECTION] Page
// [SECTION] Style sheet
// [SECTION] Header and contents
// [SECTION] Personas
// [SECTION] exportHtmlReport
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report_html_page.hpp"

namespace trayecto {

// ---- [SECTION] Escaping, numbers, labels

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace html {

std::string coord(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    std::string s = buf;
    std::replace(s.begin(), s.end(), ',', '.');
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
        const bool dot = s.back() == '.';
        s.pop_back();
        if (dot) break;
    }
    return s == "-0" ? "0" : s;
}

std::string hexColor(Rgb color) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(color & 0xffffffu));
    return buf;
}

std::string shorten(const std::string& text, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) continue;   // continuation byte
        if (chars == maxChars) return text.substr(0, i) + "…";
        ++chars;
    }
    return text;
}

std::string_view dimensionLabel(CxDimension dimension, Language lang) {
    const bool es = lang == Language::Spanish;
    switch (dimension) {
        case DimCognitive: return es ? "Cognitiva" : "Cognitive";
        case DimEmotional: return es ? "Emocional" : "Emotional";
        case DimBehavioural: return es ? "Conductual" : "Behavioural";
        case DimSensory: return es ? "Sensorial" : "Sensory";
        case DimSocial: return es ? "Social" : "Social";
    }
    return "";
}

std::string_view quadrantLabel(Quadrant quadrant, Language lang) {
    const bool es = lang == Language::Spanish;
    switch (quadrant) {
        case Quadrant::QuickWin: return es ? "Victoria rápida" : "Quick win";
        case Quadrant::MajorProject: return es ? "Gran proyecto" : "Major project";
        case Quadrant::FillIn: return es ? "Tarea de relleno" : "Fill-in";
        case Quadrant::ThanklessTask: return es ? "Tarea ingrata" : "Thankless task";
    }
    return "";
}

std::string momentTypeLabel(MotType type, const std::string& customType, Language lang) {
    const bool es = lang == Language::Spanish;
    switch (type) {
        case MotType::Zero: return es ? "Momento cero de la verdad (ZMOT)" : "Zero moment of truth (ZMOT)";
        case MotType::First: return es ? "Primer momento de la verdad (FMOT)" : "First moment of truth (FMOT)";
        case MotType::Second: return es ? "Segundo momento de la verdad (SMOT)" : "Second moment of truth (SMOT)";
        case MotType::Custom: return customType.empty() ? std::string(label(type, lang)) : customType;
    }
    return "";
}

std::string stateBadge(MotState state, Language lang) {
    const char* cls = state == MotState::Good     ? "good"
                      : state == MotState::AtRisk ? "at-risk"
                      : state == MotState::Failing ? "failing"
                                                   : "unknown";
    return std::string("<span class=\"state state-") + cls + "\">" +
           htmlEscape(label(state, lang)) + "</span>";
}

// ---- [SECTION] Page

namespace {

struct Entry {
    const char* id;
    Words title;
};
const Entry kContents[] = {
    {"levers", {"Dónde actuar primero", "Where to act first"}},
    {"personas", {"Personas", "Personas"}},
    {"map", {"El mapa", "The map"}},
    {"curves", {"Curvas emocionales", "Emotional curves"}},
    {"gaps", {"Expectativa frente a experiencia", "Expectation versus experience"}},
    {"moments", {"Momentos de la verdad", "Moments of truth"}},
    {"channels", {"Canales por etapa", "Channels per stage"}},
    {"owners", {"Propiedad de los puntos de contacto", "Touchpoint ownership"}},
    {"dimensions", {"Dimensiones de la experiencia", "Experience dimensions"}},
    {"matrix", {"Matriz de impacto y esfuerzo", "Impact and effort matrix"}},
    {"pain-points", {"Puntos de dolor más votados", "Most voted pain points"}},
    {"opportunities", {"Oportunidades más votadas", "Most voted opportunities"}},
};

}  // namespace


Page::Page(const Map& m, const ReportOptions& o, const std::vector<CrowdCurve>& c)
    : map(m), options(o), crowd(c),
      lang(languageFor(o.language.empty() ? m.meta.language : o.language)) {}

void Page::element(std::string_view tag, std::string_view content, std::string_view attributes) {
    out += '<';
    out += tag;
    if (!attributes.empty()) {
        out += ' ';
        out += attributes;
    }
    out += '>';
    text(content);
    out += "</";
    out += tag;
    out += ">\n";
}

void Page::openSection(std::string_view id) {
    const std::string sid(id);
    const Words* title = nullptr;
    for (const Entry& e : kContents)
        if (id == e.id) title = &e.title;
    raw("<section id=\"" + sid + "\" aria-labelledby=\"" + sid + "-title\">\n");
    element("h2", title ? w(*title) : sid, "id=\"" + sid + "-title\"");
}

void Page::empty(const Words& message) { element("p", w(message), "class=\"empty\""); }

std::string Page::decimal(double value, int digits) const {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, value);
    std::string s = buf;
    std::replace(s.begin(), s.end(), ',', '.');
    if (s.size() > 1 && s[0] == '-' && std::all_of(s.begin() + 1, s.end(), [](char c) {
            return c == '0' || c == '.';
        }))
        s.erase(0, 1);   // "-0.0" -> "0.0"
    if (spanish()) std::replace(s.begin(), s.end(), '.', ',');
    if (!s.empty() && s[0] == '-') s.replace(0, 1, "−");
    return s;
}

std::string Page::signedDecimal(double value, int digits) const {
    std::string s = decimal(value, digits);
    const bool zero = std::all_of(s.begin(), s.end(), [](char c) { return c == '0' || c == ',' || c == '.'; });
    return (value > 0 && !zero ? "+" : "") + s;
}

std::string Page::signedInteger(int value) const {
    if (value > 0) return "+" + std::to_string(value);
    if (value < 0) return "−" + std::to_string(-value);
    return "0";
}

std::string Page::percent(double share) const {
    const std::string n = std::to_string(static_cast<int>(std::lround(share * 100)));
    return spanish() ? n + " %" : n + "%";
}

std::string Page::stageName(const Id& stageId) const {
    const Stage* s = findStage(map, stageId);
    return s ? s->name : std::string();
}

}  // namespace html

namespace {

using namespace html;

// ---- [SECTION] Style sheet

constexpr const char* kStyle = R"css(:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff; }
header, nav, main, footer { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: .25rem 0 .5rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 .75rem; padding-top: .6rem; border-top: 3px solid #1d4e89; }
h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
a { color: #1d4e89; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #4a4a4a; margin: 0; }
.lead { font-size: 1.1rem; max-width: 52rem; margin: .25rem 0 .75rem; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .75rem 0; }
dl.details dt { font-weight: 600; }
dl.details dd { margin: 0; }
ul.summary { list-style: none; padding: 0; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .5rem; }
ul.summary li { background: #eef3f9; border-radius: 6px; padding: .3rem .75rem; }
ul.summary strong { font-size: 1.15rem; }
nav ol { columns: 2 16rem; margin: .25rem 0; }
nav h2 { border-top: 0; margin-top: 1.5rem; padding-top: 0; font-size: 1.1rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .5rem; }
th, td { border: 1px solid #c4c4c4; padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f0f0f0; }
th[scope="row"] { background: #f7f7f7; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #5a5a5a; }
.scroll { overflow-x: auto; }
.empty { color: #4a4a4a; font-style: italic; }
.neg { color: #a3211a; font-weight: 600; }
.pos { color: #1b5e20; font-weight: 600; }
.personas { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: 1rem; }
.persona { border: 1px solid #c4c4c4; border-left: 8px solid var(--persona); border-radius: 6px; padding: .75rem 1rem; }
.persona p { margin: .25rem 0; }
.persona blockquote { margin: .5rem 0; font-style: italic; }
.persona dl { margin: .5rem 0 0; }
.persona dt { font-weight: 600; font-size: .85rem; }
.persona dd { margin: 0 0 .35rem; }
table.map { font-size: .78rem; }
table.map td { min-width: 8rem; }
table.map thead th.phase { text-align: center; }
.phase-pre-purchase { background: #e6f0fa; }
.phase-purchase { background: #fdf0dc; }
.phase-post-purchase { background: #e7f4ea; }
ul.cards { list-style: none; margin: 0; padding: 0; }
ul.cards li { background: #fff; border: 1px solid #d0d0d0; border-left: 4px solid #767676; border-radius: 4px; padding: .25rem .4rem; margin: 0 0 .35rem; }
ul.cards li.k-touchpoint { border-left-color: #1d4e89; }
ul.cards li.k-pain-point { border-left-color: #b3261e; }
ul.cards li.k-opportunity { border-left-color: #2e7d32; }
ul.cards li.k-backstage { border-left-color: #6d4c41; }
ul.cards li.k-kpi { border-left-color: #6a1b9a; }
.kind { display: block; font-size: .68rem; text-transform: uppercase; letter-spacing: .04em; color: #4a4a4a; }
.attrs { display: block; font-size: .74rem; color: #4a4a4a; }
.mot { display: block; font-size: .74rem; font-weight: 600; color: #6d4c00; }
tr.visibility td { background: #fff4e5; text-align: center; font-weight: 600; color: #5c3200; border-top: 3px dashed #8a4b00; }
.state { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.state-good { background: #dff3e4; color: #1b5e20; }
.state-at-risk { background: #fff1cc; color: #6d4c00; }
.state-failing { background: #fde2e0; color: #8c1d18; }
.state-unknown { background: #ececec; color: #3a3a3a; }
figure { margin: 1rem 0 .5rem; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .9rem; color: #3a3a3a; margin-top: .35rem; max-width: 52rem; }
ul.legend { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; font-size: .9rem; }
ul.legend svg { vertical-align: middle; margin-right: .35rem; }
.heat-1 { background: #e3eef9; }
.heat-2 { background: #c5dcf2; }
.heat-3 { background: #a3c7ea; }
.heat-4 { background: #7fb0e0; }
footer { margin-top: 3rem; padding: .75rem 1.25rem 2rem; color: #4a4a4a; font-size: .85rem; border-top: 1px solid #c4c4c4; }
@media print { h2 { break-after: avoid; } table, figure { break-inside: avoid; } .scroll { overflow: visible; } }
)css";

// ---- [SECTION] Header and contents

// "2026-11-22T08:00:00Z" -> <time datetime="...">2026-11-22 08:00 UTC</time>; other text as is.
std::string timeElement(const std::string& iso) {
    const bool utc = iso.size() == 20 && iso[10] == 'T' && iso[19] == 'Z';
    const std::string shown = utc ? iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC" : iso;
    return "<time datetime=\"" + htmlEscape(iso) + "\">" + htmlEscape(shown) + "</time>";
}

void writeHeader(Page& page) {
    const MapMeta& meta = page.map.meta;
    page.raw("<header>\n");
    page.element("p", page.w({"Informe del mapa de la experiencia del cliente", "Customer journey map report"}),
                 "class=\"kicker\"");
    page.element("h1", meta.title.empty() ? page.w({"Mapa sin título", "Untitled map"}) : meta.title);
    if (!meta.description.empty()) page.element("p", meta.description, "class=\"lead\"");
    page.raw("<dl class=\"details\">\n");
    auto detail = [&](const Words& term, const std::string& valueHtml) {
        if (valueHtml.empty()) return;
        page.raw("<dt>" + htmlEscape(page.w(term)) + "</dt><dd>" + valueHtml + "</dd>\n");
    };
    detail({"Alcance", "Scope"}, htmlEscape(meta.scope));
    detail({"Autoría", "Author"}, htmlEscape(meta.author));
    detail({"Creado", "Created"}, meta.created.empty() ? "" : timeElement(meta.created));
    detail({"Modificado", "Modified"}, meta.modified.empty() ? "" : timeElement(meta.modified));
    page.raw("</dl>\n");

    const MapCounts c = countItems(page.map);
    page.raw("<ul class=\"summary\" aria-label=\"" + htmlEscape(page.w({"Resumen", "Summary"})) + "\">\n");
    auto count = [&](int n, const Words& what) {
        page.raw("<li><strong>" + std::to_string(n) + "</strong> " + htmlEscape(page.w(what)) + "</li>\n");
    };
    count(c.personas, {"personas", "personas"});
    count(c.stages, {"etapas", "stages"});
    count(c.touchpoints, {"puntos de contacto", "touchpoints"});
    count(c.moments, {"momentos de la verdad", "moments of truth"});
    count(c.painPoints, {"puntos de dolor", "pain points"});
    count(c.opportunities, {"oportunidades", "opportunities"});
    page.raw("</ul>\n</header>\n");

    page.raw("<nav aria-labelledby=\"contents-title\">\n");
    page.element("h2", page.w({"Contenido", "Contents"}), "id=\"contents-title\"");
    page.raw("<ol>\n");
    for (const Entry& e : kContents)
        page.raw(std::string("<li><a href=\"#") + e.id + "\">" + htmlEscape(page.w(e.title)) + "</a></li>\n");
    page.raw("</ol>\n</nav>\n");
}

// ---- [SECTION] Personas

void writePersonas(Page& page) {
    page.openSection("personas");
    if (page.map.personas.empty()) {
        page.empty({"El mapa no tiene personas.", "The map has no personas."});
        page.closeSection();
        return;
    }
    page.raw("<div class=\"personas\">\n");
    for (const Persona& p : page.map.personas) {
        page.raw("<article class=\"persona\" style=\"--persona: " + hexColor(p.color) + "\">\n");
        page.element("h3", p.name);
        if (!p.description.empty()) page.element("p", p.description);
        if (!p.quote.empty()) page.element("blockquote", p.quote);
        page.raw("<dl>\n");
        auto field = [&](const Words& term, const std::string& value) {
            if (value.empty()) return;
            page.element("dt", page.w(term));
            page.element("dd", value);
        };
        field({"Objetivos", "Goals"}, p.goals);
        field({"Necesidades", "Needs"}, p.needs);
        field({"Expectativas", "Expectations"}, p.expectations);
        field({"Frustraciones", "Frustrations"}, p.frustrations);
        if (p.valueTier != ValueTier::Unset)
            field({"Valor del cliente (CLV)", "Customer lifetime value"}, std::string(label(p.valueTier, page.lang)));
        page.raw("</dl>\n</article>\n");
    }
    page.raw("</div>\n");
    page.closeSection();
}

}  // namespace

// ---- [SECTION] exportHtmlReport

std::string exportHtmlReport(const Map& map, const ReportOptions& options,
                             const std::vector<CrowdCurve>& crowd) {
    Page page(map, options, crowd);
    const std::string title = map.meta.title.empty() ? page.w({"Mapa sin título", "Untitled map"}) : map.meta.title;
    page.raw("<!DOCTYPE html>\n<html lang=\"");
    page.raw(page.spanish() ? "es" : "en");
    page.raw("\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta name=\"generator\" content=\"Trayecto\">\n");
    page.element("title", title + " — " + page.w({"Informe del mapa de la experiencia", "Journey map report"}));
    page.raw("<style>\n");
    page.raw(kStyle);
    page.raw("</style>\n</head>\n<body>\n");
    writeHeader(page);
    page.raw("<main>\n");
    writeLevers(page);
    writePersonas(page);
    writeMapTable(page);
    writeCurves(page);
    writeGaps(page);
    writeMoments(page);
    writeCoverage(page);
    writeOwnerMix(page);
    writeHeatMap(page);
    writeMatrix(page);
    writeRanked(page, CardKind::PainPoint);
    writeRanked(page, CardKind::Opportunity);
    page.raw("</main>\n<footer>\n");
    page.element("p", page.w({"Informe generado con Trayecto a partir del mapa en formato JSON. "
                              "Los gráficos van acompañados de tablas con los mismos datos.",
                              "Report generated by Trayecto from the JSON map. Every chart is "
                              "followed by a table with the same data."}));
    page.raw("</footer>\n</body>\n</html>\n");
    return std::move(page.out);
}

}  // namespace trayecto

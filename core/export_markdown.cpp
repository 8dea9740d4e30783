// The Markdown report: a readable summary of a map for people who will not open the app.
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "trayecto/analysis.hpp"
#include "trayecto/export.hpp"

namespace trayecto {

namespace {

// "+1.5", "-2.0", "0.0" ("+1,5" in Spanish).
std::string signedValence(double value, Language lang) {
    char buf[32];
    if (value > -0.05 && value < 0.05) value = 0;
    std::snprintf(buf, sizeof buf, value == 0 ? "%.1f" : "%+.1f", value);
    std::string s = buf;
    std::replace(s.begin(), s.end(), ',', '.');
    if (lang == Language::Spanish) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

struct Words {
    const char* es;
    const char* en;
};

class Report {
public:
    Report(const Map& map, const ReportOptions& options)
        : map_(map), options_(options),
          lang_(languageFor(options.language.empty() ? map.meta.language : options.language)) {}

    std::string build();

private:
    const char* w(const Words& words) const { return lang_ == Language::Spanish ? words.es : words.en; }
    void line(const std::string& text = "") { out_ += text; out_ += '\n'; }
    // Blocks (headings, tables, rules) need an empty line before them.
    void blankLine() {
        if (out_.size() >= 2 && out_.compare(out_.size() - 2, 2, "\n\n") != 0) line();
    }
    void heading(int level, const std::string& text) {
        blankLine();
        line(std::string(std::size_t(level), '#') + " " + text);
        line();
    }
    void tableHeader(std::initializer_list<const char*> columns, const std::string& align);
    void tableRow(const std::vector<std::string>& cells);

    void summary();
    void personas();
    void stages();
    void curves();
    void moments();
    void gaps();
    void ranked(CardKind kind);
    void coverage();

    const Map& map_;
    const ReportOptions& options_;
    Language lang_;
    std::string out_;
};

// ---- User text in Markdown
// Markdown passes raw HTML through and turns [label](target) into a link whatever the target:
// user text is written with the characters that start HTML or a link escaped (&, <, > as
// character references; [, ], `, \\ with a backslash), so it reads as the text it is. A
// link the user wrote, [label](target), stays a link only when its target is http:, https: or
// mailto:; any other link ("javascript:", "data:"…) is written as plain text.

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

// A link target written as is: a safe scheme, then printable ASCII without the characters that
// would end the target or need escaping in it.
bool safeLinkTarget(std::string_view target) {
    const bool scheme = startsWithNoCase(target, "https://") || startsWithNoCase(target, "http://") ||
                        startsWithNoCase(target, "mailto:");
    if (!scheme || target.size() > 2048) return false;
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) return false;
        if (std::string_view("<>\"'\\`()[]{}|").find(c) != std::string_view::npos) return false;
    }
    return true;
}

void appendEscaped(std::string& out, char c) {
    switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '[': case ']': case '`': case '\\': out += '\\'; out += c; break;
        default: out += c;
    }
}

// A user's [label](target) at `at`: the label and target, or false.
bool userLink(std::string_view text, std::size_t at, std::string_view& label, std::string_view& target,
              std::size_t& end) {
    if (text[at] != '[') return false;
    const std::size_t close = text.find(']', at + 1);
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != '(') return false;
    label = text.substr(at + 1, close - at - 1);
    if (label.empty() || label.find_first_of("[\r\n") != std::string_view::npos) return false;
    const std::size_t targetEnd = text.find(')', close + 2);
    if (targetEnd == std::string_view::npos) return false;
    target = text.substr(close + 2, targetEnd - close - 2);
    end = targetEnd + 1;
    return true;
}

std::string markdownText(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        std::string_view label, target;
        std::size_t end = 0;
        if (userLink(text, i, label, target, end) && safeLinkTarget(target)) {
            // "!" just before would make it an image, loaded from anywhere: keep it a link.
            if (!out.empty() && out.back() == '!') out.insert(out.size() - 1, 1, '\\');
            out += '[';
            for (char c : label) appendEscaped(out, c);
            out += "](";
            for (char c : target) {
                if (c == '&') out += "&amp;";
                else out += c;
            }
            out += ')';
            i = end;
            continue;
        }
        appendEscaped(out, text[i]);
        ++i;
    }
    return out;
}

// A table cell: no raw pipes or line breaks.
std::string cell(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '|') out += "\\|";
        else if (c == '\r') continue;
        else if (c == '\n') out += "<br>";
        else out += c;
    }
    return out;
}

// A 7-step strip from -3 to +3 with a dot at the (rounded) valence: `···┼●··`.
std::string valenceStrip(double valence) {
    const int at = static_cast<int>(valence < 0 ? valence - 0.5 : valence + 0.5);
    std::string s = "`";
    for (int v = kValenceMin; v <= kValenceMax; ++v)
        s += v == at ? "●" : (v == 0 ? "┼" : "·");
    return s + "`";
}

void Report::tableHeader(std::initializer_list<const char*> columns, const std::string& align) {
    std::string head = "|", rule = "|";
    std::size_t i = 0;
    for (const char* c : columns) {
        head += " " + std::string(c) + " |";
        rule += (i < align.size() && align[i] == 'r') ? " ---: |" : " --- |";
        ++i;
    }
    line(head);
    line(rule);
}

void Report::tableRow(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const std::string& c : cells) row += " " + cell(c) + " |";
    line(row);
}

std::string decimal(double value, int digits, Language lang) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, value);
    std::string s = buf;
    std::replace(s.begin(), s.end(), ',', '.');
    if (lang == Language::Spanish) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string joinedFeelings(const std::vector<std::string>& feelings) {
    std::string out;
    for (const std::string& f : feelings) out += (out.empty() ? "" : ", ") + f;
    return out;
}

std::string signedInt(int value) { return value > 0 ? "+" + std::to_string(value) : std::to_string(value); }

std::string oneLine(const std::string& text) {
    std::string s = text;
    std::replace(s.begin(), s.end(), '\n', ' ');
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    return s;
}

// User text on one line (headings, list items), escaped.
std::string userLine(const std::string& text) { return markdownText(oneLine(text)); }

std::string Report::build() {
    heading(1, userLine(map_.meta.title.empty() ? w({"Mapa sin título", "Untitled map"}) : map_.meta.title));
    if (!map_.meta.description.empty()) { line(markdownText(map_.meta.description)); line(); }
    bool any = false;
    auto meta = [&](const Words& name, const std::string& value) {
        if (value.empty()) return;
        line(std::string("- **") + w(name) + ":** " + userLine(value));
        any = true;
    };
    meta({"Alcance", "Scope"}, map_.meta.scope);
    meta({"Autoría", "Author"}, map_.meta.author);
    meta({"Actualizado", "Last modified"},
         map_.meta.modified.empty() ? map_.meta.created : map_.meta.modified);
    if (any) line();
    summary();
    personas();
    stages();
    curves();
    moments();
    gaps();
    ranked(CardKind::PainPoint);
    ranked(CardKind::Opportunity);
    coverage();
    blankLine();
    line("---");
    line();
    line(w({"_Informe generado con Trayecto._", "_Report generated with Trayecto._"}));
    return out_;
}

void Report::summary() {
    heading(2, w({"Resumen", "Summary"}));
    const MapCounts c = countItems(map_);
    tableHeader({w({"Personas", "Personas"}), w({"Etapas", "Stages"}), w({"Carriles", "Lanes"}),
                 w({"Tarjetas", "Cards"}), w({"Puntos de contacto", "Touchpoints"}),
                 w({"Puntos de dolor", "Pain points"}), w({"Oportunidades", "Opportunities"}),
                 w({"Emociones", "Emotions"}), w({"Momentos de la verdad", "Moments of truth"})},
                "rrrrrrrrr");
    tableRow({std::to_string(c.personas), std::to_string(c.stages), std::to_string(c.lanes),
              std::to_string(c.cards), std::to_string(c.touchpoints), std::to_string(c.painPoints),
              std::to_string(c.opportunities), std::to_string(c.emotions),
              std::to_string(c.moments)});
}

void Report::personas() {
    heading(2, w({"Personas", "Personas"}));
    if (map_.personas.empty()) { line(w({"_No hay personas._", "_No personas._"})); return; }
    for (const Persona& p : map_.personas) {
        heading(3, userLine(p.name));
        if (!p.description.empty()) { line(markdownText(p.description)); line(); }
        bool any = false;
        auto field = [&](const Words& name, const std::string& value) {
            if (value.empty()) return;
            line(std::string("- **") + w(name) + ":** " + userLine(value));
            any = true;
        };
        field({"Objetivos", "Goals"}, p.goals);
        field({"Necesidades", "Needs"}, p.needs);
        field({"Expectativas", "Expectations"}, p.expectations);
        field({"Frustraciones", "Frustrations"}, p.frustrations);
        if (p.valueTier != ValueTier::Unset)
            field({"Valor del cliente (CLV)", "Customer value (CLV)"}, std::string(label(p.valueTier, lang_)));
        if (any) line();
        if (!p.quote.empty()) { line("> " + userLine(p.quote)); line(); }
    }
}

void Report::stages() {
    heading(2, w({"Etapas", "Stages"}));
    if (map_.stages.empty()) { line(w({"_No hay etapas._", "_No stages._"})); return; }
    for (Phase phase : {Phase::PrePurchase, Phase::Purchase, Phase::PostPurchase}) {
        bool first = true;
        for (std::size_t i = 0; i < map_.stages.size(); ++i) {
            const Stage& s = map_.stages[i];
            if (s.phase != phase) continue;
            if (first) heading(3, std::string(label(phase, lang_)));
            first = false;
            std::string item = std::to_string(i + 1) + ". **" + userLine(s.name) + "**";
            if (!s.description.empty()) item += ": " + userLine(s.description);
            line(item);
        }
        if (!first) line();
    }
}

void Report::curves() {
    heading(2, w({"Curva emocional", "Emotional curve"}));
    if (map_.personas.empty()) { line(w({"_No hay personas._", "_No personas._"})); return; }
    const std::vector<EmotionCurve> all = emotionCurves(map_);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const EmotionCurve& curve = all[i];
        heading(3, userLine(map_.personas[i].name));
        const auto average = curve.averageValence();
        line(std::string(w({"Valencia media: ", "Average valence: "})) +
             (average ? signedValence(*average, lang_) : "—") + " (" +
             std::to_string(curve.presentCount()) + w({" de ", " of "}) +
             std::to_string(curve.points.size()) + w({" etapas)", " stages)"}));
        line();
        tableHeader({w({"Etapa", "Stage"}), w({"Fase", "Phase"}), w({"Valencia", "Valence"}),
                     w({"Curva (-3…+3)", "Curve (-3…+3)"}), w({"Emociones", "Feelings"})},
                    "llrll");
        for (std::size_t s = 0; s < curve.points.size(); ++s) {
            const CurvePoint& p = curve.points[s];
            const Stage& stage = map_.stages[s];
            tableRow({markdownText(stage.name), std::string(label(stage.phase, lang_)),
                      p.valence ? signedValence(*p.valence, lang_) : "—",
                      p.valence ? valenceStrip(*p.valence) : "",
                      markdownText(joinedFeelings(p.feelings))});
        }
    }
}

void Report::moments() {
    heading(2, w({"Momentos de la verdad", "Moments of truth"}));
    const auto all = momentsOfTruth(map_);
    if (all.empty()) { line(w({"_No hay momentos de la verdad._", "_No moments of truth._"})); return; }
    tableHeader({w({"Tipo", "Type"}), w({"Momento", "Moment"}), w({"Etapa", "Stage"}),
                 w({"Punto de contacto", "Touchpoint"}), w({"Estado", "State"}),
                 w({"Brecha", "Gap"}), w({"Por qué importa", "Why it matters"})},
                "lllllrl");
    for (const MomentSummary& m : all) {
        const std::string type = m.type == MotType::Custom && !m.customType.empty()
                                     ? m.customType : std::string(label(m.type, lang_));
        tableRow({markdownText(type), markdownText(m.name), markdownText(m.stageName), markdownText(m.cardText),
                  std::string(label(m.state, lang_)),
                  m.gap ? signedInt(*m.gap) : "—", markdownText(m.reason)});
    }
}

void Report::gaps() {
    heading(2, w({"Mayores brechas entre expectativa y experiencia",
                  "Biggest expectation–experience gaps"}));
    const auto all = touchpointGaps(map_);
    const auto negative = std::count_if(all.begin(), all.end(), [](const TouchpointGap& g) { return g.gap < 0; });
    if (negative == 0) {
        line(w({"_Ningún punto de contacto valorado queda por debajo de lo esperado._",
                "_No rated touchpoint falls short of expectations._"}));
        return;
    }
    line(std::to_string(negative) + w({" de ", " of "}) + std::to_string(all.size()) +
         w({" puntos de contacto valorados quedan por debajo de lo esperado.",
            " rated touchpoints fall short of expectations."}));
    line();
    tableHeader({w({"Punto de contacto", "Touchpoint"}), w({"Etapa", "Stage"}), w({"Canal", "Channel"}),
                 w({"Expectativa", "Expectation"}), w({"Experiencia", "Experience"}),
                 w({"Brecha", "Gap"}), "MOT"},
                "lllrrrl");
    int shown = 0;
    for (const TouchpointGap& g : all) {
        if (g.gap >= 0 || shown >= options_.maxGaps) break;
        ++shown;
        tableRow({markdownText(g.text), markdownText(g.stageName), std::string(label(g.channel, lang_)), std::to_string(g.expectation),
                  std::to_string(g.experience), signedInt(g.gap), g.momentOfTruth ? w({"sí", "yes"}) : ""});
    }
}

void Report::ranked(CardKind kind) {
    const bool pain = kind == CardKind::PainPoint;
    heading(2, pain ? w({"Puntos de dolor", "Pain points"}) : w({"Oportunidades", "Opportunities"}));
    const auto everyOne = rankImprovements(map_, kind, Ranking::ByVotes, true);
    if (everyOne.empty()) { line(w({"_No hay ninguno._", "_None._"})); return; }
    for (Ranking by : {Ranking::ByVotes, Ranking::ByImpactEffort}) {
        heading(3, by == Ranking::ByVotes ? w({"Por votos", "By votes"})
                                          : w({"Por impacto/esfuerzo", "By impact/effort"}));
        tableHeader({"#", pain ? w({"Punto de dolor", "Pain point"}) : w({"Oportunidad", "Opportunity"}),
                     w({"Etapa", "Stage"}), w({"Votos", "Votes"}),
                     pain ? w({"Gravedad", "Severity"}) : w({"Valor", "Value"}), w({"Impacto", "Impact"}),
                     w({"Esfuerzo", "Effort"}), w({"Impacto/esfuerzo", "Impact/effort"}),
                     w({"Estado", "Status"}), w({"Responsable", "Owner"})},
                    "rllrrrrrll");
        const auto open = rankImprovements(map_, kind, by, false);
        int rank = 0;
        for (const RankedImprovement& r : open) {
            if (rank >= options_.maxRanked) break;
            ++rank;
            tableRow({std::to_string(rank), markdownText(r.text), markdownText(r.stageName), std::to_string(r.votes),
                      std::to_string(r.severity), std::to_string(r.impact), std::to_string(r.effort),
                      decimal(r.score, 2, lang_), std::string(label(r.status, lang_)), markdownText(r.owner)});
        }
    }
    const std::size_t closed = everyOne.size() - rankImprovements(map_, kind, Ranking::ByVotes, false).size();
    if (closed > 0) {
        blankLine();
        line(w({"_No se clasifican los ya hechos o descartados (", "_Done or discarded items are not ranked ("}) +
             std::to_string(closed) + ")._");
    }
}

void Report::coverage() {
    heading(2, w({"Cobertura de canales por etapa", "Channel coverage by stage"}));
    const ChannelCoverage cov = channelCoverage(map_);
    int total = 0;
    for (int t : cov.stageTotals) total += t;
    if (total == 0 || map_.stages.empty()) { line(w({"_No hay puntos de contacto._", "_No touchpoints._"})); return; }
    std::string head = std::string("| ") + w({"Canal", "Channel"}) + " |";
    std::string rule = "| --- |";
    for (const Stage& s : map_.stages) { head += " " + cell(userLine(s.name)) + " |"; rule += " ---: |"; }
    line(head + " " + w({"Total", "Total"}) + " |");
    line(rule + " ---: |");
    auto row = [&](const std::string& name, auto countAt, int sum) {
        std::vector<std::string> cells{name};
        for (std::size_t s = 0; s < map_.stages.size(); ++s) {
            const int n = countAt(s);
            cells.push_back(n == 0 ? "·" : std::to_string(n));
        }
        cells.push_back(std::to_string(sum));
        tableRow(cells);
    };
    for (int ch = 0; ch < kChannelCount; ++ch) {
        if (cov.channelTotals[std::size_t(ch)] == 0) continue;
        row(std::string(label(static_cast<Channel>(ch), lang_)),
            [&](std::size_t s) { return cov.counts[std::size_t(ch)][s]; }, cov.channelTotals[std::size_t(ch)]);
    }
    row(std::string("**") + w({"Total", "Total"}) + "**",
        [&](std::size_t s) { return cov.stageTotals[s]; }, total);
}

}  // namespace

std::string exportMarkdown(const Map& map, const ReportOptions& options) {
    Report report(map, options);
    return report.build();
}

}  // namespace trayecto

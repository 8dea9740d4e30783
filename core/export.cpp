// The labels of the model's enums and the CSV export (the Markdown report: export_markdown.cpp).
//
// [SECTION] Labels in two languages, and the JSON spellings the CSV uses
// [SECTION] Number formatting
// [SECTION] CSV
#include "trayecto/export.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <unordered_map>

namespace trayecto {

// ---- [SECTION] Labels in two languages, and the JSON spellings the CSV uses

namespace {

struct Names {
    const char* token;   // as in the JSON format
    const char* es;
    const char* en;
};

const Names kPhases[] = {{"pre-purchase", "Pre-compra", "Pre-purchase"},
                         {"purchase", "Compra", "Purchase"},
                         {"post-purchase", "Post-compra", "Post-purchase"}};
const Names kLaneTypes[] = {
    {"actions", "Acciones", "Actions"}, {"goals", "Objetivos", "Goals"},
    {"touchpoints", "Puntos de contacto", "Touchpoints"}, {"channels", "Canales", "Channels"},
    {"thoughts", "Pensamientos", "Thoughts"}, {"emotions", "Emociones", "Emotions"},
    {"pain-points", "Puntos de dolor", "Pain points"},
    {"opportunities", "Oportunidades", "Opportunities"},
    {"backstage", "Procesos internos", "Backstage"}, {"kpis", "KPI", "KPIs"},
    {"custom", "Personalizado", "Custom"}};
const Names kCardKinds[] = {{"note", "Nota", "Note"},
                            {"touchpoint", "Punto de contacto", "Touchpoint"},
                            {"pain-point", "Punto de dolor", "Pain point"},
                            {"opportunity", "Oportunidad", "Opportunity"},
                            {"backstage", "Proceso interno", "Backstage process"},
                            {"kpi", "KPI", "KPI"}};
const Names kChannels[] = {
    {"web", "Web", "Web"}, {"app", "App", "App"}, {"store", "Tienda", "Store"},
    {"phone", "Teléfono", "Phone"}, {"email", "Correo electrónico", "Email"},
    {"social", "Redes sociales", "Social media"}, {"chat", "Chat", "Chat"},
    {"in-person", "En persona", "In person"}, {"advertising", "Publicidad", "Advertising"},
    {"packaging", "Embalaje", "Packaging"}, {"other", "Otro", "Other"}};
const Names kTouchpointKinds[] = {{"personal", "Personal", "Personal"},
                                  {"physical", "Físico", "Physical"},
                                  {"digital", "Digital", "Digital"}};
const Names kOwners[] = {{"brand", "Marca", "Brand-owned"},
                         {"partner", "Socio", "Partner-owned"},
                         {"customer", "Cliente", "Customer-owned"},
                         {"social-external", "Social / externo", "Social / external"}};
const Names kMetricTypes[] = {
    {"csat", "CSAT", "CSAT"}, {"nps", "NPS", "NPS"}, {"ces", "CES", "CES"},
    {"custom", "Personalizada", "Custom"}};
const Names kStatuses[] = {{"open", "Abierto", "Open"},
                           {"in-progress", "En curso", "In progress"},
                           {"done", "Hecho", "Done"},
                           {"discarded", "Descartado", "Discarded"}};
const Names kMotTypes[] = {{"zmot", "ZMOT", "ZMOT"}, {"fmot", "FMOT", "FMOT"},
                           {"smot", "SMOT", "SMOT"}, {"custom", "Otro", "Custom"}};
const Names kMotStates[] = {{"unknown", "Sin evaluar", "Unknown"},
                            {"good", "Bien", "Good"},
                            {"at-risk", "En riesgo", "At risk"},
                            {"failing", "Fallando", "Failing"}};
const Names kValueTiers[] = {{"", "Sin definir", "Unset"},   {"low", "Bajo", "Low"},
                             {"medium", "Medio", "Medium"}, {"high", "Alto", "High"},
                             {"top", "Máximo", "Top"}};
const Names kDimensions[] = {{"cognitive", "cognitiva", "cognitive"},
                             {"emotional", "emocional", "emotional"},
                             {"behavioural", "conductual", "behavioural"},
                             {"sensory", "sensorial", "sensory"},
                             {"social", "social", "social"}};

template <typename E, std::size_t N>
const Names& namesOf(const Names (&table)[N], E value) {
    const auto i = static_cast<std::size_t>(value);
    return table[i < N ? i : 0];
}
template <typename E, std::size_t N>
std::string_view pick(const Names (&table)[N], E value, Language lang) {
    const Names& n = namesOf(table, value);
    return lang == Language::Spanish ? n.es : n.en;
}
template <typename E, std::size_t N>
std::string_view token(const Names (&table)[N], E value) {
    return namesOf(table, value).token;
}

}  // namespace

Language languageFor(const std::string& tag) {
    const bool es = tag == "es" || tag.rfind("es-", 0) == 0 || tag.rfind("es_", 0) == 0;
    return es ? Language::Spanish : Language::English;
}

std::string_view label(Phase v, Language l) { return pick(kPhases, v, l); }
std::string_view label(LaneType v, Language l) { return pick(kLaneTypes, v, l); }
std::string_view label(CardKind v, Language l) { return pick(kCardKinds, v, l); }
std::string_view label(Channel v, Language l) { return pick(kChannels, v, l); }
std::string_view label(TouchpointKind v, Language l) { return pick(kTouchpointKinds, v, l); }
std::string_view label(TouchpointOwner v, Language l) { return pick(kOwners, v, l); }
std::string_view label(MetricType v, Language l) { return pick(kMetricTypes, v, l); }
std::string_view label(ImprovementStatus v, Language l) { return pick(kStatuses, v, l); }
std::string_view label(MotType v, Language l) { return pick(kMotTypes, v, l); }
std::string_view label(MotState v, Language l) { return pick(kMotStates, v, l); }
std::string_view label(ValueTier v, Language l) { return pick(kValueTiers, v, l); }

// ---- [SECTION] Number formatting

namespace {

// Shortest plain form of a number, always with '.' ("4.1", "68", "0.42").
std::string plainNumber(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    std::string s = buf;
    std::replace(s.begin(), s.end(), ',', '.');   // in case a locale was set
    return s;
}

std::string hexColor(Rgb color) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(color & 0xffffffu));
    return buf;
}

// "68%", "3.1/5", "7 min": a unit that starts with a letter gets a space.
std::string withUnit(double value, const std::string& unit) {
    std::string s = plainNumber(value);
    if (unit.empty()) return s;
    const unsigned char first = static_cast<unsigned char>(unit[0]);
    const bool word = first >= 0x80 || std::isalpha(first);
    return s + (word ? " " : "") + unit;
}

// "CSAT 3.1/5 (target 4.3/5)"; in Spanish "CSAT 3,1/5 (objetivo 4,3/5)" when `decimalComma`.
std::string metricText(const Metric& m, Language lang, bool decimalComma) {
    const auto number = [&](double v) {
        std::string text = withUnit(v, m.unit);
        if (decimalComma) std::replace(text.begin(), text.end(), '.', ',');
        return text;
    };
    std::string s = m.type == MetricType::Custom ? m.name : std::string(label(m.type, lang));
    if (m.type != MetricType::Custom && !m.name.empty()) s += " (" + m.name + ")";
    s += " " + (m.value ? number(*m.value) : std::string("-"));
    if (m.target) s += std::string(lang == Language::Spanish ? " (objetivo " : " (target ") + number(*m.target) + ")";
    return s;
}

template <typename T, typename F>
std::string joined(const std::vector<T>& items, const char* separator, F text) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += text(items[i]);
    }
    return out;
}

}  // namespace

// ---- [SECTION] CSV

namespace {

// "-3", "+4.5", "1e-3", ".5" (and "-4,5" where ',' is the decimal mark): a decimal number and
// nothing else, which a spreadsheet reads as that number, never as a formula.
bool isPlainNumber(std::string_view text, bool decimalComma) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t from = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i - from;
    };
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t mantissa = digits();
    if (i < text.size() && (text[i] == '.' || (decimalComma && text[i] == ','))) {
        ++i;
        mantissa += digits();
    }
    if (mantissa == 0) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        if (digits() == 0) return false;
    }
    return i == text.size();
}

// OWASP's CSV injection rule: a cell that begins with one of these is run as a formula by
// spreadsheet programs (tab and CR because some of them skip those first).
bool startsLikeFormula(std::string_view text, bool decimalComma) {
    if (text.empty()) return false;
    switch (text[0]) {
        case '=': case '+': case '-': case '@': case '\t': case '\r': return !isPlainNumber(text, decimalComma);
        default: return false;
    }
}

}  // namespace

std::string csvField(std::string_view text, char separator) {
    const std::string neutral = startsLikeFormula(text, separator == ';') ? "'" + std::string(text) : std::string(text);
    const char special[] = {separator, '"', '\r', '\n', '\0'};
    const bool quote = neutral.find_first_of(special) != std::string::npos;
    if (!quote) return neutral;
    std::string out = "\"";
    for (char c : neutral) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

namespace {
// The columns: the format's field name, and headers for people.
const Names kColumns[] = {
    {"card_id", "ID de tarjeta", "Card ID"}, {"stage_id", "ID de etapa", "Stage ID"},
    {"stage", "Etapa", "Stage"}, {"phase", "Fase", "Phase"}, {"lane_id", "ID de carril", "Lane ID"},
    {"lane", "Carril", "Lane"}, {"kind", "Tipo", "Kind"}, {"text", "Texto", "Text"},
    {"notes", "Notas", "Notes"}, {"color", "Color", "Colour"},
    {"persona_ids", "IDs de personas", "Persona IDs"}, {"personas", "Personas", "Personas"},
    {"votes", "Votos", "Votes"}, {"channel", "Canal", "Channel"},
    {"touchpoint_kind", "Tipo de interacción", "Kind of interaction"},
    {"owner", "Propietario", "Owner"}, {"controlled", "Controlado", "Controlled"},
    {"dimensions", "Dimensiones", "Dimensions"}, {"expectation", "Expectativa", "Expectation"},
    {"experience", "Experiencia", "Experience"}, {"gap", "Brecha", "Gap"},
    {"metrics", "Métricas", "Metrics"}, {"severity", "Gravedad", "Severity"},
    {"impact", "Impacto", "Impact"}, {"effort", "Esfuerzo", "Effort"},
    {"improvement_owner", "Responsable de la mejora", "Improvement owner"},
    {"status", "Estado", "Status"}, {"backstage_owner", "Responsable interno", "Backstage owner"},
    {"systems", "Sistemas", "Systems"}};
}  // namespace

CsvOptions csvOptionsFor(Language language) {
    CsvOptions options;
    options.language = language;
    options.separator = language == Language::Spanish ? CsvSeparator::Semicolon : CsvSeparator::Comma;
    options.byteOrderMark = language == Language::Spanish;
    return options;
}

std::string exportCsv(const Map& map, const CsvOptions& options) {
    const char separator = options.separator == CsvSeparator::Semicolon ? ';' : ',';
    const bool forPeople = options.language.has_value();
    const Language lang = options.language.value_or(Language::English);
    const bool decimalComma = forPeople && separator == ';';
    // An enum value: its label in the language, or its JSON spelling for programs.
    const auto value = [&](const auto& table, auto v) {
        return std::string(forPeople ? pick(table, v, lang) : token(table, v));
    };
    const auto yesNo = [&](bool b) -> std::string {
        if (!forPeople) return b ? "true" : "false";
        return lang == Language::Spanish ? (b ? "Sí" : "No") : (b ? "Yes" : "No");
    };
    std::unordered_map<Id, int> stages, lanes;
    for (std::size_t i = 0; i < map.stages.size(); ++i) stages.emplace(map.stages[i].id, int(i));
    for (std::size_t i = 0; i < map.lanes.size(); ++i) lanes.emplace(map.lanes[i].id, int(i));
    std::unordered_map<Id, const Persona*> personas;
    for (const Persona& p : map.personas) personas.emplace(p.id, &p);
    auto position = [](const std::unordered_map<Id, int>& in, const Id& id) {
        auto it = in.find(id);
        return it == in.end() ? -1 : it->second;
    };

    // Stage order, then lane order, then the cards' own order (unknown stages/lanes last).
    std::vector<std::size_t> order(map.cards.size());
    std::vector<std::pair<int, int>> cell(map.cards.size());
    for (std::size_t i = 0; i < map.cards.size(); ++i) {
        order[i] = i;
        const int s = position(stages, map.cards[i].stageId);
        const int l = position(lanes, map.cards[i].laneId);
        cell[i] = {s < 0 ? INT32_MAX : s, l < 0 ? INT32_MAX : l};
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return cell[a] < cell[b]; });

    std::string out;
    out.reserve(256 + map.cards.size() * 320);
    if (options.byteOrderMark) out += "\xEF\xBB\xBF";
    std::vector<std::string> row;
    auto flush = [&] {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) out += separator;
            out += csvField(row[i], separator);
        }
        out += "\r\n";
    };
    row.clear();
    for (const Names& column : kColumns) row.push_back(forPeople ? (lang == Language::Spanish ? column.es : column.en) : column.token);
    flush();
    for (std::size_t index : order) {
        const Card& c = map.cards[index];
        const int s = cell[index].first;
        const int l = cell[index].second;
        const Stage* stage = s == INT32_MAX ? nullptr : &map.stages[std::size_t(s)];
        const Lane* lane = l == INT32_MAX ? nullptr : &map.lanes[std::size_t(l)];
        row.clear();
        row.push_back(c.id);
        row.push_back(c.stageId);
        row.push_back(stage ? stage->name : "");
        row.push_back(stage ? value(kPhases, stage->phase) : "");
        row.push_back(c.laneId);
        row.push_back(lane ? lane->name : "");
        row.push_back(value(kCardKinds, c.kind));
        row.push_back(c.text);
        row.push_back(c.notes);
        row.push_back(c.color ? hexColor(*c.color) : "");
        row.push_back(joined(c.personaIds, "; ", [](const Id& id) { return id; }));
        row.push_back(joined(c.personaIds, "; ", [&](const Id& id) {
            auto it = personas.find(id);
            return it == personas.end() ? id : it->second->name;
        }));
        row.push_back(std::to_string(c.votes));
        if (const auto& tp = c.touchpoint) {
            row.push_back(value(kChannels, tp->channel));
            row.push_back(value(kTouchpointKinds, tp->kind));
            row.push_back(value(kOwners, tp->owner));
            row.push_back(yesNo(tp->controlled));
            std::string dims;
            for (std::size_t d = 0; d < std::size(kDimensions); ++d) {
                if (!(tp->dimensions & (1u << d))) continue;
                if (!dims.empty()) dims += "; ";
                dims += forPeople ? std::string(pick(kDimensions, d, lang)) : kDimensions[d].token;
            }
            row.push_back(dims);
            row.push_back(tp->expectation ? std::to_string(*tp->expectation) : "");
            row.push_back(tp->experience ? std::to_string(*tp->experience) : "");
            row.push_back(tp->expectation && tp->experience
                              ? std::to_string(*tp->experience - *tp->expectation)
                              : "");
            row.push_back(joined(tp->metrics, " | ", [&](const Metric& m) { return metricText(m, lang, decimalComma); }));
        } else {
            row.insert(row.end(), 9, "");
        }
        if (const auto& im = c.improvement) {
            row.push_back(std::to_string(im->severity));
            row.push_back(std::to_string(im->impact));
            row.push_back(std::to_string(im->effort));
            row.push_back(im->owner);
            row.push_back(value(kStatuses, im->status));
        } else {
            row.insert(row.end(), 5, "");
        }
        row.push_back(c.backstage ? c.backstage->owner : "");
        row.push_back(c.backstage ? c.backstage->systems : "");
        flush();
    }
    return out;
}

}  // namespace trayecto

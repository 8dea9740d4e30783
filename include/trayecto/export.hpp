// Exports for people who will not open the app: a CSV of every card and a Markdown report.
// Both are pure functions of the map (same map, same bytes), UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "trayecto/model.hpp"

namespace trayecto {

// ---- Human-readable names of the model's enums, in Spanish or English
enum class Language { English, Spanish };
// "es", "es-ES", "es_MX" -> Spanish; anything else (including "") -> English.
Language languageFor(const std::string& tag);

std::string_view label(Phase phase, Language lang);
std::string_view label(LaneType type, Language lang);
std::string_view label(CardKind kind, Language lang);
std::string_view label(Channel channel, Language lang);
std::string_view label(TouchpointKind kind, Language lang);
std::string_view label(TouchpointOwner owner, Language lang);
std::string_view label(MetricType type, Language lang);
std::string_view label(ImprovementStatus status, Language lang);
std::string_view label(MotType type, Language lang);
std::string_view label(MotState state, Language lang);
std::string_view label(ValueTier tier, Language lang);

// ---- CSV (RFC 4180, or its semicolon dialect)
// One row per card, in stage order, then lane order, then card order; a header row first.
// Without a language (for programs), columns: card_id, stage_id, stage, phase, lane_id, lane, kind, text, notes, color,
// persona_ids, personas, votes, channel, touchpoint_kind, owner, controlled, dimensions,
// expectation, experience, gap, metrics, severity, impact, effort, improvement_owner, status,
// backstage_owner, systems.
// Enum values use the JSON format's spellings ("in-person", "social-external"); lists are
// joined with "; " (persona ids and names, dimensions) or " | " (metrics, each like
// "CSAT 3.1/5 (target 4.3/5)" or "Cart abandonment 68% (target 55%)"). An empty persona list
// means "every persona". Fields holding a comma, quote, CR or LF are quoted, quotes doubled;
// lines end with CRLF. No field is a live formula (OWASP's CSV injection guidance): a field that
// begins with =, +, -, @, tab or CR gets a leading ' (so `=HYPERLINK(…)` is written
// `'=HYPERLINK(…)`), unless it is a plain decimal number such as -3 or +4.5.
// With a language (for people), the same columns with headers and values in that language
// ("Fase": "Pre-compra", "Controlado": "Sí", metrics "CSAT 3,1/5 (objetivo 4,3/5)").
enum class CsvSeparator { Comma, Semicolon };
struct CsvOptions {
    bool byteOrderMark = false;   // start with U+FEFF so spreadsheet programs detect UTF-8
    std::optional<Language> language;   // unset: the format's field names and spellings
    // Semicolon: the dialect of spreadsheets where ',' is the decimal mark (Excel in Spanish);
    // numbers in fields for people are then written with a decimal comma.
    CsvSeparator separator = CsvSeparator::Comma;
};
// What a spreadsheet in that language opens as it is: Spanish ';' with a BOM, English ','.
CsvOptions csvOptionsFor(Language language);
std::string exportCsv(const Map& map, const CsvOptions& options = {});

// One CSV field: a would-be formula neutralised with a leading ', then quoted if RFC 4180
// requires it (a field holding the separator, a quote, CR or LF).
std::string csvField(std::string_view text, char separator = ',');

// ---- Markdown report
// Title and description, personas, stages by phase, an emotional-curve table per persona,
// moments of truth, the biggest expectation–experience gaps, pain points and opportunities
// ranked by votes and by impact/effort.
// User text is written as text: &, <, > as character references and [, ], `, \ escaped with a
// backslash, so no raw HTML and no link the user did not write reaches a Markdown renderer. A
// link the user wrote as [label](target) stays a link only when the target is http:, https: or
// mailto: (not an image); any other is written as plain text.
struct ReportOptions {
    std::string language;   // "es"/"en"; empty: the map's own language
    int maxGaps = 10;       // rows in the gaps table (negative gaps only)
    int maxRanked = 10;     // rows in each ranking table
};
std::string exportMarkdown(const Map& map, const ReportOptions& options = {});

}  // namespace trayecto

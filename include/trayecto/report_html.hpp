// A standalone HTML report of a map for people who will not open the app: one self-contained
// file (no scripts, no external resources, inline CSS and SVG), in Spanish or English, readable
// with a screen reader (semantic headings, tables with captions and header scopes, every chart
// an SVG with role="img", a title and a description, followed by a table of its data).
//
// Contents: title and details; where to act first (moments of truth that fall short); personas;
// the map as a table (stages in columns grouped by phase, lanes in rows, the line of
// visibility above the backstage); the emotional curves of all personas on one line chart (with
// the crowd's interquartile band and min–max whiskers when crowd curves are given); the
// expectation–experience gaps (bar chart); moments of truth; channels per stage; touchpoint
// owners per phase; CX dimensions per stage (heat map); the impact/effort matrix (scatter);
// pain points and opportunities ranked by votes.
//
// Pure: the same map and options give the same bytes. All map text is HTML-escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trayecto/export.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/model.hpp"

namespace trayecto {

// `options.language` picks the report's language (empty: the map's own); `maxGaps` caps the
// gap chart and `maxRanked` each ranking table. `crowd` (from a merge) adds the spread of the
// participants' ratings to the emotional-curve chart and its table.
std::string exportHtmlReport(const Map& map, const ReportOptions& options = {},
                             const std::vector<CrowdCurve>& crowd = {});

// `text` with &, <, >, " and ' replaced by character references: safe in element content and
// in quoted attribute values.
std::string htmlEscape(std::string_view text);

}  // namespace trayecto

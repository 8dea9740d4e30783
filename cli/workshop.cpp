// The workshop commands of the command-line tool: merge, report and template.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli.hpp"
#include "i18n.hpp"   // the catalogue: the core's errors worded (in English)
#include "trayecto/commands.hpp"
#include "trayecto/export.hpp"
#include "trayecto/format.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/report_html.hpp"
#include "trayecto/templates.hpp"

namespace trayecto::cli {

namespace {

const char* collectionName(Collection c) {
    switch (c) {
        case Collection::Personas: return "personas";
        case Collection::Stages: return "stages";
        case Collection::Lanes: return "lanes";
        case Collection::Cards: return "cards";
        case Collection::Emotions: return "emotions";
        case Collection::Moments: return "moments";
    }
    return "";
}

std::string itemName(const MergedItem& item) {
    std::string s = std::string(collectionName(item.collection)) + "/" + shown(item.id);
    if (!item.text.empty()) s += " " + jsonQuoted(item.text);
    return s;
}

std::string fixed(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.2f", value);
    return buf;
}

// What the merge did, for the facilitator (English, like the rest of the tool's messages).
std::string mergeReport(const MergeResult& r) {
    std::string out = "merged " + std::to_string(r.participants.size()) + " participant(s) into " +
                      jsonQuoted(r.map.meta.title) + ":";
    for (std::size_t i = 0; i < r.participants.size(); ++i)
        out += " " + shown(r.participants[i]) + (i + 1 == r.participants.size() ? "" : ",");
    out += "\nadded: " + std::to_string(r.added.size()) + "\n";
    for (const MergedItem& a : r.added) out += "  " + shown(a.participant) + ": " + itemName(a) + "\n";
    out += "conflicts: " + std::to_string(r.conflicts.size()) + "\n";
    for (const MergeConflict& c : r.conflicts) {
        out += "  " + (c.collection ? std::string(collectionName(*c.collection)) + "/" + shown(c.itemId) : std::string("map")) +
               (c.itemText.empty() ? "" : " " + jsonQuoted(c.itemText)) + " " + shown(c.field) + ": base " + c.baseValue;
        for (std::size_t i = 0; i < c.values.size(); ++i)
            out += "; " + shown(c.values[i].participant) + " " + c.values[i].value + (i == 0 ? " (taken for now)" : "");
        out += "\n";
    }
    out += "kept although deleted: " + std::to_string(r.keptDeleted.size()) + "\n";
    for (const MergedItem& k : r.keptDeleted) out += "  " + shown(k.participant) + " deleted " + itemName(k) + "\n";
    if (!r.renamed.empty()) {
        out += "renamed (id clash): " + std::to_string(r.renamed.size()) + "\n";
        for (const MergedItem& n : r.renamed)
            out += "  " + shown(n.participant) + ": " + shown(n.originalId) + " -> " + shown(n.id) + "\n";
    }
    out += "dropped: " + std::to_string(r.dropped.size()) + "\n";
    for (const MergedItem& d : r.dropped) out += "  " + itemName(d) + ": " + d.reason + "\n";
    out += "unlinked: " + std::to_string(r.unlinked.size()) + "\n";
    for (const MergedItem& u : r.unlinked) out += "  " + itemName(u) + ": " + u.reason + "\n";
    out += "crowd emotional curve (median, interquartile range, min..max, n):\n";
    for (const CrowdCurve& curve : r.crowd) {
        const Persona* persona = findPersona(r.map, curve.personaId);
        out += "  " + shown(persona ? persona->name : curve.personaId) + "\n";
        for (const CrowdPoint& p : curve.points) {
            if (!p.rated()) continue;
            const Stage* stage = findStage(r.map, p.stageId);
            out += "    " + shown(stage ? stage->name : p.stageId) + ": " + fixed(p.median) + " (IQR " + fixed(p.q1) +
                   ".." + fixed(p.q3) + ", " + fixed(p.min) + ".." + fixed(p.max) + ", n=" + std::to_string(p.n) + ")\n";
        }
    }
    return out;
}

}  // namespace

int merge(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {"--output", "--html", "--lang"}, {"--report"});
    if (a.files.size() < 2) throw UsageError{"merge needs BASE and at least one PARTICIPANT file"};
    const std::string lang = languageOption(a);
    Map base;
    if (!loadFile(a.files[0], base)) return 1;
    std::vector<MergeParticipant> participants;
    bool ok = true;
    for (std::size_t i = 1; i < a.files.size(); ++i) {
        MergeParticipant p;
        p.fileName = a.files[i];
        ok = loadFile(a.files[i], p.map) && ok;
        participants.push_back(std::move(p));
    }
    if (!ok) return 1;
    auto merged = mergeMaps(base, participants);
    if (!merged) {
        std::fprintf(stderr, "trayecto: merge failed: %s\n", app::describe(app::Lang::En, merged.error()).c_str());
        return 1;
    }
    const MergeResult& r = merged.value();
    const std::string output = a.value("--output");
    if (int status = writeOutput(output, saveMap(r.map))) return status;
    if (a.has("--html")) {
        ReportOptions options;
        options.language = lang;
        if (int status = writeOutput(a.value("--html"), exportHtmlReport(r.map, options, r.crowd))) return status;
    }
    if (a.has("--report")) {
        const std::string text = mergeReport(r);
        // With the map on stdout, the report goes to stderr.
        std::fwrite(text.data(), 1, text.size(), output.empty() || output == "-" ? stderr : stdout);
    } else if (!r.conflicts.empty()) {
        std::fprintf(stderr, "trayecto: %zu conflict(s) left for the facilitator (see --report)\n",
                     r.conflicts.size());
    }
    return 0;
}

int report(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {"--to", "--output", "--lang"}, {});
    const std::string to = a.has("--to") ? a.value("--to") : "html";
    if (to != "html" && to != "md" && to != "markdown")
        throw UsageError{"report --to must be html or md, not '" + to + "'"};
    if (a.files.size() != 1) throw UsageError{"report needs exactly one FILE"};
    ReportOptions options;
    options.language = languageOption(a);
    Map map;
    if (!loadFile(a.files[0], map)) return 1;
    return writeOutput(a.value("--output"),
                       to == "html" ? exportHtmlReport(map, options) : exportMarkdown(map, options));
}

int templates(const std::vector<std::string>& args) {
    const Arguments a = parse(args, {"--lang", "--output"}, {});
    if (a.files.size() != 1) throw UsageError{"template needs 'list' or a template ID"};
    const std::string lang = languageOption(a);
    if (a.files[0] == "list") {
        std::string out;
        for (const TemplateInfo& t : listTemplates())
            if (lang.empty() || t.language == lang) out += t.id + "\t" + t.language + "\t" + t.title + "\n";
        return writeOutput(a.value("--output"), out);
    }
    const auto json = templateJson(a.files[0], lang.empty() ? "es" : lang);
    if (!json) {
        std::fprintf(stderr, "trayecto: no template '%s' in %s (try 'trayecto template list')\n",
                     shown(a.files[0]).c_str(), lang.empty() ? "es" : lang.c_str());
        return 1;
    }
    return writeOutput(a.value("--output"), *json);
}

}  // namespace trayecto::cli

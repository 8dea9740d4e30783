// docs/format.md describes every key of the format: each key of each table in
// core/format_fields.hpp has a row in the section of docs/format.md about its object.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "fixtures.hpp"
#include "format_tables.hpp"

using namespace trayecto;

namespace {

// The heading of each object's section in docs/format.md, by the object's item name.
const std::map<std::string, std::string> kSections = {
    {"TheMap", "## The envelope"},
    {"TheMeta", "### `meta`"},
    {"ThePersona", "### Persona"},
    {"TheStage", "### Stage"},
    {"TheLane", "### Lane"},
    {"TheCard", "### Card"},
    {"TheTouchpoint", "#### `touchpoint`"},
    {"TheMetric", "#### Metric"},
    {"TheImprovement", "#### `improvement`"},
    {"TheBackstage", "#### `backstage`"},
    {"TheEmotion", "### Emotion"},
    {"TheMoment", "### Moment of truth"},
    {"TheWorkshop", "### `workshop`"},
    {"TheTimer", "#### `timer`"},
    {"TheMergeReport", "#### Merge report"},
    {"TheConflict", "#### Conflict"},
    {"TheParticipantValue", "#### Participant value"},
    {"TheCrowdCurve", "#### Crowd curve"},
    {"TheCrowdPoint", "#### Crowd point"},
};

// The table rows ("| ..." lines) of the section under the heading that starts with `heading`.
std::string sectionRows(const std::string& doc, const std::string& heading) {
    std::istringstream lines(doc);
    std::string line, rows;
    bool inside = false;
    while (std::getline(lines, line)) {
        if (line.rfind("#", 0) == 0) inside = line.rfind(heading, 0) == 0;
        else if (inside && line.rfind("|", 0) == 0) rows += line + "\n";
    }
    return rows;
}

}  // namespace

TEST_CASE("docs/format.md has a row for every key of every object", "[format][docs]") {
    const std::string doc = test::readFixture("../../docs/format.md");
    std::set<std::string> keys;
    test::tableKeys<Map>(keys);
    for (const std::string& itemAndKey : keys) {
        const auto slash = itemAndKey.find('/');
        const std::string item = itemAndKey.substr(0, slash);
        const std::string key = itemAndKey.substr(slash + 1);
        INFO(item << ": " << key);
        const auto section = kSections.find(item);
        REQUIRE(section != kSections.end());   // a new object needs its section (and a line above)
        CHECK(sectionRows(doc, section->second).find("`" + key + "`") != std::string::npos);
    }
}

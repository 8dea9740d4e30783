// An item's shared fields read back as one object (sync::detail::objectOf): built as one JSON text
// and parsed once, it must be what reading each field on its own gives (a value that does not
// parse is left out, a value under a path that is also a value is skipped), whatever a peer wrote.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "../../core/merge_json.hpp"
#include "../../core/sync_internal.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/sync.hpp"

using namespace trayecto;
using sync::Fields;

namespace {
// Field by field, as the sync module read them before: each value parsed alone.
nlohmann::json oneByOne(const Fields& fields) {
    merging::Fields flat;
    for (const auto& [path, text] : fields) {
        if (path == sync::kOrderField) continue;
        merging::Json value = merging::Json::parse(text, nullptr, false);
        if (!value.is_discarded()) flat.emplace_back(path, std::move(value));
    }
    return nlohmann::json::parse(merging::unflatten(flat).dump());
}
nlohmann::json inOne(const Fields& fields) { return nlohmann::json::parse(sync::detail::objectOf(fields).dump()); }
}  // namespace

TEST_CASE("an item's fields read as one object are what reading each on its own gives", "[sync]") {
    SECTION("every item of a generated map") {
        const sync::SharedState state = sync::stateOf(generateMap(300, 11));
        int items = 0;
        for (const auto& [scope, byId] : state.scopes)
            for (const auto& [id, fields] : byId) {
                CAPTURE(scope, id);
                CHECK(inOne(fields) == oneByOne(fields));
                ++items;
            }
        CHECK(items > 300);
    }
    SECTION("what a careless or hostile peer may write") {
        const std::vector<Fields> cases = {
            {{"text", "\"plain\""}, {"touchpoint/channel", "\"web\""}, {"touchpoint/expectation", "\"fast\""}},
            {{"a~1b", "1"}, {"a/b", "2"}, {"a~0c", "3"}},                       // escaped keys
            {{"a", "1"}, {"a/b", "2"}},                                         // a value and an object
            {{"a/b", "1"}, {"a/b/c", "2"}, {"d", "[1, 2, {\"e\": 3}]"}},
            {{"text", "1, \"votes\": 99"}, {"votes", "2"}},                     // a value adding a member
            {{"text", "\"open"}, {"votes", "3"}},                               // a string never closed
            {{"text", "}"}, {"kind", "\"note\""}},
            {{"text", "{\"x\": [1, {\"y\": \"]\"}]}"}, {"z", "{}"}},
            {{"text", "\"quote \\\" and \\\\ inside\""}, {"k\"ey", "true"}, {"tab\tkey", "null"}},
            {{"text", ""}, {"votes", " 4 "}},
            {{sync::kOrderField, "a0"}, {"text", "\"x\""}},
            {},
        };
        for (const Fields& fields : cases) {
            CAPTURE(nlohmann::json(fields).dump());
            CHECK(inOne(fields) == oneByOne(fields));
        }
    }
    SECTION("random mixes of those") {
        std::mt19937 random(2026);
        const std::vector<std::string> paths = {"a", "a/b", "a/c", "a/b/d", "b", "b~1x", "c/d/e", "text", "votes"};
        const std::vector<std::string> values = {"1", "\"s\"", "[1]", "{}", "{\"k\": 1}", "1, \"z\": 2", "\"open", "]", "null"};
        for (int round = 0; round < 2000; ++round) {
            Fields fields;
            const int count = std::uniform_int_distribution<int>(0, 6)(random);
            for (int i = 0; i < count; ++i)
                fields[paths[random() % paths.size()]] = values[random() % values.size()];
            CAPTURE(round, nlohmann::json(fields).dump());
            REQUIRE(inOne(fields) == oneByOne(fields));
        }
    }
}

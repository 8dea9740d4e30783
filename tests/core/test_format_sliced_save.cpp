// MapSaver: the autosave writes the map a slice at a time; whatever the slice size, the text
// must be saveMap's, byte for byte, and loading it must give the same map back.
#include <catch2/catch.hpp>

#include <string>

#include "fixtures.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"

using namespace trayecto;

namespace {
std::string sliced(const Map& map, std::size_t items, int& steps) {
    MapSaver saver(map);
    steps = 0;
    while (!saver.step(items)) {
        ++steps;
        REQUIRE_FALSE(saver.done());
        REQUIRE(steps < 100000);
    }
    REQUIRE(saver.done());
    return saver.take();
}
}  // namespace

TEST_CASE("a map saved in slices is saveMap's text, whatever the slice size", "[format][save]") {
    Map map = generateMap(300, 7);
    map.unknown["zExtra"] = "{\"kept\": [1, 2]}";
    const std::string whole = saveMap(map);
    for (std::size_t items : {std::size_t(0), std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(100),
                              std::size_t(100000)}) {
        int steps = 0;
        const std::string text = sliced(map, items, steps);
        CAPTURE(items, steps);
        REQUIRE(text == whole);
        if (items == 1) CHECK(steps >= 300);   // one card per slice at the most
        if (items == 100000) CHECK(steps == 0);
    }
    auto reloaded = loadMap(whole);
    REQUIRE(reloaded);
    CHECK(saveMap(reloaded.value()) == whole);
}

TEST_CASE("an empty map saved in slices", "[format][save]") {
    Map map;
    map.meta.title = "vacío";
    int steps = 0;
    CHECK(sliced(map, 1, steps) == saveMap(map));
}

TEST_CASE("what a save has written grows by appending: its parts after each slice make the whole text",
          "[format][save]") {
    // The page copies out what each slice added (a Blob part per slice) and never reads a byte twice.
    Map map = generateMap(200, 3);
    const std::string whole = saveMap(map);
    MapSaver saver(map);
    std::string parts;
    std::string before;
    bool finished = false;
    for (int steps = 0; !finished; ++steps) {
        REQUIRE(steps < 100000);
        finished = saver.step(5);
        const std::string_view now = saver.written();
        REQUIRE(now.size() >= before.size());
        REQUIRE(now.substr(0, before.size()) == before);   // nothing written earlier changed
        parts += now.substr(before.size());
        before = std::string(now);
    }
    CHECK(parts == whole);
    CHECK(saver.written() == whole);
    CHECK(saver.take() == whole);
}

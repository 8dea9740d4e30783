// Inputs the loader must refuse: the table in tests/fixtures/bad/manifest.json (shared with the
// browser tests), the big generated ones, each limit, and that a failed load leaves the open map
// untouched.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "trayecto/commands.hpp"
#include "i18n.hpp"
#include "trayecto/format.hpp"

using namespace trayecto;
using trayecto::test::readFixture;

namespace {

struct BadInput {
    std::string name;      // file name or generator
    std::string text;
    std::string path;      // exact expected path (unless prefixOnly)
    bool prefixOnly = false;
    std::string message;   // expected substring of the message
};

const std::string kMinimalHead = R"({"format": "trayecto-journey", "version": 1, )";

// The generators named in manifest.json ("generate": ..., "size": ...).
std::string generate(const std::string& kind, std::size_t size) {
    if (kind == "nested-arrays") return std::string(size, '[');
    if (kind == "nested-objects") {
        std::string text;
        text.reserve(size * 5);
        for (std::size_t i = 0; i < size; ++i) text += "{\"a\":";
        return text;
    }
    if (kind == "padded-file") {
        std::string text = kMinimalHead + "\"padding\": \"";
        const std::string tail = "\"}\n";
        if (size > text.size() + tail.size()) text.append(size - text.size() - tail.size(), 'x');
        return text + tail;
    }
    if (kind == "long-title") {
        std::string text = kMinimalHead + "\"meta\": {\"title\": \"";
        text.append(size, 'a');
        return text + "\"}}\n";
    }
    if (kind == "many-personas") {
        std::string text = kMinimalHead + "\"personas\": [";
        text.reserve(text.size() + size * 2 + 4);
        for (std::size_t i = 0; i < size; ++i) text += i ? ",0" : "0";
        return text + "]}\n";
    }
    FAIL("unknown generator " << kind);
    return {};
}

std::vector<BadInput> badInputs() {
    const auto manifest = nlohmann::json::parse(readFixture("bad/manifest.json"));
    std::vector<BadInput> inputs;
    for (const auto& c : manifest.at("cases")) {
        BadInput in;
        if (c.contains("file")) {
            in.name = c.at("file").get<std::string>();
            in.text = readFixture("bad/" + in.name);
        } else {
            in.name = c.at("generate").get<std::string>();
            in.text = generate(in.name, c.at("size").get<std::size_t>());
        }
        in.prefixOnly = c.contains("pathPrefix");
        in.path = c.at(in.prefixOnly ? "pathPrefix" : "path").get<std::string>();
        in.message = c.at("message").get<std::string>();
        inputs.push_back(std::move(in));
    }
    return inputs;
}

bool isOneSentence(const std::string& s) {
    if (s.empty() || s.back() != '.') return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20) return false;
    return true;
}

}  // namespace

TEST_CASE("Every bad input is refused with its path and a clear message", "[format][bad]") {
    const auto inputs = badInputs();
    REQUIRE(inputs.size() >= 35);
    for (const auto& in : inputs) {
        INFO("input: " << in.name);
        const auto result = loadMap(in.text);
        REQUIRE_FALSE(result.ok());
        const LoadError& e = result.error();
        INFO("error: " << e.debugText());
        if (in.prefixOnly) CHECK(e.path.rfind(in.path, 0) == 0);
        else CHECK(e.path == in.path);
        CHECK(app::errorMessage(app::Lang::En, e).find(in.message) != std::string::npos);
        CHECK(isOneSentence(app::errorMessage(app::Lang::En, e)));
        CHECK(app::errorMessage(app::Lang::En, e).find('\n') == std::string::npos);
        CHECK(app::errorMessage(app::Lang::En, e).size() < 400);
    }
}

TEST_CASE("A failed load leaves the open map untouched", "[format][bad]") {
    auto opened = loadMap(readFixture("example-es.json"));
    REQUIRE(opened.ok());
    Document document(opened.value());
    const std::string before = saveMap(document.map());
    const auto revision = document.revision();
    for (const auto& in : badInputs()) {
        INFO("input: " << in.name);
        auto result = loadMap(in.text);
        REQUIRE_FALSE(result.ok());
        if (result.ok()) document.reset(result.value());   // what the app does on success
        CHECK(document.revision() == revision);
        CHECK(saveMap(document.map()) == before);
    }
}

TEST_CASE("Syntax errors give the byte offset, line and column", "[format][bad]") {
    const auto e = loadMap(readFixture("bad/syntax-error.json")).error();
    const std::string text = readFixture("bad/syntax-error.json");
    REQUIRE(e.offset != std::string::npos);
    CHECK(text[e.offset] == ',');
    CHECK(text.rfind(",,", e.offset) == e.offset - 1);
    CHECK(app::errorMessage(app::Lang::En, e).find("line 3, column 16") != std::string::npos);
    CHECK(app::describe(app::Lang::En, e).rfind("at byte " + std::to_string(e.offset), 0) == 0);

    const auto notJson = loadMap("Hola").error();
    CHECK(notJson.offset == 0);
    const auto truncated = loadMap(kMinimalHead + "\"stages\": [").error();
    CHECK(truncated.offset != std::string::npos);
    CHECK(truncated.offset <= kMinimalHead.size() + 11);
    const auto utf8 = loadMap(readFixture("bad/invalid-utf8.json")).error();
    REQUIRE(utf8.offset != std::string::npos);
    CHECK(static_cast<unsigned char>(readFixture("bad/invalid-utf8.json")[utf8.offset - 1]) == 0xC3);
}

TEST_CASE("A zero byte is refused where it is, and UTF-16 and UTF-32 files are named", "[format][bad][encoding]") {
    const std::string map = kMinimalHead + R"("meta": {"title": "Ñandú"}})";
    REQUIRE(loadMap(map).ok());
    REQUIRE(loadMap("\xEF\xBB\xBF" + map).ok());   // a UTF-8 BOM is fine

    // A valid map, then a NUL and anything: refused at the NUL's byte offset.
    for (const std::string& tail : {std::string("\0", 1), std::string("\0garbage", 8), std::string("\n\0\xFF{", 4)}) {
        const std::string text = map + tail;
        const auto result = loadMap(text);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().offset == text.find('\0'));
        CHECK(app::describe(app::Lang::En, result.error()).rfind("at byte " + std::to_string(text.find('\0')) + ": ", 0) == 0);
        CHECK_THAT(app::errorMessage(app::Lang::En, result.error()), Catch::Contains("zero (NUL) byte"));
    }
    const std::string inside = kMinimalHead + "\"meta\": {\"title\": \"a" + std::string("\0", 1) + "b\"}}";
    CHECK(loadMap(inside).error().offset == inside.find('\0'));
    CHECK(loadMap(std::string(4096, '\0')).error().offset == 0);
    // An escaped NUL (\u0000) is ordinary JSON text and stays allowed.
    CHECK(loadMap(kMinimalHead + R"("meta": {"title": "a\u0000b"}})").ok());

    auto utf16le = [](const std::string& ascii) {
        std::string out;
        for (char c : ascii) { out += c; out += '\0'; }
        return out;
    };
    auto utf16be = [](const std::string& ascii) {
        std::string out;
        for (char c : ascii) { out += '\0'; out += c; }
        return out;
    };
    auto utf32le = [](const std::string& ascii) {
        std::string out;
        for (char c : ascii) { out += c; out.append(3, '\0'); }
        return out;
    };
    auto utf32be = [](const std::string& ascii) {
        std::string out;
        for (char c : ascii) { out.append(3, '\0'); out += c; }
        return out;
    };
    const std::string ascii = kMinimalHead + "\"meta\": {}}";
    const std::pair<std::string, const char*> cases[] = {
        {"\xFF\xFE" + utf16le(ascii), "UTF-16 LE"}, {utf16le(ascii), "UTF-16 LE"},
        {utf16le(" \n" + ascii), "UTF-16 LE"},     {"\xFE\xFF" + utf16be(ascii), "UTF-16 BE"},
        {utf16be(ascii), "UTF-16 BE"},             {utf16be("\t" + ascii), "UTF-16 BE"},
        {std::string("\xFF\xFE\0\0", 4) + utf32le(ascii), "UTF-32 LE"},
        {utf32le(ascii), "UTF-32 LE"},             {std::string("\0\0\xFE\xFF", 4) + utf32be(ascii), "UTF-32 BE"},
        {utf32be(ascii), "UTF-32 BE"},             {utf16le("{"), "UTF-16 LE"},
        {"\xFF\xFE", "UTF-16 LE"}};
    for (const auto& [text, encoding] : cases) {
        INFO(encoding << ", " << text.size() << " bytes");
        const auto result = loadMap(text);
        REQUIRE_FALSE(result.ok());
        CHECK(app::errorMessage(app::Lang::En, result.error()) == std::string("The file is ") + encoding +
                                            (encoding[7] == 'L' ? " (little-endian)" : " (big-endian)") +
                                            " text; a journey map must be saved as UTF-8 (use \"Save as\" "
                                            "with the UTF-8 encoding).");
        CHECK(app::describe(app::Lang::En, result.error()).find("invalid literal") == std::string::npos);
    }
}

TEST_CASE("Each limit is enforced with its own clear error", "[format][limits]") {
    const std::string map = kMinimalHead +
                            R"("meta": {"title": "abcdef"}, "personas": [{"id": "p1"}, {"id": "p2"}, {"id": "p3"}]})";
    REQUIRE(loadMap(map).ok());

    LoadLimits bytes;
    bytes.maxBytes = map.size() - 1;
    CHECK(app::errorMessage(app::Lang::En, loadMap(map, bytes).error()).find("larger than the") != std::string::npos);
    bytes.maxBytes = map.size();
    CHECK(loadMap(map, bytes).ok());

    LoadLimits depth;
    depth.maxDepth = 2;   // the envelope object and a list: personas' objects are one too deep
    auto deep = loadMap(map, depth);
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.error().path == "/personas/0");
    CHECK(app::errorMessage(app::Lang::En, deep.error()) == "The data is nested more than 2 levels deep, the most a file may have.");
    depth.maxDepth = 1;
    CHECK(loadMap(map, depth).error().path == "/meta");
    depth.maxDepth = 3;
    CHECK(loadMap(map, depth).ok());

    LoadLimits strings;
    strings.maxStringBytes = 10;   // keys fit, "trayecto-journey" does not
    auto longText = loadMap(map, strings);
    REQUIRE_FALSE(longText.ok());
    CHECK(longText.error().path == "/format");
    strings.maxStringBytes = 16;   // "trayecto-journey"
    CHECK(loadMap(map, strings).ok());
    auto longKey = loadMap(kMinimalHead + R"("una-clave-larguisima": 1})", strings);
    REQUIRE_FALSE(longKey.ok());
    CHECK(longKey.error().path.empty());
    CHECK(app::errorMessage(app::Lang::En, longKey.error()) == "This text is 20 bytes long; the limit is 16 bytes.");

    LoadLimits items;
    items.maxItems = 3;
    auto many = loadMap(R"({"format": "trayecto-journey", "version": 1, "personas": [{"id": "p1"}, {"id": "p2"}, {"id": "p3"}, {"id": "p4"}]})", items);
    REQUIRE_FALSE(many.ok());
    CHECK(many.error().path == "/personas");
    CHECK(app::errorMessage(app::Lang::En, many.error()) == "This list has more than 3 items, the most a file may hold in one list.");
    auto wide = loadMap(map, items);   // four members in the envelope
    REQUIRE_FALSE(wide.ok());
    CHECK(wide.error().path.empty());
    CHECK(app::errorMessage(app::Lang::En, wide.error()) == "This object has more than 3 members, the most a file may hold in one object.");
    items.maxItems = 4;
    CHECK(loadMap(map, items).ok());
}

TEST_CASE("Deep nesting is refused without recursion even with a generous limit", "[format][limits]") {
    // Arrays and objects alternating, 200 000 levels: refused at the default depth cap.
    std::string text;
    for (int i = 0; i < 100'000; ++i) text += "[{\"k\":";
    const auto e = loadMap(text).error();
    CHECK(app::errorMessage(app::Lang::En, e).find("nested more than 64 levels") != std::string::npos);
    CHECK(e.path.rfind("/0/k/0/k", 0) == 0);

    // A generous limit lets the parser build the whole (unclosed) tree; it must still fail
    // cleanly at the end of the input and free the tree without deep recursion.
    LoadLimits generous;
    generous.maxDepth = 1'000'000;
    const auto end = loadMap(std::string(100'000, '['), generous);
    REQUIRE_FALSE(end.ok());
    CHECK(app::errorMessage(app::Lang::En, end.error()).find("before the JSON text is complete") != std::string::npos);
    const auto closed = loadMap(std::string(100'000, '[') + std::string(100'000, ']'), generous);
    REQUIRE_FALSE(closed.ok());
    CHECK(app::errorMessage(app::Lang::En, closed.error()) == "A journey map file must hold a JSON object at the top level.");
}

TEST_CASE("Numbers at the edge of what a file may say", "[format][bad]") {
    const std::string head = kMinimalHead +
                             R"("personas": [{"id": "p"}], "stages": [{"id": "s"}], "emotions": [{"id": "e", "personaId": "p", "stageId": "s", "valence": )";
    for (const char* bad : {"-4", "4", "1e400", "-1e400", "18446744073709551616", "9223372036854775808",
                            "-9223372036854775809", "1e20", "0.5", "true", "\"2\"", "[]", "Infinity",
                            "-Infinity", "NaN", "0x10"}) {
        INFO(bad);
        const auto result = loadMap(head + bad + "}]}");
        REQUIRE_FALSE(result.ok());
        // Syntax errors name the enclosing object; range and type errors the value itself.
        CHECK(result.error().path.rfind("/emotions/0", 0) == 0);
    }
    for (const char* good : {"-3", "3", "0", "-0", "2.0", "-3e0", "0.3e1"}) {
        INFO(good);
        CHECK(loadMap(head + good + "}]}").ok());
    }
}

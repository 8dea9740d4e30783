// Card text heights measured in one pass (app/text_measure.cpp) are Dear ImGui's own, to the
// bit: the layout places cards by them and the canvas draws the text with ImGui's wrapping.
#include <catch2/catch.hpp>

#include <cfloat>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "imgui.h"
#include "text_measure.hpp"
#include "trayecto/random.hpp"

using namespace trayecto;

namespace {

std::vector<unsigned char> readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Words, blanks, breaks and punctuation where wrapping differs, accents, emoji, long words, and
// bytes that are not UTF-8 (Dear ImGui's walk then measures).
std::string randomText(Random& random) {
    static const char* const pieces[] = {
        "a", "el", "cliente", " ", "  ", "\t", "\n", "\r\n", "\n\n", ".", ",", ";", "!", "?", "\"", "'", "-",
        "atenci\xC3\xB3n", "se\xC3\xB1" "al", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xE2\x9D\xA4\xEF\xB8\x8F",
        "supercalifragilisticoespialidosamente", "https://example.org/un/camino/muy/largo", "word!!!", "x,y,z",
        "\xC3", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xFF", "\x01", "\0",
    };
    std::string text;
    const int n = random.between(0, 40);
    for (int i = 0; i < n; ++i) {
        const std::string piece = random.pick(pieces);
        text += piece.empty() ? std::string(1, '\0') : piece;   // "\0" is the empty C string
    }
    return text;
}

// The canvas's largest font, baked from DejaVu Sans as the page bakes it, in an ImGui context of
// its own for the test's length.
class CanvasFont {
public:
    CanvasFont() : context_(ImGui::CreateContext()) {
        const std::vector<unsigned char> dejavu = readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        REQUIRE(!dejavu.empty());
        fonts_ = app::buildFonts(atlas_, dejavu, dejavu, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas_.GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    ~CanvasFont() { ImGui::DestroyContext(context_); }
    CanvasFont(const CanvasFont&) = delete;
    CanvasFont& operator=(const CanvasFont&) = delete;
    const ImFont& font() const { return *fonts_.canvas[app::Fonts::kCanvasSizes - 1]; }

private:
    ImGuiContext* context_;
    ImFontAtlas atlas_;
    app::Fonts fonts_;
};

}  // namespace

TEST_CASE("wrapped text heights are Dear ImGui's, for any text and width") {
    CanvasFont canvasFont;
    {
        const ImFont& font = canvasFont.font();

        Random random(20261128);
        const float sizes[] = {13.0f, 14.4f, 36.0f};
        const float widths[] = {0.0f, 1.0f, 9.0f, 40.0f, 171.5f, 300.0f};
        int multiLine = 0;
        for (int i = 0; i < 20000; ++i) {
            const std::string text = randomText(random);
            const float size = random.pick(sizes), width = random.pick(widths);
            const float expected = font.CalcTextSizeA(size, FLT_MAX, width, text.data(), text.data() + text.size()).y;
            const float measured = app::wrappedTextHeight(font, size, width, text);
            if (measured != expected) FAIL_CHECK("size " << size << ", width " << width << ", text «" << text << "»");
            multiLine += expected > 2 * size;
        }
        CHECK(multiLine > 5000);   // the texts really wrap
    }
}

// Names cut to the room they have (stage headers, the persona legend, the status line's hint).
TEST_CASE("fitted text: whole when it fits, else a start that fits with an ellipsis, never half a character") {
    CanvasFont canvasFont;
    {
        const ImFont& font = canvasFont.font();
        const float size = 14.0f;
        const auto width = [&](const std::string& s) { return font.CalcTextSizeA(size, FLT_MAX, 0.0f, s.c_str(), s.c_str() + s.size()).x; };
        const std::string ellipsis = "\xe2\x80\xa6";

        const std::string name = "Jorge, aut\xC3\xB3nomo";
        CHECK(app::fittedText(font, size, name, width(name)) == name);
        CHECK(app::fittedText(font, size, name, 1000.0f) == name);
        const std::string cut = app::fittedText(font, size, name, width(name) - 1.0f);
        CHECK(cut.size() > ellipsis.size());
        CHECK(width(cut) <= width(name) - 1.0f);
        CHECK(name.compare(0, cut.size() - ellipsis.size(), cut, 0, cut.size() - ellipsis.size()) == 0);
        CHECK(app::fittedText(font, size, name, width("Jorge, a") + width(ellipsis)) == "Jorge, a" + ellipsis);
        // "ó" is two bytes: a room that ends inside it keeps it out, whole.
        CHECK(app::fittedText(font, size, name, width("Jorge, aut\xC3\xB3") + width(ellipsis) - 0.5f) == "Jorge, aut" + ellipsis);
        // At a word: the words that fit; a first word too long is cut between characters.
        CHECK(app::fittedText(font, size, "Double-click a cell to add a card", width("Double-click a cell") + width(ellipsis) + 3.0f, true) ==
              "Double-click a cell" + ellipsis);
        CHECK(app::fittedText(font, size, "Supercalifragil\xC3\xADstico y m\xC3\xA1s", width("Super") + width(ellipsis), true) ==
              "Super" + ellipsis);

        Random random(20261129);
        for (int i = 0; i < 5000; ++i) {
            const std::string text = randomText(random);
            if (text.find('\n') != std::string::npos || text.find('\r') != std::string::npos) continue;   // one line
            const float room = static_cast<float>(random.between(0, 300));
            const std::string fitted = app::fittedText(font, size, text, room, random.between(0, 1) == 1);
            if (fitted == text) {
                if (width(text) > room) FAIL_CHECK("whole but too wide: «" << text << "» in " << room);
                continue;
            }
            const std::string start = fitted.substr(0, fitted.size() - ellipsis.size());
            if (fitted.size() < ellipsis.size() || fitted.compare(start.size(), std::string::npos, ellipsis) != 0 ||
                text.compare(0, start.size(), start) != 0)
                FAIL_CHECK("not a start of «" << text << "» with an ellipsis: «" << fitted << "»");
            else if (!start.empty() && width(fitted) > room)
                FAIL_CHECK("too wide: «" << fitted << "» in " << room);
        }
    }
}

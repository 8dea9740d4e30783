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

}  // namespace

TEST_CASE("wrapped text heights are Dear ImGui's, for any text and width") {
    const std::vector<unsigned char> dejavu = readFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    REQUIRE(!dejavu.empty());
    ImGuiContext* context = ImGui::CreateContext();
    {
        ImFontAtlas atlas;
        const app::Fonts fonts = app::buildFonts(atlas, dejavu, dejavu, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
        const ImFont& font = *fonts.canvas[app::Fonts::kCanvasSizes - 1];

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
    ImGui::DestroyContext(context);
}

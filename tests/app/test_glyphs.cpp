// Text in any script: characters the first fonts lack are noted once each, and baking with the
// pieces that hold them makes them drawable (not '?'). Uses Debian's DejaVu Sans and Symbola
// (scripts/setup.sh installs both), as web/fonts.py does.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "imgui.h"

using namespace trayecto;

namespace {
std::vector<unsigned char> readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const char* kSymbola = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf";

struct Atlas {
    ImFontAtlas atlas;
    app::Fonts bake(const std::vector<unsigned char>& ttf, const app::GlyphSupply* supply = nullptr) {
        app::Fonts fonts = app::buildFonts(atlas, ttf, ttf, 1.0f, true, supply);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
        return fonts;
    }
};

bool drawable(const app::Fonts& fonts, unsigned c) {
    for (ImFont* f : {fonts.ui, fonts.uiBold, fonts.canvas[0], fonts.canvas[3]})
        if (!f->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
    return true;
}
}  // namespace

TEST_CASE("characters beyond the first fonts are noted once and drawn once their pieces are baked") {
    const std::vector<unsigned char> dejavu = readFile(kDejaVu), symbola = readFile(kSymbola);
    REQUIRE(!dejavu.empty());
    REQUIRE(!symbola.empty());
    ImGui::CreateContext();
    {
        Atlas a;
        app::Fonts fonts = a.bake(dejavu);
        REQUIRE(drawable(fonts, 0xF1));      // ñ: the first download has Latin
        REQUIRE(!drawable(fonts, 0x3A9));    // Ω: not yet

        app::GlyphNeeds needs;
        // Greek, Cyrillic, ™, an emoji with its variation selector, and Latin (already there).
        const std::string text = "\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1 \xD0\x9F\xD1\x80\xD0\xB8 \xE2\x84\xA2 "
                                 "\xE2\x9D\xA4\xEF\xB8\x8F \xF0\x9F\x98\x80 se\xC3\xB1" "al";
        needs.scan(text, fonts);
        const std::vector<unsigned> fresh = needs.takeFresh();
        CHECK(fresh == std::vector<unsigned>{0x3A9, 0x3BC, 0x3AD, 0x3B3, 0x3B1, 0x41F, 0x440, 0x438, 0x2122,
                                             0x2764, 0xFE0F, 0x1F600});
        needs.scan(text, fonts);
        CHECK(needs.takeFresh().empty());   // each once
        needs.scan("\xFF\xC3(\xF0\x9F", fonts);   // bad UTF-8: skipped, no crash
        CHECK(needs.takeFresh().empty());

        app::GlyphSupply supply;
        supply.pieces = {dejavu, symbola};
        supply.codepoints = needs.wanted();
        fonts = a.bake(dejavu, &supply);
        for (unsigned c : fresh) CHECK(drawable(fonts, c));
        CHECK(drawable(fonts, 0x3C9));   // ω: its block came along with Ω
        CHECK(!drawable(fonts, 0x1F601));   // emoji one by one
        // The variation selector draws nothing.
        CHECK(fonts.ui->FindGlyphNoFallback(0xFE0F)->AdvanceX == 0.0f);
        CHECK(!fonts.ui->FindGlyphNoFallback(0xFE0F)->Visible);

        Map map;
        map.meta.title = "\xCE\xA9 \xE9\xA1\xA7";   // Ω and a CJK character no piece here has
        CHECK(app::glyphsLacking(map, fonts) == std::vector<unsigned>{0x9867});

        // Looked at a few items at a time (the browser's sliced pass), the map gives the same.
        map.cards.resize(5);
        map.cards[3].text = "\xD4\xB1";            // Armenian Ա
        map.cards[4].notes = "\xE2\x9C\x85";      // ✅
        Persona persona;
        persona.quote = "\xF0\x9F\x8E\x89";     // 🎉
        map.personas.push_back(persona);
        app::GlyphNeeds whole, sliced;
        whole.scanMap(map, fonts);
        size_t at = 0, steps = 0;
        while (at < app::textItemCount(map)) { at = sliced.scanMapItems(map, fonts, at, 2); ++steps; }
        CHECK(steps == 4);   // 1 meta + 1 persona + 5 cards, 2 at a time
        CHECK(sliced.wanted() == whole.wanted());
        CHECK(whole.wanted() == std::vector<unsigned>{0x531, 0x2705, 0x9867, 0x1F389});
    }
    ImGui::DestroyContext();
}

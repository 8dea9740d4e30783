#include "fonts.hpp"

#include <array>
#include <cstring>

#include "imgui.h"

namespace trayecto::app {

namespace {
// Basic Latin, Latin-1, Latin Extended-A, general punctuation, euro, arrows, a few symbols.
constexpr std::array<ImWchar, 27> kRanges = {
    0x0020, 0x017F, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026,
    0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0x25B2, 0x25BC, 0x2605, 0x2605,
    0x2691, 0x2691, 0x2713, 0x2713, 0x2715, 0x2715, 0,
};
// The same without Latin Extended-A (Spanish and English need none of it): the first bake.
constexpr std::array<ImWchar, 27> kFirstRanges = [] {
    std::array<ImWchar, 27> ranges = kRanges;
    ranges[1] = 0x00FF;   // the first range ends with Latin-1
    return ranges;
}();
constexpr float kCanvasCss[Fonts::kCanvasSizes] = {11.0f, 16.0f, 24.0f, 36.0f};

ImFont* addFont(ImFontAtlas& atlas, const std::vector<unsigned char>& ttf, float pixels, bool complete) {
    if (ttf.empty()) {
        ImFontConfig config;
        config.SizePixels = pixels;
        return atlas.AddFontDefault(&config);
    }
    // The atlas frees what it owns: hand it a copy made with ImGui's allocator.
    void* copy = ImGui::MemAlloc(ttf.size());
    std::memcpy(copy, ttf.data(), ttf.size());
    ImFontConfig config;
    // Sub-pixel glyph positions matter for small text only; large sizes bake at half the cost.
    // The first bake has none: the complete bake follows ~100 ms later.
    config.OversampleH = complete && pixels < 20.0f ? 2 : 1;
    config.OversampleV = 1;
    return atlas.AddFontFromMemoryTTF(copy, static_cast<int>(ttf.size()), pixels, &config,
                                      complete ? kRanges.data() : kFirstRanges.data());
}
}  // namespace

ImFont* Fonts::canvasFont(float pixels) const {
    for (int i = 0; i < kCanvasSizes; ++i)
        if (canvasPixels[i] >= pixels * 0.95f) return canvas[i];
    return canvas[kCanvasSizes - 1];
}

Fonts buildFonts(ImFontAtlas& atlas, const std::vector<unsigned char>& regular,
                 const std::vector<unsigned char>& bold, float pixelRatio, bool largeSizes) {
    atlas.Clear();
    Fonts fonts;
    fonts.pixelRatio = pixelRatio;
    fonts.complete = largeSizes;
    fonts.ui = addFont(atlas, regular, kUiFontSize * pixelRatio, largeSizes);
    fonts.uiBold = addFont(atlas, bold.empty() ? regular : bold, kUiFontSize * pixelRatio, largeSizes);
    for (int i = 0; i < Fonts::kCanvasSizes; ++i) {
        if (!largeSizes) {   // the UI font, scaled, stands in for every canvas size
            fonts.canvas[i] = fonts.ui;
            fonts.canvasPixels[i] = kUiFontSize * pixelRatio;
            continue;
        }
        fonts.canvasPixels[i] = kCanvasCss[i] * pixelRatio;
        fonts.canvas[i] = addFont(atlas, regular, fonts.canvasPixels[i], largeSizes);
    }
    atlas.Build();
    return fonts;
}

}  // namespace trayecto::app

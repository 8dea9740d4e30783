// The fonts: one UI font and a few canvas sizes, baked at the device pixel ratio so text
// stays crisp on HiDPI screens and at every canvas zoom (the nearest larger size is used).
#pragma once

#include <array>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace trayecto::app {

struct Fonts {
    ImFont* ui = nullptr;
    ImFont* uiBold = nullptr;
    static constexpr int kCanvasSizes = 4;
    std::array<ImFont*, kCanvasSizes> canvas{};
    std::array<float, kCanvasSizes> canvasPixels{};  // baked pixel size of each
    float pixelRatio = 1.0f;
    bool complete = true;   // every canvas size is baked
    // The baked font to draw text of `pixels` device pixels with.
    ImFont* canvasFont(float pixels) const;
};

// Builds the atlas (clears it first). `regular`/`bold` are TrueType bytes; when empty, ImGui's
// built-in font is used (headless tests). The atlas keeps its own copy of the bytes.
// Without `largeSizes` (the first bake, for a faster first frame) only the two UI fonts are baked
// (the regular one stands in for every canvas size, scaled), without Latin Extended-A and without
// horizontal oversampling: a quarter of the baking. Build again with everything soon after.
Fonts buildFonts(ImFontAtlas& atlas, const std::vector<unsigned char>& regular,
                 const std::vector<unsigned char>& bold, float pixelRatio, bool largeSizes = true);

constexpr float kUiFontSize = 15.0f;   // CSS pixels

}  // namespace trayecto::app

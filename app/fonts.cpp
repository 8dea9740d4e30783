#include "fonts.hpp"

#include <algorithm>
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

constexpr unsigned kMaxCodepoint = 0x10FFFF;

// Ranges (pairs, 0-terminated) to bake from the pieces: whole 128-character blocks below U+2000
// (a script's letters come together: one bake while typing a word, not one per letter), single
// characters above (symbols, emoji: each glyph is large).
std::vector<ImWchar> pieceRanges(const std::vector<unsigned>& codepoints) {
    std::vector<ImWchar> ranges;
    for (unsigned c : codepoints) {
        const unsigned lo = c < 0x2000 ? c & ~0x7Fu : c, hi = c < 0x2000 ? c | 0x7Fu : c;
        if (!ranges.empty() && static_cast<unsigned>(ranges.back()) + 1 >= lo)
            ranges.back() = static_cast<ImWchar>(std::max(hi, static_cast<unsigned>(ranges.back())));
        else {
            ranges.push_back(static_cast<ImWchar>(lo));
            ranges.push_back(static_cast<ImWchar>(hi));
        }
    }
    if (!ranges.empty()) ranges.push_back(0);
    return ranges;
}

// Characters that change how their neighbours look and show nothing themselves.
bool invisibleFormat(unsigned c) {
    return (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || (c >= 0xFE00 && c <= 0xFE0F);
}

void mergePieces(ImFontAtlas& atlas, const GlyphSupply& supply, const ImWchar* ranges, float pixels, int oversampleH) {
    for (const auto& piece : supply.pieces) {
        ImFontConfig config;
        config.MergeMode = true;
        config.FontDataOwnedByAtlas = false;   // the supply keeps the bytes while they are baked
        config.OversampleH = oversampleH;
        config.OversampleV = 1;
        atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(piece.data()), static_cast<int>(piece.size()),
                                   pixels, &config, ranges);
    }
}

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
                 const std::vector<unsigned char>& bold, float pixelRatio, bool largeSizes,
                 const GlyphSupply* supply) {
    atlas.Clear();
    static unsigned bakes = 0;
    Fonts fonts;
    fonts.pixelRatio = pixelRatio;
    fonts.complete = largeSizes;
    fonts.bake = ++bakes;
    // Alive until Build(): the configs point at it.
    const std::vector<ImWchar> ranges = supply && !regular.empty() ? pieceRanges(supply->codepoints) : std::vector<ImWchar>{};
    auto add = [&](const std::vector<unsigned char>& ttf, float pixels) {
        ImFont* font = addFont(atlas, ttf, pixels, largeSizes);
        if (!ranges.empty()) mergePieces(atlas, *supply, ranges.data(), pixels, largeSizes && pixels < 20.0f ? 2 : 1);
        return font;
    };
    fonts.ui = add(regular, kUiFontSize * pixelRatio);
    fonts.uiBold = add(bold.empty() ? regular : bold, kUiFontSize * pixelRatio);
    for (int i = 0; i < Fonts::kCanvasSizes; ++i) {
        if (!largeSizes) {   // the UI font, scaled, stands in for every canvas size
            fonts.canvas[i] = fonts.ui;
            fonts.canvasPixels[i] = kUiFontSize * pixelRatio;
            continue;
        }
        fonts.canvasPixels[i] = kCanvasCss[i] * pixelRatio;
        fonts.canvas[i] = add(regular, fonts.canvasPixels[i]);
    }
    atlas.Build();
    // Variation selectors and joiners no font has: drawn as nothing rather than '?'.
    if (supply) {
        for (ImFont* font : atlas.Fonts) {
            bool added = false;
            for (unsigned c : supply->codepoints) {
                if (!invisibleFormat(c) || font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
                font->AddGlyph(nullptr, static_cast<ImWchar>(c), 0, 0, 0, 0, 0, 0, 0, 0, 0.0f);
                added = true;
            }
            if (added) font->BuildLookupTable();
        }
    }
    return fonts;
}

void GlyphNeeds::scan(std::string_view text, const Fonts& fonts) {
    if (seen_.empty()) seen_.assign(kMaxCodepoint + 1, false);
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = s + text.size();
    while (s < end) {
        if (*s < 0x80) { ++s; continue; }   // ASCII: always baked
        unsigned c = *s, extra = 0;
        if (c >= 0xF0 && c <= 0xF4) { c &= 0x07; extra = 3; }
        else if (c >= 0xE0 && c <= 0xEF) { c &= 0x0F; extra = 2; }
        else if (c >= 0xC2 && c <= 0xDF) { c &= 0x1F; extra = 1; }
        else { ++s; continue; }
        ++s;
        unsigned i = 0;
        for (; i < extra && s < end && (*s & 0xC0) == 0x80; ++i, ++s) c = (c << 6) | (*s & 0x3F);
        if (i < extra || c > kMaxCodepoint || seen_[c]) continue;
        seen_[c] = true;
        if (fonts.ui && fonts.ui->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
        fresh_.push_back(c);
        wanted_.insert(std::upper_bound(wanted_.begin(), wanted_.end(), c), c);
    }
}

void GlyphNeeds::scanMap(const Map& map, const Fonts& fonts) {
    scanMapItems(map, fonts, 0, textItemCount(map));
}

size_t GlyphNeeds::scanMapItems(const Map& map, const Fonts& fonts, size_t from, size_t count) {
    const size_t end = std::min(textItemCount(map), from + count);
    for (size_t i = from; i < end; ++i) forEachTextOfItem(map, i, [&](const std::string& text) { scan(text, fonts); });
    return std::max(from, end);
}

std::vector<unsigned> GlyphNeeds::takeFresh() {
    std::vector<unsigned> out;
    out.swap(fresh_);
    return out;
}

std::vector<unsigned> glyphsLacking(const Map& map, const Fonts& fonts) {
    GlyphNeeds needs;
    needs.scanMap(map, fonts);
    return needs.wanted();
}

}  // namespace trayecto::app

// The fonts: one UI font and a few canvas sizes, baked at the device pixel ratio so text
// stays crisp on HiDPI screens and at every canvas zoom (the nearest larger size is used).
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "trayecto/model.hpp"

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
    unsigned bake = 0;      // which bake these are: glyphs (and so text widths) change between bakes
    // The baked font to draw text of `pixels` device pixels with.
    ImFont* canvasFont(float pixels) const;
};

// Glyphs beyond the first download's fonts (Latin): TrueType pieces the page fetched when text
// needed them (web/fonts.py), merged into every baked font, for the code points text needs.
struct GlyphSupply {
    std::vector<std::vector<unsigned char>> pieces;   // in order of preference; kept while baked
    std::vector<unsigned> codepoints;                 // wanted from them, sorted
};

// The characters text needs that the baked fonts lack, each noted once: the map's text after
// every change, and what is typed or pasted. New ones are handed to the page, which fetches the
// pieces that hold them and asks for a bake with them (GlyphSupply::codepoints = wanted()).
class GlyphNeeds {
public:
    // Notes the code points of UTF-8 `text` that `fonts` lack. Bad UTF-8 bytes are skipped.
    void scan(std::string_view text, const Fonts& fonts);
    void scanMap(const Map& map, const Fonts& fonts);
    // The same, for items [from, from + count) only (a 20 000-card map takes ~15 ms whole):
    // returns where it stopped, textItemCount(map) once at the end.
    size_t scanMapItems(const Map& map, const Fonts& fonts, size_t from, size_t count);
    // Code points noted since the last call.
    std::vector<unsigned> takeFresh();
    // Every code point noted so far, sorted.
    const std::vector<unsigned>& wanted() const { return wanted_; }
private:
    std::vector<bool> seen_;         // by code point: looked at already
    std::vector<unsigned> fresh_;
    std::vector<unsigned> wanted_;
};

// The map's text a person may see (not ids, not dates) in items: the meta, then each persona,
// stage, lane, card, emotion and moment. textItemCount(map) items; fn(text) for each text of item i.
inline size_t textItemCount(const Map& map) {
    return 1 + map.personas.size() + map.stages.size() + map.lanes.size() + map.cards.size() +
           map.emotions.size() + map.moments.size();
}
template <typename Fn>
void forEachTextOfItem(const Map& map, size_t i, Fn&& fn) {
    if (i == 0) { fn(map.meta.title); fn(map.meta.description); fn(map.meta.scope); fn(map.meta.author); return; }
    i -= 1;
    if (i < map.personas.size()) {
        const Persona& p = map.personas[i];
        fn(p.name); fn(p.description); fn(p.goals); fn(p.needs); fn(p.expectations);
        fn(p.frustrations); fn(p.quote); fn(p.icon);
        return;
    }
    i -= map.personas.size();
    if (i < map.stages.size()) { fn(map.stages[i].name); fn(map.stages[i].description); return; }
    i -= map.stages.size();
    if (i < map.lanes.size()) { fn(map.lanes[i].name); return; }
    i -= map.lanes.size();
    if (i < map.cards.size()) {
        const Card& c = map.cards[i];
        fn(c.text); fn(c.notes);
        if (c.touchpoint) for (const Metric& m : c.touchpoint->metrics) { fn(m.name); fn(m.unit); }
        if (c.improvement) fn(c.improvement->owner);
        if (c.backstage) { fn(c.backstage->owner); fn(c.backstage->systems); }
        return;
    }
    i -= map.cards.size();
    if (i < map.emotions.size()) { fn(map.emotions[i].feeling); fn(map.emotions[i].note); return; }
    i -= map.emotions.size();
    if (i < map.moments.size()) { fn(map.moments[i].customType); fn(map.moments[i].name); fn(map.moments[i].reason); }
}

// The code points of the map's text that `fonts` cannot show (they would be drawn as '?').
std::vector<unsigned> glyphsLacking(const Map& map, const Fonts& fonts);

// Builds the atlas (clears it first). `regular`/`bold` are TrueType bytes; when empty, ImGui's
// built-in font is used (headless tests). The atlas keeps its own copy of the bytes.
// Without `largeSizes` (the first bake, for a faster first frame) only the two UI fonts are baked
// (the regular one stands in for every canvas size, scaled), without Latin Extended-A and without
// horizontal oversampling: a quarter of the baking. Build again with everything soon after.
// With `supply`, its pieces are merged into every font for its code points (whole 128-character
// blocks of scripts below U+2000, single characters above), and invisible format characters
// (variation selectors, zero-width joiners) that no font has are drawn as nothing, not '?'.
Fonts buildFonts(ImFontAtlas& atlas, const std::vector<unsigned char>& regular,
                 const std::vector<unsigned char>& bold, float pixelRatio, bool largeSizes = true,
                 const GlyphSupply* supply = nullptr);

constexpr float kUiFontSize = 15.0f;   // CSS pixels

}  // namespace trayecto::app

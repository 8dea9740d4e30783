// Which parts of the screen a frame changes, worked out from Dear ImGui's draw data alone.
//
// ImGui rebuilds every triangle each frame, and a renderer that draws them all pays for every
// pixel again: with a software rasterizer (SwiftShader, what a browser falls back to without a
// usable GPU) a 1280×800 map costs ~50 ms of the GPU process per frame, so a typed key waited
// for that. The screen is cut into tiles; each tile gets a hash of every triangle that touches
// it, in drawing order (position, texture coordinates, colour, texture, clip rectangle). Tiles
// whose hash differs from the last frame's are redrawn; the rest of the drawing buffer (kept:
// preserveDrawingBuffer) already shows them. Typing into a card redraws about the card.
//
// No GL here: the renderer asks which rectangles to redraw and whether a triangle touches them.
#pragma once

#include <cstdint>
#include <vector>

struct ImDrawData;
struct ImDrawList;
struct ImDrawCmd;

namespace trayecto::app {

// Framebuffer pixels, y down, half-open: [x0, x1) × [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    int area() const { return empty() ? 0 : (x1 - x0) * (y1 - y0); }
};

PixelRect intersection(const PixelRect& a, const PixelRect& b);

// A command's clip rectangle in framebuffer pixels (ImGui's ClipRect is in display units).
PixelRect clipPixels(const ImDrawData& data, const ImDrawCmd& command);

class FrameDamage {
public:
    static constexpr int kTile = 32;           // pixels per tile side
    static constexpr int kMaxRects = 12;        // more than this: their bounding box
    static constexpr double kFullAbove = 0.5;   // share of tiles changed above which all is redrawn

    // Compares this frame's draw data with the last frame's. `surface` stands for everything
    // outside the draw data that shows on screen (clear colour, font texture generation): when it
    // differs, or the framebuffer size does, the whole frame is redrawn. `moving`: the view pans
    // or zooms, so nearly every pixel changes; the frame is whole and nothing is compared (the
    // comparison costs as much as drawing the frame), nor is the next frame.
    void next(const ImDrawData& data, std::uint64_t surface, bool moving = false);
    // The next frame is drawn whole (the drawing buffer may have been lost or is unknown).
    void invalidate() { valid_ = false; }

    // The frame must be drawn whole (first frame, size or surface change, most tiles changed).
    bool full() const { return full_; }
    // Disjoint rectangles to redraw when not full(); empty when nothing changed.
    const std::vector<PixelRect>& rects() const { return rects_; }
    // Pixels to redraw (all of them when full()).
    long redrawnPixels() const;

    // Appends to `out` the indices of `command`'s triangles whose bounding box meets one of
    // rects() (the renderer draws only those when a command is large and the damage small).
    void trianglesInDamage(const ImDrawData& data, const ImDrawList& list, const ImDrawCmd& command,
                           std::vector<unsigned>& out) const;

private:
    void findRects();

    int width_ = 0, height_ = 0, columns_ = 0, rows_ = 0;
    std::uint64_t surface_ = 0;
    bool valid_ = false, full_ = true;
    std::vector<std::uint64_t> tiles_, previous_;
    std::vector<std::uint64_t> vertexHashes_;
    std::vector<PixelRect> rects_;
};

}  // namespace trayecto::app

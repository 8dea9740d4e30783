#include "frame_damage.hpp"

#include <algorithm>
#include <cstring>

#include "imgui.h"

namespace trayecto::app {

namespace {

// Order-dependent: the same triangles in another order may blend to other pixels.
inline std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

inline std::uint64_t bits(float a, float b) {
    std::uint32_t x = 0, y = 0;
    std::memcpy(&x, &a, sizeof x);
    std::memcpy(&y, &b, sizeof y);
    return (static_cast<std::uint64_t>(y) << 32) | x;
}

inline std::uint64_t vertexHash(const ImDrawVert& v) {
    return (bits(v.pos.x, v.pos.y) * 0x9e3779b97f4a7c15ULL) ^ (bits(v.uv.x, v.uv.y) * 0xc2b2ae3d27d4eb4fULL) ^
           (static_cast<std::uint64_t>(v.col) * 0x165667b19e3779f9ULL);
}

// A triangle's bounding box in framebuffer pixels, clipped to `clip` (which the caller keeps
// inside the framebuffer). Empty when it touches no pixel of `clip`.
inline PixelRect triangleBox(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, ImVec2 offset, ImVec2 scale,
                             const PixelRect& clip) {
    const float ax = a.pos.x, bx = b.pos.x, cx = c.pos.x, ay = a.pos.y, by = b.pos.y, cy = c.pos.y;
    float x0 = ax < bx ? ax : bx, x1 = ax < bx ? bx : ax, y0 = ay < by ? ay : by, y1 = ay < by ? by : ay;
    x0 = cx < x0 ? cx : x0;
    x1 = cx > x1 ? cx : x1;
    y0 = cy < y0 ? cy : y0;
    y1 = cy > y1 ? cy : y1;
    x0 = (x0 - offset.x) * scale.x;
    x1 = (x1 - offset.x) * scale.x;
    y0 = (y0 - offset.y) * scale.y;
    y1 = (y1 - offset.y) * scale.y;
    const float cx0 = static_cast<float>(clip.x0), cx1 = static_cast<float>(clip.x1);
    const float cy0 = static_cast<float>(clip.y0), cy1 = static_cast<float>(clip.y1);
    if (!(x1 > cx0 && x0 < cx1 && y1 > cy0 && y0 < cy1)) return {};   // also when a coordinate is NaN
    // Conservative: every pixel the box reaches at all (clamped first, so the casts are in range;
    // truncation of the non-negative clamped values is their floor).
    x0 = x0 > cx0 ? x0 : cx0;
    y0 = y0 > cy0 ? y0 : cy0;
    x1 = x1 + 1.0f < cx1 ? x1 + 1.0f : cx1;
    y1 = y1 + 1.0f < cy1 ? y1 + 1.0f : cy1;
    return {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1) + (x1 < cx1 ? 1 : 0),
            static_cast<int>(y1) + (y1 < cy1 ? 1 : 0)};
}

inline bool meets(const PixelRect& a, const PixelRect& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

inline PixelRect hull(const PixelRect& a, const PixelRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Calls visit(a, b, c, box) for each triangle of `command` that touches `clip`: its vertex
// indices in the list and its pixel box within `clip`.
template <typename Visit>
void forEachTriangle(const ImDrawData& data, const ImDrawList& list, const ImDrawCmd& command, const PixelRect& clip,
                     Visit&& visit) {
    const ImDrawIdx* index = list.IdxBuffer.Data + command.IdxOffset;
    for (unsigned t = 0; t + 2 < command.ElemCount; t += 3) {
        const unsigned a = index[t] + command.VtxOffset, b = index[t + 1] + command.VtxOffset, c = index[t + 2] + command.VtxOffset;
        const PixelRect box = triangleBox(list.VtxBuffer[static_cast<int>(a)], list.VtxBuffer[static_cast<int>(b)],
                                          list.VtxBuffer[static_cast<int>(c)], data.DisplayPos, data.FramebufferScale, clip);
        if (!box.empty()) visit(a, b, c, box);
    }
}

}  // namespace

PixelRect intersection(const PixelRect& a, const PixelRect& b) {
    PixelRect r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
    return r.empty() ? PixelRect{} : r;
}

PixelRect clipPixels(const ImDrawData& data, const ImDrawCmd& command) {
    const ImVec2 offset = data.DisplayPos, scale = data.FramebufferScale;
    const float x0 = (command.ClipRect.x - offset.x) * scale.x, y0 = (command.ClipRect.y - offset.y) * scale.y;
    const float x1 = (command.ClipRect.z - offset.x) * scale.x, y1 = (command.ClipRect.w - offset.y) * scale.y;
    const PixelRect screen{0, 0, static_cast<int>(data.DisplaySize.x * scale.x), static_cast<int>(data.DisplaySize.y * scale.y)};
    // The renderer's scissor truncates the same way.
    if (!(x1 > x0 && y1 > y0)) return {};
    return intersection(screen, {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1), static_cast<int>(y1)});
}

void FrameDamage::next(const ImDrawData& data, std::uint64_t surface, bool moving) {
    const int width = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
    const int height = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
    const bool sameSurface = valid_ && width == width_ && height == height_ && surface == surface_;
    width_ = width;
    height_ = height;
    surface_ = surface;
    if (moving) {
        valid_ = false;
        full_ = true;
        rects_.assign(1, PixelRect{0, 0, width_, height_});
        return;
    }
    columns_ = std::max(0, (width + kTile - 1) / kTile);
    rows_ = std::max(0, (height + kTile - 1) / kTile);
    tiles_.swap(previous_);
    tiles_.assign(static_cast<size_t>(columns_) * static_cast<size_t>(rows_), 0);
    valid_ = true;

    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        vertexHashes_.resize(static_cast<size_t>(list.VtxBuffer.Size));
        for (int i = 0; i < list.VtxBuffer.Size; ++i) vertexHashes_[static_cast<size_t>(i)] = vertexHash(list.VtxBuffer[i]);
        for (const ImDrawCmd& command : list.CmdBuffer) {
            const PixelRect clip = clipPixels(data, command);
            if (command.UserCallback || clip.empty() || command.ElemCount == 0) continue;
            const std::uint64_t commandHash = mix(mix(bits(static_cast<float>(clip.x0), static_cast<float>(clip.y0)),
                                                      bits(static_cast<float>(clip.x1), static_cast<float>(clip.y1))),
                                                  static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(command.GetTexID())));
            forEachTriangle(data, list, command, clip, [&](unsigned a, unsigned b, unsigned c, const PixelRect& box) {
                const std::uint64_t h = mix(mix(mix(commandHash, vertexHashes_[a]), vertexHashes_[b]), vertexHashes_[c]);
                const int c0 = box.x0 / kTile, c1 = (box.x1 - 1) / kTile, r0 = box.y0 / kTile, r1 = (box.y1 - 1) / kTile;
                for (int r = r0; r <= r1; ++r) {
                    std::uint64_t* row = tiles_.data() + static_cast<size_t>(r) * static_cast<size_t>(columns_);
                    for (int col = c0; col <= c1; ++col) row[col] = mix(row[col], h);
                }
            });
        }
    }
    full_ = !sameSurface;
    if (!full_) findRects();
    if (full_) rects_.assign(1, PixelRect{0, 0, width_, height_});
}

void FrameDamage::findRects() {
    rects_.clear();
    size_t changed = 0;
    for (size_t i = 0; i < tiles_.size(); ++i) changed += tiles_[i] != previous_[i];
    if (changed == 0) return;
    if (static_cast<double>(changed) > kFullAbove * static_cast<double>(tiles_.size())) {
        full_ = true;
        return;
    }
    // Runs of changed tiles in each row, grown into the rectangle above when they touch it.
    for (int r = 0; r < rows_; ++r) {
        for (int c = 0; c < columns_;) {
            const size_t at = static_cast<size_t>(r) * static_cast<size_t>(columns_) + static_cast<size_t>(c);
            if (tiles_[at] == previous_[at]) { ++c; continue; }
            int end = c;
            while (end < columns_ && tiles_[at + static_cast<size_t>(end - c)] != previous_[at + static_cast<size_t>(end - c)]) ++end;
            PixelRect run{c * kTile, r * kTile, end * kTile, (r + 1) * kTile};
            bool grown = false;
            for (PixelRect& rect : rects_) {
                if (rect.y1 == run.y0 && rect.x0 < run.x1 && run.x0 < rect.x1) {
                    rect = hull(rect, run);
                    grown = true;
                    break;
                }
            }
            if (!grown) rects_.push_back(run);
            c = end;
        }
    }
    // Disjoint (a pixel drawn twice would blend twice) and few.
    for (bool merged = true; merged;) {
        merged = false;
        for (size_t i = 0; i < rects_.size() && !merged; ++i) {
            for (size_t j = i + 1; j < rects_.size(); ++j) {
                if (meets(rects_[i], rects_[j])) {
                    rects_[i] = hull(rects_[i], rects_[j]);
                    rects_.erase(rects_.begin() + static_cast<long>(j));
                    merged = true;
                    break;
                }
            }
        }
    }
    if (rects_.size() > static_cast<size_t>(kMaxRects)) {
        PixelRect all = rects_.front();
        for (const PixelRect& rect : rects_) all = hull(all, rect);
        rects_.assign(1, all);
    }
    const PixelRect screen{0, 0, width_, height_};
    for (PixelRect& rect : rects_) rect = intersection(rect, screen);
}

long FrameDamage::redrawnPixels() const {
    if (full_) return static_cast<long>(width_) * height_;
    long total = 0;
    for (const PixelRect& rect : rects_) total += rect.area();
    return total;
}

void FrameDamage::trianglesInDamage(const ImDrawData& data, const ImDrawList& list, const ImDrawCmd& command,
                                    std::vector<unsigned>& out) const {
    const PixelRect clip = clipPixels(data, command);
    PixelRect bound{};
    for (const PixelRect& rect : rects_) {
        const PixelRect part = intersection(rect, clip);
        if (!part.empty()) bound = bound.empty() ? part : hull(bound, part);
    }
    if (bound.empty()) return;
    forEachTriangle(data, list, command, bound, [&](unsigned a, unsigned b, unsigned c, const PixelRect& box) {
        bool inside = rects_.size() == 1;
        for (size_t i = 0; !inside && i < rects_.size(); ++i) inside = meets(box, rects_[i]);
        if (!inside) return;
        out.push_back(a);
        out.push_back(b);
        out.push_back(c);
    });
}

}  // namespace trayecto::app

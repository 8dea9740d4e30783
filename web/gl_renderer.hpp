// Draws Dear ImGui's draw data with WebGL2 (GLES 3.0), for a context Trayecto owns alone.
//
// Unlike imgui_impl_opengl3 it never reads GL state back (no glGet*, no glIsEnabled): in a
// browser each such query can wait for the GPU process to finish the previous frame, which
// under a software rasterizer made a frame cost ~100 ms of waiting. It sets every piece of
// state it needs on each call. The font atlas is a one-channel (R8) texture, a quarter of RGBA's
// upload. It redraws only what changed since the last frame (app/frame_damage.hpp): the context
// keeps its drawing buffer (preserveDrawingBuffer), and the rest of it is already right.
#pragma once

#include <vector>

#include "frame_damage.hpp"

struct ImDrawData;

namespace trayecto::web {

class GlRenderer {
public:
    // Starts compiling the shaders and creates the buffers. Nothing is ever read back before
    // the first frame: the GPU process compiles while the fonts bake, and drawing needs no
    // uniform location (the projection is a constant vertex attribute, the sampler unit 0).
    void begin();
    // Whether the shaders linked (a read-back: call it once the first frame is out). False, with
    // a console message, if they did not; later calls answer from memory.
    bool verify();
    void shutdown();
    // (Re)uploads ImGui's font atlas and sets its texture id.
    void uploadFonts();
    // Draws into the canvas, on `background` (packed like ImGui's colours), the parts that changed
    // since the last call; the viewport is set from the draw data. `moving`: the view pans or
    // zooms, so all is drawn without looking for what changed.
    void render(const ImDrawData& data, unsigned background, bool moving = false);
    // Draws all of `data` into the bound framebuffer (an image apart from the canvas), leaving
    // what the canvas shows untouched.
    void renderAll(const ImDrawData& data, unsigned background);
    // The next render() draws everything.
    void invalidate() { damage_.invalidate(); }
    // Pixels the last render() redrew.
    long lastRedrawn() const { return lastRedrawn_; }

private:
    void draw(const ImDrawData& data, unsigned background, const app::FrameDamage* damage);

    unsigned vertexShader_ = 0, fragmentShader_ = 0;
    unsigned program_ = 0, vertexArray_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0, fontTexture_ = 0;
    unsigned pickedBuffer_ = 0;   // indices of a large command's triangles that meet the damage
    bool verified_ = false;
    long vertexCapacity_ = 0, indexCapacity_ = 0, pickedCapacity_ = 0;
    unsigned fontGeneration_ = 0;
    app::FrameDamage damage_;
    std::vector<unsigned> picked_;
    long lastRedrawn_ = 0;
};

}  // namespace trayecto::web

// Draws Dear ImGui's draw data with WebGL2 (GLES 3.0), for a context Trayecto owns alone.
//
// Unlike imgui_impl_opengl3 it never reads GL state back (no glGet*, no glIsEnabled): in a
// browser each such query can wait for the GPU process to finish the previous frame, which
// under a software rasterizer made a frame cost ~100 ms of waiting. It sets every piece of
// state it needs on each call and leaves the scissor test off, so a following glClear clears
// the whole target. The font atlas is a one-channel (R8) texture, a quarter of RGBA's upload.
#pragma once

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
    // Draws into the bound framebuffer; the viewport is set from the draw data.
    void render(const ImDrawData& data);

private:
    unsigned vertexShader_ = 0, fragmentShader_ = 0;
    unsigned program_ = 0, vertexArray_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0, fontTexture_ = 0;
    bool verified_ = false;
    long vertexCapacity_ = 0, indexCapacity_ = 0;
};

}  // namespace trayecto::web

// The baseline for "first frame": a bare Dear ImGui page built with the same toolchain and
// link flags as the app (see CMakeLists.txt here). WebGL2 context from html5.h, the OpenGL3
// backend, one window with a line of text, one frame. It stores performance.now() at the end of
// its first frame in window.helloFirstFrame, which bench/web/measure.mjs reads.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <cmath>

#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"

namespace {

EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;

EM_JS(void, js_first_frame, (), { window.helloFirstFrame = performance.now(); });

EM_BOOL frame(double, void*) {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const double ratio = emscripten_get_device_pixel_ratio();
    const int fw = static_cast<int>(std::lround(w * ratio)), fh = static_cast<int>(std::lround(h * ratio));
    emscripten_set_canvas_element_size("#canvas", fw, fh);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(fw), static_cast<float>(fh));
    io.DeltaTime = 1.0f / 60.0f;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(40, 40));
    ImGui::Begin("Hello");
    ImGui::Text("Hello, world: a bare Dear ImGui page.");
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, fw, fh);
    glClearColor(0.965f, 0.957f, 0.937f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    js_first_frame();
    return EM_FALSE;   // one frame: nothing changes afterwards
}

}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.premultipliedAlpha = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_TRUE;
    gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (gl <= 0) return 1;
    emscripten_webgl_make_context_current(gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_request_animation_frame(frame, nullptr);
    return 0;
}

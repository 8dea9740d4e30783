// The image export: the whole map drawn off screen with the canvas' own drawing code, read back
// and handed to the page as a PNG download.
#include <emscripten.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "imgui.h"
#include "platform.hpp"
#include "theme.hpp"

using namespace trayecto;
using namespace trayecto::app;
using namespace trayecto::web;

namespace {
// Hands RGBA pixels (top row first) to the page as a PNG download named `name`.
EM_JS(void, js_save_png, (const unsigned char* pixels, int width, int height, const char* name), {
    const data = new Uint8ClampedArray(HEAPU8.subarray(pixels, pixels + width * height * 4));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').putImageData(new ImageData(data, width, height), 0, 0);
    const fileName = UTF8ToString(name);
    canvas.toBlob((blob) => TrayectoExports.downloadBlob(fileName, blob), 'image/png');
});
}  // namespace

extern "C" {

// An image of the whole map at print resolution (2 pixels per CSS pixel, less for huge maps),
// drawn off screen with the canvas' own drawing code and downloaded as a PNG named `fileName` (the
// page names it as its other exports: web/persistence.js). Returns 0 on failure.
EMSCRIPTEN_KEEPALIVE int trayecto_export_png(const char* fileName) {
    if (!P.app || !fileName) return 0;
    ImGuiIO& io = ImGui::GetIO();
    Canvas& canvas = P.app->canvas();
    const MapLayout& layout = canvas.layout();
    const float margin = 24.0f;
    float scale = 2.0f;
    GLint maxTexture = 4096;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
    const float limit = static_cast<float>(std::min<GLint>(maxTexture, 8192));
    const float w = layout.width + 2 * margin, h = layout.height + 2 * margin;
    scale = std::min({scale, limit / w, limit / h, std::sqrt(40e6f / (w * h))});
    const int width = static_cast<int>(w * scale), height = static_cast<int>(h * scale);
    if (width <= 0 || height <= 0) return 0;

    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    // A fresh list clips to nothing: open the whole image first (a frame does this for its windows).
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(width), static_cast<float>(height)), false);
    list.PushTextureID(io.Fonts->TexID);
    canvas.drawForExport(&list, P.app->document(), P.app->view(), P.app->fonts(), scale, margin);
    ImDrawList* lists[] = {&list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    data.FramebufferScale = ImVec2(1, 1);

    GLuint texture = 0, framebuffer = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &framebuffer);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    std::vector<unsigned char> pixels;
    if (complete) {
        P.renderer.renderAll(data, app::theme::Background);
        pixels.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &framebuffer);
    glDeleteTextures(1, &texture);
    requestFrames(2);
    if (!complete) return 0;
    // GL rows run bottom to top; images top to bottom.
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<unsigned char> line(row);
    for (int y = 0; y < height / 2; ++y) {
        unsigned char* a = pixels.data() + static_cast<size_t>(y) * row;
        unsigned char* b = pixels.data() + static_cast<size_t>(height - 1 - y) * row;
        std::memcpy(line.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, line.data(), row);
    }
    js_save_png(pixels.data(), width, height, fileName);
    return 1;
}

}  // extern "C"

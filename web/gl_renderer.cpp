#include "gl_renderer.hpp"

#include <GLES3/gl3.h>

#include <cstdint>
#include <cstdio>

#include "imgui.h"

namespace trayecto::web {

namespace {

const char* const kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
layout (location = 3) in vec4 Projection;   // scale x, y and offset x, y: a constant attribute

out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = vec4(Position * Projection.xy + Projection.zw, 0.0, 1.0);
}
)";

// The atlas holds coverage only: text and shapes are the vertex colour times that coverage.
const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;   // unit 0, its default
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = vec4(Frag_Color.rgb, Frag_Color.a * texture(Texture, Frag_UV.st).r);
}
)";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// The compiler's log of a shader that failed, for the console.
void reportShader(GLuint shader, const char* which) {
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return;
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "Trayecto: the %s shader does not compile: %s\n", which, log);
}

}  // namespace

void GlRenderer::begin() {
    vertexShader_ = compile(GL_VERTEX_SHADER, kVertexShader);
    fragmentShader_ = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vertexShader_);
    glAttachShader(program_, fragmentShader_);
    glLinkProgram(program_);

    glGenVertexArrays(1, &vertexArray_);
    glGenBuffers(1, &vertexBuffer_);
    glGenBuffers(1, &indexBuffer_);
    glGenBuffers(1, &pickedBuffer_);
    glBindVertexArray(vertexArray_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);   // part of the vertex array's state
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto offset = [](std::size_t bytes) { return reinterpret_cast<const void*>(bytes); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(IM_OFFSETOF(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), offset(IM_OFFSETOF(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), offset(IM_OFFSETOF(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGui::GetIO().BackendRendererName = "trayecto_webgl2";
}

bool GlRenderer::verify() {
    if (verified_) return program_ != 0;
    verified_ = true;
    GLint linked = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        reportShader(vertexShader_, "vertex");
        reportShader(fragmentShader_, "fragment");
        std::fprintf(stderr, "Trayecto: the ImGui shader program does not link\n");
    }
    glDeleteShader(vertexShader_);
    glDeleteShader(fragmentShader_);
    vertexShader_ = fragmentShader_ = 0;
    if (linked != GL_TRUE) {
        glDeleteProgram(program_);
        program_ = 0;
    }
    return program_ != 0;
}

void GlRenderer::shutdown() {
    if (fontTexture_) glDeleteTextures(1, &fontTexture_);
    if (vertexBuffer_) glDeleteBuffers(1, &vertexBuffer_);
    if (indexBuffer_) glDeleteBuffers(1, &indexBuffer_);
    if (pickedBuffer_) glDeleteBuffers(1, &pickedBuffer_);
    if (vertexArray_) glDeleteVertexArrays(1, &vertexArray_);
    if (program_) glDeleteProgram(program_);
    *this = GlRenderer();
}

void GlRenderer::uploadFonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (!fontTexture_) glGenTextures(1, &fontTexture_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, fontTexture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    ++fontGeneration_;   // every pixel drawn with the old atlas may differ
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(fontTexture_)));
    io.Fonts->ClearTexData();   // the pixels live on the GPU now
}

namespace {

// A command larger than this (in indices) is drawn from the triangles that meet the damage only:
// a software rasterizer pays for every triangle it is given, even those the scissor removes.
constexpr unsigned kFilterAbove = 600;

void scissor(const app::PixelRect& r, int height) { glScissor(r.x0, height - r.y1, r.x1 - r.x0, r.y1 - r.y0); }

}  // namespace

void GlRenderer::render(const ImDrawData& data, unsigned background, bool moving) {
    if (!program_) return;
    damage_.next(data, (static_cast<std::uint64_t>(fontGeneration_) << 32) | background, moving);
    lastRedrawn_ = damage_.redrawnPixels();
    if (!damage_.full() && damage_.rects().empty()) return;   // the drawing buffer shows this frame already
    draw(data, background, damage_.full() ? nullptr : &damage_);
}

void GlRenderer::renderAll(const ImDrawData& data, unsigned background) { draw(data, background, nullptr); }

// Everything when `damage` is null, else its rectangles only.
void GlRenderer::draw(const ImDrawData& data, unsigned background, const app::FrameDamage* damage) {
    const int width = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
    const int height = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
    if (width <= 0 || height <= 0 || !program_) return;
    const std::vector<app::PixelRect> whole{app::PixelRect{0, 0, width, height}};
    const std::vector<app::PixelRect>& rects = damage ? damage->rects() : whole;

    glViewport(0, 0, width, height);
    glEnable(GL_SCISSOR_TEST);
    const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(background);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    for (const app::PixelRect& r : rects) {
        scissor(r, height);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);

    // The orthographic projection of ImGui's coordinates: y down, origin at the top left.
    const float l = data.DisplayPos.x, r = data.DisplayPos.x + data.DisplaySize.x;
    const float t = data.DisplayPos.y, b = data.DisplayPos.y + data.DisplaySize.y;
    glUseProgram(program_);
    glVertexAttrib4f(3, 2.0f / (r - l), 2.0f / (t - b), (r + l) / (l - r), (t + b) / (b - t));
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertexArray_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);

    GLuint boundTexture = 0;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList* list = data.CmdLists[n];
        const long vertexBytes = static_cast<long>(list->VtxBuffer.Size) * static_cast<long>(sizeof(ImDrawVert));
        const long indexBytes = static_cast<long>(list->IdxBuffer.Size) * static_cast<long>(sizeof(ImDrawIdx));
        // Grow by half again when too small, so a growing map does not reallocate every frame.
        if (vertexCapacity_ < vertexBytes) {
            vertexCapacity_ = vertexBytes + vertexBytes / 2;
            glBufferData(GL_ARRAY_BUFFER, vertexCapacity_, nullptr, GL_STREAM_DRAW);
        }
        if (indexCapacity_ < indexBytes) {
            indexCapacity_ = indexBytes + indexBytes / 2;
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, indexCapacity_, nullptr, GL_STREAM_DRAW);
        }
        glBufferSubData(GL_ARRAY_BUFFER, 0, vertexBytes, list->VtxBuffer.Data);
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, indexBytes, list->IdxBuffer.Data);
        for (const ImDrawCmd& command : list->CmdBuffer) {
            if (command.UserCallback) {   // Trayecto sets none; honour ImGui's contract anyway
                if (command.UserCallback != ImDrawCallback_ResetRenderState) command.UserCallback(list, &command);
                continue;
            }
            const app::PixelRect clip = app::clipPixels(data, command);
            if (clip.empty() || command.ElemCount == 0) continue;
            const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID()));
            if (texture != boundTexture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                boundTexture = texture;
            }
            const bool filtered = damage && command.ElemCount > kFilterAbove;
            GLsizei count = static_cast<GLsizei>(command.ElemCount);
            if (filtered) {
                picked_.clear();
                damage->trianglesInDamage(data, *list, command, picked_);
                if (picked_.empty()) continue;
                count = static_cast<GLsizei>(picked_.size());
                glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, pickedBuffer_);
                const long bytes = static_cast<long>(picked_.size() * sizeof(unsigned));
                if (pickedCapacity_ < bytes) {
                    pickedCapacity_ = bytes + bytes / 2;
                    glBufferData(GL_ELEMENT_ARRAY_BUFFER, pickedCapacity_, nullptr, GL_STREAM_DRAW);
                }
                glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, bytes, picked_.data());
            }
            for (const app::PixelRect& area : rects) {
                const app::PixelRect s = app::intersection(area, clip);
                if (s.empty()) continue;
                scissor(s, height);
                if (filtered) glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT, nullptr);
                else glDrawElements(GL_TRIANGLES, count, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                                    reinterpret_cast<const void*>(static_cast<std::intptr_t>(command.IdxOffset * sizeof(ImDrawIdx))));
            }
            if (filtered) glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);   // the list's indices again
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace trayecto::web

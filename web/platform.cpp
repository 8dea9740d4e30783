// The browser platform layer: WebGL2 context, input from the canvas, frames on demand, HiDPI
// sizing, and the C functions that start the app and feed it input. What the page asks of the
// document and the view is in bridge.cpp.
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unistd.h>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // the keyboard's item and window (keyboardItemIn)
#include "platform.hpp"
#include "theme.hpp"
#include "widget_registry.hpp"

using namespace trayecto;
using namespace trayecto::app;
using namespace trayecto::web;

namespace {
EM_BOOL onAnimationFrame(double time, void*);
}  // namespace

namespace trayecto::web {

Platform P;

void requestFrames(int count) {
    P.framesOwed = std::max(P.framesOwed, count);
    if (!P.framePending && P.app) {
        P.framePending = true;
        emscripten_request_animation_frame(onAnimationFrame, nullptr);
    }
}

}  // namespace trayecto::web

namespace {

constexpr size_t kFrameRing = 600;
constexpr double kStillAfterMs = 200.0;   // the view is still this long after it last moved

EM_JS(void, js_first_frame, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });
EM_JS(void, js_text_input, (int active), { if (Module.onTextInput) Module.onTextInput(!!active); });
EM_JS(void, js_set_clipboard, (const char* text), {
    if (Module.onCopy) Module.onCopy(UTF8ToString(text));
});
EM_JS(void, js_host_action, (int action), { if (Module.onHostAction) Module.onHostAction(action); });
EM_JS(void, js_renderer_failed, (), { if (Module.onRendererFailed) Module.onRendererFailed(); });
// Characters (code points) that text needs and the fonts lack: the page fetches pieces with them.
EM_JS(void, js_need_glyphs, (const unsigned* codepoints, int count), {
    if (Module.onNeedGlyphs) Module.onNeedGlyphs(Array.from(HEAPU32.subarray(codepoints >> 2, (codepoints >> 2) + count)));
});
// The map changed: its revision and why (trayecto::ChangeCause).
EM_JS(void, js_changed, (double revision, int cause), { if (Module.onChange) Module.onChange(revision, cause); });
EM_JS(void, js_selection_changed, (), { if (Module.onSelectionChanged) Module.onSelectionChanged(); });
EM_JS(void, js_panel_changed, (), { if (Module.onPanelChanged) Module.onPanelChanged(); });
EM_JS(void, js_popup_open, (int open), { if (Module.onPopupOpen) Module.onPopupOpen(!!open); });
EM_JS(double, js_canvas_left, (), { return Module.canvas ? Module.canvas.getBoundingClientRect().left : 0; });
EM_JS(double, js_canvas_top, (), { return Module.canvas ? Module.canvas.getBoundingClientRect().top : 0; });

// The browser's text size (Settings → Font size; 16 px unless the person changed it) over 16, from
// an element of the default size ("medium") that no page style reaches: asked once, at the first
// frame. Larger text than the default enlarges the app and the page's own HTML (--tr-text in
// trayecto.css); smaller keeps it as it is (1 to 3).
EM_JS(double, js_text_scale, (), {
    if (Module.textScale === undefined) {
        let px = 16;
        try {
            const probe = document.createElement('span');
            probe.style.cssText = 'all:initial;position:absolute;visibility:hidden;font-size:medium';
            document.body.appendChild(probe);
            px = parseFloat(getComputedStyle(probe).fontSize) || 16;
            probe.remove();
        } catch (e) { /* no document: the default */ }
        Module.textScale = Math.min(3, Math.max(1, px / 16));
        /* the page's own dialogs, banners and toasts (trayecto.css) follow it as well */
        if (Module.textScale !== 1) document.documentElement.style.setProperty('--tr-text', String(Module.textScale));
    }
    return Module.textScale;
});

void applyStyle(float ratio) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.TabRounding = 4.0f;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 6);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.976f, 0.965f, 1.0f);
    style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.925f, 0.914f, 0.886f, 1.0f);
    style.ScaleAllSizes(ratio);
    ImGui::GetStyle() = style;
}

// Bakes the fonts for the current pixel ratio and uploads them: the first time without the
// large canvas sizes (a faster first frame), every later time with all of them.
void bakeFonts(float ratio) {
    ImGuiIO& io = ImGui::GetIO();
    P.glyphSupply.codepoints = P.glyphNeeds.wanted();
    const GlyphSupply* supply = P.glyphSupply.pieces.empty() ? nullptr : &P.glyphSupply;
    P.app->setFonts(buildFonts(*io.Fonts, P.fontRegular, P.fontBold, ratio, P.firstFrameAnnounced, supply));
    io.FontDefault = P.app->fonts().ui;
    P.renderer.uploadFonts();
}

// Soon after the first frame: the large canvas sizes, for crisp text when zoomed in.
void bakeLargeFonts(void*) {
    if (!P.app || P.app->fonts().complete) return;
    bakeFonts(P.uiScale);
    requestFrames(1);
}

// The canvas's CSS size. Asking the element each frame (getBoundingClientRect) makes the browser
// lay out the page first whenever anything in it changed, such as the screen reader's copy after
// an edit: ~20 ms in a frame on a slow laptop. A ResizeObserver keeps the size instead, and asks
// for a frame when it changes; without one, the element is asked each frame as before.
EM_JS(void, js_canvas_css_size, (double* out), {
    const canvas = Module.canvas;
    let size = Module.trayectoCanvasSize;
    if (!size || size.canvas !== canvas) {
        size = Module.trayectoCanvasSize = { canvas, width: 0, height: 0, observed: false };
        const measure = () => {
            const r = canvas ? canvas.getBoundingClientRect() : { width: 0, height: 0 };
            size.width = r.width;
            size.height = r.height;
        };
        measure();
        if (canvas && typeof ResizeObserver === 'function') {
            size.observed = true;
            new ResizeObserver(() => { measure(); Module._trayecto_request_frame(); }).observe(canvas);
        }
        size.measure = measure;
    } else if (!size.observed) {
        size.measure();
    }
    HEAPF64[out >> 3] = size.width;
    HEAPF64[(out >> 3) + 1] = size.height;
});

// Sizes the drawing buffer to CSS size x devicePixelRatio; rebuilds fonts when the ratio changes.
void updateSize() {
    double css[2] = {0, 0};
    js_canvas_css_size(css);
    const double w = css[0], h = css[1];
    const float ratio = static_cast<float>(std::clamp(emscripten_get_device_pixel_ratio(), 0.5, 4.0));
    if (w != P.cssWidth || h != P.cssHeight || ratio != P.pixelRatio) {
        // Only when it differs: resizing waits for the GPU process, and the page sized the canvas
        // before making its context.
        const int width = static_cast<int>(std::lround(w * ratio)), height = static_cast<int>(std::lround(h * ratio));
        int current = 0, currentHeight = 0;
        emscripten_get_canvas_element_size(P.target.c_str(), &current, &currentHeight);
        if (current != width || currentHeight != height)
            emscripten_set_canvas_element_size(P.target.c_str(), width, height);
        emscripten_get_canvas_element_size(P.target.c_str(), &P.bufferWidth, &P.bufferHeight);
        P.cssWidth = w;
        P.cssHeight = h;
    }
    // Text and widgets follow the browser's text size too (a person who asked for larger text
    // gets a larger app, as with the browser's zoom), the canvas's pixels only its pixel ratio.
    if (P.textScale == 0) P.textScale = static_cast<float>(js_text_scale());
    const float ui = ratio * P.textScale;
    if (ratio != P.pixelRatio || ui != P.uiScale) {
        bakeFonts(ui);
        applyStyle(ui);
        // Keep the same world point at the canvas origin: zoom is in CSS units.
        P.pixelRatio = ratio;
        P.uiScale = ui;
    }
    ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(P.bufferWidth), static_cast<float>(P.bufferHeight));
}

void commitPendingTouch();

// Text items (cards, personas…) looked at per step of a scan for characters the fonts lack:
// ~1-2 ms. A step runs in a task of its own, not in a frame.
constexpr size_t kGlyphScanItems = 2000;

void reportGlyphNeeds() {
    const std::vector<unsigned> fresh = P.glyphNeeds.takeFresh();
    if (!fresh.empty()) js_need_glyphs(fresh.data(), static_cast<int>(fresh.size()));
}

// One step of a pass over the map's text; another pass follows when the map changed meanwhile.
void glyphScanStep(void*) {
    P.glyphScanScheduled = false;
    if (!P.app) return;
    if (!P.app->fonts().complete) { P.glyphScanRevision = -1; return; }   // the complete bake starts it again
    const Map& map = P.app->document().map();
    P.glyphScanAt = P.glyphNeeds.scanMapItems(map, P.app->fonts(), P.glyphScanAt, kGlyphScanItems);
    reportGlyphNeeds();
    const bool passDone = P.glyphScanAt >= textItemCount(map);
    const double revision = static_cast<double>(P.app->document().revision());
    if (passDone && revision == P.glyphScanRevision) return;
    if (passDone) {
        P.glyphScanRevision = revision;
        P.glyphScanAt = 0;
    }
    P.glyphScanScheduled = true;
    emscripten_set_timeout(glyphScanStep, 0, nullptr);
}

// Before a frame: bakes pieces that arrived, reports characters typed that the fonts lack, and
// starts a pass over the map's text when it changed. Not during the first bake's ~100 ms: it
// lacks Latin Extended-A on purpose.
void supplyGlyphs() {
    if (P.glyphBakeWanted && P.pixelRatio > 0) {
        P.glyphBakeWanted = false;
        bakeFonts(P.uiScale);
    }
    if (!P.app->fonts().complete) return;
    reportGlyphNeeds();
    const double revision = static_cast<double>(P.app->document().revision());
    if (revision != P.glyphScanRevision && !P.glyphScanScheduled) {
        P.glyphScanRevision = revision;
        P.glyphScanAt = 0;
        P.glyphScanScheduled = true;   // in a task of its own, after this frame
        emscripten_set_timeout(glyphScanStep, 0, nullptr);
    }
}

void verifyRenderer(void*) {
    if (!P.app || P.renderer.verify()) return;
    P.held = true;   // nothing can be drawn
    js_renderer_failed();
}

// The item that has the keyboard, when it is in a window named from `window` on and the keyboard
// (not the mouse) put it there or it is being typed into; else 0.
ImGuiID keyboardItemIn(const char* window) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiWindow* nav = g.NavWindow ? g.NavWindow->RootWindow : nullptr;
    if (!nav || std::strncmp(nav->Name, window, std::strlen(window)) != 0) return 0;
    if (g.ActiveId != 0 && g.ActiveIdWindow && g.ActiveIdWindow->RootWindow == nav) return g.ActiveId;
    return g.NavDisableHighlight ? 0 : g.NavId;
}

void drawFrame(double time) {
    const double started = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();
    if (P.touchPending && emscripten_get_now() - P.touchStartTime > 250.0) {   // held still: press
        commitPendingTouch();
        P.touchPressed = true;
    }
    updateSize();
    supplyGlyphs();
    io.DeltaTime = P.lastTime > 0 ? static_cast<float>(std::clamp((time - P.lastTime) / 1000.0, 1e-4, 0.25)) : 1.0f / 60.0f;
    P.lastTime = time;
    const bool moreInput = P.input.apply(io, P.app->typingMustWait());

    ImGui::NewFrame();
    P.app->frame();
    ImGui::Render();
    widgets::endFrame();
    // The screen reader's copy of the side panel (its fields, and the one the keyboard is on) and
    // of the status line.
    if (P.panel.update(widgets::lastFrame(), "##side", keyboardItemIn("##side"), P.app->statusWords())) js_panel_changed();
    // A menu, combo or dialog of the app is open: the page's banners step aside (they lie over
    // the top of the canvas, where the menus drop down, and would take their clicks).
    const bool popup = ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    if (popup != P.popupOpen) {
        P.popupOpen = popup;
        js_popup_open(popup ? 1 : 0);
    }
    // Panning or zooming, or just now (the frames between a wheel's notches): everything changes,
    // so the renderer draws all without looking for what changed, which costs ~1 ms a frame.
    const ViewState& view = P.app->view();
    if (view.zoom != P.drawnZoom || view.panX != P.drawnPanX || view.panY != P.drawnPanY) P.movedAt = started;
    const bool moving = started - P.movedAt < kStillAfterMs;
    P.drawnZoom = view.zoom;
    P.drawnPanX = view.panX;
    P.drawnPanY = view.panY;
    P.renderer.render(*ImGui::GetDrawData(), app::theme::Background, moving);
    ++P.frameCount;
    const double revision = static_cast<double>(P.app->document().revision());
    if (revision != P.notifiedRevision) {
        P.notifiedRevision = revision;
        js_changed(revision, static_cast<int>(P.app->document().lastCause()));
    }
    // The screen reader's copy and a live room's presence show them.
    if (view.selection != P.notifiedSelection || view.editingCard != P.notifiedEditing) {
        P.notifiedSelection = view.selection;
        P.notifiedEditing = view.editingCard;
        js_selection_changed();
    }
    const float ms = static_cast<float>(emscripten_get_now() - started);
    if (P.frameMs.size() < kFrameRing) P.frameMs.push_back(ms);
    else P.frameMs[P.frameRingNext] = ms;
    P.frameRingNext = (P.frameRingNext + 1) % kFrameRing;
    io.MouseWheel = io.MouseWheelH = 0;

    if (io.WantTextInput != P.textInputActive) {
        P.textInputActive = io.WantTextInput;
        js_text_input(P.textInputActive);
    }
    if (!P.firstFrameAnnounced) {
        P.firstFrameAnnounced = true;
        js_first_frame();
        // The shaders are checked only now, in a task of their own: the check waits for the GPU
        // process, and the first frame should not.
        emscripten_set_timeout(verifyRenderer, 0, nullptr);
        emscripten_set_timeout(bakeLargeFonts, 100, nullptr);
    }
    if (P.framesOwed > 0) --P.framesOwed;
    if (moreInput) P.framesOwed = std::max(P.framesOwed, 2);
    if (P.app->wantsAnotherFrame() || P.touchPending || P.touchPressed) P.framesOwed = std::max(P.framesOwed, 1);
}

void onWake(void*) {
    P.wakePending = false;
    requestFrames(1);
}

EM_BOOL onAnimationFrame(double time, void*) {
    P.framePending = false;
    if (!P.app || P.held) return EM_FALSE;   // stopped, or held (trayecto_hold_frames)
    drawFrame(time);
    if (P.framesOwed > 0) {
        requestFrames(P.framesOwed);
    } else if (!P.wakePending && P.app->secondsUntilWake() > 0) {
        // Idle but something ticks (the workshop timer): one frame a second, not sixty.
        P.wakePending = true;
        emscripten_set_timeout(onWake, P.app->secondsUntilWake() * 1000.0, nullptr);
    }
    return EM_FALSE;
}

// ---- input from the canvas ------------------------------------------------------------
float toPixels(double css) { return static_cast<float>(css) * (P.pixelRatio > 0 ? P.pixelRatio : 1.0f); }

void pushModifiers(bool ctrl, bool shift, bool alt, bool meta) {
    InputEvent e;
    e.type = InputEvent::Type::Modifiers;
    e.ctrl = ctrl; e.shift = shift; e.alt = alt; e.super = meta;
    P.input.push(e);
}

void pushMousePos(double clientX, double clientY) {
    InputEvent e;
    e.type = InputEvent::Type::MousePos;
    e.x = toPixels(clientX - js_canvas_left());
    e.y = toPixels(clientY - js_canvas_top());
    P.input.push(e);
}

EM_BOOL onMouse(int type, const EmscriptenMouseEvent* m, void*) {
    pushModifiers(m->ctrlKey, m->shiftKey, m->altKey, m->metaKey);
    pushMousePos(static_cast<double>(m->clientX), static_cast<double>(m->clientY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        InputEvent e;
        e.type = InputEvent::Type::MouseButton;
        // DOM: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
        e.button = m->button == 1 ? 2 : m->button == 2 ? 1 : m->button;
        e.down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
        e.time = emscripten_get_now();
        P.input.push(e);
    }
    requestFrames(3);
    return EM_FALSE;   // default actions stay: the page moves focus to the text input
}

EM_BOOL onWheel(int, const EmscriptenWheelEvent* w, void*) {
    // Normalise to notches: pixel deltas of ~100 per notch, lines of ~3.
    double dy = w->deltaY, dx = w->deltaX;
    if (w->deltaMode == DOM_DELTA_PIXEL) { dy /= 100.0; dx /= 100.0; }
    else if (w->deltaMode == DOM_DELTA_LINE) { dy /= 3.0; dx /= 3.0; }
    InputEvent e;
    e.type = InputEvent::Type::Wheel;
    e.x = static_cast<float>(-std::clamp(dx, -5.0, 5.0));
    e.y = static_cast<float>(-std::clamp(dy, -5.0, 5.0));
    pushMousePos(static_cast<double>(w->mouse.clientX), static_cast<double>(w->mouse.clientY));
    P.input.push(e);
    requestFrames(3);
    return EM_TRUE;   // the page must not scroll or zoom
}

void pushButton(int button, bool down, double time = -1) {
    InputEvent e;
    e.time = time;
    e.type = InputEvent::Type::MouseButton;
    e.button = button;
    e.down = down;
    P.input.push(e);
}

// A first finger does not press at once: a second finger may follow (pinch or two-finger pan).
// The press happens when the finger moves, lifts (a tap), or stays put (a long press).
void commitPendingTouch() {
    if (!P.touchPending) return;
    P.touchPending = false;
    pushMousePos(P.touchStartX, P.touchStartY);
    pushButton(0, true, P.touchStartTime);
}

EM_BOOL onTouch(int type, const EmscriptenTouchEvent* t, void*) {
    int active = 0;
    const EmscriptenTouchPoint* pts[2] = {nullptr, nullptr};
    for (int i = 0; i < t->numTouches; ++i) {
        const bool ended = (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) && t->touches[i].isChanged;
        if (!ended && active < 2) pts[active++] = &t->touches[i];
    }
    if (active >= 2) {
        // Two fingers: pan by the centre's movement, zoom by the distance ratio.
        P.touchPending = false;
        if (P.touchPressed) { pushButton(0, false); P.touchPressed = false; }
        const float cx = toPixels((pts[0]->clientX + pts[1]->clientX) * 0.5 - js_canvas_left());
        const float cy = toPixels((pts[0]->clientY + pts[1]->clientY) * 0.5 - js_canvas_top());
        const float dist = std::hypot(toPixels(static_cast<double>(pts[0]->clientX - pts[1]->clientX)),
                                      toPixels(static_cast<double>(pts[0]->clientY - pts[1]->clientY)));
        if (P.gesture && P.gestureDistance > 0) {
            ViewState& view = P.app->view();
            Canvas& canvas = P.app->canvas();
            view.panX -= (cx - P.gestureX) / canvas.scale(view);
            view.panY -= (cy - P.gestureY) / canvas.scale(view);
            canvas.zoomAround(view, dist / P.gestureDistance, cx, cy);
        }
        P.gesture = true;
        P.gestureX = cx; P.gestureY = cy; P.gestureDistance = dist;
    } else if (active == 1 && !P.gesture) {
        const double x = static_cast<double>(pts[0]->clientX), y = static_cast<double>(pts[0]->clientY);
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
            P.touchPending = true;
            P.touchStartX = x; P.touchStartY = y;
            P.touchStartTime = emscripten_get_now();
        } else if (P.touchPending && std::hypot(x - P.touchStartX, y - P.touchStartY) > 8.0) {
            commitPendingTouch();
            P.touchPressed = true;
        }
        if (P.touchPressed) pushMousePos(x, y);
    } else if (active == 0) {
        if (P.touchPending) {   // a tap
            commitPendingTouch();
            P.touchPressed = true;
        }
        if (P.touchPressed) pushButton(0, false);
        P.touchPressed = false;
        P.gesture = false;
    }
    requestFrames(3);
    return EM_TRUE;   // no emulated mouse events, no page scroll or zoom
}

EM_BOOL onResize(int, const EmscriptenUiEvent*, void*) {
    requestFrames(2);
    return EM_FALSE;
}

const char* getClipboard(void*) { return P.clipboard.c_str(); }
void setClipboard(void*, const char* text) {
    P.clipboard = text;
    js_set_clipboard(text);
}

}  // namespace

extern "C" {

// Starts the app on the canvas matched by `selector`, with the UI font's TrueType bytes.
EMSCRIPTEN_KEEPALIVE int trayecto_start(const char* selector, const unsigned char* regular, int regularSize,
                                        const unsigned char* bold, int boldSize, const char* lang) {
    if (P.app) return 1;
    P.target = selector;
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    // The page made the context already (Trayecto.mount, GL_ATTRIBUTES): these must match it.
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.premultipliedAlpha = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_TRUE;   // screenshots read what was last drawn
    attrs.enableExtensionsByDefault = EM_FALSE;   // the renderer uses WebGL2 core only
    P.gl = emscripten_webgl_create_context(selector, &attrs);
    if (P.gl <= 0) return 0;
    emscripten_webgl_make_context_current(P.gl);

    if (regular && regularSize > 0) P.fontRegular.assign(regular, regular + regularSize);
    if (bold && boldSize > 0) P.fontBold.assign(bold, bold + boldSize);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                 // no imgui.ini: layout is data, view is ours
    io.ConfigInputTextCursorBlink = false;    // no frames just to blink a caret
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.BackendPlatformName = "trayecto_web";
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
    configureKeyMap(io);
    widgets::enable();   // where each widget is drawn: locate_widget, for tests and hosts
    P.renderer.begin();   // the GPU process compiles the shaders while the fonts are baked

    P.app = std::make_unique<App>(langFromTag(lang ? lang : "en"));
    P.app->onHostAction = [](HostAction action) { js_host_action(static_cast<int>(action)); };
    // Each edit stamps the map's "modified" time (UTC, to the second).
    P.app->document().clock = [] {
        const std::time_t now = static_cast<std::time_t>(emscripten_date_now() / 1000.0);
        std::tm utc{};
        gmtime_r(&now, &utc);
        char text[32];
        std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
        return std::string(text);
    };
    updateSize();

    const char* t = P.target.c_str();
    emscripten_set_mousedown_callback(t, nullptr, EM_FALSE, onMouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, onMouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, onMouse);
    emscripten_set_wheel_callback(t, nullptr, EM_FALSE, onWheel);
    emscripten_set_touchstart_callback(t, nullptr, EM_FALSE, onTouch);
    emscripten_set_touchmove_callback(t, nullptr, EM_FALSE, onTouch);
    emscripten_set_touchend_callback(t, nullptr, EM_FALSE, onTouch);
    emscripten_set_touchcancel_callback(t, nullptr, EM_FALSE, onTouch);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, onResize);
    requestFrames(2);
    return 1;
}

// Keyboard, from the page's hidden text field. `key` is a DOM keyCode.
EMSCRIPTEN_KEEPALIVE void trayecto_key(int key, int down, int ctrl, int shift, int alt, int meta) {
    InputEvent e;
    e.type = InputEvent::Type::Key;
    e.button = key;
    e.down = down != 0;
    e.ctrl = ctrl; e.shift = shift; e.alt = alt; e.super = meta;
    P.input.push(e);
    requestFrames(3);
}

// Text typed or composed (IME, dead keys, on-screen keyboards), UTF-8.
EMSCRIPTEN_KEEPALIVE void trayecto_text(const char* utf8) {
    if (P.app && P.app->fonts().complete) P.glyphNeeds.scan(utf8, P.app->fonts());
    const unsigned char* s = reinterpret_cast<const unsigned char*>(utf8);
    while (*s) {
        unsigned c = *s, extra = 0;
        if (c >= 0xF0) { c &= 0x07; extra = 3; }
        else if (c >= 0xE0) { c &= 0x0F; extra = 2; }
        else if (c >= 0xC0) { c &= 0x1F; extra = 1; }
        ++s;
        for (unsigned i = 0; i < extra && (*s & 0xC0) == 0x80; ++i, ++s) c = (c << 6) | (*s & 0x3F);
        if (c == '\r') continue;
        InputEvent e;
        e.type = InputEvent::Type::Char;
        e.codepoint = c;
        P.input.push(e);
    }
    requestFrames(3);
}

// A paste from the system clipboard: ImGui reads it through its clipboard hook on Ctrl+V.
EMSCRIPTEN_KEEPALIVE void trayecto_paste(const char* utf8) {
    P.clipboard = utf8;
    if (P.app && P.app->fonts().complete) P.glyphNeeds.scan(P.clipboard, P.app->fonts());
    trayecto_key(key::V, 1, 1, 0, 0, 0);
    trayecto_key(key::V, 0, 1, 0, 0, 0);
    InputEvent release;
    release.type = InputEvent::Type::Modifiers;
    P.input.push(release);
}

EMSCRIPTEN_KEEPALIVE void trayecto_focus(int focused) {
    InputEvent e;
    e.type = InputEvent::Type::Focus;
    e.down = focused != 0;
    P.input.push(e);
    requestFrames(2);
}

// CPU time (ms) of the most recent frames, oldest first, comma-separated; clears the record.
EMSCRIPTEN_KEEPALIVE const char* trayecto_frame_times() {
    P.scratch.clear();
    const size_t n = P.frameMs.size();
    const size_t start = n < kFrameRing ? 0 : P.frameRingNext;
    for (size_t i = 0; i < n; ++i) {
        if (i) P.scratch += ',';
        P.scratch += std::to_string(P.frameMs[(start + i) % n]);
    }
    P.frameMs.clear();
    P.frameRingNext = 0;
    return P.scratch.c_str();
}

// Bytes of wasm memory in use by the heap (sbrk top) and reserved in all.
EMSCRIPTEN_KEEPALIVE double trayecto_heap_bytes() {
    return static_cast<double>(reinterpret_cast<std::uintptr_t>(sbrk(0)));
}

// A font piece the page fetched (web/fonts.py) for characters the fonts lack; `order` is its
// place in the pieces' list (earlier ones are preferred). Baked in by trayecto_rebake_fonts.
EMSCRIPTEN_KEEPALIVE void trayecto_add_glyph_piece(const unsigned char* bytes, int size, int order) {
    if (size <= 0) return;
    const auto at = std::upper_bound(P.glyphPieceOrder.begin(), P.glyphPieceOrder.end(), order);
    const auto index = at - P.glyphPieceOrder.begin();
    P.glyphPieceOrder.insert(at, order);
    P.glyphSupply.pieces.insert(P.glyphSupply.pieces.begin() + index, std::vector<unsigned char>(bytes, bytes + size));
}

// Bakes the fonts again, before the next frame, with the pieces and the characters wanted now.
EMSCRIPTEN_KEEPALIVE void trayecto_rebake_fonts() {
    P.glyphBakeWanted = true;
    requestFrames(2);
}

EMSCRIPTEN_KEEPALIVE double trayecto_frame_count() { return static_cast<double>(P.frameCount); }

// 1 while input waits to be applied, frames are still owed or the text is being looked at for
// characters the fonts lack (tests wait for 0 to "settle").
EMSCRIPTEN_KEEPALIVE int trayecto_busy() {
    // Also until the complete font bake (~100 ms after the first frame): it measures card text anew,
    // and where things are drawn may move.
    return P.app && (!P.input.empty() || P.framesOwed > 0 || P.framePending || P.touchPending || P.glyphScanScheduled ||
                      !P.app->fonts().complete) ? 1 : 0;
}

// Stops drawing and listening (the instance is being destroyed).
EMSCRIPTEN_KEEPALIVE void trayecto_stop() {
    emscripten_html5_remove_all_event_listeners();
    P.framesOwed = 0;
    P.saver.reset();   // it refers to the app's map
    P.app.reset();
    P.renderer.shutdown();
}

EMSCRIPTEN_KEEPALIVE void trayecto_request_frame() { requestFrames(2); }

// Draws the last frame again, whole, not only what changed since the frame before (tests compare
// the two); and the number of device pixels the last frame redrew.
EMSCRIPTEN_KEEPALIVE void trayecto_repaint() {
    P.renderer.invalidate();
    const ImDrawData* data = ImGui::GetCurrentContext() ? ImGui::GetDrawData() : nullptr;
    if (P.app && data && data->Valid) P.renderer.render(*data, app::theme::Background);
    else requestFrames(1);
}
EMSCRIPTEN_KEEPALIVE double trayecto_redrawn_pixels() { return static_cast<double>(P.renderer.lastRedrawn()); }

// While held, no frame is drawn (the page is still choosing the first map); releasing draws.
EMSCRIPTEN_KEEPALIVE void trayecto_hold_frames(int held) {
    P.held = held != 0;
    if (!P.held) requestFrames(2);
}

// Draws frames now, outside the animation-frame loop (so a copy sees ImGui's clipboard text).
EMSCRIPTEN_KEEPALIVE void trayecto_run_frames(int count) {
    if (!P.app) return;
    // At least `count` frames, and more (up to 12) while queued input remains.
    for (int i = 0; i < 12 && (i < count || !P.input.empty()); ++i) drawFrame(emscripten_get_now());
    if (P.framesOwed > 0) requestFrames(P.framesOwed);
}

}  // extern "C"

int main() { return 0; }

// The browser platform's state, shared by the platform layer (platform.cpp: the WebGL2 context,
// input from the canvas, frames on demand, HiDPI sizing) and the functions the page's script
// calls (bridge.cpp for the document and view, png_export.cpp for the image export).
#pragma once

#include <emscripten/html5.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app.hpp"
#include "gl_renderer.hpp"
#include "input_queue.hpp"
#include "mirror.hpp"
#include "panel_copy.hpp"
#include "trayecto/format.hpp"

namespace trayecto::web {

struct Platform {
    std::string target;                  // CSS selector of the canvas
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::unique_ptr<app::App> app;
    app::InputQueue input;
    std::vector<unsigned char> fontRegular, fontBold;
    app::GlyphNeeds glyphNeeds;          // characters text needs that the fonts lack
    app::GlyphSupply glyphSupply;        // the pieces the page fetched for them
    std::vector<int> glyphPieceOrder;    // each piece's place in web/fonts.py's list
    bool glyphBakeWanted = false;        // pieces arrived: bake them in before the next frame
    double glyphScanRevision = -1;       // the document revision the current or last pass began at
    size_t glyphScanAt = 0;              // the next text item the pass looks at
    bool glyphScanScheduled = false;     // a step of the pass is waiting for its task
    double cssWidth = 0, cssHeight = 0;
    int bufferWidth = 0, bufferHeight = 0;   // the drawing buffer's size, as last set
    float pixelRatio = 0;                // device pixels per CSS pixel; 0: fonts not built yet
    float uiScale = 0;                   // text and widgets: pixelRatio × textScale
    float textScale = 0;                 // the browser's text size / 16 px, read once (js_text_scale); 0: not yet
    int framesOwed = 0;                  // frames to draw before going idle
    bool framePending = false;
    bool held = false;                   // no frames until the page has chosen the first map
    GlRenderer renderer;           // WebGL2, no GL state read back
    std::unique_ptr<MapSaver> saver;   // a save written in slices (trayecto_save_*)
    app::Mirror mirror;                // what the page's screen-reader copy of the map has (trayecto_mirror)
    app::PanelCopy panel;              // and of the side panel (trayecto_panel)
    bool popupOpen = false;            // a menu, combo or dialog of the app, as last told to the page
    std::uint64_t saverRevision = 0;
    std::size_t savedSize = 0;         // bytes at the pointer trayecto_save_written() returned
    bool wakePending = false;            // a timer will ask for a frame
    double lastTime = 0;
    float drawnZoom = 0, drawnPanX = 0, drawnPanY = 0;   // the view of the last frame drawn (panning redraws all)
    double movedAt = -1e9;                               // when a frame last showed the view moved
    unsigned long long frameCount = 0;
    bool firstFrameAnnounced = false;
    bool textInputActive = false;
    double notifiedRevision = -1;        // the document revision the page was last told of
    std::vector<Id> notifiedSelection;   // and the selection, and the card being typed into
    Id notifiedEditing;
    std::string clipboard;
    std::string scratch;                 // returned strings live here until the next call
    std::vector<float> frameMs;          // CPU time of recent frames (ms), a ring of kFrameRing
    size_t frameRingNext = 0;
    // Touch: a first finger waiting to become a press, and the two-finger gesture.
    bool touchPending = false, touchPressed = false;
    double touchStartX = 0, touchStartY = 0, touchStartTime = 0;
    bool gesture = false;
    float gestureX = 0, gestureY = 0, gestureDistance = 0;
};

extern Platform P;

// Draws at least `count` more frames (the app draws only when something changes).
void requestFrames(int count);

}  // namespace trayecto::web

// The Trayecto UI: one open document, the view of it, and the panels around the canvas.
// Platform-independent: the web layer (or a headless test) feeds input to ImGui and calls frame().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "canvas.hpp"
#include "fonts.hpp"
#include "trayecto/commands.hpp"
#include "view_state.hpp"

namespace trayecto::app {

struct LoadOutcome {
    bool ok = false;
    std::string error;   // what is wrong and where, in English (the UI shows it translated)
};

class App {
public:
    explicit App(Lang lang);

    // Builds one ImGui frame (between ImGui::NewFrame and ImGui::Render).
    void frame();
    // True while something moves on its own or a gesture needs more frames.
    bool wantsAnotherFrame() const;

    void setFonts(const Fonts& fonts) { fonts_ = fonts; }
    const Fonts& fonts() const { return fonts_; }

    std::string mapJson() const;
    // Opens a map from JSON text. On failure nothing changes: map, history, view.
    LoadOutcome loadMapJson(std::string_view json);
    void newExampleMap();
    void newBlankMap();
    void setLanguage(Lang lang);

    Document& document() { return document_; }
    const Document& document() const { return document_; }
    ViewState& view() { return view_; }
    Canvas& canvas() { return canvas_; }

private:
    void menuBar();
    void sidePanel(float width);
    void statusLine();
    void minimap(float x, float y, float w, float h);
    void searchBar(float right, float top);
    void jumpToMatch(int step);   // +1 next, -1 previous, 0 current
    void openMap(Map map);

    Document document_;
    ViewState view_;
    Canvas canvas_;
    Fonts fonts_;
    std::string lastError_;
    std::vector<Id> lastSelection_;   // to bring the inspector forward when the selection changes
    bool inspectorWanted_ = false;
    bool searchFocusPending_ = false;
};

}  // namespace trayecto::app

// Runs the real app headless (no GPU, no window): ImGui with its built-in font, input fed
// through the same InputQueue the browser uses, frames built and discarded.
#pragma once

#include <string>

#include "app.hpp"
#include "widget_registry.hpp"
#include "imgui.h"
#include "input_queue.hpp"

namespace trayecto::test {

// A menu, combo, context menu or dialog is open.
inline bool anyPopup() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId); }

class Headless {
public:
    // `firstFrames` drawn at once (0: the test acts before the app's first frame, as a page can).
    explicit Headless(app::Lang lang = app::Lang::En, float width = 1280, float height = 800, int firstFrames = 2)
        : context_(ImGui::CreateContext()), app_(lang) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigInputTextCursorBlink = false;
        app::configureKeyMap(io);
        const app::Fonts fonts = app::buildFonts(*io.Fonts, {}, {}, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.FontDefault = fonts.ui;
        app_.setFonts(fonts);
        app::widgets::enable();
        frames(firstFrames);
    }
    ~Headless() { ImGui::DestroyContext(context_); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    app::App& app() { return app_; }
    const Map& map() { return app_.document().map(); }
    app::ViewState& view() { return app_.view(); }

    // Builds one frame (more while queued input remains).
    void frame() {
        do {
            ImGuiIO& io = ImGui::GetIO();
            const bool more = input_.apply(io, app_.typingMustWait());
            ImGui::NewFrame();
            app_.frame();
            ImGui::Render();
            app::widgets::endFrame();
            io.MouseWheel = io.MouseWheelH = 0;
            if (!more) break;
        } while (true);
    }
    void frames(int n) { for (int i = 0; i < n; ++i) frame(); }

    void mouseTo(float x, float y) { push(app::InputEvent::Type::MousePos, x, y); frame(); }
    void button(int b, bool down) {
        app::InputEvent e;
        e.type = app::InputEvent::Type::MouseButton;
        e.button = b;
        e.down = down;
        input_.push(e);
        frame();
    }
    void click(float x, float y, int b = 0) { mouseTo(x, y); button(b, true); button(b, false); frame(); }
    // A click as a browser or a touch screen delivers it: the pointer jumps to (x, y) and presses
    // and releases there, all queued before the next frame (no frame hovers it first).
    void tap(float x, float y) {
        push(app::InputEvent::Type::MousePos, x, y);
        app::InputEvent e;
        e.type = app::InputEvent::Type::MouseButton;
        e.down = true;
        input_.push(e);
        e.down = false;
        input_.push(e);
        frames(2);
    }
    // Queues one event as a platform does, without building a frame.
    void queue(const app::InputEvent& e) { input_.push(e); }
    // Clicks the middle of the widget labelled `text` (visible text or ##id) as drawn last frame.
    bool clickWidget(std::string_view text) {
        const app::widgets::Widget* w = app::widgets::find(text);
        if (!w) return false;
        click((w->min.x + w->max.x) * 0.5f, (w->min.y + w->max.y) * 0.5f);
        return true;
    }
    void doubleClick(float x, float y) {
        mouseTo(x, y);
        button(0, true); button(0, false);
        button(0, true); button(0, false);
        frames(2);
    }
    void drag(float x0, float y0, float x1, float y1, int steps = 8) {
        mouseTo(x0, y0);
        button(0, true);
        for (int i = 1; i <= steps; ++i)
            mouseTo(x0 + (x1 - x0) * static_cast<float>(i) / static_cast<float>(steps),
                    y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(steps));
        button(0, false);
        frames(2);
    }
    void wheel(float notches) { push(app::InputEvent::Type::Wheel, 0, notches); frame(); }
    void modifiers(bool ctrl, bool shift) {
        app::InputEvent e;
        e.type = app::InputEvent::Type::Modifiers;
        e.ctrl = ctrl;
        e.shift = shift;
        input_.push(e);
        frame();
    }
    // A key pressed and released, queued for the next frame.
    void pushKey(int k, bool ctrl = false, bool shift = false) {
        app::InputEvent e;
        e.type = app::InputEvent::Type::Key;
        e.button = k;
        e.ctrl = ctrl;
        e.shift = shift;
        e.down = true;
        input_.push(e);
        e.down = false;
        input_.push(e);
    }
    void key(int k, bool ctrl = false, bool shift = false) {
        pushKey(k, ctrl, shift);
        frames(2);
        modifiers(false, false);
    }
    // Keys pressed one after the other faster than frames come (a person's F6 then Down): all
    // queued before the next frame.
    void keysTogether(std::initializer_list<int> keys) {
        for (int k : keys) pushKey(k);
        frames(6);
    }
    void type(const std::u32string& text) {
        for (char32_t c : text) {
            app::InputEvent e;
            e.type = app::InputEvent::Type::Char;
            e.codepoint = static_cast<unsigned>(c);
            input_.push(e);
        }
        frames(2);
    }

    // Screen centre of a card, or (-1,-1) when it is not laid out.
    ImVec2 cardCentre(const Id& id) {
        app::Canvas& canvas = app_.canvas();
        const int slot = canvas.layout().slotOfCard(cardIndex(map(), id));
        if (slot < 0) return ImVec2(-1, -1);
        const app::Box& b = canvas.layout().cards[static_cast<size_t>(slot)].box;
        return ImVec2(canvas.toScreenX(view(), (b.x0 + b.x1) * 0.5f), canvas.toScreenY(view(), (b.y0 + b.y1) * 0.5f));
    }
    // Screen point inside cell (row, column), below its cards.
    ImVec2 cellPoint(int row, int column) {
        app::Canvas& canvas = app_.canvas();
        const app::Box& r = canvas.layout().rows[static_cast<size_t>(row)];
        const app::Box& c = canvas.layout().columns[static_cast<size_t>(column)];
        return ImVec2(canvas.toScreenX(view(), (c.x0 + c.x1) * 0.5f), canvas.toScreenY(view(), r.y1 - 4.0f));
    }

    // Screen centre of a stage's header; a point on a row's lane header (as laid out, not stuck).
    ImVec2 stageHeaderPoint(int column) {
        app::Canvas& canvas = app_.canvas();
        const app::Box& b = canvas.layout().stageHeaders[static_cast<size_t>(column)];
        return ImVec2(canvas.toScreenX(view(), (b.x0 + b.x1) * 0.5f), canvas.toScreenY(view(), (b.y0 + b.y1) * 0.5f));
    }
    ImVec2 laneHeaderPoint(int row) {
        app::Canvas& canvas = app_.canvas();
        const app::Box& b = canvas.layout().rows[static_cast<size_t>(row)];
        return ImVec2(canvas.toScreenX(view(), 20.0f), canvas.toScreenY(view(), (b.y0 + b.y1) * 0.5f));
    }

private:
    void push(app::InputEvent::Type type, float x, float y) {
        app::InputEvent e;
        e.type = type;
        e.x = x;
        e.y = y;
        input_.push(e);
    }

    ImGuiContext* context_;
    app::App app_;
    app::InputQueue input_;
};

}  // namespace trayecto::test

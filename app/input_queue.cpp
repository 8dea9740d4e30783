#include "input_queue.hpp"

#include <cmath>
#include <vector>

#include "imgui.h"

namespace trayecto::app {

bool charTyped(unsigned codepoint) {
    const ImVector<ImWchar>& typed = ImGui::GetIO().InputQueueCharacters;
    for (const ImWchar c : typed)
        if (c == codepoint) return true;
    return false;
}

void configureKeyMap(ImGuiIO& io) {
    // Dear ImGui's keyboard navigation: arrows, Space, Enter and Escape in menus, dialogs, combos
    // and the side panel. The map's window turns it off for itself (it has its own keys).
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.KeyMap[ImGuiKey_Tab] = key::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = key::Left;
    io.KeyMap[ImGuiKey_RightArrow] = key::Right;
    io.KeyMap[ImGuiKey_UpArrow] = key::Up;
    io.KeyMap[ImGuiKey_DownArrow] = key::Down;
    io.KeyMap[ImGuiKey_PageUp] = key::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = key::PageDown;
    io.KeyMap[ImGuiKey_Home] = key::Home;
    io.KeyMap[ImGuiKey_End] = key::End;
    io.KeyMap[ImGuiKey_Insert] = key::Insert;
    io.KeyMap[ImGuiKey_Delete] = key::Delete;
    io.KeyMap[ImGuiKey_Backspace] = key::Backspace;
    io.KeyMap[ImGuiKey_Space] = key::Space;
    io.KeyMap[ImGuiKey_Enter] = key::Enter;
    io.KeyMap[ImGuiKey_Escape] = key::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = key::KeypadEnter;
    io.KeyMap[ImGuiKey_A] = key::A;
    io.KeyMap[ImGuiKey_C] = key::C;
    io.KeyMap[ImGuiKey_V] = key::V;
    io.KeyMap[ImGuiKey_X] = key::X;
    io.KeyMap[ImGuiKey_Y] = key::Y;
    io.KeyMap[ImGuiKey_Z] = key::Z;
}

namespace {
bool pressedOrReleased(const bool (&buttonChanged)[5]) {
    for (bool changed : buttonChanged) if (changed) return true;
    return false;
}

// A key that can open, close or leave a text field, a key that moves the keyboard to another
// region (F6 the side panel, F10 the menus), or a shortcut: what comes after it waits for the
// next frame, where it goes wherever that key sent the focus.
bool endsFrame(const InputEvent& e) {
    return e.ctrl || e.alt || e.super || e.button == key::Enter || e.button == key::KeypadEnter ||
           e.button == key::F2 || e.button == key::Tab || e.button == key::Escape || e.button == key::F6 ||
           e.button == key::F10;
}
}  // namespace

bool InputQueue::apply(ImGuiIO& io, bool holdTyping) {
    const bool more = applyEvents(io, holdTyping);
    // Enter chooses in menus, lists and dialogs as Space does (Dear ImGui 1.86 maps it only to
    // text input); io.NavInputs are read by the next NewFrame and cleared by EndFrame.
    if (io.KeysDown[key::Enter] || io.KeysDown[key::KeypadEnter]) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
    return more;
}

bool InputQueue::applyEvents(ImGuiIO& io, bool holdTyping) {
    bool buttonChanged[5] = {};
    bool keyChanged[512] = {};
    bool moved = false;
    // Releases of keys pressed this frame wait for the next one, while typing goes on: a typist's
    // keys overlap anyway, and a slow frame then takes every letter typed meanwhile, not one.
    std::vector<InputEvent> released;
    const auto leaveForNextFrame = [&] {
        events_.insert(events_.begin(), released.begin(), released.end());
        return !events_.empty();
    };
    while (!events_.empty()) {
        const InputEvent& e = events_.front();
        switch (e.type) {
            case InputEvent::Type::MousePos:
                // A move after a button change waits, so the press lands where it happened.
                if (pressedOrReleased(buttonChanged)) return leaveForNextFrame();
                io.MousePos = ImVec2(e.x, e.y);
                moved = true;
                break;
            case InputEvent::Type::MouseButton:
                if (e.button < 0 || e.button >= 5) break;
                if (buttonChanged[e.button]) return leaveForNextFrame();
                // A button change after a move waits a frame. A press: the pointer must have been
                // over the widget for a frame first, as ImGui 1.87's input trickling does (a tab
                // or other overlap-allowing widget ignores a press where the previous frame
                // hovered something else, so a click or a tap that jumps there was lost). A
                // release: the app must see the button still down where the pointer ended up.
                if (moved) return leaveForNextFrame();
                if (e.down && e.button == 0 && e.time >= 0) {
                    const bool near = std::fabs(io.MousePos.x - lastPressX_) <= io.MouseDoubleClickMaxDist &&
                                      std::fabs(io.MousePos.y - lastPressY_) <= io.MouseDoubleClickMaxDist;
                    const bool twice = near && e.time - lastPressTime_ <= kDoubleClickMs;
                    io.MouseDoubleClickTime = twice ? 1e6f : 0.0f;   // ImGui then agrees
                    lastPressTime_ = twice ? -1e12 : e.time;        // no triple clicks
                    lastPressX_ = io.MousePos.x;
                    lastPressY_ = io.MousePos.y;
                }
                io.MouseDown[e.button] = e.down;
                buttonChanged[e.button] = true;
                break;
            case InputEvent::Type::Wheel:
                io.MouseWheelH += e.x;
                io.MouseWheel += e.y;
                break;
            case InputEvent::Type::Key:
                if (e.button < 0 || e.button >= 512) break;
                // Typing waits while its field opens, and a frame after a button change: a
                // text field activated by this frame's press ignores this frame's characters,
                // and a shortcut must act on what the press selected.
                if (holdTyping || pressedOrReleased(buttonChanged)) return leaveForNextFrame();
                if (keyChanged[e.button]) {
                    if (e.down || endsFrame(e)) return leaveForNextFrame();
                    released.push_back(e);   // seen down this frame, up the next
                    break;
                }
                io.KeysDown[e.button] = e.down;
                keyChanged[e.button] = true;
                io.KeyCtrl = e.ctrl;
                io.KeyShift = e.shift;
                io.KeyAlt = e.alt;
                io.KeySuper = e.super;
                if (e.down && endsFrame(e)) {
                    events_.pop_front();
                    return leaveForNextFrame();
                }
                break;
            case InputEvent::Type::Char:
                if (holdTyping || pressedOrReleased(buttonChanged)) return leaveForNextFrame();
                io.AddInputCharacter(e.codepoint);
                break;
            case InputEvent::Type::Modifiers:
                io.KeyCtrl = e.ctrl;
                io.KeyShift = e.shift;
                io.KeyAlt = e.alt;
                io.KeySuper = e.super;
                break;
            case InputEvent::Type::Focus:
                if (!e.down) {  // focus lost: release everything held
                    for (bool& b : io.MouseDown) b = false;
                    for (bool& k : io.KeysDown) k = false;
                    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
                }
                break;
        }
        events_.pop_front();
    }
    return leaveForNextFrame();
}

}  // namespace trayecto::app

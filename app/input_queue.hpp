// Platform-neutral input events, queued and fed to ImGui one frame at a time.
// ImGui 1.86 reads input as state (io.MouseDown, io.KeysDown): a press and its release in
// the same frame would be lost, so the queue stops applying events at the first one that
// would change a state already changed this frame, and leaves the rest for the next frame. A
// button change waits one frame after the pointer moved, so a press lands where the app already
// saw the pointer.
#pragma once

#include <cstddef>
#include <deque>

struct ImGuiIO;

namespace trayecto::app {

struct InputEvent {
    enum class Type { MousePos, MouseButton, Wheel, Key, Char, Modifiers, Focus };
    Type type = Type::MousePos;
    float x = 0, y = 0;        // MousePos: framebuffer pixels; Wheel: horizontal/vertical notches
    int button = 0;            // MouseButton: 0 left, 1 right, 2 middle; Key: key index (DOM keyCode)
    bool down = false;         // MouseButton, Key; Focus: gained
    unsigned codepoint = 0;    // Char
    bool ctrl = false, shift = false, alt = false, super = false;  // Modifiers (and Key)
    double time = -1;          // MouseButton: when it happened (ms, platform clock), -1 unknown
};

class InputQueue {
public:
    void push(const InputEvent& event) { events_.push_back(event); }
    // Applies what this frame can take. Returns true when events remain for the next frame.
    // `holdTyping`: the field that typing is meant for is still opening (App::typingMustWait):
    // keys and characters wait, in order, instead of reaching the map or being dropped.
    bool apply(ImGuiIO& io, bool holdTyping = false);
    bool empty() const { return events_.empty(); }
    // Presses carry the platform's timestamps: double clicks are then judged by when the presses
    // happened, not by when slow or fast frames happened to apply them.
    static constexpr double kDoubleClickMs = 500.0;

private:
    bool applyEvents(ImGuiIO& io, bool holdTyping);
    std::deque<InputEvent> events_;
    double lastPressTime_ = -1e12;
    float lastPressX_ = 0, lastPressY_ = 0;
};

// Key indices (DOM keyCode values) the app maps into io.KeyMap.
namespace key {
constexpr int Backspace = 8, Tab = 9, Enter = 13, Escape = 27, Space = 32, PageUp = 33,
              PageDown = 34, End = 35, Home = 36, Left = 37, Up = 38, Right = 39, Down = 40,
              Insert = 45, Delete = 46, A = 65, C = 67, D = 68, F = 70, O = 79, S = 83, V = 86, X = 88, Y = 89,
              Z = 90, F2 = 113, F6 = 117, F10 = 121, Alt = 18,
              KeypadEnter = 176;  // 176: an unused code for the keypad Enter
}  // namespace key

// Sets io.KeyMap to the indices above, and turns on keyboard navigation.
void configureKeyMap(ImGuiIO& io);

// The character was typed this frame (whatever key the keyboard layout puts it on): for
// shortcuts such as "+" and "?" that sit on different keys in Spanish and English layouts.
bool charTyped(unsigned codepoint);

}  // namespace trayecto::app

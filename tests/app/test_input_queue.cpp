// The input queue feeds ImGui 1.86 one frame at a time: what may share a frame and what waits.
#include <catch2/catch.hpp>

#include <string>

#include "imgui.h"
#include "input_queue.hpp"

using namespace trayecto::app;

namespace {
struct Frames {
    ImGuiContext* context = ImGui::CreateContext();
    ~Frames() { ImGui::DestroyContext(context); }
    InputQueue queue;
    // Letters as a browser sends them: key down, the character, key up.
    void typeLetter(char letter) {
        InputEvent e;
        e.type = InputEvent::Type::Key;
        e.button = letter >= 'a' && letter <= 'z' ? letter - 'a' + 'A' : letter;
        e.down = true;
        queue.push(e);
        InputEvent c;
        c.type = InputEvent::Type::Char;
        c.codepoint = static_cast<unsigned char>(letter);
        queue.push(c);
        e.down = false;
        queue.push(e);
    }
    void pressKey(int k) {
        InputEvent e;
        e.type = InputEvent::Type::Key;
        e.button = k;
        e.down = true;
        queue.push(e);
        e.down = false;
        queue.push(e);
    }
    // Applies one frame; returns the characters ImGui got in it.
    std::string frame(bool holdTyping = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.InputQueueCharacters.resize(0);
        queue.apply(io, holdTyping);
        std::string chars;
        for (ImWchar c : io.InputQueueCharacters) chars += static_cast<char>(c);
        return chars;
    }
};
}  // namespace

TEST_CASE("letters typed between two frames all reach the next frame, in order") {
    Frames f;
    for (char c : std::string("journey")) f.typeLetter(c);
    CHECK(f.frame() == "journey");
    CHECK(ImGui::GetIO().KeysDown['J']);   // the releases come a frame later
    CHECK(f.frame().empty());
    CHECK_FALSE(ImGui::GetIO().KeysDown['J']);
    CHECK(f.queue.empty());
    // A key pressed again before a frame saw it released: up, then down, a frame each.
    for (char c : std::string("hello")) f.typeLetter(c);
    CHECK(f.frame() == "hel");
    CHECK(f.frame().empty());   // "l" released
    CHECK(f.frame() == "lo");
    CHECK(f.frame().empty());
    CHECK(f.queue.empty());
}

TEST_CASE("after Enter, Tab or Escape the typing waits a frame, to go where that key sent the focus") {
    for (int k : {key::Enter, key::Tab, key::Escape}) {
        CAPTURE(k);
        Frames f;
        f.typeLetter('a');
        f.pressKey(k);
        f.typeLetter('b');
        CHECK(f.frame() == "a");
        CHECK(ImGui::GetIO().KeysDown[k]);
        CHECK(f.frame() == "b");
    }
}

TEST_CASE("typing waits while its field opens, and is not lost") {
    Frames f;
    f.typeLetter('x');
    CHECK(f.frame(true).empty());
    CHECK(f.frame(true).empty());
    CHECK(f.frame(false) == "x");
}

// The height of wrapped text, as Dear ImGui draws it, in one pass over the text rather than two.
#pragma once

#include <string>
#include <string_view>

struct ImFont;

namespace trayecto::app {

// Exactly font.CalcTextSizeA(size, FLT_MAX, wrapWidth, text).y (Dear ImGui 1.86): the same lines,
// found by its own word wrapping, without measuring each line's width a second time. Opening a
// map measures every card's text with it (Canvas::measureCardText).
float wrappedTextHeight(const ImFont& font, float size, float wrapWidth, std::string_view text);

// `text` when it fits in `room` pixels on one line; else its longest start that fits with "…"
// after it, cut between two characters, or at a space when `atWord` (then at least one word).
std::string fittedText(const ImFont& font, float size, std::string_view text, float room, bool atWord = false);

}  // namespace trayecto::app

// The height of wrapped text, as Dear ImGui draws it, in one pass over the text rather than two.
#pragma once

#include <string_view>

struct ImFont;

namespace trayecto::app {

// Exactly font.CalcTextSizeA(size, FLT_MAX, wrapWidth, text).y (Dear ImGui 1.86): the same lines,
// found by its own word wrapping, without measuring each line's width a second time. Opening a
// map measures every card's text with it (Canvas::measureCardText).
float wrappedTextHeight(const ImFont& font, float size, float wrapWidth, std::string_view text);

}  // namespace trayecto::app

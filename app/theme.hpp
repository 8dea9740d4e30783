// Colours of the map canvas (packed ImU32, ABGR as ImGui wants).
#pragma once

#include <cstdint>

#include "trayecto/model.hpp"

namespace trayecto::app::theme {

using Color = std::uint32_t;

constexpr Color rgba(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}
constexpr Color fromRgb(Rgb rgb, unsigned a = 255) {
    return rgba((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, a);
}

constexpr Color Background = rgba(246, 244, 239);
constexpr Color Grid = rgba(222, 218, 208);
constexpr Color HeaderText = rgba(40, 44, 52);
// Text colours meet WCAG AA (4.5:1) on every background they are drawn on, marks 3:1
// (tests/app/test_contrast.cpp).
constexpr Color MutedText = rgba(84, 86, 94);
constexpr Color CardText = rgba(30, 32, 38);
constexpr Color CardBorder = rgba(0, 0, 0, 40);
constexpr Color Selection = rgba(33, 112, 229);
constexpr Color SelectionFill = rgba(33, 112, 229, 40);
constexpr Color SearchHit = rgba(255, 196, 0);
constexpr Color Visibility = rgba(120, 90, 160);
constexpr Color BackstageTint = rgba(120, 90, 160, 18);
constexpr Color Moment = rgba(176, 92, 0);
constexpr Color PhaseText = rgba(255, 255, 255);   // on phaseColor()
constexpr Color ValenceUp = rgba(28, 110, 56);      // the emotion scale's + and - labels
constexpr Color ValenceDown = rgba(176, 48, 40);

// WCAG 2.1 contrast ratio of two opaque colours (1 to 21).
double contrastRatio(Color a, Color b);
// The card text colour where it reaches 4.5:1 on `background` (a card's own colour), else black or white.
Color textOn(Color background);
// The votes' colour on a card: MutedText, or the text colour where that is too faint.
Color mutedOn(Color background);

Color phaseColor(Phase phase);
Color cardColor(CardKind kind);
Color laneHeaderColor(LaneType type);

}  // namespace trayecto::app::theme

// The canvas's colours meet WCAG 2.1 AA: text 4.5:1 against every background it is drawn on,
// marks (the moment-of-truth star, the selection) 3:1. Pairs as app/canvas_draw.cpp draws them.
#include <catch2/catch.hpp>

#include "labels.hpp"
#include "theme.hpp"

using namespace trayecto;
namespace theme = trayecto::app::theme;

namespace {

double contrast(theme::Color a, theme::Color b) { return theme::contrastRatio(a, b); }
const theme::Color kWhite = theme::rgba(255, 255, 255);

}  // namespace

TEST_CASE("canvas text meets WCAG AA contrast on every background it is drawn on") {
    for (int p = 0; p < app::enumCount<Phase>(); ++p) {
        CAPTURE(p);
        CHECK(contrast(theme::PhaseText, theme::phaseColor(static_cast<Phase>(p))) >= 4.5);
    }
    for (int k = 0; k < app::enumCount<CardKind>(); ++k) {
        const theme::Color card = theme::cardColor(static_cast<CardKind>(k));
        CAPTURE(k);
        CHECK(contrast(theme::CardText, card) >= 4.5);
        CHECK(contrast(theme::MutedText, card) >= 4.5);   // the votes
        CHECK(contrast(theme::Moment, card) >= 3.0);      // the star (a mark)
    }
    for (int t = 0; t < app::enumCount<LaneType>(); ++t) {
        const theme::Color header = theme::laneHeaderColor(static_cast<LaneType>(t));
        CAPTURE(t);
        CHECK(contrast(theme::HeaderText, header) >= 4.5);   // lane names
        CHECK(contrast(theme::MutedText, header) >= 4.5);    // the emotion legend's other personas
        CHECK(contrast(theme::ValenceUp, header) >= 4.5);    // the emotion scale
        CHECK(contrast(theme::ValenceDown, header) >= 4.5);
    }
    CHECK(contrast(theme::HeaderText, kWhite) >= 4.5);       // stage names
    CHECK(contrast(theme::Moment, kWhite) >= 3.0);
    CHECK(contrast(theme::HeaderText, theme::Background) >= 4.5);
    CHECK(contrast(theme::MutedText, theme::Background) >= 4.5);
    CHECK(contrast(theme::Visibility, theme::Background) >= 4.5);   // "Line of visibility"
    CHECK(contrast(theme::Selection, theme::Background) >= 3.0);    // the selection and focus rings
    CHECK(contrast(theme::Selection, kWhite) >= 3.0);
}

TEST_CASE("a card's own colour gets the text colour that reads on it") {
    // Dark and light colours, saturated ones, and the middle greys where the choice is closest.
    for (unsigned r : {0u, 60u, 119u, 128u, 200u, 255u})
        for (unsigned g : {0u, 90u, 119u, 160u, 255u})
            for (unsigned b : {0u, 119u, 255u}) {
                const theme::Color fill = theme::rgba(r, g, b);
                CAPTURE(r, g, b);
                CHECK(contrast(theme::textOn(fill), fill) >= 4.5);
                CHECK(contrast(theme::mutedOn(fill), fill) >= 4.5);
            }
}

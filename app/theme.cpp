#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace trayecto::app::theme {

namespace {
double channel(unsigned v) {
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(Color c) {   // ImU32 is ABGR
    return 0.2126 * channel(c & 0xff) + 0.7152 * channel((c >> 8) & 0xff) + 0.0722 * channel((c >> 16) & 0xff);
}
}  // namespace

double contrastRatio(Color a, Color b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color textOn(Color background) {
    // Black or white always reaches 4.58:1 against any colour; the usual text colour when it does.
    if (contrastRatio(CardText, background) >= 4.5) return CardText;
    const Color black = rgba(0, 0, 0), white = rgba(255, 255, 255);
    return contrastRatio(black, background) >= contrastRatio(white, background) ? black : white;
}

Color mutedOn(Color background) {
    return contrastRatio(MutedText, background) >= 4.5 ? MutedText : textOn(background);
}

Color phaseColor(Phase phase) {
    switch (phase) {
        case Phase::PrePurchase: return rgba(43, 93, 147);
        case Phase::Purchase: return rgba(30, 112, 72);
        case Phase::PostPurchase: return rgba(156, 80, 22);
    }
    return Grid;
}

Color cardColor(CardKind kind) {
    switch (kind) {
        case CardKind::Note: return rgba(255, 243, 176);
        case CardKind::Touchpoint: return rgba(204, 228, 250);
        case CardKind::PainPoint: return rgba(250, 208, 204);
        case CardKind::Opportunity: return rgba(206, 240, 206);
        case CardKind::Backstage: return rgba(226, 216, 240);
        case CardKind::Kpi: return rgba(252, 226, 196);
    }
    return rgba(255, 255, 255);
}

Color laneHeaderColor(LaneType type) {
    switch (type) {
        case LaneType::Touchpoints:
        case LaneType::Channels: return rgba(228, 238, 248);
        case LaneType::PainPoints: return rgba(248, 230, 228);
        case LaneType::Opportunities: return rgba(230, 244, 230);
        case LaneType::Backstage: return rgba(236, 230, 244);
        case LaneType::Emotions: return rgba(250, 240, 228);
        default: return rgba(238, 236, 230);
    }
}

}  // namespace trayecto::app::theme

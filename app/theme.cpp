#include "theme.hpp"

namespace trayecto::app::theme {

Color phaseColor(Phase phase) {
    switch (phase) {
        case Phase::PrePurchase: return rgba(86, 140, 196);
        case Phase::Purchase: return rgba(72, 160, 120);
        case Phase::PostPurchase: return rgba(196, 128, 70);
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

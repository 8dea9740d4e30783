// The facilitator's agenda: Schmitt's five steps of customer-experience management, each
// linked to the parts of the map it works on. The step the workshop is at, and its countdown
// timer, are in the document (Map::workshop; include/trayecto/workshop.hpp).
#pragma once

#include "trayecto/model.hpp"

namespace trayecto::app {

struct AgendaStep {
    const char* titleEn;
    const char* titleEs;
    const char* aboutEn;
    const char* aboutEs;
    LaneType lanes[3];   // the lanes it works on (first ones matter), Custom = none
    bool personas;       // it works on the personas
};

extern const AgendaStep kAgenda[kAgendaSteps];

}  // namespace trayecto::app

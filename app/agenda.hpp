// The facilitator's agenda: Schmitt's five steps of customer-experience management, each
// linked to the parts of the map it works on, and a countdown timer everyone can see.
#pragma once

#include <chrono>

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

extern const AgendaStep kAgenda[5];

class CountdownTimer {
public:
    using Clock = std::chrono::steady_clock;
    void setMinutes(int minutes);
    void start();
    void pause();
    void reset();
    bool running() const { return running_; }
    int minutes() const { return minutes_; }
    double remainingSeconds() const;   // never below 0
    bool finished() const { return remainingSeconds() <= 0.0; }

private:
    int minutes_ = 10;
    bool running_ = false;
    double left_ = 600.0;              // seconds left when paused
    Clock::time_point endsAt_{};
};

}  // namespace trayecto::app

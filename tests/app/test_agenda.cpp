// The facilitator's agenda and countdown timer.
#include <catch2/catch.hpp>

#include <string>

#include "agenda.hpp"
#include "headless.hpp"

using namespace trayecto;
using trayecto::test::Headless;

TEST_CASE("the agenda follows Schmitt's five steps, each linked to lanes of the map") {
    for (const app::AgendaStep& step : app::kAgenda) {
        CHECK(std::string(step.titleEn).size() > 5);
        CHECK(std::string(step.titleEs).size() > 5);
        CHECK(step.lanes[0] != LaneType::Custom);
    }
    CHECK(std::string(app::kAgenda[4].titleEs) == "Innovar de forma continua");
}

TEST_CASE("the countdown timer counts down while running and holds while paused") {
    app::CountdownTimer timer;
    timer.setMinutes(2);
    CHECK(timer.remainingSeconds() == Approx(120.0));
    timer.start();
    CHECK(timer.running());
    CHECK(timer.remainingSeconds() <= 120.0);
    CHECK(timer.remainingSeconds() > 119.0);
    timer.pause();
    const double held = timer.remainingSeconds();
    CHECK(timer.remainingSeconds() == held);
    timer.reset();
    CHECK_FALSE(timer.running());
    CHECK(timer.remainingSeconds() == Approx(120.0));
}

TEST_CASE("a running timer wakes the app once a second, otherwise it stays idle") {
    Headless h;
    CHECK(h.app().secondsUntilWake() < 0);
    h.app().timer().start();
    CHECK(h.app().secondsUntilWake() == Approx(1.0));
    h.frames(2);
    h.app().timer().pause();
    CHECK(h.app().secondsUntilWake() < 0);
}

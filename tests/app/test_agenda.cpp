// The facilitator's agenda and countdown timer, both kept in the document.
#include <catch2/catch.hpp>

#include <string>

#include "agenda.hpp"
#include "headless.hpp"
#include "trayecto/workshop.hpp"

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

TEST_CASE("the workshop timer counts down by the app's clock and holds while paused") {
    Headless h;
    double now = 1'795'165'200'000.0;
    h.app().setClock([&] { return now; });
    Document& doc = h.app().document();
    REQUIRE_FALSE(doc.execute(cmd::setTimerMinutes(h.map(), 2)));
    CHECK(timerRemaining(h.map().workshop.timer, h.app().now()) == Approx(120.0));
    REQUIRE_FALSE(doc.execute(cmd::startTimer(h.map(), h.app().now())));
    now += 30'000;
    h.frames(2);   // ticking is no edit
    CHECK(timerRemaining(h.map().workshop.timer, h.app().now()) == Approx(90.0));
    CHECK(doc.history().undoCount() == 2);
    REQUIRE_FALSE(doc.execute(cmd::pauseTimer(h.map(), h.app().now())));
    now += 60'000;
    CHECK(timerRemaining(h.map().workshop.timer, h.app().now()) == Approx(90.0));
    REQUIRE_FALSE(doc.execute(cmd::resetTimer(h.map())));
    CHECK(timerRemaining(h.map().workshop.timer, h.app().now()) == Approx(120.0));
}

TEST_CASE("a running timer wakes the app once a second, otherwise it stays idle") {
    Headless h;
    CHECK(h.app().secondsUntilWake() < 0);
    REQUIRE_FALSE(h.app().document().execute(cmd::startTimer(h.map(), h.app().now())));
    CHECK(h.app().secondsUntilWake() == Approx(1.0));
    h.frames(2);
    REQUIRE_FALSE(h.app().document().execute(cmd::pauseTimer(h.map(), h.app().now())));
    CHECK(h.app().secondsUntilWake() < 0);
}

TEST_CASE("the timer and the agenda step survive a save and load, and the timer runs on") {
    double now = 1'795'165'200'000.0;
    std::string saved;
    {
        Headless h;
        h.app().setClock([&] { return now; });
        Document& doc = h.app().document();
        REQUIRE_FALSE(doc.execute(cmd::setAgendaStep(h.map(), 3)));
        REQUIRE_FALSE(doc.execute(cmd::setTimerMinutes(h.map(), 5)));
        REQUIRE_FALSE(doc.execute(cmd::startTimer(h.map(), h.app().now())));
        h.frames(2);
        saved = h.app().mapJson();
    }
    now += 60'000;   // a minute later, in another session
    Headless h;
    h.app().setClock([&] { return now; });
    REQUIRE(h.app().loadMapJson(saved).ok);
    h.frames(2);
    CHECK(h.map().workshop.agendaStep == 3);
    CHECK(h.map().workshop.timer.minutes == 5);
    CHECK(h.app().secondsUntilWake() == Approx(1.0));   // still running
    CHECK(timerRemaining(h.map().workshop.timer, h.app().now()) == Approx(240.0));
    // The agenda step is an undoable edit like any other.
    REQUIRE_FALSE(h.app().document().execute(cmd::setAgendaStep(h.map(), 4)));
    REQUIRE(h.app().document().undo());
    CHECK(h.map().workshop.agendaStep == 3);
}

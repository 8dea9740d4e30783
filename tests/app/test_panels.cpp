// The side panel reads whole at 1024 pixels in both languages; a participant names themselves on
// their first save; the welcome's choices do what they say. Real (queued) input, headless.
#include <catch2/catch.hpp>

#include <vector>

#include "headless.hpp"
#include "imgui_internal.h"
#include "input_queue.hpp"
#include "trayecto/format.hpp"
#include "trayecto/merge.hpp"

using trayecto::test::Headless;
using namespace trayecto;

namespace {
const app::widgets::Widget& shown(const char* text) {
    const app::widgets::Widget* w = app::widgets::find(text);
    INFO(text);
    REQUIRE(w != nullptr);
    return *w;
}
}  // namespace

TEST_CASE("side panel: every tab whole at 1024 pixels, fixed while its content scrolls", "[panels]") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang, 1024, 768);
        for (const char* id : {"inspector", "personas", "workshop", "moments"}) {
            const app::widgets::Widget& tab = shown(id);
            const std::string label = tab.label.substr(0, tab.label.find("##"));
            CHECK(tab.max.x - tab.min.x >= ImGui::CalcTextSize(label.c_str()).x);   // not cut ("Inspecto…")
            CHECK(tab.max.x <= 1024.0f);
        }
        // A touchpoint's long inspector, scrolled: the content moves, the tabs stay.
        for (const Card& c : h.map().cards)
            if (c.touchpoint) { h.view().select(c.id); break; }
        h.frames(3);
        const float tabY = shown("inspector").min.y, kindY = shown("card-kind").min.y;
        CHECK(shown("card-kind").max.x - shown("card-kind").min.x > 280.0f);   // the whole width, label above
        h.mouseTo(1024 - 160, 500);
        h.wheel(-8);
        h.frames(2);
        CHECK(shown("inspector").min.y == tabY);
        const app::widgets::Widget* kind = app::widgets::find("card-kind");
        CHECK((kind == nullptr || kind->min.y < kindY - 20));
    }
}

TEST_CASE("saving a file asks the participant's name once and puts it in the map", "[panels][workshop]") {
    Headless h(app::Lang::Es);
    int saves = 0;
    h.app().onHostAction = [&](app::HostAction a) { if (a == app::HostAction::SaveFile) ++saves; };
    h.key(app::key::S, true);
    CHECK(saves == 0);   // first the name
    shown("participant-name");
    h.type(U"Ana");
    h.key(app::key::Enter);
    h.frames(2);
    CHECK(saves == 1);
    CHECK(h.map().workshop.participant == "Ana");
    h.key(app::key::S, true);
    CHECK(saves == 2);   // asked once
    CHECK(app::widgets::find("participant-name") == nullptr);
    // The keys are the map's again: Ctrl+D duplicates the selected card.
    const size_t cards = h.map().cards.size();
    h.view().select(h.map().cards.front().id);
    h.frames(2);
    h.key(app::key::D, true);
    CHECK(h.map().cards.size() == cards + 1);
}

TEST_CASE("merge panel: participants by the names they saved under, each value whole", "[panels][merge]") {
    Headless h(app::Lang::En);
    std::vector<std::pair<std::string, std::string>> files;
    const std::string text(200, 'x');
    for (const char* name : {"Ana", "Bruno"}) {
        Map copy = h.map();
        copy.workshop.participant = name;
        copy.cards.front().text = std::string(name) + " " + text;
        files.emplace_back("Map.trayecto.json", saveMap(copy));
    }
    REQUIRE(h.app().mergeParticipantFiles(files).empty());
    h.frames(3);
    CHECK(h.map().workshop.merge.participants == std::vector<std::string>{"Ana", "Bruno"});
    const app::widgets::Widget& first = shown("choice-0-0");
    const app::widgets::Widget& second = shown("choice-0-1");
    CHECK(second.min.y - first.min.y > (first.max.y - first.min.y) * 3);   // wrapped, not cut
    h.click((second.min.x + second.max.x) * 0.5f, (second.min.y + second.max.y) * 0.5f);
    CHECK(h.map().cards.front().text.rfind("Bruno", 0) == 0);
}

TEST_CASE("welcome: blank, example, template and file choices", "[panels][welcome]") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang);
        std::vector<app::HostAction> asked;
        h.app().onHostAction = [&](app::HostAction a) { asked.push_back(a); };
        const std::string example = h.map().meta.title;
        h.app().showWelcome();
        h.frames(2);
        REQUIRE(h.clickWidget("welcome-example"));
        CHECK(h.map().meta.title == example);
        CHECK(app::widgets::find("welcome-blank") == nullptr);
        h.app().showWelcome();
        h.frames(2);
        REQUIRE(h.clickWidget("welcome-blank"));
        CHECK(h.map().cards.empty());
        h.app().showWelcome();
        h.frames(2);
        REQUIRE(h.clickWidget("welcome-template"));
        h.frames(2);
        REQUIRE(h.clickWidget(app::tr(lang, app::Text::Create)));
        CHECK(h.map().cards.size() > 10);
        h.app().showWelcome();
        h.frames(2);
        REQUIRE(h.clickWidget("welcome-open"));
        CHECK(asked.back() == app::HostAction::OpenFile);
    }
}

TEST_CASE("status line: the hint never runs under the side panel (cut at a word, with an ellipsis)", "[panels]") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        for (float width : {1024.0f, 1280.0f}) {
            INFO((lang == app::Lang::Es ? "es " : "en ") << width);
            Headless h(lang, width, 768);
            h.frames(2);
            const ImGuiWindow* status = nullptr;
            for (const ImGuiWindow* w : GImGui->Windows)
                if (std::string(w->Name).find("##status") != std::string::npos) status = w;
            const ImGuiWindow* side = ImGui::FindWindowByName("##side");
            REQUIRE(status != nullptr);
            REQUIRE(side != nullptr);
            // The panel runs down to the bottom of the page, beside the status line: every item
            // drawn there, text included, ends before the panel begins.
            CHECK(status->DC.CursorMaxPos.x <= side->Pos.x + 0.5f);
            CHECK(status->Pos.x + status->Size.x <= side->Pos.x + 0.5f);
        }
    }
}

TEST_CASE("dialogs over the side panel: the welcome is in front of it at 1024 pixels, and takes its clicks", "[panels][welcome]") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang, 1024, 768, 0);
        h.app().showWelcome();   // as the page asks on a first visit: before the first frame
        h.frames(3);
        const app::widgets::Widget& example = shown("welcome-example");
        REQUIRE(example.max.x > 1024.0f - 330.0f);   // the dialog reaches over the side panel
        // A point of the dialog over the side panel belongs to the dialog, which is drawn in front.
        h.mouseTo(example.max.x - 4.0f, (example.min.y + example.max.y) * 0.5f);
        h.frames(2);
        const ImGuiWindow* hovered = GImGui->HoveredWindow;
        CHECK((hovered && (hovered->Flags & ImGuiWindowFlags_Modal) != 0));
        const auto order = [](const char* part) {
            for (int i = 0; i < GImGui->Windows.Size; ++i)
                if (std::string(GImGui->Windows[i]->Name).find(part) != std::string::npos) return i;
            return -1;
        };
        CHECK(order("##side") < order("##welcome"));
    }
}

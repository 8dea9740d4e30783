// No two widgets drawn in one frame share an ImGui id, in Spanish or in English. Dear ImGui 1.86
// gives a second widget with the same label the first one's state: in Spanish the card's kind
// and the moment of truth's type were both "Tipo", and the moment's combo never opened. A label
// that is the same text in one language is a clash in that language only, so every panel,
// inspector, menu and dialog is opened here in both, with real clicks, and every frame checked.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"
#include "headless.hpp"
#include "labels.hpp"

using trayecto::test::Headless;
using trayecto::test::readFixture;
using namespace trayecto;
namespace key = trayecto::app::key;
using app::Text;
using app::tr;

namespace {

class Audit {
public:
    Audit(Headless& h, app::Lang lang) : h_(h), lang_(lang) {}

    // Every pair of widgets of the last frame that share an id.
    void check(const std::string& where) {
        ++frames_;
        for (const auto& [a, b] : app::widgets::clashes())
            problems_.push_back(std::string(app::langTag(lang_)) + " · " + where + ": \"" + a->label + "\" and \"" +
                                b->label + "\" in " + a->window);
    }
    // Opens every combo of the side panel in turn and checks the frame with each one open.
    void openEveryCombo(const std::string& where) {
        std::vector<std::string> combos;
        for (const app::widgets::Widget& w : app::widgets::lastFrame())
            if ((w.flags & app::widgets::kOpenable) && w.window.rfind("##side", 0) == 0) combos.push_back(w.label);
        for (const std::string& label : combos) {
            const app::widgets::Widget* w = app::widgets::find(label);
            REQUIRE(w != nullptr);
            const ImVec2 beside(w->max.x + 12.0f, (w->min.y + w->max.y) * 0.5f);   // on its label, not its box
            h_.frames(30);
            h_.click((w->min.x + w->max.x) * 0.5f, (w->min.y + w->max.y) * 0.5f);
            h_.frames(2);
            CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
            check(where + ", combo " + label + " open");
            h_.frames(30);
            h_.click(beside.x, beside.y);   // closes it
            h_.frames(2);
            ++combos_;
        }
    }
    // Clicks a widget by its text or ##id and checks the frames that follow.
    void click(const std::string& text, const std::string& where) {
        h_.frames(30);
        INFO(where << ": " << text);
        std::string all;
        for (const auto& w : app::widgets::lastFrame()) all += " [" + w.label + " @" + w.window + "]";
        INFO("widgets:" << all);
        REQUIRE(h_.clickWidget(text));
        h_.frames(2);
        check(where);
    }
    void clickAt(ImVec2 p, const std::string& where, int button = 0) {
        h_.frames(30);
        h_.click(p.x, p.y, button);
        h_.frames(2);
        check(where);
    }
    // The inspector of what was just selected, with every combo opened.
    void inspect(const std::string& where) {
        h_.frames(2);
        check(where);
        openEveryCombo(where);
    }
    const std::vector<std::string>& problems() const { return problems_; }
    int frames() const { return frames_; }
    int combos() const { return combos_; }

private:
    Headless& h_;
    app::Lang lang_;
    std::vector<std::string> problems_;
    int frames_ = 0, combos_ = 0;
};

ImVec2 centreOf(const app::Box& b, Headless& h) {
    app::Canvas& canvas = h.app().canvas();
    return ImVec2(canvas.toScreenX(h.view(), (b.x0 + b.x1) * 0.5f), canvas.toScreenY(h.view(), (b.y0 + b.y1) * 0.5f));
}

// A card of each kind, made from the example's cards where the kind is missing; a touchpoint
// with a custom metric; moments of truth of every type, one without a card.
void prepareMap(Headless& h) {
    Document& doc = h.app().document();
    for (int k = 0; k < app::enumCount<CardKind>(); ++k) {
        const CardKind kind = static_cast<CardKind>(k);
        if (std::any_of(h.map().cards.begin(), h.map().cards.end(), [&](const Card& c) { return c.kind == kind; })) continue;
        Card c = h.map().cards[static_cast<size_t>(k)];
        c.kind = kind;
        conformDetailsToKind(c);
        REQUIRE_FALSE(doc.execute(cmd::replace(h.map(), c, "kind")));
    }
    for (const Card& card : h.map().cards) {
        if (!card.touchpoint) continue;
        Card c = card;
        Metric metric;
        metric.type = MetricType::Custom;
        metric.name = "Custom";
        metric.value = 3.0;
        c.touchpoint->metrics.push_back(metric);
        c.touchpoint->expectation = 3;
        REQUIRE_FALSE(doc.execute(cmd::replace(h.map(), c, "metric")));
        break;
    }
    MomentOfTruth loose;
    loose.id = "mot-without-card";
    loose.name = "A moment without a card";
    loose.type = MotType::Custom;
    loose.customType = "Otro";
    loose.stageId = h.map().stages.front().id;
    REQUIRE_FALSE(doc.execute(cmd::addMoment(h.map(), loose)));
    h.frames(2);
}

void auditEverything(app::Lang lang, Audit& audit, Headless& h) {
    const app::Lang L = lang;
    prepareMap(h);
    audit.check("nothing selected");
    audit.openEveryCombo("nothing selected");

    // A card of each kind, each made a moment of truth with a click, every moment type shown.
    for (int k = 0; k < app::enumCount<CardKind>(); ++k) {
        const CardKind kind = static_cast<CardKind>(k);
        const auto it = std::find_if(h.map().cards.begin(), h.map().cards.end(), [&](const Card& c) { return c.kind == kind; });
        REQUIRE(it != h.map().cards.end());
        const Id id = it->id;
        const std::string where = std::string("card of kind ") + app::label(L, kind);
        h.app().canvas().centerOn(h.view(), h.app().canvas().layout().cards[static_cast<size_t>(
                                                h.app().canvas().layout().slotOfCard(cardIndex(h.map(), id)))].box);
        h.frames(2);
        audit.clickAt(h.cardCentre(id), where);
        REQUIRE(h.view().selection == std::vector<Id>{id});
        audit.inspect(where);
        const bool moment = std::any_of(h.map().moments.begin(), h.map().moments.end(),
                                        [&](const MomentOfTruth& m) { return m.cardId && *m.cardId == id; });
        if (!moment) audit.click(tr(L, Text::IsMomentOfTruth), where + ", made a moment of truth");
        audit.inspect(where + " (moment of truth)");
    }

    // Several cards.
    {
        const Card& a = h.map().cards[0];
        const Card& b = h.map().cards[1];
        audit.clickAt(h.cardCentre(a.id), "first of two cards");
        h.modifiers(true, false);
        audit.clickAt(h.cardCentre(b.id), "two cards selected");
        h.modifiers(false, false);
    }

    const app::MapLayout& layout = h.app().canvas().layout();
    h.app().canvas().zoomToFit(h.view());
    h.frames(2);
    audit.clickAt(centreOf(layout.stageHeaders[1], h), "stage");
    REQUIRE(findStage(h.map(), h.view().selection.front()));
    audit.inspect("stage");
    {
        const app::Box& row = layout.rows[0];
        app::Canvas& canvas = h.app().canvas();
        audit.clickAt(ImVec2(canvas.toScreenX(h.view(), 20.0f), canvas.toScreenY(h.view(), (row.y0 + row.y1) * 0.5f)), "lane");
        REQUIRE(findLane(h.map(), h.view().selection.front()));
        audit.inspect("lane");
    }
    {
        float x = 0, y = 0;
        REQUIRE(h.app().canvas().emotionPoint(h.map(), h.view(), h.view().activePersona, 1, x, y));
        audit.clickAt(ImVec2(x, y), "emotion");
        REQUIRE(findEmotion(h.map(), h.view().selection.front()));
        audit.inspect("emotion");
    }

    // The side panel's tabs.
    audit.click(tr(L, Text::ShowMoments), "moments tab");
    audit.click("\xe2\x98\x85 A moment without a card", "a moment without a card");
    REQUIRE(findMoment(h.map(), h.view().selection.front()));
    audit.click(tr(L, Text::ShowInspector), "inspector of a moment");
    audit.inspect("moment");
    audit.click(tr(L, Text::ShowPersonas), "personas tab");
    audit.openEveryCombo("personas tab");
    for (const Persona& p : h.map().personas) {
        audit.click(p.name, "persona " + p.name);
        audit.openEveryCombo("persona " + p.name);
    }
    audit.click(tr(L, Text::Workshop), "workshop tab");

    // The menus, their submenu, and the options that show more tabs.
    for (Text menu : {Text::MenuMap, Text::MenuEdit, Text::MenuView, Text::MenuLanguage}) {
        audit.click(tr(L, menu), std::string("menu ") + tr(L, menu));
        if (menu == Text::MenuMap) {
            const app::widgets::Widget* exportMenu = app::widgets::find(tr(L, Text::Export));
            REQUIRE(exportMenu != nullptr);
            h.mouseTo((exportMenu->min.x + exportMenu->max.x) * 0.5f, (exportMenu->min.y + exportMenu->max.y) * 0.5f);
            h.frames(30);
            audit.check("menu Export");
            REQUIRE(app::widgets::find(tr(L, Text::ExportPng)) != nullptr);
        }
        audit.click(tr(L, menu), std::string("menu ") + tr(L, menu) + " closed");
    }
    audit.click(tr(L, Text::MenuView), "menu View");
    audit.click(tr(L, Text::DotVoting), "dot voting on");
    audit.click(tr(L, Text::VoteResults), "votes tab");

    // The context menus of a card, a stage, a lane and an empty cell.
    h.app().setVoting(0);
    h.app().canvas().zoomToFit(h.view());
    h.frames(2);
    const Card& card = h.map().cards.front();
    audit.clickAt(h.cardCentre(card.id), "context menu of a card", 1);
    REQUIRE(app::widgets::find(tr(L, Text::Duplicate)) != nullptr);
    audit.clickAt(ImVec2(4, ImGui::GetIO().DisplaySize.y - 4), "context menu closed");
    audit.clickAt(centreOf(layout.stageHeaders[0], h), "context menu of a stage", 1);
    REQUIRE(app::widgets::find(tr(L, Text::AddStage)) != nullptr);
    audit.clickAt(ImVec2(4, ImGui::GetIO().DisplaySize.y - 4), "context menu closed");
    {
        app::Canvas& canvas = h.app().canvas();
        const app::Box& row = layout.rows[0];
        audit.clickAt(ImVec2(canvas.toScreenX(h.view(), 20.0f), canvas.toScreenY(h.view(), (row.y0 + row.y1) * 0.5f)),
                      "context menu of a lane", 1);
        REQUIRE(app::widgets::find(tr(L, Text::AddLane)) != nullptr);
        audit.clickAt(ImVec2(4, ImGui::GetIO().DisplaySize.y - 4), "context menu closed");
    }
    for (size_t r = 0; r < layout.rows.size(); ++r) {
        if (static_cast<int>(r) == layout.emotionRow || !layout.cell(static_cast<int>(r), 3).empty()) continue;
        audit.clickAt(h.cellPoint(static_cast<int>(r), 3), "context menu of an empty cell", 1);
        REQUIRE(app::widgets::find(tr(L, Text::AddCardHere)) != nullptr);
        audit.clickAt(ImVec2(4, ImGui::GetIO().DisplaySize.y - 4), "context menu closed");
        break;
    }

    // The search bar and the new map dialog.
    h.key(key::F, true);
    audit.check("search bar");
    h.type(U"a");
    audit.check("search bar with a query");
    h.key(key::Escape);
    // The keyboard's list of shortcuts, and the type asked when M marks a moment of truth.
    h.type(U"?");
    h.frames(2);   // a dialog sizes itself in its first frame, unseen
    audit.check("shortcuts list");
    REQUIRE(app::widgets::find("shortcuts-close") != nullptr);
    h.key(key::Escape);
    for (const Card& c : h.map().cards) {
        bool marked = false;
        for (const MomentOfTruth& m : h.map().moments) marked = marked || (m.cardId && *m.cardId == c.id);
        if (marked || h.app().canvas().layout().slotOfCard(cardIndex(h.map(), c.id)) < 0) continue;
        h.view().select(c.id);
        h.frames(2);
        h.type(U"m");
        h.frames(2);
        audit.check("moment type list");
        REQUIRE(app::widgets::find(label(L, MotType::Zero)) != nullptr);
        h.key(key::Escape);
        break;
    }
    audit.click(tr(L, Text::MenuMap), "menu Map");
    audit.click(tr(L, Text::NewMap), "new map dialog");
    REQUIRE(app::widgets::find(tr(L, Text::Create)) != nullptr);
    audit.click(tr(L, Text::Cancel), "new map dialog closed");

    // Presenting, stage by stage.
    audit.click(tr(L, Text::MenuView), "menu View");
    audit.click(tr(L, Text::Present), "presenting");
    h.key(key::Right);
    audit.check("presenting, second stage");
    h.key(key::Escape);

    // After a merge: the Merge tab.
    REQUIRE(h.app().loadMapJson(readFixture("merge/base.json")).ok);
    REQUIRE(h.app().mergeParticipantFiles({{"ana.json", readFixture("merge/ana.json")},
                                           {"ben.json", readFixture("merge/ben.json")},
                                           {"carla.json", readFixture("merge/carla.json")}}).empty());
    h.frames(2);
    audit.check("merge tab");
    REQUIRE(app::widgets::find(tr(L, Text::MergeTab)) != nullptr);
}

}  // namespace

TEST_CASE("no two widgets share an id in any panel, inspector, menu or dialog, in Spanish and English") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        // Tall enough that no inspector is scrolled: a clipped widget is not reported.
        Headless h(lang, 1600, 3000);
        Audit audit(h, lang);
        auditEverything(lang, audit, h);
        CAPTURE(audit.frames(), audit.combos());
        CHECK(audit.combos() >= 20);
        std::string all;
        for (const std::string& p : audit.problems()) all += "\n  " + p;
        INFO("widgets sharing an id:" << all);
        CHECK(audit.problems().empty());
    }
}

// Canvas gestures as a first-time user makes them (issue #14), in Spanish and English: a band
// drawn on empty canvas selects, emotion points are added only on purpose, a right click selects
// what it is on, headers rename in place and reorder by dragging, fit gives readable text, the
// overview map navigates and hides, a persona filter shows on the map.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "headless.hpp"
#include "trayecto/format.hpp"

using trayecto::test::Headless;
using namespace trayecto;
namespace key = trayecto::app::key;
using app::Text;
using app::tr;

namespace {
ImVec2 screen(Headless& h, float wx, float wy) {
    return ImVec2(h.app().canvas().toScreenX(h.view(), wx), h.app().canvas().toScreenY(h.view(), wy));
}
int emotionValence(const Map& map, const Id& persona, const Id& stage) {
    for (const Emotion& e : map.emotions)
        if (e.personaId == persona && e.stageId == stage && !e.cardId) return e.valence;
    return 99;
}
// A point in the emotion lane, in column `c`, away from every point.
ImVec2 emptyEmotionSpot(Headless& h, int column) {
    const auto& layout = h.app().canvas().layout();
    const app::Box& row = layout.rows[static_cast<size_t>(layout.emotionRow)];
    const app::Box& col = layout.columns[static_cast<size_t>(column)];
    return screen(h, col.x0 + 12.0f, row.y0 + 12.0f);
}
const app::Lang kLangs[] = {app::Lang::Es, app::Lang::En};
bool menuOpen() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId); }
}  // namespace

TEST_CASE("a drag on empty canvas selects the cards in its band, and with Shift it adds to the selection") {
    for (app::Lang lang : kLangs) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const auto& layout = h.app().canvas().layout();
        const Id first = h.map().cards[static_cast<size_t>(layout.cards[static_cast<size_t>(layout.cell(0, 3).front())].card)].id;
        const ImVec2 c = h.cardCentre(first);
        h.click(c.x, c.y);
        REQUIRE(h.view().selection == std::vector<Id>{first});
        const std::string before = saveMap(h.map());
        const float panX = h.view().panX, panY = h.view().panY;
        // A band over the cells of the first two stages of the first row, from empty space.
        const app::Box& row = layout.rows[0];
        const ImVec2 a = screen(h, layout.columns[0].x0 + 2, row.y0 + 2), b = screen(h, layout.columns[1].x1 - 2, row.y1 - 2);
        const size_t inBand = layout.cell(0, 0).size() + layout.cell(0, 1).size();
        REQUIRE(inBand >= 2);
        h.drag(a.x, a.y, b.x, b.y);
        CHECK(h.view().selection.size() == inBand);   // the band replaced the selection
        CHECK(!h.view().isSelected(first));
        CHECK(h.view().panX == panX);                 // and did not pan
        CHECK(h.view().panY == panY);
        // Shift adds a band drawn over the emotion lane's empty space: no emotion changes.
        // (a band from the lane up into the row above it, in the fourth stage).
        const int above = layout.emotionRow - 1;
        REQUIRE(above >= 0);
        REQUIRE(!layout.cell(above, 3).empty());
        const ImVec2 e0 = emptyEmotionSpot(h, 3), e1 = screen(h, layout.columns[3].x1 - 2, layout.rows[static_cast<size_t>(above)].y0 + 2);
        h.frames(40);
        h.modifiers(false, true);
        h.drag(e0.x, e0.y, e1.x, e1.y);
        h.modifiers(false, false);
        CHECK(h.view().selection.size() == inBand + layout.cell(above, 3).size());
        CHECK(saveMap(h.map()) == before);
        // A click on empty space clears it.
        h.frames(40);
        h.click(e0.x, e0.y);
        CHECK(h.view().selection.empty());
        CHECK(saveMap(h.map()) == before);
    }
}

TEST_CASE("a single click in the emotion lane adds no point, and a double click or the \"+\" adds one, one undo step each") {
    Headless h(app::Lang::Es);
    const Id persona = h.view().activePersona;
    const Id stage = h.map().stages[2].id;
    // No persona with a point at the third stage.
    std::vector<Id> there;
    for (const Emotion& e : h.map().emotions)
        if (e.stageId == stage) there.push_back(e.id);
    for (const Id& id : there) h.app().document().execute(cmd::removeEmotion(h.map(), id));
    h.frames(2);
    REQUIRE(emotionValence(h.map(), persona, stage) == 99);
    const std::string before = saveMap(h.map());
    const size_t steps = h.app().document().history().undoCount();
    const ImVec2 spot = emptyEmotionSpot(h, 2);
    h.click(spot.x, spot.y);
    CHECK(saveMap(h.map()) == before);
    h.frames(40);
    h.doubleClick(spot.x, spot.y);
    CHECK(emotionValence(h.map(), persona, stage) == kValenceMax);   // the top of the lane
    CHECK(h.app().document().history().undoCount() == steps + 1);
    REQUIRE(h.view().selection.size() == 1);
    CHECK(findEmotion(h.map(), h.view().selection.front()) != nullptr);
    h.key(key::Z, true);
    CHECK(saveMap(h.map()) == before);
    // The "+" at the neutral line adds a point there, and dragging it sets its value.
    const auto& layout = h.app().canvas().layout();
    const app::Box& col = layout.columns[2];
    const app::Box& row = layout.rows[static_cast<size_t>(layout.emotionRow)];
    const ImVec2 plus = screen(h, (col.x0 + col.x1) * 0.5f, (row.y0 + row.y1) * 0.5f);
    h.frames(40);
    h.drag(plus.x, plus.y, plus.x, plus.y + 400.0f);
    CHECK(emotionValence(h.map(), persona, stage) == kValenceMin);
    CHECK(h.app().document().history().undoCount() == steps + 1);
    h.key(key::Z, true);
    CHECK(saveMap(h.map()) == before);
}

// A double click where the active persona already has a feeling at that stage (on the point or
// away from it) selects that point and moves nothing: it is moved by dragging it, on purpose.
TEST_CASE("a double click in the emotion lane at a stage that has a point selects it and leaves its value") {
    for (app::Lang lang : kLangs) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const Id persona = h.view().activePersona;
        const Id stage = h.map().stages[1].id;
        const int valence = emotionValence(h.map(), persona, stage);
        REQUIRE(valence != 99);
        const std::string before = saveMap(h.map());
        const ImVec2 spot = emptyEmotionSpot(h, 1);   // the top of the lane, away from the point
        h.doubleClick(spot.x, spot.y);
        CHECK(saveMap(h.map()) == before);
        REQUIRE(h.view().selection.size() == 1);
        const Emotion* selected = findEmotion(h.map(), h.view().selection.front());
        REQUIRE(selected != nullptr);
        CHECK(selected->personaId == persona);
        CHECK(selected->stageId == stage);
        float ex = 0, ey = 0;   // and on the point itself
        REQUIRE(h.app().canvas().emotionPoint(h.map(), h.view(), persona, 1, ex, ey));
        h.frames(40);
        h.doubleClick(ex, ey);
        CHECK(saveMap(h.map()) == before);
    }
}

TEST_CASE("a right click selects what it is on, also when the map is read-only, and a right drag pans") {
    for (app::Lang lang : kLangs) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        float ex = 0, ey = 0;
        REQUIRE(h.app().canvas().emotionPoint(h.map(), h.view(), h.view().activePersona, 1, ex, ey));
        h.click(ex, ey, 1);
        REQUIRE(h.view().selection.size() == 1);
        const Emotion* emotion = findEmotion(h.map(), h.view().selection.front());
        REQUIRE(emotion != nullptr);
        CHECK(emotion->personaId == h.view().activePersona);
        CHECK(menuOpen());   // its menu (which offers Delete)
        h.key(key::Escape);

        h.app().setReadOnly(true);
        h.frames(40);
        const Card& card = h.map().cards[3];
        const ImVec2 c = h.cardCentre(card.id);
        h.click(c.x, c.y, 1);
        CHECK(h.view().selection == std::vector<Id>{card.id});
        h.frames(40);
        const ImVec2 s = h.stageHeaderPoint(2);
        h.click(s.x, s.y, 1);
        CHECK(h.view().selection == std::vector<Id>{h.map().stages[2].id});
        CHECK(!menuOpen());   // read-only: no menu

        const float panX = h.view().panX;
        h.mouseTo(c.x, c.y);
        h.button(1, true);
        for (int i = 1; i <= 6; ++i) h.mouseTo(c.x - 20.0f * static_cast<float>(i), c.y);
        h.button(1, false);
        h.frames(2);
        CHECK(h.view().panX > panX + 50.0f);
        CHECK(!menuOpen());
    }
}

TEST_CASE("double-clicking a stage or lane header renames it in place, caret at the end, one undo step") {
    for (app::Lang lang : kLangs) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const std::string before = saveMap(h.map());
        const Stage stage = h.map().stages[1];
        const ImVec2 s = h.stageHeaderPoint(1);
        h.doubleClick(s.x, s.y);
        CHECK(h.app().canvas().renaming() == stage.id);
        h.type(U" 2ª");
        // A click in the field stays in it (the map under it does not take the click).
        const app::widgets::Widget* field = app::widgets::find("header-name");
        REQUIRE(field != nullptr);
        h.click(field->max.x - 3.0f, (field->min.y + field->max.y) * 0.5f);
        CHECK(h.app().canvas().renaming() == stage.id);
        h.key(key::Enter);
        CHECK(findStage(h.map(), stage.id)->name == stage.name + " 2ª");
        CHECK(h.app().canvas().renaming().empty());
        CHECK(h.app().document().history().undoCount() == 1);

        const int row = 1;
        const Lane lane = h.map().lanes[static_cast<size_t>(h.app().canvas().layout().rowLane[row])];
        h.frames(40);
        const ImVec2 l = h.laneHeaderPoint(row);
        h.doubleClick(l.x, l.y);
        CHECK(h.app().canvas().renaming() == lane.id);
        h.type(U"ñ");
        h.click(l.x + 500.0f, l.y);   // a click elsewhere ends it
        CHECK(findLane(h.map(), lane.id)->name == lane.name + "ñ");
        CHECK(h.app().document().history().undoCount() == 2);
        h.key(key::Z, true);
        h.key(key::Z, true);
        CHECK(saveMap(h.map()) == before);
    }
}

TEST_CASE("dragging a stage or lane header reorders it in one undo step") {
    for (app::Lang lang : kLangs) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const std::string before = saveMap(h.map());
        const Id stage = h.map().stages[0].id;
        const ImVec2 from = h.stageHeaderPoint(0), to = h.stageHeaderPoint(2);
        h.drag(from.x, from.y, to.x, to.y);
        CHECK(stageIndex(h.map(), stage) == 2);
        CHECK(h.app().document().history().undoCount() == 1);

        const auto& layout = h.app().canvas().layout();
        const Id lane = h.map().lanes[static_cast<size_t>(layout.rowLane[0])].id;
        const int target = layout.rowLane[2];
        h.frames(40);
        const ImVec2 a = h.laneHeaderPoint(0), b = h.laneHeaderPoint(2);
        h.drag(a.x, a.y, b.x, b.y);
        CHECK(laneIndex(h.map(), lane) == target);
        CHECK(h.app().document().history().undoCount() == 2);
        h.key(key::Z, true);
        h.key(key::Z, true);
        CHECK(saveMap(h.map()) == before);
    }
}

TEST_CASE("zoom to fit shows card text at a readable size and fills the width") {
    for (float width : {1280.0f, 1024.0f}) {
        CAPTURE(width);
        Headless h(app::Lang::En, width, width == 1280.0f ? 800.0f : 768.0f);
        h.view().zoom = 0.3f;
        h.app().canvas().zoomToFit(h.view());
        CHECK(h.view().zoom >= app::Canvas::kReadableZoom);
        // The map's left edge is at the canvas' left edge and it reaches past the right one.
        const auto& layout = h.app().canvas().layout();
        CHECK(h.app().canvas().toScreenX(h.view(), 0) < 40.0f);
        CHECK(h.app().canvas().toScreenX(h.view(), layout.width) >= h.app().canvas().width() - 20.0f);
    }
    // A small map fills the width (up to 100 %).
    Headless h(app::Lang::Es);
    h.app().newBlankMap();
    h.frames(3);
    const auto& layout = h.app().canvas().layout();
    const float right = h.app().canvas().toScreenX(h.view(), layout.width);
    CHECK(h.view().zoom <= 1.0f);
    CHECK((h.view().zoom == 1.0f || right > h.app().canvas().width() - 40.0f));
}

TEST_CASE("the overview map: a click moves the view there, it stays inside the map's area, and it hides") {
    for (app::Lang lang : kLangs) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const app::widgets::Widget* overview = app::widgets::find("minimap");
        REQUIRE(overview != nullptr);
        CHECK(overview->max.x <= h.app().canvas().width());   // never under the side panel
        for (const app::CardSlot& slot : h.app().canvas().layout().cards) {   // nor over a card
            const ImVec2 a = screen(h, slot.box.x0, slot.box.y0), b = screen(h, slot.box.x1, slot.box.y1);
            CHECK(!(a.x < overview->max.x && overview->min.x < b.x && a.y < overview->max.y && overview->min.y < b.y));
        }
        const Card& card = h.map().cards[0];
        const ImVec2 c = h.cardCentre(card.id);
        h.click(c.x, c.y);
        REQUIRE(h.view().selection == std::vector<Id>{card.id});
        const float panX = h.view().panX, panY = h.view().panY;
        h.frames(40);
        h.click(overview->max.x - 4.0f, overview->max.y - 4.0f);   // the bottom-right of the map
        CHECK(h.view().panX > panX + 100.0f);
        CHECK(h.view().panY > panY + 50.0f);
        CHECK(h.view().selection == std::vector<Id>{card.id});   // the map under it took no click
        REQUIRE(h.clickWidget("overview-hide"));
        CHECK(!h.view().showMinimap);
        CHECK(app::widgets::find("minimap") == nullptr);
        REQUIRE(h.clickWidget(tr(lang, Text::ShowMinimap)));
        CHECK(h.view().showMinimap);
        CHECK(app::widgets::find("minimap") != nullptr);
    }
}

TEST_CASE("a persona filter shows as a chip on the map that clears it, and its box is labelled") {
    for (app::Lang lang : kLangs) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        REQUIRE(h.clickWidget(tr(lang, Text::ShowPersonas)));
        const Persona persona = h.map().personas[1];
        const app::widgets::Widget* only = nullptr;
        for (const app::widgets::Widget& w : app::widgets::lastFrame())
            if (w.label.rfind(std::string(tr(lang, Text::OnlyThis)) + "##only", 0) == 0 && !only) only = &w;
        REQUIRE(only != nullptr);
        REQUIRE(h.clickWidget(persona.name));   // the persona's row
        h.frames(40);
        // The second persona's box: the second "Only this".
        int seen = 0;
        ImVec2 box(-1, -1);
        for (const app::widgets::Widget& w : app::widgets::lastFrame())
            if (w.label == std::string(tr(lang, Text::OnlyThis)) + "##only" && seen++ == 1)
                box = ImVec2((w.min.x + w.max.x) * 0.5f, (w.min.y + w.max.y) * 0.5f);
        REQUIRE(box.x >= 0);
        h.click(box.x, box.y);
        REQUIRE(h.view().personaFilter == persona.id);
        const app::widgets::Widget* chip = app::widgets::find("filter-clear");
        REQUIRE(chip != nullptr);
        CHECK(chip->label.find(persona.name) != std::string::npos);
        CHECK(chip->label.find(tr(lang, Text::FilterOn)) == 0);
        REQUIRE(h.clickWidget("filter-clear"));
        CHECK(h.view().personaFilter.empty());
        CHECK(app::widgets::find("filter-clear") == nullptr);
    }
}

// The active persona's "+" (a stage where it has no feeling yet) over another persona's point at
// 0: a drag there sets the active persona's feeling, and the other's point stays (a new user
// dragged what they took for their persona's point and moved another persona's curve).
TEST_CASE("dragging the active persona's \"+\" over another persona's point at 0 sets the active persona's feeling") {
    Headless h(app::Lang::Es);
    const Id other = h.map().personas.front().id;
    const Id stage = h.map().stages[1].id;
    REQUIRE_FALSE(h.app().document().execute(cmd::setValence(h.map(), other, stage, 0)));
    Persona lucia;
    lucia.name = "Lucía";
    REQUIRE_FALSE(h.app().document().execute(cmd::addPersona(h.map(), lucia)));
    const Id added = h.map().personas.back().id;
    h.view().activePersona = added;
    h.frames(2);
    REQUIRE(emotionValence(h.map(), added, stage) == 99);
    // The "+" is drawn at the stage's middle, on the 0 line: where the other's point at 0 is.
    const app::Box& col = h.app().canvas().layout().columns[1];
    float ox = 0, oy = 0;
    REQUIRE(h.app().canvas().emotionPoint(h.map(), h.view(), other, 1, ox, oy));
    REQUIRE(std::fabs(ox - screen(h, (col.x0 + col.x1) * 0.5f, 0.0f).x) < 2.0f);
    h.drag(ox, oy, ox, oy + 400.0f);
    CHECK(emotionValence(h.map(), added, stage) == kValenceMin);
    CHECK(emotionValence(h.map(), other, stage) == 0);
    CHECK(h.view().activePersona == added);
}

// The New map dialog (Map → New map…) with real clicks and keys, in Spanish and English: a click
// chooses a template and the dialog stays; a double click, Create or Enter creates it; no key
// reaches the map behind the dialog.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "trayecto/templates.hpp"

using trayecto::test::Headless;
using namespace trayecto;
namespace key = trayecto::app::key;

namespace {
std::vector<TemplateInfo> templatesIn(app::Lang lang) {
    std::vector<TemplateInfo> out;
    for (const TemplateInfo& t : listTemplates())
        if (t.language == app::langTag(lang)) out.push_back(t);
    return out;
}

bool dialogOpen(app::Lang lang) { return app::widgets::find(app::tr(lang, app::Text::Create)) != nullptr; }

void openDialog(Headless& h, app::Lang lang) {
    h.frames(30);   // not a double click with the click before
    REQUIRE(h.clickWidget(app::tr(lang, app::Text::MenuMap)));
    REQUIRE(h.clickWidget(app::tr(lang, app::Text::NewMap)));
    h.frames(2);
    REQUIRE(dialogOpen(lang));
}

// By its id: the map's title in the menu bar may read the same as a template.
const app::widgets::Widget* templateWidget(const TemplateInfo& t) { return app::widgets::find("template-" + t.id); }
}  // namespace

TEST_CASE("new map dialog: a click chooses a template and the dialog stays, and Create makes that one") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang);
        const std::vector<TemplateInfo> templates = templatesIn(lang);
        REQUIRE(templates.size() == 6);
        for (const TemplateInfo& t : templates) {
            CAPTURE(app::langTag(lang), t.id);
            openDialog(h, lang);
            const std::string before = h.map().meta.title;
            const app::widgets::Widget* w = templateWidget(t);
            REQUIRE(w != nullptr);
            CHECK(w->label.substr(0, w->label.find("##")) == t.title);
            REQUIRE(h.clickWidget("template-" + t.id));
            h.frames(2);
            CHECK(dialogOpen(lang));                 // the click chose, it did not close the dialog
            CHECK(h.map().meta.title == before);        // nor create anything yet
            REQUIRE(h.clickWidget(app::tr(lang, app::Text::Create)));
            h.frames(2);
            CHECK_FALSE(dialogOpen(lang));
            CHECK(h.map().meta.title == t.title);
        }
    }
}

TEST_CASE("new map dialog: a double click on a template creates it") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        Headless h(lang);
        for (const TemplateInfo& t : templatesIn(lang)) {
            CAPTURE(app::langTag(lang), t.id);
            openDialog(h, lang);
            const app::widgets::Widget* w = templateWidget(t);
            REQUIRE(w != nullptr);
            REQUIRE(h.map().meta.title != t.title);   // another map is open before
            h.doubleClick((w->min.x + w->max.x) * 0.5f, (w->min.y + w->max.y) * 0.5f);
            h.frames(2);
            CHECK_FALSE(dialogOpen(lang));
            CHECK(h.map().meta.title == t.title);
        }
    }
}

TEST_CASE("new map dialog: arrows choose, Enter creates, Escape closes, and no key reaches the map") {
    for (app::Lang lang : {app::Lang::Es, app::Lang::En}) {
        CAPTURE(app::langTag(lang));
        Headless h(lang);
        const std::vector<TemplateInfo> templates = templatesIn(lang);
        const Card card = h.map().cards.front();
        const ImVec2 c = h.cardCentre(card.id);
        h.click(c.x, c.y);
        REQUIRE(h.view().selection == std::vector<Id>{card.id});
        const size_t cards = h.map().cards.size();

        openDialog(h, lang);
        REQUIRE(h.clickWidget("template-" + templates[1].id));
        h.key(key::Down);     // the next template
        h.key(key::Delete);   // nothing in the map is deleted
        CHECK(h.view().selection == std::vector<Id>{card.id});
        CHECK(h.map().cards.size() == cards);
        CHECK(dialogOpen(lang));
        h.key(key::Enter);
        CHECK(h.view().editingCard.empty());
        CHECK_FALSE(dialogOpen(lang));
        CHECK(h.map().meta.title == templates[2].title);

        // Escape closes the dialog and leaves the map's selection alone.
        const Card other = h.map().cards.front();
        h.frames(30);
        const ImVec2 o = h.cardCentre(other.id);
        h.click(o.x, o.y);
        REQUIRE(h.view().selection == std::vector<Id>{other.id});
        openDialog(h, lang);
        h.key(key::Up);
        h.key(key::Escape);
        CHECK_FALSE(dialogOpen(lang));
        CHECK(h.view().selection == std::vector<Id>{other.id});
        CHECK(h.map().meta.title == templates[2].title);
    }
}

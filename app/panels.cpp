// The side panel: inspector of the selection, personas, moments of truth.
#include <algorithm>

#include "app.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // NavInitWindow: the keyboard on the panel's first item
#include "inspector.hpp"
#include "theme.hpp"
#include "trayecto/analysis.hpp"

namespace trayecto::app {

namespace {

void personaFields(Fields& f, const Map& map, const Persona persona) {
    const Lang L = f.lang();
    auto edit = [&](auto change) {
        return [&, change](auto v) { Persona p = persona; change(p, v); return cmd::replace(map, p, "Edit persona"); };
    };
    f.text(tr(L, Text::Name, "persona-name").c_str(), persona.name, edit([](Persona& p, std::string v) { p.name = std::move(v); }));
    f.color(tr(L, Text::Colour, "persona-colour").c_str(), persona.color, edit([](Persona& p, Rgb v) { p.color = v; }));
    f.text(tr(L, Text::Icon, "persona-icon").c_str(), persona.icon, edit([](Persona& p, std::string v) { p.icon = std::move(v); }));
    f.choice<ValueTier>(tr(L, Text::ValueTierLabel, "persona-value-tier").c_str(), persona.valueTier, edit([](Persona& p, ValueTier v) { p.valueTier = v; }));
    f.text(tr(L, Text::Description, "persona-description").c_str(), persona.description, edit([](Persona& p, std::string v) { p.description = std::move(v); }), true);
    f.text(tr(L, Text::Goals, "persona-goals").c_str(), persona.goals, edit([](Persona& p, std::string v) { p.goals = std::move(v); }), true);
    f.text(tr(L, Text::Needs, "persona-needs").c_str(), persona.needs, edit([](Persona& p, std::string v) { p.needs = std::move(v); }), true);
    f.text(tr(L, Text::Expectations, "persona-expectations").c_str(), persona.expectations, edit([](Persona& p, std::string v) { p.expectations = std::move(v); }), true);
    f.text(tr(L, Text::Frustrations, "persona-frustrations").c_str(), persona.frustrations, edit([](Persona& p, std::string v) { p.frustrations = std::move(v); }), true);
    f.text(tr(L, Text::Quote, "persona-quote").c_str(), persona.quote, edit([](Persona& p, std::string v) { p.quote = std::move(v); }), true);
}

// A tab's label: its text, and an id that stays when the language changes.
std::string tab(Lang lang, Text text, const char* id) { return std::string(tr(lang, text)) + "###" + id; }

const Rgb kPersonaPalette[] = {0x2f7ea8, 0xe08a2c, 0x8a6bb8, 0x3a9b6a, 0xc44d58, 0x6b7f99};

void personasTab(Document& doc, ViewState& view, bool readOnly) {
    const Map& map = doc.map();
    const Lang L = view.lang;
    Fields fields(doc, L);
    if (ImGui::RadioButton(tr(L, Text::AllPersonas, "all-personas").c_str(), view.personaFilter.empty())) view.personaFilter.clear();
    for (const Persona& p : map.personas) {
        ImGui::PushID(p.id.c_str());
        const float h = ImGui::GetFrameHeight();
        ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(theme::fromRgb(p.color)), ImGuiColorEditFlags_NoTooltip, ImVec2(h, h));
        ImGui::SameLine();
        // The filter's box says what it does: "Only this" (the map then shows a chip to clear it).
        const std::string onlyLabel = tr(L, Text::OnlyThis, "only");
        const float onlyWidth = h + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(L, Text::OnlyThis)).x;
        if (ImGui::Selectable((p.name + "##persona-" + p.id).c_str(), view.activePersona == p.id, 0,
                              ImVec2(std::max(h, ImGui::GetContentRegionAvail().x - onlyWidth - ImGui::GetStyle().ItemSpacing.x), 0)))
            view.activePersona = p.id;
        ImGui::SameLine();
        bool only = view.personaFilter == p.id;
        if (ImGui::Checkbox(onlyLabel.c_str(), &only)) view.personaFilter = only ? p.id : Id();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, Text::ShowOnly));
        ImGui::PopID();
    }
    ImGui::BeginDisabled(readOnly);
    if (ImGui::Button(tr(L, Text::AddPersona, "persona-add").c_str())) {
        Persona p;
        p.id = newId(map, "ps");
        p.name = tr(L, Text::NewPersona);
        p.color = kPersonaPalette[map.personas.size() % (sizeof(kPersonaPalette) / sizeof(kPersonaPalette[0]))];
        const Id id = p.id;
        if (!doc.execute(cmd::addPersona(map, p))) view.activePersona = id;
    }
    const Persona* active = findPersona(doc.map(), view.activePersona);
    if (!active) { ImGui::EndDisabled(); return; }
    sectionTitle((std::string(tr(L, Text::Persona)) + ": " + active->name).c_str());
    ImGui::PushID(active->id.c_str());
    personaFields(fields, doc.map(), *active);
    if (ImGui::Button(tr(L, Text::Delete, "persona-delete").c_str())) {
        const Id id = active->id;
        if (!doc.execute(cmd::removePersona(doc.map(), id))) {
            if (view.personaFilter == id) view.personaFilter.clear();
            view.activePersona = doc.map().personas.empty() ? Id() : doc.map().personas.front().id;
        }
    }
    ImGui::PopID();
    ImGui::EndDisabled();
}

void momentsTab(Document& doc, ViewState& view, Canvas& canvas) {
    const Map& map = doc.map();
    const Lang L = view.lang;
    if (map.moments.empty()) ImGui::TextWrapped("%s", tr(L, Text::NoMoments));
    for (const MomentOfTruth& m : map.moments) {
        ImGui::PushID(m.id.c_str());
        const Stage* stage = findStage(map, m.stageId);
        const std::string title = "\xe2\x98\x85 " + m.name;   // ★
        if (ImGui::Selectable(title.c_str(), view.isSelected(m.cardId ? *m.cardId : m.id))) {
            view.select(m.cardId ? *m.cardId : m.id);
            const MapLayout& layout = canvas.layout();
            const int slot = m.cardId ? layout.slotOfCard(cardIndex(map, *m.cardId)) : -1;
            const int column = stageIndex(map, m.stageId);
            if (slot >= 0) canvas.centerOn(view, layout.cards[static_cast<size_t>(slot)].box);
            else if (column >= 0) canvas.centerOn(view, layout.stageHeaders[static_cast<size_t>(column)]);
        }
        ImGui::TextDisabled("   %s · %s · %s", stage ? stage->name.c_str() : "?", momentTypeName(L, m).c_str(), label(L, m.state));
        ImGui::PopID();
    }
}

// Dot-voting results: pain points and opportunities ranked by votes.
void voteResults(const Map& map, ViewState& view, Canvas& canvas) {
    const Lang L = view.lang;
    for (CardKind kind : {CardKind::PainPoint, CardKind::Opportunity}) {
        sectionTitle(label(L, kind));
        int rank = 0;
        for (const RankedImprovement& r : rankImprovements(map, kind, Ranking::ByVotes)) {
            ImGui::PushID(r.cardId.c_str());
            const std::string line = std::to_string(++rank) + ". " + r.text;
            if (ImGui::Selectable(line.c_str(), view.isSelected(r.cardId))) {
                view.select(r.cardId);
                const int slot = canvas.layout().slotOfCard(cardIndex(map, r.cardId));
                if (slot >= 0) canvas.centerOn(view, canvas.layout().cards[static_cast<size_t>(slot)].box);
            }
            ImGui::TextDisabled("    %d \xe2\x96\xb2 · %s", r.votes, r.stageName.c_str());
            ImGui::PopID();
        }
    }
}

}  // namespace

// The side panel's tabs in a row that wraps onto a second line when the labels do not fit: every
// label whole in both languages, at any panel width. The tabs stay at the top; only the chosen
// tab's content below them scrolls.
bool App::sideTab(SideTab tab, const std::string& label, bool first) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* hashes = label.c_str() + label.find("##");
    const float width = ImGui::CalcTextSize(label.c_str(), hashes).x + style.FramePadding.x * 2.0f;
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (!first) {
        ImGui::SameLine(0.0f, 2.0f * fonts_.pixelRatio);
        if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
    }
    const bool chosen = sideTab_ == tab;
    ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[chosen ? ImGuiCol_TabActive : ImGuiCol_Tab]);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.Colors[ImGuiCol_TabHovered]);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, style.Colors[ImGuiCol_TabActive]);
    const bool clicked = ImGui::Button(label.c_str(), ImVec2(width, 0));
    widgets::describeLastItem(widgets::FieldRole::Tab, chosen ? "chosen" : "");
    ImGui::PopStyleColor(3);
    if (clicked) sideTab_ = tab;
    return clicked;
}

void App::sidePanel(float) {
    // Appearing, it leaves the keyboard to the map; a click in it takes the keys.
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (sideFocusPending_) {   // F6 or Tab from the map: the keyboard here, on the first item
        ImGui::SetWindowFocus();
        ImGui::NavInitWindow(ImGui::GetCurrentWindow(), true);
        showKeyboardFocus();
        sideFocusPending_ = false;
    }
    const Lang L = view_.lang;
    const Workshop& workshop = document_.map().workshop;
    const bool voting = workshop.voting;
    const bool merged = !workshop.merge.empty() && !mergeTabClosed_;
    // The tab a change brings forward: the inspector for a new selection (not over the votes
    // while voting: a vote selects its card), the votes when voting starts, the merge report after
    // a merge; a tab that went away leaves the inspector.
    if (!view_.selection.empty() && inspectorWanted_ && !(voting && sideTab_ == SideTab::Votes)) sideTab_ = SideTab::Inspector;
    inspectorWanted_ = false;
    if (voting && !voteTabShown_) sideTab_ = SideTab::Votes;
    voteTabShown_ = voting;
    if (merged && mergeTabWanted_) sideTab_ = SideTab::Merge;
    mergeTabWanted_ = false;
    if ((sideTab_ == SideTab::Votes && !voting) || (sideTab_ == SideTab::Merge && !merged)) sideTab_ = SideTab::Inspector;

    sideTab(SideTab::Inspector, tab(L, Text::ShowInspector, "inspector"), true);
    sideTab(SideTab::Personas, tab(L, Text::ShowPersonas, "personas"), false);
    if (voting) sideTab(SideTab::Votes, tab(L, Text::VoteResults, "votes"), false);
    if (merged) sideTab(SideTab::Merge, tab(L, Text::MergeTab, "merge"), false);
    sideTab(SideTab::Workshop, tab(L, Text::Workshop, "workshop"), false);
    sideTab(SideTab::Moments, tab(L, Text::ShowMoments, "moments"), false);
    ImGui::Separator();

    // Flattened: the arrows go from the tabs into the fields and on, as one list (else the
    // content is one item the keyboard must enter with Enter, and a screen reader hears nothing).
    ImGui::BeginChild("##side-content", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    ImGui::PushItemWidth(-FLT_MIN);   // fields take the whole width; their labels are above them
    ImGui::PushTextWrapPos(0.0f);     // and no text runs past the panel's edge
    const bool readOnly = document_.readOnly();   // read-only: every field is shown, none can be changed
    switch (sideTab_) {
        case SideTab::Inspector:
            ImGui::BeginDisabled(readOnly);
            inspector(document_, view_);
            ImGui::EndDisabled();
            break;
        case SideTab::Personas: personasTab(document_, view_, readOnly); break;
        case SideTab::Votes: voteResults(document_.map(), view_, canvas_); break;
        case SideTab::Merge: mergeTab(); break;
        case SideTab::Workshop: agendaTab(); break;
        case SideTab::Moments: momentsTab(document_, view_, canvas_); break;
    }
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace trayecto::app

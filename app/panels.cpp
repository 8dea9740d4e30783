// The side panel: inspector of the selection, personas, moments of truth.
#include <algorithm>

#include "app.hpp"
#include "fields.hpp"
#include "imgui.h"
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

// A tab's label: its text, and an id that stays when the language changes (the tab stays chosen).
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

void App::sidePanel(float) {
    // Appearing, it leaves the keyboard to the map; a click in it takes the keys.
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
    const Lang L = view_.lang;
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);   // room for the labels
    if (ImGui::BeginTabBar("##tabs")) {
        const bool focusInspector = !view_.selection.empty() && inspectorWanted_;
        // Read-only: every field is shown, none can be changed.
        const bool readOnly = document_.readOnly();
        if (ImGui::BeginTabItem(tab(L, Text::ShowInspector, "inspector").c_str(), nullptr, focusInspector ? ImGuiTabItemFlags_SetSelected : 0)) {
            ImGui::BeginDisabled(readOnly);
            inspector(document_, view_);
            ImGui::EndDisabled();
            ImGui::EndTabItem();
        }
        inspectorWanted_ = false;
        if (ImGui::BeginTabItem(tab(L, Text::ShowPersonas, "personas").c_str())) {
            personasTab(document_, view_, readOnly);
            ImGui::EndTabItem();
        }
        const Workshop& workshop = document_.map().workshop;
        const bool voting = workshop.voting;
        if (voting && ImGui::BeginTabItem(tab(L, Text::VoteResults, "votes").c_str(), nullptr,
                                          voteTabWanted_ ? ImGuiTabItemFlags_SetSelected : 0)) {
            voteResults(document_.map(), view_, canvas_);
            ImGui::EndTabItem();
        }
        voteTabWanted_ = voting && !voteTabShown_;
        voteTabShown_ = voting;
        if (!workshop.merge.empty() && !mergeTabClosed_ &&
            ImGui::BeginTabItem(tab(L, Text::MergeTab, "merge").c_str(), nullptr,
                                mergeTabWanted_ ? ImGuiTabItemFlags_SetSelected : 0)) {
            mergeTab();
            ImGui::EndTabItem();
        }
        mergeTabWanted_ = false;
        if (ImGui::BeginTabItem(tab(L, Text::Workshop, "workshop").c_str())) {
            agendaTab();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tab(L, Text::ShowMoments, "moments").c_str())) {
            momentsTab(document_, view_, canvas_);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::PopItemWidth();
    ImGui::End();
}

}  // namespace trayecto::app

// The inspector: every field of the selected item, each edit a command.
#include "inspector.hpp"

#include <algorithm>

#include "fields.hpp"
#include "imgui.h"

namespace trayecto::app {

namespace {

Command replaceCard(const Map& map, const Card& card, const char* name) { return cmd::replace(map, card, name); }

void momentFields(Fields& f, const Map& map, const MomentOfTruth& mot) {
    const Lang L = f.lang();
    f.text(tr(L, Text::Name, "mot-name").c_str(), mot.name, [&](std::string v) { MomentOfTruth m = mot; m.name = std::move(v); return cmd::replace(map, m, "Edit moment of truth"); });
    f.choice<MotType>(tr(L, Text::MotType, "mot-type").c_str(), mot.type, [&](MotType v) { MomentOfTruth m = mot; m.type = v; return cmd::replace(map, m, "Edit moment of truth"); });
    if (mot.type == MotType::Custom)
        f.text(tr(L, Text::CustomType, "mot-custom-type").c_str(), mot.customType, [&](std::string v) { MomentOfTruth m = mot; m.customType = std::move(v); return cmd::replace(map, m, "Edit moment of truth"); });
    f.choice<MotState>(tr(L, Text::MotState, "mot-state").c_str(), mot.state, [&](MotState v) { MomentOfTruth m = mot; m.state = v; return cmd::replace(map, m, "Edit moment of truth"); });
    f.text(tr(L, Text::WhyItMatters, "mot-reason").c_str(), mot.reason, [&](std::string v) { MomentOfTruth m = mot; m.reason = std::move(v); return cmd::replace(map, m, "Edit moment of truth"); }, true);
}

void touchpointFields(Fields& f, const Map& map, const Card& card) {
    const Lang L = f.lang();
    const TouchpointInfo& tp = *card.touchpoint;
    auto edit = [&](auto change) {
        return [&, change](auto v) { Card c = card; change(*c.touchpoint, v); return replaceCard(map, c, "Edit touchpoint"); };
    };
    f.choice<Channel>(tr(L, Text::Channel, "tp-channel").c_str(), tp.channel, edit([](TouchpointInfo& t, Channel v) { t.channel = v; }));
    f.choice<TouchpointKind>(tr(L, Text::TouchpointKindLabel, "tp-kind").c_str(), tp.kind, edit([](TouchpointInfo& t, TouchpointKind v) { t.kind = v; }));
    f.choice<TouchpointOwner>(tr(L, Text::Owner, "tp-owner").c_str(), tp.owner, edit([](TouchpointInfo& t, TouchpointOwner v) { t.owner = v; }));
    f.checkbox(tr(L, Text::Controlled, "tp-controlled").c_str(), tp.controlled, edit([](TouchpointInfo& t, bool v) { t.controlled = v; }));
    ImGui::TextUnformatted(tr(L, Text::Dimensions));
    for (int bit = 0; bit < 5; ++bit) {
        const std::uint8_t flag = static_cast<std::uint8_t>(1u << bit);
        f.checkbox((std::string(dimensionLabel(L, bit)) + "##dimension-" + std::to_string(bit)).c_str(), (tp.dimensions & flag) != 0, [&, flag](bool on) {
            Card c = card;
            c.touchpoint->dimensions = static_cast<std::uint8_t>(on ? (tp.dimensions | flag) : (tp.dimensions & ~flag));
            return replaceCard(map, c, "Edit touchpoint");
        });
        if (bit % 2 == 0 && bit < 4) ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f);
    }
    f.optionalScore(tr(L, Text::Expectation, "tp-expectation").c_str(), tp.expectation, edit([](TouchpointInfo& t, std::optional<int> v) { t.expectation = v; }));
    f.optionalScore(tr(L, Text::Experience, "tp-experience").c_str(), tp.experience, edit([](TouchpointInfo& t, std::optional<int> v) { t.experience = v; }));
    if (tp.expectation && tp.experience)
        ImGui::TextDisabled("%s: %+d", tr(L, Text::Gap), *tp.experience - *tp.expectation);

    sectionTitle(tr(L, Text::Metrics));
    for (size_t i = 0; i < tp.metrics.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const Metric& metric = tp.metrics[i];
        auto editMetric = [&, i](auto change) {
            return [&, i, change](auto v) { Card c = card; change(c.touchpoint->metrics[i], v); return replaceCard(map, c, "Edit metric"); };
        };
        f.choice<MetricType>(tr(L, Text::MetricTypeLabel, "metric-type").c_str(), metric.type, editMetric([](Metric& m, MetricType v) { m.type = v; }));
        if (metric.type == MetricType::Custom)
            f.text(tr(L, Text::Name, "metric-name").c_str(), metric.name, editMetric([](Metric& m, std::string v) { m.name = std::move(v); }));
        f.number(tr(L, Text::Value, "metric-value").c_str(), metric.value, editMetric([](Metric& m, std::optional<double> v) { m.value = v; }));
        f.number(tr(L, Text::Target, "metric-target").c_str(), metric.target, editMetric([](Metric& m, std::optional<double> v) { m.target = v; }));
        if (ImGui::SmallButton(tr(L, Text::RemoveMetric, "metric-remove").c_str())) {
            Card c = card;
            c.touchpoint->metrics.erase(c.touchpoint->metrics.begin() + static_cast<long>(i));
            f.run(replaceCard(map, c, "Remove metric"));
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    if (ImGui::SmallButton(tr(L, Text::AddMetric, "metric-add").c_str())) {
        Card c = card;
        c.touchpoint->metrics.emplace_back();
        f.run(replaceCard(map, c, "Add metric"));
    }
}

void improvementFields(Fields& f, const Map& map, const Card& card) {
    const Lang L = f.lang();
    const ImprovementInfo& im = *card.improvement;
    auto edit = [&](auto change) {
        return [&, change](auto v) { Card c = card; change(*c.improvement, v); return replaceCard(map, c, "Edit card"); };
    };
    f.integer(tr(L, Text::Severity, "severity").c_str(), im.severity, 1, 5, edit([](ImprovementInfo& i, int v) { i.severity = v; }));
    f.integer(tr(L, Text::Impact, "impact").c_str(), im.impact, 1, 5, edit([](ImprovementInfo& i, int v) { i.impact = v; }));
    f.integer(tr(L, Text::Effort, "effort").c_str(), im.effort, 1, 5, edit([](ImprovementInfo& i, int v) { i.effort = v; }));
    f.text(tr(L, Text::Owner, "improvement-owner").c_str(), im.owner, edit([](ImprovementInfo& i, std::string v) { i.owner = std::move(v); }));
    f.choice<ImprovementStatus>(tr(L, Text::Status, "improvement-status").c_str(), im.status, edit([](ImprovementInfo& i, ImprovementStatus v) { i.status = v; }));
}

void backstageFields(Fields& f, const Map& map, const Card& card) {
    const Lang L = f.lang();
    const BackstageInfo& b = *card.backstage;
    f.text(tr(L, Text::Owner, "backstage-owner").c_str(), b.owner, [&](std::string v) { Card c = card; c.backstage->owner = std::move(v); return replaceCard(map, c, "Edit card"); });
    f.text(tr(L, Text::Systems, "backstage-systems").c_str(), b.systems, [&](std::string v) { Card c = card; c.backstage->systems = std::move(v); return replaceCard(map, c, "Edit card"); });
}

void cardInspector(Fields& f, Document& doc, ViewState& view, const Card card) {
    const Map& map = doc.map();
    const Lang L = f.lang();
    sectionTitle(label(L, card.kind));
    f.text(tr(L, Text::Text, "card-text").c_str(), card.text, [&](std::string v) { Card c = card; c.text = std::move(v); return replaceCard(map, c, "Edit card text"); }, true);
    f.text(tr(L, Text::Notes, "card-notes").c_str(), card.notes, [&](std::string v) { Card c = card; c.notes = std::move(v); return replaceCard(map, c, "Edit notes"); }, true);
    f.choice<CardKind>(tr(L, Text::Kind, "card-kind").c_str(), card.kind, [&](CardKind v) { Card c = card; c.kind = v; conformDetailsToKind(c); return replaceCard(map, c, "Change card kind"); });
    f.integer(tr(L, Text::Votes, "card-votes").c_str(), card.votes, 0, 50, [&](int v) { Card c = card; c.votes = v; return replaceCard(map, c, "Vote"); });
    f.checkbox(tr(L, Text::CustomColour, "card-own-colour").c_str(), card.color.has_value(), [&](bool on) {
        Card c = card;
        c.color = on ? std::optional<Rgb>(0xffe08a) : std::nullopt;
        return replaceCard(map, c, "Change colour");
    });
    if (card.color) {
        ImGui::SameLine();
        f.color("##card-colour", *card.color, [&](Rgb v) { Card c = card; c.color = v; return replaceCard(map, c, "Change colour"); });
    }

    if (!map.personas.empty()) {
        sectionTitle(tr(L, Text::AppliesTo));
        ImGui::TextDisabled("%s", card.personaIds.empty() ? tr(L, Text::AllPersonas) : "");
        for (const Persona& p : map.personas) {
            const bool on = std::find(card.personaIds.begin(), card.personaIds.end(), p.id) != card.personaIds.end();
            ImGui::PushID(p.id.c_str());
            f.checkbox(p.name.c_str(), on, [&](bool v) {
                Card c = card;
                if (v) c.personaIds.push_back(p.id);
                else c.personaIds.erase(std::remove(c.personaIds.begin(), c.personaIds.end(), p.id), c.personaIds.end());
                return replaceCard(map, c, "Change personas");
            });
            ImGui::PopID();
        }
    }

    if (card.touchpoint) { sectionTitle(tr(L, Text::TouchpointDetails)); touchpointFields(f, map, card); }
    if (card.improvement) { sectionTitle(tr(L, Text::Priority)); improvementFields(f, map, card); }
    if (card.backstage) { sectionTitle(tr(L, Text::BackstageDetails)); backstageFields(f, map, card); }

    sectionTitle(tr(L, Text::MomentOfTruth));
    const MomentOfTruth* mot = momentOfCard(map, card.id);
    f.checkbox(tr(L, Text::IsMomentOfTruth, "is-moment").c_str(), mot != nullptr,
               [&](bool) { return cmd::toggleMoment(map, card.id); });
    if (mot) {
        const MomentOfTruth copy = *mot;
        momentFields(f, map, copy);
    }

    ImGui::Separator();
    if (ImGui::Button(tr(L, Text::Duplicate, "card-duplicate").c_str())) {
        std::vector<Id> created;
        if (!doc.execute(cmd::duplicateCards(map, {card.id}, &created))) view.selection = created;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::Delete, "card-delete").c_str())) {
        if (!doc.execute(cmd::removeCards(map, {card.id}))) view.selection.clear();
    }
}

void stageInspector(Fields& f, Document& doc, ViewState& view, const Stage stage) {
    const Map& map = doc.map();
    const Lang L = f.lang();
    sectionTitle(tr(L, Text::Stage));
    f.text(tr(L, Text::Name, "stage-name").c_str(), stage.name, [&](std::string v) { Stage s = stage; s.name = std::move(v); return cmd::replace(map, s, "Rename stage"); });
    f.choice<Phase>(tr(L, Text::Phase, "stage-phase").c_str(), stage.phase, [&](Phase v) { Stage s = stage; s.phase = v; return cmd::replace(map, s, "Change phase"); });
    f.text(tr(L, Text::Description, "stage-description").c_str(), stage.description, [&](std::string v) { Stage s = stage; s.description = std::move(v); return cmd::replace(map, s, "Edit stage"); }, true);
    const int index = stageIndex(map, stage.id);
    if (ImGui::Button(tr(L, Text::MoveLeft, "stage-left").c_str()) && index > 0) f.run(cmd::reorder(map, Collection::Stages, stage.id, index - 1));
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::MoveRight, "stage-right").c_str()) && index + 1 < static_cast<int>(map.stages.size()))
        f.run(cmd::reorder(map, Collection::Stages, stage.id, index + 1));
    if (ImGui::Button(tr(L, Text::AddStage, "stage-add").c_str())) {
        Stage s;
        s.id = newId(map, "st");
        s.name = tr(L, Text::NewStage);
        s.phase = stage.phase;
        const Id id = s.id;
        if (!doc.execute(cmd::addStage(map, s, index + 1))) view.select(id);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::Delete, "stage-delete").c_str())) {
        if (!doc.execute(cmd::removeStage(map, stage.id))) view.selection.clear();
    }
}

void laneInspector(Fields& f, Document& doc, ViewState& view, const Lane lane) {
    const Map& map = doc.map();
    const Lang L = f.lang();
    sectionTitle(tr(L, Text::Lane));
    f.text(tr(L, Text::Name, "lane-name").c_str(), lane.name, [&](std::string v) { Lane l = lane; l.name = std::move(v); return cmd::replace(map, l, "Rename lane"); });
    f.choice<LaneType>(tr(L, Text::Kind, "lane-kind").c_str(), lane.type, [&](LaneType v) { Lane l = lane; l.type = v; return cmd::replace(map, l, "Change lane type"); });
    f.checkbox(tr(L, Text::Hidden, "lane-hidden").c_str(), lane.hidden, [&](bool v) { Lane l = lane; l.hidden = v; return cmd::replace(map, l, v ? "Hide lane" : "Show lane"); });
    const int index = laneIndex(map, lane.id);
    if (ImGui::Button(tr(L, Text::MoveUp, "lane-up").c_str()) && index > 0) f.run(cmd::reorder(map, Collection::Lanes, lane.id, index - 1));
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::MoveDown, "lane-down").c_str()) && index + 1 < static_cast<int>(map.lanes.size()))
        f.run(cmd::reorder(map, Collection::Lanes, lane.id, index + 1));
    if (ImGui::Button(tr(L, Text::AddLane, "lane-add").c_str())) {
        Lane l;
        l.id = newId(map, "ln");
        l.name = tr(L, Text::NewLane);
        l.type = LaneType::Custom;
        const Id id = l.id;
        if (!doc.execute(cmd::addLane(map, l, index + 1))) view.select(id);
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(L, Text::Delete, "lane-delete").c_str())) {
        if (!doc.execute(cmd::removeLane(map, lane.id))) view.selection.clear();
    }
}

void emotionInspector(Fields& f, Document& doc, ViewState& view, const Emotion emotion) {
    const Map& map = doc.map();
    const Lang L = f.lang();
    const Persona* persona = findPersona(map, emotion.personaId);
    const Stage* stage = findStage(map, emotion.stageId);
    sectionTitle(tr(L, Text::Emotion));
    ImGui::Text("%s · %s", persona ? persona->name.c_str() : "?", stage ? stage->name.c_str() : "?");
    f.integer(tr(L, Text::Valence, "emotion-valence").c_str(), emotion.valence, kValenceMin, kValenceMax, [&](int v) { Emotion e = emotion; e.valence = v; return cmd::replace(map, e, "Change emotion"); });
    f.text(tr(L, Text::Feeling, "emotion-feeling").c_str(), emotion.feeling, [&](std::string v) { Emotion e = emotion; e.feeling = std::move(v); return cmd::replace(map, e, "Name feeling"); });
    f.text(tr(L, Text::Note, "emotion-note").c_str(), emotion.note, [&](std::string v) { Emotion e = emotion; e.note = std::move(v); return cmd::replace(map, e, "Edit emotion note"); }, true);
    if (ImGui::Button(tr(L, Text::Delete, "emotion-delete").c_str())) {
        if (!doc.execute(cmd::removeEmotion(map, emotion.id))) view.selection.clear();
    }
}

}  // namespace

// The map's own title, description and scope (when nothing is selected).
static void mapFields(Fields& f, const Map& map) {
    const Lang L = f.lang();
    sectionTitle(tr(L, Text::ThisMap));
    auto meta = [&map](void (*change)(MapMeta&, std::string)) {
        return [&map, change](std::string v) { MapMeta m = map.meta; change(m, std::move(v)); return cmd::setMeta(map, m); };
    };
    const std::string title = std::string(tr(L, Text::MapTitle)) + "##map-title";
    const std::string description = std::string(tr(L, Text::Description)) + "##map-description";
    const std::string scope = std::string(tr(L, Text::Scope)) + "##map-scope";
    f.text(title.c_str(), map.meta.title, meta([](MapMeta& m, std::string v) { m.title = std::move(v); }));
    f.text(description.c_str(), map.meta.description, meta([](MapMeta& m, std::string v) { m.description = std::move(v); }), true);
    f.text(scope.c_str(), map.meta.scope, meta([](MapMeta& m, std::string v) { m.scope = std::move(v); }), true);
}

void inspector(Document& doc, ViewState& view) {
    const Map& map = doc.map();
    const Lang L = view.lang;
    Fields fields(doc, L);
    // Drop selected ids that no longer exist (after undo, delete, open).
    view.selection.erase(std::remove_if(view.selection.begin(), view.selection.end(), [&](const Id& id) {
        return !findCard(map, id) && !findStage(map, id) && !findLane(map, id) && !findEmotion(map, id) &&
               !findMoment(map, id) && !findPersona(map, id);
    }), view.selection.end());
    if (view.selection.empty()) {
        ImGui::TextWrapped("%s", tr(L, Text::NothingSelected));
        mapFields(fields, map);
        return;
    }
    if (view.selection.size() > 1) {
        ImGui::Text("%d %s", static_cast<int>(view.selection.size()), tr(L, Text::CardsSelected));
        std::vector<Id> cards;
        for (const Card& c : map.cards) if (view.isSelected(c.id)) cards.push_back(c.id);
        if (ImGui::Button(tr(L, Text::Duplicate, "cards-duplicate").c_str())) {
            std::vector<Id> created;
            if (!doc.execute(cmd::duplicateCards(map, cards, &created))) view.selection = created;
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(L, Text::Delete, "cards-delete").c_str())) {
            if (!doc.execute(cmd::removeCards(map, cards))) view.selection.clear();
        }
        return;
    }
    const Id id = view.selection.front();
    ImGui::PushID(id.c_str());
    if (const Card* c = findCard(map, id)) cardInspector(fields, doc, view, *c);
    else if (const Stage* s = findStage(map, id)) stageInspector(fields, doc, view, *s);
    else if (const Lane* l = findLane(map, id)) laneInspector(fields, doc, view, *l);
    else if (const Emotion* e = findEmotion(map, id)) emotionInspector(fields, doc, view, *e);
    else if (const MomentOfTruth* m = findMoment(map, id)) { const MomentOfTruth copy = *m; momentFields(fields, map, copy); }
    ImGui::PopID();
}

}  // namespace trayecto::app

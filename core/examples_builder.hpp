// Private to the example maps (core/examples*.cpp): text in two languages and the helpers
// that add cards, emotions and moments with fixed ids.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "trayecto/model.hpp"

namespace trayecto::examples {

struct Text {
    const char* es = "";
    const char* en = "";
};

// ---- [SECTION] ExampleBuilder

inline Metric metric(MetricType type, double value, double target, const char* unit = "") {
    Metric m;
    m.type = type;
    m.value = value;
    m.target = target;
    m.unit = unit;
    return m;
}

class ExampleBuilder {
public:
    explicit ExampleBuilder(bool es) : es_(es) {}
    std::string t(const Text& text) const { return es_ ? text.es : text.en; }

    Metric custom(const Text& name, double value, double target, const Text& unit = {}) const {
        Metric m = metric(MetricType::Custom, value, target);
        m.name = t(name);
        m.unit = t(unit);
        return m;
    }

    Card& note(const char* id, const char* stage, const char* lane, const Text& text) {
        Card c;
        c.id = id;
        c.stageId = stage;
        c.laneId = lane;
        c.kind = CardKind::Note;
        c.text = t(text);
        map.cards.push_back(std::move(c));
        return map.cards.back();
    }

    Card& touchpoint(const char* id, const char* stage, const Text& text, Channel channel,
                     TouchpointKind kind, TouchpointOwner owner, std::uint8_t dimensions,
                     int expectation, int experience, std::vector<Metric> metrics = {}) {
        Card& c = note(id, stage, "ln-touchpoints", text);
        c.kind = CardKind::Touchpoint;
        TouchpointInfo info;
        info.channel = channel;
        info.kind = kind;
        info.owner = owner;
        info.controlled = owner == TouchpointOwner::Brand;
        info.dimensions = dimensions;
        info.expectation = expectation;
        info.experience = experience;
        info.metrics = std::move(metrics);
        c.touchpoint = std::move(info);
        return c;
    }

    Card& improvement(const char* id, const char* stage, CardKind kind, const Text& text,
                      int severity, int impact, int effort, int votes, const Text& owner,
                      ImprovementStatus status = ImprovementStatus::Open) {
        const bool pain = kind == CardKind::PainPoint;
        Card& c = note(id, stage, pain ? "ln-pain-points" : "ln-opportunities", text);
        c.kind = kind;
        c.votes = votes;
        c.improvement = ImprovementInfo{severity, impact, effort, t(owner), status, {}};
        return c;
    }

    Card& backstage(const char* id, const char* stage, const Text& text, const Text& owner,
                    const Text& systems) {
        Card& c = note(id, stage, "ln-backstage", text);
        c.kind = CardKind::Backstage;
        c.backstage = BackstageInfo{t(owner), t(systems), {}};
        return c;
    }

    Card& kpi(const char* id, const char* stage, const Text& text) {
        Card& c = note(id, stage, "ln-kpis", text);
        c.kind = CardKind::Kpi;
        return c;
    }

    void emotion(const char* id, const char* persona, const char* stage, int valence,
                 const Text& feeling, const Text& noteText = {}, const char* card = nullptr) {
        Emotion e;
        e.id = id;
        e.personaId = persona;
        e.stageId = stage;
        if (card) e.cardId = card;
        e.valence = valence;
        e.feeling = t(feeling);
        e.note = t(noteText);
        map.emotions.push_back(std::move(e));
    }

    void moment(const char* id, MotType type, const Text& name, const Text& reason,
                MotState state, const char* stage, const char* card) {
        MomentOfTruth m;
        m.id = id;
        m.type = type;
        m.name = t(name);
        m.reason = t(reason);
        m.state = state;
        m.stageId = stage;
        m.cardId = card;
        map.moments.push_back(std::move(m));
    }

    Map map;

private:
    bool es_;
};

// Cards of the example, stage by stage (examples_cards.cpp).
void addPrePurchaseCards(ExampleBuilder& b);
void addPurchaseCards(ExampleBuilder& b);
void addPostPurchaseCards(ExampleBuilder& b);

}  // namespace trayecto::examples

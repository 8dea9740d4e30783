#include "labels.hpp"

#include "trayecto/export.hpp"

namespace trayecto::app {

namespace {
struct Pair { const char* en; const char* es; };
template <size_t N>
const char* pick(Lang lang, const Pair (&table)[N], int index) {
    if (index < 0 || index >= static_cast<int>(N)) return "?";
    return lang == Lang::Es ? table[index].es : table[index].en;
}
}  // namespace

// One vocabulary for the UI and the exported reports: the core's names of each value.
namespace {
Language reportLanguage(Lang l) { return l == Lang::Es ? Language::Spanish : Language::English; }
template <typename E>
const char* coreLabel(Lang l, E value) { return trayecto::label(value, reportLanguage(l)).data(); }  // literals
}  // namespace

const char* label(Lang l, LaneType v) { return coreLabel(l, v); }
const char* label(Lang l, CardKind v) { return coreLabel(l, v); }
const char* label(Lang l, Channel v) { return coreLabel(l, v); }
const char* label(Lang l, TouchpointKind v) { return coreLabel(l, v); }
const char* label(Lang l, TouchpointOwner v) { return coreLabel(l, v); }
const char* label(Lang l, MetricType v) { return coreLabel(l, v); }
const char* label(Lang l, ImprovementStatus v) { return coreLabel(l, v); }
const char* label(Lang l, MotType v) { return coreLabel(l, v); }
const char* label(Lang l, MotState v) { return coreLabel(l, v); }
const char* label(Lang l, ValueTier v) { return coreLabel(l, v); }
const char* dimensionLabel(Lang l, int bit) {
    static const Pair t[] = {{"Cognitive", "Cognitiva"}, {"Emotional", "Emocional"}, {"Behavioural", "Conductual"},
        {"Sensory", "Sensorial"}, {"Social", "Social"}};
    return pick(l, t, bit);
}

}  // namespace trayecto::app

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
std::string fieldLabel(Lang l, const std::string& path) {
    struct Field { const char* key; Text text; };
    static const Field kFields[] = {
        {"text", Text::Text}, {"notes", Text::Notes}, {"name", Text::Name}, {"description", Text::Description},
        {"color", Text::Colour}, {"kind", Text::Kind}, {"votes", Text::Votes}, {"valence", Text::Valence},
        {"feeling", Text::Feeling}, {"note", Text::Note}, {"channel", Text::Channel}, {"owner", Text::Owner},
        {"controlled", Text::Controlled}, {"dimensions", Text::Dimensions}, {"expectation", Text::Expectation},
        {"experience", Text::Experience}, {"metrics", Text::Metrics}, {"severity", Text::Severity},
        {"impact", Text::Impact}, {"effort", Text::Effort}, {"status", Text::Status}, {"systems", Text::Systems},
        {"phase", Text::Phase}, {"hidden", Text::Hidden}, {"goals", Text::Goals}, {"needs", Text::Needs},
        {"expectations", Text::Expectations}, {"frustrations", Text::Frustrations}, {"quote", Text::Quote},
        {"icon", Text::Icon}, {"valueTier", Text::ValueTierLabel}, {"type", Text::MotType},
        {"customType", Text::CustomType}, {"state", Text::MotState}, {"reason", Text::WhyItMatters},
        {"stageId", Text::Stage}, {"laneId", Text::Lane}, {"personaId", Text::Persona},
        {"personaIds", Text::AppliesTo}, {"scope", Text::Scope}, {"title", Text::MapTitle}};
    const auto slash = path.rfind('/');
    const std::string key = slash == std::string::npos ? path : path.substr(slash + 1);
    if (path == "touchpoint/kind") return tr(l, Text::TouchpointKindLabel);
    for (const Field& f : kFields)
        if (key == f.key) return tr(l, f.text);
    return path;
}

std::string momentTypeName(Lang l, const MomentOfTruth& moment) {
    if (moment.type == MotType::Custom && !moment.customType.empty()) return moment.customType;
    return label(l, moment.type);
}

const char* dimensionLabel(Lang l, int bit) {
    static const Pair t[] = {{"Cognitive", "Cognitiva"}, {"Emotional", "Emocional"}, {"Behavioural", "Conductual"},
        {"Sensory", "Sensorial"}, {"Social", "Social"}};
    return pick(l, t, bit);
}

}  // namespace trayecto::app

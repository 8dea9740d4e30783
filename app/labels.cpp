#include "labels.hpp"

namespace trayecto::app {

namespace {
struct Pair { const char* en; const char* es; };
template <size_t N>
const char* pick(Lang lang, const Pair (&table)[N], int index) {
    if (index < 0 || index >= static_cast<int>(N)) return "?";
    return lang == Lang::Es ? table[index].es : table[index].en;
}
}  // namespace

const char* label(Lang l, LaneType v) {
    static const Pair t[] = {{"Customer actions", "Acciones del cliente"}, {"Goals", "Objetivos"},
        {"Touchpoints", "Puntos de contacto"}, {"Channels", "Canales"}, {"Thoughts", "Pensamientos"},
        {"Emotions", "Emociones"}, {"Pain points", "Puntos de dolor"}, {"Opportunities", "Oportunidades"},
        {"Backstage processes", "Procesos internos"}, {"KPIs", "KPI"}, {"Custom", "Personalizado"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, CardKind v) {
    static const Pair t[] = {{"Note", "Nota"}, {"Touchpoint", "Punto de contacto"}, {"Pain point", "Punto de dolor"},
        {"Opportunity", "Oportunidad"}, {"Backstage process", "Proceso interno"}, {"KPI", "KPI"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, Channel v) {
    static const Pair t[] = {{"Web", "Web"}, {"App", "App"}, {"Store", "Tienda"}, {"Phone", "Teléfono"},
        {"Email", "Correo"}, {"Social media", "Redes sociales"}, {"Chat", "Chat"}, {"In person", "En persona"},
        {"Advertising", "Publicidad"}, {"Packaging", "Envase"}, {"Other", "Otro"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, TouchpointKind v) {
    static const Pair t[] = {{"Personal", "Personal"}, {"Physical", "Físico"}, {"Digital", "Digital"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, TouchpointOwner v) {
    static const Pair t[] = {{"Brand-owned", "De la marca"}, {"Partner-owned", "De un socio"},
        {"Customer-owned", "Del cliente"}, {"Social / external", "Social / externo"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, MetricType v) {
    static const Pair t[] = {{"CSAT", "CSAT"}, {"NPS", "NPS"}, {"CES", "CES"}, {"Custom", "Personalizada"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, ImprovementStatus v) {
    static const Pair t[] = {{"Open", "Abierto"}, {"In progress", "En curso"}, {"Done", "Hecho"},
        {"Discarded", "Descartado"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, MotType v) {
    static const Pair t[] = {{"Zero moment (ZMOT)", "Momento cero (ZMOT)"}, {"First moment (FMOT)", "Primer momento (FMOT)"},
        {"Second moment (SMOT)", "Segundo momento (SMOT)"}, {"Custom", "Personalizado"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, MotState v) {
    static const Pair t[] = {{"Unknown", "Sin evaluar"}, {"Good", "Bien"}, {"At risk", "En riesgo"},
        {"Failing", "Fallando"}};
    return pick(l, t, static_cast<int>(v));
}
const char* label(Lang l, ValueTier v) {
    static const Pair t[] = {{"Not set", "Sin definir"}, {"Low", "Bajo"}, {"Medium", "Medio"}, {"High", "Alto"},
        {"Top", "Máximo"}};
    return pick(l, t, static_cast<int>(v));
}
const char* dimensionLabel(Lang l, int bit) {
    static const Pair t[] = {{"Cognitive", "Cognitiva"}, {"Emotional", "Emocional"}, {"Behavioural", "Conductual"},
        {"Sensory", "Sensorial"}, {"Social", "Social"}};
    return pick(l, t, bit);
}

}  // namespace trayecto::app

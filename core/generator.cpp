// Generated maps for benchmarks: realistic shape and text, linear time, platform-independent.
//
// [SECTION] A portable random source (no <random> distributions: they differ between libraries)
// [SECTION] Spanish text from fragments
// [SECTION] Skeleton: meta, personas, stages, lanes
// [SECTION] Cards
// [SECTION] Emotions and moments of truth
#include "trayecto/generator.hpp"
#include "trayecto/random.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace trayecto {

namespace {

// ---- [SECTION] Spanish text from fragments

const char* const kSubjects[] = {
    "La clienta", "El cliente", "Quien compra por primera vez", "La persona usuaria",
    "El cliente habitual", "Una compradora con prisa", "El socio del programa de puntos",
    "La familia"};
const char* const kActions[] = {
    "compara precios y condiciones", "consulta la disponibilidad de su talla",
    "pregunta por el plazo de entrega", "revisa las opiniones de otros clientes",
    "abre el correo de confirmación", "intenta cambiar el método de pago",
    "busca el horario de la tienda más cercana", "descarga la factura del pedido",
    "llama al servicio de atención al cliente", "escribe por el chat de la web",
    "rellena el formulario de devolución", "aplica un código de descuento",
    "sigue el envío paso a paso", "deja una reseña con fotografías"};
const char* const kContexts[] = {
    "desde el móvil mientras va en el metro", "en la tienda física del centro",
    "a última hora de la noche", "después de recibir un aviso por correo",
    "con prisa antes de una reunión", "junto a su pareja, que también opina",
    "tras ver un vídeo en redes sociales", "en el ordenador del trabajo",
    "durante la campaña de rebajas", "el mismo día en que recibe el paquete"};
const char* const kOutcomes[] = {
    "y no encuentra la información que necesita.",
    "pero el proceso le exige demasiados pasos.",
    "y recibe una respuesta clara en pocos minutos.",
    "aunque la página tarda en cargar más de lo esperado.",
    "y se siente acompañada durante todo el proceso.",
    "pero los gastos de envío aparecen al final.",
    "y le sorprende lo fácil que resulta.",
    "pero nadie le confirma si la operación se ha completado.",
    "y decide dejarlo para otro momento.",
    "y comenta la experiencia con sus amigos."};
const char* const kRemarks[] = {
    "Según el taller de marzo, este punto se repite en casi todas las entrevistas.",
    "Hay que contrastarlo con los datos de analítica web antes de priorizarlo.",
    "El equipo de logística propone revisarlo el próximo trimestre.",
    "Varias personas señalan que la experiencia cambia mucho según el canal.",
    "Cita textual: «esperé más de veinte minutos y nadie me dio una solución».",
    "Afecta sobre todo a quienes compran desde el móvil y a los clientes nuevos.",
    "La encuesta de satisfacción de otoño confirma la tendencia con 1.240 respuestas.",
    "Relacionado con la migración del sistema de pedidos prevista para junio."};
const char* const kOwners[] = {
    "Marketing digital", "Equipo de producto", "E-commerce", "Logística",
    "Atención al cliente", "Operaciones de tienda", "Finanzas", "CRM y fidelización"};
const char* const kSystems[] = {
    "ERP, SGA", "CRM, plataforma de correo", "PIM, buscador de la web", "Pasarela de pago, antifraude",
    "Herramienta de tickets, centralita", "API del transportista", "CDP, analítica web"};
const char* const kStageNames[] = {
    "Descubrimiento", "Búsqueda de información", "Comparación", "Evaluación", "Prueba",
    "Decisión", "Compra", "Pago", "Confirmación", "Entrega", "Instalación", "Primer uso",
    "Uso habitual", "Soporte", "Renovación", "Fidelización", "Recomendación", "Baja"};
const char* const kFeelings[] = {"rabia", "frustración", "molestia", "indiferencia",
                                 "tranquilidad", "satisfacción", "entusiasmo"};
// A smooth wave of valences, walked per persona: integer so every platform agrees.
const int kWave[] = {0, 1, 2, 2, 3, 2, 1, 0, -1, -2, -2, -3, -2, -1, 0, 1};

std::string sentence(Random& r) {
    std::string s = r.pick(kSubjects);
    s += ' ';
    s += r.pick(kActions);
    s += ' ';
    s += r.pick(kContexts);
    s += ' ';
    s += r.pick(kOutcomes);
    return s;
}

std::string remarks(Random& r, int count) {
    std::string s;
    for (int i = 0; i < count; ++i) {
        if (!s.empty()) s += ' ';
        s += r.pick(kRemarks);
    }
    return s;
}

// ---- [SECTION] Skeleton: meta, personas, stages, lanes

struct PersonaSeed {
    const char* name;
    const char* description;
};
const PersonaSeed kPersonas[] = {
    {"Ana, compradora habitual", "38 años, compra cada mes y conoce bien la tienda."},
    {"Luis, cliente nuevo", "24 años, llega por un anuncio y aún no confía en la marca."},
    {"Marta, profesional con prisa", "41 años, compra desde el móvil entre reuniones."},
    {"Jorge, cliente de empresa", "52 años, compra para su equipo y necesita factura."},
    {"Lucía, estudiante", "20 años, muy sensible al precio y activa en redes sociales."},
    {"Pedro, jubilado", "67 años, prefiere el teléfono y la tienda física."},
    {"Elena, compradora por precio", "45 años, compara en cinco tiendas antes de decidir."},
    {"Sergio, fan de la marca", "33 años, recomienda la tienda y participa en la comunidad."}};

void addSkeleton(Map& map, Random& r, int cards, std::uint32_t seed) {
    map.meta.title = "Mapa generado: " + std::to_string(cards) + " tarjetas (semilla " +
                     std::to_string(seed) + ")";
    map.meta.description = "Mapa de la experiencia generado para pruebas de rendimiento. " + remarks(r, 2);
    map.meta.scope = "Tienda online y física, de la primera búsqueda a la baja";
    map.meta.language = "es";
    map.meta.author = "trayecto generate";
    map.meta.created = "2026-01-01T00:00:00Z";
    map.meta.modified = "2026-01-01T00:00:00Z";

    const int personas = std::min(8, 3 + cards / 4000);
    for (int i = 0; i < personas; ++i) {
        Persona p;
        p.id = "pe-" + std::to_string(i + 1);
        p.name = kPersonas[i].name;
        p.description = kPersonas[i].description;
        p.goals = "Resolver su compra sin perder tiempo. " + sentence(r);
        p.needs = "Información clara, precios sin sorpresas y ayuda cuando la pide.";
        p.expectations = "Que cada canal sepa lo que ha hecho en los demás. " + remarks(r, 1);
        p.frustrations = sentence(r);
        p.quote = "«Solo quiero que funcione a la primera.»";
        p.color = static_cast<Rgb>(r.next() & 0xffffff);
        p.icon = "user";
        p.valueTier = static_cast<ValueTier>(1 + i % 4);
        map.personas.push_back(std::move(p));
    }

    const int stages = std::clamp(8 + cards / 250, 8, 48);
    const int preEnd = std::max(1, stages * 2 / 5);
    const int purchaseEnd = std::max(preEnd + 1, stages * 11 / 20);
    const int names = static_cast<int>(std::size(kStageNames));
    for (int i = 0; i < stages; ++i) {
        Stage s;
        s.id = "st-" + std::to_string(i + 1);
        s.name = kStageNames[i % names];
        if (i >= names) s.name += " " + std::to_string(i / names + 1);
        s.phase = i < preEnd ? Phase::PrePurchase : i < purchaseEnd ? Phase::Purchase : Phase::PostPurchase;
        s.description = sentence(r);
        map.stages.push_back(std::move(s));
    }

    const std::pair<LaneType, const char*> lanes[] = {
        {LaneType::Actions, "Acciones"}, {LaneType::Goals, "Objetivos"},
        {LaneType::Touchpoints, "Puntos de contacto"}, {LaneType::Channels, "Canales"},
        {LaneType::Thoughts, "Pensamientos"}, {LaneType::Emotions, "Emociones"},
        {LaneType::PainPoints, "Puntos de dolor"}, {LaneType::Opportunities, "Oportunidades"},
        {LaneType::Backstage, "Procesos internos"}, {LaneType::Kpis, "Indicadores"}};
    int n = 0;
    for (const auto& [type, name] : lanes)
        map.lanes.push_back(Lane{"ln-" + std::to_string(++n), name, type, false, {}});
}

// ---- [SECTION] Cards

// How often each lane gets a card (same order as the lanes above).
const int kLaneWeights[] = {12, 5, 20, 8, 10, 5, 12, 12, 10, 6};

int pickLane(Random& r) {
    int roll = r.below(100);
    for (int i = 0; i < 10; ++i) {
        if (roll < kLaneWeights[i]) return i;
        roll -= kLaneWeights[i];
    }
    return 0;
}

TouchpointInfo touchpointFor(Random& r) {
    TouchpointInfo t;
    t.channel = static_cast<Channel>(r.below(11));
    switch (t.channel) {
        case Channel::Store: case Channel::Packaging: t.kind = TouchpointKind::Physical; break;
        case Channel::Phone: case Channel::InPerson: t.kind = TouchpointKind::Personal; break;
        default: t.kind = TouchpointKind::Digital; break;
    }
    const int owner = r.below(10);   // mostly brand-owned
    t.owner = owner < 6 ? TouchpointOwner::Brand : owner < 8 ? TouchpointOwner::Partner
            : owner < 9 ? TouchpointOwner::Customer : TouchpointOwner::SocialExternal;
    t.controlled = t.owner == TouchpointOwner::Brand;
    t.dimensions = static_cast<std::uint8_t>(1 + r.below(kAllDimensions));
    if (r.percent(85)) t.expectation = r.between(2, 5);
    if (r.percent(80)) t.experience = r.between(1, 5);
    const int metrics = r.below(3);
    for (int i = 0; i < metrics; ++i) {
        Metric m;
        m.type = static_cast<MetricType>(r.below(4));
        switch (m.type) {
            case MetricType::Csat: m.value = r.between(20, 50) / 10.0; m.target = 4.5; m.unit = "/5"; break;
            case MetricType::Nps: m.value = r.between(-40, 70); m.target = 50; break;
            case MetricType::Ces: m.value = r.between(20, 70) / 10.0; m.target = 5.5; m.unit = "/7"; break;
            case MetricType::Custom:
                m.name = "Tiempo de respuesta";
                m.value = r.between(1, 120);
                m.target = 15;
                m.unit = "min";
                break;
        }
        t.metrics.push_back(std::move(m));
    }
    return t;
}

void addCards(Map& map, Random& r, int cards, std::vector<std::vector<int>>& touchpointsByStage) {
    map.cards.reserve(static_cast<std::size_t>(cards));
    const int stages = static_cast<int>(map.stages.size());
    const int personas = static_cast<int>(map.personas.size());
    touchpointsByStage.assign(map.stages.size(), {});
    for (int i = 0; i < cards; ++i) {
        Card c;
        c.id = "cd-" + std::to_string(i + 1);
        const int stage = r.below(stages);
        const Lane& lane = map.lanes[static_cast<std::size_t>(pickLane(r))];
        c.stageId = map.stages[static_cast<std::size_t>(stage)].id;
        c.laneId = lane.id;
        c.kind = defaultCardKind(lane.type);
        c.text = sentence(r);
        if (r.percent(30)) c.text += " " + remarks(r, 1);
        if (r.percent(50)) c.notes = remarks(r, r.between(1, 3));
        if (r.percent(10)) c.color = static_cast<Rgb>(r.next() & 0xffffff);
        if (r.percent(40)) {
            const int first = r.below(personas);
            c.personaIds.push_back(map.personas[static_cast<std::size_t>(first)].id);
            const int second = r.below(personas);
            if (second != first && r.percent(50))
                c.personaIds.push_back(map.personas[static_cast<std::size_t>(second)].id);
        }
        c.votes = r.percent(60) ? r.below(16) : 0;
        if (c.kind == CardKind::Touchpoint) {
            c.touchpoint = touchpointFor(r);
            touchpointsByStage[static_cast<std::size_t>(stage)].push_back(i);
        } else if (c.kind == CardKind::PainPoint || c.kind == CardKind::Opportunity) {
            c.improvement = ImprovementInfo{r.between(1, 5), r.between(1, 5), r.between(1, 5),
                                            r.pick(kOwners), static_cast<ImprovementStatus>(r.below(4)), {}};
        } else if (c.kind == CardKind::Backstage) {
            c.backstage = BackstageInfo{r.pick(kOwners), r.pick(kSystems), {}};
        }
        map.cards.push_back(std::move(c));
    }
}

// ---- [SECTION] Emotions and moments of truth

void addEmotions(Map& map, Random& r, const std::vector<std::vector<int>>& touchpointsByStage) {
    int next = 0;
    auto emotion = [&](const Persona& p, std::size_t stage, int valence) {
        Emotion e;
        e.id = "em-" + std::to_string(++next);
        e.personaId = p.id;
        e.stageId = map.stages[stage].id;
        e.valence = std::clamp(valence, kValenceMin, kValenceMax);
        e.feeling = kFeelings[e.valence - kValenceMin];
        if (r.percent(25)) e.note = sentence(r);
        map.emotions.push_back(std::move(e));
    };
    for (std::size_t p = 0; p < map.personas.size(); ++p) {
        for (std::size_t s = 0; s < map.stages.size(); ++s) {
            if (r.percent(8)) continue;   // a few holes in each curve
            emotion(map.personas[p], s, kWave[(s * 2 + p * 5) % std::size(kWave)] + r.between(-1, 1));
        }
    }
    // A few emotions about one touchpoint (averaged into that stage's point).
    for (std::size_t s = 0; s < touchpointsByStage.size(); ++s) {
        for (int card : touchpointsByStage[s]) {
            if (!r.percent(4)) continue;
            const Persona& p = map.personas[static_cast<std::size_t>(r.below(int(map.personas.size())))];
            emotion(p, s, r.between(kValenceMin, kValenceMax));
            map.emotions.back().cardId = map.cards[static_cast<std::size_t>(card)].id;
        }
    }
}

void addMoments(Map& map, Random& r, const std::vector<std::vector<int>>& touchpointsByStage) {
    const int stages = static_cast<int>(map.stages.size());
    const int count = std::max(3, stages / 3);
    for (int i = 0; i < count; ++i) {
        // Spread over the stages: the i-th moment falls somewhere in the i-th slice.
        const int slice = std::max(1, stages / count);
        const auto at = static_cast<std::size_t>(std::min(stages - 1, i * stages / count + r.below(slice)));
        const Stage& stage = map.stages[at];
        MomentOfTruth m;
        m.id = "mot-" + std::to_string(i + 1);
        m.type = stage.phase == Phase::PrePurchase ? MotType::Zero
               : stage.phase == Phase::Purchase    ? MotType::First : MotType::Second;
        if (r.percent(15)) {
            m.type = MotType::Custom;
            m.customType = "Momento de la verdad final";
        }
        m.name = "Momento clave en " + stage.name;
        m.reason = sentence(r) + " " + remarks(r, 1);
        m.state = static_cast<MotState>(r.below(4));
        m.stageId = stage.id;
        const std::vector<int>& candidates = touchpointsByStage[at];
        if (!candidates.empty()) {
            const int card = candidates[static_cast<std::size_t>(r.below(static_cast<int>(candidates.size())))];
            m.cardId = map.cards[static_cast<std::size_t>(card)].id;
        }
        map.moments.push_back(std::move(m));
    }
}

}  // namespace

Map generateMap(int cards, std::uint32_t seed) {
    cards = std::max(0, cards);
    Random r(0x9e3779b97f4a7c15ull ^ seed);
    Map map;
    addSkeleton(map, r, cards, seed);
    std::vector<std::vector<int>> touchpointsByStage;
    addCards(map, r, cards, touchpointsByStage);
    addEmotions(map, r, touchpointsByStage);
    addMoments(map, r, touchpointsByStage);
    return map;
}

}  // namespace trayecto

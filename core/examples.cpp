// The example map (buying running shoes online from "Zancada") and the blank map.
// The cards are in examples_cards.cpp.
//
// [SECTION] The skeleton (stages, lanes)
// [SECTION] Personas
// [SECTION] Emotions and moments of truth
// [SECTION] Public entry points
#include "trayecto/examples.hpp"

#include <utility>

#include "examples_builder.hpp"

namespace trayecto {

namespace {

using namespace examples;

// ---- [SECTION] The skeleton (stages, lanes)

bool isSpanish(const std::string& language) {
    return language == "es" || language.rfind("es-", 0) == 0 || language.rfind("es_", 0) == 0;
}

constexpr const char* kCreated = "2026-01-12T09:00:00Z";   // fixed: the example never changes

struct StageSpec {
    const char* id;
    Phase phase;
    Text name;
    Text description;
};

const StageSpec kStages[] = {
    {"st-aware", Phase::PrePurchase, {"Descubrimiento", "Awareness"},
     {"Se da cuenta de que necesita zapatillas nuevas y descubre la tienda.",
      "Realises they need new shoes and comes across the shop."}},
    {"st-consider", Phase::PrePurchase, {"Consideración", "Consideration"},
     {"Explora modelos, lee opiniones y compara opciones.",
      "Explores models, reads reviews and compares options."}},
    {"st-evaluate", Phase::PrePurchase, {"Evaluación", "Evaluation"},
     {"Decide modelo y talla; a veces se las prueba en una tienda.",
      "Settles on a model and size; sometimes tries them on in a store."}},
    {"st-purchase", Phase::Purchase, {"Compra", "Purchase"},
     {"Añade al carrito, elige el envío y paga.", "Adds to cart, chooses delivery and pays."}},
    {"st-delivery", Phase::PostPurchase, {"Entrega", "Delivery"},
     {"Sigue el pedido y recibe el paquete.", "Tracks the order and receives the parcel."}},
    {"st-use", Phase::PostPurchase, {"Uso", "Use"},
     {"Estrena las zapatillas en sus primeras salidas.",
      "Breaks the shoes in on the first runs."}},
    {"st-service", Phase::PostPurchase, {"Servicio posventa", "Service"},
     {"Cambia la talla, devuelve o pide ayuda.", "Exchanges the size, returns or asks for help."}},
    {"st-recommend", Phase::PostPurchase, {"Recomendación", "Recommendation"},
     {"Opina, recomienda y vuelve a comprar (o no).",
      "Reviews, recommends and buys again (or not)."}},
};

struct LaneSpec {
    const char* id;
    LaneType type;
    Text name;
};

const LaneSpec kLanes[] = {
    {"ln-actions", LaneType::Actions, {"Acciones del cliente", "Customer actions"}},
    {"ln-touchpoints", LaneType::Touchpoints, {"Puntos de contacto", "Touchpoints"}},
    {"ln-thoughts", LaneType::Thoughts, {"Pensamientos", "Thoughts"}},
    {"ln-emotions", LaneType::Emotions, {"Emociones", "Emotions"}},
    {"ln-pain-points", LaneType::PainPoints, {"Puntos de dolor", "Pain points"}},
    {"ln-opportunities", LaneType::Opportunities, {"Oportunidades", "Opportunities"}},
    {"ln-backstage", LaneType::Backstage, {"Procesos internos", "Backstage processes"}},
    {"ln-kpis", LaneType::Kpis, {"Indicadores (KPI)", "KPIs"}},
};

Map skeleton(bool es, const Text& title) {
    Map map;
    map.meta.title = es ? title.es : title.en;
    map.meta.language = es ? "es" : "en";
    map.meta.created = kCreated;
    map.meta.modified = kCreated;
    for (const StageSpec& s : kStages)
        map.stages.push_back(
            Stage{s.id, es ? s.name.es : s.name.en, s.phase, es ? s.description.es : s.description.en, {}});
    for (const LaneSpec& l : kLanes)
        map.lanes.push_back(Lane{l.id, es ? l.name.es : l.name.en, l.type, false, {}});
    return map;
}

// ---- [SECTION] Personas

void addPersonas(ExampleBuilder& b) {
    auto persona = [&](const char* id, Text name, Text description, Text goals, Text needs,
                       Text expectations, Text frustrations, Text quote, Rgb color,
                       const char* icon, ValueTier tier) {
        b.map.personas.push_back(Persona{id, b.t(name), b.t(description), b.t(goals), b.t(needs),
                                         b.t(expectations), b.t(frustrations), b.t(quote), color,
                                         icon, tier, {}});
    };
    persona("pe-laura", {"Laura, corredora de fondo", "Laura, distance runner"},
            {"34 años, ingeniera. Corre cuatro días por semana y prepara su tercera media maratón. "
             "Cambia de zapatillas cada 700 km.",
             "34, engineer. Runs four days a week and is training for her third half marathon. "
             "Replaces her shoes every 700 km."},
            {"Encontrar unas zapatillas con buena amortiguación para tiradas largas sin lesionarse.",
             "Find well-cushioned shoes for long runs without getting injured."},
            {"Datos técnicos fiables (drop, peso, amortiguación), su talla disponible y recibirlas "
             "antes de la carrera.",
             "Reliable technical data (drop, weight, cushioning), her size in stock and delivery "
             "before race day."},
            {"Que la web sepa tanto de running como una tienda especializada y que el envío llegue "
             "en 48 horas.",
             "A website that knows running as well as a specialist shop, and delivery within 48 "
             "hours."},
            {"Fichas de producto genéricas y tallas que cambian de un modelo a otro.",
             "Generic product pages and sizes that change from one model to the next."},
            {"«Si me equivoco de zapatilla, lo pagan mis rodillas.»",
             "“If I pick the wrong shoe, my knees pay for it.”"},
            0x2e86ab, "runner", ValueTier::Top);
    persona("pe-javier", {"Javier, principiante", "Javier, beginner runner"},
            {"27 años, teletrabaja. Empezó a correr hace dos meses con un plan de 0 a 5 km y aún "
             "corre con zapatillas de gimnasio.",
             "27, works from home. Started running two months ago with a couch-to-5K plan and "
             "still runs in gym trainers."},
            {"Comprar sus primeras zapatillas de running sin gastar de más y sin equivocarse.",
             "Buy his first pair of running shoes without overspending or getting it wrong."},
            {"Que alguien le explique qué es la pisada y qué modelo le conviene, en un lenguaje "
             "sencillo.",
             "Someone to explain what gait means and which model suits him, in plain language."},
            {"Consejo claro, poder cambiar la talla sin complicaciones y devolverlas si no le van "
             "bien.",
             "Clear advice, an easy size exchange, and free returns if the shoes don't fit."},
            {"La jerga técnica, demasiadas opciones parecidas y el miedo a elegir mal.",
             "Technical jargon, too many similar options and the fear of choosing badly."},
            {"«No sé si soy pronador; solo quiero que no me duelan los pies.»",
             "“I don't know if I overpronate; I just want my feet to stop hurting.”"},
            0xf18f01, "sprout", ValueTier::Low);
    persona("pe-carmen", {"Carmen, compradora que busca precio", "Carmen, value-seeking shopper"},
            {"45 años, madre de dos adolescentes que hacen atletismo. Compra para toda la familia y "
             "compara precios en varias tiendas.",
             "45, mother of two teenagers who do athletics. Buys for the whole family and compares "
             "prices across several shops."},
            {"Conseguir buenas zapatillas para sus hijos al mejor precio y sin sorpresas al pagar.",
             "Get good shoes for her children at the best price, with no surprises at checkout."},
            {"Precios claros desde el principio, descuentos por volumen y envío gratuito.",
             "Clear prices from the start, multi-buy discounts and free delivery."},
            {"Que el precio de la ficha sea el que paga y que los cambios de talla sean gratis.",
             "The price on the product page is the price she pays, and size exchanges are free."},
            {"Gastos de envío que aparecen al final, registros obligatorios y cupones que no "
             "funcionan.",
             "Shipping costs revealed at the last step, mandatory accounts and discount codes that "
             "don't work."},
            {"«Con dos hijos que cambian de número cada año, cada euro cuenta.»",
             "“With two kids who outgrow their shoes every year, every euro counts.”"},
            0x6a4c93, "tag", ValueTier::High);
}

// ---- [SECTION] Emotions and moments of truth

void addEmotions(ExampleBuilder& b) {
    // Laura: confident expert, let down by delivery; no service contact (that stage is absent).
    b.emotion("em-laura-aware", "pe-laura", "st-aware", 1, {"curiosidad", "curiosity"});
    b.emotion("em-laura-consider", "pe-laura", "st-consider", 0, {"duda", "doubt"});
    b.emotion("em-laura-evaluate", "pe-laura", "st-evaluate", 2, {"confianza", "confidence"});
    b.emotion("em-laura-purchase", "pe-laura", "st-purchase", -1, {"impaciencia", "impatience"});
    b.emotion("em-laura-delivery", "pe-laura", "st-delivery", -2, {"frustración", "frustration"},
              {"El pedido llegó un día tarde, justo antes de la carrera.",
               "The order arrived a day late, right before the race."});
    b.emotion("em-laura-use", "pe-laura", "st-use", 2, {"satisfacción", "satisfaction"});
    b.emotion("em-laura-recommend", "pe-laura", "st-recommend", 3, {"orgullo", "pride"});
    // Javier: excited, overwhelmed by choice, hurt by the size exchange.
    b.emotion("em-javier-aware", "pe-javier", "st-aware", 2, {"ilusión", "excitement"});
    b.emotion("em-javier-consider", "pe-javier", "st-consider", -2, {"agobio", "overwhelm"});
    b.emotion("em-javier-evaluate", "pe-javier", "st-evaluate", -1, {"inseguridad", "insecurity"});
    b.emotion("em-javier-purchase", "pe-javier", "st-purchase", 1, {"alivio", "relief"});
    b.emotion("em-javier-delivery", "pe-javier", "st-delivery", 0, {"expectación", "anticipation"});
    b.emotion("em-javier-use", "pe-javier", "st-use", 1, {"motivación", "motivation"});
    b.emotion("em-javier-service", "pe-javier", "st-service", -2, {"frustración", "frustration"},
              {"Tuvo que cambiar la talla dos veces.", "Had to exchange the size twice."});
    b.emotion("em-javier-service-phone", "pe-javier", "st-service", -3, {"desesperación", "despair"},
              {"Veinte minutos en espera al teléfono.", "Twenty minutes on hold."},
              "cd-service-phone");
    b.emotion("em-javier-recommend", "pe-javier", "st-recommend", -1, {"decepción", "disappointment"});
    // Carmen: price-driven; the checkout surprise is her low point.
    b.emotion("em-carmen-aware", "pe-carmen", "st-aware", 0, {"interés", "interest"});
    b.emotion("em-carmen-consider", "pe-carmen", "st-consider", 1, {"esperanza", "hope"});
    b.emotion("em-carmen-evaluate", "pe-carmen", "st-evaluate", 0, {"cautela", "caution"});
    b.emotion("em-carmen-purchase", "pe-carmen", "st-purchase", -2, {"enfado", "anger"},
              {"Descubrió 5,95 € de envío en el último paso.",
               "Found €5.95 shipping at the very last step."});
    b.emotion("em-carmen-delivery", "pe-carmen", "st-delivery", 1, {"tranquilidad", "calm"});
    b.emotion("em-carmen-use", "pe-carmen", "st-use", 2, {"satisfacción", "satisfaction"});
    b.emotion("em-carmen-service", "pe-carmen", "st-service", -1, {"molestia", "annoyance"});
    b.emotion("em-carmen-recommend", "pe-carmen", "st-recommend", 1, {"conformidad", "contentment"});
}

void addMoments(ExampleBuilder& b) {
    b.moment("mot-zmot", MotType::Zero,
             {"Opiniones y vídeos antes de decidir", "Reviews and videos before deciding"},
             {"Antes de entrar en la web, el cliente ya se ha formado una opinión con reseñas y "
              "vídeos de terceros que la marca no controla.",
              "Before visiting the site, customers have already formed an opinion from third-party "
              "reviews and videos the brand does not control."},
             MotState::Good, "st-consider", "cd-consider-reviews");
    b.moment("mot-fmot", MotType::First, {"Carrito y pago", "Cart and checkout"},
             {"Aquí decide comprar o abandonar: el registro obligatorio y los gastos de envío "
              "sorpresa hacen que se abandonen dos de cada tres carritos.",
              "This is where they buy or leave: mandatory sign-up and surprise shipping costs lose "
              "two out of three carts."},
             MotState::AtRisk, "st-purchase", "cd-purchase-checkout");
    b.moment("mot-smot", MotType::Second,
             {"Primeras salidas con las zapatillas", "First runs in the new shoes"},
             {"Al usarlas comprueba si cumplen lo prometido; de aquí salen la recompra y la "
              "recomendación.",
              "Running in them shows whether they keep their promise; repeat purchase and "
              "recommendation depend on it."},
             MotState::Good, "st-use", "cd-use-firstruns");
}

}  // namespace

// ---- [SECTION] Public entry points

Map exampleMap(const std::string& language) {
    const bool es = isSpanish(language);
    ExampleBuilder b(es);
    b.map = skeleton(es, {"Comprar zapatillas de running online", "Buying running shoes online"});
    b.map.meta.description = b.t(
        {"Cómo viven tres perfiles de corredores la compra de zapatillas en la tienda online de "
         "Zancada, desde el primer anuncio hasta la recomendación en su club.",
         "How three kinds of runners experience buying shoes from Zancada's online shop, from the "
         "first ad to recommending it at their club."});
    b.map.meta.scope = b.t({"Tienda online de Zancada (web y app), tiendas físicas y transportista",
                            "Zancada's online shop (web and app), its stores and the carrier"});
    b.map.meta.author = b.t({"Equipo de Experiencia de Cliente de Zancada",
                             "Zancada Customer Experience team"});
    addPersonas(b);
    addPrePurchaseCards(b);
    addPurchaseCards(b);
    addPostPurchaseCards(b);
    addEmotions(b);
    addMoments(b);
    return std::move(b.map);
}

Map blankMap(const std::string& language) {
    return skeleton(isSpanish(language), {"Nuevo mapa de la experiencia", "New journey map"});
}

}  // namespace trayecto

// The cards of the example map, stage by stage: action, touchpoints, thought, pain point,
// opportunity, backstage process and KPI.
#include "examples_builder.hpp"

namespace trayecto::examples {

namespace {
using TK = TouchpointKind;
using TO = TouchpointOwner;
using MT = MetricType;
constexpr CardKind kPain = CardKind::PainPoint;
constexpr CardKind kOpp = CardKind::Opportunity;

}  // namespace

void addPrePurchaseCards(ExampleBuilder& b) {
    const char* s = "st-aware";
    b.note("cd-aware-action", s, "ln-actions",
           {"Ve un anuncio en Instagram y busca «zapatillas running amortiguación» en Google",
            "Sees an Instagram ad and googles “cushioned running shoes”"});
    b.touchpoint("cd-aware-ad", s, {"Anuncio en Instagram de la nueva colección",
                                    "Instagram ad for the new collection"},
                 Channel::Advertising, TK::Digital, TO::Brand, DimEmotional | DimSensory, 3, 3,
                 {b.custom({"CTR", "CTR"}, 1.8, 2.5, {"%", "%"})});
    b.touchpoint("cd-aware-search", s, {"Resultados de búsqueda en Google", "Google search results"},
                 Channel::Web, TK::Digital, TO::SocialExternal, DimCognitive, 4, 3,
                 {b.custom({"Posición media en búsqueda", "Average search position"}, 6.2, 3)});
    b.note("cd-aware-thought", s, "ln-thoughts",
           {"«¿Necesito más amortiguación o es cosa de mi técnica?»",
            "“Do I need more cushioning, or is it my technique?”"});
    b.improvement("cd-aware-pain", s, kPain, {"Los anuncios muestran modelos agotados en mi talla",
                                              "Ads show models that are sold out in my size"},
                  2, 2, 2, 3, {"Marketing digital", "Digital marketing"});
    b.improvement("cd-aware-opp", s, kOpp, {"Guía de elección por tipo de pisada enlazada desde los anuncios",
                                            "Gait-based buying guide linked from the ads"},
                  3, 4, 2, 6, {"Marketing digital", "Digital marketing"});
    b.backstage("cd-aware-backstage", s, {"Campañas de paid social segmentadas por deporte",
                                          "Paid social campaigns targeted by sport"},
                {"Marketing digital", "Digital marketing"}, {"Meta Ads, CDP", "Meta Ads, CDP"});
    b.kpi("cd-aware-kpi", s, {"Coste por visita: 0,42 € (objetivo 0,35 €)",
                              "Cost per visit: €0.42 (target €0.35)"});

    s = "st-consider";
    b.note("cd-consider-action", s, "ln-actions",
           {"Compara modelos, lee opiniones y mira vídeos de pruebas",
            "Compares models, reads reviews and watches test videos"});
    b.touchpoint("cd-consider-product", s, {"Ficha de producto con filtros y comparador",
                                            "Product page with filters and comparison"},
                 Channel::Web, TK::Digital, TO::Brand, DimCognitive | DimBehavioural, 4, 3,
                 {metric(MT::Ces, 4.6, 5.5, "/7"), metric(MT::Csat, 3.8, 4.3, "/5")});
    b.touchpoint("cd-consider-reviews", s, {"Reseñas de clientes y vídeos de youtubers de running",
                                            "Customer reviews and running YouTubers' videos"},
                 Channel::Social, TK::Digital, TO::SocialExternal, DimCognitive | DimSocial, 4, 4,
                 {b.custom({"Valoración media de las reseñas", "Average review rating"}, 4.4, 4.5,
                           {"/5", "/5"})});
    b.touchpoint("cd-consider-chat", s, {"Chat con un asesor de running", "Chat with a running adviser"},
                 Channel::Chat, TK::Personal, TO::Brand, DimCognitive | DimEmotional, 4, 2,
                 {metric(MT::Csat, 3.1, 4.3, "/5"),
                  b.custom({"Tiempo de primera respuesta", "First response time"}, 7, 2,
                           {"min", "min"})})
        .notes = b.t({"Solo atiende de 9 a 18 h; por la tarde responde un bot.",
                      "Staffed 9 am to 6 pm only; a bot answers in the evening."});
    b.note("cd-consider-thought", s, "ln-thoughts",
           {"«Hay demasiados modelos parecidos; ¿cuál es para mi pisada?»",
            "“So many similar models; which one suits my gait?”"});
    b.improvement("cd-consider-pain", s, kPain, {"Los filtros no distinguen drop, pisada ni terreno",
                                                 "Filters don't cover drop, gait or terrain"},
                  4, 4, 3, 8, {"Equipo de producto", "Product team"}, ImprovementStatus::InProgress);
    b.improvement("cd-consider-opp", s, kOpp,
                  {"Recomendador con preguntas sobre pisada, distancia y terreno",
                   "Shoe finder quiz on gait, distance and terrain"},
                  4, 5, 4, 9, {"Equipo de producto", "Product team"});
    b.backstage("cd-consider-backstage", s, {"Catálogo y fichas técnicas", "Catalogue and technical specs"},
                {"Equipo de producto", "Product team"}, {"PIM, buscador de la web", "PIM, site search"});
    b.kpi("cd-consider-kpi", s, {"Conversión de ficha a carrito: 3,1 %", "Product page to cart: 3.1%"});

    s = "st-evaluate";
    b.note("cd-evaluate-action", s, "ln-actions",
           {"Consulta la guía de tallas; algunos se las prueban en una tienda",
            "Checks the size guide; some try them on in a store"});
    b.touchpoint("cd-evaluate-size", s, {"Guía de tallas y tabla de equivalencias",
                                         "Size guide and conversion chart"},
                 Channel::Web, TK::Digital, TO::Brand, DimCognitive, 4, 2,
                 {metric(MT::Ces, 3.9, 5.5, "/7")});
    b.touchpoint("cd-evaluate-store", s, {"Análisis de la pisada en tienda", "In-store gait analysis"},
                 Channel::Store, TK::Personal, TO::Brand, DimSensory | DimEmotional | DimBehavioural,
                 4, 5, {metric(MT::Csat, 4.7, 4.5, "/5")})
        .personaIds = {"pe-laura", "pe-javier"};
    b.note("cd-evaluate-thought", s, "ln-thoughts",
           {"«Si me equivoco de talla, ¿cuánto me costará cambiarlas?»",
            "“If I get the size wrong, what will an exchange cost me?”"});
    b.improvement("cd-evaluate-pain", s, kPain,
                  {"La guía de tallas no refleja la horma real de cada marca",
                   "The size guide doesn't reflect how each brand actually fits"},
                  5, 5, 3, 12, {"Equipo de producto", "Product team"});
    b.improvement("cd-evaluate-opp", s, kOpp,
                  {"Indicar «talla pequeña, normal o grande» a partir de las devoluciones",
                   "Show “runs small, true to size or large” from returns data"},
                  4, 4, 2, 7, {"Equipo de datos", "Data team"});
    b.backstage("cd-evaluate-backstage", s, {"Formación del personal de tienda en análisis de pisada",
                                             "Training store staff in gait analysis"},
                {"Operaciones de tienda", "Store operations"},
                {"Cinta con cámara, app de análisis", "Treadmill camera, gait analysis app"});
    b.kpi("cd-evaluate-kpi", s, {"Consultas a la guía de tallas por sesión: 0,8",
                                 "Size-guide views per session: 0.8"});
}

void addPurchaseCards(ExampleBuilder& b) {
    const char* s = "st-purchase";
    b.note("cd-purchase-action", s, "ln-actions",
           {"Añade al carrito, elige el envío y paga con tarjeta o Bizum",
            "Adds to cart, picks delivery and pays by card or PayPal"});
    b.touchpoint("cd-purchase-checkout", s, {"Carrito y pago", "Cart and checkout"},
                 Channel::Web, TK::Digital, TO::Brand, DimBehavioural | DimCognitive, 5, 3,
                 {metric(MT::Ces, 4.1, 5.5, "/7"),
                  b.custom({"Abandono de carrito", "Cart abandonment"}, 68, 55, {"%", "%"})});
    b.touchpoint("cd-purchase-email", s, {"Correo de confirmación del pedido", "Order confirmation email"},
                 Channel::Email, TK::Digital, TO::Brand, DimCognitive, 4, 4,
                 {b.custom({"Tasa de apertura", "Open rate"}, 82, 80, {"%", "%"})});
    b.note("cd-purchase-thought", s, "ln-thoughts",
           {"«¿Por qué tengo que crear una cuenta para comprar unas zapatillas?»",
            "“Why do I need an account to buy a pair of shoes?”"});
    b.improvement("cd-purchase-pain", s, kPain,
                  {"Registro obligatorio y gastos de envío que aparecen al final",
                   "Mandatory sign-up and shipping costs revealed at the last step"},
                  4, 5, 2, 11, {"E-commerce", "E-commerce"})
        .personaIds = {"pe-carmen"};
    b.improvement("cd-purchase-opp", s, kOpp,
                  {"Compra como invitado y envío gratis visible desde la ficha",
                   "Guest checkout and free delivery shown on the product page"},
                  4, 5, 2, 10, {"E-commerce", "E-commerce"}, ImprovementStatus::InProgress);
    b.backstage("cd-purchase-backstage", s, {"Pasarela de pago y control antifraude",
                                             "Payment gateway and fraud screening"},
                {"E-commerce", "E-commerce"}, {"Pasarela de pago, ERP", "Payment gateway, ERP"});
    b.kpi("cd-purchase-kpi", s, {"Abandono de carrito: 68 % (objetivo 55 %)",
                                 "Cart abandonment: 68% (target 55%)"});
}

void addPostPurchaseCards(ExampleBuilder& b) {
    const char* s = "st-delivery";
    b.note("cd-delivery-action", s, "ln-actions",
           {"Sigue el envío y recibe el paquete en casa o en un punto de recogida",
            "Tracks the parcel and receives it at home or at a pick-up point"});
    b.touchpoint("cd-delivery-carrier", s, {"Avisos y seguimiento del transportista",
                                            "Carrier notifications and tracking"},
                 Channel::App, TK::Digital, TO::Partner, DimCognitive | DimEmotional, 4, 2,
                 {metric(MT::Csat, 3.0, 4.2, "/5"),
                  b.custom({"Entregas en plazo", "On-time deliveries"}, 91, 97, {"%", "%"})});
    b.touchpoint("cd-delivery-box", s, {"Caja y embalaje", "Box and packaging"}, Channel::Packaging,
                 TK::Physical, TO::Brand, DimSensory | DimEmotional, 3, 4);
    b.note("cd-delivery-thought", s, "ln-thoughts",
           {"«Pone “ausente” y llevo toda la mañana en casa.»",
            "“It says ‘not at home’ and I've been in all morning.”"});
    b.improvement("cd-delivery-pain", s, kPain,
                  {"Entregas fallidas sin aviso: «ausente» estando en casa",
                   "Failed deliveries without warning: marked “not at home” while at home"},
                  4, 4, 4, 9, {"Logística", "Logistics"});
    b.improvement("cd-delivery-opp", s, kOpp,
                  {"Elegir franja horaria o taquilla de recogida al pagar",
                   "Pick a delivery slot or a parcel locker at checkout"},
                  3, 4, 3, 5, {"Logística", "Logistics"});
    b.backstage("cd-delivery-backstage", s, {"Preparación de pedidos y acuerdo con el transportista",
                                             "Order picking and the carrier contract"},
                {"Logística", "Logistics"}, {"SGA, API del transportista", "WMS, carrier API"});
    b.kpi("cd-delivery-kpi", s, {"Entregas en plazo: 91 % (objetivo 97 %)",
                                 "On-time deliveries: 91% (target 97%)"});

    s = "st-use";
    b.note("cd-use-action", s, "ln-actions", {"Estrena las zapatillas y registra los kilómetros en la app",
                                              "Breaks the shoes in and logs the kilometres in the app"});
    b.touchpoint("cd-use-firstruns", s, {"Primeras salidas con las zapatillas", "First runs in the new shoes"},
                 Channel::Other, TK::Physical, TO::Customer, DimSensory | DimEmotional | DimBehavioural,
                 5, 4, {metric(MT::Csat, 4.3, 4.5, "/5")});
    b.touchpoint("cd-use-app", s, {"App de entrenamiento con plan de rodaje",
                                   "Training app with a break-in plan"},
                 Channel::App, TK::Digital, TO::Brand, DimBehavioural | DimSocial, 3, 4,
                 {metric(MT::Nps, 34, 40)});
    b.note("cd-use-thought", s, "ln-thoughts",
           {"«Son comodísimas, aunque a partir del km 10 noto el talón.»",
            "“Really comfortable, though I feel my heel after 10 km.”"});
    b.improvement("cd-use-pain", s, kPain, {"Nadie explica cómo hacer el rodaje de las zapatillas nuevas",
                                            "Nobody explains how to break in new shoes"},
                  2, 3, 1, 2, {"CRM", "CRM"});
    b.improvement("cd-use-opp", s, kOpp, {"Correo a los 7 días con consejos y encuesta de ajuste",
                                          "Email after 7 days with tips and a fit survey"},
                  3, 3, 1, 4, {"CRM", "CRM"}, ImprovementStatus::Done);
    b.backstage("cd-use-backstage", s, {"Correos automáticos de posventa", "Automated post-purchase emails"},
                {"CRM", "CRM"}, {"Plataforma de automatización de marketing", "Marketing automation platform"});
    b.kpi("cd-use-kpi", s, {"NPS a los 30 días: 34", "30-day NPS: 34"});

    s = "st-service";
    b.note("cd-service-action", s, "ln-actions", {"Pide un cambio de talla o una devolución",
                                                  "Asks for a size exchange or a return"});
    b.touchpoint("cd-service-phone", s, {"Atención telefónica para cambios y devoluciones",
                                         "Phone support for exchanges and returns"},
                 Channel::Phone, TK::Personal, TO::Brand, DimEmotional | DimCognitive, 4, 1,
                 {metric(MT::Csat, 2.4, 4.0, "/5"), metric(MT::Ces, 3.2, 5.5, "/7")})
        .personaIds = {"pe-javier", "pe-carmen"};
    b.touchpoint("cd-service-returns", s, {"Portal de devoluciones", "Returns portal"}, Channel::Web,
                 TK::Digital, TO::Brand, DimBehavioural, 4, 3,
                 {metric(MT::Ces, 4.4, 5.5, "/7"),
                  b.custom({"Días hasta el reembolso", "Days to refund"}, 11, 5, {"días", "days"})});
    b.note("cd-service-thought", s, "ln-thoughts",
           {"«Tengo que imprimir la etiqueta y no tengo impresora.»",
            "“I have to print a label and I don't own a printer.”"});
    b.improvement("cd-service-pain", s, kPain, {"El reembolso tarda más de 10 días",
                                                "Refunds take more than 10 days"},
                  5, 4, 3, 10, {"Finanzas", "Finance"}, ImprovementStatus::InProgress);
    b.improvement("cd-service-opp", s, kOpp,
                  {"Cambio de talla exprés: enviamos el nuevo par antes de recoger el anterior",
                   "Express size exchange: ship the new pair before collecting the old one"},
                  5, 5, 4, 8, {"Atención al cliente", "Customer service"});
    b.backstage("cd-service-backstage", s, {"Gestión de devoluciones y reembolsos",
                                            "Returns and refunds handling"},
                {"Atención al cliente y finanzas", "Customer service and finance"},
                {"Herramienta de tickets, ERP", "Ticketing tool, ERP"});
    b.kpi("cd-service-kpi", s, {"Tiempo medio de reembolso: 11 días", "Average time to refund: 11 days"});

    s = "st-recommend";
    b.note("cd-recommend-action", s, "ln-actions",
           {"Deja una reseña y las recomienda en su club de running",
            "Leaves a review and recommends them at the running club"});
    b.touchpoint("cd-recommend-social", s, {"Reseñas y grupo del club en redes sociales",
                                            "Reviews and the running club's social group"},
                 Channel::Social, TK::Digital, TO::SocialExternal, DimSocial | DimEmotional, 3, 4,
                 {metric(MT::Nps, 34, 45)});
    b.touchpoint("cd-recommend-loyalty", s, {"Programa de puntos y código para amigos",
                                             "Loyalty points and refer-a-friend code"},
                 Channel::Email, TK::Digital, TO::Brand, DimSocial | DimBehavioural, 3, 3,
                 {b.custom({"Códigos canjeados", "Codes redeemed"}, 12, 20, {"%", "%"})});
    b.note("cd-recommend-thought", s, "ln-thoughts",
           {"«Si me lo ponen fácil, las recomiendo en el club.»",
            "“If they make it easy, I'll recommend them at the club.”"});
    b.improvement("cd-recommend-pain", s, kPain, {"Piden la reseña demasiado pronto, antes de estrenarlas",
                                                  "Review requests arrive before the first run"},
                  2, 2, 1, 1, {"CRM", "CRM"});
    b.improvement("cd-recommend-opp", s, kOpp, {"Invitar a opinar tras 30 km y premiarlo con puntos",
                                                "Ask for a review after 30 km and reward it with points"},
                  3, 3, 2, 5, {"Marketing de comunidad", "Community marketing"});
    b.backstage("cd-recommend-backstage", s, {"Moderación de reseñas y comunidad",
                                              "Review moderation and community"},
                {"Marketing de comunidad", "Community marketing"},
                {"Plataforma de reseñas, CRM", "Review platform, CRM"});
    b.kpi("cd-recommend-kpi", s, {"Clientes promotores (NPS 9–10): 41 %", "Promoters (NPS 9–10): 41%"});
}

}  // namespace trayecto::examples

#include "agenda.hpp"

namespace trayecto::app {

const AgendaStep kAgenda[kAgendaSteps] = {
    {"Analyse the customer's experiential world", "Analizar el mundo experiencial del cliente",
     "Who are the customers, what do they feel and think at each stage?",
     "¿Quiénes son los clientes y qué sienten y piensan en cada etapa?",
     {LaneType::Emotions, LaneType::Thoughts, LaneType::Custom}, true},
    {"Build the experiential platform", "Construir la plataforma experiencial",
     "What should the experience be? Goals and expectations per stage.",
     "¿Cómo debe ser la experiencia? Objetivos y expectativas por etapa.",
     {LaneType::Goals, LaneType::Actions, LaneType::Custom}, true},
    {"Design the brand experience", "Diseñar la experiencia de marca",
     "The touchpoints and the moments of truth that shape it.",
     "Los puntos de contacto y los momentos de la verdad que la forman.",
     {LaneType::Touchpoints, LaneType::Channels, LaneType::Custom}, false},
    {"Structure the customer interface", "Estructurar la interfaz con el cliente",
     "Channels, people and the backstage processes behind each touchpoint.",
     "Canales, personas y los procesos internos detrás de cada punto de contacto.",
     {LaneType::Channels, LaneType::Backstage, LaneType::Touchpoints}, false},
    {"Keep innovating", "Innovar de forma continua",
     "Pain points, opportunities and the KPIs to follow them.",
     "Puntos de dolor, oportunidades y los KPI para seguirlos.",
     {LaneType::PainPoints, LaneType::Opportunities, LaneType::Kpis}, false},
};

}  // namespace trayecto::app

#include "agenda.hpp"

#include <algorithm>

namespace trayecto::app {

const AgendaStep kAgenda[5] = {
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

void CountdownTimer::setMinutes(int minutes) {
    minutes_ = std::clamp(minutes, 1, 180);
    if (!running_) left_ = minutes_ * 60.0;
}

void CountdownTimer::start() {
    if (running_) return;
    if (left_ <= 0.0) left_ = minutes_ * 60.0;
    endsAt_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(left_));
    running_ = true;
}

void CountdownTimer::pause() {
    if (!running_) return;
    left_ = remainingSeconds();
    running_ = false;
}

void CountdownTimer::reset() {
    running_ = false;
    left_ = minutes_ * 60.0;
}

double CountdownTimer::remainingSeconds() const {
    if (!running_) return std::max(0.0, left_);
    const double left = std::chrono::duration<double>(endsAt_ - Clock::now()).count();
    return std::max(0.0, left);
}

}  // namespace trayecto::app

// The history's steps in the UI's language. The core names each command in English ("Move card",
// "Remove 3 cards", "Merge 4 participants"): that name is the key, and this table gives its
// Spanish. A step with no Spanish here is shown without a name, never in English inside Spanish.
#pragma once

#include <string>

#include "i18n.hpp"

namespace trayecto::app {

// X(the core's name, Spanish)
#define TRAYECTO_COMMAND_NAMES(X) \
    X("Add card", "Añadir tarjeta") \
    X("Add emotion", "Añadir emoción") \
    X("Add lane", "Añadir carril") \
    X("Add metric", "Añadir métrica") \
    X("Add moment of truth", "Añadir momento de la verdad") \
    X("Add persona", "Añadir persona") \
    X("Add stage", "Añadir etapa") \
    X("Change card kind", "Cambiar el tipo de tarjeta") \
    X("Change colour", "Cambiar el color") \
    X("Change emotion", "Cambiar la emoción") \
    X("Change lane type", "Cambiar el tipo de carril") \
    X("Change personas", "Cambiar las personas") \
    X("Change phase", "Cambiar la fase") \
    X("Edit card", "Editar tarjeta") \
    X("Edit card text", "Editar el texto de la tarjeta") \
    X("Edit emotion note", "Editar la nota de la emoción") \
    X("Edit map details", "Editar los datos del mapa") \
    X("Edit metric", "Editar métrica") \
    X("Edit moment of truth", "Editar momento de la verdad") \
    X("Edit notes", "Editar notas") \
    X("Edit persona", "Editar persona") \
    X("Edit stage", "Editar etapa") \
    X("Edit touchpoint", "Editar punto de contacto") \
    X("Go to agenda step", "Ir al paso de la agenda") \
    X("Hide lane", "Ocultar carril") \
    X("Move card", "Mover tarjeta") \
    X("Move emotion", "Mover emoción") \
    X("Move lane", "Mover carril") \
    X("Move moment of truth", "Mover momento de la verdad") \
    X("Move persona", "Mover persona") \
    X("Move stage", "Mover etapa") \
    X("Name feeling", "Nombrar el sentimiento") \
    X("Name the participant", "Poner nombre al participante") \
    X("Pause timer", "Pausar el temporizador") \
    X("Remove card", "Eliminar tarjeta") \
    X("Remove emotion", "Quitar emoción") \
    X("Remove lane", "Eliminar carril") \
    X("Remove metric", "Quitar métrica") \
    X("Remove moment of truth", "Quitar momento de la verdad") \
    X("Remove persona", "Eliminar persona") \
    X("Remove stage", "Eliminar etapa") \
    X("Rename lane", "Renombrar carril") \
    X("Rename stage", "Renombrar etapa") \
    X("Reset timer", "Reiniciar el temporizador") \
    X("Resolve conflict", "Resolver conflicto") \
    X("Restore version", "Recuperar versión") \
    X("Set timer minutes", "Fijar los minutos") \
    X("Set valence", "Fijar la valencia") \
    X("Set votes per person", "Fijar los votos por persona") \
    X("Show lane", "Mostrar carril") \
    X("Start dot voting", "Empezar la votación") \
    X("Start timer", "Empezar el temporizador") \
    X("Stop dot voting", "Terminar la votación") \
    X("Take back a vote", "Retirar un voto") \
    X("Vote", "Votar") \
    X("Edit", "Editar") \
    X("Duplicate card", "Duplicar tarjeta")

// `name` (the core's) as the UI says it in `lang`: as it is in English; in Spanish from the table,
// counted names ("Move 3 cards", "Merge 4 participants") included; "" when the table lacks it.
std::string commandName(Lang lang, const std::string& name);

}  // namespace trayecto::app

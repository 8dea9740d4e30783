// Every UI string in English and Spanish, switchable at run time.
#pragma once

#include <string>

#include "trayecto/model.hpp"

namespace trayecto::app {

enum class Lang { En, Es };

// X(key, English, Spanish)
#define TRAYECTO_TEXTS(X) \
    X(AppName, "Trayecto", "Trayecto") \
    X(MenuMap, "Map", "Mapa") \
    X(MenuEdit, "Edit", "Editar") \
    X(MenuView, "View", "Ver") \
    X(MenuLanguage, "Language", "Idioma") \
    X(NewExample, "New example map", "Nuevo mapa de ejemplo") \
    X(NewBlank, "New blank map", "Nuevo mapa en blanco") \
    X(Undo, "Undo", "Deshacer") \
    X(Redo, "Redo", "Rehacer") \
    X(Delete, "Delete", "Eliminar") \
    X(Duplicate, "Duplicate", "Duplicar") \
    X(SelectAll, "Select all", "Seleccionar todo") \
    X(ZoomToFit, "Zoom to fit", "Ajustar a la vista") \
    X(ZoomIn, "Zoom in", "Acercar") \
    X(ZoomOut, "Zoom out", "Alejar") \
    X(ShowInspector, "Inspector", "Inspector") \
    X(ShowPersonas, "Personas", "Personas") \
    X(ShowMoments, "Moments of truth", "Momentos de la verdad") \
    X(ShowMinimap, "Overview", "Vista general") \
    X(English, "English", "Inglés") \
    X(Spanish, "Spanish", "Español") \
    X(PhasePre, "Pre-purchase", "Pre-compra") \
    X(PhasePurchase, "Purchase", "Compra") \
    X(PhasePost, "Post-purchase", "Post-compra") \
    X(LineOfVisibility, "Line of visibility", "Línea de visibilidad") \
    X(Frontstage, "Frontstage: what the customer sees", "Lo que ve el cliente") \
    X(Backstage, "Backstage: the brand's internal processes", "Trastienda: procesos internos de la marca") \
    X(HintAddCard, "Double-click a cell to add a card; drag cards to move them; Ctrl+Z undoes.", \
      "Doble clic en una celda para añadir una tarjeta; arrastra para moverlas; Ctrl+Z deshace.") \
    X(NewCard, "New card", "Nueva tarjeta") \
    X(NewStage, "New stage", "Nueva etapa") \
    X(NewLane, "New lane", "Nuevo carril") \
    X(NewPersona, "New persona", "Nueva persona") \
    X(AddStage, "Add stage", "Añadir etapa") \
    X(AddLane, "Add lane", "Añadir carril") \
    X(AddPersona, "Add persona", "Añadir persona") \
    X(AllPersonas, "All personas", "Todas las personas") \
    X(ActivePersona, "Active persona", "Persona activa") \
    X(Filter, "Filter", "Filtrar") \
    X(NothingSelected, "Select a card, stage or lane to see its details.", \
      "Selecciona una tarjeta, etapa o carril para ver sus detalles.") \
    X(Search, "Search", "Buscar") \
    X(Matches, "matches", "coincidencias") \
    X(Text, "Text", "Texto") \
    X(Notes, "Notes", "Notas") \
    X(Name, "Name", "Nombre") \
    X(Votes, "Votes", "Votos") \
    X(Valence, "Valence", "Valencia") \
    X(Feeling, "Feeling", "Sentimiento") \
    X(Note, "Note", "Nota") \
    X(NoMoments, "No moments of truth yet.", "Aún no hay momentos de la verdad.") \
    X(LoadFailed, "The map could not be opened", "No se pudo abrir el mapa")

enum class Text {
#define TRAYECTO_TEXT_KEY(key, en, es) key,
    TRAYECTO_TEXTS(TRAYECTO_TEXT_KEY)
#undef TRAYECTO_TEXT_KEY
    Count
};

const char* tr(Lang lang, Text text);
// "es" for any Spanish tag ("es", "es-MX", ...), English otherwise.
Lang langFromTag(const std::string& tag);
const char* langTag(Lang lang);

}  // namespace trayecto::app

namespace trayecto::app {
const char* phaseLabel(Lang lang, Phase phase);
}  // namespace trayecto::app

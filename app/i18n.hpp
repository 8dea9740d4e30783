// Every UI string in English and Spanish, switchable at run time: one catalogue for the canvas
// (here), the page around it (i18n_page.hpp) and the core's errors (i18n_errors.hpp).
#pragma once

#include <initializer_list>
#include <string>

#include "i18n_errors.hpp"
#include "i18n_page.hpp"
#include "trayecto/load_error.hpp"
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
    X(HideMinimap, "Hide the overview", "Ocultar la vista general") \
    X(FilterOn, "Showing only", "Solo se muestra") \
    X(ClearFilter, "Show every persona again", "Volver a mostrar todas las personas") \
    X(OnlyThis, "Only this", "Solo esta") \
    X(Rename, "Rename", "Cambiar nombre") \
    X(English, "English", "Inglés") \
    X(Spanish, "Spanish", "Español") \
    X(PhasePre, "Pre-purchase", "Pre-compra") \
    X(PhasePurchase, "Purchase", "Compra") \
    X(PhasePost, "Post-purchase", "Post-compra") \
    X(LineOfVisibility, "Line of visibility", "Línea de visibilidad") \
    X(Frontstage, "Frontstage: what the customer sees", "Lo que ve el cliente") \
    X(Backstage, "Backstage: the brand's internal processes", "Trastienda: procesos internos de la marca") \
    X(HintAddCard, "Double-click a cell to add a card; drag on empty space to select; right-drag to pan; Ctrl+Z undoes; ? lists the keys.", \
      "Doble clic en una celda para añadir una tarjeta; arrastra en un hueco para seleccionar y con el botón derecho para moverte; Ctrl+Z deshace; ? muestra las teclas.") \
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
    X(LoadFailed, "The map could not be opened", "No se pudo abrir el mapa") \
    X(MotType, "Type", "Tipo") \
    X(CustomType, "Custom type", "Tipo personalizado") \
    X(MotState, "State", "Estado") \
    X(WhyItMatters, "Why it matters", "Por qué importa") \
    X(Channel, "Channel", "Canal") \
    X(TouchpointKindLabel, "Kind of interaction", "Tipo de interacción") \
    X(Owner, "Owner", "Responsable") \
    X(Controlled, "Controlled by the organisation", "Controlado por la organización") \
    X(Dimensions, "CX dimensions", "Dimensiones de la experiencia") \
    X(Expectation, "Expectation", "Expectativa") \
    X(Experience, "Experience", "Experiencia") \
    X(Gap, "Gap (experience - expectation)", "Brecha (experiencia - expectativa)") \
    X(Metrics, "Metrics", "Métricas") \
    X(MetricTypeLabel, "Metric", "Métrica") \
    X(Value, "Value", "Valor") \
    X(Target, "Target", "Objetivo") \
    X(RemoveMetric, "Remove metric", "Quitar métrica") \
    X(AddMetric, "Add metric", "Añadir métrica") \
    X(Severity, "Severity", "Gravedad") \
    X(Impact, "Impact", "Impacto") \
    X(Effort, "Effort", "Esfuerzo") \
    X(Status, "Status", "Estado") \
    X(Systems, "Systems", "Sistemas") \
    X(Kind, "Kind", "Tipo") \
    X(CustomColour, "Own colour", "Color propio") \
    X(AppliesTo, "Applies to", "Se aplica a") \
    X(TouchpointDetails, "Touchpoint", "Punto de contacto") \
    X(Priority, "Priority", "Prioridad") \
    X(BackstageDetails, "Backstage process", "Proceso interno") \
    X(MomentOfTruth, "Moment of truth", "Momento de la verdad") \
    X(IsMomentOfTruth, "This is a moment of truth", "Es un momento de la verdad") \
    X(Stage, "Stage", "Etapa") \
    X(Phase, "Phase", "Fase") \
    X(Description, "Description", "Descripción") \
    X(MoveLeft, "Move left", "Mover a la izquierda") \
    X(MoveRight, "Move right", "Mover a la derecha") \
    X(Lane, "Lane", "Carril") \
    X(Hidden, "Hidden", "Oculto") \
    X(MoveUp, "Move up", "Subir") \
    X(MoveDown, "Move down", "Bajar") \
    X(Emotion, "Emotion", "Emoción") \
    X(CardsSelected, "cards selected", "tarjetas seleccionadas") \
    X(Persona, "Persona", "Persona") \
    X(Goals, "Goals", "Objetivos") \
    X(Needs, "Needs", "Necesidades") \
    X(Expectations, "Expectations", "Expectativas") \
    X(Frustrations, "Frustrations", "Frustraciones") \
    X(Quote, "Quote", "Cita") \
    X(Colour, "Colour", "Color") \
    X(Icon, "Icon", "Icono") \
    X(ValueTierLabel, "Value tier (CLV)", "Valor del cliente (CLV)") \
    X(ShowOnly, "Show only this persona", "Mostrar solo esta persona") \
    X(Close, "Close", "Cerrar") \
    X(Previous, "Previous", "Anterior") \
    X(Next, "Next", "Siguiente") \
    X(Edit, "Edit", "Editar") \
    X(MarkMoment, "Mark as moment of truth", "Marcar como momento de la verdad") \
    X(UnmarkMoment, "Not a moment of truth", "Quitar momento de la verdad") \
    X(AddCardHere, "Add card here", "Añadir tarjeta aquí") \
    X(Hint, "Hint", "Consejo") \
    X(NewMap, "New map…", "Nuevo mapa…") \
    X(MyMaps, "My maps…", "Mis mapas…") \
    X(OpenFile, "Open file…", "Abrir archivo…") \
    X(SaveFile, "Save as file", "Guardar como archivo") \
    X(CopyLink, "Copy link", "Copiar enlace") \
    X(CopyLinkToCopy, "Copy link to a copy of this map", "Copiar enlace a una copia del mapa") \
    X(StartLiveSession, "Start live session…", "Iniciar sesión en vivo…") \
    X(LiveSessionLink, "Live session link…", "Enlace de la sesión en vivo…") \
    X(LeaveLiveSession, "Leave live session", "Salir de la sesión en vivo") \
    X(VersionHistory, "Version history…", "Historial de versiones…") \
    X(SavedInBrowser, "Saved in this browser", "Guardado en este navegador") \
    X(Saving, "Saving…", "Guardando…") \
    X(NotKept, "Changes are NOT being kept: save as file", "Los cambios NO se están guardando: guarda un archivo") \
    X(StorageOff, "Not kept in this browser", "No se guarda en este navegador") \
    X(NotInFile, "Changes not saved to a file", "Cambios sin guardar en archivo") \
    X(InFile, "Saved to file", "Guardado en archivo") \
    X(FollowingHint, "Being edited in another tab: its changes show here.", \
      "Se está editando en otra pestaña: aquí se ven sus cambios.") \
    X(MapTitle, "Map title", "Título del mapa") \
    X(RenameMap, "Rename the map…", "Cambiar el título del mapa…") \
    X(ThisMap, "This map", "Este mapa") \
    X(Scope, "Scope", "Alcance") \
    X(Export, "Export", "Exportar") \
    X(ExportCsv, "Cards as CSV (spreadsheet)", "Tarjetas en CSV (hoja de cálculo)") \
    X(ExportMarkdown, "Report as Markdown", "Informe en Markdown") \
    X(ExportHtml, "Report as web page (HTML)", "Informe como página web (HTML)") \
    X(ExportPng, "Image of the whole map (PNG)", "Imagen del mapa completo (PNG)") \
    X(NewMapTitle, "New map", "Nuevo mapa") \
    X(ChooseTemplate, "Start from a template: each comes with personas, stages, touchpoints and emotions to adapt.", \
      "Empieza con una plantilla: cada una trae personas, etapas, puntos de contacto y emociones para adaptar.") \
    X(Create, "Create", "Crear") \
    X(Cancel, "Cancel", "Cancelar") \
    X(DotVoting, "Dot voting", "Votación con puntos") \
    X(VotesPerPerson, "votes each", "votos por persona") \
    X(VotesLeft, "Votes left", "Votos restantes") \
    X(VoteResults, "Votes", "Votos") \
    X(Present, "Present stage by stage", "Presentar etapa a etapa") \
    X(Workshop, "Workshop", "Taller") \
    X(JoiningHint, "Joining the live session: the room's map as last kept; you can edit in a moment.", \
      "Entrando en la sesión en vivo: el mapa de la sala tal como se guardó; podrá editarlo en un momento.") \
    X(ReadOnlyHint, "Read-only: pan, zoom, select and read every detail; nothing can be changed.", \
      "Solo lectura: mueve, acerca, selecciona y lee cada detalle; no se puede cambiar nada.") \
    X(Analysis, "Analysis (opens in a new tab)", "Análisis (se abre en otra pestaña)") \
    X(Agenda, "Agenda: Schmitt's five steps", "Agenda: los cinco pasos de Schmitt") \
    X(NextStep, "Next step", "Siguiente paso") \
    X(Timer, "Timer (everyone sees it)", "Temporizador (lo ve todo el mundo)") \
    X(Minutes, "minutes", "minutos") \
    X(Start, "Start", "Empezar") \
    X(Pause, "Pause", "Pausa") \
    X(Reset, "Reset", "Reiniciar") \
    X(MergeFiles, "Merge participants' files…", "Combinar archivos de participantes…") \
    X(MergeTab, "Merge", "Combinación") \
    X(Participants, "Participants", "Participantes") \
    X(MergeAdded, "added", "añadidos") \
    X(MergeKept, "kept though deleted", "conservados aunque se borraron") \
    X(MergeDropped, "dropped", "descartados") \
    X(Conflicts, "Conflicts: choose a value", "Conflictos: elige un valor") \
    X(NoConflicts, "No conflicting edits.", "No hay ediciones en conflicto.") \
    X(BaseValue, "before the workshop", "antes del taller") \
    X(DeletedCard, "Card deleted", "Tarjeta eliminada") \
    X(DeletedCards, "cards deleted", "tarjetas eliminadas") \
    X(DeletedStage, "Stage deleted", "Etapa eliminada") \
    X(DeletedLane, "Lane deleted", "Carril eliminado") \
    X(DeletedPersona, "Persona deleted", "Persona eliminada") \
    X(DeletedMoment, "Moment of truth removed", "Momento de la verdad quitado") \
    X(DeletedEmotion, "Emotion removed", "Emoción quitada") \
    X(DeletedMetric, "Metric removed", "Métrica quitada") \
    X(WithOneCard, "and its card", "y su tarjeta") \
    X(WithCards, "and its %d cards", "y sus %d tarjetas") \
    X(MenuHelp, "Help", "Ayuda") \
    X(WelcomeMenu, "Welcome…", "Bienvenida…") \
    X(ShortcutsMenu, "Keyboard shortcuts", "Atajos de teclado") \
    X(MirrorGrid, "Journey map: {1}", "Mapa del recorrido: {1}") \
    X(MirrorCorner, "Lane / stage", "Carril / etapa") \
    X(MirrorOneVote, "1 vote", "1 voto") \
    X(MirrorVotes, "{1} votes", "{1} votos") \
    X(PeerTyping, "{1} · typing", "{1} · escribiendo") \
    X(MirrorMoment, "moment of truth: {1}", "momento de la verdad: {1}") \
    X(MirrorFor, "for {1}", "para {1}") \
    X(MirrorNoCards, "no cards", "sin tarjetas") \
    X(MirrorCurve, "Emotional curve of {1}", "Curva emocional de {1}") \
    X(MirrorNotRated, "not rated", "sin valorar") \
    X(MirrorIn, "{1} in {2} · {3}", "{1} en {2} · {3}") \
    X(PanelCopyName, "Side panel: {1}", "Panel lateral: {1}") \
    X(StatusLineName, "Status line", "Línea de estado") \
    X(PanelSayField, "{1}: {2}", "{1}: {2}") \
    X(PanelSayChecked, "{1}: checked", "{1}: marcado") \
    X(PanelSayNotChecked, "{1}: not checked", "{1}: sin marcar") \
    X(PanelSayButton, "{1}, button", "{1}, botón") \
    X(PanelSayTab, "{1}, tab", "{1}, pestaña") \
    X(ShortcutsTitle, "Keyboard shortcuts", "Atajos de teclado") \
    X(KeysArrows, "Arrows", "Flechas") \
    X(DoArrows, "Move between cards and cells, empty ones too", "Moverse entre tarjetas y celdas, también las vacías") \
    X(KeysEdit, "Enter, F2", "Intro, F2") \
    X(DoEdit, "Edit the selected card's text (Enter again to finish)", "Editar el texto de la tarjeta seleccionada (Intro otra vez para terminar)") \
    X(KeysEscape, "Escape", "Esc") \
    X(DoEscape, "Leave the text as typed (a new card left empty goes); clear the selection", \
      "Salir del texto como está (una tarjeta nueva vacía se quita); quitar la selección") \
    X(KeysNewCard, "N, Insert", "N, Insert") \
    X(DoNewCard, "New card in the cell you are on", "Nueva tarjeta en la celda en la que estás") \
    X(KeysMove, "Ctrl+arrows", "Ctrl+flechas") \
    X(DoMove, "Move the selected cards to the next stage or lane, or within their cell", "Mover las tarjetas seleccionadas a la etapa o carril de al lado, o dentro de su celda") \
    X(KeysDelete, "Delete", "Supr") \
    X(DoDelete, "Delete what is selected", "Eliminar lo seleccionado") \
    X(KeysDuplicate, "Ctrl+D", "Ctrl+D") \
    X(KeysEmotion, "+ and -", "+ y -") \
    X(DoEmotion, "The active persona's emotion at this stage, up or down", "Subir o bajar la emoción de la persona activa en esta etapa") \
    X(KeysMoment, "M", "M") \
    X(DoMoment, "Mark the card as a moment of truth and choose its type, or unmark it", "Marcar la tarjeta como momento de la verdad y elegir su tipo, o desmarcarla") \
    X(KeysSelectAll, "Ctrl+A", "Ctrl+A") \
    X(KeysUndo, "Ctrl+Z, Ctrl+Y", "Ctrl+Z, Ctrl+Y") \
    X(DoUndo, "Undo, redo", "Deshacer, rehacer") \
    X(KeysSearch, "Ctrl+F", "Ctrl+F") \
    X(DoSearch, "Find text on the map", "Buscar texto en el mapa") \
    X(KeysSave, "Ctrl+S", "Ctrl+S") \
    X(DoSave, "Save the map as a file", "Guardar el mapa como archivo") \
    X(KeysOpen, "Ctrl+O", "Ctrl+O") \
    X(DoOpen, "Open a map file", "Abrir un archivo de mapa") \
    X(KeysMenus, "F10, Alt", "F10, Alt") \
    X(DoMenus, "Open the menus: arrows, Enter and Escape in them", "Abrir los menús: flechas, Intro y Esc dentro") \
    X(KeysRegions, "F6, Tab", "F6, Tab") \
    X(DoRegions, "To the side panel (arrows, Space, Enter there) and, with F6 or Escape, back to the map", "Al panel lateral (flechas, espacio e Intro allí) y, con F6 o Esc, de vuelta al mapa") \
    X(KeysShortcuts, "?", "?") \
    X(DoShortcuts, "This list", "Esta lista") \
    X(WelcomeTitle, "Welcome to Trayecto", "Te damos la bienvenida a Trayecto") \
    X(WelcomeText, "Trayecto draws customer journey maps: the stages a customer goes through, what they do, think and feel at each touchpoint, and where the experience hurts or could get better. Your maps stay in this browser; save a file to share one. How would you like to start?", \
      "Trayecto dibuja mapas de la experiencia del cliente: las etapas por las que pasa, qué hace, piensa y siente en cada punto de contacto, y dónde la experiencia duele o puede mejorar. Tus mapas se quedan en este navegador; guarda un archivo para compartir uno. ¿Cómo quieres empezar?") \
    X(WelcomeTemplate, "Start from a template…", "Empezar con una plantilla…") \
    X(WelcomeBlank, "Start a blank map", "Empezar un mapa en blanco") \
    X(WelcomeExample, "Explore the example map", "Explorar el mapa de ejemplo") \
    X(WelcomeOpenFile, "Open a map file…", "Abrir un archivo de mapa…") \
    X(YourName, "Your name", "Tu nombre") \
    X(YourNameMenu, "Your name…", "Tu nombre…") \
    X(YourNameText, "Your name goes into the file's name and tells the facilitator whose copy this is when the participants' files are merged. It is asked once while this page is open.", \
      "Tu nombre va en el nombre del archivo y le dice a quien facilita de quién es esta copia al combinar los archivos de los participantes. Se pregunta una vez mientras esta página está abierta.") \
    X(SaveNamed, "Save", "Guardar") \
    X(CrowdCurveHint, "The emotion lane shows each persona's crowd curve: the median, and a band from the first to the third quartile of the participants' ratings.", \
      "El carril de emociones muestra la curva del grupo de cada persona: la mediana y una banda del primer al tercer cuartil de las valoraciones.")

// Every entry of the catalogue, in one list.
#define TRAYECTO_CATALOGUE(X) TRAYECTO_TEXTS(X) TRAYECTO_PAGE_TEXTS(X) TRAYECTO_ERROR_TEXTS(X)

enum class Text {
#define TRAYECTO_TEXT_KEY(key, en, es) key,
    TRAYECTO_CATALOGUE(TRAYECTO_TEXT_KEY)
#undef TRAYECTO_TEXT_KEY
    Count
};

const char* tr(Lang lang, Text text);
// A widget label: the text in `lang` with an id that is the same in every language, "Tipo##mot-type".
// Two widgets whose labels are the same text in one language share ImGui's state in that language.
std::string tr(Lang lang, Text text, const char* id);
// "es" for any Spanish tag ("es", "es-MX", ...), English otherwise.
Lang langFromTag(const std::string& tag);
const char* langTag(Lang lang);

// The text with {1}, {2}… replaced by `args` (a missing one by nothing).
std::string format(Lang lang, Text text, std::initializer_list<std::string> args);
// The key of an entry as the page names it ("PageMyMaps").
const char* textKey(Text text);
// The whole catalogue in `lang` as a JSON object {key: text}: what the page's dialogs read.
std::string catalogueJson(Lang lang);

// A core error as a sentence for people: "at /cards/0/stageId: The card has no \"stageId\", …".
std::string describe(Lang lang, const LoadError& error);
// The sentence of the code alone, its arguments in place, without where.
std::string errorMessage(Lang lang, const LoadError& error);

}  // namespace trayecto::app

namespace trayecto::app {
const char* phaseLabel(Lang lang, Phase phase);
}  // namespace trayecto::app

// The catalogue's sentences for the page around the canvas (web/dialogs.js, persistence.js, the
// mount): dialogs, banners, toasts, labels. Part of the one catalogue (i18n.hpp includes it); the
// page reads them through the wasm bridge (trayecto_texts) by key, {1}, {2}… are its arguments.
// The page also uses canvas texts that say the same (Close, Cancel, Delete, Duplicate, SaveFile,
// LoadFailed, ShowPersonas): one declaration each.
#pragma once

// X(key, English, Spanish)
#define TRAYECTO_PAGE_TEXTS(X) \
    X(PageOpenFailed, "“{1}” is not a map Trayecto can open. {2} The map you had open is unchanged.", \
      "«{1}» no es un mapa que Trayecto pueda abrir. {2} El mapa que tenías abierto no ha cambiado.") \
    X(PageNotUtf8, "The file is not valid UTF-8 text.", "El archivo no es texto UTF-8 válido.") \
    X(PageBadLink, "This link does not contain a readable map (it may be cut short).", \
      "Este enlace no contiene un mapa legible (puede que esté cortado).") \
    X(PageLinkTooLargeToOpen, "The map in this link is larger than {1} MB, the most Trayecto opens, so it was not opened.", \
      "El mapa de este enlace ocupa más de {1} MB, lo máximo que abre Trayecto, así que no se ha abierto.") \
    X(PageLinkUnopenable, "The map in this link cannot be opened. {1}", "El mapa de este enlace no se puede abrir. {1}") \
    X(PageBadSource, "“{1}” is not a valid address.", "«{1}» no es una dirección válida.") \
    X(PageForeignSource, "Maps from {1} are not allowed here. The site's configuration must list that origin.", \
      "Aquí no se permiten mapas de {1}. La configuración del sitio debe incluir ese origen.") \
    X(PageSourceFailed, "Could not fetch {1} ({2}).", "No se pudo descargar {1} ({2}).") \
    X(PageSourceTooLarge, "The map at {1} is larger than {2} MB, the most Trayecto opens, so it was not opened.", \
      "El mapa de {1} ocupa más de {2} MB, lo máximo que abre Trayecto, así que no se ha abierto.") \
    X(PageSourceTimedOut, "The map at {1} did not arrive within {2} seconds, so it was not opened.", \
      "El mapa de {1} no llegó en {2} segundos, así que no se ha abierto.") \
    X(PageForeignRedirect, "{1} sent the map on to {2}, and maps from there are not allowed here. The site's configuration must list that origin.", \
      "{1} redirige el mapa a {2}, y aquí no se permiten mapas de ese origen. La configuración del sitio debe incluirlo.") \
    X(PageNotKept, "Your changes are NOT being kept in this browser.", "Tus cambios NO se están guardando en este navegador.") \
    X(PageQuota, "The browser storage is full.", "El almacenamiento del navegador está lleno.") \
    X(PageStorageUnavailable, "The browser storage is unavailable ({1}); private windows and some settings block it.", \
      "El almacenamiento del navegador no está disponible ({1}); las ventanas privadas y algunos ajustes lo bloquean.") \
    X(PageRetry, "Try again", "Reintentar") \
    X(PageOtherTab, "This map was changed in another tab or window. Your latest changes are kept here, not stored yet.", \
      "Este mapa se ha cambiado en otra pestaña o ventana. Tus últimos cambios siguen aquí, aún sin guardar.") \
    X(PageLoadTheirs, "Load the other version", "Cargar la otra versión") \
    X(PageKeepMineAsCopy, "Keep mine as a copy", "Guardar la mía como copia") \
    X(PageUpdatedFromOtherTab, "Updated with the changes made in another tab.", "Actualizado con los cambios hechos en otra pestaña.") \
    X(PageEditingHere, "You can edit this map here now; other tabs follow it.", \
      "Ya puedes editar este mapa aquí; las demás pestañas lo siguen.") \
    X(PageFollowing, "This map is open for editing in another tab of this browser. Its changes show here as they are stored.", \
      "Este mapa está abierto para editar en otra pestaña de este navegador. Sus cambios se ven aquí según se guardan.") \
    X(PageEditHere, "Edit here", "Editar aquí") \
    X(PageKeptAsCopy, "Another tab took this map over before your latest changes were stored: they are kept in My maps as “{1}”.", \
      "Otra pestaña tomó este mapa antes de que se guardaran tus últimos cambios: están en Mis mapas como «{1}».") \
    X(PageDropFile, "Drop a map file here to open it", "Suelta aquí un archivo de mapa para abrirlo") \
    X(PageUnsavedTitle, "Open another map?", "¿Abrir otro mapa?") \
    X(PageUnsavedText, "The open map has changes that are not in a file. It stays in My maps, so nothing is lost.", \
      "El mapa abierto tiene cambios que no están en un archivo. Sigue en Mis mapas, así que no se pierde nada.") \
    X(PageLeaveRoomTitle, "Leave the live session?", "¿Salir de la sesión en vivo?") \
    X(PageLeaveRoomText, "Opening another map here takes you out of the live session; the others go on without you. The session's map stays in My maps, and its link brings you back.", \
      "Abrir otro mapa aquí te saca de la sesión en vivo; los demás siguen sin ti. El mapa de la sesión sigue en Mis mapas, y su enlace te devuelve a ella.") \
    X(PageOpen, "Open", "Abrir") \
    X(PageOk, "OK", "Aceptar") \
    X(PageLinkTooLargeTitle, "This map is too large for a link", "Este mapa es demasiado grande para un enlace") \
    X(PageLinkTooLarge, "The link would be {1} thousand characters long: chats and browsers cut such links. Share the file instead (Map → Save as file).", \
      "El enlace tendría {1} mil caracteres: los chats y navegadores cortan enlaces así. Comparte el archivo (Mapa → Guardar como archivo).") \
    X(PageLinkTitle, "Link to this map", "Enlace a este mapa") \
    X(PageLinkText, "Anyone who opens this link gets their own copy of the map. It has been copied to the clipboard.", \
      "Quien abra este enlace obtiene su propia copia del mapa. Se ha copiado al portapapeles.") \
    X(PageLinkNotLive, "It is not the live session's link: for people to edit this map with you, share the one in {1} → {2}", \
      "No es el enlace de la sesión en vivo: para que editen este mapa contigo, comparte el de {1} → {2}") \
    X(PageLiveEntry, "{1} · live session", "{1} · sesión en vivo") \
    X(PageMyMaps, "My maps", "Mis mapas") \
    X(PageLiveNoServer, "This site has no live server, so live sessions cannot start here. Share the map as a file or a link instead.", \
      "Este sitio no tiene servidor en vivo, así que aquí no pueden iniciarse sesiones en vivo. Comparte el mapa como archivo o enlace.") \
    X(PageLiveTitle, "Live session", "Sesión en vivo") \
    X(PageLiveLinkText, "Everyone who opens this link edits this map with you, live. It has been copied to the clipboard.", \
      "Quien abra este enlace edita este mapa contigo, en vivo. Se ha copiado al portapapeles.") \
    X(PageLiveConnecting, "Joining the live session…", "Entrando en la sesión en vivo…") \
    X(PageLiveCannotJoin, "Could not reach the live session ({1}). The map you had open is unchanged; the link will work once the server is back.", \
      "No se pudo llegar a la sesión en vivo ({1}). El mapa que tenías abierto no ha cambiado; el enlace funcionará cuando vuelva el servidor.") \
    X(PageLiveStartText, "Everyone who opens the link will edit this map with you, live. You may set a password they must type to join.", \
      "Quien abra el enlace editará este mapa contigo, en vivo. Puedes poner una contraseña que tendrán que escribir para entrar.") \
    X(PageLivePasswordOptional, "Password (optional)", "Contraseña (opcional)") \
    X(PageLiveStart, "Start", "Iniciar") \
    X(PageLivePasswordText, "This live session has a password. Type it to join.", "Esta sesión en vivo tiene contraseña. Escríbela para entrar.") \
    X(PageLivePasswordWrong, "That is not the session's password. Try again.", "Esa no es la contraseña de la sesión. Prueba otra vez.") \
    X(PageLivePassword, "Password", "Contraseña") \
    X(PageLiveJoin, "Join", "Entrar") \
    X(PageLiveEmpty, "This live session holds no map: it was never started, or its link is cut short.", \
      "Esta sesión en vivo no tiene ningún mapa: nunca se inició, o su enlace está cortado.") \
    X(PageLiveOffline, "Live session offline: {1} change(s) of yours are kept here and will be sent when the connection is back.", \
      "Sesión en vivo sin conexión: {1} cambio(s) tuyos se guardan aquí y se enviarán al volver la conexión.") \
    X(PageLiveBack, "Back in the live session: your changes are shared. Where someone changed the same field later, theirs is kept.", \
      "De vuelta en la sesión en vivo: tus cambios están compartidos. Donde otra persona cambió el mismo campo después, queda el suyo.") \
    X(PageLiveHere, "In this session:", "En esta sesión:") \
    X(PageLiveYou, "you", "tú") \
    X(PageLiveGuest, "Guest {1}", "Invitado {1}") \
    X(PageLiveLeft, "You left the live session. The map stays in My maps.", "Has salido de la sesión en vivo. El mapa sigue en Mis mapas.") \
    X(PageLiveRefused, "The live session refused this page ({1}).", "La sesión en vivo ha rechazado esta página ({1}).") \
    X(PageNoStorage, "Maps cannot be kept in this browser right now.", "Ahora mismo no se pueden guardar mapas en este navegador.") \
    X(PageColumnTitle, "Title", "Título") \
    X(PageColumnCards, "Cards", "Tarjetas") \
    X(PageLastChange, "Last change", "Último cambio") \
    X(PageRename, "Rename", "Renombrar") \
    X(PageRestore, "Restore", "Recuperar") \
    X(PageBin, "Bin (kept for 30 days)", "Papelera (se guarda 30 días)") \
    X(PageBinEmpty, "The bin is empty.", "La papelera está vacía.") \
    X(PageCopySuffix, " (copy)", " (copia)") \
    X(PageOpenNow, "open now", "abierto") \
    X(PageFromFile, "opened from {1}", "abierto desde {1}") \
    X(PageNewTitle, "New title", "Nuevo título") \
    X(PageHistory, "Version history", "Historial de versiones") \
    X(PageNoSnapshots, "No earlier versions of this map yet.", "Aún no hay versiones anteriores de este mapa.") \
    X(PageRestored, "The earlier version is back; the one before it is in the history.", \
      "Se ha recuperado la versión anterior; la que había está en el historial.") \
    X(PageReadOnly, "This map is read-only: it cannot be replaced or changed here.", \
      "Este mapa es de solo lectura: aquí no se puede cambiar ni sustituir.") \
    X(PageCanvasLabel, "Customer journey map", "Mapa de experiencia del cliente") \
    X(PageTextInputLabel, "Text input", "Entrada de texto") \
    X(AppMapReadOnly, "The map is read-only.", "El mapa es de solo lectura.") \
    X(AppNoFilesChosen, "No files were chosen.", "No se eligió ningún archivo.") \
    X(CsvFormat, "CSV format", "Formato CSV") \
    X(CsvSemicolon, "Semicolons (Excel in Spanish and most of Europe)", "Punto y coma (Excel en español y casi toda Europa)") \
    X(CsvComma, "Commas (Excel in English)", "Comas (Excel en inglés)")

// The catalogue's sentences for the core's error codes (include/trayecto/load_error.hpp) and
// the words their arguments may be. Part of the one catalogue (i18n.hpp includes it); {1}, {2}…
// are the error's arguments. A sentence may leave out an argument that is for developers only.
#pragma once

// X(key, English, Spanish): Error<code> for each LoadErrorCode.
#define TRAYECTO_ERROR_TEXTS(X) \
    X(ErrorAtPath, "at {1}: {2}", "en {1}: {2}") \
    X(ErrorAtByte, "at byte {1}: {2}", "en el byte {1}: {2}") \
    X(ErrorAtByteInPath, "at byte {1} ({2}): {3}", "en el byte {1} ({2}): {3}") \
    X(ErrorInFile, "{1}: {2}", "{1}: {2}") \
    X(ErrorFileTooLarge, "The file is {1}, larger than the {2} a journey map may be.", \
      "El archivo ocupa {1}, más de los {2} que puede ocupar un mapa de experiencia.") \
    X(ErrorWrongEncoding, "The file is {1} text; a journey map must be saved as UTF-8 (use \"Save as\" with the UTF-8 encoding).", \
      "El archivo es texto {1}; un mapa de experiencia debe guardarse en UTF-8 (usa «Guardar como» con la codificación UTF-8).") \
    X(ErrorNulByte, "The file has a zero (NUL) byte here, which JSON text never holds: the file is damaged or has something else after the map.", \
      "El archivo tiene aquí un byte cero (NUL), que un texto JSON nunca contiene: el archivo está dañado o tiene algo más después del mapa.") \
    X(ErrorEmptyFile, "The file is empty; a journey map is a JSON object.", \
      "El archivo está vacío; un mapa de experiencia es un objeto JSON.") \
    X(ErrorNotJson, "The file is not valid JSON.", "El archivo no es JSON válido.") \
    X(ErrorNotJsonAt, "The file is not valid JSON at line {1}, column {2}: {3}.", \
      "El archivo no es JSON válido en la línea {1}, columna {2}.") \
    X(ErrorNumberTooLarge, "The number {1} at line {2}, column {3} is too large to be represented.", \
      "El número {1} de la línea {2}, columna {3} es demasiado grande para representarlo.") \
    X(ErrorInvalidUtf8, "The text is not valid UTF-8 at line {1}, column {2}.", \
      "El texto no es UTF-8 válido en la línea {1}, columna {2}.") \
    X(ErrorUnexpectedEnd, "The file ends at line {1}, column {2} before the JSON text is complete.", \
      "El archivo termina en la línea {1}, columna {2} antes de que el texto JSON esté completo.") \
    X(ErrorBinaryValue, "Binary values are not part of JSON.", "Los valores binarios no forman parte de JSON.") \
    X(ErrorTooManyMembers, "This object has more than {1} members, the most a file may hold in one object.", \
      "Este objeto tiene más de {1} miembros, lo máximo que puede tener un objeto en un archivo.") \
    X(ErrorTooManyItems, "This list has more than {1} items, the most a file may hold in one list.", \
      "Esta lista tiene más de {1} elementos, lo máximo que puede tener una lista en un archivo.") \
    X(ErrorDuplicateKey, "The key \"{1}\" appears more than once in this object.", \
      "La clave «{1}» aparece más de una vez en este objeto.") \
    X(ErrorTooDeep, "The data is nested more than {1} levels deep, the most a file may have.", \
      "Los datos están anidados en más de {1} niveles, lo máximo que puede tener un archivo.") \
    X(ErrorTextTooLong, "This text is {1} bytes long; the limit is {2} bytes.", \
      "Este texto ocupa {1} bytes; el límite es {2} bytes.") \
    X(ErrorTopLevelNotObject, "A journey map file must hold a JSON object at the top level.", \
      "Un archivo de mapa de experiencia debe contener un objeto JSON en el nivel superior.") \
    X(ErrorNoFormat, "This is not a Trayecto journey map: it has no \"format\" naming \"trayecto-journey\".", \
      "Esto no es un mapa de experiencia de Trayecto: no tiene un «format» que diga «trayecto-journey».") \
    X(ErrorWrongFormat, "This is not a Trayecto journey map: \"format\" is {1}, not \"trayecto-journey\".", \
      "Esto no es un mapa de experiencia de Trayecto: «format» es {1}, no «trayecto-journey».") \
    X(ErrorNoVersion, "The file does not say which format version it uses (\"version\" is missing).", \
      "El archivo no dice qué versión del formato usa (falta «version»).") \
    X(ErrorVersionNotWhole, "The format version must be a whole number, but it is {1}.", \
      "La versión del formato debe ser un número entero, pero es {1}.") \
    X(ErrorVersionTooNew, "This file was written by a newer version of Trayecto (format version {1}); this version reads up to {2}.", \
      "Este archivo lo escribió una versión más reciente de Trayecto (versión del formato {1}); esta versión lee hasta la {2}.") \
    X(ErrorVersionNegative, "Format version {1} does not exist; versions start at 0.", \
      "La versión del formato {1} no existe; las versiones empiezan en 0.") \
    X(ErrorVersionNoUpgrade, "Format version {1} cannot be upgraded by this version of Trayecto.", \
      "Esta versión de Trayecto no puede actualizar la versión del formato {1}.") \
    X(ErrorV0BothKeys, "A version 0 file cannot have both \"{1}\" and \"{2}\".", \
      "Un archivo de la versión 0 no puede tener a la vez «{1}» y «{2}».") \
    X(ErrorV0MetaNotObject, "In a version 0 file \"meta\" must be an object, but it is {1}.", \
      "En un archivo de la versión 0, «meta» debe ser un objeto, pero es {1}.") \
    X(ErrorV0TwoValues, "This version 0 file has two different values for \"{1}\": {2} at the top level and {3} at {4}; keep one of them.", \
      "Este archivo de la versión 0 tiene dos valores distintos para «{1}»: {2} en el nivel superior y {3} en {4}; deja solo uno.") \
    X(ErrorV0HasValence, "This file says it is version 0, whose emotions have a \"score\" from 1 to 7, but its emotions have a \"valence\" from -3 to 3 as in version 1: if it is a version 1 map, set \"version\" to 1; if its values are scores, rename \"valence\" to \"score\".", \
      "Este archivo dice ser de la versión 0, cuyas emociones tienen un «score» de 1 a 7, pero sus emociones tienen una «valence» de -3 a 3 como en la versión 1: si es un mapa de la versión 1, pon «version» a 1; si sus valores son puntuaciones, cambia «valence» por «score».") \
    X(ErrorV0ScoreRange, "The score must be a whole number from 1 to 7, but it is {1}.", \
      "La puntuación («score») debe ser un número entero de 1 a 7, pero es {1}.") \
    X(ErrorWrongType, "Expected {1} here, but found {2}.", "Aquí se esperaba {1}, pero hay {2}.") \
    X(ErrorMissingField, "{1} has no \"{2}\", which is required.", "{1} no tiene «{2}», que es obligatorio.") \
    X(ErrorEmptyId, "An id must not be empty.", "Un id no puede estar vacío.") \
    X(ErrorEmptyParticipantId, "A participant id must not be empty.", "El id de un participante no puede estar vacío.") \
    X(ErrorNotAllowedValue, "\"{1}\" is not an allowed value for \"{2}\"; expected one of {3}.", \
      "«{1}» no es un valor permitido para «{2}»; se esperaba uno de estos: {3}.") \
    X(ErrorNumberOutOfRange, "The {1} must be a whole number from {2} to {3}, but it is {4}.", \
      "«{1}» debe ser un número entero de {2} a {3}, pero es {4}.") \
    X(ErrorCountOutOfRange, "The count of \"{1}\" must be a whole number from {2} to {3}, but it is {4}.", \
      "El recuento de «{1}» debe ser un número entero de {2} a {3}, pero es {4}.") \
    X(ErrorNotColour, "\"{1}\" is not a colour; write colours as \"#rrggbb\".", \
      "«{1}» no es un color; escribe los colores como «#rrggbb».") \
    X(ErrorNotDimension, "\"{1}\" is not a CX dimension; expected one of {2}.", \
      "«{1}» no es una dimensión de la experiencia; se esperaba una de estas: {2}.") \
    X(ErrorDetailNotAllowed, "A card of kind \"{1}\" cannot have a \"{2}\" block.", \
      "Una tarjeta de tipo «{1}» no puede tener un bloque «{2}».") \
    X(ErrorDuplicateId, "The id {1} is already used by {2} at {3}; ids must be unique across the whole map.", \
      "El id {1} ya lo usa {2} de {3}; los ids deben ser únicos en todo el mapa.") \
    X(ErrorMissingReference, "{1} refers to {2} {3}, which does not exist.", "{1} nombra {2} {3}, que no existe.") \
    X(ErrorWrongReference, "{1} is the id of {2} ({3}), not of {4}.", "{1} es el id de {2} ({3}), no de {4}.") \
    X(ErrorCardInOtherStage, "The card {1} is in the stage {2}, but {3} is in the stage {4}.", \
      "La tarjeta {1} está en la etapa {2}, pero {3} es de la etapa {4}.") \
    X(ErrorNoSuchConflictValue, "The conflict has {1} values, numbered from 0; there is no value {2} to choose.", \
      "El conflicto tiene {1} valores, numerados desde 0; no hay un valor {2} que elegir.") \
    X(ErrorInconsistent, "The map is inconsistent: {1}.", "El mapa es incoherente.") \
    X(ErrorOutOfMemory, "There is not enough memory to open this file.", "No hay memoria suficiente para abrir este archivo.") \
    X(ErrorUnreadable, "The file could not be read.", "No se pudo leer el archivo.") \
    X(ErrorMergeUnsound, "The merged map is not sound: {1}.", "El mapa combinado no es coherente.") \
    X(ErrorChosenNotJson, "The chosen value is not JSON: {1}.", "El valor elegido no es JSON: {1}.") \
    X(ErrorConflictItemMissing, "The item {1} is not in the merged map.", "El elemento {1} no está en el mapa combinado.") \
    X(ErrorConflictNotApplicable, "The chosen value cannot be applied to {1}: {2}.", "El valor elegido no se puede aplicar a {1}.") \
    X(ErrorNoTemplate, "There is no template {1} in language {2}.", "No hay ninguna plantilla {1} en el idioma {2}.") \
    X(WordTheMap, "the map", "el mapa") \
    X(WordTheMeta, "the meta", "el bloque meta") \
    X(WordThePersona, "the persona", "la persona") \
    X(WordTheStage, "the stage", "la etapa") \
    X(WordTheLane, "the lane", "el carril") \
    X(WordTheMetric, "the metric", "la métrica") \
    X(WordTheTouchpoint, "the touchpoint", "el punto de contacto") \
    X(WordTheImprovement, "the improvement", "la mejora") \
    X(WordTheBackstage, "the backstage", "el proceso interno") \
    X(WordTheCard, "the card", "la tarjeta") \
    X(WordTheEmotion, "the emotion", "la emoción") \
    X(WordTheMoment, "the moment of truth", "el momento de la verdad") \
    X(WordTheTimer, "the timer", "el temporizador") \
    X(WordTheParticipantValue, "the participant value", "el valor del participante") \
    X(WordTheConflict, "the conflict", "el conflicto") \
    X(WordTheMergeReport, "the merge report", "el informe de la combinación") \
    X(WordTheCrowdPoint, "the crowd point", "el punto del grupo") \
    X(WordTheCrowdCurve, "the crowd curve", "la curva del grupo") \
    X(WordTheWorkshop, "the workshop", "el taller") \
    X(WordAPersona, "a persona", "una persona") \
    X(WordAStage, "a stage", "una etapa") \
    X(WordALane, "a lane", "un carril") \
    X(WordACard, "a card", "una tarjeta") \
    X(WordAnEmotion, "an emotion", "una emoción") \
    X(WordAMoment, "a moment of truth", "un momento de la verdad") \
    X(WordKindNull, "null", "null") \
    X(WordKindBoolean, "true or false", "true o false") \
    X(WordKindText, "text", "texto") \
    X(WordKindList, "a list", "una lista") \
    X(WordKindObject, "an object", "un objeto") \
    X(WordKindNumber, "a number", "un número") \
    X(WordKindOther, "an unsupported value", "un valor no admitido") \
    X(WordKindId, "an id (text)", "un id (texto)") \
    X(WordKindWholeNumber, "a whole number", "un número entero") \
    X(WordKindColour, "a colour as text", "un color como texto") \
    X(WordKindCardIds, "a list of card ids", "una lista de ids de tarjeta") \
    X(WordKindCardId, "a card id (text)", "un id de tarjeta (texto)") \
    X(WordKindPersonaId, "a persona id (text)", "un id de persona (texto)") \
    X(WordKindDimension, "the name of a CX dimension", "el nombre de una dimensión de la experiencia")

// Why a map (a file, a merge, a template) could not be opened: a code, where, and the values
// the code's sentence needs. The core words none of it: the UI layer's catalogue
// (app/i18n_errors.hpp) has one sentence per code in each language, with {1}, {2}… for the
// arguments in the order given below.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace trayecto {

// X(code)  and, in a comment, its arguments
#define TRAYECTO_LOAD_ERROR_CODES(X) \
    X(FileTooLarge)          /* {1} the file's size "33.0 MB", {2} the limit */ \
    X(WrongEncoding)         /* {1} the encoding's name, "UTF-16 LE (little-endian)" */ \
    X(NulByte)               \
    X(EmptyFile)             \
    X(NotJson)               \
    X(NotJsonAt)             /* {1} line, {2} column, {3} the parser's own detail (English) */ \
    X(NumberTooLarge)        /* {1} the number, {2} line, {3} column */ \
    X(InvalidUtf8)           /* {1} line, {2} column */ \
    X(UnexpectedEnd)         /* {1} line, {2} column */ \
    X(BinaryValue)           \
    X(TooManyMembers)        /* {1} the most members an object may have */ \
    X(TooManyItems)          /* {1} the most items a list may have */ \
    X(DuplicateKey)          /* {1} the key */ \
    X(TooDeep)               /* {1} the deepest nesting allowed */ \
    X(TextTooLong)           /* {1} the text's bytes, {2} the limit */ \
    X(TopLevelNotObject)     \
    X(NoFormat)              \
    X(WrongFormat)           /* {1} the "format" value as JSON */ \
    X(NoVersion)             \
    X(VersionNotWhole)       /* {1} the "version" value as JSON */ \
    X(VersionTooNew)         /* {1} the file's version, {2} the newest this build reads */ \
    X(VersionNegative)       /* {1} the file's version */ \
    X(VersionNoUpgrade)      /* {1} the file's version */ \
    X(V0BothKeys)            /* {1} the old key, {2} the new key */ \
    X(V0MetaNotObject)       /* {1} the "meta" value as JSON */ \
    X(V0TwoValues)           /* {1} the key, {2} the top-level value, {3} the value in meta, {4} its path */ \
    X(V0HasValence)          \
    X(V0ScoreRange)          /* {1} the score as JSON */ \
    X(WrongType)             /* {1} what was expected (a word), {2} what was found (a word) */ \
    X(MissingField)          /* {1} the item (a word: "the card"), {2} the key */ \
    X(EmptyId)               \
    X(EmptyParticipantId)    \
    X(NotAllowedValue)       /* {1} the value, {2} the key, {3} the allowed spellings */ \
    X(NumberOutOfRange)      /* {1} the key, {2} min, {3} max, {4} the value as JSON */ \
    X(CountOutOfRange)       /* {1} the counted key, {2} min, {3} max, {4} the value as JSON */ \
    X(NotColour)             /* {1} the value */ \
    X(NotDimension)          /* {1} the value, {2} the allowed spellings */ \
    X(DetailNotAllowed)      /* {1} the card's kind (JSON spelling), {2} the block's key */ \
    X(DuplicateId)           /* {1} the id (quoted), {2} what has it already (a word), {3} where */ \
    X(MissingReference)      /* {1} the referring item (a word), {2} what it names (a word: "the stage"), {3} the id */ \
    X(WrongReference)        /* {1} the id, {2} what it is (a word: "a lane"), {3} where, {4} what it should be (a word) */ \
    X(CardInOtherStage)      /* {1} the card's id, {2} its stage's id, {3} the referring item (a word), {4} that item's stage id */ \
    X(NoSuchConflictValue)   /* {1} how many values, {2} the chosen index */ \
    X(Inconsistent)          /* {1} the invariant broken (English, for developers) */ \
    X(OutOfMemory)           \
    X(Unreadable)            /* {1} what failed (English, for developers; may be empty) */ \
    X(MergeUnsound)          /* {1} the invariant broken (English, for developers) */ \
    X(ChosenNotJson)         /* {1} the value */ \
    X(ConflictItemMissing)   /* {1} the item's id (quoted) */ \
    X(ConflictNotApplicable) /* {1} the item's id (quoted), {2} why (English, for developers) */ \
    X(NoTemplate)            /* {1} the template id (quoted), {2} the language (quoted) */

enum class LoadErrorCode {
#define TRAYECTO_LOAD_ERROR_ENUM(code) code,
    TRAYECTO_LOAD_ERROR_CODES(TRAYECTO_LOAD_ERROR_ENUM)
#undef TRAYECTO_LOAD_ERROR_ENUM
};

// The words an argument may be instead of a value from the file: what an item is (with the
// article the sentence needs) and what kind of JSON value was expected or found.
#define TRAYECTO_ERROR_WORDS(X) \
    X(TheMap) X(TheMeta) X(ThePersona) X(TheStage) X(TheLane) X(TheMetric) X(TheTouchpoint) \
    X(TheImprovement) X(TheBackstage) X(TheCard) X(TheEmotion) X(TheMoment) X(TheTimer) \
    X(TheParticipantValue) X(TheConflict) X(TheMergeReport) X(TheCrowdPoint) X(TheCrowdCurve) \
    X(TheWorkshop) \
    X(APersona) X(AStage) X(ALane) X(ACard) X(AnEmotion) X(AMoment) \
    X(KindNull) X(KindBoolean) X(KindText) X(KindList) X(KindObject) X(KindNumber) X(KindOther) \
    X(KindId) X(KindWholeNumber) X(KindColour) X(KindCardIds) X(KindCardId) X(KindPersonaId) \
    X(KindDimension)

enum class ErrorWord {
    None,
#define TRAYECTO_ERROR_WORD_ENUM(word) word,
    TRAYECTO_ERROR_WORDS(TRAYECTO_ERROR_WORD_ENUM)
#undef TRAYECTO_ERROR_WORD_ENUM
};

// One argument: a word (worded by the UI) or a value shown as it is (numbers, ids, keys, JSON).
struct ErrorArg {
    ErrorArg(std::string value) : text(std::move(value)) {}
    ErrorArg(const char* value) : text(value) {}
    ErrorArg(ErrorWord w) : word(w) {}
    ErrorWord word = ErrorWord::None;
    std::string text;
};

// What went wrong and where: `path` is a JSON pointer-like path ("/cards/12/stageId");
// `offset` is the byte offset for syntax errors (or npos).
struct LoadError {
    LoadErrorCode code = LoadErrorCode::Unreadable;
    std::string path;
    std::vector<ErrorArg> args;
    std::size_t offset = std::string::npos;

    LoadError() = default;
    LoadError(LoadErrorCode c, std::string at, std::vector<ErrorArg> arguments = {},
              std::size_t byte = std::string::npos)
        : code(c), path(std::move(at)), args(std::move(arguments)), offset(byte) {}

    // "NotAllowedValue at /cards/0/kind: "x", "kind", ..." : the code and its arguments, for logs
    // and test failures; people read the UI's wording (app/i18n_errors.hpp).
    std::string debugText() const;
};

const char* loadErrorCodeName(LoadErrorCode code);
const char* errorWordName(ErrorWord word);

}  // namespace trayecto

// The core's errors worded from the catalogue (i18n_errors.hpp) in the user's language.
#include <cctype>
#include <string>
#include <vector>

#include "i18n.hpp"

namespace trayecto::app {

namespace {

// Each code has its sentence: a code without one does not compile.
Text sentenceOf(LoadErrorCode code) {
    switch (code) {
#define TRAYECTO_ERROR_SENTENCE(code) case LoadErrorCode::code: return Text::Error##code;
        TRAYECTO_LOAD_ERROR_CODES(TRAYECTO_ERROR_SENTENCE)
#undef TRAYECTO_ERROR_SENTENCE
    }
    return Text::ErrorUnreadable;
}

Text wordOf(ErrorWord word) {
    switch (word) {
        case ErrorWord::None: break;
#define TRAYECTO_ERROR_WORD_TEXT(word) case ErrorWord::word: return Text::Word##word;
        TRAYECTO_ERROR_WORDS(TRAYECTO_ERROR_WORD_TEXT)
#undef TRAYECTO_ERROR_WORD_TEXT
    }
    return Text::WordKindOther;
}

std::string capitalised(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

}  // namespace

std::string errorMessage(Lang lang, const LoadError& error) {
    std::vector<std::string> args;
    for (const ErrorArg& arg : error.args) args.push_back(arg.word != ErrorWord::None ? tr(lang, wordOf(arg.word)) : arg.text);
    args.resize(4);   // the most any sentence takes
    return capitalised(format(lang, sentenceOf(error.code), {args[0], args[1], args[2], args[3]}));
}

std::string describe(Lang lang, const LoadError& error) {
    const std::string message = errorMessage(lang, error);
    if (error.offset != std::string::npos) {
        const std::string byte = std::to_string(error.offset);
        return error.path.empty() ? format(lang, Text::ErrorAtByte, {byte, message})
                                  : format(lang, Text::ErrorAtByteInPath, {byte, error.path, message});
    }
    return error.path.empty() ? message : format(lang, Text::ErrorAtPath, {error.path, message});
}

}  // namespace trayecto::app

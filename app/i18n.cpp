#include "i18n.hpp"

#include <cctype>
#include <vector>

namespace trayecto::app {

namespace {
struct Entry { const char* key; const char* en; const char* es; };
const Entry kTexts[] = {
#define TRAYECTO_TEXT_ENTRY(key, en, es) {#key, en, es},
    TRAYECTO_CATALOGUE(TRAYECTO_TEXT_ENTRY)
#undef TRAYECTO_TEXT_ENTRY
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<size_t>(Text::Count));

// A string as a JSON string literal (the catalogue holds UTF-8 and no control characters but \n).
void appendJsonString(std::string& out, const char* text) {
    out += '"';
    for (const char* c = text; *c; ++c) {
        if (*c == '"' || *c == '\\') out += '\\';
        if (*c == '\n') { out += "\\n"; continue; }
        out += *c;
    }
    out += '"';
}
}  // namespace

const char* tr(Lang lang, Text text) {
    const Entry& e = kTexts[static_cast<int>(text)];
    return lang == Lang::Es ? e.es : e.en;
}

std::string tr(Lang lang, Text text, const char* id) { return std::string(tr(lang, text)) + "##" + id; }

Lang langFromTag(const std::string& tag) {
    return (tag.size() >= 2 && (tag[0] == 'e' || tag[0] == 'E') && (tag[1] == 's' || tag[1] == 'S'))
               ? Lang::Es : Lang::En;
}

const char* langTag(Lang lang) { return lang == Lang::Es ? "es" : "en"; }

const char* textKey(Text text) { return kTexts[static_cast<int>(text)].key; }

std::string format(Lang lang, Text text, std::initializer_list<std::string> args) {
    const std::vector<std::string> values(args);
    const std::string pattern = tr(lang, text);
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i + 1])) &&
            pattern[i + 2] == '}') {
            const size_t n = static_cast<size_t>(pattern[i + 1] - '1');
            if (n < values.size()) out += values[n];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string catalogueJson(Lang lang) {
    std::string out = "{";
    for (int i = 0; i < static_cast<int>(Text::Count); ++i) {
        if (i) out += ',';
        appendJsonString(out, kTexts[i].key);
        out += ':';
        appendJsonString(out, tr(lang, static_cast<Text>(i)));
    }
    return out + "}";
}

}  // namespace trayecto::app

namespace trayecto::app {
const char* phaseLabel(Lang lang, Phase phase) {
    switch (phase) {
        case Phase::PrePurchase: return tr(lang, Text::PhasePre);
        case Phase::Purchase: return tr(lang, Text::PhasePurchase);
        case Phase::PostPurchase: return tr(lang, Text::PhasePost);
    }
    return "";
}
}  // namespace trayecto::app

#include "i18n.hpp"

namespace trayecto::app {

namespace {
struct Entry { const char* en; const char* es; };
const Entry kTexts[] = {
#define TRAYECTO_TEXT_ENTRY(key, en, es) {en, es},
    TRAYECTO_TEXTS(TRAYECTO_TEXT_ENTRY)
#undef TRAYECTO_TEXT_ENTRY
};
static_assert(sizeof(kTexts) / sizeof(kTexts[0]) == static_cast<size_t>(Text::Count));
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

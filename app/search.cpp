#include "search.hpp"

namespace trayecto::app {

namespace {
// Base letter of a two-byte UTF-8 Latin letter (U+00C0..U+017F), or 0 to keep it as is.
char baseLetter(unsigned codepoint) {
    static const char* latin1 =  // U+00C0..U+00FF
        "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";
    if (codepoint >= 0xC0 && codepoint <= 0xFF) return latin1[codepoint - 0xC0];
    static const char* extendedA =  // U+0100..U+017F
        "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iijjjjkkklllllll"
        "lllnnnnnnnnnoooo" "oooorrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
    if (codepoint >= 0x100 && codepoint <= 0x17F) return extendedA[codepoint - 0x100];
    return 0;
}
}  // namespace

std::string foldForSearch(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
            const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            const char base = baseLetter(cp);
            if (base) out += base;
            else out.append(text, i, 2);
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

bool cardMatches(const Card& card, const std::string& foldedQuery) {
    if (foldedQuery.empty()) return false;
    return foldForSearch(card.text).find(foldedQuery) != std::string::npos ||
           foldForSearch(card.notes).find(foldedQuery) != std::string::npos;
}

std::vector<Id> findCards(const Map& map, const std::string& query) {
    std::vector<Id> ids;
    const std::string folded = foldForSearch(query);
    if (folded.empty()) return ids;
    for (const Card& card : map.cards)
        if (cardMatches(card, folded)) ids.push_back(card.id);
    return ids;
}

}  // namespace trayecto::app

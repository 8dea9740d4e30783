#include "command_names.hpp"

#include <cstring>

namespace trayecto::app {
namespace {

struct Words {
    const char* english;
    const char* spanish;
};

constexpr Words kNames[] = {
#define TRAYECTO_COMMAND_ENTRY(english, spanish) {english, spanish},
    TRAYECTO_COMMAND_NAMES(TRAYECTO_COMMAND_ENTRY)
#undef TRAYECTO_COMMAND_ENTRY
};

const char* spanishFor(const std::string& name) {
    for (const Words& w : kNames)
        if (name == w.english) return w.spanish;
    return nullptr;
}

// "<Verb> <N> <things>" (N > 1): the verb's Spanish from its "<Verb> card" entry, the things
// ("cards", "participants") worded here. `things` are only those the core counts.
std::string counted(const std::string& name) {
    const auto first = name.find(' ');
    const auto second = first == std::string::npos ? std::string::npos : name.find(' ', first + 1);
    if (second == std::string::npos) return "";
    const std::string verb = name.substr(0, first), count = name.substr(first + 1, second - first - 1);
    const std::string things = name.substr(second + 1);
    if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos) return "";
    if (things == "participants" && verb == "Merge") return "Combinar " + count + " participantes";
    if (things != "cards") return "";
    const char* one = spanishFor(verb + " card");   // "Mover tarjeta"
    if (!one) return "";
    const std::string spanishVerb(one, std::strchr(one, ' ') ? std::strchr(one, ' ') - one : std::strlen(one));
    return spanishVerb + " " + count + " tarjetas";
}

}  // namespace

std::string commandName(Lang lang, const std::string& name) {
    if (lang == Lang::En || name.empty()) return name;
    if (const char* spanish = spanishFor(name)) return spanish;
    return counted(name);
}

}  // namespace trayecto::app

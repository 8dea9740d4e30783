// The map templates compiled into the core (see the templates/ folder and the CMake step that
// turns it into generated/templates_data.cpp).
#include "trayecto/templates.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace trayecto {

// Defined in the generated templates_data.cpp: the files of templates/, named "<id>.<lang>.json".
namespace embedded {
std::size_t templateFileCount();
std::string_view templateFileName(std::size_t i);
std::string_view templateFileText(std::size_t i);
}  // namespace embedded

namespace {

// The order a facilitator sees them in; ids not listed here come after, by id.
constexpr std::string_view kPreferredOrder[] = {
    "blank", "retail-ecommerce", "bank-account-opening", "saas-onboarding", "healthcare-visit",
    "service-blueprint"};

std::size_t orderOf(const std::string& id) {
    const auto* it = std::find(std::begin(kPreferredOrder), std::end(kPreferredOrder), id);
    return static_cast<std::size_t>(it - std::begin(kPreferredOrder));
}

struct TemplateFile {
    std::string id;
    std::string language;
    std::string_view text;
};

// "retail-ecommerce.es.json" -> {"retail-ecommerce", "es"}; false for any other name.
bool splitName(std::string_view name, std::string& id, std::string& language) {
    constexpr std::string_view kSuffix = ".json";
    if (name.size() <= kSuffix.size() || name.substr(name.size() - kSuffix.size()) != kSuffix)
        return false;
    name.remove_suffix(kSuffix.size());
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return false;
    id = std::string(name.substr(0, dot));
    language = std::string(name.substr(dot + 1));
    return true;
}

const std::vector<TemplateFile>& files() {
    static const std::vector<TemplateFile> all = [] {
        std::vector<TemplateFile> out;
        for (std::size_t i = 0; i < embedded::templateFileCount(); ++i) {
            TemplateFile f;
            if (!splitName(embedded::templateFileName(i), f.id, f.language)) continue;
            f.text = embedded::templateFileText(i);
            out.push_back(std::move(f));
        }
        std::sort(out.begin(), out.end(), [](const TemplateFile& a, const TemplateFile& b) {
            const std::size_t oa = orderOf(a.id), ob = orderOf(b.id);
            if (oa != ob) return oa < ob;
            if (a.id != b.id) return a.id < b.id;
            return a.language < b.language;
        });
        return out;
    }();
    return all;
}

// "es-MX" -> "es"; "EN" -> "en".
std::string primarySubtag(const std::string& tag) {
    std::string out;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

const TemplateFile* findFile(const std::string& id, const std::string& language) {
    const std::string lang = primarySubtag(language);
    for (const TemplateFile& f : files())
        if (f.id == id && f.language == lang) return &f;
    return nullptr;
}

}  // namespace

std::vector<TemplateInfo> listTemplates() {
    static const std::vector<TemplateInfo> infos = [] {
        std::vector<TemplateInfo> out;
        for (const TemplateFile& f : files()) {
            auto map = loadMap(f.text);
            if (!map) continue;   // a broken file is caught by the tests; never listed
            out.push_back(TemplateInfo{f.id, f.language, map.value().meta.title,
                                       map.value().meta.description});
        }
        return out;
    }();
    return infos;
}

std::optional<std::string> templateJson(const std::string& id, const std::string& language) {
    const TemplateFile* f = findFile(id, language);
    if (!f) return std::nullopt;
    return std::string(f->text);
}

Result<Map> loadTemplate(const std::string& id, const std::string& language) {
    const TemplateFile* f = findFile(id, language);
    if (!f)
        return LoadError{LoadErrorCode::NoTemplate, "", {jsonQuoted(id), jsonQuoted(language)}};
    return loadMap(f->text);
}

}  // namespace trayecto

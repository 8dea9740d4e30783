// Ready-made maps a facilitator starts a workshop from: retail e-commerce, bank account
// opening, SaaS onboarding, a specialist appointment, a service blueprint and a blank map, each
// in Spanish and English. They are the JSON files in templates/ (format v1), compiled into the
// core at build time, so they work in the browser without a file system.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trayecto/format.hpp"
#include "trayecto/model.hpp"

namespace trayecto {

struct TemplateInfo {
    std::string id;           // e.g. "retail-ecommerce" (the file is templates/<id>.<language>.json)
    std::string language;     // "es" or "en"
    std::string title;        // the template's meta.title
    std::string description;  // the template's meta.description
};

// Every template in every language: the blank map first, then the others in a fixed order
// (templates added later follow, by id); within one id, by language tag.
std::vector<TemplateInfo> listTemplates();

// The JSON text of a template, exactly as in its file. `language` may be a full tag ("es-MX"):
// its primary subtag is used. Empty when there is no such template in that language.
std::optional<std::string> templateJson(const std::string& id, const std::string& language);

// The template as a map (loaded with loadMap), or an error naming the missing template.
Result<Map> loadTemplate(const std::string& id, const std::string& language);

}  // namespace trayecto

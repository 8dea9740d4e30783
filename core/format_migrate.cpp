// Migrations from older format versions, one step per version, applied to the JSON document
// before it is read as the current version. docs/format.md describes each older version.
#include <cmath>

#include "format_internal.hpp"

namespace trayecto::format {
namespace {

// Renames members of an object in place, keeping their positions. Fails when the file already
// has a member under the new name (the two cannot both be kept).
std::optional<LoadError> renameMembers(Json& object, const std::string& path,
                                       std::initializer_list<std::pair<const char*, const char*>> renames) {
    for (const auto& [from, to] : renames)
        if (object.contains(from) && object.contains(to))
            return LoadError{LoadErrorCode::V0BothKeys, childPath(path, from), {from, to}};
    Json renamed = Json::object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        std::string key = it.key();
        for (const auto& [from, to] : renames)
            if (key == from) key = to;
        // Keys stay distinct (checked above): append without ordered_map's linear search.
        static_cast<Json::object_t::Container&>(renamed.get_ref<Json::object_t&>())
            .emplace_back(std::move(key), std::move(it.value()));
    }
    object = std::move(renamed);
    return std::nullopt;
}

// What a version 0 file could mean two ways is refused, not guessed: a detail given both at
// the top level and in "meta" with different values (which one is the title?), and emotions
// with a "valence" from -3 to 3 (version 1's name and scale) in a file that says version 0,
// whose "score" runs from 1 to 7: most likely a version 1 map labelled 0, whose valences the
// migration would shift by -4.
std::optional<LoadError> ambiguousV0(const Json& doc, const char* const (&metaKeys)[7]) {
    const auto meta = doc.find("meta");
    if (meta != doc.end() && !meta->is_null() && !meta->is_object())
        return LoadError{LoadErrorCode::V0MetaNotObject, "/meta", {compactText(*meta).substr(0, 60)}};
    if (meta != doc.end() && meta->is_object()) {
        for (const char* key : metaKeys) {
            const auto top = doc.find(key);
            const auto inner = meta->find(key);
            if (top == doc.end() || inner == meta->end() || top->is_null() || inner->is_null() ||
                *top == *inner)
                continue;   // null stands for "not given"
            return LoadError{LoadErrorCode::V0TwoValues, childPath("", key),
                             {key, compactText(*top).substr(0, 60), compactText(*inner).substr(0, 60),
                              childPath("/meta", key)}};
        }
    }
    const auto emotions = doc.find("emotions");
    if (emotions == doc.end() || !emotions->is_array()) return std::nullopt;
    std::optional<std::size_t> first;
    for (std::size_t i = 0; i < emotions->size(); ++i) {
        const Json& emotion = (*emotions)[i];
        if (!emotion.is_object() || emotion.contains("score")) continue;
        const auto valence = emotion.find("valence");
        if (valence == emotion.end() || valence->is_null()) continue;
        const bool onNewScale = valence->is_number() && valence->get<double>() >= kValenceMin &&
                                valence->get<double>() <= kValenceMax;
        if (!onNewScale) return std::nullopt;   // 4..7: the old scale under the new name
        if (!first) first = i;
    }
    if (!first) return std::nullopt;
    return LoadError{LoadErrorCode::V0HasValence, childPath(childPath("/emotions", *first), "valence")};
}

// Version 0 (Trayecto previews): map details at the top level, "columns" and "rows" instead of
// stages and lanes, cards placed by "column"/"row", emotions keyed by "persona"/"column" with a
// "score" from 1 (very negative) to 7 (very positive) and a "label"; no moments of truth.
std::optional<LoadError> migrateV0toV1(Json& doc) {
    static const char* const kMetaKeys[] = {"title",  "description", "scope",   "language",
                                            "author", "created",     "modified"};
    if (auto error = ambiguousV0(doc, kMetaKeys)) return error;
    Json meta = Json::object();
    if (auto it = doc.find("meta"); it != doc.end() && it->is_object()) meta = *it;
    for (const char* key : kMetaKeys) {
        auto it = doc.find(key);
        if (it == doc.end()) continue;
        meta[key] = *it;
        doc.erase(key);
    }
    doc["meta"] = std::move(meta);

    if (auto error = renameMembers(doc, "", {{"columns", "stages"}, {"rows", "lanes"}})) return error;

    if (auto cards = doc.find("cards"); cards != doc.end() && cards->is_array()) {
        for (std::size_t i = 0; i < cards->size(); ++i) {
            Json& card = (*cards)[i];
            if (!card.is_object()) continue;   // the v1 reader reports it
            if (auto error = renameMembers(card, childPath("/cards", i),
                                           {{"column", "stageId"}, {"row", "laneId"}}))
                return error;
        }
    }

    if (auto emotions = doc.find("emotions"); emotions != doc.end() && emotions->is_array()) {
        for (std::size_t i = 0; i < emotions->size(); ++i) {
            Json& emotion = (*emotions)[i];
            if (!emotion.is_object()) continue;
            const std::string path = childPath("/emotions", i);
            const char* const scoreKey = emotion.contains("score") ? "score" : "valence";
            if (auto error = renameMembers(emotion, path,
                                           {{"persona", "personaId"}, {"column", "stageId"},
                                            {"label", "feeling"}, {"score", "valence"}}))
                return error;
            auto score = emotion.find("valence");
            if (score == emotion.end() || score->is_null()) continue;
            const bool whole = score->is_number_integer() ||
                               (score->is_number_float() && std::floor(score->get<double>()) ==
                                                                score->get<double>());
            const double x = score->is_number() ? score->get<double>() : 0.0;
            if (!whole || x < 1 || x > 7)
                return LoadError{LoadErrorCode::V0ScoreRange, childPath(path, scoreKey), {compactText(*score)}};
            *score = static_cast<int>(x) - 4;   // 1..7 -> -3..3
        }
    }
    return std::nullopt;
}

struct Migration {
    int fromVersion;
    std::optional<LoadError> (*migrate)(Json&);
};

// One entry per older version; each brings a document up by exactly one version.
constexpr Migration kMigrations[] = {
    {0, migrateV0toV1},
};

}  // namespace

std::optional<LoadError> migrateToCurrent(Json& document, int version) {
    while (version < kFormatVersion) {
        const Migration* step = nullptr;
        for (const auto& m : kMigrations)
            if (m.fromVersion == version) step = &m;
        if (!step)
            return LoadError{LoadErrorCode::VersionNoUpgrade, "/version", {std::to_string(version)}};
        if (auto error = step->migrate(document)) return error;
        ++version;
        document["version"] = version;
    }
    return std::nullopt;
}

}  // namespace trayecto::format

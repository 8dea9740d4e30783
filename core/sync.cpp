// The sync module: the map as shared per-item fields (stateOf, materialize), the edits between
// two maps (diffMaps), and a client's Session. See include/trayecto/sync.hpp and docs/live.md.
//
// [SECTION] Fields
// [SECTION] materialize
// [SECTION] diffMaps
// [SECTION] Session

#include "trayecto/sync.hpp"

#include <algorithm>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "format_internal.hpp"
#include "sync_internal.hpp"

namespace trayecto::sync {

using detail::Json;

namespace {

template <typename F>
void forEachCollection(Map& m, F&& f) {
    f(Collection::Personas, "personas", m.personas);
    f(Collection::Stages, "stages", m.stages);
    f(Collection::Lanes, "lanes", m.lanes);
    f(Collection::Cards, "cards", m.cards);
    f(Collection::Emotions, "emotions", m.emotions);
    f(Collection::Moments, "moments", m.moments);
}
template <typename F>
void forEachCollection(const Map& m, F&& f) {
    forEachCollection(const_cast<Map&>(m), [&](Collection c, const char* key, const auto& items) { f(c, key, items); });
}

bool isCollectionKey(const std::string& scope) {
    for (const auto& c : merging::kCollections)
        if (scope == c.key) return true;
    return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Fields
// ---------------------------------------------------------------------------------------------

namespace detail {

Fields toFields(const Json& object) {
    Fields out;
    for (const auto& [path, value] : merging::flatten(object)) out[path] = value.dump();
    return out;
}

Fields fieldsOf(const Item& item) {
    Json object = Json::parse(format::objectTextOf(item), nullptr, false);
    object.erase("id");
    return toFields(object);
}

Fields mapFieldsOf(const Map& map) {
    Map level;
    level.meta = map.meta;
    level.workshop = map.workshop;
    level.unknown = map.unknown;
    Json document = Json::parse(saveMap(level), nullptr, false);
    for (const char* key : {"format", "version"}) document.erase(key);
    for (const auto& c : merging::kCollections) document.erase(c.key);
    return toFields(document);
}

namespace {

// Whether `text` can stand as one value inside an object's text: outside strings, brackets
// balance and no ',' or ':' sits at the top (so a peer's value cannot add members of its own).
// Whether it is valid JSON is the whole object's parse's to say.
bool standsAlone(const std::string& text) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') ++depth;
        else if (c == ']' || c == '}') { if (--depth < 0) return false; }
        else if ((c == ',' || c == ':') && depth == 0) return false;
    }
    return depth == 0 && !inString && !text.empty();
}

void appendKey(std::string& out, const std::string& key) {
    out += '"';
    for (const char c : key) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xF];
            out += hex[c & 0xF];
            continue;
        }
        out += c;
    }
    out += "\":";
}

// The object `fields` stand for as one JSON text (paths nest as objects), parsed once: what
// objectOf gives, without a parse per field. Nullopt when it cannot be that simple (a value that
// does not stand alone or does not parse, a key that is both a value and an object).
std::optional<Json> objectInOneParse(const Fields& fields) {
    std::string text = "{";
    std::vector<std::string> open;   // the objects open now, outermost first
    std::vector<bool> emptyAt(1, true);
    std::string lastKey;             // the last key written at the innermost level
    for (const auto& [path, value] : fields) {
        if (path == kOrderField) continue;
        if (!standsAlone(value)) return std::nullopt;
        const std::vector<std::string> segments = merging::splitPath(path);
        std::size_t common = 0;
        while (common < open.size() && common + 1 < segments.size() && open[common] == segments[common]) ++common;
        for (std::size_t k = open.size(); k > common; --k) {
            lastKey = open.back();
            text += '}';
            open.pop_back();
            emptyAt.pop_back();
        }
        for (std::size_t k = common; k + 1 < segments.size(); ++k) {
            if (!emptyAt.back() && lastKey == segments[k]) return std::nullopt;   // a value and an object
            if (!emptyAt.back()) text += ',';
            emptyAt.back() = false;
            appendKey(text, segments[k]);
            text += '{';
            open.push_back(segments[k]);
            emptyAt.push_back(true);
        }
        if (!emptyAt.back() && lastKey == segments.back()) return std::nullopt;
        if (!emptyAt.back()) text += ',';
        emptyAt.back() = false;
        appendKey(text, segments.back());
        text += value;
        lastKey = segments.back();
    }
    for (std::size_t k = open.size(); k > 0; --k) text += '}';
    text += '}';
    Json object = Json::parse(text, nullptr, false);
    if (object.is_discarded() || !object.is_object()) return std::nullopt;
    return object;
}

}  // namespace

Json objectOf(const Fields& fields) {
    if (std::optional<Json> object = objectInOneParse(fields)) return std::move(*object);
    merging::Fields flat;
    for (const auto& [path, text] : fields) {
        if (path == kOrderField) continue;
        Json value = Json::parse(text, nullptr, false);
        if (!value.is_discarded()) flat.emplace_back(path, std::move(value));
    }
    return merging::unflatten(flat);   // `fields` is sorted by path
}

}  // namespace detail

SharedState stateOf(const Map& map) {
    SharedState state;
    forEachCollection(map, [&](Collection, const char* key, const auto& items) {
        auto& scope = state.scopes[key];
        std::vector<std::string> keys(items.size());
        for (const auto& [index, k] : detail::assignKeys(keys, std::vector<bool>(items.size(), false)))
            keys[index] = k;
        for (std::size_t i = 0; i < items.size(); ++i) {
            Fields fields = detail::fieldsOf(Item{items[i]});
            fields[kOrderField] = keys[i];
            scope[items[i].id] = std::move(fields);
        }
    });
    state.scopes[kMapScope][""] = detail::mapFieldsOf(map);
    return state;
}

void applyChanges(SharedState& state, const std::vector<Change>& changes) {
    for (const Change& c : changes) {
        const bool mapLevel = c.scope == kMapScope;
        if (!(mapLevel ? c.id.empty() : isCollectionKey(c.scope) && !c.id.empty())) continue;
        auto& scope = state.scopes[c.scope];
        if (c.field.empty()) {
            if (!c.value) scope.erase(c.id);
            continue;
        }
        if (c.value) {
            scope[c.id][c.field] = *c.value;
            continue;
        }
        auto it = scope.find(c.id);
        if (it == scope.end()) continue;
        it->second.erase(c.field);
        if (it->second.empty() && !mapLevel) scope.erase(it);
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] materialize
// ---------------------------------------------------------------------------------------------

namespace {

// Reads an object field by field (in path order), leaving out each field the reader refuses, so
// one bad value costs only itself.
template <typename T, typename Decode>
T decodeLeniently(const Fields& fields, Decode decode) {
    Fields kept;
    for (const auto& field : fields) {
        kept.insert(field);
        if (!decode(detail::objectOf(kept))) kept.erase(field.first);
    }
    auto result = decode(detail::objectOf(kept));
    return result ? result.value() : T{};
}

}  // namespace

namespace detail {

void readMapLevel(const Fields& fields, Map& map) {
    Fields meta, workshop;
    for (const auto& [path, value] : fields) {
        if (path.rfind("meta/", 0) == 0) meta[path.substr(5)] = value;
        else if (path.rfind("workshop/", 0) == 0) workshop[path.substr(9)] = value;
    }
    map.meta = decodeLeniently<MapMeta>(meta, [](const Json& j) { return format::decodeMeta(j); });
    map.workshop = decodeLeniently<Workshop>(workshop, [](const Json& j) { return format::decodeWorkshop(j); });
    const Json top = detail::objectOf(fields);
    for (auto it = top.begin(); it != top.end(); ++it) {
        const std::string& key = it.key();
        if (key != "meta" && key != "workshop" && key != "format" && key != "version" && !isCollectionKey(key))
            map.unknown[key] = it.value().dump();
    }
}

std::optional<Item> decodeFields(Collection collection, const Id& id, const Fields& fields) {
    Json object = objectOf(fields);
    object["id"] = id;
    if (collection == Collection::Cards) {
        // Detail blocks follow the card's kind (a kind changed while someone edited the old block).
        const std::string kind = object.contains("kind") && object["kind"].is_string() ? object["kind"].get<std::string>() : "note";
        if (kind != "touchpoint") object.erase("touchpoint");
        if (kind != "pain-point" && kind != "opportunity") object.erase("improvement");
        if (kind != "backstage") object.erase("backstage");
    }
    Result<Item> item = format::decodeItem(collection, object);
    if (!item) return std::nullopt;
    return std::move(item.value());
}

}  // namespace detail

namespace {

// Links to what is gone: cards without their stage or lane go, emotions without their persona
// or stage go, moments without their stage go, card links outside the item's stage and persona
// links to missing personas are cleared.
void repairReferences(Map& map) {
    std::unordered_set<Id> personas, stages, lanes;
    for (const auto& p : map.personas) personas.insert(p.id);
    for (const auto& s : map.stages) stages.insert(s.id);
    for (const auto& l : map.lanes) lanes.insert(l.id);
    std::unordered_map<Id, Id> stageOfCard;
    std::vector<Card> cards;
    for (Card& c : map.cards) {
        if (!stages.count(c.stageId) || !lanes.count(c.laneId)) continue;
        std::vector<Id> kept;
        for (const Id& p : c.personaIds)
            if (personas.count(p) && std::find(kept.begin(), kept.end(), p) == kept.end()) kept.push_back(p);
        c.personaIds = std::move(kept);
        stageOfCard[c.id] = c.stageId;
        cards.push_back(std::move(c));
    }
    map.cards = std::move(cards);
    auto fixLink = [&](auto& x) {
        if (!x.cardId) return;
        auto it = stageOfCard.find(*x.cardId);
        if (it == stageOfCard.end() || it->second != x.stageId) x.cardId.reset();
    };
    std::vector<Emotion> emotions;
    for (Emotion& e : map.emotions) {
        if (!personas.count(e.personaId) || !stages.count(e.stageId)) continue;
        fixLink(e);
        emotions.push_back(std::move(e));
    }
    map.emotions = std::move(emotions);
    std::vector<MomentOfTruth> moments;
    for (MomentOfTruth& m : map.moments) {
        if (!stages.count(m.stageId)) continue;
        fixLink(m);
        moments.push_back(std::move(m));
    }
    map.moments = std::move(moments);
}

}  // namespace

Map materialize(const SharedState& state) {
    Map map;
    auto level = state.scopes.find(kMapScope);
    if (level != state.scopes.end()) {
        auto fields = level->second.find("");
        if (fields != level->second.end()) detail::readMapLevel(fields->second, map);
    }
    std::unordered_set<Id> used;
    forEachCollection(map, [&](Collection c, const char* key, auto& items) {
        using T = typename std::decay_t<decltype(items)>::value_type;
        auto scope = state.scopes.find(key);
        if (scope == state.scopes.end()) return;
        std::vector<std::pair<std::string, const Id*>> order;
        for (const auto& [id, fields] : scope->second) {
            auto k = fields.find(kOrderField);
            order.emplace_back(k == fields.end() ? std::string() : k->second, &id);
        }
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : *a.second < *b.second;
        });
        for (const auto& [orderKey, id] : order) {
            std::optional<Item> item = detail::decodeFields(c, *id, scope->second.at(*id));
            if (!item || !used.insert(*id).second) continue;   // refused like a bad file; ids once
            items.push_back(std::get<T>(std::move(*item)));
        }
    });
    repairReferences(map);
    return map;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] diffMaps
// ---------------------------------------------------------------------------------------------

namespace {

template <typename T>
void diffItems(Collection c, const std::vector<T>& from, const std::vector<T>& to, Command& out) {
    std::unordered_map<Id, const T*> before;
    for (const T& x : from) before.emplace(x.id, &x);
    std::vector<Id> work;   // ids as the edits so far leave the vector (erasures already made)
    std::unordered_set<Id> wanted;
    for (const T& x : to) wanted.insert(x.id);
    for (const T& x : from)
        if (wanted.count(x.id)) work.push_back(x.id);
    for (std::size_t i = 0; i < to.size(); ++i) {
        const T& x = to[i];
        auto old = before.find(x.id);
        if (old == before.end()) {
            out.edits.push_back(edit::Insert{Item{x}, static_cast<int>(i)});
            work.insert(work.begin() + static_cast<std::ptrdiff_t>(i), x.id);
            continue;
        }
        if (work[i] != x.id) {
            auto at = std::find(work.begin() + static_cast<std::ptrdiff_t>(i), work.end(), x.id);
            out.edits.push_back(edit::Move{c, x.id, static_cast<int>(i)});
            std::rotate(work.begin() + static_cast<std::ptrdiff_t>(i), at, at + 1);
        }
        if (format::objectTextOf(Item{*old->second}) != format::objectTextOf(Item{x}))
            out.edits.push_back(edit::Replace{Item{x}});
    }
}

template <typename T>
void eraseMissing(Collection c, const std::vector<T>& from, const std::vector<T>& to, Command& out) {
    std::unordered_set<Id> kept;
    for (const T& x : to) kept.insert(x.id);
    for (auto it = from.rbegin(); it != from.rend(); ++it)
        if (!kept.count(it->id)) out.edits.push_back(edit::Erase{c, it->id});
}

}  // namespace

Command diffMaps(const Map& from, const Map& to) {
    Command out{"Remote change", {}};
    // Referring collections go first, so nothing points at an erased item meanwhile.
    eraseMissing(Collection::Moments, from.moments, to.moments, out);
    eraseMissing(Collection::Emotions, from.emotions, to.emotions, out);
    eraseMissing(Collection::Cards, from.cards, to.cards, out);
    eraseMissing(Collection::Lanes, from.lanes, to.lanes, out);
    eraseMissing(Collection::Stages, from.stages, to.stages, out);
    eraseMissing(Collection::Personas, from.personas, to.personas, out);
    if (format::objectTextOf(from.meta) != format::objectTextOf(to.meta)) out.edits.push_back(edit::SetMeta{to.meta});
    if (format::workshopText(from.workshop) != format::workshopText(to.workshop))
        out.edits.push_back(edit::SetWorkshop{to.workshop});
    diffItems(Collection::Personas, from.personas, to.personas, out);
    diffItems(Collection::Stages, from.stages, to.stages, out);
    diffItems(Collection::Lanes, from.lanes, to.lanes, out);
    diffItems(Collection::Cards, from.cards, to.cards, out);
    diffItems(Collection::Emotions, from.emotions, to.emotions, out);
    diffItems(Collection::Moments, from.moments, to.moments, out);
    return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Session
// ---------------------------------------------------------------------------------------------

namespace {

void setFields(const std::string& scope, const Id& id, const Fields& now, Fields& known,
               std::vector<Change>& out) {
    for (auto it = known.begin(); it != known.end();) {
        if (it->first != kOrderField && !now.count(it->first)) {
            out.push_back(Change{scope, id, it->first, std::nullopt});
            it = known.erase(it);
        } else {
            ++it;
        }
    }
    for (const auto& [path, value] : now) {
        auto it = known.find(path);
        if (it != known.end() && it->second == value) continue;
        out.push_back(Change{scope, id, path, value});
        known[path] = value;
    }
}

}  // namespace

Session::Session(Document& document) : document_(document), mirror_(std::make_unique<detail::Mirror>()) {
    state_ = stateOf(document_.map());
    mirror_->touchAll(state_);
    document_.applyRemote(mirror_->update(state_, &document_.map()), &mirror_->unknown());
    document_.takeTouched();
    document_.setRebase(revertOnly);
    for (const auto& [scope, items] : state_.scopes)
        for (const auto& [id, fields] : items)
            for (const auto& [path, value] : fields) outbox_.push_back(Change{scope, id, path, value});
}

Session::Session(Document& document, SharedState state)
    : document_(document), state_(std::move(state)), mirror_(std::make_unique<detail::Mirror>()) {
    mirror_->touchAll(state_);
    mirror_->update(state_, nullptr);
    document_.reset(mirror_->toMap(), ChangeCause::Remote);
    document_.takeTouched();
    document_.setRebase(revertOnly);
}

Session::~Session() = default;

void Session::noteLocal() {
    Touched touched = document_.takeTouched();
    if (touched.empty()) return;
    const std::size_t first = outbox_.size();
    const Map& map = document_.map();
    forEachCollection(map, [&](Collection c, const char* key, const auto& items) {
        auto& scope = state_.scopes[key];
        std::unordered_set<Id> ids;
        for (const auto& [col, id] : touched.items)
            if (col == c) ids.insert(id);
        if (touched.whole) {
            for (const auto& x : items) ids.insert(x.id);
            for (const auto& [id, fields] : scope) ids.insert(id);
        }
        if (ids.empty()) return;
        std::unordered_map<Id, std::size_t> index;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (ids.count(items[i].id)) index.emplace(items[i].id, i);
        bool needsOrder = touched.whole || touched.reordered.count(c);
        for (const Id& id : ids) {
            auto at = index.find(id);
            if (at == index.end()) {
                if (scope.erase(id)) outbox_.push_back(Change{key, id, "", std::nullopt});
                continue;
            }
            Fields& known = scope[id];
            if (!known.count(kOrderField)) needsOrder = true;
            setFields(key, id, detail::fieldsOf(Item{items[at->second]}), known, outbox_);
        }
        if (!needsOrder) return;
        std::vector<std::string> keys(items.size());
        std::vector<bool> keep(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Fields& fields = scope[items[i].id];
            auto k = fields.find(kOrderField);
            if (k != fields.end()) keys[i] = k->second;
            keep[i] = !ids.count(items[i].id) || touched.reordered.count(c) == 0;
        }
        // A touched item may keep its key where it still fits between its neighbours'.
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (keep[i] || keys[i].empty()) continue;
            const std::string& lo = i > 0 ? keys[i - 1] : std::string();
            const bool fitsLow = lo.empty() || lo < keys[i];
            const bool fitsHigh = i + 1 >= items.size() || keys[i + 1].empty() || keys[i] < keys[i + 1];
            keep[i] = fitsLow && fitsHigh && !touched.whole;
        }
        for (const auto& [i, k] : detail::assignKeys(keys, keep)) {
            scope[items[i].id][kOrderField] = k;
            outbox_.push_back(Change{key, items[i].id, kOrderField, k});
        }
    });
    if (touched.meta || touched.workshop || touched.whole)
        setFields(kMapScope, "", detail::mapFieldsOf(map), state_.scopes[kMapScope][""], outbox_);
    for (std::size_t i = first; i < outbox_.size(); ++i) mirror_->touch(outbox_[i].scope, outbox_[i].id);
}

std::vector<Change> Session::takeOutgoing() {
    noteLocal();
    return std::exchange(outbox_, {});
}

bool Session::receive(const std::vector<Change>& changes) {
    noteLocal();
    applyChanges(state_, changes);
    for (const Change& c : changes) mirror_->touch(c.scope, c.id);
    return document_.applyRemote(mirror_->update(state_, &document_.map()), &mirror_->unknown());
}

}  // namespace trayecto::sync

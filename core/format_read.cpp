// Reading a format-v1 document into the model, object by object as the tables of
// format_fields.hpp describe them: every field type- and range-checked with the JSON path of the
// offending value, unknown fields kept; then references (format_references.cpp).
#include <cmath>
#include <type_traits>

#include "format_internal.hpp"
#include "trayecto/invariants.hpp"

namespace trayecto::format {
namespace {

ErrorWord kindOfValue(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return ErrorWord::KindNull;
        case Json::value_t::boolean: return ErrorWord::KindBoolean;
        case Json::value_t::string: return ErrorWord::KindText;
        case Json::value_t::array: return ErrorWord::KindList;
        case Json::value_t::object: return ErrorWord::KindObject;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return ErrorWord::KindNumber;
        default: return ErrorWord::KindOther;
    }
}

// Short rendering of a value for messages (numbers and short strings as they are).
std::string shown(const Json& v) {
    std::string text = compactText(v);
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

// A string value for messages, cut short when long.
std::string shortText(const std::string& s) {
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

class Reader {
public:
    std::optional<LoadError> error;

    bool fail(std::string path, LoadErrorCode code, std::vector<ErrorArg> args = {}) {
        if (!error) error = LoadError{code, std::move(path), std::move(args)};
        return false;
    }

    bool wrongType(const std::string& path, const Json& v, ErrorWord expected) {
        return fail(path, LoadErrorCode::WrongType, {expected, kindOfValue(v)});
    }

    // The member `key` of `obj`, or nullptr when absent or null (null counts as "not given").
    static const Json* member(const Json& obj, const char* key) {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) return nullptr;
        return &*it;
    }

    bool object(const Json& v, const std::string& path) {
        return v.is_object() || wrongType(path, v, ErrorWord::KindObject);
    }

    bool text(const Json& obj, const std::string& path, const char* key, std::string& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, ErrorWord::KindText);
        out = v->get_ref<const std::string&>();
        return true;
    }

    bool identifier(const Json& obj, const std::string& path, const char* key, Id& out,
                    ErrorWord item) {
        const Json* v = member(obj, key);
        if (!v) return fail(childPath(path, key), LoadErrorCode::MissingField, {item, key});
        if (!v->is_string()) return wrongType(childPath(path, key), *v, ErrorWord::KindId);
        out = v->get_ref<const std::string&>();
        if (out.empty()) return fail(childPath(path, key), LoadErrorCode::EmptyId);
        return true;
    }

    bool optionalIdentifier(const Json& obj, const std::string& path, const char* key,
                            std::optional<Id>& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, ErrorWord::KindId);
        if (v->get_ref<const std::string&>().empty())
            return fail(childPath(path, key), LoadErrorCode::EmptyId);
        out = v->get_ref<const std::string&>();
        return true;
    }

    template <typename E, std::size_t N>
    bool enumeration(const Json& obj, const std::string& path, const char* key,
                     const Spelling<E> (&table)[N], E& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, ErrorWord::KindText);
        auto value = valueOf(table, v->get_ref<const std::string&>());
        if (!value)
            return fail(childPath(path, key), LoadErrorCode::NotAllowedValue,
                        {shortText(v->get_ref<const std::string&>()), key, spellingList(table)});
        out = *value;
        return true;
    }

    bool flag(const Json& obj, const std::string& path, const char* key, bool& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_boolean()) return wrongType(childPath(path, key), *v, ErrorWord::KindBoolean);
        out = v->get<bool>();
        return true;
    }

    bool wholeNumber(const Json& obj, const std::string& path, const char* key, int min, int max,
                     std::optional<int>& out) {
        const Json* v = member(obj, key);
        return !v || wholeValue(v, childPath(path, key), LoadErrorCode::NumberOutOfRange, key, min, max, out);
    }

    // A value that must be a whole number; `code` (NumberOutOfRange, CountOutOfRange) and `name`
    // (the key) say what the message calls it.
    bool wholeValue(const Json* v, const std::string& at, LoadErrorCode code, const std::string& name,
                    int min, int max, std::optional<int>& out) {
        if (!v->is_number()) return wrongType(at, *v, ErrorWord::KindWholeNumber);
        bool inRange = false;
        long long whole = 0;
        if (v->is_number_unsigned()) {
            const auto u = v->get<std::uint64_t>();
            inRange = u <= static_cast<std::uint64_t>(max) && static_cast<long long>(u) >= min;
            whole = static_cast<long long>(u);
        } else if (v->is_number_integer()) {
            whole = v->get<long long>();
            inRange = whole >= min && whole <= max;
        } else {
            const double x = v->get<double>();
            // Range first: converting an out-of-range double to an integer is undefined.
            inRange = x >= min && x <= max && std::floor(x) == x;
            if (inRange) whole = static_cast<long long>(x);
        }
        if (!inRange)
            return fail(at, code, {name, std::to_string(min), std::to_string(max), shown(*v)});
        out = static_cast<int>(whole);
        return true;
    }

    bool wholeNumber(const Json& obj, const std::string& path, const char* key, int min, int max,
                     int& out) {
        std::optional<int> value;
        if (!wholeNumber(obj, path, key, min, max, value)) return false;
        if (value) out = *value;
        return true;
    }

    bool decimal(const Json& obj, const std::string& path, const char* key,
                 std::optional<double>& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_number()) return wrongType(childPath(path, key), *v, ErrorWord::KindNumber);
        out = v->get<double>();
        return true;
    }

    bool color(const Json& obj, const std::string& path, const char* key, std::optional<Rgb>& out) {
        const Json* v = member(obj, key);
        if (!v) return true;
        if (!v->is_string()) return wrongType(childPath(path, key), *v, ErrorWord::KindColour);
        auto rgb = parseColor(v->get_ref<const std::string&>());
        if (!rgb)
            return fail(childPath(path, key), LoadErrorCode::NotColour, {shortText(v->get_ref<const std::string&>())});
        out = rgb;
        return true;
    }

    template <std::size_t N>
    void unknown(const Json& obj, const char* const (&known)[N], UnknownFields& out) {
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (!isKnownKey(known, it.key())) out[it.key()] = compactText(it.value());
    }

    // A list member: absent -> nothing to read; otherwise must be an array.
    const Json* list(const Json& obj, const std::string& path, const char* key) {
        const Json* v = member(obj, key);
        if (!v) return nullptr;
        if (!v->is_array()) {
            wrongType(childPath(path, key), *v, ErrorWord::KindList);
            return nullptr;
        }
        return v;
    }
};

// ---- one helper per kind of field (format_fields.hpp)

// The object being read, for the helpers.
struct At {
    Reader& r;
    const Json& object;
    const std::string& path;
    ErrorWord item;   // its name in messages ("the card")
};

template <typename T>
bool readObject(Reader& r, const Json& j, const std::string& p, T& x);

bool read(const At& a, const char* key, kind::RequiredId, Id& out) {
    return a.r.identifier(a.object, a.path, key, out, a.item);
}
bool read(const At& a, const char* key, kind::OptionalId, std::optional<Id>& out) {
    return a.r.optionalIdentifier(a.object, a.path, key, out);
}
bool read(const At& a, const char* key, kind::Text, std::string& out) {
    return a.r.text(a.object, a.path, key, out);
}
bool read(const At& a, const char* key, kind::TextAlways, std::string& out) {
    return a.r.text(a.object, a.path, key, out);
}
template <const auto& Names, typename E>
bool read(const At& a, const char* key, kind::Enum<Names>, E& out) {
    return a.r.enumeration(a.object, a.path, key, Names, out);
}
template <const auto& Names, typename E>
bool read(const At& a, const char* key, kind::EnumIfSet<Names>, E& out) {
    return a.r.enumeration(a.object, a.path, key, Names, out);
}
template <const auto& Names, typename E>
bool read(const At& a, const char* key, kind::Enum<Names>, std::optional<E>& out) {
    E value{};
    if (!Reader::member(a.object, key)) return true;
    if (!a.r.enumeration(a.object, a.path, key, Names, value)) return false;
    out = value;
    return true;
}
bool read(const At& a, const char* key, kind::Color, std::optional<Rgb>& out) {
    return a.r.color(a.object, a.path, key, out);
}
bool read(const At& a, const char* key, kind::Color, Rgb& out) {
    std::optional<Rgb> color;
    if (!a.r.color(a.object, a.path, key, color)) return false;
    if (color) out = *color;
    return true;
}
bool read(const At& a, const char* key, kind::Flag, bool& out) {
    return a.r.flag(a.object, a.path, key, out);
}
bool read(const At& a, const char* key, kind::FlagIfTrue, bool& out) {
    return a.r.flag(a.object, a.path, key, out);
}
template <int Min, int Max, typename Slot>
bool read(const At& a, const char* key, kind::Whole<Min, Max>, Slot& out) {
    return a.r.wholeNumber(a.object, a.path, key, Min, Max, out);
}
template <int Max>
bool read(const At& a, const char* key, kind::Count<Max>, int& out) {
    return a.r.wholeNumber(a.object, a.path, key, 0, Max, out);
}
bool read(const At& a, const char* key, kind::Decimal, std::optional<double>& out) {
    return a.r.decimal(a.object, a.path, key, out);
}
bool read(const At& a, const char* key, kind::Decimal, double& out) {
    std::optional<double> value;
    if (!a.r.decimal(a.object, a.path, key, value)) return false;
    if (value) out = *value;
    return true;
}
bool read(const At& a, const char* key, kind::JsonText, std::string& out) {
    if (const Json* v = Reader::member(a.object, key)) out = compactText(*v);
    return true;
}

bool read(const At& a, const char* key, kind::Texts, std::vector<std::string>& out) {
    const Json* texts = a.r.list(a.object, a.path, key);
    if (!texts) return !a.r.error;
    const std::string at = childPath(a.path, key);
    for (std::size_t i = 0; i < texts->size(); ++i) {
        const Json& text = (*texts)[i];
        if (!text.is_string()) return a.r.wrongType(childPath(at, i), text, ErrorWord::KindText);
        out.push_back(text.get<std::string>());
    }
    return true;
}

bool read(const At& a, const char* key, kind::Numbers, std::vector<double>& out) {
    const Json* numbers = a.r.list(a.object, a.path, key);
    if (!numbers) return !a.r.error;
    const std::string at = childPath(a.path, key);
    for (std::size_t i = 0; i < numbers->size(); ++i) {
        const Json& number = (*numbers)[i];
        if (!number.is_number()) return a.r.wrongType(childPath(at, i), number, ErrorWord::KindNumber);
        out.push_back(number.get<double>());
    }
    return true;
}

// An object whose keys are data (participants, feelings): the member or nullptr, the error set
// when it is not an object.
const Json* dataObject(const At& a, const char* key) {
    const Json* v = Reader::member(a.object, key);
    if (!v || !a.r.object(*v, childPath(a.path, key))) return nullptr;
    return v;
}

bool read(const At& a, const char* key, kind::Ballots, std::map<Id, std::vector<Id>>& out) {
    const Json* ballots = dataObject(a, key);
    if (!ballots) return !a.r.error;
    const std::string at = childPath(a.path, key);
    for (auto it = ballots->begin(); it != ballots->end(); ++it) {
        const std::string path = childPath(at, it.key());
        if (it.key().empty()) return a.r.fail(path, LoadErrorCode::EmptyParticipantId);
        if (it->is_null()) continue;
        if (!it->is_array()) return a.r.wrongType(path, *it, ErrorWord::KindCardIds);
        std::vector<Id>& cards = out[it.key()];
        for (std::size_t i = 0; i < it->size(); ++i) {
            const Json& id = (*it)[i];
            if (!id.is_string()) return a.r.wrongType(childPath(path, i), id, ErrorWord::KindCardId);
            if (id.get_ref<const std::string&>().empty())
                return a.r.fail(childPath(path, i), LoadErrorCode::EmptyId);
            cards.push_back(id.get<std::string>());
        }
    }
    return true;
}

bool read(const At& a, const char* key, kind::Tally, std::vector<std::pair<std::string, int>>& out) {
    const Json* tally = dataObject(a, key);
    if (!tally) return !a.r.error;
    const std::string at = childPath(a.path, key);
    for (auto it = tally->begin(); it != tally->end(); ++it) {
        if (it->is_null()) continue;
        std::optional<int> count;
        if (!a.r.wholeValue(&*it, childPath(at, it.key()), LoadErrorCode::CountOutOfRange, shortText(it.key()),
                             1, kMaxVotes, count))
            return false;
        out.emplace_back(it.key(), *count);
    }
    return true;
}

bool read(const At& a, const char* key, kind::PersonaIds, std::vector<Id>& out) {
    const Json* ids = a.r.list(a.object, a.path, key);
    if (!ids) return !a.r.error;
    const std::string at = childPath(a.path, key);
    for (std::size_t i = 0; i < ids->size(); ++i) {
        const Json& id = (*ids)[i];
        if (!id.is_string()) return a.r.wrongType(childPath(at, i), id, ErrorWord::KindPersonaId);
        if (id.get_ref<const std::string&>().empty())
            return a.r.fail(childPath(at, i), LoadErrorCode::EmptyId);
        out.push_back(id.get<std::string>());
    }
    return true;
}

bool read(const At& a, const char* key, kind::Dimensions, std::uint8_t& out) {
    const Json* dims = a.r.list(a.object, a.path, key);
    if (!dims) return !a.r.error;
    const std::string at = childPath(a.path, key);
    for (std::size_t i = 0; i < dims->size(); ++i) {
        const Json& d = (*dims)[i];
        if (!d.is_string()) return a.r.wrongType(childPath(at, i), d, ErrorWord::KindDimension);
        auto flag = valueOf(kDimensionNames, d.get_ref<const std::string&>());
        if (!flag)
            return a.r.fail(childPath(at, i), LoadErrorCode::NotDimension,
                            {shortText(d.get_ref<const std::string&>()), spellingList(kDimensionNames)});
        out |= *flag;
    }
    return true;
}

template <typename T>
bool readItems(const At& a, const char* key, std::vector<T>& out, bool reserve) {
    const Json* items = a.r.list(a.object, a.path, key);
    if (!items) return !a.r.error;
    const std::string at = childPath(a.path, key);
    if (reserve) out.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        T item;
        if (!readObject(a.r, (*items)[i], childPath(at, i), item)) return false;
        out.push_back(std::move(item));
    }
    return true;
}
template <typename T>
bool read(const At& a, const char* key, kind::List, std::vector<T>& out) {
    return readItems(a, key, out, false);
}
template <typename T>
bool read(const At& a, const char* key, kind::Items, std::vector<T>& out) {
    return readItems(a, key, out, true);
}

template <typename T>
bool read(const At& a, const char* key, kind::Object, T& out) {
    const Json* v = Reader::member(a.object, key);
    return !v || readObject(a.r, *v, childPath(a.path, key), out);
}

template <typename T>
bool read(const At& a, const char* key, kind::Section, T& out) {
    return read(a, key, kind::Object{}, out);
}

// A card's detail block, refused on a card whose kind does not call for it.
template <typename T>
bool readDetail(const At& a, const char* key, std::optional<T>& out, const Card& card) {
    const Json* v = Reader::member(a.object, key);
    if (!v) return true;
    if (!detailAllowed(card, out))
        return a.r.fail(childPath(a.path, key), LoadErrorCode::DetailNotAllowed,
                        {nameOf(kCardKindNames, card.kind), key});
    out.emplace();
    return readObject(a.r, *v, childPath(a.path, key), *out);
}

// Any object with a table: its members phase by phase (kind::phase), each in table order.
template <typename T>
bool readObject(Reader& r, const Json& j, const std::string& p, T& x) {
    if (!r.object(j, p)) return false;
    const At at{r, j, p, Fields<T>::item};
    for (int phase = 1; phase <= kind::kPhases && !r.error; ++phase) {
        Fields<T>::each(x, [&](auto k, const char* key, auto& member) {
            using Kind = decltype(k);
            if (r.error || kind::phase<Kind> != phase) return;
            if constexpr (std::is_same_v<Kind, kind::Detail>) readDetail(at, key, member, x);
            else read(at, key, k, member);
        });
    }
    if (r.error) return false;
    finishRead(x);
    r.unknown(j, Fields<T>::keys, x.unknown);
    return true;
}

}  // namespace

namespace {
template <typename T>
Result<T> decodeObject(const Json& object) {
    Reader r;
    T x;
    if (!readObject(r, object, "", x)) return *r.error;
    return Result<T>(std::move(x));
}
template <typename T>
Result<Item> decodeAsItem(const Json& object) {
    Result<T> read = decodeObject<T>(object);
    if (!read) return read.error();
    return Result<Item>(Item{std::move(read.value())});
}
}  // namespace

Result<Item> decodeItem(Collection collection, const Json& object) {
    switch (collection) {
        case Collection::Personas: return decodeAsItem<Persona>(object);
        case Collection::Stages: return decodeAsItem<Stage>(object);
        case Collection::Lanes: return decodeAsItem<Lane>(object);
        case Collection::Cards: return decodeAsItem<Card>(object);
        case Collection::Emotions: return decodeAsItem<Emotion>(object);
        case Collection::Moments: break;
    }
    return decodeAsItem<MomentOfTruth>(object);
}

Result<MapMeta> decodeMeta(const Json& object) { return decodeObject<MapMeta>(object); }
Result<Workshop> decodeWorkshop(const Json& object) { return decodeObject<Workshop>(object); }

Result<Map> decodeMap(const Json& root) {
    Reader r;
    Map map;
    if (!readObject(r, root, "", map)) return *r.error;
    return finishMap(std::move(map));
}

Result<Map> finishMap(Map map) {
    if (auto error = checkReferences(map)) return *error;
    // Safety net: whatever the checks above missed must not reach the app.
    const auto problems = checkInvariants(map);
    if (!problems.empty())
        return LoadError{LoadErrorCode::Inconsistent, "", {problems.front()}};
    return Result<Map>(std::move(map));
}

}  // namespace trayecto::format

// Merging participants' copies of a map (rules in include/trayecto/merge.hpp).
//
// [SECTION] Participants and their ids
// [SECTION] Field merge
// [SECTION] Collections
// [SECTION] Crowd emotions in the merged map
// [SECTION] mergeMaps
// (Resolving conflicts: core/merge_conflicts.cpp; the crowd curve: core/merge_crowd.cpp.)
#include "trayecto/merge.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <list>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "merge_json.hpp"
#include "trayecto/invariants.hpp"

namespace trayecto {

namespace {

using namespace merging;

// ---- [SECTION] Participants and their ids

std::string fileBaseName(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool isStageEmotion(const Json& emotion) { return !emotion.contains("cardId"); }

// One participant's file as it takes part in the merge.
struct Contribution {
    std::string label;
    Json document;                                   // ids already made unique (see below)
    std::set<std::pair<int, std::string>> duplicates;// (collection, id): identical to an earlier participant's new item
    bool renamed = false;                            // some of its ids were changed
};

// Which ids the base holds, per collection (index into kCollections) and overall.
struct BaseIds {
    std::vector<std::unordered_set<std::string>> perCollection;
    std::unordered_set<std::string> all;
    bool has(int collection, const std::string& id) const {
        return perCollection[static_cast<std::size_t>(collection)].count(id) > 0;
    }
};

BaseIds baseIdsOf(const Json& base) {
    BaseIds ids;
    for (const auto& c : kCollections) {
        ids.perCollection.emplace_back();
        for (const Json& item : base[c.key]) {
            ids.perCollection.back().insert(idOf(item));
            ids.all.insert(idOf(item));
        }
    }
    return ids;
}

void renameIds(Json& document, const std::unordered_map<std::string, std::string>& renames) {
    if (renames.empty()) return;
    auto rename = [&](Json& value) {
        if (!value.is_string()) return;
        auto it = renames.find(value.get<std::string>());
        if (it != renames.end()) value = it->second;
    };
    auto renameKey = [&](Json& item, const char* key) {
        if (item.contains(key)) rename(item[key]);
    };
    for (const auto& c : kCollections)
        for (Json& item : document[c.key]) renameKey(item, "id");
    for (Json& card : document["cards"]) {
        renameKey(card, "stageId");
        renameKey(card, "laneId");
        if (card.contains("personaIds") && card["personaIds"].is_array())
            for (Json& p : card["personaIds"]) rename(p);
    }
    for (Json& e : document["emotions"])
        for (const char* key : {"personaId", "stageId", "cardId"}) renameKey(e, key);
    for (Json& m : document["moments"])
        for (const char* key : {"stageId", "cardId"}) renameKey(m, key);
}

// New items of different participants that share an id: the later one gets "<id>-N".
void resolveIdClashes(const BaseIds& base, std::vector<Contribution>& contributions,
                      MergeResult& result) {
    std::unordered_set<std::string> taken = base.all;
    std::unordered_map<std::string, std::pair<int, Json>> firstNew;
    for (Contribution& c : contributions) {
        std::unordered_set<std::string> own;
        for (const auto& col : kCollections)
            for (const Json& item : c.document[col.key]) own.insert(idOf(item));
        std::unordered_map<std::string, std::string> renames;
        for (int k = 0; k < static_cast<int>(std::size(kCollections)); ++k) {
            for (const Json& item : c.document[kCollections[k].key]) {
                const std::string id = idOf(item);
                if (base.has(k, id)) continue;
                if (taken.insert(id).second) {
                    firstNew.emplace(id, std::make_pair(k, item));
                    continue;
                }
                auto first = firstNew.find(id);
                if (first != firstNew.end() && first->second.first == k && first->second.second == item) {
                    c.duplicates.insert({k, id});
                    continue;
                }
                std::string fresh;
                for (int n = 2;; ++n) {
                    fresh = id + "-" + std::to_string(n);
                    if (!taken.count(fresh) && !own.count(fresh)) break;
                }
                taken.insert(fresh);
                renames[id] = fresh;
                result.renamed.push_back(
                    MergedItem{c.label, kCollections[k].collection, fresh, id, itemText(item), ""});
            }
        }
        renameIds(c.document, renames);
        c.renamed = !renames.empty();
    }
}

// ---- [SECTION] Field merge

enum class FieldRule { ThreeWay, KeepBase, SumVotes, Latest };

struct Version {
    const std::string* label;
    Fields fields;
    long long votesCast = -1;   // a card's votes cast in this copy since it left the base; -1: not known
};

bool sameValue(const Json* a, const Json* b) {
    if (!a || !b) return a == b;
    return *a == *b;
}

long long votesIn(const Json* value) {
    return value && value->is_number_integer() ? value->get<long long>() : 0;
}

// Merges the fields of one item (or of the map itself); conflicts get `context`'s item details.
template <typename RuleFor>
Fields mergeFields(const Fields& base, const std::vector<Version>& versions, RuleFor ruleFor,
                   const MergeConflict& context, std::vector<MergeConflict>& conflicts) {
    std::vector<std::string> paths;
    std::unordered_set<std::string> seen;
    auto addPaths = [&](const Fields& fields) {
        for (const auto& f : fields)
            if (seen.insert(f.first).second) paths.push_back(f.first);
    };
    addPaths(base);
    for (const Version& v : versions) addPaths(v.fields);

    Fields merged;
    for (const std::string& path : paths) {
        const Json* b = findField(base, path);
        const FieldRule rule = ruleFor(path);
        if (rule == FieldRule::KeepBase) {
            if (b) merged.emplace_back(path, *b);
        } else if (rule == FieldRule::Latest) {
            const Json* latest = b;
            for (const Version& v : versions) {
                const Json* p = findField(v.fields, path);
                if (p && p->is_string() && (!latest || !latest->is_string() ||
                                            p->get<std::string>() > latest->get<std::string>()))
                    latest = p;
            }
            if (latest) merged.emplace_back(path, *latest);
        } else if (rule == FieldRule::SumVotes) {
            long long total = votesIn(b);
            for (const Version& v : versions)
                total += v.votesCast >= 0 ? v.votesCast : votesIn(findField(v.fields, path)) - votesIn(b);
            total = std::clamp(total, 0LL, static_cast<long long>(kMaxVotes));
            if (total != 0) merged.emplace_back(path, Json(total));
        } else {
            std::vector<std::pair<const std::string*, const Json*>> changes;
            for (const Version& v : versions) {
                const Json* p = findField(v.fields, path);
                if (!sameValue(p, b)) changes.emplace_back(v.label, p);
            }
            if (changes.empty()) {
                if (b) merged.emplace_back(path, *b);
                continue;
            }
            const Json* chosen = changes.front().second;
            const bool agree = std::all_of(changes.begin(), changes.end(),
                                           [&](const auto& c) { return sameValue(c.second, chosen); });
            if (!agree) {
                MergeConflict conflict = context;
                conflict.field = path;
                conflict.baseValue = compactText(b);
                for (const auto& c : changes)
                    conflict.values.push_back(ParticipantValue{*c.first, compactText(c.second), {}});
                conflicts.push_back(std::move(conflict));
            }
            if (chosen) merged.emplace_back(path, *chosen);
        }
    }
    return merged;
}

// ---- [SECTION] Votes

// The votes a participant cast in their copy since it left the base, per card: what their ballots
// hold beyond the start each one shares with the base's ballot of the same participant id. (Every
// browser votes as "local": the base's own votes after the copies were handed out are not the
// participant's to take back, and the votes they share with the base were cast before.) Votes an
// earlier merge already gave the base in this participant's name (`label`) are not counted again.
// Empty when the copy has no ballots: then a card's votes are merged as the difference from the base.
struct VotesCast {
    bool known = false;                                  // the copy has ballots
    std::unordered_map<std::string, long long> cards;   // card id -> votes cast
};
VotesCast votesCastSince(const Map& base, const Map& copy, const std::string& label) {
    VotesCast cast;
    cast.known = !copy.workshop.ballots.empty();
    for (const auto& [participant, cards] : copy.workshop.ballots) {
        const auto theirs = base.workshop.ballots.find(participant);
        std::size_t shared = 0;
        if (theirs != base.workshop.ballots.end())
            while (shared < cards.size() && shared < theirs->second.size() && cards[shared] == theirs->second[shared]) ++shared;
        for (std::size_t i = shared; i < cards.size(); ++i) ++cast.cards[cards[i]];
    }
    const auto merged = base.workshop.ballots.find(label);
    if (merged != base.workshop.ballots.end())
        for (const Id& card : merged->second)
            if (auto n = cast.cards.find(card); n != cast.cards.end() && n->second > 0) --n->second;
    return cast;
}

// ---- [SECTION] Collections

struct Slot {
    Json item;
    int origin = -1;   // -1: the base; otherwise the participant's index
};

void mergeCollection(int k, const Json& base, const BaseIds& baseIds,
                     const std::vector<Contribution>& contributions, const std::vector<VotesCast>& cast,
                     Json& merged, MergeResult& result) {
    const CollectionKey& col = kCollections[k];
    const bool emotions = col.collection == Collection::Emotions;
    std::vector<std::unordered_map<std::string, const Json*>> byId(contributions.size());
    for (std::size_t p = 0; p < contributions.size(); ++p)
        for (const Json& item : contributions[p].document[col.key]) byId[p][idOf(item)] = &item;

    // The merged list, and where each id is in it: new items go in the middle of it.
    std::list<Slot> slots;
    std::unordered_map<std::string, std::list<Slot>::iterator> where;
    for (const Json& b : base[col.key]) {
        const std::string id = idOf(b);
        std::vector<Version> versions;
        for (std::size_t p = 0; p < contributions.size(); ++p) {
            auto it = byId[p].find(id);
            if (it == byId[p].end()) {
                result.keptDeleted.push_back(
                    MergedItem{contributions[p].label, col.collection, id, id, itemText(b), ""});
                continue;
            }
            versions.push_back(Version{&contributions[p].label, flatten(*it->second)});
            if (col.collection == Collection::Cards && cast[p].known) {
                const auto n = cast[p].cards.find(id);
                versions.back().votesCast = n == cast[p].cards.end() ? 0 : n->second;
            }
        }
        // An emotion without a card is a rating: the crowd sets these later.
        const bool rating = emotions && isStageEmotion(b);
        auto ruleFor = [&](const std::string& path) {
            if (col.collection == Collection::Cards && path == "votes") return FieldRule::SumVotes;
            if (rating && (path == "valence" || path == "feeling" || path == "note"))
                return FieldRule::KeepBase;
            return FieldRule::ThreeWay;
        };
        MergeConflict context;
        context.collection = col.collection;
        context.itemId = id;
        context.itemText = itemText(b);
        slots.push_back(Slot{unflatten(mergeFields(flatten(b), versions, ruleFor, context,
                                                   result.conflicts)),
                             -1});
        where.emplace(id, std::prev(slots.end()));
    }

    for (std::size_t p = 0; p < contributions.size(); ++p) {
        const Json& list = contributions[p].document[col.key];
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Json& item = list[i];
            const std::string id = idOf(item);
            if (baseIds.has(k, id) || contributions[p].duplicates.count({k, id})) continue;
            if (emotions && isStageEmotion(item)) continue;   // a rating: part of the crowd
            // Right after the nearest earlier item of this list that is already merged,
            // after the new items earlier participants put there.
            auto at = slots.begin();
            for (std::size_t j = i; j-- > 0;) {
                const auto found = where.find(idOf(list[j]));
                if (found != where.end()) { at = std::next(found->second); break; }
            }
            while (at != slots.end() && at->origin >= 0 && at->origin < static_cast<int>(p)) ++at;
            where.emplace(id, slots.insert(at, Slot{item, static_cast<int>(p)}));
            result.added.push_back(
                MergedItem{contributions[p].label, col.collection, id, id, itemText(item), ""});
        }
    }
    Json out = Json::array();
    for (Slot& s : slots) out.push_back(std::move(s.item));
    merged[col.key] = std::move(out);
}

void mergeMapLevel(const Json& base, const std::vector<Contribution>& contributions, Json& merged,
                   MergeResult& result) {
    std::vector<Version> versions;
    for (const Contribution& c : contributions)
        versions.push_back(Version{&c.label, flatten(mapLevelObject(c.document))});
    auto ruleFor = [](const std::string& path) {
        if (path == "meta/author") return FieldRule::KeepBase;
        if (path == "meta/modified") return FieldRule::Latest;
        return FieldRule::ThreeWay;
    };
    const Json baseObject = mapLevelObject(base);
    MergeConflict context;
    context.itemText = baseObject["meta"].value("title", std::string());
    const Fields fields = mergeFields(flatten(baseObject), versions, ruleFor, context, result.conflicts);
    setMapLevelObject(merged, unflatten(fields));
}

// ---- [SECTION] Crowd emotions in the merged map

// The distinct non-empty notes of the participants' ratings of (persona, stage), one per line.
std::string crowdNote(const std::vector<Map>& participants, const Id& personaId, const Id& stageId) {
    std::vector<std::string> notes;
    for (const Map& m : participants)
        for (const Emotion& e : m.emotions)
            if (e.personaId == personaId && e.stageId == stageId && !e.cardId && !e.note.empty() &&
                std::find(notes.begin(), notes.end(), e.note) == notes.end())
                notes.push_back(e.note);
    std::string out;
    for (const std::string& n : notes) out += (out.empty() ? "" : "\n") + n;
    return out;
}

// The id the first participant who rated (persona, stage) gave their rating.
Id firstRatingId(const std::vector<Map>& participants, std::size_t& who, const Id& personaId,
                 const Id& stageId) {
    for (std::size_t p = 0; p < participants.size(); ++p)
        for (const Emotion& e : participants[p].emotions)
            if (e.personaId == personaId && e.stageId == stageId && !e.cardId) {
                who = p;
                return e.id;
            }
    return {};
}

std::unordered_set<std::string> allIds(const Map& map) {
    std::unordered_set<std::string> ids;
    auto collect = [&](const auto& items) { for (const auto& x : items) ids.insert(x.id); };
    collect(map.personas); collect(map.stages); collect(map.lanes);
    collect(map.cards); collect(map.emotions); collect(map.moments);
    return ids;
}

// Puts the crowd into the map: one emotion without a card per rated (persona, stage).
void applyCrowd(Map& map, const std::vector<Map>& participants, MergeResult& result) {
    auto ids = allIds(map);
    for (const CrowdCurve& curve : result.crowd) {
        for (const CrowdPoint& point : curve.points) {
            if (!point.rated()) continue;
            auto rep = std::find_if(map.emotions.begin(), map.emotions.end(), [&](const Emotion& e) {
                return e.personaId == curve.personaId && e.stageId == point.stageId && !e.cardId;
            });
            if (rep == map.emotions.end()) {
                std::size_t who = 0;
                Emotion e;
                e.id = firstRatingId(participants, who, curve.personaId, point.stageId);
                if (e.id.empty() || ids.count(e.id)) {
                    const Id stem = "em-" + curve.personaId + "-" + point.stageId;
                    e.id = stem;
                    for (int n = 2; ids.count(e.id); ++n) e.id = stem + "-" + std::to_string(n);
                }
                ids.insert(e.id);
                e.personaId = curve.personaId;
                e.stageId = point.stageId;
                map.emotions.push_back(e);
                rep = map.emotions.end() - 1;
                result.added.push_back(MergedItem{result.participants[who], Collection::Emotions,
                                                  e.id, e.id, "", ""});
            }
            const long rounded = std::lround(point.median);   // half away from zero
            rep->valence = static_cast<int>(std::clamp<long>(rounded, kValenceMin, kValenceMax));
            rep->feeling = point.feelings.empty() ? std::string() : point.feelings.front().first;
            rep->note = crowdNote(participants, curve.personaId, point.stageId);
        }
    }
    // The text of added ratings is their merged feeling.
    for (MergedItem& added : result.added)
        if (added.collection == Collection::Emotions && added.text.empty())
            if (const Emotion* e = findEmotion(map, added.id)) added.text = e->feeling;
}

}  // namespace

// ---- [SECTION] mergeMaps

std::string participantLabel(const Map& base, const MergeParticipant& participant, int index) {
    const std::string& given = participant.map.workshop.participant;
    if (!given.empty() && given != base.workshop.participant) return given;
    const std::string& author = participant.map.meta.author;
    if (!author.empty() && author != base.meta.author) return author;
    const std::string name = fileBaseName(participant.fileName);
    if (!name.empty()) return name;
    return "Participant " + std::to_string(index + 1);
}

Result<MergeResult> mergeMaps(const Map& base, const std::vector<MergeParticipant>& participants) {
    MergeResult result;
    std::vector<Contribution> contributions;
    for (std::size_t i = 0; i < participants.size(); ++i) {
        std::string label = participantLabel(base, participants[i], static_cast<int>(i));
        const std::string stem = label;
        for (int n = 2; std::find(result.participants.begin(), result.participants.end(), label) !=
                        result.participants.end();
             ++n)
            label = stem + " (" + std::to_string(n) + ")";
        result.participants.push_back(label);
        contributions.push_back(Contribution{label, documentOf(participants[i].map), {}, false});
    }

    const Json baseDoc = documentOf(base);
    const BaseIds baseIds = baseIdsOf(baseDoc);
    resolveIdClashes(baseIds, contributions, result);

    std::vector<VotesCast> cast;
    for (std::size_t i = 0; i < participants.size(); ++i)
        cast.push_back(votesCastSince(base, participants[i].map, result.participants[i]));

    Json merged = baseDoc;
    mergeMapLevel(baseDoc, contributions, merged, result);
    for (int k = 0; k < static_cast<int>(std::size(kCollections)); ++k)
        mergeCollection(k, baseDoc, baseIds, contributions, cast, merged, result);

    // Who brought each new item, for the repairs report.
    std::unordered_map<std::string, std::string> broughtBy;
    for (const MergedItem& a : result.added) broughtBy[a.id] = a.participant;
    for (const Repair& r : makeSound(merged)) {
        auto by = broughtBy.find(r.id);
        MergedItem item{by == broughtBy.end() ? std::string() : by->second, r.collection, r.id,
                        r.id, r.text, r.reason};
        if (r.dropped) {
            result.dropped.push_back(item);
            result.added.erase(std::remove_if(result.added.begin(), result.added.end(),
                                              [&](const MergedItem& a) { return a.id == r.id; }),
                               result.added.end());
        } else {
            result.unlinked.push_back(item);
        }
    }

    auto loaded = mapOf(merged);
    if (!loaded) return loaded.error();
    result.map = std::move(loaded.value());

    // The participants' maps with the ids they have in the merged map, for the crowd curve.
    std::vector<Map> renamed;
    for (std::size_t i = 0; i < contributions.size(); ++i) {
        if (!contributions[i].renamed) {
            renamed.push_back(participants[i].map);
            continue;
        }
        auto m = mapOf(contributions[i].document);
        if (!m) return m.error();
        renamed.push_back(std::move(m.value()));
    }
    result.crowd = crowdCurves(result.map, renamed);
    applyCrowd(result.map, renamed, result);

    // The merged map keeps the base's workshop, with this merge's report and crowd curves (a
    // merge of nobody changes nothing).
    if (!participants.empty()) {
        Workshop& workshop = result.map.workshop;
        workshop.merge = MergeReport{};
        workshop.merge.participants = result.participants;
        workshop.merge.conflicts = result.conflicts;
        workshop.merge.added = static_cast<int>(result.added.size());
        workshop.merge.keptDeleted = static_cast<int>(result.keptDeleted.size());
        workshop.merge.dropped = static_cast<int>(result.dropped.size());
        workshop.crowd = result.crowd;
        // The votes each participant cast on the base's cards, in their own name: the map's
        // ballots say who voted what, as its cards' counts do.
        for (std::size_t p = 0; p < participants.size(); ++p)
            for (const Card& card : base.cards) {
                const auto n = cast[p].cards.find(card.id);
                if (n == cast[p].cards.end() || n->second <= 0 || !findCard(result.map, card.id)) continue;
                std::vector<Id>& ballot = workshop.ballots[result.participants[p]];
                ballot.insert(ballot.end(), static_cast<std::size_t>(n->second), card.id);
            }
    }

    const auto problems = checkInvariants(result.map);
    if (!problems.empty())
        return LoadError{LoadErrorCode::MergeUnsound, "", {problems.front()}};
    return result;
}

}  // namespace trayecto

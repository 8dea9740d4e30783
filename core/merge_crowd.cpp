// The crowd emotional curve: the participants' ratings of a persona at each stage, with their
// median and spread (definitions in include/trayecto/merge.hpp).
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "trayecto/merge.hpp"

namespace trayecto {

namespace {

// Quantile by linear interpolation between sorted values (R type 7): position p·(n-1).
double quantile(const std::vector<double>& sorted, double p) {
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(position));
    const double fraction = position - static_cast<double>(lower);
    if (lower + 1 >= sorted.size()) return sorted.back();
    return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

CrowdCurve curveOf(const Map& layout, const std::vector<const Map*>& participants,
                   const Id& personaId) {
    std::unordered_map<Id, std::size_t> stageAt;
    for (std::size_t i = 0; i < layout.stages.size(); ++i) stageAt.emplace(layout.stages[i].id, i);

    CrowdCurve curve;
    curve.personaId = personaId;
    curve.points.resize(layout.stages.size());
    std::vector<std::vector<double>> ratings(layout.stages.size());
    for (const Map* participant : participants) {
        struct Sum { int total = 0; int count = 0; std::vector<std::string> feelings; };
        std::vector<Sum> sums(layout.stages.size());
        for (const Emotion& e : participant->emotions) {
            if (e.personaId != personaId || e.cardId) continue;
            auto at = stageAt.find(e.stageId);
            if (at == stageAt.end()) continue;
            Sum& s = sums[at->second];
            s.total += e.valence;
            s.count += 1;
            if (!e.feeling.empty() &&
                std::find(s.feelings.begin(), s.feelings.end(), e.feeling) == s.feelings.end())
                s.feelings.push_back(e.feeling);
        }
        for (std::size_t i = 0; i < sums.size(); ++i) {
            if (sums[i].count == 0) continue;
            ratings[i].push_back(static_cast<double>(sums[i].total) / sums[i].count);
            auto& named = curve.points[i].feelings;
            for (const std::string& f : sums[i].feelings) {
                auto it = std::find_if(named.begin(), named.end(),
                                       [&](const auto& n) { return n.first == f; });
                if (it == named.end()) named.emplace_back(f, 1);
                else it->second += 1;
            }
        }
    }
    for (std::size_t i = 0; i < layout.stages.size(); ++i) {
        CrowdPoint& point = curve.points[i];
        point.stageId = layout.stages[i].id;
        setCrowdStatistics(point, std::move(ratings[i]));
        std::stable_sort(point.feelings.begin(), point.feelings.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    return curve;
}

std::vector<const Map*> pointersTo(const std::vector<Map>& maps) {
    std::vector<const Map*> out;
    out.reserve(maps.size());
    for (const Map& m : maps) out.push_back(&m);
    return out;
}

}  // namespace

void setCrowdStatistics(CrowdPoint& point, std::vector<double> ratings) {
    point.ratings = ratings;
    point.n = static_cast<int>(ratings.size());
    if (ratings.empty()) {
        point.median = point.min = point.max = point.q1 = point.q3 = 0;
        return;
    }
    std::sort(ratings.begin(), ratings.end());
    point.min = ratings.front();
    point.max = ratings.back();
    point.q1 = quantile(ratings, 0.25);
    point.median = quantile(ratings, 0.5);
    point.q3 = quantile(ratings, 0.75);
}

CrowdCurve crowdCurve(const Map& layout, const std::vector<Map>& participants, const Id& personaId) {
    return curveOf(layout, pointersTo(participants), personaId);
}

std::vector<CrowdCurve> crowdCurves(const Map& layout, const std::vector<Map>& participants) {
    const auto pointers = pointersTo(participants);
    std::vector<CrowdCurve> curves;
    curves.reserve(layout.personas.size());
    for (const Persona& p : layout.personas) curves.push_back(curveOf(layout, pointers, p.id));
    return curves;
}

}  // namespace trayecto

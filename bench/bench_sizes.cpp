// The core operations at the map sizes docs/performance.md reports (200, 5 000 and 20 000 cards),
// registered as Sizes/<Operation>/<cards> next to bench_core.cpp's BM_* benchmarks. The maps are
// the ones `trayecto generate --cards N --seed 2026` writes, so these timings line up with the
// browser figures of scripts/bench.sh, which runs them as:
//   trayecto_bench --benchmark_filter='^Sizes/' --benchmark_repetitions=5 --benchmark_format=json
// Sizes/Merge merges four participants' copies of the map (each edits ~2.5 % of the cards, votes on
// 5 %, adds 1 % new cards; two of them edit one card differently: a conflict) into it.
// Sizes/Receive: a live room's client taking one remote change (one card's text) into its map.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>
#include <string>

#include "trayecto/analysis.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/invariants.hpp"
#include "trayecto/merge.hpp"
#include "trayecto/sync.hpp"

#include "bench_maps.hpp"

using namespace trayecto;

namespace {

int cardsOf(const benchmark::State& state) { return static_cast<int>(state.range(0)); }

void label(benchmark::State& state) {
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["file_bytes"] = static_cast<double>(bench::textOf(cardsOf(state)).size());
}

// Parse + migrate + validate: what opening a file costs.
void SizesLoad(benchmark::State& state) {
    const std::string& text = bench::textOf(cardsOf(state));
    for (auto _ : state) {
        auto loaded = loadMap(text);
        if (!loaded) state.SkipWithError(loaded.error().debugText().c_str());
        benchmark::DoNotOptimize(loaded);
    }
    label(state);
}

void SizesValidate(benchmark::State& state) {
    const Map& map = bench::mapOf(cardsOf(state));
    for (auto _ : state) {
        auto problems = checkInvariants(map);
        if (!problems.empty()) state.SkipWithError(problems.front().c_str());
        benchmark::DoNotOptimize(problems);
    }
    label(state);
}

// What an autosave or a download serializes.
void SizesSave(benchmark::State& state) {
    const Map& map = bench::mapOf(cardsOf(state));
    for (auto _ : state) benchmark::DoNotOptimize(saveMap(map));
    label(state);
}

// Everything the analysis panel shows at once.
void SizesAnalysis(benchmark::State& state) {
    const Map& map = bench::mapOf(cardsOf(state));
    for (auto _ : state) {
        benchmark::DoNotOptimize(emotionCurves(map));
        benchmark::DoNotOptimize(touchpointGaps(map));
        benchmark::DoNotOptimize(momentsOfTruth(map));
        benchmark::DoNotOptimize(channelCoverage(map));
        benchmark::DoNotOptimize(rankImprovements(map, CardKind::PainPoint, Ranking::ByVotes));
        benchmark::DoNotOptimize(rankImprovements(map, CardKind::Opportunity, Ranking::ByImpactEffort));
    }
    label(state);
}

// Four participants' files of one workshop on the map of `cards` cards.
const std::vector<MergeParticipant>& participantsOf(int cards) {
    static std::map<int, std::vector<MergeParticipant>> all;
    auto it = all.find(cards);
    if (it != all.end()) return it->second;
    const Map& base = bench::mapOf(cards);
    std::vector<MergeParticipant> participants;
    for (int p = 0; p < 4; ++p) {
        Map map = base;
        const size_t n = map.cards.size();
        for (size_t i = static_cast<size_t>(p); i < n; i += 40) map.cards[i].text += " (table " + std::to_string(p + 1) + ")";
        for (size_t i = static_cast<size_t>(p) * 3; i < n; i += 20) map.cards[i].votes += 1;
        if (p < 2 && n > 0) map.cards[1].text = "Conflicting edit by table " + std::to_string(p + 1);
        for (size_t i = 0, added = 0; i < n && added < n / 100 + 1; i += 97, ++added) {
            Card card = base.cards[i];
            card.id = "cd-t" + std::to_string(p + 1) + "-" + std::to_string(added + 1);
            card.text = "New idea from table " + std::to_string(p + 1);
            card.votes = 0;
            map.cards.push_back(card);
        }
        participants.push_back({"table-" + std::to_string(p + 1) + ".json", std::move(map)});
    }
    return all.emplace(cards, std::move(participants)).first->second;
}

void SizesMerge(benchmark::State& state) {
    const Map& base = bench::mapOf(cardsOf(state));
    const std::vector<MergeParticipant>& participants = participantsOf(cardsOf(state));
    for (auto _ : state) {
        auto merged = mergeMaps(base, participants);
        if (!merged) state.SkipWithError(merged.error().debugText().c_str());
        benchmark::DoNotOptimize(merged);
    }
    label(state);
}

// One participant's edit of one field reaching another's open map (sync::Session::receive).
void SizesReceive(benchmark::State& state) {
    Document document(bench::mapOf(cardsOf(state)));
    sync::Session session(document);
    const Id card = document.map().cards.at(document.map().cards.size() / 2).id;
    int edits = 0;
    for (auto _ : state) {
        const std::string text = "\"Edited by someone else " + std::to_string(++edits) + "\"";
        if (!session.receive({{"cards", card, "text", text}})) state.SkipWithError("the remote edit did not apply");
    }
    label(state);
}

void tableSizes(benchmark::internal::Benchmark* b) {
    for (int cards : {200, 5000, 20000}) b->Arg(cards);
    b->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(SizesLoad)->Name("Sizes/Load")->Apply(tableSizes);
BENCHMARK(SizesValidate)->Name("Sizes/Validate")->Apply(tableSizes);
BENCHMARK(SizesSave)->Name("Sizes/Save")->Apply(tableSizes);
BENCHMARK(SizesAnalysis)->Name("Sizes/Analysis")->Apply(tableSizes);
BENCHMARK(SizesMerge)->Name("Sizes/Merge")->Apply(tableSizes);
BENCHMARK(SizesReceive)->Name("Sizes/Receive")->Apply(tableSizes);

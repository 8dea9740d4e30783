// Timings of the core on generated maps of 100 to 20 000 cards: load, validate, save, the
// analyses and the exports. Run: build/bench/trayecto_bench [--benchmark_filter=Load]
#include <benchmark/benchmark.h>

#include <string>

#include "trayecto/analysis.hpp"
#include "trayecto/export.hpp"
#include "trayecto/format.hpp"
#include "trayecto/generator.hpp"
#include "trayecto/invariants.hpp"

#include "bench_maps.hpp"

using namespace trayecto;

namespace {

using bench::mapOf;
using bench::textOf;
using bench::kSeed;

void perCard(benchmark::State& state) {
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["file_bytes"] = static_cast<double>(textOf(static_cast<int>(state.range(0))).size());
}

void BM_Generate(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(generateMap(static_cast<int>(state.range(0)), kSeed));
    perCard(state);
}

void BM_Load(benchmark::State& state) {
    const std::string& text = textOf(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto loaded = loadMap(text);
        if (!loaded) state.SkipWithError(loaded.error().debugText().c_str());
        benchmark::DoNotOptimize(loaded);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
    perCard(state);
}

void BM_Validate(benchmark::State& state) {
    const Map& map = mapOf(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto problems = checkInvariants(map);
        if (!problems.empty()) state.SkipWithError(problems.front().c_str());
        benchmark::DoNotOptimize(problems);
    }
    perCard(state);
}

void BM_Save(benchmark::State& state) {
    const Map& map = mapOf(static_cast<int>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = saveMap(map);
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    perCard(state);
}

// Everything the analysis panel shows at once.
void BM_Analysis(benchmark::State& state) {
    const Map& map = mapOf(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        benchmark::DoNotOptimize(emotionCurves(map));
        benchmark::DoNotOptimize(touchpointGaps(map));
        benchmark::DoNotOptimize(momentsOfTruth(map));
        benchmark::DoNotOptimize(channelCoverage(map));
        benchmark::DoNotOptimize(rankImprovements(map, CardKind::PainPoint, Ranking::ByVotes));
        benchmark::DoNotOptimize(rankImprovements(map, CardKind::Opportunity, Ranking::ByImpactEffort));
    }
    perCard(state);
}

void BM_ExportCsv(benchmark::State& state) {
    const Map& map = mapOf(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(exportCsv(map));
    perCard(state);
}

void BM_ExportMarkdown(benchmark::State& state) {
    const Map& map = mapOf(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(exportMarkdown(map));
    perCard(state);
}

void sizes(benchmark::internal::Benchmark* b) {
    for (int cards : {100, 1000, 10000, 20000}) b->Arg(cards);
    b->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(BM_Generate)->Apply(sizes);
BENCHMARK(BM_Load)->Apply(sizes);
BENCHMARK(BM_Validate)->Apply(sizes);
BENCHMARK(BM_Save)->Apply(sizes);
BENCHMARK(BM_Analysis)->Apply(sizes);
BENCHMARK(BM_ExportCsv)->Apply(sizes);
BENCHMARK(BM_ExportMarkdown)->Apply(sizes);

BENCHMARK_MAIN();

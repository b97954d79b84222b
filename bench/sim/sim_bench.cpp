// How fast the engine simulates: the target is 1000 threads x 600 virtual seconds of
// primary-fails in under one second of wall time (Release).

#include "scenario/library.h"
#include "simulation.h"
#include "ui/model/replay.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

namespace {

void BM_PrimaryFails(benchmark::State& state, wn::StrategyKind strategy) {
    wn::Scenario s = wn::load_scenario("primary-fails");
    s.strategy = strategy;
    s.threads = static_cast<int>(state.range(0));
    s.duration_s = static_cast<double>(state.range(1));
    std::uint64_t events = 0;
    for (auto _ : state) {
        wn::Simulation sim(s);
        sim.run();
        events += sim.trace().count();
        benchmark::DoNotOptimize(sim.trace().sha256());
    }
    state.counters["events"] =
        benchmark::Counter(static_cast<double>(events) / static_cast<double>(state.iterations()));
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

void Args(benchmark::internal::Benchmark* b) {
    b->Args({1000, 600})->Args({100, 600})->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK_CAPTURE(BM_PrimaryFails, wasp, wn::StrategyKind::Wasp)->Apply(Args);
BENCHMARK_CAPTURE(BM_PrimaryFails, naive, wn::StrategyKind::Naive)->Apply(Args);
BENCHMARK_CAPTURE(BM_PrimaryFails, mutex, wn::StrategyKind::Mutex)->Apply(Args);
BENCHMARK_CAPTURE(BM_PrimaryFails, rwlock, wn::StrategyKind::RwLock)->Apply(Args);

/// What the GUI's scrubber does when it seeks backwards: a fresh run with every event kept,
/// replayed to the target time. The target: under 200 ms anywhere in a 10-minute,
/// 100-thread run.
void BM_Seek(benchmark::State& state) {
    wn::Scenario s = wn::load_scenario("primary-fails");
    s.threads = 100;
    s.duration_s = 600;
    const double target = static_cast<double>(state.range(0));
    for (auto _ : state) {
        wn::Simulation sim(s, true);
        sim.run_until(wn::from_seconds(target));
        benchmark::DoNotOptimize(sim.trace().count());
    }
}
BENCHMARK(BM_Seek)->Arg(60)->Arg(300)->Arg(600)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Scrubbing: an exact seek of the window's Replay (ui/model/replay.h, what SimController::seek
/// calls) to a random time of a 1000-thread, 600 s primary-fails run. Each repetition is one
/// seek from wherever the previous one left the run, so backward seeks (a fresh run from
/// t=0) and forward ones (running on) mix as they do while the timeline is dragged about.
/// Run with --benchmark_repetitions=N: the median and p99 rows are over single seeks.
void BM_ScrubRandom(benchmark::State& state) {
    static std::unique_ptr<wn::ui::Replay> replay;
    static std::mt19937_64 rng(20261201); // fixed seed: the same seek sequence every run
    if (!replay) {
        wn::Scenario s = wn::load_scenario("primary-fails");
        s.strategy = wn::StrategyKind::Wasp;
        s.threads = static_cast<int>(state.range(0));
        s.duration_s = 600;
        replay = std::make_unique<wn::ui::Replay>(s);
    }
    std::uniform_real_distribution<double> at(0.0, replay->duration());
    int backwards = 0;
    for (auto _ : state) {
        const double t = at(rng);
        backwards += t < replay->now() ? 1 : 0;
        replay->seek(t);
        benchmark::DoNotOptimize(replay->sim().trace().count());
    }
    state.counters["backwards"] = backwards;
}

double percentile(const std::vector<double>& v, double q) {
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(s.size()))) - 1;
    return s[std::min(i, s.size() - 1)];
}

BENCHMARK(BM_ScrubRandom)
    ->Arg(1000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->ComputeStatistics("p99", [](const std::vector<double>& v) { return percentile(v, 0.99); })
    ->ComputeStatistics("max", [](const std::vector<double>& v) {
        return *std::max_element(v.begin(), v.end());
    });

} // namespace

BENCHMARK_MAIN();

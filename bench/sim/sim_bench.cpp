// How fast the engine simulates: the target is 1000 threads x 600 virtual seconds of
// primary-fails in under one second of wall time (Release).

#include "scenario/library.h"
#include "simulation.h"

#include <benchmark/benchmark.h>

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

} // namespace

BENCHMARK_MAIN();

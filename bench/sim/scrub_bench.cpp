// Scrubbing's fast path: the exact frame of a random moment of a 1000-thread, 600 s
// primary-fails run, drawn from a parked checkpoint run on to the moment plus the worker's
// whole run's trace (ui/model/scrub.h) - what the window shows within a drag's move while
// the engine catches up in the background.

#include "scenario/library.h"
#include "ui/model/scrub.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <random>
#include <sys/resource.h>

namespace {

/// Run with --benchmark_repetitions=N: each repetition is one frame at a random time (a
/// fixed-seed sequence); the first builds the checkpoints and the whole run and waits for
/// them (reported as warmup_s, wall, with the peak RSS). Arguments: threads, trail in ms.
void BM_ScrubFrame(benchmark::State& state) {
    static std::unique_ptr<wn::ui::Scrub> scrub;
    static std::unique_ptr<wn::Simulation> display;
    static std::mt19937_64 rng(20261201);
    static double warmup_s = 0;
    // The packets' trail: half a second at 1x, five at 100x (SimController::trail_s).
    const double trail_s = static_cast<double>(state.range(1)) / 1000.0;
    if (!scrub) {
        wn::Scenario s = wn::load_scenario("primary-fails");
        s.strategy = wn::StrategyKind::Wasp;
        s.threads = static_cast<int>(state.range(0));
        s.duration_s = 600;
        wn::ui::RunRecipe r;
        r.panes.push_back(s);
        r.actions.resize(1);
        const auto start = std::chrono::steady_clock::now();
        scrub = std::make_unique<wn::ui::Scrub>();
        scrub->set_recipe(r);
        scrub->runs().wait_idle();
        warmup_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        display = wn::ui::start_run(r, 0, true); // the window's run, still at t=0
    }
    std::uniform_real_distribution<double> at(0.0, 600.0);
    for (auto _ : state) {
        const auto f = scrub->frame(0, wn::from_seconds(at(rng)), trail_s, *display);
        if (!f)
            state.SkipWithError("no fast frame");
        benchmark::DoNotOptimize(f);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["warmup_s"] = warmup_s;
    state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    state.counters["parked"] = static_cast<double>(scrub->runs().parked(0));
}

BENCHMARK(BM_ScrubFrame)
    ->Args({1000, 500})
    ->Args({1000, 5000})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->ComputeStatistics("max", [](const std::vector<double>& v) {
        return *std::max_element(v.begin(), v.end());
    });

} // namespace

// Painting one frame of the scene with the shared renderer (ui/renderer.h), as the window,
// --screenshot and exports do: 200 and 1000 threads (the aggregated view) and 7 members, at t=12 s
// of primary-fails (the primary died at 10 s, the election ends at 15 s), under wasp and naive,
// into 1280x720 and 1920x1080 ARGB32 premultiplied images (software rasterisation).
//
//   waspsnest-paint-bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Render/...          render() only, on a frame and layout built once;
// BuildAndRender/...  build_frame() from the simulation + layout_for() + render(): the whole
//                     cost of one repaint of the window.
// RenderWithoutPackets/...  diagnostic: render() of the same frame with no request packets.
// BuildFrame/{scratch,playing}/...  build_frame() alone while the run plays on, 16 ms of wall
//                     time at 1x or 100x between frames (the advance is not timed): from
//                     scratch every frame, or with the FrameBuilder a view keeps.
// The target: under 8 ms per frame. CPU time is the painting thread's; Qt's raster
// engine may hand large spans to its own thread pool, which only the wall time includes.

#include "scenario/library.h"
#include "simulation.h"
#include "ui/layout.h"
#include "ui/model/frame.h"
#include "ui/model/frame_builder.h"
#include "ui/renderer.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace {

constexpr double kAt = 12.0;   // virtual seconds: the failover is in progress
constexpr double kTrail = 0.5; // what SimController::trail_s() gives at 1x

wn::Scenario bench_scenario(wn::StrategyKind strategy, int threads) {
    wn::Scenario s = wn::load_scenario("primary-fails");
    s.strategy = strategy;
    s.threads = threads;
    const wn::MemberSpec first = s.members.front();
    s.members.clear();
    for (int i = 1; i <= 7; ++i) {
        wn::MemberSpec m;
        m.host = "db" + std::to_string(i) + ":27017";
        m.priority = i == 1 ? first.priority : 1;
        s.members.push_back(m);
    }
    return s;
}

/// One simulation per strategy, run to kAt once and shared by every benchmark (the runs are
/// deterministic, so this is the same state a fresh run would reach).
const wn::Simulation& simulation(wn::StrategyKind strategy, int threads) {
    static std::map<std::pair<wn::StrategyKind, int>, std::unique_ptr<wn::Simulation>> sims;
    auto& sim = sims[{strategy, threads}];
    if (!sim) {
        sim = std::make_unique<wn::Simulation>(bench_scenario(strategy, threads), true);
        sim->run_until(wn::from_seconds(kAt));
    }
    return *sim;
}

wn::ui::RenderOptions render_options() {
    wn::ui::RenderOptions o;
    o.playing = true; // the common case: frames painted while the run plays
    o.speed = 1.0;
    o.trail_s = kTrail;
    return o;
}

void set_counters(benchmark::State& state, const wn::ui::Frame& f) {
    state.counters["threads"] = static_cast<double>(f.threads.size());
    state.counters["members"] = static_cast<double>(f.members.size());
    state.counters["versions"] = static_cast<double>(f.heap ? f.heap->versions.size() : 0);
    state.counters["packets"] = static_cast<double>(f.packets.size());
}

/// Paints `frame` once per iteration: the cost of render() alone.
void render_loop(benchmark::State& state, const wn::ui::Frame& frame, QSize size) {
    const wn::ui::SceneLayout layout = wn::ui::layout_for(frame, QSizeF(size));
    const wn::ui::RenderOptions options = render_options();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        wn::ui::render(painter, frame, layout, options);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
        benchmark::ClobberMemory();
    }
    set_counters(state, frame);
}

void BM_Render(benchmark::State& state, wn::StrategyKind strategy, int threads, QSize size) {
    render_loop(state, wn::ui::build_frame(simulation(strategy, threads), kTrail), size);
}

/// Diagnostic: the same frame with no request packets (wires and dots), to show how much of
/// the frame's cost is the packets.
void BM_RenderWithoutPackets(benchmark::State& state, wn::StrategyKind strategy, int threads,
                             QSize size) {
    wn::ui::Frame frame = wn::ui::build_frame(simulation(strategy, threads), kTrail);
    frame.packets.clear();
    render_loop(state, frame, size);
}

void BM_BuildAndRender(benchmark::State& state, wn::StrategyKind strategy, int threads,
                       QSize size) {
    const wn::Simulation& sim = simulation(strategy, threads);
    const wn::ui::RenderOptions options = render_options();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        const wn::ui::Frame frame = wn::ui::build_frame(sim, kTrail);
        const wn::ui::SceneLayout layout = wn::ui::layout_for(frame, QSizeF(size));
        QPainter painter(&image);
        wn::ui::render(painter, frame, layout, options);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
        benchmark::ClobberMemory();
    }
    set_counters(state, wn::ui::build_frame(sim, kTrail));
}

/// Frame building alone on a run that plays on at `speed` (from t=5 s, before the failover),
/// a frame every 16 ms of wall time; `playing` keeps a FrameBuilder between frames.
void BM_BuildFrame(benchmark::State& state, wn::StrategyKind strategy, double speed, bool playing) {
    wn::Simulation sim(bench_scenario(strategy, 1000), true);
    sim.run_until(wn::from_seconds(5));
    const double trail = std::clamp(0.5 * speed, 0.002, 5.0); // SimController::trail_s()
    wn::ui::FrameBuilder builder;
    std::size_t packets = 0;
    for (auto _ : state) {
        state.PauseTiming();
        sim.run_until(sim.now() + wn::from_seconds(0.016 * speed));
        state.ResumeTiming();
        const wn::ui::Frame f =
            playing ? builder.build(sim, trail) : wn::ui::build_frame(sim, trail);
        packets += f.packets.size();
        benchmark::DoNotOptimize(f.packets.data());
    }
    state.counters["packets"] =
        static_cast<double>(packets) / static_cast<double>(state.iterations());
    state.counters["rebuilds"] = static_cast<double>(builder.packets().rebuilds());
}

void register_benchmarks() {
    for (const bool playing : {false, true})
        for (const auto& [name, strategy] : {std::pair{"wasp", wn::StrategyKind::Wasp},
                                             std::pair{"naive", wn::StrategyKind::Naive}})
            for (const double speed : {1.0, 100.0}) {
                const std::string full =
                    std::string("BuildFrame/") + (playing ? "playing/" : "scratch/") + name +
                    "/1000threads_7members/" + std::to_string(static_cast<int>(speed)) + "x";
                const auto s = strategy;
                benchmark::RegisterBenchmark(full.c_str(),
                                             [s, speed, playing](benchmark::State& st) {
                                                 BM_BuildFrame(st, s, speed, playing);
                                             })
                    ->Unit(benchmark::kMillisecond)
                    ->Iterations(speed > 1 ? 200 : 600);
            }
    const std::pair<const char*, wn::StrategyKind> strategies[] = {
        {"wasp", wn::StrategyKind::Wasp}, {"naive", wn::StrategyKind::Naive}};
    const QSize sizes[] = {QSize(1280, 720), QSize(1920, 1080)};
    for (const int threads : {200, 1000}) {
        for (const auto& [name, strategy] : strategies) {
            for (const QSize size : sizes) {
                const std::string suffix = std::string("/") + name + "/" + std::to_string(threads) +
                                           "threads_7members/" + std::to_string(size.width()) +
                                           "x" + std::to_string(size.height());
                const auto s = strategy;
                const int n = threads;
                benchmark::RegisterBenchmark(
                    ("Render" + suffix).c_str(),
                    [s, n, size](benchmark::State& st) { BM_Render(st, s, n, size); })
                    ->Unit(benchmark::kMillisecond);
                benchmark::RegisterBenchmark(
                    ("BuildAndRender" + suffix).c_str(),
                    [s, n, size](benchmark::State& st) { BM_BuildAndRender(st, s, n, size); })
                    ->Unit(benchmark::kMillisecond);
                benchmark::RegisterBenchmark(
                    ("RenderWithoutPackets" + suffix).c_str(),
                    [s, n, size](benchmark::State& st) { BM_RenderWithoutPackets(st, s, n, size); })
                    ->Unit(benchmark::kMillisecond);
            }
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    // No display needed: the renderer paints into QImages, but fonts need a QGuiApplication.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    register_benchmarks();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

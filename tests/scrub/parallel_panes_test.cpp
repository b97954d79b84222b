// A comparison's panes advance side by side (Replay::run_until: pane 0 on the caller's
// thread, the others on a SideWorker; start_run_until: both on workers while the caller
// paints): each pane still reaches, at every moment, exactly the run it reaches alone. Labelled
// "concurrency" too: the TSan tree runs these.

#include "../core/hand_race.h"
#include "scenario/library.h"
#include "ui/model/frame.h"
#include "ui/model/frame_builder.h"
#include "ui/model/replay.h"
#include "ui/model/side_worker.h"

#include <gtest/gtest.h>
#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace wn::ui {
namespace {

Scenario herd() {
    Scenario s = load_scenario("primary-fails");
    s.threads = 60;
    s.duration_s = 40;
    return s;
}

TEST(ParallelPanes, AComparisonPlaysEachPaneAsItPlaysAlone) {
    const std::vector<StrategyKind> kinds{StrategyKind::Naive, StrategyKind::Wasp};
    Replay both(herd(), kinds);
    std::vector<std::unique_ptr<Replay>> alone;
    for (StrategyKind k : kinds)
        alone.push_back(std::make_unique<Replay>(herd(), std::vector<StrategyKind>{k}));

    const auto expect_same = [&](const char* when) {
        for (int p = 0; p < 2; ++p) {
            ASSERT_EQ(both.sim(p).now(), alone[p]->sim().now()) << when << ", pane " << p;
            ASSERT_EQ(both.sim(p).trace().count(), alone[p]->sim().trace().count())
                << when << ", pane " << p;
            ASSERT_EQ(both.sim(p).trace().sha256(), alone[p]->sim().trace().sha256())
                << when << ", pane " << p;
        }
    };
    // Ticks of uneven length, as a window's play timer gives them at 1x to 100x, through the
    // failover, a click, and a seek back (a rebuild, whose runs advance the same way).
    std::mt19937 rng(15);
    std::uniform_int_distribution<SimTime> tick(kMicrosPerSecond / 1000, 2 * kMicrosPerSecond);
    std::thread::id side;
    bool clicked = false, sought = false;
    while (!both.finished()) {
        const SimTime t = std::min(both.sim().now() + tick(rng), from_seconds(both.duration()));
        both.run_until(t);
        for (auto& r : alone)
            r->run_until(t);
        expect_same("playing");

        EXPECT_EQ(both.advanced_on(0), std::this_thread::get_id()) << "pane 0 on the caller";
        EXPECT_NE(both.advanced_on(1), std::this_thread::get_id()) << "pane 1 beside it";
        if (side == std::thread::id{})
            side = both.advanced_on(1);
        EXPECT_EQ(both.advanced_on(1), side) << "one worker for the whole run, not one a tick";

        if (!clicked && both.now() >= 8) {
            clicked = true;
            ASSERT_EQ(both.apply(test::kill_action("db2:27017")), "");
            for (auto& r : alone)
                ASSERT_EQ(r->apply(test::kill_action("db2:27017")), "");
            expect_same("clicked");
        }
        if (!sought && both.now() >= 20) {
            sought = true;
            both.seek(6);
            for (auto& r : alone)
                r->seek(6);
            expect_same("sought back");
        }
    }
    EXPECT_TRUE(clicked && sought);
    EXPECT_TRUE(alone.front()->finished());
}

// What a play tick does: the runs advance on workers while the window paints the frames
// built before; meanwhile now() keeps the time painted, and any read waits for the advance.
TEST(ParallelPanes, AnAdvanceBesideThePaintReachesWhatRunUntilReaches) {
    const std::vector<StrategyKind> kinds{StrategyKind::Naive, StrategyKind::Wasp};
    Replay started(herd(), kinds);
    Replay plain(herd(), kinds);
    std::mt19937 rng(16);
    std::uniform_int_distribution<SimTime> tick(kMicrosPerSecond / 1000, kMicrosPerSecond);
    bool clicked = false;
    int ticks = 0;
    while (!plain.finished()) {
        const SimTime from = plain.sim().now();
        const SimTime t = std::min(from + tick(rng), from_seconds(plain.duration()));
        started.start_run_until(t);
        EXPECT_EQ(started.now(), to_seconds(from)) << "the time painted, while it advances";
        plain.run_until(t);
        // sim() waits: what it shows is the advanced run, not one half-way.
        for (int p = 0; p < 2; ++p) {
            ASSERT_EQ(started.sim(p).now(), plain.sim(p).now()) << "pane " << p;
            ASSERT_EQ(started.sim(p).trace().sha256(), plain.sim(p).trace().sha256())
                << "pane " << p;
            EXPECT_NE(started.advanced_on(p), std::this_thread::get_id()) << "pane " << p;
        }
        started.settle();
        ASSERT_EQ(started.markers().size(), plain.markers().size()) << "at " << to_seconds(t);
        if (!clicked && plain.now() >= 8) {
            clicked = true;
            started.start_run_until(plain.sim().now()); // a click waits for the advance too
            ASSERT_EQ(started.apply(test::kill_action("db2:27017")), "");
            ASSERT_EQ(plain.apply(test::kill_action("db2:27017")), "");
        }
        ++ticks;
    }
    EXPECT_TRUE(clicked);
    EXPECT_GT(ticks, 20);
    EXPECT_TRUE(started.finished());
}

// The frame a pane's worker builds right after its advance is the one the next paint takes:
// equal to the frame built from scratch at that moment, and never taken once a click, a seek
// or another trail changed what it shows.
TEST(ParallelPanes, AFrameBuiltAheadOnTheWorkerIsTheFrameOfTheStateItReached) {
    const std::vector<StrategyKind> kinds{StrategyKind::Naive, StrategyKind::Wasp};
    Replay replay(herd(), kinds);
    FramePipeline pipelines[2];
    std::thread::id built_on[2];
    std::mt19937 rng(17);
    std::uniform_int_distribution<SimTime> tick(kMicrosPerSecond / 1000, kMicrosPerSecond / 2);
    double trail = 0.5;
    int ticks = 0, rebuilt = 0;
    bool clicked = false, sought = false;
    while (!replay.finished()) {
        const SimTime t = std::min(replay.sim().now() + tick(rng), from_seconds(replay.duration()));
        replay.start_run_until(t, [&](int pane, const Simulation& sim) {
            built_on[pane] = std::this_thread::get_id();
            pipelines[pane].build_ahead(sim, trail);
        });
        replay.settle();
        ++ticks;
        // What may happen between two ticks: a click, a seek back, a speed change.
        bool changed = false;
        if (!clicked && replay.now() >= 8) {
            clicked = changed = true;
            ASSERT_EQ(replay.apply(test::kill_action("db2:27017")), "");
        } else if (!sought && replay.now() >= 20) {
            sought = changed = true;
            replay.seek(12);
        } else if (ticks % 40 == 0) {
            changed = true;
            trail = trail == 0.5 ? 5.0 : 0.5;
        }
        for (int p = 0; p < 2; ++p) {
            const std::uint64_t taken = pipelines[p].taken_ahead();
            const Frame shown = pipelines[p].frame(replay.sim(p), trail);
            ASSERT_TRUE(shown == build_frame(replay.sim(p), trail))
                << "pane " << p << " at t=" << replay.now();
            EXPECT_EQ(pipelines[p].taken_ahead(), taken + (changed ? 0 : 1))
                << "pane " << p << " at t=" << replay.now() << (changed ? ", changed" : "");
            rebuilt += changed;
            EXPECT_NE(built_on[p], std::this_thread::get_id()) << "pane " << p;
        }
    }
    EXPECT_TRUE(clicked && sought);
    EXPECT_GT(ticks, 40);
    EXPECT_GE(rebuilt, 6);
}

TEST(SideWorker, StartedJobsRunAwayFromTheCallerAndWaitPublishesThem) {
    SideWorker w;
    for (int round = 0; round < 50; ++round) {
        long sum = 0;
        std::thread::id on;
        w.start([&] {
            on = std::this_thread::get_id();
            for (int i = 0; i <= 1000 * round; ++i)
                sum += i; // unsynchronised: wait() must publish it
        });
        w.wait();
        const long n = 1000L * round;
        EXPECT_EQ(sum, n * (n + 1) / 2);
        EXPECT_NE(on, std::this_thread::get_id());
    }
    w.start([] { throw std::runtime_error("started"); });
    EXPECT_THROW(w.wait(), std::runtime_error);
    w.wait(); // nothing started: returns at once
}

#if defined(__linux__)
/// The cores the calling thread may run on.
std::vector<int> my_cores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    sched_getaffinity(0, sizeof set, &set);
    std::vector<int> cores;
    for (int c = 0; c < CPU_SETSIZE; ++c)
        if (CPU_ISSET(c, &set))
            cores.push_back(c);
    return cores;
}

/// Runs the calling thread on `cores` only.
void run_on(const std::vector<int>& cores) {
    cpu_set_t set;
    CPU_ZERO(&set);
    for (const int c : cores)
        CPU_SET(c, &set);
    ASSERT_EQ(sched_setaffinity(0, sizeof set, &set), 0);
}

TEST(SideWorker, AWorkerKeptOffACoreRunsOnlyOnTheOthersUntilGivenThemBack) {
    const std::vector<int> cores = my_cores();
    if (cores.size() < 2)
        GTEST_SKIP() << "one core: none to keep a worker off";
    SideWorker w("wn-test-off");
    std::vector<int> seen;
    int ran_on = -1;
    const auto look = [&] {
        seen = my_cores();
        ran_on = sched_getcpu();
    };
    for (const int off : {cores.front(), cores.back()}) {
        w.keep_off_cpu(off);
        w.start(look);
        w.wait();
        std::vector<int> others = cores;
        others.erase(std::find(others.begin(), others.end(), off));
        EXPECT_EQ(seen, others) << "kept off core " << off;
        EXPECT_NE(ran_on, off);
    }
    w.keep_off_cpu(-1);
    w.start(look);
    w.wait();
    EXPECT_EQ(seen, cores) << "every core it started with, back";
}

// A play tick wakes the panes' workers as the window paints: they must not take its core.
TEST(ParallelPanes, PanesAdvancingBesideThePaintKeepOffTheCallersCore) {
    const std::vector<int> cores = my_cores();
    if (cores.size() < 2)
        GTEST_SKIP() << "one core: none to keep the workers off";
    Replay replay(herd(), {StrategyKind::Naive, StrategyKind::Wasp});
    replay.start_run_until(from_seconds(1)); // the workers start on every core
    replay.settle();
    const int here = sched_getcpu();
    run_on({here});
    std::vector<std::vector<int>> seen(2);
    std::vector<int> ran_on(2, -1);
    std::atomic<int> looked{0};
    replay.start_run_until(from_seconds(2), [&](int pane, const Simulation&) {
        seen[static_cast<std::size_t>(pane)] = my_cores();
        ran_on[static_cast<std::size_t>(pane)] = sched_getcpu();
        ++looked;
    });
    // Not settle() yet: once the caller waits, its core is theirs again (the next test).
    while (looked.load() < 2)
        std::this_thread::yield();
    replay.settle();
    run_on(cores);
    for (int p = 0; p < 2; ++p) {
        const auto& s = seen[static_cast<std::size_t>(p)];
        EXPECT_FALSE(s.empty()) << "pane " << p;
        EXPECT_EQ(std::find(s.begin(), s.end(), here), s.end()) << "pane " << p;
        EXPECT_NE(ran_on[static_cast<std::size_t>(p)], here) << "pane " << p;
    }
}

// Once the caller waits for the advance, its core is free: the workers may take it then.
TEST(ParallelPanes, WhileTheCallerWaitsForTheAdvanceItsCoreIsTheWorkersToo) {
    const std::vector<int> cores = my_cores();
    if (cores.size() < 2)
        GTEST_SKIP() << "one core: none to keep the workers off";
    Replay replay(herd(), {StrategyKind::Naive, StrategyKind::Wasp});
    replay.start_run_until(from_seconds(1));
    replay.settle();
    const int here = sched_getcpu();
    run_on({here});
    int widened[2] = {0, 0};
    replay.start_run_until(from_seconds(2), [&](int pane, const Simulation&) {
        // Until settle() gives the caller's core back (or a generous deadline, to fail
        // rather than hang).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            const std::vector<int> now = my_cores();
            if (std::find(now.begin(), now.end(), here) != now.end()) {
                widened[pane] = 1;
                return;
            }
            std::this_thread::yield();
        }
    });
    replay.settle();
    run_on(cores);
    EXPECT_EQ(widened[0], 1) << "pane 0's worker";
    EXPECT_EQ(widened[1], 1) << "pane 1's worker";
}

TEST(SideWorker, ItsThreadCarriesTheNameItWasGiven) {
    // top -H, perf and gdb show this name: without it every worker is the program's name.
    SideWorker w("wn-test-pane");
    char name[16] = {};
    w.start([&] { pthread_getname_np(pthread_self(), name, sizeof name); });
    w.wait();
    EXPECT_STREQ(name, "wn-test-pane");
    // Linux refuses a longer name outright: it is cut to the 15 characters it keeps.
    SideWorker longer("wn-a-name-of-twenty-six-ch");
    longer.start([&] { pthread_getname_np(pthread_self(), name, sizeof name); });
    longer.wait();
    EXPECT_STREQ(name, "wn-a-name-of-tw");
}
#endif

TEST(SideWorker, RunsBothJobsAndReturnsAfterTheSlowerOne) {
    SideWorker w;
    for (int round = 0; round < 50; ++round) {
        std::thread::id there_on, here_on;
        long there_sum = 0;
        w.run_both(
            [&] {
                there_on = std::this_thread::get_id();
                for (int i = 0; i <= 20000 * (round % 3); ++i)
                    there_sum += i; // unsynchronised: the join must publish it
            },
            [&] { here_on = std::this_thread::get_id(); });
        const long n = 20000L * (round % 3);
        EXPECT_EQ(there_sum, n * (n + 1) / 2);
        EXPECT_EQ(here_on, std::this_thread::get_id());
        EXPECT_NE(there_on, here_on);
        EXPECT_EQ(there_on, w.id());
    }
}

TEST(SideWorker, AnExceptionOnEitherSideReachesTheCaller) {
    SideWorker w;
    EXPECT_THROW(w.run_both([] { throw std::runtime_error("there"); }, [] {}), std::runtime_error);
    bool ran = false;
    EXPECT_THROW(w.run_both([&] { ran = true; }, [] { throw std::logic_error("here"); }),
                 std::logic_error);
    EXPECT_TRUE(ran) << "the worker's job finished before the caller's exception left";
    int after = 0;
    w.run_both([&] { after = 1; }, [] {});
    EXPECT_EQ(after, 1) << "the worker survives an exception";
}

} // namespace
} // namespace wn::ui

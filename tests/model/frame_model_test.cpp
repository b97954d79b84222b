// build_frame() without a window: the frame agrees with the engine at every moment of whole
// runs, and the version heap comes in the order its header states.

#include "client/sdam_client.h"
#include "scenario/library.h"
#include "simulation.h"
#include "ui/model/frame.h"
#include "ui/model/scene_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace wn::ui {
namespace {

constexpr double kTrail = 0.5;
constexpr double kStep = 0.005;

/// Where each part of the rule starts in `versions`: current, then live, then freed.
void expect_heap_order(const HeapFrame& heap, double now) {
    const auto& v = heap.versions;
    ASSERT_FALSE(v.empty()) << "t=" << now;
    EXPECT_TRUE(v.front().current) << "t=" << now << ": the current version comes first";
    EXPECT_EQ(v.front().version, heap.current_version) << "t=" << now;
    std::size_t i = 1;
    // A version the monitor is still building is live and newer than the current one.
    int previous = 1 << 30;
    for (; i < v.size() && v[i].live; ++i) {
        EXPECT_FALSE(v[i].current) << "t=" << now;
        EXPECT_LT(v[i].version, previous) << "t=" << now << ": live versions newest first";
        previous = v[i].version;
    }
    int freed = 0;
    previous = 1 << 30;
    for (; i < v.size(); ++i, ++freed) {
        EXPECT_FALSE(v[i].live) << "t=" << now << ": v" << v[i].version
                                << " is live but comes after a freed version";
        EXPECT_LT(v[i].version, previous) << "t=" << now << ": freed versions newest first";
        EXPECT_GE(v[i].reclaimed_at, now - kTrail - 1e-9) << "t=" << now;
        previous = v[i].version;
    }
    EXPECT_LE(freed, 3) << "t=" << now;
}

TEST(FrameModel, TheHeapFollowsItsOrderRuleThroughAWholeRun) {
    Scenario scenario = load_scenario("primary-fails");
    scenario.strategy = StrategyKind::Wasp;
    Simulation sim(scenario, true);
    int frames = 0, freed_newer_than_live = 0;
    for (double t = 0; !sim.finished(); t += kStep) {
        sim.run_until(from_seconds(t));
        const Frame f = build_frame(sim, kTrail);
        ++frames;
        ASSERT_TRUE(f.heap.has_value());
        ASSERT_FALSE(f.shared.has_value());
        const StateHeap& engine = *sim.client().heap();
        EXPECT_EQ(f.heap->current_version, engine.current_version());
        int live = 0;
        for (const VersionRecord& r : engine.records())
            live += r.live();
        int shown_live = 0, oldest_live = 1 << 30, newest_freed = 0;
        for (const VersionFrame& v : f.heap->versions) {
            shown_live += v.live;
            if (v.live && !v.current)
                oldest_live = std::min(oldest_live, v.version);
            if (!v.live)
                newest_freed = std::max(newest_freed, v.version);
        }
        EXPECT_EQ(shown_live, live) << "t=" << t << ": every live version is shown";
        freed_newer_than_live += newest_freed > oldest_live && oldest_live < (1 << 30);
        expect_heap_order(*f.heap, f.now);
        if (::testing::Test::HasFailure())
            return;
    }
    EXPECT_GT(frames, 10000);
    // The case the rule exists for: sorting by version alone would put these first.
    EXPECT_GT(freed_newer_than_live, 0) << "the run never showed a freed version newer than a "
                                           "live one; the order rule went untested";
}

TEST(FrameModel, SharedStrategiesShowTheDictAndNoHeap) {
    for (StrategyKind s : {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::RwLock}) {
        Scenario scenario = load_scenario("primary-fails");
        scenario.strategy = s;
        Simulation sim(scenario, true);
        sim.run_until(from_seconds(12));
        const Frame f = build_frame(sim, kTrail);
        SCOPED_TRACE(strategy_name(s));
        EXPECT_FALSE(f.heap.has_value());
        ASSERT_TRUE(f.shared.has_value());
        EXPECT_EQ(f.shared->members.size(), sim.client().shared()->members().size());
        EXPECT_FALSE(f.shared->guard.empty());
        EXPECT_EQ(f.threads.size(), static_cast<std::size_t>(scenario.threads));
        EXPECT_EQ(f.members.size(), sim.world().servers().size());
        EXPECT_DOUBLE_EQ(f.now, 12.0);
    }
}

TEST(FrameModel, ThreadsAndMonitorAreTheEnginesAtEveryStep) {
    Simulation sim(load_scenario("primary-fails"), true);
    for (double t = 0; t < 20; t += 0.25) {
        sim.run_until(from_seconds(t));
        const Frame f = build_frame(sim, kTrail);
        const auto& engine = sim.client().threads();
        ASSERT_EQ(f.threads.size() + 1, engine.size());
        EXPECT_EQ(f.monitor.step, engine[0].step) << "t=" << t;
        for (std::size_t i = 0; i < f.threads.size(); ++i) {
            EXPECT_EQ(f.threads[i].id, engine[i + 1].id);
            EXPECT_EQ(f.threads[i].held_version, engine[i + 1].held_version) << "t=" << t;
        }
    }
}

// sdam: every server has a monitor of its own, and the frame shows each one beside its
// server, checking or asleep as the engine's monitor is at that moment.
TEST(FrameModel, SdamShowsOneMonitorPerServerAsTheEngineHasIt) {
    Scenario scenario = load_scenario("primary-fails");
    scenario.strategy = StrategyKind::Sdam;
    Simulation sim(scenario, true);
    int checking_seen = 0, asleep_seen = 0;
    for (double t = 0; t < 30; t += 0.01) {
        sim.run_until(from_seconds(t));
        const Frame f = build_frame(sim, kTrail);
        const auto& engine = dynamic_cast<const SdamClient&>(sim.client());
        ASSERT_EQ(f.server_monitors.size(), f.members.size()) << "t=" << t;
        for (const auto& m : engine.monitors()) {
            const auto it =
                std::find_if(f.server_monitors.begin(), f.server_monitors.end(),
                             [&](const ServerMonitorFrame& s) { return s.address == m.address; });
            ASSERT_NE(it, f.server_monitors.end()) << m.address << " has no lane at t=" << t;
            EXPECT_EQ(it->checking, m.checks_in_flight > 0) << m.address << " t=" << t;
            EXPECT_EQ(it->checks, m.checks) << m.address << " t=" << t;
            EXPECT_EQ(it->requested, m.check_requested) << m.address << " t=" << t;
            (it->checking ? checking_seen : asleep_seen)++;
        }
    }
    EXPECT_GT(checking_seen, 0);
    EXPECT_GT(asleep_seen, 0);
}

TEST(FrameModel, OtherStrategiesHaveOneMonitorAndNoServerLanes) {
    for (StrategyKind k : {StrategyKind::Naive, StrategyKind::Wasp}) {
        Scenario scenario = load_scenario("primary-fails");
        scenario.strategy = k;
        Simulation sim(scenario, true);
        sim.run_until(from_seconds(12));
        EXPECT_TRUE(build_frame(sim, kTrail).server_monitors.empty());
    }
}

// A request on a pooled connection to a powered-off member hangs until the OS gives up
// (tcp_give_up_s), far longer than the connect timeout: it stays on the wire in the frame.
TEST(FrameModel, AHangLongerThanTheConnectTimeoutStaysOnTheWire) {
    Scenario s = load_scenario("power-off"); // db1 loses power at 10 s
    s.strategy = StrategyKind::Wasp;
    Simulation sim(s, true);
    const double now = 10 + s.connect_timeout_s + 15;
    sim.run_until(from_seconds(now));
    const Frame f = build_frame(sim, kTrail);
    const int db1 = f.member_index(*sim.hosts().find("db1:27017"), sim.hosts());
    const bool hanging = std::any_of(f.packets.begin(), f.packets.end(), [&](const PacketFrame& p) {
        return p.member == db1 && p.end < 0 && p.begin < now - s.connect_timeout_s - kTrail;
    });
    EXPECT_TRUE(hanging) << "a request sent before the power-off is still waiting";
}

TEST(FrameModel, TheHeaderSaysWhichRaceWindowIsOn) {
    Scenario s = load_scenario("primary-fails");
    Simulation magnified(s);
    EXPECT_EQ(strategy_line(build_frame(magnified, kTrail)),
              "wasp \u00b7 primary-fails \u00b7 race \u00d74000");
    s.race_window = RaceWindow::Realistic;
    Simulation realistic(s);
    EXPECT_EQ(strategy_line(build_frame(realistic, kTrail)),
              "wasp \u00b7 primary-fails \u00b7 race realistic");
}

} // namespace
} // namespace wn::ui

// The fast path of scrubbing: a frame drawn from a checkpoint run on to the moment, with a
// longer run's trace cut at the moment, equals build_frame() of a plain run to that moment;
// runs built on the worker thread are the runs a plain run gives, trace byte for byte.
// Labelled "concurrency" too: the TSan tree runs these.

#include "scenario/library.h"
#include "ui/model/background_runs.h"
#include "ui/model/scrub.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#if defined(__linux__)
#include <sched.h>
#endif

namespace wn::ui {
namespace {

/// A built-in scenario kept small enough for a test (and a sanitizer), with two panes.
RunRecipe small_recipe(const std::string& name, double duration_s = 40) {
    Scenario s = load_scenario(name);
    s.threads = std::min(s.threads, 12);
    s.duration_s = std::min(s.duration_s, duration_s);
    s.recorded = {};
    RunRecipe r;
    for (StrategyKind k : {StrategyKind::Wasp, StrategyKind::Naive}) {
        s.strategy = k;
        r.panes.push_back(s);
    }
    r.actions.resize(2);
    return r;
}

/// Clicks at fixed moments of pane 0 (T1 paused by hand, a ping change, T1 stepped, a
/// monitor wake, T1 resumed, a kill), recorded at their exact positions as the window
/// records them; the other pane replays them by time. A click the run refuses (a member the
/// scenario killed already) is left out.
void add_clicks(RunRecipe& r) {
    auto sim = start_run(r, 0, false);
    const double end = r.panes.front().duration_s;
    std::vector<UserAction> clicks(6);
    clicks[0].kind = UserAction::Kind::PauseThread;
    clicks[1].fault.kind = FaultKind::SetPing;
    clicks[1].fault.ping_ms = 40;
    clicks[2].kind = UserAction::Kind::StepThread;
    clicks[3].kind = UserAction::Kind::WakeMonitor;
    clicks[4].kind = UserAction::Kind::ResumeThread;
    clicks[5].fault.kind = FaultKind::Kill;
    clicks[0].thread = clicks[2].thread = clicks[4].thread = 1;
    const auto& servers = sim->world().servers();
    clicks[1].fault.host = clicks[5].fault.host = sim->hosts().name(servers.back().host);
    for (std::size_t i = 0; i < clicks.size(); ++i) {
        sim->run_until(from_seconds(end * (0.1 + 0.13 * static_cast<double>(i))));
        sim->apply(clicks[i]);
    }
    // The wake and the thread clicks at least, and one fault.
    ASSERT_GE(sim->user_actions().size(), 5u);
    r.actions[0] = sim->user_actions();
    for (UserAction a : sim->user_actions()) {
        a.by_time = true;
        r.actions[1].push_back(a);
    }
}

Frame plain_frame(const RunRecipe& r, int pane, SimTime t, double trail_s) {
    auto sim = start_run(r, pane, true);
    sim->run_until(t);
    return build_frame(*sim, trail_s);
}

std::string first_difference(const Frame& a, const Frame& b) {
    if (a.now != b.now)
        return "now";
    if (a.threads != b.threads)
        return "threads";
    if (a.monitor != b.monitor)
        return "monitor";
    if (a.members != b.members)
        return "members";
    if (a.heap != b.heap)
        return "heap";
    if (a.shared != b.shared)
        return "shared";
    if (a.packets != b.packets)
        return "packets";
    if (a.metrics != b.metrics)
        return "metrics";
    if (a.caption != b.caption)
        return "caption: '" + a.caption + "' vs '" + b.caption + "'";
    return a == b ? "" : "another field";
}

// Every moment drawn from a checkpoint and a whole run's trace must equal a plain run's frame.
TEST(Scrub, FramesFromCheckpointsEqualPlainRunsInEveryBuiltinScenario) {
    std::mt19937_64 rng(20261201);
    for (const BuiltinScenario& b : builtin_scenarios()) {
        SCOPED_TRACE(b.name);
        RunRecipe r = small_recipe(b.name);
        add_clicks(r);
        Scrub scrub;
        scrub.set_recipe(r);
        scrub.runs().wait_idle(); // whole runs and every checkpoint
        ASSERT_GT(scrub.runs().parked(0), 0u);
        // The window's own run stands at t=0: the trace comes from the worker's whole run.
        const auto display = start_run(r, 0, true);
        std::uniform_real_distribution<double> at(0.0, r.panes.front().duration_s);
        int drawn = 0;
        for (int i = 0; i < 12; ++i) {
            const SimTime t = from_seconds(at(rng));
            const double trail = i % 3 == 0 ? 0.002 : 0.5 * (1 + i % 4);
            for (int pane = 0; pane < 2; ++pane) {
                // Whether a checkpoint is near depends on how soon the worker refilled the
                // one taken last time (timing); a frame drawn must be exact (no timing).
                const auto fast = scrub.frame(pane, t, trail, *display);
                if (!fast)
                    continue;
                const Frame plain = plain_frame(r, pane, t, trail);
                EXPECT_EQ(first_difference(*fast, plain), "")
                    << "pane " << pane << " t=" << to_seconds(t);
                ++drawn;
            }
        }
        EXPECT_GE(drawn, 2); // the first moment in both panes at least: the pools were full
    }
}

TEST(Scrub, TheWindowsRunPastTheMomentLendsItsTrace) {
    RunRecipe r = small_recipe("primary-fails");
    add_clicks(r);
    Scrub scrub;
    scrub.set_recipe(r, false); // no whole runs: only the window's own run has a trace
    auto display = start_run(r, 0, true);
    display->run_until(from_seconds(25));
    const SimTime early = from_seconds(3.25);
    const auto fast = scrub.frame(0, early, 0.5, *display);
    ASSERT_TRUE(fast.has_value());
    EXPECT_EQ(first_difference(*fast, plain_frame(r, 0, early, 0.5)), "");
    // Past the window's run no trace holds the moment yet: the catch-up must draw it.
    EXPECT_FALSE(scrub.frame(0, from_seconds(30), 0.5, *display).has_value());
}

TEST(BackgroundRuns, CaughtUpRunsAreThePlainRunsByteForByte) {
    RunRecipe r = small_recipe("primary-fails");
    add_clicks(r);
    BackgroundRuns runs;
    runs.set_recipe(r, false);
    // A later target continues the run in progress, an earlier one starts again: either way
    // the result is the plain run to the last target.
    runs.catch_up(from_seconds(30));
    runs.catch_up(from_seconds(35));
    runs.catch_up(from_seconds(17.5));
    runs.wait_caught_up();
    std::vector<Marker> markers;
    auto sims = runs.take_caught_up(&markers);
    ASSERT_EQ(sims.size(), 2u);
    {
        // Pane 0's timeline markers come scanned with the runs.
        auto plain = start_run(r, 0, true);
        plain->run_until(from_seconds(17.5));
        const auto expected = extract_markers(plain->trace().events());
        ASSERT_FALSE(expected.empty());
        ASSERT_EQ(markers.size(), expected.size());
        for (std::size_t i = 0; i < markers.size(); ++i) {
            EXPECT_EQ(markers[i].t, expected[i].t);
            EXPECT_EQ(markers[i].kind, expected[i].kind);
        }
    }
    for (int pane = 0; pane < 2; ++pane) {
        auto plain = start_run(r, pane, true);
        plain->run_until(from_seconds(17.5));
        const Simulation& got = *sims[static_cast<std::size_t>(pane)];
        EXPECT_EQ(got.now(), plain->now());
        EXPECT_EQ(got.trace().count(), plain->trace().count());
        EXPECT_EQ(got.trace().sha256(), plain->trace().sha256());
    }
    EXPECT_TRUE(runs.take_caught_up().empty()); // taken once
}

TEST(BackgroundRuns, ANewBranchVoidsTheOldOnesWork) {
    RunRecipe r = small_recipe("primary-fails");
    BackgroundRuns runs;
    runs.set_recipe(r);
    runs.catch_up(from_seconds(39));
    add_clicks(r); // the user clicked: another branch
    runs.set_recipe(r, false);
    EXPECT_TRUE(runs.take_caught_up().empty());
    EXPECT_EQ(runs.parked(0), 0u);
    runs.catch_up(from_seconds(39));
    runs.wait_caught_up();
    auto sims = runs.take_caught_up();
    ASSERT_EQ(sims.size(), 2u);
    auto plain = start_run(r, 0, true);
    plain->run_until(from_seconds(39));
    EXPECT_EQ(sims[0]->trace().sha256(), plain->trace().sha256());
    EXPECT_EQ(sims[0]->user_actions().size(), r.actions[0].size()); // the new branch's clicks
}

TEST(BackgroundRuns, CheckpointsCoverTheRunAtTheirSpacing) {
    RunRecipe r = small_recipe("primary-fails");
    BackgroundRuns runs;
    runs.set_recipe(r);
    runs.wait_idle();
    const SimTime k = runs.spacing();
    // The latest checkpoint before any moment is at most one and a half spacings back.
    for (SimTime t = k; t < from_seconds(r.panes.front().duration_s); t += k / 2) {
        auto cp = runs.take_checkpoint(0, t);
        ASSERT_NE(cp, nullptr);
        EXPECT_LE(cp->now(), t);
        EXPECT_LT(t - cp->now(), k + k / 2);
        EXPECT_FALSE(cp->trace().keeps_events());
        runs.park(0, std::move(cp));
    }
    auto whole = runs.take_whole_runs();
    ASSERT_EQ(whole.size(), 2u);
    EXPECT_TRUE(whole[0]->finished());
}

#if defined(__linux__)
/// The scheduling policy and niceness of each of this process's threads named `name`.
std::vector<std::pair<int, int>> policy_and_nice_of(const std::string& name) {
    std::vector<std::pair<int, int>> found;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::string comm;
        std::getline(std::ifstream(task.path() / "comm"), comm);
        if (comm != name)
            continue;
        std::ifstream stat_file(task.path() / "stat");
        const std::string stat{std::istreambuf_iterator<char>(stat_file), {}};
        // Fields after the name (which may hold spaces) from the 3rd on: nice is the 19th,
        // the policy the 41st.
        std::istringstream rest(stat.substr(stat.rfind(')') + 2));
        std::vector<std::string> fields{std::istream_iterator<std::string>(rest), {}};
        if (fields.size() > 38)
            found.emplace_back(std::stoi(fields[38]), std::stoi(fields[16]));
    }
    return found;
}

// The whole runs and the checkpoints are for a later seek: they take no core the window
// wants. A catch-up is what a seek waits for: it keeps a share of a busy core, below the
// window's priority.
TEST(BackgroundRuns, WholeRunsAndCheckpointsRunOnlyOnIdleCoresAndCatchUpsJustBelowTheWindow) {
    BackgroundRuns runs;
    runs.set_recipe(small_recipe("primary-fails", 10));
    runs.catch_up(from_seconds(5));
    runs.wait_caught_up();
    runs.wait_idle(); // every worker has started and worked
    for (const char* name : {"wn-whole-runs", "wn-checkpoints"}) {
        const auto found = policy_and_nice_of(name);
        ASSERT_FALSE(found.empty()) << name;
        for (const auto& [policy, nice] : found)
            EXPECT_EQ(policy, SCHED_IDLE) << name;
    }
    const auto catch_ups = policy_and_nice_of("wn-catch-ups");
    ASSERT_FALSE(catch_ups.empty());
    for (const auto& [policy, nice] : catch_ups) {
        EXPECT_EQ(policy, SCHED_OTHER);
        EXPECT_EQ(nice, 5);
    }
}
#endif

} // namespace
} // namespace wn::ui

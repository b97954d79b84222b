// The claims PRODUCT.md makes about each strategy, checked on the default failover.

#include "test_support.h"

#include <gtest/gtest.h>

namespace wn {
namespace {

using test::run_builtin;

TEST(Naive, TheHerdRefreshesFromApplicationThreads) {
    const auto sim = run_builtin("primary-fails", StrategyKind::Naive, 100, 1);
    const Metrics& m = sim->metrics();
    const auto by_threads = m.refresh_calls - m.refresh_calls_by_monitor;
    EXPECT_GE(by_threads, 24) << "dozens of refresh() calls by application threads";
    EXPECT_GT(m.max_concurrent_refreshes, 1);
    EXPECT_GE(m.first_concurrent_refresh, from_seconds(3)); // after the kill
    // The connection storm: every herd refresh asks every member again. As in 2.5's
    // __update_pools, members that answer keep their pools; only the dead host, no longer
    // in self.members, gets a new pool (__is_master) on each refresh, and again when the
    // thread's __check_is_primary loop that follows reaches it.
    EXPECT_GE(m.ismaster_calls, 3 * by_threads);
    EXPECT_GE(m.pools_created, by_threads);
    EXPECT_LE(m.pools_created, m.refresh_calls + by_threads + 3);
    EXPECT_GT(m.in_place_mutations, 0);
    EXPECT_EQ(m.states_published, 0);
}

TEST(Naive, TheKeyErrorRaceHappensOnSomeSeed) {
    int runs_with_key_error = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto sim = run_builtin("primary-fails", StrategyKind::Naive, 100, seed);
        if (sim->metrics().errors_of(ErrorKind::KeyError) > 0) {
            ++runs_with_key_error;
            EXPECT_GE(sim->metrics().first_key_error, from_seconds(3)); // after the kill
        }
    }
    EXPECT_GE(runs_with_key_error, 1);
}

TEST(Wasp, OnlyTheMonitorRefreshesOneAtATime) {
    const auto sim = run_builtin("primary-fails", StrategyKind::Wasp, 100, 1);
    const Metrics& m = sim->metrics();
    EXPECT_EQ(m.refresh_calls, m.refresh_calls_by_monitor);
    EXPECT_GT(m.refresh_calls, 2); // woken early by schedule_refresh(), not only by its timer
    EXPECT_EQ(m.max_concurrent_refreshes, 1);
    EXPECT_EQ(m.errors_of(ErrorKind::KeyError), 0);
    EXPECT_EQ(m.inconsistent_reads, 0);
    EXPECT_EQ(m.in_place_mutations, 0);
    EXPECT_GT(m.ops_ok, 0);
}

TEST(Wasp, EveryReplacedStateIsReclaimedByTheEnd) {
    const auto sim = run_builtin("primary-fails", StrategyKind::Wasp, 100, 1);
    const Metrics& m = sim->metrics();
    const StateHeap* heap = sim->client().heap();
    ASSERT_NE(heap, nullptr);
    int live = 0;
    for (const VersionRecord& r : heap->records())
        live += r.live() ? 1 : 0;
    EXPECT_EQ(m.states_reclaimed, m.states_published - live);
    EXPECT_EQ(m.live_states, live);
    // Only versions still referenced live: the current one and any a thread holds now.
    int held = 0;
    for (const ThreadState& t : sim->client().threads())
        held += t.held_version != 0 ? 1 : 0;
    EXPECT_LE(live, 1 + held);
    EXPECT_TRUE(heap->record(heap->current_version()).live());
    EXPECT_GT(m.max_live_states, 1); // threads held old versions across a swap
}

TEST(Wasp, AfterTheFailoverTheNewPrimaryIsPublished) {
    const auto sim = run_builtin("primary-fails", StrategyKind::Wasp, 8, 1);
    const RSState& now = sim->client().heap()->current();
    ASSERT_TRUE(now.writer());
    EXPECT_EQ(sim->hosts().name(*now.writer()), "db2:27017");
    EXPECT_EQ(now.get(*sim->hosts().find("db1:27017")), nullptr); // left out: no answer
    EXPECT_EQ(now.hosts().size(), 3u);                            // still in the config
}

TEST(Wasp, FailFastRaisesInsteadOfWaiting) {
    Scenario s = load_scenario("primary-fails");
    s.threads = 50;
    s.fail_fast = true;
    Simulation sim(s);
    sim.run();
    EXPECT_EQ(sim.metrics().wait_total, 0);
    EXPECT_GT(sim.metrics().errors_of(ErrorKind::AutoReconnect), 0);
    EXPECT_EQ(sim.metrics().refresh_calls, sim.metrics().refresh_calls_by_monitor);
}

class Locking : public ::testing::TestWithParam<StrategyKind> {};

TEST_P(Locking, NoKeyErrorAndThreadsQueueDuringRefresh) {
    const auto sim = run_builtin("primary-fails", GetParam(), 100, 1);
    const Metrics& m = sim->metrics();
    EXPECT_EQ(m.errors_of(ErrorKind::KeyError), 0);
    EXPECT_EQ(m.inconsistent_reads, 0);
    EXPECT_EQ(m.max_concurrent_refreshes, 1);
    EXPECT_GT(m.wait_total, from_seconds(1));
    EXPECT_GT(m.max_waiting, 10);
}

INSTANTIATE_TEST_SUITE_P(MutexAndRwLock, Locking,
                         ::testing::Values(StrategyKind::Mutex, StrategyKind::RwLock),
                         [](const auto& info) { return std::string(strategy_name(info.param)); });

// MongoReplicaSetClient.__init__ calls refresh(), which raises ConfigurationError("... is
// not a member of replica set ..."): the client is never built, so nothing runs.
TEST(Refresh, AWrongSetNameMakesTheConstructorRaiseConfigurationError) {
    for (StrategyKind kind : {StrategyKind::Naive, StrategyKind::Wasp}) {
        Scenario s = test::three_members();
        s.client_set_name = "other";
        s.strategy = kind;
        Simulation sim(s);
        sim.run();
        EXPECT_EQ(sim.metrics().constructor_error, ErrorKind::ConfigurationError);
        EXPECT_EQ(sim.metrics().ops_started, 0);
        EXPECT_EQ(sim.metrics().refresh_calls, 1);
    }
}

TEST(Refresh, NobodyAnsweringIsAutoReconnect) {
    Scenario s = load_scenario("all-down");
    s.strategy = StrategyKind::Naive;
    s.duration_s = 30;
    Simulation sim(s, true);
    sim.run();
    bool failed_refresh = false;
    for (const TraceEvent& e : sim.trace().events())
        if (e.kind == EventKind::RefreshEnd && e.time > from_seconds(14) &&
            e.a == static_cast<int>(ErrorKind::AutoReconnect))
            failed_refresh = true;
    EXPECT_TRUE(failed_refresh);
    EXPECT_GT(sim.metrics().errors_of(ErrorKind::AutoReconnect), 0);
}

TEST(Scenarios, EveryBuiltinRunsUnderEveryStrategy) {
    for (const BuiltinScenario& b : builtin_scenarios()) {
        for (auto kind : {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::RwLock,
                          StrategyKind::Wasp, StrategyKind::Sdam}) {
            Scenario s = load_scenario(b.name);
            s.strategy = kind;
            Simulation sim(s);
            sim.run();
            EXPECT_GT(sim.metrics().ops_ok, 0) << b.name << " " << strategy_name(kind);
            EXPECT_TRUE(sim.fault_notes().empty()) << b.name;
        }
    }
}

TEST(Scenarios, AddedSecondaryIsFoundByTheMonitorsNextRefresh) {
    const auto sim = run_builtin("add-secondary", StrategyKind::Wasp, 8, 1);
    const RSState& now = sim->client().heap()->current();
    EXPECT_EQ(now.members().size(), 4u);
}

TEST(Scenarios, ReadsAvoidTheSlowSecondaryOnceItsAverageRises) {
    const auto sim = run_builtin("slow-secondary", StrategyKind::Wasp, 8, 1);
    const HostId slow = *sim->hosts().find("db3:27017");
    const Member* m = sim->client().heap()->current().get(slow);
    ASSERT_NE(m, nullptr);
    EXPECT_GT(m->avg_ping_ms(), 200);
}

} // namespace
} // namespace wn

#include "client/sdam_client.h"
#include "sdam/reducer.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace wn {
namespace {

using test::fault;
using test::three_members;

const SdamClient& sdam_of(const Simulation& sim) {
    const auto* c = dynamic_cast<const SdamClient*>(&sim.client());
    EXPECT_NE(c, nullptr);
    return *c;
}

const sdam::ServerDescription& server_in(const Simulation& sim, const std::string& address) {
    const sdam::ServerDescription* sd = sdam_of(sim).topology().find(address);
    EXPECT_NE(sd, nullptr) << address;
    static const sdam::ServerDescription none;
    return sd ? *sd : none;
}

// Every built-in scenario x 100 threads x seeds 1-5, the invariants the strategy claims.
class SdamEveryScenario : public ::testing::TestWithParam<std::tuple<std::string, int>> {};

TEST_P(SdamEveryScenario, HoldsItsInvariants) {
    const auto& [name, seed] = GetParam();
    Scenario s = load_scenario(name);
    s.strategy = StrategyKind::Sdam;
    s.threads = 100;
    s.seed = static_cast<std::uint64_t>(seed);
    s.duration_s = std::min(s.duration_s, 60.0); // short enough for CI
    Simulation sim(s, true);
    sim.run();
    const Metrics& m = sim.metrics();
    EXPECT_EQ(m.errors_of(ErrorKind::KeyError), 0);
    EXPECT_GT(m.ops_ok, 0);
    EXPECT_TRUE(sim.fault_notes().empty());
    EXPECT_GT(m.checks, 0);
    EXPECT_EQ(m.refresh_calls, 0);

    // Checks, from the trace: never two in flight to one server, never by an app thread.
    std::map<std::int32_t, int> in_flight;
    int max_in_flight = 0;
    std::int64_t checks = 0;
    for (const TraceEvent& e : sim.trace().events()) {
        if (e.kind == EventKind::IsMasterBegin || e.kind == EventKind::RefreshBegin) {
            EXPECT_LE(e.actor, kActorMonitor) << "an application thread checked at " << e.time;
        }
        if (e.kind == EventKind::IsMasterBegin) {
            ++checks;
            max_in_flight = std::max(max_in_flight, ++in_flight[e.a]);
        } else if (e.kind == EventKind::IsMasterEnd) {
            --in_flight[e.a];
        }
    }
    EXPECT_EQ(max_in_flight, 1);
    EXPECT_EQ(m.max_checks_in_flight_per_server, 1);
    EXPECT_EQ(checks, m.checks);

    // Every replaced description is reclaimed, but for those a thread still holds.
    const StateHeap& heap = *sim.client().heap();
    std::vector<int> held;
    for (const ThreadState& t : sim.client().threads())
        if (t.held_version != 0)
            held.push_back(t.held_version);
    std::int64_t live = 0;
    for (std::size_t i = 0; i < heap.records().size(); ++i) {
        const VersionRecord& r = heap.records()[i];
        const int version = static_cast<int>(i) + 1;
        if (!r.live()) {
            EXPECT_EQ(r.topology, nullptr);
            continue;
        }
        ++live;
        EXPECT_NE(r.topology, nullptr);
        EXPECT_TRUE(version == heap.current_version() ||
                    std::find(held.begin(), held.end(), version) != held.end())
            << "v" << version << " replaced but not reclaimed in " << name;
    }
    EXPECT_EQ(m.states_reclaimed, m.states_published - live);
}

std::vector<std::tuple<std::string, int>> every_scenario_and_seed() {
    std::vector<std::tuple<std::string, int>> params;
    for (const BuiltinScenario& b : builtin_scenarios())
        for (int seed = 1; seed <= 5; ++seed)
            params.emplace_back(b.name, seed);
    return params;
}

INSTANTIATE_TEST_SUITE_P(Builtins, SdamEveryScenario,
                         ::testing::ValuesIn(every_scenario_and_seed()),
                         [](const ::testing::TestParamInfo<std::tuple<std::string, int>>& info) {
                             std::string n = std::get<0>(info.param) + "_seed" +
                                             std::to_string(std::get<1>(info.param));
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

Scenario stale_primary(StrategyKind strategy, int max_wire_version = 17) {
    Scenario s = load_scenario("stale-primary");
    s.strategy = strategy;
    s.max_wire_version = max_wire_version;
    return s;
}

TEST(SdamStalePrimary, TheOldPrimaryIsIgnoredForItsOlderElectionId) {
    for (int wire : {17, 7}) {
        Simulation sim(stale_primary(StrategyKind::Sdam, wire));
        sim.run_until(from_seconds(32)); // healed; db3 still claims primary until t=33
        ASSERT_TRUE(sim.world().server(*sim.hosts().find("db3:27017"))->role ==
                    ServerRole::Primary);
        const sdam::TopologyDescription& td = sdam_of(sim).topology();
        EXPECT_EQ(td.type, sdam::TopologyType::ReplicaSetWithPrimary);
        EXPECT_EQ(server_in(sim, "db1:27017").type, sdam::ServerType::RSPrimary) << wire;
        const sdam::ServerDescription& old = server_in(sim, "db3:27017");
        EXPECT_EQ(old.type, sdam::ServerType::Unknown) << wire;
        EXPECT_NE(old.error.value_or("").find("stale"), std::string::npos) << wire;
        ASSERT_TRUE(td.max_election_id);
        EXPECT_EQ(td.max_election_id->to_hex(), "7fffffff0000000000000002");
    }
}

// Writes sent to `host` from `from_s` until the old primary steps down at t=33 s.
int writes_to(const Simulation& sim, const std::string& host, double from_s) {
    const HostId id = *sim.hosts().find(host);
    int n = 0;
    for (const TraceEvent& e : sim.trace().events())
        if (e.kind == EventKind::SendBegin && e.a == id && e.b == 0 &&
            e.time >= from_seconds(from_s) && e.time < from_seconds(33))
            ++n;
    return n;
}

TEST(SdamStalePrimary, WaspBelievesWhicheverPrimaryAnswersLast) {
    Simulation wasp(stale_primary(StrategyKind::Wasp), true);
    wasp.run_until(from_seconds(32));
    const RSState& state = wasp.client().heap()->current();
    ASSERT_TRUE(state.writer());
    EXPECT_EQ(wasp.hosts().name(*state.writer()), "db3:27017");
    wasp.run();
    Simulation sdam(stale_primary(StrategyKind::Sdam), true);
    sdam.run();
    // Both checked everyone by t=30.1 s; from then on only wasp writes to the stale primary.
    EXPECT_GT(writes_to(wasp, "db3:27017", 31), 0);
    EXPECT_EQ(writes_to(sdam, "db3:27017", 31), 0);
    EXPECT_GT(writes_to(sdam, "db1:27017", 31), 0);
    // Writes a stale primary acknowledged are lost at the rollback.
    EXPECT_GT(wasp.world().lost_writes(), sdam.world().lost_writes());
}

TEST(SdamSelection, NoSuitableServerIsAServerSelectionTimeoutAfterThirtySeconds) {
    Scenario s = three_members();
    s.strategy = StrategyKind::Sdam;
    s.duration_s = 45;
    for (const char* host : {"db1:27017", "db2:27017", "db3:27017"})
        s.timeline.push_back(fault(FaultKind::Kill, host, 5));
    Simulation sim(s, true);
    sim.run();
    EXPECT_GT(sim.metrics().errors_of(ErrorKind::ServerSelectionTimeout), 0);
    EXPECT_GT(sim.metrics().selection_waits, 0);
    // No operation ends in the timeout sooner than serverSelectionTimeoutMS after it began.
    std::map<ActorId, SimTime> began;
    for (const TraceEvent& e : sim.trace().events()) {
        if (e.kind == EventKind::OpBegin)
            began[e.actor] = e.time;
        if (e.kind == EventKind::OpEnd &&
            e.a == static_cast<std::int32_t>(ErrorKind::ServerSelectionTimeout)) {
            EXPECT_GE(e.time - began[e.actor], from_seconds(30));
            EXPECT_GE(e.time, from_seconds(35));
        }
    }
}

TEST(SdamSelection, AStateChangeErrorMakesTheServerUnknownAtOnceAndAsksForACheck) {
    Scenario s = three_members();
    s.strategy = StrategyKind::Sdam;
    s.threads = 20;
    s.timeline.push_back(fault(FaultKind::StepDown, "db1:27017", 5));
    Simulation sim(s, true);
    sim.run();
    const HostId db1 = *sim.hosts().find("db1:27017");
    bool marked = false;
    const auto& events = sim.trace().events();
    for (std::size_t i = 0; i < events.size() && !marked; ++i) {
        const TraceEvent& e = events[i];
        if (e.kind != EventKind::TopologyApplied || e.actor < 1 || e.a != db1)
            continue;
        EXPECT_EQ(e.b, static_cast<std::int64_t>(sdam::ServerType::Unknown));
        // The same thread then requests a check of db1; it never runs one itself.
        for (std::size_t j = i + 1; j < events.size(); ++j)
            if (events[j].actor == e.actor && events[j].kind == EventKind::CheckRequest) {
                EXPECT_EQ(events[j].a, db1);
                marked = true;
                break;
            }
    }
    EXPECT_TRUE(marked);
    EXPECT_EQ(server_in(sim, "db2:27017").type, sdam::ServerType::RSPrimary);
}

TEST(SdamMonitoring, RoundTripTimeIsAMovingAverageWithAlphaPointTwo) {
    Scenario s = three_members();
    s.strategy = StrategyKind::Sdam;
    s.members[1].jitter_ms = 0;
    s.members[1].ping_ms = 1;
    Fault slow = fault(FaultKind::SetPing, "db2:27017", 5);
    slow.ping_ms = 101;
    s.timeline.push_back(slow);
    Simulation sim(s);
    sim.run_until(from_seconds(12)); // one check of db2 since the change
    const auto rtt = server_in(sim, "db2:27017").round_trip_time_ms;
    ASSERT_TRUE(rtt);
    EXPECT_NEAR(*rtt, 0.2 * 101 + 0.8 * 1, 0.1);
}

TEST(SdamMonitoring, EachServerIsCheckedEveryHeartbeatWhenNothingFails) {
    Scenario s = three_members();
    s.strategy = StrategyKind::Sdam;
    s.duration_s = 59;
    Simulation sim(s);
    sim.run();
    for (const SdamClient::ServerMonitor& m : sdam_of(sim).monitors())
        EXPECT_EQ(m.checks, 6) << m.address; // t = 0, 10, ..., 50
    EXPECT_EQ(sdam_of(sim).monitors().size(), 3u);
}

} // namespace
} // namespace wn

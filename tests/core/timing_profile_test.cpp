// The servers' timing profiles: "blog" (a fixed election_delay_s) and "mongodb-2.4"
// (heartbeats every 2 s, a member down after 10 s without a reply, an election round,
// priority takeover, and only caught-up members electable).

#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>
#include <vector>

namespace wn {
namespace {

using test::error_of;
using test::fault;

struct Election {
    double at_s;
    std::string host;
};

std::vector<Election> elections(const Simulation& sim) {
    std::vector<Election> out;
    for (const TraceEvent& e : sim.trace().events())
        if (e.kind == EventKind::Elected)
            out.push_back({to_seconds(e.time), sim.hosts().name(static_cast<HostId>(e.a))});
    return out;
}

std::vector<double> step_downs(const Simulation& sim) {
    std::vector<double> out;
    for (const TraceEvent& e : sim.trace().events())
        if (e.kind == EventKind::StepDown)
            out.push_back(to_seconds(e.time));
    return out;
}

std::unique_ptr<Simulation> run(Scenario s) {
    auto sim = std::make_unique<Simulation>(std::move(s), true);
    sim->run();
    return sim;
}

TEST(TimingProfile, IsAScenarioFieldParsedStrictly) {
    EXPECT_EQ(Scenario{}.timing, TimingProfile::Blog);
    EXPECT_EQ(parse_scenario(R"({"timing": "mongodb-2.4"})", "x.json").timing,
              TimingProfile::MongoDB24);
    EXPECT_EQ(error_of(R"({"timing": "2.4"})"),
              "bad.json: field 'timing': must be blog or mongodb-2.4 (got '2.4')");
    Scenario s = test::three_members();
    s.timing = TimingProfile::MongoDB24;
    EXPECT_EQ(parse_scenario(scenario_to_json(s).dump(), "x.json").timing,
              TimingProfile::MongoDB24);
}

TEST(TimingProfile, BlogElectsAFixedDelayAfterTheKill) {
    const Scenario s = load_scenario("primary-fails");
    ASSERT_EQ(s.timeline.front().kind, FaultKind::Kill);
    const auto e = elections(*run(s));
    ASSERT_EQ(e.size(), 1u);
    EXPECT_DOUBLE_EQ(e[0].at_s, s.timeline.front().at_s + s.election_delay_s);
}

// MongoDB 2.4: the others last heard db1 at most one heartbeat (2 s) before the kill, call it
// down 10 s after that, and elect after one more round: 10 to 12 s after the kill, whatever
// the seed's heartbeat phase.
TEST(TimingProfile, MongoDB24ElectsTenToTwelveSecondsAfterTheKill) {
    std::set<long> distinct;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        Scenario s = load_scenario("primary-fails");
        s.timing = TimingProfile::MongoDB24;
        s.seed = seed;
        s.duration_s = 40;
        const double kill = s.timeline.front().at_s;
        const auto e = elections(*run(s));
        ASSERT_EQ(e.size(), 1u) << "seed " << seed;
        EXPECT_GT(e[0].at_s - kill, 10.0 - 1e-6) << "seed " << seed;
        EXPECT_LE(e[0].at_s - kill, 12.0 + 1e-6) << "seed " << seed;
        distinct.insert(std::lround(e[0].at_s * 1000));
    }
    EXPECT_GT(distinct.size(), 3u) << "the heartbeat phase comes from the seed";
}

// A step-down is seen at the next heartbeat, not after the 10 s timeout.
TEST(TimingProfile, MongoDB24ElectsWithinTwoRoundsOfAStepDown) {
    Scenario s = load_scenario("step-down");
    s.timing = TimingProfile::MongoDB24;
    s.duration_s = 30;
    const auto e = elections(*run(s));
    ASSERT_EQ(e.size(), 1u);
    EXPECT_GT(e[0].at_s - 10, 2.0 - 1e-6);
    EXPECT_LE(e[0].at_s - 10, 4.0 + 1e-6);
}

// db1 (priority 2) comes back: under MongoDB 2.4 it catches up (sync_delay_s), the primary
// steps down at the next heartbeat and db1 is elected one round later. The blog profile
// leaves the lower-priority primary in place.
TEST(TimingProfile, MongoDB24HandsThePrimaryBackToAHigherPriorityMember) {
    Scenario s = test::three_members();
    s.duration_s = 60;
    s.timeline = {fault(FaultKind::Kill, "db1:27017", 5),
                  fault(FaultKind::Revive, "db1:27017", 30)};
    const auto blog = run(s);
    ASSERT_EQ(elections(*blog).size(), 1u);
    EXPECT_NE(elections(*blog).back().host, "db1:27017");

    s.timing = TimingProfile::MongoDB24;
    const auto real = run(s);
    const auto e = elections(*real);
    ASSERT_EQ(e.size(), 2u);
    EXPECT_NE(e[0].host, "db1:27017");
    EXPECT_EQ(e[1].host, "db1:27017");
    const auto downs = step_downs(*real);
    ASSERT_EQ(downs.size(), 1u);
    EXPECT_GE(downs[0], 30 + s.sync_delay_s);
    EXPECT_LE(downs[0], 30 + s.sync_delay_s + kHeartbeatIntervalS);
    EXPECT_NEAR(e[1].at_s - downs[0], kElectionRoundS, 1e-6);
}

// Freshest data wins: a member revived just before the election has not caught up and is
// not elected, whatever its priority.
TEST(TimingProfile, MongoDB24DoesNotElectAMemberThatHasNotCaughtUp) {
    Scenario s = test::three_members();
    s.members[2].priority = 3; // db3 is primary
    s.duration_s = 40;
    s.timing = TimingProfile::MongoDB24;
    s.timeline = {fault(FaultKind::Kill, "db3:27017", 5),
                  fault(FaultKind::Revive, "db3:27017", 14.5)};
    const auto e = elections(*run(s));
    ASSERT_GE(e.size(), 1u);
    EXPECT_GE(e[0].at_s, 15.0);
    EXPECT_EQ(e[0].host, "db1:27017");
}

} // namespace
} // namespace wn

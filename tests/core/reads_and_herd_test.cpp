// PyMongo's reads and writes around the network I/O and the herd's make-up
// (mongo_replica_set_client.py `_send_message`, `_send_message_with_response`,
// `__find_primary`, `__check_is_primary`, of 2.5 and 2.5.1).

#include "test_support.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace wn {
namespace {

/// Runs `s` with the trace kept.
std::unique_ptr<Simulation> traced(Scenario s) {
    auto sim = std::make_unique<Simulation>(std::move(s), true);
    sim->run();
    return sim;
}

// 2.5.1 `_send_message`: `member = self.__find_primary()`. The RSState reference lives only
// in __find_primary's frame, so a write's network I/O holds the member, not the state.
TEST(WaspWrites, HoldNoVersionDuringTheirNetworkIO) {
    Scenario s = load_scenario("primary-fails");
    s.strategy = StrategyKind::Wasp;
    const auto sim = traced(s);
    std::map<ActorId, int> held;
    int writes = 0;
    for (const TraceEvent& e : sim->trace().events()) {
        if (e.actor <= 0)
            continue;
        if (e.kind == EventKind::Acquire)
            ++held[e.actor];
        else if (e.kind == EventKind::Release)
            --held[e.actor];
        else if (e.kind == EventKind::SendBegin && static_cast<OpKind>(e.b) == OpKind::Write) {
            ++writes;
            ASSERT_EQ(held[e.actor], 0) << "a write holds a version on the wire";
        }
    }
    EXPECT_GT(writes, 100);
}

// `_send_message_with_response` (2.5 and 2.5.1): `while len(errors) < MAX_RETRY`: a read that
// fails on one member is tried on the next, and __try_read marks the failed member down
// (2.5: `member.up = False` on the shared member; 2.5.1: `clone_with_host_down`, published).
class ReadRetries : public ::testing::TestWithParam<StrategyKind> {};
INSTANTIATE_TEST_SUITE_P(NaiveAndWasp, ReadRetries,
                         ::testing::Values(StrategyKind::Naive, StrategyKind::Wasp),
                         [](const auto& info) { return std::string(strategy_name(info.param)); });

TEST_P(ReadRetries, ARefusedSecondaryReadIsRetriedOnAnotherMember) {
    Scenario s = test::three_members();
    s.strategy = GetParam();
    s.threads = 16;
    s.workload.read_fraction = 1;
    s.timeline = {test::fault(FaultKind::Kill, "db2:27017", 5)};
    const auto sim = traced(s);
    const HostId db2 = *sim->hosts().find("db2:27017");
    std::map<ActorId, std::vector<HostId>> tried;
    int retried_ok = 0, host_down_published = 0;
    for (const TraceEvent& e : sim->trace().events()) {
        if (e.actor <= 0)
            continue;
        if (e.kind == EventKind::OpBegin)
            tried[e.actor].clear();
        else if (e.kind == EventKind::SendBegin)
            tried[e.actor].push_back(e.a);
        else if ((e.kind == EventKind::Publish || e.kind == EventKind::MemberPut) &&
                 !tried[e.actor].empty() && tried[e.actor].back() == db2)
            ++host_down_published;
        else if (e.kind == EventKind::OpEnd && e.a == 0 && tried[e.actor].size() == 2) {
            EXPECT_EQ(tried[e.actor][0], db2);
            EXPECT_NE(tried[e.actor][1], db2);
            ++retried_ok;
        }
    }
    EXPECT_GT(retried_ok, 0);
    EXPECT_GT(host_down_published, 0);
    EXPECT_EQ(sim->metrics().errors_of(ErrorKind::AutoReconnect), 0)
        << "every read that met the dead secondary succeeded on another member";
}

// With every secondary dead a read gives up after MAX_RETRY = 3 tries, not more.
TEST_P(ReadRetries, GiveUpAfterThreeMembers) {
    Scenario s;
    s.members = {MemberSpec{"db1:27017", 2}, MemberSpec{"db2:27017"}, MemberSpec{"db3:27017"},
                 MemberSpec{"db4:27017"}, MemberSpec{"db5:27017"}};
    s.duration_s = 12;
    s.threads = 50;
    s.strategy = GetParam();
    s.workload.read_fraction = 1;
    for (const char* host : {"db2:27017", "db3:27017", "db4:27017", "db5:27017"})
        s.timeline.push_back(test::fault(FaultKind::Kill, host, 5));
    const auto sim = traced(s);
    std::map<ActorId, int> sends;
    int most = 0;
    for (const TraceEvent& e : sim->trace().events()) {
        if (e.actor <= 0)
            continue;
        if (e.kind == EventKind::OpBegin)
            sends[e.actor] = 0;
        else if (e.kind == EventKind::SendBegin)
            most = std::max(most, ++sends[e.actor]);
    }
    EXPECT_EQ(most, 3);
}

// 2.5 __find_primary, after a thread's own refresh(): `for candidate in self.__hosts:
// self.__writer = self.__check_is_primary(candidate)`: one more ismaster per host asked,
// every host when none is primary (then AutoReconnect), and one or two (a secondary that
// names the primary, then the primary) when one is.
TEST(Herd, ARefreshByAThreadIsFollowedByCheckIsPrimaryOnEachHost) {
    Scenario s = load_scenario("primary-fails");
    s.strategy = StrategyKind::Naive;
    s.threads = 100;
    const auto sim = traced(s);
    struct Op {
        bool refreshing = false, refreshed = false, found_primary = false;
        int checks = 0;
    };
    std::map<ActorId, Op> ops;
    int without_primary = 0, with_primary = 0;
    for (const TraceEvent& e : sim->trace().events()) {
        if (e.actor <= 0)
            continue;
        Op& op = ops[e.actor];
        if (e.kind == EventKind::OpBegin) {
            op = Op{};
        } else if (e.kind == EventKind::RefreshBegin) {
            // An operation may refresh more than once: its checks are counted per refresh.
            op.refreshing = true;
            op.checks = 0;
        } else if (e.kind == EventKind::RefreshEnd) {
            op.refreshing = false;
            op.refreshed = e.a == 0;
            op.found_primary = e.b != kNoHost;
        } else if (e.kind == EventKind::IsMasterBegin && !op.refreshing) {
            ASSERT_TRUE(op.refreshed) << "a check outside refresh() only follows one";
            ++op.checks;
        } else if (e.kind == EventKind::OpEnd && op.refreshed) {
            if (op.found_primary && op.checks > 0) {
                EXPECT_LE(op.checks, 2);
                ++with_primary;
            } else if (!op.found_primary) {
                // db1, db2 and db3 are each asked; fewer if an election ended meanwhile, and one
                // more when a secondary then names the new primary (__check_is_primary asks it).
                EXPECT_GE(op.checks, 1);
                EXPECT_LE(op.checks, 4);
                without_primary += op.checks == 3;
            }
        }
    }
    EXPECT_GT(without_primary, 10);
    EXPECT_GT(with_primary, 0);
}

} // namespace
} // namespace wn

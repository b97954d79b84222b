// Behaviours the fidelity ledger (docs/fidelity.md) calls faithful to MongoDB 2.4 and
// PyMongo 2.5 / 2.5.1, each checked so that a drift of the engine fails here.

#include "test_support.h"

#include <gtest/gtest.h>

#include <map>

namespace wn {
namespace {

using test::run_builtin;

const StrategyKind kAll[] = {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::RwLock,
                             StrategyKind::Wasp};

std::unique_ptr<Simulation> run_kept(Scenario s) {
    auto sim = std::make_unique<Simulation>(std::move(s), true);
    sim->run();
    return sim;
}

/// Operations of kind `op` that `host` completed successfully at or after `from`.
int successes_on(const Simulation& sim, const std::string& host, OpKind op, SimTime from) {
    const HostId id = *sim.hosts().find(host);
    std::map<ActorId, OpKind> sending;
    int count = 0;
    for (const TraceEvent& e : sim.trace().events()) {
        if (e.kind == EventKind::SendBegin)
            sending[e.actor] = static_cast<OpKind>(e.b);
        else if (e.kind == EventKind::SendEnd && e.a == id && e.b == 1 && e.time >= from &&
                 sending[e.actor] == op)
            ++count;
    }
    return count;
}

// MongoDB 2.4 answers a write on a secondary with "not master"; PyMongo 2.5 / 2.5.1
// __check_response_to_last_error then runs disconnect() and raises AutoReconnect.
TEST(StepDown, NoWriteLandsOnTheSteppedDownPrimary) {
    for (StrategyKind kind : kAll) {
        Scenario s = load_scenario("step-down");
        s.strategy = kind;
        const auto sim = run_kept(s);
        EXPECT_EQ(successes_on(*sim, "db1:27017", OpKind::Write, from_seconds(10)), 0)
            << strategy_name(kind);
        EXPECT_GT(successes_on(*sim, "db1:27017", OpKind::Write, 0), 0) << strategy_name(kind);
        EXPECT_GT(sim->metrics().errors_of(ErrorKind::AutoReconnect), 0) << strategy_name(kind);
        EXPECT_GT(sim->metrics().not_master_replies + sim->metrics().connections_closed, 0)
            << strategy_name(kind);
    }
}

// disconnect() ends in self.__schedule_refresh(): the monitor is woken, not left to its
// 30 s timer, so the new primary is known soon after the election (t=15 s).
TEST(StepDown, DisconnectWakesTheMonitor) {
    for (StrategyKind kind : kAll) {
        Scenario s = load_scenario("step-down");
        s.strategy = kind;
        const auto sim = run_kept(s);
        bool woken_early = false;
        for (const TraceEvent& e : sim->trace().events())
            if (e.kind == EventKind::MonitorWake && e.a == 1 && e.time > from_seconds(10) &&
                e.time < from_seconds(25))
                woken_early = true;
        EXPECT_TRUE(woken_early) << strategy_name(kind);
        EXPECT_GT(successes_on(*sim, "db2:27017", OpKind::Write, from_seconds(15)), 0)
            << strategy_name(kind);
    }
}

// replSetStepDown closes every client connection: an operation in flight fails.
TEST(StepDown, ClosesTheConnectionsInFlight) {
    Scenario s = test::three_members();
    s.threads = 1;
    Simulation sim(s, true);
    sim.run_until(from_seconds(2));
    UserAction click;
    click.fault = test::fault(FaultKind::StepDown, "db1:27017");
    const std::uint64_t before = sim.world().conn_epoch(*sim.hosts().find("db1:27017"));
    ASSERT_EQ(sim.apply(click), "");
    EXPECT_EQ(sim.world().conn_epoch(*sim.hosts().find("db1:27017")), before + 1);
}

TEST(Roles, EachMemberTakesOnlyWhatItsRoleAllows) {
    Scenario s = test::three_members();
    s.members.push_back(MemberSpec{"arb:27017", 0, 1.0, 0.5, true});
    Scheduler scheduler;
    HostTable hosts;
    Trace trace(false);
    ReplicaSet world(scheduler, hosts, trace, s);
    const HostId db1 = *hosts.find("db1:27017");
    const HostId db2 = *hosts.find("db2:27017");
    const HostId arb = *hosts.find("arb:27017");
    EXPECT_TRUE(world.accepts(db1, OpKind::Write, false));
    EXPECT_TRUE(world.accepts(db1, OpKind::Read, false));
    EXPECT_FALSE(world.accepts(db2, OpKind::Write, true)); // "not master"
    EXPECT_FALSE(world.accepts(db2, OpKind::Read, false)); // "not master and slaveOk=false"
    EXPECT_TRUE(world.accepts(db2, OpKind::Read, true));
    EXPECT_FALSE(world.accepts(arb, OpKind::Read, true));
    // A removed member rejects everything, writes and slaveOk reads alike.
    EXPECT_EQ(world.apply(test::fault(FaultKind::RemoveMember, "db2:27017"), kActorUser), "");
    EXPECT_FALSE(world.accepts(db2, OpKind::Read, true));
    EXPECT_FALSE(world.accepts(db2, OpKind::Write, true));
}

TEST(Roles, OperationsOnARemovedPrimaryFail) {
    for (StrategyKind kind : kAll) {
        Scenario s = test::three_members();
        s.strategy = kind;
        s.timeline.push_back(test::fault(FaultKind::RemoveMember, "db1:27017", 5));
        const auto sim = run_kept(s);
        EXPECT_EQ(successes_on(*sim, "db1:27017", OpKind::Write, from_seconds(5)), 0)
            << strategy_name(kind);
        EXPECT_EQ(successes_on(*sim, "db1:27017", OpKind::Read, from_seconds(5)), 0)
            << strategy_name(kind);
    }
}

// Every KeyError carries its cause, and the cause agrees with the trace: the culprit really
// changed what the cause says between the victim's steps.
TEST(KeyErrorCause, EveryKeyErrorNamesWhoChangedWhat) {
    int key_errors = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Scenario s = load_scenario("primary-fails");
        s.strategy = StrategyKind::Naive;
        s.threads = 100;
        s.seed = seed;
        const auto sim = run_kept(s);
        const auto& events = sim->trace().events();
        for (std::size_t i = 0; i < events.size(); ++i) {
            const TraceEvent& e = events[i];
            if (e.kind != EventKind::KeyErrorCause)
                continue;
            ++key_errors;
            ASSERT_GT(i, 0u);
            const TraceEvent& lookup = events[i - 1];
            ASSERT_EQ(lookup.kind, EventKind::LookupMember);
            EXPECT_EQ(lookup.actor, e.actor);
            const auto cause = static_cast<KeyErrorCause>(e.a);
            ASSERT_NE(cause, KeyErrorCause::Unknown) << "seed " << seed;
            // The culprit's change, searched backwards from the lookup.
            bool seen = false;
            for (std::size_t j = i - 1; j-- > 0 && !seen;) {
                const TraceEvent& c = events[j];
                if (c.actor != static_cast<ActorId>(e.b))
                    continue;
                if (cause == KeyErrorCause::MemberPoppedBetween ||
                    cause == KeyErrorCause::MemberPoppedBefore)
                    seen = c.kind == EventKind::MemberPop && c.a == lookup.a;
                else
                    seen = c.kind == EventKind::PrimaryAssign && c.a == -1;
            }
            EXPECT_TRUE(seen) << "seed " << seed << " cause " << key_error_cause_name(cause);
            if (cause == KeyErrorCause::PrimaryClearedByRefresh ||
                cause == KeyErrorCause::PrimaryClearedByDisconnect) {
                EXPECT_EQ(lookup.a, -1) << "self.members[None]";
            }
        }
        const Metrics& m = sim->metrics();
        EXPECT_EQ(m.key_errors_by_cause[0], 0);
        std::int64_t by_cause = 0;
        for (std::int64_t n : m.key_errors_by_cause)
            by_cause += n;
        EXPECT_EQ(by_cause, m.errors_of(ErrorKind::KeyError));
    }
    EXPECT_GT(key_errors, 0);
}

// 2.5.1 _send_message: a failed write runs disconnect(), which publishes
// clone_without_writer() (members unchanged); only __try_read (a read) uses
// clone_with_host_down().
TEST(SocketError, AFailedWasp2_5_1WriteRunsDisconnect) {
    Scenario s = load_scenario("primary-fails");
    s.workload.read_fraction = 0; // writes only
    Simulation sim(s, true);
    const HostId db1 = *sim.hosts().find("db1:27017");
    std::size_t seen = 0;
    while (sim.step_event()) {
        bool published = false;
        for (const auto& events = sim.trace().events(); seen < events.size(); ++seen)
            published |= events[seen].kind == EventKind::Publish && events[seen].actor > 0;
        if (!published)
            continue;
        const RSState& now = sim.client().heap()->current();
        EXPECT_FALSE(now.writer());
        ASSERT_NE(now.get(db1), nullptr);
        EXPECT_TRUE(now.get(db1)->up()) << "disconnect() does not mark the member down";
        EXPECT_EQ(now.error_message(), "No primary available");
        return;
    }
    FAIL() << "no thread published a state";
}

// 2.5.1: a read with a non-primary preference that finds no primary schedules a refresh
// and reads from a secondary without waiting.
TEST(Reads, ASecondaryReadWithNoPrimaryWakesTheMonitorWithoutWaiting) {
    const auto sim = run_kept(load_scenario("primary-fails"));
    std::map<ActorId, OpKind> op;
    int reads_waking = 0, reads_waiting = 0;
    for (const TraceEvent& e : sim->trace().events()) {
        if (e.kind == EventKind::OpBegin)
            op[e.actor] = static_cast<OpKind>(e.a);
        else if (e.kind == EventKind::ScheduleRefresh && e.actor > 0 && op[e.actor] == OpKind::Read)
            ++reads_waking;
        else if (e.kind == EventKind::WaitRefreshBegin && op[e.actor] == OpKind::Read)
            ++reads_waiting;
    }
    EXPECT_GT(reads_waking, 0);
    EXPECT_EQ(reads_waiting, 0);
}

// 2.5 __update_pools: a known member keeps its pool and its 5-sample average
// (member.update(res, ping_time)).
TEST(Pools, ANaiveRefreshKeepsKnownMembersPoolsAndPingSamples) {
    const auto sim = test::run_builtin("slow-secondary", StrategyKind::Naive, 8, 1);
    const Member* db2 = sim->client().shared()->get(*sim->hosts().find("db2:27017"));
    ASSERT_NE(db2, nullptr);
    EXPECT_GT(db2->sample_count(), 1);
    EXPECT_LE(db2->pool_id(), 3) << "the pool opened by the constructor's refresh";
    EXPECT_EQ(sim->metrics().pools_created, 3);
}

// The blog's own bug report: the monitor's routine (timer) refresh pops the dead primary's
// member while application threads are inside self.members[self.primary].
TEST(KeyErrorCause, TheMonitorRaceReproducesAtItsDefaultSeed) {
    const auto sim = run_kept(load_scenario("monitor-race"));
    const Metrics& m = sim->metrics();
    EXPECT_GT(m.errors_of(ErrorKind::KeyError), 0);
    EXPECT_EQ(m.key_errors_by_monitor, m.errors_of(ErrorKind::KeyError));
    bool timer_wake = false;
    SimTime first_pop = -1;
    for (const TraceEvent& e : sim->trace().events()) {
        if (e.kind == EventKind::MonitorWake && e.time > from_seconds(20) && first_pop < 0)
            timer_wake = e.a == 0;
        if (e.kind == EventKind::MemberPop && e.actor == kActorMonitor && first_pop < 0)
            first_pop = e.time;
    }
    EXPECT_TRUE(timer_wake) << "the refresh that pops db1 is the routine one, not a wake-up";
    EXPECT_GE(m.first_key_error, first_pop);
    // Nothing else found the dead primary first: no application thread refreshed before.
    EXPECT_GE(first_pop, from_seconds(30));
}

// pool.py: sock.settimeout(self.conn_timeout or 20.0); no socket timeout by default; the
// OS ends a hang on an open connection (Linux tcp_retries2 = 15: about 924.6 s).
TEST(PowerOff, DefaultsArePyMongosAndTheOSs) {
    const Scenario s;
    EXPECT_EQ(s.connect_timeout_s, 20);
    EXPECT_DOUBLE_EQ(s.tcp_give_up_s, 924.6);
}

TEST(PowerOff, ConnectsTimeOutAfter20sAndPooledRequestsHang) {
    Scenario s = load_scenario("power-off");
    s.duration_s = 45;
    const auto sim = run_kept(s);
    const HostId db1 = *sim->hosts().find("db1:27017");
    std::map<ActorId, SimTime> sent;
    int timed_out = 0, hanging = 0;
    for (const TraceEvent& e : sim->trace().events()) {
        if (e.kind == EventKind::SendBegin && e.a == db1 && e.time >= from_seconds(10))
            sent[e.actor] = e.time;
        if (e.kind == EventKind::SendEnd && e.a == db1 && sent.count(e.actor)) {
            EXPECT_EQ(e.b, 0) << "nothing from a powered-off host succeeds";
            // No refusal comes back: a failure takes the whole connect timeout.
            EXPECT_EQ(e.time - sent[e.actor], from_seconds(20));
            ++timed_out;
            sent.erase(e.actor);
        }
    }
    for (const auto& [actor, at] : sent)
        hanging += at < from_seconds(25) ? 1 : 0; // pooled sockets: still waiting at t=45
    EXPECT_GT(timed_out, 0);
    EXPECT_GT(hanging, 0);
}

TEST(PowerOff, WaspWritersWaitTheFull5sForAMonitorStuckOnTheDeadHost) {
    const auto sim = test::run_builtin("power-off", StrategyKind::Wasp, 8, 1);
    EXPECT_EQ(sim->metrics().max_wait, from_seconds(5));
    EXPECT_GT(sim->metrics().errors_of(ErrorKind::AutoReconnect), 0);
}

TEST(PowerOff, AKilledProcessRefusesAtOnceAPoweredOffMachineDoesNot) {
    for (FaultKind kind : {FaultKind::Kill, FaultKind::PowerOff}) {
        Scenario s = test::three_members();
        s.strategy = StrategyKind::Wasp;
        s.duration_s = 40;
        s.timeline.push_back(test::fault(kind, "db1:27017", 5));
        const auto sim = run_kept(s);
        const HostId db1 = *sim->hosts().find("db1:27017");
        SimTime first_failure = -1;
        for (const TraceEvent& e : sim->trace().events())
            if (e.kind == EventKind::SendEnd && e.a == db1 && e.b == 0 && first_failure < 0)
                first_failure = e.time;
        ASSERT_GE(first_failure, 0) << fault_name(kind);
        if (kind == FaultKind::Kill)
            EXPECT_LT(first_failure, from_seconds(6));
        else
            EXPECT_GE(first_failure, from_seconds(25));
    }
}

TEST(PowerOff, RevivingAPoweredOffMemberBringsItBack) {
    Scenario s = test::three_members();
    s.timeline.push_back(test::fault(FaultKind::PowerOff, "db2:27017", 1));
    s.timeline.push_back(test::fault(FaultKind::Revive, "db2:27017", 2));
    Simulation sim(s);
    sim.run();
    EXPECT_TRUE(sim.fault_notes().empty());
    EXPECT_TRUE(sim.world().answers(*sim.hosts().find("db2:27017")));
}

} // namespace
} // namespace wn

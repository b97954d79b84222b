// The scene's words (ui/model/scene_text.h), from hand-made frames.

#include "ui/model/scene_text.h"

#include <gtest/gtest.h>

namespace wn::ui {
namespace {

Frame two_hosts() {
    Frame f;
    f.host_names = {"db1:27017", "db2:27017"};
    f.scenario = "primary-fails";
    f.strategy = StrategyKind::Wasp;
    return f;
}

TEST(SceneText, StepTextNamesTheTargetAndTheError) {
    const Frame f = two_hosts();
    ThreadState t;
    t.id = 3;
    t.step = ThreadStep::Sending;
    t.target = 1;
    t.op = OpKind::Read;
    EXPECT_EQ(step_text(t, f), "read \u2192 db2:27017");
    t.op = OpKind::Write;
    EXPECT_EQ(step_text(t, f), "write \u2192 db2:27017");
    t.step = ThreadStep::Refreshing;
    t.target = 0;
    EXPECT_EQ(step_text(t, f), "refresh: ismaster db1:27017");
    t.step = ThreadStep::Failed;
    t.last_error = ErrorKind::KeyError;
    EXPECT_EQ(step_text(t, f), "\u2717 KeyError");
    t.step = ThreadStep::Thinking;
    t.target = 7; // no such host: the step alone
    EXPECT_EQ(step_text(t, f), thread_step_name(ThreadStep::Thinking));
    t.held_version = 12;
    EXPECT_EQ(lane_label(t, f), std::string("v12  ") + thread_step_name(ThreadStep::Thinking));
}

TEST(SceneText, TheClientBoxSaysWhatIsShared) {
    Frame f = two_hosts();
    f.heap.emplace();
    EXPECT_EQ(client_attributes(f), "self.rsstate  (one attribute: the petiole)");
    f.heap.reset();
    f.shared.emplace();
    f.shared->guard = shared_dict_guard(StrategyKind::Mutex);
    EXPECT_EQ(client_attributes(f), "self.members, self.primary  (shared, mutex-guarded)");
    EXPECT_STREQ(shared_dict_guard(StrategyKind::Naive), "mutated in place");
    EXPECT_STREQ(shared_dict_guard(StrategyKind::RwLock), "rwlock-guarded");
    EXPECT_EQ(shared_primary_line(*f.shared), "self.primary = None");
    f.shared->primary = "db2:27017";
    EXPECT_EQ(shared_primary_line(*f.shared), "self.primary = 'db2:27017'");
}

TEST(SceneText, VersionsNameTheirHoldersAndTheirEnd) {
    VersionFrame v;
    v.version = 7;
    v.current = true;
    EXPECT_EQ(version_title(v, StrategyKind::Wasp), "RSState v7  (current)");
    EXPECT_EQ(version_primary(v), "no primary");
    v.writer = "db1:27017";
    EXPECT_EQ(version_primary(v), "\u265b primary: db1:27017");
    v.current = false;
    v.holders = {kActorClient, 1, 2, 3, 4, 5, 6, 7, 8};
    EXPECT_EQ(version_title(v, StrategyKind::Wasp), "v7");
    EXPECT_EQ(version_holders(v), "held by T1, T2, T3, T4, T5, T6 \u2026 +2");
    v.live = false;
    v.reclaimed_at = 10.25;
    EXPECT_EQ(version_title(v, StrategyKind::Wasp), "v7 (freed)");
    EXPECT_EQ(version_holders(v), "freed at t=10.250 s");
}

TEST(SceneText, SdamNamesItsVersionsAndEachServersMonitor) {
    VersionFrame v;
    v.version = 4;
    v.current = true;
    EXPECT_EQ(version_title(v, StrategyKind::Sdam), "TopologyDescription v4  (current)");
    ServerMonitorFrame m;
    m.next_check_at = 17.5;
    EXPECT_EQ(server_monitor_line(m, 10.0), "\u25c6 next hello in 7.5 s");
    m.requested = true;
    EXPECT_EQ(server_monitor_line(m, 10.0), "\u25c6 check requested");
    m.rtt_ms = 1.24;
    m.checking = true;
    EXPECT_EQ(server_monitor_line(m, 10.0), "\u25c6 hello in flight \u00b7 rtt 1.2 ms");
    Frame f;
    f.server_monitors = {m, ServerMonitorFrame{}, ServerMonitorFrame{}};
    EXPECT_EQ(monitor_state(f), "one per server, beside it: 1 checking, 2 asleep");
    EXPECT_EQ(monitor_title(f), "monitors");
    EXPECT_EQ(monitor_title(Frame{}), "monitor");
}

TEST(SceneText, HeapFooterCountsAndSaysWhatIsHidden) {
    HeapFrame heap;
    heap.reclaimed_total = 5;
    heap.versions.resize(1);
    EXPECT_EQ(heap_footer(heap, 7), "1 live version \u00b7 5 reclaimed");
    heap.versions.resize(9);
    heap.versions[8].live = false;
    EXPECT_EQ(heap_footer(heap, 7), "8 live versions \u00b7 5 reclaimed \u00b7 +2 not shown");
}

TEST(SceneText, MembersSayTheirRoleAndPing) {
    MemberFrame m;
    m.role = ServerRole::Primary;
    m.ping_ms = 1.25;
    EXPECT_EQ(member_role(m), "PRIMARY");
    EXPECT_EQ(member_detail(m), "1.3 ms ping");
    m.up = false;
    m.cut_off = true;
    EXPECT_EQ(member_role(m), "DOWN \u00b7 cut off");
    m.role = ServerRole::Startup2;
    EXPECT_EQ(member_role(m), "DOWN \u00b7 cut off");
    m.up = true;
    EXPECT_EQ(member_role(m), "STARTUP2 \u00b7 cut off");
    m.ping_ms = 250;
    m.ismaster_calls = 14;
    EXPECT_EQ(member_detail(m), "250 ms ping \u00b7 ismaster \u00d714");
    Frame f = two_hosts();
    EXPECT_EQ(members_heading(f), "Replica set");
    f.election_pending = true;
    f.election_at = 15.04;
    EXPECT_EQ(members_heading(f), "Election in progress (decides at t=15.0 s)");
    f.timing = TimingProfile::MongoDB24;
    EXPECT_EQ(members_heading(f), "MongoDB 2.4 election (decides at t=15.0 s)");
}

TEST(SceneText, BadgesTurnWithTheFirstViolation) {
    Metrics m;
    auto b = badge_texts(m);
    for (const BadgeText& badge : b)
        EXPECT_TRUE(badge.ok);
    EXPECT_EQ(b[0].text, "\u2714 every read saw one consistent state");
    EXPECT_EQ(b[1].short_text, "\u2714 \u2264 1 refresh at a time");
    m.errors[static_cast<std::size_t>(ErrorKind::KeyError)] = 3;
    m.first_key_error = from_seconds(10.02);
    m.max_concurrent_refreshes = 16;
    m.first_concurrent_refresh = from_seconds(10.5);
    b = badge_texts(m);
    EXPECT_TRUE(b[0].ok);
    EXPECT_FALSE(b[1].ok);
    EXPECT_EQ(b[1].text, "\u2718 16 refreshes at once from t=10.50 s");
    EXPECT_FALSE(b[2].ok);
    EXPECT_EQ(b[2].text, "\u2718 3 KeyError, first at t=10.02 s");
    EXPECT_EQ(b[2].short_text, "\u2718 3 KeyError, t=10.02 s");
}

TEST(SceneText, CaptionCountersAndClock) {
    Frame f = two_hosts();
    f.metrics.refresh_calls = 5;
    f.metrics.refresh_calls_by_monitor = 3;
    f.metrics.states_published = 4;
    EXPECT_EQ(counters(f), "refresh(): 5 (2 by app threads) \u00b7 ismaster: 0 \u00b7 ops ok: 0 "
                           "\u00b7 AutoReconnect: 0 \u00b7 waiting now: 0");
    f.heap.emplace(); // versions are counted only where there is a heap
    EXPECT_NE(counters(f).find("published: 4, reclaimed: 0"), std::string::npos);
    EXPECT_EQ(clock_text(11, false, 1), "t = 11.000 s   paused 1\u00d7");
    EXPECT_EQ(clock_text(0.5, true, 0.0316228), "t = 0.500 s   \u25b6 0.0316\u00d7");
    // Slow motion says so while it plays, and not when paused.
    EXPECT_EQ(clock_text(3.1, true, 0.2, true), "t = 3.100 s   \u25b6 slow motion 0.2\u00d7");
    EXPECT_EQ(clock_text(3.1, false, 1, true), "t = 3.100 s   paused 1\u00d7");
    EXPECT_EQ(strategy_line(f), "wasp \u00b7 primary-fails");
    f.monitor.step = ThreadStep::Sleeping;
    f.now = 3;
    f.monitor_wake_at = 30;
    EXPECT_EQ(monitor_state(f), "sleeping: next refresh in 27.0 s");
}

TEST(SceneText, FixedRoundsTiesAwayFromZero) {
    EXPECT_EQ(fixed(1.25, 1), "1.3"); // printf would say 1.2
    EXPECT_EQ(fixed(15.25, 1), "15.3");
    EXPECT_EQ(fixed(0.125, 2), "0.13");
    EXPECT_EQ(fixed(1.2499999, 1), "1.2");
    EXPECT_EQ(fixed(9.999, 2), "10.00");
    EXPECT_EQ(fixed(11, 3), "11.000");
    EXPECT_EQ(fixed(250, 0), "250");
    EXPECT_EQ(fixed(0.05, 0), "0");
    EXPECT_EQ(fixed(-2.5, 0), "-3");
}

} // namespace
} // namespace wn::ui

#include "test_support.h"
#include "trace/trace_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace wn {
namespace {

std::string fingerprint(StrategyKind kind, std::uint64_t seed) {
    return test::run_builtin("primary-fails", kind, 50, seed)->trace().sha256();
}

TEST(Determinism, SameInputsSameTraceOtherSeedOtherTrace) {
    for (auto kind : {StrategyKind::Naive, StrategyKind::Wasp}) {
        EXPECT_EQ(fingerprint(kind, 3), fingerprint(kind, 3));
        EXPECT_NE(fingerprint(kind, 3), fingerprint(kind, 4));
    }
    EXPECT_NE(fingerprint(StrategyKind::Naive, 3), fingerprint(StrategyKind::Wasp, 3));
}

TEST(Determinism, KeepingEventsDoesNotChangeTheFingerprint) {
    Scenario s = load_scenario("step-down");
    Simulation kept(s, true), hashed(s, false);
    kept.run();
    hashed.run();
    EXPECT_EQ(kept.trace().sha256(), hashed.trace().sha256());
    EXPECT_EQ(kept.trace().events().size(), kept.trace().count());
}

TEST(Determinism, RecordedUserActionsReplayExactly) {
    Scenario s = test::three_members();
    s.threads = 20;
    Simulation live(s);
    live.run_until(from_seconds(3.25));
    UserAction kill;
    kill.fault = test::fault(FaultKind::Kill, "db1:27017");
    ASSERT_EQ(live.apply(kill), "");
    live.run_until(from_seconds(7.5));
    UserAction wake;
    wake.kind = UserAction::Kind::WakeMonitor;
    ASSERT_EQ(live.apply(wake), "");
    live.run();
    ASSERT_EQ(live.user_actions().size(), 2u);

    Simulation replay(s);
    for (const UserAction& a : live.user_actions())
        replay.schedule(a);
    replay.run();
    EXPECT_EQ(replay.trace().sha256(), live.trace().sha256());
}

TEST(Determinism, ARefusedClickIsNotRecorded) {
    Simulation sim(test::three_members());
    sim.run_until(from_seconds(1));
    UserAction revive;
    revive.fault = test::fault(FaultKind::Revive, "db1:27017");
    EXPECT_EQ(sim.apply(revive), "db1:27017 is already up");
    EXPECT_TRUE(sim.user_actions().empty());
}

TEST(Simulation, StepEventAdvancesByOneEventAtATime) {
    Simulation sim(test::three_members(), true);
    for (int i = 0; i < 50; ++i) {
        const auto before = sim.trace().count();
        ASSERT_TRUE(sim.step_event());
        EXPECT_GE(sim.trace().count(), before + 1);
    }
    SimTime last = 0;
    for (const TraceEvent& e : sim.trace().events()) {
        EXPECT_GE(e.time, last);
        last = e.time;
    }
}

TEST(TraceJson, ExportsEveryEventWithNamedFields) {
    Simulation sim(load_scenario("primary-fails"), true);
    sim.run_until(from_seconds(20));
    std::ostringstream out;
    write_trace_json(sim, out);
    const auto doc = nlohmann::json::parse(out.str());
    EXPECT_EQ(doc["events"].size(), sim.trace().count());
    EXPECT_EQ(doc["trace_sha256"], sim.trace().sha256());
    bool saw_kill = false, saw_publish = false;
    for (const auto& e : doc["events"]) {
        if (e["kind"] == "server_down") {
            saw_kill = true;
            EXPECT_EQ(e["host"], "db1:27017");
            EXPECT_EQ(e["actor"], "scenario");
            EXPECT_DOUBLE_EQ(e["t"].get<double>(), 10.0);
        }
        if (e["kind"] == "publish") {
            saw_publish = true;
            EXPECT_TRUE(e.contains("version"));
            EXPECT_TRUE(e.contains("replaces"));
        }
    }
    EXPECT_TRUE(saw_kill);
    EXPECT_TRUE(saw_publish);
}

} // namespace
} // namespace wn

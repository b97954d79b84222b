// Replay without a window: seeking, stepping back and branching on a click re-simulate to
// exactly the state an uninterrupted run reaches.

#include "scenario/library.h"
#include "ui/model/replay.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wn::ui {
namespace {

Scenario small_run() {
    Scenario s = load_scenario("primary-fails");
    s.threads = 12;
    return s;
}

UserAction kill(const std::string& host) {
    UserAction a;
    a.fault.kind = FaultKind::Kill;
    a.fault.host = host;
    return a;
}

TEST(Replay, SeekingBackAndForthReachesThePlayedState) {
    Replay played(small_run());
    played.seek(12);
    const std::string at_12 = played.sim().trace().sha256();
    played.seek(20);
    const std::string at_20 = played.sim().trace().sha256();

    Replay scrubbed(small_run());
    scrubbed.seek(31);
    scrubbed.seek(12); // backwards: re-simulated
    EXPECT_DOUBLE_EQ(scrubbed.now(), 12);
    EXPECT_EQ(scrubbed.sim().trace().sha256(), at_12);
    scrubbed.seek(20);
    EXPECT_EQ(scrubbed.sim().trace().sha256(), at_20);
    scrubbed.seek(1e9);
    EXPECT_DOUBLE_EQ(scrubbed.now(), scrubbed.duration()) << "seek is clamped to the run";
}

TEST(Replay, AClickIsReplayedWhenSeekingBackOverIt) {
    Replay r(small_run());
    r.seek(4);
    ASSERT_EQ(r.apply(kill("db2:27017")), "");
    r.seek(9);
    const std::string with_click = r.sim().trace().sha256();
    r.seek(2);
    EXPECT_TRUE(r.sim().user_actions().empty()) << "the click is in the future again";
    r.seek(9);
    EXPECT_EQ(r.sim().trace().sha256(), with_click);
    ASSERT_EQ(r.sim().user_actions().size(), 1u);
}

TEST(Replay, AClickAfterGoingBackStartsANewBranch) {
    Replay r(small_run());
    r.seek(6);
    ASSERT_EQ(r.apply(kill("db2:27017")), "");
    r.seek(3);
    ASSERT_EQ(r.apply(kill("db3:27017")), "");
    r.seek(9);
    const auto& actions = r.sim().user_actions();
    ASSERT_EQ(actions.size(), 1u) << "the old future's click should be void";
    EXPECT_EQ(actions.front().fault.host, "db3:27017");
    EXPECT_EQ(actions.front().at, from_seconds(3));
}

TEST(Replay, StepBackReturnsToThePreviousStep) {
    Replay r(small_run());
    std::vector<std::string> hashes{r.sim().trace().sha256()};
    std::vector<SimTime> times{r.sim().now()};
    for (int i = 0; i < 30; ++i) {
        ASSERT_TRUE(r.step());
        hashes.push_back(r.sim().trace().sha256());
        times.push_back(r.sim().now());
    }
    for (int i = 29; i >= 25; --i) {
        ASSERT_TRUE(r.step_back());
        EXPECT_EQ(r.sim().trace().sha256(), hashes[static_cast<std::size_t>(i)]) << "step " << i;
        EXPECT_EQ(r.sim().now(), times[static_cast<std::size_t>(i)]) << "step " << i;
    }
}

TEST(Replay, PanesShareTheClockAndTheClicks) {
    Replay r(small_run(), {StrategyKind::Naive, StrategyKind::Wasp});
    ASSERT_EQ(r.panes(), 2);
    r.seek(5);
    ASSERT_EQ(r.apply(kill("db1:27017")), "");
    for (int i = 0; i < 10; ++i)
        r.step();
    EXPECT_EQ(r.sim(1).now(), r.sim(0).now());
    r.seek(3);
    r.seek(12);
    for (int pane = 0; pane < 2; ++pane) {
        EXPECT_EQ(r.sim(pane).now(), from_seconds(12)) << "pane " << pane;
        ASSERT_EQ(r.sim(pane).user_actions().size(), 1u) << "pane " << pane;
        EXPECT_EQ(r.sim(pane).scenario().strategy, r.strategies()[static_cast<std::size_t>(pane)]);
    }
}

TEST(Replay, RestartForgetsTheClicks) {
    Replay r(small_run());
    r.seek(5);
    ASSERT_EQ(r.apply(kill("db1:27017")), "");
    r.restart();
    EXPECT_EQ(r.sim().now(), 0);
    r.seek(12);
    EXPECT_TRUE(r.sim().user_actions().empty());
    EXPECT_FALSE(r.markers().empty()) << "a small run previews its whole timeline";
}

} // namespace
} // namespace wn::ui

// Replay without a window: seeking, stepping back and branching on a click re-simulate to
// exactly the state an uninterrupted run reaches.

#include "../core/hand_race.h"
#include "scenario/library.h"
#include "scenario/scenario_json.h"
#include "ui/model/replay.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace wn::ui {
namespace {

Scenario small_run() {
    Scenario s = load_scenario("primary-fails");
    s.threads = 12;
    return s;
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
    ASSERT_EQ(r.apply(test::kill_action("db2:27017")), "");
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
    ASSERT_EQ(r.apply(test::kill_action("db2:27017")), "");
    r.seek(3);
    ASSERT_EQ(r.apply(test::kill_action("db3:27017")), "");
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
    ASSERT_EQ(r.apply(test::kill_action("db2:27017")), ""); // db1 is dead since 3 s
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
    ASSERT_EQ(r.apply(test::kill_action("db2:27017")), ""); // db1 is dead since 3 s
    r.restart();
    EXPECT_EQ(r.sim().now(), 0);
    r.seek(12);
    EXPECT_TRUE(r.sim().user_actions().empty());
    EXPECT_FALSE(r.markers().empty()) << "a small run previews its whole timeline";
}

} // namespace
} // namespace wn::ui

namespace wn::ui {
namespace {

// ---- A saved demo: the clicks, the playhead and the bookmarks come back exactly ----

Scenario through_the_file(const Scenario& s) {
    return parse_scenario(scenario_to_json(s).dump(2), "demo.json");
}

TEST(SavedDemo, ReopeningRestoresTheClicksThePlayheadAndTheBookmarks) {
    Replay demo(small_run());
    demo.seek(3);
    ASSERT_EQ(demo.apply(test::kill_action("db3:27017")), "");
    demo.add_bookmark("db3 dies");
    demo.step();
    demo.step(); // a playhead left by stepping, between two entries of one instant
    demo.add_bookmark("");
    const double playhead = demo.now();
    const std::uint64_t entries = demo.sim().entries();
    const std::string hash = demo.sim().trace().sha256();

    Replay reopened(through_the_file(demo.recorded_scenario()));
    EXPECT_EQ(reopened.now(), playhead);
    EXPECT_EQ(reopened.sim().entries(), entries);
    EXPECT_EQ(reopened.sim().trace().sha256(), hash) << "not the same frame";
    ASSERT_EQ(reopened.sim().user_actions().size(), 1u);
    EXPECT_EQ(reopened.sim().user_actions()[0].at, from_seconds(3));
    EXPECT_FALSE(reopened.sim().world().servers()[2].up) << "db3 is not down";
    ASSERT_EQ(reopened.bookmarks().size(), 2u);
    EXPECT_EQ(reopened.bookmarks()[0].name, "db3 dies");
    EXPECT_EQ(reopened.bookmarks()[0].at_s, 3);
    EXPECT_EQ(reopened.bookmarks()[1].at_s, playhead);

    // Played on to the end, the reopened demo is the run the presenter clicked.
    demo.seek(demo.duration());
    reopened.seek(reopened.duration());
    EXPECT_EQ(reopened.sim().trace().sha256(), demo.sim().trace().sha256());
}

TEST(SavedDemo, AComparisonReplaysTheClicksOfTheOtherStrategyByTime) {
    Replay demo(small_run());
    demo.seek(3);
    ASSERT_EQ(demo.apply(test::kill_action("db3:27017")), "");
    Replay compare(through_the_file(demo.recorded_scenario()),
                   {StrategyKind::Naive, StrategyKind::Wasp});
    EXPECT_DOUBLE_EQ(compare.now(), 3);
    for (int pane = 0; pane < compare.panes(); ++pane) {
        ASSERT_EQ(compare.sim(pane).user_actions().size(), 1u) << "pane " << pane;
        EXPECT_EQ(compare.sim(pane).user_actions()[0].at, from_seconds(3));
        EXPECT_FALSE(compare.sim(pane).world().servers()[2].up);
    }
}

TEST(SavedDemo, ARestartKeepsTheBookmarksAnotherScenarioDropsThem) {
    Replay demo(small_run());
    demo.seek(2);
    demo.add_bookmark("two");
    demo.restart(); // R before giving the demo
    ASSERT_EQ(demo.bookmarks().size(), 1u);
    EXPECT_EQ(demo.bookmarks()[0].name, "two");
    demo.set_scenario(load_scenario("step-down"));
    EXPECT_TRUE(demo.bookmarks().empty());
}

} // namespace
} // namespace wn::ui

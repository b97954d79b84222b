// Slow motion near notable moments changes only how fast the clock runs on screen: the run
// is the same. The speed slider's stops are readable numbers.

#include "scenario/library.h"
#include "ui/model/pacing.h"
#include "ui/model/replay.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace wn::ui {
namespace {

double first_kill(const Scenario& s) {
    for (const Fault& f : s.timeline)
        if (f.kind == FaultKind::Kill)
            return f.at_s;
    return -1;
}

TEST(SlowMotion, SlowsDownAroundTheKillAndNotInTheQuiet) {
    Replay run(load_scenario(kDefaultScenario));
    const double kill = first_kill(run.scenario());
    ASSERT_GT(kill, 1.5);
    const auto& markers = run.markers();
    EXPECT_DOUBLE_EQ(paced_speed(1, kill + 0.1, markers, true), kSlowMotionFactor);
    EXPECT_DOUBLE_EQ(paced_speed(5, kill - 0.1, markers, true), 5 * kSlowMotionFactor);
    EXPECT_DOUBLE_EQ(paced_speed(1, kill - 1.2, markers, true), 1) << "quiet before the kill";
    EXPECT_DOUBLE_EQ(paced_speed(1, kill + 0.1, markers, false), 1) << "slow motion is off";
}

TEST(SlowMotion, TheClientConnectingDoesNotSlowTheStart) {
    Replay run(load_scenario(kDefaultScenario)); // wasp: it publishes its first states at once
    const auto& markers = run.markers();
    const auto connect = std::count_if(markers.begin(), markers.end(), [](const Marker& m) {
        return m.kind == Marker::Kind::Publish && m.t < kConnect_s;
    });
    ASSERT_GE(connect, 1) << "the scenario no longer publishes while connecting";
    EXPECT_DOUBLE_EQ(paced_speed(1, 0.0, markers, true), 1);
    EXPECT_DOUBLE_EQ(paced_speed(1, 0.1, markers, true), 1);
    // A fault in the first half second still slows it.
    const std::vector<Marker> early_kill = {{0.0, Marker::Kind::Publish},
                                            {0.2, Marker::Kind::Fault}};
    EXPECT_DOUBLE_EQ(paced_speed(1, 0.1, early_kill, true), kSlowMotionFactor);
}

TEST(SlowMotion, PlayingInSlowMotionReachesTheSameRun) {
    const Scenario s = load_scenario(kDefaultScenario);
    // Played as the window plays it: 16 ms frames at 1x, slowed near notable moments.
    Replay played(s);
    int slowed_frames = 0;
    while (played.now() < 20) {
        const double speed = paced_speed(1, played.now(), played.markers(), true);
        slowed_frames += speed < 1;
        played.run_until(played.sim().now() + from_seconds(0.016 * speed));
    }
    EXPECT_GT(slowed_frames, 100);
    Replay straight(s);
    straight.seek(played.now());
    EXPECT_EQ(played.sim().trace().sha256(), straight.sim().trace().sha256());
}

TEST(TickAdvance, PlaysTheWallTimeButALateFrameIsSkippedNotCaughtUp) {
    EXPECT_DOUBLE_EQ(tick_advance_s(kFrameMs / 1000.0, 100), kFrameMs / 10.0);
    EXPECT_DOUBLE_EQ(tick_advance_s(0.02, 1), 0.02);
    // However late the tick, it plays at most two frames' worth: 3.2 s at 100x, not the 10 s
    // a 100 ms stall used to play in one jump.
    EXPECT_DOUBLE_EQ(tick_advance_s(0.1, 100), 2 * kFrameMs / 10.0);
    EXPECT_DOUBLE_EQ(tick_advance_s(5.0, 1), 2 * kFrameMs / 1000.0);
    EXPECT_DOUBLE_EQ(tick_advance_s(-0.001, 1), 0); // a clock that went back plays nothing
}

TEST(PlayedShare, SaysHowMuchOfTheLastSecondLateTicksSkipped) {
    PlayedShare played;
    EXPECT_DOUBLE_EQ(played.share(), 1.0);
    for (int i = 0; i < 100; ++i)
        played.add(kFrameMs / 1000.0);
    EXPECT_DOUBLE_EQ(played.share(), 1.0);
    // Every tick 100 ms late: each plays two frames, a third of the wall time.
    for (int i = 0; i < 20; ++i)
        played.add(0.1);
    EXPECT_NEAR(played.share(), 2 * kFrameMs / 100.0, 1e-9);
    // A second of ticks on time forgets the late ones.
    for (int i = 0; i < 70; ++i)
        played.add(kFrameMs / 1000.0);
    EXPECT_DOUBLE_EQ(played.share(), 1.0);
    played.add(0.5);
    EXPECT_LT(played.share(), kKeepingUpShare);
    played.reset();
    EXPECT_DOUBLE_EQ(played.share(), 1.0);
}

TEST(SpeedLabel, TellsTheSpeedTheRunReallyPlaysAtWhenItCannotKeepUp) {
    EXPECT_EQ(speed_label(100, 1.0), "100\u00d7");
    EXPECT_EQ(speed_label(0.25, 1.0), "0.25\u00d7");
    EXPECT_EQ(speed_label(100, 0.96), "100\u00d7"); // a little jitter is no news
    EXPECT_EQ(speed_label(100, 0.632), "100\u00d7 (playing at 63\u00d7)");
    EXPECT_EQ(speed_label(10, 0.5), "10\u00d7 (playing at 5\u00d7)");
}

TEST(PlayedSpeed, IsTheChosenSpeedUntilTheMachineFallsBehindThenTheMeasuredOne) {
    EXPECT_DOUBLE_EQ(played_speed(100, 1.0), 100);
    EXPECT_DOUBLE_EQ(played_speed(100, 0.96), 100);
    EXPECT_DOUBLE_EQ(played_speed(100, 0.632), 63);
    EXPECT_NEAR(played_speed(0.25, 0.64), 0.16, 1e-12);
    EXPECT_DOUBLE_EQ(played_speed(10, 0.5), 5);
}

TEST(SpeedStops, AreReadableAndEveryStopIsItsOwnNearest) {
    for (std::size_t i = 0; i < kSpeedStops.size(); ++i)
        EXPECT_EQ(speed_stop_for(kSpeedStops[i]), static_cast<int>(i));
    EXPECT_DOUBLE_EQ(kSpeedStops[static_cast<std::size_t>(speed_stop_for(0.0851))], 0.1);
    EXPECT_DOUBLE_EQ(kSpeedStops[static_cast<std::size_t>(speed_stop_for(0.3))], 0.25);
    EXPECT_DOUBLE_EQ(kSpeedStops[static_cast<std::size_t>(speed_stop_for(1.3))], 1);
    EXPECT_DOUBLE_EQ(kSpeedStops[static_cast<std::size_t>(speed_stop_for(500))], 100);
}

} // namespace
} // namespace wn::ui

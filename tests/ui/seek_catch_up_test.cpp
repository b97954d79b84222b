// A seek too long for the window's thread: the window shows the exact frame of the moment
// sought at once, re-simulates in the background, and what the user does meanwhile waits
// in a queue and says so.

#include "ui_test_support.h"

#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

using testing::make_window;

/// Big enough that seeking far is left to the worker, small enough for a test.
Scenario big_run() {
    Scenario s = load_scenario("primary-fails");
    s.threads = 300;
    s.duration_s = 120;
    return s;
}

Frame plain_frame(double t, double trail_s) {
    Simulation sim(big_run(), true);
    sim.run_until(from_seconds(t));
    return build_frame(sim, trail_s);
}

/// Waits (running the event loop) until the catch-up is adopted.
void wait_caught_up(SimController& c) {
    QSignalSpy spy(&c, &SimController::busy_changed);
    while (c.catching_up())
        ASSERT_TRUE(spy.wait(120000)) << "no catch-up within two minutes";
}

TEST(SeekCatchUp, PlayWaitsVisiblyForALongSeek) {
    auto w = make_window("primary-fails", [](Scenario& s) { s = big_run(); });
    SimController& c = w->controller();
    QSignalSpy messages(&c, &SimController::message);
    c.seek(100);
    ASSERT_TRUE(c.catching_up()); // the result comes through the event loop, not yet run
    EXPECT_DOUBLE_EQ(c.now(), 100);
    EXPECT_LT(c.sim().now(), from_seconds(100)); // the engine has not moved yet
    c.play();
    EXPECT_FALSE(c.playing());
    ASSERT_FALSE(messages.isEmpty());
    EXPECT_TRUE(messages.last().at(0).toString().startsWith("Plays once caught up"))
        << messages.last().at(0).toString().toStdString();
    wait_caught_up(c);
    EXPECT_EQ(c.sim().now(), from_seconds(100));
    EXPECT_TRUE(c.playing()); // the queued play ran
    c.pause();
}

TEST(SeekCatchUp, TheFrameShownAtOnceIsTheExactOne) {
    auto w = make_window("primary-fails", [](Scenario& s) { s = big_run(); });
    SimController& c = w->controller();
    c.seek(110);
    wait_caught_up(c);
    c.settle_background();                             // checkpoints and the whole run are built
    for (const double t : {37.3, 95.0, 48.25, 64.5}) { // each too far back to redo at once
        c.seek(t);
        ASSERT_TRUE(c.catching_up()) << t;
        EXPECT_EQ(c.frame(0), plain_frame(t, c.trail_s())) << "drawn from a checkpoint at " << t;
    }
    wait_caught_up(c);
    EXPECT_EQ(c.sim().now(), from_seconds(64.5));
    EXPECT_EQ(c.frame(0), plain_frame(64.5, c.trail_s())) << "the caught-up engine";
}

TEST(SeekCatchUp, TheFirstPaintOnceCaughtUpShowsTheFrameDrawnMeanwhile) {
    // The frame drawn from a checkpoint while catching up is the caught-up run's own, so
    // the paint after the catch-up takes it instead of walking the trace again.
    auto w = make_window("primary-fails", [](Scenario& s) { s = big_run(); });
    SimController& c = w->controller();
    c.seek(110);
    wait_caught_up(c);
    c.settle_background();
    c.seek(64.5);
    ASSERT_TRUE(c.catching_up());
    ASSERT_DOUBLE_EQ(c.frame(0).now, 64.5); // drawn from a checkpoint, the engine still at 110
    const std::uint64_t taken = c.frames_built_ahead();
    wait_caught_up(c);
    const Frame shown = c.view_frame(0);
    EXPECT_EQ(c.frames_built_ahead() - taken, 1u);
    EXPECT_EQ(shown, plain_frame(64.5, c.trail_s()));
}

TEST(SeekCatchUp, AClickWaitsForTheCatchUpAndLandsAtTheMomentSought) {
    auto w = make_window("primary-fails", [](Scenario& s) { s = big_run(); });
    SimController& c = w->controller();
    c.seek(80);
    UserAction wake;
    wake.kind = UserAction::Kind::WakeMonitor;
    EXPECT_TRUE(c.apply(wake).startsWith("Waiting"));
    EXPECT_TRUE(c.sim().user_actions().empty());
    wait_caught_up(c);
    ASSERT_EQ(c.sim().user_actions().size(), 1u);
    EXPECT_EQ(c.sim().user_actions().front().at, from_seconds(80));
}

TEST(SeekCatchUp, AThreadPausedByHandStaysPausedAcrossLongSeeksAndCheckpoints) {
    auto w = make_window("primary-fails", [](Scenario& s) { s = big_run(); });
    SimController& c = w->controller();
    c.seek(10);
    ASSERT_FALSE(c.catching_up()); // near: on the window's thread
    UserAction pause;
    pause.kind = UserAction::Kind::PauseThread;
    pause.thread = 1;
    ASSERT_EQ(c.apply(pause), "");
    const std::vector<UserAction> clicks = c.sim().user_actions();
    ASSERT_EQ(clicks.size(), 1u);
    const auto plain_with_click = [&](double t) {
        Simulation sim(big_run(), true);
        for (const UserAction& a : clicks)
            sim.schedule(a);
        sim.run_until(from_seconds(t));
        return build_frame(sim, c.trail_s());
    };
    c.seek(100);
    ASSERT_TRUE(c.catching_up());
    wait_caught_up(c);
    ASSERT_EQ(c.sim().user_actions().size(), 1u);
    EXPECT_EQ(c.frame(0), plain_with_click(100)) << "the caught-up engine";
    c.settle_background();
    c.seek(55);
    ASSERT_TRUE(c.catching_up());
    const Frame drawn = c.frame(0);
    ASSERT_FALSE(drawn.threads.empty());
    EXPECT_TRUE(drawn.threads.front().paused);
    EXPECT_EQ(drawn, plain_with_click(55)) << "drawn from a checkpoint";
    wait_caught_up(c);
}

} // namespace
} // namespace wn::ui

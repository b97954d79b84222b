// Exact seeking, the shared clock of side-by-side panes, and the charts' series.

#include "analysis/series.h"
#include "ui/charts_panel.h"
#include "ui/controller.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QDockWidget>

namespace wn::ui {
namespace {

Scenario herd(int threads = 40) {
    Scenario s = load_scenario("primary-fails");
    s.threads = threads;
    return s;
}

TEST(Seek, SeekingToATimeGivesTheSameStateAsPlayingToIt) {
    SimController played(herd());
    played.seek(12.0);
    const std::string at_12 = played.sim().trace().sha256();
    const auto threads_at_12 = played.sim().client().threads().size();

    SimController scrubbed(herd());
    scrubbed.seek(31.0);
    scrubbed.seek(12.0); // backwards: replayed from the start
    EXPECT_DOUBLE_EQ(scrubbed.now(), 12.0);
    EXPECT_EQ(scrubbed.sim().trace().sha256(), at_12);
    EXPECT_EQ(scrubbed.sim().client().threads().size(), threads_at_12);
    scrubbed.seek(20.0); // and forwards again
    played.seek(20.0);
    EXPECT_EQ(scrubbed.sim().trace().sha256(), played.sim().trace().sha256());
}

TEST(Seek, AClickIsReplayedWhenSeekingBackOverIt) {
    SimController c(herd());
    c.seek(4.0);
    UserAction kill;
    kill.fault.kind = FaultKind::Kill;
    kill.fault.host = "db2:27017";
    ASSERT_EQ(c.apply(kill), "");
    c.seek(9.0);
    const std::string at_9 = c.sim().trace().sha256();
    c.seek(25.0);
    c.seek(9.0);
    EXPECT_EQ(c.sim().trace().sha256(), at_9);
    EXPECT_FALSE(c.sim().world().server(*c.sim().hosts().find("db2:27017"))->up);
}

TEST(Seek, StepBackUndoesOneStep) {
    SimController c(herd(8));
    c.seek(10.0);
    for (int i = 0; i < 5; ++i)
        c.step();
    const auto count = c.sim().trace().count();
    const std::string before_last = [&] {
        SimController again(herd(8));
        again.seek(10.0);
        for (int i = 0; i < 4; ++i)
            again.step();
        return again.sim().trace().sha256();
    }();
    c.step_back();
    EXPECT_LT(c.sim().trace().count(), count);
    EXPECT_EQ(c.sim().trace().sha256(), before_last);
}

TEST(Compare, PanesShareTheClockAndTheClicks) {
    SimController c(herd(30), {StrategyKind::Naive, StrategyKind::Wasp});
    ASSERT_EQ(c.panes(), 2);
    EXPECT_EQ(c.sim(0).scenario().strategy, StrategyKind::Naive);
    EXPECT_EQ(c.sim(1).scenario().strategy, StrategyKind::Wasp);
    c.seek(2.5); // before the kill at 3 s: db1 is still primary
    EXPECT_EQ(c.sim(0).now(), c.sim(1).now());
    c.step();
    EXPECT_EQ(c.sim(0).now(), c.sim(1).now()); // the other pane follows pane 0's step
    UserAction step_down;
    step_down.fault.kind = FaultKind::StepDown;
    step_down.fault.host = "db1:27017";
    ASSERT_EQ(c.apply(step_down), "");
    ASSERT_EQ(c.sim(0).user_actions().size(), 1u);
    ASSERT_EQ(c.sim(1).user_actions().size(), 1u);
    EXPECT_EQ(c.sim(0).user_actions()[0].at, c.sim(1).user_actions()[0].at);
    c.seek(30);
    for (int pane = 0; pane < 2; ++pane)
        EXPECT_EQ(c.sim(pane).world().primary(), c.sim(pane).hosts().find("db2:27017"));
}

TEST(Compare, TheWindowShowsOnePanePerStrategy) {
    MainWindow w(herd(20), {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::Wasp});
    EXPECT_EQ(w.views().size(), 3u);
    EXPECT_EQ(w.views()[2]->pane(), 2);
}

// A tour's stills render the window right after a step changes the panes, before the event
// loop has deleted the old ones: those must not paint under the new panes' gaps.
TEST(Compare, OnlyTheNewPanesShowAtOnceWhenTheRunChanges) {
    MainWindow w(herd(20), {StrategyKind::Wasp});
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    w.set_run(herd(20), {StrategyKind::Naive, StrategyKind::Wasp});
    QApplication::processEvents(); // shows the new panes; deletes nothing
    int shown = 0;
    for (SimView* v : w.findChildren<SimView*>())
        shown += v->isVisible() ? 1 : 0;
    EXPECT_EQ(shown, 2);
}

TEST(Charts, SeriesEqualTheEnginesMetrics) {
    MainWindow w(herd(30), {StrategyKind::Naive, StrategyKind::Wasp});
    w.controller().seek(30.0);
    w.charts().refresh();
    ASSERT_GE(w.charts().chart_count(), 6);
    ASSERT_EQ(w.charts().chart_title(0), "refreshes in flight");
    ASSERT_EQ(w.charts().chart_title(2), "operations ok /s");
    for (int pane = 0; pane < 2; ++pane) {
        const Metrics& m = w.controller().sim(pane).metrics();
        double peak = 0, ok = 0;
        for (const QPointF& p : w.charts().points(0, pane))
            peak = std::max(peak, p.y());
        for (const QPointF& p : w.charts().points(2, pane))
            ok += p.y() * 0.5; // ops per second times the 0.5 s bin
        EXPECT_EQ(peak, m.max_concurrent_refreshes) << pane;
        // The bin with the playhead is still filling and is not plotted yet.
        EXPECT_LE(ok, static_cast<double>(m.ops_ok));
        EXPECT_GE(ok, static_cast<double>(m.ops_ok) * 0.95);
    }
}

TEST(Charts, TheFillingBinShowsTheHerdAsItHappens) {
    // 3.25 s: a quarter of a second into the failover, half-way through a 0.5 s bin.
    MainWindow w(herd(30), {StrategyKind::Naive, StrategyKind::Wasp});
    w.controller().seek(3.25);
    w.charts().refresh();
    for (int pane = 0; pane < 2; ++pane) {
        const Metrics& m = w.controller().sim(pane).metrics();
        const auto in_flight = w.charts().points(0, pane);
        ASSERT_FALSE(in_flight.empty());
        EXPECT_DOUBLE_EQ(in_flight.back().x(), 3.125) << "the middle of the part elapsed";
        double peak = 0;
        for (const QPointF& p : in_flight)
            peak = std::max(peak, p.y());
        EXPECT_EQ(peak, m.max_concurrent_refreshes) << pane;
        // Rates times the width they were computed over add up to every operation so far.
        double ok = 0;
        for (const QPointF& p : w.charts().points(2, pane))
            ok += p.y() * (p.x() < 3.0 ? 0.5 : 0.25);
        EXPECT_NEAR(ok, static_cast<double>(m.ops_ok), 1e-6 * static_cast<double>(m.ops_ok));
    }
    EXPECT_GT(w.controller().sim(0).metrics().max_concurrent_refreshes, 1) << "naive: the herd";
    EXPECT_EQ(w.controller().sim(1).metrics().max_concurrent_refreshes, 1) << "wasp: one";
}

TEST(Compare, SdamRunsBesideNaiveAndWaspWithItsDescriptionsInTheHeap) {
    // The kill at 10 s, so that sdam's 10 s heartbeat meets it, as in the blog's timing.
    Scenario s = herd(30);
    s.timeline.at(0).at_s = 10;
    MainWindow w(s, {StrategyKind::Naive, StrategyKind::Wasp, StrategyKind::Sdam});
    w.controller().seek(12.0); // mid-failover: db1 died at 10 s, the election is at 15 s
    ASSERT_EQ(w.controller().sim(2).scenario().strategy, StrategyKind::Sdam);
    const Frame f = w.controller().frame(2);
    ASSERT_TRUE(f.heap);
    EXPECT_GT(f.heap->versions.size(), 1u);
    EXPECT_FALSE(f.shared);
    int selecting = 0;
    for (const auto& t : f.threads)
        selecting += t.step == ThreadStep::WaitingForSelection ? 1 : 0;
    EXPECT_GT(selecting, 0) << "no primary: threads wait in server selection";
    EXPECT_EQ(w.controller().sim(2).metrics().refresh_calls, 0);
}

TEST(Charts, OneRowWhenShortRowsOfFourWhenTall) {
    MainWindow w(herd(8), {StrategyKind::Naive, StrategyKind::Wasp});
    ChartsPanel charts(w.controller());
    EXPECT_TRUE(charts.legend_text().contains("naive")) << charts.legend_text().toStdString();
    EXPECT_TRUE(charts.legend_text().contains("wasp"));
    charts.resize(1280, 240);
    charts.show();
    QApplication::processEvents();
    for (int i = 1; i < charts.chart_count(); ++i) {
        EXPECT_EQ(charts.chart_geometry(i).top(), charts.chart_geometry(0).top()) << i;
        EXPECT_GT(charts.chart_geometry(i).left(), charts.chart_geometry(i - 1).left()) << i;
    }
    charts.resize(1920, 420);
    QApplication::processEvents();
    EXPECT_EQ(charts.chart_geometry(3).top(), charts.chart_geometry(0).top());
    EXPECT_GT(charts.chart_geometry(4).top(), charts.chart_geometry(0).top()) << "second row";
    EXPECT_EQ(charts.chart_geometry(4).left(), charts.chart_geometry(0).left());
}

TEST(Charts, TheDockOpensAtAThirdAndKeepsTheUsersHeight) {
    MainWindow w(herd(8), {StrategyKind::Naive, StrategyKind::Wasp});
    w.resize(1280, 720);
    w.show();
    QApplication::processEvents();
    auto* dock = w.findChild<QDockWidget*>("charts");
    ASSERT_NE(dock, nullptr);
    EXPECT_NEAR(dock->height(), 720 * 0.34, 30);
    // The user drags the splitter (down: up to above the scene's room, the dock gives way).
    w.resizeDocks({dock}, {200}, Qt::Vertical);
    QApplication::processEvents();
    const int chosen = dock->height();
    w.hide(); // e.g. minimised and restored
    w.show();
    QApplication::processEvents();
    EXPECT_EQ(dock->height(), chosen);
}

TEST(Charts, ASingleRunsLegendNamesTheMembersAndTheErrors) {
    MainWindow w(herd(8));
    const QString legend = w.charts().legend_text();
    for (const char* name : {"db1:27017", "db2:27017", "db3:27017", "KeyError", "AutoReconnect"})
        EXPECT_TRUE(legend.contains(name)) << name << " in " << legend.toStdString();
}

TEST(Timeline, MapsTimeToPixelsAndFindsMarkers) {
    MainWindow w(herd(8));
    w.resize(1280, 720);
    w.show();
    const Timeline& t = w.timeline();
    const TimeAxis a = t.axis();
    EXPECT_DOUBLE_EQ(a.t_for(a.x_for(10.0)), 10.0);
    // The kill at t=3 s is a marker: clicking near it snaps to it.
    EXPECT_DOUBLE_EQ(t.marker_near(a.x_for(3.0) + 2), 3.0);
}

} // namespace
} // namespace wn::ui

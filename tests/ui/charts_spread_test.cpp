// Playing, the charts redraw one at a time, spread over the frames, instead of all seven on
// the same frame; paused, after a seek, one per turn of the event loop. What they plot is
// the same as a redraw of all of them at once.

#include "ui/charts_panel.h"
#include "ui/controller.h"
#include "ui_test_support.h"

#include <QDockWidget>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

using testing::make_window;

int total_redraws(const ChartsPanel& charts) {
    int n = 0;
    for (int i = 0; i < charts.chart_count(); ++i)
        n += charts.redraws(i);
    return n;
}

/// Expects every line of `played` to equal a panel's that folded the whole trace at once.
void expect_as_a_fresh_panel(SimController& c, const ChartsPanel& played) {
    ChartsPanel fresh(c);
    fresh.refresh();
    ASSERT_EQ(fresh.chart_count(), played.chart_count());
    for (int chart = 0; chart < played.chart_count(); ++chart) {
        ASSERT_EQ(fresh.line_count(chart), played.line_count(chart));
        for (int line = 0; line < played.line_count(chart); ++line)
            EXPECT_EQ(played.points(chart, line), fresh.points(chart, line))
                << played.chart_title(chart).toStdString() << " line " << line;
    }
}

TEST(ChartsWhilePlaying, RedrawOneChartAFrameAndEveryChartInTurn) {
    auto window = make_window();
    window->show();
    auto* dock = window->findChild<QDockWidget*>("charts");
    ASSERT_NE(dock, nullptr);
    dock->setVisible(true);
    ChartsPanel& charts = window->charts();
    SimController& c = window->controller();
    ASSERT_GE(charts.chart_count(), 6);
    std::vector<int> before(static_cast<std::size_t>(charts.chart_count()));
    for (int i = 0; i < charts.chart_count(); ++i)
        before[static_cast<std::size_t>(i)] = charts.redraws(i);

    // A frame's redraw follows its paint (frame_shown()): counted from one changed() to the
    // next, each count is one frame's.
    std::vector<int> per_frame;
    int last = total_redraws(charts);
    QObject::connect(&c, &SimController::changed, &charts, [&] {
        if (c.playing())
            per_frame.push_back(total_redraws(charts) - last);
        last = total_redraws(charts);
    });
    c.set_speed(10);
    c.play();
    const std::size_t frames =
        3 * static_cast<std::size_t>(charts.chart_count()) * ChartsPanel::kFramesPerChart;
    QSignalSpy ticked(&c, &SimController::changed);
    while (per_frame.size() < frames && c.playing())
        ASSERT_TRUE(ticked.wait(10000));
    c.pause();
    ASSERT_GE(per_frame.size(), frames);

    for (std::size_t f = 0; f < per_frame.size(); ++f)
        EXPECT_LE(per_frame[f], 1) << "frame " << f << " redrew more than one chart";
    for (int i = 0; i < charts.chart_count(); ++i)
        EXPECT_GE(charts.redraws(i) - before[static_cast<std::size_t>(i)], 2)
            << charts.chart_title(i).toStdString() << " was left out of the turn";
}

TEST(ChartsWhilePlaying, PlotWhatARedrawOfAllChartsPlots) {
    auto window = make_window();
    window->show();
    window->findChild<QDockWidget*>("charts")->setVisible(true);
    SimController& c = window->controller();
    c.set_speed(20);
    c.play();
    QSignalSpy ticked(&c, &SimController::changed);
    while (c.now() < 12 && c.playing())
        ASSERT_TRUE(ticked.wait(10000));
    c.pause(); // the window redraws every chart once paused, one per turn of the loop
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->charts().settled(); }));

    // A panel that folds the whole trace at once plots the same points.
    expect_as_a_fresh_panel(c, window->charts());
}

TEST(ChartsAfterASeek, RedrawInTurnNotAllInTheSeekThenPlotTheWholeRun) {
    auto window = std::make_unique<MainWindow>(
        load_scenario("primary-fails"), std::vector{StrategyKind::Naive, StrategyKind::Wasp});
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    auto* dock = window->findChild<QDockWidget*>("charts");
    ASSERT_TRUE(dock->isVisible()); // a comparison opens with its charts
    ChartsPanel& charts = window->charts();
    SimController& c = window->controller();
    ASSERT_TRUE(QTest::qWaitFor([&] { return charts.settled(); }));
    const int before = total_redraws(charts);
    c.seek(12);
    ASSERT_DOUBLE_EQ(c.now(), 12);
    // The seek itself redrew no chart: the window answers at once, the charts follow.
    EXPECT_EQ(total_redraws(charts), before);
    EXPECT_FALSE(charts.settled());
    ASSERT_TRUE(QTest::qWaitFor([&] { return charts.settled(); }));
    for (int i = 0; i < charts.chart_count(); ++i)
        EXPECT_GE(charts.redraws(i), 1) << charts.chart_title(i).toStdString();
    EXPECT_EQ(total_redraws(charts) - before, charts.chart_count());
    expect_as_a_fresh_panel(c, charts);
}

} // namespace
} // namespace wn::ui

// Editing the run (the comparison, threads, strategy) keeps the moment on screen: the run
// is re-simulated to the playhead with the user's clicks, not sent back to t=0.

#include "ui_test_support.h"

#include <QApplication>
#include <QComboBox>
#include <QSpinBox>
#include <QTest>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

using testing::make_window;

std::unique_ptr<MainWindow> shown_window() {
    auto window = make_window();
    window->show();
    QApplication::setActiveWindow(window.get());
    EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
    return window;
}

template <typename Box> Box* control(MainWindow& w, const QString& tip_start) {
    for (Box* box : w.findChildren<Box*>())
        if (box->toolTip().startsWith(tip_start))
            return box;
    return nullptr;
}

/// db3 killed at 3 s by a click, then the playhead at 12 s.
void click_and_move_on(MainWindow& w) {
    w.controller().seek(3);
    ASSERT_EQ(w.member_action(2, FaultKind::Kill), QString());
    w.controller().seek(12);
}

void expect_the_moment_kept(const MainWindow& w, const char* what) {
    auto& c = const_cast<MainWindow&>(w).controller();
    EXPECT_DOUBLE_EQ(c.now(), 12) << what << " sent time back";
    for (int pane = 0; pane < c.panes(); ++pane) {
        ASSERT_EQ(c.sim(pane).user_actions().size(), 1u) << what << " lost the click";
        EXPECT_EQ(c.sim(pane).user_actions()[0].at, from_seconds(3)) << what;
        EXPECT_FALSE(c.sim(pane).world().servers()[2].up) << what << ": db3 is up again";
    }
}

TEST(KeepTheMoment, TogglingTheComparisonKeepsThePlayheadAndTheClicks) {
    auto window = shown_window();
    click_and_move_on(*window);
    QTest::keyClick(window.get(), Qt::Key_C);
    ASSERT_EQ(window->controller().panes(), 2);
    expect_the_moment_kept(*window, "compare on");
    QTest::keyClick(window.get(), Qt::Key_C);
    ASSERT_EQ(window->controller().panes(), 1);
    expect_the_moment_kept(*window, "compare off");
}

TEST(KeepTheMoment, ChangingThreadsKeepsThePlayheadAndTheClicks) {
    auto window = shown_window();
    click_and_move_on(*window);
    auto* threads = control<QSpinBox>(*window, "Application threads");
    ASSERT_NE(threads, nullptr);
    threads->setFocus();
    threads->selectAll();
    QTest::keyClicks(threads, "20");
    QTest::keyClick(threads, Qt::Key_Return);
    ASSERT_EQ(window->controller().scenario().threads, 20);
    expect_the_moment_kept(*window, "threads");
}

TEST(KeepTheMoment, ChangingTheStrategyKeepsThePlayheadAndTheClicks) {
    auto window = shown_window();
    click_and_move_on(*window);
    auto* strategy = control<QComboBox>(*window, "How the client shares");
    ASSERT_NE(strategy, nullptr);
    strategy->setFocus();
    QTest::keyClick(strategy, Qt::Key_Up); // wasp -> rwlock
    ASSERT_NE(window->controller().scenario().strategy, StrategyKind::Wasp);
    expect_the_moment_kept(*window, "strategy");
}

TEST(KeepTheMoment, AnotherScenarioStartsAtZero) {
    auto window = shown_window();
    click_and_move_on(*window);
    auto* scenario = control<QComboBox>(*window, "The built-in scenarios");
    ASSERT_NE(scenario, nullptr);
    scenario->setFocus();
    QTest::keyClick(scenario, Qt::Key_Down);
    EXPECT_EQ(window->controller().now(), 0);
    EXPECT_TRUE(window->controller().sim().user_actions().empty());
}

} // namespace
} // namespace wn::ui

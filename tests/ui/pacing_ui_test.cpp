// The speed slider stops at readable speeds; slow motion near notable moments is on by
// default, told in the header, and switched off (and remembered) from the View menu.

#include "ui/model/pacing.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace wn::ui {
namespace {

using testing::make_window;

QAction* view_action(MainWindow& w, const QString& text) {
    for (QAction* menu : w.menuBar()->actions())
        if (menu->menu() && menu->text().remove('&') == "View")
            for (QAction* a : menu->menu()->actions())
                if (a->text().remove('&').startsWith(text))
                    return a;
    return nullptr;
}

TEST(PlayTick, ALateFrameIsSkippedNotCaughtUp) {
    auto window = make_window();
    window->show();
    SimController& c = window->controller();
    c.set_slow_motion(false);
    c.set_speed(100);
    c.play();
    const double before = c.now();
    // The window's thread stalls (a slow paint, a dialog) before the first tick: the stall
    // makes the frame late, it does not synchronise anything.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QSignalSpy ticked(&c, &SimController::changed);
    ASSERT_TRUE(ticked.wait(10000));
    EXPECT_GT(c.now(), before);
    EXPECT_LE(c.now() - before, 100 * kMaxTickWall_s + 1e-9);
    c.pause();
}

TEST(SpeedSlider, StopsOnlyAtReadableSpeeds) {
    auto window = make_window();
    window->show();
    auto* slider = window->findChild<QSlider*>();
    ASSERT_NE(slider, nullptr);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    EXPECT_DOUBLE_EQ(window->controller().speed(), 0.1);
    std::vector<double> seen = {window->controller().speed()};
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(slider, Qt::Key_Right);
        if (window->controller().speed() != seen.back())
            seen.push_back(window->controller().speed());
    }
    EXPECT_EQ(seen, std::vector<double>(kSpeedStops.begin(), kSpeedStops.end()));
    QTest::keyClick(slider, Qt::Key_Home);
    QTest::keyClick(slider, Qt::Key_Right);
    bool labelled = false;
    for (QLabel* label : window->findChildren<QLabel*>())
        labelled = labelled || label->text() == QString::fromUtf8("0.25\u00d7");
    EXPECT_TRUE(labelled) << "no label reads 0.25\u00d7";
}

TEST(SlowMotion, OnByDefaultNearTheKillAndOffFromTheViewMenu) {
    auto window = make_window();
    SimController& c = window->controller();
    double kill = -1;
    for (const Fault& f : c.scenario().timeline)
        if (f.kind == FaultKind::Kill)
            kill = f.at_s;
    c.seek(kill + 0.1);
    EXPECT_TRUE(c.slow_motion());
    EXPECT_TRUE(c.slowed());
    EXPECT_DOUBLE_EQ(c.effective_speed(), kSlowMotionFactor);
    QAction* slow = view_action(*window, "Slow motion");
    ASSERT_NE(slow, nullptr);
    EXPECT_TRUE(slow->isChecked());
    slow->trigger();
    EXPECT_FALSE(c.slow_motion());
    EXPECT_FALSE(c.slowed());
    EXPECT_DOUBLE_EQ(c.effective_speed(), 1);

    // Remembered with the session.
    const SavedSession saved = window->saved_session();
    EXPECT_FALSE(saved.slow_motion);
    auto again = make_window();
    again->restore_layout(saved);
    EXPECT_FALSE(again->controller().slow_motion());
    EXPECT_FALSE(view_action(*again, "Slow motion")->isChecked());
}

} // namespace
} // namespace wn::ui

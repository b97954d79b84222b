// The speed slider stops at readable speeds; slow motion near notable moments is on by
// default, told in the header, and switched off (and remembered) from the View menu.

#include "paint_recorder.h"
#include "ui/model/pacing.h"
#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
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
    // The first tick's state, as it is shown (the tick after it advances on at once).
    double shown = before;
    QObject context;
    QObject::connect(&c, &SimController::changed, &context, [&] { shown = c.now(); });
    QSignalSpy ticked(&c, &SimController::changed);
    ASSERT_TRUE(ticked.wait(10000));
    EXPECT_GT(shown, before);
    EXPECT_LE(shown - before, 100 * kMaxTickWall_s + 1e-9);
    c.pause();
}

/// Records the playhead each time pane 0's view paints, and whether the runs had advanced
/// past it once the event that painted it was done.
class PaintWatch : public QObject {
public:
    PaintWatch(SimController& c, QWidget& view) : m_c(c) { view.installEventFilter(this); }
    int checked = 0;       // paints while playing, looked at after their event
    int then_advanced = 0; // of which the runs had advanced by then
    int beside = 0;        // paints while playing during which the runs were advancing
    double last_painted = -1;

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() != QEvent::Paint)
            return false;
        last_painted = m_c.now();
        if (m_c.playing() && m_c.advancing())
            ++beside;
        if (m_c.playing()) {
            const double painted = last_painted;
            QMetaObject::invokeMethod(
                this,
                [this, painted] {
                    ++checked;
                    if (m_c.now() > painted)
                        ++then_advanced;
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    SimController& m_c;
};

/// Plays at 10x, slow motion off, until `watch` has looked at 10 played paints (or the run
/// stops first).
void play_ten_paints(SimController& c, PaintWatch& watch) {
    c.set_slow_motion(false);
    c.set_speed(10);
    c.play();
    QSignalSpy ticked(&c, &SimController::changed);
    while (watch.checked < 10 && c.playing())
        ASSERT_TRUE(ticked.wait(10000));
}

TEST(PlayTick, PaintsTheReachedStateFirstThenAdvances) {
    // Each tick paints what the last one reached, then the run advances for the next frame:
    // a paint starts as the timer fires instead of after an advance of varying length, and
    // shows the state from before that advance.
    auto window = make_window();
    window->show();
    SimController& c = window->controller();
    PaintWatch watch(c, *window->views().front());
    const std::uint64_t built_ahead = c.frames_built_ahead();
    play_ten_paints(c, watch);
    ASSERT_GE(watch.checked, 10);
    // But for the paint play() asked for (and an expose, say), every paint was followed by
    // an advance before anything else ran. Painting after the advance, none would be.
    EXPECT_GE(watch.then_advanced, watch.checked - 2);
    // And the frames painted were built on the worker that advanced the run, beside the
    // paint before them, not on the window's thread.
    EXPECT_GE(c.frames_built_ahead() - built_ahead, static_cast<std::uint64_t>(watch.checked - 2));
    // One pane's worker starts after the paint, never beside it: woken just before, it would
    // often take the window's own core as the frame starts.
    EXPECT_EQ(watch.beside, 0);

    // Paused, the view shows exactly the moment the controls show.
    c.pause();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
    EXPECT_DOUBLE_EQ(watch.last_painted, c.now());
}

TEST(PlayTick, AComparisonAdvancesBothPanesDuringThePaint) {
    // Two panes' advances after the paint would not fit a frame on two cores: they run on
    // their workers while the window paints the state the last tick reached.
    auto window = make_window();
    window->show();
    window->set_compare(true);
    SimController& c = window->controller();
    ASSERT_EQ(c.panes(), 2);
    PaintWatch watch(c, *window->views().front());
    play_ten_paints(c, watch);
    ASSERT_GE(watch.checked, 10);
    // But for the paint play() asked for (and an expose, say), every paint had an advance
    // beside it.
    EXPECT_GE(watch.beside, watch.checked - 2);
    c.pause();
}

bool some_label_reads(MainWindow& w, const QString& start) {
    for (QLabel* label : w.findChildren<QLabel*>())
        if (label->text().startsWith(start))
            return true;
    return false;
}

TEST(SpeedLabel, SaysHowFastTheRunPlaysWhenTheMachineCannotKeepUp) {
    auto window = make_window();
    window->show();
    SimController& c = window->controller();
    c.set_slow_motion(false);
    c.set_speed(100);
    EXPECT_TRUE(some_label_reads(*window, QString::fromUtf8("100\u00d7")));
    c.play();
    // The window's thread stalls: the tick after it plays two frames of the 200 ms.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QSignalSpy ticked(&c, &SimController::changed);
    ASSERT_TRUE(ticked.wait(10000));
    EXPECT_LT(c.played_share(), kKeepingUpShare);
    EXPECT_TRUE(some_label_reads(*window, QString::fromUtf8("100\u00d7 (playing at ")));
    // The scene's clock, all a projector shows, tells the same measured speed, not 100×.
    SimView* view = window->views().front();
    testing::PaintRecorder drawn(view->size());
    {
        QPainter painter(&drawn);
        view->render(&painter);
    }
    const auto clock = drawn.texts_with(QString::fromUtf8("\u25b6 "));
    ASSERT_FALSE(clock.empty()) << "the scene's clock says it plays";
    EXPECT_TRUE(clock.front().text.endsWith(QString::number(played_speed(100, c.played_share())) +
                                            QString::fromUtf8("\u00d7")))
        << clock.front().text.toStdString();
    EXPECT_FALSE(clock.front().text.contains(QString::fromUtf8("100\u00d7")))
        << clock.front().text.toStdString();
    c.pause();
    EXPECT_TRUE(some_label_reads(*window, QString::fromUtf8("100\u00d7")));
    EXPECT_FALSE(some_label_reads(*window, QString::fromUtf8("100\u00d7 (playing at ")));
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

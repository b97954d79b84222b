// The guided tour on the real window: PageDown alone plays the built-in tour to its end,
// every step pausing at its own stop; PageUp returns to exactly the state a step stopped
// at; a bad tour file leaves the current tour running.

#include "tour/tour_stop.h"
#include "ui/actions.h"
#include "ui/renderer.h"
#include "ui/sim_view.h"
#include "ui/tour/tour_overlay.h"
#include "ui/tour/tour_player.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wn::ui {
namespace {

using testing::make_window;
using testing::show_active;

/// Every pane's trace fingerprint, joined.
std::string fingerprint(MainWindow& w) {
    std::string all;
    for (int pane = 0; pane < w.controller().panes(); ++pane)
        all += w.controller().sim(pane).trace().sha256() + " ";
    return all;
}

/// Presses PageDown until the tour's last step has stopped, checking each stop; returns
/// the fingerprint of the run at each step's stop.
std::vector<std::string> play_whole_tour(MainWindow& w) {
    TourPlayer& tour = w.tour();
    // Steps still play to their stops by themselves, only faster.
    tour.set_speed_factor(100);
    QTest::keyClick(&w.view(), Qt::Key_G); // the built-in tour, at its first step
    EXPECT_TRUE(tour.active());
    std::vector<std::string> prints;
    QSignalSpy arrived(&tour, &TourPlayer::arrived_at_stop);
    for (int k = 0; k < tour.steps(); ++k) {
        SCOPED_TRACE("step " + std::to_string(k + 1) + ": " + tour.step_at(k).text);
        // Where this step's events start: the previous step's stop when it continues
        // that run, the start of a new run otherwise.
        const bool continues = k > 0 && same_run(tour.step_at(k - 1), tour.step_at(k));
        const std::size_t from = continues ? w.controller().sim().trace().events().size() : 0;
        const int before = static_cast<int>(arrived.count());
        QTest::keyClick(&w.view(), Qt::Key_PageDown);
        if (arrived.count() == before) {
            EXPECT_TRUE(arrived.wait(60000)) << "the step never paused at its stop";
        }
        EXPECT_EQ(tour.step(), k);
        EXPECT_TRUE(tour.arrived());
        EXPECT_FALSE(w.controller().playing()) << "it did not pause by itself";
        const std::optional<double> stop = tour.stop_time(k);
        EXPECT_TRUE(stop.has_value());
        EXPECT_DOUBLE_EQ(w.controller().now(), stop.value_or(-1));
        EXPECT_TRUE(stop_reached(w.controller().sim(), tour.step_at(k).stop, from));
        prints.push_back(fingerprint(w));
    }
    return prints;
}

TEST(TourPlayer, BuiltinTourPlaysToTheEndWithPageDownAloneAndAgainIdentically) {
    auto first = make_window();
    show_active(*first);
    const std::vector<std::string> a = play_whole_tour(*first);
    ASSERT_GE(a.size(), 9u);
    EXPECT_EQ(first->tour().step(), first->tour().steps() - 1);

    // PageUp goes back exactly: the state the previous step stopped at, by re-simulation.
    QTest::keyClick(&first->view(), Qt::Key_PageUp);
    EXPECT_EQ(first->tour().step(), first->tour().steps() - 2);
    EXPECT_EQ(fingerprint(*first), a[a.size() - 2]);
    QTest::keyClick(&first->view(), Qt::Key_PageUp);
    EXPECT_EQ(fingerprint(*first), a[a.size() - 3]);
    first.reset();

    auto second = make_window();
    show_active(*second);
    EXPECT_EQ(play_whole_tour(*second), a);
}

TEST(TourPlayer, HomeRestartsTheChapterAndPageUpAtTheStartStays) {
    auto w = make_window();
    show_active(*w);
    TourPlayer& tour = w->tour();
    ASSERT_EQ(tour.load("blog"), "");
    tour.go_to(2, true); // chapter 1's third step, stopped
    EXPECT_EQ(tour.chapter(), 0);
    QTest::keyClick(&w->view(), Qt::Key_Home);
    EXPECT_EQ(tour.step(), 0);
    EXPECT_FALSE(tour.arrived());
    EXPECT_DOUBLE_EQ(w->controller().now(), 0);
    QTest::keyClick(&w->view(), Qt::Key_PageUp);
    EXPECT_EQ(tour.step(), 0);
    // Ctrl+2 jumps to the second chapter.
    QTest::keyClick(&w->view(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(tour.chapter(), 1);
    EXPECT_EQ(w->controller().scenario().name, tour.step_at(tour.step()).scenario);
}

TEST(TourPlayer, BadTourFileGivesOneLineAndTheCurrentTourKeepsRunning) {
    auto w = make_window();
    show_active(*w);
    TourPlayer& tour = w->tour();
    ASSERT_EQ(tour.load("blog"), "");
    tour.go_to(1, true);
    const std::string before = fingerprint(*w);
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.json");
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"title": "t", "chapters": [{"title": "c", "steps": [
        {"scenario": "primary-fails", "stop": {"until": "sunrise"}, "text": "x"}]}]})");
    f.close();
    const QString why = tour.load(path);
    EXPECT_TRUE(why.startsWith(path + ": field 'chapters[0].steps[0].stop.until': unknown "
                                      "event 'sunrise'"))
        << why.toStdString();
    EXPECT_FALSE(why.contains('\n'));
    EXPECT_EQ(w->statusBar()->currentMessage(), why);
    EXPECT_TRUE(tour.active());
    EXPECT_EQ(tour.step(), 1);
    EXPECT_EQ(fingerprint(*w), before);
    // And it still plays.
    tour.set_speed_factor(100);
    QSignalSpy arrived(&tour, &TourPlayer::arrived_at_stop);
    QTest::keyClick(&w->view(), Qt::Key_PageDown);
    if (arrived.isEmpty()) {
        ASSERT_TRUE(arrived.wait(60000));
    }
    EXPECT_EQ(tour.step(), 2);
}

TEST(TourPlayer, PageKeysStepEventsWithoutATourAndAfterItCloses) {
    auto w = make_window();
    show_active(*w);
    auto count = [&] {
        return w->controller().sim().trace().count();
    };
    std::uint64_t events = count();
    QTest::keyClick(&w->view(), Qt::Key_PageDown);
    EXPECT_GT(count(), events) << "PageDown no longer steps without a tour";
    w->controller().set_speed(2);
    ASSERT_EQ(w->tour().load("blog"), "");
    EXPECT_FALSE(w->controller().slow_motion()) << "slow motion second-guesses a step's speed";
    QTest::keyClick(&w->view(), Qt::Key_PageDown);             // plays the first step at its speed
    QTest::keyClick(&w->view(), Qt::Key_G, Qt::ShiftModifier); // close the tour
    EXPECT_FALSE(w->tour().active());
    EXPECT_FALSE(w->controller().playing());
    EXPECT_DOUBLE_EQ(w->controller().speed(), 2) << "the speed before the tour is back";
    EXPECT_TRUE(w->controller().slow_motion());
    events = count();
    QTest::keyClick(&w->view(), Qt::Key_PageDown);
    EXPECT_GT(count(), events) << "the tour kept PageDown";
}

TEST(TourPlayer, EveryTourActionHasAShortcutAndATooltip) {
    auto w = make_window();
    TourPlayer& tour = w->tour();
    for (QAction* a : {tour.guided_tour_action(), tour.open_action(), tour.next_action(),
                       tour.previous_action(), tour.restart_chapter_action()}) {
        EXPECT_FALSE(a->shortcut().isEmpty()) << a->text().toStdString();
        EXPECT_FALSE(a->toolTip().isEmpty()) << a->text().toStdString();
        EXPECT_TRUE(w->actions().contains(a)) << "not listed on the window";
    }
}

TEST(TourPlayer, HelpListsEveryTourKey) {
    auto w = make_window();
    QStringList listed;
    for (const TourKeyHelp& k : tour_key_help())
        listed << k.keys;
    int keys = 0;
    for (QAction* a : w->tour().findChildren<QAction*>()) {
        if (a->shortcut().isEmpty())
            continue;
        ++keys;
        const QString key = a->shortcut().toString(QKeySequence::PortableText);
        EXPECT_TRUE(listed.contains(key))
            << key.toStdString() << " (" << a->text().toStdString() << ") is not in --help";
    }
    EXPECT_GE(keys, 7);
    const QString help = key_help_text();
    for (const TourKeyHelp& k : tour_key_help())
        EXPECT_TRUE(help.contains(k.help)) << k.help.toStdString();
}

TEST(TourOverlay, SpotlightDimsAllButTheLitElementAndTheCardIsDrawn) {
    auto w = make_window();
    w->controller().seek(2);
    const Frame frame = w->controller().frame();
    const QSize size(1280, 720);
    const SceneLayout layout = layout_for(frame, size);
    auto picture = [&](std::shared_ptr<const TourCard> card) {
        QImage img(size, QImage::Format_ARGB32);
        QPainter p(&img);
        RenderOptions o;
        o.tour = std::move(card);
        render(p, frame, layout, o);
        return img;
    };
    auto card = std::make_shared<TourCard>();
    card->spotlight.kind = Spotlight::Kind::Thread;
    card->spotlight.thread = 1;
    card->text = "Thread 1 copies the reference.";
    const QImage plain = picture(nullptr);
    const QImage lit = picture(card);
    const auto rect = spotlight_rect(frame, layout, card->spotlight);
    ASSERT_TRUE(rect && !rect->isEmpty());
    const QPoint inside = layout.thread_cells[0].center().toPoint();
    EXPECT_EQ(lit.pixel(inside), plain.pixel(inside)) << "the lit thread dimmed";
    const QPoint outside = layout.client_box.center().toPoint();
    EXPECT_NE(lit.pixel(outside), plain.pixel(outside)) << "the client box did not dim";
    // The caption line and the invariant badges stay as they are.
    const QPoint caption = layout.caption.center().toPoint();
    EXPECT_EQ(lit.pixel(caption), plain.pixel(caption));
    const QPoint badge = layout.badge_rect(0).center().toPoint();
    EXPECT_EQ(lit.pixel(badge), plain.pixel(badge));
    // The card sits above the badges (the lit thread is in the upper half), in large type.
    EXPECT_GE(tour_text_px(size), 18.0);
    const QRectF band = tour_band(layout);
    const QRectF box = tour_card_rect(band, 100, rect);
    EXPECT_GT(box.top(), band.center().y());
    EXPECT_LE(box.bottom(), layout.badges.top());
    EXPECT_FALSE(rect->intersects(box));
}

} // namespace
} // namespace wn::ui

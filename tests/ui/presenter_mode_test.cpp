// Presenter mode and the projector's keys, driven by real key events on the offscreen
// window: F5 and Esc, the text size keys, the black screen, the key overlay and pausing when
// the window loses focus.

#include "paint_recorder.h"
#include "ui/presenter.h"
#include "ui/presenter_actions.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFontInfo>
#include <QImage>
#include <QLabel>
#include <QMenuBar>
#include <QPainter>
#include <QSet>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <gtest/gtest.h>

#include <limits>
#include <map>

namespace wn::ui {
namespace {

using testing::make_window;
using testing::PaintRecorder;
using testing::show_active;

std::map<QString, bool> dock_visibility(MainWindow& w) {
    std::map<QString, bool> shown;
    for (QDockWidget* d : w.findChildren<QDockWidget*>())
        shown[d->objectName()] = d->isVisible();
    return shown;
}

/// The smallest text the scene draws now, in pixels.
double smallest_scene_text(SimView& view) {
    PaintRecorder drawn(view.size());
    {
        QPainter painter(&drawn);
        view.render_to(painter, view.size());
    }
    double smallest = std::numeric_limits<double>::max();
    for (const auto& t : drawn.texts)
        smallest = std::min(smallest, t.pixel_size);
    return smallest;
}

/// The share of sampled pixels of the whole window that are pure black.
double black_share(MainWindow& w) {
    const QImage image = w.grab().toImage();
    int black = 0, all = 0;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7, ++all)
            black += (image.pixel(x, y) & 0xffffff) == 0;
    return all ? static_cast<double>(black) / all : 0;
}

TEST(PresenterMode, F5EntersAndEscRestoresTheWindowExactly) {
    auto w = make_window();
    w->resize(1100, 700);
    show_active(*w);
    w->findChild<QDockWidget*>("log")->show(); // a dock the user opened
    QCoreApplication::processEvents();
    const QRect geometry = w->geometry();
    const QByteArray state = w->saveState();
    const auto docks = dock_visibility(*w);
    ASSERT_TRUE(docks.at("log"));

    QTest::keyClick(&w->view(), Qt::Key_F5);
    QCoreApplication::processEvents();
    ASSERT_TRUE(w->presenter().presenting());
    EXPECT_TRUE(w->isFullScreen());
    EXPECT_TRUE(w->menuBar()->isHidden());
    for (QToolBar* bar : w->findChildren<QToolBar*>())
        EXPECT_TRUE(bar->isHidden()) << bar->objectName().toStdString();
    EXPECT_DOUBLE_EQ(w->colours().font_scale, 1.5) << "presenter mode starts at 1.5";
    EXPECT_TRUE(w->colours().presenter);
    EXPECT_GE(w->colours().pens.request, 3.0);
    // The hidden toolbar's and menus' keys still work.
    QTest::keyClick(&w->view(), Qt::Key_Space);
    EXPECT_TRUE(w->controller().playing()) << "Space does not play in presenter mode";
    QTest::keyClick(&w->view(), Qt::Key_Space);
    EXPECT_FALSE(w->controller().playing());
    // The presenter rearranges things: closes the log, makes the text larger still.
    QTest::keyClick(&w->view(), Qt::Key_L);
    QTest::keyClick(&w->view(), Qt::Key_Equal, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(w->colours().font_scale, 1.75);
    ASSERT_FALSE(w->findChild<QDockWidget*>("log")->isVisible());

    QTest::keyClick(&w->view(), Qt::Key_Escape);
    QCoreApplication::processEvents();
    EXPECT_FALSE(w->presenter().presenting());
    EXPECT_FALSE(w->isFullScreen());
    EXPECT_EQ(w->geometry(), geometry);
    EXPECT_EQ(dock_visibility(*w), docks);
    EXPECT_EQ(w->saveState(), state);
    EXPECT_FALSE(w->menuBar()->isHidden());
    for (QToolBar* bar : w->findChildren<QToolBar*>())
        EXPECT_FALSE(bar->isHidden()) << bar->objectName().toStdString();
    EXPECT_DOUBLE_EQ(w->colours().font_scale, 1.0) << "the window's own text size is back";
    EXPECT_FALSE(w->colours().presenter);

    // The presenter's size is remembered for the next time.
    QTest::keyClick(&w->view(), Qt::Key_F5);
    EXPECT_DOUBLE_EQ(w->colours().font_scale, 1.75);
    QTest::keyClick(&w->view(), Qt::Key_Escape);
    EXPECT_EQ(w->saved_session().presenter_font_scale, 1.75);
}

TEST(FontScale, CtrlEqualsGrowsTheScenesSmallestTextAndCtrl0PutsItBack) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(12.0); // the failover: every layer has something to say
    w->show_message("ready");   // the status bar the size keys' messages would add
    QCoreApplication::processEvents();
    SimView& view = w->view();
    const double before = smallest_scene_text(view);
    const int timeline_before = w->timeline().height();
    const int log_before =
        QFontInfo(w->findChild<QDockWidget*>("log")->widget()->font()).pixelSize();
    QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
    QCoreApplication::processEvents();
    EXPECT_DOUBLE_EQ(w->colours().font_scale, 1.5);
    const double after = smallest_scene_text(view);
    EXPECT_GE(after, before * 1.3) << before << " px became " << after << " px";
    EXPECT_GT(w->timeline().height(), timeline_before);
    EXPECT_GT(QFontInfo(w->findChild<QDockWidget*>("log")->widget()->font()).pixelSize(),
              log_before);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    EXPECT_DOUBLE_EQ(w->colours().font_scale, 1.25);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QCoreApplication::processEvents();
    EXPECT_DOUBLE_EQ(w->colours().font_scale, 1.0);
    EXPECT_DOUBLE_EQ(smallest_scene_text(view), before);
    EXPECT_EQ(w->timeline().height(), timeline_before);
}

TEST(BlackScreen, BAndDotBlankTheWindowAndBringItBack) {
    auto w = make_window();
    show_active(*w);
    ASSERT_LT(black_share(*w), 0.2);
    for (const Qt::Key key : {Qt::Key_B, Qt::Key_Period}) {
        QTest::keyClick(&w->view(), key);
        QCoreApplication::processEvents();
        EXPECT_TRUE(w->presenter().blanked());
        EXPECT_GT(black_share(*w), 0.999) << "not black after " << key;
        const std::uint64_t events = w->controller().sim().trace().count();
        QTest::keyClick(&w->view(), key);
        QCoreApplication::processEvents();
        EXPECT_FALSE(w->presenter().blanked());
        EXPECT_LT(black_share(*w), 0.2) << "still black after a second " << key;
        EXPECT_EQ(w->controller().sim().trace().count(), events) << "the key also stepped";
    }
    // Esc ends a black screen too.
    QTest::keyClick(&w->view(), Qt::Key_B);
    QTest::keyClick(&w->view(), Qt::Key_Escape);
    EXPECT_FALSE(w->presenter().blanked());
}

QString overlay_text(MainWindow& w) {
    auto* label = w.findChild<QLabel*>("keys");
    return label ? label->text() : QString();
}

TEST(KeyOverlay, QuestionMarkListsEveryKeyOfTheWindowIncludingLaterOnes) {
    auto w = make_window();
    show_active(*w);
    // An action another feature adds to the window after it was built.
    auto* later = new QAction("Launch the rockets", w.get());
    later->setShortcut(QKeySequence("Ctrl+Alt+K"));
    w->addAction(later);

    QTest::keyClick(&w->view(), Qt::Key_Question);
    ASSERT_TRUE(w->presenter().keys_shown());
    const QString text = overlay_text(*w);
    for (const char* expected : {"Space", "Play", "F5", "Presenter mode", "Black screen",
                                 "Launch the rockets", "Ctrl+Alt+K", "click a member"})
        EXPECT_TRUE(text.contains(expected)) << expected << " missing from " << text.toStdString();
    QTest::keyClick(&w->view(), Qt::Key_Escape);
    EXPECT_FALSE(w->presenter().keys_shown());
    EXPECT_EQ(overlay_text(*w), QString());
    QTest::keyClick(&w->view(), Qt::Key_Question);
    ASSERT_TRUE(w->presenter().keys_shown());
    QTest::keyClick(&w->view(), Qt::Key_Question);
    EXPECT_FALSE(w->presenter().keys_shown()) << "? closes it too";
}

TEST(KeyOverlay, TheWholeListFitsA720LineWindowAtTheLargestText) {
    auto w = make_window();
    w->resize(1280, 720);
    show_active(*w);
    for (int i = 0; i < 4; ++i) // 1 -> 2: the largest text
        QTest::keyClick(&w->view(), Qt::Key_Equal, Qt::ControlModifier);
    ASSERT_DOUBLE_EQ(w->presenter().font_scale(), 2.0);
    QTest::keyClick(&w->view(), Qt::Key_Question);
    ASSERT_TRUE(w->presenter().keys_shown());
    auto* label = w->findChild<QLabel*>("keys");
    ASSERT_NE(label, nullptr);
    const QSize need = label->sizeHint();
    EXPECT_LE(need.height(), w->height()) << "keys cut off at the bottom";
    EXPECT_LE(need.width(), w->width()) << "keys cut off at the side";
    EXPECT_GE(label->font().pixelSize(), 10) << "shrunk past legibility";
}

TEST(KeyOverlay, At1024x768TheTypeIsAtLeast16PxAndTheListStillFits) {
    auto w = make_window();
    w->resize(1024, 768);
    show_active(*w);
    QTest::keyClick(&w->view(), Qt::Key_Question);
    ASSERT_TRUE(w->presenter().keys_shown());
    auto* label = w->findChild<QLabel*>("keys");
    ASSERT_NE(label, nullptr);
    EXPECT_GE(label->font().pixelSize(), 16);
    const QSize need = label->sizeHint();
    EXPECT_LE(need.height(), w->height()) << "keys cut off at the bottom";
    EXPECT_LE(need.width(), w->width()) << "keys cut off at the side";
    // The text sizes and the themes are one row each.
    const QString text = overlay_text(*w);
    EXPECT_TRUE(text.contains("Ctrl+Shift+1 / 2 / 3")) << text.toStdString();
    EXPECT_TRUE(text.contains("Ctrl+= / - / 0")) << text.toStdString();
    EXPECT_FALSE(text.contains("Normal text size")) << "a grouped action has a row of its own";
}

TEST(KeyOverlay, ActionsOfOneKeyGroupShareOneRow) {
    auto w = make_window();
    show_active(*w);
    for (const char* key : {"Ctrl+Alt+1", "Ctrl+Alt+2", "Ctrl+Alt+3"}) {
        auto* a = new QAction(QString("Chapter ") + key, w.get());
        a->setShortcut(QKeySequence(key));
        a->setProperty(kKeyGroupProperty, "Jump to a landing site");
        w->addAction(a);
    }
    QTest::keyClick(&w->view(), Qt::Key_Question);
    ASSERT_TRUE(w->presenter().keys_shown());
    const QString text = overlay_text(*w);
    EXPECT_EQ(text.count("Jump to a landing site"), 1) << text.toStdString();
    EXPECT_FALSE(text.contains("Chapter Ctrl")) << "grouped actions are not listed one by one";
    EXPECT_TRUE(text.contains("Ctrl+Alt+1 \u2026 Ctrl+Alt+3")) << text.toStdString();
}

/// Plays, gives the focus to another window and says whether the run is still playing.
bool plays_on_after_focus_loss(MainWindow& w) {
    show_active(w);
    w.controller().play();
    EXPECT_TRUE(w.controller().playing());
    QWidget other;
    other.resize(200, 200);
    other.show();
    QApplication::setActiveWindow(&other);
    EXPECT_TRUE(QTest::qWaitForWindowActive(&other));
    QCoreApplication::processEvents();
    const bool playing = w.controller().playing();
    w.controller().pause();
    return playing;
}

TEST(AutoPause, FocusLossPausesWhenTheSettingIsOnAndNotWhenOff) {
    auto w = make_window();
    ASSERT_FALSE(w->presenter().auto_pause()) << "off in the window by default";
    EXPECT_TRUE(plays_on_after_focus_loss(*w));
    show_active(*w);
    QTest::keyClick(&w->view(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(w->presenter().auto_pause());
    EXPECT_FALSE(plays_on_after_focus_loss(*w));
    EXPECT_TRUE(w->saved_session().auto_pause) << "not remembered";
}

TEST(AutoPause, OnByDefaultInPresenterModeAndItsOwnSetting) {
    auto w = make_window();
    show_active(*w);
    QTest::keyClick(&w->view(), Qt::Key_F5);
    ASSERT_TRUE(w->presenter().presenting());
    EXPECT_TRUE(w->presenter().auto_pause());
    EXPECT_FALSE(plays_on_after_focus_loss(*w));
    show_active(*w);
    QTest::keyClick(&w->view(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(w->presenter().auto_pause());
    EXPECT_TRUE(plays_on_after_focus_loss(*w));
    show_active(*w);
    QTest::keyClick(&w->view(), Qt::Key_Escape);
    EXPECT_FALSE(w->presenter().auto_pause()) << "the window's own setting";
}

TEST(Themes, TheThemeKeysRecolourTheSceneAndAreRemembered) {
    auto w = make_window();
    show_active(*w);
    const QColor light = w->colours().background;
    QTest::keyClick(&w->view(), Qt::Key_2, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(w->presenter().theme(), Theme::Dark);
    EXPECT_LT(w->colours().background.lightness(), 60);
    const QImage dark = w->view().grab().toImage();
    EXPECT_LT(QColor(dark.pixel(dark.width() / 2, 3)).lightness(), 60) << "the scene is not dark";
    EXPECT_EQ(w->saved_session().theme, "dark");
    QTest::keyClick(&w->view(), Qt::Key_1, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(w->colours().background, light);
}

TEST(PresenterActions, EachHasAKeyAndATooltipAndNoKeyOfTheWindowDoesTwoThings) {
    auto w = make_window();
    for (const auto& [id, spec] : presenter_actions()) {
        EXPECT_FALSE(spec.keys.isEmpty()) << id.toStdString();
        EXPECT_FALSE(spec.tooltip.isEmpty()) << id.toStdString();
        EXPECT_FALSE(spec.help.isEmpty()) << id.toStdString();
        auto* a = w->findChild<QAction*>(id);
        ASSERT_NE(a, nullptr) << id.toStdString();
        EXPECT_EQ(a->shortcuts(), shortcuts(spec));
        EXPECT_TRUE(a->toolTip().contains(spec.keys.front())) << a->toolTip().toStdString();
    }
    std::map<QString, QString> owner;
    QSet<QAction*> seen;
    for (QAction* a : w->findChildren<QAction*>()) {
        if (seen.contains(a))
            continue;
        seen.insert(a);
        // A disabled action's key does nothing (the tour's PgDown waits for a tour), so it
        // cannot make another action's key ambiguous.
        if (!a->isEnabled())
            continue;
        for (const QKeySequence& k : a->shortcuts()) {
            const QString key = k.toString(QKeySequence::PortableText);
            const auto [it, fresh] = owner.emplace(key, a->text());
            EXPECT_TRUE(fresh) << key.toStdString() << " is bound to " << it->second.toStdString()
                               << " and " << a->text().toStdString();
        }
    }
}

} // namespace
} // namespace wn::ui

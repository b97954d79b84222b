// The application around the scene: menus, toolbars, dock titles, the status bar and the
// docks take the theme, and in presenter mode their text grows with the text size; the
// timeline and the docks' text are not under 20 px on a 720-line projector at 1.5.

#include "paint_recorder.h"
#include "ui/app_chrome.h"
#include "ui/presenter.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QDockWidget>
#include <QFontInfo>
#include <QMenuBar>
#include <QPainter>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <gtest/gtest.h>

#include <limits>

namespace wn::ui {
namespace {

using testing::make_window;
using testing::PaintRecorder;
using testing::show_active;

int window_lightness(const QWidget& widget) {
    return widget.palette().color(QPalette::Window).lightness();
}

int text_px(const QWidget& widget) {
    return QFontInfo(widget.font()).pixelSize();
}

TEST(Chrome, TheDarkThemeDarkensTheMenuBarToolbarsAndDockTitlesAndLightPutsThemBack) {
    auto w = make_window();
    show_active(*w);
    QToolBar* bar = w->findChild<QToolBar*>("controls");
    QDockWidget* dock = w->findChild<QDockWidget*>("inspector");
    ASSERT_NE(bar, nullptr);
    ASSERT_NE(dock, nullptr);
    const int light = window_lightness(*w->menuBar());
    ASSERT_GT(light, 150) << "the desktop's palette is not light to begin with";
    QTest::keyClick(&w->view(), Qt::Key_2, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(w->presenter().theme(), Theme::Dark);
    for (const QWidget* widget :
         {static_cast<QWidget*>(w->menuBar()), static_cast<QWidget*>(bar),
          static_cast<QWidget*>(dock), static_cast<QWidget*>(w->statusBar())}) {
        EXPECT_LT(window_lightness(*widget), 80) << widget->metaObject()->className();
        EXPECT_GT(widget->palette().color(QPalette::WindowText).lightness(), 180)
            << widget->metaObject()->className() << ": dark text on the dark ground";
    }
    // What the menu bar looks like, not only what its palette says.
    const QImage menu = w->menuBar()->grab().toImage();
    EXPECT_LT(QColor(menu.pixel(menu.width() - 3, menu.height() / 2)).lightness(), 80);
    QTest::keyClick(&w->view(), Qt::Key_3, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(window_lightness(*bar), 0) << "high contrast is black";
    EXPECT_EQ(bar->palette().color(QPalette::WindowText), QColor(Qt::white));
    QTest::keyClick(&w->view(), Qt::Key_1, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(window_lightness(*w->menuBar()), light);
}

TEST(Chrome, InPresenterModeCtrlEqualsGrowsTheToolbarAndMenuTextAndLeavingPutsItBack) {
    auto w = make_window();
    show_active(*w);
    QToolBar* bar = w->findChild<QToolBar*>("controls");
    ASSERT_NE(bar, nullptr);
    const int window_px = text_px(*bar);
    QTest::keyClick(&w->view(), Qt::Key_F5);
    ASSERT_TRUE(w->presenter().presenting());
    ASSERT_DOUBLE_EQ(w->presenter().font_scale(), 1.5);
    const int presenter_px = text_px(*bar);
    EXPECT_GE(presenter_px, 20) << "a dock title or a menu read from the back of the room";
    QTest::keyClick(&w->view(), Qt::Key_Equal, Qt::ControlModifier);
    ASSERT_DOUBLE_EQ(w->presenter().font_scale(), 1.75);
    EXPECT_GT(text_px(*bar), presenter_px);
    EXPECT_GT(text_px(*w->menuBar()), presenter_px);
    QTest::keyClick(&w->view(), Qt::Key_Escape);
    ASSERT_FALSE(w->presenter().presenting());
    EXPECT_EQ(text_px(*bar), window_px) << "the window's toolbar keeps the desktop's size";
}

TEST(Chrome, ChromeTextIsTheDesktopsTimesTheScaleAndNotUnder20PxFromOneAndAHalf) {
    EXPECT_EQ(chrome_text_px(12, 1.0), 12);
    EXPECT_EQ(chrome_text_px(12, 1.5), 20);
    EXPECT_EQ(chrome_text_px(12, 2.0), 24);
    EXPECT_EQ(chrome_text_px(16, 1.5), 24);
}

/// The smallest text `widget` paints, and which.
std::pair<double, QString> smallest_text(QWidget& widget) {
    PaintRecorder drawn(widget.size());
    {
        QPainter painter(&drawn);
        widget.render(&painter);
    }
    std::pair<double, QString> smallest{std::numeric_limits<double>::max(), ""};
    for (const auto& t : drawn.texts)
        if (t.pixel_size < smallest.first)
            smallest = {t.pixel_size, t.text};
    return smallest;
}

TEST(PresenterText, TheTimelineAndTheDocksAreNotUnder20PxOnA720LineProjector) {
    for (const double scale : {1.5, 2.0}) {
        auto w = make_window();
        w->resize(1280, 720);
        show_active(*w);
        w->presenter().set_font_scale(scale);
        QCoreApplication::processEvents();
        ASSERT_EQ(w->timeline().height(), timeline_height(720, scale));
        const auto [px, text] = smallest_text(w->timeline());
        EXPECT_GE(px, 20) << "at " << scale << ": \"" << text.toStdString() << "\"";
        EXPECT_LT(px, 1000) << "the timeline drew no text";
        for (const char* name : {"inspector", "log", "code"})
            EXPECT_GE(text_px(*w->findChild<QDockWidget*>(name)->widget()), 20) << name;
    }
}

} // namespace
} // namespace wn::ui

// Large text around the scene: in presenter mode at text sizes 1.5 and 2 on 1280x720 and
// 1920x1080, every text of the charts (titles, axes, legend) is at least 20 px, the charts
// neither overlap nor are cut by the panel's edge (those that do not fit scroll, whole), and
// the scene keeps its room; at 1024x768 with every dock open the docks give way to it.

#include "chart_texts.h"
#include "paint_recorder.h"
#include "ui/charts_panel.h"
#include "ui/presenter.h"
#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QFontInfo>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <gtest/gtest.h>

#include <string>

namespace wn::ui {
namespace {

using testing::chart_texts;
using testing::PaintRecorder;

std::string where(QSize screen, double scale) {
    return std::to_string(screen.width()) + "x" + std::to_string(screen.height()) + " at " +
           std::to_string(scale).substr(0, 3);
}

/// A comparison (which opens with its charts) in presenter mode on a `screen`, as
/// `waspsnest --presenter --size` shows it.
std::unique_ptr<MainWindow> presenting(QSize screen, double scale) {
    auto w = std::make_unique<MainWindow>(load_scenario("primary-fails"),
                                          std::vector{StrategyKind::Naive, StrategyKind::Wasp});
    w->presenter().set_presenting(true);
    w->setWindowState(Qt::WindowNoState);
    w->presenter().set_font_scale(scale);
    w->resize(screen);
    w->controller().seek_and_wait(12);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    QApplication::processEvents();
    w->charts().refresh();
    QApplication::processEvents();
    return w;
}

/// A comparison at its normal text size in a window of `size`, shown.
std::unique_ptr<MainWindow> comparison(QSize size) {
    auto w = std::make_unique<MainWindow>(load_scenario("primary-fails"),
                                          std::vector{StrategyKind::Naive, StrategyKind::Wasp});
    w->resize(size);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    return w;
}

TEST(LargeText, TheChartsTextIsReadableAndNoChartOverlapsAnotherOrIsCut) {
    for (const QSize screen : {QSize(1280, 720), QSize(1920, 1080)})
        for (const double scale : {1.5, 2.0}) {
            auto w = presenting(screen, scale);
            ASSERT_NE(w, nullptr);
            const std::string at = where(screen, scale);
            ChartsPanel& charts = w->charts();
            ASSERT_TRUE(charts.isVisible()) << at;
            EXPECT_GE(QFontInfo(charts.legend().font()).pixelSize(), 20) << at << ": legend";
            const QRect shown = charts.visible_sheet();
            int whole = 0;
            for (int i = 0; i < charts.chart_count(); ++i) {
                QChart* chart = charts.chart_view(i)->chart();
                const std::string name = at + ", " + charts.chart_title(i).toStdString();
                EXPECT_GE(QFontInfo(chart->titleFont()).pixelSize(), 20) << name << ": title";
                for (QAbstractAxis* axis : chart->axes())
                    EXPECT_GE(QFontInfo(axis->labelsFont()).pixelSize(), 20) << name << ": axis";
                for (const QString& text : chart_texts(chart))
                    EXPECT_FALSE(text.contains("...") || text.contains(QChar(0x2026)))
                        << name << " shows \"" << text.toStdString() << "\"";
                const QRect r = charts.chart_geometry(i);
                for (int j = i + 1; j < charts.chart_count(); ++j)
                    EXPECT_FALSE(r.intersects(charts.chart_geometry(j))) << name << " and " << j;
                // In view whole, or out of it until scrolled to: never cut by the edge.
                if (r.intersects(shown)) {
                    EXPECT_TRUE(shown.contains(r)) << name << " is cut by the panel's edge";
                    ++whole;
                }
            }
            EXPECT_GE(whole, 3) << at;
            // The ones out of view can be scrolled to.
            const QScrollBar* bar = charts.scroll_area().horizontalScrollBar();
            const QRect last = charts.chart_geometry(charts.chart_count() - 1);
            EXPECT_GE(bar->maximum() + shown.width(), last.right()) << at;
            // What the panel paints: no text under 20 px.
            PaintRecorder drawn(charts.size());
            {
                QPainter painter(&drawn);
                charts.render(&painter);
            }
            ASSERT_FALSE(drawn.texts.empty()) << at;
            for (const auto& t : drawn.texts)
                EXPECT_GE(t.pixel_size, 20) << at << ": \"" << t.text.toStdString() << "\"";
            // The scene comes first: the docked charts leave the panes most of the height
            // above the timeline (they had about 250 px of 720 at 2).
            for (SimView* v : w->views())
                EXPECT_GE(v->height(), screen.height() * 0.45) << at;
        }
}

TEST(LargeText, TheChartsKeepSevenInARowAtTheNormalSizeOn1280) {
    auto w = comparison(QSize(1280, 720));
    ASSERT_NE(w, nullptr);
    QApplication::processEvents();
    ChartsPanel& charts = w->charts();
    const QRect shown = charts.visible_sheet();
    for (int i = 0; i < charts.chart_count(); ++i)
        EXPECT_TRUE(shown.contains(charts.chart_geometry(i))) << i << ": no scrolling needed";
    EXPECT_FALSE(charts.scroll_area().horizontalScrollBar()->isVisible());
}

TEST(SceneRoom, OnAProjectorTheCodePanelBecomesATabOfTheChartsRatherThanSqueezeTheComparison) {
    auto w = presenting(QSize(1280, 720), 1.5);
    ASSERT_NE(w, nullptr);
    auto* code = w->findChild<QDockWidget*>("code");
    auto* charts = w->findChild<QDockWidget*>("charts");
    code->show();
    QApplication::processEvents();
    QApplication::processEvents();
    // Beside the panes the code panel left each about 510 px, where 1.5x text needs 570:
    // every member label, heading and badge was cut short.
    EXPECT_TRUE(w->tabifiedDockWidgets(charts).contains(code));
    for (SimView* v : w->views())
        EXPECT_GE(v->width(), 570);
    // The panel opened is the one in front, and it is as wide as the window.
    EXPECT_FALSE(code->visibleRegion().isEmpty());
    EXPECT_GE(code->width(), 1000);
}

TEST(SceneRoom, At1024x768WithEveryDockOpenTheDocksGiveWayToTheComparison) {
    auto w = comparison(QSize(1024, 768));
    ASSERT_NE(w, nullptr);
    for (const char* name : {"inspector", "log", "charts", "code"})
        w->findChild<QDockWidget*>(name)->show();
    QApplication::processEvents();
    QApplication::processEvents();
    EXPECT_EQ(w->size(), QSize(1024, 768));
    for (SimView* v : w->views()) {
        v->repaint();
        PaintRecorder drawn(v->size());
        {
            QPainter painter(&drawn);
            v->render(&painter);
        }
        double smallest = 1e9;
        for (const auto& t : drawn.texts)
            smallest = std::min(smallest, t.pixel_size);
        // With the code panel beside the panes and the inspector and log on the other side,
        // each pane was 320 px wide, its smallest text 5 px.
        EXPECT_GE(v->width(), 370);
        EXPECT_GT(v->last_layout().font_px, 10) << "the layout's 10 px floor";
        EXPECT_GE(smallest, 7);
    }
    // The panels stay wide enough to use: the code panel went from beside the panes to a
    // tab beside the inspector.
    for (const char* name : {"inspector", "code"})
        EXPECT_GE(w->findChild<QDockWidget*>(name)->width(), 200) << name << " still usable";
    EXPECT_EQ(w->dockWidgetArea(w->findChild<QDockWidget*>("code")), Qt::RightDockWidgetArea);
}

} // namespace
} // namespace wn::ui

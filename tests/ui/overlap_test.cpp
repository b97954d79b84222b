// Nothing the scene, the timeline or the charts draw covers or cuts another thing: the
// crown and the members' heading, the members' labels, the timeline's last label, the
// charts' titles and ticks. Geometry from ui/layout.h where it lives there, and what was
// drawn (tests/ui/paint_recorder.h) where it does not.

#include "chart_texts.h"
#include "paint_recorder.h"
#include "rect_text.h"
#include "ui/charts_panel.h"
#include "ui/inspector.h"
#include "ui/layout.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QGraphicsTextItem>
#include <QScrollBar>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <gtest/gtest.h>

#include <iostream>
#include <set>
#include <string>

namespace wn::ui {
namespace {

using testing::describe;

using testing::chart_texts;
using testing::make_window;
using testing::PaintRecorder;

bool overlap(const QRectF& a, const QRectF& b) {
    const QRectF i = a.intersected(b);
    return i.width() > 1e-6 && i.height() > 1e-6;
}

// Whole windows at projector sizes, and the panes of a comparison at 1024x768 with and
// without its charts.
const QSizeF kCanvases[] = {{1280, 720}, {1024, 768}, {1920, 1080}, {505, 560},
                            {505, 330},  {630, 400},  {800, 600}};

TEST(Overlap, TheCrownStaysUnderTheMembersHeading) {
    for (const QSizeF size : kCanvases)
        for (int members = 1; members <= 7; ++members) {
            const SceneLayout l = compute_layout(size, 8, members, 3);
            const QRectF heading = l.heading_above(l.members_area);
            for (std::size_t i = 0; i < l.member_centers.size(); ++i) {
                const QRectF crown = l.crown_rect(i, false);
                EXPECT_FALSE(overlap(crown, heading))
                    << members << " members at " << size.width() << "x" << size.height() << ": db"
                    << i + 1 << "'s crown " << describe(crown) << " covers " << describe(heading);
                EXPECT_GE(crown.top(), l.members_area.top() - 1e-6);
            }
        }
}

// The version heap's boxes stop above the footer line ("1 live version · 20 reclaimed"),
// however many versions there are and however small a comparison's pane is.
TEST(Overlap, VersionBoxesStayAboveTheHeapFooter) {
    for (const QSizeF size : kCanvases)
        for (int members = 1; members <= 7; members += 3)
            for (int versions = 1; versions <= 8; ++versions) {
                const SceneLayout l = compute_layout(size, 8, members, versions);
                ASSERT_FALSE(l.version_boxes.empty());
                for (std::size_t i = 0; i < l.version_boxes.size(); ++i)
                    EXPECT_FALSE(overlap(l.version_boxes[i], l.heap_footer()))
                        << versions << " versions at " << size.width() << "x" << size.height()
                        << ": box " << i << " " << describe(l.version_boxes[i]) << " covers "
                        << describe(l.heap_footer());
            }
}

TEST(Overlap, MembersLabelsKeepApartAndInsideTheirArea) {
    for (const QSizeF size : kCanvases)
        for (int members = 1; members <= 7; ++members) {
            const SceneLayout l = compute_layout(size, 8, members, 3);
            const std::string where = std::to_string(members) + " members at " +
                                      std::to_string(static_cast<int>(size.width())) + "x" +
                                      std::to_string(static_cast<int>(size.height()));
            for (std::size_t i = 0; i < l.member_centers.size(); ++i) {
                for (int row = 0; row < 3; ++row) {
                    const QRectF r = l.member_label_row(i, false, row);
                    EXPECT_GE(r.top(), l.members_area.top() - 1e-6) << where << " db" << i + 1;
                    EXPECT_LE(r.bottom(), l.members_area.bottom() + 1e-6)
                        << where << " db" << i + 1 << " row " << row << " " << describe(r)
                        << " below " << describe(l.members_area);
                    EXPECT_FALSE(overlap(r, l.badges)) << where;
                }
                if (i + 1 < l.member_centers.size()) {
                    const QRectF last = l.member_label_row(i, false, 2);
                    const QRectF next = l.member_label_row(i + 1, false, 0);
                    // A visible gap: touching lines read as one label.
                    EXPECT_GE(next.top() - last.bottom(), last.height() * 0.1)
                        << where << ": db" << i + 1 << " and db" << i + 2 << " touch";
                }
            }
        }
}

TEST(Overlap, AxisTickLabelsAreDistinct) {
    const std::pair<double, double> ranges[] = {{0, 1},    {0, 0.001}, {0, 20}, {0, 60},
                                                {40, 100}, {0, 0.3},   {3, 4},  {0, 7.5}};
    for (const auto& [t0, t1] : ranges)
        for (int max_ticks : {2, 5, 6, 11}) {
            const AxisTicks ticks = axis_ticks(t0, t1, max_ticks);
            ASSERT_GE(ticks.values.size(), 1u);
            EXPECT_LE(static_cast<int>(ticks.values.size()), max_ticks)
                << t0 << ".." << t1 << " max " << max_ticks;
            std::set<std::string> labels;
            for (double v : ticks.values) {
                EXPECT_GE(v, t0 - 1e-9);
                EXPECT_LE(v, t1 + 1e-9);
                EXPECT_TRUE(labels.insert(ticks.label(v)).second)
                    << "two ticks read " << ticks.label(v) << " on " << t0 << ".." << t1;
            }
        }
    EXPECT_EQ(axis_ticks(0, 1, 5).label(0.5), "0.5 s");
    EXPECT_EQ(axis_ticks(0, 60, 7).label(10), "10 s");
}

TEST(Overlap, TickLabelsArePushedInsideTheEdges) {
    EXPECT_EQ(tick_label_rect(500, 40, 0, 10, 0, 1000), QRectF(480, 0, 40, 10));
    EXPECT_EQ(tick_label_rect(995, 40, 0, 10, 0, 1000), QRectF(960, 0, 40, 10));
    EXPECT_EQ(tick_label_rect(2, 40, 0, 10, 0, 1000), QRectF(0, 0, 40, 10));
}

TEST(Overlap, TheTimelinesLabelsStayInsideIt) {
    for (const int width : {1024, 1280, 700}) {
        auto w = make_window();
        w->resize(width, 720);
        w->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
        Timeline& t = w->timeline();
        PaintRecorder drawn(t.size());
        t.render(&drawn);
        ASSERT_FALSE(drawn.texts.empty());
        std::set<QString> ticks;
        for (const auto& text : drawn.texts) {
            EXPECT_GE(text.rect.left(), -0.5) << text.text.toStdString();
            EXPECT_LE(text.rect.right(), t.width() + 0.5)
                << text.text.toStdString() << " ends at " << text.rect.right() << " in "
                << t.width() << " px";
            if (text.text.endsWith(" s")) {
                EXPECT_TRUE(ticks.insert(text.text).second) << "twice: " << text.text.toStdString();
            }
        }
        EXPECT_GE(ticks.size(), 3u);
    }
}

/// The charts' titles fit their charts, and their x axes read distinct ticks, none elided,
/// in each docking at projector sizes.
void expect_charts_readable(MainWindow& w, const std::string& where) {
    ChartsPanel& charts = w.charts();
    for (int i = 0; i < charts.chart_count(); ++i) {
        QChartView* view = charts.chart_view(i);
        const QString title = view->chart()->title();
        const QStringList drawn = chart_texts(view->chart());
        EXPECT_TRUE(drawn.contains(title))
            << where << ": \"" << title.toStdString() << "\" is drawn as \""
            << drawn.join("\" \"").toStdString() << "\" in a " << view->width() << " px chart";
        for (const QString& text : drawn)
            EXPECT_FALSE(text.contains("...") || text.contains(QChar(0x2026)))
                << where << ": \"" << title.toStdString() << "\" shows \"" << text.toStdString()
                << "\"";
        const QStringList labels = charts.x_tick_labels(i);
        EXPECT_GE(labels.size(), 2) << where;
        EXPECT_EQ(QSet<QString>(labels.begin(), labels.end()).size(), labels.size())
            << where << ": " << labels.join(" ").toStdString();
    }
}

TEST(Overlap, ChartTitlesFitAndTheirTicksAreDistinctWithTheLogDocked) {
    for (const QSize size : {QSize(1024, 768), QSize(1280, 720)})
        for (const bool compare : {false, true}) {
            auto w = make_window();
            w->resize(size);
            w->show();
            ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
            if (compare)
                w->set_compare(true);
            w->findChild<QDockWidget*>("charts")->show();
            w->findChild<QDockWidget*>("log")->show();
            QApplication::processEvents();
            w->charts().refresh();
            QApplication::processEvents();
            const std::string where = std::to_string(size.width()) + "x" +
                                      std::to_string(size.height()) + (compare ? " compare" : "") +
                                      " at t=0";
            expect_charts_readable(*w, where);
            w->controller().seek(7.3);
            w->charts().refresh();
            QApplication::processEvents();
            expect_charts_readable(*w, where + " then t=7.3");
        }
}

TEST(Overlap, TheInspectorWrapsItsJsonInsteadOfCuttingIt) {
    // Seven members: the ismaster reply's "hosts" list is one long line.
    auto w = make_window("primary-fails", [](Scenario& s) {
        for (int i = 4; i <= 7; ++i)
            s.members.push_back(MemberSpec{"db" + std::to_string(i) + ":27017"});
    });
    w->resize(1024, 768);
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    auto* dock = w->findChild<QDockWidget*>("inspector");
    dock->show();
    // A narrow inspector (the user's choice, or a small screen): the reply's longest
    // lines are wider than it.
    w->resizeDocks({dock}, {170}, Qt::Horizontal);
    auto* inspector = dock->findChild<QTextBrowser*>();
    ASSERT_NE(inspector, nullptr);
    w->controller().seek(3.0);
    inspector->setHtml(describe_member(w->controller().sim(), 0));
    QApplication::processEvents();
    ASSERT_TRUE(inspector->toPlainText().contains("ismaster"));
    // Without wrapping, a line of JSON runs past the right edge, cut, with no scroll bar.
    EXPECT_LE(inspector->document()->idealWidth(), inspector->viewport()->width())
        << "the inspector's text needs " << inspector->document()->idealWidth() << " px of "
        << inspector->viewport()->width();
    EXPECT_EQ(inspector->horizontalScrollBar()->maximum(), 0);
}

} // namespace
} // namespace wn::ui

// Every window fits a projector: the main window with any docks, with and without the
// comparison, and the Real threads lab, at 1024x768 and 1280x720, without Qt forcing the
// window larger, every toolbar control visible, and the lab's table headers whole.

#include "ui/lab/lab_window.h"
#include "ui/layout.h"
#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QFontMetrics>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <gtest/gtest.h>

#include <string>

namespace wn::ui {
namespace {

using testing::make_window;

const QSize kProjectors[] = {{1024, 768}, {1280, 720}};
const char* const kDocks[] = {"inspector", "log", "charts"};

std::string name(QSize size) {
    return std::to_string(size.width()) + "x" + std::to_string(size.height());
}

/// The window at `size` with the docks in `mask` (bit i: kDocks[i]) shown.
std::unique_ptr<MainWindow> window_with(QSize size, int mask, bool compare) {
    auto w = make_window();
    w->resize(size);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    if (compare)
        w->set_compare(true);
    for (int i = 0; i < 3; ++i)
        w->findChild<QDockWidget*>(kDocks[i])->setVisible(mask & (1 << i));
    w->resize(size);
    QApplication::processEvents();
    return w;
}

std::string docks_of(int mask, bool compare) {
    std::string s = compare ? "compare" : "single";
    for (int i = 0; i < 3; ++i)
        if (mask & (1 << i))
            s += std::string(" + ") + kDocks[i];
    return s;
}

TEST(Fit, EveryDockCombinationFitsProjectorsWithoutGrowingTheWindow) {
    for (const QSize size : kProjectors)
        for (const bool compare : {false, true})
            for (int mask = 0; mask < 8; ++mask) {
                auto w = window_with(size, mask, compare);
                ASSERT_NE(w, nullptr);
                const std::string where = docks_of(mask, compare) + " at " + name(size);
                const QSize min = w->minimumSizeHint().expandedTo(w->minimumSize());
                EXPECT_LE(min.width(), size.width()) << where;
                EXPECT_LE(min.height(), size.height()) << where;
                EXPECT_EQ(w->size(), size) << where << ": the window became " << name(w->size());
            }
}

TEST(Fit, EveryToolbarControlShowsAt1024) {
    auto w = window_with({1024, 768}, 0, false);
    ASSERT_NE(w, nullptr);
    const auto bars = w->findChildren<QToolBar*>();
    ASSERT_FALSE(bars.isEmpty());
    int controls = 0;
    for (QToolBar* bar : bars) {
        for (QAction* a : bar->actions()) {
            if (a->isSeparator())
                continue;
            QWidget* widget = bar->widgetForAction(a);
            ASSERT_NE(widget, nullptr);
            const QString what =
                a->text().isEmpty() ? widget->metaObject()->className() : a->text();
            EXPECT_TRUE(widget->isVisible()) << what.toStdString() << " hides in the overflow";
            EXPECT_LE(widget->geometry().right(), bar->width()) << what.toStdString();
            ++controls;
        }
        for (QToolButton* b : bar->findChildren<QToolButton*>("qt_toolbar_ext_button"))
            EXPECT_FALSE(b->isVisible()) << "the toolbar's \u00bb overflow shows";
    }
    for (const char* needed : {"Add member", "Wake monitor"}) {
        bool found = false;
        for (QToolBar* bar : bars)
            for (QAction* a : bar->actions())
                found = found || (a->text() == needed && bar->widgetForAction(a)->isVisible());
        EXPECT_TRUE(found) << needed;
    }
    EXPECT_GE(controls, 10);
}

TEST(Fit, TheLabFitsProjectorsWithoutGrowing) {
    for (const QSize size : kProjectors) {
        LabWindow lab;
        const QSize min = lab.minimumSizeHint().expandedTo(lab.minimumSize());
        EXPECT_LE(min.width(), size.width()) << name(size);
        EXPECT_LE(min.height(), size.height()) << name(size);
        lab.resize(size);
        lab.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&lab));
        QApplication::processEvents();
        EXPECT_EQ(lab.size(), size) << "the lab became " << name(lab.size());
    }
}

TEST(Fit, TheLabsChartsAreNotElided) {
    for (const QSize size : kProjectors) {
        LabWindow lab;
        lab.resize(size);
        lab.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&lab));
        QApplication::processEvents();
        const auto views = lab.findChildren<QChartView*>();
        ASSERT_EQ(views.size(), 4);
        for (QChartView* view : views) {
            const QList<QGraphicsItem*> children = view->chart()->childItems();
            std::vector<QGraphicsItem*> todo(children.begin(), children.end());
            while (!todo.empty()) {
                QGraphicsItem* item = todo.back();
                todo.pop_back();
                if (auto* text = dynamic_cast<QGraphicsTextItem*>(item);
                    text && text->isVisible()) {
                    EXPECT_FALSE(text->toPlainText().contains("..."))
                        << "\"" << view->chart()->title().toStdString() << "\" shows \""
                        << text->toPlainText().toStdString() << "\" at " << name(size);
                }
                for (QGraphicsItem* child : item->childItems())
                    todo.push_back(child);
            }
        }
    }
}

TEST(Fit, TheLabOpensNoLargerThanItsScreen) {
    LabWindow lab;
    const QSize screen = lab.screen()->availableSize();
    EXPECT_LE(lab.width(), screen.width());
    EXPECT_LE(lab.height(), screen.height());
}

TEST(Fit, TheLabsTableHeadersAreWhole) {
    for (const QSize size : kProjectors) {
        LabWindow lab;
        lab.resize(size);
        lab.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&lab));
        QApplication::processEvents();
        auto* table = lab.findChild<QTableWidget*>();
        ASSERT_NE(table, nullptr);
        QHeaderView* header = table->horizontalHeader();
        const QFontMetrics fm(header->font());
        for (int c = 0; c < table->columnCount(); ++c) {
            const QString text = table->horizontalHeaderItem(c)->text();
            int widest = 0;
            for (const QString& line : text.split('\n'))
                widest = std::max(widest, fm.horizontalAdvance(line));
            EXPECT_GE(header->sectionSize(c), widest + 4)
                << "\"" << text.toStdString() << "\" is cut at " << name(size);
            EXPECT_GE(header->height(), fm.height() * static_cast<int>(text.count('\n') + 1))
                << text.toStdString();
        }
        EXPECT_LE(header->length(), table->viewport()->width() + 1) << name(size);
    }
}

TEST(Fit, CompareUsesItsPanesAt1024x768) {
    for (const bool charts : {true, false}) {
        auto w = window_with({1024, 768}, charts ? 4 : 0, true);
        ASSERT_NE(w, nullptr);
        ASSERT_EQ(w->views().size(), 2u);
        for (SimView* v : w->views()) {
            v->repaint();
            const SceneLayout& l = v->last_layout();
            const std::string where = std::string(charts ? "with" : "without") + " charts, " +
                                      std::to_string(v->width()) + "x" +
                                      std::to_string(v->height()) + " pane";
            // 13 px text has a cap height of about 9 px, readable from the back of a room;
            // under the charts the panes are a third shorter.
            EXPECT_GE(l.font_px, charts ? 12 : 13) << where;
            // The drawing fills the pane: the threads, the heap and the members reach
            // across most of its width and height.
            QRectF used = l.threads_area;
            for (const QRectF& b : l.version_boxes)
                used |= b;
            for (std::size_t i = 0; i < l.member_centers.size(); ++i)
                used |= l.member_label_row(i, false, 2);
            if (!l.thread_cells.empty())
                used |= l.thread_cells.back();
            EXPECT_GE(used.width(), v->width() * 0.8) << where;
            EXPECT_GE(used.height(), v->height() * 0.6) << where;
        }
    }
}

} // namespace
} // namespace wn::ui

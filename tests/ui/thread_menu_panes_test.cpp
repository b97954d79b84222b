// The thread menu with real clicks: on the monitor (its own menu: pause, step, wake), under
// sdam (why its monitor cannot pause), and in the two-pane comparison, where the menu shows
// and acts on the pane that was clicked.

#include "../core/hand_race.h"
#include "ui/code_panel.h"
#include "ui/layout.h"
#include "ui/main_window.h"
#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QMenu>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <memory>

namespace wn::ui {
namespace {

struct SeenItem {
    QString text;
    bool enabled = false;
    QString tooltip;
};

struct SeenMenu {
    bool shown = false;
    QString title; // the section naming the thread
    std::vector<SeenItem> items;
    bool clicked = false;

    const SeenItem* item(const QString& start) const {
        for (const SeenItem& i : items)
            if (i.text.startsWith(start))
                return &i;
        return nullptr;
    }
};

/// Clicks `point` on `view`; inside the popup's event loop records its items and clicks the
/// enabled one whose text starts with `click` (none: "").
SeenMenu click_and_read_menu(SimView& view, QPoint point, const QString& click) {
    auto seen = std::make_shared<SeenMenu>();
    QTimer::singleShot(0, [seen, click] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        seen->shown = true;
        QAction* target = nullptr;
        for (QAction* a : menu->actions()) {
            if (a->isSeparator()) {
                if (seen->title.isEmpty())
                    seen->title = a->text();
                continue;
            }
            seen->items.push_back({a->text(), a->isEnabled(), a->toolTip()});
            if (!click.isEmpty() && !target && a->isEnabled() && a->text().startsWith(click))
                target = a;
        }
        if (target) {
            QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(target).center());
            seen->clicked = true;
        }
        if (menu->isVisible())
            menu->close();
    });
    QTest::mouseClick(&view, Qt::LeftButton, {}, point);
    QCoreApplication::processEvents();
    return *seen;
}

QPoint monitor_point(SimView& view) {
    view.repaint();
    return view.last_layout().monitor_cell.center().toPoint();
}

QPoint t1_point(SimView& view) {
    view.repaint();
    return view.last_layout().thread_cells.at(0).center().toPoint();
}

const ThreadState& actor(MainWindow& w, int pane, ActorId id) {
    return w.controller().sim(pane).client().threads()[static_cast<std::size_t>(id)];
}

TEST(MonitorMenu, AClickOnTheMonitorPausesItAndTheCodePanelMarksItsLine) {
    MainWindow w(test::hand_race_scenario(StrategyKind::Naive));
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    w.controller().seek(1.0);
    SimView& view = w.view();
    ASSERT_EQ(hit_test(view.last_layout(), monitor_point(view)).kind, Hit::Kind::Monitor);

    const SeenMenu menu = click_and_read_menu(view, monitor_point(view), "Pause");
    ASSERT_TRUE(menu.shown) << "a click on the monitor opens its menu";
    EXPECT_TRUE(menu.title.startsWith("monitor")) << menu.title.toStdString();
    ASSERT_NE(menu.item("Step this thread"), nullptr);
    ASSERT_NE(menu.item("Wake monitor"), nullptr);
    EXPECT_TRUE(menu.item("Wake monitor")->enabled);
    EXPECT_TRUE(menu.clicked);
    const ThreadState& monitor = actor(w, 0, kActorMonitor);
    EXPECT_TRUE(monitor.paused);
    ASSERT_FALSE(w.controller().sim().user_actions().empty());
    EXPECT_EQ(w.controller().sim().user_actions().back().thread, 0);

    // Its menu's Wake monitor starts a refresh; it stops at the refresh's first line.
    EXPECT_TRUE(click_and_read_menu(view, monitor_point(view), "Wake monitor").clicked);
    for (int i = 0; i < 5000 && !monitor.parked; ++i)
        w.controller().step();
    ASSERT_TRUE(monitor.parked);
    EXPECT_EQ(monitor.point, CodePoint::NaiveRefreshBegin);
    const auto* code = w.findChild<CodePanel*>();
    ASSERT_TRUE(code && code->isVisible()) << "the first pause shows the code";
    ASSERT_EQ(code->marks().size(), 1u);
    EXPECT_EQ(code->marks().front().label, "monitor \u25B6");

    // The menu now offers Resume and an enabled Step; Step runs one line.
    const std::size_t before = w.controller().sim().user_actions().size();
    const SeenMenu paused = click_and_read_menu(view, monitor_point(view), "Step this thread");
    ASSERT_NE(paused.item("Resume"), nullptr);
    EXPECT_TRUE(paused.clicked);
    ASSERT_EQ(w.controller().sim().user_actions().size(), before + 1);
    EXPECT_EQ(w.controller().sim().user_actions().back().kind, UserAction::Kind::StepThread);
    EXPECT_FALSE(monitor.parked) << "stepped: it runs its line";
    EXPECT_TRUE(monitor.paused);
}

TEST(MonitorMenu, UnderSdamItsItemsAreDisabledAndSayWhy) {
    MainWindow w(test::hand_race_scenario(StrategyKind::Sdam));
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    w.controller().seek(1.0);
    const SeenMenu menu = click_and_read_menu(w.view(), monitor_point(w.view()), "Pause");
    ASSERT_TRUE(menu.shown);
    const SeenItem* pause = menu.item("Pause");
    ASSERT_NE(pause, nullptr);
    EXPECT_FALSE(pause->enabled);
    EXPECT_TRUE(pause->tooltip.startsWith("Not available: sdam's monitors"))
        << pause->tooltip.toStdString();
    EXPECT_FALSE(menu.item("Step this thread")->enabled);
    EXPECT_FALSE(menu.clicked);
    EXPECT_TRUE(w.controller().sim().user_actions().empty());
    // P on the selected monitor is refused the same way, with the reason in the status bar.
    QTest::keyClick(&w, Qt::Key_P);
    EXPECT_FALSE(actor(w, 0, kActorMonitor).paused);
    EXPECT_TRUE(w.controller().sim().user_actions().empty());
}

TEST(ThreadMenuPanes, TheMenuShowsAndActsOnThePaneClicked) {
    MainWindow w(test::hand_race_scenario(StrategyKind::Naive),
                 {StrategyKind::Naive, StrategyKind::Wasp});
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    ASSERT_EQ(w.views().size(), 2u);
    w.controller().seek(1.0);
    // T1 paused in both panes; it reaches its next line in each at a different moment.
    // Run to a moment where it stands at a line in the wasp pane only.
    ASSERT_EQ(w.thread_action(1, UserAction::Kind::PauseThread, 0), "");
    for (int i = 0; i < 20000 && !(actor(w, 1, 1).parked && !actor(w, 0, 1).parked); ++i) {
        if (actor(w, 0, 1).parked) {
            // Steps go to both panes: step T1 on until the panes part.
            ASSERT_EQ(w.thread_action(1, UserAction::Kind::StepThread, 0), "");
        }
        w.controller().step();
    }
    ASSERT_TRUE(actor(w, 1, 1).parked && !actor(w, 0, 1).parked);

    SimView& wasp_view = *w.views()[1];
    const std::size_t before = w.controller().sim(1).user_actions().size();
    const SeenMenu menu = click_and_read_menu(wasp_view, t1_point(wasp_view), "Step this thread");
    ASSERT_TRUE(menu.shown);
    EXPECT_TRUE(menu.title.contains("(wasp)")) << menu.title.toStdString();
    const SeenItem* step = menu.item("Step this thread");
    ASSERT_NE(step, nullptr);
    EXPECT_TRUE(step->enabled) << "T1 stands at a line in the pane clicked";
    EXPECT_TRUE(menu.clicked);
    ASSERT_EQ(w.controller().sim(1).user_actions().size(), before + 1);
    EXPECT_EQ(w.controller().sim(1).user_actions().back().kind, UserAction::Kind::StepThread);
    EXPECT_FALSE(actor(w, 1, 1).parked) << "the wasp pane's T1 ran its line";

    // The naive pane's own menu, clicked now, shows its T1 on its way: Step disabled.
    SimView& naive_view = *w.views()[0];
    const SeenMenu naive = click_and_read_menu(naive_view, t1_point(naive_view), "");
    ASSERT_TRUE(naive.shown);
    EXPECT_TRUE(naive.title.contains("(naive)")) << naive.title.toStdString();
    EXPECT_FALSE(naive.item("Step this thread")->enabled);
}

} // namespace
} // namespace wn::ui

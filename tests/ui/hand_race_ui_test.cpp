// The blog's race played by hand in the window, with real clicks and keys: T1's menu, S to
// step it to the lookup, the primary's menu to kill it, T1's menu to resume it. Naive raises
// KeyError; wasp, under the same clicks, does not.

#include "../core/hand_race.h"
#include "ui/code_panel.h"
#include "ui/layout.h"
#include "ui/main_window.h"
#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <memory>

namespace wn::ui {
namespace {

constexpr ActorId kT1 = 1;

/// Clicks `point` on the view and, inside the menu's event loop, the item whose text starts
/// with `item`. Returns whether a popup showed and the item was clicked.
bool click_menu_item(SimView& view, QPoint point, const QString& item) {
    auto clicked = std::make_shared<bool>(false);
    QTimer::singleShot(0, [clicked, item] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction* a : menu->actions()) {
            if (a->isSeparator() || !a->text().startsWith(item) || !a->isEnabled())
                continue;
            QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(a).center());
            *clicked = true;
            break;
        }
        if (menu->isVisible())
            menu->close();
    });
    QTest::mouseClick(&view, Qt::LeftButton, {}, point);
    QCoreApplication::processEvents();
    return *clicked;
}

const ThreadState& t1(MainWindow& w) {
    return w.controller().sim().client().threads()[kT1];
}

/// Right (one more event) until T1 stands at a line.
bool step_until_parked(MainWindow& w) {
    QApplication::setActiveWindow(&w); // the keys go to the window, as after a click on it
    for (int i = 0; i < 20000 && !t1(w).parked; ++i)
        QTest::keyClick(&w, Qt::Key_Right);
    return t1(w).parked;
}

struct Outcome {
    std::int64_t key_errors = 0;
    ErrorKind t1_error = ErrorKind::None;
    bool version_kept = false; // wasp: T1's version alive and held by T1 while paused
    QString code_line;         // the code panel's line marked for T1 at the lookup
};

/// The presenter's clicks, identical for every strategy.
Outcome play_by_hand(StrategyKind strategy, CodePoint lookup) {
    Outcome out;
    MainWindow w(test::hand_race_scenario(strategy));
    w.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    w.controller().seek(1.0);
    SimView& view = w.view();
    view.repaint();
    const QPoint lane = view.last_layout().thread_cells.at(0).center().toPoint();
    EXPECT_EQ(hit_test(view.last_layout(), lane).kind, Hit::Kind::Thread);

    // T1 ▸ Pause, then S (the selected thread) until it stands at the lookup.
    EXPECT_TRUE(click_menu_item(view, lane, "Pause"));
    EXPECT_TRUE(t1(w).paused);
    EXPECT_TRUE(w.findChild<QDockWidget*>("code")->isVisible()) << "the first pause shows the code";
    EXPECT_TRUE(step_until_parked(w));
    for (int i = 0; i < 50 && t1(w).point != lookup; ++i) {
        QTest::keyClick(&w, Qt::Key_S);
        EXPECT_TRUE(step_until_parked(w));
    }
    EXPECT_EQ(t1(w).point, lookup);
    const CodePanel* code = w.findChild<CodePanel*>();
    if (code && !code->marks().empty())
        out.code_line = QString::fromStdString(
            code->listing().lines[static_cast<std::size_t>(code->marks().front().line)]);
    const int held = t1(w).held_version;

    // The primary ▸ Kill the process.
    const Simulation& sim = w.controller().sim();
    const int p = testing::primary_index(sim);
    EXPECT_GE(p, 0);
    view.repaint();
    EXPECT_TRUE(click_menu_item(
        view, view.last_layout().member_centers.at(static_cast<std::size_t>(p)).toPoint(), "Kill"));

    // Play on while T1 waits at its line: the others fail and refresh.
    w.controller().seek(w.controller().now() + 5);
    EXPECT_TRUE(t1(w).parked);
    if (const StateHeap* heap = sim.client().heap(); heap && held > 0) {
        const VersionRecord& r = heap->record(held);
        out.version_kept = heap->current_version() != held && r.live() &&
                           std::count(r.holders.begin(), r.holders.end(), kT1) == 1;
    }

    // T1 ▸ Resume (its lane laid out again: the docks opened meanwhile); it finishes.
    view.repaint();
    EXPECT_TRUE(
        click_menu_item(view, view.last_layout().thread_cells.at(0).center().toPoint(), "Resume"));
    EXPECT_FALSE(t1(w).paused);
    w.controller().seek(w.controller().now() + 3);
    out.key_errors = sim.metrics().errors[static_cast<std::size_t>(ErrorKind::KeyError)];
    out.t1_error = t1(w).last_error;
    EXPECT_EQ(sim.user_actions().front().kind, UserAction::Kind::PauseThread);
    return out;
}

TEST(HandRaceUi, NaiveByHandRaisesKeyError) {
    const Outcome o = play_by_hand(StrategyKind::Naive, CodePoint::NaiveLookup);
    EXPECT_EQ(o.t1_error, ErrorKind::KeyError);
    EXPECT_GE(o.key_errors, 1);
    EXPECT_TRUE(o.code_line.contains("primary = self.__members[self.__writer]"))
        << o.code_line.toStdString();
}

TEST(HandRaceUi, WaspSameClicksNoKeyErrorAndTheVersionStaysAlive) {
    const Outcome o = play_by_hand(StrategyKind::Wasp, CodePoint::WaspLookup);
    EXPECT_NE(o.t1_error, ErrorKind::KeyError);
    EXPECT_EQ(o.key_errors, 0);
    EXPECT_TRUE(o.version_kept) << "T1's RSState must stay alive, held by T1, while paused";
    EXPECT_TRUE(o.code_line.contains("if primary:")) << o.code_line.toStdString();
}

TEST(HandRaceUi, PAndSActOnTheSelectedThread) {
    MainWindow w(test::hand_race_scenario(StrategyKind::Naive));
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    w.controller().seek(1.0);
    QTest::keyClick(&w, Qt::Key_P);
    EXPECT_TRUE(w.controller().sim().user_actions().empty());
    EXPECT_TRUE(w.statusBar()->currentMessage().startsWith("Click a thread first"));

    // A click on T2's lane selects it (its menu closed unused); P pauses it, P resumes it.
    w.view().repaint();
    const QPoint lane = w.view().last_layout().thread_cells.at(1).center().toPoint();
    EXPECT_FALSE(click_menu_item(w.view(), lane, "no such item"));
    QApplication::setActiveWindow(&w);
    QTest::keyClick(&w, Qt::Key_P);
    const ThreadState& t2 = w.controller().sim().client().threads()[2];
    EXPECT_TRUE(t2.paused);
    QTest::keyClick(&w, Qt::Key_P);
    EXPECT_FALSE(t2.paused);
    ASSERT_EQ(w.controller().sim().user_actions().size(), 2u);
    EXPECT_EQ(w.controller().sim().user_actions()[1].kind, UserAction::Kind::ResumeThread);
    EXPECT_EQ(w.controller().sim().user_actions()[1].thread, 2);
}

} // namespace
} // namespace wn::ui

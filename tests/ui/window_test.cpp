// The window driven as a user drives it: member menus, stepping, bad clicks.

#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <memory>

namespace wn::ui {
namespace {

using testing::make_window;
using testing::primary_index;

// ---- 1. Kill on the primary's menu kills it in the simulation ----

TEST(MemberMenu, KillActionKillsThePrimary) {
    auto window = make_window();
    window->controller().seek(1.0);
    const Simulation& sim = window->controller().sim();
    const int p = primary_index(sim);
    ASSERT_GE(p, 0) << "no primary at t=1 s";
    const HostId host = sim.world().servers()[static_cast<std::size_t>(p)].host;

    EXPECT_EQ(window->member_action(p, FaultKind::Kill), QString());

    ASSERT_NE(sim.world().server(host), nullptr);
    EXPECT_FALSE(sim.world().server(host)->up);
    EXPECT_NE(sim.world().server(host)->role, ServerRole::Primary);
    EXPECT_FALSE(sim.world().primary().has_value()) << "the primary is still there";
    EXPECT_EQ(primary_index(sim), -1);
    // Recorded as a user action at the click's virtual time, so the run replays.
    ASSERT_EQ(sim.user_actions().size(), 1u);
    EXPECT_EQ(sim.user_actions()[0].fault.kind, FaultKind::Kill);
    EXPECT_EQ(sim.user_actions()[0].fault.host, sim.hosts().name(host));
    EXPECT_EQ(sim.user_actions()[0].at, from_seconds(1.0));
    // And the next frame shows it down.
    const Frame frame = window->controller().frame();
    EXPECT_FALSE(frame.members[static_cast<std::size_t>(p)].up);
}

/// Clicks `point` on the view and, from inside the menu's event loop, clicks the menu item
/// whose text starts with `item`. Returns what was seen of the popup.
struct MenuClick {
    bool popup_seen = false;
    bool item_found = false;
    bool item_enabled = false;
    QStringList items;
};

MenuClick click_menu_item(SimView& view, QPoint point, const QString& item) {
    auto result = std::make_shared<MenuClick>();
    QTimer::singleShot(0, [result, item] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        result->popup_seen = true;
        QAction* target = nullptr;
        for (QAction* a : menu->actions()) {
            if (a->isSeparator())
                continue;
            result->items << a->text();
            if (!target && a->text().startsWith(item))
                target = a;
        }
        if (target) {
            result->item_found = true;
            result->item_enabled = target->isEnabled();
        }
        if (target && target->isEnabled()) {
            // The user's click on the item: it triggers the action and closes the menu.
            QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(target).center());
        }
        if (menu->isVisible())
            menu->close(); // never leave the nested event loop running
    });
    QTest::mouseClick(&view, Qt::LeftButton, {}, point);
    // If no menu opened, the timer has not fired yet: let it, so it cannot leak into the
    // next test.
    QCoreApplication::processEvents();
    return *result;
}

TEST(MemberMenu, ClickingThePrimaryAndKillKillsIt) {
    auto window = make_window();
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    window->controller().seek(1.0);
    const Simulation& sim = window->controller().sim();
    const int p = primary_index(sim);
    ASSERT_GE(p, 0);
    const HostId host = sim.world().servers()[static_cast<std::size_t>(p)].host;

    SimView& view = window->view();
    view.repaint(); // lays the scene out for the current frame, as the user sees it
    ASSERT_GT(view.last_layout().member_centers.size(), static_cast<std::size_t>(p));
    const QPoint centre = view.last_layout().member_centers[static_cast<std::size_t>(p)].toPoint();
    ASSERT_EQ(hit_test(view.last_layout(), centre).kind, Hit::Kind::Member);

    const MenuClick click = click_menu_item(view, centre, "Kill");
    ASSERT_TRUE(click.popup_seen) << "no menu opened on a click on the primary";
    ASSERT_TRUE(click.item_found) << "no Kill item in: " << click.items.join(", ").toStdString();
    EXPECT_TRUE(click.item_enabled);
    EXPECT_FALSE(sim.world().server(host)->up);
    EXPECT_FALSE(sim.world().primary().has_value());
    EXPECT_EQ(sim.user_actions().size(), 1u);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(
        QString::fromStdString(sim.hosts().name(host))))
        << window->statusBar()->currentMessage().toStdString();

    // The member is down now: its menu no longer offers Kill, and offers Revive.
    view.repaint();
    const MenuClick again = click_menu_item(view, centre, "Kill");
    ASSERT_TRUE(again.popup_seen);
    EXPECT_TRUE(again.item_found);
    EXPECT_FALSE(again.item_enabled) << "Kill is offered on a dead member";
    EXPECT_EQ(sim.user_actions().size(), 1u);
    const MenuClick revive = click_menu_item(view, centre, "Revive");
    ASSERT_TRUE(revive.popup_seen);
    EXPECT_TRUE(revive.item_enabled);
    EXPECT_TRUE(sim.world().server(host)->up);
}

// ---- 2. Stepping advances exactly one event ----

TEST(Stepping, StepRunsOneSchedulerEntryThatRecordsEvents) {
    auto window = make_window();
    SimController& c = window->controller();
    const Simulation& sim = c.sim();
    for (int i = 0; i < 50; ++i) {
        const std::uint64_t before = sim.trace().count();
        const std::size_t kept = sim.trace().events().size();
        const SimTime then = sim.now();
        c.step();
        ASSERT_GE(sim.trace().count(), before + 1) << "step " << i << " recorded nothing";
        ASSERT_EQ(sim.trace().events().size() - kept, sim.trace().count() - before);
        EXPECT_GE(sim.now(), then);
        // One scheduler entry runs at one instant: every new event carries the new time.
        for (std::size_t e = kept; e < sim.trace().events().size(); ++e)
            ASSERT_EQ(sim.trace().events()[e].time, sim.now()) << "step " << i << " event " << e;
        EXPECT_FALSE(c.playing());
    }
}

TEST(Stepping, StepLeavesThePlayerPaused) {
    auto window = make_window();
    SimController& c = window->controller();
    c.play();
    ASSERT_TRUE(c.playing());
    c.step();
    EXPECT_FALSE(c.playing());
}

// ("." is the clicker's black-screen key: tests/ui/presenter_mode_test.cpp.)
TEST(Stepping, RightArrowDoesWhatStepDoes) {
    auto by_step = make_window();
    auto by_key = make_window();
    by_key->show();
    QApplication::setActiveWindow(by_key.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(by_key.get()));
    const Simulation& a = by_step->controller().sim();
    const Simulation& b = by_key->controller().sim();
    for (int i = 0; i < 30; ++i) {
        by_step->controller().step();
        const std::uint64_t before = b.trace().count();
        QTest::keyClick(i % 2 == 0 ? static_cast<QWidget*>(&by_key->view()) : by_key.get(),
                        Qt::Key_Right);
        ASSERT_GT(b.trace().count(), before) << "key press " << i << " did not step";
        ASSERT_EQ(b.trace().count(), a.trace().count()) << "after " << i + 1 << " steps";
        ASSERT_EQ(b.now(), a.now()) << "after " << i + 1 << " steps";
    }
    EXPECT_EQ(b.trace().sha256(), a.trace().sha256());
    EXPECT_FALSE(by_key->controller().playing());
}

// ---- 6. Bad clicks never crash and say why ----

TEST(BadClicks, KillingADeadMemberSaysWhy) {
    auto window = make_window();
    window->controller().seek(1.0);
    const int p = primary_index(window->controller().sim());
    ASSERT_GE(p, 0);
    EXPECT_EQ(window->member_action(p, FaultKind::Kill), QString());
    const QString why = window->member_action(p, FaultKind::Kill);
    EXPECT_FALSE(why.isEmpty());
    EXPECT_EQ(window->statusBar()->currentMessage(), why);
    EXPECT_EQ(window->controller().sim().user_actions().size(), 1u)
        << "a refused click was recorded";
    window->controller().seek(20.0); // and the run goes on
    EXPECT_EQ(window->controller().sim().now(), from_seconds(20.0));
}

TEST(BadClicks, RemovingTheLastMemberIsRefused) {
    auto window = make_window();
    window->controller().seek(1.0);
    const int members = static_cast<int>(window->controller().sim().world().servers().size());
    ASSERT_GE(members, 2);
    for (int i = 0; i + 1 < members; ++i)
        EXPECT_EQ(window->member_action(i, FaultKind::RemoveMember), QString()) << "member " << i;
    const QString why = window->member_action(members - 1, FaultKind::RemoveMember);
    EXPECT_EQ(why, QString("cannot remove the last member of the set"));
    EXPECT_EQ(window->statusBar()->currentMessage(), why);
    // Removing one already removed is refused too, with a reason.
    EXPECT_FALSE(window->member_action(0, FaultKind::RemoveMember).isEmpty());
    window->controller().seek(30.0);
    EXPECT_EQ(window->controller().sim().now(), from_seconds(30.0));
}

TEST(BadClicks, OtherRefusalsAllSayWhy) {
    auto window = make_window();
    window->controller().seek(1.0);
    const int p = primary_index(window->controller().sim());
    ASSERT_GE(p, 0);
    const int secondary = (p + 1) % 3;
    // Indexes no click can produce (the view only offers members it draws): refused.
    EXPECT_FALSE(window->member_action(99, FaultKind::Kill).isEmpty());
    EXPECT_FALSE(window->member_action(-1, FaultKind::Revive).isEmpty());
    for (const auto& [member, kind] :
         std::vector<std::pair<int, FaultKind>>{{p, FaultKind::Revive},           // already up
                                                {secondary, FaultKind::StepDown}, // not the primary
                                                {secondary, FaultKind::Restore}}) { // not cut off
        const QString why = window->member_action(member, kind);
        EXPECT_FALSE(why.isEmpty()) << "member " << member << " " << fault_name(kind);
        EXPECT_EQ(window->statusBar()->currentMessage(), why);
    }
    EXPECT_FALSE(window->member_action(p, FaultKind::SetPing, -5).isEmpty());
    EXPECT_TRUE(window->controller().sim().user_actions().empty());
}

} // namespace
} // namespace wn::ui

// The window as a presenter drives it: real clicks and keys on the offscreen window, checking
// that inspecting never changes the run, that panels show the current moment, and that what
// the window says and exports is what happened.

#include "ui/event_log.h"
#include "ui/file_actions.h"
#include "ui/inspector.h"
#include "ui/model/scene_text.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>

namespace wn::ui {
namespace {

using testing::make_window;
using testing::primary_index;

QDockWidget* dock(MainWindow& w, const char* name) {
    return w.findChild<QDockWidget*>(name);
}

QString inspector_text(MainWindow& w) {
    return qobject_cast<QTextBrowser*>(dock(w, "inspector")->widget())->toPlainText();
}

void show_active(MainWindow& w) {
    w.show();
    QApplication::setActiveWindow(&w);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
}

/// Where member `index` is drawn now, in the view's coordinates.
QPoint member_point(SimView& view, int index) {
    view.repaint(); // lays the scene out for the current frame
    return view.last_layout().member_centers.at(static_cast<std::size_t>(index)).toPoint();
}

/// Clicks member `index` and closes the menu it opens without choosing; returns the menu's
/// rectangle and where the member was drawn while the menu was up (global coordinates).
struct Popup {
    bool seen = false;
    QPoint clicked; // where the member was when clicked
    QPoint member;  // and where it was while its menu was up
};

Popup click_member_and_dismiss(MainWindow& w, int index) {
    SimView& view = w.view();
    const QPoint at = member_point(view, index);
    auto popup = std::make_shared<Popup>();
    popup->clicked = view.mapToGlobal(at);
    QTimer::singleShot(0, [popup, &view, index] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu)
            return;
        popup->seen = true;
        popup->member = view.mapToGlobal(member_point(view, index));
        menu->close();
    });
    QTest::mouseClick(&view, Qt::LeftButton, {}, at);
    QCoreApplication::processEvents();
    QApplication::setActiveWindow(&w); // the popup took it; keys go to the window again
    return *popup;
}

QSpinBox* spin_box(MainWindow& w, const QString& tooltip_start) {
    for (QSpinBox* box : w.findChildren<QSpinBox*>())
        if (box->toolTip().startsWith(tooltip_start))
            return box;
    return nullptr;
}

// ---- A closed inspector stays closed until the user asks for it ----

// ---- The event log shows the current moment whenever it is opened ----

double top_row_time(MainWindow& w) {
    auto* table = w.event_log().findChild<QTableWidget*>();
    if (!table || table->rowCount() == 0 || !table->item(0, 0))
        return -1;
    return table->item(0, 0)->text().toDouble();
}

// ---- A scenario file that does not load says so in a dialog ----

// ---- The inspector tells the truth about the moment shown ----

TEST(Inspector, AKilledMemberIsDownWithNoReply) {
    auto w = make_window();
    w->controller().seek(1.0);
    const int p = primary_index(w->controller().sim());
    ASSERT_GE(p, 0);
    ASSERT_EQ(w->member_action(p, FaultKind::Kill), QString());
    QTextBrowser text;
    text.setHtml(describe_member(w->controller().sim(), p));
    const QString plain = text.toPlainText();
    EXPECT_FALSE(plain.contains("PRIMARY")) << plain.toStdString();
    EXPECT_FALSE(plain.contains("SECONDARY")) << plain.toStdString();
    EXPECT_FALSE(plain.contains("setName")) << "a dead member replies: " << plain.toStdString();
    EXPECT_TRUE(plain.contains("no reply")) << plain.toStdString();
}

TEST(Inspector, ANewMembersStateReadsAsOnTheCanvas) {
    auto w = make_window();
    w->controller().seek(1.0);
    w->add_member();
    w->controller().seek(1.2);
    const Frame frame = w->controller().frame();
    ASSERT_EQ(frame.members.size(), 4u);
    ASSERT_EQ(frame.members[3].role, ServerRole::Startup2);
    const QString canvas = QString::fromStdString(member_role(frame.members[3]));
    const QString inspector = describe_member(w->controller().sim(), 3);
    EXPECT_TRUE(inspector.contains("<b>" + canvas + "</b>"))
        << canvas.toStdString() << " vs " << inspector.toStdString();
}

TEST(Inspector, TheMonitorsCountFollowsTheRunAfterAThreadsChange) {
    auto w = make_window();
    show_active(*w);
    SimView& view = w->view();
    view.repaint();
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.last_layout().monitor_token().toPoint());
    ASSERT_TRUE(inspector_text(*w).contains("Monitor"));
    QSpinBox* threads = spin_box(*w, "Application threads");
    ASSERT_NE(threads, nullptr);
    threads->setValue(threads->value() + 2);
    ASSERT_EQ(w->controller().scenario().threads, threads->value());
    w->controller().seek(26.0);
    // The canvas's counters and the inspector give the same numbers for the same moment.
    const Metrics& m = w->controller().sim().metrics();
    ASSERT_GT(m.refresh_calls, 1);
    const QString counts = QString::number(m.refresh_calls) + " (" +
                           QString::number(m.refresh_calls_by_monitor) + " by the monitor, " +
                           QString::number(m.refresh_calls - m.refresh_calls_by_monitor) +
                           " by app threads), at t=26.000 s";
    EXPECT_TRUE(inspector_text(*w).contains(counts))
        << counts.toStdString() << " vs " << inspector_text(*w).toStdString();
}

// ---- Clicking neither moves nor changes things ----

// ---- Exports are the whole truth ----

// ---- What the toolbar and the status bar say ----

TEST(MembersSpinBox, FollowsAddMemberWithoutRestarting) {
    auto w = make_window();
    w->controller().seek(1.0);
    QSpinBox* members = spin_box(*w, "Members");
    ASSERT_NE(members, nullptr);
    ASSERT_EQ(members->value(), 3);
    w->add_member();
    EXPECT_EQ(members->value(), 4);
    EXPECT_EQ(w->controller().sim().user_actions().size(), 1u) << "the run was rebuilt";
    EXPECT_EQ(w->controller().now(), 1.0);
}

TEST(StatusBar, MemberActionsAreSaidInTheMenusWords) {
    auto w = make_window();
    w->controller().seek(1.0);
    const int p = primary_index(w->controller().sim());
    ASSERT_GE(p, 0);
    const int other = (p + 1) % 3;
    const std::vector<std::pair<FaultKind, QString>> steps = {
        {FaultKind::StepDown, "Step down"},
        {FaultKind::CutOff, "Cut off"},
        {FaultKind::SetPing, "ping"},
        {FaultKind::RemoveMember, "Remove"},
    };
    for (const auto& [kind, words] : steps) {
        const int member = kind == FaultKind::StepDown ? p : other;
        ASSERT_EQ(w->member_action(member, kind, 150), QString()) << fault_name(kind);
        const QString said = w->statusBar()->currentMessage();
        EXPECT_TRUE(said.contains(words)) << said.toStdString();
        EXPECT_FALSE(said.contains('_')) << said.toStdString();
    }
}

// ---- A long re-simulation shows a busy cursor and loses no key ----

} // namespace
} // namespace wn::ui

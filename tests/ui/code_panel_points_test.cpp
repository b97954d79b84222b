// View > Code under every strategy: a thread paused by hand and stepped line by line is marked
// in the panel at every interleaving point it stops at, on the line that point stands for, and
// so is the monitor. The expected text of each point is written here, apart from the anchors
// in ui/model/code_listing.cpp, so a wrong anchor fails.

#include "../core/hand_race.h"
#include "ui/code_panel.h"
#include "ui/main_window.h"
#include "ui/model/frame.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QDockWidget>
#include <QTest>
#include <QTextBlock>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace wn::ui {
namespace {

/// The text the marked line must hold for each point.
std::string expected_text(CodePoint p) {
    static const std::map<CodePoint, std::string> text = {
        {CodePoint::NaiveCheckWriter, "if self.__writer:"},
        {CodePoint::NaiveReadWriter, "primary = self.__members[self.__writer]"},
        {CodePoint::NaiveLookup, "primary = self.__members[self.__writer]"},
        {CodePoint::NaiveCheckPrimary, "self.__writer = self.__check_is_primary(candidate)"},
        {CodePoint::NaiveDisconnect, "self.disconnect()"},
        {CodePoint::NaiveReadMembers, "members = self.__members.copy().values()"},
        {CodePoint::NaiveRefreshBegin, "nodes = self.__hosts or self.__seeds"},
        {CodePoint::NaiveUpdatePools, "self.__update_pools()"},
        {CodePoint::NaiveUpdateHost, "for host in self.__hosts:"},
        {CodePoint::NaiveDropStale, "self.__members.pop("},
        {CodePoint::NaiveSetWriter, "self.__writer = primary"},
        {CodePoint::WaspCopyRef, "primary = self.__rs_state.primary_member"},
        {CodePoint::WaspCopyRefAgain, "rs_state = self.__rs_state"},
        {CodePoint::WaspLookup, "if primary:"},
        {CodePoint::WaspPublishRead, "rs_state = self.__rs_state"},
        {CodePoint::WaspPublishSwap, "self.__rs_state = rs_state.clone_without_writer("},
        {CodePoint::WaspRefreshBegin, "rs_state = self.__rs_state"},
        {CodePoint::WaspRefreshPublish, "self.__rs_state = RSState("},
        {CodePoint::LockReadWriter, "host = self.__writer"},
        {CodePoint::LockReadWriterAgain, "host = self.__writer"},
        {CodePoint::LockReadWriterAfterRefresh, "host = self.__writer"},
        {CodePoint::LockLookup, "return self.__members[host]"},
        {CodePoint::SdamSelect, "td = self.topology.description"},
        {CodePoint::SdamSend, "return conn.command(operation)"},
    };
    const auto it = text.find(p);
    return it == text.end() ? std::string() : it->second;
}

/// The rendered line of the panel marked for `actor`, or "" when none is.
QString marked_line(const CodePanel& code, ActorId actor) {
    for (const CodeMark& m : code.marks())
        if (m.thread == actor)
            return code.document()->findBlockByNumber(m.line + 1).text(); // after the note
    return {};
}

struct Walk {
    std::set<CodePoint> reached;
    int stops = 0;
};

/// Pauses T1 and the monitor, then steps them one line at a time for `steps` stops each
/// (the primary killed half way, so refresh and disconnect lines come too). At every stop
/// the panel must mark the actor at the line its point stands for.
Walk walk(StrategyKind strategy, int steps, bool with_monitor) {
    Scenario s = test::hand_race_scenario(strategy);
    s.workload.read_fraction = 0.5;
    s.duration_s = 600; // room for every stop: the run must not end under the walk
    MainWindow w(s);
    w.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    w.controller().seek(1.0);
    QTest::keyClick(&w, Qt::Key_K); // View > Code
    const auto* code = w.findChild<CodePanel*>();
    EXPECT_TRUE(code && code->isVisible());
    EXPECT_NE(code->toPlainText().indexOf(strategy == StrategyKind::Naive  ? "PyMongo 2.5,"
                                          : strategy == StrategyKind::Wasp ? "PyMongo 2.5.1,"
                                                                           : "Not PyMongo"),
              -1)
        << code->toPlainText().left(200).toStdString();
    std::vector<ActorId> actors = {1};
    if (with_monitor)
        actors.push_back(kActorMonitor);
    Walk out;
    const auto& threads = w.controller().sim().client().threads();
    for (ActorId a : actors)
        EXPECT_EQ(w.thread_action(a, UserAction::Kind::PauseThread, 0), "");
    for (int i = 0; i < steps; ++i) {
        if (i == steps / 2) {
            const int p = testing::primary_index(w.controller().sim());
            if (p >= 0)
                w.member_action(p, FaultKind::Kill);
        }
        for (ActorId a : actors) {
            const ThreadState& t = threads[static_cast<std::size_t>(a)];
            if (a == kActorMonitor && !t.parked && t.step == ThreadStep::Sleeping)
                w.wake_monitor(); // W: its next refresh starts now
            for (int e = 0; e < 20000 && !t.parked; ++e) {
                const std::uint64_t before = w.controller().sim().entries();
                w.controller().step();
                if (w.controller().sim().entries() == before)
                    break; // everyone else waits on a line that is paused
            }
            if (!t.parked)
                continue; // blocked behind the other paused actor's lock
            ++out.stops;
            out.reached.insert(t.point);
            const std::string want = expected_text(t.point);
            EXPECT_FALSE(want.empty())
                << actor_label(a) << " stopped at an unlisted point " << code_point_name(t.point);
            const QString line = marked_line(*code, a);
            EXPECT_TRUE(line.contains(QString::fromStdString(actor_label(a) + " ")) &&
                        line.contains(QString::fromStdString(want)))
                << strategy_name(strategy) << ": " << actor_label(a) << " at "
                << code_point_name(t.point) << " marked \"" << line.toStdString() << "\"";
            EXPECT_EQ(w.thread_action(a, UserAction::Kind::StepThread, 0), "");
        }
    }
    return out;
}

bool reached_all(const Walk& w, std::initializer_list<CodePoint> points) {
    for (CodePoint p : points)
        if (!w.reached.count(p)) {
            ADD_FAILURE() << "never stopped at " << code_point_name(p);
            return false;
        }
    return true;
}

TEST(CodePanelPoints, NaiveEveryStopIsMarkedAtItsLine) {
    const Walk w = walk(StrategyKind::Naive, 40, true);
    EXPECT_GE(w.stops, 40);
    EXPECT_TRUE(reached_all(w, {CodePoint::NaiveCheckWriter, CodePoint::NaiveReadWriter,
                                CodePoint::NaiveLookup, CodePoint::NaiveRefreshBegin,
                                CodePoint::NaiveSetWriter}));
}

TEST(CodePanelPoints, MutexEveryStopIsMarkedAtItsLine) {
    const Walk w = walk(StrategyKind::Mutex, 40, true);
    EXPECT_GE(w.stops, 40);
    EXPECT_TRUE(reached_all(w, {CodePoint::LockReadWriter, CodePoint::LockLookup,
                                CodePoint::NaiveRefreshBegin, CodePoint::NaiveSetWriter}));
}

TEST(CodePanelPoints, RwLockEveryStopIsMarkedAtItsLine) {
    const Walk w = walk(StrategyKind::RwLock, 40, true);
    EXPECT_GE(w.stops, 40);
    EXPECT_TRUE(reached_all(w, {CodePoint::LockReadWriter, CodePoint::LockLookup,
                                CodePoint::NaiveRefreshBegin, CodePoint::NaiveSetWriter}));
}

TEST(CodePanelPoints, WaspEveryStopIsMarkedAtItsLine) {
    const Walk w = walk(StrategyKind::Wasp, 40, true);
    EXPECT_GE(w.stops, 40);
    EXPECT_TRUE(reached_all(w, {CodePoint::WaspCopyRef, CodePoint::WaspLookup,
                                CodePoint::WaspRefreshBegin, CodePoint::WaspRefreshPublish}));
}

TEST(CodePanelPoints, SdamEveryStopIsMarkedAtItsLine) {
    const Walk w = walk(StrategyKind::Sdam, 40, false);
    EXPECT_GE(w.stops, 30);
    EXPECT_TRUE(reached_all(w, {CodePoint::SdamSelect, CodePoint::SdamSend}));
}

} // namespace
} // namespace wn::ui

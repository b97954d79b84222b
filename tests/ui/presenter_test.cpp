// The window as a presenter drives it: real clicks and keys on the offscreen window, checking
// that inspecting never changes the run, that panels show the current moment, and that what
// the window says and exports is what happened.

#include "ui/charts_panel.h"
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
using testing::show_active;

QDockWidget* dock(MainWindow& w, const char* name) {
    return w.findChild<QDockWidget*>(name);
}

QString inspector_text(MainWindow& w) {
    return qobject_cast<QTextBrowser*>(dock(w, "inspector")->widget())->toPlainText();
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

TEST(InspectorDock, ClosedByItsCrossItStaysClosedWhateverTheUserDoes) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(1.0);
    QDockWidget* inspector = dock(*w, "inspector");
    ASSERT_FALSE(inspector->isVisible());
    ASSERT_TRUE(click_member_and_dismiss(*w, 0).seen);
    ASSERT_TRUE(inspector->isVisible()) << "the first click opens the inspector";

    auto* cross = inspector->findChild<QAbstractButton*>("qt_dockwidget_closebutton");
    ASSERT_NE(cross, nullptr);
    QTest::mouseClick(cross, Qt::LeftButton);
    ASSERT_FALSE(inspector->isVisible());

    const std::uint64_t events = w->controller().sim().trace().count();
    QTest::keyClick(&w->view(), Qt::Key_Right);
    ASSERT_GT(w->controller().sim().trace().count(), events) << "Right did not step";
    EXPECT_FALSE(inspector->isVisible()) << "Right reopened it";
    QTest::keyClick(&w->view(), Qt::Key_Space);
    ASSERT_TRUE(w->controller().playing()) << "Space did not play";
    QTest::keyClick(&w->view(), Qt::Key_Space);
    EXPECT_FALSE(inspector->isVisible()) << "Space reopened it";
    Timeline& timeline = w->timeline();
    QTest::mouseClick(&timeline, Qt::LeftButton, {},
                      QPoint(timeline.width() / 3, timeline.height() / 2));
    ASSERT_GT(w->controller().now(), 5.0) << "the click did not seek";
    EXPECT_FALSE(inspector->isVisible()) << "a click on the timeline reopened it";
    ASSERT_TRUE(click_member_and_dismiss(*w, 1).seen);
    EXPECT_FALSE(inspector->isVisible()) << "selecting a member reopened it";

    inspector->toggleViewAction()->trigger(); // View > Inspector
    EXPECT_TRUE(inspector->isVisible());
    EXPECT_TRUE(inspector_text(*w).contains("db2")) << inspector_text(*w).toStdString();
}

// ---- The event log shows the current moment whenever it is opened ----

double top_row_time(MainWindow& w) {
    auto* table = w.event_log().findChild<QTableWidget*>();
    if (!table || table->rowCount() == 0 || !table->item(0, 0))
        return -1;
    return table->item(0, 0)->text().toDouble();
}

TEST(EventLog, ReopenedAfterASeekItShowsTheNewMoment) {
    auto w = make_window();
    show_active(*w);
    QAction* toggle = dock(*w, "log")->toggleViewAction();
    w->controller().seek(3.0);
    toggle->trigger();
    QCoreApplication::processEvents();
    EXPECT_NEAR(top_row_time(*w), 3.0, 0.5) << "opened at t=3";
    toggle->trigger();
    w->controller().seek(20.0);
    toggle->trigger();
    QCoreApplication::processEvents();
    EXPECT_NEAR(top_row_time(*w), 20.0, 0.5) << "reopened at t=20";
}

TEST(EventLog, FirstOpenedInACompareItIsNotEmpty) {
    auto w = std::make_unique<MainWindow>(load_scenario("primary-fails"),
                                          std::vector{StrategyKind::Naive, StrategyKind::Wasp});
    show_active(*w);
    w->controller().seek(5.0);
    dock(*w, "log")->toggleViewAction()->trigger();
    QCoreApplication::processEvents();
    EXPECT_NEAR(top_row_time(*w), 5.0, 0.5);
}

// ---- A scenario file that does not load says so in a dialog ----

TEST(OpenScenario, AMalformedFileIsReportedInADialog) {
    auto w = make_window();
    show_active(*w);
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.json");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"threads\": 4,");
    file.close();

    open_scenario_path(*w, path);
    auto* box = w->findChild<QMessageBox*>();
    ASSERT_NE(box, nullptr) << "no dialog; status bar says: "
                            << w->statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains("broken")) << box->text().toStdString();
    EXPECT_EQ(w->controller().scenario().name, "primary-fails") << "the run changed";
    box->close();
}

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

TEST(Inspector, AfterRestartARemovedMemberIsNoLongerShown) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(1.0);
    w->add_member();
    ASSERT_TRUE(click_member_and_dismiss(*w, 3).seen);
    ASSERT_TRUE(inspector_text(*w).contains("db4"));
    QAction* restart = nullptr;
    for (QAction* a : w->findChildren<QAction*>())
        if (a->text() == "Restart")
            restart = a;
    ASSERT_NE(restart, nullptr);
    restart->trigger();
    ASSERT_EQ(w->controller().sim().world().servers().size(), 3u);
    EXPECT_FALSE(inspector_text(*w).contains("db4")) << inspector_text(*w).toStdString();
}

/// Clicks the monitor, which selects it and opens its menu; the menu is closed unused.
void click_the_monitor(SimView& view) {
    QTimer::singleShot(0, [] {
        if (QWidget* menu = QApplication::activePopupWidget())
            menu->close();
    });
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.last_layout().monitor_token().toPoint());
}

TEST(Inspector, TheMonitorsCountFollowsTheRunAfterAThreadsChange) {
    auto w = make_window();
    show_active(*w);
    SimView& view = w->view();
    view.repaint();
    click_the_monitor(view);
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

TEST(Clicks, TheMemberMenuOpensAtTheMemberOnTheFirstClick) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(1.0);
    ASSERT_FALSE(dock(*w, "inspector")->isVisible());
    for (int member = 0; member < 3; ++member) {
        const Popup popup = click_member_and_dismiss(*w, member);
        ASSERT_TRUE(popup.seen);
        // The menu opens where the click was: the member must still be there.
        EXPECT_LE((popup.member - popup.clicked).manhattanLength(), 2)
            << "member " << member << " moved from " << popup.clicked.x() << ","
            << popup.clicked.y() << " to " << popup.member.x() << "," << popup.member.y();
    }
}

TEST(Clicks, InspectingTheMonitorDoesNotChangeTheRun) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(2.0);
    const std::string before = w->controller().sim().trace().sha256();
    SimView& view = w->view();
    view.repaint();
    click_the_monitor(view); // its menu, closed unused, changes nothing
    EXPECT_TRUE(inspector_text(*w).contains("Monitor"));
    EXPECT_TRUE(w->controller().sim().user_actions().empty());
    EXPECT_EQ(w->controller().sim().trace().sha256(), before);
    // Wake monitor is the action that does.
    QApplication::setActiveWindow(w.get()); // the keys go to the window again after the menu
    QTest::keyClick(&view, Qt::Key_W);
    EXPECT_EQ(w->controller().sim().user_actions().size(), 1u);
}

// ---- Exports are the whole truth ----

TEST(ExportTrace, TheWholeRunAsTheCommandLineWritesIt) {
    auto w = make_window();
    w->controller().seek(5.0);
    QTemporaryDir dir;
    const QString path = dir.filePath("trace.json");
    ASSERT_TRUE(write_trace_file(*w, path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto json = nlohmann::json::parse(file.readAll().toStdString());
    Simulation cli(w->controller().scenario(), true); // what waspsnest-cli run --trace does
    cli.run();
    EXPECT_EQ(json["events"].size(), cli.trace().events().size());
    EXPECT_EQ(json["trace_sha256"], cli.trace().sha256());
    EXPECT_EQ(w->controller().now(), 5.0) << "the export moved the playhead";
}

TEST(ExportPng, NoSelectionRingAndAWholeWindowChoice) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(1.0);
    QTemporaryDir dir;
    const QString plain = dir.filePath("plain.png");
    const QString selected = dir.filePath("selected.png");
    const QString whole = dir.filePath("whole.png");
    // Select a member (its first click opens the inspector: close it, so both pictures are
    // taken at one layout), export, deselect with a click on the background, export again.
    ASSERT_TRUE(click_member_and_dismiss(*w, 0).seen);
    dock(*w, "inspector")->close();
    QCoreApplication::processEvents();
    SimView& view = w->view();
    view.repaint();
    ASSERT_EQ(view.selection().kind, Hit::Kind::Member);
    ASSERT_TRUE(write_png_file(*w, selected, PngScope::View));
    const QPoint background(view.width() / 2, 2);
    ASSERT_EQ(hit_test(view.last_layout(), background).kind, Hit::Kind::None);
    QTest::mouseClick(&view, Qt::LeftButton, {}, background);
    ASSERT_EQ(view.selection().kind, Hit::Kind::None);
    ASSERT_TRUE(write_png_file(*w, plain, PngScope::View));
    const QImage a(plain), b(selected);
    ASSERT_EQ(a.size(), b.size());
    EXPECT_EQ(a, b) << "the selection ring was exported";

    ASSERT_TRUE(write_png_file(*w, whole, PngScope::Window));
    const QImage view_only(plain), window(whole);
    EXPECT_GT(window.height(), view_only.height() + w->timeline().height())
        << "the whole window leaves out the timeline";
    EXPECT_EQ(window.width() * w->height(), window.height() * w->width())
        << "not the window's shape";
}

// The view as SVG: the scene's words are <text> (sharp at any size), the drawing has the
// view's size, no selection ring is in it, and a failed write leaves the old file whole.
TEST(ExportSvg, TextStaysTextWithoutTheSelectionAndAtomically) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(12.0);
    QTemporaryDir dir;
    const QString plain = dir.filePath("plain.svg");
    const QString selected = dir.filePath("selected.svg");
    ASSERT_TRUE(write_svg_file(*w, plain));
    ASSERT_TRUE(click_member_and_dismiss(*w, 0).seen);
    dock(*w, "inspector")->close();
    QCoreApplication::processEvents();
    ASSERT_EQ(w->view().selection().kind, Hit::Kind::Member);
    ASSERT_TRUE(write_svg_file(*w, selected));
    EXPECT_EQ(w->view().selection().kind, Hit::Kind::Member) << "the selection was not restored";
    auto read = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray svg = read(plain);
    EXPECT_TRUE(svg.contains(">MongoReplicaSetClient</text>"));
    EXPECT_TRUE(svg.contains(">db1:27017</text>"));
    const QSize size = w->view().size();
    EXPECT_TRUE(svg.contains(
        QString("viewBox=\"0 0 %1 %2\"").arg(size.width()).arg(size.height()).toUtf8()));
    // The same moment with and without a selection: the same drawing, byte for byte.
    EXPECT_EQ(svg, read(selected)) << "the selection ring was exported";
    // A path that cannot be written fails and leaves nothing behind.
    EXPECT_FALSE(write_svg_file(*w, dir.filePath("missing-dir/x.svg")));
    EXPECT_FALSE(QFile::exists(dir.filePath("missing-dir/x.svg")));
}

// Hidden charts are not fed; shown again after a seek (or a scenario opened meanwhile), they
// show the run up to the playhead at once, not an empty frame until the next step.
TEST(Charts, ShownAfterASeekTheyAreUpToDate) {
    auto w = make_window();
    show_active(*w);
    dock(*w, "charts")->hide();
    QCoreApplication::processEvents();
    w->controller().seek(2.0);
    dock(*w, "charts")->show();
    QCoreApplication::processEvents();
    const auto ops = w->charts().points(2, 0); // operations ok /s, pane 0
    ASSERT_FALSE(ops.empty()) << "the charts were not refreshed when shown";
    EXPECT_GT(std::max_element(ops.begin(), ops.end(),
                               [](const QPointF& a, const QPointF& b) { return a.y() < b.y(); })
                  ->y(),
              0);
}

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

TEST(Busy, StepBackShowsABusyCursorAndAKeyPressedMeanwhileStillCounts) {
    auto w = make_window();
    show_active(*w);
    w->controller().seek(3.0);
    SimView& view = w->view();
    bool was_busy = false;
    Qt::CursorShape cursor = Qt::ArrowCursor;
    std::uint64_t events_after_back = 0;
    QObject::connect(&w->controller(), &SimController::busy_changed, &view, [&](bool busy) {
        if (busy) {
            was_busy = true;
            if (QApplication::overrideCursor())
                cursor = QApplication::overrideCursor()->shape();
            // The user presses Right while the window is busy.
            QCoreApplication::postEvent(&view, new QKeyEvent(QEvent::KeyPress, Qt::Key_Right, {}));
            QCoreApplication::postEvent(&view,
                                        new QKeyEvent(QEvent::KeyRelease, Qt::Key_Right, {}));
        } else {
            events_after_back = w->controller().sim().trace().count();
        }
    });
    QTest::keyClick(&view, Qt::Key_Left);
    ASSERT_TRUE(was_busy) << "step back did not say it was busy";
    EXPECT_EQ(cursor, Qt::WaitCursor);
    QCoreApplication::processEvents();
    EXPECT_EQ(QApplication::overrideCursor(), nullptr) << "the busy cursor stayed";
    EXPECT_GT(w->controller().sim().trace().count(), events_after_back)
        << "the key pressed while busy was lost";
}

} // namespace
} // namespace wn::ui

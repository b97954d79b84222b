// A demo prepared by clicking survives File > Save and File > Open: the clicks at their
// exact positions, the playhead and the bookmarks. Saving never destroys the old file.

#include "ui/file_actions.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <memory>
#include <sys/resource.h>

namespace wn::ui {
namespace {

using testing::make_window;

/// From inside the next modal dialog's event loop, lets `answer` fill and accept it. The
/// returned timer looks for the dialog until it opens, however long a loaded machine takes,
/// and stays on it until it is gone: a dialog still shown is answered again, and one that
/// was answered before its event loop ran (hidden, its exec() never to return) is ended
/// again from inside that loop. It stops with the test's scope when no dialog ever opens.
template <typename Dialog, typename Answer>
[[nodiscard]] std::unique_ptr<QTimer> answer_next(Answer answer) {
    struct State {
        QPointer<Dialog> dialog;
        bool answered = false;
    };
    auto timer = std::make_unique<QTimer>();
    QTimer* t = timer.get();
    auto state = std::make_shared<State>();
    QObject::connect(t, &QTimer::timeout, [t, state, answer] {
        if (!state->dialog) {
            if (state->answered) {
                t->stop(); // it closed
                return;
            }
            state->dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
            if (!state->dialog)
                return; // not open yet
        }
        Dialog& d = *state->dialog;
        if (d.isVisible()) {
            answer(d);
            state->answered = true;
        } else if (state->answered) {
            static_cast<QDialog&>(d).done(d.result()); // QFileDialog hides done()
        }
    });
    t->start(10);
    return timer;
}

[[nodiscard]] std::unique_ptr<QTimer> answer_file_dialog(const QString& path) {
    return answer_next<QFileDialog>([path](QFileDialog& d) {
        d.setOption(QFileDialog::DontConfirmOverwrite);
        // selectFile() leaves the file name box as it is while the box has the keyboard focus
        // (not to overwrite what a user types), and the dialog focuses it at a moment of its
        // own: then nothing is selected and accept() does nothing, answer after answer.
        if (QWidget* focused = QApplication::focusWidget())
            focused->clearFocus();
        d.selectFile(path);
        // What the Save or Open button does (accept() is protected in QFileDialog).
        QMetaObject::invokeMethod(&d, "accept", Qt::DirectConnection);
    });
}

void activate(MainWindow& w) {
    w.show();
    QApplication::setActiveWindow(&w);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
}

nlohmann::json read_json(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
}

TEST(SavedDemo, CtrlSKeepsTheClicksAndCtrlOBringsThemBack) {
    QTemporaryDir dir;
    const QString path = dir.filePath("demo.json");
    auto window = make_window();
    activate(*window);
    window->controller().seek(3);
    ASSERT_EQ(window->member_action(2, FaultKind::Kill), QString()); // db3 ▸ Kill
    const std::string hash = window->controller().sim().trace().sha256();

    const auto saving = answer_file_dialog(path);
    QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier);
    const nlohmann::json saved = read_json(path);
    ASSERT_TRUE(saved.is_object()) << "nothing saved at " << path.toStdString();
    EXPECT_EQ(saved["format"], 2);
    ASSERT_EQ(saved["run"]["user_actions"].size(), 1u) << saved.dump(2);
    EXPECT_EQ(saved["run"]["user_actions"][0]["action"], "kill");
    EXPECT_EQ(saved["run"]["user_actions"][0]["host"], "db3:27017");
    EXPECT_EQ(saved["run"]["user_actions"][0]["at_us"], 3000000);
    EXPECT_EQ(saved["run"]["playhead_s"], 3.0);

    auto reopened = make_window();
    activate(*reopened);
    const auto opening = answer_file_dialog(path);
    QTest::keyClick(reopened.get(), Qt::Key_O, Qt::ControlModifier);
    const Simulation& sim = reopened->controller().sim();
    EXPECT_EQ(sim.now(), from_seconds(3)) << "the playhead is not back";
    ASSERT_EQ(sim.user_actions().size(), 1u) << "the click is lost";
    EXPECT_FALSE(sim.world().servers()[2].up) << "db3 is not down at 3 s";
    EXPECT_EQ(sim.trace().sha256(), hash) << "not the same run";
}

TEST(SavedDemo, AFailedSaveLeavesTheOldFileWhole) {
    QTemporaryDir dir;
    const QString path = dir.filePath("demo.json");
    const QByteArray old = "{\"description\": \"the demo from last week\"}\n";
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(old);
    }
    auto window = make_window();
    activate(*window);
    window->controller().seek(3);
    // A file size limit makes every write past 256 bytes fail, as a full disk would.
    rlimit saved_limit{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved_limit), 0);
    const auto saved_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved_limit;
    small.rlim_cur = 256;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const auto saving = answer_file_dialog(path);
    QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier);
    setrlimit(RLIMIT_FSIZE, &saved_limit);
    std::signal(SIGXFSZ, saved_handler);

    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith("Could not write"))
        << window->statusBar()->currentMessage().toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), old) << "the failed save destroyed the old file";
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{"demo.json"})
        << "a temporary file was left behind";
    // With room again, the same save works.
    EXPECT_TRUE(write_scenario_file(*window, path));
    EXPECT_EQ(read_json(path)["run"]["playhead_s"], 3.0);
}

TEST(SavedDemo, BookmarksAreNamedListedAndJumpedTo) {
    auto window = make_window();
    activate(*window);
    window->controller().seek(3);
    const auto naming = answer_next<QInputDialog>([](QInputDialog& d) {
        d.setTextValue("db3 dies");
        d.accept();
    });
    QTest::keyClick(window.get(), Qt::Key_B, Qt::ControlModifier);
    ASSERT_EQ(window->controller().bookmarks().size(), 1u);
    EXPECT_EQ(window->controller().bookmarks()[0].name, "db3 dies");

    QMenu* menu = nullptr;
    for (QAction* a : window->menuBar()->actions())
        if (a->text().remove('&') == "Bookmarks")
            menu = a->menu();
    ASSERT_NE(menu, nullptr) << "no Bookmarks menu";
    QAction* jump = nullptr;
    for (QAction* a : menu->actions())
        if (a->text().startsWith("db3 dies"))
            jump = a;
    ASSERT_NE(jump, nullptr) << "the bookmark is not listed";
    window->controller().seek(20);
    jump->trigger();
    EXPECT_EQ(window->controller().sim().now(), from_seconds(3));
}

} // namespace
} // namespace wn::ui

// The presenter's keys reach the window whatever has the keyboard focus: the scene, or any
// dock the presenter opened (the event log, the inspector, the charts, the code), in the
// window and in presenter mode. Real key events, sent where Qt would send them: to the
// focus widget.

#include "ui/presenter.h"
#include "ui/sim_view.h"
#include "ui/tour/tour_player.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace wn::ui {
namespace {

using testing::make_window;
using testing::show_active;

/// Presses `key` where a real keyboard's press would go: the focus widget.
void press(MainWindow& w, Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWidget* target = QApplication::focusWidget();
    QTest::keyClick(target ? target : &w, key, mods);
    QApplication::processEvents();
}

/// Gives the keyboard focus to the widget of `dock` ("" for the scene) that a click would
/// focus, and checks that it has it.
void focus_dock(MainWindow& w, const QString& dock) {
    QWidget* target = &w.view();
    if (!dock.isEmpty()) {
        auto* d = w.findChild<QDockWidget*>(dock);
        ASSERT_NE(d, nullptr) << dock.toStdString();
        d->show();
        QApplication::processEvents();
        // The log's table, not its filter field, where typing B or ? is meant as text.
        auto* table = d->findChild<QTableWidget*>();
        target = table ? table : d->widget();
        if (target->focusPolicy() == Qt::NoFocus)
            target->setFocusPolicy(Qt::StrongFocus); // a click would not focus it: any child
    }
    target->setFocus(Qt::MouseFocusReason);
    QApplication::processEvents();
    ASSERT_TRUE(target->hasFocus() || target->isAncestorOf(QApplication::focusWidget()))
        << "the focus did not go to " << dock.toStdString();
}

struct KeyCase {
    const char* name;
    Qt::Key key;
    Qt::KeyboardModifiers mods;
    std::function<bool(MainWindow&)> state; // what the key changes
};

const std::vector<KeyCase>& key_cases() {
    static const std::vector<KeyCase> cases = {
        {"F1", Qt::Key_F1, Qt::NoModifier,
         [](MainWindow& w) {
             return w.presenter().keys_shown();
         }},
        {"?", Qt::Key_Question, Qt::NoModifier,
         [](MainWindow& w) {
             return w.presenter().keys_shown();
         }},
        {"B", Qt::Key_B, Qt::NoModifier,
         [](MainWindow& w) {
             return w.presenter().blanked();
         }},
        {".", Qt::Key_Period, Qt::NoModifier,
         [](MainWindow& w) {
             return w.presenter().blanked();
         }},
        {"Ctrl+=", Qt::Key_Equal, Qt::ControlModifier,
         [](MainWindow& w) {
             return w.presenter().font_scale() > 1.5;
         }},
        {"Ctrl+Shift+2", Qt::Key_2, Qt::ControlModifier | Qt::ShiftModifier,
         [](MainWindow& w) {
             return w.presenter().theme() == Theme::Dark;
         }},
        {"Ctrl+Shift+F", Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier,
         [](MainWindow& w) {
             return !w.presenter().auto_pause();
         }},
    };
    return cases;
}

/// Every presenter key, pressed in presenter mode with the focus in each dock in turn,
/// does what it does with the focus on the scene; Esc then undoes the overlay and the
/// black screen, and F5 / Esc enter and leave presenter mode from there too.
TEST(PresenterKeys, WorkWhateverDockHasTheFocus) {
    for (const QString dock : {"", "log", "inspector", "charts", "code"}) {
        SCOPED_TRACE("focus in " +
                     (dock.isEmpty() ? std::string("the scene") : dock.toStdString()));
        auto w = make_window();
        w->resize(1280, 720);
        show_active(*w);
        focus_dock(*w, dock);
        press(*w, Qt::Key_F5);
        ASSERT_TRUE(w->presenter().presenting()) << "F5";
        w->presenter().set_font_scale(1.5);
        w->presenter().set_theme(Theme::Light);
        w->presenter().set_auto_pause(true);
        focus_dock(*w, dock); // entering presenter mode may move it
        for (const KeyCase& k : key_cases()) {
            SCOPED_TRACE(k.name);
            ASSERT_FALSE(k.state(*w)) << "already so before the key";
            press(*w, k.key, k.mods);
            EXPECT_TRUE(k.state(*w)) << k.name << " did nothing";
            if (k.key == Qt::Key_F1 || k.key == Qt::Key_Question || k.key == Qt::Key_B ||
                k.key == Qt::Key_Period) {
                press(*w, Qt::Key_Escape);
                EXPECT_FALSE(k.state(*w)) << "Esc did not undo " << k.name;
                EXPECT_TRUE(w->presenter().presenting()) << "Esc left presenter mode early";
            }
            focus_dock(*w, dock);
        }
        press(*w, Qt::Key_Escape);
        EXPECT_FALSE(w->presenter().presenting()) << "Esc did not leave presenter mode";
    }
}

/// The key that showed a dock does not take the overlay's keys with it: L (the log) or
/// H (the charts), a click in what they opened, then F1 or ?.
TEST(PresenterKeys, F1AndQuestionMarkAfterLOrHOpenedADock) {
    for (const auto& [key, dock] :
         {std::pair{Qt::Key_L, QString("log")}, std::pair{Qt::Key_H, QString("charts")}}) {
        for (const Qt::Key help : {Qt::Key_F1, Qt::Key_Question}) {
            SCOPED_TRACE(dock.toStdString() + (help == Qt::Key_F1 ? " F1" : " ?"));
            auto w = make_window();
            w->resize(1280, 720);
            show_active(*w);
            press(*w, key);
            auto* d = w->findChild<QDockWidget*>(dock);
            ASSERT_TRUE(d->isVisible());
            focus_dock(*w, dock);
            press(*w, help);
            EXPECT_TRUE(w->presenter().keys_shown());
        }
    }
}

/// In the log's filter field the printable keys are text (a filter may hold "?" or "b"),
/// the function keys are still the window's: F1 opens the list, Esc closes it.
TEST(PresenterKeys, InTheLogsFilterFieldF1StillOpensTheListAndQuestionMarkIsText) {
    auto w = make_window();
    w->resize(1280, 720);
    show_active(*w);
    press(*w, Qt::Key_L);
    auto* field = w->findChild<QDockWidget*>("log")->findChild<QLineEdit*>();
    ASSERT_NE(field, nullptr);
    field->setFocus(Qt::MouseFocusReason);
    QApplication::processEvents();
    ASSERT_TRUE(field->hasFocus());
    press(*w, Qt::Key_F1);
    EXPECT_TRUE(w->presenter().keys_shown()) << "F1 in the filter field";
    press(*w, Qt::Key_Escape);
    EXPECT_FALSE(w->presenter().keys_shown()) << "Esc in the filter field";
    field->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(field, Qt::Key_Question, Qt::NoModifier);
    EXPECT_FALSE(w->presenter().keys_shown());
    EXPECT_EQ(field->text(), "?");
}

/// The tour's clicker keys too: PageDown plays on with the focus in the log.
TEST(PresenterKeys, TheTourClickerWorksWithTheFocusInTheLog) {
    auto w = make_window();
    w->resize(1280, 720);
    show_active(*w);
    ASSERT_EQ(w->tour().load("blog"), "");
    focus_dock(*w, "log");
    const int before = w->tour().step();
    press(*w, Qt::Key_PageDown); // plays to the first stop (or jumps there)
    press(*w, Qt::Key_PageDown);
    press(*w, Qt::Key_PageDown);
    EXPECT_GT(w->tour().step() + (w->tour().arrived() ? 1 : 0), before)
        << "PageDown did not move the tour";
}

} // namespace
} // namespace wn::ui

// A monkey on the real window: thousands of seeded random clicks, keys, drags, resizes, dock
// toggles, toolbar changes and scenario loads. Nothing may crash, the event loop may never
// freeze, and whatever the monkey did, the run shown must still be the deterministic replay
// of its scenario and its recorded clicks. WN_MONKEY_SEED and WN_MONKEY_EVENTS reproduce or
// lengthen a run; a failure prints the seed and the step.

#include "scenario/library.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QMenu>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

namespace wn::ui {
namespace {

using testing::make_window;

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
    const char* text = std::getenv(name);
    if (!text || !*text)
        return fallback;
    return std::strtoull(text, nullptr, 10);
}

/// Closes whatever popup menu or modal dialog a step opened, so no step blocks; a member
/// menu sometimes gets one of its entries chosen first (it may open a dialog in turn).
class PopupCloser {
public:
    explicit PopupCloser(std::mt19937& rng) : m_rng(rng) {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { close_one(); });
        m_timer.start();
    }
    void close_all() {
        for (int i = 0; i < 10 && close_one(); ++i) {
        }
    }

private:
    bool close_one() {
        if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
            const auto actions = menu->actions();
            if (!actions.isEmpty() && m_rng() % 2 == 0) {
                QAction* a = actions.at(static_cast<int>(m_rng() % actions.size()));
                menu->close();
                // Later, not inside this timer's slot: a timer is not re-entered, so a
                // dialog the action opens here could never be closed.
                if (a->isEnabled() && !a->isSeparator())
                    QTimer::singleShot(0, a, &QAction::trigger);
            } else {
                menu->close();
            }
            return true;
        }
        if (QWidget* popup = QApplication::activePopupWidget()) {
            popup->close();
            return true;
        }
        if (QWidget* modal = QApplication::activeModalWidget()) {
            modal->close();
            return true;
        }
        return false;
    }

    std::mt19937& m_rng;
    QTimer m_timer;
};

class Monkey {
public:
    Monkey(MainWindow& w, std::mt19937& rng) : m_w(w), m_rng(rng) {}

    int pick(int n) { return static_cast<int>(m_rng() % static_cast<unsigned>(n)); }
    QPoint anywhere(QWidget& widget) {
        return {pick(std::max(1, widget.width())), pick(std::max(1, widget.height()))};
    }

    /// One random user gesture; returns what it was, for the failure message.
    std::string step() {
        switch (pick(12)) {
        case 0:
        case 1:
            return click_scene();
        case 2:
        case 3:
        case 4:
            return press_key();
        case 5:
            return click_timeline();
        case 6:
            return drag_timeline();
        case 7:
            return resize();
        case 8:
            return toggle_dock();
        case 9:
            return change_toolbar();
        case 10:
            return load_scenario_choice();
        default:
            return press_key();
        }
    }

private:
    SimView& some_view() {
        const auto& views = m_w.views();
        return *views.at(static_cast<std::size_t>(pick(static_cast<int>(views.size()))));
    }

    std::string click_scene() {
        SimView& view = some_view();
        view.repaint(); // lays the scene out for the current frame
        const SceneLayout& layout = view.last_layout();
        QPoint at = anywhere(view); // the background, or whatever lies there
        std::string what = "click the scene";
        const int target = pick(4);
        if (target == 0 && !layout.member_centers.empty()) {
            at = layout.member_centers
                     .at(static_cast<std::size_t>(
                         pick(static_cast<int>(layout.member_centers.size()))))
                     .toPoint();
            what = "click a member";
        } else if (target == 1 && !layout.thread_cells.empty()) {
            at = layout.thread_cells
                     .at(static_cast<std::size_t>(
                         pick(static_cast<int>(layout.thread_cells.size()))))
                     .center()
                     .toPoint();
            what = "click a thread";
        } else if (target == 2 && !layout.version_boxes.empty()) {
            at = layout.version_boxes
                     .at(static_cast<std::size_t>(
                         pick(static_cast<int>(layout.version_boxes.size()))))
                     .center()
                     .toPoint();
            what = "click a version";
        }
        QTest::mouseClick(&view, Qt::LeftButton, {}, at);
        return what;
    }

    std::string press_key() {
        static const Qt::Key keys[] = {Qt::Key_Space, Qt::Key_Right, Qt::Key_Left, Qt::Key_R,
                                       Qt::Key_W,     Qt::Key_L,     Qt::Key_H,    Qt::Key_C,
                                       Qt::Key_0,     Qt::Key_1,     Qt::Key_5,    Qt::Key_9,
                                       Qt::Key_Escape};
        // Stepping is what a presenter does most.
        const Qt::Key key = pick(3) == 0 ? Qt::Key_Right : keys[pick(std::size(keys))];
        QTest::keyClick(&m_w.view(), key);
        return "key " + QKeySequence(key).toString().toStdString();
    }

    std::string click_timeline() {
        Timeline& t = m_w.timeline();
        QTest::mouseClick(&t, Qt::LeftButton, {}, anywhere(t));
        return "click the timeline";
    }

    std::string drag_timeline() {
        Timeline& t = m_w.timeline();
        const bool shift = pick(2) == 0;
        const Qt::KeyboardModifiers mods = shift ? Qt::ShiftModifier : Qt::NoModifier;
        const QPoint from = anywhere(t);
        QTest::mousePress(&t, Qt::LeftButton, mods, from);
        QPoint to = from;
        for (int i = 0, n = 1 + pick(4); i < n; ++i) {
            to = anywhere(t);
            QTest::mouseMove(&t, to);
        }
        QTest::mouseRelease(&t, Qt::LeftButton, mods, to);
        return shift ? "shift-drag the timeline" : "drag the timeline";
    }

    std::string resize() {
        const int width = 800 + pick(1920 - 800 + 1);
        const int height = 600 + pick(1080 - 600 + 1);
        m_w.resize(width, height);
        return "resize to " + std::to_string(width) + "x" + std::to_string(height);
    }

    std::string toggle_dock() {
        static const char* names[] = {"inspector", "log", "charts"};
        const char* name = names[pick(3)];
        m_w.findChild<QDockWidget*>(name)->toggleViewAction()->trigger();
        return std::string("toggle the ") + name + " dock";
    }

    QSpinBox* spin_box(const QString& tooltip_start) {
        for (QSpinBox* box : m_w.findChildren<QSpinBox*>())
            if (box->toolTip().startsWith(tooltip_start))
                return box;
        return nullptr;
    }

    std::string change_toolbar() {
        switch (pick(4)) {
        case 0: {
            QComboBox* strategy = nullptr;
            for (QComboBox* box : m_w.findChildren<QComboBox*>())
                if (box->toolTip().startsWith("How the client"))
                    strategy = box;
            const int i = pick(strategy->count());
            strategy->setCurrentIndex(i);
            emit strategy->activated(i);
            return "strategy " + strategy->currentText().toStdString();
        }
        case 1: {
            // Small counts keep every step fast; the range limits are other tests' business.
            static const int threads[] = {1, 2, 4, 8, 16, 40};
            const int n = threads[pick(std::size(threads))];
            spin_box("Application threads")->setValue(n);
            return "threads " + std::to_string(n);
        }
        case 2: {
            const int n = 1 + pick(7);
            spin_box("Members")->setValue(n);
            return "members " + std::to_string(n);
        }
        default: {
            const int n = pick(1000);
            spin_box("Seed")->setValue(n);
            return "seed " + std::to_string(n);
        }
        }
    }

    std::string load_scenario_choice() {
        QComboBox* scenarios = nullptr;
        for (QComboBox* box : m_w.findChildren<QComboBox*>())
            if (box->toolTip().startsWith("The built-in scenarios"))
                scenarios = box;
        const int i = pick(scenarios->count());
        scenarios->setCurrentIndex(i);
        emit scenarios->activated(i);
        return "scenario " + scenarios->currentText().toStdString();
    }

    MainWindow& m_w;
    std::mt19937& m_rng;
};

/// The pane re-simulated from its scenario and the clicks it applied, to the same scheduler
/// entry and then the same time: it must have written the same events.
void expect_replayable(const Simulation& shown, int pane) {
    Simulation again(shown.scenario(), true);
    for (const UserAction& a : shown.user_actions())
        again.schedule(a);
    while (again.entries() < shown.entries() && again.run_entry()) {
    }
    if (again.now() < shown.now())
        again.run_until(shown.now());
    EXPECT_EQ(again.entries(), shown.entries()) << "pane " << pane;
    EXPECT_EQ(again.trace().count(), shown.trace().count()) << "pane " << pane;
    EXPECT_EQ(again.trace().sha256(), shown.trace().sha256()) << "pane " << pane;
    EXPECT_EQ(again.now(), shown.now()) << "pane " << pane;
}

TEST(Monkey, RandomGesturesNeverCrashFreezeOrBreakTheReplay) {
    const auto seed = static_cast<std::uint32_t>(env_number("WN_MONKEY_SEED", 20261201));
    const auto events = env_number("WN_MONKEY_EVENTS", 2500);
    std::cout << "monkey: seed " << seed << ", " << events << " events\n";
    std::mt19937 rng(seed);

    auto w = make_window();
    w->resize(1280, 800);
    w->show();
    QApplication::setActiveWindow(w.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(w.get()));
    PopupCloser closer(rng);
    Monkey monkey(*w, rng);

    std::string last = "nothing";
    for (std::uint64_t i = 0; i < events; ++i) {
        std::string what;
        try {
            what = monkey.step();
        } catch (const std::exception& e) {
            FAIL() << "seed " << seed << ", step " << i << " (after " << last << "): " << e.what();
        }
        last = what;
        closer.close_all();
        // Playing follows the wall clock; pausing after each step keeps the run a function
        // of the seed.
        if (w->controller().playing() && rng() % 4 != 0)
            w->controller().pause();
        bool alive = false;
        QTimer::singleShot(0, [&alive] { alive = true; });
        // A freeze detector, not a timing test: the bound is far above any step's cost.
        ASSERT_TRUE(QTest::qWaitFor([&alive] { return alive; }, 5000))
            << "the event loop froze after step " << i << " (" << what << "), seed " << seed;
        QApplication::setActiveWindow(w.get()); // a popup may have taken it
        if (::testing::Test::HasFailure()) {
            FAIL() << "seed " << seed << ", step " << i << " (" << what << ")";
        }
    }
    w->controller().pause();
    for (int pane = 0; pane < w->controller().panes(); ++pane)
        expect_replayable(w->controller().sim(pane), pane);
    if (::testing::Test::HasFailure())
        ADD_FAILURE() << "seed " << seed << ", after " << events << " steps";
}

} // namespace
} // namespace wn::ui

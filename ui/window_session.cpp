// MainWindow's memory between runs: what it saves when it closes and what it restores.

#include "scenario/scenario_json.h"
#include "ui/main_window.h"
#include "ui/presenter.h"
#include "ui/run_controls.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QSettings>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace wn::ui {

namespace {
// QMainWindow::restoreState refuses a state saved under another number: bump it when the
// docks change, so an old layout is dropped instead of misplacing the new docks.
constexpr int kDockStateVersion = 1;
} // namespace

SavedSession MainWindow::saved_session() const {
    SavedSession s;
    s.geometry = saveGeometry();
    s.dock_state = saveState(kDockStateVersion);
    s.scenario_json = QString::fromStdString(scenario_to_json(m_controller->scenario()).dump());
    QStringList names;
    for (StrategyKind k : m_controller->strategies())
        names << QString::fromUtf8(strategy_name(k));
    s.strategies = names.join(',');
    s.speed = m_controller->speed();
    s.slow_motion = m_controller->slow_motion();
    m_presenter->save(s);
    return s;
}

void MainWindow::restore_layout(const SavedSession& s) {
    if (!s.geometry.isEmpty())
        restoreGeometry(s.geometry);
    if (!s.dock_state.isEmpty() && restoreState(s.dock_state, kDockStateVersion))
        m_shown_before = true; // the user's dock heights, not the first-show defaults
    m_run_controls->set_speed(s.speed);
    m_controller->set_slow_motion(s.slow_motion);
    m_presenter->restore(s);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_remember_session) {
        m_presenter->set_presenting(false); // remember the window, not the full screen
        QSettings settings;
        save_session(settings, saved_session());
    }
    QMainWindow::closeEvent(event);
}

} // namespace wn::ui

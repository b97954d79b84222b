#pragma once

#include "scenario/scenario.h"

#include <QObject>
#include <QString>
#include <functional>

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolBar;

namespace wn::ui {

class SimController;

/// Slider position (an index into kSpeedStops: 0.1x .. 100x) to speed, and back (the
/// nearest stop).
double speed_for_slider(int position);
int slider_for_speed(double speed);

/// The toolbars' run settings: speed on the player's bar; strategy, scenario, seed,
/// threads, members, the race window and the servers' timing profile on the run's bar
/// below it. An
/// edit restarts the run with the edited scenario when it is valid; otherwise the controls
/// return to what runs and `report` says why. They follow every restart of the controller.
class RunControls : public QObject {
    Q_OBJECT
public:
    RunControls(SimController& controller, QToolBar& player_bar, QToolBar& run_bar,
                std::function<void(const QString&)> report);

    /// Shows the controller's scenario in the controls.
    void sync();
    /// Shows the number of members the run has now (after Add member or Remove).
    void sync_members();
    /// Moves the speed slider, and so the controller's speed, to the stop nearest `speed`.
    void set_speed(double speed);

private:
    void add_speed(QToolBar& bar);
    /// The chosen speed, and while the run plays slower, how fast it really plays.
    void sync_speed_label();
    void add_scenario_choices(QToolBar& bar);
    void add_sizes(QToolBar& bar);
    void add_fidelity(QToolBar& bar);
    void edited(const Scenario& scenario);

    SimController& m_controller;
    std::function<void(const QString&)> m_report;
    QSlider* m_speed = nullptr;
    QLabel* m_speed_label = nullptr;
    QComboBox* m_strategy = nullptr;
    QComboBox* m_scenario = nullptr;
    QSpinBox* m_seed = nullptr;
    QSpinBox* m_threads = nullptr;
    QSpinBox* m_members = nullptr;
    QComboBox* m_race_window = nullptr;
    QComboBox* m_timing = nullptr;
};

} // namespace wn::ui

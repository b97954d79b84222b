#pragma once

#include "scenario/scenario.h"
#include "ui/controller.h"
#include "ui/layout.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QTextBrowser;
class QAction;

namespace wn::ui {

class EventLog;
class SimView;

/// The window: the scene in the middle, controls on the toolbar, the inspector and the
/// event log in docks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Scenario scenario, QWidget* parent = nullptr);

    SimController& controller() { return *m_controller; }
    SimView& view() { return *m_view; }
    EventLog& event_log() { return *m_log; }
    QString inspector_html() const;
    /// Applies one of the member menu's actions (what a click on the menu does).
    QString member_action(int member, FaultKind kind, double ping_ms = 0);

private:
    void build_toolbar();
    void build_menus();
    void on_member_clicked(int index, QPoint global);
    void on_thread_clicked(int id);
    void on_version_clicked(int version);
    void on_monitor_clicked();
    void refresh_side_panels();
    void scenario_edited(const Scenario& edited);
    void sync_controls();
    void show_message(const QString& text);
    void open_scenario_file();
    void save_scenario_file();
    void export_trace();
    void export_png();
    void update_caption_override();

    SimController* m_controller;
    SimView* m_view;
    EventLog* m_log;
    QTextBrowser* m_inspector;
    QComboBox* m_strategy;
    QComboBox* m_scenario;
    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QSpinBox* m_members;
    QSlider* m_speed;
    QLabel* m_speed_label;
    QAction* m_play;
    Hit m_selection;
    bool m_started = false;
    qint64 m_last_panel_refresh = 0;
};

/// Slider position (-200..200) to speed (0.01x..100x) on a log scale, and back.
double speed_for_slider(int position);
int slider_for_speed(double speed);

} // namespace wn::ui

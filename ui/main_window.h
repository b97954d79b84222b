#pragma once

#include "scenario/scenario.h"
#include "ui/controller.h"
#include "ui/layout.h"
#include "ui/settings.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QTextBrowser;
class QAction;
class QDockWidget;

namespace wn::ui {

class ChartsPanel;
class EventLog;
class SimView;
class Timeline;

/// The window: the scene in the middle, controls on the toolbar, the inspector and the
/// event log in docks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `strategies` with more than one entry opens the side-by-side comparison.
    explicit MainWindow(Scenario scenario, std::vector<StrategyKind> strategies = {},
                        QWidget* parent = nullptr);

    SimController& controller() { return *m_controller; }
    /// The first pane's view (the only one outside a comparison).
    SimView& view() { return *m_views.front(); }
    const std::vector<SimView*>& views() const { return m_views; }
    Timeline& timeline() { return *m_timeline; }
    ChartsPanel& charts() { return *m_charts; }
    EventLog& event_log() { return *m_log; }
    QString inspector_html() const;
    /// What to remember of this window (ui/window_session.cpp).
    SavedSession saved_session() const;
    /// Puts back the saved geometry, docks and speed (the run itself is chosen before the
    /// window exists, where the command line can override it).
    void restore_layout(const SavedSession& session);
    /// When on, closing the window saves saved_session() with QSettings. Off by default,
    /// so tests and screenshots never touch the user's settings.
    void set_remember_session(bool on) { m_remember_session = on; }
    /// Applies one of the member menu's actions (what a click on the menu does).
    QString member_action(int member, FaultKind kind, double ping_ms = 0);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void build_toolbar();
    void build_menus();
    void on_member_clicked(int index, QPoint global);
    void on_thread_clicked(int pane, int id);
    void on_version_clicked(int pane, int version);
    void on_monitor_clicked();
    void build_panes();
    void select(int pane, Hit hit);
    void set_compare(bool on);
    void fit_charts_dock();
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
    QWidget* m_panes = nullptr;
    std::vector<SimView*> m_views;
    Timeline* m_timeline;
    ChartsPanel* m_charts;
    QDockWidget* m_charts_dock;
    bool m_shown_before = false;
    bool m_remember_session = false;
    int m_selection_pane = 0;
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

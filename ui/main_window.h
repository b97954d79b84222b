#pragma once

#include "scenario/scenario.h"
#include "ui/controller.h"
#include "ui/layout.h"
#include "ui/palette.h"
#include "ui/settings.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QTextBrowser;

namespace wn::ui {

class ChartsPanel;
class CodePanel;
class Presenter;
class EventLog;
class RunControls;
class SimView;
class Timeline;
class TourPlayer;

/// The window: the scene's panes in the middle, the timeline under them, controls on the
/// toolbar, the inspector, the event log and the charts in docks. It keeps the panes and
/// what is selected; the actions come from ui/actions.h, the run settings from RunControls,
/// the member menu and the File menu from their own files.
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
    /// The guided tour's player (ui/tour): its menu, keys and cards.
    TourPlayer& tour() { return *m_tour; }
    /// Another run from t=0, paused: `strategies` with more than one entry side by side.
    void set_run(const Scenario& scenario, const std::vector<StrategyKind>& strategies);
    /// Text size, theme, presenter mode, black screen, key overlay, auto-pause.
    Presenter& presenter() { return *m_presenter; }

    /// What to remember of this window (ui/window_session.cpp).
    SavedSession saved_session() const;
    /// Puts back the saved geometry, docks and speed (the run itself is chosen before the
    /// window exists, where the command line can override it).
    void restore_layout(const SavedSession& session);
    /// When on, closing the window saves saved_session() with QSettings. Off by default,
    /// so tests and screenshots never touch the user's settings.
    void set_remember_session(bool on) { m_remember_session = on; }
    /// Applies one of the member menu's actions (what a click on the menu does); returns ""
    /// or why it was refused.
    QString member_action(int member, FaultKind kind, double ping_ms = 0);
    /// Reconfig: a new member joins now.
    void add_member();
    /// schedule_refresh(): the monitor wakes now.
    void wake_monitor();
    /// Pauses, resumes or steps thread `thread` now (the thread menu's actions), in every
    /// pane with pane `pane` first (-1: the pane of the selection); returns "" or why `pane`
    /// refused it.
    QString thread_action(int thread, UserAction::Kind kind, int pane = -1);
    /// P and S: pause or resume (`toggle_pause`), or step, the selected thread.
    void selected_thread_action(bool toggle_pause);
    /// Naive and wasp side by side, or back to one pane.
    void set_compare(bool on);
    void toggle_full_screen();
    void show_message(const QString& text);
    /// Colours for the scene, the timeline and the charts.
    void set_palette(const Palette& colours);
    const Palette& colours() const { return m_palette; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void build_docks();
    /// The toolbar and the menus, from the action table.
    void build_actions();
    void build_panes();
    void on_member_clicked(int pane, int index, QPoint global);
    void on_thread_clicked(int pane, int id, QPoint global);
    /// The monitor's menu: the thread menu's items, and Wake monitor.
    void on_monitor_clicked(int pane, QPoint global);
    void refresh_code_panel();
    /// `offer_inspector`: open the inspector if the user has never seen it.
    void select(int pane, Hit hit, bool offer_inspector = true);
    void offer_inspector_once();
    void fit_charts_dock();
    void fit_timeline();
    /// The inspector, the code panel, the event log and (with `charts`) the charts.
    void refresh_side_panels(bool charts = true);
    void update_caption_override();

    SimController* m_controller;
    QWidget* m_panes = nullptr;
    std::vector<SimView*> m_views;
    Timeline* m_timeline;
    ChartsPanel* m_charts = nullptr;
    QDockWidget* m_charts_dock = nullptr;
    EventLog* m_log = nullptr;
    QTextBrowser* m_inspector = nullptr;
    CodePanel* m_code = nullptr;
    bool m_code_offered = false;
    RunControls* m_run_controls = nullptr;
    TourPlayer* m_tour = nullptr;
    QAction* m_play = nullptr;
    Presenter* m_presenter = nullptr;
    Palette m_palette = ui::palette();
    bool m_shown_before = false;
    bool m_remember_session = false;
    int m_selection_pane = 0;
    Hit m_selection;
    bool m_started = false;
    bool m_inspector_offered = false;
    qint64 m_last_panel_refresh = 0;
};

} // namespace wn::ui

#include "ui/main_window.h"

#include "ui/actions.h"
#include "ui/bookmarks_menu.h"
#include "ui/charts_panel.h"
#include "ui/code_panel.h"
#include "ui/event_log.h"
#include "ui/inspector.h"
#include "ui/member_menu.h"
#include "ui/presenter.h"
#include "ui/run_controls.h"
#include "ui/scene_room.h"
#include "ui/sim_view.h"
#include "ui/thread_menu.h"
#include "ui/timeline.h"
#include "ui/tour/tour_player.h"

#include <QAction>
#include <QDateTime>
#include <QDockWidget>
#include <QGridLayout>
#include <QMenu>
#include <QMenuBar>
#include <QResizeEvent>
#include <QShowEvent>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

namespace wn::ui {
namespace {
const QString kInspectorHint = "<p>Click a member, a thread, an RSState or the monitor.</p>";
} // namespace

MainWindow::MainWindow(Scenario scenario, std::vector<StrategyKind> strategies, QWidget* parent)
    : QMainWindow(parent) {
    setWindowTitle("Wasp's Nest");
    m_controller = new SimController(std::move(scenario), std::move(strategies), this);
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    m_panes = new QWidget(central);
    column->addWidget(m_panes, 1);
    m_timeline = new Timeline(*m_controller, central);
    column->addWidget(m_timeline);
    setCentralWidget(central);
    build_panes();
    build_docks();
    build_actions();
    m_tour = new TourPlayer(*this);
    new SceneRoom(*this, *m_panes); // docks give way before the scene becomes unreadable

    connect(m_controller, &SimController::message, this, &MainWindow::show_message);
    connect(m_controller, &SimController::changed, this, [this] {
        m_play->setText(m_controller->playing() ? "Pause" : "Play");
        if (m_controller->playing())
            m_started = true;
        update_caption_override();
        if (!m_controller->playing()) {
            m_last_panel_refresh = QDateTime::currentMSecsSinceEpoch();
            refresh_side_panels(false);
            if (m_charts_dock->isVisible())
                m_charts->refresh_in_turn();
        }
    });
    // Playing, the charts and side panels follow after the frame is painted, not before it:
    // the frame starts on time and they show up a frame later, which no one can see.
    connect(m_controller, &SimController::frame_shown, this, [this] {
        // The charts redraw one at a time, spread over the frames.
        if (m_charts_dock->isVisible())
            m_charts->refresh_next();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_last_panel_refresh > 250) {
            m_last_panel_refresh = now;
            refresh_side_panels(false);
        }
    });
    connect(m_controller, &SimController::restarted, this, [this] {
        m_started = false;
        update_caption_override();
    });
    connect(m_log, &EventLog::filter_changed, this, [this] { refresh_side_panels(); });
    update_caption_override();
    resize(1280, 720);
}

void MainWindow::build_docks() {
    m_inspector = new QTextBrowser(this);
    // The ismaster reply is preformatted JSON: wrap it to the dock rather than cutting it.
    m_inspector->document()->setDefaultStyleSheet("pre { white-space: pre-wrap; }");
    m_inspector->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_inspector->setHtml(kInspectorHint);
    auto* inspector_dock = new QDockWidget("Inspector", this);
    inspector_dock->setObjectName("inspector");
    inspector_dock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspector_dock);
    inspector_dock->hide(); // shown on the first click, so the scene gets the room
    // Once the user has seen it, showing or hiding it is theirs (its cross, View > Inspector).
    connect(inspector_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            m_inspector_offered = true;
    });
    m_log = new EventLog(this);
    auto* log_dock = new QDockWidget("Event log", this);
    log_dock->setObjectName("log");
    log_dock->setWidget(m_log);
    // On the right under the inspector: beside the charts it would squeeze them below
    // their titles and push the window wider than a projector.
    addDockWidget(Qt::RightDockWidgetArea, log_dock);
    splitDockWidget(inspector_dock, log_dock, Qt::Vertical);
    log_dock->hide(); // the projector needs the room; View > Event log (L) shows it
    // Hidden, the log is not kept up to date: catch up when it is shown again.
    connect(log_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refresh_side_panels();
    });
    m_charts = new ChartsPanel(*m_controller, this);
    m_charts_dock = new QDockWidget("Charts", this);
    m_charts_dock->setObjectName("charts");
    m_charts_dock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_charts_dock);
    // The comparison's punchline is in the numbers: show them with it.
    m_charts_dock->setVisible(m_controller->panes() > 1);
    resizeDocks({inspector_dock}, {300}, Qt::Horizontal);
    // Opening the charts gives them a third of the window; after that the user's height stays.
    // Like the log, hidden charts are not kept up to date: catch up when they are shown.
    connect(m_charts_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refresh_side_panels();
    });
    connect(m_charts_dock->toggleViewAction(), &QAction::triggered, this, [this](bool on) {
        if (on)
            fit_charts_dock();
    });
    m_code = new CodePanel(*m_controller, this);
    auto* code_dock = new QDockWidget("Code", this);
    code_dock->setObjectName("code");
    code_dock->setWidget(m_code);
    addDockWidget(Qt::LeftDockWidgetArea, code_dock);
    code_dock->hide(); // the first pause shows it; View > Code (K) at any time
    connect(code_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refresh_code_panel();
    });
}

void MainWindow::build_actions() {
    // Two rows, so that every control shows at 1024 px instead of hiding behind the
    // toolbar's overflow: the player and the cluster's buttons, then the run's settings.
    QToolBar* bar = addToolBar("Controls");
    bar->setObjectName("controls");
    bar->setMovable(false);
    addToolBarBreak();
    QToolBar* run_bar = addToolBar("Run settings");
    run_bar->setObjectName("run");
    run_bar->setMovable(false);
    const std::map<ActionPlace, QMenu*> menus = {
        {ActionPlace::FileMenu, menuBar()->addMenu("&File")},
        {ActionPlace::ViewMenu, menuBar()->addMenu("&View")},
        {ActionPlace::ThreadMenu, menuBar()->addMenu("&Thread")},
        {ActionPlace::HelpMenu, menuBar()->addMenu("&Help")},
    };
    bool settings_added = false;
    for (const ActionSpec& spec : action_table()) {
        QAction* action = nullptr;
        if (!spec.dock.isEmpty()) {
            // Qt's own show/hide action for the dock, with our keys and tooltip.
            action = findChild<QDockWidget*>(spec.dock)->toggleViewAction();
        } else {
            action = new QAction(spec.name, this);
            action->setCheckable(spec.checkable);
            connect(action, &QAction::triggered, this,
                    [this, run = spec.run](bool checked) { run(*this, checked); });
        }
        action->setShortcuts(shortcuts(spec));
        action->setToolTip(tooltip_with_keys(spec));
        switch (spec.place) {
        case ActionPlace::RunBar:
            bar->addAction(action);
            break;
        case ActionPlace::ClusterBar:
            if (!settings_added) {
                // The speed sits between the player and the cluster's buttons; the run's
                // other settings take the second row.
                bar->addSeparator();
                m_run_controls =
                    new RunControls(*m_controller, *bar, *run_bar,
                                    [this](const QString& text) { show_message(text); });
                bar->addSeparator();
                settings_added = true;
            }
            bar->addAction(action);
            break;
        default:
            if (spec.separator_before)
                menus.at(spec.place)->addSeparator();
            menus.at(spec.place)->addAction(action);
            break;
        }
        if (spec.name == "Play")
            m_play = action;
        if (spec.checkable)
            action->setChecked(m_controller->panes() > 1); // the comparison
    }
    // Checked from the controller, which a restored session may change.
    QAction* slow = new QAction("&Slow motion near events", this);
    slow->setCheckable(true);
    slow->setChecked(m_controller->slow_motion());
    slow->setToolTip("Play faults, elections, publications and errors at a fifth of the speed");
    connect(slow, &QAction::toggled, m_controller, &SimController::set_slow_motion);
    connect(m_controller, &SimController::changed, slow,
            [this, slow] { slow->setChecked(m_controller->slow_motion()); });
    menus.at(ActionPlace::ViewMenu)->addSeparator();
    menus.at(ActionPlace::ViewMenu)->addAction(slow);
    m_presenter = new Presenter(*this, *menus.at(ActionPlace::ViewMenu));
    QMenu* bookmarks = new QMenu("&Bookmarks", this);
    menuBar()->insertMenu(menus.at(ActionPlace::HelpMenu)->menuAction(), bookmarks);
    install_bookmarks_menu(*this, *bookmarks);
}

void MainWindow::build_panes() {
    // Hidden at once: until the event loop deletes them they would still paint under the
    // new panes, through the gaps between them, in a render or a tour's stills.
    for (SimView* v : m_views) {
        v->hide();
        v->deleteLater();
    }
    m_views.clear();
    delete m_panes->layout();
    auto* grid = new QGridLayout(m_panes);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    const int n = m_controller->panes();
    const int cols = n <= 2 ? n : 2; // side by side; four as 2x2
    const int rows = (n + cols - 1) / cols;
    for (int pane = 0; pane < n; ++pane) {
        auto* v = new SimView(*m_controller, pane, m_panes);
        v->set_palette(m_palette);
        // Stacked panes together need no more height than one pane, so a window size that
        // fits one pane (a --screenshot --size) fits four.
        if (rows > 1)
            v->setMinimumHeight((v->minimumHeight() - grid->spacing() * (rows - 1)) / rows);
        grid->addWidget(v, pane / cols, pane % cols);
        connect(v, &SimView::member_clicked, this,
                [this, pane](int index, QPoint global) { on_member_clicked(pane, index, global); });
        connect(v, &SimView::thread_clicked, this,
                [this, pane](int id, QPoint global) { on_thread_clicked(pane, id, global); });
        connect(v, &SimView::version_clicked, this, [this, pane](int version) {
            select(pane, {Hit::Kind::Version, version});
        });
        connect(v, &SimView::monitor_clicked, this,
                [this, pane](QPoint global) { on_monitor_clicked(pane, global); });
        connect(v, &SimView::background_clicked, this, [this, pane] { select(pane, {}); });
        m_views.push_back(v);
    }
    update_caption_override();
}

void MainWindow::select(int pane, Hit hit, bool offer_inspector) {
    m_selection_pane = pane;
    m_selection = hit;
    for (SimView* v : m_views)
        v->set_selection(v->pane() == pane ? hit : Hit{});
    refresh_side_panels();
    if (offer_inspector && hit.kind != Hit::Kind::None)
        offer_inspector_once();
}

void MainWindow::offer_inspector_once() {
    if (m_inspector_offered)
        return;
    m_inspector_offered = true;
    findChild<QDockWidget*>("inspector")->show();
}

void MainWindow::set_compare(bool on) {
    // The same moment, side by side or alone.
    if (on)
        m_controller->rerun(m_controller->scenario(), {StrategyKind::Naive, StrategyKind::Wasp});
    else
        m_controller->rerun(m_controller->scenario(), {m_controller->strategies().back()});
    build_panes();
    m_charts_dock->setVisible(on);
    if (on)
        fit_charts_dock();
}

void MainWindow::set_run(const Scenario& scenario, const std::vector<StrategyKind>& strategies) {
    m_controller->set_scenario(scenario);
    if (strategies != m_controller->strategies())
        m_controller->set_strategies(strategies);
    if (static_cast<int>(m_views.size()) != m_controller->panes()) {
        build_panes();
        m_charts_dock->setVisible(m_controller->panes() > 1);
        if (m_controller->panes() > 1)
            fit_charts_dock();
    }
}

void MainWindow::toggle_full_screen() {
    isFullScreen() ? showNormal() : showFullScreen();
}

void MainWindow::set_palette(const Palette& colours) {
    m_palette = colours;
    for (SimView* v : m_views)
        v->set_palette(colours);
    m_timeline->set_palette(colours);
    m_charts->set_palette(colours);
    fit_timeline();
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    fit_timeline();
}

void MainWindow::fit_timeline() {
    // Taller on a bigger screen, so the rows stay readable from afar; larger text (View >
    // Larger text) makes it taller still.
    m_timeline->setFixedHeight(timeline_height(height(), m_palette.font_scale));
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!m_shown_before && m_charts_dock->isVisibleTo(this))
        fit_charts_dock(); // a comparison opens with its charts
    m_shown_before = true;
}

void MainWindow::fit_charts_dock() {
    // Qt would give the charts their preferred height, most of a 720-line projector; the
    // scene is what the room watches, the charts back it up.
    resizeDocks({m_charts_dock}, {static_cast<int>(height() * 0.34)}, Qt::Vertical);
}

void MainWindow::update_caption_override() {
    const bool intro = !m_started && m_controller->sim().now() == 0;
    for (SimView* v : m_views)
        v->set_caption_override(
            intro ? QString::fromUtf8("Press Space to start \u2014 ") +
                        QString::fromStdString(m_controller->scenario().description)
                  : QString());
}

void MainWindow::show_message(const QString& text) {
    statusBar()->showMessage(text, 8000);
}

QString MainWindow::member_action(int member, FaultKind kind, double ping_ms) {
    QString status;
    const QString why = apply_member_action(*m_controller, member, kind, ping_ms, status);
    show_message(status);
    return why;
}

void MainWindow::add_member() {
    UserAction a;
    a.fault.kind = FaultKind::AddMember;
    const QString why = m_controller->apply(a);
    show_message(why.isEmpty() ? "Reconfig: a new member joins and starts syncing." : why);
}

void MainWindow::on_member_clicked(int pane, int index, QPoint global) {
    // The inspector opens after the menu: opening it first would reflow the scene and
    // leave the menu far from the member it is about.
    select(pane, {Hit::Kind::Member, index}, false);
    exec_member_menu(
        this, *m_controller, index, global,
        [this, index](FaultKind kind, double ping_ms) { member_action(index, kind, ping_ms); });
    offer_inspector_once();
}

void MainWindow::on_thread_clicked(int pane, int id, QPoint global) {
    select(pane, {Hit::Kind::Thread, id}, false);
    exec_thread_menu(this, *m_controller, pane, id, global,
                     [this, id, pane](UserAction::Kind kind) { thread_action(id, kind, pane); });
    offer_inspector_once();
}

void MainWindow::on_monitor_clicked(int pane, QPoint global) {
    select(pane, {Hit::Kind::Monitor, 0}, false);
    QMenu menu(this);
    add_thread_items(menu, *m_controller, pane, 0,
                     [this, pane](UserAction::Kind kind) { thread_action(0, kind, pane); });
    menu.addSeparator();
    QAction* wake = menu.addAction("Wake monitor\tW", &menu, [this] { wake_monitor(); });
    wake->setToolTip("schedule_refresh(): wake the monitor now (W)");
    menu.exec(global);
    offer_inspector_once();
}

QString MainWindow::thread_action(int thread, UserAction::Kind kind, int pane) {
    QString status;
    if (pane < 0)
        pane = m_selection_pane;
    const QString why = apply_thread_action(*m_controller, pane, thread, kind, status);
    show_message(status);
    if (why.isEmpty() && !m_code_offered) {
        // The first pause shows where the thread stands in the Python.
        m_code_offered = true;
        findChild<QDockWidget*>("code")->show();
    }
    refresh_code_panel();
    return why;
}

void MainWindow::selected_thread_action(bool toggle_pause) {
    if (m_selection.kind != Hit::Kind::Thread && m_selection.kind != Hit::Kind::Monitor) {
        show_message("Click a thread first: P pauses or resumes it, S steps it one line.");
        return;
    }
    const int id = m_selection.kind == Hit::Kind::Monitor ? 0 : m_selection.index;
    const int pane = std::min(m_selection_pane, m_controller->panes() - 1);
    if (static_cast<std::size_t>(id) >= m_controller->sim(pane).client().threads().size())
        return;
    thread_action(
        id, toggle_pause ? pause_toggle(*m_controller, pane, id) : UserAction::Kind::StepThread,
        pane);
}

void MainWindow::refresh_code_panel() {
    if (m_code->isVisible())
        m_code->refresh(m_selection_pane);
}

void MainWindow::wake_monitor() {
    select(m_selection_pane, {Hit::Kind::Monitor, 0});
    UserAction wake;
    wake.kind = UserAction::Kind::WakeMonitor;
    m_controller->apply(wake);
    show_message("schedule_refresh(): the monitor wakes now.");
}

void MainWindow::refresh_side_panels(bool charts) {
    const Simulation& sim =
        m_controller->sim(std::min(m_selection_pane, m_controller->panes() - 1));
    QString html;
    switch (m_selection.kind) {
    case Hit::Kind::Thread:
        html = describe_thread(sim, m_selection.index);
        break;
    case Hit::Kind::Version:
        html = describe_version(sim, m_selection.index);
        break;
    case Hit::Kind::Member:
        html = describe_member(sim, m_selection.index);
        break;
    case Hit::Kind::Monitor:
        html = describe_monitor(sim);
        break;
    default:
        break;
    }
    if (html.isEmpty() && m_selection.kind != Hit::Kind::None) {
        // What was selected is gone (a member of an earlier run): show nothing stale.
        m_selection = {};
        for (SimView* v : m_views)
            v->set_selection({});
    }
    m_inspector->setHtml(html.isEmpty() ? kInspectorHint : html);
    refresh_code_panel();
    if (m_log->isVisible())
        m_log->show_events(sim);
    if (charts && m_charts_dock->isVisible())
        m_charts->refresh();
}

} // namespace wn::ui

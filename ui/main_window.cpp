#include "ui/main_window.h"

#include "scenario/library.h"
#include "scenario/scenario_json.h"
#include "trace/trace_json.h"
#include "ui/charts_panel.h"
#include "ui/event_log.h"
#include "ui/inspector.h"
#include "ui/lab/lab_window.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QResizeEvent>
#include <QShowEvent>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace wn::ui {

double speed_for_slider(int position) {
    return std::pow(10.0, position / 100.0);
}
int slider_for_speed(double speed) {
    return static_cast<int>(std::lround(std::log10(speed) * 100.0));
}

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

    m_inspector = new QTextBrowser(this);
    m_inspector->setHtml("<p>Click a member, a thread, an RSState or the monitor.</p>");
    auto* inspector_dock = new QDockWidget("Inspector", this);
    inspector_dock->setObjectName("inspector");
    inspector_dock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspector_dock);
    inspector_dock->hide(); // shown on the first click, so the scene gets the room
    m_log = new EventLog(this);
    auto* log_dock = new QDockWidget("Event log", this);
    log_dock->setObjectName("log");
    log_dock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, log_dock);
    log_dock->hide(); // the projector needs the room; View > Event log (L) shows it
    m_charts = new ChartsPanel(*m_controller, this);
    m_charts_dock = new QDockWidget("Charts", this);
    m_charts_dock->setObjectName("charts");
    m_charts_dock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_charts_dock);
    // The comparison's punchline is in the numbers: show them with it.
    m_charts_dock->setVisible(m_controller->panes() > 1);
    resizeDocks({inspector_dock}, {300}, Qt::Horizontal);
    // Opening the charts gives them a third of the window; after that the user's height stays.
    connect(m_charts_dock->toggleViewAction(), &QAction::triggered, this, [this](bool on) {
        if (on)
            fit_charts_dock();
    });

    build_toolbar();
    build_menus();
    log_dock->toggleViewAction()->setShortcut(Qt::Key_L);
    log_dock->toggleViewAction()->setToolTip("Show or hide the event log (L)");
    m_charts_dock->toggleViewAction()->setShortcut(Qt::Key_H);
    m_charts_dock->toggleViewAction()->setToolTip("Show or hide the charts (H)");

    connect(m_controller, &SimController::message, this, &MainWindow::show_message);
    connect(m_controller, &SimController::changed, this, [this] {
        m_play->setText(m_controller->playing() ? "Pause" : "Play");
        if (m_controller->playing())
            m_started = true;
        update_caption_override();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!m_controller->playing() || now - m_last_panel_refresh > 250) {
            m_last_panel_refresh = now;
            refresh_side_panels();
        }
    });
    connect(m_controller, &SimController::restarted, this, [this] {
        m_started = false;
        update_caption_override();
    });
    connect(m_log, &EventLog::filter_changed, this, &MainWindow::refresh_side_panels);
    update_caption_override();
    sync_controls();
    resize(1280, 720);
}

void MainWindow::build_panes() {
    for (SimView* v : m_views)
        v->deleteLater();
    m_views.clear();
    delete m_panes->layout();
    auto* grid = new QGridLayout(m_panes);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    const int n = m_controller->panes();
    const int cols = n <= 2 ? n : 2; // side by side; four as 2x2
    for (int pane = 0; pane < n; ++pane) {
        auto* v = new SimView(*m_controller, pane, m_panes);
        grid->addWidget(v, pane / cols, pane % cols);
        connect(v, &SimView::member_clicked, this, [this, pane](int index, QPoint global) {
            m_selection_pane = pane;
            on_member_clicked(index, global);
        });
        connect(v, &SimView::thread_clicked, this,
                [this, pane](int id) { on_thread_clicked(pane, id); });
        connect(v, &SimView::version_clicked, this,
                [this, pane](int version) { on_version_clicked(pane, version); });
        connect(v, &SimView::monitor_clicked, this, &MainWindow::on_monitor_clicked);
        connect(v, &SimView::background_clicked, this, [this, pane] { select(pane, {}); });
        m_views.push_back(v);
    }
    update_caption_override();
}

void MainWindow::select(int pane, Hit hit) {
    m_selection_pane = pane;
    m_selection = hit;
    for (SimView* v : m_views)
        v->set_selection(v->pane() == pane ? hit : Hit{});
    refresh_side_panels();
}

void MainWindow::set_compare(bool on) {
    if (on)
        m_controller->set_strategies({StrategyKind::Naive, StrategyKind::Wasp});
    else
        m_controller->set_strategies({m_controller->strategies().back()});
    build_panes();
    m_charts_dock->setVisible(on);
    if (on)
        fit_charts_dock();
    sync_controls();
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    // 72 px at 720 lines, more on a bigger screen, so the rows stay readable from afar.
    m_timeline->setFixedHeight(std::clamp(height() / 10, 72, 120));
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

void MainWindow::build_toolbar() {
    QToolBar* bar = addToolBar("Controls");
    bar->setObjectName("controls");
    bar->setMovable(false);
    m_play = bar->addAction("Play", m_controller, &SimController::toggle_play);
    m_play->setShortcut(Qt::Key_Space);
    m_play->setToolTip("Play or pause the simulation (Space)");
    QAction* step = bar->addAction("Step", m_controller, &SimController::step);
    step->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_Period),
                        QKeySequence(Qt::Key_PageDown)});
    step->setToolTip("Run exactly one more event (Right arrow or .)");
    QAction* back = bar->addAction("Back", m_controller, &SimController::step_back);
    back->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
    back->setToolTip("Go back one event (Left arrow)");
    QAction* restart = bar->addAction("Restart", m_controller, &SimController::restart);
    restart->setShortcut(Qt::Key_R);
    restart->setToolTip("Start this scenario again from t=0 (R)");
    bar->addSeparator();

    bar->addWidget(new QLabel(" Speed ", this));
    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setRange(-200, 200);
    m_speed->setValue(0);
    m_speed->setFixedWidth(140);
    m_speed->setToolTip("Virtual seconds per wall second, from 0.01x to 100x (log scale)");
    bar->addWidget(m_speed);
    m_speed_label = new QLabel(this);
    m_speed_label->setMinimumWidth(60);
    bar->addWidget(m_speed_label);
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) {
        m_controller->set_speed(speed_for_slider(v));
        m_speed_label->setText(QString::number(m_controller->speed(), 'g', 3) + "x");
    });
    m_speed_label->setText("1x");
    bar->addSeparator();

    m_strategy = new QComboBox(this);
    for (const char* s : {"naive", "mutex", "rwlock", "wasp"})
        m_strategy->addItem(s);
    m_strategy->setToolTip("How the client shares its view of the replica set");
    bar->addWidget(new QLabel(" Strategy ", this));
    bar->addWidget(m_strategy);
    connect(m_strategy, &QComboBox::activated, this, [this] {
        Scenario s = m_controller->scenario();
        s.strategy = *parse_strategy(m_strategy->currentText().toStdString());
        scenario_edited(s);
    });

    m_scenario = new QComboBox(this);
    for (const BuiltinScenario& b : builtin_scenarios()) {
        m_scenario->addItem(QString::fromStdString(b.name));
        m_scenario->setItemData(m_scenario->count() - 1, QString::fromStdString(b.description),
                                Qt::ToolTipRole);
    }
    m_scenario->setToolTip("The built-in scenarios (File > Open for your own)");
    bar->addWidget(new QLabel(" Scenario ", this));
    bar->addWidget(m_scenario);
    connect(m_scenario, &QComboBox::activated, this, [this] {
        try {
            Scenario s = load_scenario(m_scenario->currentText().toStdString());
            s.strategy = m_controller->scenario().strategy;
            m_controller->set_scenario(s);
            sync_controls();
        } catch (const ScenarioError& e) {
            show_message(e.what());
        }
    });

    auto spin = [&](const QString& label, int lo, int hi, const QString& tip) {
        auto* box = new QSpinBox(this);
        box->setRange(lo, hi);
        box->setToolTip(tip);
        box->setKeyboardTracking(false);
        bar->addWidget(new QLabel(" " + label + " ", this));
        bar->addWidget(box);
        return box;
    };
    m_seed = spin("Seed", 0, 2147483647, "Seed of the run: the same seed replays the same run");
    m_threads = spin("Threads", kMinThreads, kMaxThreads, "Application threads (1-1000)");
    m_members = spin("Members", kMinMembers, kMaxMembers, "Members of the replica set (1-7)");
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        Scenario s = m_controller->scenario();
        s.seed = static_cast<std::uint64_t>(v);
        scenario_edited(s);
    });
    connect(m_threads, &QSpinBox::valueChanged, this, [this](int v) {
        Scenario s = m_controller->scenario();
        s.threads = v;
        scenario_edited(s);
    });
    connect(m_members, &QSpinBox::valueChanged, this, [this](int v) {
        Scenario s = m_controller->scenario();
        while (static_cast<int>(s.members.size()) > v)
            s.members.pop_back();
        for (int i = static_cast<int>(s.members.size()) + 1; i <= v; ++i)
            s.members.push_back(MemberSpec{"db" + std::to_string(i) + ":27017"});
        scenario_edited(s);
    });
    bar->addSeparator();
    QAction* add = bar->addAction("Add member", this, [this] {
        UserAction a;
        a.fault.kind = FaultKind::AddMember;
        const QString why = m_controller->apply(a);
        show_message(why.isEmpty() ? "Reconfig: a new member joins and starts syncing." : why);
    });
    add->setToolTip("Add a member to the replica set now (reconfig)");
    QAction* wake = bar->addAction("Wake monitor", this, &MainWindow::on_monitor_clicked);
    wake->setShortcut(Qt::Key_W);
    wake->setToolTip("schedule_refresh(): wake the monitor now (W)");
}

void MainWindow::build_menus() {
    QMenu* file = menuBar()->addMenu("&File");
    file->addAction("&Open scenario...", QKeySequence::Open, this, &MainWindow::open_scenario_file);
    file->addAction("&Save scenario...", QKeySequence::Save, this, &MainWindow::save_scenario_file);
    file->addAction("Export &trace (JSON)...", this, &MainWindow::export_trace);
    file->addAction("Export &PNG...", this, &MainWindow::export_png);
    file->addSeparator();
    file->addAction("&Quit", QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu* view = menuBar()->addMenu("&View");
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    QAction* full = view->addAction("&Full screen", this,
                                    [this] { isFullScreen() ? showNormal() : showFullScreen(); });
    full->setShortcut(Qt::Key_F11);
    QAction* lab = view->addAction("&Real threads lab...", this, [this] { LabWindow::open(this); });
    lab->setShortcut(Qt::Key_T);
    lab->setToolTip("The pattern with real threads on this machine: RCU against locks (T)");
    QMenu* help = menuBar()->addMenu("&Help");
    QAction* keys = help->addAction("&Keys and clicks", this, [this] {
        QMessageBox::information(
            this, "Wasp's Nest: keys and clicks",
            "<table cellpadding=4>"
            "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
            "<tr><td><b>Right</b>, <b>.</b>, PageDown</td><td>one more event</td></tr>"
            "<tr><td><b>Left</b>, PageUp</td><td>back one event</td></tr>"
            "<tr><td><b>R</b></td><td>restart from t=0</td></tr>"
            "<tr><td><b>W</b></td><td>wake the monitor (schedule_refresh)</td></tr>"
            "<tr><td><b>C</b></td><td>compare naive and wasp side by side</td></tr>"
            "<tr><td><b>H</b> / <b>L</b></td><td>charts / event log</td></tr>"
            "<tr><td><b>T</b></td><td>the Real threads lab</td></tr>"
            "<tr><td><b>F11</b></td><td>full screen</td></tr>"
            "<tr><td>click a member</td><td>kill, revive, step down, cut off, ping, "
            "remove</td></tr>"
            "<tr><td>click a thread / RSState</td><td>inspect it</td></tr>"
            "<tr><td>drag the timeline</td><td>any moment of the run, exactly</td></tr>"
            "</table>");
    });
    keys->setShortcuts({QKeySequence(Qt::Key_Question), QKeySequence(Qt::Key_F1)});
    QAction* compare = view->addAction("&Compare naive and wasp side by side");
    compare->setCheckable(true);
    compare->setChecked(m_controller->panes() > 1);
    compare->setShortcut(Qt::Key_C);
    connect(compare, &QAction::toggled, this, &MainWindow::set_compare);
}

void MainWindow::sync_controls() {
    const Scenario& s = m_controller->scenario();
    const QSignalBlocker b1(m_strategy), b2(m_seed), b3(m_threads), b4(m_members), b5(m_scenario);
    m_strategy->setCurrentText(strategy_name(s.strategy));
    m_strategy->setEnabled(m_controller->panes() == 1); // a comparison shows several
    m_seed->setValue(static_cast<int>(s.seed));
    m_threads->setValue(s.threads);
    m_members->setValue(static_cast<int>(s.members.size()));
    const int index = m_scenario->findText(QString::fromStdString(s.name));
    if (index >= 0) {
        m_scenario->setCurrentIndex(index);
    } else {
        m_scenario->addItem(QString::fromStdString(s.name));
        m_scenario->setCurrentIndex(m_scenario->count() - 1);
    }
}

void MainWindow::scenario_edited(const Scenario& edited) {
    try {
        validate_scenario(edited, edited.name);
    } catch (const ScenarioError& e) {
        show_message(e.what());
        sync_controls(); // put the controls back to what runs
        return;
    }
    m_controller->set_scenario(edited);
    sync_controls();
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
    const auto& servers = m_controller->sim().world().servers();
    if (member < 0 || static_cast<std::size_t>(member) >= servers.size()) {
        show_message("no such member");
        return "no such member";
    }
    UserAction a;
    a.fault.kind = kind;
    a.fault.host = m_controller->sim().hosts().name(servers[static_cast<std::size_t>(member)].host);
    a.fault.ping_ms = ping_ms;
    const QString why = m_controller->apply(a);
    show_message(
        why.isEmpty()
            ? QString(fault_name(kind)) + " " + QString::fromStdString(a.fault.host) +
                  " at t=" + QString::number(to_seconds(m_controller->sim().now()), 'f', 3) + " s"
            : why);
    return why;
}

void MainWindow::on_member_clicked(int index, QPoint global) {
    select(m_selection_pane, {Hit::Kind::Member, index});
    const auto& servers = m_controller->sim().world().servers();
    if (static_cast<std::size_t>(index) >= servers.size())
        return;
    const Server& s = servers[static_cast<std::size_t>(index)];
    QMenu menu(this);
    menu.addSection(QString::fromStdString(m_controller->sim().hosts().name(s.host)));
    auto item = [&](const QString& label, FaultKind kind, bool enabled) {
        QAction* a =
            menu.addAction(label, this, [this, index, kind] { member_action(index, kind); });
        a->setEnabled(enabled);
    };
    const bool removed = s.role == ServerRole::Removed;
    item("Kill the process (burst into flames)", FaultKind::Kill, s.up);
    item("Power off / unplug", FaultKind::PowerOff, s.up);
    item("Revive", FaultKind::Revive, !s.up && !removed);
    item("Step down", FaultKind::StepDown, s.up && s.role == ServerRole::Primary);
    if (s.cut_off)
        item("Restore the network", FaultKind::Restore, true);
    else
        item("Cut off from the client", FaultKind::CutOff, !removed);
    menu.addAction("Set ping...", this, [this, index, s] {
        bool ok = false;
        const double ping = QInputDialog::getDouble(this, "Set ping", "Round trip (ms):", s.ping_ms,
                                                    0, 10000, 1, &ok);
        if (ok)
            member_action(index, FaultKind::SetPing, ping);
    });
    item("Remove from the set", FaultKind::RemoveMember, !removed);
    menu.exec(global);
}

void MainWindow::on_thread_clicked(int pane, int id) {
    select(pane, {Hit::Kind::Thread, id});
}

void MainWindow::on_version_clicked(int pane, int version) {
    select(pane, {Hit::Kind::Version, version});
}

void MainWindow::on_monitor_clicked() {
    select(m_selection_pane, {Hit::Kind::Monitor, 0});
    UserAction wake;
    wake.kind = UserAction::Kind::WakeMonitor;
    m_controller->apply(wake);
    show_message("schedule_refresh(): the monitor wakes now.");
    refresh_side_panels();
}

QString MainWindow::inspector_html() const {
    return m_inspector->toHtml();
}

void MainWindow::refresh_side_panels() {
    const Simulation& sim =
        m_controller->sim(std::min(m_selection_pane, m_controller->panes() - 1));
    if (m_selection.kind != Hit::Kind::None) {
        if (auto* dock = findChild<QDockWidget*>("inspector"); dock && !dock->isVisible())
            dock->show();
    }
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
    if (!html.isEmpty())
        m_inspector->setHtml(html);
    if (m_log->isVisible())
        m_log->show_events(sim);
    if (m_charts_dock->isVisible())
        m_charts->refresh();
}

void MainWindow::open_scenario_file() {
    const QString path =
        QFileDialog::getOpenFileName(this, "Open scenario", {}, "Scenarios (*.json)");
    if (path.isEmpty())
        return;
    try {
        Scenario s = load_scenario(path.toStdString());
        s.name = QFileInfo(path).completeBaseName().toStdString();
        m_controller->set_scenario(s);
        sync_controls();
    } catch (const ScenarioError& e) {
        show_message(e.what());
    }
}

void MainWindow::save_scenario_file() {
    const QString path =
        QFileDialog::getSaveFileName(this, "Save scenario", "scenario.json", "Scenarios (*.json)");
    if (path.isEmpty())
        return;
    std::ofstream out(path.toStdString());
    out << scenario_to_json(m_controller->scenario()).dump(2) << "\n";
    show_message(out ? "Saved " + path : "Could not write " + path);
}

void MainWindow::export_trace() {
    const QString path =
        QFileDialog::getSaveFileName(this, "Export trace", "trace.json", "JSON (*.json)");
    if (path.isEmpty())
        return;
    std::ofstream out(path.toStdString());
    write_trace_json(m_controller->sim(), out);
    show_message(out ? "Wrote " + path : "Could not write " + path);
}

void MainWindow::export_png() {
    const QString path =
        QFileDialog::getSaveFileName(this, "Export PNG", "wasps-nest.png", "PNG images (*.png)");
    if (path.isEmpty())
        return;
    // Every pane side by side, at twice the screen's resolution.
    const QSize pane = m_views.front()->size();
    QImage image(QSize(pane.width() * static_cast<int>(m_views.size()), pane.height()) * 2,
                 QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.scale(2, 2);
    for (SimView* v : m_views) {
        v->render_to(painter, pane);
        painter.translate(pane.width(), 0);
    }
    painter.end();
    show_message(image.save(path) ? "Wrote " + path : "Could not write " + path);
}

} // namespace wn::ui

#include "ui/run_controls.h"

#include "scenario/library.h"
#include "scenario/run_budget.h"
#include "scenario/scenario_json.h"
#include "simulation.h"
#include "ui/controller.h"
#include "ui/model/pacing.h"

#include <QComboBox>
#include <QLabel>

#include <QSlider>
#include <QSpinBox>
#include <QToolBar>
#include <algorithm>
#include <cmath>

namespace wn::ui {

double speed_for_slider(int position) {
    return kSpeedStops[static_cast<std::size_t>(
        std::clamp(position, 0, static_cast<int>(kSpeedStops.size()) - 1))];
}

int slider_for_speed(double speed) {
    return speed_stop_for(speed);
}

RunControls::RunControls(SimController& controller, QToolBar& player_bar, QToolBar& run_bar,
                         std::function<void(const QString&)> report)
    : QObject(&player_bar), m_controller(controller), m_report(std::move(report)) {
    add_speed(player_bar);
    add_scenario_choices(run_bar);
    add_sizes(run_bar);
    add_fidelity(run_bar);
    // A new scenario, a comparison or a file opened: show what runs now.
    connect(&controller, &SimController::restarted, this, &RunControls::sync);
    // Add member and Remove change the set without a restart: count what the run shows.
    connect(&controller, &SimController::changed, this, &RunControls::sync_members);
    sync();
}

void RunControls::set_speed(double speed) {
    m_speed->setValue(
        slider_for_speed(std::clamp(speed, SimController::kMinSpeed, SimController::kMaxSpeed)));
}

void RunControls::add_speed(QToolBar& bar) {
    bar.addWidget(new QLabel(" Speed ", &bar));
    m_speed = new QSlider(Qt::Horizontal, &bar);
    m_speed->setRange(0, static_cast<int>(kSpeedStops.size()) - 1);
    m_speed->setValue(slider_for_speed(1.0));
    m_speed->setPageStep(1);
    m_speed->setTickPosition(QSlider::TicksBelow);
    m_speed->setFixedWidth(140);
    m_speed->setToolTip("Virtual seconds per wall second: 0.1x, 0.25x, 0.5x, 1x, 2x, 5x, 10x, "
                        "20x, 50x, 100x");
    bar.addWidget(m_speed);
    m_speed_label = new QLabel(&bar);
    m_speed_label->setMinimumWidth(60);
    bar.addWidget(m_speed_label);
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) {
        m_controller.set_speed(speed_for_slider(v));
        sync_speed_label();
    });
    // A machine that cannot keep up plays slower than the slider says: the label tells.
    connect(&m_controller, &SimController::changed, this, &RunControls::sync_speed_label);
    sync_speed_label();
}

void RunControls::sync_speed_label() {
    const QString text =
        QString::fromStdString(speed_label(m_controller.speed(), m_controller.played_share()));
    if (m_speed_label->text() != text) // every frame while playing: no relayout for nothing
        m_speed_label->setText(text);
}

void RunControls::add_scenario_choices(QToolBar& bar) {
    m_strategy = new QComboBox(&bar);
    for (StrategyKind s : {StrategyKind::Naive, StrategyKind::Mutex, StrategyKind::RwLock,
                           StrategyKind::Wasp, StrategyKind::Sdam})
        m_strategy->addItem(strategy_name(s));
    m_strategy->setToolTip("How the client shares its view of the replica set");
    bar.addWidget(new QLabel(" Strategy ", &bar));
    bar.addWidget(m_strategy);
    connect(m_strategy, &QComboBox::activated, this, [this] {
        Scenario s = m_controller.scenario();
        s.strategy = *parse_strategy(m_strategy->currentText().toStdString());
        edited(s);
    });

    m_scenario = new QComboBox(&bar);
    for (const BuiltinScenario& b : builtin_scenarios()) {
        m_scenario->addItem(QString::fromStdString(b.name));
        m_scenario->setItemData(m_scenario->count() - 1, QString::fromStdString(b.description),
                                Qt::ToolTipRole);
    }
    m_scenario->setToolTip("The built-in scenarios (File > Open for your own)");
    bar.addWidget(new QLabel(" Scenario ", &bar));
    bar.addWidget(m_scenario);
    connect(m_scenario, &QComboBox::activated, this, [this] {
        try {
            Scenario s = load_scenario(m_scenario->currentText().toStdString());
            s.strategy = m_controller.scenario().strategy;
            m_controller.set_scenario(s);
        } catch (const ScenarioError& e) {
            m_report(e.what());
        }
    });
}

void RunControls::add_sizes(QToolBar& bar) {
    auto spin = [&](const QString& label, int lo, int hi, const QString& tip) {
        auto* box = new QSpinBox(&bar);
        box->setRange(lo, hi);
        box->setToolTip(tip);
        box->setKeyboardTracking(false);
        bar.addWidget(new QLabel(" " + label + " ", &bar));
        bar.addWidget(box);
        return box;
    };
    m_seed = spin("Seed", 0, 2147483647, "Seed of the run: the same seed replays the same run");
    m_threads = spin("Threads", kMinThreads, kMaxThreads, "Application threads (1-1000)");
    m_members = spin("Members", kMinMembers, kMaxMembers, "Members of the replica set (1-7)");
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        Scenario s = m_controller.scenario();
        s.seed = static_cast<std::uint64_t>(v);
        edited(s);
    });
    connect(m_threads, &QSpinBox::valueChanged, this, [this](int v) {
        Scenario s = m_controller.scenario();
        s.threads = v;
        edited(s);
    });
    connect(m_members, &QSpinBox::valueChanged, this, [this](int v) {
        Scenario s = m_controller.scenario();
        while (static_cast<int>(s.members.size()) > v)
            s.members.pop_back();
        for (int i = static_cast<int>(s.members.size()) + 1; i <= v; ++i)
            s.members.push_back(MemberSpec{"db" + std::to_string(i) + ":27017"});
        edited(s);
    });
}

void RunControls::add_fidelity(QToolBar& bar) {
    m_race_window = new QComboBox(&bar);
    m_race_window->setObjectName("race_window");
    m_race_window->addItem("magnified", static_cast<int>(RaceWindow::Magnified));
    m_race_window->addItem("realistic", static_cast<int>(RaceWindow::Realistic));
    m_race_window->setToolTip(
        "Race window. Magnified: a thread is often paused ~20 ms between two lines, so the "
        "KeyError race shows in a one-minute demo. Realistic: CPython 2 switches threads "
        "every 100 bytecodes, so the gap is microseconds and the race is rare");
    bar.addWidget(new QLabel(" Race ", &bar));
    bar.addWidget(m_race_window);
    connect(m_race_window, &QComboBox::activated, this, [this] {
        Scenario s = m_controller.scenario();
        s.race_window = static_cast<RaceWindow>(m_race_window->currentData().toInt());
        edited(s);
    });

    m_timing = new QComboBox(&bar);
    m_timing->setObjectName("timing");
    m_timing->addItem("blog", static_cast<int>(TimingProfile::Blog));
    m_timing->addItem("MongoDB 2.4", static_cast<int>(TimingProfile::MongoDB24));
    m_timing->setToolTip(
        "Servers' timing. Blog: a new primary a few seconds (election_delay_s) after the old "
        "one is lost. MongoDB 2.4: heartbeats every 2 s, a member is down after 10 s without "
        "one, then an election round; a higher-priority member takes over when it is back");
    bar.addWidget(new QLabel(" Timing ", &bar));
    bar.addWidget(m_timing);
    connect(m_timing, &QComboBox::activated, this, [this] {
        Scenario s = m_controller.scenario();
        s.timing = static_cast<TimingProfile>(m_timing->currentData().toInt());
        edited(s);
    });
}

void RunControls::sync() {
    const Scenario& s = m_controller.scenario();
    const QSignalBlocker b1(m_strategy), b2(m_seed), b3(m_threads), b4(m_members), b5(m_scenario),
        b6(m_race_window), b7(m_timing);
    m_strategy->setCurrentText(strategy_name(s.strategy));
    m_strategy->setEnabled(m_controller.panes() == 1); // a comparison shows several
    m_seed->setValue(static_cast<int>(s.seed));
    m_threads->setValue(s.threads);
    m_members->setValue(static_cast<int>(s.members.size()));
    sync_members();
    m_race_window->setCurrentIndex(m_race_window->findData(static_cast<int>(s.race_window)));
    m_timing->setCurrentIndex(m_timing->findData(static_cast<int>(s.timing)));
    m_race_window->setItemText(0, QString::fromStdString("magnified " + magnification_text(s)));
    const int index = m_scenario->findText(QString::fromStdString(s.name));
    if (index >= 0) {
        m_scenario->setCurrentIndex(index);
    } else {
        m_scenario->addItem(QString::fromStdString(s.name));
        m_scenario->setCurrentIndex(m_scenario->count() - 1);
    }
}

void RunControls::sync_members() {
    int members = 0;
    for (const Server& server : m_controller.sim().world().servers())
        members += server.role != ServerRole::Removed;
    if (members != m_members->value()) {
        const QSignalBlocker block(m_members); // showing the count is not an edit
        m_members->setValue(members);
    }
}

void RunControls::edited(const Scenario& scenario) {
    try {
        validate_scenario(scenario, scenario.name);
        check_window_budget(scenario, scenario.name);
    } catch (const ScenarioError& e) {
        m_report(e.what());
        sync(); // put the controls back to what runs
        return;
    }
    // The same moment of the edited run: a presenter changing threads mid-failover stays
    // in the failover.
    m_controller.rerun(scenario, m_controller.panes() > 1 ? m_controller.strategies()
                                                          : std::vector<StrategyKind>{});
}

} // namespace wn::ui

#pragma once

#include "analysis/markers.h"
#include "scenario/scenario.h"
#include "simulation.h"
#include "ui/model/frame.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <vector>

namespace wn::ui {

/// Owns the running simulations — one per strategy pane, all on one shared clock — and plays
/// them in virtual time: each timer tick advances the clock by the wall time elapsed times
/// the speed, so pause, step and speed are exact and independent of the frame rate. The run
/// is deterministic from (scenario, seed, recorded clicks), so seeking back re-simulates.
class SimController : public QObject {
    Q_OBJECT
public:
    /// `strategies` empty: one pane with the scenario's own strategy.
    explicit SimController(Scenario scenario, std::vector<StrategyKind> strategies = {},
                           QObject* parent = nullptr);

    int panes() const { return static_cast<int>(m_sims.size()); }
    const Simulation& sim(int pane = 0) const { return *m_sims[static_cast<std::size_t>(pane)]; }
    /// The scenario of pane 0 (every pane shares it but for the strategy).
    const Scenario& scenario() const { return m_scenario; }
    const std::vector<StrategyKind>& strategies() const { return m_strategies; }
    double now() const { return to_seconds(m_sims.front()->now()); }
    double duration() const { return m_scenario.duration_s; }
    bool playing() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    /// How long finished requests and freed versions stay on screen, in virtual seconds:
    /// about half a second of wall time at the current speed.
    double trail_s() const;
    Frame frame(int pane = 0) const { return build_frame(sim(pane), trail_s()); }
    /// Timeline markers of pane 0 for the whole run when it is small enough to preview,
    /// otherwise for the part already simulated.
    const std::vector<Marker>& markers() const { return m_markers; }

    static constexpr double kMinSpeed = 0.01;
    static constexpr double kMaxSpeed = 100.0;

public slots:
    void play();
    void pause();
    void toggle_play();
    /// Runs exactly one more event of pane 0's trace (others follow to its time); pauses.
    void step();
    /// Goes back to just before pane 0's latest event; pauses.
    void step_back();
    /// Shows the exact state at virtual time `t` (seconds); pauses.
    void seek(double t);
    /// Starts the same scenario again from t=0, paused, forgetting the clicks.
    void restart();
    void set_speed(double speed);
    void set_scenario(const Scenario& scenario);
    void set_strategies(const std::vector<StrategyKind>& strategies);
    /// Applies a click to every pane now; returns "" or why it was refused.
    QString apply(const UserAction& action);

signals:
    void changed();
    void message(const QString& text);
    void restarted();

private:
    void tick();
    std::unique_ptr<Simulation> fresh(int pane) const;
    void rebuild(double t);
    void follow_leader();
    /// Simulates pane 0 to its end (when small) for whole-run markers.
    void compute_preview();
    /// Appends markers for events simulated since the last call (large runs).
    void update_markers();

    Scenario m_scenario;
    std::vector<StrategyKind> m_strategies;
    std::vector<std::unique_ptr<Simulation>> m_sims;
    std::vector<std::vector<UserAction>> m_actions; // per pane: every click of this branch
    std::vector<Marker> m_markers;
    bool m_preview = false;        // m_markers cover the whole run
    std::size_t m_marker_scan = 0; // events of pane 0 already scanned (large runs)
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_speed = 1.0;
};

} // namespace wn::ui

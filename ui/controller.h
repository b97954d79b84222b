#pragma once

#include "scenario/scenario.h"
#include "simulation.h"
#include "ui/frame.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace wn::ui {

/// Owns the running Simulation and plays it in virtual time: each timer tick advances the
/// clock by the wall time elapsed times the speed, so pause, step and speed are exact and
/// independent of the frame rate.
class SimController : public QObject {
    Q_OBJECT
public:
    explicit SimController(Scenario scenario, QObject* parent = nullptr);

    const Simulation& sim() const { return *m_sim; }
    const Scenario& scenario() const { return m_scenario; }
    bool playing() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    /// How long finished requests and freed versions stay on screen, in virtual seconds:
    /// about half a second of wall time at the current speed.
    double trail_s() const;
    Frame frame() const { return build_frame(*m_sim, trail_s()); }

    static constexpr double kMinSpeed = 0.01;
    static constexpr double kMaxSpeed = 100.0;

public slots:
    void play();
    void pause();
    void toggle_play();
    /// Runs exactly one more event of the trace (and pauses).
    void step();
    /// Starts the same scenario again from t=0, paused.
    void restart();
    void set_speed(double speed);
    void set_scenario(const Scenario& scenario);
    /// Runs (paused) up to virtual time `t` seconds.
    void advance_to(double t);
    /// Applies a click to the simulation now; returns "" or why it was refused.
    QString apply(const UserAction& action);

signals:
    void changed();
    void message(const QString& text);
    void restarted();

private:
    void tick();

    Scenario m_scenario;
    std::unique_ptr<Simulation> m_sim;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_speed = 1.0;
};

} // namespace wn::ui

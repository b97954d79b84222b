#include "ui/controller.h"

#include <QCursor>
#include <QGuiApplication>
#include <algorithm>

namespace wn::ui {

template <typename Work> void SimController::busy(Work work) {
    // Re-simulating from t=0 can take seconds with a thousand threads: say so. Keys pressed
    // meanwhile wait in the event queue and run afterwards.
    QGuiApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
    emit busy_changed(true);
    work();
    QGuiApplication::restoreOverrideCursor();
    emit busy_changed(false);
}

SimController::SimController(Scenario scenario, std::vector<StrategyKind> strategies,
                             QObject* parent)
    : QObject(parent), m_replay(std::move(scenario), std::move(strategies)) {
    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimController::tick);
}

double SimController::trail_s() const {
    return std::clamp(0.5 * m_speed, 0.002, 5.0);
}

double SimController::effective_speed() const {
    return paced_speed(m_speed, now(), markers(), m_slow_motion);
}

void SimController::set_slow_motion(bool on) {
    m_slow_motion = on;
    emit changed();
}

void SimController::play() {
    if (m_replay.finished()) {
        emit message("The run is over: press R to restart.");
        return;
    }
    m_clock.start();
    m_timer.start();
    emit changed();
}

void SimController::pause() {
    m_timer.stop();
    emit changed();
}

void SimController::toggle_play() {
    if (playing())
        pause();
    else
        play();
}

void SimController::tick() {
    // A stalled frame (a dialog, a slow machine) is skipped, not caught up in one jump.
    const double wall = std::min(static_cast<double>(m_clock.restart()) / 1000.0, 0.1);
    // Slow motion changes how fast the clock runs, never what happens in the run.
    SimTime target = m_replay.sim().now() + from_seconds(wall * effective_speed());
    if (m_pause_at >= 0 && target >= from_seconds(m_pause_at)) {
        target = std::max(m_replay.sim().now(), from_seconds(m_pause_at));
        m_replay.run_until(target);
        m_pause_at = -1;
        m_timer.stop();
        emit changed();
        emit paused_at_stop();
        return;
    }
    m_replay.run_until(target);
    if (m_replay.finished()) {
        m_timer.stop();
        emit message("End of the run at t=" + QString::number(now()) + " s. Press R to restart.");
    }
    emit changed();
}

void SimController::step() {
    m_timer.stop();
    if (!m_replay.step())
        emit message("The run is over: press R to restart.");
    emit changed();
}

void SimController::step_back() {
    m_timer.stop();
    bool stepped = false;
    busy([&] { stepped = m_replay.step_back(); });
    if (!stepped) {
        emit message("Already at the start of the run.");
        return;
    }
    emit changed();
}

void SimController::seek(double t) {
    m_timer.stop();
    m_pause_at = -1;                 // a stop ahead of the old moment means nothing at the new one
    busy([&] { m_replay.seek(t); }); // back from t=0, or far ahead: either can take a while
    emit changed();
}

void SimController::restart() {
    m_timer.stop();
    m_pause_at = -1;
    busy([&] { m_replay.restart(); });
    emit restarted();
    emit changed();
}

void SimController::set_speed(double speed) {
    m_speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    emit changed();
}

void SimController::set_scenario(const Scenario& scenario) {
    m_timer.stop();
    busy([&] { m_replay.set_scenario(scenario); });
    emit restarted();
    emit changed();
}

void SimController::set_strategies(const std::vector<StrategyKind>& strategies) {
    m_timer.stop();
    busy([&] { m_replay.set_strategies(strategies); });
    emit restarted();
    emit changed();
}

void SimController::rerun(const Scenario& scenario, const std::vector<StrategyKind>& strategies) {
    m_timer.stop();
    m_replay.rerun(scenario, strategies);
    emit restarted();
    emit changed();
}

QString SimController::apply(const UserAction& action, int lead) {
    std::string why;
    busy([&] { why = m_replay.apply(action, lead); }); // a click re-simulates the preview
    emit changed();
    return QString::fromStdString(why);
}

std::unique_ptr<Simulation> SimController::whole_run(int pane) {
    std::unique_ptr<Simulation> sim;
    busy([&] { sim = m_replay.whole_run(pane); });
    return sim;
}

void SimController::set_pause_at(double t) {
    m_pause_at = t;
}

void SimController::add_bookmark(const QString& name) {
    m_replay.add_bookmark(name.trimmed().toStdString());
    emit bookmarks_changed();
}

} // namespace wn::ui

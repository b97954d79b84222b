#include "ui/controller.h"

#include <algorithm>

namespace wn::ui {
namespace {

/// Runs small enough to simulate to the end at once get markers for their whole timeline.
constexpr double kPreviewThreadSeconds = 100.0 * 600.0;

} // namespace

SimController::SimController(Scenario scenario, std::vector<StrategyKind> strategies,
                             QObject* parent)
    : QObject(parent), m_scenario(std::move(scenario)) {
    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimController::tick);
    set_strategies(strategies.empty() ? std::vector<StrategyKind>{m_scenario.strategy}
                                      : strategies);
}

std::unique_ptr<Simulation> SimController::fresh(int pane) const {
    Scenario s = m_scenario;
    s.strategy = m_strategies[static_cast<std::size_t>(pane)];
    auto sim = std::make_unique<Simulation>(s, true);
    for (const UserAction& a : m_actions[static_cast<std::size_t>(pane)])
        sim->schedule(a);
    return sim;
}

double SimController::trail_s() const {
    return std::clamp(0.5 * m_speed, 0.002, 5.0);
}

void SimController::play() {
    if (m_sims.front()->finished()) {
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
    const SimTime target = m_sims.front()->now() + from_seconds(wall * m_speed);
    for (auto& sim : m_sims)
        sim->run_until(target);
    if (m_sims.front()->finished()) {
        m_timer.stop();
        emit message("End of the run at t=" + QString::number(now()) + " s. Press R to restart.");
    }
    update_markers();
    emit changed();
}

void SimController::follow_leader() {
    for (std::size_t i = 1; i < m_sims.size(); ++i)
        m_sims[i]->run_until(m_sims.front()->now());
}

void SimController::step() {
    m_timer.stop();
    if (!m_sims.front()->step_event())
        emit message("The run is over: press R to restart.");
    follow_leader();
    update_markers();
    emit changed();
}

void SimController::step_back() {
    m_timer.stop();
    const Simulation& current = *m_sims.front();
    const std::uint64_t count = current.trace().count();
    if (count == 0) {
        emit message("Already at the start of the run.");
        return;
    }
    // Find the last entry boundary before the latest event, then replay to it.
    std::uint64_t boundary = 0;
    {
        auto probe = fresh(0);
        while (probe->entries() < current.entries() && probe->run_entry())
            if (probe->trace().count() < count)
                boundary = probe->entries();
    }
    auto back = fresh(0);
    while (back->entries() < boundary && back->run_entry()) {
    }
    const SimTime t = back->now();
    m_sims.front() = std::move(back);
    for (std::size_t i = 1; i < m_sims.size(); ++i) {
        m_sims[i] = fresh(static_cast<int>(i));
        m_sims[i]->run_until(t);
    }
    emit changed();
}

void SimController::rebuild(double t) {
    for (std::size_t i = 0; i < m_sims.size(); ++i) {
        m_sims[i] = fresh(static_cast<int>(i));
        m_sims[i]->run_until(from_seconds(t));
    }
}

void SimController::seek(double t) {
    m_timer.stop();
    t = std::clamp(t, 0.0, duration());
    if (from_seconds(t) >= m_sims.front()->now()) {
        for (auto& sim : m_sims)
            sim->run_until(from_seconds(t));
    } else {
        rebuild(t);
    }
    update_markers();
    emit changed();
}

void SimController::restart() {
    m_timer.stop();
    for (auto& actions : m_actions)
        actions.clear();
    rebuild(0);
    compute_preview();
    emit restarted();
    emit changed();
}

void SimController::set_speed(double speed) {
    m_speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    emit changed();
}

void SimController::set_scenario(const Scenario& scenario) {
    m_scenario = scenario;
    if (m_strategies.size() == 1)
        m_strategies.front() = scenario.strategy;
    restart();
}

void SimController::set_strategies(const std::vector<StrategyKind>& strategies) {
    m_strategies = strategies;
    m_scenario.strategy = strategies.front();
    m_sims.resize(strategies.size());
    m_actions.assign(strategies.size(), {});
    restart();
}

QString SimController::apply(const UserAction& action) {
    // A click after seeking back starts a new branch: the old future's clicks are void.
    for (std::size_t i = 0; i < m_sims.size(); ++i) {
        auto& actions = m_actions[i];
        const std::uint64_t here = m_sims[i]->entries();
        actions.erase(
            std::remove_if(actions.begin(), actions.end(),
                           [here](const UserAction& a) { return a.after_entries > here; }),
            actions.end());
        m_sims[i]->drop_pending_actions();
    }
    const std::string why = m_sims.front()->apply(action);
    if (why.empty()) {
        m_actions.front().push_back(m_sims.front()->user_actions().back());
        for (std::size_t i = 1; i < m_sims.size(); ++i)
            if (m_sims[i]->apply(action).empty())
                m_actions[i].push_back(m_sims[i]->user_actions().back());
        if (m_preview)
            compute_preview(); // the click changed the future
    }
    emit changed();
    return QString::fromStdString(why);
}

void SimController::compute_preview() {
    m_markers.clear();
    m_marker_scan = 0;
    m_preview = m_scenario.threads * m_scenario.duration_s <= kPreviewThreadSeconds;
    if (!m_preview)
        return update_markers();
    auto preview = fresh(0);
    preview->run();
    m_markers = extract_markers(preview->trace().events());
}

void SimController::update_markers() {
    if (m_preview)
        return;
    // The run is deterministic, so after seeking back the new trace is a prefix of the old.
    const auto& events = m_sims.front()->trace().events();
    if (m_marker_scan > events.size()) {
        m_marker_scan = events.size();
        const double t = now();
        std::erase_if(m_markers, [t](const Marker& m) { return m.t > t; });
    }
    const auto fresh_markers = extract_markers(events, m_marker_scan);
    m_markers.insert(m_markers.end(), fresh_markers.begin(), fresh_markers.end());
    m_marker_scan = events.size();
}

} // namespace wn::ui

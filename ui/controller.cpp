#include "ui/controller.h"

#include <QCoreApplication>
#include <QCursor>
#include <QEvent>
#include <QGuiApplication>
#include <algorithm>

namespace wn::ui {
namespace {

/// About 10-20 ms of simulation: a seek that runs fewer events stays on the window's thread.
constexpr double kQuickEvents = 150000;
/// Events per thread and simulated second, before a run has shown its own rate.
constexpr double kEventsPerThreadSecond = 14.0;

QString at_text(double t) {
    return "t = " + QString::number(t, 'f', 3) + " s";
}

} // namespace

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
    : QObject(parent), m_replay(std::move(scenario), std::move(strategies)), m_scrub([this] {
          // On the worker: hand over to the window's thread.
          QMetaObject::invokeMethod(
              this, [this] { on_runs_ready(); }, Qt::QueuedConnection);
      }) {
    new_branch();
    m_timer.setInterval(kFrameMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimController::tick);
}

Frame SimController::frame(int pane) const {
    if (const Frame* drawn = catch_up_frame(pane))
        return *drawn;
    return build_frame(sim(pane), trail_s());
}

const Frame* SimController::catch_up_frame(int pane) const {
    const auto p = static_cast<std::size_t>(pane);
    return m_target && p < m_frames.size() && m_frames[p] ? &m_frames[p]->frame : nullptr;
}

Frame SimController::view_frame(int pane) {
    if (const Frame* drawn = catch_up_frame(pane))
        return *drawn;
    return pipeline(pane).frame(sim(pane), trail_s());
}

void SimController::draw_catch_up_frame(int pane) {
    const double trail = trail_s();
    auto f = m_scrub.frame(pane, from_seconds(*m_target), trail, m_replay.sim(pane));
    if (f)
        m_frames[static_cast<std::size_t>(pane)] = Drawn{std::move(*f), trail};
}

FramePipeline& SimController::pipeline(int pane) {
    const auto p = static_cast<std::size_t>(pane);
    if (m_pipelines.size() <= p)
        m_pipelines.resize(p + 1);
    if (!m_pipelines[p])
        m_pipelines[p] = std::make_unique<FramePipeline>();
    return *m_pipelines[p];
}

std::uint64_t SimController::frames_built_ahead() const {
    std::uint64_t n = 0;
    for (const auto& pipeline : m_pipelines)
        n += pipeline ? pipeline->taken_ahead() : 0;
    return n;
}

void SimController::new_branch() {
    // A run quick to redo from t=0 seeks on the window's thread: no background work.
    double whole = 0;
    for (int p = 0; p < panes(); ++p)
        whole += kEventsPerThreadSecond * (sim(p).scenario().threads + 1) * duration();
    m_small = whole <= kQuickEvents;
    m_scrub.set_recipe(m_replay.recipe(), !m_small);
}

bool SimController::quick_to_reach(SimTime t) const {
    if (m_small)
        return true;
    double events = 0;
    for (int p = 0; p < panes(); ++p) {
        const Simulation& s = sim(p);
        const double ran = to_seconds(s.now());
        const double rate = ran > 1.0 ? static_cast<double>(s.trace().count()) / ran
                                      : kEventsPerThreadSecond * (s.scenario().threads + 1);
        const SimTime from = t >= s.now() ? s.now() : 0; // back: again from t=0
        events += rate * to_seconds(t - from);
    }
    return events <= kQuickEvents;
}

void SimController::on_runs_ready() {
    if (!m_target) {
        m_scrub.poll();
        return;
    }
    std::vector<Marker> markers;
    auto sims = m_scrub.runs().take_caught_up(&markers);
    if (sims.empty()) {
        // The whole runs came: a frame that could not be drawn may be drawn now.
        bool drew = false;
        for (int p = 0; p < panes(); ++p) {
            if (!m_frames[static_cast<std::size_t>(p)]) {
                draw_catch_up_frame(p);
                drew = drew || m_frames[static_cast<std::size_t>(p)].has_value();
            }
        }
        if (drew)
            emit changed();
        return;
    }
    auto old = m_replay.adopt(std::move(sims), std::move(markers));
    for (std::size_t p = 0; p < old.size(); ++p)
        m_scrub.offer_reference(static_cast<int>(p), std::move(old[p]));
    // The frame drawn while catching up is the caught-up run's own (both are a plain run's
    // to the moment): the next paint shows it rather than walk the trace again, 5-10 ms a
    // pane at 1000 threads.
    for (int p = 0; p < panes() && static_cast<std::size_t>(p) < m_frames.size(); ++p)
        if (auto& drawn = m_frames[static_cast<std::size_t>(p)])
            pipeline(p).offer(sim(p), drawn->trail_s, std::move(drawn->frame));
    stop_catching_up();
    emit changed();
}

void SimController::stop_catching_up() {
    if (!m_target)
        return;
    m_target.reset();
    m_frames.clear();
    emit busy_changed(false);
    emit message("Caught up with " + at_text(now()) + ".");
    auto queued = std::exchange(m_queued, {});
    for (auto& op : queued)
        op();
    if (std::exchange(m_play_queued, false))
        play();
}

bool SimController::queue_while_catching_up(const QString& what, std::function<void()> op) {
    if (!m_target)
        return false;
    m_queued.push_back(std::move(op));
    emit message(what + " once caught up with " + at_text(*m_target) + " (" +
                 QString::number(m_queued.size()) + " waiting).");
    return true;
}

void SimController::settle_background() {
    m_scrub.runs().wait_idle();
    m_scrub.poll();
}

void SimController::seek_and_wait(double t) {
    seek(t);
    if (!m_target)
        return;
    m_scrub.runs().wait_caught_up();
    on_runs_ready();
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
    if (m_target) {
        m_play_queued = true;
        emit message("Plays once caught up with " + at_text(*m_target) + ".");
        return;
    }
    if (m_replay.finished()) {
        emit message("The run is over: press R to restart.");
        return;
    }
    m_clock.start();
    m_timer.start();
    m_unshown = false;
    m_played.reset();
    emit changed();
}

void SimController::pause() {
    if (m_play_queued)
        emit message("Stays paused once caught up with " + at_text(now()) + ".");
    m_play_queued = false;
    m_timer.stop();
    emit changed();
}

void SimController::toggle_play() {
    if (m_target ? m_play_queued : playing())
        pause();
    else
        play();
}

void SimController::show_reached(std::optional<SimTime> advance_to) {
    // With one pane the run advances after the paint; with two, both advance during it.
    // A worker woken just before the paint often lands on the window's own core (it ran
    // there last) and takes it: one pane at 100x, the window then waited 2-3 ms per frame
    // for a core and its paints started up to 5-7 ms late. Two panes' advances after the
    // paint would not fit one frame on two cores, so there they overlap it, on workers kept
    // off the window's core (Replay::start_run_until).
    const bool overlap = advance_to && panes() > 1;
    emit changed();
    if (overlap) {
        // The views build their frames before the advance starts and paint those; any read
        // of the runs in between waits for it (Replay::start_run_until).
        emit frames_due();
        start_advance(*advance_to);
    }
    // The repaint changed() asked for runs here rather than after an advance: the advance
    // takes 0.1-8 ms depending on the speed and what happens in the run, so a repaint behind
    // it would start late by that much, a little differently every frame.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
    m_replay.settle();
    emit frame_shown();
    if (advance_to && !overlap)
        start_advance(*advance_to); // the tick waits for it: the frame is done
}

void SimController::start_advance(SimTime t) {
    // Each pane's worker builds the frame of the state it reaches, which the next tick
    // paints: the window's thread only paints.
    for (int p = 0; p < panes(); ++p)
        pipeline(p); // made here: the workers only read m_pipelines
    const double trail = trail_s();
    m_replay.start_run_until(t, [this, trail](int pane, const Simulation& sim) {
        m_pipelines[static_cast<std::size_t>(pane)]->build_ahead(sim, trail);
    });
}

void SimController::tick() {
    // A late frame (a dialog, a slow machine) is skipped, not caught up (tick_advance_s).
    // Slow motion changes how fast the clock runs, never what happens in the run.
    const double wall = static_cast<double>(m_clock.restart()) / 1000.0;
    m_played.add(wall);
    SimTime target = m_replay.sim().now() + from_seconds(tick_advance_s(wall, effective_speed()));
    if (m_pause_at >= 0 && target >= from_seconds(m_pause_at)) {
        if (std::exchange(m_unshown, false))
            show_reached();
        target = std::max(m_replay.sim().now(), from_seconds(m_pause_at));
        m_replay.run_until(target);
        m_pause_at = -1;
        m_timer.stop();
        emit changed();
        emit paused_at_stop();
        return;
    }
    // The state the last tick reached is shown as the timer fires, so each frame starts as
    // regularly as the timer; the runs then advance for the next frame on workers, which
    // build that frame too (show_reached).
    if (std::exchange(m_unshown, false))
        show_reached(target);
    else
        m_replay.run_until(target);
    if (m_replay.finished()) {
        m_timer.stop();
        emit message("End of the run at t=" + QString::number(now()) + " s. Press R to restart.");
        emit changed(); // no next tick to show it
        return;
    }
    m_unshown = true;
}

void SimController::step() {
    if (queue_while_catching_up("Steps", [this] { step(); }))
        return;
    m_timer.stop();
    if (!m_replay.step())
        emit message("The run is over: press R to restart.");
    emit changed();
}

void SimController::step_back() {
    if (queue_while_catching_up("Steps back", [this] { step_back(); }))
        return;
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
    m_pause_at = -1;       // a stop ahead of the old moment means nothing at the new one
    m_play_queued = false; // a seek pauses, whenever it lands
    t = std::clamp(t, 0.0, duration());
    const SimTime at = from_seconds(t);
    if (quick_to_reach(at)) {
        if (m_target) {
            m_scrub.runs().cancel_catch_up();
            m_replay.seek(t);
            stop_catching_up();
        } else {
            m_replay.seek(t);
        }
        emit changed();
        return;
    }
    // Too long for the window's thread: the worker re-simulates while the view shows the
    // exact frame drawn from a checkpoint (or, until one is near, the last one).
    const bool entering = !m_target;
    m_target = t;
    m_scrub.runs().catch_up(at);
    m_frames.assign(static_cast<std::size_t>(panes()), std::nullopt);
    for (int p = 0; p < panes(); ++p)
        draw_catch_up_frame(p);
    if (entering)
        emit busy_changed(true);
    emit message("Catching up with " + at_text(t) + "...");
    emit changed();
}

void SimController::abandon_catching_up() {
    if (!m_target)
        return;
    m_scrub.runs().cancel_catch_up();
    m_queued.clear();
    m_play_queued = false;
    m_target.reset();
    m_frames.clear();
    emit busy_changed(false);
}

void SimController::restart() {
    m_timer.stop();
    m_pause_at = -1;
    abandon_catching_up();
    busy([&] { m_replay.restart(); });
    new_branch();
    emit restarted();
    emit changed();
}

void SimController::set_speed(double speed) {
    m_speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    emit changed();
}

void SimController::set_scenario(const Scenario& scenario) {
    m_timer.stop();
    abandon_catching_up();
    busy([&] { m_replay.set_scenario(scenario); });
    new_branch();
    emit restarted();
    emit changed();
}

void SimController::set_strategies(const std::vector<StrategyKind>& strategies) {
    m_timer.stop();
    abandon_catching_up();
    busy([&] { m_replay.set_strategies(strategies); });
    new_branch();
    emit restarted();
    emit changed();
}

void SimController::rerun(const Scenario& scenario, const std::vector<StrategyKind>& strategies) {
    m_timer.stop();
    abandon_catching_up();
    m_replay.rerun(scenario, strategies);
    new_branch();
    emit restarted();
    emit changed();
}

QString SimController::apply(const UserAction& action, int lead) {
    if (m_target) {
        // The click belongs to the moment sought: it waits until the runs stand there.
        queue_while_catching_up("Your click applies", [this, action, lead] {
            const QString why = apply(action, lead);
            if (!why.isEmpty())
                emit message(why);
        });
        return "Waiting: it applies once caught up with " + at_text(*m_target) + ".";
    }
    std::string why;
    busy([&] { why = m_replay.apply(action, lead); }); // a click re-simulates the preview
    if (why.empty())
        new_branch();
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

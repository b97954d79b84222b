#pragma once

#include "ui/model/frame.h"
#include "ui/model/pacing.h"
#include "ui/model/replay.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <vector>

namespace wn::ui {

/// Plays the panes' runs (a Replay: one simulation per strategy pane on one shared clock) in
/// virtual time: each timer tick advances the clock by the wall time elapsed times the
/// speed, so pause, step and speed are exact and independent of the frame rate. Seeking,
/// stepping back and branching on a click are the Replay's; this adds the timer, the speed
/// and the signals the views follow.
class SimController : public QObject {
    Q_OBJECT
public:
    /// `strategies` empty: one pane with the scenario's own strategy.
    explicit SimController(Scenario scenario, std::vector<StrategyKind> strategies = {},
                           QObject* parent = nullptr);

    int panes() const { return m_replay.panes(); }
    const Simulation& sim(int pane = 0) const { return m_replay.sim(pane); }
    /// The scenario of pane 0 (every pane shares it but for the strategy).
    const Scenario& scenario() const { return m_replay.scenario(); }
    const std::vector<StrategyKind>& strategies() const { return m_replay.strategies(); }
    /// The scenario with this run's clicks, playhead and bookmarks: what File > Save writes.
    Scenario recorded_scenario() const { return m_replay.recorded_scenario(); }
    const std::vector<Bookmark>& bookmarks() const { return m_replay.bookmarks(); }
    double now() const { return m_replay.now(); }
    double duration() const { return m_replay.duration(); }
    bool playing() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    /// Whether slow motion near notable moments is on (ui/model/pacing.h).
    bool slow_motion() const { return m_slow_motion; }
    /// Whether the clock runs slowed down at this moment.
    bool slowed() const { return effective_speed() < m_speed; }
    /// The speed the clock runs at now: the chosen one, or slow motion's.
    double effective_speed() const;
    /// How long finished requests and freed versions stay on screen, in virtual seconds:
    /// about half a second of wall time at the current speed.
    double trail_s() const;
    Frame frame(int pane = 0) const { return build_frame(sim(pane), trail_s()); }
    /// Timeline markers of pane 0 for the whole run when it is small enough to preview,
    /// otherwise for the part already simulated.
    const std::vector<Marker>& markers() const { return m_replay.markers(); }

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
    /// Starts the same scenario again from t=0, paused, forgetting the clicks (the
    /// bookmarks stay).
    void restart();
    void set_speed(double speed);
    void set_slow_motion(bool on);
    void set_scenario(const Scenario& scenario);
    void set_strategies(const std::vector<StrategyKind>& strategies);
    /// An edited run (threads, members, seed, strategy, the comparison) at the same moment,
    /// with the clicks and bookmarks; paused. `strategies` empty: one pane.
    void rerun(const Scenario& scenario, const std::vector<StrategyKind>& strategies = {});
    /// Applies a click to every pane now, pane `lead` (the one clicked) first; returns "" or
    /// why `lead` refused it.
    QString apply(const UserAction& action, int lead = 0);
    /// A named bookmark at the playhead ("" names it by its time).
    void add_bookmark(const QString& name);
    /// Playing stops by itself exactly at `t` seconds (a guided tour's stop), then forgets
    /// it; a negative `t` removes it, and so do seek() and restart().
    void set_pause_at(double t);

public:
    /// Pane `pane`'s whole run, to its end, with the clicks so far (what an export writes).
    std::unique_ptr<Simulation> whole_run(int pane = 0);

signals:
    void changed();
    void message(const QString& text);
    void restarted();
    /// Around work that may keep the window busy for a while (re-simulating from t=0):
    /// true before, false after.
    void busy_changed(bool busy);
    void bookmarks_changed();
    /// Playing reached the set_pause_at() time and paused there.
    void paused_at_stop();

private:
    void tick();
    /// Runs `work` under a busy cursor, between busy_changed(true) and busy_changed(false).
    template <typename Work> void busy(Work work);

    Replay m_replay;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_speed = 1.0;
    bool m_slow_motion = true;
    double m_pause_at = -1; // set_pause_at(); negative: none
};

} // namespace wn::ui

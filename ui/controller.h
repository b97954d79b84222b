#pragma once

#include "ui/model/frame.h"
#include "ui/model/frame_builder.h"
#include "ui/model/pacing.h"
#include "ui/model/replay.h"
#include "ui/model/scrub.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>
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
    /// The playhead: the time sought while the runs catch up with it, else the runs' time.
    double now() const { return m_target ? *m_target : m_replay.now(); }
    /// A seek is being caught up with in the background: the views show its exact frame
    /// (when it could be drawn fast) while play, step and clicks wait in a queue.
    bool catching_up() const { return m_target.has_value(); }
    double duration() const { return m_replay.duration(); }
    bool playing() const { return m_timer.isActive(); }
    /// Play was pressed while catching up: it plays once caught up.
    bool play_queued() const { return m_play_queued; }
    double speed() const { return m_speed; }
    /// Whether slow motion near notable moments is on (ui/model/pacing.h).
    bool slow_motion() const { return m_slow_motion; }
    /// Whether the clock runs slowed down at this moment.
    bool slowed() const { return effective_speed() < m_speed; }
    /// The speed the clock runs at now: the chosen one, or slow motion's.
    double effective_speed() const;
    /// Playing, the share of the last second's wall time the ticks played: under 1 when the
    /// machine cannot keep up and late ticks are skipped (tick_advance_s). 1 when paused.
    double played_share() const { return playing() ? m_played.share() : 1.0; }
    /// How long finished requests and freed versions stay on screen, in virtual seconds:
    /// about half a second of wall time at the current speed.
    double trail_s() const;
    Frame frame(int pane = 0) const;
    /// While catching up: the exact frame of the target time drawn from a checkpoint, which
    /// a view shows instead of the engine's (still earlier) state; nullptr otherwise.
    const Frame* catch_up_frame(int pane) const;
    /// The frame pane `pane`'s view paints now: the catch-up frame while catching up, else
    /// the run's own, built on the worker beside the last paint when nothing changed since.
    Frame view_frame(int pane);
    /// How many of view_frame()'s frames were built ahead on the workers.
    std::uint64_t frames_built_ahead() const;
    /// Whether the runs may be advancing on their workers right now (playing: one pane's
    /// after its frame is painted, a comparison's during the paint).
    bool advancing() const { return m_replay.advancing(); }
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
    /// Shows the exact state at virtual time `t` (seconds); pauses. A long re-simulation
    /// runs in the background (catching_up()); the frame is drawn at once when it can be.
    void seek(double t);
    /// As seek(), but returns only when the runs stand at `t` (stills, recordings).
    void seek_and_wait(double t);
    /// Blocks until the background has built all it prepares for seeks: the whole runs and
    /// the checkpoints (tests, benchmarks).
    void settle_background();
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
    /// Playing: a tick has shown its frame (changed() and the repaint). What may follow a
    /// frame late (charts, side panels) updates here rather than on changed(), so that it
    /// does not hold back the frame's start.
    void frame_shown();
    /// Playing a comparison: the runs are about to advance while the views paint. A view
    /// builds its frame here, from the runs as they stand, and paints that frame
    /// (SimView::prepare_frame).
    void frames_due();
    void message(const QString& text);
    void restarted();
    /// Around work that may keep the window busy for a while (re-simulating from t=0):
    /// true before, false after.
    void busy_changed(bool busy);
    void bookmarks_changed();
    /// Playing reached the set_pause_at() time and paused there.
    void paused_at_stop();

private:
    /// One frame: shows the state the last tick reached (changed() and the repaint it asks
    /// for, at once), then advances the runs by the wall time since the last tick.
    void tick();
    /// Shows the state the runs reached: changed(), the repaint, frame_shown(). Given a
    /// time, the runs advance to it on workers (start_advance()): one pane's after the
    /// frame is shown, a comparison's during the repaint.
    void show_reached(std::optional<SimTime> advance_to = std::nullopt);
    /// Starts the panes' advance to `t` on their workers, each building the frame of the
    /// state it reaches.
    void start_advance(SimTime t);
    /// Whether running the panes to `t` (on from now, or again from t=0) is quick enough
    /// for the window's thread.
    bool quick_to_reach(SimTime t) const;
    /// The worker has something: a caught-up run to adopt, or whole runs for the frames.
    void on_runs_ready();
    /// Leaves catching up (the runs stand at the target, or a new branch voided it).
    void stop_catching_up();
    /// Drops a catch-up and what waits for it (the branch is about to change).
    void abandon_catching_up();
    /// While catching up, queues `op` and says so; false when it may run now.
    bool queue_while_catching_up(const QString& what, std::function<void()> op);
    /// The branch changed (a click, another scenario or set of panes): rebuild in the
    /// background from it.
    void new_branch();
    /// Pane `pane`'s exact frame at the time caught up with, if it can be drawn at once.
    void draw_catch_up_frame(int pane);
    /// Pane `pane`'s frame pipeline, made on first use.
    FramePipeline& pipeline(int pane);
    /// Runs `work` under a busy cursor, between busy_changed(true) and busy_changed(false).
    template <typename Work> void busy(Work work);

    Replay m_replay;
    Scrub m_scrub;
    std::optional<double> m_target; // catching up with this time
    struct Drawn {
        Frame frame;
        double trail_s;
    };
    std::vector<std::optional<Drawn>> m_frames; // its exact frames, per pane
    // Per pane: the views' frames, built ahead on the advancing workers while playing.
    std::vector<std::unique_ptr<FramePipeline>> m_pipelines;
    std::vector<std::function<void()>> m_queued; // what waits for the catch-up
    bool m_play_queued = false;                  // plays once caught up
    bool m_small = true; // quick to redo from t=0: every seek stays on the window's thread
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_speed = 1.0;
    bool m_slow_motion = true;
    double m_pause_at = -1; // set_pause_at(); negative: none
    PlayedShare m_played;
    bool m_unshown = false; // playing: the last tick advanced, its state not yet shown
};

} // namespace wn::ui

#pragma once

#include "analysis/markers.h"
#include "scenario/scenario.h"
#include "simulation.h"
#include "ui/model/background_runs.h"
#include "ui/model/side_worker.h"

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace wn::ui {

/// The runs a window shows, without Qt: one Simulation per strategy pane, all on pane 0's
/// clock, and the clicks of the current branch. The runs are deterministic from (scenario,
/// seed, clicks), so going back in time re-simulates from t=0; a click after going back
/// starts a new branch and voids the old future's clicks. SimController plays it in wall
/// time.
class Replay {
public:
    /// `strategies` empty: one pane with the scenario's own strategy.
    explicit Replay(Scenario scenario, std::vector<StrategyKind> strategies = {});
    ~Replay();
    Replay(const Replay&) = delete;
    Replay& operator=(const Replay&) = delete;

    int panes() const { return static_cast<int>(m_sims.size()); }
    /// Waits for an advance start_run_until() began: a run is read only while it stands.
    const Simulation& sim(int pane = 0) const {
        join_advance();
        return *m_sims[static_cast<std::size_t>(pane)];
    }
    /// The scenario of pane 0 (every pane shares it but for the strategy).
    const Scenario& scenario() const { return m_scenario; }
    const std::vector<StrategyKind>& strategies() const { return m_strategies; }
    /// Pane 0's time; while start_run_until() advances, the time it started from (what the
    /// frames painted meanwhile show), without waiting.
    double now() const { return to_seconds(m_advancing ? m_advance_from : m_sims.front()->now()); }
    double duration() const { return m_scenario.duration_s; }
    bool finished() const {
        join_advance();
        return m_sims.front()->finished();
    }
    /// Pane 0's timeline markers: the whole run when it is small enough to preview,
    /// otherwise the part simulated so far.
    const std::vector<Marker>& markers() const { return m_markers; }

    /// Runs every pane up to `t` (pane 0's clock leads). With two or more panes, pane 0
    /// runs on the calling thread while the others run on a worker (SideWorker); it
    /// returns once all of them stand at `t`.
    void run_until(SimTime t);
    /// Starts every pane's advance to `t` on worker threads (pane 0 on one, the others on
    /// another, both kept off the caller's core) and returns at once, so that the caller
    /// paints the frames it built before while the runs advance. Anything that reads or
    /// changes the runs waits for it first; settle() waits and folds pane 0's new markers.
    /// A jump longer than a slice runs at once, as run_until(). `then`, when set, runs on
    /// the worker for each pane right after its advance (the frame the next paint wants is
    /// built there).
    void start_run_until(SimTime t, std::function<void(int pane, const Simulation& sim)> then = {});
    void settle();
    /// Whether an advance start_run_until() began may still be running (until a read or
    /// settle() waits for it).
    bool advancing() const { return m_advancing; }
    /// The thread that last advanced pane `pane` (a default id before that).
    std::thread::id advanced_on(int pane) const {
        join_advance();
        return m_advanced_on[static_cast<std::size_t>(pane)];
    }
    /// The newest events each pane keeps for the views (about 4.2 M, 128 MB: 5 minutes at
    /// 1000 threads); older ones are dropped so an hour-long run stays bounded.
    static constexpr std::size_t kKeptEvents = std::size_t{1} << 22;
    /// Runs exactly one more event of pane 0 (the others follow to its time); false when
    /// the run is over.
    bool step();
    /// Goes back to just before pane 0's latest event; false when already at the start.
    bool step_back();
    /// The exact state at `t` seconds (clamped to the run): forwards by running, backwards
    /// by re-simulating with the recorded clicks.
    void seek(double t);
    /// The same scenario again from t=0, forgetting the clicks (not the bookmarks: a
    /// presenter restarts to give the prepared demo).
    void restart();
    /// A new scenario from t=0; a recorded run in it (a saved demo) is restored exactly:
    /// its clicks, its playhead and its bookmarks.
    void set_scenario(const Scenario& scenario);
    /// The scenario with this run recorded in it (pane 0's clicks at their exact positions,
    /// the playhead and the bookmarks): what File > Save writes.
    Scenario recorded_scenario() const;
    const std::vector<Bookmark>& bookmarks() const { return m_bookmarks; }
    /// Adds a bookmark at the playhead; an empty name becomes "t = 3.000 s".
    void add_bookmark(const std::string& name);
    void set_strategies(const std::vector<StrategyKind>& strategies);
    /// The same moment of an edited run (threads, members, seed, strategy, the comparison
    /// on or off): re-simulated to the playhead with the clicks and the bookmarks. The
    /// clicks keep their exact positions when the run is unchanged, else their times.
    /// `strategies` empty: one pane with the scenario's strategy.
    void rerun(Scenario scenario, std::vector<StrategyKind> strategies = {});
    /// Applies a click to every pane now, pane `lead` first (the pane clicked); returns ""
    /// or why `lead` refused it, and then no pane gets it.
    std::string apply(const UserAction& action, int lead = 0);
    /// What decides this branch's runs: the panes' scenarios and their clicks.
    RunRecipe recipe() const;
    /// Takes runs of this branch built elsewhere (BackgroundRuns' catch-up) as the panes'
    /// runs, with pane 0's markers from t=0 already scanned; returns the runs they replace.
    std::vector<std::unique_ptr<Simulation>> adopt(std::vector<std::unique_ptr<Simulation>> sims,
                                                   std::vector<Marker> markers);
    /// Pane `pane`'s run simulated to its end with this branch's clicks, as
    /// `waspsnest-cli run --trace` simulates it; the panes shown do not move.
    std::unique_ptr<Simulation> whole_run(int pane = 0) const;

private:
    /// A new run of pane `pane` with this branch's clicks, keeping kKeptEvents (or, with
    /// `keep_all`, every event: an export).
    std::unique_ptr<Simulation> fresh(int pane, bool keep_all = false) const;
    /// Takes the recorded run out of `m_scenario` and replays it (set_scenario).
    void restore_recorded();
    void rebuild(double t);
    /// Waits for start_run_until()'s workers (nothing when none runs).
    void join_advance() const;
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
    std::vector<Bookmark> m_bookmarks;
    bool m_preview = false;        // m_markers cover the whole run
    std::size_t m_marker_scan = 0; // events of pane 0 already scanned (large runs)
    // Advances panes 1.. beside pane 0; made on the first comparison, so that a single pane
    // starts no thread. Only run_until() uses it: everything else touching the runs (the
    // markers, the clicks, the window's reads) stays on the caller's thread, after the join.
    std::unique_ptr<SideWorker> m_side;
    std::unique_ptr<SideWorker> m_lead;         // start_run_until()'s pane 0
    std::vector<std::thread::id> m_advanced_on; // per pane
    // start_run_until() in flight: only the workers touch the runs until join_advance().
    mutable bool m_advancing = false;
    bool m_markers_due = false; // advanced since pane 0's markers were last folded
    SimTime m_advance_from = 0;
};

} // namespace wn::ui

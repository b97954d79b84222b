#pragma once

#include "analysis/markers.h"
#include "scenario/scenario.h"
#include "simulation.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace wn::ui {

/// What decides a window's runs: each pane's scenario (its strategy set, no recorded run)
/// and the clicks of the current branch, replayed through Simulation::schedule().
struct RunRecipe {
    std::vector<Scenario> panes;
    std::vector<std::vector<UserAction>> actions; // per pane
    /// How many events a caught-up run keeps (it becomes the window's run).
    std::size_t kept_cap = TraceEvents::kUnbounded;
};

/// How many events a whole run keeps: any moment's frame may read back from its trace, but
/// an hour at 1000 threads (49 M events, 1.6 GB) must not all stay in memory. 2^23 events
/// (256 MB) hold a 1000-thread run of 10 minutes; before the oldest kept event a seek shows
/// its frame once caught up instead of at once (Scrub::frame checks what was dropped).
constexpr std::size_t kWholeRunKeptEvents = std::size_t{1} << 23;

/// A fresh run of `pane` at t=0 with the branch's clicks scheduled, keeping at most
/// `kept_cap` events when it keeps any.
std::unique_ptr<Simulation> start_run(const RunRecipe& recipe, int pane, bool keep_events,
                                      std::size_t kept_cap = TraceEvents::kUnbounded);

/// Runs simulations on two worker threads so the window never waits for them. A Simulation
/// cannot be copied (its threads are coroutines), so everything here is a separate run from
/// t=0, handed over whole under the mutex:
///  - catch-up: every pane's run, keeping its trace, at a target time (what the window
///    shows once a seek has caught up); a newer target supersedes it, and a target later
///    than the run in progress continues it instead of starting again;
///  - whole runs: every pane's run to its end keeping its trace, whose prefixes stand for
///    the trace at any moment of the branch;
///  - checkpoints: runs keeping no trace parked at times `spacing()` apart, built nearest
///    the focus first; the owner takes the latest one before a moment and runs it on.
/// Each has its worker thread. The catch-ups, what a seek waits for, run a little below the
/// window's priority. The whole runs (seconds of simulation at 1000 threads after every
/// click) and then the checkpoints (a minute) are wanted only for later scrubbing: they run
/// only on a core nobody else wants, so that they take only time the window and the panes it
/// plays leave. All drop everything of an older branch. A run taken is the taker's alone;
/// `on_ready` is called (on a worker) when a catch-up or the whole runs can be taken.
class BackgroundRuns {
public:
    explicit BackgroundRuns(std::function<void()> on_ready = {});
    ~BackgroundRuns();
    BackgroundRuns(const BackgroundRuns&) = delete;
    BackgroundRuns& operator=(const BackgroundRuns&) = delete;

    /// A new branch: the previous one's results and requests are void. Without `prepare`
    /// only catch-ups are built (no whole runs, no checkpoints).
    void set_recipe(RunRecipe recipe, bool prepare = true);
    /// The recipe of the current branch (a copy: the worker reads the original).
    RunRecipe recipe_copy() const;
    /// Spacing of the checkpoints (it follows the thread count: about equal work apart).
    SimTime spacing() const { return m_spacing.load(); }

    /// Asks for every pane's run at `t` (replacing an earlier request).
    void catch_up(SimTime t);
    void cancel_catch_up();
    /// The runs asked for, once built; empty before (and after being taken). `markers`, if
    /// given, gets pane 0's timeline markers up to the target.
    std::vector<std::unique_ptr<Simulation>> take_caught_up(std::vector<Marker>* markers = nullptr);
    /// A catch-up is asked for and not built yet.
    bool catching_up() const;

    /// Every pane's whole run, once built; empty before (and after being taken).
    std::vector<std::unique_ptr<Simulation>> take_whole_runs();

    /// The latest parked checkpoint of `pane` at or before `t`; null when none.
    std::unique_ptr<Simulation> take_checkpoint(int pane, SimTime t);
    /// Gives a run of the current branch back to the pool (it is a checkpoint at its time).
    void park(int pane, std::unique_ptr<Simulation> sim);
    /// Where checkpoints are wanted first (the last seek).
    void focus(SimTime t);
    std::size_t parked(int pane) const;

    /// Blocks until the workers have nothing left to build (tests and exports).
    void wait_idle();
    /// Blocks until the requested catch-up can be taken (or none is requested).
    void wait_caught_up();

private:
    enum class Work { None, CatchUp, WholeRuns, Checkpoint };
    /// What each worker thread does.
    enum class Role { CatchUps, WholeRuns, Checkpoints };
    static constexpr Role kRoles[] = {Role::CatchUps, Role::WholeRuns, Role::Checkpoints};
    void worker(Role role);
    Work next_work_locked(Role role, SimTime& grid_point) const;
    std::optional<SimTime> missing_checkpoint_locked() const;
    /// No parked run covers grid point `g` of `pane`, and one could.
    bool wanted_locked(std::size_t pane, SimTime g) const;
    /// Runs `sim` to `t` in slices, stopping early once `epoch` moves on from `seen` (the
    /// owner asked for something else). `after_slice`, when set, runs after every slice (the
    /// markers' scan of a catch-up).
    bool run_to(Simulation& sim, SimTime t, const std::atomic<std::uint64_t>& epoch,
                std::uint64_t seen, const std::function<void()>& after_slice = {}) const;
    void do_catch_up(std::unique_lock<std::mutex>& lock);
    void do_whole_runs(std::unique_lock<std::mutex>& lock);
    void do_checkpoint(std::unique_lock<std::mutex>& lock, SimTime at);
    void park_locked(int pane, std::unique_ptr<Simulation> sim);

    std::function<void()> m_on_ready;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // the worker waits for work
    std::condition_variable m_done; // owners wait for results
    bool m_stop = false;
    bool m_busy[std::size(kRoles)] = {};          // by Role
    std::atomic<std::uint64_t> m_epoch{0};        // bumped by every request: catch-ups re-plan
    std::atomic<std::uint64_t> m_branch_epoch{0}; // bumped by a new branch: all stop
    std::atomic<SimTime> m_spacing{from_seconds(5)};

    RunRecipe m_recipe;
    std::uint64_t m_branch = 0;
    std::optional<SimTime> m_catch_target;
    std::vector<std::unique_ptr<Simulation>> m_caught;
    std::vector<Marker> m_caught_markers;                // pane 0's, of m_caught
    std::vector<std::unique_ptr<Simulation>> m_catching; // in progress (worker's, or parked)
    std::uint64_t m_catching_branch = 0;
    std::vector<Marker> m_catching_markers;           // pane 0's, of m_catching so far
    std::size_t m_catching_scanned = 0;               // pane 0's events scanned for them
    std::vector<std::unique_ptr<Simulation>> m_whole; // in progress, then done
    bool m_whole_done = false;
    bool m_prepare = true;
    bool m_whole_taken = false;
    std::vector<std::vector<std::unique_ptr<Simulation>>> m_pool; // per pane
    SimTime m_focus = 0;
    std::vector<std::pair<std::size_t, SimTime>> m_unreachable; // (pane, grid point)

    // Last: they start once every member above exists.
    std::thread m_threads[std::size(kRoles)];
};

} // namespace wn::ui

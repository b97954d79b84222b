#include "ui/model/background_runs.h"

#include "platform/thread_role.h"
#include "trace/block_memory.h"

#include <algorithm>
#include <cmath>

namespace wn::ui {
namespace {

/// Checkpoints about this many thread-seconds of simulation apart: at 1000 threads, 6 s of
/// the run, so running one on to any moment costs at most a few milliseconds.
constexpr double kThreadSecondsApart = 6000.0;
/// A checkpoint holds every thread's state (about 0.7 MB at 1000 threads), so a long run
/// spaces them wider rather than keeping more: at most two per spacing, so at most about
/// 256 of them (180 MB at 1000 threads), whatever the run's length.
constexpr double kSpacingsPerRun = 128.0;
/// How much of the run the worker simulates between looks at the owner's requests.
constexpr double kSliceThreadSeconds = 500.0;

int most_threads(const RunRecipe& r) {
    int n = 1;
    for (const Scenario& s : r.panes)
        n = std::max(n, s.threads);
    return n;
}

SimTime end_of(const RunRecipe& r) {
    return r.panes.empty() ? 0 : from_seconds(r.panes.front().duration_s);
}

} // namespace

std::unique_ptr<Simulation> start_run(const RunRecipe& recipe, int pane, bool keep_events,
                                      std::size_t kept_cap) {
    const auto p = static_cast<std::size_t>(pane);
    auto sim = std::make_unique<Simulation>(recipe.panes[p], keep_events, kept_cap);
    for (const UserAction& a : recipe.actions[p])
        sim->schedule(a);
    return sim;
}

BackgroundRuns::BackgroundRuns(std::function<void()> on_ready) : m_on_ready(std::move(on_ready)) {
    for (std::size_t i = 0; i < std::size(kRoles); ++i)
        m_threads[i] = std::thread([this, role = kRoles[i]] { worker(role); });
}

BackgroundRuns::~BackgroundRuns() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    ++m_epoch;
    ++m_branch_epoch;
    m_wake.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

void BackgroundRuns::set_recipe(RunRecipe recipe, bool prepare) {
    std::vector<std::vector<std::unique_ptr<Simulation>>> old_pool;
    std::vector<std::unique_ptr<Simulation>> old_runs[3];
    {
        std::lock_guard lock(m_mutex);
        // At least eight per run, so a short run is no slower to scrub than a long one.
        const double duration = recipe.panes.empty() ? 0 : recipe.panes.front().duration_s;
        const double widest = std::max(60.0, duration / kSpacingsPerRun);
        const double apart =
            std::max(std::min(kThreadSecondsApart / most_threads(recipe), duration / 8),
                     duration / kSpacingsPerRun);
        m_spacing = from_seconds(std::clamp(apart, 0.5, widest));
        m_recipe = std::move(recipe);
        m_prepare = prepare;
        ++m_branch;
        m_catch_target.reset();
        old_runs[0] = std::move(m_caught);
        old_runs[1] = std::move(m_catching);
        old_runs[2] = std::move(m_whole);
        m_caught.clear();
        m_catching.clear();
        m_whole.clear();
        m_whole_done = false;
        m_whole_taken = false;
        old_pool = std::move(m_pool);
        m_pool.clear();
        m_unreachable.clear();
        m_pool.resize(m_recipe.panes.size());
    }
    ++m_epoch;
    ++m_branch_epoch;
    m_wake.notify_all();
    m_done.notify_all();
    // The old runs are destroyed here, outside the lock.
}

RunRecipe BackgroundRuns::recipe_copy() const {
    std::lock_guard lock(m_mutex);
    return m_recipe;
}

void BackgroundRuns::catch_up(SimTime t) {
    {
        std::lock_guard lock(m_mutex);
        m_catch_target = t;
        m_caught.clear();
    }
    ++m_epoch;
    m_wake.notify_all();
}

void BackgroundRuns::cancel_catch_up() {
    {
        std::lock_guard lock(m_mutex);
        m_catch_target.reset();
        m_caught.clear();
    }
    ++m_epoch;
    m_done.notify_all();
}

std::vector<std::unique_ptr<Simulation>>
BackgroundRuns::take_caught_up(std::vector<Marker>* markers) {
    std::lock_guard lock(m_mutex);
    if (markers)
        *markers = std::exchange(m_caught_markers, {});
    return std::exchange(m_caught, {});
}

bool BackgroundRuns::catching_up() const {
    std::lock_guard lock(m_mutex);
    return m_catch_target.has_value();
}

std::vector<std::unique_ptr<Simulation>> BackgroundRuns::take_whole_runs() {
    std::lock_guard lock(m_mutex);
    if (!m_whole_done || m_whole_taken)
        return {};
    m_whole_taken = true;
    return std::exchange(m_whole, {});
}

std::unique_ptr<Simulation> BackgroundRuns::take_checkpoint(int pane, SimTime t) {
    std::unique_ptr<Simulation> taken;
    {
        std::lock_guard lock(m_mutex);
        if (static_cast<std::size_t>(pane) >= m_pool.size())
            return nullptr;
        auto& pool = m_pool[static_cast<std::size_t>(pane)];
        auto best = pool.end();
        for (auto it = pool.begin(); it != pool.end(); ++it)
            if ((*it)->now() <= t && (best == pool.end() || (*it)->now() > (*best)->now()))
                best = it;
        if (best == pool.end())
            return nullptr;
        taken = std::move(*best);
        pool.erase(best);
    }
    m_wake.notify_all(); // a gap to fill again
    return taken;
}

void BackgroundRuns::park(int pane, std::unique_ptr<Simulation> sim) {
    {
        std::lock_guard lock(m_mutex);
        park_locked(pane, std::move(sim));
    }
    m_wake.notify_all();
}

void BackgroundRuns::park_locked(int pane, std::unique_ptr<Simulation> sim) {
    if (!sim || static_cast<std::size_t>(pane) >= m_pool.size())
        return;
    auto& pool = m_pool[static_cast<std::size_t>(pane)];
    // At most two per spacing: more would only cost memory. One in the first half of its
    // spacing is what missing_checkpoint_locked() looks for, so it displaces one that is
    // not, or the worker would build it again and again.
    const SimTime k = m_spacing.load();
    const SimTime start = sim->now() / k * k;
    const auto in_cell = [&](const auto& p) {
        return p->now() / k * k == start;
    };
    if (std::count_if(pool.begin(), pool.end(), in_cell) < 2) {
        pool.push_back(std::move(sim));
        return;
    }
    if (sim->now() >= start + k / 2)
        return;
    const auto late = std::find_if(pool.begin(), pool.end(), [&](const auto& p) {
        return in_cell(p) && p->now() >= start + k / 2;
    });
    if (late != pool.end())
        *late = std::move(sim);
}

void BackgroundRuns::focus(SimTime t) {
    std::lock_guard lock(m_mutex);
    m_focus = t;
}

std::size_t BackgroundRuns::parked(int pane) const {
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(pane) < m_pool.size()
               ? m_pool[static_cast<std::size_t>(pane)].size()
               : 0;
}

void BackgroundRuns::wait_idle() {
    std::unique_lock lock(m_mutex);
    SimTime unused = 0;
    m_done.wait(lock, [&] {
        for (const Role role : kRoles)
            if (m_busy[static_cast<int>(role)] || next_work_locked(role, unused) != Work::None)
                return false;
        return true;
    });
}

void BackgroundRuns::wait_caught_up() {
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return !m_catch_target; });
}

bool BackgroundRuns::wanted_locked(std::size_t pane, SimTime g) const {
    // A checkpoint in [g, g + k/2) for every grid point g: no moment is more than one and a
    // half spacings past one.
    const SimTime k = m_spacing.load();
    const auto& pool = m_pool[pane];
    const bool covered = std::any_of(pool.begin(), pool.end(), [&](const auto& p) {
        return p->now() >= g && p->now() < g + k / 2;
    });
    return !covered && !std::count(m_unreachable.begin(), m_unreachable.end(),
                                   std::pair<std::size_t, SimTime>(pane, g));
}

std::optional<SimTime> BackgroundRuns::missing_checkpoint_locked() const {
    const SimTime k = m_spacing.load();
    const SimTime end = end_of(m_recipe);
    std::optional<SimTime> best;
    for (std::size_t pane = 0; pane < m_pool.size(); ++pane)
        for (SimTime g = k; g < end; g += k)
            if (wanted_locked(pane, g) &&
                (!best || std::llabs(g - m_focus) < std::llabs(*best - m_focus)))
                best = g;
    return best;
}

BackgroundRuns::Work BackgroundRuns::next_work_locked(Role role, SimTime& grid_point) const {
    if (m_stop || m_recipe.panes.empty())
        return Work::None;
    if (role == Role::CatchUps)
        return m_catch_target ? Work::CatchUp : Work::None;
    if (role == Role::WholeRuns)
        return m_prepare && !m_whole_done ? Work::WholeRuns : Work::None;
    // Checkpoints follow the whole runs, which a drawn frame needs first.
    if (!m_prepare || !m_whole_done)
        return Work::None;
    if (const auto g = missing_checkpoint_locked()) {
        grid_point = *g;
        return Work::Checkpoint;
    }
    return Work::None;
}

bool BackgroundRuns::run_to(Simulation& sim, SimTime t, const std::atomic<std::uint64_t>& epoch,
                            std::uint64_t seen, const std::function<void()>& after_slice) const {
    const int threads = std::max(1, sim.scenario().threads);
    const SimTime slice = from_seconds(std::max(0.05, kSliceThreadSeconds / threads));
    while (sim.now() < t && !sim.finished()) {
        if (epoch.load() != seen)
            return false;
        sim.run_until(std::min(t, sim.now() + slice));
        if (after_slice)
            after_slice();
    }
    return true;
}

void BackgroundRuns::worker(Role role) {
    name_this_thread(role == Role::CatchUps    ? "wn-catch-ups"
                     : role == Role::WholeRuns ? "wn-whole-runs"
                                               : "wn-checkpoints");
    block_memory::set_background_thread(); // the ready blocks are for the window's runs
    // Below the window's thread when the cores are busy: the window must never wait for
    // them. A catch-up is what a seek waits for, so it keeps a share of a busy core. The
    // whole runs and the checkpoints are only what a later seek might want, so they take no
    // core the window or its panes want: at nice 5 and 19 they still held one for up to 5 ms
    // when the frame timer fired (the scheduler lets the running thread finish its slice).
    if (role == Role::CatchUps)
        lower_this_thread(5);
    else
        idle_this_thread();
    bool& busy = m_busy[static_cast<int>(role)];
    std::unique_lock lock(m_mutex);
    for (;;) {
        SimTime grid_point = 0;
        Work work = Work::None;
        m_wake.wait(lock, [&] {
            work = next_work_locked(role, grid_point);
            return m_stop || work != Work::None;
        });
        if (m_stop)
            return;
        busy = true;
        switch (work) {
        case Work::CatchUp:
            do_catch_up(lock);
            break;
        case Work::WholeRuns:
            do_whole_runs(lock);
            break;
        case Work::Checkpoint:
            do_checkpoint(lock, grid_point);
            break;
        case Work::None:
            break;
        }
        busy = false;
        // The whole runs done may be what the checkpoints wait for.
        m_wake.notify_all();
        m_done.notify_all();
    }
}

void BackgroundRuns::do_catch_up(std::unique_lock<std::mutex>& lock) {
    const std::uint64_t epoch = m_epoch.load();
    const std::uint64_t branch = m_branch;
    const SimTime target = *m_catch_target;
    const RunRecipe recipe = m_recipe;
    auto runs = std::move(m_catching);
    m_catching.clear();
    // Runs of an earlier request carry on when they have not passed the target yet.
    const bool reusable =
        m_catching_branch == branch && runs.size() == recipe.panes.size() &&
        std::all_of(runs.begin(), runs.end(), [&](const auto& s) { return s->now() <= target; });
    std::vector<Marker> markers = std::exchange(m_catching_markers, {});
    std::size_t scanned = std::exchange(m_catching_scanned, 0);
    lock.unlock();
    if (!reusable) {
        runs.clear();
        markers.clear();
        scanned = 0;
        for (std::size_t p = 0; p < recipe.panes.size(); ++p)
            runs.push_back(start_run(recipe, static_cast<int>(p), true, recipe.kept_cap));
        // Pane 0's timeline markers are scanned as it runs, here rather than on the window's
        // thread (millions of events at 1000 threads): no event may be dropped unscanned,
        // and once scanned the cap may drop it, so the run's memory stays bounded.
        if (!runs.empty())
            runs.front()->trace().hold_from(0);
    }
    const auto scan = [&] {
        const Trace& trace = runs.front()->trace();
        std::vector<Marker> more = extract_markers(trace.events(), scanned);
        markers.insert(markers.end(), more.begin(), more.end());
        scanned = trace.events().size();
        trace.hold_from(scanned);
    };
    bool done = true;
    for (std::size_t p = 0; p < runs.size(); ++p)
        done = done && run_to(*runs[p], target, m_epoch, epoch,
                              p == 0 ? std::function<void()>(scan) : std::function<void()>());
    if (done && !runs.empty())
        scan(); // a run already at the target ran no slice
    lock.lock();
    if (m_branch != branch)
        return; // the runs are dropped with the old branch
    if (done && m_catch_target == target) {
        m_caught = std::move(runs);
        m_caught_markers = std::move(markers);
        m_catch_target.reset();
        lock.unlock();
        if (m_on_ready)
            m_on_ready();
        lock.lock();
        return;
    }
    m_catching = std::move(runs);
    m_catching_branch = branch;
    m_catching_markers = std::move(markers);
    m_catching_scanned = scanned;
}

void BackgroundRuns::do_whole_runs(std::unique_lock<std::mutex>& lock) {
    // Only a new branch stops them: a seek's catch-up runs beside them on its own worker.
    const std::uint64_t epoch = m_branch_epoch.load();
    const std::uint64_t branch = m_branch;
    const RunRecipe recipe = m_recipe;
    auto runs = std::move(m_whole);
    m_whole.clear();
    lock.unlock();
    for (std::size_t p = runs.size(); p < recipe.panes.size(); ++p)
        runs.push_back(start_run(recipe, static_cast<int>(p), true, kWholeRunKeptEvents));
    bool done = true;
    for (auto& sim : runs)
        done = done && run_to(*sim, sim->end_time(), m_branch_epoch, epoch);
    lock.lock();
    if (m_branch != branch)
        return;
    m_whole = std::move(runs);
    if (!done)
        return;
    m_whole_done = true;
    lock.unlock();
    if (m_on_ready)
        m_on_ready();
    lock.lock();
}

void BackgroundRuns::do_checkpoint(std::unique_lock<std::mutex>& lock, SimTime at) {
    // Only a new branch stops it: a seek's catch-up runs beside it on the other worker.
    const std::uint64_t epoch = m_branch_epoch.load();
    const std::uint64_t branch = m_branch;
    const RunRecipe recipe = m_recipe;
    // The pane missing this grid point (the first one found).
    std::size_t pane = 0;
    while (pane < m_pool.size() && !wanted_locked(pane, at))
        ++pane;
    if (pane == m_pool.size())
        return;
    lock.unlock();
    auto sim = start_run(recipe, static_cast<int>(pane), false);
    const bool reached = run_to(*sim, at, m_branch_epoch, epoch);
    lock.lock();
    if (m_branch != branch)
        return;
    // Stopped early, it is still a checkpoint of this branch at the time it reached.
    park_locked(static_cast<int>(pane), std::move(sim));
    // A run that went all the way and still covers nothing (it could not stop at the grid
    // point) would be built again and again: the worker would never be idle.
    if (reached && wanted_locked(pane, at))
        m_unreachable.emplace_back(pane, at);
}

} // namespace wn::ui

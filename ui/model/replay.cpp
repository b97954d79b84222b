#include "ui/model/replay.h"

#include "trace/block_memory.h"

#include "scenario/scenario_json.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

namespace wn::ui {
namespace {

/// Runs small enough to simulate to the end at once get markers for their whole timeline.
constexpr double kPreviewThreadSeconds = 100.0 * 600.0;
/// A long jump runs in slices of this much virtual time, folding markers after each, so
/// the kept trace never holds more than its cap plus one slice.
constexpr SimTime kSlice = 5 * kMicrosPerSecond;

} // namespace

Replay::Replay(Scenario scenario, std::vector<StrategyKind> strategies)
    : m_scenario(std::move(scenario)) {
    // The runs fill trace blocks inside frames (one every few frames at 1000 threads and
    // 100x): have them faulted in ahead.
    block_memory::keep_ready(true);
    const RecordedRun recorded = std::exchange(m_scenario.recorded, {});
    set_strategies(strategies.empty() ? std::vector<StrategyKind>{m_scenario.strategy}
                                      : strategies);
    if (!recorded.empty()) {
        m_scenario.recorded = recorded;
        restore_recorded();
    }
}

Replay::~Replay() {
    join_advance();
}

void Replay::join_advance() const {
    if (!m_advancing)
        return;
    m_advancing = false;
    // Both, even when the first threw: the other may still be running a pane.
    std::exception_ptr error;
    for (SideWorker* w : {m_lead.get(), m_side.get()}) {
        if (!w)
            continue;
        // The caller waits now: its core may help finish (two panes' workers kept off it
        // share the one other core of a two-core machine).
        w->keep_off_cpu(-1);
        try {
            w->wait();
        } catch (...) {
            error = error ? error : std::current_exception();
        }
    }
    if (error)
        std::rethrow_exception(error);
}

void Replay::start_run_until(SimTime t, std::function<void(int pane, const Simulation& sim)> then) {
    settle();
    m_advanced_on.resize(m_sims.size());
    if (t - m_sims.front()->now() > kSlice)
        return run_until(t); // folds markers slice by slice: the kept trace stays bounded
    if (!m_lead)
        m_lead = std::make_unique<SideWorker>("wn-pane-lead");
    if (m_sims.size() > 1 && !m_side)
        m_side = std::make_unique<SideWorker>("wn-pane-side");
    // Woken as the caller paints, a worker would often take the caller's core (the one it
    // last ran on): a comparison's window waited 2.3-3.3 ms per frame for a core.
    m_lead->keep_off_callers_cpu();
    if (m_side)
        m_side->keep_off_callers_cpu();
    m_advance_from = m_sims.front()->now();
    m_advancing = true;
    m_markers_due = true;
    m_lead->start([this, t, then] {
        m_sims.front()->run_until(t);
        m_advanced_on.front() = std::this_thread::get_id();
        if (then)
            then(0, *m_sims.front());
    });
    if (m_sims.size() > 1)
        m_side->start([this, t, then = std::move(then)] {
            for (std::size_t i = 1; i < m_sims.size(); ++i) {
                m_sims[i]->run_until(t);
                m_advanced_on[i] = std::this_thread::get_id();
                if (then)
                    then(static_cast<int>(i), *m_sims[i]);
            }
        });
}

void Replay::settle() {
    join_advance();
    if (std::exchange(m_markers_due, false))
        update_markers();
}

std::unique_ptr<Simulation> Replay::fresh(int pane, bool keep_all) const {
    Scenario s = m_scenario;
    s.strategy = m_strategies[static_cast<std::size_t>(pane)];
    auto sim =
        std::make_unique<Simulation>(s, true, keep_all ? TraceEvents::kUnbounded : kKeptEvents);
    // Pane 0's events are held until update_markers() has read them.
    if (pane == 0 && !keep_all)
        sim->trace().hold_from(0);
    for (const UserAction& a : m_actions[static_cast<std::size_t>(pane)])
        sim->schedule(a);
    return sim;
}

RunRecipe Replay::recipe() const {
    RunRecipe r;
    for (std::size_t i = 0; i < m_strategies.size(); ++i) {
        Scenario s = m_scenario;
        s.strategy = m_strategies[i];
        r.panes.push_back(std::move(s));
    }
    r.actions = m_actions;
    r.kept_cap = kKeptEvents;
    return r;
}

std::vector<std::unique_ptr<Simulation>>
Replay::adopt(std::vector<std::unique_ptr<Simulation>> sims, std::vector<Marker> markers) {
    settle();
    if (sims.size() != m_sims.size())
        return sims;
    std::swap(sims, m_sims);
    if (!m_preview) {
        m_markers = std::move(markers);
        m_marker_scan = m_sims.front()->trace().events().size();
    }
    update_markers();
    return sims;
}

void Replay::run_until(SimTime t) {
    settle();
    m_advanced_on.resize(m_sims.size());
    for (SimTime at = m_sims.front()->now();;) {
        at = std::min(t, at + kSlice);
        if (m_sims.size() > 1) {
            // The panes' runs share nothing (each its own engine, trace and coroutine frames
            // from its thread's pool), so the comparison costs the longer of its runs.
            if (!m_side)
                m_side = std::make_unique<SideWorker>("wn-pane-side");
            m_side->keep_off_callers_cpu(); // pane 0 runs here
            m_side->run_both(
                [&] {
                    for (std::size_t i = 1; i < m_sims.size(); ++i) {
                        m_sims[i]->run_until(at);
                        m_advanced_on[i] = std::this_thread::get_id();
                    }
                },
                [&] { m_sims.front()->run_until(at); });
        } else {
            m_sims.front()->run_until(at);
        }
        m_advanced_on.front() = std::this_thread::get_id();
        update_markers();
        if (at >= t || m_sims.front()->finished())
            break;
    }
}

void Replay::follow_leader() {
    for (std::size_t i = 1; i < m_sims.size(); ++i)
        m_sims[i]->run_until(m_sims.front()->now());
}

bool Replay::step() {
    settle();
    const bool stepped = m_sims.front()->step_event();
    follow_leader();
    update_markers();
    return stepped;
}

bool Replay::step_back() {
    settle();
    const Simulation& current = *m_sims.front();
    const std::uint64_t count = current.trace().count();
    if (count == 0)
        return false;
    // Find the last entry boundary before the latest event, then replay to it.
    std::uint64_t boundary = 0;
    {
        auto probe = fresh(0);
        probe->trace().hold_from(TraceEvents::kUnbounded); // only its positions matter
        while (probe->entries() < current.entries() && probe->run_entry())
            if (probe->trace().count() < count)
                boundary = probe->entries();
    }
    auto back = fresh(0);
    back->trace().hold_from(TraceEvents::kUnbounded); // a prefix of the run already scanned
    while (back->entries() < boundary && back->run_entry()) {
    }
    const SimTime t = back->now();
    m_sims.front() = std::move(back);
    for (std::size_t i = 1; i < m_sims.size(); ++i) {
        m_sims[i] = fresh(static_cast<int>(i));
        m_sims[i]->run_until(t);
    }
    return true;
}

void Replay::rebuild(double t) {
    for (std::size_t i = 0; i < m_sims.size(); ++i)
        m_sims[i] = fresh(static_cast<int>(i));
    run_until(from_seconds(t));
}

void Replay::seek(double t) {
    settle();
    t = std::clamp(t, 0.0, duration());
    if (from_seconds(t) >= m_sims.front()->now())
        run_until(from_seconds(t));
    else
        rebuild(t);
}

void Replay::restart() {
    settle();
    for (auto& actions : m_actions)
        actions.clear();
    rebuild(0);
    compute_preview();
}

void Replay::set_scenario(const Scenario& scenario) {
    settle();
    m_scenario = scenario;
    if (m_strategies.size() == 1)
        m_strategies.front() = scenario.strategy;
    restore_recorded();
}

void Replay::restore_recorded() {
    const RecordedRun recorded = std::exchange(m_scenario.recorded, {});
    m_bookmarks = recorded.bookmarks; // another scenario's bookmarks mean nothing here
    restart();
    if (recorded.empty())
        return;
    for (std::size_t i = 0; i < m_sims.size(); ++i) {
        m_actions[i] = recorded.actions;
        // Entry counts are positions in a run of the recorded strategy only.
        if (m_strategies[i] != recorded.strategy)
            for (UserAction& a : m_actions[i])
                a.by_time = true;
    }
    const SimTime t = from_seconds(std::clamp(recorded.playhead_s, 0.0, duration()));
    auto lead = fresh(0);
    if (recorded.playhead_entries > 0 && m_strategies.front() == recorded.strategy) {
        // The exact position: a playhead left by stepping sits between two entries of
        // one instant, which no time can name.
        while (lead->entries() < recorded.playhead_entries && lead->run_entry()) {
        }
        lead->apply_due_actions();
        if (lead->now() < t)
            lead->run_until(t);
    } else {
        lead->run_until(t);
    }
    m_sims.front() = std::move(lead);
    for (std::size_t i = 1; i < m_sims.size(); ++i) {
        m_sims[i] = fresh(static_cast<int>(i));
        m_sims[i]->run_until(m_sims.front()->now());
    }
    compute_preview();
    update_markers();
}

void Replay::rerun(Scenario scenario, std::vector<StrategyKind> strategies) {
    settle();
    if (strategies.empty())
        strategies = {scenario.strategy};
    RecordedRun keep = recorded_scenario().recorded;
    Scenario before = m_scenario;
    before.strategy = scenario.strategy;
    scenario.recorded = {};
    if (scenario_to_json(before) != scenario_to_json(scenario)) {
        // Another run: entry counts mean nothing in it, times still do.
        for (UserAction& a : keep.actions)
            a.by_time = true;
        keep.playhead_entries = 0;
    }
    m_scenario = std::move(scenario);
    m_scenario.recorded = std::move(keep);
    m_strategies = strategies;
    m_scenario.strategy = strategies.front();
    m_sims.resize(strategies.size());
    m_actions.assign(strategies.size(), {});
    restore_recorded();
}

Scenario Replay::recorded_scenario() const {
    join_advance();
    Scenario s = m_scenario;
    s.strategy = m_strategies.front();
    s.recorded.strategy = m_strategies.front();
    s.recorded.actions = m_actions.front();
    s.recorded.playhead_s = now();
    s.recorded.playhead_entries = m_sims.front()->entries();
    s.recorded.bookmarks = m_bookmarks;
    return s;
}

void Replay::add_bookmark(const std::string& name) {
    settle();
    Bookmark b{name, now()};
    if (b.name.empty()) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "t = %.3f s", now());
        b.name = buf;
    }
    // Kept in time order, so the menu lists them as the run goes.
    const auto at = std::upper_bound(m_bookmarks.begin(), m_bookmarks.end(), b.at_s,
                                     [](double t, const Bookmark& x) { return t < x.at_s; });
    m_bookmarks.insert(at, b);
}

void Replay::set_strategies(const std::vector<StrategyKind>& strategies) {
    settle();
    m_strategies = strategies;
    m_scenario.strategy = strategies.front();
    m_sims.resize(strategies.size());
    m_actions.assign(strategies.size(), {});
    restart();
}

std::string Replay::apply(const UserAction& action, int lead) {
    settle();
    // A click after seeking back starts a new branch: the old future's clicks are void.
    for (std::size_t i = 0; i < m_sims.size(); ++i) {
        auto& actions = m_actions[i];
        const std::uint64_t here = m_sims[i]->entries();
        const SimTime now = m_sims[i]->now();
        actions.erase(std::remove_if(actions.begin(), actions.end(),
                                     [here, now](const UserAction& a) {
                                         return a.by_time ? a.at > now : a.after_entries > here;
                                     }),
                      actions.end());
        m_sims[i]->drop_pending_actions();
    }
    const auto first = static_cast<std::size_t>(std::clamp(lead, 0, panes() - 1));
    const std::string why = m_sims[first]->apply(action);
    if (why.empty()) {
        m_actions[first].push_back(m_sims[first]->user_actions().back());
        for (std::size_t i = 0; i < m_sims.size(); ++i)
            if (i != first && m_sims[i]->apply(action).empty())
                m_actions[i].push_back(m_sims[i]->user_actions().back());
        if (m_preview)
            compute_preview(); // the click changed the future
    }
    return why;
}

std::unique_ptr<Simulation> Replay::whole_run(int pane) const {
    auto sim = fresh(pane, true);
    sim->run();
    return sim;
}

void Replay::compute_preview() {
    m_markers.clear();
    m_marker_scan = 0;
    m_preview = m_scenario.threads * m_scenario.duration_s <= kPreviewThreadSeconds;
    if (!m_preview)
        return update_markers();
    auto preview = fresh(0, true);
    preview->run();
    m_markers = extract_markers(preview->trace().events());
}

void Replay::update_markers() {
    const Trace& trace = m_sims.front()->trace();
    if (m_preview) {
        trace.hold_from(TraceEvents::kUnbounded);
        return;
    }
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
    trace.hold_from(m_marker_scan);
}

} // namespace wn::ui

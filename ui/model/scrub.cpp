#include "ui/model/scrub.h"

#include <algorithm>
#include <array>

namespace wn::ui {

void Scrub::set_recipe(RunRecipe recipe, bool prepare) {
    const std::size_t panes = recipe.panes.size();
    m_runs.set_recipe(std::move(recipe), prepare);
    m_refs.clear();
    m_scrub.clear();
    m_refs.resize(panes);
    m_scrub.resize(panes);
    m_builders.resize(panes);
}

void Scrub::offer_reference(int pane, std::unique_ptr<Simulation> sim) {
    const auto p = static_cast<std::size_t>(pane);
    if (!sim || p >= m_refs.size() || !sim->trace().keeps_events())
        return;
    if (!m_refs[p] || m_refs[p]->now() < sim->now())
        m_refs[p] = std::move(sim);
}

void Scrub::poll() {
    auto whole = m_runs.take_whole_runs();
    for (std::size_t p = 0; p < whole.size(); ++p)
        offer_reference(static_cast<int>(p), std::move(whole[p]));
}

namespace {

/// Events a frame at `t` may read back from: the caption's headline (at most 30 s, and
/// 300 000 events), the packets' walk (the trail, 5 s at most, plus the connect timeout).
constexpr SimTime kLookBack = 60 * kMicrosPerSecond;
constexpr std::size_t kLookBackEvents = 300000;

/// Whether `ref`'s trace holds every event of a plain run to `t` that a frame reads: it
/// ran past `t` (or to the end), and a cap dropped none it looks back at. (A run standing
/// at `t` after a step may hold only part of that instant.)
bool reaches(const Simulation& ref, SimTime t, std::size_t end) {
    if (!ref.trace().keeps_events() || !(ref.now() > t || ref.finished()))
        return false;
    const TraceEvents& events = ref.trace().events();
    if (events.first() == 0)
        return true;
    const SimTime connect = from_seconds(ref.scenario().connect_timeout_s);
    return end >= events.first() + kLookBackEvents &&
           events[events.first()].time + kLookBack + connect < t;
}

/// One past the last event at or before `t`: a plain run to `t` keeps every event up to
/// and including `t`.
std::size_t end_at(const Simulation& ref, SimTime t) {
    const TraceEvents& events = ref.trace().events();
    const auto end = std::upper_bound(events.begin(), events.end(), t,
                                      [](SimTime at, const TraceEvent& e) { return at < e.time; });
    return end.index();
}

} // namespace

std::optional<Frame> Scrub::frame(int pane, SimTime t, double trail_s, const Simulation& display) {
    poll();
    const auto p = static_cast<std::size_t>(pane);
    if (p >= m_scrub.size())
        return std::nullopt;
    const Simulation* ref = nullptr;
    std::size_t end = 0;
    for (const Simulation* r : std::array<const Simulation*, 2>{&display, m_refs[p].get()}) {
        if (r && r->trace().keeps_events() && reaches(*r, t, end = end_at(*r, t))) {
            ref = r;
            break;
        }
    }
    if (!ref)
        return std::nullopt;

    // The latest state at or before `t`: the one run on last time, or a parked checkpoint.
    std::unique_ptr<Simulation> state = std::move(m_scrub[p]);
    if (state && state->now() > t) {
        m_runs.park(pane, std::move(state));
        state = nullptr;
    }
    if (auto cp = m_runs.take_checkpoint(pane, t)) {
        if (!state || cp->now() > state->now())
            std::swap(state, cp);
        m_runs.park(pane, std::move(cp));
    }
    // Running on further than the checkpoints' spacing promises would block the window:
    // leave it to the catch-up.
    const SimTime reach = 2 * m_runs.spacing();
    if (!state && t <= reach)
        state = start_run(m_runs.recipe_copy(), pane, false);
    if (!state || t - state->now() > reach) {
        if (state)
            m_runs.park(pane, std::move(state));
        m_runs.focus(t);
        return std::nullopt;
    }
    m_runs.focus(t);
    state->run_until(t);
    Frame f = m_builders[p].build(*state, TracePrefix(ref->trace().events(), end), 0, trail_s);
    m_scrub[p] = std::move(state);
    return f;
}

} // namespace wn::ui

#pragma once

#include "ui/model/background_runs.h"
#include "ui/model/frame.h"
#include "ui/model/frame_builder.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace wn::ui {

/// The exact frame of any moment of the branch, fast, without touching the window's own
/// runs: the engine's state comes from a checkpoint (BackgroundRuns) run on to the moment,
/// the trace from a prefix of a longer run of the same branch (the window's own run when it
/// is past the moment, or the worker's whole run). Lives on the window's thread; only
/// BackgroundRuns is shared with the worker.
class Scrub {
public:
    explicit Scrub(std::function<void()> on_ready = {}) : m_runs(std::move(on_ready)) {}

    /// A new branch (a click, another scenario, other panes): everything built is void.
    /// `prepare`: build whole runs and checkpoints ahead (not worth it for small runs).
    void set_recipe(RunRecipe recipe, bool prepare = true);
    /// Pane `pane` at `t` as build_frame() of a plain run to `t` draws it; nullopt when it
    /// cannot be had without a long run (no trace reaches `t` yet, or no checkpoint is near).
    /// `display` is the window's run of that pane (its trace serves when it is past `t`).
    std::optional<Frame> frame(int pane, SimTime t, double trail_s, const Simulation& display);
    /// A run of the current branch keeping its trace (the window's, replaced by a seek):
    /// kept when it reaches further than the one held.
    void offer_reference(int pane, std::unique_ptr<Simulation> sim);
    /// Takes the worker's whole runs when they are ready.
    void poll();
    BackgroundRuns& runs() { return m_runs; }

private:
    std::vector<std::unique_ptr<Simulation>> m_refs;  // per pane: a trace reaching far
    std::vector<std::unique_ptr<Simulation>> m_scrub; // per pane: the state run on last
    /// Per pane. Each frame walks the trace from scratch (another moment, another trace), but
    /// in the memory of the last walk rather than in fresh pages.
    std::vector<FrameBuilder> m_builders;
    BackgroundRuns m_runs; // last: its worker stops before the runs above go
};

} // namespace wn::ui

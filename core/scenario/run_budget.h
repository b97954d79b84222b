#pragma once

#include "scenario/scenario.h"

#include <string>

namespace wn {

/// About how many engine events a run of `scenario` takes, from its threads, duration and
/// workload (fitted on the built-in scenarios: about 7 events per operation, and an
/// operation every think + server time + one round trip + about two descheduled steps).
/// An estimate to refuse hopeless runs before they start, not a prediction to rely on.
double estimate_events(const Scenario& scenario);

/// The CLI runs up to this many events (a few minutes of CPU on a 2-core laptop).
inline constexpr double kMaxRunEvents = 2e9;
/// The window keeps every event (about 50 bytes each) so that it can seek exactly; this
/// keeps it under about 2.5 GB.
inline constexpr double kMaxWindowEvents = 5e7;

/// Throws ScenarioError with the numbers when estimate_events() exceeds `max_events`;
/// `where` names what refuses ("the window keeps every event", …).
void check_run_budget(const Scenario& scenario, const std::string& source, double max_events,
                      const std::string& where);

/// check_run_budget() for a run the window will keep: every way a scenario reaches the
/// window (the command line, File > Open, an edit of threads or members) goes through it.
void check_window_budget(const Scenario& scenario, const std::string& source);

} // namespace wn

#pragma once

#include "model/hosts.h"
#include "tour/tour.h"
#include "trace/trace.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace wn {

class Simulation;

/// Reads a run's trace from some event on, looking for a step's stop event. It follows
/// who is primary (the scenario's starting primary, then every election) so that
/// "primary_down" can tell the primary's death from a secondary's.
class StopScanner {
public:
    StopScanner(const Simulation& sim, const TourStop& stop);
    /// Reads events[from the last call..] (the first call: from index 0); returns the
    /// index of the first matching event at or after `from_event`, once there is one.
    std::optional<std::size_t> scan(const Simulation& sim, std::size_t from_event);

private:
    bool matches(const TraceEvent& e) const;

    TourStop m_stop;
    std::size_t m_next = 0;
    HostId m_primary = kNoHost;
    std::optional<std::size_t> m_found;
};

/// Whether `sim` has reached `stop`, counting only trace events from index `from_event` on
/// (where the step began, so the event the previous step stopped on is not "the next").
/// at_s: the clock is at or past it. until: the trace (kept: Simulation(s, true)) holds an
/// event of that kind at or after after_s.
bool stop_reached(const Simulation& sim, const TourStop& stop, std::size_t from_event = 0);

/// Runs `sim` event by event until stop_reached(); returns the stop's time in seconds (the
/// matching event's, or at_s), or nothing when the run ended first.
std::optional<double> run_to_stop(Simulation& sim, const TourStop& stop,
                                  std::size_t from_event = 0);

/// Where each step of `tour` stops, in reading order (chapter by chapter): the time in
/// seconds, or nothing when its run ends first. A step that continues the previous step's
/// run (same_run) looks for its event from where that step stopped; any other starts its
/// run at t=0.
std::vector<std::optional<double>> plan_tour(const Tour& tour);

} // namespace wn

#pragma once

#include "trace/trace.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace wn {

/// What happened during one time bin of a run: the numbers the charts plot.
struct SeriesBin {
    std::vector<int> ismaster_by_host; // ismaster calls begun, by HostId
    int ismaster = 0;
    int refreshes_max_in_flight = 0;
    int refreshes_begun = 0;
    int ops_ok = 0;
    int key_errors = 0;
    int auto_reconnects = 0;
    double waiting_thread_seconds = 0;    // summed over threads blocked on a lock, a refresh or
                                          // (sdam) server selection
    int live_versions = 0;                // highest count of live RSState versions in the bin
    std::vector<double> ping_sum_by_host; // ismaster round trips that ended in the bin
    std::vector<int> ping_count_by_host;
};

/// Folds a trace into fixed-width time bins, incrementally: feed it the growing event list
/// and it reads only what is new, so charts can follow a live run cheaply.
class SeriesBuilder {
public:
    explicit SeriesBuilder(double bin_s = 0.5) : m_bin(from_seconds(bin_s)) {}

    /// Reads events[from the last call..], at most `max_events` of them; true when it read
    /// up to the newest. Call reset() when the trace is a new one.
    bool consume(const TraceEvents& events, std::size_t max_events = SIZE_MAX);
    void reset();

    double bin_seconds() const { return to_seconds(m_bin); }
    const std::vector<SeriesBin>& bins() const { return m_bins; }
    std::size_t consumed() const { return m_consumed; }

private:
    SeriesBin& bin_at(SimTime t);
    void add_wait(SimTime from, SimTime to);

    SimTime m_bin;
    std::vector<SeriesBin> m_bins;
    std::size_t m_consumed = 0;
    int m_in_flight = 0;
    int m_live = 0;
    std::unordered_map<ActorId, SimTime> m_wait_since;
    std::unordered_map<ActorId, SimTime> m_ismaster_since;
};

} // namespace wn

#pragma once

#include <iosfwd>

namespace wn {

class Simulation;

/// Writes the kept trace in the Trace Event Format that Perfetto UI and chrome://tracing
/// open: a "client" process with one track per application thread and the monitor, a
/// "replica set" process with one track per server, B/E slices for operations, refresh(),
/// waits and ismaster round trips, instant events for publishes, reclamations, faults and
/// elections, counters for live versions and refreshes in flight, and flow arrows from each
/// publish to the threads that later read that version. Timestamps are virtual
/// microseconds. Needs keep_events.
void write_trace_chrome(const Simulation& sim, std::ostream& out);

} // namespace wn

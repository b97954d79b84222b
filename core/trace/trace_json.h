#pragma once

#include <iosfwd>

namespace wn {

class Simulation;

/// Writes the kept trace as JSON: {"scenario": ..., "hosts": [...], "events": [{"t": seconds,
/// "actor": "thread-3", "kind": "publish", ...named payload}]}. Needs keep_events.
void write_trace_json(const Simulation& sim, std::ostream& out);

} // namespace wn

#pragma once

#include "trace/trace.h"

#include <vector>

namespace wn {

/// Something worth a tick on the timeline.
struct Marker {
    enum class Kind { Fault, Election, Publish, Reclaim, Error };
    double t; // virtual seconds
    Kind kind;
};

/// The timeline's markers in a trace: faults (kills, step-downs, partitions, reconfigs),
/// elections won, RSState publications and reclamations, and failed operations.
/// Only events from index `from` on are scanned (to extend markers as a run grows), and
/// only those still kept.
std::vector<Marker> extract_markers(const TraceEvents& events, std::size_t from = 0);

} // namespace wn

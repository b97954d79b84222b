#pragma once

#include "model/hosts.h"
#include "trace/trace.h"

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace wn {

class Simulation;

/// Writes the kept trace as JSON: {"scenario": ..., "hosts": [...], "events": [{"t": seconds,
/// "actor": "thread-3", "kind": "publish", ...named payload}]}. Needs keep_events.
void write_trace_json(const Simulation& sim, std::ostream& out);

/// The event's payload with its fields named for its kind ({"host": "db1:27017", ...}).
nlohmann::json event_payload(const TraceEvent& event, const HostTable& hosts);
/// "thread-3", "monitor", "replica-set", ...
std::string actor_name(ActorId actor);

} // namespace wn

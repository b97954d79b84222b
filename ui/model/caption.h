#pragma once

#include "trace/trace.h"
#include "ui/model/trace_prefix.h"

#include <string>

namespace wn {
class Simulation;
}

namespace wn::ui {

/// One sentence about `event` for the caption line, or "" when it is not worth narrating
/// (reference copies, steps, lock hand-offs happen too often to read).
std::string narrate(const Simulation& sim, const TraceEvent& event);
/// False for the kinds narrate() never tells (most of a busy trace): a scan for the newest
/// notable event skips them without building a sentence.
bool may_narrate(EventKind kind);
/// As above, with `events` standing for the trace as of sim.now() (a prefix of a longer
/// run's kept trace when `sim` keeps none).
std::string narrate(const Simulation& sim, TracePrefix events, const TraceEvent& event);

/// Why a KeyError happened, from its KeyErrorCause event: who changed what between which two
/// steps of the thread that raised it.
std::string key_error_text(const Simulation& sim, const TraceEvent& cause);
std::string key_error_text(const Simulation& sim, TracePrefix events, const TraceEvent& cause);

/// Any event in one plain sentence ("T3 sends a read to db2:27017."): what a step ran.
std::string plain_text(const Simulation& sim, const TraceEvent& event);

/// The headline: what is happening now. When the clock stands on an event (a step just ran
/// it, or a jump landed on it), the events of that instant, faults first; otherwise the
/// newest notable moment within the last `recent_s` seconds; otherwise the run's state
/// ("Quiet: db1:27017 is primary; ...").
std::string caption_for(const Simulation& sim, double recent_s);
/// As above, over `events`: the trace as of sim.now().
std::string caption_for(const Simulation& sim, TracePrefix events, double recent_s);

} // namespace wn::ui

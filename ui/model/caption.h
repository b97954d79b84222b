#pragma once

#include "trace/trace.h"

#include <string>

namespace wn {
class Simulation;
}

namespace wn::ui {

/// One sentence about `event` for the caption line, or "" when it is not worth narrating
/// (reference copies, steps, lock hand-offs happen too often to read).
std::string narrate(const Simulation& sim, const TraceEvent& event);

/// Why a KeyError happened, from its KeyErrorCause event: who changed what between which two
/// steps of the thread that raised it.
std::string key_error_text(const Simulation& sim, const TraceEvent& cause);

/// The narration of the latest significant event of the run so far.
std::string caption_for(const Simulation& sim);

} // namespace wn::ui

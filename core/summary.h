#pragma once

#include <nlohmann/json_fwd.hpp>

namespace wn {

class Simulation;

/// The one JSON object `waspsnest-cli run` prints: the run's identity, its counters and the
/// trace fingerprint.
nlohmann::json summary_json(const Simulation& sim);

} // namespace wn

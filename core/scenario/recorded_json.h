#pragma once

#include "scenario/scenario.h"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace wn {

/// The "run" object of a format-2 scenario file: the user's clicks at their exact
/// positions, the playhead and the bookmarks (docs/scenarios.md). Throws ScenarioError
/// naming `source` and the field.
RecordedRun parse_recorded_run(const nlohmann::json& run, const Scenario& scenario,
                               const std::string& source);
nlohmann::json recorded_run_to_json(const RecordedRun& run);

} // namespace wn

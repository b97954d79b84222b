#pragma once

#include "scenario/scenario.h"

#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace wn {

/// A scenario that cannot be used; what() is one line naming the source, the field and why.
class ScenarioError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Parses and validates scenario JSON text; `source` (a file name) prefixes every error.
Scenario parse_scenario(const std::string& text, const std::string& source);
/// The scenario as JSON with every field spelled out (what "save scenario" writes), in
/// format kScenarioFormat: with its recorded run when there is one.
nlohmann::json scenario_to_json(const Scenario& scenario);
/// One timeline fault ({"at_s", "fault", "host", ...}) with the checks of the timeline;
/// `path` names it in errors.
Fault parse_fault_json(const nlohmann::json& entry, const std::string& path,
                       const std::string& source);
/// A file's stem ("demos/my-demo.json" gives "my-demo"): a scenario's name when its file
/// gives none.
std::string scenario_name_from_source(const std::string& source);

/// Mistakes that still make a runnable scenario, one line each (e.g. a fault after the end
/// of the run, which never happens). Programs print them and run on.
std::vector<std::string> scenario_warnings(const Scenario& scenario);

/// Checks ranges and references (e.g. a fault naming an unknown member); throws ScenarioError.
void validate_scenario(const Scenario& scenario, const std::string& source);

} // namespace wn

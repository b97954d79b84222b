#pragma once

#include "scenario/scenario.h"

#include <string>
#include <vector>

namespace wn {

/// The name of the scenario the programs start on.
constexpr const char* kDefaultScenario = "primary-fails";

struct BuiltinScenario {
    std::string name;
    std::string description;
};

/// The scenarios compiled into the binary, sorted by name.
std::vector<BuiltinScenario> builtin_scenarios();
/// The JSON text of a built-in scenario, or "" when there is none by that name.
std::string builtin_scenario_text(const std::string& name);
/// A built-in name or a path to a scenario file; throws ScenarioError naming what failed.
Scenario load_scenario(const std::string& name_or_file);

} // namespace wn

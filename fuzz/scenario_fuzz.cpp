// Any bytes as a scenario file: the parser and validator either accept them or throw
// ScenarioError with one printable line. Anything else escaping, a crash, a leak or a hang
// is a bug. What they accept must survive the trip through `show` unchanged.

#include "scenario/json_reader.h"
#include "scenario/run_budget.h"
#include "scenario/scenario_json.h"

#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    wn::Scenario scenario;
    try {
        scenario = wn::parse_scenario(text, "fuzz.json");
    } catch (const wn::ScenarioError& e) {
        const std::string what = e.what();
        if (what.find('\n') != std::string::npos || what.find('\x1b') != std::string::npos ||
            what.size() > 1000)
            std::abort(); // an error must be one short, printable line
        return 0;
    }
    wn::scenario_warnings(scenario);
    wn::estimate_events(scenario);
    const nlohmann::json shown = wn::scenario_to_json(scenario);
    if (wn::scenario_to_json(wn::parse_scenario(shown.dump(), "shown.json")) != shown)
        std::abort(); // show must print what parses back to the same scenario
    return 0;
}

#include "scenario/library.h"

#include "embedded_files.h"
#include "scenario/input_file.h"
#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <filesystem>

namespace wn {
namespace {

std::string stem(std::string_view file) {
    const auto dot = file.rfind('.');
    return std::string(dot == std::string_view::npos ? file : file.substr(0, dot));
}

} // namespace

std::vector<BuiltinScenario> builtin_scenarios() {
    std::vector<BuiltinScenario> list;
    for (const EmbeddedFile& file : embedded_files()) {
        const Scenario s = parse_scenario(std::string(file.content), std::string(file.name));
        list.push_back(BuiltinScenario{stem(file.name), s.description});
    }
    return list;
}

std::string builtin_scenario_text(const std::string& name) {
    for (const EmbeddedFile& file : embedded_files())
        if (stem(file.name) == name)
            return std::string(file.content);
    return "";
}

Scenario load_scenario(const std::string& name_or_file) {
    const std::string builtin = builtin_scenario_text(name_or_file);
    if (!builtin.empty()) {
        Scenario s = parse_scenario(builtin, name_or_file + ".json");
        s.name = name_or_file;
        return s;
    }
    const std::string shown = printable(name_or_file);
    std::error_code ec;
    if (!std::filesystem::exists(name_or_file, ec)) {
        std::string names;
        for (const BuiltinScenario& b : builtin_scenarios())
            names += (names.empty() ? "" : ", ") + b.name;
        throw ScenarioError(shown + ": not a built-in scenario (" + names + ") nor a file");
    }
    const std::string text = read_bounded_file(name_or_file, kMaxScenarioFileBytes);
    return parse_scenario(text, shown);
}

} // namespace wn

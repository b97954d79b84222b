#include "scenario/library.h"

#include "embedded_files.h"
#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <filesystem>
#include <fstream>

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
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(name_or_file, ec);
    if (ec || !fs::exists(status)) {
        std::string names;
        for (const BuiltinScenario& b : builtin_scenarios())
            names += (names.empty() ? "" : ", ") + b.name;
        throw ScenarioError(shown + ": not a built-in scenario (" + names + ") nor a file");
    }
    // Checked before reading: /dev/zero would grow without end and a FIFO would block.
    if (fs::is_directory(status))
        throw ScenarioError(shown + ": is a directory, not a scenario file");
    if (!fs::is_regular_file(status))
        throw ScenarioError(shown + ": not a regular file (a device, FIFO or socket)");
    const std::uintmax_t size = fs::file_size(name_or_file, ec);
    if (ec || size > kMaxScenarioFileBytes)
        throw ScenarioError(shown + ": " +
                            (ec ? "cannot read its size" : std::to_string(size) + " bytes") +
                            "; a scenario file may have at most 1 MiB");
    std::ifstream in(name_or_file, std::ios::binary);
    if (!in)
        throw ScenarioError(shown + ": cannot be opened for reading");
    // Read at most one byte past the limit: the file may have grown since it was measured.
    std::string text(kMaxScenarioFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        throw ScenarioError(shown + ": read error");
    if (text.size() > kMaxScenarioFileBytes)
        throw ScenarioError(shown + ": grew past 1 MiB while being read");
    return parse_scenario(text, shown);
}

} // namespace wn

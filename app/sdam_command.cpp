#include "sdam_command.h"

#include "sdam/hello.h"
#include "sdam/spec_file.h"

#include "scenario/input_file.h"
#include "scenario/json_reader.h"
#include "scenario/printable.h"
#include "scenario/scenario_json.h"

#include <ostream>

namespace wn {

namespace {

constexpr std::size_t kMaxSpecFileBytes = 1 << 20;

enum class FileResult { Pass, Fail, Malformed };

FileResult run_file(const std::string& name, bool check, std::ostream& out, std::ostream& err) {
    nlohmann::json doc;
    try {
        doc = read_json_document(read_bounded_file(name, kMaxSpecFileBytes), printable(name));
    } catch (const ScenarioError& e) {
        err << "waspsnest-cli: sdam: " << e.what() << "\n";
        return FileResult::Malformed;
    }
    sdam::SpecFile file;
    try {
        file = sdam::load_spec_file(doc);
    } catch (const sdam::FormatError& e) {
        err << "waspsnest-cli: sdam: " << name << ": " << e.what() << "\n";
        return FileResult::Malformed;
    }
    const sdam::Replay replay = sdam::replay(file, check);
    if (!check) {
        out << name << "\n";
        for (std::size_t i = 0; i < replay.after_phase.size(); ++i)
            out << "  phases[" << i << "]: " << sdam::outcome_json(replay.after_phase[i]).dump()
                << "\n";
        return FileResult::Pass;
    }
    if (replay.mismatch) {
        out << name << ": FAIL " << replay.mismatch->field << ": expected "
            << replay.mismatch->expected << ", actual " << replay.mismatch->actual << "\n";
        return FileResult::Fail;
    }
    out << name << ": pass (" << file.phases.size()
        << (file.phases.size() == 1 ? " phase)\n" : " phases)\n");
    return FileResult::Pass;
}

} // namespace

int run_sdam_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    bool check = false;
    std::vector<std::string> files;
    for (const auto& arg : args) {
        if (arg == "--check")
            check = true;
        else if (arg.size() > 1 && arg[0] == '-')
            return err << "waspsnest-cli: sdam: unknown option '" << arg << "'\n", 2;
        else
            files.push_back(arg);
    }
    if (files.empty()) {
        err << "waspsnest-cli: sdam: which test files? (sdam FILE... [--check])\n";
        return 2;
    }
    int passed = 0, failed = 0, malformed = 0;
    for (const auto& name : files) {
        switch (run_file(name, check, out, err)) {
        case FileResult::Pass:
            ++passed;
            break;
        case FileResult::Fail:
            ++failed;
            break;
        case FileResult::Malformed:
            ++malformed;
            break;
        }
    }
    if (check)
        out << passed << " passed, " << failed + malformed << " failed\n";
    if (malformed > 0)
        return 2;
    return failed > 0 ? 1 : 0;
}

} // namespace wn

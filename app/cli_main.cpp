// waspsnest-cli: runs a scenario headless and prints one JSON summary (PRODUCT.md §4).

#include "scenario/library.h"
#include "scenario/printable.h"
#include "scenario/run_budget.h"
#include "scenario/scenario_json.h"
#include "sdam_command.h"
#include "simulation.h"
#include "summary.h"
#include "trace/trace_chrome.h"
#include "trace/trace_json.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

constexpr const char* kHelp = R"(waspsnest-cli — run Wasp's Nest scenarios without a window

Usage:
  waspsnest-cli run [--scenario NAME|FILE] [--strategy S] [--threads N] [--seed N]
                    [--duration SECONDS] [--trace OUT.json [--trace-format json|chrome]]
                    [--race-window magnified|realistic] [--timing blog|mongodb-2.4]
                    [--fail-fast]
  waspsnest-cli list
  waspsnest-cli show NAME|FILE
  waspsnest-cli sdam FILE... [--check]
  waspsnest-cli --help

Commands:
  run    Simulate the scenario and print one JSON object with the run's counters:
         strategy, seed, threads, sim_seconds, refresh_calls, refresh_calls_by_monitor,
         ismaster_calls, max_concurrent_refreshes, ops_ok, errors{KeyError,AutoReconnect,
         ConfigurationError,ServerSelectionTimeoutError}, states_published,
         states_reclaimed, max_live_states, checks, selection_waits, lost_writes,
         trace_sha256 and more (see docs/scenarios.md).
  list   One line per built-in scenario: its name and what happens in it.
  show   Print a scenario as JSON with every field and default filled in; a starting
         point for your own scenario files.
  sdam   Replay MongoDB's SDAM test files (JSON) through the topology reducer and print the
         topology after each phase; with --check compare it with each phase's outcome and
         print one line per file (exit 1 on a difference, 2 on a malformed file).

Options for run (each overrides the scenario file):
  --scenario NAME|FILE  a built-in scenario name or a scenario JSON file
                        (default: primary-fails)
  --strategy S          naive, mutex, rwlock, wasp or sdam
  --threads N           application threads, 1..1000
  --seed N              seed of the run's random numbers (non-negative integer)
  --duration SECONDS    virtual seconds to simulate (0.001..86400)
  --trace OUT.json      also write every event of the run as JSON
  --trace-format F      json (default: the event list) or chrome (Trace Event Format, for
                        Perfetto UI and chrome://tracing; see docs/trace-viewers.md)
  --race-window W       magnified (the scenario's interleaving: by default a 25% chance
                        of a ~20 ms pause after each line, so races show in a short demo)
                        or realistic (CPython 2's rhythm: a thread switch every 100
                        bytecodes, gaps of microseconds; see docs/fidelity.md)
  --timing T            blog (an election a fixed election_delay_s after the primary
                        is lost) or mongodb-2.4 (heartbeats every 2 s, down after 10 s,
                        then an election; priority takeover)
  --fail-fast           wasp: raise AutoReconnect at once instead of waiting up to 5 s
                        for the monitor's refresh (an invention: PyMongo 2.5.1 has no
                        such mode)

The same scenario, strategy, seed (and user actions) always give the same trace_sha256.
Exit status: 0 on success, 2 on bad options or a bad scenario (one line on stderr).
)";

struct Options {
    std::string command;
    std::string scenario = wn::kDefaultScenario;
    std::optional<std::string> strategy;
    std::optional<int> threads;
    std::optional<std::uint64_t> seed;
    std::optional<double> duration;
    std::optional<std::string> trace;
    std::string trace_format = "json";
    std::optional<wn::RaceWindow> race_window;
    std::optional<wn::TimingProfile> timing;
    bool fail_fast = false;
};

struct UsageError {
    std::string message;
};

template <class T> T parse_number(const std::string& option, const std::string& text) {
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw UsageError{option + ": '" + wn::printable(text) + "' is not a valid number"};
    return value;
}

Options parse(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    Options o;
    if (args.empty())
        throw UsageError{"no command given (try --help)"};
    std::size_t i = 0;
    if (args[0] == "--help" || args[0] == "-h") {
        o.command = "help";
        return o;
    }
    o.command = args[i++];
    if (o.command == "show") {
        if (i >= args.size())
            throw UsageError{"show: which scenario? (a built-in name or a file)"};
        if (args[i] == "--help" || args[i] == "-h") {
            o.command = "help";
            return o;
        }
        o.scenario = args[i++];
    }
    std::set<std::string> given; // a repeated flag is a mistake, not "the last one wins"
    auto value = [&](const std::string& option) {
        if (i >= args.size())
            throw UsageError{option + ": missing value"};
        return args[i++];
    };
    while (i < args.size()) {
        const std::string arg = args[i++];
        if (arg == "--help" || arg == "-h") {
            o.command = "help";
        } else if (o.command != "run") {
            throw UsageError{wn::printable(o.command) + ": unexpected argument '" +
                             wn::printable(arg) + "'"};
        } else if (arg.starts_with("--") && !given.insert(arg).second) {
            throw UsageError{wn::printable(arg) + ": given twice"};
        } else if (arg == "--scenario") {
            o.scenario = value(arg);
        } else if (arg == "--strategy") {
            o.strategy = value(arg);
        } else if (arg == "--threads") {
            const int n = parse_number<int>(arg, value(arg));
            if (const auto why = wn::threads_error(n))
                throw UsageError{"--threads: " + *why};
            o.threads = n;
        } else if (arg == "--seed") {
            o.seed = parse_number<std::uint64_t>(arg, value(arg));
        } else if (arg == "--duration") {
            const double d = parse_number<double>(arg, value(arg));
            if (!(d >= 0.001 && d <= 86400))
                throw UsageError{"--duration: must be between 0.001 and 86400 seconds"};
            o.duration = d;
        } else if (arg == "--trace") {
            o.trace = value(arg);
        } else if (arg == "--trace-format") {
            o.trace_format = value(arg);
            if (o.trace_format != "json" && o.trace_format != "chrome")
                throw UsageError{"--trace-format: unknown format '" +
                                 wn::printable(o.trace_format) + "' (expected json or chrome)"};
        } else if (arg == "--race-window") {
            const std::string name = value(arg);
            o.race_window = wn::parse_race_window(name);
            if (!o.race_window)
                throw UsageError{"--race-window: unknown window '" + wn::printable(name) +
                                 "' (expected magnified or realistic)"};
        } else if (arg == "--timing") {
            const std::string name = value(arg);
            o.timing = wn::parse_timing_profile(name);
            if (!o.timing)
                throw UsageError{"--timing: unknown profile '" + wn::printable(name) +
                                 "' (expected blog or mongodb-2.4)"};
        } else if (arg == "--fail-fast") {
            o.fail_fast = true;
        } else {
            throw UsageError{"unknown option '" + wn::printable(arg) + "' (try --help)"};
        }
    }
    if (given.contains("--trace-format") && !o.trace)
        throw UsageError{"--trace-format: needs --trace OUT"};
    if (o.command != "run" && o.command != "list" && o.command != "show" && o.command != "help")
        throw UsageError{"unknown command '" + wn::printable(o.command) +
                         "' (expected run, list, show or sdam)"};
    return o;
}

int run(const Options& o) {
    wn::Scenario scenario = wn::load_scenario(o.scenario);
    // About the file as written: a --duration that cuts a fault off is the user's choice.
    for (const std::string& warning : wn::scenario_warnings(scenario))
        std::cerr << "waspsnest-cli: warning: " << wn::printable(o.scenario) << ": " << warning
                  << "\n";
    if (o.strategy) {
        const auto kind = wn::parse_strategy(*o.strategy);
        if (!kind)
            throw UsageError{"--strategy: unknown strategy '" + wn::printable(*o.strategy) +
                             "' (expected naive, mutex, rwlock, wasp or sdam)"};
        scenario.strategy = *kind;
    }
    if (o.threads)
        scenario.threads = *o.threads;
    if (o.seed)
        scenario.seed = *o.seed;
    if (o.duration)
        scenario.duration_s = *o.duration;
    if (o.race_window)
        scenario.race_window = *o.race_window;
    if (o.timing)
        scenario.timing = *o.timing;
    if (o.fail_fast)
        scenario.fail_fast = true;
    // A saved demo's clicks are exact positions in the run as saved; in a changed run they
    // land at their times.
    if (o.threads || o.seed || o.fail_fast)
        for (wn::UserAction& action : scenario.recorded.actions)
            action.by_time = true;
    wn::check_run_budget(scenario, wn::printable(o.scenario), wn::kMaxRunEvents,
                         "a command-line run may take");

    std::ofstream trace_out;
    std::string partial;
    if (o.trace) {
        std::error_code ec;
        if (std::filesystem::equivalent(*o.trace, o.scenario, ec))
            throw UsageError{"--trace: '" + wn::printable(*o.trace) +
                             "' is the scenario file itself; choose another name"};
        // Written beside the target and renamed over it at the end, so a failed write
        // leaves the previous file whole; a pipe or a device (/dev/stdout) is written in
        // place.
        const bool in_place = std::filesystem::exists(*o.trace, ec) &&
                              !std::filesystem::is_regular_file(*o.trace, ec);
        partial = in_place ? *o.trace : *o.trace + ".partial";
        trace_out.open(partial, std::ios::binary);
        if (!trace_out)
            throw UsageError{"--trace: cannot write '" + wn::printable(*o.trace) + "'"};
    }
    wn::Simulation sim(scenario, o.trace.has_value());
    sim.run();
    if (o.trace) {
        if (o.trace_format == "chrome")
            wn::write_trace_chrome(sim, trace_out);
        else
            wn::write_trace_json(sim, trace_out);
        trace_out.close();
        std::error_code ec;
        if (trace_out && partial != *o.trace)
            std::filesystem::rename(partial, *o.trace, ec);
        if (!trace_out || ec) {
            if (partial != *o.trace)
                std::filesystem::remove(partial, ec);
            throw UsageError{"--trace: writing '" + wn::printable(*o.trace) + "' failed"};
        }
    }
    std::cout << wn::summary_json(sim).dump(2) << "\n";
    return 0;
}

/// A full disk or a closed pipe must not pass for success: the output is the result.
int flushed(int status) {
    std::cout.flush();
    if (!std::cout)
        throw UsageError{"writing to standard output failed (disk full or pipe closed?)"};
    return status;
}

} // namespace

int main(int argc, char** argv) {
    try {
        if (argc > 1 && std::string(argv[1]) == "sdam")
            return flushed(wn::run_sdam_command(std::vector<std::string>(argv + 2, argv + argc),
                                                std::cout, std::cerr));
        const Options o = parse(argc, argv);
        if (o.command == "help") {
            std::cout << kHelp;
            return flushed(0);
        }
        if (o.command == "list") {
            for (const auto& s : wn::builtin_scenarios())
                std::cout << s.name << std::string(s.name.size() < 16 ? 16 - s.name.size() : 1, ' ')
                          << s.description << "\n";
            return flushed(0);
        }
        if (o.command == "show") {
            std::cout << wn::scenario_to_json(wn::load_scenario(o.scenario)).dump(2) << "\n";
            return flushed(0);
        }
        return flushed(run(o));
    } catch (const UsageError& e) {
        std::cerr << "waspsnest-cli: " << e.message << "\n";
    } catch (const wn::ScenarioError& e) {
        std::cerr << "waspsnest-cli: " << e.what() << "\n";
    }
    return 2;
}

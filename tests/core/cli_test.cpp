// Runs the waspsnest-cli binary as a user would and checks its output and exit status.

#include "scenario/library.h"

#include "cli_runner.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace {

using Result = wn::test::CliResult;

/// `redirect` says where the program's output goes: both streams into `out` by default.
Result cli(const std::string& args, const std::string& redirect = "2>&1") {
    return wn::test::run_command(std::string(WN_CLI_PATH) + " " + args, redirect);
}

int lines(const std::string& s) {
    return wn::test::count_lines(s);
}

TEST(Cli, RunPrintsOneSummaryObjectWithTheContractFields) {
    const Result r = cli("run --scenario primary-fails --strategy naive --threads 20 --seed 3 "
                         "--duration 30");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    for (const char* field :
         {"strategy", "seed", "threads", "sim_seconds", "refresh_calls", "refresh_calls_by_monitor",
          "ismaster_calls", "max_concurrent_refreshes", "ops_ok", "errors", "states_published",
          "states_reclaimed", "max_live_states", "trace_sha256"})
        EXPECT_TRUE(j.contains(field)) << field;
    EXPECT_EQ(j["strategy"], "naive");
    EXPECT_EQ(j["seed"], 3);
    EXPECT_EQ(j["threads"], 20);
    EXPECT_DOUBLE_EQ(j["sim_seconds"].get<double>(), 30.0);
    EXPECT_TRUE(j["errors"].contains("KeyError"));
    EXPECT_TRUE(j["errors"].contains("AutoReconnect"));
    EXPECT_EQ(j["trace_sha256"].get<std::string>().size(), 64u);
}

TEST(Cli, ListShowsEachBuiltinOnALine) {
    const Result r = cli("list");
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("primary-fails"), std::string::npos);
    EXPECT_NE(r.out.find("herd-100"), std::string::npos);
    EXPECT_EQ(lines(r.out), static_cast<int>(wn::builtin_scenarios().size()));
    EXPECT_NE(r.out.find("monitor-race"), std::string::npos);
}

TEST(Cli, HelpDocumentsTheOptions) {
    const Result r = cli("--help");
    EXPECT_EQ(r.status, 0);
    for (const char* option : {"--scenario", "--strategy", "--threads", "--seed", "--duration",
                               "--trace", "--fail-fast", "list", "show"})
        EXPECT_NE(r.out.find(option), std::string::npos) << option;
}

TEST(Cli, TraceExportIsJson) {
    const std::string path = ::testing::TempDir() + "wn_trace.json";
    const Result r = cli("run --duration 12 --trace " + path);
    ASSERT_EQ(r.status, 0) << r.out;
    std::ifstream in(path);
    const auto trace = nlohmann::json::parse(in);
    EXPECT_GT(trace["events"].size(), 10u);
    EXPECT_EQ(trace["trace_sha256"], nlohmann::json::parse(r.out)["trace_sha256"]);
}

TEST(Cli, ChromeTraceFormatWritesTraceEvents) {
    const std::string path = ::testing::TempDir() + "wn_trace_chrome.json";
    const Result r = cli("run --duration 12 --trace " + path + " --trace-format chrome");
    ASSERT_EQ(r.status, 0) << r.out;
    std::ifstream in(path);
    const auto trace = nlohmann::json::parse(in);
    EXPECT_GT(trace["traceEvents"].size(), 10u);
    EXPECT_FALSE(trace.contains("events"));
    EXPECT_EQ(trace["otherData"]["trace_sha256"], nlohmann::json::parse(r.out)["trace_sha256"]);
}

TEST(Cli, BadInputIsOneLineAndExitTwo) {
    const std::string bad_json = ::testing::TempDir() + "wn_bad.json";
    std::ofstream(bad_json) << "{\"threads\": [}";
    const std::string bad_field = ::testing::TempDir() + "wn_field.json";
    std::ofstream(bad_field) << R"({"timeline": [{"at_s": 3, "fault": "kill", "host": "db7"}]})";
    const std::pair<std::string, std::string> cases[] = {
        {"run --scenario nope", "nope: not a built-in scenario"},
        {"run --strategy lockfree", "--strategy: unknown strategy 'lockfree'"},
        {"run --threads 0", "--threads: must be between 1 and 1000"},
        {"run --threads lots", "--threads: 'lots' is not a valid number"},
        {"run --seed -1", "--seed: '-1' is not a valid number"},
        {"run --duration", "--duration: missing value"},
        {"run --bogus", "unknown option '--bogus'"},
        {"frobnicate", "unknown command 'frobnicate'"},
        {"run --scenario " + bad_json, bad_json + ": malformed JSON"},
        {"run --scenario " + bad_field,
         bad_field + ": field 'timeline[0].host': unknown member 'db7:27017'"},
        {"run --threads 4 --threads 8", "--threads: given twice"},
        {"run --trace-format perfetto --trace x.json", "--trace-format: unknown format 'perfetto'"},
        {"run --trace-format chrome", "--trace-format: needs --trace OUT"},
        {"run --scenario /dev/zero", "/dev/zero: not a regular file"},
        {"run --scenario " + ::testing::TempDir(), ": is a directory, not a file"},
        {"show \"$(printf 'bad\\nname')\"", "bad\\nname: not a built-in scenario"},
    };
    for (const auto& [args, expected] : cases) {
        const Result r = cli(args);
        EXPECT_EQ(r.status, 2) << args;
        EXPECT_EQ(lines(r.out), 1) << args << ": " << r.out;
        EXPECT_NE(r.out.find(expected), std::string::npos) << args << ": " << r.out;
    }
}

TEST(Cli, AFullDiskIsAnErrorNotASuccess) {
    for (const char* args : {"run --duration 5", "list", "show primary-fails", "--help"}) {
        const Result r = cli(args, "2>&1 >/dev/full");
        EXPECT_EQ(r.status, 2) << args << ": " << r.out;
        EXPECT_EQ(lines(r.out), 1) << args << ": " << r.out;
        EXPECT_NE(r.out.find("writing to standard output failed"), std::string::npos) << r.out;
    }
}

TEST(Cli, ShowHelpIsHelpNotAScenarioName) {
    const Result r = cli("show --help");
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << r.out;
}

TEST(Cli, TheTraceNeverOverwritesTheScenario) {
    const std::string path = ::testing::TempDir() + "wn_self.json";
    std::ofstream(path) << R"({"duration_s": 2})";
    const Result r = cli("run --scenario " + path + " --trace " + path);
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.out.find("is the scenario file itself"), std::string::npos) << r.out;
    std::ifstream in(path);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), R"({"duration_s": 2})");
}

TEST(Cli, AFaultAfterTheEndWarnsAndRuns) {
    const std::string path = ::testing::TempDir() + "wn_late.json";
    std::ofstream(path)
        << R"({"duration_s": 2, "timeline": [{"at_s": 5, "fault": "kill", "host": "db1"}]})";
    const Result r = cli("run --scenario " + path, "2>&1 >/dev/null");
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(r.out, "waspsnest-cli: warning: " + path +
                         ": timeline[0] (kill at 5 s) comes after the run ends at duration_s = 2 s "
                         "and never happens\n");
}

} // namespace

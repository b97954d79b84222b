// Bad scenario input never aborts, never grows without bound and always gets one honest
// line: regressions of the files that once crashed, hung or were silently accepted.

#include "scenario/host_port.h"
#include "scenario/library.h"
#include "scenario/printable.h"
#include "scenario/run_budget.h"
#include "scenario/scenario_json.h"
#include "simulation.h"

#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace wn {
namespace {

using test::error_of;

std::string load_error(const std::string& path) {
    try {
        load_scenario(path);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}

bool one_line(const std::string& s) {
    return !s.empty() && s.find('\n') == std::string::npos && s.find('\r') == std::string::npos &&
           s.find('\x1b') == std::string::npos;
}

class ScratchDir : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("wn-input-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    std::filesystem::path m_dir;
};

// ---- 1. numbers too large for a double or a 64-bit integer ----

TEST(HugeNumbers, AreOneLineNamingTheFieldNotAnAbort) {
    for (const char* text : {R"({"duration_s": 1e309})", R"({"duration_s": -1e309})"}) {
        const std::string e = error_of(text);
        EXPECT_EQ(e.rfind("bad.json: field 'duration_s': number out of range", 0), 0u) << e;
        EXPECT_TRUE(one_line(e)) << e;
    }
    const std::string digits(400, '7');
    const std::string seed = error_of("{\"seed\": " + digits + "}");
    EXPECT_EQ(seed.rfind("bad.json: field 'seed': number out of range", 0), 0u) << seed;
    EXPECT_LT(seed.size(), 300u) << "the 400 digits are quoted whole";
    // Even inside an unknown field, deep in an array.
    const std::string nested = error_of(R"({"timeline": [{}, {"x": [1, 2e999]}]})");
    EXPECT_EQ(nested.rfind("bad.json: field 'timeline[1].x[1]': number out of range", 0), 0u)
        << nested;
}

// ---- 2. unbounded reads ----

TEST_F(ScratchDir, DevicesFifosAndDirectoriesAreRefusedBeforeReading) {
    EXPECT_EQ(load_error("/dev/zero"), "/dev/zero: not a regular file (a device, FIFO or socket)");
    const std::string fifo = path("pipe.json");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(load_error(fifo), fifo + ": not a regular file (a device, FIFO or socket)");
    EXPECT_EQ(load_error(m_dir.string()), m_dir.string() + ": is a directory, not a file");
}

TEST_F(ScratchDir, AFileOverTheSizeLimitIsRefusedUnread) {
    const std::string big = path("big.json");
    {
        std::ofstream out(big);
        out << "{\"seeds\": [";
        for (int i = 0; i < 200000; ++i)
            out << "\"db1\",";
        out << "\"db1\"]}";
    }
    const std::string e = load_error(big);
    EXPECT_NE(e.find("bytes; at most 1 MiB are read"), std::string::npos) << e;
}

TEST(ArrayLimits, SeedsMembersAndTimelineAreCapped) {
    std::string seeds = "{\"seeds\": [";
    for (std::size_t i = 0; i <= kMaxSeeds; ++i)
        seeds += std::string(i ? "," : "") + "\"db1\"";
    EXPECT_EQ(error_of(seeds + "]}"),
              "bad.json: field 'seeds': lists 65 hosts; at most 64 are allowed");
    std::string timeline = "{\"timeline\": [";
    for (std::size_t i = 0; i <= kMaxTimelineEntries; ++i)
        timeline += std::string(i ? "," : "") + R"({"at_s": 1, "fault": "kill", "host": "db1"})";
    EXPECT_EQ(error_of(timeline + "]}"),
              "bad.json: field 'timeline': lists 1001 faults; at most 1000 are allowed");
    std::string members = "{\"members\": [";
    for (int i = 1; i <= 8; ++i)
        members += std::string(i > 1 ? "," : "") + "{\"host\": \"db" + std::to_string(i) + "\"}";
    EXPECT_EQ(error_of(members + "]}"),
              "bad.json: field 'members': lists 8 members; at most 7 are allowed");
}

TEST(ArrayLimits, DeepNestingIsRefused) {
    const std::string deep = "{\"x\": " + std::string(5000, '[') + std::string(5000, ']') + "}";
    const std::string e = error_of(deep);
    EXPECT_EQ(e.rfind("bad.json: malformed JSON: nested deeper than", 0), 0u) << e;
}

// ---- 3. host names ----

TEST(HostNames, AreCheckedAsHostColonPort) {
    EXPECT_EQ(parse_host_port("db1").normalized, "db1:27017");
    EXPECT_EQ(parse_host_port("Db-1.example_x:27018").normalized, "Db-1.example_x:27018");
    for (const char* bad : {":", "db1:abc", "db1:99999", "db1:0", "db1:", "db 1", ":27017"})
        EXPECT_FALSE(parse_host_port(bad).error.empty()) << bad;
    EXPECT_FALSE(parse_host_port(std::string(254, 'a')).error.empty());
    EXPECT_EQ(error_of(R"({"members": [{"host": "db1:99999"}]})"),
              "bad.json: field 'members[0].host': 'db1:99999' has no valid port (host:port, the "
              "port 1 to 65535)");
    const std::string huge =
        error_of("{\"members\": [{\"host\": \"" + std::string(100000, 'h') + "\"}]}");
    EXPECT_LT(huge.size(), 300u) << "the 100 kB host name is quoted whole";
    EXPECT_EQ(error_of(R"({"seeds": ["db1", ":"]})"),
              "bad.json: field 'seeds[1]': ':' has no host name before the port");
}

// ---- 5. errors are one line, and short ----

TEST(ErrorLines, ControlCharactersAreEscapedAndLongTextIsCut) {
    EXPECT_EQ(printable("a\nb\rc\x1b[31m"), "a\\nb\\rc\\x1b[31m");
    EXPECT_EQ(printable(std::string(100, 'x')), std::string(80, 'x') + "\u2026");
    // A cut never splits a UTF-8 character.
    const std::string cut = printable(std::string(79, 'x') + "\u00e9\u00e9");
    EXPECT_EQ(cut, std::string(79, 'x') + "\u2026");
    const std::string key = error_of("{\"bad\\nkey\\u001b[2J\": 1}");
    EXPECT_TRUE(one_line(key)) << key;
    EXPECT_EQ(key, "bad.json: field 'bad\\nkey\\x1b[2J': unknown field");
    const std::string strategy = error_of("{\"strategy\": \"" + std::string(5000, 's') + "\"}");
    EXPECT_LT(strategy.size(), 200u);
}

// ---- 6. mistakes that were silently accepted ----

TEST(SilentMistakes, DuplicateKeysAreAnError) {
    EXPECT_EQ(error_of(R"({"threads": 4, "threads": 8})"),
              "bad.json: field 'threads': given twice");
    EXPECT_EQ(error_of(R"({"workload": {"think_ms": 1, "think_ms": 2}})"),
              "bad.json: field 'workload.think_ms': given twice");
}

// The CI fuzzer found that a repeated empty key escaped as std::invalid_argument.
TEST(SilentMistakes, RepeatedEmptyKeyIsAnErrorNotACrash) {
    EXPECT_EQ(error_of(R"({"threads": 2, "": 1, "": 2})"), "bad.json: field '\"\"': given twice");
    EXPECT_EQ(error_of(R"({"workload": {"": 1, "": 2}})"),
              "bad.json: field 'workload.\"\"': given twice");
}

TEST(SilentMistakes, FaultFieldsThatDoNotApplyAreAnError) {
    EXPECT_EQ(
        error_of(R"({"timeline": [{"at_s": 1, "fault": "kill", "host": "db1", "ping_ms": 5}]})"),
        "bad.json: field 'timeline[0].ping_ms': applies only to set_ping and add_member");
    EXPECT_EQ(error_of(R"({"timeline": [{"at_s": 1, "fault": "set_ping", "host": "db1"}]})"),
              "bad.json: field 'timeline[0].ping_ms': is required for set_ping");
    EXPECT_EQ(
        error_of(
            R"({"timeline": [{"at_s": 1, "fault": "revive", "host": "db1", "arbiter": true}]})"),
        "bad.json: field 'timeline[0].arbiter': applies only to add_member");
}

TEST(SilentMistakes, NullEmptySetNameAndMalformedHostsAreErrors) {
    EXPECT_EQ(error_of(R"({"threads": null})"),
              "bad.json: field 'threads': must not be null (leave the field out for its default)");
    EXPECT_EQ(error_of(R"({"set_name": ""})"),
              "bad.json: field 'set_name': must not be empty (leave it out for the default, rs0)");
    EXPECT_NE(error_of(R"({"members": [{"host": ":"}]})"), "");
    EXPECT_NE(error_of(R"({"members": [{"host": "db1:abc"}]})"), "");
}

TEST(SilentMistakes, AFaultAfterTheEndIsAWarningAndTheRunStillParses) {
    const Scenario s = parse_scenario(
        R"({"duration_s": 20, "timeline": [{"at_s": 30, "fault": "kill", "host": "db1"}]})",
        "late.json");
    const auto warnings = scenario_warnings(s);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "timeline[0] (kill at 30 s) comes after the run ends at duration_s = "
                           "20 s and never happens");
    EXPECT_TRUE(scenario_warnings(load_scenario(kDefaultScenario)).empty());
}

// ---- 8. smaller things ----

TEST(SmallerThings, UnitsAreNotDoubleParenthesised) {
    EXPECT_EQ(error_of(R"({"workload": {"read_fraction": "half"}})"),
              "bad.json: field 'workload.read_fraction': must be a number (a fraction)");
}

TEST_F(ScratchDir, ANameDefaultsToTheFileStem) {
    const std::string file = path("my-demo.json");
    std::ofstream(file) << "{\"threads\": 3}";
    EXPECT_EQ(load_scenario(file).name, "my-demo");
}

TEST(SmallerThings, ShowSpellsOutSeedsAndClientSetName) {
    const auto j = scenario_to_json(load_scenario(kDefaultScenario));
    EXPECT_TRUE(j.contains("seeds"));
    EXPECT_TRUE(j.contains("client_set_name"));
    // And what show prints reads back as the same scenario.
    EXPECT_EQ(scenario_to_json(parse_scenario(j.dump(), "shown.json")), j);
}

} // namespace
} // namespace wn

// ---- 4. cost bounds ----

namespace wn {
namespace {

// Under-estimating would let a hopeless run through, so that bound holds everywhere. The
// estimate ignores operations stalled by a dead host (a power-off hangs them for seconds),
// so it may overshoot those runs, which only makes it refuse sooner.
TEST(RunBudget, TheEstimateIsWithinAFactorOfThreeOfRealRuns) {
    for (const BuiltinScenario& b : builtin_scenarios()) {
        Scenario s = load_scenario(b.name);
        s.threads = 50;
        s.duration_s = std::min(s.duration_s, 60.0);
        Simulation sim(s);
        sim.run();
        const double actual = static_cast<double>(sim.trace().count());
        const double estimate = estimate_events(s);
        EXPECT_GT(estimate, actual / 3)
            << b.name << ": estimate " << estimate << ", actual " << actual;
        const bool stalls = std::any_of(s.timeline.begin(), s.timeline.end(), [](const Fault& f) {
            return f.kind == FaultKind::PowerOff;
        });
        if (!stalls) {
            EXPECT_LT(estimate, actual * 3)
                << b.name << ": estimate " << estimate << ", actual " << actual;
        }
    }
}

TEST(RunBudget, TheWindowRefusesARunTheCliStillTakes) {
    Scenario day = load_scenario(kDefaultScenario);
    day.threads = 1000;
    day.duration_s = 86400;
    EXPECT_NO_THROW(check_run_budget(day, "day", kMaxRunEvents, "a command-line run may take"));
    try {
        check_window_budget(day, "day");
        FAIL() << "the window accepted a day of 1000 threads";
    } catch (const ScenarioError& e) {
        EXPECT_NE(std::string(e.what()).find("the window can keep"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(check_window_budget(load_scenario("herd-100"), "herd-100"));
}

TEST(RunBudget, AHopelessRunIsRefusedWithItsNumbers) {
    const Scenario s = parse_scenario(
        R"({"threads": 1000, "duration_s": 86400, "workload": {"think_ms": 0.001},
            "interleaving": {"step_us": 0.001, "preempt_probability": 0}})",
        "day.json");
    try {
        check_run_budget(s, "day.json", kMaxRunEvents, "a command-line run may take");
        FAIL() << "a day of 1000 busy threads was accepted";
    } catch (const ScenarioError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind("day.json: about ", 0), 0u) << what;
        EXPECT_NE(what.find("1000 threads for 86400 s"), std::string::npos) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos);
    }
    EXPECT_NO_THROW(check_run_budget(load_scenario("herd-100"), "herd-100", kMaxWindowEvents, "x"));
}

} // namespace
} // namespace wn

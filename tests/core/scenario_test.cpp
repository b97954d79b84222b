#include "scenario/library.h"
#include "scenario/scenario_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace wn {
namespace {

std::string error_of(const std::string& text) {
    try {
        parse_scenario(text, "bad.json");
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}

TEST(ScenarioLibrary, HasTheRequiredScenarios) {
    std::vector<std::string> names;
    for (const auto& b : builtin_scenarios()) {
        names.push_back(b.name);
        EXPECT_FALSE(b.description.empty()) << b.name;
    }
    for (const char* required : {"primary-fails", "step-down", "add-secondary", "slow-secondary",
                                 "all-down", "partition", "herd-100"})
        EXPECT_NE(std::find(names.begin(), names.end(), required), names.end()) << required;
}

TEST(ScenarioLibrary, TheDefaultKillsThePrimaryOfThreeAtTenSeconds) {
    const Scenario s = load_scenario(kDefaultScenario);
    EXPECT_EQ(s.name, "primary-fails");
    EXPECT_EQ(s.members.size(), 3u);
    EXPECT_EQ(s.threads, 8);
    EXPECT_EQ(s.strategy, StrategyKind::Wasp);
    ASSERT_EQ(s.timeline.size(), 1u);
    EXPECT_EQ(s.timeline[0].kind, FaultKind::Kill);
    EXPECT_EQ(s.timeline[0].host, "db1:27017");
    EXPECT_DOUBLE_EQ(s.timeline[0].at_s, 10);
    const Scenario herd = load_scenario("herd-100");
    EXPECT_EQ(herd.threads, 100);
}

TEST(ScenarioJson, DefaultsFillWhatIsLeftOut) {
    const Scenario s = parse_scenario("{}", "min.json");
    EXPECT_EQ(s.members.size(), 3u);
    EXPECT_EQ(s.members[0].host, "db1:27017");
    EXPECT_DOUBLE_EQ(s.monitor_interval_s, 30);
    EXPECT_DOUBLE_EQ(s.wait_for_refresh_s, 5);
    EXPECT_EQ(parse_scenario(R"({"members": 5})", "n.json").members.size(), 5u);
    EXPECT_EQ(parse_scenario(R"({"members": [{"host": "a"}]})", "h.json").members[0].host,
              "a:27017");
}

TEST(ScenarioJson, RoundTripsThroughItsJson) {
    const Scenario s = load_scenario("all-down");
    const Scenario again = parse_scenario(scenario_to_json(s).dump(), "again.json");
    EXPECT_EQ(scenario_to_json(again), scenario_to_json(s));
}

TEST(ScenarioJson, ErrorsNameTheFileTheFieldAndTheReason) {
    EXPECT_EQ(error_of("{\"threads\": ").rfind("bad.json: malformed JSON: ", 0), 0u);
    EXPECT_EQ(error_of(R"({"threads": "many"})"), "bad.json: field 'threads': must be an integer");
    EXPECT_EQ(error_of(R"({"threads": 5000})"),
              "bad.json: field 'threads': must be between 1 and 1000");
    EXPECT_EQ(error_of(R"({"strategy": "yolo"})"),
              "bad.json: field 'strategy': must be naive, mutex, rwlock or wasp (got 'yolo')");
    EXPECT_EQ(error_of(R"({"members": [{"host": "a", "ping_ms": -1}]})"),
              "bad.json: field 'members[0].ping_ms': must be between 0 and 10000 ms");
    EXPECT_EQ(error_of(R"({"timeline": [{"at_s": 1, "fault": "kill", "host": "zz"}]})"),
              "bad.json: field 'timeline[0].host': unknown member 'zz:27017'");
    EXPECT_EQ(error_of(R"({"timeline": [{"at_s": 1, "fault": "explode", "host": "db1"}]})"),
              "bad.json: field 'timeline[0].fault': must be one of kill, power_off, revive, "
              "step_down, cut_off, restore, set_ping, add_member, remove_member (got 'explode')");
    EXPECT_EQ(error_of(R"({"thread": 4})"), "bad.json: field 'thread': unknown field");
    EXPECT_EQ(error_of(R"({"workload": {"read_fraction": 2}})"),
              "bad.json: field 'workload.read_fraction': must be between 0 and 1 (a fraction)");
    EXPECT_EQ(error_of(R"({"members": 9})"),
              "bad.json: field 'members': must be between 1 and 7 members");
    EXPECT_EQ(error_of(R"([1, 2])"), "bad.json: field '(top level)': must be an object");
    EXPECT_EQ(error_of(R"({"members": [{"host": "a", "arbiter": true}]})"),
              "bad.json: field 'members': at least one member must be electable (not an "
              "arbiter, priority > 0)");
}

TEST(ScenarioJson, AFaultMayNameAMemberAddedEarlier) {
    const Scenario s = parse_scenario(
        R"({"timeline": [{"at_s": 1, "fault": "add_member", "host": "db9"},
                         {"at_s": 2, "fault": "kill", "host": "db9"}]})",
        "ok.json");
    EXPECT_EQ(s.timeline.size(), 2u);
}

TEST(ScenarioLibrary, UnknownNamesAndMissingFilesSayWhat) {
    try {
        load_scenario("no-such-thing");
        FAIL();
    } catch (const ScenarioError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("no-such-thing: not a built-in scenario (", 0), 0u);
    }
}

} // namespace
} // namespace wn

#include "scenario/library.h"
#include "scenario/scenario_json.h"

#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace wn {
namespace {

using test::error_of;

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

TEST(ScenarioLibrary, TheDefaultKillsThePrimaryOfThreeAtThreeSeconds) {
    const Scenario s = load_scenario(kDefaultScenario);
    EXPECT_EQ(s.name, "primary-fails");
    EXPECT_EQ(s.members.size(), 3u);
    EXPECT_EQ(s.threads, 8);
    EXPECT_EQ(s.strategy, StrategyKind::Wasp);
    ASSERT_EQ(s.timeline.size(), 1u);
    EXPECT_EQ(s.timeline[0].kind, FaultKind::Kill);
    EXPECT_EQ(s.timeline[0].host, "db1:27017");
    EXPECT_DOUBLE_EQ(s.timeline[0].at_s, 3); // a short lead-in: the failover comes soon
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
    EXPECT_EQ(
        error_of(R"({"strategy": "yolo"})"),
        "bad.json: field 'strategy': must be naive, mutex, rwlock, wasp or sdam (got 'yolo')");
    EXPECT_EQ(error_of(R"({"members": [{"host": "a", "ping_ms": -1}]})"),
              "bad.json: field 'members[0].ping_ms': must be between 0 and 10000 ms");
    EXPECT_EQ(error_of(R"({"timeline": [{"at_s": 1, "fault": "kill", "host": "zz"}]})"),
              "bad.json: field 'timeline[0].host': unknown member 'zz:27017'");
    EXPECT_EQ(error_of(R"({"timeline": [{"at_s": 1, "fault": "explode", "host": "db1"}]})"),
              "bad.json: field 'timeline[0].fault': must be one of kill, power_off, revive, "
              "step_down, cut_off, restore, set_ping, add_member, remove_member, isolate, heal "
              "(got 'explode')");
    EXPECT_EQ(error_of(R"({"max_wire_version": 13})"),
              "bad.json: field 'max_wire_version': must be 7 (MongoDB 4.0) or 17 (MongoDB 6.0)");
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

namespace wn {
namespace {

// ---- Format 2: a saved demo's clicks, playhead and bookmarks ----

TEST(ScenarioFormat, SavesTheFormatAndTheRecordedRun) {
    Scenario s = load_scenario("primary-fails");
    UserAction kill;
    kill.at = 3000001;
    kill.after_entries = 4242;
    kill.fault = {3.000001, FaultKind::Kill, "db3:27017"};
    UserAction wake;
    wake.kind = UserAction::Kind::WakeMonitor;
    wake.at = 4000000;
    wake.after_entries = 5000;
    s.recorded.actions = {kill, wake};
    s.recorded.playhead_s = 4.5;
    s.recorded.playhead_entries = 6001;
    s.recorded.bookmarks = {{"the kill", 3.000001}};
    const auto j = scenario_to_json(s);
    EXPECT_EQ(j["format"], kScenarioFormat);
    EXPECT_EQ(kScenarioFormat, 2);
    const Scenario again = parse_scenario(j.dump(2), "demo.json");
    ASSERT_EQ(again.recorded.actions.size(), 2u);
    EXPECT_EQ(again.recorded.actions[0].at, 3000001);
    EXPECT_EQ(again.recorded.actions[0].after_entries, 4242u);
    EXPECT_EQ(again.recorded.actions[0].fault.kind, FaultKind::Kill);
    EXPECT_EQ(again.recorded.actions[0].fault.host, "db3:27017");
    EXPECT_EQ(again.recorded.actions[1].kind, UserAction::Kind::WakeMonitor);
    EXPECT_EQ(again.recorded.playhead_s, 4.5);
    EXPECT_EQ(again.recorded.playhead_entries, 6001u);
    ASSERT_EQ(again.recorded.bookmarks.size(), 1u);
    EXPECT_EQ(again.recorded.bookmarks[0].name, "the kill");
    EXPECT_EQ(scenario_to_json(again), j);
}

TEST(ScenarioFormat, AFormatOneFileStillLoads) {
    // Written by the previous release: no "format", no "run".
    const char* old = R"({"name": "old", "members": 3, "threads": 4, "strategy": "naive",
        "timeline": [{"at_s": 10, "fault": "kill", "host": "db1:27017"}]})";
    const Scenario s = parse_scenario(old, "old.json");
    EXPECT_EQ(s.threads, 4);
    EXPECT_EQ(s.timeline.size(), 1u);
    EXPECT_TRUE(s.recorded.empty());
    EXPECT_EQ(parse_scenario(R"({"format": 1})", "one.json").threads, 8);
}

TEST(ScenarioFormat, RefusesWhatItCannotReplay) {
    auto demo_error = [](const std::string& text) {
        try {
            parse_scenario(text, "demo.json");
        } catch (const ScenarioError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(demo_error(R"({"format": 3})"),
              "demo.json: field 'format': is 3: the file was written by a newer Wasp's Nest; "
              "this one reads formats 1 to 2");
    EXPECT_EQ(demo_error(R"({"run": {}})"), "demo.json: field 'run': needs \"format\": 2");
    EXPECT_EQ(demo_error(R"({"format": 2, "run": {"user_actions": [{"at_us": 5}]}})"),
              "demo.json: field 'run.user_actions[0]': needs at_us, after_entries and action");
    EXPECT_EQ(demo_error(R"({"format": 2, "run": {"user_actions": [
                  {"at_us": 5, "after_entries": 9, "action": "wake_monitor"},
                  {"at_us": 4, "after_entries": 10, "action": "wake_monitor"}]}})"),
              "demo.json: field 'run.user_actions[1]': comes before the action listed above it");
    EXPECT_EQ(demo_error(R"({"format": 2, "run": {"user_actions": [
                  {"at_us": 5, "after_entries": 9, "action": "explode", "host": "db1"}]}})")
                  .rfind("demo.json: field 'run.user_actions[0].action': must be one of kill", 0),
              0u);
    EXPECT_EQ(demo_error(R"({"format": 2, "run": {"playhead_s": 99}})"),
              "demo.json: field 'run.playhead_s': must be a number of seconds between 0 and 60");
    EXPECT_EQ(demo_error(R"({"format": 2, "run": {"bookmarks": [{"name": "x"}]}})"),
              "demo.json: field 'run.bookmarks[0].at_s': is required");
}

TEST(ScenarioFormat, TheRecordedClicksReplayInEveryRunOfTheFile) {
    // The command line runs a saved demo with its clicks, exactly as the window did.
    Scenario s = load_scenario("primary-fails");
    s.threads = 4;
    Simulation clicked(s, true);
    clicked.run_until(from_seconds(3));
    UserAction kill;
    kill.fault = {0, FaultKind::Kill, "db3:27017"};
    ASSERT_EQ(clicked.apply(kill), "");
    clicked.run();

    const Scenario saved = [&] {
        Scenario copy = s;
        copy.recorded.strategy = s.strategy;
        copy.recorded.actions = clicked.user_actions();
        return parse_scenario(scenario_to_json(copy).dump(), "demo.json");
    }();
    Simulation replayed(saved, true);
    replayed.run();
    EXPECT_EQ(replayed.trace().sha256(), clicked.trace().sha256());
    ASSERT_EQ(replayed.user_actions().size(), 1u);

    // Under another strategy the entry counts mean nothing: the click lands at its time.
    Scenario naive = saved;
    naive.strategy = StrategyKind::Naive;
    Simulation other(naive, true);
    other.run();
    ASSERT_EQ(other.user_actions().size(), 1u);
    EXPECT_EQ(other.user_actions()[0].at, from_seconds(3));
}

} // namespace
} // namespace wn

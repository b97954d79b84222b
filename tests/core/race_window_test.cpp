// The race window: "magnified" (the scenario's interleaving) against "realistic" (CPython 2
// switching threads every 100 bytecodes).

#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace wn {
namespace {

using test::error_of;

TEST(RaceWindow, IsAScenarioFieldParsedStrictly) {
    EXPECT_EQ(Scenario{}.race_window, RaceWindow::Magnified);
    EXPECT_EQ(parse_scenario(R"({"race_window": "realistic"})", "x.json").race_window,
              RaceWindow::Realistic);
    EXPECT_EQ(parse_scenario(R"({"race_window": "magnified"})", "x.json").race_window,
              RaceWindow::Magnified);
    EXPECT_EQ(error_of(R"({"race_window": "Realistic"})"),
              "bad.json: field 'race_window': must be magnified or realistic (got 'Realistic')");
    EXPECT_NE(error_of(R"({"race_window": 1})"), "");
    Scenario s = test::three_members();
    s.race_window = RaceWindow::Realistic;
    EXPECT_EQ(parse_scenario(scenario_to_json(s).dump(), "x.json").race_window,
              RaceWindow::Realistic);
}

TEST(RaceWindow, TheLabelSaysWhichIsOnAndHowMuchMagnified) {
    Scenario s;
    EXPECT_EQ(race_window_label(s), "race \u00d74000");
    s.race_window = RaceWindow::Realistic;
    EXPECT_EQ(race_window_label(s), "race realistic");
}

/// The longest time, over every naive operation, from `self.primary` being read to the
/// `self.members[...]` lookup that uses it.
double longest_gap_ms(RaceWindow window) {
    Scenario s = load_scenario("primary-fails");
    s.strategy = StrategyKind::Naive;
    s.race_window = window;
    Simulation sim(s, true);
    sim.run();
    std::map<ActorId, SimTime> read_at;
    SimTime longest = 0;
    for (const TraceEvent& e : sim.trace().events()) {
        if (e.kind == EventKind::ReadPrimary)
            read_at[e.actor] = e.time;
        else if (e.kind == EventKind::LookupMember && read_at.count(e.actor))
            longest = std::max(longest, e.time - read_at[e.actor]);
    }
    return to_seconds(longest) * 1000;
}

TEST(RaceWindow, RealisticGapsAreMicrosecondsMagnifiedOnesTensOfMilliseconds) {
    EXPECT_LT(longest_gap_ms(RaceWindow::Realistic), 0.2);
    EXPECT_GT(longest_gap_ms(RaceWindow::Magnified), 20);
}

TEST(RaceWindow, TheMonitorRaceIsRareWhenRealistic) {
    int magnified = 0, realistic = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        Scenario s = load_scenario("monitor-race");
        s.seed = seed;
        Simulation a(s);
        a.run();
        magnified += a.metrics().errors_of(ErrorKind::KeyError);
        s.race_window = RaceWindow::Realistic;
        Simulation b(s);
        b.run();
        realistic += b.metrics().errors_of(ErrorKind::KeyError);
    }
    EXPECT_GT(magnified, 10 * std::max(realistic, 1));
}

} // namespace
} // namespace wn

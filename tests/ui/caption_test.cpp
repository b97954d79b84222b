// The caption names the actual cause of each KeyError, read from the trace.

#include "scenario/library.h"
#include "simulation.h"
#include "ui/inspector.h"
#include "ui/model/caption.h"

#include <gtest/gtest.h>

namespace wn::ui {
namespace {

TEST(Caption, AKeyErrorNamesTheMonitorsRefreshThatPoppedTheMember) {
    Simulation sim(load_scenario("monitor-race"), true);
    sim.run();
    int narrated = 0;
    for (const TraceEvent& e : sim.trace().events()) {
        if (e.kind != EventKind::KeyErrorCause)
            continue;
        const std::string text = narrate(sim, e);
        EXPECT_NE(text.find("the monitor's refresh"), std::string::npos) << text;
        EXPECT_NE(text.find("popped db1:27017"), std::string::npos) << text;
        EXPECT_EQ(text.find("another thread"), std::string::npos) << text;
        ++narrated;
    }
    EXPECT_GT(narrated, 0);
}

TEST(Caption, SelfMembersOfNoneIsToldApartFromAPoppedMember) {
    bool cleared = false;
    for (std::uint64_t seed = 1; seed <= 10 && !cleared; ++seed) {
        Scenario s = load_scenario("primary-fails");
        s.strategy = StrategyKind::Naive;
        s.threads = 100;
        s.seed = seed;
        Simulation sim(s, true);
        sim.run();
        for (const TraceEvent& e : sim.trace().events()) {
            if (e.kind != EventKind::KeyErrorCause ||
                e.a != static_cast<int>(KeyErrorCause::PrimaryClearedByRefresh))
                continue;
            const std::string text = narrate(sim, e);
            EXPECT_NE(text.find("self.members[None]"), std::string::npos) << text;
            EXPECT_EQ(text.find("popped"), std::string::npos) << text;
            cleared = true;
        }
    }
    EXPECT_TRUE(cleared);
}

} // namespace
} // namespace wn::ui

namespace wn::ui {
namespace {

// Under sdam the heap holds TopologyDescriptions: the caption and the inspector say so, and
// never name the 2.5.1 client's self.rsstate.
TEST(Caption, SdamSpeaksOfTopologyDescriptions) {
    Scenario s = load_scenario("primary-fails");
    s.strategy = StrategyKind::Sdam;
    Simulation sim(s, true);
    sim.run_until(from_seconds(12));
    int publishes = 0;
    for (const TraceEvent& e : sim.trace().events()) {
        if (e.kind != EventKind::Publish && e.kind != EventKind::Reclaim)
            continue;
        const std::string text = narrate(sim, e);
        EXPECT_NE(text.find("TopologyDescription v"), std::string::npos) << text;
        EXPECT_EQ(text.find("RSState"), std::string::npos) << text;
        EXPECT_EQ(text.find("rsstate"), std::string::npos) << text;
        ++publishes;
    }
    EXPECT_GT(publishes, 2);
    const QString html = describe_version(sim, sim.client().heap()->current_version());
    EXPECT_TRUE(html.contains("TopologyDescription v")) << html.toStdString();
    EXPECT_FALSE(html.contains("rsstate")) << html.toStdString();
}

} // namespace
} // namespace wn::ui

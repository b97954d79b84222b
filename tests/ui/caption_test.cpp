// The caption names the actual cause of each KeyError, read from the trace.

#include "scenario/library.h"
#include "simulation.h"
#include "ui/inspector.h"
#include "ui/model/caption.h"
#include "ui/scene/paint_cache.h"
#include "ui/scene/paint_kit.h"
#include "ui/scene/word_wrap.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QTest>
#include <gtest/gtest.h>

#include <set>

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

// ---- The headline tells the current moment ----

double first_kill(const Scenario& s) {
    for (const Fault& f : s.timeline)
        if (f.kind == FaultKind::Kill)
            return f.at_s;
    return -1;
}

TEST(Headline, AQuietMomentDoesNotRepeatAnOldEvent) {
    auto window = testing::make_window();
    // Long after the failover (the kill at 3 s, the election at 8 s, the last versions
    // freed soon after) and before the monitor's routine refresh at 30 s.
    window->controller().seek(20);
    const std::string caption = window->controller().frame().caption;
    EXPECT_EQ(caption.find("freed at"), std::string::npos) << caption;
    EXPECT_EQ(caption.rfind("Quiet: ", 0), 0u) << caption;
    EXPECT_NE(caption.find(" is primary"), std::string::npos) << caption;
}

// A narrow pane (a comparison at 1024x768) wraps the headline: a time moves to the second
// line whole, never leaving its unit there alone.
TEST(Headline, ATimeWrapsWithItsUnit) {
    auto window = testing::make_window();
    window->controller().seek(20);
    const QString caption = QString::fromStdString(window->controller().frame().caption);
    ASSERT_TRUE(caption.contains("refresh is at t=")) << caption.toStdString();
    const QFont font = font_px(16, true);
    const double whole = text_advance(font, caption);
    for (double width = whole / 3; width < whole; width += 2)
        for (const QString& line : word_wrap(caption, font, width).lines)
            EXPECT_FALSE(line.startsWith("s.") || line.startsWith("s;") || line == "s")
                << "at " << width << " px: " << caption.toStdString();
}

TEST(Headline, EveryRightPressTellsTheEventItRan) {
    auto window = testing::make_window();
    window->show();
    QApplication::setActiveWindow(window.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    window->controller().seek(2);
    std::set<std::string> seen;
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(window.get(), Qt::Key_Right);
        const Simulation& sim = window->controller().sim();
        const std::string caption = window->controller().frame().caption;
        ASSERT_EQ(sim.trace().events().back().time, sim.now());
        EXPECT_FALSE(caption.empty()) << "press " << i;
        EXPECT_NE(caption.rfind("Quiet", 0), 0u) << "press " << i << ": " << caption;
        seen.insert(caption);
    }
    EXPECT_GE(seen.size(), 6u) << "twelve steps, hardly a new headline";
}

TEST(Headline, AtTheKillItSaysWhoDied) {
    auto window = testing::make_window();
    const double kill = first_kill(window->controller().scenario());
    // Landing on the moment (a timeline marker is an event's exact time).
    window->controller().seek(kill);
    std::string caption = window->controller().frame().caption;
    EXPECT_EQ(caption.rfind("db1:27017 dies", 0), 0u) << caption;
    // Stepping onto it.
    window->controller().seek(kill - 0.01);
    while (window->controller().sim().world().servers()[0].up)
        window->controller().step();
    caption = window->controller().frame().caption;
    EXPECT_EQ(caption.rfind("db1:27017 dies", 0), 0u) << caption;
    EXPECT_NE(caption.find("election"), std::string::npos) << caption;
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

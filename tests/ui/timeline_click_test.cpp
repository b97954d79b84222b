// Clicking the timeline goes where the user points; only a click on a marker's own tick
// snaps to it, and landing on a marker shows its event as having happened.

#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QTest>
#include <cmath>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

using testing::make_window;

struct Shown {
    std::unique_ptr<MainWindow> window = make_window();
    Shown() {
        window->resize(1280, 720);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
    Timeline& timeline() { return window->timeline(); }
    /// The middle of marker row `kind` (faults, elections, ...).
    int row_y(Marker::Kind kind) {
        for (int y = 0; y < timeline().height(); ++y)
            if (timeline().row_at(y) == static_cast<int>(kind) &&
                timeline().row_at(y + 3) == static_cast<int>(kind))
                return y + 1;
        return -1;
    }
};

double first_kill(const Scenario& s) {
    for (const Fault& f : s.timeline)
        if (f.kind == FaultKind::Kill)
            return f.at_s;
    return -1;
}

TEST(TimelineClick, AMomentFourPixelsBeforeTheKillIsReachable) {
    Shown w;
    SimController& c = w.window->controller();
    const double kill = first_kill(c.scenario());
    const TimeAxis a = w.timeline().axis();
    const int x = static_cast<int>(std::lround(a.x_for(kill))) - 4;
    const int faults = w.row_y(Marker::Kind::Fault);
    ASSERT_GE(faults, 0);
    for (const int y : {faults, w.timeline().height() - 3}) { // the faults row, the axis
        QTest::mouseClick(&w.timeline(), Qt::LeftButton, {}, QPoint(x, y));
        EXPECT_NEAR(c.now(), a.t_for(x), 1e-6) << "a click at y=" << y << " snapped";
        EXPECT_LT(c.now(), kill);
    }
}

TEST(TimelineClick, AClickOnAMarkersTickLandsOnItsEvent) {
    Shown w;
    SimController& c = w.window->controller();
    const TimeAxis a = w.timeline().axis();
    int landmarks = 0;
    for (const Marker m : c.markers()) {
        if (m.kind != Marker::Kind::Fault && m.kind != Marker::Kind::Election)
            continue;
        ++landmarks;
        const QPoint tick(static_cast<int>(std::lround(a.x_for(m.t))), w.row_y(m.kind));
        QTest::mouseClick(&w.timeline(), Qt::LeftButton, {}, tick);
        EXPECT_DOUBLE_EQ(c.now(), m.t) << "the click on the tick at " << m.t << " did not snap";
        const Simulation& sim = c.sim();
        ASSERT_FALSE(sim.trace().events().empty());
        EXPECT_EQ(sim.trace().events().back().time, sim.now())
            << "the event at " << m.t << " has not happened yet";
        const std::string caption = c.frame().caption;
        EXPECT_NE(caption.rfind("Quiet", 0), 0u) << m.t << ": " << caption;
    }
    EXPECT_GE(landmarks, 2); // the kill and the election
    // The kill's tick: the headline says who died.
    const double kill = first_kill(c.scenario());
    QTest::mouseClick(
        &w.timeline(), Qt::LeftButton, {},
        QPoint(static_cast<int>(std::lround(a.x_for(kill))), w.row_y(Marker::Kind::Fault)));
    EXPECT_EQ(c.now(), kill);
    EXPECT_EQ(c.frame().caption.rfind("db1:27017 dies", 0), 0u) << c.frame().caption;
}

} // namespace
} // namespace wn::ui

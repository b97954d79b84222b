#pragma once

// Small helpers shared by the UI tests.

#include "scenario/library.h"
#include "simulation.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QString>
#include <QTest>
#include <gtest/gtest.h>
#include <memory>
#include <ostream>
#include <string>

namespace wn::ui::testing {

/// The index in world().servers() of the member that is primary now, or -1.
inline int primary_index(const Simulation& sim) {
    const auto& servers = sim.world().servers();
    for (std::size_t i = 0; i < servers.size(); ++i)
        if (servers[i].role == ServerRole::Primary && servers[i].up)
            return static_cast<int>(i);
    return -1;
}

/// A window on a built-in scenario, optionally changed before the run starts.
template <typename Edit>
std::unique_ptr<MainWindow> make_window(const std::string& name, Edit edit) {
    Scenario s = load_scenario(name);
    edit(s);
    return std::make_unique<MainWindow>(std::move(s));
}
inline std::unique_ptr<MainWindow> make_window(const std::string& name = "primary-fails") {
    return make_window(name, [](Scenario&) {});
}

/// Shows the window and waits until it is active, so keys and clicks reach it.
inline void show_active(MainWindow& w) {
    w.show();
    QApplication::setActiveWindow(&w);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&w));
}

/// The frame of a built-in scenario under `strategy` with `threads`, run to `t` seconds.
inline Frame frame_at(const std::string& scenario, StrategyKind strategy, int threads, double t) {
    Scenario s = load_scenario(scenario);
    s.strategy = strategy;
    s.threads = threads;
    Simulation sim(s, true);
    sim.run_until(from_seconds(t));
    return build_frame(sim, 0.5);
}

} // namespace wn::ui::testing

// Readable failures for QString comparisons.
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE

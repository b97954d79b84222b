// The aggregated grid's legend (ui/model/scene_text.h): every step shown has an entry, and
// the entries add up to the threads.

#include "ui/model/scene_text.h"

#include <gtest/gtest.h>

#include <set>

namespace wn::ui {
namespace {

constexpr const auto& kThreadSteps = kApplicationThreadSteps;

/// 1000 threads spread unevenly over every step an application thread can be in, the way
/// the failover spreads them (most idle, a few in each other step).
std::vector<ThreadState> thousand_threads() {
    std::vector<ThreadState> threads(1000);
    const int n = static_cast<int>(std::size(kThreadSteps));
    for (int i = 0; i < 1000; ++i) {
        threads[static_cast<std::size_t>(i)].id = i + 1;
        threads[static_cast<std::size_t>(i)].step =
            i < 640 ? ThreadStep::Thinking : kThreadSteps[1 + (i * 7) % (n - 1)];
    }
    return threads;
}

TEST(GridLegend, CoversEveryStepShownAndAddsUpToTheThreadCount) {
    const std::vector<ThreadState> threads = thousand_threads();
    const std::vector<LegendEntry> legend = grid_legend(threads);
    std::set<ThreadStep> shown, listed;
    for (const ThreadState& t : threads)
        shown.insert(t.step);
    int total = 0;
    for (const LegendEntry& e : legend) {
        EXPECT_TRUE(listed.insert(e.step).second) << "two entries for " << e.label;
        EXPECT_EQ(e.label, step_count_label(e.step, e.count));
        total += e.count;
    }
    EXPECT_EQ(shown, listed);
    EXPECT_EQ(total, 1000);
    ASSERT_FALSE(legend.empty());
    EXPECT_EQ(legend.front().step, ThreadStep::Thinking) << "the most common step comes first";
    EXPECT_EQ(legend.front().count, 640);
}

TEST(GridLegend, EveryStepHasItsOwnName) {
    std::set<std::string> names;
    for (ThreadStep s : kThreadSteps)
        EXPECT_TRUE(names.insert(short_step_name(s)).second) << short_step_name(s);
}

TEST(GridLegend, NoThreadsNoEntries) {
    EXPECT_TRUE(grid_legend({}).empty());
}

} // namespace
} // namespace wn::ui

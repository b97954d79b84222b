// Layout maths as plain functions (ui/layout.h): where things go, what a click hits, and
// the time <-> pixel mapping. No widgets, no painting.

#include "ui/layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace wn::ui {
namespace {

constexpr double kEps = 1e-6;

/// True when a and b share more than a sliver of area (touching edges do not count).
bool overlap(const QRectF& a, const QRectF& b) {
    const QRectF i = a.intersected(b);
    return i.width() > kEps && i.height() > kEps;
}

bool inside(const QRectF& outer, const QRectF& inner) {
    return outer.adjusted(-kEps, -kEps, kEps, kEps).contains(inner);
}

std::string describe(const QRectF& r) {
    return "(" + std::to_string(r.x()) + "," + std::to_string(r.y()) + " " +
           std::to_string(r.width()) + "x" + std::to_string(r.height()) + ")";
}

class LayoutTest : public ::testing::TestWithParam<std::tuple<QSizeF, int, int>> {
protected:
    QSizeF size() const { return std::get<0>(GetParam()); }
    int threads() const { return std::get<1>(GetParam()); }
    int members() const { return std::get<2>(GetParam()); }
    SceneLayout layout() const { return compute_layout(size(), threads(), members(), 4); }
};

TEST_P(LayoutTest, OneCellPerThreadInsideTheThreadsArea) {
    const SceneLayout l = layout();
    ASSERT_EQ(static_cast<int>(l.thread_cells.size()), threads());
    for (std::size_t i = 0; i < l.thread_cells.size(); ++i) {
        const QRectF& c = l.thread_cells[i];
        EXPECT_GT(c.width(), 0) << "thread " << i + 1;
        EXPECT_GT(c.height(), 0) << "thread " << i + 1;
        EXPECT_TRUE(inside(l.threads_area, c)) << "thread " << i + 1 << " cell " << describe(c)
                                               << " outside " << describe(l.threads_area);
        EXPECT_FALSE(overlap(c, l.monitor_cell)) << "thread " << i + 1 << " covers the monitor";
    }
    EXPECT_TRUE(inside(l.threads_area, l.monitor_cell));
}

TEST_P(LayoutTest, ThreadCellsDoNotOverlap) {
    const SceneLayout l = layout();
    int overlaps = 0;
    for (std::size_t i = 0; i < l.thread_cells.size(); ++i)
        for (std::size_t j = i + 1; j < l.thread_cells.size(); ++j)
            if (overlap(l.thread_cells[i], l.thread_cells[j]) && ++overlaps <= 5)
                ADD_FAILURE() << "threads " << i + 1 << " " << describe(l.thread_cells[i])
                              << " and " << j + 1 << " " << describe(l.thread_cells[j])
                              << " overlap";
    EXPECT_EQ(overlaps, 0);
}

TEST_P(LayoutTest, MemberNodesInsideTheirAreaAndApart) {
    const SceneLayout l = layout();
    ASSERT_EQ(static_cast<int>(l.member_centers.size()), members());
    const double r = l.member_radius;
    EXPECT_GT(r, 0);
    for (std::size_t i = 0; i < l.member_centers.size(); ++i) {
        const QPointF c = l.member_centers[i];
        const QRectF node(c.x() - r, c.y() - r, 2 * r, 2 * r);
        EXPECT_TRUE(inside(l.members_area, node)) << "member " << i << " node " << describe(node)
                                                  << " outside " << describe(l.members_area);
        for (std::size_t j = i + 1; j < l.member_centers.size(); ++j) {
            const QPointF d = c - l.member_centers[j];
            EXPECT_GE(std::hypot(d.x(), d.y()), 2 * r - kEps)
                << "members " << i << " and " << j << " overlap";
        }
    }
}

TEST_P(LayoutTest, AreasDoNotOverlap) {
    const SceneLayout l = layout();
    const QRectF canvas(QPointF(0, 0), size());
    for (const QRectF* r :
         {&l.caption, &l.badges, &l.threads_area, &l.center_area, &l.members_area})
        EXPECT_TRUE(inside(canvas, *r)) << describe(*r);
    EXPECT_FALSE(overlap(l.threads_area, l.center_area));
    EXPECT_FALSE(overlap(l.center_area, l.members_area));
    EXPECT_FALSE(overlap(l.threads_area, l.members_area));
    for (const QRectF* r : {&l.threads_area, &l.center_area, &l.members_area}) {
        EXPECT_FALSE(overlap(*r, l.caption)) << describe(*r);
        EXPECT_FALSE(overlap(*r, l.badges)) << describe(*r);
    }
}

TEST_P(LayoutTest, AggregatesAboveMaxLanes) {
    EXPECT_EQ(layout().aggregated, threads() > kMaxLanes);
}

TEST_P(LayoutTest, ClickOnAMemberCentreHitsThatMember) {
    const SceneLayout l = layout();
    for (std::size_t i = 0; i < l.member_centers.size(); ++i) {
        const Hit hit = hit_test(l, l.member_centers[i]);
        EXPECT_EQ(hit.kind, Hit::Kind::Member) << "member " << i;
        EXPECT_EQ(hit.index, static_cast<int>(i));
    }
}

TEST_P(LayoutTest, ClickOnAThreadCellCentreHitsThatThread) {
    const SceneLayout l = layout();
    for (std::size_t i = 0; i < l.thread_cells.size(); ++i) {
        const Hit hit = hit_test(l, l.thread_cells[i].center());
        EXPECT_EQ(hit.kind, Hit::Kind::Thread) << "thread " << i + 1;
        EXPECT_EQ(hit.index, static_cast<int>(i) + 1) << "thread " << i + 1;
    }
}

TEST_P(LayoutTest, OtherTargetsHitWhatTheyAre) {
    const SceneLayout l = layout();
    EXPECT_EQ(hit_test(l, l.monitor_cell.center()).kind, Hit::Kind::Monitor);
    EXPECT_EQ(hit_test(l, l.client_box.center()).kind, Hit::Kind::Client);
    ASSERT_FALSE(l.version_boxes.empty());
    for (std::size_t i = 0; i < l.version_boxes.size(); ++i) {
        const Hit hit = hit_test(l, l.version_boxes[i].center());
        EXPECT_EQ(hit.kind, Hit::Kind::Version) << "slot " << i;
        EXPECT_EQ(hit.index, static_cast<int>(i));
    }
    EXPECT_EQ(hit_test(l, QPointF(-10, -10)).kind, Hit::Kind::None);
}

std::string case_name(const ::testing::TestParamInfo<std::tuple<QSizeF, int, int>>& info) {
    const auto& [size, threads, members] = info.param;
    return std::to_string(static_cast<int>(size.width())) + "x" +
           std::to_string(static_cast<int>(size.height())) + "_" + std::to_string(threads) +
           "threads_" + std::to_string(members) + "members";
}

INSTANTIATE_TEST_SUITE_P(Sizes, LayoutTest,
                         ::testing::Combine(::testing::Values(QSizeF(1280, 720),
                                                              QSizeF(1920, 1080)),
                                            ::testing::Values(8, 200), ::testing::Values(3, 7)),
                         case_name);

TEST(LayoutEdges, LanesUpToMaxLanesThenAGrid) {
    const QSizeF size(1280, 720);
    EXPECT_FALSE(compute_layout(size, 1, 3, 1).aggregated);
    EXPECT_FALSE(compute_layout(size, kMaxLanes, 3, 1).aggregated);
    EXPECT_TRUE(compute_layout(size, kMaxLanes + 1, 3, 1).aggregated);
    EXPECT_TRUE(compute_layout(size, 1000, 3, 1).aggregated);
}

TEST(LayoutEdges, ThousandThreadsStillFitWithoutOverlap) {
    const SceneLayout l = compute_layout(QSizeF(1280, 720), 1000, 7, 7);
    ASSERT_EQ(l.thread_cells.size(), 1000u);
    for (std::size_t i = 0; i < l.thread_cells.size(); ++i) {
        ASSERT_TRUE(inside(l.threads_area, l.thread_cells[i])) << "thread " << i + 1;
        if (i > 0) {
            ASSERT_FALSE(overlap(l.thread_cells[i - 1], l.thread_cells[i])) << "thread " << i + 1;
        }
        ASSERT_EQ(hit_test(l, l.thread_cells[i].center()).index, static_cast<int>(i) + 1);
    }
}

TEST(LayoutEdges, VersionBoxesAreCappedAndApart) {
    for (int versions : {0, 1, 3, kMaxVersionBoxes, kMaxVersionBoxes + 5}) {
        const SceneLayout l = compute_layout(QSizeF(1280, 720), 8, 3, versions);
        EXPECT_EQ(static_cast<int>(l.version_boxes.size()), std::min(versions, kMaxVersionBoxes))
            << versions << " versions";
        for (std::size_t i = 0; i < l.version_boxes.size(); ++i) {
            EXPECT_TRUE(inside(l.heap_area, l.version_boxes[i]))
                << versions << " versions, slot " << i << " " << describe(l.version_boxes[i])
                << " outside " << describe(l.heap_area);
            for (std::size_t j = i + 1; j < l.version_boxes.size(); ++j)
                EXPECT_FALSE(overlap(l.version_boxes[i], l.version_boxes[j]))
                    << versions << " versions, slots " << i << " and " << j;
        }
    }
}

struct AxisCase {
    const char* name;
    TimeAxis axis;
    double t;
    double x; // where t lands
};

class TimeAxisTest : public ::testing::TestWithParam<AxisCase> {};

TEST_P(TimeAxisTest, MapsTimeToPixelAndBack) {
    const AxisCase& c = GetParam();
    EXPECT_NEAR(c.axis.x_for(c.t), c.x, 1e-9);
    EXPECT_NEAR(c.axis.t_for(c.x), c.t, 1e-9);
    EXPECT_NEAR(c.axis.t_for(c.axis.x_for(c.t)), c.t, 1e-9);
    EXPECT_NEAR(c.axis.x_for(c.axis.t_for(c.x)), c.x, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TimeAxisTest,
    ::testing::Values(AxisCase{"start", {0, 60, 0, 1200}, 0, 0},
                      AxisCase{"end", {0, 60, 0, 1200}, 60, 1200},
                      AxisCase{"middle", {0, 60, 0, 1200}, 30, 600},
                      AxisCase{"offset_pixels", {0, 60, 100, 1300}, 12, 340},
                      AxisCase{"offset_time", {10, 20, 0, 1000}, 12.5, 250},
                      AxisCase{"sub_millisecond", {10, 10.001, 0, 1000}, 10.0005, 500},
                      AxisCase{"before_start", {0, 60, 0, 1200}, -3, -60},
                      AxisCase{"after_end", {0, 60, 0, 1200}, 90, 1800},
                      AxisCase{"reversed_pixels", {0, 10, 500, 0}, 2, 400}),
    [](const ::testing::TestParamInfo<AxisCase>& info) { return std::string(info.param.name); });

TEST(TimeAxis, IsMonotonicOverAWholeRun) {
    const TimeAxis axis{0, 60, 40, 1240};
    double last = axis.x_for(0);
    for (int ms = 1; ms <= 60000; ms += 7) {
        const double x = axis.x_for(ms / 1000.0);
        ASSERT_GT(x, last) << ms << " ms";
        last = x;
    }
}

} // namespace
} // namespace wn::ui

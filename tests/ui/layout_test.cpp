// Layout maths as plain functions (ui/layout.h): where things go, what a click hits, and
// the time <-> pixel mapping. No widgets, no painting.

#include "rect_text.h"
#include "ui/layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace wn::ui {
namespace {

using testing::describe;

constexpr double kEps = 1e-6;

/// True when a and b share more than a sliver of area (touching edges do not count).
bool overlap(const QRectF& a, const QRectF& b) {
    const QRectF i = a.intersected(b);
    return i.width() > kEps && i.height() > kEps;
}

bool inside(const QRectF& outer, const QRectF& inner) {
    return outer.adjusted(-kEps, -kEps, kEps, kEps).contains(inner);
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

TEST_P(LayoutTest, ArrowsStartOnTheirActorsAndEndOnTheirTargets) {
    const SceneLayout l = layout();
    EXPECT_TRUE(l.monitor_cell.contains(l.actor_token(0))) << "the monitor";
    for (int id = 1; id <= threads(); ++id)
        ASSERT_TRUE(l.thread_cells[static_cast<std::size_t>(id - 1)].contains(l.actor_token(id)))
            << "T" << id;
    EXPECT_EQ(l.actor_token(threads() + 1), l.threads_area.center()) << "no such thread";
    EXPECT_DOUBLE_EQ(l.bundle_origin().x(), l.threads_area.right());
    for (std::size_t i = 0; i < l.member_centers.size(); ++i) {
        const QPointF a = l.member_anchor(i);
        EXPECT_NEAR(l.member_centers[i].x() - a.x(), l.member_radius, kEps) << "member " << i;
        EXPECT_TRUE(l.members_area.contains(a)) << "member " << i;
    }
    for (std::size_t slot = 0; slot < l.version_boxes.size(); ++slot) {
        const QRectF& box = l.version_boxes[slot];
        const QPointF a = l.version_anchor(slot);
        EXPECT_DOUBLE_EQ(a.x(), box.left()) << "slot " << slot;
        EXPECT_GT(a.y(), box.top()) << "slot " << slot;
        EXPECT_LE(a.y(), box.center().y() + kEps) << "slot " << slot;
    }
}

TEST_P(LayoutTest, TextRowsStayInsideTheirShapes) {
    const SceneLayout l = layout();
    EXPECT_TRUE(inside(l.client_box, l.client_title()));
    EXPECT_TRUE(inside(l.client_box, l.client_attributes()));
    EXPECT_DOUBLE_EQ(l.client_title().bottom(), l.client_attributes().top());
    for (const QRectF& cell : l.thread_cells) {
        if (l.aggregated)
            break;
        const SceneLayout::Lane lane = l.lane(cell);
        EXPECT_TRUE(inside(cell, lane.id)) << describe(lane.id) << " in " << describe(cell);
        EXPECT_TRUE(inside(cell, lane.label)) << describe(lane.label) << " in " << describe(cell);
        EXPECT_LT(lane.token.x() + lane.radius, lane.id.left()) << "the label covers the token";
        EXPECT_DOUBLE_EQ(lane.id.right(), lane.label.left());
    }
    EXPECT_TRUE(l.monitor_cell.contains(l.monitor_token()));
    EXPECT_TRUE(l.monitor_cell.contains(l.monitor_title().topLeft()));
    EXPECT_DOUBLE_EQ(l.monitor_title().left(), l.monitor_state().left());
    EXPECT_GT(l.monitor_title().left(), l.monitor_token().x() + l.monitor_token_radius());
    EXPECT_TRUE(inside(l.monitor_cell, l.monitor_state()));
    for (std::size_t i = 0; i < l.member_centers.size(); ++i) {
        for (bool arbiter : {false, true}) {
            const double r = l.member_node_radius(arbiter);
            for (int row = 0; row < 3; ++row) {
                const QRectF text = l.member_label_row(i, arbiter, row);
                EXPECT_GT(text.left(), l.member_centers[i].x() + r) << "member " << i;
                EXPECT_NEAR(text.right(), l.members_area.right(), kEps);
                if (row > 0) {
                    EXPECT_DOUBLE_EQ(text.top(), l.member_label_row(i, arbiter, row - 1).bottom());
                }
            }
            EXPECT_LT(l.cut_off_mark(i, arbiter).x(), l.member_centers[i].x() - r);
        }
        EXPECT_LT(l.member_node_radius(true), l.member_node_radius(false));
    }
    for (const QRectF& box : l.version_boxes)
        EXPECT_TRUE(inside(box, l.version_text(box)));
    EXPECT_TRUE(inside(l.heap_area, l.heap_footer()));
}

TEST_P(LayoutTest, HeadingsSitAboveTheirAreasAndBadgesSplitTheirRow) {
    const SceneLayout l = layout();
    for (const QRectF& area : {l.threads_area, l.members_area}) {
        const QRectF h = l.heading_above(area);
        EXPECT_LE(h.bottom(), area.top() + kEps);
        EXPECT_GE(h.top(), l.caption.bottom()) << "the heading runs into the caption";
        EXPECT_DOUBLE_EQ(h.left(), area.left());
    }
    for (int i = 0; i < 3; ++i) {
        const QRectF b = l.badge_rect(i);
        EXPECT_TRUE(inside(l.badges, b)) << "badge " << i;
        if (i > 0) {
            EXPECT_FALSE(overlap(b, l.badge_rect(i - 1))) << "badge " << i;
        }
    }
    EXPECT_NEAR(l.badge_rect(2).right(), l.badges.right(), kEps);
}

TEST_P(LayoutTest, TheSharedDictGrowsWithItsEntriesUpToTheHeapArea) {
    const SceneLayout l = layout();
    const QRectF small = l.shared_dict_box(1),
                 large = l.shared_dict_box(static_cast<std::size_t>(members()));
    EXPECT_EQ(small.topLeft(), l.heap_area.topLeft());
    EXPECT_LE(small.height(), large.height());
    EXPECT_TRUE(inside(l.heap_area, l.shared_dict_box(1000)));
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

struct ProgressCase {
    const char* name;
    double now, begin, rtt;
    double progress;
};

class PacketProgressTest : public ::testing::TestWithParam<ProgressCase> {};

TEST_P(PacketProgressTest, OutAndBackOverOneRoundTrip) {
    const ProgressCase& c = GetParam();
    EXPECT_NEAR(packet_progress(c.now, c.begin, c.rtt), c.progress, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Cases, PacketProgressTest,
                         ::testing::Values(ProgressCase{"sent", 10, 10, 0.002, 0},
                                           ProgressCase{"quarter", 10.0005, 10, 0.002, 0.5},
                                           ProgressCase{"at_the_member", 10.001, 10, 0.002, 1},
                                           ProgressCase{"coming_back", 10.0015, 10, 0.002, 0.5},
                                           ProgressCase{"second_trip", 10.00225, 10, 0.002, 0.25},
                                           ProgressCase{"zero_rtt_is_clamped", 10.00005, 10, 0, 1}),
                         [](const ::testing::TestParamInfo<ProgressCase>& info) {
                             return std::string(info.param.name);
                         });

TEST(BundleWidths, GrowWithTheCountAndStopAtACap) {
    EXPECT_DOUBLE_EQ(wire_bundle_width(1), 2.2);
    EXPECT_DOUBLE_EQ(arrow_bundle_width(1), 3.0);
    double wire = 0, arrow = 0;
    for (int n = 1; n <= 1000; ++n) {
        ASSERT_GE(wire_bundle_width(n), wire) << n;
        ASSERT_GE(arrow_bundle_width(n), arrow) << n;
        wire = wire_bundle_width(n);
        arrow = arrow_bundle_width(n);
    }
    EXPECT_DOUBLE_EQ(wire, 13);
    EXPECT_DOUBLE_EQ(arrow, 11.5);
}

} // namespace
} // namespace wn::ui

// What the renderer is given to draw (ui/model/frame.h) agrees with the engine: the thread
// arrows and the version heap, through the window. tests/model checks build_frame() alone.

#include "ui/renderer.h"
#include "ui_test_support.h"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <gtest/gtest.h>
#include <sstream>

namespace wn::ui {
namespace {

using testing::make_window;

const VersionFrame* find_version(const Frame& f, int version) {
    if (!f.heap)
        return nullptr;
    for (const VersionFrame& v : f.heap->versions)
        if (v.version == version)
            return &v;
    return nullptr;
}

/// The slot of `version` among the boxes the renderer draws, or -1.
int box_of(const Frame& f, const SceneLayout& l, int version) {
    const auto& versions = f.heap->versions;
    for (std::size_t i = 0; i < versions.size() && i < l.version_boxes.size(); ++i)
        if (versions[i].version == version)
            return static_cast<int>(i);
    return -1;
}

/// Paints the frame, so every frame a test looks at is also one the renderer survives.
void paint(const Frame& f, QSize size = {1280, 720}) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    render(painter, f, layout_for(f, QSizeF(size)), RenderOptions{});
}

/// Every thread's arrow (Frame::threads[i].held_version) is what the engine says thread
/// i+1 holds, and a held version has a box to point at.
void expect_arrows_match_engine(const SimController& c) {
    const Frame f = c.frame();
    const auto& engine = c.sim().client().threads();
    ASSERT_EQ(f.threads.size() + 1, engine.size());
    const SceneLayout l = layout_for(f, QSizeF(1280, 720));
    for (std::size_t i = 0; i < f.threads.size(); ++i) {
        const ThreadState& t = f.threads[i];
        EXPECT_EQ(t.id, engine[i + 1].id);
        EXPECT_EQ(t.held_version, engine[i + 1].held_version) << "thread " << i + 1;
        if (t.held_version <= 0)
            continue;
        const VersionFrame* v = find_version(f, t.held_version);
        ASSERT_NE(v, nullptr) << "T" << i + 1 << " holds v" << t.held_version
                              << " which is not in the heap at t=" << f.now;
        EXPECT_TRUE(v->live);
        EXPECT_NE(std::find(v->holders.begin(), v->holders.end(), t.id), v->holders.end())
            << "v" << v->version << " does not list T" << t.id << " as a holder";
        EXPECT_GE(box_of(f, l, t.held_version), 0)
            << "no box drawn for v" << t.held_version << " held by T" << t.id;
    }
    EXPECT_EQ(f.monitor.held_version, engine[0].held_version);
}

// ---- 3. The thread arrow points at the version the engine says the thread holds ----

TEST(ThreadArrows, PointAtTheVersionTheEngineSaysTheThreadHolds) {
    auto window = make_window();
    SimController& c = window->controller();
    ASSERT_EQ(c.sim().scenario().strategy, StrategyKind::Wasp);
    auto someone_holds = [&] {
        const auto& threads = c.sim().client().threads();
        return std::any_of(threads.begin() + 1, threads.end(),
                           [](const ThreadState& t) { return t.held_version > 0; });
    };
    int steps = 0;
    while (!someone_holds() && steps < 100000) {
        c.step();
        ++steps;
    }
    ASSERT_TRUE(someone_holds()) << "no thread held a version after " << steps << " steps";
    expect_arrows_match_engine(c);
    paint(c.frame());
}

TEST(ThreadArrows, MatchTheEngineThroughTheFailover) {
    // Before, during (the primary dies at 3 s, the election ends at 8 s) and after.
    auto window = make_window("primary-fails", [](Scenario& s) { s.threads = 24; });
    SimController& c = window->controller();
    int held = 0;
    for (double t : {2.0, 3.0005, 3.01, 5.0, 8.001, 8.05, 13.0, 38.0}) {
        c.seek(t);
        SCOPED_TRACE("t=" + std::to_string(t));
        expect_arrows_match_engine(c);
        for (const ThreadState& th : c.frame().threads)
            held += th.held_version > 0;
    }
    EXPECT_GT(held, 0) << "no thread ever held a version at the sampled times";
}

TEST(ThreadArrows, AggregatedViewStillMatches) {
    auto window = make_window("primary-fails", [](Scenario& s) { s.threads = 200; });
    SimController& c = window->controller();
    c.seek(12.0);
    expect_arrows_match_engine(c);
    paint(c.frame(), {1920, 1080});
}

// ---- 4. A reclaimed version disappears from the heap ----

struct Reclaim {
    int version;
    SimTime at;
};

/// The reclaims of a run of `scenario` up to `until`, read from the engine's trace.
std::vector<Reclaim> reclaims(const Scenario& scenario, double until) {
    Simulation sim(scenario, true);
    sim.run_until(from_seconds(until));
    std::vector<Reclaim> out;
    for (const TraceEvent& e : sim.trace().events())
        if (e.kind == EventKind::Reclaim)
            out.push_back({e.a, e.time});
    return out;
}

TEST(VersionHeap, AReclaimedVersionDisappears) {
    auto window = make_window();
    SimController& c = window->controller();
    const auto all = reclaims(c.scenario(), 40);
    // One reclaimed during the failover, long after it was published.
    auto it = std::find_if(all.begin(), all.end(),
                           [](const Reclaim& r) { return r.at > from_seconds(10); });
    ASSERT_NE(it, all.end()) << "no version was reclaimed after the primary died";
    const Reclaim r = *it;
    std::ostringstream where;
    where << 'v' << r.version << " reclaimed at t=" << to_seconds(r.at);
    SCOPED_TRACE(where.str());

    // Just before: in the heap, live, referenced.
    c.seek(to_seconds(r.at - 1));
    ASSERT_EQ(c.sim().now(), r.at - 1);
    Frame before = c.frame();
    const VersionFrame* v = find_version(before, r.version);
    ASSERT_NE(v, nullptr) << "not in the heap before it was reclaimed";
    EXPECT_TRUE(v->live);
    EXPECT_GT(v->refcount, 0);
    EXPECT_FALSE(v->holders.empty());
    EXPECT_LT(v->published_at, to_seconds(r.at));
    paint(before);

    // At the moment: still shown, fading ("freed at t=..."), no longer live.
    c.seek(to_seconds(r.at));
    const Frame at = c.frame();
    v = find_version(at, r.version);
    ASSERT_NE(v, nullptr) << "a freed version should linger for the trail";
    EXPECT_FALSE(v->live);
    EXPECT_EQ(v->refcount, 0);
    EXPECT_DOUBLE_EQ(v->reclaimed_at, to_seconds(r.at));
    EXPECT_GT(at.heap->reclaimed_total, before.heap->reclaimed_total);
    for (const ThreadState& t : at.threads)
        EXPECT_NE(t.held_version, r.version) << "T" << t.id << " still points at a freed version";
    paint(at);

    // After the trail: gone from the heap, and no box is drawn for it.
    const double trail = c.trail_s();
    ASSERT_GT(trail, 0);
    c.seek(to_seconds(r.at) + trail + 0.001);
    const Frame after = c.frame();
    EXPECT_EQ(find_version(after, r.version), nullptr) << "still in the heap after the trail";
    EXPECT_EQ(box_of(after, layout_for(after, QSizeF(1280, 720)), r.version), -1);
    EXPECT_GE(after.heap->reclaimed_total, at.heap->reclaimed_total);
    paint(after);
}

} // namespace
} // namespace wn::ui

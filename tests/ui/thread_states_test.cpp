// Thread steps are told apart by more than colour: each has its own colour and its own
// glyph, the glyphs are painted in the cells and in the legend, and the aggregated grid's
// legend names every step shown with counts that add up to the threads.

#include "paint_recorder.h"
#include "ui/model/scene_text.h"
#include "ui/renderer.h"
#include "ui/scene/step_glyph.h"
#include "ui_test_support.h"

#include <QPainter>
#include <QRegularExpression>
#include <gtest/gtest.h>

#include <map>
#include <set>

namespace wn::ui {
namespace {

using testing::DrawnShape;
using testing::make_window;
using testing::PaintRecorder;

constexpr const auto& kThreadSteps = kApplicationThreadSteps;

TEST(ThreadStates, EachStepHasItsOwnColourAndGlyph) {
    const Palette& pal = palette();
    std::map<QRgb, ThreadStep> colours;
    std::map<StepGlyph, ThreadStep> glyphs;
    for (ThreadStep s : kThreadSteps) {
        const auto c = colours.emplace(pal.for_step(s).rgb(), s);
        EXPECT_TRUE(c.second) << short_step_name(s) << " has the colour of "
                              << short_step_name(c.first->second);
        const auto g = glyphs.emplace(step_glyph(s), s);
        EXPECT_TRUE(g.second) << short_step_name(s) << " has the glyph of "
                              << short_step_name(g.first->second);
    }
}

/// A frame of 1000 threads in the failover, with the threads spread over every step so
/// that the legend has all of them to show.
Frame thousand_thread_frame() {
    static const Frame f = [] {
        auto w = make_window("primary-fails", [](Scenario& s) { s.threads = 1000; });
        w->controller().seek(10.5);
        Frame frame = w->controller().frame();
        const int n = static_cast<int>(std::size(kThreadSteps));
        for (std::size_t i = 0; i < frame.threads.size(); ++i)
            frame.threads[i].step =
                i < 640 ? ThreadStep::Thinking : kThreadSteps[1 + (i * 7) % (n - 1)];
        return frame;
    }();
    return f;
}

std::unique_ptr<PaintRecorder> record(const Frame& f, QSize size) {
    auto device = std::make_unique<PaintRecorder>(size);
    QPainter painter(device.get());
    render(painter, f, layout_for(f, QSizeF(size)), RenderOptions{});
    painter.end();
    return device;
}

// A whole window at 1280x720 and 1024x768, and one pane of a comparison at 1024x768.
const QSize kSizes[] = {{1280, 720}, {1024, 768}, {1920, 1080}, {505, 560}};

// A single pane beside the inspector at 1024x768 (about 718x596), and a comparison's pane:
// every member's name is drawn whole (smaller if need be), never "db1:27…".
TEST(MemberLabels, NamesAreWholeInNarrowPanes) {
    Scenario s = load_scenario("primary-fails");
    s.strategy = StrategyKind::Wasp;
    Simulation sim(s, true);
    sim.run_until(from_seconds(1));
    const Frame f = build_frame(sim, 0.5);
    for (const QSize size : {QSize(718, 596), QSize(505, 330), QSize(505, 560)}) {
        const auto drawn = record(f, size);
        for (const MemberFrame& m : f.members) {
            bool whole = false;
            for (const auto& t : drawn->texts)
                whole = whole || t.text == QString::fromStdString(m.host);
            EXPECT_TRUE(whole) << m.host << " is not drawn whole at " << size.width() << "x"
                               << size.height();
        }
    }
}

TEST(ThreadStates, TheGridLegendNamesEveryStepShownAndAddsUpToTheThreads) {
    const Frame f = thousand_thread_frame();
    std::set<std::string> shown;
    for (const ThreadState& t : f.threads)
        shown.insert(short_step_name(t.step));
    const QRegularExpression entry("^(\\d+) (.+)$");
    for (const QSize size : kSizes) {
        const auto recorded = record(f, size);
        const PaintRecorder& drawn = *recorded;
        const SceneLayout l = layout_for(f, QSizeF(size));
        int total = 0;
        std::set<std::string> listed;
        for (const auto& t : drawn.texts) {
            const auto m = entry.match(t.text);
            if (!m.hasMatch() || !shown.count(m.captured(2).toStdString()))
                continue;
            total += m.captured(1).toInt();
            listed.insert(m.captured(2).toStdString());
            EXPECT_TRUE(l.threads_area.adjusted(-1, -1, 1, 1).contains(t.rect))
                << t.text.toStdString() << " outside the threads' area at " << size.width() << "x"
                << size.height();
        }
        EXPECT_EQ(total, 1000) << "at " << size.width() << "x" << size.height();
        EXPECT_EQ(listed, shown) << "at " << size.width() << "x" << size.height();
    }
}

TEST(ThreadStates, AGlyphIsPaintedInEachCellThatHasOne) {
    const Frame f = thousand_thread_frame();
    const Palette& pal = palette();
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        const auto recorded = record(f, size);
        const PaintRecorder& drawn = *recorded;
        const SceneLayout l = layout_for(f, QSizeF(size));
        ASSERT_TRUE(l.aggregated);
        int missing = 0;
        for (std::size_t i = 0; i < f.threads.size(); ++i) {
            const ThreadStep step = f.threads[i].step;
            if (step_glyph(step) == StepGlyph::None)
                continue;
            const QColor ink = pal.ink_on(pal.for_step(step));
            const QRectF cell = l.thread_cells[i];
            bool found = false;
            for (const DrawnShape& s : drawn.shapes)
                found = found || ((s.pen == ink || s.brush == ink) && cell.contains(s.bounds));
            if (!found && ++missing <= 3)
                ADD_FAILURE() << "no glyph for " << short_step_name(step) << " in T" << i + 1
                              << " at " << size.width() << "x" << size.height();
        }
        EXPECT_EQ(missing, 0);
    }
}

TEST(ThreadStates, EachStepsGlyphLooksDifferent) {
    // Painted on the step's own colour, every glyph leaves a different image, and one
    // different from the bare colour, except idle's, which is the bare colour.
    const Palette& pal = palette();
    std::map<QByteArray, ThreadStep> seen;
    for (ThreadStep s : kThreadSteps) {
        QImage image(24, 24, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(image.rect(), pal.for_step(s));
        paint_step_glyph(p, step_glyph(s), QPointF(12, 12), 18, Qt::black);
        p.end();
        QImage bare(24, 24, QImage::Format_ARGB32);
        bare.fill(pal.for_step(s));
        EXPECT_EQ(image == bare, step_glyph(s) == StepGlyph::None) << short_step_name(s);
        // Compare shapes, not colours: black where the glyph is.
        QByteArray mask;
        for (int y = 0; y < 24; ++y)
            for (int x = 0; x < 24; ++x)
                mask.append(image.pixelColor(x, y) == QColor(Qt::black) ? '1' : '0');
        const auto r = seen.emplace(mask, s);
        EXPECT_TRUE(r.second) << short_step_name(s) << " looks like "
                              << short_step_name(r.first->second);
    }
}

TEST(ThreadStates, LaneTokensCarryTheirGlyph) {
    auto w = make_window("primary-fails", [](Scenario& s) { s.threads = 12; });
    w->controller().seek(10.5);
    Frame f = w->controller().frame();
    for (std::size_t i = 0; i < f.threads.size(); ++i)
        f.threads[i].step = kThreadSteps[i % std::size(kThreadSteps)];
    const QSize size(1280, 720);
    const auto recorded = record(f, size);
    const PaintRecorder& drawn = *recorded;
    const SceneLayout l = layout_for(f, QSizeF(size));
    ASSERT_FALSE(l.aggregated);
    const Palette& pal = palette();
    for (std::size_t i = 0; i < f.threads.size(); ++i) {
        const ThreadStep step = f.threads[i].step;
        if (step_glyph(step) == StepGlyph::None)
            continue;
        const SceneLayout::Lane lane = l.lane(l.thread_cells[i]);
        const QRectF token(lane.token - QPointF(lane.radius, lane.radius),
                           QSizeF(2 * lane.radius, 2 * lane.radius));
        const QColor ink = pal.ink_on(pal.for_step(step));
        bool found = false;
        for (const DrawnShape& s : drawn.shapes)
            found = found || ((s.pen == ink || s.brush == ink) && token.contains(s.bounds) &&
                              s.bounds.width() < token.width());
        EXPECT_TRUE(found) << "no glyph in T" << i + 1 << "'s token (" << short_step_name(step)
                           << ")";
    }
}

} // namespace
} // namespace wn::ui

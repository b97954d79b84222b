// The renderer's caches (fonts, elided labels, the thread grid's pre-rendered tiles) change
// how a frame is painted, never what: the same frames painted with the caches on and off
// are equal pixel for pixel, and vector devices still get shapes and text, not tiles.

#include "paint_recorder.h"
#include "scenario/library.h"
#include "simulation.h"
#include "ui/render_cache.h"
#include "ui/renderer.h"
#include "ui_test_support.h"

#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

#include <string>

namespace wn::ui {
namespace {

using testing::frame_at;

/// Paints `frames` side by side (one is the single view, two the comparison) into an image
/// of `size`, each pane at a whole-pixel offset as the window's panes are.
QImage paint(const std::vector<Frame>& frames, QSize size, const RenderOptions& options,
             bool caches) {
    set_render_caches_enabled(caches);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);
    QPainter p(&image);
    const int pane_w = size.width() / static_cast<int>(frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) {
        p.save();
        p.translate(pane_w * static_cast<int>(i), 0);
        const QSizeF pane(pane_w, size.height());
        render(p, frames[i], layout_for(frames[i], pane), options);
        p.restore();
    }
    p.end();
    set_render_caches_enabled(true);
    return image;
}

/// The first differing pixel, or "" when the images are equal.
std::string first_difference(const QImage& a, const QImage& b) {
    if (a.size() != b.size())
        return "sizes differ";
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y)) {
                std::string at = "(";
                at.append(std::to_string(x)).append(", ").append(std::to_string(y));
                at.append("): ").append(std::to_string(a.pixel(x, y))).append(" uncached, ");
                return at.append(std::to_string(b.pixel(x, y))).append(" cached");
            }
    return "";
}

void expect_same_pixels(const std::vector<Frame>& frames, const RenderOptions& options,
                        const std::string& what) {
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
        clear_render_caches();
        const QImage plain = paint(frames, size, options, false);
        // Twice: the first paint fills the caches, the second paints from them.
        const QImage filling = paint(frames, size, options, true);
        const QImage cached = paint(frames, size, options, true);
        const std::string where =
            what + " at " + std::to_string(size.width()) + "x" + std::to_string(size.height());
        EXPECT_EQ(first_difference(plain, filling), "") << where << ", filling the caches";
        EXPECT_EQ(first_difference(plain, cached), "") << where << ", from the caches";
    }
}

TEST(RenderCache, EveryScenarioPaintsTheSamePixelsWithAndWithoutCaches) {
    for (const BuiltinScenario& b : builtin_scenarios()) {
        for (const auto strategy : {StrategyKind::Wasp, StrategyKind::Naive}) {
            for (const int threads : {1, 1000}) {
                const double t = threads == 1 ? 4.0 : 12.0;
                const std::string what = b.name + "/" + strategy_name(strategy) + "/" +
                                         std::to_string(threads) + " threads at " +
                                         std::to_string(t) + " s";
                expect_same_pixels({frame_at(b.name, strategy, threads, t)}, RenderOptions{}, what);
            }
        }
    }
}

TEST(RenderCache, ComparisonAndSelectionPaintTheSamePixels) {
    const std::vector<Frame> panes = {frame_at("primary-fails", StrategyKind::Naive, 1000, 11),
                                      frame_at("primary-fails", StrategyKind::Wasp, 1000, 11)};
    RenderOptions options;
    options.playing = true;
    options.speed = 10;
    options.selected_thread = 17;
    options.selected_member = 1;
    expect_same_pixels(panes, options, "compare, thread 17 selected");
    expect_same_pixels({frame_at("primary-fails", StrategyKind::Sdam, 1000, 20)}, options, "sdam");
}

TEST(RenderCache, TheGridIsPaintedFromTilesOnImages) {
    clear_render_caches();
    const Frame f = frame_at("primary-fails", StrategyKind::Wasp, 1000, 12);
    paint({f}, QSize(1280, 720), RenderOptions{}, true);
    // A tile per step shown, not one per cell: the grid's cells share a few sizes.
    EXPECT_GT(render_cache_stats().tiles, 0);
    EXPECT_LT(render_cache_stats().tiles, 100);
    clear_render_caches();
    paint({f}, QSize(1280, 720), RenderOptions{}, false);
    EXPECT_EQ(render_cache_stats().tiles, 0);
}

TEST(RenderCache, VectorDevicesGetShapesNotTiles) {
    clear_render_caches();
    const Frame f = frame_at("primary-fails", StrategyKind::Wasp, 1000, 12);
    const QSize size(1280, 720);
    testing::PaintRecorder device(size);
    {
        QPainter p(&device);
        render(p, f, layout_for(f, QSizeF(size)), RenderOptions{});
    }
    EXPECT_EQ(render_cache_stats().tiles, 0);
    // Every cell of the grid is a shape of its own, in its step's colour.
    const SceneLayout l = layout_for(f, QSizeF(size));
    int cells = 0;
    for (const testing::DrawnShape& s : device.shapes)
        for (std::size_t i = 0; i < 5; ++i)
            if (l.thread_cells[i].contains(s.bounds) &&
                s.brush == palette().for_step(f.threads[i].step))
                ++cells;
    EXPECT_GE(cells, 5);
}

} // namespace
} // namespace wn::ui

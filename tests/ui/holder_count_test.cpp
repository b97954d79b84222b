// At 1000 threads the snapshot pointers are bundled into one arrow per version, labelled
// with how many threads hold it. The label sits over the grid's edge, so it must be drawn
// after the grid: a cell painted over it would hide the count.

#include "paint_recorder.h"
#include "ui/renderer.h"
#include "ui_test_support.h"

#include <QPainter>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

TEST(HolderCount, NothingIsDrawnOverTheBundledArrowsCount) {
    const Frame f = testing::frame_at("primary-fails", StrategyKind::Wasp, 1000, 40);
    for (const QSize size : {QSize(1280, 720), QSize(1024, 768), QSize(1920, 1080)}) {
        testing::PaintRecorder device(size);
        {
            QPainter p(&device);
            render(p, f, layout_for(f, QSizeF(size)), RenderOptions{});
        }
        const auto counts = device.texts_with(QString::fromUtf8("\u00d7"));
        ASSERT_FALSE(counts.empty()) << "no bundled arrow is labelled at " << size.width();
        for (const testing::DrawnText& label : counts)
            for (const testing::DrawnShape& later : device.shapes)
                EXPECT_FALSE(later.order > label.order && later.bounds.intersects(label.rect))
                    << label.text.toStdString() << " is covered at " << size.width() << "x"
                    << size.height();
    }
}

} // namespace
} // namespace wn::ui

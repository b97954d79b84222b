// A pane of the comparison at large text is narrow: its titles are shrunk and elided to
// their boxes, never cut at the box's edge ("ongoReplicaSetClien") or run past it.

#include "paint_recorder.h"
#include "ui/renderer.h"
#include "ui/themes.h"
#include "ui_test_support.h"

#include <QPainter>
#include <gtest/gtest.h>

namespace wn::ui {
namespace {

bool inside(const QRectF& text, const QRectF& box) {
    return text.left() >= box.left() - 1 && text.right() <= box.right() + 1;
}

TEST(NarrowPane, TitlesAreElidedToTheirBoxesAtLargeText) {
    const Frame f = testing::frame_at("primary-fails", StrategyKind::Wasp, 1000, 40);
    // Half of a 1280x720 window beside the code panel, at presenter sizes.
    for (const double scale : {1.5, 2.0}) {
        for (const QSizeF size : {QSizeF(505, 330), QSizeF(640, 320), QSizeF(1280, 720)}) {
            const Palette pal = view_palette(Theme::Dark, scale, true);
            const SceneLayout l = layout_for(f, size, scale);
            testing::PaintRecorder device(size.toSize());
            {
                QPainter p(&device);
                render(p, f, l, RenderOptions{}, pal);
            }
            const std::string where = std::to_string(size.width()) + "x" +
                                      std::to_string(size.height()) + " at " +
                                      std::to_string(scale);
            const struct {
                QString start;
                QRectF box;
            } titles[] = {{"Client", l.client_title()},
                          {"1000 appl", l.heading_above(l.threads_area)},
                          {"monitor", l.monitor_title()}};
            for (const auto& t : titles) {
                auto drawn = device.texts_with(t.start.left(3));
                // The class's name, or its shorter forms at large text.
                for (const auto& d : device.texts_with("client"))
                    drawn.push_back(d);
                ASSERT_FALSE(drawn.empty()) << t.start.toStdString() << " at " << where;
                for (const testing::DrawnText& d : drawn) {
                    if (d.rect.intersects(t.box)) {
                        EXPECT_TRUE(inside(d.rect, t.box))
                            << d.text.toStdString() << " runs out of its box at " << where;
                    }
                }
            }
        }
    }
}

} // namespace
} // namespace wn::ui

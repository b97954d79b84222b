// Large text on a projector: at text sizes 1.5 and 2 on 1280x720 and 1920x1080 screens, the
// presenter's scene has no text too small to read from the back, and no text overlaps
// another or leaves the canvas.

#include "paint_recorder.h"
#include "rect_text.h"
#include "ui/renderer.h"
#include "ui/themes.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QPainter>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

namespace wn::ui {
namespace {

using testing::describe;

using testing::make_window;
using testing::PaintRecorder;

/// The scene's canvas in presenter mode on a `screen`: the whole screen but the timeline
/// (MainWindow::fit_timeline) and the 2 px between them.
QSize presenter_canvas(QSize screen, double scale) {
    return QSize(screen.width(), screen.height() - timeline_height(screen.height(), scale) - 2);
}

struct Case {
    const char* scenario;
    int threads;
    double at;
};

std::string where(QSize screen, double scale, const Case& c) {
    std::ostringstream out;
    out << screen.width() << "x" << screen.height() << " at " << scale << ", " << c.scenario
        << " with " << c.threads << " threads";
    return out.str();
}

bool overlap(const QRectF& a, const QRectF& b) {
    const QRectF i = a.intersected(b);
    return i.width() > 1 && i.height() > 1;
}

TEST(LargeText, ThePresentersSceneIsReadableAndNothingOverlapsOrIsCut) {
    const Case cases[] = {
        {"primary-fails", 8, 12.0}, {"primary-fails", 24, 11.0}, {"herd-100", 100, 11.0}};
    for (const Case& c : cases) {
        auto w = make_window(c.scenario, [&c](Scenario& s) { s.threads = c.threads; });
        w->controller().seek(c.at);
        const Frame frame = w->controller().frame();
        for (const QSize screen : {QSize(1280, 720), QSize(1920, 1080)})
            for (const double scale : {1.5, 2.0}) {
                const QSize canvas = presenter_canvas(screen, scale);
                const Palette pal = view_palette(Theme::Light, scale, true);
                PaintRecorder drawn(canvas);
                const SceneLayout layout = layout_for(frame, QSizeF(canvas), scale);
                {
                    QPainter painter(&drawn);
                    render(painter, frame, layout, RenderOptions{}, pal);
                }
                ASSERT_FALSE(drawn.texts.empty());
                const std::string at = where(screen, scale, c);
                double smallest = 1e9;
                QString smallest_text;
                for (std::size_t i = 0; i < drawn.texts.size(); ++i) {
                    const auto& t = drawn.texts[i];
                    if (t.pixel_size < smallest) {
                        smallest = t.pixel_size;
                        smallest_text = t.text;
                    }
                    const QRectF inside =
                        QRectF(QPointF(0, 0), QSizeF(canvas)).adjusted(-1, -1, 1, 1);
                    EXPECT_TRUE(inside.contains(t.rect))
                        << at << ": \"" << t.text.toStdString() << "\" is cut by the edge";
                    for (std::size_t j = i + 1; j < drawn.texts.size(); ++j)
                        EXPECT_FALSE(overlap(t.rect, drawn.texts[j].rect))
                            << at << ": \"" << t.text.toStdString() << "\" overlaps \""
                            << drawn.texts[j].text.toStdString() << "\" " << describe(t.rect) << " "
                            << describe(drawn.texts[j].rect);
                }
                // No text below 20 px from 1.5 up, the grid's legend included: what a room
                // reads off a 720-line projector.
                EXPECT_GE(smallest, 20) << at << ": \"" << smallest_text.toStdString() << "\"";
            }
    }
}

TEST(LargeText, TheNaiveSharedDictStaysInsideItsBoxInAComparisonsShortPane) {
    // A comparison's pane on a 1280x720 or 1920x1080 projector at 1.5 and 2, under the
    // charts or not: the dict's lines used to run past the box into the badges.
    const Frame frame = testing::frame_at("primary-fails", StrategyKind::Naive, 8, 12.0);
    ASSERT_TRUE(frame.shared.has_value());
    for (const QSize canvas : {QSize(638, 330), QSize(638, 380), QSize(638, 570), QSize(958, 480)})
        for (const double scale : {1.5, 2.0}) {
            const Palette pal = view_palette(Theme::Light, scale, true);
            PaintRecorder drawn(canvas);
            const SceneLayout layout = layout_for(frame, QSizeF(canvas), scale);
            {
                QPainter painter(&drawn);
                render(painter, frame, layout, RenderOptions{}, pal);
            }
            std::ostringstream at;
            at << canvas.width() << "x" << canvas.height() << " at " << scale;
            const QRectF box = layout.shared_dict_box(frame.shared->members.size());
            // "self.primary = …", or its shorter "primary = 'db2'" in the narrowest pane.
            ASSERT_FALSE(drawn.texts_with("primary").empty()) << at.str();
            for (const auto& t : drawn.texts) {
                if (!t.rect.intersects(box))
                    continue;
                EXPECT_TRUE(box.adjusted(-1, -1, 1, 1).contains(t.rect))
                    << at.str() << ": \"" << t.text.toStdString() << "\" " << describe(t.rect)
                    << " leaves the box " << describe(box);
                for (int i = 0; i < 3; ++i)
                    EXPECT_FALSE(overlap(t.rect, layout.badge_rect(i)))
                        << at.str() << ": \"" << t.text.toStdString() << "\" under badge " << i;
            }
        }
}

} // namespace
} // namespace wn::ui

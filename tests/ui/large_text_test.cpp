// Large text on a projector: at text sizes 1.5 and 2 on 1280x720 and 1920x1080 screens, the
// presenter's scene has no text too small to read from the back, and no text overlaps
// another or leaves the canvas.

#include "paint_recorder.h"
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

std::string describe(const QRectF& r) {
    std::ostringstream out;
    out << "(" << r.x() << "," << r.y() << " " << r.width() << "x" << r.height() << ")";
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

} // namespace
} // namespace wn::ui

// A scene view tells Qt it paints every pixel of its rect (Qt::WA_OpaquePaintEvent), so Qt
// fills nothing beneath it: a pixel the view left unpainted would show whatever the window
// held there before. Each view's own paint, into a transparent image, must leave none.

#include "ui/sim_view.h"
#include "ui/themes.h"
#include "ui_test_support.h"

#include <QImage>
#include <QTest>
#include <gtest/gtest.h>

#include <string>

namespace wn::ui {
namespace {

using testing::make_window;

/// How many pixels of `view`'s own paint (no background, no children) are not fully opaque.
int unpainted_pixels(SimView& view) {
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    view.render(&image, QPoint(), QRegion(), QWidget::RenderFlags());
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(line[x]) != 255;
    }
    return count;
}

TEST(OpaqueView, EveryViewPaintsEveryPixelAtOddSizesAloneAndCompared) {
    auto w = make_window("primary-fails", [](Scenario& s) { s.threads = 1000; });
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    w->controller().seek_and_wait(12);
    for (const bool compare : {false, true}) {
        w->set_compare(compare);
        for (const QSize size : {QSize(1280, 720), QSize(1024, 768), QSize(1237, 701)}) {
            w->resize(size);
            QApplication::processEvents();
            ASSERT_EQ(w->views().size(), compare ? 2u : 1u);
            for (SimView* view : w->views())
                EXPECT_EQ(unpainted_pixels(*view), 0)
                    << (compare ? "compared" : "alone") << " pane " << view->pane() << " at "
                    << view->width() << "x" << view->height();
        }
    }
}

TEST(OpaqueView, EveryThemeTextSizeAndPresenterPaletteLeavesNoPixelUnpainted) {
    auto w = make_window();
    w->resize(1111, 666);
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    SimView& view = *w->views().front();
    for (const Theme theme : kThemes)
        for (const double scale : {1.0, 2.0})
            for (const bool presenter : {false, true}) {
                view.set_palette(view_palette(theme, scale, presenter));
                EXPECT_EQ(unpainted_pixels(view), 0) << theme_name(theme).toStdString() << " x"
                                                     << scale << (presenter ? " presenter" : "");
            }
}

TEST(OpaqueView, AViewWhosePaneIsGoneStillPaintsEveryPixel) {
    auto w = make_window();
    SimView stale(w->controller(), 3);
    stale.resize(400, 300);
    ASSERT_EQ(w->controller().panes(), 1);
    EXPECT_EQ(unpainted_pixels(stale), 0);
}

} // namespace
} // namespace wn::ui

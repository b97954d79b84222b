// The tour on a projector (1280x720, text at 1.5): the card keeps off the lit element, the
// charts show only for a step about one and then beside the scene, which keeps its text size.

#include "ui/charts_panel.h"
#include "ui/presenter.h"
#include "ui/sim_view.h"
#include "ui/tour/tour_overlay.h"
#include "ui/tour/tour_player.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QChartView>
#include <QDockWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <string>

namespace wn::ui {
namespace {

using testing::make_window;

double area(const QRectF& r) {
    return r.isEmpty() ? 0 : r.width() * r.height();
}

TEST(TourCardRect, GoesBesideALitElementThatBothBandsWouldCover) {
    const QRectF band(0, 100, 1280, 400);
    // The lit element in the middle column, as tall as most of the band.
    const QRectF lit(420, 150, 460, 300);
    // Taller when narrower: 60 px of text at full width, twice that at half the width.
    const CardHeight height = [](double width) {
        return 60.0 * 1200.0 / width;
    };
    const QRectF box = tour_card_rect(band, height, lit);
    EXPECT_FALSE(box.intersects(lit)) << "the card covers the lit element";
    EXPECT_TRUE(band.contains(box));
    EXPECT_GE(box.height(), height(box.width()) - 0.5) << "the text does not fit the card";
    // Right of the element, over the dimmed members, before the threads on the left.
    EXPECT_GT(box.left(), lit.right());
}

TEST(TourCardRect, StaysAcrossTheBandWhenTheTextFitsNowhereBeside) {
    const QRectF band(0, 100, 1280, 400);
    const QRectF lit(420, 200, 460, 280);
    // Beside the element it would need more than the band's height.
    const CardHeight height = [](double width) {
        return width > 1000 ? 150.0 : 900.0;
    };
    const QRectF box = tour_card_rect(band, height, lit);
    EXPECT_NEAR(box.width(), band.width() * 0.97, 1.0);
    EXPECT_NEAR(box.height(), 150.0, 0.5);
    // Of the top and the bottom, the one hiding less of the element (the top: it overlaps 69 px of
    // it, the bottom 149).
    EXPECT_LT(box.top(), lit.top());
}

TEST(TourCardRect, UnderALitElementInTheUpperHalf) {
    const QRectF band(0, 100, 1280, 400);
    const QRectF lit(900, 110, 370, 120);
    const QRectF box = tour_card_rect(
        band, [](double) { return 120.0; }, lit);
    EXPECT_FALSE(box.intersects(lit));
    EXPECT_GT(box.top(), band.center().y()); // the bottom, first choice
}

/// Plays the built-in tour by its steps' stops on a projector-sized window and checks each
/// stop's picture as a speaker would.
TEST(TourOnAProjector, CardHidesLittleOfTheLitElementAndChartsKeepTheSceneReadable) {
    auto w = make_window();
    w->presenter().set_font_scale(1.5);
    w->resize(1280, 720);
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    TourPlayer& tour = w->tour();
    ASSERT_EQ(tour.load("blog"), "");
    auto* dock = w->findChild<QDockWidget*>("charts");
    ASSERT_NE(dock, nullptr);
    double scene_px_without_charts = 0;
    for (int k = 0; k < tour.steps(); ++k) {
        const TourStep& step = tour.step_at(k);
        SCOPED_TRACE("step " + std::to_string(k + 1) + ": " + step.text);
        tour.go_to(k, true);
        QApplication::processEvents();
        const bool chart = step.spotlight.kind == Spotlight::Kind::Chart;
        EXPECT_EQ(dock->isVisible(), chart) << "the charts show only for a step about one";
        for (SimView* v : w->views()) {
            v->repaint();
            const SceneLayout& l = v->last_layout();
            if (chart) {
                // Beside the scene, the charts take width, which a wide scene does not
                // need for its text: it stays as large as without them.
                EXPECT_GE(l.font_px, scene_px_without_charts * 0.95 / w->views().size())
                    << "the charts shrink the scene's text";
                EXPECT_GE(l.font_px, 16.0);
            } else if (w->views().size() == 1) {
                scene_px_without_charts = std::max(scene_px_without_charts, l.font_px);
            }
            if (v->pane() != 0)
                continue;
            const Frame frame = w->controller().frame(v->pane());
            // The headline is about the stop, not the client connecting at t=0.048 s: a
            // stop jumped to keeps a headline as long as one played to, at the step's speed.
            if (tour.stop_time(k).value_or(0) >= 1.0) {
                EXPECT_EQ(frame.caption.find("t=0.048"), std::string::npos) << frame.caption;
            }
            TourCard card;
            card.text = QString::fromStdString(step.text);
            card.quote = QString::fromStdString(step.quote);
            card.section = QString::fromStdString(step.section);
            card.heading = "a chapter  \u00b7  step 10 of 21";
            card.hint = "PgDown: next step";
            card.spotlight = step.spotlight;
            const QRectF box = tour_card_box(frame, l, card);
            EXPECT_FALSE(box.isEmpty());
            EXPECT_TRUE(tour_band(l).adjusted(-0.5, -0.5, 0.5, 0.5).contains(box));
            const auto lit = spotlight_rect(frame, l, step.spotlight);
            if (lit && !lit->isEmpty()) {
                EXPECT_LE(area(box & *lit), 0.25 * area(*lit))
                    << "the card covers more than a quarter of the lit element";
            }
        }
        if (chart) {
            // The chart alone, large enough to read from the back of the room.
            ChartsPanel& charts = w->charts();
            int shown = 0;
            for (int i = 0; i < charts.chart_count(); ++i)
                if (charts.chart_view(i)->isVisible()) {
                    ++shown;
                    EXPECT_GE(charts.chart_view(i)->height(), 300);
                    EXPECT_GE(charts.chart_view(i)->width(), 300);
                }
            EXPECT_EQ(shown, 1);
        }
    }
    tour.close();
    // Closed, the charts are all back under the scene.
    EXPECT_EQ(w->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    EXPECT_EQ(w->charts().solo(), -1);
}

} // namespace
} // namespace wn::ui

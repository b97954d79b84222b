// The tour on a projector (1280x720, text at 1.5): the card keeps off the lit element, the
// charts show only for a step about one and then beside the scene, which keeps its text size.

#include "tour_card_of.h"
#include "ui/charts_panel.h"
#include "ui/presenter.h"
#include "ui/renderer.h"
#include "ui/scene/paint_kit.h"
#include "ui/sim_view.h"
#include "ui/timeline.h"
#include "ui/tour/tour_card_view.h"
#include "ui/tour/tour_overlay.h"
#include "ui/tour/tour_player.h"
#include "ui_test_support.h"

#include <QApplication>
#include <QChartView>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QTest>
#include <gtest/gtest.h>

#include <string>

namespace wn::ui {
namespace {

using testing::card_of;

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

/// A window at `size` with text at `scale`, shown, with the built-in tour loaded.
std::unique_ptr<MainWindow> blog_tour_on_a_projector(QSize size = {1280, 720}, double scale = 1.5) {
    auto w = make_window();
    w->presenter().set_font_scale(scale);
    w->resize(size);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()) || !w->tour().load("blog").isEmpty())
        return nullptr;
    return w;
}

QRectF in_window(const QWidget& widget, const MainWindow& w, const QRectF& r) {
    return r.translated(widget.mapTo(&w, QPoint(0, 0)));
}

/// Where the window shows step `k`'s card, in the window's coordinates: in the band under
/// a comparison's panes, or over the first pane.
QRectF shown_card(MainWindow& w, int k) {
    const TourCardView* band = w.tour().card_band();
    if (band && band->isVisible())
        return in_window(*band, w, band->card_box());
    SimView& view = *w.views().front();
    view.repaint();
    const QRectF box =
        tour_card_box(w.controller().frame(0), view.last_layout(), card_of(w.tour(), k));
    return in_window(view, w, box);
}

/// A comparison step's card hides nothing the step talks about in any pane: the lit
/// element, the client box, the shared dict or the RSState versions, the badges.
void expect_comparison_card_hides_nothing(MainWindow& w, int k) {
    const QRectF card = shown_card(w, k);
    ASSERT_FALSE(card.isEmpty());
    EXPECT_TRUE(QRectF(w.rect()).contains(card)) << "the card is cut by the window's edge";
    const Spotlight& spot = w.tour().step_at(k).spotlight;
    for (SimView* v : w.views()) {
        SCOPED_TRACE("pane " + std::to_string(v->pane()));
        v->repaint();
        const SceneLayout& l = v->last_layout();
        const Frame frame = w.controller().frame(v->pane());
        auto hidden = [&](const QRectF& r) {
            return card.intersects(in_window(*v, w, r));
        };
        const auto lit = spotlight_rect(frame, l, spot);
        if (lit && !lit->isEmpty()) {
            EXPECT_FALSE(hidden(*lit)) << "the card covers the lit element";
        }
        EXPECT_FALSE(hidden(l.client_box)) << "the card hides the client";
        if (frame.shared) {
            EXPECT_FALSE(hidden(l.shared_dict_box(frame.shared->members.size())))
                << "the card hides the shared dict";
        }
        if (frame.heap) {
            for (const QRectF& version : l.version_boxes)
                EXPECT_FALSE(hidden(version)) << "the card hides an RSState";
        }
        for (int b = 0; b < 3; ++b)
            EXPECT_FALSE(hidden(l.badge_rect(b))) << "the card hides a badge";
        for (const QRectF& cell : l.thread_cells)
            EXPECT_FALSE(hidden(cell)) << "the card hides a thread's token";
    }
}

/// On a projector, a one-pane step's card hides nothing the step talks about: not the lit
/// element, not the threads' tokens or the grid's legend, not the RSState versions they point
/// into, not the client box. Where the scene is wide, it makes room for the card beside it
/// and keeps its text size; a chart's step puts the card over the dimmed scene.
TEST(TourOnAProjector, CardHidesNothingTheStepTalksAbout) {
    auto w = blog_tour_on_a_projector();
    ASSERT_NE(w, nullptr);
    TourPlayer& tour = w->tour();
    for (int k = 0; k < tour.steps(); ++k) {
        const TourStep& step = tour.step_at(k);
        SCOPED_TRACE("step " + std::to_string(k + 1) + ": " + step.text);
        tour.go_to(k, true);
        QApplication::processEvents();
        if (w->views().size() != 1) {
            expect_comparison_card_hides_nothing(*w, k);
            continue;
        }
        SimView& view = *w->views().front();
        view.repaint();
        const SceneLayout& l = view.last_layout();
        const Frame frame = w->controller().frame(0);
        const TourCard card = card_of(tour, k);
        const QRectF box = tour_card_box(frame, l, card);
        ASSERT_FALSE(box.isEmpty());
        EXPECT_TRUE(tour_band(l).adjusted(-0.5, -0.5, 0.5, 0.5).contains(box));
        const auto lit = spotlight_rect(frame, l, step.spotlight);
        if (lit && !lit->isEmpty()) {
            EXPECT_FALSE(box.intersects(*lit)) << "the card covers the lit element";
        }
        for (const QRectF& cell : l.thread_cells)
            EXPECT_FALSE(box.intersects(cell)) << "the card hides a thread's token";
        if (l.aggregated) {
            EXPECT_FALSE(box.intersects(l.grid_legend)) << "the card hides the grid's legend";
        }
        if (frame.heap) {
            for (const QRectF& version : l.version_boxes)
                EXPECT_FALSE(box.intersects(version)) << "the card hides an RSState";
        }
        // A thread's step is about its snapshot: the version it holds stays lit with it.
        if (step.spotlight.kind == Spotlight::Kind::Thread && frame.heap) {
            const int held =
                frame.threads[static_cast<std::size_t>(step.spotlight.thread - 1)].held_version;
            ASSERT_GT(held, 0) << "the thread holds no snapshot at its stop";
            const auto also = spotlight_also(frame, l, step.spotlight);
            ASSERT_EQ(also.size(), 1u);
            for (std::size_t i = 0; i < frame.heap->versions.size(); ++i) {
                if (frame.heap->versions[i].version == held) {
                    EXPECT_TRUE(also.front().contains(l.version_boxes[i]));
                }
            }
            EXPECT_FALSE(box.intersects(also.front()));
        }
        if (step.spotlight.kind == Spotlight::Kind::Chart)
            continue;
        EXPECT_FALSE(box.intersects(l.client_box)) << "the card hides the client";
        // Beside the scene, not over it; and the scene, made narrower, keeps its text size.
        EXPECT_FALSE(tour_room(l).isEmpty()) << "the scene made no room for the card";
        for (const QRectF& area : {l.threads_area, l.center_area, l.members_area})
            EXPECT_FALSE(box.intersects(area)) << "the card is over the scene";
        EXPECT_NEAR(l.font_px, layout_for(frame, QSizeF(view.size()), 1.5).font_px, 0.05);
    }
}

/// The text size of a comparison's panes in a window of `size` at `scale`, without a tour.
double plain_comparison_px(QSize size, double scale) {
    auto w = make_window("herd-100");
    w->presenter().set_font_scale(scale);
    w->resize(size);
    w->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    w->set_compare(true);
    QApplication::processEvents();
    double px = 0;
    for (SimView* v : w->views()) {
        v->repaint();
        px = std::max(px, v->last_layout().font_px);
    }
    return px;
}

/// On a projector and on a large screen, a comparison step's card goes beside its panes,
/// not over them, and the panes keep their width and so their text size; a chart's step
/// puts the chart beside the card, under the panes, not beside the panes.
TEST(TourOnAProjector, ComparisonCardHidesNothingAndPanesKeepTheirTextSize) {
    const struct {
        QSize size;
        double scale;
    } screens[] = {{{1280, 720}, 1.5}, {{1280, 720}, 2.0}, {{1920, 1080}, 2.0}};
    for (const auto& screen : screens) {
        SCOPED_TRACE(std::to_string(screen.size.width()) + "x" +
                     std::to_string(screen.size.height()) + " at " + std::to_string(screen.scale));
        const double plain_px = plain_comparison_px(screen.size, screen.scale);
        auto w = blog_tour_on_a_projector(screen.size, screen.scale);
        ASSERT_NE(w, nullptr);
        TourPlayer& tour = w->tour();
        int comparisons = 0;
        for (int k = 0; k < tour.steps(); ++k) {
            const TourStep& step = tour.step_at(k);
            SCOPED_TRACE("step " + std::to_string(k + 1) + ": " + step.text);
            tour.go_to(k, true);
            QApplication::processEvents();
            // Moving the card, the charts and the timeline about never grows the window.
            EXPECT_EQ(w->size(), screen.size);
            if (step.strategies.size() < 2)
                continue;
            ++comparisons;
            ASSERT_EQ(w->views().size(), step.strategies.size());
            expect_comparison_card_hides_nothing(*w, k);
            const bool chart = step.spotlight.kind == Spotlight::Kind::Chart;
            for (SimView* v : w->views()) {
                // The panes share the window's width (a chart is not beside them).
                EXPECT_GE(v->width(), w->width() / 2 - 8);
                if (!chart) {
                    EXPECT_GE(v->last_layout().font_px, plain_px - 0.05)
                        << "the card shrinks the panes' text";
                }
            }
        }
        EXPECT_GE(comparisons, 3);
        tour.go_to(0, true);
        QApplication::processEvents();
        EXPECT_TRUE(w->timeline().isVisible()) << "a one-pane step keeps its timeline";
    }
}

/// A card whose text needs no room (none) or a comparison's narrow pane leaves the scene
/// as it is.
TEST(TourLayout, OnlyACardWithTextOnAWideSceneTakesRoom) {
    auto w = make_window();
    w->resize(1280, 720);
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    const Frame frame = w->controller().frame(0);
    const QSizeF wide(1280, 470), narrow(640, 470);
    const SceneLayout plain = layout_for(frame, wide, 1.5);
    EXPECT_TRUE(tour_room(plain).isEmpty());
    TourCard card;
    card.heading = "1. A chapter  \u00b7  step 1 of 2";
    card.hint = "PgDown: next step";
    EXPECT_EQ(tour_layout(frame, wide, 1.5, nullptr).members_area, plain.members_area);
    EXPECT_EQ(tour_layout(frame, wide, 1.5, &card).members_area, plain.members_area);
    card.text = "A short sentence about the threads.";
    const SceneLayout made_room = tour_layout(frame, wide, 1.5, &card);
    const QRectF room = tour_room(made_room);
    ASSERT_FALSE(room.isEmpty());
    EXPECT_GT(room.left(), made_room.members_area.right());
    EXPECT_LE(room.right(), wide.width());
    EXPECT_EQ(made_room.caption, plain.caption) << "the headline keeps the whole width";
    EXPECT_EQ(made_room.badges, plain.badges);
    EXPECT_DOUBLE_EQ(made_room.font_px, plain.font_px);
    EXPECT_TRUE(tour_room(tour_layout(frame, narrow, 1.5, &card)).isEmpty())
        << "a narrow pane would shrink its text";
    // The scene keeps its place while the step plays to its stop (another hint).
    TourCard playing = card;
    playing.heading = "1. The replica set and the client  \u00b7  step 1 of 21";
    playing.hint = QString::fromUtf8("playing to the stop\u2026");
    TourCard stopped = playing;
    stopped.hint = "end";
    EXPECT_EQ(tour_layout(frame, wide, 1.5, &playing).members_area,
              tour_layout(frame, wide, 1.5, &stopped).members_area);
    // A word is never cut: the strip is at least as wide as the card's widest word.
    const QString word = "self.members[self.primary].hosts";
    card.text = "It reads " + word + " once.";
    const QRectF wide_room = tour_room(tour_layout(frame, wide, 1.5, &card));
    ASSERT_FALSE(wide_room.isEmpty());
    EXPECT_GT(wide_room.width(),
              QFontMetricsF(font_px(tour_text_px(wide))).horizontalAdvance(word));
}

/// Plays the built-in tour by its steps' stops on a projector-sized window and checks each
/// stop's picture as a speaker would.
TEST(TourOnAProjector, CardHidesLittleOfTheLitElementAndChartsKeepTheSceneReadable) {
    auto w = blog_tour_on_a_projector();
    ASSERT_NE(w, nullptr);
    TourPlayer& tour = w->tour();
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
            if (chart && w->views().size() == 1) {
                // Beside the scene, the charts take width, which a wide scene does not
                // need for its text: it stays as large as without them.
                EXPECT_GE(l.font_px, scene_px_without_charts * 0.95)
                    << "the charts shrink the scene's text";
                EXPECT_GE(l.font_px, 16.0);
            } else if (chart) {
                // Under a comparison's panes (its narrow panes' text is set by their width).
                EXPECT_GE(v->width(), w->width() / 2 - 8) << "the chart narrows the panes";
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
                    // Under a comparison's panes it is wide and lower.
                    const bool under = w->views().size() > 1;
                    EXPECT_GE(charts.chart_view(i)->height(), under ? 180 : 300);
                    EXPECT_GE(charts.chart_view(i)->width(), under ? 600 : 300);
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

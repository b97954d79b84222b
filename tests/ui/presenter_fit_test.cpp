// A 1000-thread comparison on a 1280x720 projector at text sizes 1.5 and 2: each pane is
// about 640x360, and its labels show a shorter wording ("1000 threads", "db1", "✘ 91
// refreshes") instead of one cut with "…", at the presenter's 20 px.

#include "paint_recorder.h"
#include "scene_text_checks.h"
#include "ui/presenter.h"
#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QDockWidget>
#include <QPainter>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wn::ui {
namespace {

using testing::allowed_ellipsis;
using testing::describe;
using testing::PaintRecorder;
using testing::text_boxes;

std::unique_ptr<MainWindow> presenting_1000_threads(double scale, QSize screen = {1280, 720},
                                                    double at = 12) {
    Scenario s = load_scenario("primary-fails");
    s.threads = 1000;
    auto w = std::make_unique<MainWindow>(std::move(s),
                                          std::vector{StrategyKind::Naive, StrategyKind::Wasp});
    w->presenter().set_presenting(true);
    w->setWindowState(Qt::WindowNoState);
    w->presenter().set_font_scale(scale);
    w->resize(screen);
    w->controller().seek_and_wait(at);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    QApplication::processEvents();
    return w;
}

/// The scene's headings, the monitor, the badges and the RSState / shared-dict lines (every
/// other text's size is checked by the test below).
bool shortened(const QString& text) {
    for (const char* start : {"1000 ", "Replica", "mon", "\u2714", "\u2718", "v3", "RSState",
                              "self.", "members", "primary", "\u265b"})
        if (text.startsWith(QString::fromUtf8(start)))
            return true;
    return false;
}

TEST(PresenterFit, A1000ThreadComparisonOn1280x720ShowsShortWordingsNotCutOnes) {
    for (const double scale : {1.5, 2.0}) {
        const std::string where = "at " + std::to_string(scale).substr(0, 3);
        auto w = presenting_1000_threads(scale);
        ASSERT_TRUE(w) << where;
        ASSERT_EQ(w->views().size(), 2u);
        QStringList captions;
        for (const StrategyKind k : {StrategyKind::Naive, StrategyKind::Wasp})
            captions << QString::fromStdString(
                testing::frame_at("primary-fails", k, 1000, 12).caption);
        for (SimView* v : w->views()) {
            EXPECT_LE(v->width(), 700) << "the panes are side by side " << where;
            v->repaint();
            PaintRecorder drawn(v->size());
            {
                QPainter painter(&drawn);
                v->render(&painter);
            }
            ASSERT_GT(drawn.texts.size(), 10u) << where;
            bool threads_heading = false;
            for (const auto& t : drawn.texts) {
                if (t.text.trimmed().isEmpty())
                    continue;
                EXPECT_FALSE(t.text.contains(QChar(0x2026)) && !allowed_ellipsis(t.text, captions))
                    << "cut: \"" << t.text.toStdString() << "\" " << where;
                // The labels that now take a shorter wording keep their size for it.
                if (shortened(t.text)) {
                    EXPECT_GE(t.pixel_size, 20 - 0.5) << "\"" << t.text.toStdString() << "\" is "
                                                      << t.pixel_size << " px " << where;
                }
                threads_heading = threads_heading || t.text.endsWith("1000 threads") ||
                                  t.text == "1000 application threads";
            }
            EXPECT_TRUE(threads_heading) << "the threads' heading, whole " << where;
        }
    }
}

TEST(PresenterFit, AComparisonOnAProjectorHasNoTextUnder20PxAndNoneCutOrOutOfItsBox) {
    struct Case {
        double scale;
        QSize screen;
        double at;
    };
    const Case cases[] = {{1.5, {1280, 720}, 12},
                          {2.0, {1280, 720}, 12},
                          {1.5, {1280, 720}, 40},
                          {2.0, {1920, 1080}, 3},
                          {1.5, {1024, 768}, 20}};
    for (const Case& c : cases) {
        std::ostringstream where_out;
        where_out << "at " << c.scale << " on " << c.screen.width() << "x" << c.screen.height()
                  << ", t=" << c.at;
        const std::string where = where_out.str();
        auto w = presenting_1000_threads(c.scale, c.screen, c.at);
        ASSERT_TRUE(w) << where;
        ASSERT_EQ(w->views().size(), 2u) << where;
        QStringList captions;
        for (const StrategyKind k : {StrategyKind::Naive, StrategyKind::Wasp})
            captions << QString::fromStdString(
                testing::frame_at("primary-fails", k, 1000, c.at).caption);
        for (SimView* v : w->views()) {
            v->repaint();
            PaintRecorder drawn(v->size());
            {
                QPainter painter(&drawn);
                v->render(&painter);
            }
            ASSERT_GT(drawn.texts.size(), 10u) << where;
            const QRectF pane(QPointF(0, 0), QSizeF(v->size()));
            for (const auto& t : drawn.texts) {
                if (t.text.trimmed().isEmpty())
                    continue;
                EXPECT_GE(t.pixel_size, 20 - 0.5) << describe(t) << " " << where;
                EXPECT_FALSE(t.text.contains(QChar(0x2026)) && !allowed_ellipsis(t.text, captions))
                    << "cut: " << describe(t) << " " << where;
                EXPECT_TRUE(pane.adjusted(-1, -1, 1, 1).contains(t.rect))
                    << "off the pane: " << describe(t) << " " << where;
                for (const auto& u : drawn.texts) {
                    if (u.order > t.order && !u.text.trimmed().isEmpty() && testing::overlap(t, u))
                        ADD_FAILURE()
                            << describe(t) << " and " << describe(u) << " overlap " << where;
                }
                for (const auto& [name, box] : text_boxes(*v))
                    if (box.contains(t.rect.center())) {
                        EXPECT_TRUE(box.adjusted(-1, -1, 1, 1).contains(t.rect))
                            << describe(t) << " runs out of " << name << " " << where;
                    }
            }
        }
    }
}

TEST(PresenterFit, BadgesOfATourComparisonShrinkToTheSmallestTextRatherThanBeCut) {
    // The tour's comparison steps: two panes with no charts under them, at 1.5 on 1280x720.
    // Each pane is taller than a presenter pane above the charts, so its text is larger and
    // the shortest badge wording ("✔ consistent") was cut to "✔ consis…".
    Scenario s = load_scenario("herd-100");
    auto w = std::make_unique<MainWindow>(std::move(s),
                                          std::vector{StrategyKind::Naive, StrategyKind::Wasp});
    w->presenter().set_font_scale(1.5);
    w->resize(1280, 720);
    w->controller().seek_and_wait(10);
    w->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    w->findChild<QDockWidget*>("charts")->hide();
    QApplication::processEvents();
    ASSERT_EQ(w->views().size(), 2u);
    for (SimView* v : w->views()) {
        v->repaint();
        PaintRecorder drawn(v->size());
        {
            QPainter painter(&drawn);
            v->render(&painter);
        }
        int badges = 0;
        for (const auto& t : drawn.texts) {
            if (!t.text.startsWith(QChar(0x2714)) && !t.text.startsWith(QChar(0x2718)))
                continue;
            ++badges;
            EXPECT_FALSE(t.text.contains(QChar(0x2026))) << "cut: " << describe(t);
            EXPECT_GE(t.pixel_size, 20 - 0.5) << describe(t);
        }
        EXPECT_EQ(badges, 3);
    }
}

} // namespace
} // namespace wn::ui

// A 1000-thread comparison on a 1280x720 projector at text sizes 1.5 and 2: each pane is
// about 640x360, and its labels show a shorter wording ("1000 threads", "db1", "✘ 91
// refreshes") instead of one cut with "…", at the presenter's 20 px.

#include "paint_recorder.h"
#include "ui/presenter.h"
#include "ui/sim_view.h"
#include "ui_test_support.h"

#include <QPainter>
#include <gtest/gtest.h>

#include <string>

namespace wn::ui {
namespace {

using testing::PaintRecorder;

std::unique_ptr<MainWindow> presenting_1000_threads(double scale) {
    Scenario s = load_scenario("primary-fails");
    s.threads = 1000;
    auto w = std::make_unique<MainWindow>(std::move(s),
                                          std::vector{StrategyKind::Naive, StrategyKind::Wasp});
    w->presenter().set_presenting(true);
    w->setWindowState(Qt::WindowNoState);
    w->presenter().set_font_scale(scale);
    w->resize(1280, 720);
    w->controller().seek_and_wait(12);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    QApplication::processEvents();
    return w;
}

/// A "…" that is part of the wording, not a cut: the folded shared dict ("members = {…}",
/// "… 3 more"). And two cuts still allowed: the caption's narration, whose second line may
/// end in "…" when two lines of the band cannot hold the sentence, and the client's class
/// name at 2.0, a code identifier that is shrunk, then cut rather than renamed.
bool allowed_ellipsis(const QString& text, const QStringList& captions) {
    if (text.endsWith("{\u2026}") || text.startsWith("\u2026 ") ||
        text.startsWith("MongoReplicaSet"))
        return true;
    const QString cut = text.left(text.size() - 1);
    if (!text.endsWith(QChar(0x2026)) || cut.size() < 8)
        return false;
    for (const QString& caption : captions)
        if (caption.contains(cut))
            return true;
    return false;
}

/// The scene's headings, the monitor, the badges and the RSState / shared-dict lines.
/// (The members' labels, the grid's legend and the client's title are smaller than 20 px
/// in a 640 px pane at 2.0; they are not checked here.)
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

} // namespace
} // namespace wn::ui

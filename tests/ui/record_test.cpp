// File > Record video and the other exports of the window: a range chosen by shift-dragging
// the timeline, a video of it through the window's renderer, Cancel that leaves nothing
// behind, and the whole run's trace for Perfetto.

#include "ui/controller.h"
#include "ui/file_actions.h"
#include "ui/main_window.h"
#include "ui/record_dialog.h"
#include "ui/timeline.h"
#include "ui_test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

namespace wn::ui {
namespace {

using testing::make_window;

#define SKIP_WITHOUT_FFMPEG()                                                                      \
    if (QStandardPaths::findExecutable("ffmpeg").isEmpty() ||                                      \
        QStandardPaths::findExecutable("ffprobe").isEmpty())                                       \
    GTEST_SKIP() << "ffmpeg is not installed (Debian package ffmpeg)"

int frames_in(const QString& video) {
    QProcess probe;
    probe.start("ffprobe",
                {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                 "stream=nb_read_frames,width,height", "-of", "csv=p=0", video});
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
        return -1;
    // "width,height,frames"
    const QStringList f = QString::fromUtf8(probe.readAllStandardOutput()).trimmed().split(',');
    return f.size() == 3 ? f[2].toInt() : -1;
}

TEST(TimelineRange, ShiftDragSelectsARangeWithoutMovingThePlayhead) {
    auto w = make_window();
    w->resize(1280, 720);
    w->show();
    w->controller().seek(5.0);
    Timeline& tl = w->timeline();
    const TimeAxis a = tl.axis();
    const int y = tl.height() / 2;
    const QPoint from(static_cast<int>(a.x_for(10)), y), to(static_cast<int>(a.x_for(16)), y);
    QTest::mousePress(&tl, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(&tl, to);
    QTest::mouseRelease(&tl, Qt::LeftButton, Qt::ShiftModifier, to);
    ASSERT_TRUE(tl.selection().has_value());
    const double px = (a.t1 - a.t0) / (a.x1 - a.x0); // one pixel in seconds
    EXPECT_NEAR(tl.selection()->first, 10, 1.5 * px);
    EXPECT_NEAR(tl.selection()->second, 16, 1.5 * px);
    EXPECT_EQ(w->controller().now(), 5.0) << "shift-drag seeked";
    // A plain click seeks as before and keeps the range for the recording.
    QTest::mouseClick(&tl, Qt::LeftButton, {}, QPoint(static_cast<int>(a.x_for(30)), y));
    EXPECT_NEAR(w->controller().now(), 30, 1.5 * px);
    EXPECT_TRUE(tl.selection().has_value());
}

TEST(RecordDialog, DefaultsToTheTimelinesRangeOrTheWholeRun) {
    RecordDialog whole(nullptr, 60, std::nullopt);
    EXPECT_EQ(whole.options().from, 0);
    EXPECT_EQ(whole.options().to, 60);
    RecordDialog range(nullptr, 60, std::make_pair(9.5, 16.0));
    EXPECT_EQ(range.options().from, 9.5);
    EXPECT_EQ(range.options().to, 16.0);
    EXPECT_EQ(range.options().fps, 30);
    EXPECT_EQ(range.options().size, QSize(1280, 720));
    EXPECT_EQ(range.format(), "mp4");
}

TEST(RecordView, AnMp4OfTheRangeWithEveryFrameAndThePlayheadPutBack) {
    SKIP_WITHOUT_FFMPEG();
    auto w = make_window();
    w->resize(1024, 700);
    w->show();
    w->controller().seek(3.0);
    QTemporaryDir dir;
    RecordOptions o;
    o.out = dir.filePath("clip.mp4");
    o.from = 9.5;
    o.to = 10.5;
    o.fps = 10;
    o.size = QSize(640, 360);
    int last_done = 0, last_total = 0;
    const QString why = record_view(*w, o, [&](int done, int total) {
        last_done = done;
        last_total = total;
        return true;
    });
    ASSERT_TRUE(why.isEmpty()) << why.toStdString();
    EXPECT_EQ(last_done, 10);
    EXPECT_EQ(last_total, 10);
    EXPECT_EQ(frames_in(o.out), 10);
    EXPECT_EQ(w->controller().now(), 3.0) << "the playhead was not put back";
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1)
        << "something besides the video was left: "
        << QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).join(' ').toStdString();
}

TEST(RecordView, CancelLeavesNoFileAndKeepsAnOlderOne) {
    SKIP_WITHOUT_FFMPEG();
    auto w = make_window();
    w->show();
    QTemporaryDir dir;
    RecordOptions o;
    o.out = dir.filePath("clip.gif");
    o.from = 9;
    o.to = 12;
    o.fps = 10;
    o.size = QSize(320, 180);
    {
        QFile old(o.out);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("an older clip");
    }
    const QString why = record_view(*w, o, [](int done, int) { return done < 3; });
    EXPECT_EQ(why, "cancelled");
    QFile kept(o.out);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray("an older clip"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1)
        << "a partial file was left";
}

TEST(ExportTrace, PerfettoGetsTheWholeRunWithATrackPerThread) {
    auto w = make_window();
    w->controller().seek(2.0);
    QTemporaryDir dir;
    const QString path = dir.filePath("trace.perfetto.json");
    ASSERT_TRUE(write_trace_file(*w, path, TraceFormat::Chrome));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const auto doc = nlohmann::json::parse(f.readAll().toStdString());
    ASSERT_TRUE(doc.contains("traceEvents"));
    double last_us = 0;
    std::set<std::string> tracks;
    for (const auto& e : doc["traceEvents"]) {
        if (e.contains("ts"))
            last_us = std::max(last_us, e["ts"].get<double>());
        if (e.value("ph", "") == "M" && e.value("name", "") == "thread_name")
            tracks.insert(e["args"]["name"].get<std::string>());
    }
    EXPECT_GT(last_us, 50e6) << "not the whole run: it stops at t=" << last_us / 1e6;
    EXPECT_TRUE(tracks.count("monitor"));
    EXPECT_TRUE(tracks.count("thread-1"));
    EXPECT_TRUE(tracks.count("thread-8"));
}

} // namespace
} // namespace wn::ui

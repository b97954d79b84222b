#include "app/record.h"

#include "ui/charts_panel.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <cmath>
#include <csignal>

namespace wn::app {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void on_interrupt(int) {
    g_interrupted = 1;
}

QString format_of(const QString& path) {
    const QString ext = QFileInfo(path).suffix().toLower();
    return ext == "mp4" || ext == "webm" || ext == "gif" ? ext : QString();
}

/// Beside the destination, so the final rename stays on one file system.
QString partial_path(const QString& out) {
    const QFileInfo info(out);
    return info.dir().filePath("." + info.fileName() + ".partial");
}

QStringList encoder_args(const QString& format, const RecordOptions& o) {
    QStringList a{"-hide_banner", "-loglevel",
                  "error",        "-y",
                  "-f",           "rawvideo",
                  "-pix_fmt",     "bgra", // QImage::Format_RGB32, little-endian
                  "-s",           QString("%1x%2").arg(o.size.width()).arg(o.size.height()),
                  "-r",           QString::number(o.fps),
                  "-i",           "-",
                  "-an"};
    if (format == "mp4")
        a << "-c:v"
          << "libx264"
          << "-preset"
          << "fast"
          << "-crf"
          << "20"
          << "-pix_fmt"
          << "yuv420p"
          << "-movflags"
          << "+faststart"
          << "-f"
          << "mp4";
    else if (format == "webm")
        a << "-c:v"
          << "libvpx-vp9"
          << "-b:v"
          << "0"
          << "-crf"
          << "33"
          << "-deadline"
          << "realtime"
          << "-cpu-used"
          << "8"
          << "-row-mt"
          << "1"
          << "-pix_fmt"
          << "yuv420p"
          << "-f"
          << "webm";
    else // one palette for the whole clip keeps a GIF small and its colours exact
        a << "-filter_complex"
          << "[0:v]split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=none"
          << "-loop"
          << "0"
          << "-f"
          << "gif";
    return a << partial_path(o.out);
}

} // namespace

int frame_count(const RecordOptions& o) {
    return std::max(1, static_cast<int>(std::lround((o.to - o.from) / o.speed * o.fps)));
}

double frame_time(const RecordOptions& o, int i) {
    return o.from + i * o.speed / o.fps;
}

QString record_error(const RecordOptions& o, double duration_s) {
    const QString format = format_of(o.out);
    if (format.isEmpty())
        return "--record: '" + o.out + "' must end in .mp4, .webm or .gif";
    if (!std::isfinite(o.from) || !std::isfinite(o.to) || o.from < 0 || o.to > duration_s)
        return QString("--from/--to: the range must lie within the run (0 to %1 s)")
            .arg(duration_s);
    if (o.from >= o.to)
        return QString("--from/--to: --from (%1) must be before --to (%2)").arg(o.from).arg(o.to);
    if (o.fps < 1 || o.fps > 120)
        return "--fps: must be between 1 and 120";
    if (!std::isfinite(o.speed) || o.speed < 0.01 || o.speed > 100)
        return "--speed: must be between 0.01 and 100 (virtual seconds per video second)";
    if (format != "gif" && (o.size.width() % 2 != 0 || o.size.height() % 2 != 0))
        return "--size: an MP4 or WebM video needs an even width and height";
    if (frame_count(o) > 100000)
        return QString("--record: %1 frames is too many (at most 100000)").arg(frame_count(o));
    QFile probe(partial_path(o.out));
    if (!probe.open(QIODevice::WriteOnly))
        return "--record: cannot write '" + o.out + "'";
    probe.remove();
    if (QStandardPaths::findExecutable("ffmpeg").isEmpty())
        return "--record: the ffmpeg program is needed (install the Debian package ffmpeg)";
    return {};
}

QString record_video(wn::ui::MainWindow& window, const RecordOptions& o) {
    const QString partial = partial_path(o.out);
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::SeparateChannels);
    ffmpeg.start(QStandardPaths::findExecutable("ffmpeg"), encoder_args(format_of(o.out), o));
    if (!ffmpeg.waitForStarted(10000))
        return "--record: ffmpeg did not start (install the Debian package ffmpeg)";
    std::signal(SIGPIPE, SIG_IGN); // an encoder that dies is an error to report, not our death
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    auto fail = [&](const QString& why) {
        ffmpeg.kill();
        ffmpeg.waitForFinished(10000);
        QFile::remove(partial);
        return why;
    };

    window.resize(o.size);
    window.show();
    QImage frame(o.size, QImage::Format_RGB32);
    const int frames = frame_count(o);
    for (int i = 0; i < frames; ++i) {
        if (g_interrupted)
            return fail("--record: interrupted; nothing was written");
        window.controller().advance_to(frame_time(o, i));
        QApplication::processEvents();
        window.charts().refresh();
        {
            QPainter painter(&frame);
            window.render(&painter);
        }
        ffmpeg.write(reinterpret_cast<const char*>(frame.constBits()), frame.sizeInBytes());
        // Memory stays flat: at most a few frames wait in the pipe, whatever the clip's length.
        while (ffmpeg.bytesToWrite() > 2 * frame.sizeInBytes())
            if (!ffmpeg.waitForBytesWritten(30000))
                return fail("--record: ffmpeg stopped: " +
                            QString::fromLocal8Bit(ffmpeg.readAllStandardError()).simplified());
    }
    ffmpeg.closeWriteChannel();
    if (!ffmpeg.waitForFinished(-1) || ffmpeg.exitStatus() != QProcess::NormalExit ||
        ffmpeg.exitCode() != 0)
        return fail("--record: ffmpeg failed: " +
                    QString::fromLocal8Bit(ffmpeg.readAllStandardError()).simplified());
    if (g_interrupted)
        return fail("--record: interrupted; nothing was written");
    QFile::remove(o.out);
    if (!QFile::rename(partial, o.out))
        return fail("--record: cannot write '" + o.out + "'");
    return {};
}

} // namespace wn::app

#include "ui/video_record.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <cmath>
#include <csignal>

namespace wn::ui {
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

/// ffmpeg reading our frames, raw, from its standard input.
QStringList raw_input(const RecordOptions& o) {
    return QStringList{"-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
                       // QImage::Format_RGB32 is B, G, R, A in memory on little-endian machines
                       "-pix_fmt", "bgra", "-s",
                       QString("%1x%2").arg(o.size.width()).arg(o.size.height()), "-r",
                       QString::number(o.fps), "-i", "-", "-an"};
}

QStringList video_output(const QString& format, const QString& path) {
    const QString args = format == "mp4"
                             ? "-c:v libx264 -preset fast -crf 20 -pix_fmt yuv420p "
                               "-movflags +faststart -f mp4"
                             : "-c:v libvpx-vp9 -b:v 0 -crf 33 -deadline realtime -cpu-used 8 "
                               "-row-mt 1 -pix_fmt yuv420p -f webm";
    return args.split(' ') << path;
}

QString ffmpeg_error(QProcess& ffmpeg, const QString& what) {
    return "ffmpeg " + what + ": " +
           QString::fromLocal8Bit(ffmpeg.readAllStandardError()).simplified();
}

/// One pass over the range: every frame taken at its exact time and written to an ffmpeg
/// given `output` after the raw input. `first`/`total` place this pass in the progress.
QString stream_frames(const RecordOptions& o, const FrameSource& source, const QStringList& output,
                      const RecordProgress& progress, int first, int total) {
    QProcess ffmpeg;
    ffmpeg.start(QStandardPaths::findExecutable("ffmpeg"), raw_input(o) + output);
    if (!ffmpeg.waitForStarted(10000))
        return ffmpeg_missing().isEmpty() ? "ffmpeg did not start" : ffmpeg_missing();
    auto stop = [&](const QString& why) {
        ffmpeg.kill();
        ffmpeg.waitForFinished(10000);
        return why;
    };
    QImage frame(o.size, QImage::Format_RGB32);
    const int frames = frame_count(o);
    for (int i = 0; i < frames; ++i) {
        if (g_interrupted)
            return stop("interrupted; nothing was written");
        source(frame, frame_time(o, i));
        ffmpeg.write(reinterpret_cast<const char*>(frame.constBits()), frame.sizeInBytes());
        // Memory stays flat: at most a few frames wait in the pipe, whatever the clip's length.
        while (ffmpeg.bytesToWrite() > 2 * frame.sizeInBytes())
            if (!ffmpeg.waitForBytesWritten(30000))
                return stop(ffmpeg_error(ffmpeg, "stopped"));
        if (progress && !progress(first + i + 1, total))
            return stop("cancelled");
    }
    ffmpeg.closeWriteChannel();
    if (!ffmpeg.waitForFinished(-1) || ffmpeg.exitStatus() != QProcess::NormalExit ||
        ffmpeg.exitCode() != 0)
        return ffmpeg_error(ffmpeg, "failed");
    return g_interrupted ? "interrupted; nothing was written" : QString();
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
    return ffmpeg_missing().isEmpty() ? QString() : "--record: " + ffmpeg_missing();
}

QString ffmpeg_missing() {
    if (!QStandardPaths::findExecutable("ffmpeg").isEmpty())
        return {};
    return "the ffmpeg program is needed (install the Debian package ffmpeg)";
}

QString record_video(const RecordOptions& o, const FrameSource& source,
                     const RecordProgress& progress) {
    // An encoder that dies is an error to report, not our death; Ctrl+C during a recording
    // removes the partial file. The previous handlers come back afterwards.
    g_interrupted = 0;
    const auto old_pipe = std::signal(SIGPIPE, SIG_IGN);
    const auto old_int = std::signal(SIGINT, on_interrupt);
    const auto old_term = std::signal(SIGTERM, on_interrupt);
    const QString partial = partial_path(o.out);
    const QString format = format_of(o.out);
    QString why;
    if (format == "gif") {
        // Two passes over the same deterministic frames: the first only gathers the colours
        // into one palette, so the GIF stays small and crisp without buffering the clip.
        const QString palette = partial + ".palette.png";
        const int frames = frame_count(o);
        why =
            stream_frames(o, source, {"-vf", "palettegen=stats_mode=diff", "-f", "image2", palette},
                          progress, 0, 2 * frames);
        if (why.isEmpty())
            why = stream_frames(o, source,
                                {"-i", palette, "-filter_complex",
                                 "[0:v][1:v]paletteuse=dither=none:diff_mode=rectangle", "-loop",
                                 "0", "-f", "gif", partial},
                                progress, frames, 2 * frames);
        QFile::remove(palette);
    } else {
        why = stream_frames(o, source, video_output(format, partial), progress, 0, frame_count(o));
    }
    if (why.isEmpty()) {
        QFile::remove(o.out);
        if (!QFile::rename(partial, o.out))
            why = "cannot write '" + o.out + "'";
    }
    if (!why.isEmpty())
        QFile::remove(partial);
    std::signal(SIGPIPE, old_pipe);
    std::signal(SIGINT, old_int);
    std::signal(SIGTERM, old_term);
    return why;
}

} // namespace wn::ui

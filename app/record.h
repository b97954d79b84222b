#pragma once

#include <QSize>
#include <QString>

namespace wn::ui {
class MainWindow;
}

namespace wn::app {

/// A video of the window over a range of virtual time: `--record OUT --from --to --fps
/// --speed --size`.
struct RecordOptions {
    QString out;
    double from = 0;
    double to = -1; // the run's end
    int fps = 30;
    double speed = 1; // virtual seconds per video second
    QSize size{1280, 720};
};

/// The one-line reason these options cannot be recorded for a run of `duration_s`, or "".
/// Checked before Qt starts: the extension (mp4, webm, gif), the range, the frame rate, the
/// speed, the size, a writable destination and the ffmpeg program.
QString record_error(const RecordOptions& o, double duration_s);

/// How many frames the video has, and the virtual time of frame `i`.
int frame_count(const RecordOptions& o);
double frame_time(const RecordOptions& o, int i);

/// Renders each frame at its exact virtual time and streams it raw to ffmpeg, which encodes
/// it to a temporary file beside `o.out` that is renamed to `o.out` only when complete.
/// Returns "" or a one-line error; nothing is left under `o.out` on failure or interrupt.
QString record_video(wn::ui::MainWindow& window, const RecordOptions& o);

} // namespace wn::app

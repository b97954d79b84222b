#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <functional>

namespace wn::ui {

/// A video of the view over a range of virtual time: the CLI's `--record OUT --from --to
/// --fps --speed --size`, and File > Record video.
struct RecordOptions {
    QString out;
    double from = 0;
    double to = -1; // the run's end
    int fps = 30;
    double speed = 1; // virtual seconds per video second
    QSize size{1280, 720};
};

/// Paints the frame for virtual time `t` into `frame` (already of the video's size).
using FrameSource = std::function<void(QImage& frame, double t)>;
/// Called after each frame is handed to the encoder, `done` of `total`; false cancels.
using RecordProgress = std::function<bool(int done, int total)>;

/// The one-line reason these options cannot be recorded for a run of `duration_s`, or "".
/// Names the offending option as the CLI spells it: the extension (mp4, webm, gif), the
/// range, the frame rate, the speed, the size, a writable destination and ffmpeg.
QString record_error(const RecordOptions& o, double duration_s);

/// "" when the ffmpeg program is on the PATH, else the one line that says which package to
/// install.
QString ffmpeg_missing();

/// How many frames the video has, and the virtual time of frame `i`.
int frame_count(const RecordOptions& o);
double frame_time(const RecordOptions& o, int i);

/// Takes each frame from `source` at its exact virtual time and streams it raw to ffmpeg,
/// which encodes it to a temporary file beside `o.out`, renamed to `o.out` only when
/// complete. Returns "" or a one-line error ("cancelled" when `progress` said stop);
/// nothing is left under `o.out` on failure, cancel or interrupt.
QString record_video(const RecordOptions& o, const FrameSource& source,
                     const RecordProgress& progress = {});

} // namespace wn::ui

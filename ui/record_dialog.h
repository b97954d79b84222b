#pragma once

#include "ui/video_record.h"

#include <QDialog>
#include <optional>
#include <utility>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace wn::ui {

class MainWindow;

/// File > Record video: from/to (the timeline's selection when there is one), frames per
/// second, size, playback speed and format. The destination is asked for afterwards.
class RecordDialog : public QDialog {
    Q_OBJECT
public:
    RecordDialog(QWidget* parent, double duration, std::optional<std::pair<double, double>> range);
    /// The options chosen; `out` is empty (the file is chosen after the dialog).
    RecordOptions options() const;
    /// "mp4", "webm" or "gif".
    QString format() const;

private:
    QDoubleSpinBox* m_from;
    QDoubleSpinBox* m_to;
    QSpinBox* m_fps;
    QDoubleSpinBox* m_speed;
    QComboBox* m_size;
    QComboBox* m_format;
};

/// Records the view (every pane side by side) as `o` asks, each frame at its exact virtual
/// time through the window's renderer, and puts the playhead back where it was. `progress`
/// may cancel. Returns "" or a one-line error.
QString record_view(MainWindow& window, const RecordOptions& o,
                    const RecordProgress& progress = {});

/// The menu item: the dialog, the file, then a progress dialog with an estimate and Cancel.
void record_video_dialog(MainWindow& window);

} // namespace wn::ui

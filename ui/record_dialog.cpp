#include "ui/record_dialog.h"

#include "ui/controller.h"
#include "ui/file_actions.h"
#include "ui/main_window.h"
#include "ui/timeline.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QMessageBox>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>

namespace wn::ui {

namespace {

QDoubleSpinBox* seconds_box(double max, double value, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0, max);
    box->setDecimals(3);
    box->setSingleStep(0.5);
    box->setSuffix(" s");
    box->setValue(value);
    return box;
}

} // namespace

RecordDialog::RecordDialog(QWidget* parent, double duration,
                           std::optional<std::pair<double, double>> range)
    : QDialog(parent) {
    setWindowTitle("Record video");
    auto* form = new QFormLayout(this);
    m_from = seconds_box(duration, range ? range->first : 0, this);
    m_to = seconds_box(duration, range ? range->second : duration, this);
    m_from->setToolTip("Virtual time of the first frame (shift-drag on the timeline to choose a "
                       "range)");
    m_to->setToolTip("Virtual time of the last frame");
    m_fps = new QSpinBox(this);
    m_fps->setRange(1, 120);
    m_fps->setValue(30);
    m_fps->setSuffix(" fps");
    m_speed = new QDoubleSpinBox(this);
    m_speed->setRange(0.01, 100);
    m_speed->setDecimals(2);
    m_speed->setValue(1);
    m_speed->setSuffix(" \u00d7");
    m_speed->setToolTip("Virtual seconds per second of video: 0.5 is slow motion");
    m_size = new QComboBox(this);
    m_size->addItems({"1280x720", "1920x1080", "1024x768", "854x480"});
    m_format = new QComboBox(this);
    m_format->addItem("MP4 (H.264)", "mp4");
    m_format->addItem("WebM (VP9)", "webm");
    m_format->addItem("GIF", "gif");
    form->addRow("From", m_from);
    form->addRow("To", m_to);
    form->addRow("Frame rate", m_fps);
    form->addRow("Playback speed", m_speed);
    form->addRow("Size", m_size);
    form->addRow("Format", m_format);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText("Record\u2026");
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_from->value() >= m_to->value()) {
            QMessageBox::warning(this, "Record video", "From must be before To.");
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

RecordOptions RecordDialog::options() const {
    RecordOptions o;
    o.from = m_from->value();
    o.to = m_to->value();
    o.fps = m_fps->value();
    o.speed = m_speed->value();
    const QStringList wh = m_size->currentText().split('x');
    o.size = QSize(wh[0].toInt(), wh[1].toInt());
    return o;
}

QString RecordDialog::format() const {
    return m_format->currentData().toString();
}

QString record_view(MainWindow& w, const RecordOptions& o, const RecordProgress& progress) {
    SimController& c = w.controller();
    const double back_to = c.now();
    const auto source = [&](QImage& frame, double t) {
        c.seek_and_wait(t);
        QPainter painter(&frame);
        paint_views(w, painter, frame.size());
    };
    const QString why = record_video(o, source, progress);
    c.seek_and_wait(back_to);
    return why;
}

void record_video_dialog(MainWindow& w) {
    if (const QString missing = ffmpeg_missing(); !missing.isEmpty()) {
        QMessageBox::warning(&w, "Record video", "Cannot record: " + missing + ".");
        return;
    }
    RecordDialog dialog(&w, w.controller().duration(), w.timeline().selection());
    if (dialog.exec() != QDialog::Accepted)
        return;
    RecordOptions o = dialog.options();
    const QString ext = dialog.format();
    o.out = QFileDialog::getSaveFileName(&w, "Record video to", "wasps-nest." + ext,
                                         ext.toUpper() + " (*." + ext + ")");
    if (o.out.isEmpty())
        return;
    if (!o.out.endsWith("." + ext, Qt::CaseInsensitive))
        o.out += "." + ext;
    if (const QString why = record_error(o, w.controller().duration()); !why.isEmpty()) {
        QMessageBox::warning(&w, "Record video", why);
        return;
    }
    QProgressDialog progress("Recording\u2026", "Cancel", 0, frame_count(o), &w);
    progress.setWindowTitle("Record video");
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    QElapsedTimer clock;
    clock.start();
    const QString why = record_view(w, o, [&](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        const double left = clock.elapsed() / 1000.0 * (total - done) / std::max(1, done);
        progress.setLabelText(QString("Recording frame %1 of %2, about %3 s left\u2026")
                                  .arg(done)
                                  .arg(total)
                                  .arg(std::ceil(left)));
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    });
    progress.close();
    if (why == "cancelled")
        w.show_message("Recording cancelled; nothing was written");
    else if (!why.isEmpty())
        QMessageBox::warning(&w, "Record video", "The recording failed: " + why);
    else
        w.show_message("Wrote " + o.out);
}

} // namespace wn::ui

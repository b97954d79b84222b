#include "ui/file_actions.h"

#include "scenario/run_budget.h"

#include "scenario/library.h"
#include "scenario/scenario_json.h"
#include "trace/trace_chrome.h"
#include "trace/trace_json.h"
#include "ui/controller.h"
#include "ui/image_export.h"
#include "ui/main_window.h"
#include "ui/sim_view.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <nlohmann/json.hpp>
#include <sstream>

namespace wn::ui {

QString save_with_dialog(QWidget* parent, const QString& title, const QString& default_name,
                         const QString& filter, const std::function<bool(const QString&)>& write,
                         const QString& done) {
    const QString path = QFileDialog::getSaveFileName(parent, title, default_name, filter);
    if (path.isEmpty())
        return "";
    return write(path) ? done + path : "Could not write " + path;
}

bool write_file_atomically(const QString& path, const QByteArray& bytes) {
    return write_atomically(path, [&](QIODevice& out) { return out.write(bytes) == bytes.size(); });
}

bool write_scenario_file(MainWindow& w, const QString& path) {
    const std::string text = scenario_to_json(w.controller().recorded_scenario()).dump(2) + "\n";
    return write_file_atomically(path, QByteArray::fromStdString(text));
}

QString open_scenario_path(MainWindow& w, const QString& path) {
    try {
        Scenario s = load_scenario(path.toStdString());
        s.name = QFileInfo(path).completeBaseName().toStdString();
        check_window_budget(s, s.name);
        w.controller().set_scenario(s);
    } catch (const ScenarioError& e) {
        // A dialog, not the status bar: the line would vanish before it is read. open()
        // does not block, so the window (and a test) goes on while it is up.
        auto* box = new QMessageBox(QMessageBox::Warning, "Open scenario",
                                    QString::fromUtf8(e.what()), QMessageBox::Ok, &w);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return e.what();
    }
    return "";
}

void open_scenario_file(MainWindow& w) {
    const QString path =
        QFileDialog::getOpenFileName(&w, "Open scenario", {}, "Scenarios (*.json)");
    if (path.isEmpty())
        return;
    open_scenario_path(w, path); // a file that does not open gets its dialog there
}

void save_scenario_file(MainWindow& w) {
    const QString report = save_with_dialog(
        &w, "Save scenario", "scenario.json", "Scenarios (*.json)",
        [&w](const QString& path) { return write_scenario_file(w, path); }, "Saved ");
    if (!report.isEmpty())
        w.show_message(report);
}

namespace {

/// A selection ring is the presenter's pointer, not part of the picture: hidden while a
/// picture is taken, and put back after.
class SelectionsHidden {
public:
    explicit SelectionsHidden(MainWindow& w) : m_views(w.views()) {
        for (SimView* v : m_views) {
            m_saved.push_back(v->selection());
            v->set_selection({});
        }
    }
    ~SelectionsHidden() {
        for (std::size_t i = 0; i < m_views.size(); ++i)
            m_views[i]->set_selection(m_saved[i]);
    }
    SelectionsHidden(const SelectionsHidden&) = delete;
    SelectionsHidden& operator=(const SelectionsHidden&) = delete;

private:
    std::vector<SimView*> m_views;
    std::vector<Hit> m_saved;
};

QSize views_size(MainWindow& w) {
    const QSize pane = w.views().front()->size();
    return {pane.width() * static_cast<int>(w.views().size()), pane.height()};
}

} // namespace

bool write_trace_file(MainWindow& w, const QString& path, TraceFormat format) {
    // The whole run, not the part played so far: the same events and hash as
    // `waspsnest-cli run --trace` for this scenario, strategy, seed and clicks.
    const auto sim = w.controller().whole_run();
    std::ostringstream text;
    if (format == TraceFormat::Chrome)
        write_trace_chrome(*sim, text);
    else
        write_trace_json(*sim, text);
    return write_file_atomically(path, QByteArray::fromStdString(text.str()));
}

void export_trace(MainWindow& w, TraceFormat format) {
    const bool chrome = format == TraceFormat::Chrome;
    const QString report = save_with_dialog(
        &w, chrome ? "Export the whole run for Perfetto" : "Export the whole run's trace",
        chrome ? "trace.perfetto.json" : "trace.json", "JSON (*.json)",
        [&w, format](const QString& path) { return write_trace_file(w, path, format); },
        "Wrote the whole run (t=0 to the end, whatever the playhead) to ");
    if (!report.isEmpty())
        w.show_message(report);
}

void paint_views(MainWindow& w, QPainter& painter, QSize size) {
    const int panes = static_cast<int>(w.views().size());
    const QSize pane(size.width() / panes, size.height());
    painter.save();
    painter.fillRect(QRect(QPoint(0, 0), size), w.colours().background);
    for (SimView* v : w.views()) {
        v->render_to(painter, pane);
        painter.translate(pane.width(), 0);
    }
    painter.restore();
}

bool write_png_file(MainWindow& w, const QString& path, PngScope scope) {
    const SelectionsHidden hidden(w);
    QImage image;
    if (scope == PngScope::Window) {
        image = QImage(w.size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        w.render(&image);
    } else {
        image = QImage(views_size(w) * 2, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        painter.scale(2, 2);
        paint_views(w, painter, views_size(w));
    }
    return write_atomically(path, [&](QIODevice& out) { return image.save(&out, "PNG"); });
}

bool write_svg_file(MainWindow& w, const QString& path) {
    const SelectionsHidden hidden(w);
    return write_atomically(path, [&](QIODevice& out) {
        return paint_svg(out, views_size(w),
                         [&](QPainter& painter) { paint_views(w, painter, views_size(w)); });
    });
}

void export_svg(MainWindow& w) {
    const QString report =
        save_with_dialog(&w, "Export the view as SVG", "wasps-nest.svg", "SVG drawings (*.svg)",
                         [&w](const QString& path) { return write_svg_file(w, path); });
    if (!report.isEmpty())
        w.show_message(report);
}

void export_png(MainWindow& w, PngScope scope) {
    const QString report = save_with_dialog(
        &w, scope == PngScope::View ? "Export PNG of the view" : "Export PNG of the whole window",
        "wasps-nest.png", "PNG images (*.png)",
        [&w, scope](const QString& path) { return write_png_file(w, path, scope); });
    if (!report.isEmpty())
        w.show_message(report);
}

} // namespace wn::ui

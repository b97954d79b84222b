#include "ui/file_actions.h"

#include "scenario/run_budget.h"

#include "scenario/library.h"
#include "scenario/scenario_json.h"
#include "trace/trace_json.h"
#include "ui/controller.h"
#include "ui/main_window.h"
#include "ui/sim_view.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
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
    QSaveFile file(path);
    // Unbuffered, so a short write (a full disk, a size limit) shows here: Qt 6.4 commits a
    // buffered file whose last flush failed.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return false;
    if (file.write(bytes) != bytes.size() || file.error() != QFileDevice::NoError) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
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
        return e.what();
    }
    return "";
}

void open_scenario_file(MainWindow& w) {
    const QString path =
        QFileDialog::getOpenFileName(&w, "Open scenario", {}, "Scenarios (*.json)");
    if (path.isEmpty())
        return;
    const QString error = open_scenario_path(w, path);
    if (!error.isEmpty())
        w.show_message(error);
}

void save_scenario_file(MainWindow& w) {
    const QString report = save_with_dialog(
        &w, "Save scenario", "scenario.json", "Scenarios (*.json)",
        [&w](const QString& path) { return write_scenario_file(w, path); }, "Saved ");
    if (!report.isEmpty())
        w.show_message(report);
}

void export_trace(MainWindow& w) {
    const QString report = save_with_dialog(
        &w, "Export trace", "trace.json", "JSON (*.json)", [&w](const QString& path) {
            std::ostringstream out;
            write_trace_json(w.controller().sim(), out);
            return out && write_file_atomically(path, QByteArray::fromStdString(out.str()));
        });
    if (!report.isEmpty())
        w.show_message(report);
}

void export_png(MainWindow& w) {
    const QString report = save_with_dialog(
        &w, "Export PNG", "wasps-nest.png", "PNG images (*.png)", [&w](const QString& path) {
            const auto& views = w.views();
            const QSize pane = views.front()->size();
            QImage image(QSize(pane.width() * static_cast<int>(views.size()), pane.height()) * 2,
                         QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&image);
            painter.scale(2, 2);
            for (SimView* v : views) {
                v->render_to(painter, pane);
                painter.translate(pane.width(), 0);
            }
            painter.end();
            QByteArray png;
            QBuffer buffer(&png);
            return buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG") &&
                   write_file_atomically(path, png);
        });
    if (!report.isEmpty())
        w.show_message(report);
}

} // namespace wn::ui

#include "ui/file_actions.h"

#include "scenario/run_budget.h"

#include "scenario/library.h"
#include "scenario/scenario_json.h"
#include "trace/trace_json.h"
#include "ui/controller.h"
#include "ui/main_window.h"
#include "ui/sim_view.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <fstream>
#include <nlohmann/json.hpp>

namespace wn::ui {

QString save_with_dialog(QWidget* parent, const QString& title, const QString& default_name,
                         const QString& filter, const std::function<bool(const QString&)>& write,
                         const QString& done) {
    const QString path = QFileDialog::getSaveFileName(parent, title, default_name, filter);
    if (path.isEmpty())
        return "";
    return write(path) ? done + path : "Could not write " + path;
}

void open_scenario_file(MainWindow& w) {
    const QString path =
        QFileDialog::getOpenFileName(&w, "Open scenario", {}, "Scenarios (*.json)");
    if (!path.isEmpty())
        open_scenario_path(w, path);
}

void open_scenario_path(MainWindow& w, const QString& path) {
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
    }
}

void save_scenario_file(MainWindow& w) {
    const QString report = save_with_dialog(
        &w, "Save scenario", "scenario.json", "Scenarios (*.json)",
        [&w](const QString& path) {
            std::ofstream out(path.toStdString());
            out << scenario_to_json(w.controller().scenario()).dump(2) << "\n";
            return static_cast<bool>(out);
        },
        "Saved ");
    if (!report.isEmpty())
        w.show_message(report);
}

bool write_trace_file(MainWindow& w, const QString& path) {
    // The whole run, not the part played so far: the same events and hash as
    // `waspsnest-cli run --trace` for this scenario, strategy, seed and clicks.
    const auto sim = w.controller().whole_run();
    std::ofstream out(path.toStdString());
    write_trace_json(*sim, out);
    return static_cast<bool>(out);
}

void export_trace(MainWindow& w) {
    const QString report = save_with_dialog(
        &w, "Export the whole run's trace", "trace.json", "JSON (*.json)",
        [&w](const QString& path) { return write_trace_file(w, path); },
        "Wrote the whole run (t=0 to the end, whatever the playhead) to ");
    if (!report.isEmpty())
        w.show_message(report);
}

bool write_png_file(MainWindow& w, const QString& path, PngScope scope) {
    const auto& views = w.views();
    // A selection ring is the presenter's pointer, not part of the picture.
    std::vector<Hit> selections;
    for (SimView* v : views) {
        selections.push_back(v->selection());
        v->set_selection({});
    }
    QImage image;
    if (scope == PngScope::Window) {
        image = QImage(w.size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        w.render(&image);
    } else {
        const QSize pane = views.front()->size();
        image = QImage(QSize(pane.width() * static_cast<int>(views.size()), pane.height()) * 2,
                       QImage::Format_ARGB32_Premultiplied);
        image.fill(w.colours().background); // the scene may leave a sliver at its edge
        QPainter painter(&image);
        painter.scale(2, 2);
        for (SimView* v : views) {
            v->render_to(painter, pane);
            painter.translate(pane.width(), 0);
        }
    }
    for (std::size_t i = 0; i < views.size(); ++i)
        views[i]->set_selection(selections[i]);
    return image.save(path);
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

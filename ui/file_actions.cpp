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
    if (path.isEmpty())
        return;
    try {
        Scenario s = load_scenario(path.toStdString());
        s.name = QFileInfo(path).completeBaseName().toStdString();
        check_window_budget(s, s.name);
        w.controller().set_scenario(s);
    } catch (const ScenarioError& e) {
        w.show_message(e.what());
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

void export_trace(MainWindow& w) {
    const QString report = save_with_dialog(&w, "Export trace", "trace.json", "JSON (*.json)",
                                            [&w](const QString& path) {
                                                std::ofstream out(path.toStdString());
                                                write_trace_json(w.controller().sim(), out);
                                                return static_cast<bool>(out);
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
            return image.save(path);
        });
    if (!report.isEmpty())
        w.show_message(report);
}

} // namespace wn::ui

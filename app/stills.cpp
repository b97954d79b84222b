#include "app/stills.h"

#include "ui/charts_panel.h"
#include "ui/image_export.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QSaveFile>
#include <vector>

namespace wn::app {

QString write_marker_stills(wn::ui::MainWindow& window, const QString& dir, QSize size,
                            const QString& format) {
    if (!QDir().mkpath(dir))
        return "--screenshot-markers: cannot create the directory '" + dir + "'";
    auto& controller = window.controller();
    // Markers cover what has been simulated: run to the end once to see them all.
    controller.seek_and_wait(controller.duration());
    struct Still {
        double t;
        const char* what;
    };
    std::vector<Still> stills;
    bool error_seen = false;
    for (const Marker& m : controller.markers()) {
        if (m.kind == Marker::Kind::Fault)
            stills.push_back({m.t, "fault"});
        else if (m.kind == Marker::Kind::Election)
            stills.push_back({m.t, "election"});
        else if (m.kind == Marker::Kind::Error && !error_seen)
            stills.push_back({m.t, "first-error"});
        error_seen = error_seen || m.kind == Marker::Kind::Error;
    }
    if (stills.empty())
        return "--screenshot-markers: the run has no fault, election or error to show";
    window.resize(size);
    window.show();
    for (const Still& s : stills) {
        controller.seek_and_wait(s.t);
        QApplication::processEvents();
        window.charts().refresh();
        QApplication::processEvents();
        const QString name =
            QString("%1s-%2.%3").arg(s.t, 7, 'f', 3, QChar('0')).arg(s.what).arg(format);
        if (const QString why = wn::ui::export_image(window, QDir(dir).filePath(name));
            !why.isEmpty())
            return "--screenshot-markers: " + why;
    }
    return {};
}

} // namespace wn::app

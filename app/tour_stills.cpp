#include "app/tour_stills.h"

#include "ui/charts_panel.h"
#include "ui/image_export.h"
#include "ui/main_window.h"
#include "ui/tour/tour_player.h"

#include <QApplication>
#include <QDir>
#include <cstdio>

namespace wn::app {

QString write_tour_stills(wn::ui::MainWindow& window, const QString& tour, const QString& dir,
                          QSize size) {
    window.resize(size);
    window.show();
    QApplication::processEvents();
    wn::ui::TourPlayer& player = window.tour();
    if (const QString why = player.load(tour); !why.isEmpty())
        return "--tour: " + why;
    if (!QDir().mkpath(dir))
        return "--screenshot-steps: cannot create the directory '" + dir + "'";
    int index = 0;
    for (std::size_t c = 0; c < player.tour().chapters.size(); ++c)
        for (std::size_t s = 0; s < player.tour().chapters[c].steps.size(); ++s, ++index) {
            player.go_to(index, true);
            QApplication::processEvents();
            window.charts().refresh();
            QApplication::processEvents();
            const QString name =
                QString("%1-c%2-s%3.png").arg(index + 1, 2, 10, QChar('0')).arg(c + 1).arg(s + 1);
            const QString path = QDir(dir).filePath(name);
            if (const QString why = wn::ui::export_image(window, path); !why.isEmpty())
                return "--screenshot-steps: " + why;
            std::printf("%s\n", path.toLocal8Bit().constData());
        }
    std::fflush(stdout);
    return {};
}

} // namespace wn::app

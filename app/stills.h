#pragma once

#include <QSize>
#include <QString>

namespace wn::ui {
class MainWindow;
}

namespace wn::app {

/// `--screenshot-markers DIR`: one image of the window per timeline marker worth a slide
/// (each fault, each election, the first failed operation), named by virtual time and event,
/// e.g. `010.000s-fault.png`; `format` is "png" or "svg". Returns "" or a one-line error.
QString write_marker_stills(wn::ui::MainWindow& window, const QString& dir, QSize size,
                            const QString& format);

} // namespace wn::app

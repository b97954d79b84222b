#pragma once

#include <QSize>
#include <QString>

namespace wn::ui {
class MainWindow;
}

namespace wn::app {

/// `--tour NAME --screenshot-steps DIR`: one PNG of the window per tour step, at the step's
/// stop, named by its place (`03-c2-s1.png`: the third step, chapter 2's first); prints one
/// line per file written. Returns "" or a one-line error.
QString write_tour_stills(wn::ui::MainWindow& window, const QString& tour, const QString& dir,
                          QSize size);

} // namespace wn::app

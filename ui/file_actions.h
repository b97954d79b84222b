#pragma once

#include <QByteArray>
#include <QString>
#include <functional>

class QWidget;

namespace wn::ui {

class MainWindow;

/// Asks where to save (`title`, a default file name and a filter), calls `write` with the
/// chosen path, and returns the line for the status bar ("Wrote x", "Could not write x"),
/// or "" when the user cancelled.
QString save_with_dialog(QWidget* parent, const QString& title, const QString& default_name,
                         const QString& filter, const std::function<bool(const QString&)>& write,
                         const QString& done = "Wrote ");

/// Writes `bytes` to `path` through a temporary file renamed over it at the end
/// (QSaveFile), so a failed write (a full disk, a size limit) leaves the old file whole.
bool write_file_atomically(const QString& path, const QByteArray& bytes);
/// The window's scenario with its run recorded in it (clicks, playhead, bookmarks), as
/// File > Save writes it.
bool write_scenario_file(MainWindow& window, const QString& path);
/// Opens a scenario file (a saved demo restores its run exactly); "" or the error line.
QString open_scenario_path(MainWindow& window, const QString& path);

// The File menu. Each reports on the window's status bar.
void open_scenario_file(MainWindow& window);
void save_scenario_file(MainWindow& window);
/// Every event of pane 0's run as JSON.
void export_trace(MainWindow& window);
/// Every pane side by side, at twice the screen's resolution.
void export_png(MainWindow& window);

} // namespace wn::ui

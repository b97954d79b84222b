#pragma once

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

// The File menu. Each reports on the window's status bar.
void open_scenario_file(MainWindow& window);
void save_scenario_file(MainWindow& window);
/// Every event of pane 0's run as JSON.
void export_trace(MainWindow& window);
/// Every pane side by side, at twice the screen's resolution.
void export_png(MainWindow& window);

} // namespace wn::ui

#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace wn::ui {

class MainWindow;

/// What an exported PNG shows.
enum class PngScope {
    View,   // every pane side by side
    Window, // the whole window: toolbar, scene, timeline and docks
};

/// Asks where to save (`title`, a default file name and a filter), calls `write` with the
/// chosen path, and returns the line for the status bar ("Wrote x", "Could not write x"),
/// or "" when the user cancelled.
QString save_with_dialog(QWidget* parent, const QString& title, const QString& default_name,
                         const QString& filter, const std::function<bool(const QString&)>& write,
                         const QString& done = "Wrote ");

// The File menu. Each reports on the window's status bar, but for a file that does not
// open: that gets a dialog.
void open_scenario_file(MainWindow& window);
void save_scenario_file(MainWindow& window);
/// Every event of pane 0's whole run as JSON, whatever the playhead.
void export_trace(MainWindow& window);
/// The picture, at twice the screen's resolution, without selection rings.
void export_png(MainWindow& window, PngScope scope);

// What the menu items do once the file is chosen (tests call these directly).
/// Opens the scenario file at `path` in the window.
void open_scenario_path(MainWindow& window, const QString& path);
/// Writes pane 0's whole run's trace to `path`; false when it could not be written.
bool write_trace_file(MainWindow& window, const QString& path);
bool write_png_file(MainWindow& window, const QString& path, PngScope scope);

} // namespace wn::ui

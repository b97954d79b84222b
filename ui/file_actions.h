#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>
#include <functional>

class QPainter;
class QWidget;

namespace wn::ui {

class MainWindow;

/// How an exported trace is written: the program's own JSON (as `waspsnest-cli run
/// --trace`), or Chrome's trace-event JSON that Perfetto and chrome://tracing open.
enum class TraceFormat { Json, Chrome };

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

/// Writes `bytes` to `path` through a temporary file renamed over it at the end
/// (QSaveFile), so a failed write (a full disk, a size limit) leaves the old file whole.
bool write_file_atomically(const QString& path, const QByteArray& bytes);
/// The window's scenario with its run recorded in it (clicks, playhead, bookmarks), as
/// File > Save writes it.
bool write_scenario_file(MainWindow& window, const QString& path);
/// Opens a scenario file (a saved demo restores its run exactly); "" or the error line,
/// which is also shown in a dialog that does not block.
QString open_scenario_path(MainWindow& window, const QString& path);

// The File menu. Each reports on the window's status bar, but for a file that does not
// open: that gets a dialog.
void open_scenario_file(MainWindow& window);
void save_scenario_file(MainWindow& window);
/// Every event of pane 0's whole run as JSON, whatever the playhead.
void export_trace(MainWindow& window, TraceFormat format);
/// The picture, at twice the screen's resolution, without selection rings.
void export_png(MainWindow& window, PngScope scope);
/// The view as SVG, without selection rings.
void export_svg(MainWindow& window);

// What the menu items do once the file is chosen (tests call these directly).
/// Writes pane 0's whole run's trace to `path`; false when it could not be written.
bool write_trace_file(MainWindow& window, const QString& path,
                      TraceFormat format = TraceFormat::Json);
bool write_png_file(MainWindow& window, const QString& path, PngScope scope);
/// Every pane side by side in `size`, through the renderer that paints the window.
void paint_views(MainWindow& window, QPainter& painter, QSize size);
/// The view (every pane side by side) as SVG: text stays text, so it is sharp at any size.
bool write_svg_file(MainWindow& window, const QString& path);

} // namespace wn::ui

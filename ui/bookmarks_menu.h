#pragma once

class QMenu;

namespace wn::ui {

class MainWindow;

/// Fills `menu` (Bookmarks): "Add bookmark..." names the playhead's moment, and each
/// bookmark below it jumps there. The list follows the controller (a restart clears it, an
/// opened demo brings its own); File > Save keeps it.
void install_bookmarks_menu(MainWindow& window, QMenu& menu);

} // namespace wn::ui

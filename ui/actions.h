#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace wn::ui {

class MainWindow;

/// Where an action is offered.
enum class ActionPlace { RunBar, ClusterBar, FileMenu, ViewMenu, ThreadMenu, HelpMenu };

/// One thing the user can do. The table of these is the one source for the toolbar, the
/// menus, the tooltips, the key help (`?`) and `waspsnest --help`, so they cannot disagree.
struct ActionSpec {
    ActionPlace place;
    QString name;     // menu or toolbar text: "&Open scenario..."
    QStringList keys; // Qt's portable key names, main one first: {"Right", ".", "PgDown"}
    QString help;     // what the key help says it does; empty: not listed there
    QString tooltip;  // empty: none
    /// What it does; `checked` is the new state of a checkable action. Empty for a dock's
    /// show/hide toggle, which Qt provides.
    std::function<void(MainWindow&, bool checked)> run;
    QString dock{}; // objectName of the dock this action shows or hides
    bool checkable = false;
    bool separator_before = false; // in its menu
};

/// Every action, in the order of the toolbar and the menus.
const std::vector<ActionSpec>& action_table();

/// What the mouse does, for the key help: {"click a member", "kill, revive, ..."}.
struct Gesture {
    QString what;
    QString does;
};
const std::vector<Gesture>& gestures();

QList<QKeySequence> shortcuts(const ActionSpec& action);
/// The tooltip followed by the keys: "Play or pause the simulation (Space)".
QString tooltip_with_keys(const ActionSpec& action);
/// The key help as an HTML table (the `?` dialog).
QString key_help_html();
/// The key help as plain lines for `--help`.
QString key_help_text();

} // namespace wn::ui

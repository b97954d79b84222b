#include "ui/actions.h"

#include "ui/controller.h"
#include "ui/file_actions.h"
#include "ui/lab/lab_window.h"
#include "ui/main_window.h"
#include "ui/presenter.h"
#include "ui/presenter_actions.h"
#include "ui/record_dialog.h"
#include "ui/tour/tour_player.h"

#include <QApplication>

namespace wn::ui {
namespace {

/// A handler that ignores the checked state.
template <typename F> std::function<void(MainWindow&, bool)> on(F f) {
    return [f](MainWindow& w, bool) {
        f(w);
    };
}

void show_key_help(MainWindow& w) {
    w.presenter().show_keys(!w.presenter().keys_shown());
}

} // namespace

const std::vector<ActionSpec>& action_table() {
    using P = ActionPlace;
    static const std::vector<ActionSpec> table = {
        {P::RunBar,
         "Play",
         {"Space"},
         "play / pause",
         "Play or pause the simulation",
         on([](MainWindow& w) { w.controller().toggle_play(); })},
        {P::RunBar,
         "Step",
         {"Right", "PgDown"},
         "one more event",
         "Run exactly one more event",
         on([](MainWindow& w) { w.controller().step(); })},
        {P::RunBar,
         "Back",
         {"Left", "PgUp"},
         "back one event",
         "Go back one event",
         on([](MainWindow& w) { w.controller().step_back(); })},
        {P::RunBar,
         "Restart",
         {"R"},
         "restart from t=0",
         "Start this scenario again from t=0",
         on([](MainWindow& w) { w.controller().restart(); })},
        {P::ClusterBar,
         "Add member",
         {},
         "",
         "Add a member to the replica set now (reconfig)",
         on([](MainWindow& w) { w.add_member(); })},
        {P::ClusterBar,
         "Wake monitor",
         {"W"},
         "wake the monitor (schedule_refresh)",
         "schedule_refresh(): wake the monitor now",
         on([](MainWindow& w) { w.wake_monitor(); })},
        {P::FileMenu, "&Open scenario...", {"Ctrl+O"}, "", "", on(open_scenario_file)},
        {P::FileMenu, "&Save scenario...", {"Ctrl+S"}, "", "", on(save_scenario_file)},
        {P::FileMenu, "Export &trace of the whole run (JSON)...", {}, "", "", on([](MainWindow& w) {
             export_trace(w, TraceFormat::Json);
         })},
        {P::FileMenu,
         "Export trace for Per&fetto (every thread a track)...",
         {},
         "",
         "Chrome trace-event JSON: open it at ui.perfetto.dev or chrome://tracing",
         on([](MainWindow& w) { export_trace(w, TraceFormat::Chrome); })},
        {P::FileMenu, "Export &PNG of the view...", {}, "", "", on([](MainWindow& w) {
             export_png(w, PngScope::View);
         })},
        {P::FileMenu, "Export view as &SVG...", {}, "", "", on(export_svg)},
        {P::FileMenu,
         "&Record video...",
         {"Ctrl+Shift+R"},
         "record a video (MP4, WebM or GIF) of a time range",
         "Shift-drag on the timeline first to record that range",
         on(record_video_dialog)},
        {P::FileMenu, "Export PNG of the &whole window...", {}, "", "", on([](MainWindow& w) {
             export_png(w, PngScope::Window);
         })},
        {P::FileMenu,
         "&Quit",
         {"Ctrl+Q"},
         "",
         "",
         on([](MainWindow&) { QApplication::quit(); }),
         "",
         false,
         true},
        {P::ViewMenu, "Inspector", {}, "", "", {}, "inspector"},
        {P::ViewMenu, "Event log", {"L"}, "event log", "Show or hide the event log", {}, "log"},
        {P::ViewMenu, "Charts", {"H"}, "charts", "Show or hide the charts", {}, "charts"},
        {P::ViewMenu, "&Full screen", {"F11"}, "full screen", "", on([](MainWindow& w) {
             w.toggle_full_screen();
         })},
        {P::ViewMenu,
         "&Real threads lab...",
         {"T"},
         "the Real threads lab",
         "The pattern with real threads on this machine: RCU against locks",
         on([](MainWindow& w) { LabWindow::open(&w, w.colours()); })},
        {P::ViewMenu,
         "&Compare naive and wasp side by side",
         {"C"},
         "compare naive and wasp side by side",
         "",
         [](MainWindow& w, bool on) { w.set_compare(on); },
         "",
         true},
        {P::ViewMenu,
         "Code",
         {"K"},
         "code panel: the Python each paused thread stands at",
         "Show or hide the PyMongo source with each paused thread's line marked",
         {},
         "code"},
        {P::ThreadMenu,
         "&Pause / resume the selected thread",
         {"P"},
         "pause or resume the selected thread",
         "Stop the selected thread (or the monitor) at its next line of Python, or let it run "
         "on",
         on([](MainWindow& w) { w.selected_thread_action(true); })},
        {P::ThreadMenu,
         "&Step the selected thread",
         {"S"},
         "step the selected thread one line",
         "Run exactly one line (one interleaving point) of the selected thread (or the monitor), "
         "then pause it",
         on([](MainWindow& w) { w.selected_thread_action(false); })},
        {P::HelpMenu,
         "&Keys and clicks",
         {"?", "F1"},
         "this list of keys and clicks",
         "",
         on(show_key_help)},
    };
    return table;
}

const std::vector<Gesture>& gestures() {
    static const std::vector<Gesture> list = {
        {"click a member", "kill, revive, step down, cut off, ping, remove"},
        {"click a thread / the monitor", "pause, resume or step it; inspect it"},
        {"click an RSState", "inspect it"},
        {"drag the timeline", "any moment of the run, exactly"},
    };
    return list;
}

QList<QKeySequence> shortcuts(const ActionSpec& a) {
    QList<QKeySequence> keys;
    for (const QString& k : a.keys)
        keys << QKeySequence(k, QKeySequence::PortableText);
    return keys;
}

QString tooltip_with_keys(const ActionSpec& a) {
    if (a.tooltip.isEmpty() || a.keys.isEmpty())
        return a.tooltip;
    return a.tooltip + " (" + a.keys.join(", ") + ")";
}

QString key_help_html() {
    QString html = "<table cellpadding=4>";
    for (const ActionSpec& a : action_table()) {
        if (a.help.isEmpty() || a.keys.isEmpty())
            continue;
        QStringList keys;
        for (const QString& k : a.keys)
            keys << "<b>" + k.toHtmlEscaped() + "</b>";
        html += "<tr><td>" + keys.join(", ") + "</td><td>" + a.help.toHtmlEscaped() + "</td></tr>";
    }
    for (const Gesture& g : gestures())
        html += "<tr><td>" + g.what + "</td><td>" + g.does + "</td></tr>";
    return html + "</table>";
}

namespace {
// A key longer than its column still gets a space before its help.
QString help_line(const QString& keys, const QString& help, int column) {
    return "  " + (keys + ' ').leftJustified(column) + help + "\n";
}
} // namespace

QString key_help_text() {
    QString text = "Keys:\n";
    for (const ActionSpec& a : action_table())
        if (!a.help.isEmpty() && !a.keys.isEmpty())
            text += help_line(a.keys.join(", "), a.help, 20);
    for (const PresenterAction& p : presenter_actions())
        text += help_line(p.spec.keys.join(", "), p.spec.help, 20);
    text += "Guided tour:\n";
    for (const TourKeyHelp& t : tour_key_help())
        text += help_line(t.keys, t.help, 20);
    text += "Mouse:\n";
    for (const Gesture& g : gestures())
        text += help_line(g.what, g.does, 26);
    return text;
}

} // namespace wn::ui

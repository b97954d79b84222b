// waspsnest: the GUI (PRODUCT.md §1, §3), and --screenshot and --record for rendering
// without a display.

#include "app/stills.h"
#include "app/tour_stills.h"
#include "scenario/library.h"
#include "scenario/run_budget.h"
#include "scenario/scenario_json.h"
#include "ui/actions.h"
#include "ui/charts_panel.h"
#include "ui/image_export.h"
#include "ui/main_window.h"
#include "ui/presenter.h"
#include "ui/settings.h"
#include "ui/tour/tour_player.h"
#include "ui/video_record.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace {

struct GuiOptions {
    wn::ui::RunChoice run; // more than one strategy: side by side
    bool reset_settings = false;
    std::optional<QString> screenshot;
    QString markers_format = "png";
    std::optional<wn::ui::RecordOptions> record;
    std::optional<QString> marker_stills; // a directory
    std::optional<QString> tour;          // a built-in tour's name or a tour file
    std::optional<QString> tour_stills;   // a directory
    double at = 0;
    QSize size{1280, 720};
    std::optional<wn::ui::Theme> theme;
    std::optional<double> font_scale;
    bool presenter = false;
};

[[noreturn]] void fail(const QString& message) {
    std::fprintf(stderr, "waspsnest: %s\n", message.toLocal8Bit().constData());
    std::exit(2);
}

GuiOptions parse(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Wasp's Nest: watch the Read-Copy-Update pattern survive a MongoDB failover.\n\n" +
        wn::ui::key_help_text());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({"scenario", "Built-in scenario name or scenario JSON file.", "NAME|FILE",
                      wn::kDefaultScenario});
    parser.addOption(
        {"strategy",
         "naive, mutex, rwlock, wasp or sdam; a list (naive,wasp) compares them side by side.",
         "S[,S...]"});
    parser.addOption({"threads", "Application threads, 1..1000.", "N"});
    parser.addOption({"seed", "Seed of the run (non-negative integer).", "N"});
    parser.addOption({"race-window",
                      "magnified (the scenario's interleaving, races visible in a short demo) or "
                      "realistic (CPython 2's thread switches, gaps of microseconds).",
                      "W"});
    parser.addOption({"timing",
                      "blog (an election a fixed delay after the primary is lost) or mongodb-2.4 "
                      "(heartbeats every 2 s, down after 10 s, then an election).",
                      "T"});
    parser.addOption({"reset-settings",
                      "Forget the saved window layout and last run, and start with the defaults."});
    parser.addOption(
        {"screenshot",
         "Render the window to this image and exit (no display needed): PNG, SVG (text "
         "stays text), JPEG or BMP, by extension.",
         "OUT.png|OUT.svg"});
    parser.addOption({"screenshot-markers",
                      "Write one PNG per timeline marker (each fault, election and the first "
                      "error) into this directory, named by time and event, and exit.",
                      "DIR"});
    parser.addOption({"markers-format",
                      "png (default) or svg: the images --screenshot-markers "
                      "writes.",
                      "png|svg"});
    parser.addOption({"record",
                      "Record the window from --from to --to into this video and exit (no display "
                      "needed): MP4 (H.264), WebM (VP9) or GIF, by extension; needs ffmpeg.",
                      "OUT.mp4|OUT.webm|OUT.gif"});
    parser.addOption(
        {"from", "Start of the recording, in virtual seconds (default 0).", "SECONDS"});
    parser.addOption(
        {"to", "End of the recording, in virtual seconds (default: the run's end).", "SECONDS"});
    parser.addOption({"fps", "Frames per second of the recording (default 30).", "N"});
    parser.addOption(
        {"speed", "Virtual seconds per second of video (default 1; 0.5 is slow motion).", "X"});
    parser.addOption({"tour",
                      "Start a guided tour: a built-in tour's name (blog) or a tour file "
                      "(docs/tours.md). PgDown plays to the next stop.",
                      "NAME|FILE"});
    parser.addOption({"screenshot-steps",
                      "With --tour: write one PNG per tour step, at its stop, into this "
                      "directory, print each file's name, and exit.",
                      "DIR"});
    parser.addOption(
        {"theme", "light, dark or high-contrast (default: the last one chosen).", "NAME"});
    parser.addOption({"font-scale", "Text and line size, 1 to 2 (View > Larger text).", "X"});
    parser.addOption(
        {"presenter", "With --screenshot: as presenter mode (F5) shows it, at --size."});
    parser.addOption({"at", "Virtual time of the screenshot, in seconds (default 0).", "SECONDS"});
    parser.addOption(
        {"size", "Window size for the screenshot or recording (default 1280x720).", "WxH"});
    if (!parser.parse(args))
        fail(parser.errorText());
    if (parser.isSet("help")) {
        // Parsed before QApplication exists, so name the program ourselves.
        std::fputs(parser.helpText().replace("<executable_name>", "waspsnest").toLocal8Bit(),
                   stdout);
        std::exit(0);
    }
    if (parser.isSet("version"))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        fail("unexpected argument '" + parser.positionalArguments().first() + "' (try --help)");

    GuiOptions o;
    o.run.scenario_given = parser.isSet("scenario");
    o.reset_settings = parser.isSet("reset-settings");
    try {
        o.run.scenario = wn::load_scenario(parser.value("scenario").toStdString());
    } catch (const wn::ScenarioError& e) {
        fail(e.what());
    }
    if (parser.isSet("strategy")) {
        const QStringList names = parser.value("strategy").split(',');
        if (names.size() > 4)
            fail("--strategy: at most four strategies side by side");
        for (const QString& s : names) {
            const auto kind = wn::parse_strategy(s.trimmed().toStdString());
            if (!kind)
                fail("--strategy: unknown strategy '" + s +
                     "' (expected naive, mutex, rwlock, wasp or sdam, or a comma-separated list)");
            o.run.strategies.push_back(*kind);
        }
        o.run.scenario.strategy = o.run.strategies.front();
    }
    bool ok = true;
    if (parser.isSet("threads")) {
        const int n = parser.value("threads").toInt(&ok);
        if (!ok)
            fail("--threads: '" + parser.value("threads") + "' is not an integer");
        if (const auto why = wn::threads_error(n))
            fail(QString::fromStdString("--threads: " + *why));
        o.run.threads = n;
        o.run.scenario.threads = n;
    }
    if (parser.isSet("seed")) {
        const qulonglong seed = parser.value("seed").toULongLong(&ok);
        if (!ok)
            fail("--seed: '" + parser.value("seed") + "' is not a non-negative integer");
        o.run.seed = seed;
        o.run.scenario.seed = seed;
    }
    if (parser.isSet("race-window")) {
        const auto window = wn::parse_race_window(parser.value("race-window").toStdString());
        if (!window)
            fail("--race-window: unknown window '" + parser.value("race-window") +
                 "' (expected magnified or realistic)");
        o.run.race_window = window;
        o.run.scenario.race_window = *window;
    }
    if (parser.isSet("timing")) {
        const auto timing = wn::parse_timing_profile(parser.value("timing").toStdString());
        if (!timing)
            fail("--timing: unknown profile '" + parser.value("timing") +
                 "' (expected blog or mongodb-2.4)");
        o.run.timing = timing;
        o.run.scenario.timing = *timing;
    }
    if (parser.isSet("screenshot")) {
        o.screenshot = parser.value("screenshot");
        const QString suffix = QFileInfo(*o.screenshot).suffix().toLower();
        if (!QStringList{"png", "svg", "jpg", "jpeg", "bmp"}.contains(suffix))
            fail("--screenshot: '" + *o.screenshot +
                 "' must end in .png, .svg, .jpg or .bmp (the format follows the extension)");
    }
    if (parser.isSet("at")) {
        o.at = parser.value("at").toDouble(&ok);
        if (!ok || !std::isfinite(o.at) || o.at < 0 || o.at > o.run.scenario.duration_s)
            fail("--at: must be a number of seconds between 0 and the run's duration (" +
                 QString::number(o.run.scenario.duration_s) + " s)");
    }
    if (parser.isSet("size")) {
        const QStringList wh = parser.value("size").split('x');
        const int w = wh.size() == 2 ? wh[0].toInt(&ok) : 0;
        const int h = ok && wh.size() == 2 ? wh[1].toInt(&ok) : 0;
        if (!ok || w < 320 || h < 240 || w > 7680 || h > 4320)
            fail("--size: expected WxH between 320x240 and 7680x4320, e.g. 1920x1080");
        o.size = QSize(w, h);
    }
    if (parser.isSet("record")) {
        if (o.screenshot)
            fail("--record and --screenshot: choose one");
        wn::ui::RecordOptions r;
        r.out = parser.value("record");
        r.size = o.size;
        r.to = o.run.scenario.duration_s;
        auto number = [&](const char* name, double& into) {
            if (!parser.isSet(name))
                return;
            into = parser.value(name).toDouble(&ok);
            if (!ok)
                fail(QString("--%1: '%2' is not a number").arg(name, parser.value(name)));
        };
        number("from", r.from);
        number("to", r.to);
        number("speed", r.speed);
        if (parser.isSet("fps")) {
            r.fps = parser.value("fps").toInt(&ok);
            if (!ok)
                fail("--fps: '" + parser.value("fps") + "' is not an integer");
        }
        if (const QString why = wn::ui::record_error(r, o.run.scenario.duration_s); !why.isEmpty())
            fail(why);
        o.record = r;
    }
    if (parser.isSet("screenshot-markers")) {
        if (o.screenshot || o.record)
            fail("--screenshot-markers: not with --screenshot or --record");
        o.marker_stills = parser.value("screenshot-markers");
    }
    if (parser.isSet("markers-format")) {
        if (!o.marker_stills)
            fail("--markers-format only applies with --screenshot-markers");
        o.markers_format = parser.value("markers-format").toLower();
        if (o.markers_format != "png" && o.markers_format != "svg")
            fail("--markers-format: '" + parser.value("markers-format") + "' is not png or svg");
    }
    if (parser.isSet("tour"))
        o.tour = parser.value("tour");
    if (parser.isSet("screenshot-steps")) {
        if (!o.tour)
            fail("--screenshot-steps needs --tour NAME|FILE");
        if (o.screenshot || o.record || o.marker_stills)
            fail("--screenshot-steps: not with --screenshot, --screenshot-markers or --record");
        o.tour_stills = parser.value("screenshot-steps");
    }
    for (const char* name : {"from", "to", "fps", "speed"})
        if (parser.isSet(name) && !o.record)
            fail(QString("--%1 only applies with --record").arg(name));
    if (parser.isSet("theme")) {
        o.theme = wn::ui::parse_theme(parser.value("theme"));
        if (!o.theme)
            fail("--theme: expected light, dark or high-contrast, got '" + parser.value("theme") +
                 "'");
    }
    if (parser.isSet("font-scale")) {
        const double scale = parser.value("font-scale").toDouble(&ok);
        if (!ok || !wn::ui::valid_font_scale(scale))
            fail("--font-scale: expected a number from 1 to 2, got '" + parser.value("font-scale") +
                 "'");
        o.font_scale = scale;
    }
    o.presenter = parser.isSet("presenter");
    if (o.presenter && !o.screenshot)
        fail("--presenter only applies with --screenshot");
    if (parser.isSet("at") && !o.screenshot)
        fail("--at only applies with --screenshot");
    if (parser.isSet("size") && !o.screenshot && !o.record && !o.marker_stills && !o.tour_stills)
        fail("--size only applies with --screenshot, --screenshot-markers, --screenshot-steps "
             "or --record");
    return o;
}

/// Headless screenshots keep stderr for real errors: Qt's platform chatter (no
/// XDG_RUNTIME_DIR, offscreen size hints) is dropped.
void quiet_qt(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char** argv) {
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setOrganizationName("WaspsNest");
    QCoreApplication::setApplicationName("waspsnest");
    QCoreApplication::setApplicationVersion("0.1");
    // Options are checked before Qt starts, so a bad one is the only line on stderr.
    GuiOptions o = parse(args);
    const bool headless = o.screenshot || o.record || o.marker_stills || o.tour_stills;
    if (headless) {
        qInstallMessageHandler(quiet_qt);
        // Screenshots need no display: the offscreen platform unless one was chosen.
        if (!std::getenv("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);

    // Screenshots and recordings never read the settings: they depend on their options alone.
    if (o.reset_settings)
        QSettings().clear();
    wn::ui::SavedSession saved;
    if (!headless) {
        saved = wn::ui::load_session(QSettings());
        if (const auto why = wn::ui::apply_saved_run(o.run, saved))
            std::fprintf(stderr, "waspsnest: the last run was not restored (%s)\n",
                         why->toLocal8Bit().constData());
    }
    try {
        wn::check_window_budget(o.run.scenario, o.run.scenario.name);
    } catch (const wn::ScenarioError& e) {
        fail(e.what());
    }
    wn::ui::MainWindow window(o.run.scenario, o.run.strategies);
    // --theme and --font-scale win over what the last session saved.
    const auto apply_view_options = [&o, &window] {
        if (o.theme)
            window.presenter().set_theme(*o.theme);
        if (o.font_scale)
            window.presenter().set_font_scale(*o.font_scale);
    };
    apply_view_options();
    if (o.screenshot) {
        if (o.presenter) { // before --font-scale, which then sets the presenter's size
            window.presenter().set_presenting(true);
            window.setWindowState(Qt::WindowNoState); // --size stands for the screen
        }
        apply_view_options();
        window.resize(o.size);
        window.controller().seek_and_wait(o.at);
        window.show();
        QApplication::processEvents();
        window.charts().refresh();
        QApplication::processEvents();
        if (const QString why = wn::ui::export_image(window, *o.screenshot); !why.isEmpty())
            fail("--screenshot: " + why);
        return 0;
    }
    if (o.marker_stills) {
        if (const QString why =
                wn::app::write_marker_stills(window, *o.marker_stills, o.size, o.markers_format);
            !why.isEmpty())
            fail(why);
        return 0;
    }
    if (o.tour_stills) {
        if (const QString why = wn::app::write_tour_stills(window, *o.tour, *o.tour_stills, o.size);
            !why.isEmpty())
            fail(why);
        return 0;
    }
    if (o.record) {
        // The CLI records the whole window at --size, as --screenshot shows it.
        window.resize(o.record->size);
        window.show();
        const auto source = [&window](QImage& frame, double t) {
            window.controller().seek_and_wait(t);
            QApplication::processEvents();
            window.charts().refresh();
            QPainter painter(&frame);
            window.render(&painter);
        };
        if (const QString why = wn::ui::record_video(*o.record, source); !why.isEmpty())
            fail("--record: " + why);
        return 0;
    }
    window.restore_layout(saved);
    apply_view_options();
    window.set_remember_session(true);
    if (o.tour)
        if (const QString why = window.tour().load(*o.tour); !why.isEmpty())
            fail(why);
    const QScreen* screen = QGuiApplication::primaryScreen();
    if (saved.geometry.isEmpty() && screen &&
        wn::ui::start_maximized(screen->availableGeometry().size()))
        window.showMaximized();
    else
        window.show();
    return QApplication::exec();
}

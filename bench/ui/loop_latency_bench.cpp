// Event-loop latency probe: drives the real MainWindow offscreen through play at 1x, 10x and
// 100x, random seeks, the comparison and the charts, while a 5 ms PreciseTimer measures how
// late it fires. A timeout's lateness (its interval minus 5 ms) is how long the GUI thread
// was blocked. It also records the time between two paints of the first pane (frame-to-frame:
// simulation advance + frame build + paint) and how long each paint took. It measures and
// prints; it asserts nothing.
//
//   waspsnest-loop-latency-bench [--threads N] [--seconds S] [--size WxH] [--only TEXT]
//
// Defaults: 1000 threads of primary-fails (600 s, wasp), 5 wall seconds per phase, 1920x1080.
// --only runs just the phases whose name contains TEXT (e.g. "charts", for a profile).

#include "scenario/library.h"
#include "ui/controller.h"
#include "ui/main_window.h"
#include "ui/sim_view.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr qint64 kProbeNs = 5'000'000;
std::string g_only; // --only: run the phases whose name contains it

/// Times every paint event of the first pane's SimView, where the window really paints it.
class ProbeApp : public QApplication {
public:
    using QApplication::QApplication;
    std::vector<double> paint_ms;    // how long each paint took
    std::vector<double> interval_ms; // start of one paint to the start of the next
    QElapsedTimer clock;
    qint64 last_paint_ns = -1;

    bool notify(QObject* receiver, QEvent* event) override {
        const auto* view = event->type() == QEvent::Paint
                               ? qobject_cast<const wn::ui::SimView*>(receiver)
                               : nullptr;
        if (!view || view->pane() != 0)
            return QApplication::notify(receiver, event);
        const qint64 start = clock.nsecsElapsed();
        const bool done = QApplication::notify(receiver, event);
        const qint64 end = clock.nsecsElapsed();
        paint_ms.push_back(static_cast<double>(end - start) / 1e6);
        if (last_paint_ns >= 0)
            interval_ms.push_back(static_cast<double>(start - last_paint_ns) / 1e6);
        last_paint_ns = start;
        return done;
    }
    void reset() {
        paint_ms.clear();
        interval_ms.clear();
        last_paint_ns = -1;
    }
};

double percentile(std::vector<double> v, double q) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
    return v[std::min(i == 0 ? 0 : i - 1, v.size() - 1)];
}

void print_row(const char* phase, const char* what, const std::vector<double>& v) {
    std::printf("%-26s %-14s n=%-5zu p50=%8.2f  p99=%8.2f  max=%8.2f ms\n", phase, what, v.size(),
                percentile(v, 0.5), percentile(v, 0.99),
                v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()));
}

/// CPU time of the calling (GUI) thread.
double thread_cpu_ms() {
    rusage r{};
    getrusage(RUSAGE_THREAD, &r);
    return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 +
           static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

/// Runs the event loop for `seconds` with the probe timer and `every_250ms` (if any), then
/// prints the probe's lateness and the first pane's paint figures.
void run_phase(ProbeApp& app, const char* name, double seconds,
               const std::function<void()>& every_250ms = {}) {
    if (std::string(name).find(g_only) == std::string::npos)
        return;
    std::vector<double> late_ms;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(static_cast<int>(kProbeNs / 1'000'000));
    qint64 last = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        late_ms.push_back(static_cast<double>(std::max<qint64>(0, now - last - kProbeNs)) / 1e6);
        last = now;
    });
    QTimer driver;
    driver.setInterval(250);
    if (every_250ms)
        QObject::connect(&driver, &QTimer::timeout, every_250ms);
    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(seconds * 1000), &loop, &QEventLoop::quit);
    app.reset();
    const double cpu0 = thread_cpu_ms();
    clock.start();
    probe.start();
    if (every_250ms)
        driver.start();
    loop.exec();
    print_row(name, "loop late", late_ms);
    print_row(name, "frame-to-frame", app.interval_ms);
    print_row(name, "paint", app.paint_ms);
    // Wall figures swing with the machine's load; the GUI thread's CPU time per frame does not.
    const double cpu = thread_cpu_ms() - cpu0;
    std::printf("%-26s %-14s %.2f ms per frame (%.0f ms over %zu frames)\n", name, "GUI CPU",
                app.paint_ms.empty() ? 0.0 : cpu / static_cast<double>(app.paint_ms.size()), cpu,
                app.paint_ms.size());
}

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr, "waspsnest-loop-latency-bench: %s\n", why.c_str());
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    int threads = 1000;
    double seconds = 5;
    int width = 1920, height = 1080;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc)
            usage("unknown or incomplete option: " + arg);
        const std::string value = argv[++i];
        try {
            if (arg == "--threads")
                threads = std::stoi(value);
            else if (arg == "--seconds")
                seconds = std::stod(value);
            else if (arg == "--size") {
                const auto x = value.find('x');
                if (x == std::string::npos)
                    usage("--size wants WxH, got " + value);
                width = std::stoi(value.substr(0, x));
                height = std::stoi(value.substr(x + 1));
            } else if (arg == "--only")
                g_only = value;
            else
                usage("unknown option: " + arg);
        } catch (const std::exception&) {
            usage("bad value for " + arg + ": " + value);
        }
    }
    if (threads < 1 || seconds <= 0 || width < 320 || height < 240)
        usage("--threads >= 1, --seconds > 0 and --size at least 320x240");

    ProbeApp app(argc, argv);
    app.clock.start();
    wn::Scenario scenario = wn::load_scenario("primary-fails");
    scenario.strategy = wn::StrategyKind::Wasp;
    scenario.threads = threads;
    scenario.duration_s = 600;
    wn::ui::MainWindow window(scenario);
    window.set_remember_session(false);
    window.resize(width, height);
    window.show();
    wn::ui::SimController& c = window.controller();
    std::printf("primary-fails, wasp, %d threads, 600 s; window %dx%d; %.1f s per phase\n", threads,
                width, height, seconds);

    auto play_from = [&](double speed) {
        c.pause();
        c.seek(5); // before the failover at 10 s, so 100x plays through it
        c.set_speed(speed);
        c.play();
    };
    std::mt19937_64 rng(20261201); // the same seeks every run
    std::uniform_real_distribution<double> at(0.0, 600.0);
    auto seek_random = [&] {
        c.seek(at(rng));
    };

    for (const double speed : {1.0, 10.0, 100.0}) {
        play_from(speed);
        const std::string name = "play " + std::to_string(static_cast<int>(speed)) + "x";
        run_phase(app, name.c_str(), seconds);
    }
    c.pause();
    run_phase(app, "seek (4/s, random)", seconds, seek_random);

    if (auto* charts = window.findChild<QDockWidget*>("charts"))
        charts->setVisible(true);
    play_from(100);
    run_phase(app, "charts, play 100x", seconds);
    c.pause();

    window.set_compare(true);
    play_from(100);
    run_phase(app, "compare+charts, play 100x", seconds);
    c.pause();
    run_phase(app, "compare+charts, seek", seconds, seek_random);

    rusage usage_now{};
    getrusage(RUSAGE_SELF, &usage_now);
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(usage_now.ru_maxrss) / 1024.0);
    return 0;
}

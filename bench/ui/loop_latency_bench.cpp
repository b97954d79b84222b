// Event-loop latency probe: drives the real MainWindow offscreen through play at 1x, 10x and
// 100x, random seeks, the comparison and the charts, while a 5 ms PreciseTimer measures how
// late it fires. A timeout's lateness (its interval minus 5 ms) is how long the GUI thread
// was blocked. While playing it also records the time between two paints of the first pane
// (frame-to-frame: simulation advance + frame build + paint), from the first played frame on,
// beside the play timer's own period (tick-to-tick: the floor frame-to-frame cannot go
// under), and how long each paint took. It measures and
// prints; it asserts nothing.
//
// CPU figures (the GUI thread's CLOCK_THREAD_CPUTIME_ID, which swings less with the machine's
// load than wall time) are per play tick: from one timeout of the 16 ms play timer to the
// next, split into the tick itself (the advance and every slot of changed(): charts, side
// panels), the window's repaints (UpdateRequest: frame build, paint), queued calls (the
// worker handing over runs) and the rest. The
// slowest 1% of ticks are broken down the same way, to tell what the p99 frames spend on.
// "late ticks" lists each play tick that fired over 18 ms after the one before, with whether
// an event still held the loop when it fell due (which) or the loop was idle and woke late,
// and how long the GUI thread waited for a core over that period (the kernel's schedstat).
// "timer to paint" is how long after a play tick's timeout the first pane's next paint
// starts (wall, and the GUI thread's CPU in between): a frame-to-frame time varies by as much
// as this varies, beyond the timer's own jitter.
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
#include <QWindow>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr qint64 kProbeNs = 5'000'000;
constexpr int kPlayTimerMs = 16; // SimController's play timer
std::string g_only;              // --only: run the phases whose name contains it

/// CPU time of the calling (GUI) thread, in ms, to the nanosecond.
double thread_cpu_now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

/// The GUI thread's CPU time over one play tick period, by where it went.
struct TickCpu {
    double total = 0, tick = 0, repaint = 0, queued = 0;
    // The costliest other event delivered outside those, to name what "rest" spent on.
    double other_ms = 0;
    int other_type = 0;
    const char* other_class = "";
};

/// A play tick that fired more than kLateTickMs after the one before, and why: the GUI
/// thread was still in an event when the tick fell due (busy), or the timer fired late
/// after the loop was free (a late wake-up: the thread waited for a core, or the timer).
struct LateTick {
    double period_ms = 0; // from the tick before to this one, wall
    double busy_ms = 0;   // how long past the due time an event was still running (0: idle)
    int type = 0;         // that event's type and receiver class
    const char* cls = "";
    double woke_ms = 0;           // from the loop being free (or the due time) to the tick
    double prev_tick_wall_ms = 0; // the tick before's own wall time
    double prev_tick_cpu_ms = 0;  // ... and the GUI thread's CPU in it
    double waited_ms = 0;         // the GUI thread's wait for a core since the tick before
};
constexpr double kLateTickMs = 18;

double thread_run_delay_ms();

/// Times every paint event of the first pane's SimView, where the window really paints it.
class ProbeApp : public QApplication {
public:
    using QApplication::QApplication;
    std::vector<double> paint_ms;    // how long each paint took
    std::vector<double> interval_ms; // start of one paint to the start of the next
    QElapsedTimer clock;
    qint64 last_paint_ns = -1;
    // From a play tick's timeout to the start of the first paint of the first pane after it:
    // how late the frame starts behind the timer, in wall time and in the GUI thread's CPU.
    std::vector<double> timer_to_paint_ms, timer_to_paint_cpu_ms;
    qint64 tick_start_ns = -1;  // -1: the last tick's paint is measured (or no tick yet)
    std::vector<TickCpu> ticks; // finished tick periods
    TickCpu current;
    double tick_start_cpu = -1;
    double longest_ms = 0;          // the costliest outermost event's CPU since the last reset
    int longest_type = 0;           // ... its event type
    const char* longest_class = ""; // ... and its receiver's class
    int m_depth = 0;                // notify() nesting: only outermost events count as "other"
    double m_children_ms = 0;       // CPU of timed events nested in the one being timed
    // Late ticks: when the phase's first and the last tick fired, how long the last one ran,
    // and the latest outermost events (when each ran, what it was), to tell a busy loop from
    // a late wake-up.
    std::vector<LateTick> late_ticks;
    std::vector<double> tick_period_ms; // one play tick's timeout to the next: the timer's jitter
    qint64 first_fire_ns = -1, last_fire_ns = -1, last_tick_wall_ns = 0;
    double last_fire_run_delay_ms = 0, last_tick_cpu_ms = 0;
    struct Ran {
        qint64 start_ns = -1, end_ns = -1;
        int type = 0;
        const char* cls = "";
    };
    std::array<Ran, 64> recent{}; // the latest outermost events, a ring
    std::size_t recent_next = 0;

    bool notify(QObject* receiver, QEvent* event) override {
        if (event->type() == QEvent::Timer) {
            auto* timer = qobject_cast<QTimer*>(receiver);
            if (timer && timer->interval() == kPlayTimerMs && !timer->isSingleShot())
                return timed(receiver, event, &TickCpu::tick, true);
        }
        if (event->type() == QEvent::UpdateRequest && receiver->isWidgetType() &&
            static_cast<QWidget*>(receiver)->isWindow())
            return timed(receiver, event, &TickCpu::repaint, false);
        if (event->type() == QEvent::MetaCall) // queued calls: the worker's hand-overs
            return timed(receiver, event, &TickCpu::queued, false);
        if (m_depth == 0) {
            ++m_depth;
            // Named before delivery: a DeferredDelete deletes its receiver.
            const char* name = receiver->metaObject()->className();
            const int type = static_cast<int>(event->type());
            const double start = thread_cpu_now_ms();
            const qint64 start_ns = clock.nsecsElapsed();
            const bool done = QApplication::notify(receiver, event);
            const double spent = thread_cpu_now_ms() - start;
            note_end(start_ns, type, name);
            --m_depth;
            m_children_ms = 0;
            note_longest(spent, type, name);
            if (spent > current.other_ms) {
                current.other_ms = spent;
                current.other_type = type;
                current.other_class = name;
            }
            return done;
        }
        const auto* view = event->type() == QEvent::Paint
                               ? qobject_cast<const wn::ui::SimView*>(receiver)
                               : nullptr;
        if (!view || view->pane() != 0)
            return QApplication::notify(receiver, event);
        const qint64 start = clock.nsecsElapsed();
        if (tick_start_ns >= 0) {
            timer_to_paint_ms.push_back(static_cast<double>(start - tick_start_ns) / 1e6);
            timer_to_paint_cpu_ms.push_back(thread_cpu_now_ms() - tick_start_cpu);
            tick_start_ns = -1;
        }
        const bool done = QApplication::notify(receiver, event);
        const qint64 end = clock.nsecsElapsed();
        paint_ms.push_back(static_cast<double>(end - start) / 1e6);
        // Played frames only: the paints before the phase's first tick (a seek, a speed change)
        // are the paused window, and the first tick after play() advances without painting.
        if (last_paint_ns >= 0 && first_fire_ns >= 0 && last_paint_ns > first_fire_ns)
            interval_ms.push_back(static_cast<double>(start - last_paint_ns) / 1e6);
        last_paint_ns = start;
        return done;
    }
    /// Delivers `event`, adding its CPU time to the current tick period's `part`; a play
    /// tick (`starts_tick`) first closes the period before it.
    bool timed(QObject* receiver, QEvent* event, double TickCpu::*part, bool starts_tick) {
        const char* name = receiver->metaObject()->className();
        const int type = static_cast<int>(event->type());
        const double start = thread_cpu_now_ms();
        const qint64 start_ns = clock.nsecsElapsed();
        if (starts_tick) {
            note_tick(start_ns);
            if (tick_start_cpu >= 0) {
                current.total = start - tick_start_cpu;
                ticks.push_back(current);
            }
            current = {};
            tick_start_cpu = start;
            tick_start_ns = clock.nsecsElapsed();
        }
        // Exclusive times: a repaint delivered inside a queued call counts as a repaint only.
        const double outer_children = std::exchange(m_children_ms, 0.0);
        ++m_depth;
        const bool done = QApplication::notify(receiver, event);
        --m_depth;
        const double spent = thread_cpu_now_ms() - start;
        if (m_depth == 0) {
            note_longest(spent, type, name);
            note_end(start_ns, type, name);
            if (starts_tick) {
                last_tick_wall_ns = clock.nsecsElapsed() - start_ns;
                last_tick_cpu_ms = spent;
            }
        }
        current.*part += spent - m_children_ms;
        m_children_ms = outer_children + spent;
        return done;
    }
    void note_end(qint64 start_ns, int type, const char* name) {
        recent[recent_next++ % recent.size()] = {start_ns, clock.nsecsElapsed(), type, name};
    }
    /// A play tick fires at `now_ns`: if late, whether an event held the loop past its due time.
    void note_tick(qint64 now_ns) {
        const qint64 prev = std::exchange(last_fire_ns, now_ns);
        const double prev_delay = std::exchange(last_fire_run_delay_ms, thread_run_delay_ms());
        if (first_fire_ns < 0)
            first_fire_ns = now_ns;
        if (prev >= 0)
            tick_period_ms.push_back(static_cast<double>(now_ns - prev) / 1e6);
        if (prev < 0 || static_cast<double>(now_ns - prev) / 1e6 <= kLateTickMs)
            return;
        const qint64 due = prev + qint64{kPlayTimerMs} * 1'000'000;
        LateTick late;
        late.period_ms = static_cast<double>(now_ns - prev) / 1e6;
        late.prev_tick_wall_ms = static_cast<double>(last_tick_wall_ns) / 1e6;
        late.prev_tick_cpu_ms = last_tick_cpu_ms;
        late.waited_ms = last_fire_run_delay_ms - prev_delay;
        qint64 free_ns = due; // when the loop was last free to deliver the tick
        for (const Ran& r : recent) {
            if (r.start_ns <= due && r.end_ns > due) { // the event running when it fell due
                late.busy_ms = static_cast<double>(r.end_ns - due) / 1e6;
                late.type = r.type;
                late.cls = r.cls;
            }
            if (r.end_ns > free_ns && r.end_ns <= now_ns)
                free_ns = r.end_ns;
        }
        late.woke_ms = static_cast<double>(now_ns - free_ns) / 1e6;
        late_ticks.push_back(late);
    }
    void note_longest(double spent, int type, const char* name) {
        if (spent <= longest_ms)
            return;
        longest_ms = spent;
        longest_type = type;
        longest_class = name;
    }
    void reset() {
        longest_ms = 0;
        paint_ms.clear();
        interval_ms.clear();
        last_paint_ns = -1;
        ticks.clear();
        current = {};
        tick_start_cpu = -1;
        timer_to_paint_ms.clear();
        timer_to_paint_cpu_ms.clear();
        tick_start_ns = -1;
        late_ticks.clear();
        tick_period_ms.clear();
        first_fire_ns = last_fire_ns = -1;
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

/// How long the calling (GUI) thread has waited, runnable, for a core, in ms: the kernel's
/// schedstat run delay (0 where the kernel does not keep it).
double thread_run_delay_ms() {
#if defined(__linux__)
    std::FILE* f = std::fopen("/proc/thread-self/schedstat", "r");
    if (!f)
        return 0;
    unsigned long long on_cpu = 0, waited = 0;
    const int read = std::fscanf(f, "%llu %llu", &on_cpu, &waited);
    std::fclose(f);
    return read == 2 ? static_cast<double>(waited) / 1e6 : 0;
#else
    return 0;
#endif
}

/// `total_ms` of the phase spread over its `frames` paints.
void print_per_frame(const char* phase, const char* what, double total_ms, std::size_t frames) {
    std::printf("%-26s %-14s %.2f ms per frame (%.0f ms over %zu frames)\n", phase, what,
                frames == 0 ? 0.0 : total_ms / static_cast<double>(frames), total_ms, frames);
}

/// Per play tick: the GUI thread's CPU in all, in the tick, in repaints; then the means of
/// the slowest 1% of ticks (at least one), by part.
void print_tick_cpu(const char* phase, const std::vector<TickCpu>& ticks) {
    if (ticks.empty())
        return;
    std::vector<double> total, tick, repaint;
    for (const TickCpu& t : ticks) {
        total.push_back(t.total);
        tick.push_back(t.tick);
        repaint.push_back(t.repaint);
    }
    print_row(phase, "tick CPU", total);
    print_row(phase, " in tick", tick);
    print_row(phase, " in repaint", repaint);
    std::vector<TickCpu> slow = ticks;
    std::sort(slow.begin(), slow.end(),
              [](const TickCpu& a, const TickCpu& b) { return a.total > b.total; });
    slow.resize(std::max<std::size_t>(1, slow.size() / 100));
    TickCpu mean;
    for (const TickCpu& t : slow) {
        mean.total += t.total / static_cast<double>(slow.size());
        mean.tick += t.tick / static_cast<double>(slow.size());
        mean.repaint += t.repaint / static_cast<double>(slow.size());
        mean.queued += t.queued / static_cast<double>(slow.size());
    }
    std::printf("%-26s %-14s n=%-5zu all=%7.2f tick=%7.2f repaint=%7.2f queued=%6.2f "
                "rest=%6.2f ms\n",
                phase, "slowest 1%", slow.size(), mean.total, mean.tick, mean.repaint, mean.queued,
                mean.total - mean.tick - mean.repaint - mean.queued);
    if (slow.front().other_ms > 0)
        std::printf("%-26s %-14s event type %d to a %s: %.2f ms\n", phase, " costliest other",
                    slow.front().other_type, slow.front().other_class, slow.front().other_ms);
}

/// The play ticks that fired late: each one's period, how long an event held the loop past
/// the tick's due time (and which), and how late the tick fired once the loop was free.
void print_late_ticks(const char* phase, const std::vector<LateTick>& late) {
    std::size_t held = 0;
    for (const LateTick& t : late)
        held += t.busy_ms >= 1.0 ? 1 : 0;
    std::printf("%-26s %-14s %zu (> %.0f ms after the last): %zu held >= 1 ms by an event, %zu "
                "fired late once the loop was free\n",
                phase, "late ticks", late.size(), kLateTickMs, held, late.size() - held);
    for (const LateTick& t : late) {
        if (t.busy_ms > 0)
            std::printf("%-26s %-14s %.2f ms: held %.2f ms past due by type %d to a %s, fired "
                        "%.2f ms after (the tick before ran %.2f ms, %.2f CPU; waited %.2f ms for "
                        "a core)\n",
                        phase, "", t.period_ms, t.busy_ms, t.type, t.cls, t.woke_ms,
                        t.prev_tick_wall_ms, t.prev_tick_cpu_ms, t.waited_ms);
        else
            std::printf("%-26s %-14s %.2f ms: free at due, fired %.2f ms after (the tick "
                        "before ran %.2f ms; waited %.2f ms for a core)\n",
                        phase, "", t.period_ms, t.woke_ms, t.prev_tick_wall_ms, t.waited_ms);
    }
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
    const double delay0 = thread_run_delay_ms();
    clock.start();
    probe.start();
    if (every_250ms)
        driver.start();
    loop.exec();
    print_row(name, "loop late", late_ms);
    if (!app.interval_ms.empty()) {
        print_row(name, "frame-to-frame", app.interval_ms);
        print_row(name, "tick-to-tick", app.tick_period_ms);
    }
    print_row(name, "paint", app.paint_ms);
    print_row(name, "timer to paint", app.timer_to_paint_ms);
    print_row(name, " CPU", app.timer_to_paint_cpu_ms);
    // Wall figures swing with the machine's load; the GUI thread's CPU time per frame does not.
    const double cpu = thread_cpu_ms() - cpu0;
    const double delayed = thread_run_delay_ms() - delay0;
    print_per_frame(name, "GUI CPU", cpu, app.paint_ms.size());
    // Time the GUI thread was ready to run but had no core (another thread had its core):
    // each such wait delays whatever the thread was about to do, a frame's paint included.
    print_per_frame(name, "waited for CPU", delayed, app.paint_ms.size());
    print_tick_cpu(name, app.ticks);
    if (!app.ticks.empty())
        print_late_ticks(name, app.late_ticks);
    // The one event that held the loop longest: what a "loop late" maximum was spent on.
    std::printf("%-26s %-14s %.2f ms CPU, event type %d to a %s\n", name, "longest event",
                app.longest_ms, app.longest_type, app.longest_class);
}

[[noreturn]] void usage(const std::string& why) {
    std::fprintf(stderr, "waspsnest-loop-latency-bench: %s\n", why.c_str());
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    // Offscreen unless told otherwise (QT_QPA_PLATFORM=xcb: a real window on a display).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
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
    app.longest_ms = 0;
    window.show();
    // The window's first paint (fonts, glyphs, the paint caches, cold) is no part of playing:
    // it runs here, measured apart, instead of inside the first phase.
    const double first_cpu = thread_cpu_now_ms();
    QElapsedTimer exposing;
    exposing.start();
    while (!(window.windowHandle() && window.windowHandle()->isExposed()) &&
           exposing.elapsed() < 10000)
        app.processEvents(QEventLoop::AllEvents, 50);
    app.processEvents();
    std::printf("first paint of the window (cold caches): %.1f ms CPU, the longest event %.1f ms "
                "(type %d to a %s)\n",
                thread_cpu_now_ms() - first_cpu, app.longest_ms, app.longest_type,
                app.longest_class);
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
    if (auto* charts = window.findChild<QDockWidget*>("charts"))
        charts->setVisible(false);
    run_phase(app, "compare, seek (no charts)", seconds, seek_random);

    rusage usage_now{};
    getrusage(RUSAGE_SELF, &usage_now);
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(usage_now.ru_maxrss) / 1024.0);
    return 0;
}

#include "ui/lab/lab_window.h"

#include "ui/lab/lab_charts.h"
#include "ui/lab/lab_colors.h"
#include "ui/lab/lab_results.h"
#include "ui/lab/lab_style.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QStringList>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <string>
#include <thread>

namespace wn::ui {
namespace {

using lab::Strategy;

constexpr int kTickMs = 250;
constexpr int kReaderNice = 10;

} // namespace

LabWindow::LabWindow(QWidget* parent, const Palette& colours)
    : QWidget(parent, Qt::Window), m_colors(colours.lab) {
    setWindowTitle(QStringLiteral("Real threads — Wasp's Nest"));
    QFont f = font();
    f.setPointSizeF(15);
    setFont(f);
    build_ui();
    m_timer = new QTimer(this);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &LabWindow::tick);
    m_end_timer = new QTimer(this);
    m_end_timer->setSingleShot(true);
    connect(m_end_timer, &QTimer::timeout, this, [this] {
        tick(); // the last point, at the end of the run
        finish_current();
        start_next();
    });
    sync_buttons();
    // Roomy on a big screen, never larger than the one it opens on (a projector).
    const QSize room = screen() ? screen()->availableSize() : QSize(1600, 1000);
    resize(QSize(1600, 1000).boundedTo(room).expandedTo(minimumSizeHint()).boundedTo(room));
}

LabWindow::~LabWindow() {
    if (m_engine) {
        m_engine->stop();
    }
}

LabWindow* LabWindow::open(QWidget* parent, const Palette& colours) {
    auto* w = new LabWindow(parent, colours);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    w->raise();
    w->activateWindow();
    return w;
}

void LabWindow::build_ui() {
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(12, 10, 12, 10);
    root->setSpacing(8);

    // Row 1: the strategies, two by two, and Start and Stop; row 2: the settings and Kill.
    // In one row each they would not fit a 1024 px projector.
    auto* row1 = new QHBoxLayout;
    auto* strategies_label = new QLabel(QStringLiteral("Strategies:"));
    row1->addWidget(strategies_label, 0, Qt::AlignTop);
    auto* checks = new QGridLayout;
    checks->setVerticalSpacing(2);
    int cell = 0;
    for (Strategy s : lab::kAllStrategies) {
        auto* cb = new QCheckBox(strategy_text(s));
        cb->setChecked(s != Strategy::wasp_refcount);
        cb->setIcon(QIcon(line_sample(m_colors, s)));
        cb->setIconSize(QSize(48, 16));
        cb->setToolTip(strategy_tooltip(s));
        m_checks[s] = cb;
        checks->addWidget(cb, cell / 2, cell % 2);
        ++cell;
    }
    row1->addLayout(checks);
    row1->addStretch(1);
    root->addLayout(row1);

    auto* row2 = new QHBoxLayout;
    auto add_spin = [&](const QString& text, int lo, int hi, int value, const QString& suffix,
                        const QString& tip) {
        auto* l = new QLabel(text);
        auto* sb = new QSpinBox;
        sb->setRange(lo, hi);
        sb->setValue(value);
        sb->setSuffix(suffix);
        sb->setToolTip(tip);
        l->setToolTip(tip);
        l->setBuddy(sb);
        row2->addWidget(l);
        row2->addWidget(sb);
        row2->addSpacing(6);
        return sb;
    };
    m_readers = add_spin(QStringLiteral("&Reader threads"), lab::kMinReaders, lab::kMaxReaders, 2,
                         QString(),
                         QStringLiteral("Real reader threads, each reading the primary and "
                                        "looking up its member in a loop (Alt+R)"));
    m_seconds = add_spin(QStringLiteral("&Duration"), 1, 600, 10, QStringLiteral(" s each"),
                         QStringLiteral("How long each checked strategy runs (Alt+D)"));
    m_interval = add_spin(QStringLiteral("Re&fresh every"), 1, 30000, 100, QStringLiteral(" ms"),
                          QStringLiteral("The monitor thread's refresh period; each refresh asks "
                                         "every member (1 ms simulated ismaster each) (Alt+F)"));

    m_start = new QPushButton(QStringLiteral("▶ Start"));
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_start->setToolTip(QStringLiteral("Run every checked strategy, one after the other "
                                       "(Ctrl+Enter)"));
    m_stop = new QPushButton(QStringLiteral("■ Stop"));
    m_stop->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stop->setToolTip(QStringLiteral("Stop now and join every thread (Esc)"));
    m_kill = new QPushButton(QStringLiteral("× Kill the primary"));
    m_kill->setShortcut(QKeySequence(Qt::Key_K));
    m_kill->setToolTip(QStringLiteral("The primary server goes down; the monitor publishes a "
                                      "state without a primary, then the next member wins the "
                                      "election (K)"));
    QFont bf = font();
    bf.setBold(true);
    for (QPushButton* b : {m_start, m_stop, m_kill}) {
        b->setFont(bf);
        b->setMinimumHeight(40);
    }
    row1->addWidget(m_start, 0, Qt::AlignTop);
    row1->addWidget(m_stop, 0, Qt::AlignTop);
    row2->addStretch(1);
    row2->addWidget(m_kill);
    root->addLayout(row2);

    connect(m_start, &QPushButton::clicked, this, &LabWindow::start);
    connect(m_stop, &QPushButton::clicked, this, &LabWindow::stop);
    connect(m_kill, &QPushButton::clicked, this, &LabWindow::kill_primary);

    m_status = new QLabel;
    QFont sf = font();
    sf.setPointSizeF(17);
    sf.setBold(true);
    m_status->setFont(sf);
    m_status->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    root->addWidget(m_status);

    // The charts.
    m_charts = new LabCharts(m_colors, this);
    root->addWidget(m_charts, 1);

    m_caption = new QLabel(QStringLiteral(
        "Each strategy runs on real threads: N readers do rsstate.members[rsstate.primary] in a "
        "loop while one monitor thread refreshes from the simulated servers. Press K to kill "
        "the primary."));
    m_caption->setWordWrap(true);
    root->addWidget(m_caption);

    // The results.
    m_table = new LabResults(font(), m_colors, this);
    root->addWidget(m_table);
}

void LabWindow::set_strategies(const std::vector<Strategy>& strategies) {
    for (auto& [s, cb] : m_checks) {
        cb->setChecked(std::find(strategies.begin(), strategies.end(), s) != strategies.end());
    }
}
void LabWindow::set_readers(int readers) {
    m_readers->setValue(readers);
}
void LabWindow::set_seconds_per_strategy(int seconds) {
    m_seconds->setValue(seconds);
}
void LabWindow::set_refresh_interval_ms(int ms) {
    m_interval->setValue(ms);
}
bool LabWindow::is_running() const {
    return m_engine != nullptr;
}

void LabWindow::start() {
    if (m_engine) {
        return;
    }
    m_queue.clear();
    for (Strategy s : lab::kAllStrategies) {
        if (m_checks[s]->isChecked()) {
            m_queue.push_back(s);
        }
    }
    if (m_queue.empty()) {
        m_status->setText(QStringLiteral("Check at least one strategy."));
        return;
    }
    m_charts->clear();
    m_runs.clear();
    m_table->setRowCount(0);
    m_queue_total = static_cast<int>(m_queue.size());
    m_ran.clear();
    m_skipped.clear();
    m_stopped = false;
    m_run_seconds = m_seconds->value();
    m_charts->reset_axes(m_run_seconds);
    start_next();
}

void LabWindow::start_next() {
    if (m_queue.empty()) {
        sync_buttons();
        if (m_queue_total > 0) {
            m_status->setText(summary());
        }
        m_caption->setText(m_stopped ? QStringLiteral("Stopped. Compare what ran in the table; "
                                                      "press Start to run again.")
                                     : QStringLiteral("Done. Compare the strategies in the "
                                                      "table; press Start to run again."));
        emit run_finished();
        return;
    }
    m_current = m_queue.front();
    m_queue.erase(m_queue.begin());
    lab::LabConfig config;
    config.strategy = m_current;
    config.readers = m_readers->value();
    config.interval = std::chrono::milliseconds(m_interval->value());
    // With more readers than cores, keep this window (and the monitor) responsive.
    if (config.readers > static_cast<int>(std::thread::hardware_concurrency())) {
        config.reader_nice = kReaderNice;
    }
    try {
        m_engine = std::make_unique<lab::LabEngine>(config);
        m_engine->start();
    } catch (const std::exception& e) {
        m_engine.reset();
        m_queue.clear();
        m_status->setText(QStringLiteral("Could not start: %1").arg(QString::fromUtf8(e.what())));
        sync_buttons();
        emit run_finished();
        return;
    }
    const Run& run = run_for(m_current);
    m_table->update_row(run.table_row, m_engine->snapshot(), run.writer_max_ms, run.writer_waiting,
                        false);
    m_caption->setText(strategy_tooltip(m_current));
    m_timer->start();
    m_end_timer->start(m_run_seconds * 1000);
    sync_buttons();
    emit strategy_started(QString::fromUtf8(lab::strategy_name(m_current)));
}

void LabWindow::finish_current() {
    m_timer->stop();
    m_end_timer->stop();
    if (!m_engine) {
        return;
    }
    m_engine->stop();
    const lab::Stats s = m_engine->snapshot();
    m_ran.emplace_back(m_current, s.elapsed_s);
    const Run& run = run_for(m_current);
    m_table->update_row(run.table_row, s, run.writer_max_ms, run.writer_waiting, true);
    m_engine.reset();
}

QString LabWindow::summary() const {
    // What actually ran, and for how long: Stop cuts a run short and drops the rest.
    QStringList ran;
    for (const auto& [strategy, seconds] : m_ran) {
        ran << QStringLiteral("%1 %2 s")
                   .arg(QString::fromUtf8(lab::strategy_name(strategy)))
                   .arg(seconds, 0, 'f', 1);
    }
    QStringList skipped;
    for (Strategy strategy : m_skipped) {
        skipped << QString::fromUtf8(lab::strategy_name(strategy));
    }
    QString text = m_stopped ? QStringLiteral("Stopped: ") : QStringLiteral("Done: ");
    text += QStringLiteral("%1 with %2 reader thread(s)")
                .arg(ran.isEmpty() ? QStringLiteral("nothing ran") : ran.join(QStringLiteral(", ")))
                .arg(m_readers->value());
    if (!skipped.isEmpty()) {
        text += QStringLiteral("; %1 did not run").arg(skipped.join(QStringLiteral(", ")));
    }
    return text + QStringLiteral(".");
}

void LabWindow::stop() {
    if (m_engine) {
        m_stopped = true;
        m_skipped = m_queue;
    }
    m_queue.clear();
    if (m_engine) {
        finish_current();
        start_next(); // empty queue: reports the end
    }
}

void LabWindow::kill_primary() {
    if (!m_engine) {
        return;
    }
    const std::string killed = m_engine->kill_primary();
    const double x = m_engine->elapsed_s();
    if (killed.empty()) {
        m_caption->setText(QStringLiteral("There is no primary to kill right now (an election "
                                          "is running or every member is down)."));
        return;
    }
    const QString name = QString::fromStdString(killed).section(QLatin1Char(':'), 0, 0);
    m_caption->setText(
        QStringLiteral("%1 killed at %2 s: the monitor publishes a state without a primary "
                       "(reads fail fast), then the next member wins the election.")
            .arg(name)
            .arg(x, 0, 'f', 1));
    m_charts->add_marker(x, QStringLiteral("× %1 killed").arg(name),
                         strategy_color(m_colors, m_current).darker(m_colors.marker_darker));
}

void LabWindow::tick() {
    if (!m_engine) {
        m_timer->stop();
        return;
    }
    const lab::Stats s = m_engine->snapshot();
    Run& run = run_for(m_current);
    const double x = s.elapsed_s;
    // A sliver of an interval (the final tick right after a regular one) would chart noise.
    const bool chart = s.interval_s >= 0.4 * kTickMs / 1000.0;
    if (chart) {
        m_charts->add_reads(m_current, x, s.reads_per_s / 1e6);
    }
    if (chart && s.latency.samples > 0) {
        m_charts->add_latency(m_current, x, static_cast<double>(s.latency.p50_ns),
                              static_cast<double>(s.latency.p99_ns));
    }
    double writer_ms = 0;
    if (lab::is_rcu(m_current)) {
        if (chart) {
            m_charts->add_pending(m_current, x, static_cast<double>(s.pending_max));
        }
        // The longest grace period in the interval (one still running counts so far); with
        // no publish in the interval, the last one.
        writer_ms = s.grace_ms_max > 0 ? s.grace_ms_max : s.grace_ms_last;
    } else {
        writer_ms = s.writer_wait_ms_max;
        run.writer_waiting = s.writer_waiting;
        if (s.writer_waiting && writer_ms >= 500) {
            m_caption->setText(
                QStringLiteral("The monitor has waited %1 for the write lock: the readers never "
                               "all let go of it, so the client cannot publish what it learnt "
                               "(its state still says %2 is primary).")
                    .arg(ms_text(writer_ms),
                         s.primary.empty() ? QStringLiteral("nobody")
                                           : QString::fromStdString(s.primary).section(':', 0, 0)));
        }
    }
    run.writer_max_ms = std::max(run.writer_max_ms, writer_ms);
    if (chart && (writer_ms > 0 || !lab::is_rcu(m_current))) {
        m_charts->add_writer(m_current, x, writer_ms);
    }
    m_table->update_row(run.table_row, s, run.writer_max_ms, run.writer_waiting, false);
    m_charts->rescale();

    const int index = m_queue_total - static_cast<int>(m_queue.size());
    QString status =
        QStringLiteral("<span style='color:%1'>■</span> %2 (%3 of %4) · %5 s of %6 · %7 reads/s · "
                       "primary %8 · state v%9")
            .arg(strategy_color(m_colors, m_current).name(), strategy_text(m_current))
            .arg(index)
            .arg(m_queue_total)
            .arg(x, 0, 'f', 1)
            .arg(m_run_seconds)
            .arg(rate_text(s.reads_per_s))
            .arg(s.primary.empty() ? QStringLiteral("<b>none</b>")
                                   : QString::fromStdString(s.primary).section(':', 0, 0))
            .arg(s.version);
    m_status->setText(status);
}

LabWindow::Run& LabWindow::run_for(Strategy s) {
    auto it = m_runs.find(s);
    if (it != m_runs.end()) {
        return it->second;
    }
    m_charts->add_strategy(s);
    Run run;
    run.table_row = m_table->add_row(s);
    return m_runs.emplace(s, run).first->second;
}

void LabWindow::sync_buttons() {
    const bool running = m_engine != nullptr;
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_kill->setEnabled(running);
    for (auto& [s, cb] : m_checks) {
        cb->setEnabled(!running);
    }
    m_readers->setEnabled(!running);
    m_seconds->setEnabled(!running);
    m_interval->setEnabled(!running);
    if (!running && m_status->text().isEmpty()) {
        m_status->setText(QStringLiteral("Ready: check strategies, choose reader threads, "
                                         "press Start."));
    }
}

void LabWindow::closeEvent(QCloseEvent* event) {
    m_queue.clear();
    finish_current();
    QWidget::closeEvent(event);
}

} // namespace wn::ui

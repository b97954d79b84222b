#include "ui/lab/lab_window.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCloseEvent>
#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <thread>

namespace wn::ui {
namespace {

using lab::Strategy;

constexpr int kTickMs = 250;
constexpr int kReaderNice = 10;
constexpr double kLatencyFloorNs = 10;
constexpr double kWriterFloorMs = 0.001;

// Okabe-Ito colours (colour-blind safe), and a line style each so colour is never alone.
QColor strategy_colour(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return QColor(0x00, 0x72, 0xB2);
    case Strategy::wasp_refcount:
        return QColor(0x00, 0x9E, 0x73);
    case Strategy::mutex:
        return QColor(0xD5, 0x5E, 0x00);
    case Strategy::rwlock:
        return QColor(0xCC, 0x79, 0xA7);
    }
    return Qt::black;
}

Qt::PenStyle strategy_style(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return Qt::SolidLine;
    case Strategy::wasp_refcount:
        return Qt::DashDotLine;
    case Strategy::mutex:
        return Qt::DashLine;
    case Strategy::rwlock:
        return Qt::DotLine;
    }
    return Qt::SolidLine;
}

QPen strategy_pen(Strategy s, qreal width) {
    QPen pen(strategy_colour(s), width, strategy_style(s));
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QString label(Strategy s) {
    return QString::fromUtf8(lab::strategy_label(s));
}

QString tooltip(Strategy s) {
    switch (s) {
    case Strategy::wasp:
        return QStringLiteral(
            "PyMongo 2.5.1's pattern on an RCU cell with epoch (grace-period) reclamation: "
            "readers copy the reference without any lock; the monitor builds a new state and "
            "swaps it in; old states are freed once no reader can hold them.");
    case Strategy::wasp_refcount:
        return QStringLiteral(
            "The same pattern with reference counting, as CPython does it: the last reader to "
            "let go of a state frees it. Every read writes one shared counter.");
    case Strategy::mutex:
        return QStringLiteral("One mutex around the state: the monitor holds it for the whole "
                              "refresh (every ismaster call), so readers queue.");
    case Strategy::rwlock:
        return QStringLiteral("A reader-writer lock (std::shared_mutex): readers share it, but "
                              "the refresh excludes them all; the monitor may starve.");
    }
    return {};
}

QString format_ns(double ns) {
    if (ns < 1e3) {
        return QStringLiteral("%1 ns").arg(ns, 0, 'f', 0);
    }
    if (ns < 1e6) {
        return QStringLiteral("%1 µs").arg(ns / 1e3, 0, 'g', 3);
    }
    if (ns < 1e9) {
        return QStringLiteral("%1 ms").arg(ns / 1e6, 0, 'g', 3);
    }
    return QStringLiteral("%1 s").arg(ns / 1e9, 0, 'g', 3);
}

QString format_ms(double ms) {
    return format_ns(ms * 1e6);
}

QString format_rate(double per_s) {
    if (per_s >= 1e6) {
        return QStringLiteral("%1 M/s").arg(per_s / 1e6, 0, 'f', 1);
    }
    if (per_s >= 1e3) {
        return QStringLiteral("%1 k/s").arg(per_s / 1e3, 0, 'f', 1);
    }
    return QStringLiteral("%1 /s").arg(per_s, 0, 'f', 0);
}

/// The smallest 1, 2 or 5 times a power of ten that is >= v.
double nice_ceiling(double v) {
    if (v <= 0) {
        return 1;
    }
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= v * (1 - 1e-9)) {
            return m * p;
        }
    }
    return 10 * p;
}

/// A linear axis range [0, top] with 3 to 6 round ticks that holds `v`.
std::pair<double, int> nice_range(double v) {
    const double step = nice_ceiling(std::max(v, 1e-9) / 4);
    const double ticks = std::max(1.0, std::ceil(v / step - 1e-9));
    return {ticks * step, static_cast<int>(ticks) + 1};
}

double decade_ceiling(double v) {
    return std::pow(10.0, std::ceil(std::log10(std::max(v, 1e-12))));
}

/// A short sample of a strategy's line, for the legend row.
QPixmap line_sample(Strategy s) {
    QPixmap pm(64, 20);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(strategy_pen(s, 4));
    p.drawLine(2, 10, 62, 10);
    return pm;
}

enum Column {
    ColStrategy,
    ColThreads,
    ColReads,
    ColLatency,
    ColBlocked,
    ColWriter,
    ColPublishes,
    ColPrimary,
    ColTorn,
    ColCount
};

} // namespace

LabWindow::LabWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
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
    resize(1600, 1000);
}

LabWindow::~LabWindow() {
    if (m_engine) {
        m_engine->stop();
    }
}

LabWindow* LabWindow::open(QWidget* parent) {
    auto* w = new LabWindow(parent);
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
    w->raise();
    w->activateWindow();
    return w;
}

QChartView* LabWindow::make_chart(const QString& title, QAbstractAxis* y, QChart** out) {
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont tf = font();
    tf.setPointSizeF(16);
    tf.setBold(true);
    chart->setTitleFont(tf);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 12, 4));
    chart->setBackgroundRoundness(0);

    QFont lf = font();
    lf.setPointSizeF(13);
    auto* x = new QValueAxis;
    x->setRange(0, 10);
    x->setLabelFormat(QStringLiteral("%.0f s"));
    x->setLabelsFont(lf);
    x->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    y->setLabelsFont(lf);
    chart->addAxis(y, Qt::AlignLeft);

    for (QValueAxis*& slot : m_x) {
        if (slot == nullptr) {
            slot = x;
            break;
        }
    }
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 240);
    *out = chart;
    return view;
}

void LabWindow::build_ui() {
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(12, 10, 12, 10);
    root->setSpacing(8);

    // Row 1: strategies and settings.
    auto* row1 = new QHBoxLayout;
    auto* strategies_label = new QLabel(QStringLiteral("Strategies:"));
    row1->addWidget(strategies_label);
    for (Strategy s : lab::kAllStrategies) {
        auto* cb = new QCheckBox(label(s));
        cb->setChecked(s != Strategy::wasp_refcount);
        cb->setIcon(QIcon(line_sample(s)));
        cb->setIconSize(QSize(48, 16));
        cb->setToolTip(tooltip(s));
        m_checks[s] = cb;
        row1->addWidget(cb);
    }
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
        row2->addSpacing(12);
        return sb;
    };
    m_readers = add_spin(QStringLiteral("&Reader threads"), 1, 64, 2, QString(),
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
        row2->addWidget(b);
    }
    row2->addStretch(1);
    root->addLayout(row2);

    connect(m_start, &QPushButton::clicked, this, &LabWindow::start);
    connect(m_stop, &QPushButton::clicked, this, &LabWindow::stop);
    connect(m_kill, &QPushButton::clicked, this, &LabWindow::killPrimary);

    m_status = new QLabel;
    QFont sf = font();
    sf.setPointSizeF(17);
    sf.setBold(true);
    m_status->setFont(sf);
    m_status->setTextFormat(Qt::RichText);
    root->addWidget(m_status);

    // The charts.
    auto* grid = new QGridLayout;
    grid->setSpacing(6);
    m_reads_y = new QValueAxis;
    m_reads_y->setLabelFormat(QStringLiteral("%.0f M"));
    m_reads_y->setRange(0, 10);
    grid->addWidget(make_chart(QStringLiteral("Reads per second, all reader threads"), m_reads_y,
                               &m_reads_chart),
                    0, 0);
    m_latency_y = new QLogValueAxis;
    m_latency_y->setBase(10);
    m_latency_y->setLabelFormat(QStringLiteral("%g ns"));
    m_latency_y->setRange(kLatencyFloorNs, 1000);
    m_latency_y->setMinorTickCount(-1);
    grid->addWidget(make_chart(QStringLiteral("Read latency: p99 thick, p50 thin"), m_latency_y,
                               &m_latency_chart),
                    0, 1);
    m_pending_y = new QValueAxis;
    m_pending_y->setLabelFormat(QStringLiteral("%d"));
    m_pending_y->setRange(0, 2);
    m_pending_y->setTickCount(3);
    grid->addWidget(make_chart(QStringLiteral("Retired states not yet reclaimed (RCU)"),
                               m_pending_y, &m_pending_chart),
                    1, 0);
    m_writer_y = new QLogValueAxis;
    m_writer_y->setBase(10);
    m_writer_y->setLabelFormat(QStringLiteral("%g ms"));
    m_writer_y->setRange(kWriterFloorMs, 10);
    m_writer_y->setMinorTickCount(-1);
    grid->addWidget(make_chart(QStringLiteral("Grace period (RCU) · monitor's wait for the lock"),
                               m_writer_y, &m_writer_chart),
                    1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    root->addLayout(grid, 1);
    connect(m_reads_chart, &QChart::plotAreaChanged, this, [this] { place_markers(); });

    m_caption = new QLabel(QStringLiteral(
        "Each strategy runs on real threads: N readers do rsstate.members[rsstate.primary] in a "
        "loop while one monitor thread refreshes from the simulated servers. Press K to kill "
        "the primary."));
    m_caption->setWordWrap(true);
    root->addWidget(m_caption);

    // The results.
    m_table = new QTableWidget(0, ColCount);
    m_table->setHorizontalHeaderLabels(
        {QStringLiteral("Strategy"), QStringLiteral("Threads"), QStringLiteral("Reads/s"),
         QStringLiteral("Latency p50 · p99 · p99.9"), QStringLiteral("Readers blocked"),
         QStringLiteral("Writer waited"), QStringLiteral("Publishes"), QStringLiteral("Primary"),
         QStringLiteral("Torn reads")});
    m_table->horizontalHeaderItem(ColBlocked)
        ->setToolTip(QStringLiteral("Share of the readers' time spent waiting for the lock"));
    m_table->horizontalHeaderItem(ColWriter)->setToolTip(
        QStringLiteral("RCU: longest grace period (swap until the old state was "
                       "freed). Locks: longest wait of the monitor for the write "
                       "lock."));
    m_table->horizontalHeaderItem(ColTorn)->setToolTip(
        QStringLiteral("Reads that saw a primary missing from its own state's members (the "
                       "naive client's KeyError). Must be 0."));
    QFont hf = font();
    hf.setBold(true);
    m_table->horizontalHeader()->setFont(hf);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ColStrategy, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ColLatency, QHeaderView::ResizeToContents);
    const int row_h = QFontMetrics(font()).height() + 10;
    m_table->verticalHeader()->setDefaultSectionSize(row_h);
    m_table->setFixedHeight(row_h * 5 + 8);
    root->addWidget(m_table);
}

void LabWindow::setStrategies(const std::vector<Strategy>& strategies) {
    for (auto& [s, cb] : m_checks) {
        cb->setChecked(std::find(strategies.begin(), strategies.end(), s) != strategies.end());
    }
}
void LabWindow::setReaders(int readers) {
    m_readers->setValue(readers);
}
void LabWindow::setSecondsPerStrategy(int seconds) {
    m_seconds->setValue(seconds);
}
void LabWindow::setRefreshIntervalMs(int ms) {
    m_interval->setValue(ms);
}
bool LabWindow::isRunning() const {
    return m_engine != nullptr;
}

void LabWindow::clear_results() {
    for (auto& [s, l] : m_lines) {
        for (QLineSeries* series : {l.reads, l.p50, l.p99, l.pending, l.writer}) {
            if (series != nullptr) {
                series->chart()->removeSeries(series);
                delete series;
            }
        }
    }
    m_lines.clear();
    for (Marker& m : m_markers) {
        m_reads_chart->removeSeries(m.line);
        delete m.line;
        delete m.label;
    }
    m_markers.clear();
    m_table->setRowCount(0);
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
    clear_results();
    m_queue_total = static_cast<int>(m_queue.size());
    m_run_seconds = m_seconds->value();
    for (QValueAxis* x : m_x) {
        x->setRange(0, m_run_seconds);
        x->setTickCount(std::min(m_run_seconds, 10) + 1);
    }
    m_reads_y->setRange(0, 10);
    m_latency_y->setRange(kLatencyFloorNs, 1000);
    m_pending_y->setRange(0, 2);
    m_writer_y->setRange(kWriterFloorMs, 10);
    start_next();
}

void LabWindow::start_next() {
    if (m_queue.empty()) {
        sync_buttons();
        if (m_queue_total > 0) {
            m_status->setText(QStringLiteral("Done: %1 with %2 reader thread(s), %3 s each.")
                                  .arg(m_queue_total == 1
                                           ? QStringLiteral("1 strategy")
                                           : QStringLiteral("%1 strategies").arg(m_queue_total))
                                  .arg(m_readers->value())
                                  .arg(m_run_seconds));
        }
        m_caption->setText(QStringLiteral("Done. Compare the strategies in the table; press "
                                          "Start to run again."));
        emit runFinished();
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
        emit runFinished();
        return;
    }
    Lines& l = lines_for(m_current);
    update_row(l, m_engine->snapshot(), false);
    m_caption->setText(tooltip(m_current));
    m_timer->start();
    m_end_timer->start(m_run_seconds * 1000);
    sync_buttons();
    emit strategyStarted(QString::fromUtf8(lab::strategy_name(m_current)));
}

void LabWindow::finish_current() {
    m_timer->stop();
    m_end_timer->stop();
    if (!m_engine) {
        return;
    }
    m_engine->stop();
    const lab::Stats s = m_engine->snapshot();
    update_row(lines_for(m_current), s, true);
    m_engine.reset();
}

void LabWindow::stop() {
    m_queue.clear();
    if (m_engine) {
        finish_current();
        start_next(); // empty queue: reports the end
    }
}

void LabWindow::killPrimary() {
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
    Marker m{x, QStringLiteral("× %1 killed").arg(name), new QLineSeries, nullptr};
    QPen pen(strategy_colour(m_current).darker(130), 2, Qt::DashLine);
    m.line->setPen(pen);
    m_reads_chart->addSeries(m.line);
    m.line->attachAxis(m_x[0]);
    m.line->attachAxis(m_reads_y);
    m.line->append(x, 0);
    m.line->append(x, m_reads_y->max());
    m.label = new QGraphicsSimpleTextItem(m.text, m_reads_chart);
    QFont f = font();
    f.setPointSizeF(13);
    f.setBold(true);
    m.label->setFont(f);
    m.label->setBrush(strategy_colour(m_current).darker(130));
    m_markers.push_back(m);
    place_markers();
}

void LabWindow::place_markers() {
    // Labels that would overlap an earlier one move down a line.
    std::vector<QRectF> placed;
    for (Marker& m : m_markers) {
        if (m.line->count() == 2) {
            m.line->replace(1, m.x, m_reads_y->max());
        }
        const QPointF top = m_reads_chart->mapToPosition(QPointF(m.x, m_reads_y->max()), m.line);
        QRectF r = m.label->boundingRect();
        r.moveTopLeft(QPointF(top.x() + 4, top.y() + 2));
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF& p : placed) {
                if (p.intersects(r)) {
                    r.moveTop(p.bottom() + 1);
                    moved = true;
                }
            }
        }
        placed.push_back(r);
        m.label->setPos(r.topLeft());
    }
}

LabWindow::Lines& LabWindow::lines_for(Strategy s) {
    auto it = m_lines.find(s);
    if (it != m_lines.end()) {
        return it->second;
    }
    Lines l;
    auto add = [&](QChart* chart, QValueAxis* x, QAbstractAxis* y, const QPen& pen,
                   const QString& name) {
        auto* series = new QLineSeries;
        series->setName(name);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        return series;
    };
    l.reads = add(m_reads_chart, m_x[0], m_reads_y, strategy_pen(s, 4), label(s));
    l.p99 = add(m_latency_chart, m_x[1], m_latency_y, strategy_pen(s, 4), label(s) + " p99");
    l.p50 = add(m_latency_chart, m_x[1], m_latency_y, strategy_pen(s, 2), label(s) + " p50");
    if (lab::is_rcu(s)) {
        l.pending = add(m_pending_chart, m_x[2], m_pending_y, strategy_pen(s, 4), label(s));
    }
    l.writer = add(m_writer_chart, m_x[3], m_writer_y, strategy_pen(s, 4), label(s));
    l.table_row = m_table->rowCount();
    m_table->insertRow(l.table_row);
    for (int c = 0; c < ColCount; ++c) {
        auto* item = new QTableWidgetItem;
        item->setTextAlignment(c == ColStrategy ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                : Qt::Alignment(Qt::AlignCenter));
        m_table->setItem(l.table_row, c, item);
    }
    m_table->item(l.table_row, ColStrategy)->setIcon(QIcon(line_sample(s)));
    m_table->setIconSize(QSize(48, 16));
    return m_lines.emplace(s, l).first->second;
}

void LabWindow::update_row(const Lines& l, const lab::Stats& s, bool final) {
    auto set = [&](int col, const QString& text) {
        m_table->item(l.table_row, col)->setText(text);
    };
    set(ColStrategy, label(s.strategy) + (final ? QString() : QStringLiteral(" (running)")));
    set(ColThreads, QString::number(s.readers));
    const double avg = s.elapsed_s > 0 ? static_cast<double>(s.reads) / s.elapsed_s : 0;
    set(ColReads, format_rate(avg));
    if (s.latency_total.samples > 0) {
        set(ColLatency, QStringLiteral("%1 · %2 · %3")
                            .arg(format_ns(static_cast<double>(s.latency_total.p50_ns)),
                                 format_ns(static_cast<double>(s.latency_total.p99_ns)),
                                 format_ns(static_cast<double>(s.latency_total.p999_ns))));
    }
    if (lab::is_rcu(s.strategy)) {
        set(ColBlocked, QStringLiteral("never"));
        set(ColWriter, l.writer_max_ms > 0
                           ? QStringLiteral("grace %1").arg(format_ms(l.writer_max_ms))
                           : QStringLiteral("—"));
    } else {
        const double blocked =
            s.elapsed_s > 0 ? s.blocked_s_total / (s.elapsed_s * s.readers) * 100 : 0;
        set(ColBlocked, QStringLiteral("%1 %").arg(blocked, 0, 'f', blocked < 10 ? 1 : 0));
        set(ColWriter,
            QStringLiteral("lock %1%2")
                .arg(format_ms(l.writer_max_ms),
                     l.writer_waiting && !final ? QStringLiteral(", waiting") : QString()));
    }
    set(ColPublishes, QString::number(s.publishes));
    set(ColPrimary, s.primary.empty() ? QStringLiteral("none")
                                      : QString::fromStdString(s.primary).section(':', 0, 0));
    set(ColTorn, QString::number(s.reads_inconsistent));
    m_table->item(l.table_row, ColTorn)
        ->setForeground(s.reads_inconsistent == 0 ? QColor(0x00, 0x6B, 0x3C) : QColor(Qt::red));
}

void LabWindow::tick() {
    if (!m_engine) {
        m_timer->stop();
        return;
    }
    const lab::Stats s = m_engine->snapshot();
    Lines& l = lines_for(m_current);
    const double x = s.elapsed_s;
    // A sliver of an interval (the final tick right after a regular one) would chart noise.
    const bool chart = s.interval_s >= 0.4 * kTickMs / 1000.0;
    if (chart) {
        l.reads->append(x, s.reads_per_s / 1e6);
    }
    if (chart && s.latency.samples > 0) {
        l.p50->append(x, std::max(kLatencyFloorNs, static_cast<double>(s.latency.p50_ns)));
        l.p99->append(x, std::max(kLatencyFloorNs, static_cast<double>(s.latency.p99_ns)));
    }
    double writer_ms = 0;
    if (lab::is_rcu(m_current)) {
        if (chart) {
            l.pending->append(x, static_cast<double>(s.pending_max));
        }
        l.pending_max = std::max(l.pending_max, s.pending_max);
        // The longest grace period in the interval (one still running counts so far); with
        // no publish in the interval, the last one.
        writer_ms = s.grace_ms_max > 0 ? s.grace_ms_max : s.grace_ms_last;
    } else {
        writer_ms = s.writer_wait_ms_max;
        l.writer_waiting = s.writer_waiting;
        if (s.writer_waiting && writer_ms >= 500) {
            m_caption->setText(
                QStringLiteral("The monitor has waited %1 for the write lock: the readers never "
                               "all let go of it, so the client cannot publish what it learnt "
                               "(its state still says %2 is primary).")
                    .arg(format_ms(writer_ms),
                         s.primary.empty() ? QStringLiteral("nobody")
                                           : QString::fromStdString(s.primary).section(':', 0, 0)));
        }
    }
    l.writer_max_ms = std::max(l.writer_max_ms, writer_ms);
    if (chart && (writer_ms > 0 || !lab::is_rcu(m_current))) {
        l.writer->append(x, std::max(kWriterFloorMs, writer_ms));
    }
    update_row(l, s, false);
    rescale();

    const int index = m_queue_total - static_cast<int>(m_queue.size());
    QString status =
        QStringLiteral("<span style='color:%1'>■</span> %2 (%3 of %4) · %5 s of %6 · %7 reads/s · "
                       "primary %8 · state v%9")
            .arg(strategy_colour(m_current).name(), label(m_current))
            .arg(index)
            .arg(m_queue_total)
            .arg(x, 0, 'f', 1)
            .arg(m_run_seconds)
            .arg(format_rate(s.reads_per_s))
            .arg(s.primary.empty() ? QStringLiteral("<b>none</b>")
                                   : QString::fromStdString(s.primary).section(':', 0, 0))
            .arg(s.version);
    m_status->setText(status);
}

void LabWindow::rescale() {
    double reads_max = 0;
    double latency_max = 0;
    double pending_max = 0;
    double writer_max = 0;
    for (const auto& [s, l] : m_lines) {
        for (const QPointF& p : l.reads->points()) {
            reads_max = std::max(reads_max, p.y());
        }
        for (const QPointF& p : l.p99->points()) {
            latency_max = std::max(latency_max, p.y());
        }
        if (l.pending != nullptr) {
            for (const QPointF& p : l.pending->points()) {
                pending_max = std::max(pending_max, p.y());
            }
        }
        for (const QPointF& p : l.writer->points()) {
            writer_max = std::max(writer_max, p.y());
        }
    }
    const auto [reads_top, reads_ticks] = nice_range(std::max(1.0, reads_max * 1.05));
    m_reads_y->setRange(0, reads_top);
    m_reads_y->setTickCount(reads_ticks);
    m_reads_y->setLabelFormat(reads_top / (reads_ticks - 1) < 1 ? QStringLiteral("%.1f M")
                                                                : QStringLiteral("%.0f M"));
    m_latency_y->setRange(kLatencyFloorNs, decade_ceiling(std::max(1000.0, latency_max * 1.5)));
    const double pending_top = std::max(2.0, std::ceil(pending_max) + 1);
    m_pending_y->setRange(0, pending_top);
    m_pending_y->setTickCount(static_cast<int>(std::min(pending_top, 10.0)) + 1);
    m_writer_y->setRange(kWriterFloorMs, decade_ceiling(std::max(1.0, writer_max * 1.5)));
    place_markers();
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

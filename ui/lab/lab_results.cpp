#include "ui/lab/lab_results.h"

#include "ui/lab/lab_colors.h"
#include "ui/lab/lab_style.h"

#include <QHeaderView>

namespace wn::ui {

namespace {

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

LabResults::LabResults(const QFont& window_font, const LabColors& colors, QWidget* parent)
    : QTableWidget(0, ColCount, parent), m_colors(colors) {
    // A little smaller than the window's text: nine columns share 1024 px on a projector.
    QFont base = window_font;
    base.setPointSizeF(window_font.pointSizeF() * 0.87);
    setFont(base);
    // Two-line headers: one line each would not fit nine columns in 1024 px.
    setHorizontalHeaderLabels(
        {QStringLiteral("Strategy"), QStringLiteral("Threads"), QStringLiteral("Reads/s"),
         QStringLiteral("Latency\np50 · p99 · p99.9"), QStringLiteral("Readers\nblocked"),
         QStringLiteral("Writer\nwaited"), QStringLiteral("Publishes"), QStringLiteral("Primary"),
         QStringLiteral("Torn\nreads")});
    horizontalHeaderItem(ColBlocked)
        ->setToolTip(QStringLiteral("Share of the readers' time spent waiting for the lock"));
    horizontalHeaderItem(ColWriter)->setToolTip(
        QStringLiteral("RCU: longest grace period (swap until the old state was "
                       "freed). Locks: longest wait of the monitor for the write "
                       "lock."));
    horizontalHeaderItem(ColTorn)->setToolTip(
        QStringLiteral("Reads that saw a primary missing from its own state's members (the "
                       "naive client's KeyError). Must be 0."));
    QFont hf = base;
    hf.setBold(true);
    horizontalHeader()->setFont(hf);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(ColStrategy, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(ColLatency, QHeaderView::ResizeToContents);
    const int row_h = QFontMetrics(base).height() + 10;
    verticalHeader()->setDefaultSectionSize(row_h);
    setFixedHeight(row_h * 5 + 8);
}

int LabResults::add_row(lab::Strategy s) {
    const int row = rowCount();
    insertRow(row);
    for (int c = 0; c < ColCount; ++c) {
        auto* item = new QTableWidgetItem;
        item->setTextAlignment(c == ColStrategy ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                : Qt::Alignment(Qt::AlignCenter));
        setItem(row, c, item);
    }
    item(row, ColStrategy)->setIcon(QIcon(line_sample(m_colors, s)));
    setIconSize(QSize(48, 16));
    return row;
}

void LabResults::update_row(int row, const lab::Stats& s, double writer_max_ms, bool writer_waiting,
                            bool final) {
    auto set = [&](int col, const QString& text) {
        item(row, col)->setText(text);
    };
    set(ColStrategy,
        strategy_text(s.strategy) + (final ? QString() : QStringLiteral(" (running)")));
    set(ColThreads, QString::number(s.readers));
    const double avg = s.elapsed_s > 0 ? static_cast<double>(s.reads) / s.elapsed_s : 0;
    set(ColReads, rate_text(avg));
    if (s.latency_total.samples > 0) {
        set(ColLatency, QStringLiteral("%1 · %2 · %3")
                            .arg(ns_text(static_cast<double>(s.latency_total.p50_ns)),
                                 ns_text(static_cast<double>(s.latency_total.p99_ns)),
                                 ns_text(static_cast<double>(s.latency_total.p999_ns))));
    }
    if (s.strategy == lab::Strategy::naive_in_place) {
        set(ColBlocked, QStringLiteral("never"));
        set(ColWriter, QStringLiteral("no lock")); // it writes in place, under the readers
    } else if (lab::is_rcu(s.strategy)) {
        set(ColBlocked, QStringLiteral("never"));
        set(ColWriter, writer_max_ms > 0 ? QStringLiteral("grace %1").arg(ms_text(writer_max_ms))
                                         : QStringLiteral("—"));
    } else {
        const double blocked =
            s.elapsed_s > 0 ? s.blocked_s_total / (s.elapsed_s * s.readers) * 100 : 0;
        set(ColBlocked, QStringLiteral("%1 %").arg(blocked, 0, 'f', blocked < 10 ? 1 : 0));
        set(ColWriter,
            QStringLiteral("lock %1%2")
                .arg(ms_text(writer_max_ms),
                     writer_waiting && !final ? QStringLiteral(", waiting") : QString()));
    }
    set(ColPublishes, QString::number(s.publishes));
    set(ColPrimary, s.primary.empty() ? QStringLiteral("none")
                                      : QString::fromStdString(s.primary).section(':', 0, 0));
    set(ColTorn, QString::number(s.reads_inconsistent));
    item(row, ColTorn)
        ->setForeground(s.reads_inconsistent == 0 ? m_colors.torn_none : m_colors.torn_some);
}

} // namespace wn::ui

#include "ui/lab/lab_charts.h"

#include "ui/lab/lab_format.h"
#include "ui/lab/lab_style.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace wn::ui {

namespace {

constexpr double kLatencyFloorNs = 10;
constexpr double kWriterFloorMs = 0.001;

} // namespace

LabCharts::LabCharts(const LabColors& colors, QWidget* parent) : QWidget(parent), m_colors(colors) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    m_reads_y = new QValueAxis;
    m_reads_y->setLabelFormat(QStringLiteral("%.0f M"));
    m_reads_y->setRange(0, 10);
    m_reads_y->setTickCount(3); // a chart 150 px tall has room for three labels, not five
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
    grid->addWidget(make_chart(QStringLiteral("Grace period (RCU) · monitor's lock wait"),
                               m_writer_y, &m_writer_chart),
                    1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    connect(m_reads_chart, &QChart::plotAreaChanged, this, [this] { place_markers(); });
}

QChartView* LabCharts::make_chart(const QString& title, QAbstractAxis* y, QChart** out) {
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont tf = font();
    tf.setPointSizeF(14); // the longest title fits half of a 1024 px window
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
    // Two rows of charts, the controls and the table fit a 1280x720 projector.
    view->setMinimumSize(280, 150);
    *out = chart;
    return view;
}

void LabCharts::clear() {
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
}

void LabCharts::reset_axes(int run_seconds) {
    for (QValueAxis* x : m_x) {
        x->setRange(0, run_seconds);
        x->setTickCount(std::min(run_seconds, 10) + 1);
    }
    m_reads_y->setRange(0, 10);
    m_latency_y->setRange(kLatencyFloorNs, 1000);
    m_pending_y->setRange(0, 2);
    m_writer_y->setRange(kWriterFloorMs, 10);
}

void LabCharts::add_strategy(lab::Strategy s) {
    if (m_lines.count(s) != 0) {
        return;
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
    const QString label = strategy_text(s);
    l.reads = add(m_reads_chart, m_x[0], m_reads_y, strategy_pen(m_colors, s, 4), label);
    l.p99 = add(m_latency_chart, m_x[1], m_latency_y, strategy_pen(m_colors, s, 4), label + " p99");
    l.p50 = add(m_latency_chart, m_x[1], m_latency_y, strategy_pen(m_colors, s, 2), label + " p50");
    if (lab::is_rcu(s)) {
        l.pending = add(m_pending_chart, m_x[2], m_pending_y, strategy_pen(m_colors, s, 4), label);
    }
    l.writer = add(m_writer_chart, m_x[3], m_writer_y, strategy_pen(m_colors, s, 4), label);
    m_lines.emplace(s, l);
}

void LabCharts::add_reads(lab::Strategy s, double x, double millions_per_s) {
    m_lines.at(s).reads->append(x, millions_per_s);
}

void LabCharts::add_latency(lab::Strategy s, double x, double p50_ns, double p99_ns) {
    const Lines& l = m_lines.at(s);
    l.p50->append(x, std::max(kLatencyFloorNs, p50_ns));
    l.p99->append(x, std::max(kLatencyFloorNs, p99_ns));
}

void LabCharts::add_pending(lab::Strategy s, double x, double pending) {
    if (QLineSeries* series = m_lines.at(s).pending) {
        series->append(x, pending);
    }
}

void LabCharts::add_writer(lab::Strategy s, double x, double ms) {
    m_lines.at(s).writer->append(x, std::max(kWriterFloorMs, ms));
}

void LabCharts::add_marker(double x, const QString& text, const QColor& colour) {
    Marker m{x, text, new QLineSeries, nullptr};
    QPen pen(colour, 2, Qt::DashLine);
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
    m.label->setBrush(colour);
    m_markers.push_back(m);
    place_markers();
}

void LabCharts::place_markers() {
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

void LabCharts::rescale() {
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

} // namespace wn::ui

#pragma once

// The lab window's four live charts (reads per second, read latency, retired states not yet
// reclaimed, grace period or the monitor's wait for the lock), one line per strategy run, and
// the "× db1 killed" markers on the reads chart.

#include "lab/strategy.h"
#include "ui/palette.h"

#include <QString>
#include <QWidget>

#include <map>
#include <vector>

class QAbstractAxis;
class QChart;
class QChartView;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace wn::ui {

class LabCharts : public QWidget {
public:
    explicit LabCharts(const LabColors& colors, QWidget* parent = nullptr);

    /// Removes every line and marker.
    void clear();
    /// Sets the time axes to a run of `run_seconds` and the value axes to their defaults.
    void reset_axes(int run_seconds);
    /// Creates the lines of `s` (once; later calls do nothing).
    void add_strategy(lab::Strategy s);

    // Points of the strategy's lines, added by add_strategy(); `x` in seconds since its start.
    void add_reads(lab::Strategy s, double x, double millions_per_s);
    void add_latency(lab::Strategy s, double x, double p50_ns, double p99_ns);
    /// RCU strategies only.
    void add_pending(lab::Strategy s, double x, double pending);
    void add_writer(lab::Strategy s, double x, double ms);

    /// A dashed vertical line and a label at `x` on the reads chart, in `colour`.
    void add_marker(double x, const QString& text, const QColor& colour);
    /// Fits the value axes to the lines drawn so far.
    void rescale();

private:
    LabColors m_colors;
    struct Lines {
        QLineSeries* reads = nullptr;
        QLineSeries* p50 = nullptr;
        QLineSeries* p99 = nullptr;
        QLineSeries* pending = nullptr;
        QLineSeries* writer = nullptr; // grace period (RCU) or wait for the write lock (locks)
    };
    struct Marker {
        double x;
        QString text;
        QLineSeries* line;
        QGraphicsSimpleTextItem* label;
    };

    QChartView* make_chart(const QString& title, QAbstractAxis* y, QChart** chart);
    void place_markers();

    QChart* m_reads_chart = nullptr;
    QChart* m_latency_chart = nullptr;
    QChart* m_pending_chart = nullptr;
    QChart* m_writer_chart = nullptr;
    QValueAxis* m_x[4] = {};
    QValueAxis* m_reads_y = nullptr;
    QLogValueAxis* m_latency_y = nullptr;
    QValueAxis* m_pending_y = nullptr;
    QLogValueAxis* m_writer_y = nullptr;
    std::map<lab::Strategy, Lines> m_lines;
    std::vector<Marker> m_markers;
};

} // namespace wn::ui

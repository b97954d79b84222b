#pragma once

#include "ui/palette.h"

#include <QTimer>
#include <QWidget>
#include <vector>

class QChart;
class QLabel;
class QScrollArea;
class QResizeEvent;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace wn {
class SeriesBuilder;
class Trace;
} // namespace wn

namespace wn::ui {

class SimController;

/// Live Qt Charts that follow the playhead: the connection storm, refreshes in flight,
/// throughput, errors, waiting, live RSState versions and pings. In a comparison each chart
/// overlays the strategies, one colour and line style each.
class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(SimController& controller, QWidget* parent = nullptr);
    ~ChartsPanel() override;

    /// Folds new events into the series and redraws every chart.
    void refresh();
    /// While playing, once a frame: folds the events since the last call and redraws the
    /// next chart in turn every kFramesPerChart calls, so that the seven charts' redraws are
    /// spread over the frames (each chart every 14 frames, about 220 ms) instead of all
    /// landing on one.
    void refresh_next();
    static constexpr int kFramesPerChart = 2;
    /// Paused, after a seek, a step or a click: folds the new events now and redraws the
    /// charts one per turn of the event loop, each painted before the next is redrawn. All
    /// seven at once, with their repaints, held a comparison's window 60-130 ms per seek.
    void refresh_in_turn();
    /// Every pane's events are folded and no chart is still waiting for its turn.
    bool settled() const { return m_waiting == 0 && m_folded; }
    /// How many events one fold reads per pane: 2-4 ms. A seek adopts runs whose whole
    /// kept trace (millions of events at 1000 threads) is new to the charts; read at once,
    /// it held the window 35-50 ms.
    static constexpr std::size_t kFoldChunk = 400000;
    /// How many times chart `chart` has been redrawn (for tests of the spread).
    int redraws(int chart) const;
    int line_count(int chart) const;
    /// The plotted points of chart `chart`, line `line` (for tests).
    std::vector<QPointF> points(int chart, int line) const;
    int chart_count() const { return static_cast<int>(m_charts.size()); }
    QString chart_title(int chart) const;
    /// Where a chart sits on the sheet the panel scrolls (for tests of the arrangement).
    QRect chart_geometry(int chart) const;
    /// The part of the sheet the panel shows now (same coordinates as chart_geometry).
    QRect visible_sheet() const;
    /// The scrolled view of the charts (for tests).
    QScrollArea& scroll_area() const { return *m_scroll; }
    /// The legend's label (for tests of its font).
    QLabel& legend() const { return *m_legend; }
    /// Chart `chart`'s view (for tests of its title and axes).
    QChartView* chart_view(int chart) const;
    /// The x axis' tick labels as drawn ("0 s", "5 s", ...), from its range and format.
    QStringList x_tick_labels(int chart) const;
    /// The legend above the charts, as plain text.
    QString legend_text() const;
    /// Redraws every chart in `colours`.
    void set_palette(const Palette& colours);
    /// Shows chart `chart` alone, as large as the panel (a tour step about it); -1: all.
    void set_solo(int chart);
    int solo() const { return m_solo; }

private:
    /// `px` at the palette's font scale, and from 1.5 up never under min_text_px.
    int scaled_px(int px) const;
    /// The smallest a chart can be with its title, ticks and plot readable.
    QSize chart_min_size() const;
    struct Chart;
    void rebuild();
    /// The legend of the lines shown: every chart's, or a chart's alone.
    void update_legend();
    /// Puts the charts in one row when the panel is short or wide enough, else in rows of
    /// four, and fits the titles to the charts' width. Charts that cannot all be shown at a
    /// readable size scroll, by whole charts.
    void arrange();
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    /// The x range [x0, x1] with ticks whose labels are all distinct.
    void set_x_range(QValueAxis& axis, double x0, double x1);
    /// Reads each pane's events since the last fold (all again after a new run), at most
    /// kFoldChunk each; true when every pane is read to its newest event.
    bool fold();
    /// fold() until every pane is read.
    void fold_all();
    /// Plots chart `c`'s lines up to the playhead.
    void redraw(Chart& c);
    /// Redraws the next chart waiting its turn (refresh_in_turn()); false when none waits.
    bool redraw_waiting();

    SimController& m_controller;
    std::vector<std::unique_ptr<SeriesBuilder>> m_builders; // one per pane
    std::vector<const Trace*> m_traces;
    std::vector<std::unique_ptr<Chart>> m_charts;
    int m_panes = 0;
    int m_columns = 0;
    int m_max_x_ticks = 5;
    int m_solo = -1;
    int m_frames = 0;           // refresh_next() calls since the last redraw of a chart
    std::size_t m_next = 0;     // the chart refresh_next() redraws next
    std::size_t m_waiting = 0;  // the last charts refresh_in_turn() has yet to redraw
    bool m_folded = true;       // the last fold() read every pane to its newest event
    QTimer* m_turn = nullptr;   // one chart's redraw per turn of the event loop
    QLabel* m_legend = nullptr; // one legend for all the charts
    QScrollArea* m_scroll = nullptr;
    QWidget* m_sheet = nullptr; // the charts' grid, inside m_scroll
    Palette m_palette = ui::palette();
};

} // namespace wn::ui

#pragma once

// "Real threads": the live lab of issue 5. Runs the chosen strategies one after the other on
// real threads (core/lab/lab_engine.h) and charts them live, four times a second, in fonts
// readable from the back of a room. Open it with `(new wn::ui::LabWindow)->show()` (it deletes
// itself on close) or LabWindow::open(parent).

#include "lab/lab_engine.h"

#include <QElapsedTimer>
#include <QString>
#include <QWidget>

#include <map>
#include <memory>
#include <vector>

class QAbstractAxis;
class QChart;
class QChartView;
class QCheckBox;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
class QValueAxis;

namespace wn::ui {

class LabWindow : public QWidget {
    Q_OBJECT
public:
    explicit LabWindow(QWidget* parent = nullptr);
    ~LabWindow() override;

    /// Opens a new lab window (a top-level window that deletes itself on close) and returns it.
    static LabWindow* open(QWidget* parent = nullptr);

    // Scripting (the screenshot tool and tests); each matches a control.
    void setStrategies(const std::vector<lab::Strategy>& strategies);
    void setReaders(int readers);
    void setSecondsPerStrategy(int seconds);
    void setRefreshIntervalMs(int ms);
    bool isRunning() const;

public slots:
    /// Runs every checked strategy for the chosen duration, one after the other.
    void start();
    /// Stops the current strategy and drops the rest of the queue.
    void stop();
    /// Kills the primary in the running strategy's servers (no-op when nothing runs).
    void killPrimary();

signals:
    /// A strategy's run has begun (`name` is lab::strategy_name()).
    void strategyStarted(const QString& name);
    /// The last queued strategy has finished (or stop() was called).
    void runFinished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct Lines {
        QLineSeries* reads = nullptr;
        QLineSeries* p50 = nullptr;
        QLineSeries* p99 = nullptr;
        QLineSeries* pending = nullptr;
        QLineSeries* writer = nullptr; // grace period (RCU) or wait for the write lock (locks)
        int table_row = -1;
        double writer_max_ms = 0;
        bool writer_waiting = false; // the monitor is still waiting for the write lock
        std::uint64_t pending_max = 0;
    };
    struct Marker {
        double x;
        QString text;
        QLineSeries* line;
        QGraphicsSimpleTextItem* label;
    };

    void build_ui();
    QChartView* make_chart(const QString& title, QAbstractAxis* y, QChart** chart);
    void start_next();
    void finish_current();
    void tick();
    void sync_buttons();
    Lines& lines_for(lab::Strategy s);
    void update_row(const Lines& lines, const lab::Stats& s, bool final);
    void rescale();
    void place_markers();
    void clear_results();

    // Controls.
    std::map<lab::Strategy, QCheckBox*> m_checks;
    QSpinBox* m_readers = nullptr;
    QSpinBox* m_seconds = nullptr;
    QSpinBox* m_interval = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_kill = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_caption = nullptr;
    QTableWidget* m_table = nullptr;

    // Charts.
    QChart* m_reads_chart = nullptr;
    QChart* m_latency_chart = nullptr;
    QChart* m_pending_chart = nullptr;
    QChart* m_writer_chart = nullptr;
    QValueAxis* m_x[4] = {};
    QValueAxis* m_reads_y = nullptr;
    QLogValueAxis* m_latency_y = nullptr;
    QValueAxis* m_pending_y = nullptr;
    QLogValueAxis* m_writer_y = nullptr;

    // The run.
    std::vector<lab::Strategy> m_queue;
    int m_queue_total = 0;
    std::unique_ptr<lab::LabEngine> m_engine;
    lab::Strategy m_current = lab::Strategy::wasp;
    int m_run_seconds = 10;
    std::map<lab::Strategy, Lines> m_lines;
    std::vector<Marker> m_markers;
    QTimer* m_timer = nullptr;     // charts, every 250 ms
    QTimer* m_end_timer = nullptr; // the end of the current strategy's run
};

} // namespace wn::ui

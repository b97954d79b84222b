#pragma once

// "Real threads": the live lab. Runs the chosen strategies one after the other on real
// threads (core/lab/lab_engine.h) and charts them live (lab_charts.h), four times a second, in
// fonts readable from the back of a room, with a results table (lab_results.h). Open it with
// LabWindow::open(parent) (a top-level window that deletes itself on close).

#include "lab/lab_engine.h"
#include "ui/palette.h"

#include <QElapsedTimer>
#include <QString>
#include <QWidget>

#include <map>
#include <memory>
#include <utility>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;

namespace wn::ui {

class LabCharts;
class LabResults;

class LabWindow : public QWidget {
    Q_OBJECT
public:
    /// `colours`: the application's palette; the window takes its lab part.
    explicit LabWindow(QWidget* parent = nullptr, const Palette& colours = ui::palette());
    ~LabWindow() override;

    /// Opens a new lab window (a top-level window that deletes itself on close) and returns it.
    static LabWindow* open(QWidget* parent = nullptr, const Palette& colours = ui::palette());

    // Scripting (the screenshot tool and tests); each matches a control.
    void set_strategies(const std::vector<lab::Strategy>& strategies);
    void set_readers(int readers);
    void set_seconds_per_strategy(int seconds);
    void set_refresh_interval_ms(int ms);
    bool is_running() const;

public slots:
    /// Runs every checked strategy for the chosen duration, one after the other.
    void start();
    /// Stops the current strategy and drops the rest of the queue.
    void stop();
    /// Kills the primary in the running strategy's servers (no-op when nothing runs).
    void kill_primary();

signals:
    /// A strategy's run has begun (`name` is lab::strategy_name()).
    void strategy_started(const QString& name);
    /// The last queued strategy has finished (or stop() was called).
    void run_finished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    /// One strategy's run, as far as the window keeps it.
    struct Run {
        int table_row = -1;
        double writer_max_ms = 0;
        bool writer_waiting = false; // the monitor is still waiting for the write lock
    };

    void build_ui();
    void start_next();
    void finish_current();
    void tick();
    void sync_buttons();
    /// The status line at the end: what ran, for how long, what Stop left out.
    QString summary() const;
    Run& run_for(lab::Strategy s);

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
    LabColors m_colors;
    LabCharts* m_charts = nullptr;
    LabResults* m_table = nullptr;

    // The run.
    std::vector<lab::Strategy> m_queue;
    int m_queue_total = 0;
    std::vector<std::pair<lab::Strategy, double>> m_ran; // in order, with seconds run
    std::vector<lab::Strategy> m_skipped;                // dropped by Stop
    bool m_stopped = false;
    std::unique_ptr<lab::LabEngine> m_engine;
    lab::Strategy m_current = lab::Strategy::wasp;
    int m_run_seconds = 10;
    std::map<lab::Strategy, Run> m_runs;
    QTimer* m_timer = nullptr;     // charts, every 250 ms
    QTimer* m_end_timer = nullptr; // the end of the current strategy's run
};

} // namespace wn::ui

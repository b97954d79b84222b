#pragma once

// The lab window's results table: one row per strategy run, updated live and once more when
// the run ends.

#include "lab/lab_engine.h"

#include "ui/palette.h"

#include <QTableWidget>

namespace wn::ui {

class LabResults : public QTableWidget {
public:
    /// `window_font`: the window's font; the table uses it a little smaller, the header
    /// bold.
    explicit LabResults(const QFont& window_font, const LabColors& colors,
                        QWidget* parent = nullptr);

    /// Appends an empty row for a run of `s` and returns its index.
    int add_row(lab::Strategy s);
    /// Fills `row` from `s`. `writer_max_ms`: the longest grace period (RCU) or wait for the
    /// write lock (locks) charted so far; `writer_waiting`: the monitor still waits for it.
    /// `final`: the run has ended.
    void update_row(int row, const lab::Stats& s, double writer_max_ms, bool writer_waiting,
                    bool final);

private:
    LabColors m_colors;
};

} // namespace wn::ui

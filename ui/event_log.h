#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace wn {
class Simulation;
}

namespace wn::ui {

/// The latest events of the run, filterable by kind and by actor ("T3", "monitor").
class EventLog : public QWidget {
    Q_OBJECT
public:
    explicit EventLog(QWidget* parent = nullptr);

    /// Shows the newest matching events of `sim` (at most a few hundred).
    void show_events(const Simulation& sim);

signals:
    void filter_changed();

protected:
    /// Larger text (presenter mode) widens the columns to fit it.
    void changeEvent(QEvent* event) override;

private:
    QComboBox* m_kind;
    QLineEdit* m_actor;
    QTableWidget* m_table = nullptr;
};

} // namespace wn::ui

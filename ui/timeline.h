#pragma once

#include "ui/layout.h"
#include "ui/palette.h"

#include <QWidget>
#include <optional>
#include <utility>

namespace wn::ui {

class SimController;

/// The timeline's height under a window `window_height` lines high at text size
/// `font_scale`: 72 px at 720 lines, more on a bigger screen, times the text size, and
/// tall enough that its labels are not under the scene's smallest text (min_text_px).
int timeline_height(int window_height, double font_scale);

/// The scrubber under the view: the whole run, its markers and the playhead. Dragging shows
/// that exact moment; clicking near a marker jumps to it.
class Timeline : public QWidget {
    Q_OBJECT
public:
    explicit Timeline(SimController& controller, QWidget* parent = nullptr);
    QSize sizeHint() const override { return {800, 72}; }

    /// The time axis for the current width (plain maths, shared with the tests).
    TimeAxis axis() const;
    /// The marker within kSnapPixels of `x`, if any; its time in seconds, else -1. With
    /// `y` on a row, only that row's markers: a click elsewhere goes where it points.
    double marker_near(double x, double y = -1) const;
    /// The marker row (a Marker::Kind) under `y`, or -1 (the axis, the margins).
    int row_at(double y) const;
    static constexpr double kSnapPixels = 3;
    void set_palette(const Palette& colours);
    /// The range chosen by shift-dragging (from, to in seconds), e.g. what to record.
    std::optional<std::pair<double, double>> selection() const { return m_selection; }
    void clear_selection();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void seek_to_x(double x, double snap_y);

    /// Shift-drag: a range of time, not a seek.
    void select_to_x(double x);

    SimController& m_controller;
    bool m_selecting = false;
    double m_select_from = 0;
    std::optional<std::pair<double, double>> m_selection;
    bool m_dragging = false;
    double m_press_x = 0;
    qint64 m_last_seek_ms = 0;
    Palette m_palette = ui::palette();
};

} // namespace wn::ui

#include "ui/timeline.h"

#include "ui/controller.h"
#include "ui/palette.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace wn::ui {
namespace {

// One row per Marker::Kind, in its order; the colours are the palette's timeline_rows.
const char* const kRowLabels[] = {"faults", "elections", "publishes", "reclaims", "errors"};

constexpr double kLabelWidth = 90;

} // namespace

Timeline::Timeline(SimController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setMinimumHeight(72);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip("Drag to any moment of the run; click a marker to jump to it (Left/Right step); "
               "shift-drag to select a range to record");
    connect(&controller, &SimController::changed, this, qOverload<>(&Timeline::update));
}

void Timeline::set_palette(const Palette& colours) {
    m_palette = colours;
    update();
}

TimeAxis Timeline::axis() const {
    TimeAxis a;
    a.t0 = 0;
    a.t1 = std::max(m_controller.duration(), 1e-3);
    a.x0 = kLabelWidth * m_palette.font_scale;
    a.x1 = std::max(a.x0 + 1, width() - 8.0);
    return a;
}

namespace {

double axis_height(int height) {
    return std::max(13.0, height * 0.18);
}

double row_height(int height) {
    return (height - axis_height(height) - 3) / 5;
}

int row_label_px(int height) {
    return static_cast<int>(std::max(8.0, row_height(height) * 0.85));
}

int axis_label_px(int height) {
    return static_cast<int>(std::lround(axis_height(height) * 0.85));
}

} // namespace

int timeline_height(int window_height, double font_scale) {
    int h = static_cast<int>(std::clamp(window_height / 10.0, 72.0, 120.0) * font_scale);
    const double smallest = min_text_px(font_scale);
    while (std::min(row_label_px(h), axis_label_px(h)) < smallest)
        ++h;
    return h;
}

int Timeline::row_at(double y) const {
    const double r = std::floor((y - 2) / row_height(height()));
    return r >= 0 && r < 5 ? static_cast<int>(r) : -1;
}

double Timeline::marker_near(double x, double y) const {
    const TimeAxis a = axis();
    const int row = y < 0 ? -1 : row_at(y);
    if (y >= 0 && row < 0)
        return -1;
    // Faults and elections are the landmarks; errors only when none is in reach. Publishes
    // and reclaims are too dense to aim at. Only a few pixels snap, so that every moment
    // between markers stays reachable by a click.
    for (const bool landmarks : {true, false}) {
        double best = -1, best_dx = kSnapPixels + 0.5;
        for (const Marker& m : m_controller.markers()) {
            const bool landmark = m.kind == Marker::Kind::Fault || m.kind == Marker::Kind::Election;
            if (landmark != landmarks || m.kind == Marker::Kind::Reclaim ||
                m.kind == Marker::Kind::Publish || (row >= 0 && static_cast<int>(m.kind) != row))
                continue;
            const double dx = std::abs(a.x_for(m.t) - x);
            if (dx < best_dx) {
                best_dx = dx;
                best = m.t;
            }
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

void Timeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const Palette& pal = m_palette;
    p.fillRect(rect(), pal.panel);
    const TimeAxis a = axis();
    // Taller on a big screen (see MainWindow::resizeEvent): the axis grows with the rows.
    const double axis_h = axis_height(height());
    const double row_h = row_height(height());
    QFont small = font();
    small.setPixelSize(row_label_px(height()));
    p.setFont(small);
    for (int r = 0; r < 5; ++r) {
        const double y = 2 + r * row_h;
        p.setPen(pal.muted);
        p.drawText(QRectF(2, y, a.x0 - 6, row_h), Qt::AlignRight | Qt::AlignVCenter, kRowLabels[r]);
    }
    // One tick per pixel column and row at most: thousands of reclaims stay cheap.
    std::vector<std::array<bool, 5>> drawn(static_cast<std::size_t>(width() + 1));
    for (const Marker& m : m_controller.markers()) {
        const int r = static_cast<int>(m.kind);
        const int x = static_cast<int>(std::lround(a.x_for(m.t)));
        if (x < 0 || x > width() || drawn[static_cast<std::size_t>(x)][static_cast<std::size_t>(r)])
            continue;
        drawn[static_cast<std::size_t>(x)][static_cast<std::size_t>(r)] = true;
        p.setPen(QPen(pal.timeline_rows[static_cast<std::size_t>(r)],
                      m.kind == Marker::Kind::Fault || m.kind == Marker::Kind::Election
                          ? pal.pens.landmark
                          : pal.pens.marker));
        const double y = 2 + r * row_h;
        p.drawLine(QPointF(x, y + 1), QPointF(x, y + row_h - 1));
    }
    // The axis with a tick every "nice" number of seconds.
    const double y_axis = height() - axis_h;
    p.setPen(pal.grid);
    p.drawLine(QPointF(a.x0, y_axis), QPointF(a.x1, y_axis));
    small.setPixelSize(axis_label_px(height()));
    p.setFont(small);
    p.setPen(pal.muted);
    const QFontMetricsF fm(small);
    const AxisTicks ticks =
        axis_ticks(a.t0, a.t1, std::max(2, static_cast<int>((a.x1 - a.x0) / 90) + 1));
    for (const double t : ticks.values) {
        // The last label ends at the widget's edge rather than past it.
        const QString label = QString::fromStdString(ticks.label(t));
        const double w = fm.horizontalAdvance(label) + 4;
        p.drawText(tick_label_rect(a.x_for(t), w, y_axis, axis_h, 0, width()), Qt::AlignCenter,
                   label);
    }
    // The selected range (shift-drag), under the playhead.
    if (m_selection) {
        QColor shade = pal.current;
        shade.setAlpha(60);
        const double x0 = a.x_for(m_selection->first), x1 = a.x_for(m_selection->second);
        p.fillRect(QRectF(x0, 0, x1 - x0, y_axis), shade);
        p.setPen(QPen(pal.current, 1));
        p.drawLine(QPointF(x0, 0), QPointF(x0, y_axis));
        p.drawLine(QPointF(x1, 0), QPointF(x1, y_axis));
    }
    // The playhead.
    const double x = a.x_for(m_controller.now());
    p.setPen(QPen(pal.ink, pal.pens.playhead));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
    p.setBrush(pal.ink);
    QPolygonF head;
    head << QPointF(x - 6, 0) << QPointF(x + 6, 0) << QPointF(x, 8);
    p.drawPolygon(head);
}

void Timeline::seek_to_x(double x, double snap_y) {
    double t = axis().t_for(x);
    if (snap_y >= 0) {
        // A marker's exact time, so the view shows its event as having happened.
        const double marker = marker_near(x, snap_y);
        if (marker >= 0)
            t = marker;
    }
    m_controller.seek(t);
}

void Timeline::clear_selection() {
    m_selection.reset();
    update();
}

void Timeline::select_to_x(double x) {
    const TimeAxis a = axis();
    const double t = std::clamp(a.t_for(x), a.t0, a.t1);
    const double from = std::min(m_select_from, t), to = std::max(m_select_from, t);
    if (to - from > 1e-3)
        m_selection = std::make_pair(from, to);
    else
        m_selection.reset();
    update();
}

void Timeline::mousePressEvent(QMouseEvent* event) {
    if (event->modifiers() & Qt::ShiftModifier) {
        const TimeAxis a = axis();
        m_selecting = true;
        m_select_from = std::clamp(a.t_for(event->position().x()), a.t0, a.t1);
        m_selection.reset();
        update();
        return;
    }
    m_dragging = true;
    m_press_x = event->position().x();
    seek_to_x(m_press_x, event->position().y());
}

void Timeline::mouseMoveEvent(QMouseEvent* event) {
    if (m_selecting) {
        select_to_x(event->position().x());
        return;
    }
    if (!m_dragging)
        return;
    // Going backwards re-simulates; a few seeks a second keep dragging smooth.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_last_seek_ms < 40)
        return;
    m_last_seek_ms = now;
    seek_to_x(event->position().x(), -1);
}

void Timeline::mouseReleaseEvent(QMouseEvent* event) {
    if (m_selecting) {
        select_to_x(event->position().x());
        m_selecting = false;
        return;
    }
    // A click stays on the marker it snapped to; a drag ends where the mouse is.
    if (m_dragging && std::abs(event->position().x() - m_press_x) > 3)
        seek_to_x(event->position().x(), -1);
    m_dragging = false;
}

} // namespace wn::ui

#include "ui/model/scene_text.h"
#include "ui/scene/layers.h"

#include <QFontMetricsF>
#include <QPainter>
#include <map>

namespace wn::ui {
namespace {

void paint_lane(const Scene& s, const ThreadState& t, const QRectF& cell, bool selected) {
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout::Lane lane = s.l.lane(cell);
    if (selected) {
        p.setPen(Qt::NoPen);
        p.setBrush(pal.selection);
        p.drawRoundedRect(cell.adjusted(0, 1, 0, -1), 4, 4);
    }
    p.setPen(QPen(pal.ink, pal.pens.outline));
    p.setBrush(pal.for_step(t.step));
    p.drawEllipse(lane.token, lane.radius, lane.radius);
    p.setFont(font_px(lane.text_px, true));
    p.setPen(pal.ink);
    p.drawText(lane.id, Qt::AlignVCenter, qs(actor_label(t.id)));
    const bool failed = t.step == ThreadStep::Failed;
    p.setFont(font_px(lane.text_px * 0.9, failed));
    p.setPen(failed ? pal.error : pal.ink);
    p.drawText(lane.label, Qt::AlignVCenter, fit(p, lane_label(t, s.f), lane.label.width()));
}

/// Above the grid: a chip of each colour in use with its count, as many as fit.
void paint_grid_legend(const Scene& s, const std::map<ThreadStep, int>& counts) {
    QPainter& p = s.p;
    const QRectF heading = s.l.heading_above(s.l.threads_area);
    double x = heading.left();
    p.setFont(font_px(s.l.font_px * 0.7, true));
    const QFontMetricsF fm(p.font());
    for (const auto& [step, n] : counts) {
        const QString label = qs(step_count_label(step, n));
        const double w = fm.horizontalAdvance(label) + heading.height() * 1.3;
        if (x + w > heading.right())
            break;
        p.setPen(Qt::NoPen);
        p.setBrush(s.pal.for_step(step));
        p.drawRect(QRectF(x, heading.top() + heading.height() * 0.2, heading.height() * 0.6,
                          heading.height() * 0.6));
        p.setPen(s.pal.ink);
        p.drawText(QRectF(x + heading.height() * 0.8, heading.top(), w, heading.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
        x += w;
    }
}

/// The monitor's lane: its timer, or what it is asking.
void paint_monitor(const Scene& s) {
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    p.setPen(QPen(pal.grid, pal.pens.outline));
    p.setBrush(pal.panel);
    p.drawRoundedRect(l.monitor_cell, 6, 6);
    const double r = l.monitor_token_radius();
    const QPointF c = l.monitor_token();
    QPolygonF diamond;
    diamond << c + QPointF(0, -r) << c + QPointF(r, 0) << c + QPointF(0, r) << c + QPointF(-r, 0);
    p.setPen(QPen(pal.ink, pal.pens.outline));
    p.setBrush(pal.for_step(s.f.monitor.step));
    p.drawPolygon(diamond);
    p.setFont(font_px(l.font_px * 0.95, true));
    p.setPen(pal.ink);
    p.drawText(l.monitor_title(), Qt::AlignBottom, qs(monitor_title(s.f)));
    p.setFont(font_px(l.font_px * 0.8));
    p.setPen(pal.muted);
    const QRectF state = l.monitor_state();
    p.drawText(state, Qt::AlignTop, fit(p, monitor_state(s.f), state.width()));
}

} // namespace

void paint_threads(const Scene& s) {
    QPainter& p = s.p;
    const Frame& f = s.f;
    const SceneLayout& l = s.l;
    p.setFont(font_px(l.font_px * 0.8, true));
    p.setPen(s.pal.muted);
    if (!l.aggregated) {
        p.drawText(l.heading_above(l.threads_area), Qt::AlignLeft | Qt::AlignVCenter,
                   qs(threads_heading(f)));
        for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size(); ++i)
            paint_lane(s, f.threads[i], l.thread_cells[i],
                       s.o.selected_thread == static_cast<int>(i) + 1);
    } else {
        // A grid of tokens, and counts per step instead of a label per thread.
        std::map<ThreadStep, int> counts;
        for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size(); ++i) {
            const ThreadState& t = f.threads[i];
            ++counts[t.step];
            p.setPen(s.o.selected_thread == t.id ? QPen(s.pal.ink, s.pal.pens.selected_cell)
                                                 : Qt::NoPen);
            p.setBrush(s.pal.for_step(t.step));
            p.drawRect(l.thread_cells[i].adjusted(1, 1, -1, -1));
        }
        paint_grid_legend(s, counts);
    }
    paint_monitor(s);
}

} // namespace wn::ui

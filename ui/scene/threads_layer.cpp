#include "ui/model/scene_text.h"
#include "ui/model/scene_text_forms.h"
#include "ui/scene/layers.h"
#include "ui/scene/paint_cache.h"
#include "ui/scene/step_glyph.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

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
    paint_step_glyph(p, step_glyph(t.step), lane.token, lane.radius * 1.4,
                     pal.ink_on(pal.for_step(t.step)));
    if (t.paused) {
        // A ⏸ badge on the token's shoulder: the step stays readable beneath it.
        const double r = lane.radius * 0.75;
        const QPointF badge = lane.token + QPointF(lane.radius * 0.8, -lane.radius * 0.8);
        p.setPen(QPen(pal.background, pal.pens.outline));
        p.setBrush(pal.paused);
        p.drawEllipse(badge, r, r);
        paint_step_glyph(p, StepGlyph::Pause, badge, std::max(r * 2, kMinGlyphPx),
                         pal.ink_on(pal.paused));
    }
    p.setFont(font_px(lane.text_px, true));
    p.setPen(pal.ink);
    p.drawText(lane.id, Qt::AlignVCenter, qs(actor_label(t.id)));
    const bool failed = t.step == ThreadStep::Failed;
    p.setFont(font_px(std::max(lane.text_px * 0.9, s.l.min_text_px), failed));
    p.setPen(failed ? pal.error : pal.ink);
    // At large text a narrow lane reads a shorter label, down to none, rather than "v2…".
    p.drawText(lane.label, Qt::AlignVCenter,
               s.l.min_text_px > 0 ? fit_first(p, lane_label_forms(t, s.f), lane.label.width())
                                   : fit(p, lane_label(t, s.f), lane.label.width()));
}

/// One token of the aggregated grid: its step's colour and glyph.
void paint_grid_cell(QPainter& p, const QRectF& cell, StepGlyph glyph, const QColor& fill,
                     const QColor& ink, const QPen& outline) {
    p.setPen(outline);
    p.setBrush(fill);
    p.drawRect(cell);
    paint_step_glyph(p, glyph, cell.center(), std::min(cell.width(), cell.height()) * 0.8, ink);
}

/// Above the grid: a chip of each step in use, with its glyph and count. Every entry is
/// shown: at the normal size the text shrinks until they all fit the legend's rows. From
/// the presenter's sizes up it stays at the smallest text: the entries lose their words
/// ("612" beside the chip) before that, and the legend is left out before a chip is, as
/// each token's glyph still tells its step.
void paint_grid_legend(const Scene& s, const std::vector<LegendEntry>& entries) {
    QPainter& p = s.p;
    const QRectF area = s.l.grid_legend;
    const bool floored = s.l.min_text_px > 0;
    // The layout's rows (kLegendRows, one fewer at large text) of the smallest text's height.
    const double row_h =
        area.height() / std::max(1.0, std::round(area.height() / (s.l.text(0.7) * 1.3)));
    auto labels_of = [&](bool words) {
        std::vector<QString> labels;
        for (const LegendEntry& e : entries)
            labels.push_back(words ? qs(e.label) : QString::number(e.count));
        return labels;
    };
    auto flow = [&](const std::vector<QString>& labels, double px) {
        const QFont font = font_px(px, true);
        std::vector<double> widths;
        for (const QString& label : labels)
            widths.push_back(px * 1.1 + px * 0.4 + text_advance(font, label));
        return flow_boxes(area, widths, row_h, px * 0.9);
    };
    // The smallest text's size first: the layout gave the legend's rows room for it.
    double px = s.l.text(0.7);
    std::vector<QString> labels = labels_of(true);
    std::vector<QRectF> boxes = flow(labels, px);
    if (floored && boxes.empty() && !entries.empty()) {
        labels = labels_of(false);
        boxes = flow(labels, px);
    }
    for (; !floored && boxes.empty() && !entries.empty() && px * 0.9 >= 4;) {
        px *= 0.9;
        boxes = flow(labels, px);
    }
    p.setFont(font_px(px, true));
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const QRectF& b = boxes[i];
        const double chip = px * 1.1;
        const QRectF chip_rect(b.left(), b.center().y() - chip / 2, chip, chip);
        const QColor fill = entries[i].paused ? s.pal.paused : s.pal.for_step(entries[i].step);
        p.setPen(QPen(s.pal.ink, s.pal.pens.outline * 0.5));
        p.setBrush(fill);
        p.drawRect(chip_rect);
        paint_step_glyph(p, entries[i].paused ? StepGlyph::Pause : step_glyph(entries[i].step),
                         chip_rect.center(), std::max(chip, kMinGlyphPx), s.pal.ink_on(fill));
        p.setPen(s.pal.ink);
        p.drawText(QRectF(chip_rect.right() + px * 0.4, b.top(), b.right(), b.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, labels[i]);
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
    paint_step_glyph(p, step_glyph(s.f.monitor.step), c, r * 1.1,
                     pal.ink_on(pal.for_step(s.f.monitor.step)));
    p.setFont(font_px(l.text(0.95), true));
    p.setPen(pal.ink);
    const QRectF title = l.monitor_title();
    // At large text the lane's width is all it has: "monitor" shrinks, down to the smallest
    // text, before it becomes "mon.".
    p.drawText(title, Qt::AlignBottom,
               l.min_text_px > 0 ? shrink_first(p, {monitor_title(s.f), "mon."}, title.width(),
                                                l.text(0.95), true, l.min_shrink(l.text(0.95), 0.5))
                                 : fit_first(p, {monitor_title(s.f), "mon."}, title.width()));
    p.setFont(font_px(l.text(0.8)));
    p.setPen(pal.muted);
    const QRectF state = l.monitor_state();
    std::vector<std::string> states = monitor_state_forms(s.f);
    if (l.min_text_px > 0)
        states.emplace_back(); // a detail: left out rather than cut ("refreshi…")
    p.drawText(state, Qt::AlignTop, fit_first(p, states, state.width()));
}

} // namespace

void paint_threads(const Scene& s) {
    QPainter& p = s.p;
    const Frame& f = s.f;
    const SceneLayout& l = s.l;
    p.setFont(font_px(l.text(0.8), true));
    p.setPen(s.pal.muted);
    const QRectF heading = l.heading_above(l.threads_area);
    std::vector<std::string> headings = threads_heading_forms(f);
    if (l.min_text_px > 0)
        headings.emplace_back(); // the tokens say it: left out rather than "100 threa…"
    p.drawText(heading, Qt::AlignLeft | Qt::AlignVCenter, fit_first(p, headings, heading.width()));
    if (!l.aggregated) {
        for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size(); ++i)
            paint_lane(s, f.threads[i], l.thread_cells[i],
                       s.o.selected_thread == static_cast<int>(i) + 1);
    } else {
        // A grid of tokens with their glyphs, and counts per step instead of a label per
        // thread.
        const bool tiles = paints_whole_pixels(p);
        for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size(); ++i) {
            const ThreadState& t = f.threads[i];
            const QRectF cell = l.thread_cells[i].adjusted(1, 1, -1, -1);
            const QColor fill = t.paused ? s.pal.paused : s.pal.for_step(t.step);
            const StepGlyph glyph = thread_glyph(t);
            const QColor ink = s.pal.ink_on(fill);
            const bool selected = s.o.selected_thread == t.id;
            // A cell on whole pixels, unselected, is an opaque tile: blitting the tile gives
            // the pixels drawing it would. The selected cell's outline spills over its edge.
            if (tiles && !selected && cell.width() >= 1 && cell.height() >= 1 &&
                cell.topLeft() == cell.topLeft().toPoint() && cell.size() == cell.size().toSize()) {
                const TileKey key{cell.size().toSize(),
                                  {fill.rgba(), ink.rgba(), static_cast<unsigned>(glyph), 0}};
                const QRectF local(QPointF(0, 0), cell.size());
                if (const QImage* tile = cached_tile(key, [&](QPainter& tp) {
                        paint_grid_cell(tp, local, glyph, fill, ink, Qt::NoPen);
                    })) {
                    p.drawImage(cell.topLeft(), *tile);
                    continue;
                }
            }
            paint_grid_cell(p, cell, glyph, fill, ink,
                            selected ? QPen(s.pal.ink, s.pal.pens.selected_cell) : Qt::NoPen);
        }
        const std::vector<ThreadState> shown(
            f.threads.begin(), f.threads.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                       f.threads.size(), l.thread_cells.size())));
        paint_grid_legend(s, grid_legend(shown));
    }
    paint_monitor(s);
}

} // namespace wn::ui

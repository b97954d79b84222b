#include "ui/layout.h"

#include <algorithm>
#include <cmath>

namespace wn::ui {

QPointF SceneLayout::token_center(const QRectF& cell, bool aggregated) {
    if (aggregated)
        return cell.center();
    const double r = cell.height() * 0.32;
    return QPointF(cell.left() + r + 2, cell.center().y());
}

SceneLayout compute_layout(QSizeF size, int threads, int members, int versions) {
    SceneLayout l;
    const double w = size.width(), h = size.height();
    // Side-by-side panes are narrow: the width limits the text as much as the height.
    l.font_px = std::clamp(std::min(h / 38.0, w / 56.0), 10.0, 40.0);
    const double pad = l.font_px * 0.6;
    l.caption = QRectF(pad, pad * 0.5, w - 2 * pad, l.font_px * 2.6);
    l.badges = QRectF(pad, h - l.font_px * 2.6 - pad * 0.5, w - 2 * pad, l.font_px * 2.6);
    // Room under the caption for the section headings drawn above each area.
    const double top = l.caption.bottom() + pad + l.font_px * 1.4;
    const double bottom = l.badges.top() - pad;
    const double main_h = bottom - top;
    l.threads_area = QRectF(pad, top, w * 0.30, main_h);
    l.center_area = QRectF(l.threads_area.right() + pad * 2, top, w * 0.36, main_h);
    l.members_area =
        QRectF(l.center_area.right() + pad * 2, top, w - l.center_area.right() - pad * 3, main_h);

    // Threads: lanes (one column per 16) up to kMaxLanes, then a grid of tokens. The
    // monitor gets its own lane at the bottom.
    const double monitor_h = l.font_px * 2.4;
    l.monitor_cell = QRectF(l.threads_area.left(), l.threads_area.bottom() - monitor_h,
                            l.threads_area.width(), monitor_h);
    const QRectF lanes(l.threads_area.left(), l.threads_area.top(), l.threads_area.width(),
                       l.threads_area.height() - monitor_h - pad);
    l.aggregated = threads > kMaxLanes;
    int cols, rows;
    if (!l.aggregated) {
        cols = std::max(1, (threads + 15) / 16);
        rows = (threads + cols - 1) / cols;
    } else {
        const double aspect = lanes.width() / lanes.height();
        cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(threads * aspect))));
        rows = (threads + cols - 1) / cols;
    }
    const double cell_w = lanes.width() / cols;
    const double cell_h =
        std::min(lanes.height() / std::max(rows, 1), l.aggregated ? cell_w : l.font_px * 2.2);
    for (int i = 0; i < threads; ++i) {
        const int col = l.aggregated ? i % cols : i / rows;
        const int row = l.aggregated ? i / cols : i % rows;
        l.thread_cells.emplace_back(lanes.left() + col * cell_w, lanes.top() + row * cell_h, cell_w,
                                    cell_h);
    }

    // The client box at the top of the centre, the heap (or shared dict) below it.
    l.client_box =
        QRectF(l.center_area.left(), l.center_area.top(), l.center_area.width(), l.font_px * 3.0);
    l.petiole = QPointF(l.client_box.center().x(), l.client_box.bottom());
    l.heap_area =
        QRectF(l.center_area.left(), l.client_box.bottom() + l.font_px * 1.6, l.center_area.width(),
               l.center_area.bottom() - l.client_box.bottom() - l.font_px * 1.6);
    const int shown = std::min(versions, kMaxVersionBoxes);
    if (shown > 0) {
        // The current version is tall enough to list every member; older ones are compact.
        const double line = l.font_px * 1.25;
        const double current_h =
            std::min(l.heap_area.height() * 0.62, line * (3.4 + std::max(members, 1)));
        l.version_boxes.emplace_back(l.heap_area.left(), l.heap_area.top(), l.heap_area.width(),
                                     current_h);
        const double gap = l.font_px * 0.5;
        const double old_h = line * 2.4;
        const double half = (l.heap_area.width() - gap) / 2;
        for (int i = 1; i < shown; ++i) {
            const int k = i - 1;
            l.version_boxes.emplace_back(
                l.heap_area.left() + (k % 2) * (half + gap),
                l.heap_area.top() + current_h + gap + (k / 2) * (old_h + gap), half, old_h);
        }
    }

    // Members: a column of large nodes, labels to their right.
    const int n = std::max(members, 1);
    const double slot = l.members_area.height() / n;
    l.member_radius = std::min({slot * 0.36, l.members_area.width() * 0.16, l.font_px * 2.6});
    for (int i = 0; i < members; ++i)
        l.member_centers.emplace_back(l.members_area.left() + l.member_radius * 1.3,
                                      l.members_area.top() + slot * (i + 0.5));
    return l;
}

Hit hit_test(const SceneLayout& l, QPointF p) {
    for (std::size_t i = 0; i < l.member_centers.size(); ++i) {
        const QPointF d = p - l.member_centers[i];
        const bool on_node = std::hypot(d.x(), d.y()) <= l.member_radius * 1.1;
        const QRectF label(l.member_centers[i].x() + l.member_radius,
                           l.member_centers[i].y() - l.member_radius,
                           l.members_area.right() - l.member_centers[i].x(), 2 * l.member_radius);
        if (on_node || label.contains(p))
            return {Hit::Kind::Member, static_cast<int>(i)};
    }
    for (std::size_t i = 0; i < l.version_boxes.size(); ++i)
        if (l.version_boxes[i].contains(p))
            return {Hit::Kind::Version, static_cast<int>(i)};
    if (l.client_box.contains(p))
        return {Hit::Kind::Client, 0};
    if (l.monitor_cell.contains(p))
        return {Hit::Kind::Monitor, 0};
    for (std::size_t i = 0; i < l.thread_cells.size(); ++i)
        if (l.thread_cells[i].contains(p))
            return {Hit::Kind::Thread, static_cast<int>(i) + 1};
    return {};
}

} // namespace wn::ui

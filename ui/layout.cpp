#include "ui/layout.h"

#include "trace/trace.h"

#include <algorithm>
#include <cmath>

namespace wn::ui {

QPointF SceneLayout::token_center(const QRectF& cell, bool aggregated) {
    if (aggregated)
        return cell.center();
    const double r = cell.height() * 0.32;
    return QPointF(cell.left() + r + 2, cell.center().y());
}

QPointF SceneLayout::actor_token(int actor) const {
    if (actor == kActorMonitor)
        return token_center(monitor_cell, false);
    const auto i = static_cast<std::size_t>(actor - 1);
    if (actor < 1 || i >= thread_cells.size())
        return threads_area.center();
    return token_center(thread_cells[i], aggregated);
}

QPointF SceneLayout::bundle_origin() const {
    return QPointF(threads_area.right(), threads_area.center().y());
}

QPointF SceneLayout::member_anchor(std::size_t index) const {
    return member_centers[index] - QPointF(member_radius, 0);
}

QPointF SceneLayout::version_anchor(std::size_t slot) const {
    const QRectF& b = version_boxes[slot];
    return QPointF(b.left(), b.top() + std::min(b.height() / 2, font_px * 1.2));
}

QRectF SceneLayout::heading_above(const QRectF& area) const {
    return QRectF(area.left(), area.top() - font_px * 1.3, area.width(), font_px * 1.2);
}

QRectF SceneLayout::badge_rect(int i) const {
    const double gap = font_px * 0.5;
    const double w = (badges.width() - 2 * gap) / 3;
    return QRectF(badges.left() + i * (w + gap), badges.top(), w, badges.height());
}

QRectF SceneLayout::client_title() const {
    return QRectF(client_box.left(), client_box.top(), client_box.width(),
                  client_box.height() * 0.55);
}

QRectF SceneLayout::client_attributes() const {
    return QRectF(client_box.left(), client_title().bottom(), client_box.width(),
                  client_box.height() * 0.45);
}

SceneLayout::Lane SceneLayout::lane(const QRectF& cell) const {
    Lane lane;
    lane.radius = cell.height() * 0.32;
    lane.token = token_center(cell, false);
    lane.text_px = std::min(font_px, cell.height() * 0.5);
    const double x = lane.token.x() + lane.radius + lane.text_px * 0.4;
    lane.id = QRectF(x, cell.top(), lane.text_px * 2.6, cell.height());
    const double x2 = x + lane.text_px * 2.6;
    lane.label = QRectF(x2, cell.top(), cell.right() - x2, cell.height());
    return lane;
}

double SceneLayout::monitor_token_radius() const {
    return monitor_cell.height() * 0.3;
}

QPointF SceneLayout::monitor_token() const {
    return token_center(monitor_cell, false) + QPointF(monitor_token_radius() * 0.3, 0);
}

QRectF SceneLayout::monitor_title() const {
    const double x = monitor_token().x() + monitor_token_radius() * 1.6;
    return QRectF(x, monitor_cell.top(), font_px * 5, monitor_cell.height() * 0.55);
}

QRectF SceneLayout::monitor_state() const {
    const QRectF& m = monitor_cell;
    const double x = monitor_token().x() + monitor_token_radius() * 1.6;
    return QRectF(x, m.top() + m.height() * 0.5, m.right() - x - 4, m.height() * 0.5);
}

double SceneLayout::member_node_radius(bool arbiter) const {
    return arbiter ? member_radius * 0.7 : member_radius;
}

QRectF SceneLayout::member_label_row(std::size_t index, bool arbiter, int row) const {
    const QPointF c = member_centers[index];
    const double x = c.x() + member_node_radius(arbiter) + font_px * 0.6;
    const double line = font_px * 1.15;
    return QRectF(x, c.y() - line * 1.5 + row * line, members_area.right() - x, line);
}

QPointF SceneLayout::cut_off_mark(std::size_t index, bool arbiter) const {
    return member_centers[index] - QPointF(member_node_radius(arbiter) * 1.35, 0);
}

QRectF SceneLayout::version_text(const QRectF& box) const {
    const double pad = font_px * 0.4;
    return box.adjusted(pad, pad * 0.5, -pad, -pad * 0.5);
}

QRectF SceneLayout::heap_footer() const {
    return QRectF(heap_area.left(), heap_area.bottom() - font_px * 1.2, heap_area.width(),
                  font_px * 1.2);
}

QRectF SceneLayout::shared_dict_box(std::size_t entries) const {
    return QRectF(
        heap_area.left(), heap_area.top(), heap_area.width(),
        std::min(heap_area.height(), shared_dict_line() * (3.6 + static_cast<double>(entries))));
}

double packet_progress(double now, double begin, double rtt_s) {
    const double rtt = std::max(rtt_s, 1e-4);
    const double phase = std::fmod((now - begin) / rtt, 1.0);
    return phase < 0.5 ? phase * 2 : 2 - phase * 2;
}

double wire_bundle_width(int count) {
    return 1 + std::min(12.0, std::sqrt(count) * 1.2);
}

double arrow_bundle_width(int count) {
    return 1.5 + std::min(10.0, std::sqrt(count) * 1.5);
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

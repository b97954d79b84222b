#include "ui/layout.h"

#include "trace/trace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
    // The label is 0.9 of the id's size: it too stays at min_text_px.
    lane.text_px = std::max(std::min(font_px, cell.height() * 0.5), min_text_px / 0.9);
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
    // To the cell's edge, as the state below: five letters' room cut "monitor" at large text.
    // From the presenter's sizes up it stays inside the lane (its text shrinks instead).
    const double room = monitor_cell.right() - x - 4;
    return QRectF(x, monitor_cell.top(), min_text_px > 0 ? room : std::max(font_px * 5, room),
                  monitor_cell.height() * 0.5);
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
    const double line = member_text_px * 1.15;
    return QRectF(x, c.y() - line * member_rows / 2.0 + row * line, members_area.right() - x, line);
}

QRectF SceneLayout::crown_rect(std::size_t index, bool arbiter) const {
    const double r = member_node_radius(arbiter);
    const double w = r * 1.1, h = r * 0.55;
    const QPointF c = member_centers[index];
    // From the base (just above the node) to the middle point's tip, 1.1 crowns high.
    const double base = c.y() - r - h * 0.15;
    return QRectF(c.x() - w / 2, base - h * 1.1, w, h * 1.1);
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

SceneLayout compute_layout(QSizeF size, int threads, int members, int versions, double font_scale) {
    SceneLayout l;
    const double w = size.width(), h = size.height();
    // A wide canvas is limited by its height. A comparison's pane is narrow: its three
    // columns share less width, but a fixed width budget would leave the text tiny and half
    // the pane empty, so a narrow pane trades width per letter (labels elide) for height.
    const bool narrow = w < h * 1.5;
    l.font_px = std::clamp(narrow ? std::min(h / 28.0, w / 38.0) : std::min(h / 38.0, w / 56.0),
                           10.0, 40.0) *
                font_scale;
    l.min_text_px = min_text_px(font_scale);
    const double pad = l.font_px * 0.6;
    // The caption's two lines, each at least the smallest text.
    l.caption = QRectF(pad, pad * 0.5, w - 2 * pad,
                       std::max(l.font_px * 2.6, (l.text(1.05) + l.text(0.8)) * 1.2));
    // At large text tall enough for two lines of the smallest text: a narrow pane's badge
    // wraps its shortest wording rather than cut it.
    const double badges_h = std::max(l.font_px * 2.6, l.min_text_px * 2.4);
    l.badges = QRectF(pad, h - badges_h - pad * 0.5, w - 2 * pad, badges_h);
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
    // Its title and state, each at least the smallest text.
    const double monitor_h = std::max(l.font_px * 2.4, (l.text(0.95) + l.text(0.8)) * 1.2);
    l.monitor_cell = QRectF(l.threads_area.left(), l.threads_area.bottom() - monitor_h,
                            l.threads_area.width(), monitor_h);
    l.aggregated = threads > kMaxLanes;
    if (font_scale > 1 && !l.aggregated) {
        // Larger text fits fewer lanes: past that many, the grid of tokens (fewer, larger
        // things) rather than lanes whose labels run into each other.
        const double lanes_h = l.threads_area.height() - monitor_h - pad;
        const int rows_fit = static_cast<int>(lanes_h / (l.font_px * 1.9));
        const int cols_fit = static_cast<int>(l.threads_area.width() / (l.font_px * 5.5));
        l.aggregated = threads > std::max(1, rows_fit) * std::max(1, cols_fit);
    }
    // The grid's legend takes rows at its top, so that every step fits with its count. At
    // large text it is a key of chips and counts (see paint_grid_legend): two rows, and the
    // third goes to the grid.
    const int legend_rows = l.min_text_px > 0 ? kLegendRows - 1 : kLegendRows;
    const double legend_h = l.aggregated ? legend_rows * l.text(0.7) * 1.3 + pad * 0.5 : 0;
    l.grid_legend = QRectF(l.threads_area.left(), l.threads_area.top(), l.threads_area.width(),
                           legend_h - pad * 0.5);
    const QRectF lanes(l.threads_area.left(), l.threads_area.top() + legend_h,
                       l.threads_area.width(),
                       l.threads_area.height() - monitor_h - pad - legend_h);
    int cols, rows;
    if (!l.aggregated) {
        cols = std::max(1, (threads + 15) / 16);
        if (font_scale > 1) {
            // Larger text needs taller lanes: fewer per column (and the grid past that).
            const int fit = std::max(1, static_cast<int>(lanes.height() / (l.font_px * 1.9)));
            cols = std::max(cols, (threads + fit - 1) / fit);
        }
        rows = (threads + cols - 1) / cols;
    } else {
        const double aspect = lanes.width() / lanes.height();
        cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(threads * aspect))));
        rows = (threads + cols - 1) / cols;
    }
    const double cell_w = lanes.width() / cols;
    const double cell_h =
        std::min(lanes.height() / std::max(rows, 1), l.aggregated ? cell_w : l.font_px * 2.2);
    if (l.aggregated) {
        // The grid sits on whole pixels: its cells are few sizes, so the renderer can blit
        // pre-rendered tiles that give exactly the pixels of drawing each cell.
        const double x0 = std::ceil(lanes.left()), y0 = std::ceil(lanes.top());
        const double w = (std::floor(lanes.right()) - x0) / cols;
        const double h = std::min(cell_h, (std::floor(lanes.bottom()) - y0) / std::max(rows, 1));
        for (int i = 0; i < threads; ++i) {
            const int col = i % cols, row = i / cols;
            const double left = x0 + std::floor(col * w), top = y0 + std::floor(row * h);
            l.thread_cells.emplace_back(left, top, x0 + std::floor((col + 1) * w) - left,
                                        y0 + std::floor((row + 1) * h) - top);
        }
    }
    for (int i = 0; i < threads && !l.aggregated; ++i) {
        const int col = i / rows;
        const int row = i % rows;
        l.thread_cells.emplace_back(lanes.left() + col * cell_w, lanes.top() + row * cell_h, cell_w,
                                    cell_h);
    }

    // The client box at the top of the centre, the heap (or shared dict) below it.
    // Tall enough for its two lines at the smallest text.
    l.client_box = QRectF(l.center_area.left(), l.center_area.top(), l.center_area.width(),
                          std::max(l.font_px * 3.0, (l.text(1.0) + l.text(0.85)) * 1.3));
    l.petiole = QPointF(l.client_box.center().x(), l.client_box.bottom());
    // The petiole's arrow between them is shorter at large text: its room goes to the lines.
    const double stem = l.font_px * (l.min_text_px > 0 ? 1.1 : 1.6);
    l.heap_area = QRectF(l.center_area.left(), l.client_box.bottom() + stem, l.center_area.width(),
                         l.center_area.bottom() - l.client_box.bottom() - stem);
    const int shown = std::min(versions, kMaxVersionBoxes);
    if (shown > 0) {
        // The current version is tall enough to list every member; older ones are compact.
        const double line = l.font_px * 1.25;
        const double gap = l.font_px * 0.5;
        const double old_h = line * 2.4;
        // Older versions only where they stay clear of the footer line under the heap.
        const double floor = l.heap_area.bottom() - l.font_px * 1.3;
        const double wanted = line * (3.4 + std::max(members, 1));
        double current_h = std::min(l.heap_area.height() * 0.62, wanted);
        // At large text in a short pane, where no older version would fit under it anyway,
        // the current one takes their room down to the footer: more of its lines show.
        if (l.min_text_px > 0 && l.heap_area.top() + current_h + gap + old_h > floor)
            current_h = std::max(current_h, std::min(wanted, floor - l.heap_area.top()));
        // And at least its title line where the heap has room for it: the footer under it
        // gives way (paint_heap) rather than the title running out of its box.
        if (l.min_text_px > 0)
            current_h = std::max(
                current_h, std::min(l.version_line() + l.font_px * 0.4, l.heap_area.height()));
        l.version_boxes.emplace_back(l.heap_area.left(), l.heap_area.top(), l.heap_area.width(),
                                     current_h);
        const double half = (l.heap_area.width() - gap) / 2;
        for (int i = 1; i < shown; ++i) {
            const int k = i - 1;
            const double top = l.heap_area.top() + current_h + gap + (k / 2) * (old_h + gap);
            if (top + old_h > floor)
                break;
            l.version_boxes.emplace_back(l.heap_area.left() + (k % 2) * (half + gap), top, half,
                                         old_h);
        }
    }

    // Members: a column of large nodes, labels to their right. The first node moves down
    // far enough for the primary's crown to stay under the heading, and the labels shrink
    // when three lines would not fit a member's slot.
    const int n = std::max(members, 1);
    const double area_h = l.members_area.height();
    auto radius = [&](double slot) {
        const double r = std::min({slot * 0.36, l.members_area.width() * 0.16, l.font_px * 2.6});
        if (l.min_text_px <= 0)
            return r;
        // Large text in a narrow pane: the node gives way before a member's short name ("db1"
        // at the smallest text, about 2.2 of it wide) is cut to "d…"; the crown and the
        // flames scale with it.
        const double name_w = l.min_text_px * 2.3;
        const double room = (l.members_area.width() - l.font_px * 0.6 - name_w) / 2.3;
        return std::min(r, std::max(room, l.min_text_px * 0.6));
    };
    const double crown_reach = 1.7; // the crown's tip, in radii above a node's centre
    const double r0 = radius(area_h / n);
    const double drop = std::max(0.0, (crown_reach * r0 - area_h / n / 2) / (1 - 0.5 / n));
    const double slot = (area_h - drop) / n;
    l.member_radius = radius(slot);
    // At least min_text_px: rather than shrink under it, a label drops its ping line, then
    // its role; smaller only if even the name alone would run into the next member.
    while (l.member_rows > 1 && slot / (l.member_rows * 1.15) < l.min_text_px)
        --l.member_rows;
    const double label_h = l.member_rows * 1.15;
    l.member_text_px = std::min(std::max(std::min(l.font_px, slot * 0.9 / label_h), l.min_text_px),
                                std::max(slot / label_h, 1.0));
    for (int i = 0; i < members; ++i)
        l.member_centers.emplace_back(l.members_area.left() + l.member_radius * 1.3,
                                      l.members_area.top() + drop + slot * (i + 0.5));
    return l;
}

double min_text_px(double font_scale) {
    // Larger text is asked for to be read from afar: 20 px is about the smallest a room
    // reads off a projector, reached at 1.5 (the presenter's default) and kept above it.
    constexpr double kReadablePx = 20;
    return font_scale > 1 + 1e-9 ? std::min(kReadablePx, kReadablePx * font_scale / 1.5) : 0;
}

std::vector<QRectF> flow_boxes(const QRectF& area, const std::vector<double>& widths,
                               double row_height, double gap) {
    std::vector<QRectF> boxes;
    double x = area.left(), y = area.top();
    for (const double w : widths) {
        if (x > area.left() && x + w > area.right() + 1e-9) {
            x = area.left();
            y += row_height;
        }
        if (w > area.width() + 1e-9 || y + row_height > area.bottom() + 1e-9)
            return {};
        boxes.emplace_back(x, y, w, row_height);
        x += w + gap;
    }
    return boxes;
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

AxisTicks axis_ticks(double t0, double t1, int max_ticks) {
    AxisTicks ticks;
    const double span = std::max(t1 - t0, 1e-9);
    const int gaps = std::max(1, max_ticks - 1);
    const double raw = span / gaps;
    const double mag = std::pow(10, std::floor(std::log10(raw)));
    const double f = raw / mag;
    ticks.step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    // Enough decimals to show the step: 0.25 needs two, 0.5 one, 2 none.
    ticks.decimals = 0;
    while (ticks.decimals < 9 &&
           std::abs(ticks.step * std::pow(10, ticks.decimals) -
                    std::round(ticks.step * std::pow(10, ticks.decimals))) > 1e-6)
        ++ticks.decimals;
    const double first = std::ceil(t0 / ticks.step - 1e-9) * ticks.step;
    for (int i = 0;; ++i) {
        const double v = first + i * ticks.step;
        if (v > t1 + ticks.step * 1e-9)
            break;
        ticks.values.push_back(std::abs(v) < ticks.step * 1e-9 ? 0.0 : v);
    }
    return ticks;
}

std::string AxisTicks::label(double value) const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f s", decimals, value);
    return buf;
}

QRectF tick_label_rect(double x, double width, double top, double height, double left,
                       double right) {
    const double x0 = std::clamp(x - width / 2, left, std::max(left, right - width));
    return QRectF(x0, top, width, height);
}

} // namespace wn::ui

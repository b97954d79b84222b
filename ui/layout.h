#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace wn::ui {

/// Above this many threads, lanes give way to a grid of tokens with bundled arrows.
constexpr int kMaxLanes = 48;
/// Version boxes drawn in the heap; older live versions are summarised as "+N more".
constexpr int kMaxVersionBoxes = 7;

/// Where everything goes on a canvas of a given size. Plain geometry, no painting, so it
/// is tested on its own and shared by drawing and hit-testing.
struct SceneLayout {
    double font_px = 16; // base text height; everything scales with the canvas
    QRectF caption;
    QRectF badges;
    QRectF threads_area;
    QRectF center_area;
    QRectF members_area;
    bool aggregated = false;
    QRectF grid_legend;               // aggregated: the legend's rows above the grid
    std::vector<QRectF> thread_cells; // [i] is thread i+1
    QRectF monitor_cell;
    QRectF client_box;
    QPointF petiole; // where the `rsstate` arrow leaves the client box
    QRectF heap_area;
    std::vector<QRectF> version_boxes; // [i] is Frame::versions[i]
    std::vector<QPointF> member_centers;
    double member_radius = 20;
    double member_text_px = 16; // the members' labels: smaller than font_px when crowded
    /// Lines of a member's label: 3 (name, role, ping), or fewer when large text would
    /// otherwise shrink them under min_text_px (a short pane): the ping goes, then the role.
    int member_rows = 3;
    /// The smallest text drawn: 0 at the normal size; with larger text (View > Larger
    /// text), up to 20 px, so a 720-line projector at 1.5 has no text below 20 px.
    double min_text_px = 0;

    /// A text `share` of font_px high, but never under min_text_px.
    double text(double share) const { return std::max(font_px * share, min_text_px); }
    /// shrink_to_fit()'s smallest scale for a text of `px`: `min_scale`, or more so that
    /// the text stays at min_text_px.
    double min_shrink(double px, double min_scale) const {
        return px > 0 ? std::max(min_scale, std::min(1.0, min_text_px / px)) : min_scale;
    }
    /// How far a label may shrink once none of its wordings fits at min_shrink(): down to
    /// the smallest text when the text is larger than it, rather than be cut; `min_scale`
    /// otherwise (the desktop's picture).
    double floor_shrink(double px, double min_scale) const {
        return min_text_px > 0 && px > min_text_px ? std::min(min_scale, min_text_px / px)
                                                   : min_scale;
    }

    /// The token's centre inside a thread cell (where arrows start).
    static QPointF token_center(const QRectF& cell, bool aggregated);

    /// Where arrows from `actor` start: the monitor's lane, a thread's token, or the middle
    /// of the thread area for an actor with no cell.
    QPointF actor_token(int actor) const;
    /// Where bundled wires and arrows leave the aggregated grid: its right edge.
    QPointF bundle_origin() const;
    /// The left edge of member `index`'s node, where requests arrive.
    QPointF member_anchor(std::size_t index) const;
    /// Where holder arrows end on the version box in `slot`.
    QPointF version_anchor(std::size_t slot) const;

    /// The heading line drawn above `area` (the threads' and the members' titles).
    QRectF heading_above(const QRectF& area) const;
    /// Badge `i` (0..2) of the three along the bottom.
    QRectF badge_rect(int i) const;
    /// The client box's two lines: its class name, and its attributes.
    QRectF client_title() const;
    QRectF client_attributes() const;

    /// One thread lane's parts: the token, then "T7", then the label.
    struct Lane {
        QPointF token;
        double radius = 0;
        double text_px = 0;
        QRectF id;
        QRectF label;
    };
    Lane lane(const QRectF& cell) const;
    /// The monitor's diamond (centre and radius) and its two text rows.
    QPointF monitor_token() const;
    double monitor_token_radius() const;
    QRectF monitor_title() const;
    QRectF monitor_state() const;

    /// A member node's radius: arbiters are drawn smaller.
    double member_node_radius(bool arbiter) const;
    /// Row `row` (0: host, 1: role, 2: ping; under member_rows) of the label right of member
    /// `index`, the rows centred on the node.
    QRectF member_label_row(std::size_t index, bool arbiter, int row) const;
    /// The primary's crown, on top of member `index`'s node.
    QRectF crown_rect(std::size_t index, bool arbiter) const;
    /// Where the severed-link cross sits, on the client's side of member `index`.
    QPointF cut_off_mark(std::size_t index, bool arbiter) const;

    /// Text inside a version box, and the height of one of its lines.
    QRectF version_text(const QRectF& box) const;
    /// (At least a line of the smallest text: the lines do not run into each other.)
    double version_line() const { return std::max(font_px * 1.2, min_text_px * 1.2); }
    /// The line under the heap: live and reclaimed counts.
    QRectF heap_footer() const;

    /// The shared dict's box for `entries` member lines, and the height of one line.
    QRectF shared_dict_box(std::size_t entries) const;
    double shared_dict_line() const { return std::max(font_px * 1.25, min_text_px * 1.2); }
};

/// How far along caller -> member a request in flight is drawn (0 at the caller, 1 at the
/// member): out and back over one round trip of `rtt_s` seconds, so a request to a cut-off
/// member keeps bouncing until its timeout.
double packet_progress(double now, double begin, double rtt_s);
/// Pen width of a bundle of `count` wires (aggregated view): grows with the square root.
double wire_bundle_width(int count);
/// Pen width of an arrow standing for `count` holders of one version.
double arrow_bundle_width(int count);

/// `font_scale` (View > Larger text) multiplies every text size; the layout then gives the
/// threads more columns, and labels elide rather than overlap.
SceneLayout compute_layout(QSizeF size, int threads, int members, int versions,
                           double font_scale = 1.0);

/// The smallest text at a text size of `font_scale` (SceneLayout::min_text_px).
double min_text_px(double font_scale);

/// Lines of the aggregated grid's legend: room for every thread step at its smallest.
constexpr int kLegendRows = 3;
/// Boxes of `widths` laid out left to right in rows of `row_height` inside `area`, wrapping
/// to the next row when one is full; empty when they do not all fit.
std::vector<QRectF> flow_boxes(const QRectF& area, const std::vector<double>& widths,
                               double row_height, double gap);

/// What a click landed on.
struct Hit {
    enum class Kind { None, Member, Thread, Monitor, Version, Client };
    Kind kind = Kind::None;
    int index = -1; // member index, thread id (1-based), or version slot
};
Hit hit_test(const SceneLayout& layout, QPointF point);

/// Linear mapping between virtual seconds and pixels (timelines and charts).
struct TimeAxis {
    double t0 = 0, t1 = 1;
    double x0 = 0, x1 = 1;
    double x_for(double t) const { return x0 + (t - t0) * (x1 - x0) / (t1 - t0); }
    double t_for(double x) const { return t0 + (x - x0) * (t1 - t0) / (x1 - x0); }
};

/// Ticks along a time axis: a "nice" step (1, 2 or 5 times a power of ten) giving at most
/// `max_ticks` values in [t0, t1], and the decimals that keep every label distinct ("0.5 s",
/// "1 s", "1.5 s", never "0 s 0 s 1 s").
struct AxisTicks {
    double step = 1;
    int decimals = 0;
    std::vector<double> values;
    /// "12 s", "0.25 s": `value` with this axis' decimals.
    std::string label(double value) const;
};
AxisTicks axis_ticks(double t0, double t1, int max_ticks);

/// Where a tick's label goes: centred on `x`, but pushed inside [left, right] so that the
/// first and last labels are not cut by the widget's edges.
QRectF tick_label_rect(double x, double width, double top, double height, double left,
                       double right);

} // namespace wn::ui

#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>
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
    std::vector<QRectF> thread_cells; // [i] is thread i+1
    QRectF monitor_cell;
    QRectF client_box;
    QPointF petiole; // where the `rsstate` arrow leaves the client box
    QRectF heap_area;
    std::vector<QRectF> version_boxes; // [i] is Frame::versions[i]
    std::vector<QPointF> member_centers;
    double member_radius = 20;

    /// The token's centre inside a thread cell (where arrows start).
    static QPointF token_center(const QRectF& cell, bool aggregated);
};

SceneLayout compute_layout(QSizeF size, int threads, int members, int versions);

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

} // namespace wn::ui

#include "ui/renderer.h"

#include "ui/model/scene_text_forms.h"
#include "ui/scene/layers.h"
#include "ui/tour/tour_overlay.h"

#include <QPainter>
#include <cmath>

namespace wn::ui {

SceneLayout layout_for(const Frame& frame, QSizeF size, double font_scale) {
    const int versions = frame.heap ? static_cast<int>(frame.heap->versions.size()) : 0;
    return compute_layout(size, static_cast<int>(frame.threads.size()),
                          static_cast<int>(frame.members.size()), versions, font_scale);
}

void render(QPainter& p, const Frame& f, const SceneLayout& l, const RenderOptions& o,
            const Palette& pal) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    // The layout's margins add up to the canvas only within rounding; a fill that stopped
    // 1e-13 short would leave the last column part-transparent under antialiasing, and a
    // view tells Qt it paints every pixel (SimView).
    p.fillRect(QRectF(0, 0, std::round(l.badges.right() + l.caption.left()),
                      std::round(l.badges.bottom() + l.caption.top())),
               pal.background);
    const Scene scene{p, f, l, o, pal, members_share_port(f)};
    // Back to front: wires under everything, the caption and badges on top.
    paint_packets(scene);
    paint_holder_arrows(scene);
    paint_centre(scene);
    paint_threads(scene);
    paint_holder_counts(scene);
    paint_members(scene);
    paint_overlay(scene);
    if (o.tour)
        paint_tour_overlay(p, f, l, *o.tour, pal);
    p.restore();
}

} // namespace wn::ui

#include "ui/model/scene_text.h"
#include "ui/model/scene_text_forms.h"
#include "ui/scene/layers.h"

#include <QPainter>
#include <QPainterPath>

namespace wn::ui {
namespace {

/// A dead member burns: three flames on top of its node.
void draw_flames(QPainter& p, const Palette& pal, QPointF c, double r) {
    for (int i = -1; i <= 1; ++i) {
        QPainterPath flame;
        const QPointF base = c + QPointF(i * r * 0.45, -r * 0.55);
        flame.moveTo(base + QPointF(-r * 0.28, 0));
        flame.quadTo(base + QPointF(-r * 0.3, -r * 0.55),
                     base + QPointF(0, -r * (0.9 + 0.2 * (i == 0))));
        flame.quadTo(base + QPointF(r * 0.3, -r * 0.55), base + QPointF(r * 0.28, 0));
        flame.closeSubpath();
        p.setPen(QPen(pal.down, pal.pens.glyph));
        p.setBrush(pal.fire);
        p.drawPath(flame);
    }
}

/// The primary wears a crown.
void draw_crown(QPainter& p, const Palette& pal, const QRectF& box) {
    const double w = box.width(), h = box.height() / 1.1;
    const QPointF b(box.center().x(), box.bottom());
    QPolygonF crown;
    crown << b + QPointF(-w / 2, 0) << b + QPointF(-w / 2, -h) << b + QPointF(-w / 4, -h * 0.45)
          << b + QPointF(0, -h * 1.1) << b + QPointF(w / 4, -h * 0.45) << b + QPointF(w / 2, -h)
          << b + QPointF(w / 2, 0);
    p.setPen(QPen(pal.ink, pal.pens.glyph));
    p.setBrush(pal.crown);
    p.drawPolygon(crown);
}

QColor member_fill(const MemberFrame& m, const Palette& pal) {
    if (!m.up)
        return pal.down;
    if (m.arbiter || m.role == ServerRole::Removed || m.role == ServerRole::Startup2)
        return pal.inactive;
    return m.role == ServerRole::Primary ? pal.primary : pal.secondary;
}

void paint_member(const Scene& s, std::size_t i) {
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    const MemberFrame& m = s.f.members[i];
    const QPointF c = l.member_centers[i];
    const double r = l.member_node_radius(m.arbiter);
    const bool selected = s.o.selected_member == static_cast<int>(i);
    p.save();
    if (m.role == ServerRole::Removed)
        p.setOpacity(0.35);
    QPen outline(selected ? pal.ink : pal.ink.lighter(150),
                 selected ? pal.pens.member_selected : pal.pens.member);
    if (m.cut_off || m.role == ServerRole::Startup2)
        outline.setStyle(Qt::DashLine);
    p.setPen(outline);
    p.setBrush(member_fill(m, pal));
    p.drawEllipse(c, r, r);
    if (m.role == ServerRole::Primary && m.up)
        draw_crown(p, pal, l.crown_rect(i, m.arbiter));
    if (!m.up)
        draw_flames(p, pal, c, r);
    if (m.cut_off) {
        // The severed link, on the client's side of the node.
        p.setPen(QPen(pal.down, pal.pens.cut_off, Qt::SolidLine, Qt::RoundCap));
        const QPointF x = l.cut_off_mark(i, m.arbiter);
        p.drawLine(x + QPointF(-r * 0.25, -r * 0.25), x + QPointF(r * 0.25, r * 0.25));
        p.drawLine(x + QPointF(-r * 0.25, r * 0.25), x + QPointF(r * 0.25, -r * 0.25));
    }
    // Inside: the in-flight request count, the storm made visible.
    if (m.in_flight > 0) {
        p.setFont(font_px(r * 0.7, true));
        p.setPen(pal.on_fill);
        p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                   QString::number(m.in_flight));
    }
    const QRectF host = l.member_label_row(i, m.arbiter, 0);
    // A member's name is what the audience reads aloud: it shrinks before it is cut.
    p.setPen(pal.ink);
    p.drawText(host, Qt::AlignVCenter,
               shrink_first(p, member_host_forms(m, s.f), host.width(), l.member_text_px, true,
                            l.min_shrink(l.member_text_px, 0.6)));
    const QRectF role = l.member_label_row(i, m.arbiter, 1);
    p.setPen(!m.up || m.cut_off ? pal.down : m.role == ServerRole::Primary ? pal.primary : pal.ink);
    p.drawText(role, Qt::AlignVCenter,
               shrink_first(p, member_role_forms(m), role.width(), l.member_text_px * 0.9, true,
                            l.min_shrink(l.member_text_px * 0.9, 0.6)));
    const QRectF detail = l.member_label_row(i, m.arbiter, 2);
    p.setFont(font_px(std::max(l.member_text_px * 0.8, std::min(l.min_text_px, l.member_text_px))));
    if (i < s.f.server_monitors.size()) {
        // sdam: this server's own monitor lane, in the monitor's colours.
        const ServerMonitorFrame& mon = s.f.server_monitors[i];
        p.setPen(pal.for_step(mon.checking ? ThreadStep::Refreshing : ThreadStep::Sleeping)
                     .darker(mon.checking ? 100 : 160));
        p.drawText(detail, Qt::AlignVCenter,
                   fit_first(p, server_monitor_forms(mon, s.f.now), detail.width()));
    } else {
        p.setPen(m.ping_ms >= 100 ? pal.down : pal.muted);
        // The ping is a detail: a short slot drops it rather than show a cut one.
        p.drawText(detail, Qt::AlignVCenter, fit_first(p, member_detail_forms(m), detail.width()));
    }
    p.restore();
}

} // namespace

void paint_members(const Scene& s) {
    QPainter& p = s.p;
    const SceneLayout& l = s.l;
    p.setFont(font_px(l.text(0.8), true));
    p.setPen(s.f.election_pending ? s.pal.warn : s.pal.muted);
    p.drawText(l.heading_above(l.members_area), Qt::AlignLeft | Qt::AlignVCenter,
               fit_first(p, members_heading_forms(s.f), l.members_area.width()));
    for (std::size_t i = 0; i < s.f.members.size() && i < l.member_centers.size(); ++i)
        paint_member(s, i);
}

} // namespace wn::ui

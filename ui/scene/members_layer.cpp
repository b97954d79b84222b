#include "ui/model/scene_text.h"
#include "ui/model/scene_text_forms.h"
#include "ui/scene/layers.h"
#include "ui/scene/paint_cache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

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

/// Every member's label forms, and the one wording and size they all take.
struct MemberLabels {
    std::vector<std::vector<std::string>> hosts, roles, details; // details: none for sdam
    GroupFit host, role;
    /// Even the shortest role ("SEC.") too wide at the smallest text: the role line is left
    /// out, as in a short slot (the node tells the role).
    bool no_role = false;
    double detail_px = 0;
    std::size_t detail_step = 0;
};

void paint_member(const Scene& s, std::size_t i, const MemberLabels& labels) {
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
        // At least the smallest text while the number fits across the node.
        const QString count = QString::number(m.in_flight);
        double px = std::max(r * 0.7, s.l.min_text_px);
        if (px > r * 0.7 && text_advance(font_px(px, true), count) > 2 * r * 0.9)
            px = r * 0.7;
        p.setFont(font_px(px, true));
        p.setPen(pal.on_fill);
        p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter, count);
    }
    // A member's name is what the audience reads aloud: it shrinks before it is cut. Every
    // member's label takes the same wording and size (`labels`), picked for them all.
    const QRectF host = l.member_label_row(i, m.arbiter, 0);
    p.setPen(pal.ink);
    p.setFont(font_px(labels.host.px, true));
    p.drawText(host, Qt::AlignVCenter,
               fit(p, form_at(labels.hosts[i], labels.host.step), host.width()));
    // Fewer rows than three (large text in a short pane): the ping goes, then the role,
    // which the node still tells (its crown, its flames, its dashed ring, its fill).
    if (l.member_rows < 2 || labels.no_role) {
        p.restore();
        return;
    }
    const QRectF role = l.member_label_row(i, m.arbiter, 1);
    p.setPen(!m.up || m.cut_off ? pal.down : m.role == ServerRole::Primary ? pal.primary : pal.ink);
    p.setFont(font_px(labels.role.px, true));
    p.drawText(role, Qt::AlignVCenter,
               fit(p, form_at(labels.roles[i], labels.role.step), role.width()));
    if (l.member_rows < 3) {
        p.restore();
        return;
    }
    const QRectF detail = l.member_label_row(i, m.arbiter, 2);
    p.setFont(font_px(labels.detail_px));
    if (i < s.f.server_monitors.size()) {
        // sdam: this server's own monitor lane, in the monitor's colours.
        const ServerMonitorFrame& mon = s.f.server_monitors[i];
        p.setPen(pal.for_step(mon.checking ? ThreadStep::Refreshing : ThreadStep::Sleeping)
                     .darker(mon.checking ? 100 : 160));
        std::vector<std::string> lines = server_monitor_forms(mon, s.f.now);
        if (l.min_text_px > 0)
            lines.emplace_back(); // a detail: left out rather than "◆ 2.…"
        p.drawText(detail, Qt::AlignVCenter, fit_first(p, lines, detail.width()));
    } else {
        p.setPen(m.ping_ms >= 100 ? pal.down : pal.muted);
        // The ping is a detail: a short slot drops it rather than show a cut one.
        p.drawText(detail, Qt::AlignVCenter, qs(form_at(labels.details[i], labels.detail_step)));
    }
    p.restore();
}

/// The members' labels' wording and sizes, one for them all: the longest decides.
MemberLabels member_labels(const Scene& s) {
    const SceneLayout& l = s.l;
    MemberLabels labels;
    double width = 1e9;
    for (std::size_t i = 0; i < s.f.members.size() && i < l.member_centers.size(); ++i) {
        const MemberFrame& m = s.f.members[i];
        labels.hosts.push_back(member_host_forms(m, s.short_hosts));
        labels.roles.push_back(member_role_forms(m));
        // An sdam member's third line is its monitor's, not a ping: no forms (they fit).
        labels.details.push_back(i < s.f.server_monitors.size() ? std::vector<std::string>{}
                                                                : member_detail_forms(m));
        width = std::min(width, l.member_label_row(i, m.arbiter, 0).width());
    }
    const double px = l.member_text_px;
    labels.host = shrink_group(labels.hosts, width, px, true, l.min_shrink(px, 0.6));
    // The second and third lines are smaller, but not under the smallest text.
    const double role_px = std::max(px * 0.9, std::min(l.min_text_px, px));
    labels.role = shrink_group(labels.roles, width, role_px, true, l.min_shrink(role_px, 0.6));
    if (l.min_text_px > 0) {
        const QFont font = font_px(labels.role.px, true);
        for (const auto& role : labels.roles)
            labels.no_role =
                labels.no_role || text_advance(font, qs(form_at(role, labels.role.step))) > width;
    }
    labels.detail_px = std::max(px * 0.8, std::min(l.min_text_px, px));
    QPainter& p = s.p;
    p.save();
    p.setFont(font_px(labels.detail_px));
    labels.detail_step = fit_group(p, labels.details, width);
    p.restore();
    return labels;
}

} // namespace

void paint_members(const Scene& s) {
    QPainter& p = s.p;
    const SceneLayout& l = s.l;
    p.setFont(font_px(l.text(0.8), true));
    p.setPen(s.f.election_pending ? s.pal.warn : s.pal.muted);
    std::vector<std::string> headings = members_heading_forms(s.f);
    if (l.min_text_px > 0)
        headings.emplace_back(); // left out rather than "Elec…": the caption tells it
    p.drawText(l.heading_above(l.members_area), Qt::AlignLeft | Qt::AlignVCenter,
               fit_first(p, headings, l.members_area.width()));
    const MemberLabels labels = member_labels(s);
    for (std::size_t i = 0; i < s.f.members.size() && i < l.member_centers.size(); ++i)
        paint_member(s, i, labels);
}

} // namespace wn::ui

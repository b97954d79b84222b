#include "ui/scene/layers.h"

#include <QPainter>
#include <map>
#include <tuple>

namespace wn::ui {
namespace {

QColor packet_colour(const PacketFrame& pk, const Palette& pal) {
    if (pk.end >= 0 && !pk.ok)
        return pal.error;
    return pk.ismaster ? pal.ismaster : pal.op;
}

double progress(const PacketFrame& pk, const Frame& f) {
    const MemberFrame& m = f.members[static_cast<std::size_t>(pk.member)];
    return packet_progress(f.now, pk.begin, m.ping_ms / 1000.0);
}

/// Bundles the wires: one per member, kind and outcome, as thick as its count, from the
/// edge of the thread grid; the requests in flight ride on them as dots.
void paint_bundled(const Scene& s, auto valid) {
    QPainter& p = s.p;
    const SceneLayout& l = s.l;
    const QPointF from = l.bundle_origin();
    // The monitor's own requests still leave from the monitor's lane.
    auto origin = [&](ActorId a) {
        return a == kActorMonitor ? l.actor_token(a) : from;
    };
    // member, ismaster, state (0 in flight, 1 ok, 2 failed), from the monitor
    std::map<std::tuple<int, bool, int, bool>, int> bundles;
    for (const PacketFrame& pk : s.f.packets)
        if (valid(pk))
            ++bundles[{pk.member, pk.ismaster,
                       pk.end < 0 ? 0
                       : pk.ok    ? 1
                                  : 2,
                       pk.from == kActorMonitor}];
    for (const auto& [key, n] : bundles) {
        const auto [member, ismaster, state, monitor] = key;
        PacketFrame sample;
        sample.ismaster = ismaster;
        sample.end = state == 0 ? -1 : s.f.now;
        sample.ok = state != 2;
        p.setPen(QPen(over_background(packet_colour(sample, s.pal), state == 0 ? 0.45 : 0.3,
                                      s.pal.background),
                      wire_bundle_width(n) * s.pal.font_scale));
        p.drawLine(monitor ? origin(kActorMonitor) : from,
                   l.member_anchor(static_cast<std::size_t>(member)));
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    constexpr int kMaxDots = 400;
    int dots = 0;
    for (const PacketFrame& pk : s.f.packets) {
        if (!valid(pk) || pk.end >= 0 || ++dots > kMaxDots)
            continue;
        const QPointF start = origin(pk.from);
        const QPointF to = l.member_anchor(static_cast<std::size_t>(pk.member));
        p.setBrush(packet_colour(pk, s.pal));
        const double r = l.font_px * (pk.ismaster ? 0.3 : 0.22);
        p.drawEllipse(start + (to - start) * progress(pk, s.f), r, r);
    }
}

} // namespace

void paint_packets(const Scene& s) {
    QPainter& p = s.p;
    const SceneLayout& l = s.l;
    const Frame& f = s.f;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false); // hundreds of thin lines: keep them cheap
    auto valid = [&](const PacketFrame& pk) {
        return pk.member >= 0 && static_cast<std::size_t>(pk.member) < l.member_centers.size();
    };
    if (l.aggregated) {
        paint_bundled(s, valid);
        p.restore();
        return;
    }
    for (const PacketFrame& pk : f.packets) {
        if (!valid(pk))
            continue;
        const QPointF from = l.actor_token(pk.from);
        const QPointF to = l.member_anchor(static_cast<std::size_t>(pk.member));
        const double width = pk.ismaster ? s.pal.pens.ismaster : s.pal.pens.request;
        // A finished request fades out over the trail.
        const double alpha =
            pk.end >= 0 ? 0.55 * (1.0 - (f.now - pk.end) / std::max(s.o.trail_s, 1e-9)) : 0.35;
        p.setPen(QPen(over_background(packet_colour(pk, s.pal), alpha, s.pal.background), width));
        p.drawLine(from, to);
    }
    // Dots on top of every wire, smooth.
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    for (const PacketFrame& pk : f.packets) {
        if (!valid(pk) || pk.end >= 0)
            continue;
        const QPointF from = l.actor_token(pk.from);
        p.setBrush(packet_colour(pk, s.pal));
        const double r = l.font_px * (pk.ismaster ? 0.32 : 0.24);
        p.drawEllipse(from + (l.member_anchor(static_cast<std::size_t>(pk.member)) - from) *
                                 progress(pk, s.f),
                      r, r);
    }
    p.restore();
}

} // namespace wn::ui

#include "ui/renderer.h"

#include "ui/palette.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace wn::ui {
namespace {

QFont font_px(double px, bool bold = false) {
    QFont f("DejaVu Sans");
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

/// Elides `text` to fit `width` with the painter's current font.
QString fit(QPainter& p, const QString& text, double width) {
    return QFontMetricsF(p.font()).elidedText(text, Qt::ElideRight, width);
}

/// Sets a font of `px` pixels, or down to 80% of it if that is what `text` needs to fit in
/// `width`, and returns the text, elided if even that is not enough. For the sentences a room
/// reads, where a smaller font beats a cut-off one.
QString shrink_to_fit(QPainter& p, const QString& text, double width, double px, bool bold) {
    for (double scale = 1.0;; scale -= 0.05) {
        p.setFont(font_px(px * scale, bold));
        if (scale <= 0.8 || QFontMetricsF(p.font()).horizontalAdvance(text) <= width)
            return fit(p, text, width);
    }
}

QString step_text(const ThreadState& t, const Frame& f) {
    if (t.step == ThreadStep::Failed)
        return QString::fromUtf8("\u2717 ") + error_kind_name(t.last_error);
    QString text = thread_step_name(t.step);
    if (t.target >= 0 && static_cast<std::size_t>(t.target) < f.host_names.size()) {
        const QString host =
            QString::fromStdString(f.host_names[static_cast<std::size_t>(t.target)]);
        if (t.step == ThreadStep::Sending)
            text = (t.op == OpKind::Write ? "write \u2192 " : "read \u2192 ") + host;
        else if (t.step == ThreadStep::Refreshing)
            text = "refresh: ismaster " + host;
        else
            text += " " + host;
    }
    return text;
}

/// One word per step, for the legend of the aggregated grid.
const char* short_step_name(ThreadStep step) {
    switch (step) {
    case ThreadStep::Thinking:
        return "idle";
    case ThreadStep::CopyingRef:
        return "copy ref";
    case ThreadStep::ReadingPrimary:
        return "read primary";
    case ThreadStep::LookingUp:
        return "lookup";
    case ThreadStep::Sending:
        return "sending";
    case ThreadStep::WaitingForRefresh:
        return "waiting";
    case ThreadStep::BlockedOnLock:
        return "blocked";
    case ThreadStep::Refreshing:
        return "refreshing";
    case ThreadStep::Publishing:
        return "publishing";
    case ThreadStep::Sleeping:
        return "sleeping";
    case ThreadStep::Failed:
        return "failed";
    }
    return "?";
}

void draw_arrow(QPainter& p, QPointF from, QPointF to, const QColor& color, double width) {
    QPainterPath path(from);
    const double dx = (to.x() - from.x()) * 0.5;
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    const double a =
        std::atan2(to.y() - (to - QPointF(dx, 0)).y(), to.x() - (to - QPointF(dx, 0)).x());
    const double len = width * 4 + 4;
    QPolygonF head;
    head << to << to - QPointF(std::cos(a - 0.45) * len, std::sin(a - 0.45) * len)
         << to - QPointF(std::cos(a + 0.45) * len, std::sin(a + 0.45) * len);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPolygon(head);
}

QPointF token_for(const SceneLayout& l, ActorId actor) {
    if (actor == kActorMonitor)
        return SceneLayout::token_center(l.monitor_cell, false);
    const auto i = static_cast<std::size_t>(actor - 1);
    if (actor < 1 || i >= l.thread_cells.size())
        return l.threads_area.center();
    return SceneLayout::token_center(l.thread_cells[i], l.aggregated);
}

/// `c` at opacity `alpha` over the background, as an opaque colour: translucent wide lines
/// are the slowest thing Qt's raster engine draws, and packets lie on the bare background.
QColor over_background(QColor c, double alpha) {
    const QColor bg = palette().background;
    alpha = std::clamp(alpha, 0.0, 1.0);
    return QColor::fromRgbF(c.redF() * alpha + bg.redF() * (1 - alpha),
                            c.greenF() * alpha + bg.greenF() * (1 - alpha),
                            c.blueF() * alpha + bg.blueF() * (1 - alpha));
}

/// Where along caller -> member an in-flight request is drawn: out and back over one round
/// trip (a cut-off member keeps it bouncing until the timeout).
double packet_progress(const PacketFrame& pk, const Frame& f) {
    const MemberFrame& m = f.members[static_cast<std::size_t>(pk.member)];
    const double rtt = std::max(m.ping_ms / 1000.0, 1e-4);
    const double phase = std::fmod((f.now - pk.begin) / rtt, 1.0);
    return phase < 0.5 ? phase * 2 : 2 - phase * 2;
}

QColor packet_colour(const PacketFrame& pk) {
    const Palette& pal = palette();
    if (pk.end >= 0 && !pk.ok)
        return pal.error;
    return pk.ismaster ? pal.ismaster : pal.op;
}

void draw_packets(QPainter& p, const Frame& f, const SceneLayout& l, const RenderOptions& o) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false); // hundreds of thin lines: keep them cheap
    auto member_point = [&](int member) {
        return l.member_centers[static_cast<std::size_t>(member)] - QPointF(l.member_radius, 0);
    };
    auto valid = [&](const PacketFrame& pk) {
        return pk.member >= 0 && static_cast<std::size_t>(pk.member) < l.member_centers.size();
    };
    if (l.aggregated) {
        // Bundle the wires: one per member, kind and outcome, as thick as its count, from
        // the edge of the thread grid; the requests in flight ride on them as dots.
        const QPointF from(l.threads_area.right(), l.threads_area.center().y());
        // The monitor's own requests still leave from the monitor's lane.
        auto origin = [&](ActorId a) {
            return a == kActorMonitor ? token_for(l, a) : from;
        };
        // member, ismaster, state, from the monitor
        std::map<std::tuple<int, bool, int, bool>, int> bundles;
        for (const PacketFrame& pk : f.packets)
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
            sample.end = state == 0 ? -1 : f.now;
            sample.ok = state != 2;
            p.setPen(QPen(over_background(packet_colour(sample), state == 0 ? 0.45 : 0.3),
                          1 + std::min(12.0, std::sqrt(n) * 1.2)));
            p.drawLine(monitor ? origin(kActorMonitor) : from, member_point(member));
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        int dots = 0;
        for (const PacketFrame& pk : f.packets) {
            if (!valid(pk) || pk.end >= 0 || ++dots > 400)
                continue;
            const QPointF start = origin(pk.from);
            const QPointF to = member_point(pk.member);
            p.setBrush(packet_colour(pk));
            const double r = l.font_px * (pk.ismaster ? 0.3 : 0.22);
            p.drawEllipse(start + (to - start) * packet_progress(pk, f), r, r);
        }
        p.restore();
        return;
    }
    for (const PacketFrame& pk : f.packets) {
        if (!valid(pk))
            continue;
        const QPointF from = token_for(l, pk.from);
        const QPointF to = member_point(pk.member);
        const double width = pk.ismaster ? 2.0 : 1.0;
        if (pk.end >= 0) {
            const double age = (f.now - pk.end) / std::max(o.trail_s, 1e-9);
            p.setPen(QPen(over_background(packet_colour(pk), 0.55 * (1.0 - age)), width));
            p.drawLine(from, to);
            continue;
        }
        p.setPen(QPen(over_background(packet_colour(pk), 0.35), width));
        p.drawLine(from, to);
    }
    // Dots on top of every wire, smooth.
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    for (const PacketFrame& pk : f.packets) {
        if (!valid(pk) || pk.end >= 0)
            continue;
        const QPointF from = token_for(l, pk.from);
        p.setBrush(packet_colour(pk));
        const double r = l.font_px * (pk.ismaster ? 0.32 : 0.24);
        p.drawEllipse(from + (member_point(pk.member) - from) * packet_progress(pk, f), r, r);
    }
    p.restore();
}

void draw_thread_lane(QPainter& p, const ThreadState& t, const QRectF& cell, const Frame& f,
                      const SceneLayout& l, bool selected) {
    const Palette& pal = palette();
    const double r = cell.height() * 0.32;
    const QPointF c = SceneLayout::token_center(cell, false);
    if (selected) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 114, 178, 40));
        p.drawRoundedRect(cell.adjusted(0, 1, 0, -1), 4, 4);
    }
    p.setPen(QPen(pal.ink, 1));
    p.setBrush(pal.for_step(t.step));
    p.drawEllipse(c, r, r);
    const double text_px = std::min(l.font_px, cell.height() * 0.5);
    p.setFont(font_px(text_px, true));
    p.setPen(pal.ink);
    const QString id = "T" + QString::number(t.id);
    const double x = c.x() + r + text_px * 0.4;
    p.drawText(QRectF(x, cell.top(), text_px * 2.6, cell.height()), Qt::AlignVCenter, id);
    const double x2 = x + text_px * 2.6;
    QString label = step_text(t, f);
    if (t.held_version > 0)
        label = "v" + QString::number(t.held_version) + "  " + label;
    p.setFont(font_px(text_px * 0.9, t.step == ThreadStep::Failed));
    p.setPen(t.step == ThreadStep::Failed ? pal.error : pal.ink);
    p.drawText(QRectF(x2, cell.top(), cell.right() - x2, cell.height()), Qt::AlignVCenter,
               fit(p, label, cell.right() - x2));
}

void draw_threads(QPainter& p, const Frame& f, const SceneLayout& l, const RenderOptions& o) {
    const Palette& pal = palette();
    p.setFont(font_px(l.font_px * 0.8, true));
    p.setPen(pal.muted);
    const QRectF heading(l.threads_area.left(), l.threads_area.top() - l.font_px * 1.3,
                         l.threads_area.width(), l.font_px * 1.2);
    if (!l.aggregated) {
        p.drawText(heading, Qt::AlignLeft | Qt::AlignVCenter,
                   QString::number(f.threads.size()) + " application threads");
        for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size(); ++i)
            draw_thread_lane(p, f.threads[i], l.thread_cells[i], f, l,
                             o.selected_thread == static_cast<int>(i) + 1);
    } else {
        // A grid of tokens, and counts per step instead of a label per thread.
        std::map<ThreadStep, int> counts;
        for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size(); ++i) {
            const ThreadState& t = f.threads[i];
            ++counts[t.step];
            const QRectF cell = l.thread_cells[i].adjusted(1, 1, -1, -1);
            p.setPen(o.selected_thread == t.id ? QPen(pal.ink, 2) : Qt::NoPen);
            p.setBrush(pal.for_step(t.step));
            p.drawRect(cell);
        }
        // The legend: a chip of each colour in use with its count.
        double x = heading.left();
        p.setFont(font_px(l.font_px * 0.7, true));
        const QFontMetricsF fm(p.font());
        for (const auto& [step, n] : counts) {
            const QString label = QString::number(n) + " " + short_step_name(step);
            const double w = fm.horizontalAdvance(label) + heading.height() * 1.3;
            if (x + w > heading.right())
                break;
            p.setPen(Qt::NoPen);
            p.setBrush(pal.for_step(step));
            p.drawRect(QRectF(x, heading.top() + heading.height() * 0.2, heading.height() * 0.6,
                              heading.height() * 0.6));
            p.setPen(pal.ink);
            p.drawText(QRectF(x + heading.height() * 0.8, heading.top(), w, heading.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, label);
            x += w;
        }
    }
    // The monitor's lane: its timer, or what it is asking.
    const QRectF m = l.monitor_cell;
    p.setPen(QPen(pal.grid, 1));
    p.setBrush(pal.panel);
    p.drawRoundedRect(m, 6, 6);
    const double r = m.height() * 0.3;
    const QPointF c = SceneLayout::token_center(m, false) + QPointF(r * 0.3, 0);
    QPolygonF diamond;
    diamond << c + QPointF(0, -r) << c + QPointF(r, 0) << c + QPointF(0, r) << c + QPointF(-r, 0);
    p.setPen(QPen(pal.ink, 1));
    p.setBrush(pal.for_step(f.monitor.step));
    p.drawPolygon(diamond);
    p.setFont(font_px(l.font_px * 0.95, true));
    p.setPen(pal.ink);
    const double x = c.x() + r * 1.6;
    p.drawText(QRectF(x, m.top(), l.font_px * 5, m.height() * 0.55), Qt::AlignBottom, "monitor");
    QString state;
    if (f.monitor.step == ThreadStep::Sleeping) {
        state = "sleeping: next refresh in " +
                QString::number(std::max(0.0, f.monitor_wake_at - f.now), 'f', 1) + " s";
    } else {
        state = "refresh() in progress";
    }
    p.setFont(font_px(l.font_px * 0.8));
    p.setPen(pal.muted);
    p.drawText(QRectF(x, m.top() + m.height() * 0.5, m.right() - x - 4, m.height() * 0.5),
               Qt::AlignTop, fit(p, state, m.right() - x - 4));
}

void draw_holder_arrows(QPainter& p, const Frame& f, const SceneLayout& l) {
    const Palette& pal = palette();
    std::map<int, std::size_t> slot_of;
    for (std::size_t i = 0; i < f.versions.size() && i < l.version_boxes.size(); ++i)
        slot_of[f.versions[i].version] = i;
    auto box_anchor = [&](std::size_t slot) {
        const QRectF& b = l.version_boxes[slot];
        return QPointF(b.left(), b.top() + std::min(b.height() / 2, l.font_px * 1.2));
    };
    if (!l.aggregated) {
        for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size(); ++i) {
            const ThreadState& t = f.threads[i];
            if (t.held_version <= 0 || !slot_of.count(t.held_version))
                continue;
            const bool current = t.held_version == f.current_version;
            const QColor c = over_background(current ? pal.current : pal.down, 0.75);
            draw_arrow(p, token_for(l, t.id), box_anchor(slot_of[t.held_version]), c, 1.6);
        }
    } else {
        // Bundle the arrows: one per version, as thick as its share of holders.
        std::map<int, int> holders;
        for (const ThreadState& t : f.threads)
            if (t.held_version > 0)
                ++holders[t.held_version];
        const QPointF from(l.threads_area.right(), l.threads_area.center().y());
        for (const auto& [version, n] : holders) {
            if (!slot_of.count(version))
                continue;
            const QPointF to = box_anchor(slot_of[version]);
            const QColor c =
                over_background(version == f.current_version ? pal.current : pal.down, 0.85);
            draw_arrow(p, from, to, c, 1.5 + std::min(10.0, std::sqrt(n) * 1.5));
            p.setFont(font_px(l.font_px * 0.8, true));
            p.setPen(c);
            p.drawText((from + to) / 2 + QPointF(0, -l.font_px * 0.4),
                       QString::fromUtf8("\u00d7") + QString::number(n));
        }
    }
    // The monitor's local reference while it builds the next version.
    if (f.monitor.held_version > 0 && slot_of.count(f.monitor.held_version))
        draw_arrow(p, token_for(l, kActorMonitor), box_anchor(slot_of[f.monitor.held_version]),
                   pal.refresh, 1.6);
}

void draw_version(QPainter& p, const VersionFrame& v, const QRectF& box, const Frame& f,
                  const SceneLayout& l, const RenderOptions& o) {
    const Palette& pal = palette();
    double alpha = 1.0;
    if (!v.live)
        alpha = std::clamp(1.0 - (f.now - v.reclaimed_at) / std::max(o.trail_s, 1e-9), 0.15, 1.0);
    p.save();
    p.setOpacity(alpha);
    QPen border(v.current ? pal.current : pal.stale, v.current ? 3 : 1.5);
    if (!v.live)
        border.setStyle(Qt::DashLine);
    if (o.selected_version == v.version)
        border = QPen(pal.ink, 3);
    p.setPen(border);
    p.setBrush(pal.panel);
    p.drawRoundedRect(box, 8, 8);
    const double pad = l.font_px * 0.4;
    const double line = l.font_px * 1.2;
    QRectF r = box.adjusted(pad, pad * 0.5, -pad, -pad * 0.5);
    p.setFont(font_px(l.font_px * (v.current ? 1.05 : 0.9), true));
    p.setPen(v.current ? pal.current : pal.ink);
    QString title = v.current ? "RSState v" + QString::number(v.version) + "  (current)"
                              : "v" + QString::number(v.version) + (v.live ? "" : " (freed)");
    p.drawText(QRectF(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter, title);
    if (v.live) {
        p.setFont(font_px(l.font_px * 0.85));
        p.setPen(pal.muted);
        p.drawText(QRectF(r.left(), r.top(), r.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                   "refs " + QString::number(v.refcount));
    }
    double y = r.top() + line;
    if (v.current) {
        p.setFont(font_px(l.font_px * 0.9, true));
        p.setPen(v.writer.empty() ? pal.error : pal.ink);
        const QString primary = v.writer.empty() ? QString("no primary")
                                                 : QString::fromUtf8("\u265b primary: ") +
                                                       QString::fromStdString(v.writer);
        p.drawText(QRectF(r.left(), y, r.width(), line), Qt::AlignVCenter,
                   fit(p, primary, r.width()));
        y += line;
        if (v.writer.empty() && !v.error.empty()) {
            p.setFont(font_px(l.font_px * 0.8));
            p.drawText(QRectF(r.left(), y, r.width(), line), Qt::AlignVCenter,
                       fit(p, "error_message: " + QString::fromStdString(v.error), r.width()));
            y += line;
        }
        p.setFont(font_px(l.font_px * 0.85));
        p.setPen(pal.ink);
        for (const std::string& m : v.member_lines) {
            if (y + line > r.bottom() + 1)
                break;
            p.drawText(QRectF(r.left() + pad, y, r.width() - pad, line), Qt::AlignVCenter,
                       fit(p, QString::fromStdString(m), r.width() - pad));
            y += line;
        }
    } else {
        QString held;
        int threads = 0;
        for (ActorId a : v.holders)
            if (a != kActorClient) {
                if (threads < 6)
                    held += (threads ? ", " : "") + QString::fromStdString(actor_label(a));
                ++threads;
            }
        if (threads > 6)
            held += QString::fromUtf8(" \u2026 +") + QString::number(threads - 6);
        QString text = v.live ? "held by " + held
                              : "freed at t=" + QString::number(v.reclaimed_at, 'f', 3) + " s";
        p.setPen(v.live ? pal.ink : pal.muted);
        p.drawText(QRectF(r.left(), y, r.width(), line), Qt::AlignVCenter, fit(p, text, r.width()));
    }
    p.restore();
}

void draw_center(QPainter& p, const Frame& f, const SceneLayout& l, const RenderOptions& o) {
    const Palette& pal = palette();
    const bool heap = f.strategy == StrategyKind::Wasp;
    // The client object and its one attribute, the petiole.
    p.setPen(QPen(pal.ink, 2));
    p.setBrush(pal.panel);
    p.drawRoundedRect(l.client_box, 8, 8);
    p.setFont(font_px(l.font_px, true));
    p.setPen(pal.ink);
    const QRectF top_half(l.client_box.left(), l.client_box.top(), l.client_box.width(),
                          l.client_box.height() * 0.55);
    p.drawText(top_half, Qt::AlignCenter, "MongoReplicaSetClient");
    p.setPen(pal.muted);
    const QRectF bottom_half(l.client_box.left(), top_half.bottom(), l.client_box.width(),
                             l.client_box.height() * 0.45);
    const QString attributes = heap ? "self.rsstate  (one attribute: the petiole)"
                               : f.strategy == StrategyKind::Naive
                                   ? "self.members, self.primary  (shared, mutated in place)"
                               : f.strategy == StrategyKind::Mutex
                                   ? "self.members, self.primary  (shared, mutex-guarded)"
                                   : "self.members, self.primary  (shared, rwlock-guarded)";
    p.drawText(
        bottom_half, Qt::AlignCenter,
        shrink_to_fit(p, attributes, bottom_half.width() - l.font_px, l.font_px * 0.85, false));
    if (heap) {
        if (!l.version_boxes.empty())
            draw_arrow(p, l.petiole, QPointF(l.petiole.x(), l.version_boxes[0].top()), pal.current,
                       3);
        for (std::size_t i = 0; i < f.versions.size() && i < l.version_boxes.size(); ++i)
            draw_version(p, f.versions[i], l.version_boxes[i], f, l, o);
        int live = 0;
        for (const VersionFrame& v : f.versions)
            live += v.live ? 1 : 0;
        p.setFont(font_px(l.font_px * 0.8));
        p.setPen(pal.muted);
        QString footer = QString::number(live) + " live version" + (live == 1 ? "" : "s") +
                         " \u00b7 " + QString::number(f.reclaimed_total) + " reclaimed";
        if (f.versions.size() > l.version_boxes.size())
            footer += QString::fromUtf8(" \u00b7 +") +
                      QString::number(f.versions.size() - l.version_boxes.size()) + " not shown";
        p.drawText(QRectF(l.heap_area.left(), l.heap_area.bottom() - l.font_px * 1.2,
                          l.heap_area.width(), l.font_px * 1.2),
                   Qt::AlignLeft | Qt::AlignVCenter, footer);
        return;
    }
    // The shared mutable dict everyone reads and any refresher writes.
    const bool flash = f.last_mutation_at >= 0 && f.now - f.last_mutation_at < o.trail_s;
    const double line = l.font_px * 1.25;
    const QRectF box(l.heap_area.left(), l.heap_area.top(), l.heap_area.width(),
                     std::min(l.heap_area.height(),
                              line * (3.6 + static_cast<double>(f.shared_members.size()))));
    draw_arrow(p, l.petiole, QPointF(l.petiole.x(), box.top()), pal.ink, 3);
    p.setPen(QPen(flash ? pal.down : pal.ink, flash ? 4 : 2));
    p.setBrush(pal.panel);
    p.drawRoundedRect(box, 8, 8);
    p.setFont(font_px(l.font_px * 0.95, true));
    p.setPen(pal.ink);
    double y = box.top() + l.font_px * 0.4;
    const double x = box.left() + l.font_px * 0.6;
    p.drawText(QRectF(x, y, box.width(), line), Qt::AlignVCenter, "self.members = {");
    y += line;
    p.setFont(font_px(l.font_px * 0.85));
    for (const std::string& m : f.shared_members) {
        p.drawText(QRectF(x + l.font_px, y, box.width() - 2 * l.font_px, line), Qt::AlignVCenter,
                   fit(p, QString::fromStdString(m), box.width() - 2 * l.font_px));
        y += line;
    }
    p.setFont(font_px(l.font_px * 0.95, true));
    p.drawText(QRectF(x, y, box.width(), line), Qt::AlignVCenter, "}");
    y += line;
    p.setPen(f.shared_primary.empty() ? pal.error : pal.ink);
    p.drawText(QRectF(x, y, box.width(), line), Qt::AlignVCenter,
               "self.primary = " + (f.shared_primary.empty()
                                        ? QString("None")
                                        : "'" + QString::fromStdString(f.shared_primary) + "'"));
    if (flash) {
        p.setFont(font_px(l.font_px * 0.8, true));
        p.setPen(pal.down);
        p.drawText(QRectF(box.left(), box.bottom() + 2, box.width(), line), Qt::AlignRight,
                   "mutated in place!");
    }
    // Threads reading the shared state right now point at it: all at the same object.
    const QPointF anchor(box.left(), box.top() + line);
    for (std::size_t i = 0; i < f.threads.size() && i < l.thread_cells.size() && !l.aggregated;
         ++i) {
        const ThreadState& t = f.threads[i];
        if (t.step == ThreadStep::ReadingPrimary || t.step == ThreadStep::LookingUp) {
            const QColor c = over_background(pal.ink, 0.6);
            draw_arrow(p, token_for(l, t.id), anchor, c, 1.4);
        }
    }
}

void draw_flames(QPainter& p, QPointF c, double r) {
    const Palette& pal = palette();
    for (int i = -1; i <= 1; ++i) {
        QPainterPath flame;
        const QPointF base = c + QPointF(i * r * 0.45, -r * 0.55);
        flame.moveTo(base + QPointF(-r * 0.28, 0));
        flame.quadTo(base + QPointF(-r * 0.3, -r * 0.55),
                     base + QPointF(0, -r * (0.9 + 0.2 * (i == 0))));
        flame.quadTo(base + QPointF(r * 0.3, -r * 0.55), base + QPointF(r * 0.28, 0));
        flame.closeSubpath();
        p.setPen(QPen(pal.down, 1.5));
        p.setBrush(pal.fire);
        p.drawPath(flame);
    }
}

void draw_crown(QPainter& p, QPointF c, double r) {
    const Palette& pal = palette();
    const double w = r * 1.1, h = r * 0.55;
    const QPointF b = c + QPointF(0, -r - h * 0.15);
    QPolygonF crown;
    crown << b + QPointF(-w / 2, 0) << b + QPointF(-w / 2, -h) << b + QPointF(-w / 4, -h * 0.45)
          << b + QPointF(0, -h * 1.1) << b + QPointF(w / 4, -h * 0.45) << b + QPointF(w / 2, -h)
          << b + QPointF(w / 2, 0);
    p.setPen(QPen(pal.ink, 1.5));
    p.setBrush(QColor(240, 228, 66));
    p.drawPolygon(crown);
}

void draw_members(QPainter& p, const Frame& f, const SceneLayout& l, const RenderOptions& o) {
    const Palette& pal = palette();
    p.setFont(font_px(l.font_px * 0.8, true));
    p.setPen(pal.muted);
    QString heading = "Replica set";
    if (f.election_pending)
        heading =
            "Election in progress (decides at t=" + QString::number(f.election_at, 'f', 1) + " s)";
    p.setPen(f.election_pending ? pal.warn : pal.muted);
    p.drawText(QRectF(l.members_area.left(), l.members_area.top() - l.font_px * 1.3,
                      l.members_area.width(), l.font_px * 1.2),
               Qt::AlignLeft | Qt::AlignVCenter, fit(p, heading, l.members_area.width()));
    for (std::size_t i = 0; i < f.members.size() && i < l.member_centers.size(); ++i) {
        const MemberFrame& m = f.members[i];
        const QPointF c = l.member_centers[i];
        const double r = m.arbiter ? l.member_radius * 0.7 : l.member_radius;
        const bool removed = m.role == ServerRole::Removed;
        QColor fill = m.role == ServerRole::Primary ? pal.primary : pal.secondary;
        if (m.arbiter || removed || m.role == ServerRole::Startup2)
            fill = QColor(190, 190, 185);
        if (!m.up)
            fill = pal.down;
        p.save();
        if (removed)
            p.setOpacity(0.35);
        QPen outline(o.selected_member == static_cast<int>(i) ? pal.ink : pal.ink.lighter(150),
                     o.selected_member == static_cast<int>(i) ? 4 : 2);
        if (m.cut_off || m.role == ServerRole::Startup2)
            outline.setStyle(Qt::DashLine);
        p.setPen(outline);
        p.setBrush(fill);
        p.drawEllipse(c, r, r);
        if (m.role == ServerRole::Primary && m.up)
            draw_crown(p, c, r);
        if (!m.up)
            draw_flames(p, c, r);
        if (m.cut_off) {
            // The severed link, on the client's side of the node.
            p.setPen(QPen(pal.down, 4, Qt::SolidLine, Qt::RoundCap));
            const QPointF x = c - QPointF(r * 1.35, 0);
            p.drawLine(x + QPointF(-r * 0.25, -r * 0.25), x + QPointF(r * 0.25, r * 0.25));
            p.drawLine(x + QPointF(-r * 0.25, r * 0.25), x + QPointF(r * 0.25, -r * 0.25));
        }
        // Inside: the in-flight request count, the storm made visible.
        if (m.in_flight > 0) {
            p.setFont(font_px(r * 0.7, true));
            p.setPen(Qt::white);
            p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                       QString::number(m.in_flight));
        }
        const double x = c.x() + r + l.font_px * 0.6;
        const double w = l.members_area.right() - x;
        const double line = l.font_px * 1.15;
        double y = c.y() - line * 1.5;
        p.setFont(font_px(l.font_px, true));
        p.setPen(pal.ink);
        p.drawText(QRectF(x, y, w, line), Qt::AlignVCenter,
                   fit(p, QString::fromStdString(m.host), w));
        y += line;
        QString role = m.up ? server_role_name(m.role) : "DOWN";
        if (m.role == ServerRole::Startup2)
            role = "SYNCING";
        if (m.cut_off)
            role += " \u00b7 cut off";
        p.setFont(font_px(l.font_px * 0.9, true));
        p.setPen(!m.up || m.cut_off              ? pal.down
                 : m.role == ServerRole::Primary ? pal.primary
                                                 : pal.ink);
        p.drawText(QRectF(x, y, w, line), Qt::AlignVCenter, fit(p, role, w));
        y += line;
        p.setFont(font_px(l.font_px * 0.8));
        p.setPen(m.ping_ms >= 100 ? pal.down : pal.muted);
        QString detail = QString::number(m.ping_ms, 'f', m.ping_ms < 10 ? 1 : 0) + " ms ping";
        if (m.ismaster_calls > 0)
            detail +=
                QString::fromUtf8(" \u00b7 ismaster \u00d7") + QString::number(m.ismaster_calls);
        p.drawText(QRectF(x, y, w, line), Qt::AlignVCenter, fit(p, detail, w));
        p.restore();
    }
}

QString counters(const Frame& f) {
    const Metrics& m = f.metrics;
    const auto by_threads = m.refresh_calls - m.refresh_calls_by_monitor;
    QString s = "refresh(): " + QString::number(m.refresh_calls);
    if (by_threads > 0)
        s += " (" + QString::number(by_threads) + " by app threads)";
    s += QString::fromUtf8(" \u00b7 ismaster: ") + QString::number(m.ismaster_calls) +
         QString::fromUtf8(" \u00b7 ops ok: ") + QString::number(m.ops_ok) +
         QString::fromUtf8(" \u00b7 AutoReconnect: ") +
         QString::number(m.errors_of(ErrorKind::AutoReconnect)) +
         QString::fromUtf8(" \u00b7 waiting now: ") + QString::number(m.waiting_now);
    if (f.strategy == StrategyKind::Wasp)
        s += QString::fromUtf8(" \u00b7 published: ") + QString::number(m.states_published) +
             ", reclaimed: " + QString::number(m.states_reclaimed);
    return s;
}

void draw_caption(QPainter& p, const Frame& f, const SceneLayout& l, const RenderOptions& o) {
    const QRectF r = l.caption;
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(30, 30, 30));
    p.drawRoundedRect(r, 8, 8);
    const double pad = l.font_px * 0.6;
    const QString clock = QString("t = ") + QString::number(f.now, 'f', 3) + " s   " +
                          QString::fromUtf8(o.playing ? "\u25b6 " : "paused ") +
                          QString::number(o.speed, 'g', 3) + QString::fromUtf8("\u00d7");
    p.setFont(font_px(l.font_px * 1.05, true));
    const double clock_w = QFontMetricsF(p.font()).horizontalAdvance(clock) + pad;
    p.setPen(QColor(240, 228, 66));
    p.drawText(QRectF(r.right() - clock_w - pad, r.top(), clock_w, r.height() * 0.55),
               Qt::AlignRight | Qt::AlignVCenter, clock);
    const QString strategy =
        QString(strategy_name(f.strategy)) + " \u00b7 " + QString::fromStdString(f.scenario);
    p.setFont(font_px(l.font_px * 0.8));
    p.setPen(QColor(200, 200, 200));
    p.drawText(
        QRectF(r.right() - clock_w - pad, r.top() + r.height() * 0.5, clock_w, r.height() * 0.45),
        Qt::AlignRight | Qt::AlignVCenter, fit(p, strategy, clock_w));
    const QString text =
        o.caption_override.isEmpty() ? QString::fromStdString(f.caption) : o.caption_override;
    const double w = r.width() - clock_w - 3 * pad;
    const QString shown = shrink_to_fit(p, text, w, l.font_px * 1.05, true);
    p.setPen(Qt::white);
    p.drawText(QRectF(r.left() + pad, r.top(), w, r.height() * 0.55),
               Qt::AlignLeft | Qt::AlignVCenter, shown);
    p.setFont(font_px(l.font_px * 0.8));
    p.setPen(QColor(200, 200, 200));
    p.drawText(QRectF(r.left() + pad, r.top() + r.height() * 0.5, w, r.height() * 0.45),
               Qt::AlignLeft | Qt::AlignVCenter, fit(p, counters(f), w));
}

void draw_badges(QPainter& p, const Frame& f, const SceneLayout& l) {
    const Palette& pal = palette();
    const Metrics& m = f.metrics;
    struct Badge {
        QString good, good_short, bad, bad_short;
        SimTime broke;
    };
    const QString keyerrors = QString::number(m.errors_of(ErrorKind::KeyError));
    const QString refreshes = QString::number(m.max_concurrent_refreshes);
    const Badge badges[] = {
        {"every read saw one consistent state", "consistent reads",
         "inconsistent read at t=", "inconsistent read, t=", m.first_inconsistent_read},
        {"at most one refresh() at a time", QString::fromUtf8("\u2264 1 refresh at a time"),
         refreshes + " refreshes at once from t=", refreshes + " refreshes at once, t=",
         m.first_concurrent_refresh},
        {"0 KeyErrors", "0 KeyErrors",
         keyerrors + " KeyError, first at t=", keyerrors + " KeyError, t=", m.first_key_error},
    };
    const double gap = l.font_px * 0.5;
    const double w = (l.badges.width() - 2 * gap) / 3;
    for (int i = 0; i < 3; ++i) {
        const Badge& b = badges[i];
        const bool ok = b.broke < 0;
        const QRectF r(l.badges.left() + i * (w + gap), l.badges.top(), w, l.badges.height());
        p.setPen(Qt::NoPen);
        p.setBrush(ok ? pal.ok : pal.error);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setFont(font_px(l.font_px * 0.9, true));
        p.setPen(Qt::white);
        const QString at = QString::number(to_seconds(b.broke), 'f', 2) + " s";
        auto text = [&](const QString& good, const QString& bad) {
            return ok ? QString::fromUtf8("\u2714 ") + good
                      : QString::fromUtf8("\u2718 ") + bad + at;
        };
        // Narrow panes (side by side) get the short wording rather than a cut-off sentence.
        const double room = r.width() - r.height() * 0.8;
        QString shown = text(b.good, b.bad);
        if (p.fontMetrics().horizontalAdvance(shown) > room)
            shown = text(b.good_short, b.bad_short);
        p.drawText(r.adjusted(r.height() * 0.4, 0, -r.height() * 0.4, 0), Qt::AlignCenter,
                   fit(p, shown, room));
    }
}

} // namespace

SceneLayout layout_for(const Frame& frame, QSizeF size) {
    const int versions =
        frame.strategy == StrategyKind::Wasp ? static_cast<int>(frame.versions.size()) : 0;
    return compute_layout(size, static_cast<int>(frame.threads.size()),
                          static_cast<int>(frame.members.size()), versions);
}

void render(QPainter& p, const Frame& f, const SceneLayout& l, const RenderOptions& o) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    const Palette& pal = palette();
    p.fillRect(QRectF(QPointF(0, 0), QSizeF(l.badges.right() + l.caption.left(),
                                            l.badges.bottom() + l.caption.top())),
               pal.background);
    draw_packets(p, f, l, o);
    draw_holder_arrows(p, f, l);
    draw_center(p, f, l, o);
    draw_threads(p, f, l, o);
    draw_members(p, f, l, o);
    draw_caption(p, f, l, o);
    draw_badges(p, f, l);
    p.restore();
}

} // namespace wn::ui

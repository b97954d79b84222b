#include "ui/model/scene_text.h"
#include "ui/model/scene_text_forms.h"
#include "ui/scene/layers.h"
#include "ui/scene/paint_cache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <map>

namespace wn::ui {
namespace {

std::vector<std::vector<std::string>> member_lines_forms(const std::vector<std::string>& lines,
                                                         const Scene& s) {
    std::vector<std::vector<std::string>> forms;
    for (const std::string& line : lines)
        forms.push_back(member_line_forms(line, s.short_hosts));
    return forms;
}

void paint_version(const Scene& s, const VersionFrame& v, const QRectF& box) {
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    // A freed version fades out over the trail.
    double alpha = 1.0;
    if (!v.live)
        alpha =
            std::clamp(1.0 - (s.f.now - v.reclaimed_at) / std::max(s.o.trail_s, 1e-9), 0.15, 1.0);
    p.save();
    p.setOpacity(alpha);
    QPen border(v.current ? pal.current : pal.stale,
                v.current ? pal.pens.current_version : pal.pens.version);
    if (!v.live)
        border.setStyle(Qt::DashLine);
    if (s.o.selected_version == v.version)
        border = QPen(pal.ink, pal.pens.selected_version);
    p.setPen(border);
    p.setBrush(pal.panel);
    p.drawRoundedRect(box, 8, 8);
    const double pad = l.font_px * 0.4;
    const double line = l.version_line();
    const QRectF r = l.version_text(box);
    // The reference count keeps its place at the right; the title gives way to it.
    double refs_w = 0;
    std::vector<std::string> titles = version_title_forms(v, s.f.strategy);
    if (l.min_text_px > 0 && !v.current)
        titles.push_back(std::string("v").append(std::to_string(v.version))); // not "v5…"
    // Unless even its shortest title ("v300") would then be cut, at large text: the count
    // is left out.
    const bool refs =
        v.live &&
        !(l.min_text_px > 0 &&
          text_advance(font_px(l.text(v.current ? 1.05 : 0.9), true), qs(titles.back())) +
                  text_advance(font_px(l.text(0.85)), qs(version_refs(v))) + l.font_px * 0.6 >
              r.width());
    if (refs) {
        p.setFont(font_px(l.text(0.85)));
        refs_w = p.fontMetrics().horizontalAdvance(qs(version_refs(v))) + l.font_px * 0.6;
        p.setPen(pal.muted);
        p.drawText(QRectF(r.left(), r.top(), r.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                   qs(version_refs(v)));
    }
    p.setFont(font_px(l.text(v.current ? 1.05 : 0.9), true));
    p.setPen(v.current ? pal.current : pal.ink);
    p.drawText(QRectF(r.left(), r.top(), r.width() - refs_w, line),
               Qt::AlignLeft | Qt::AlignVCenter, fit_first(p, titles, r.width() - refs_w));
    double y = r.top() + line;
    if (!v.current) {
        p.setPen(v.live ? pal.ink : pal.muted);
        // At large text a second line that does not fit is left out ("fre…" said nothing).
        p.drawText(QRectF(r.left(), y, r.width(), line), Qt::AlignVCenter,
                   l.min_text_px > 0 ? fit_first(p, {version_holders(v), ""}, r.width())
                                     : fit(p, version_holders(v), r.width()));
        p.restore();
        return;
    }
    // A box squeezed by a short canvas shows the lines it holds, none over what is below it.
    auto fits = [&] {
        return y + line <= r.bottom() + 1;
    };
    p.setFont(font_px(l.text(0.9), true));
    p.setPen(v.writer.empty() ? pal.error : pal.ink);
    if (fits())
        p.drawText(QRectF(r.left(), y, r.width(), line), Qt::AlignVCenter,
                   fit_first(p, version_primary_forms(v, s.short_hosts), r.width()));
    y += line;
    if (v.writer.empty() && !v.error.empty() && fits()) {
        p.setFont(font_px(l.text(0.8)));
        p.drawText(QRectF(r.left(), y, r.width(), line), Qt::AlignVCenter,
                   l.min_text_px > 0 ? fit_first(p, version_error_forms(v), r.width())
                                     : fit(p, version_error(v), r.width()));
        y += line;
    }
    p.setFont(font_px(l.text(0.85)));
    p.setPen(pal.ink);
    // The lines of one box read alike: the longest decides how short they all are.
    const std::vector<std::vector<std::string>> lines = member_lines_forms(v.member_lines, s);
    const std::size_t step = fit_group(p, lines, r.width() - pad);
    for (const std::vector<std::string>& m : lines) {
        if (!fits())
            break;
        p.drawText(QRectF(r.left() + pad, y, r.width() - pad, line), Qt::AlignVCenter,
                   fit(p, form_at(m, step), r.width() - pad));
        y += line;
    }
    p.restore();
}

/// The immutable versions: self.rsstate's arrow to the current one, every box, the footer.
void paint_heap(const Scene& s, const HeapFrame& heap) {
    QPainter& p = s.p;
    const SceneLayout& l = s.l;
    if (!l.version_boxes.empty())
        draw_arrow(p, l.petiole, QPointF(l.petiole.x(), l.version_boxes[0].top()), s.pal.current,
                   s.pal.pens.petiole);
    for (std::size_t i = 0; i < heap.versions.size() && i < l.version_boxes.size(); ++i)
        paint_version(s, heap.versions[i], l.version_boxes[i]);
    // A short heap at large text: the current version's box reaches into the footer's line.
    if (l.min_text_px > 0 && !l.version_boxes.empty() &&
        l.heap_footer().intersects(l.version_boxes.front()))
        return;
    p.setFont(font_px(l.text(0.8)));
    p.setPen(s.pal.muted);
    p.drawText(l.heap_footer(), Qt::AlignLeft | Qt::AlignVCenter,
               fit_first(p, dropping_tail(heap_footer(heap, l.version_boxes.size()), " \u00b7 "),
                         l.heap_footer().width()));
}

/// The shared mutable dict everyone reads and any refresher writes.
void paint_shared_dict(const Scene& s, const SharedDictFrame& d) {
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    const bool flash = d.last_mutation_at >= 0 && s.f.now - d.last_mutation_at < s.o.trail_s;
    const double line = l.shared_dict_line();
    const QRectF box = l.shared_dict_box(d.members.size());
    draw_arrow(p, l.petiole, QPointF(l.petiole.x(), box.top()), pal.ink, pal.pens.petiole);
    p.setPen(QPen(flash ? pal.down : pal.ink, flash ? pal.pens.mutated : pal.pens.client));
    p.setBrush(pal.panel);
    p.drawRoundedRect(box, 8, 8);
    // Large text: the dict's first and last lines shrink down to the smallest text rather
    // than be cut ("primary …"); on the desktop (floor 1) they take a shorter wording only.
    const double dict_px = l.text(0.95);
    const double dict_floor = l.floor_shrink(dict_px, 1.0);
    p.setPen(pal.ink);
    double y = box.top() + l.font_px * 0.4;
    const double x = box.left() + l.font_px * 0.6;
    const double inner_w = box.right() - l.font_px * 0.3 - x;
    // A short box (large text on a short pane) keeps self.primary, the line the race is
    // about, and lists fewer members rather than write past its bottom into the badges.
    const int room = static_cast<int>((box.bottom() - y) / line + 1e-9);
    const std::size_t entries = d.members.size();
    const bool folded = room < static_cast<int>(entries) + 3;
    const std::size_t listed =
        folded ? static_cast<std::size_t>(std::clamp(room - 3, 0, static_cast<int>(entries)))
               : entries;
    p.drawText(QRectF(x, y, inner_w, line), Qt::AlignVCenter,
               shrink_first(p,
                            folded && listed == 0
                                ? std::vector<std::string>{"self.members = {\u2026}",
                                                           "members = {\u2026}", "{\u2026}"}
                                : std::vector<std::string>{"self.members = {", "members = {"},
                            inner_w, dict_px, true, 1.0, dict_floor));
    y += line;
    p.setFont(font_px(l.text(0.85)));
    const std::vector<std::vector<std::string>> lines = member_lines_forms(d.members, s);
    const double line_w = box.width() - 2 * l.font_px;
    const std::size_t step = fit_group(p, lines, line_w);
    for (std::size_t i = 0; i < listed; ++i) {
        // The last line that fits says how many are not listed.
        const QString text = folded && i + 1 == listed && listed < entries
                                 ? QString("\u2026 %1 more").arg(entries - listed + 1)
                                 : fit(p, form_at(lines[i], step), line_w);
        p.drawText(QRectF(x + l.font_px, y, box.width() - 2 * l.font_px, line), Qt::AlignVCenter,
                   text);
        y += line;
    }
    p.setFont(font_px(l.text(0.95), true));
    if (!(folded && listed == 0)) {
        p.drawText(QRectF(x, y, box.width(), line), Qt::AlignVCenter, "}");
        y += line;
    }
    p.setPen(d.primary.empty() ? pal.error : pal.ink);
    p.drawText(QRectF(x, y, inner_w, line), Qt::AlignVCenter,
               shrink_first(p, shared_primary_forms(d, s.short_hosts), inner_w, dict_px, true, 1.0,
                            dict_floor));
    if (flash) {
        p.setFont(font_px(l.text(0.8), true));
        p.setPen(pal.down);
        p.drawText(QRectF(box.left(), box.bottom() + 2, box.width(), line), Qt::AlignRight,
                   "mutated in place!");
    }
    // Threads reading the shared state right now point at it: all at the same object.
    if (l.aggregated)
        return;
    const QPointF anchor(box.left(), box.top() + line);
    for (std::size_t i = 0; i < s.f.threads.size() && i < l.thread_cells.size(); ++i) {
        const ThreadState& t = s.f.threads[i];
        if (t.step == ThreadStep::ReadingPrimary || t.step == ThreadStep::LookingUp)
            draw_arrow(p, l.actor_token(t.id), anchor,
                       over_background(pal.ink, 0.6, pal.background), pal.pens.reader_arrow);
    }
}

} // namespace

namespace {

// How many threads hold each version, for the aggregated view's bundled arrows.
std::map<int, int> bundle_holders(const Frame& f) {
    std::map<int, int> holders;
    for (const ThreadState& t : f.threads)
        if (t.held_version > 0)
            ++holders[t.held_version];
    return holders;
}

// Each drawn version's box, by version number.
std::map<int, std::size_t> version_slots(const HeapFrame& heap, const SceneLayout& l) {
    std::map<int, std::size_t> slot_of;
    for (std::size_t i = 0; i < heap.versions.size() && i < l.version_boxes.size(); ++i)
        slot_of[heap.versions[i].version] = i;
    return slot_of;
}

} // namespace

void paint_holder_arrows(const Scene& s) {
    if (!s.f.heap)
        return;
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    const HeapFrame& heap = *s.f.heap;
    std::map<int, std::size_t> slot_of = version_slots(heap, l);
    auto arrow_colour = [&](int version, double alpha) {
        return over_background(version == heap.current_version ? pal.current : pal.down, alpha,
                               pal.background);
    };
    if (!l.aggregated) {
        for (std::size_t i = 0; i < s.f.threads.size() && i < l.thread_cells.size(); ++i) {
            const ThreadState& t = s.f.threads[i];
            if (t.held_version <= 0 || !slot_of.count(t.held_version))
                continue;
            draw_arrow(p, l.actor_token(t.id), l.version_anchor(slot_of[t.held_version]),
                       arrow_colour(t.held_version, pal.presenter ? 1.0 : 0.75),
                       pal.pens.holder_arrow);
        }
    } else {
        // Bundle the arrows: one per version, as thick as its share of holders.
        const QPointF from = l.bundle_origin();
        for (const auto& [version, n] : bundle_holders(s.f)) {
            if (slot_of.count(version))
                draw_arrow(p, from, l.version_anchor(slot_of[version]), arrow_colour(version, 0.85),
                           arrow_bundle_width(n) * pal.font_scale);
        }
    }
    // The monitor's local reference while it builds the next version.
    const int monitor_holds = s.f.monitor.held_version;
    if (monitor_holds > 0 && slot_of.count(monitor_holds))
        draw_arrow(p, l.actor_token(kActorMonitor), l.version_anchor(slot_of[monitor_holds]),
                   pal.refresh, pal.pens.holder_arrow);
}

void paint_holder_counts(const Scene& s) {
    if (!s.f.heap || !s.l.aggregated)
        return;
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    const HeapFrame& heap = *s.f.heap;
    std::map<int, std::size_t> slot_of = version_slots(heap, l);
    const QPointF from = l.bundle_origin();
    p.setFont(font_px(l.text(0.8), true));
    for (const auto& [version, n] : bundle_holders(s.f)) {
        if (!slot_of.count(version))
            continue;
        const QColor ink = over_background(version == heap.current_version ? pal.current : pal.down,
                                           1.0, pal.background);
        // Ending halfway, over the grid's edge (the gap to the heap is narrower than the
        // label at large text sizes), on a plate so that the grid's cells don't hide it.
        const QPointF mid = (from + l.version_anchor(slot_of[version])) / 2;
        const QRectF box(mid.x() - l.font_px * 4, mid.y() - l.font_px * 1.4, l.font_px * 4,
                         l.font_px * 1.1);
        const QString text = qs(times_label(n));
        const QRectF ink_rect = p.boundingRect(box, Qt::AlignRight | Qt::AlignBottom, text);
        p.setPen(Qt::NoPen);
        p.setBrush(pal.background);
        p.drawRoundedRect(ink_rect.adjusted(-2, 0, 2, 0), 3, 3);
        p.setPen(ink);
        p.drawText(box, Qt::AlignRight | Qt::AlignBottom, text);
    }
}

void paint_centre(const Scene& s) {
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    // The client object and its attributes: one (the petiole) or the shared pair.
    p.setPen(QPen(pal.ink, pal.pens.client));
    p.setBrush(pal.panel);
    p.drawRoundedRect(l.client_box, 8, 8);
    p.setPen(pal.ink);
    // A narrow pane at large text (the comparison in presenter mode) shrinks the class's
    // name, down to the smallest text, then shortens it: cut at the box's edges it read
    // "ongoReplicaSetClien".
    const QRectF title = l.client_title();
    const double title_px = l.text(1.0);
    p.drawText(title, Qt::AlignCenter,
               shrink_first(p, client_title_forms(), title.width() - l.font_px * 0.5, title_px,
                            true, l.min_shrink(title_px, 0.8)));
    p.setPen(pal.muted);
    const QRectF attributes = l.client_attributes();
    const double attributes_px = l.text(0.85);
    const double attributes_shrink = l.min_shrink(attributes_px, 0.8);
    // Large text keeps a narrower margin: the box's edge, not its text size, bounds the line.
    const double attributes_w = attributes.width() - l.font_px * (l.min_text_px > 0 ? 0.4 : 1.0);
    QString attributes_text =
        shrink_first(p, client_attributes_forms(s.f), attributes_w, attributes_px, false,
                     attributes_shrink, l.floor_shrink(attributes_px, attributes_shrink));
    // Large text: a secondary line is left out rather than cut (the state's box below names
    // what it holds).
    if (l.min_text_px > 0 && attributes_text.endsWith(QChar(0x2026)))
        attributes_text.clear();
    p.drawText(attributes, Qt::AlignCenter, attributes_text);
    if (s.f.heap)
        paint_heap(s, *s.f.heap);
    else if (s.f.shared)
        paint_shared_dict(s, *s.f.shared);
}

} // namespace wn::ui

#include "ui/tour/tour_overlay.h"

#include "ui/renderer.h"
#include "ui/scene/paint_kit.h"
#include "ui/scene/word_wrap.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

namespace wn::ui {
namespace {

QSizeF canvas(const SceneLayout& l) {
    // render() fills the same area: the caption's margin mirrored past the badges.
    return {l.badges.right() + l.caption.left(), l.badges.bottom() + l.caption.top()};
}

double card_margin(const QRectF& band) {
    return std::max(8.0, band.width() * 0.015);
}

QRectF member_rect(const SceneLayout& l, const MemberFrame& m, std::size_t i) {
    const QPointF c = l.member_centers[i];
    const double r = l.member_node_radius(m.arbiter);
    QRectF rect(c.x() - r, c.y() - r, 2 * r, 2 * r);
    rect |= l.crown_rect(i, m.arbiter);
    for (int row = 0; row < 3; ++row)
        rect |= l.member_label_row(i, m.arbiter, row);
    return rect;
}

} // namespace

std::optional<QRectF> spotlight_rect(const Frame& f, const SceneLayout& l, const Spotlight& s) {
    using K = Spotlight::Kind;
    const double pad = l.font_px * 0.4;
    QRectF r;
    switch (s.kind) {
    case K::None:
        return std::nullopt;
    case K::Thread:
        if (s.thread >= 1 && static_cast<std::size_t>(s.thread) <= l.thread_cells.size())
            r = l.thread_cells[static_cast<std::size_t>(s.thread - 1)];
        break;
    case K::Member:
        for (std::size_t i = 0; i < f.members.size() && i < l.member_centers.size(); ++i)
            if (f.members[i].host == s.member)
                r = member_rect(l, f.members[i], i);
        break;
    case K::Version:
        if (f.heap)
            for (std::size_t i = 0; i < f.heap->versions.size() && i < l.version_boxes.size(); ++i)
                if (f.heap->versions[i].version == s.version)
                    r = l.version_boxes[i];
        break;
    case K::Monitor:
        r = l.monitor_cell;
        break;
    case K::Client:
        // The box and what its attributes hold: the RSState self.rsstate points at, or
        // the shared self.members and self.primary. The step's words are about those.
        r = l.client_box;
        if (f.heap) {
            for (std::size_t i = 0; i < f.heap->versions.size() && i < l.version_boxes.size(); ++i)
                if (f.heap->versions[i].current)
                    r |= l.version_boxes[i];
        } else if (f.shared) {
            r |= l.shared_dict_box(f.shared->members.size());
        }
        break;
    case K::Heap:
        if (f.heap) {
            // The versions drawn, not the heap's whole (mostly empty) area.
            for (std::size_t i = 0; i < f.heap->versions.size() && i < l.version_boxes.size(); ++i)
                r |= l.version_boxes[i];
            if (r.isEmpty())
                r = l.heap_area;
        } else {
            r = l.shared_dict_box(f.shared ? f.shared->members.size() : 0);
        }
        break;
    case K::Chart:
        return QRectF(); // the chart is in its dock: the whole scene dims
    }
    if (r.isEmpty())
        return QRectF();
    return r.adjusted(-pad, -pad, pad, pad);
}

std::vector<QRectF> spotlight_also(const Frame& f, const SceneLayout& l, const Spotlight& s) {
    std::vector<QRectF> also;
    if (s.kind != Spotlight::Kind::Thread || !f.heap || s.thread < 1 ||
        static_cast<std::size_t>(s.thread) > f.threads.size())
        return also;
    const int held = f.threads[static_cast<std::size_t>(s.thread - 1)].held_version;
    const double pad = l.font_px * 0.4;
    for (std::size_t i = 0; i < f.heap->versions.size() && i < l.version_boxes.size(); ++i)
        if (held > 0 && f.heap->versions[i].version == held)
            also.push_back(l.version_boxes[i].adjusted(-pad, -pad, pad, pad));
    return also;
}

double tour_text_px(QSizeF size) {
    // About 24 px on a 1280x720 window's scene, never below 18 px nor above 40 px.
    return std::clamp(std::min(size.height() / 22.0, size.width() / 34.0), 18.0, 40.0);
}

QRectF tour_band(const SceneLayout& l) {
    const QSizeF size = canvas(l);
    const double gap = l.font_px * 0.3;
    const double top = l.caption.bottom() + gap;
    return {0, top, size.width(), std::max(0.0, l.badges.top() - gap - top)};
}

QRectF tour_card_rect(const QRectF& band, const CardHeight& height,
                      const std::optional<QRectF>& lit, const std::vector<QRectF>& keep) {
    const double margin = card_margin(band);
    const double room = std::max(0.0, band.height() - 2 * margin);
    const double full_w = band.width() - 2 * margin;
    const double full_h = std::min(height(full_w), room);
    const QRectF bottom(band.left() + margin, band.bottom() - margin - full_h, full_w, full_h);
    // What the card goes beside: the lit element, or with none (a chart's step dims the
    // whole scene) what it must not hide.
    QRectF anchor = lit ? *lit : QRectF();
    if (anchor.isEmpty())
        for (const QRectF& r : keep)
            anchor |= r;
    if (anchor.isEmpty())
        return bottom;
    std::vector<QRectF> candidates{bottom,
                                   QRectF(bottom.left(), band.top() + margin, full_w, full_h)};
    // Beside it, over what the spotlight dims: only where the text still fits a strip wide
    // enough to read in large type.
    const double left_w = anchor.left() - band.left() - 2 * margin;
    const double right_w = band.right() - anchor.right() - 2 * margin;
    // The members' side first: the threads are most often the story (races, the herd).
    for (const double w : {right_w, left_w}) {
        if (w < band.width() * 0.25)
            continue;
        const double h = height(w);
        if (h > room)
            continue;
        const double x = w == left_w ? band.left() + margin : anchor.right() + margin;
        candidates.emplace_back(x, band.bottom() - margin - h, w, h);
    }
    // Between the thread tokens and a lit element right of them: over the dimmed middle.
    QRectF tokens;
    for (const QRectF& r : keep)
        tokens |= r;
    if (!tokens.isEmpty()) {
        const double x = tokens.right() + margin;
        const double right = lit && !lit->isEmpty() && lit->left() > x ? lit->left() - margin
                                                                       : band.right() - margin;
        const double w = right - x;
        const double h = w >= band.width() * 0.25 ? height(w) : room + 1;
        if (h <= room)
            candidates.emplace_back(x, band.bottom() - margin - h, w, h);
    }
    auto area = [](const QRectF& a, const QRectF& b) {
        const QRectF overlap = a & b;
        return overlap.width() * overlap.height();
    };
    // First the lit element, then the thread tokens (the herd is most often the story,
    // dimmed or not); on a tie, the first in the order above.
    auto hidden = [&](const QRectF& r) {
        double tokens = 0;
        for (const QRectF& k : keep)
            tokens += area(r, k);
        return std::pair{lit && !lit->isEmpty() ? std::round(area(r, *lit)) : 0.0,
                         std::round(tokens)};
    };
    QRectF best = candidates.front();
    for (const QRectF& r : candidates)
        if (hidden(r) < hidden(best))
            best = r;
    return best;
}

QRectF tour_card_rect(const QRectF& band, double lines_px, const std::optional<QRectF>& lit) {
    return tour_card_rect(
        band, [lines_px](double) { return lines_px; }, lit);
}

namespace {

/// The card's box and its text wrapped to it.
struct CardLayout {
    QRectF box;
    double px = 0, pad = 0, inner = 0, head_h = 0;
    WrappedText text, quote;
    WrappedText source; // "— the blog, “The Bugs”", or on a narrow card the section alone
    // A heading too long for one line with the hint: the chapter wraps over as many lines
    // as it needs (a headline is read whole, never elided), then the step and the hint;
    // the hint (the presenter knows PgDown) is left out when both do not fit.
    bool stacked = false;
    WrappedText chapter;
    QString step;
    bool no_hint = false;
    double head_height() const { return stacked ? chapter.height + head_h : head_h; }
};

/// The heading's chapter and step: "2. The race  ·  step 3 of 21" at its last dot.
std::pair<QString, QString> split_heading(const QString& heading) {
    const qsizetype dot = heading.lastIndexOf(QString::fromUtf8("\u00b7"));
    if (dot < 0)
        return {heading, QString()};
    return {heading.left(dot).trimmed(), heading.mid(dot + 1).trimmed()};
}

// The card's heading, quote and a quote's source are smaller than its text, but never
// under the scene's smallest text (20 px on a projector at text size 1.5).
QFont quote_font_px(double px, double min_px) {
    QFont q = font_px(std::max(px * 0.78, min_px));
    q.setItalic(true);
    return q;
}

QFont head_font_px(double px, double min_px) {
    return font_px(std::max(px * 0.62, min_px), true);
}
QFont source_font_px(double px, double min_px) {
    return font_px(std::max(px * 0.6, min_px));
}

// The card's text: large, and never smaller than the scene's smallest text.
double card_text_px(const SceneLayout& l) {
    return std::max(tour_text_px(canvas(l)), l.min_text_px);
}

/// The card's text measured at a width: its fonts and strings, fixed for a card.
class CardText {
public:
    /// `any_hint`: measured for whichever hint it shows (a stop's, or "playing to the
    /// stop…"), so that the scene keeps its place while the step plays.
    CardText(const SceneLayout& l, const TourCard& card, bool any_hint = false)
        : CardText(card_text_px(l), l.min_text_px, card, any_hint) {}
    /// At text `px`, no text under `min_px`.
    CardText(double text_px, double min_px, const TourCard& card, bool any_hint = false)
        : m_card(card), px(text_px), pad(px * 0.6), head_font(head_font_px(px, min_px)),
          text_font(font_px(px)), quote_font(quote_font_px(px, min_px)),
          small_font(source_font_px(px, min_px)) {
        const QFontMetricsF head_metrics(head_font);
        m_head_h = head_metrics.lineSpacing();
        m_section = QString::fromUtf8("\u201c") + card.section + QString::fromUtf8("\u201d");
        if (!card.quote.isEmpty())
            m_quoted = QString::fromUtf8("\u201c") + card.quote + QString::fromUtf8("\u201d");
        const double hint_w = head_metrics.horizontalAdvance(card.hint);
        m_head_w = head_metrics.horizontalAdvance(card.heading) + hint_w + px;
        std::tie(m_chapter, m_step) = split_heading(card.heading);
        m_step_w = head_metrics.horizontalAdvance(m_step) + hint_w + px;
        if (any_hint) // the tallest heading: the chapter over its own lines
            m_head_w = std::numeric_limits<double>::infinity();
    }

    /// The card's height at `width`, with its text wrapped to it in `c`.
    double height(double width, CardLayout& c) const {
        c.px = px;
        c.pad = pad;
        c.head_h = m_head_h;
        c.step = m_step;
        c.inner = width - 2 * pad;
        c.text = word_wrap(m_card.text, text_font, c.inner);
        c.quote = word_wrap(m_quoted, quote_font, c.inner);
        const QString long_source = QString::fromUtf8("\u2014 the blog, ") + m_section;
        c.source = m_card.quote.isEmpty() ? WrappedText{}
                   : QFontMetricsF(small_font).horizontalAdvance(long_source) <= c.inner
                       ? word_wrap(long_source, small_font, c.inner)
                       : word_wrap(m_section, small_font, c.inner);
        c.stacked = m_head_w > c.inner;
        c.chapter = c.stacked ? word_wrap(m_chapter, head_font, c.inner) : WrappedText{};
        c.no_hint = c.stacked && m_step_w > c.inner;
        // A word wider than the card (self.members[self.primary]) would be cut: no fit.
        if (widest(c.text, text_font) > c.inner || widest(c.quote, quote_font) > c.inner ||
            widest(c.chapter, head_font) > c.inner)
            return std::numeric_limits<double>::infinity();
        return pad + c.head_height() + px * 0.2 + c.text.height +
               (c.quote.lines.empty() ? 0 : px * 0.35 + c.quote.height + c.source.height) + pad;
    }

private:
    static double widest(const WrappedText& w, const QFont& font) {
        const QFontMetricsF fm(font);
        double widest = 0;
        for (const QString& line : w.lines)
            widest = std::max(widest, fm.horizontalAdvance(line));
        return widest;
    }

    const TourCard& m_card;
    QString m_section, m_quoted, m_chapter, m_step;
    double m_head_h = 0, m_head_w = 0, m_step_w = 0;

public:
    const double px, pad;
    const QFont head_font, text_font, quote_font, small_font;
};

CardLayout card_layout(const Frame& f, const SceneLayout& l, const TourCard& card) {
    CardLayout c;
    const CardText text(l, card);
    const QRectF room = tour_room(l);
    if (!room.isEmpty()) {
        // The scene made room for the card at its right: there it hides nothing. At the
        // top, next to the headline, read first.
        const double h = std::min(text.height(room.width(), c), room.height());
        c.box = QRectF(room.left(), room.top(), room.width(), h);
        return c;
    }
    // Over the scene: the threads' tokens, the grid's legend that names their colours and
    // the versions they point into stay in sight where they can.
    std::vector<QRectF> keep = l.thread_cells;
    if (l.aggregated && !l.grid_legend.isEmpty())
        keep.push_back(l.grid_legend);
    if (f.heap)
        keep.insert(keep.end(), l.version_boxes.begin(), l.version_boxes.end());
    c.box = tour_card_rect(
        tour_band(l), [&](double width) { return text.height(width, c); },
        spotlight_rect(f, l, card.spotlight), keep);
    text.height(c.box.width(), c);
    return c;
}

void paint_card(QPainter& p, const CardLayout& c, const TourCard& card, double min_px,
                const Palette& pal) {
    p.save();
    const double px = c.px, pad = c.pad, inner = c.inner, head_h = c.head_h;
    const QRectF& box = c.box;
    const WrappedText& text = c.text;
    const WrappedText& quote = c.quote;
    const bool stacked = c.stacked;
    const QFont head_font = head_font_px(px, min_px);
    const QFont text_font = font_px(px);
    const QFont quote_font = quote_font_px(px, min_px);
    const QFont small_font = source_font_px(px, min_px);

    p.setPen(Qt::NoPen);
    QColor card_fill = pal.caption_band;
    card_fill.setAlphaF(0.92);
    p.setBrush(card_fill);
    p.drawRoundedRect(box, px * 0.4, px * 0.4);
    p.setClipRect(box);
    const double x = box.left() + pad;
    double y = box.top() + pad;
    QColor soft = pal.caption_text;
    soft.setAlphaF(0.75);
    p.setFont(head_font);
    p.setPen(soft);
    if (stacked) {
        // The chapter first, wrapped; the step ("step 3 of 21") and the hint under it.
        for (const QString& line : c.chapter.lines) {
            p.drawText(QRectF(x, y, inner, head_h), Qt::AlignLeft | Qt::AlignVCenter,
                       fit(p, line, inner));
            y += head_h;
        }
        p.drawText(QRectF(x, y, inner, head_h), Qt::AlignLeft | Qt::AlignVCenter, c.step);
        if (!c.no_hint)
            p.drawText(QRectF(x, y, inner, head_h), Qt::AlignRight | Qt::AlignVCenter, card.hint);
    } else { // both fit on one line (head_w)
        p.drawText(QRectF(x, y, inner, head_h), Qt::AlignLeft | Qt::AlignVCenter, card.heading);
        p.drawText(QRectF(x, y, inner, head_h), Qt::AlignRight | Qt::AlignVCenter, card.hint);
    }
    y += head_h + px * 0.2;
    p.setPen(pal.caption_text);
    p.setFont(text_font);
    const double text_line = QFontMetricsF(text_font).lineSpacing();
    for (const QString& line : text.lines) {
        p.drawText(QRectF(x, y, inner, text_line), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += text_line;
    }
    if (!quote.lines.empty()) {
        y += px * 0.35;
        p.setFont(quote_font);
        p.setPen(pal.crown);
        const double quote_line = QFontMetricsF(quote_font).lineSpacing();
        for (const QString& line : quote.lines) {
            p.drawText(QRectF(x, y, inner, quote_line), Qt::AlignLeft | Qt::AlignVCenter, line);
            y += quote_line;
        }
        p.setFont(small_font);
        p.setPen(soft);
        // On a narrow card the section alone, over as many lines as it needs.
        const double source_line = QFontMetricsF(small_font).lineSpacing();
        for (const QString& line : c.source.lines) {
            p.drawText(QRectF(x, y, inner, source_line), Qt::AlignRight | Qt::AlignVCenter, line);
            y += source_line;
        }
    }
    p.restore();
}

} // namespace

QRectF tour_room(const SceneLayout& l) {
    const QSizeF size = canvas(l);
    const double x = l.members_area.right() + l.font_px * 0.6; // the scene's own right edge
    if (size.width() - x < size.width() * 0.15)
        return {};
    const QRectF band = tour_band(l);
    const double margin = card_margin(band);
    return {x, band.top() + margin, size.width() - margin - x, band.height() - 2 * margin};
}

SceneLayout tour_layout(const Frame& f, QSizeF size, double font_scale, const TourCard* card) {
    SceneLayout full = layout_for(f, size, font_scale);
    // A chart's step dims the whole scene, already narrowed by the chart beside it: the
    // card goes over the dimmed scene rather than squeeze it further.
    if (!card || card->text.isEmpty() || card->spotlight.kind == Spotlight::Kind::Chart)
        return full;
    const CardText text(full, *card, true);
    const QRectF band = tour_band(full);
    const double margin = card_margin(band);
    CardLayout c;
    // The narrowest strip the card's text fits, so that the scene keeps the most width.
    for (int percent = 24; percent <= 45; ++percent) {
        const double card_w = size.width() * percent / 100.0;
        if (text.height(card_w, c) > band.height() - 2 * margin)
            continue;
        SceneLayout scene =
            layout_for(f, QSizeF(size.width() - card_w - margin, size.height()), font_scale);
        // A scene limited by its height has width to spare; one limited by its width (a
        // comparison's pane) would shrink its text: the card goes over it instead.
        if (scene.font_px < full.font_px * 0.97)
            return full;
        scene.caption = full.caption;
        scene.badges = full.badges;
        return scene;
    }
    return full;
}

QRectF tour_card_box(const Frame& f, const SceneLayout& l, const TourCard& card) {
    return card.text.isEmpty() ? QRectF() : card_layout(f, l, card).box;
}

void paint_tour_overlay(QPainter& p, const Frame& f, const SceneLayout& l, const TourCard& card,
                        const Palette& pal) {
    const QRectF band = tour_band(l);
    const std::optional<QRectF> lit = spotlight_rect(f, l, card.spotlight);
    std::vector<QRectF> holes = spotlight_also(f, l, card.spotlight);
    if (lit && !lit->isEmpty())
        holes.insert(holes.begin(), *lit);
    p.save();
    if (lit) {
        QPainterPath dim;
        dim.addRect(band);
        for (const QRectF& r : holes) {
            QPainterPath hole;
            hole.addRoundedRect(r, l.font_px * 0.5, l.font_px * 0.5);
            dim = dim.subtracted(hole);
        }
        QColor veil = pal.background;
        veil.setAlphaF(0.72);
        p.fillPath(dim, veil);
        p.setPen(QPen(pal.primary, std::max(2.0, l.font_px * 0.18)));
        p.setBrush(Qt::NoBrush);
        for (const QRectF& r : holes)
            p.drawRoundedRect(r, l.font_px * 0.5, l.font_px * 0.5);
    }
    if (card.text.isEmpty()) {
        p.restore();
        return;
    }
    paint_card(p, card_layout(f, l, card), card, l.min_text_px, pal);
    p.restore();
}

double tour_card_height(const TourCard& card, double width, double px, double min_px) {
    CardLayout c;
    return CardText(px, min_px, card).height(width, c);
}

void paint_tour_card(QPainter& p, const QRectF& box, const TourCard& card, double px, double min_px,
                     const Palette& pal) {
    CardLayout c;
    CardText(px, min_px, card).height(box.width(), c);
    c.box = box;
    paint_card(p, c, card, min_px, pal);
}

} // namespace wn::ui

#include "ui/tour/tour_overlay.h"

#include "ui/scene/paint_kit.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace wn::ui {
namespace {

QSizeF canvas(const SceneLayout& l) {
    // render() fills the same area: the caption's margin mirrored past the badges.
    return {l.badges.right() + l.caption.left(), l.badges.bottom() + l.caption.top()};
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

/// The lines `text` wraps into at `width` with `font`, and their total height.
struct Wrapped {
    std::vector<QString> lines;
    double height = 0;
};

Wrapped wrap(const QString& text, const QFont& font, double width) {
    Wrapped w;
    if (text.isEmpty())
        return w;
    QTextLayout layout(text, font);
    layout.beginLayout();
    const QFontMetricsF fm(font);
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        w.lines.push_back(text.mid(line.textStart(), line.textLength()).trimmed());
        w.height += fm.lineSpacing();
    }
    layout.endLayout();
    return w;
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
        r = l.client_box;
        break;
    case K::Heap:
        r = f.heap ? l.heap_area : l.shared_dict_box(f.shared ? f.shared->members.size() : 0);
        break;
    case K::Chart:
        return QRectF(); // the chart is in its dock: the whole scene dims
    }
    if (r.isEmpty())
        return QRectF();
    return r.adjusted(-pad, -pad, pad, pad);
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

QRectF tour_card_rect(const QRectF& band, double lines_px, const std::optional<QRectF>& lit) {
    const double margin = std::max(8.0, band.width() * 0.015);
    const double height = std::min(lines_px, band.height() * 0.7);
    const bool lit_below = lit && !lit->isEmpty() && lit->center().y() > band.center().y();
    const double top = lit_below ? band.top() + margin : band.bottom() - margin - height;
    return {band.left() + margin, top, band.width() - 2 * margin, height};
}

void paint_tour_overlay(QPainter& p, const Frame& f, const SceneLayout& l, const TourCard& card,
                        const Palette& pal) {
    const QSizeF size = canvas(l);
    const QRectF band = tour_band(l);
    const std::optional<QRectF> lit = spotlight_rect(f, l, card.spotlight);
    p.save();
    if (lit) {
        QPainterPath dim;
        dim.addRect(band);
        if (!lit->isEmpty()) {
            QPainterPath hole;
            hole.addRoundedRect(*lit, l.font_px * 0.5, l.font_px * 0.5);
            dim = dim.subtracted(hole);
        }
        QColor veil = pal.background;
        veil.setAlphaF(0.72);
        p.fillPath(dim, veil);
        if (!lit->isEmpty()) {
            p.setPen(QPen(pal.primary, std::max(2.0, l.font_px * 0.18)));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(*lit, l.font_px * 0.5, l.font_px * 0.5);
        }
    }
    if (card.text.isEmpty()) {
        p.restore();
        return;
    }
    const double px = tour_text_px(size);
    const double pad = px * 0.6;
    const double inner = size.width() - 2 * std::max(8.0, size.width() * 0.015) - 2 * pad;
    const QFont head_font = font_px(px * 0.62, true);
    const QFont text_font = font_px(px);
    const QFont quote_font = [&] {
        QFont q = font_px(px * 0.78);
        q.setItalic(true);
        return q;
    }();
    const QFont small_font = font_px(px * 0.6);
    const double head_h = QFontMetricsF(head_font).lineSpacing();
    const Wrapped text = wrap(card.text, text_font, inner);
    const Wrapped quote = wrap(card.quote.isEmpty() ? QString()
                                                    : QString::fromUtf8("\u201c") + card.quote +
                                                          QString::fromUtf8("\u201d"),
                               quote_font, inner);
    const double source_h = card.quote.isEmpty() ? 0 : QFontMetricsF(small_font).lineSpacing();
    const double total = pad + head_h + px * 0.2 + text.height +
                         (quote.lines.empty() ? 0 : px * 0.35 + quote.height + source_h) + pad;
    const QRectF box = tour_card_rect(band, total, lit);

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
    p.drawText(QRectF(x, y, inner * 0.7, head_h), Qt::AlignLeft | Qt::AlignVCenter,
               fit(p, card.heading, inner * 0.7));
    p.drawText(QRectF(x + inner * 0.7, y, inner * 0.3, head_h), Qt::AlignRight | Qt::AlignVCenter,
               fit(p, card.hint, inner * 0.3));
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
        p.drawText(QRectF(x, y, inner, source_h), Qt::AlignRight | Qt::AlignVCenter,
                   QString::fromUtf8("\u2014 the blog, \u201c") + card.section +
                       QString::fromUtf8("\u201d"));
    }
    p.restore();
}

} // namespace wn::ui

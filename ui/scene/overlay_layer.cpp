#include "ui/model/scene_text.h"
#include "ui/model/scene_text_forms.h"
#include "ui/scene/layers.h"
#include "ui/scene/paint_cache.h"
#include "ui/scene/word_wrap.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace wn::ui {
namespace {

/// `text` cut at the last space that lets its first part fit `width`: the first line
/// (elided when even its first word is too wide) and the rest.
std::pair<QString, QString> split_to_width(const QString& text, const QFont& font, double width) {
    const WrappedText lines = word_wrap(text, font, width);
    if (lines.lines.empty())
        return {};
    const QString& first = lines.lines.front();
    const QString rest = QStringList(lines.lines.begin() + 1, lines.lines.end()).join(' ');
    return {QFontMetricsF(font).elidedText(first, Qt::ElideRight, width), rest};
}

/// The band at the top: what just happened and the counters on the left, the clock and
/// the run on the right.
void paint_caption(const Scene& s) {
    QPainter& p = s.p;
    const Palette& pal = s.pal;
    const SceneLayout& l = s.l;
    const QRectF r = l.caption;
    p.setPen(Qt::NoPen);
    p.setBrush(pal.caption_band);
    p.drawRoundedRect(r, 8, 8);
    const double pad = l.font_px * 0.6;
    // The clock's width decides how much room the sentence gets.
    // In a narrow pane at large text the clock keeps the time and leaves the rest of the
    // band to the headline: its run state ("paused 1×") goes first.
    const double clock_px = l.text(1.05);
    p.setFont(font_px(clock_px, true));
    const std::string full = clock_text(s.f.now, s.o.playing, s.o.speed, s.o.slowed);
    QString clock = fit_first(p, {full, clock_time(s.f.now)}, r.width() * 0.45);
    if (l.min_text_px > 0 && clock != qs(full)) {
        // Large text: the pause still shows in the scene, not only on the toolbar. Without
        // its speed, and smaller (down to half, not under the smallest text), before it goes.
        clock = shrink_first(p,
                             {clock_state_text(s.f.now, s.o.playing),
                              clock_state_text(s.f.now, s.o.playing, true), clock_time(s.f.now)},
                             r.width() * 0.45, clock_px, true, l.min_shrink(clock_px, 0.5));
    }
    const double clock_w = text_advance(p.font(), clock) + pad;
    p.setPen(pal.caption_clock);
    p.drawText(QRectF(r.right() - clock_w - pad, r.top(), clock_w, r.height() * 0.55),
               Qt::AlignRight | Qt::AlignVCenter, clock);
    p.setFont(font_px(l.text(0.8)));
    p.setPen(pal.caption_detail);
    p.drawText(
        QRectF(r.right() - clock_w - pad, r.top() + r.height() * 0.5, clock_w, r.height() * 0.45),
        Qt::AlignRight | Qt::AlignVCenter,
        fit_first(p, dropping_tail(strategy_line(s.f), " \u00b7 "), clock_w));
    const QString text = s.o.caption_override.isEmpty() ? qs(s.f.caption) : s.o.caption_override;
    const double w = r.width() - clock_w - 3 * pad;
    const double headline_px = l.text(1.05);
    const QString shown =
        shrink_to_fit(p, text, w, headline_px, true, l.min_shrink(headline_px, 0.8));
    p.setPen(pal.caption_text);
    if (shown != text) {
        // A headline is read whole: too long for one line even at its smallest, it takes
        // both lines of the band, and the counters give way until a shorter one comes.
        // Smaller still, down to the smallest text, if two lines need it.
        const double least = std::max(l.min_text_px, headline_px * 0.7);
        std::pair<QString, QString> lines;
        for (double px = std::max<double>(least, p.font().pixelSize());;
             px = std::max(least, px - 1)) {
            p.setFont(font_px(px, true));
            lines = split_to_width(text, p.font(), w);
            if (px <= least || text_advance(p.font(), lines.second) <= w)
                break;
        }
        const auto& [first, rest] = lines;
        p.drawText(QRectF(r.left() + pad, r.top(), w, r.height() * 0.55),
                   Qt::AlignLeft | Qt::AlignVCenter, first);
        p.drawText(QRectF(r.left() + pad, r.top() + r.height() * 0.45, w, r.height() * 0.55),
                   Qt::AlignLeft | Qt::AlignVCenter, fit(p, rest, w));
        return;
    }
    p.drawText(QRectF(r.left() + pad, r.top(), w, r.height() * 0.55),
               Qt::AlignLeft | Qt::AlignVCenter, shown);
    p.setFont(font_px(l.text(0.8)));
    p.setPen(pal.caption_detail);
    p.drawText(QRectF(r.left() + pad, r.top() + r.height() * 0.5, w, r.height() * 0.45),
               Qt::AlignLeft | Qt::AlignVCenter,
               fit_first(p, dropping_tail(counters(s.f), " \u00b7 "), w));
}

/// A badge too narrow for its shortest wording on one line (a narrow pane at large text):
/// the first wording that wraps into two lines of the smallest text, if the pill holds two.
bool paint_two_line_badge(QPainter& p, const std::vector<std::string>& forms, const QRectF& pill,
                          double inset, double px) {
    const QFont font = font_px(px, true);
    const QFontMetricsF fm(font);
    const double room = pill.width() - 2 * inset;
    if (2 * fm.height() > pill.height())
        return false;
    for (const std::string& form : forms) {
        const WrappedText lines = word_wrap(qs(form), font, room);
        if (lines.lines.size() != 2 ||
            std::any_of(lines.lines.begin(), lines.lines.end(),
                        [&](const QString& line) { return text_advance(font, line) > room; }))
            continue;
        p.setFont(font);
        const double y = pill.center().y();
        p.drawText(QRectF(pill.left() + inset, y - fm.height(), room, fm.height()), Qt::AlignCenter,
                   lines.lines[0]);
        p.drawText(QRectF(pill.left() + inset, y, room, fm.height()), Qt::AlignCenter,
                   lines.lines[1]);
        return true;
    }
    return false;
}

/// The three invariants along the bottom, green while they hold.
void paint_badges(const Scene& s) {
    QPainter& p = s.p;
    const auto badges = badge_texts(s.f.metrics);
    for (int i = 0; i < static_cast<int>(badges.size()); ++i) {
        const BadgeText& b = badges[static_cast<std::size_t>(i)];
        const QRectF r = s.l.badge_rect(i);
        p.setPen(Qt::NoPen);
        p.setBrush(b.ok ? s.pal.ok : s.pal.error);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        const double px = s.l.text(0.9);
        p.setPen(s.pal.on_fill);
        // Narrow panes (side by side) get a shorter wording rather than a cut-off sentence;
        // when even the shortest is too wide it shrinks (down to the presenter's smallest
        // text) before it is cut. The pill's round ends leave its mid-line nearly all its width.
        const double inset = r.height() * 0.25;
        // At large text down to the smallest text itself: at 2 the badge's text is 34 px,
        // and 80% of it still cut "✔ consis…" where 20 px reads "✔ consistent".
        const double least = s.l.min_text_px > 0 ? std::min(1.0, s.l.min_text_px / px) : 0.8;
        const double room = r.width() - 2 * inset;
        const std::vector<std::string> forms = badge_forms(b);
        const QString shown = shrink_last(p, forms, room, px, true, least);
        if (s.l.min_text_px > 0 && shown.endsWith(QChar(0x2026)) &&
            paint_two_line_badge(p, badge_wrapped_forms(b), r, inset, s.l.min_text_px))
            continue;
        p.drawText(r.adjusted(inset, 0, -inset, 0), Qt::AlignCenter, shown);
    }
}

} // namespace

void paint_overlay(const Scene& s) {
    paint_caption(s);
    paint_badges(s);
}

} // namespace wn::ui

#include "ui/scene/step_glyph.h"

#include <QPainter>
#include <QPolygonF>
#include <algorithm>

namespace wn::ui {

StepGlyph step_glyph(ThreadStep step) {
    switch (step) {
    case ThreadStep::Thinking:
    case ThreadStep::Sleeping:
        return StepGlyph::None;
    case ThreadStep::CopyingRef:
        return StepGlyph::Dot;
    case ThreadStep::ReadingPrimary:
        return StepGlyph::Dash;
    case ThreadStep::LookingUp:
        return StepGlyph::Ring;
    case ThreadStep::Publishing:
        return StepGlyph::Plus;
    case ThreadStep::Sending:
        return StepGlyph::Arrow;
    case ThreadStep::WaitingForRefresh:
        return StepGlyph::Hourglass;
    case ThreadStep::BlockedOnLock:
        return StepGlyph::Square;
    case ThreadStep::Refreshing:
        return StepGlyph::Diamond;
    case ThreadStep::Failed:
        return StepGlyph::Cross;
    case ThreadStep::WaitingForSelection:
        return StepGlyph::Bars;
    }
    return StepGlyph::None;
}

StepGlyph thread_glyph(const ThreadState& thread) {
    return thread.paused ? StepGlyph::Pause : step_glyph(thread.step);
}

void paint_step_glyph(QPainter& p, StepGlyph glyph, QPointF c, double size, const QColor& ink) {
    if (glyph == StepGlyph::None || size < kMinGlyphPx)
        return;
    const double r = size / 2;
    const QPen pen(ink, std::max(1.2, size * 0.14), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.save();
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (glyph) {
    case StepGlyph::None:
        break;
    case StepGlyph::Dot:
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(c, r * 0.45, r * 0.45);
        break;
    case StepGlyph::Dash:
        p.drawLine(c - QPointF(r * 0.7, 0), c + QPointF(r * 0.7, 0));
        break;
    case StepGlyph::Ring:
        p.drawEllipse(c, r * 0.55, r * 0.55);
        break;
    case StepGlyph::Plus:
        p.drawLine(c - QPointF(r * 0.7, 0), c + QPointF(r * 0.7, 0));
        p.drawLine(c - QPointF(0, r * 0.7), c + QPointF(0, r * 0.7));
        break;
    case StepGlyph::Arrow: {
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawPolygon(QPolygonF{c + QPointF(-r * 0.5, -r * 0.65), c + QPointF(r * 0.7, 0),
                                c + QPointF(-r * 0.5, r * 0.65)});
        break;
    }
    case StepGlyph::Hourglass:
        p.setBrush(ink);
        p.drawPolygon(QPolygonF{c + QPointF(-r * 0.55, -r * 0.7), c + QPointF(r * 0.55, -r * 0.7),
                                c + QPointF(-r * 0.55, r * 0.7), c + QPointF(r * 0.55, r * 0.7)});
        break;
    case StepGlyph::Square:
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawRect(QRectF(c - QPointF(r * 0.5, r * 0.5), QSizeF(r, r)));
        break;
    case StepGlyph::Diamond:
        p.drawPolygon(QPolygonF{c + QPointF(0, -r * 0.7), c + QPointF(r * 0.7, 0),
                                c + QPointF(0, r * 0.7), c + QPointF(-r * 0.7, 0)});
        break;
    case StepGlyph::Cross:
        p.drawLine(c + QPointF(-r * 0.55, -r * 0.55), c + QPointF(r * 0.55, r * 0.55));
        p.drawLine(c + QPointF(-r * 0.55, r * 0.55), c + QPointF(r * 0.55, -r * 0.55));
        break;
    case StepGlyph::Bars:
        p.drawLine(c + QPointF(-r * 0.3, -r * 0.6), c + QPointF(-r * 0.3, r * 0.6));
        p.drawLine(c + QPointF(r * 0.3, -r * 0.6), c + QPointF(r * 0.3, r * 0.6));
        break;
    case StepGlyph::Pause:
        // Solid bars inside a ring, so it is not the thin open Bars of server selection.
        p.drawEllipse(c, r * 0.85, r * 0.85);
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawRect(QRectF(c + QPointF(-r * 0.42, -r * 0.45), QSizeF(r * 0.28, r * 0.9)));
        p.drawRect(QRectF(c + QPointF(r * 0.14, -r * 0.45), QSizeF(r * 0.28, r * 0.9)));
        break;
    }
    p.restore();
}

} // namespace wn::ui

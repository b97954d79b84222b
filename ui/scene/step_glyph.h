#pragma once

#include "client/thread_state.h"

#include <QColor>
#include <QPointF>

class QPainter;

namespace wn::ui {

/// A shape per thread step, drawn inside the step's colour so that no state is told by
/// colour alone (under deuteranopia the pink of "refreshing" is the grey of "idle").
enum class StepGlyph {
    None, // idle: an empty token
    Dot,
    Dash,
    Ring,
    Plus,
    Arrow,
    Hourglass,
    Square,
    Diamond,
    Cross,
    Bars,
    Pause, // ⏸ in a ring: a thread paused by hand, whatever its step
};

/// The glyph of `step`. The application threads' steps each have their own; the monitor's
/// sleep is idle like a thinking thread.
StepGlyph step_glyph(ThreadStep step);
/// A thread's glyph in the aggregated grid: Pause while paused by hand, else its step's.
StepGlyph thread_glyph(const ThreadState& thread);

/// Below this size (pixels) a glyph would be a smudge, and is not drawn.
constexpr double kMinGlyphPx = 7;

/// Draws `glyph` centred on `centre`, `size` pixels across, in `ink`. Draws nothing below
/// kMinGlyphPx.
void paint_step_glyph(QPainter& p, StepGlyph glyph, QPointF centre, double size, const QColor& ink);

} // namespace wn::ui

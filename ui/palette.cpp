#include "ui/palette.h"

namespace wn::ui {

QColor Palette::for_step(ThreadStep step) const {
    switch (step) {
    case ThreadStep::Thinking:
    case ThreadStep::Sleeping:
        return idle;
    case ThreadStep::CopyingRef:
        return primary;
    case ThreadStep::ReadingPrimary:
        return reading_primary;
    case ThreadStep::LookingUp:
        return looking_up;
    case ThreadStep::Publishing:
        return publishing;
    case ThreadStep::Sending:
        return ok;
    case ThreadStep::WaitingForRefresh:
        return waiting;
    case ThreadStep::BlockedOnLock:
        return warn;
    case ThreadStep::Refreshing:
        return refresh;
    case ThreadStep::Failed:
        return error;
    case ThreadStep::WaitingForSelection:
        return selecting;
    }
    return muted;
}

QColor Palette::ink_on(const QColor& fill) const {
    // Rec. 601 luma: dark fills take the light ink.
    const double luma = 0.299 * fill.redF() + 0.587 * fill.greenF() + 0.114 * fill.blueF();
    // The darker of ink and background, so that a light theme's and a dark theme's glyphs
    // both stand out.
    const QColor& dark = ink.lightnessF() < background.lightnessF() ? ink : background;
    return luma < 0.5 ? on_fill : dark;
}

const Palette& palette() {
    static const Palette p;
    return p;
}

} // namespace wn::ui

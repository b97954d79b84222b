#include "ui/palette.h"

namespace wn::ui {

QColor Palette::for_step(ThreadStep step) const {
    switch (step) {
    case ThreadStep::Thinking:
    case ThreadStep::Sleeping:
        return idle;
    case ThreadStep::CopyingRef:
    case ThreadStep::ReadingPrimary:
    case ThreadStep::LookingUp:
    case ThreadStep::Publishing:
        return primary;
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
    }
    return muted;
}

const Palette& palette() {
    static const Palette p;
    return p;
}

} // namespace wn::ui

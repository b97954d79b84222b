#pragma once

#include "client/thread_state.h"

#include <QColor>

namespace wn::ui {

/// Colours for the projector: Okabe–Ito hues (safe for colour-blind viewers), and every
/// colour-coded thing also carries a label or a shape.
struct Palette {
    QColor background{250, 250, 247};
    QColor panel{255, 255, 255};
    QColor ink{25, 25, 25};
    QColor muted{110, 110, 110};
    QColor grid{215, 215, 210};
    QColor primary{0, 114, 178};    // blue
    QColor secondary{86, 180, 233}; // sky blue
    QColor down{213, 94, 0};        // vermillion
    QColor fire{230, 159, 0};       // orange
    QColor ok{0, 158, 115};         // bluish green
    QColor warn{230, 159, 0};       // orange
    QColor error{213, 94, 0};       // vermillion
    QColor refresh{204, 121, 167};  // reddish purple
    QColor ismaster{204, 121, 167};
    QColor op{0, 114, 178};
    QColor current{0, 114, 178};
    QColor stale{150, 150, 150};

    QColor for_step(ThreadStep step) const;
};

const Palette& palette();

} // namespace wn::ui

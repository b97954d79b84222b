#pragma once

#include "tour/tour.h"

#include <QString>

namespace wn::ui {

/// What a guided tour adds to a pane's picture: the step's words in large type, and the
/// element kept lit while the rest of the scene dims.
struct TourCard {
    QString heading; // "2. The naive client's race · step 3 of 24"
    QString text;    // empty: this pane shows the spotlight only (the comparison's others)
    QString quote;   // verbatim from the blog, or empty
    QString section; // the blog section of the quote
    QString hint;    // "PgDown: play to the next stop"
    Spotlight spotlight;
};

} // namespace wn::ui

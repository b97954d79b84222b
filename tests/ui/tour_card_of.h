#pragma once

#include "ui/tour/tour_card.h"
#include "ui/tour/tour_player.h"

#include <QString>

#include <cstddef>

namespace wn::ui::testing {

/// The card the window shows once it has arrived at step `k` of `tour`: its real heading
/// and hint.
inline TourCard card_of(const TourPlayer& tour, int k) {
    const TourStep& step = tour.step_at(k);
    TourCard card;
    card.text = QString::fromStdString(step.text);
    card.quote = QString::fromStdString(step.quote);
    card.section = QString::fromStdString(step.section);
    card.heading = QString::fromStdString(
                       tour.tour().chapters[static_cast<std::size_t>(tour.chapter())].title) +
                   QString::fromUtf8("  \u00b7  step %1 of %2").arg(k + 1).arg(tour.steps());
    card.hint = k + 1 < tour.steps() ? "PgDown: next step" : "end of the tour";
    card.spotlight = step.spotlight;
    return card;
}

} // namespace wn::ui::testing

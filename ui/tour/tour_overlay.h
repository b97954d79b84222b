#pragma once

#include "ui/layout.h"
#include "ui/model/frame.h"
#include "ui/palette.h"
#include "ui/tour/tour_card.h"

#include <QRectF>
#include <optional>

class QPainter;

namespace wn::ui {

/// The rectangle of the scene that `spotlight` keeps lit, from the layout: nothing for no
/// spotlight, an empty rectangle when the element is not on this canvas (a version already
/// freed, a chart: then the whole scene dims).
std::optional<QRectF> spotlight_rect(const Frame& frame, const SceneLayout& layout,
                                     const Spotlight& spotlight);

/// The part of the canvas the tour dims and puts its card in: the scene between the caption
/// line and the invariant badges, which stay as they are (the narration and the verdicts).
QRectF tour_band(const SceneLayout& layout);
/// Where the card goes inside `band`: along its bottom, or along its top when the lit
/// element is in its lower half. `lines_px` is the height the text needs.
QRectF tour_card_rect(const QRectF& band, double lines_px, const std::optional<QRectF>& lit);

/// The text size of the card on a canvas of `size`: large, for the back of the room.
double tour_text_px(QSizeF size);

/// Dims the band but the spotlit element, then paints the card. Called last by render().
void paint_tour_overlay(QPainter& p, const Frame& frame, const SceneLayout& layout,
                        const TourCard& card, const Palette& colours);

} // namespace wn::ui

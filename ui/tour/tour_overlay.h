#pragma once

#include "ui/layout.h"
#include "ui/model/frame.h"
#include "ui/palette.h"
#include "ui/tour/tour_card.h"

#include <QRectF>
#include <functional>
#include <optional>
#include <vector>

class QPainter;

namespace wn::ui {

/// The rectangle of the scene that `spotlight` keeps lit, from the layout: nothing for no
/// spotlight, an empty rectangle when the element is not on this canvas (a version already
/// freed, a chart: then the whole scene dims).
std::optional<QRectF> spotlight_rect(const Frame& frame, const SceneLayout& layout,
                                     const Spotlight& spotlight);

/// What else stays lit with the spotlit element: a thread's snapshot, the RSState version
/// it holds (its arrow is the step's point). Empty for any other spotlight.
std::vector<QRectF> spotlight_also(const Frame& frame, const SceneLayout& layout,
                                   const Spotlight& spotlight);

/// The part of the canvas the tour dims and puts its card in: the scene between the caption
/// line and the invariant badges, which stay as they are (the narration and the verdicts).
QRectF tour_band(const SceneLayout& layout);
/// The height the card needs when it is `width` wide.
using CardHeight = std::function<double(double width)>;
/// Where the card goes inside `band`: across its bottom or its top, or in the dimmed strip
/// beside the lit element (taller, narrower; right, then left) if its text fits there;
/// whichever hides least of the lit element, then least of `keep` (the thread tokens), in
/// that order on a tie. With no lit element on the canvas, the strip is beside `keep`.
QRectF tour_card_rect(const QRectF& band, const CardHeight& height,
                      const std::optional<QRectF>& lit, const std::vector<QRectF>& keep = {});
/// The same for a card of a fixed height.
QRectF tour_card_rect(const QRectF& band, double lines_px, const std::optional<QRectF>& lit);

/// The scene's layout for a frame on a canvas of `size` under `card` (layout_for() with no
/// card or no text). Where the card's text fits a strip at the right edge and the scene
/// beside it keeps its text size (a wide scene, limited by its height), the scene is laid
/// out left of the strip, the caption and the badges keeping the whole width: the card then
/// hides nothing the step talks about.
SceneLayout tour_layout(const Frame& frame, QSizeF size, double font_scale, const TourCard* card);
/// The strip tour_layout() left for the card right of the scene; empty when it left none.
QRectF tour_room(const SceneLayout& layout);

/// Where paint_tour_overlay() puts `card`'s box on this frame (empty: no text, no card).
QRectF tour_card_box(const Frame& frame, const SceneLayout& layout, const TourCard& card);

/// The text size of the card on a canvas of `size`: large, for the back of the room.
double tour_text_px(QSizeF size);

/// A card on its own (a comparison's, in a band across the window under its panes): its
/// height when `width` wide, its text at `px` and nothing under `min_px`; infinite when a
/// word is wider than the card.
double tour_card_height(const TourCard& card, double width, double px, double min_px);
/// Paints `card` filling `box`, its text from the top.
void paint_tour_card(QPainter& p, const QRectF& box, const TourCard& card, double px, double min_px,
                     const Palette& colours);

/// Dims the band but the spotlit element, then paints the card. Called last by render().
void paint_tour_overlay(QPainter& p, const Frame& frame, const SceneLayout& layout,
                        const TourCard& card, const Palette& colours);

} // namespace wn::ui

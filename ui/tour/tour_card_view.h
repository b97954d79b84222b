#pragma once

#include "ui/palette.h"
#include "ui/tour/tour_card.h"

#include <QWidget>
#include <memory>

namespace wn::ui {

/// A comparison step's card, in a band of its own across the window under the panes: it
/// hides nothing in either pane, and the panes keep their width, which sets their text size.
class TourCardView : public QWidget {
    Q_OBJECT
public:
    explicit TourCardView(QWidget* parent = nullptr);

    /// The card at text `px`, no text under `min_px`.
    void set_card(std::shared_ptr<const TourCard> card, const Palette& colours, double px,
                  double min_px);
    /// The height the card needs `width` wide, whichever hint it shows (the band keeps its
    /// height while the step plays to its stop).
    int height_for(int width) const;
    /// Where the card is painted, in this widget.
    QRectF card_box() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double margin() const;

    std::shared_ptr<const TourCard> m_card;
    Palette m_colours = ui::palette();
    double m_px = 20, m_min_px = 0;
};

} // namespace wn::ui

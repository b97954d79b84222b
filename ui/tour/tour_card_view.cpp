#include "ui/tour/tour_card_view.h"

#include "ui/tour/tour_overlay.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace wn::ui {

TourCardView::TourCardView(QWidget* parent) : QWidget(parent) {
    setObjectName("tour_card_view");
}

void TourCardView::set_card(std::shared_ptr<const TourCard> card, const Palette& colours, double px,
                            double min_px) {
    m_card = std::move(card);
    m_colours = colours;
    m_px = px;
    m_min_px = min_px;
    update();
}

double TourCardView::margin() const {
    return std::max(4.0, m_px * 0.25);
}

int TourCardView::height_for(int width) const {
    if (!m_card || m_card->text.isEmpty())
        return 0;
    const double inner = width - 2 * margin();
    double h = tour_card_height(*m_card, inner, m_px, m_min_px);
    // The longest hint, shown while the step plays to its stop.
    TourCard playing = *m_card;
    playing.hint = QString::fromUtf8("playing to the stop\u2026");
    h = std::max(h, tour_card_height(playing, inner, m_px, m_min_px));
    if (!std::isfinite(h))
        return QWIDGETSIZE_MAX;
    return static_cast<int>(std::ceil(h + 2 * margin()));
}

QRectF TourCardView::card_box() const {
    const double m = margin();
    return QRectF(rect()).adjusted(m, m, -m, -m);
}

void TourCardView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), m_colours.background);
    if (m_card && !m_card->text.isEmpty())
        paint_tour_card(p, card_box(), *m_card, m_px, m_min_px, m_colours);
}

} // namespace wn::ui

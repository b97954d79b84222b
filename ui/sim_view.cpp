#include "ui/sim_view.h"

#include "ui/model/pacing.h"
#include "ui/tour/tour_overlay.h"

#include <QMouseEvent>
#include <QPainter>
#include <utility>

namespace wn::ui {

SimView::SimView(SimController& controller, int pane, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_pane(pane) {
    setMinimumSize(320, 240);
    // The scene fills its whole rect, so Qt need not fill it first. Without this, whenever
    // more than the view needed a repaint (one frame in about 32 while playing), Qt first
    // filled the window's background under it, 1920x1000 pixels: 3-10 ms that started that
    // frame late.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    connect(&controller, &SimController::changed, this, qOverload<>(&SimView::update));
    connect(&controller, &SimController::frames_due, this, [this] {
        prepare_frame();
        m_prepared = true;
    });
    // Not painted in its tick (hidden), the frame is stale by the next paint.
    connect(&controller, &SimController::frame_shown, this, [this] { m_prepared = false; });
}

void SimView::set_selection(Hit hit) {
    m_selection = hit;
    update();
}

void SimView::set_caption_override(const QString& text) {
    m_caption_override = text;
    update();
}

void SimView::set_palette(const Palette& colours) {
    m_palette = colours;
    update();
}

RenderOptions SimView::options() const {
    RenderOptions o;
    o.playing = m_controller.playing();
    // The scene's clock tells the speed the run really plays at, as the toolbar's label does:
    // a projector shows no toolbar.
    o.speed = played_speed(m_controller.effective_speed(), m_controller.played_share());
    o.slowed = m_controller.slowed();
    o.trail_s = m_controller.trail_s();
    o.caption_override = m_caption_override;
    o.tour = m_tour_card;
    if (m_selection.kind == Hit::Kind::Thread)
        o.selected_thread = m_selection.index;
    if (m_selection.kind == Hit::Kind::Member)
        o.selected_member = m_selection.index;
    if (m_selection.kind == Hit::Kind::Version)
        o.selected_version = m_selection.index;
    return o;
}

void SimView::set_tour_card(std::shared_ptr<const TourCard> card) {
    m_tour_card = std::move(card);
    update();
}

void SimView::prepare_frame() {
    if (m_pane >= m_controller.panes())
        return;
    m_frame = m_controller.view_frame(m_pane);
}

void SimView::render_to(QPainter& painter, QSize size) {
    if (!std::exchange(m_prepared, false))
        prepare_frame();
    m_layout = tour_layout(m_frame, size, m_palette.font_scale, m_tour_card.get());
    ui::render(painter, m_frame, m_layout, options(), m_palette);
}

void SimView::paintEvent(QPaintEvent*) {
    // A view of a pane that a change of strategies removed paints once more before
    // deleteLater() takes it: its pane no longer exists.
    QPainter painter(this);
    if (m_pane >= m_controller.panes()) {
        painter.fillRect(rect(), m_palette.background); // opaque: nothing beneath shows
        return;
    }
    render_to(painter, size());
}

void SimView::mousePressEvent(QMouseEvent* event) {
    const Hit hit = hit_test(m_layout, event->position());
    switch (hit.kind) {
    case Hit::Kind::Member:
        emit member_clicked(hit.index, event->globalPosition().toPoint());
        break;
    case Hit::Kind::Thread:
        emit thread_clicked(hit.index, event->globalPosition().toPoint());
        break;
    case Hit::Kind::Version:
        if (m_frame.heap && static_cast<std::size_t>(hit.index) < m_frame.heap->versions.size())
            emit version_clicked(
                m_frame.heap->versions[static_cast<std::size_t>(hit.index)].version);
        break;
    case Hit::Kind::Monitor:
        emit monitor_clicked(event->globalPosition().toPoint());
        break;
    case Hit::Kind::Client:
    case Hit::Kind::None:
        emit background_clicked();
        break;
    }
}

} // namespace wn::ui

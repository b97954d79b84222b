#pragma once

#include "ui/controller.h"
#include "ui/layout.h"
#include "ui/renderer.h"

#include <QWidget>

namespace wn::ui {

/// The canvas: paints the controller's current frame with the shared renderer and turns
/// clicks into signals naming what was clicked.
class SimView : public QWidget {
    Q_OBJECT
public:
    /// Shows pane `pane` of the controller (one strategy of a comparison).
    SimView(SimController& controller, int pane, QWidget* parent = nullptr);
    int pane() const { return m_pane; }

    void set_selection(Hit hit);
    Hit selection() const { return m_selection; }
    void set_caption_override(const QString& text);
    /// A guided tour's card and spotlight over the scene (nullptr: none).
    void set_tour_card(std::shared_ptr<const TourCard> card);
    /// The card and spotlight set_tour_card() gave (nullptr: none); a comparison's panes get
    /// a spotlight only, their card being in the band under them.
    const TourCard* tour_card() const { return m_tour_card.get(); }
    void set_palette(const Palette& colours);
    const SceneLayout& last_layout() const { return m_layout; }
    /// Paints into `image` exactly what the window shows.
    void render_to(QPainter& painter, QSize size);
    /// Builds the frame the next paint shows from the runs as they stand now (playing: just
    /// before they advance while the view paints).
    void prepare_frame();

signals:
    void member_clicked(int index, QPoint global);
    void thread_clicked(int id, QPoint global);
    void version_clicked(int version);
    void monitor_clicked(QPoint global);
    void background_clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    RenderOptions options() const;

    SimController& m_controller;
    int m_pane;
    SceneLayout m_layout;
    Frame m_frame;
    bool m_prepared = false; // m_frame is prepare_frame()'s, for the next paint
    Hit m_selection;
    QString m_caption_override;
    std::shared_ptr<const TourCard> m_tour_card;
    Palette m_palette = ui::palette();
};

} // namespace wn::ui

#pragma once

#include <QObject>
#include <QSize>

class QMainWindow;

namespace wn::ui {

class MainWindow;

/// The size the panes need to stay readable: `panes` of them (side by side, four as 2x2) at
/// text size `font_scale` in a window of `window` size. At text size 1 capped to a share of
/// the window, so that the docks keep a usable part of it; at larger text the panes' room
/// comes first.
QSize scene_room_wanted(QSize window, int panes, double font_scale);

/// Keeps the scene usable while docks are open: when the panes get less than
/// scene_room_wanted (a dock opened, dragged or the window shrank), the docks beside and
/// under them give the difference back, down to their own minimum size (the charts scroll,
/// the side panels wrap), and if that is not enough, the panels on the left become tabs of
/// those on the right, or panels on one side only become tabs of those under the scene.
class SceneRoom : public QObject {
    Q_OBJECT
public:
    /// Watches `panes`, the widget holding the window's scene panes.
    SceneRoom(MainWindow& window, QWidget& panes);

    /// Shrinks the docks now if the panes are short of room.
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Gives up to `by` pixels of the docks across the scene; returns what they could spare.
    int shrink_docks(Qt::Orientation across, int by);
    void tabify_side_docks();

    MainWindow& m_window;
    QWidget& m_panes;
    bool m_pending = false;
};

} // namespace wn::ui
